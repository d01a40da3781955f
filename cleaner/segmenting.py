"""Splitting input text into documents and lines.

Line breaks are ``\\r\\n``, ``\\r``, ``\\n``, ``\\v``, NEL, and the Unicode line
and paragraph separators. A form feed separates documents in a stream; inside
a single document it is a line break. A line that is empty once normalized
(whitespace, no-break spaces, zero-width characters only) is blank: it keeps
its number but is not classified.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .document import Line
from .normalizing import (
    as_displayed,
    decode_entities,
    has_link_numbers,
    has_link_targets,
    has_mojibake,
    holds_markdown,
    normalize_line,
    repair_encoding,
    strip_link_numbers,
    strip_link_targets,
    strip_markdown,
)
from .ungluing import flat_lines, flat_sentences, is_glued, unglue
from .unwrapping import unwrap

_LINE_BREAK = re.compile("\r\n|[\r\n\v\f\x85\u2028\u2029]")
# The breaks other than "\n": searched for first, since a text without any (most text dumps, each
# block of an HTML page) splits on "\n" alone, at half the cost of the pattern's split.
_OTHER_BREAK = re.compile("[\r\v\f\x85\u2028\u2029]")

#: Separator of plain-text documents in one stream.
DOCUMENT_SEPARATOR = "\f"


def split_lines(text: str) -> list[str]:
    """Split on every line break this module recognises.

    >>> split_lines("a\\r\\nb\\rc\\u2028d")
    ['a', 'b', 'c', 'd']
    """
    if _OTHER_BREAK.search(text) is None:
        return text.split("\n")
    return _LINE_BREAK.split(text)


def segment(text: str, *, ascii_punctuation: bool = False, layout: bool = True) -> list[Line]:
    """The non-blank lines of one document, numbered from 1, normalized.

    Mojibake is repaired and character references decoded line by line,
    after splitting, so neither can change the numbering of the input lines
    (a decoded ``&#10;`` is a space). The paragraphs of a hard-wrapped
    text are joined first (:func:`cleaner.unwrapping.unwrap`): each is one
    line, numbered by its first input line. The long lines of a glued text
    (:mod:`cleaner.ungluing`: a page's blocks run together, as
    ``soup.get_text()`` writes a minified page) are split where two blocks
    meet, and the lines of a flat text (the whole page on one line, or a few
    long lines) into
    sentences; the parts share their input line's number. ``layout=False`` skips
    what repairs a converter's layout (the joining, the splitting, a text
    browser's link numbers, bracketed link targets):
    for text that comes in paragraphs already, as an HTML extraction's blocks.
    """
    # every step reads the text as displayed: words, seams and mojibake ("youâ\x80\x99re") in
    # composed letters, line lengths and bullets without invisible characters
    text = as_displayed(text)
    repair = has_mojibake(text)
    split = split_lines(text)
    numbered = layout and has_link_numbers(text)
    targeted = layout and has_link_targets(text)
    glued = layout and is_glued(split)
    flat = flat_lines(split, glued) if layout else frozenset()
    lines = []
    for first, last, whole in unwrap(split) if layout else ((i, i, raw) for i, raw in enumerate(split)):
        parts = flat_sentences(whole, glued) if first in flat else unglue(whole) if glued else (whole,)
        for raw in parts:
            fixed = decode_entities(repair_encoding(raw) if repair else raw)
            norm = normalize_line(fixed, ascii_punctuation=ascii_punctuation)
            if holds_markdown(norm):
                norm = strip_markdown(norm)
            if numbered:
                norm = strip_link_numbers(norm)
            if targeted:
                norm = strip_link_targets(norm)
            if norm:
                lines.append(Line(number=first + 1, raw=raw, text=norm, end=last + 1 if last > first else None))
    return lines


# The list of link targets lynx, links and elinks write after a dump's text:
# a "References" header, "Visible links" / "Hidden links" sections, one
# numbered target a line.
_LINK_LIST_HEADER = re.compile(r"(?i)references:?")
_LINK_LIST_SECTION = re.compile(r"(?i)(visible|hidden) links:?")
_LINK_LIST_ITEM = re.compile(r"\d{1,5}\. (?:[A-Za-z][A-Za-z0-9+.-]*:|[/#.?])\S*")


def link_list_start(lines: list[Line]) -> int:
    """Where the list of link targets that ends a text-browser dump begins:
    a "References" header followed by numbered targets only
    (``len(lines)`` when the text does not end with one).

    >>> texts = ["Rebels took the town.", "References", "1. https://example.org/a", "2. /news"]
    >>> link_list_start([Line(i + 1, t, t) for i, t in enumerate(texts)])
    1
    """
    start = len(lines)
    items = 0
    while start > 0 and (
        _LINK_LIST_ITEM.fullmatch(lines[start - 1].text) or _LINK_LIST_SECTION.fullmatch(lines[start - 1].text)
    ):
        start -= 1
        items += lines[start].text[0].isdigit()
    if items and start > 0 and _LINK_LIST_HEADER.fullmatch(lines[start - 1].text):
        return start - 1
    return len(lines)


def split_documents(chunks: Iterable[str]) -> Iterator[str]:
    """Yield the form-feed separated documents of a text stream, lazily.

    A stream with no form feed is one document; an empty or blank stream
    yields nothing.

    >>> list(split_documents(["one\\fsec", "ond\\f\\f"]))
    ['one', 'second']
    """
    pending: list[str] = []
    for chunk in chunks:
        parts = chunk.split(DOCUMENT_SEPARATOR)
        pending.append(parts[0])
        for part in parts[1:]:
            document = "".join(pending)
            if document.strip():
                yield document
            pending = [part]
    document = "".join(pending)
    if document.strip():
        yield document
