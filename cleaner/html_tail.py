"""The end of trafilatura's output that follows the article: a closing section and editorial notes.

trafilatura often keeps what a page puts after the article: a list of other posts under
"You'll also love", the guide's or the testers' box, a disclaimer, a call to get in touch, and
notes ("Editor's note: …", "… contributed to this report.", "Featured image from …", a
copyright line). A heading that opens such a section, or such a note, ends the article when
the text after it is short next to the text before it; it and every line after it leave the
body (``html:tail-heading``, ``html:end-note``). The headings and notes are in
``data/html_tail.json``.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from .datafiles import checked_pattern, load_data, require_string_lists
from .document import BODY_LABELS, Label, Line

#: A heading of a closing section has at most this many words ("Related Articles from the
#: Trash Talk blog:" has 7). On cached extractions (``python -m bench.html_dev compare --modes
#: rules``), wcxb-dev articles .95008 at 6 (one page fewer up), 10 and 15.
TAIL_HEADING_MAX_WORDS = 10
#: A closing section's heading ends the article when the words of the body lines after it
#: are less than this share of those before it. On cached extractions (``python -m
#: bench.html_dev compare --modes rules``), the headings alone: wcxb-dev articles .94944 ->
#: .94970 (16 pages of 15 sites up, 2 down: a "Disclaimer" section and a "Meet our expert"
#: box in the reference); scrapinghub and trafilatura-eval unchanged. With the notes, wcxb-dev
#: .94998 at 0.15, .95008 at 0.3, .94999 at 0.5 (a "Disclaimer" before an FAQ).
TAIL_HEADING_SHARE = 0.3
#: An editorial note has at most this many words: a long paragraph that opens with a
#: copyright or a disclaimer is the article's. A guard: with the headings, wcxb-dev .95001 at
#: 40, .95008 at 80, 120 and without a bound (the other two sets the same); a looser,
#: unanchored set of patterns took a whole trafilatura-eval page run together into one line.
END_NOTE_MAX_WORDS = 80
#: An editorial note ends the article when the words of the body lines after it are less
#: than this share of those before it (the share of the HTML pass's closers,
#: ``cleaner.html_second_pass.HTML_CLOSER_TAIL_SHARE``). The notes alone (scrapinghub / wcxb-dev articles /
#: trafilatura-eval): .97501 / .94944 / .94163 -> .97517 / .94983 / .94211 (scrapinghub 4
#: pages of 4 sites up, none down; wcxb-dev 23 pages of 22 sites up, 7 down, whose references
#: keep a disclosure, a disclaimer, an editor's note, an image or a reporting credit;
#: trafilatura-eval 2 pages up, none down). With the headings, wcxb-dev .94988 at 0.05,
#: .94995 at 0.1, .95008 at 0.15 to 0.3.
END_NOTE_TAIL_SHARE = 0.15


class TailError(ValueError):
    """The packaged closing headings and notes (``data/html_tail.json``) are not valid."""


class Tail(NamedTuple):
    """The patterns of a closing section's heading and of an editorial note."""

    headings: re.Pattern[str]
    notes: re.Pattern[str]

    def is_heading(self, line: Line) -> bool:
        """A heading (or a line ending in a colon) of a closing section."""
        text = line.text.strip()
        heading = line.label is Label.HEADING or text.endswith(":")
        return heading and len(text.split()) <= TAIL_HEADING_MAX_WORDS and bool(self.headings.search(text))

    def is_note(self, line: Line) -> bool:
        """An editorial note."""
        text = line.text.strip()
        return len(text.split()) <= END_NOTE_MAX_WORDS and bool(self.notes.search(text))


@functools.lru_cache(maxsize=1)
def html_tail() -> Tail:
    """The packaged closing headings and notes (validated: every example matches, no
    counter-example does)."""
    return parse_tail(load_data("html_tail.json"))


_TAIL_LISTS = (
    "headings",
    "heading_examples",
    "heading_counter_examples",
    "notes",
    "note_examples",
    "note_counter_examples",
)


def parse_tail(data: Any) -> Tail:
    """Validate and compile the closing headings and notes (see :func:`html_tail`).

    >>> tail = parse_tail({"headings": ["^related posts$"], "heading_examples": ["Related posts"],
    ...                    "heading_counter_examples": ["Related posts are slow"],
    ...                    "notes": ["^editor's note"], "note_examples": ["Editor's note: updated."],
    ...                    "note_counter_examples": ["The editor's note was short."]})
    >>> bool(tail.headings.search("RELATED POSTS")), bool(tail.notes.search("The editor's note"))
    (True, False)
    """
    source = "html_tail.json"
    require_string_lists(data, _TAIL_LISTS, source, TailError)
    headings = checked_pattern(data["headings"], data["heading_examples"], data["heading_counter_examples"], source,
                               TailError)  # fmt: skip
    notes = checked_pattern(data["notes"], data["note_examples"], data["note_counter_examples"], source, TailError)
    return Tail(headings, notes)


def drop_tail(lines: list[Line]) -> None:
    """The first closing heading (:data:`TAIL_HEADING_SHARE`) or editorial note
    (:data:`END_NOTE_TAIL_SHARE`) with little body text after it, and every body line after
    it, leave the body (``html:tail-heading``, ``html:end-note``). A note a furniture rule
    labelled already ("Copyright © 2023 NPR. All rights reserved. …") ends it too."""
    known = html_tail()
    words = [len(line.text.split()) if line.label in BODY_LABELS else 0 for line in lines]
    after = sum(words)
    before = 0
    for i, line in enumerate(lines):
        after -= words[i]
        if line.label in BODY_LABELS and known.is_heading(line) and after < TAIL_HEADING_SHARE * before:
            _leave(lines[i:], "html:tail-heading")
            return
        if (
            (line.label in BODY_LABELS or line.reason.startswith("rule:"))
            and known.is_note(line)
            and (after < END_NOTE_TAIL_SHARE * before)
        ):
            _leave(lines[i:], "html:end-note")
            return
        before += words[i]


def _leave(lines: list[Line], reason: str) -> None:
    for line in lines:
        if line.label in BODY_LABELS:
            line.set(Label.BOILERPLATE, reason)
