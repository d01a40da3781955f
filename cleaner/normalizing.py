"""Text normalization: what every emitted line goes through.

Policy (documented in the README):

* before anything measures its lines, a text is taken as displayed
  (:func:`as_displayed`): the invisible format characters below go, every
  Unicode space becomes a plain one, and it is composed (NFC);
* mojibake is repaired with ftfy, but only when a cheap check sees the
  signature of UTF-8 read as Latin-1/cp1252 (ftfy's own check costs more
  than the whole cleaning of a page);
* HTML character references (``&amp;``, ``&#8217;``, ``&nbsp;``: what a
  scraper that strips the tags without decoding leaves) are decoded, over
  and over until none is left (``&amp;amp;`` is ``&``), in a line with no
  ``<`` (with a ``<`` in it the line may be markup or code about markup,
  whose references are meant as written: ftfy's rule, line by line so that
  cleaning twice changes nothing). Only references closed by ``;`` count:
  "?lang=en&notify=1" keeps its ``&not`` (see :func:`decode_entities`);
* Unicode NFC;
* no-break spaces, tabs and every other ``Zs`` space become a plain space,
  runs of spaces one space, indentation and trailing spaces go;
* C0/C1 control characters, lone surrogates, zero-width spaces, word
  joiners, BOMs, soft hyphens and bidi embedding/override controls are
  removed. The zero-width (non-)joiners U+200C/U+200D are kept: they are
  spelling in Persian and Indic scripts and glue emoji sequences;
* typographic quotes and dashes are kept unless ``ascii_punctuation`` asks
  to fold them.

Markdown markup, as Markdown-writing scrapers and converters emit it
(html2text, reader services), goes from a line and its words stay: ATX
heading marks, ``**strong**``, ``__strong__``, ``*emphasis*`` and ``_emphasis_``, links
``[text](url)`` become their text, images ``![alt](src)`` go (alt text
describes a picture, it is not the article's text),
the halves of a link split over lines lose their brackets and target, and
autolinks ``<https://…>`` their angle brackets (see :func:`strip_markdown`).
List bullets stay: they are the line's shape.

The link numbers of a lynx-style dump (``[12]Link text``) go from every
line of a text that has at least ``LINK_NUMBER_MIN`` of them (see
:func:`has_link_numbers`), and so do the bracketed link targets of a text
that writes them after each link ("the report [https://example.org/r]",
at least ``LINK_TARGET_MIN`` of them, see :func:`has_link_targets`).

Line breaks are not handled here: :mod:`cleaner.segmenting` splits lines.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.entities import html5
from itertools import islice

import ftfy

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # "&amp;amp;" must not shrink on every pass (idempotence)
    uncurl_quotes=False,
    fix_character_width=False,  # full-width forms are legitimate CJK text
    fix_line_breaks=False,
    normalization="NFC",
    explain=False,
)

# A UTF-8 lead byte read as Latin-1/cp1252 (Â..ô) followed by what a
# continuation byte becomes in those encodings. Cheap gate in front of ftfy.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)

# The format characters a reader does not see: soft hyphen; zero-width space, word joiner, BOM;
# bidi embeddings, overrides and isolates.
_INVISIBLE = "\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
# The spaces other than " " (Unicode Zs): a no-break space looks like any other.
_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_REMOVED = (
    "\u0000-\u0008\u000b-\u001f\u007f-\u009f"  # C0 and C1 controls (\t and \n are handled apart)
    + _INVISIBLE
    + "\ud800-\udfff"  # lone surrogates (from JSON "\ud800")
)
_REMOVE_RE = re.compile(f"[{_REMOVED}]")

_ASCII_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def as_displayed(text: str) -> str:
    """``text`` as a reader sees it, before anything measures its lines: composed (NFC; macOS
    writes NFD), without the invisible format characters (a zero-width space, a soft hyphen,
    a BOM), which would lengthen lines and hide a list's bullet, and with every space a plain
    one (a no-break space after a short word hid a glued text's seams). Line breaks stay as
    they are.

    >>> as_displayed("Cafe\u0301 \u200bau\u00adlait"), as_displayed("e\u200b\u0301"), as_displayed("à\u00a0bientôt")
    ('Café aulait', 'é', 'à bientôt')
    """
    if text.isascii():
        return text
    # first: a letter and its accent may be either side of an invisible character
    text = _SPACE_RE.sub(" ", _INVISIBLE_RE.sub("", text))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def has_mojibake(text: str) -> bool:
    """Whether ``text`` shows the signature of UTF-8 read as cp1252/Latin-1."""
    return _MOJIBAKE_HINT.search(text) is not None


def repair_encoding(text: str) -> str:
    """Undo mojibake (UTF-8 decoded as cp1252/Latin-1) when there is a sign of it.

    >>> repair_encoding("cafÃ©")
    'café'
    >>> repair_encoding("café")
    'café'
    """
    return ftfy.fix_text(text, _FTFY_CONFIG) if has_mojibake(text) else text


# A character reference closed by ";": decimal, hexadecimal or named (looked up in HTML5's table, so
# a name that is not one, "&nbspx;", stays as written; html.unescape would read its "&nbsp").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decoded(reference: re.Match[str]) -> str:
    text = reference.group()
    if text[1] == "#":
        return html.unescape(text)  # a code point; out of range or a surrogate: U+FFFD
    return html5.get(text[1:], text)


def decode_entities(line: str) -> str:
    """``line`` with its character references decoded until none is left,
    unless it holds a ``<`` (then it may be markup, or code about markup).

    >>> decode_entities("Tom &amp;amp; Jerry&#8217;s &quot;show&quot;&nbsp;&copy;")
    'Tom & Jerry’s "show"\xa0©'
    >>> decode_entities("&nbspx; &madeup; AT&T, R&D, ?a=1&notify=2")
    '&nbspx; &madeup; AT&T, R&D, ?a=1&notify=2'
    >>> decode_entities("Write &amp; as <code>&amp;amp;</code>")
    'Write &amp; as <code>&amp;amp;</code>'
    """
    if "<" in line:
        return line
    while "&" in line:
        decoded = _ENTITY.sub(_decoded, line)
        if decoded == line:
            break
        line = decoded
    return line


#: Longest line :func:`strip_markdown` reads: its lazy patterns would cost
#: time quadratic in the length of a dump-sized line full of ``**``; real
#: paragraphs are far shorter.
MARKDOWN_MAX_CHARS = 10_000
_MD_HEADING = re.compile(r"^(?:#{1,6}[ \t]+)+(?=\S)")
# A link target: no spaces, parentheses only escaped ("javascript:print\(\)",
# as html2text writes them), then an optional "title".
_MD_TARGET = r"\((?:[^()\s\\]|\\.)*(?:\s+\"[^\"]*\")?\)"
# A link's or image's text: escaped brackets allowed ("\[Reuters\]").
_MD_TEXT = r"((?:[^\]\[\\]|\\.)*)"
_MD_IMAGE = re.compile(r"!\[" + _MD_TEXT + r"\]" + _MD_TARGET)
# a link around an image ("[![alt](src)](href)") is left with no text
_MD_LINK = re.compile(r"\[" + _MD_TEXT + r"\]" + _MD_TARGET)
# The halves of a link whose text spans lines ("[" … "](href)", as reader
# services write teaser cards): the opener alone on its line (after a
# bullet: "arr = [" in code stays), the closer at the start of another.
_MD_LINK_OPENER = re.compile(r"^([*+-] )?!?\[\**$")
_MD_LINK_CLOSER = re.compile(r"^\**\]" + _MD_TARGET + r"\**")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^\s<>]+)>")
# A marker escaped with a backslash ("\\*", "\\_") is a literal character: it neither opens nor closes.
_MD_STRONG = re.compile(r"(?<!\\)\*\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*\*")
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])")
# Underscores also make identifiers (``__init__``, ``_private_``): only a
# capitalized or several-word run between them is emphasis.
_MD_UNDERSCORED = re.compile(r"(?<![\w\\])(__?)(?=[^\s_])((?:[A-Z]|[^_\s]+\s)[^_]*?)(?<=[^\s_\\])\1(?!\w)")
# An asterisk or underscore a Markdown writer escaped ("snake\\_case", "Terms apply\\*", as
# markdownify writes them), not after an escaped backslash.
_MD_ESCAPED = re.compile(r"(?<!\\)\\([*_])")


def strip_markdown(line: str) -> str:
    """A normalized line without its Markdown markup (repeated until none is left)
    and without the escape html2text puts at the start of a line so that it
    does not read as a list ("1\\. Januar", "\\- 5 °C", "\\+ ab 2024"), nor
    the one before an asterisk or an underscore ("snake\\_case").

    >>> strip_markdown("## **Breaking:** read [the report](https://example.org/r) _right now_")
    'Breaking: read the report right now'
    >>> strip_markdown("[![](logo.png)](/) [Home](/)")
    'Home'
    >>> strip_markdown("snake_case_name, __init__, 2 ** 3, #hashtag and * a bullet")
    'snake_case_name, __init__, 2 ** 3, #hashtag and * a bullet'
    >>> strip_markdown(r"**1\\. Choose the Right Pot**"), strip_markdown(r"\\- 5 °C")
    ('1. Choose the Right Pot', '- 5 °C')
    >>> print(strip_markdown(r"C:\\Users\\jane and \\d+\\.\\d+"))
    C:\\Users\\jane and \\d+\\.\\d+
    >>> print(strip_markdown(r"snake\\_case, a footnote\\*, \\_\\_init\\_\\_ and **bold**"))
    snake_case, a footnote*, __init__ and bold

    An escape whose character would make markup once unescaped stays, so
    that cleaning the result again changes nothing:

    >>> print(strip_markdown(r"\\*\\*not bold\\*\\* and \\*starred\\*"))
    \\*\\*not bold\\*\\* and \\*starred\\*
    """
    line = _strip_markup(line)
    if line.startswith(_LINE_ESCAPE_OPENERS):
        line = _MD_LINE_ESCAPE.sub(r"\1", line)
    if "\\" in line:
        unescaped = _MD_ESCAPED.sub(r"\1", line)
        if _strip_markup(unescaped) == unescaped:
            line = unescaped
    return line


def holds_markdown(line: str) -> bool:
    """Whether :func:`strip_markdown` may change ``line`` (when not, it gives it back).

    >>> holds_markdown("Plain words, 2 of them."), holds_markdown("**Bold**"), holds_markdown(r"1\\. Januar")
    (False, True, True)
    """
    return _MARKUP_CHAR.search(line) is not None or line.startswith(_LINE_ESCAPE_OPENERS)


#: html2text's escapes at the start of a line: an ordered-list number's dot,
#: a dash or plus that would open a bullet.
_MD_LINE_ESCAPE = re.compile(r"^(\d+)\\(?=\.(?:\s|$))|^\\(?=[-+](?:\s|-|$))")
_LINE_ESCAPE_OPENERS = ("\\", *"0123456789")


#: A character some Markdown markup :func:`_strip_markup` removes holds.
_MARKUP_CHAR = re.compile(r"[#*_\[\]<]")


def _strip_markup(line: str) -> str:
    if len(line) > MARKDOWN_MAX_CHARS or _MARKUP_CHAR.search(line) is None:
        return line
    while True:
        # each pattern runs only when the text holds a literal every match of it holds
        stripped = _MD_HEADING.sub("", line) if "#" in line else line
        if "](" in stripped:
            if "![" in stripped:
                stripped = _MD_IMAGE.sub("", stripped)
            stripped = _MD_LINK.sub(r"\1", stripped)
            stripped = _MD_LINK_CLOSER.sub("", stripped)
        if stripped.endswith(("[", "*")):
            stripped = _MD_LINK_OPENER.sub(r"\1", stripped)
        if "<" in stripped:
            stripped = _MD_AUTOLINK.sub(r"\1", stripped)
        if "*" in stripped:
            if "**" in stripped:
                stripped = _MD_STRONG.sub(r"\1", stripped)
            stripped = _MD_EMPHASIS.sub(r"\1", stripped)
        if "_" in stripped:
            stripped = _MD_UNDERSCORED.sub(r"\2", stripped)
        stripped = " ".join(stripped.split())
        if stripped == line:
            return line
        line = stripped


#: A text is a lynx, links or elinks dump with numbered links ("[12]Link text", and
#: a "References" list of the targets at its end) when at least this many
#: link numbers open a word. Calibrated on the dumps of the dev pages
#: (``python -m bench.converters --converters lynx``): no inscriptis, plain,
#: html2text, markdown, wrapped or text-node dump has more than three (a
#: year in brackets before a name: "[2026]Michelle"), 2,593 of the 2,668
#: lynx-style dumps have four or more.
LINK_NUMBER_MIN = 4
_LINK_NUMBER_GLUED = re.compile(r"(?<!\w)\[\d{1,5}\](?=[\w\"“‘'])")
_LINK_NUMBER = re.compile(r"(?<!\w)\[\d{1,5}\] ?")


def has_link_numbers(text: str) -> bool:
    """Whether ``text`` numbers its links as lynx does (``LINK_NUMBER_MIN`` or more)."""
    return _has_marks(text, _LINK_NUMBER_GLUED, LINK_NUMBER_MIN)


def _has_marks(text: str, mark: re.Pattern[str], minimum: int) -> bool:
    """Whether ``text`` holds at least ``minimum`` matches of ``mark`` (a
    pattern whose every match holds a "[")."""
    if "[" not in text:
        return False
    return len(list(islice(mark.finditer(text), minimum))) == minimum


def strip_link_numbers(line: str) -> str:
    """A line of a numbered-links dump without its link numbers.

    >>> strip_link_numbers("Read the [12]full report ([13]PDF) on [14] the site")
    'Read the full report (PDF) on the site'
    """
    return _strip_marks(line, _LINK_NUMBER)


def _strip_marks(line: str, mark: re.Pattern[str]) -> str:
    """``line`` without the matches of ``mark`` (a pattern whose every match holds a "["), spaces evened."""
    if "[" not in line:
        return line
    return " ".join(mark.sub("", line).split())


#: A text writes each link's target in brackets after its text ("the
#: report [https://example.org/r]", as the html-to-text package of Node.js
#: and some e-mail converters do) when it holds at least this many such
#: targets; they go from every line. Calibrated on the dumps of the 1,964
#: dev pages (scrapinghub-aeb, wcxb-dev articles, trafilatura-eval): of the
#: inscriptis, plain, html2text, markdown, wrapped, text-node and lynx dumps,
#: one page has four or more whatever the converter (WordPress shortcodes,
#: "[/box_colored]"), and two more in the Markdown and wrapped dumps; of the
#: pages written the html-to-text way (``python -m bench.converters
#: --converters htmltotext``), 1,936.
LINK_TARGET_MIN = 4
# a target: a URL with a scheme, a relative path (the home page "/" too) or a query
_LINK_TARGET = re.compile(
    r"(?i) ?\[(?:(?:https?://|ftp://|mailto:|tel:|javascript:|//|\.\.?/|\?|www\.)[^\]\s]+|/[^\]\s]*)\](?!\()"
)


def has_link_targets(text: str) -> bool:
    """Whether ``text`` writes its links' targets in brackets (``LINK_TARGET_MIN`` or more)."""
    return _has_marks(text, _LINK_TARGET, LINK_TARGET_MIN)


def strip_link_targets(line: str) -> str:
    """A line of a bracketed-targets text without its link targets.

    >>> strip_link_targets("Read the report [https://example.org/r] on the [/about] site [2].")
    'Read the report on the site [2].'
    """
    return _strip_marks(line, _LINK_TARGET)


def normalize_line(line: str, *, ascii_punctuation: bool = False) -> str:
    """Normalize one line of text (no line breaks expected inside).

    >>> normalize_line("\\u00a0 Hello\\u200b  world\\t ")
    'Hello world'
    >>> normalize_line("\\u201cQuoted\\u201d \\u2014 dash", ascii_punctuation=True)
    '"Quoted" - dash'
    """
    if not line.isascii():
        line = _REMOVE_RE.sub("", line)
        line = unicodedata.normalize("NFC", line)
        if ascii_punctuation:
            line = line.translate(_ASCII_FOLD)
    elif not line.isprintable():  # an ASCII line to remove from holds a control character
        line = _REMOVE_RE.sub("", line)
    # Runs of white space (NBSP included: str.split's and the regex \s's characters are the same)
    # to one space, the ends trimmed; a line has no breaks left. Cheaper than a substitution.
    return " ".join(line.split())
