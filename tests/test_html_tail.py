"""The end of trafilatura's output after the article: closing headings and editorial notes."""

from __future__ import annotations

import pytest

from cleaner.document import Label, Line
from cleaner.html_blocks import Block, Extraction
from cleaner.html_tail import (
    END_NOTE_MAX_WORDS,
    END_NOTE_TAIL_SHARE,
    TAIL_HEADING_MAX_WORDS,
    TAIL_HEADING_SHARE,
    TailError,
    drop_tail,
    html_tail,
    parse_tail,
)
from cleaner.pipeline import clean_extraction

PARAGRAPHS = [
    "The city council approved the new budget on Monday after a debate that lasted more than six hours.",
    "The plan raises spending on schools and roads, and it cuts the cost of the annual festival by a third.",
    "The budget goes to the regional board for a final vote in April, and the board is expected to approve it.",
]


def _lines(*texts: str, label: Label = Label.BODY) -> list[Line]:
    return [Line(number, text, text, label) for number, text in enumerate(texts, start=1)]


def _words(n: int) -> str:
    return " ".join(["budget"] * n)


def test_a_closing_section_after_the_article_leaves_the_body() -> None:
    teasers = ["How the city pays for its schools", "Five roads the plan repairs first"]
    blocks = [*(Block(p, "paragraph") for p in PARAGRAPHS), Block("You’ll Also Love...", "heading")]
    blocks += [Block(t, "item") for t in teasers]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines][-3:] == ["html:tail-heading"] * 3
    assert doc.text == "\n\n".join(PARAGRAPHS)


def test_an_editorial_note_and_what_follows_leave_the_body() -> None:
    note = "Jane Doe contributed to this report."
    blocks = [Block(p, "paragraph") for p in (*PARAGRAPHS, note, "Our reporters cover the city every day.")]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines][-2:] == ["html:end-note"] * 2
    assert note not in doc.text and PARAGRAPHS[-1] in doc.text


@pytest.mark.parametrize(
    ("after", "left"),
    [
        (int(TAIL_HEADING_SHARE * 100) - 1, True),  # a short section: it ends the article
        (int(TAIL_HEADING_SHARE * 100), False),  # as long as the share: the article goes on
    ],
)
def test_a_closing_heading_ends_the_article_only_before_a_short_section(after: int, left: bool) -> None:
    lines = [*_lines(_words(100)), *_lines("Related posts", label=Label.HEADING), *_lines(_words(after))]
    drop_tail(lines)
    assert [line.label is Label.BOILERPLATE for line in lines] == [False, left, left]


@pytest.mark.parametrize(
    ("after", "left"),
    [(int(END_NOTE_TAIL_SHARE * 100) - 1, True), (int(END_NOTE_TAIL_SHARE * 100), False)],
)
def test_an_editorial_note_ends_the_article_only_before_a_short_tail(after: int, left: bool) -> None:
    lines = _lines(_words(100), "Editor's note: this story was updated on Monday.", _words(after))
    drop_tail(lines)
    assert [line.reason == "html:end-note" for line in lines] == [False, left, left]


@pytest.mark.parametrize(
    ("text", "label", "left"),
    [
        ("Related posts", Label.HEADING, True),
        ("Related posts:", Label.BODY, True),  # a paragraph ending in a colon heads a list too
        ("Related posts", Label.BODY, False),  # a paragraph without it is no heading
        ("Next Steps", Label.HEADING, False),  # an article's own last section (counter-example)
        ("Related posts " + _words(TAIL_HEADING_MAX_WORDS - 2), Label.HEADING, True),
        ("Related posts " + _words(TAIL_HEADING_MAX_WORDS - 1), Label.HEADING, False),  # too long
    ],
)
def test_what_counts_as_a_closing_heading(text: str, label: Label, left: bool) -> None:
    lines = [*_lines(_words(100)), *_lines(text, label=label), *_lines("A teaser")]
    drop_tail(lines)
    assert lines[1].label is (Label.BOILERPLATE if left else label)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Copyright © 2023 NPR. All rights reserved.", True),
        ("Copyright " + _words(END_NOTE_MAX_WORDS - 1), True),
        ("Copyright " + _words(END_NOTE_MAX_WORDS), False),  # a long paragraph is the article's
        ("This article has been adapted from its original source.", False),  # counter-example
    ],
)
def test_what_counts_as_an_editorial_note(text: str, left: bool) -> None:
    lines = _lines(_words(100), text)
    drop_tail(lines)
    assert (lines[1].reason == "html:end-note") is left


def test_only_body_lines_count_and_leave() -> None:
    # a box the pass already left out after the note is no article text after it
    lines = [
        *_lines(_words(100)),
        *_lines("Featured image from Unsplash"),
        *_lines(_words(50), label=Label.BOILERPLATE),
    ]
    drop_tail(lines)
    assert [line.reason for line in lines] == ["", "html:end-note", ""]


@pytest.mark.parametrize(("reason", "left"), [("rule:copyright", True), ("html:orphan", False)])
def test_a_note_a_rule_labelled_ends_the_article_too(reason: str, left: bool) -> None:
    # the furniture rules label "Copyright © …" before the tail is looked for
    lines = _lines(_words(100), "Copyright © 2023 NPR. All rights reserved.", "Transcripts may vary.")
    lines[1].set(Label.BOILERPLATE, reason)
    drop_tail(lines)
    assert [line.reason for line in lines] == ["", reason, "html:end-note" if left else ""]


def _tail(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "headings": ["^related posts$"],
        "heading_examples": ["Related posts"],
        "heading_counter_examples": ["Related posts are slow"],
        "notes": ["^editor's note"],
        "note_examples": ["Editor's note: updated."],
        "note_counter_examples": ["The editor's note was short."],
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_tail(heading_examples=["More posts"]), "matches no pattern"),
        (_tail(note_counter_examples=["Editor's note: an example"]), "matches a pattern"),
        (_tail(notes=["(unclosed"]), "does not compile"),
        (_tail(headings=[]), "is empty"),
        (_tail(notes="^note"), "must be a list of strings"),
        ([], "must hold an object"),
    ],
)
def test_the_closing_headings_and_notes_are_validated_at_load(data: object, message: str) -> None:
    with pytest.raises(TailError, match=message):
        parse_tail(data)


def test_the_packaged_closing_headings_and_notes_load() -> None:
    tail = html_tail()
    assert tail.headings.search("You’ll Also Love...") and not tail.headings.search("Next Steps")
    assert tail.notes.search("Featured image from Sakara") and not tail.notes.search("Copyrighted works")
