"""The one data type that flows through the pipeline: a document made of lines.

Every input line keeps its 1-based position, its text, the label the classifier
gave it and the reason for that label, so nothing is removed without a record.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Label(enum.StrEnum):
    """What an input line is. Only ``BODY`` and ``HEADING`` lines make the body text."""

    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    HEADING = "heading"
    BODY = "body"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"


#: Labels whose lines are emitted as body paragraphs.
BODY_LABELS = frozenset({Label.BODY, Label.HEADING})


@dataclass
class Line:
    """One non-blank input line and the decision taken about it.

    ``number`` is 1-based within its document; ``raw`` is the line as read,
    ``text`` its normalized form (what the output shows). A paragraph of a
    hard-wrapped text (:mod:`cleaner.unwrapping`) is one line: ``raw`` holds
    its input lines joined, ``number`` the first and ``end`` the last.
    """

    number: int
    raw: str
    text: str
    label: Label = Label.BODY
    reason: str = ""
    end: int | None = None

    def set(self, label: Label, reason: str) -> None:
        self.label = label
        self.reason = reason

    def as_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"line": self.number, "label": self.label.value, "reason": self.reason}
        if self.end is not None:
            record["to"] = self.end
        return record


@dataclass
class Document:
    """A cleaned article.

    ``text`` holds the body paragraphs (headings included) separated by one
    blank line. ``lines`` records every non-blank input line with its label
    and reason. ``extra`` carries the fields of an input record that the
    cleaner does not own (they pass through to JSONL output untouched).
    ``date`` (YYYY-MM-DD) is an HTML page's metadata date, or for text the
    first date of the article's header (see :func:`cleaner.dates.iso_date`);
    ``site_name`` and ``url`` come from an HTML page's metadata (None for
    text input); ``flags`` notes how the document was read
    (``html-fallback``: trafilatura found nothing, the page's plain text was
    cleaned instead). In corpus mode a later copy of a document has
    ``dup_of`` (the first copy's id) and ``dup_similarity`` (1.0 for the same
    body, else the estimated Jaccard similarity of the bodies' shingles).
    """

    id: str | None = None
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    text: str = ""
    lang: str = "und"
    lang_prob: float = 0.0
    lines: list[Line] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    flags: list[str] = field(default_factory=list)
    dup_of: Any = None
    dup_similarity: float | None = None

    @property
    def headings(self) -> list[str]:
        return [line.text for line in self.lines if line.label is Label.HEADING]

    @property
    def paragraphs(self) -> list[Line]:
        """The body and heading lines, in input order."""
        return [line for line in self.lines if line.label in BODY_LABELS]
