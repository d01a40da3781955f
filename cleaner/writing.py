"""Rendering documents: readable text, markdown, JSONL records, explain views."""

from __future__ import annotations

import json
from typing import Any

from .document import Document, Label, Line
from .features import NUMBERED_ITEM, without_bullet
from .pipeline import readable_text
from .reading import Reject

OUTPUT_FORMATS = ("text", "jsonl", "markdown")
#: Between two documents in text and markdown output: a form feed on its own
#: line, which is also what ``cleaner`` reads as a document separator.
DOCUMENT_SEPARATOR = "\f\n"

_LABEL_WIDTH = max(len(label.value) for label in Label)


def to_record(doc: Document, *, explain: bool = False) -> dict[str, Any]:
    """The JSONL record: unknown input fields untouched, then the cleaner's fields."""
    record: dict[str, Any] = dict(doc.extra)
    record.update(
        id=doc.id,
        title=doc.title,
        standfirst=doc.standfirst,
        byline=doc.byline,
        dateline=doc.dateline,
        lang=doc.lang,
        lang_prob=doc.lang_prob,
        text=doc.text,
    )
    for key, value in (("date", doc.date), ("site_name", doc.site_name), ("url", doc.url)):
        if value is not None or key not in record:  # an input record's own url etc. is kept when HTML gave none
            record[key] = value
    if doc.flags:
        record["flags"] = list(doc.flags)
    if doc.dup_similarity is not None:
        record.update(dup_of=doc.dup_of, dup_similarity=doc.dup_similarity)
    if explain:
        record["lines"] = [line.as_record() for line in doc.lines]
    return record


def _markdown_item(text: str) -> str | None:
    """A body line as a Markdown list item, or None when it is no list item:
    a converter's bullet ("•", "*", "o", "▪" …) becomes "- ", a numbered item stays."""
    item = without_bullet(text)
    if item != text:
        return f"- {item}"
    return text if NUMBERED_ITEM.match(text) else None  # Markdown's own


def to_markdown(doc: Document) -> str:
    """``#`` headline, the standfirst in emphasis, the credits, then the body:
    ``##`` subheadings, and each run of list items as one Markdown list (the
    same ``- `` bullet whatever the converter wrote)."""
    parts = []
    if doc.title:
        parts.append(f"# {doc.title}")
    if doc.standfirst:
        parts.append(f"*{doc.standfirst}*")
    credits = " · ".join(x for x in (doc.byline and f"By {doc.byline}", doc.dateline, doc.date) if x)
    if credits:
        parts.append(credits)
    in_list = False
    for line in doc.paragraphs:
        item = None if line.label is Label.HEADING else _markdown_item(line.text)
        if item is not None and in_list:
            parts[-1] += "\n" + item
        else:
            parts.append(f"## {line.text}" if line.label is Label.HEADING else item or line.text)
        in_list = item is not None
    return "\n\n".join(parts)


def _numbers(line: Line) -> str:
    return f"{line.number}-{line.end}" if line.end is not None else str(line.number)


def to_explain_text(doc: Document) -> str:
    """Every non-blank input line, prefixed by its number (``12-14`` for a
    hard-wrapped paragraph's lines joined), label and reason."""
    rows = [
        f"{_numbers(line):>5} {line.label.value:<{_LABEL_WIDTH}} {line.reason:<28} {line.text}" for line in doc.lines
    ]
    head = f"# id={doc.id} lang={doc.lang} title={doc.title!r} byline={doc.byline!r} dateline={doc.dateline!r}"
    if doc.dup_similarity is not None:
        head += f" dup_of={doc.dup_of!r} dup_similarity={doc.dup_similarity}"
    return "\n".join([head, *rows])


#: Characters JSON allows raw in a string that Unicode-aware line readers
#: (Python's ``str.splitlines``, JavaScript before ES2019) take for line
#: breaks: NEL and the line and paragraph separators. Written as ``\u``
#: escapes, so one record is one line for every reader.
_LINE_BREAKS_IN_STRINGS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(record: dict[str, Any]) -> str:
    """One JSON line. Lone surrogates passed through from the input (JSON
    ``"\\ud800"``) cannot be written as UTF-8: such a record is written with
    ``\\u`` escapes instead, which round-trips.

    >>> dumps({"url": "a\\u2028b"})
    '{"url": "a\\\\u2028b"}\\n'
    """
    line = json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS_IN_STRINGS)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


def render(doc: Document, fmt: str, *, explain: bool = False) -> str:
    """One document as a chunk of output (newline-terminated)."""
    if fmt == "jsonl":
        return dumps(to_record(doc, explain=explain))
    if explain:
        return to_explain_text(doc) + "\n"
    body = to_markdown(doc) if fmt == "markdown" else readable_text(doc)
    return body + "\n"


def reject_line(reject: Reject) -> str:
    return dumps(reject.as_record())
