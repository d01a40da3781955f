"""Page bytes to text, and the sniff that tells an HTML page from plain text.

- :func:`decode_html`: page bytes to text: BOM, then ``<meta charset>`` /
  ``http-equiv`` declarations, then UTF-8, then a detector
  (:func:`cleaner.html.detect_charset`: charset_normalizer stays behind
  :mod:`cleaner.html`); never raises, a bad byte becomes U+FFFD.
- :func:`declared_charset`: the codec a page's ``<meta>`` declares.
- :func:`looks_like_html`: the sniff used by ``--from auto``.
"""

from __future__ import annotations

import codecs
import re

from .html import detect_charset

#: Bytes of the page head searched for a charset declaration (the HTML
#: standard's prescan looks at the first 1024; real pages put theirs later).
CHARSET_PRESCAN_BYTES = 8192
#: Characters looked at by :func:`looks_like_html` for how a document opens.
SNIFF_CHARS = 2048
#: A document that opens like a page is a page when at least this share of
#: its non-blank lines (in the first ``MARKUP_SNIFF_CHARS`` characters;
#: scripts, styles and comments left out, to the end when the window cuts
#: them) holds a ``<`` or ``>``. Text dumps can open with a tag the converter
#: left ("<link rel=preload …" a regular expression could not take out, a
#: tracking pixel's ``<img>`` inscriptis wrote from a ``<noscript>``), and
#: read as HTML they came out empty or as a plain dump of a page that is not
#: one. ``python -m bench.html_dev sniff --datasets
#: scrapinghub-aeb,wcxb-dev,trafilatura-eval,readability-mozilla,newspaper4k-fixtures``:
#: the 2,818 dev pages that open like a page hold .086 at least (the median
#: 1.0); the six text dumps of them that do (tagstrip, inscriptis,
#: html2text, plain, Resiliparse) .021 at most, and two of an MDN page about
#: ``<table>``, whose text names tags on every few lines, stay HTML (.41 and
#: .11).
MARKUP_MIN_LINE_SHARE = 0.05
#: Characters of a document read for its markup line share: a page's head
#: and the start of its body (a script the window cuts counts as script).
#: With 4,096 the pages' minimum is .087 and one MDN text reads as text;
#: with 65,536 .142, but the sniff takes 2% of ``trafilatura.extract``'s
#: time on a page rather than 0.4% (200 wcxb-dev pages, one process).
MARKUP_SNIFF_CHARS = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{2,40})""", re.IGNORECASE)
# Labels the HTML standard maps to another decoder (latin-1 and ASCII are windows-1252 on the web).
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    # a UTF-16 or UTF-32 declaration on bytes without a BOM is UTF-8 (HTML standard, "prescan")
    "unicode": "utf-8",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "utf-32": "utf-8",
    "utf-32le": "utf-8",
    "utf-32be": "utf-8",
}
_SCRIPT_OR_COMMENT = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_START = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|"
    r"article|section|main|header|p|span|table|h[1-6]|ul|form|nav|!--)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def _codec(label: bytes | str) -> str | None:
    name = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    name = _CHARSET_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The codec named by a ``<meta charset>`` or ``http-equiv`` declaration, if any.

    >>> declared_charset(b'<html><head><meta charset="ISO-8859-1"><title>x</title>')
    'cp1252'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    'shift_jis'
    >>> declared_charset(b'<p>no declaration</p>') is None
    True
    """
    found = _META_CHARSET.search(data[:CHARSET_PRESCAN_BYTES])
    return _codec(found.group(1)) if found else None


def decode_html(data: bytes) -> str:
    """Page bytes as text; never raises.

    Order: a byte-order mark; strict UTF-8 when the page has non-ASCII bytes;
    the page's own declaration; strict UTF-8; the declaration again with
    replacement characters; charset_normalizer's guess; windows-1252 with
    replacement characters. Non-ASCII bytes that are valid UTF-8 are UTF-8
    whatever the page declares: pages re-encoded by a crawler keep their old
    ``<meta>``, and text in another charset (cp1252, Shift_JIS, GBK ...) is
    almost never valid UTF-8 by chance. A pure-ASCII page follows its
    declaration (ISO-2022-JP is 7-bit). As in the HTML standard, a UTF-16
    declaration without a BOM means UTF-8.

    >>> decode_html('<meta charset="utf-8"><p>café</p>'.encode())
    '<meta charset="utf-8"><p>café</p>'
    >>> decode_html('<meta charset="windows-1252"><p>café</p>'.encode("cp1252"))
    '<meta charset="windows-1252"><p>café</p>'
    >>> decode_html('<meta charset="shift_jis"><p>café</p>'.encode())
    '<meta charset="shift_jis"><p>café</p>'
    >>> decode_html(b"\\xef\\xbb\\xbf<p>x</p>")
    '<p>x</p>'
    >>> decode_html(b'<meta charset="utf-8"><p>bad \\xff byte</p>')
    '<meta charset="utf-8"><p>bad \\ufffd byte</p>'
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = declared_charset(data)
    candidates = [declared, "utf-8"] if data.isascii() else ["utf-8", declared]
    for codec in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if declared is not None:
        return data.decode(declared, errors="replace")
    guess = detect_charset(data)
    return data.decode((_codec(guess) if guess is not None else None) or "cp1252", errors="replace")


def looks_like_html(document: str | bytes) -> bool:
    """True when a document opens like an HTML page or fragment and its lines
    hold markup (``MARKUP_MIN_LINE_SHARE``), not a text that opens with a tag.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html(b"\\xef\\xbb\\xbf  <html lang=en>")
    True
    >>> looks_like_html("Headline\\n\\n<p> is a paragraph tag")
    False
    >>> looks_like_html('<div><img src="pixel.gif"></div>' + "\\nA line of the article's text." * 30)
    False
    """
    head = _head(document)
    return opens_like_html(head) and markup_line_share(head) >= MARKUP_MIN_LINE_SHARE


def _head(document: str | bytes) -> str:
    """The first ``MARKUP_SNIFF_CHARS`` characters, from the first one that is not a BOM or white space."""
    if isinstance(document, bytes):
        document = document[: MARKUP_SNIFF_CHARS * 4].decode("utf-8", errors="replace")
    return document[:MARKUP_SNIFF_CHARS].lstrip("\ufeff \t\r\n")


def opens_like_html(document: str | bytes) -> bool:
    """Whether a document opens with a doctype, a page's or a block's tag (a comment or XML declaration first)."""
    return _HTML_START.match(_head(document)[:SNIFF_CHARS]) is not None


def markup_line_share(document: str | bytes) -> float:
    """The share of the non-blank lines of the document's head (``MARKUP_SNIFF_CHARS``)
    that hold a ``<`` or ``>``, scripts, styles and comments left out (1.0 when it has none).

    >>> markup_line_share("<p>One</p>\\n<script>\\nvar a = 1;\\n</script>\\nText\\n")
    0.6666666666666666
    """
    lines = [line for line in _SCRIPT_OR_COMMENT.sub("<>", _head(document)).split("\n") if line.strip()]
    if not lines:
        return 1.0
    return sum(1 for line in lines if "<" in line or ">" in line) / len(lines)
