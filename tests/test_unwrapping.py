"""Hard-wrapped text: the width is found and each paragraph becomes one line again."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import unwrapping
from cleaner.segmenting import segment
from cleaner.unwrapping import (
    FRAGMENT_MIN_LEADING,
    LINK_MAX_WORDS,
    SOURCE_BREAK_MAX_CHARS,
    SOURCE_BREAK_MIN_CHARS,
    SOURCE_BREAK_MIN_PAIRS,
    WRAP_FULL_SLACK,
    WRAP_LONG_CHARS,
    WRAP_MAX_WIDTH,
    WRAP_MIN_FULL_LINES,
    WRAP_MIN_LOWER_SHARE,
    WRAP_MIN_LOWER_SHARE_MID,
    WRAP_MIN_MID_SHARE,
    WRAP_SURE_FULL_LINES,
    WRAP_SURE_LOWER_SHARE,
    WRAP_SURE_MID_SHARE,
    unwrap,
    wrap_width,
)

SENTENCE = "The council approved the new budget on Monday after a long and heated debate, officials said. "
PARAGRAPHS = [SENTENCE * 4, SENTENCE.replace("council", "committee") * 3, SENTENCE.replace("Monday", "Friday") * 5]


def wrapped(paragraphs: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, width), ""]
    return lines


def joined(lines: list[str]) -> list[str]:
    return [text for _first, _last, text in unwrap(lines) if text]


def test_paragraphs_wrapped_at_common_widths_are_joined() -> None:
    for width in (60, 72, 78, 80, WRAP_MAX_WIDTH):
        found = wrap_width(wrapped(PARAGRAPHS, width))
        # the longest line found, which a greedy wrap brings within a word of the width
        assert found is not None and width - 12 <= found <= width
        assert joined(wrapped(PARAGRAPHS, width)) == [p.strip() for p in PARAGRAPHS]


def test_text_written_a_paragraph_a_line_is_left_alone() -> None:
    lines = [p.strip() for p in PARAGRAPHS] * 3
    assert wrap_width(lines) is None
    assert joined(lines) == lines


def test_wider_than_the_widest_wrap_is_not_a_wrap() -> None:
    assert wrap_width(wrapped(PARAGRAPHS * 2, WRAP_MAX_WIDTH + 20)) is None


def test_full_lines_edge() -> None:
    # one paragraph of n + 1 lines has n full lines (its last line is short)
    def paragraph(full_lines: int) -> list[str]:
        lines = textwrap.wrap(SENTENCE * 40, 70)[: full_lines + 1]
        lines[-1] = lines[-1][:20]
        return lines

    assert wrap_width(paragraph(WRAP_MIN_FULL_LINES)) is not None
    assert wrap_width(paragraph(WRAP_MIN_FULL_LINES - 1)) is None


def _continuations(lower: int, terminal: bool, count: int = 10) -> list[str]:
    """``count`` wrapped lines whose first ``lower`` continuations start in lower
    case (the others capitalized), each ending with a full stop when ``terminal``."""
    lines = textwrap.wrap(SENTENCE * 40, 70)[:count]
    out = []
    for i, line in enumerate(lines):
        if i:
            line = (line[0].lower() if i <= lower else line[0].upper()) + line[1:]
        out.append(line.rstrip(".,") + "." if terminal else line.rstrip(".,"))
    return out


def _ceil(share: float, of: int) -> int:
    return -int(-share * of // 1)


def test_capitalized_continuations_edge() -> None:
    """A wrap breaks sentences anywhere: when too few continuation lines start
    in lower case, the lines are separate (a list of titles of one length)."""
    needed = _ceil(WRAP_MIN_LOWER_SHARE, 9)
    assert wrap_width(_continuations(needed, terminal=True)) is not None
    assert wrap_width(_continuations(needed - 1, terminal=True)) is None


def test_mid_sentence_line_ends_admit_capitalized_continuations_edge() -> None:
    """German capitalizes nouns: fewer lower-case continuations do when the lines end mid-sentence."""
    needed = _ceil(WRAP_MIN_LOWER_SHARE_MID, 9)
    assert WRAP_MIN_MID_SHARE <= 1
    assert wrap_width(_continuations(needed, terminal=False)) is not None
    assert wrap_width(_continuations(needed - 1, terminal=False)) is None
    assert wrap_width(_continuations(needed, terminal=True)) is None


def test_a_sure_width_takes_a_lighter_case_test_edge() -> None:
    """Many lines just under a width and none over it: fewer lower-case
    continuations do (wrapped menus of German nouns, upper-cased headings)."""
    count = WRAP_SURE_FULL_LINES
    needed = _ceil(WRAP_SURE_LOWER_SHARE, count - 1)
    assert needed / (count - 2) < WRAP_MIN_LOWER_SHARE_MID  # the ordinary test fails on all of these
    assert wrap_width(_continuations(needed, terminal=False, count=count)) is not None
    assert wrap_width(_continuations(needed - 1, terminal=False, count=count)) is None
    assert wrap_width(_continuations(needed, terminal=False, count=count - 1)) is None
    # most lines ending a sentence: a list of titles of one length
    assert WRAP_SURE_MID_SHARE > 0
    assert wrap_width(_continuations(needed, terminal=True, count=count)) is None
    # one line just over the width
    lines = _continuations(needed, terminal=False, count=count)
    width = wrap_width(lines)
    assert width is not None
    over = ("word " * 30)[: width + 3].rstrip() + "s"
    assert wrap_width([*lines, "", over]) is None


def test_case_is_read_on_the_joins_between_words_when_link_markup_makes_most(monkeypatch: pytest.MonkeyPatch) -> None:
    """html2text wraps links and images too: when most joins run into link
    markup ("[Council](https://…)"), the case test reads the joins between
    words only (fewer than ``WRAP_WORDED_SHARE`` of them here)."""
    prose = _continuations(9, terminal=False)
    link = "[Council](https://example.org/council/budget/vote) said more"
    teaser = "The vote on the budget for schools and roads took place on Monday."
    lines = [*prose, "", *[line for _ in range(len(prose) + 1) for line in (teaser, link, "")]]
    assert wrap_width(lines) is not None
    monkeypatch.setattr(unwrapping, "WRAP_WORDED_SHARE", 0.0)
    # (the sure width's lighter test reads the joins between words too)
    monkeypatch.setattr(unwrapping, "WRAP_SURE_FULL_LINES", len(lines) + 1)
    assert wrap_width(lines) is None


def test_list_items_headings_quotes_and_urls_start_their_own_line() -> None:
    body = textwrap.wrap(SENTENCE * 6, 70)
    for opener in ("* an item", "1. an item", "# A heading", "> a quote", "| a | row |", "https://example.org/x"):
        lines = [*body, opener]
        assert unwrap(lines)[-1] == (len(body), len(body), opener)


def test_a_link_target_broken_over_two_lines_is_joined_without_a_space() -> None:
    body = textwrap.wrap(SENTENCE * 6, 70)
    link = "See [the full report](https://example.org/reports/city-council-"
    lines = [*body, "", link, "budget-2025-and-spending-plans-for-the-next-two-years-in-full-", "detail) for more."]
    url = (
        "https://example.org/reports/city-council-budget-2025-and-spending-plans-for-the-next-two-years-in-full-detail"
    )
    assert joined(lines)[-1] == f"See [the full report]({url}) for more."
    assert segment("\n".join(lines))[-1].text == "See the full report for more."


def test_lines_overrun_by_an_unbreakable_link_do_not_hide_the_width() -> None:
    # html2text cannot break a link target: such lines overrun the width, relative targets too
    lines = wrapped(PARAGRAPHS, 78)
    overrun = [f"read [the minutes of the meeting](DE/Presse/2022/{'x' * (20 + k)}.html) here" for k in range(12)]
    assert {len(line) for line in overrun} == set(range(80, 92))  # just over the width
    assert wrap_width([*overrun, "", *lines]) == wrap_width(lines) is not None


def test_words_alone_on_their_line_overrunning_the_width_do_not_hide_it() -> None:
    """A greedy wrap that does not break long words puts a word wider than
    the room left on a line of its own, where it may overrun the width (an
    indented list of bracketed link targets, "[/solutions/retail/malls.html]")."""
    lines = wrapped(PARAGRAPHS, 78)
    targets = [" " * 24 + f"[/solutions/retail/{'x' * (32 + k)}.html]" for k in range(12)]
    assert {len(line) for line in targets} == set(range(81, 93))  # just over the width
    assert wrap_width([*targets, "", *lines]) == wrap_width(lines) is not None
    assert wrap_width([*(line.replace("[/", "[/ ") for line in targets), "", *lines]) is None


def test_a_hyphenated_word_broken_after_its_hyphen_is_joined_without_a_space() -> None:
    paragraph = SENTENCE.replace("long and heated", "long and hard-fought") * 8
    lines = textwrap.wrap(paragraph, 70, break_on_hyphens=True)
    assert any(line.endswith("hard-") for line in lines)
    assert joined(lines) == [paragraph.strip()]
    # a dash after a space is punctuation: the space stays
    closing = "The vote on the final budget was much closer than anyone expected -"
    dash = [*textwrap.wrap(SENTENCE * 6, 70), "", closing, "and nobody had predicted it."]
    assert joined(dash)[-1] == f"{closing} and nobody had predicted it."


TEXT_NODES = ["Budget approved", "Council News", "Reuters", ", citing officials, said the", "council",
              "approved the plan on Monday.", "Opposition members", "said", "it was not enough."]  # fmt: skip


def test_a_text_written_a_text_node_a_line_is_joined_into_sentences() -> None:
    extra = ["It rained", ", then it stopped."] * (FRAGMENT_MIN_LEADING - 1)
    assert joined([*TEXT_NODES, *extra])[:4] == [
        "Budget approved",
        "Council News",
        "Reuters, citing officials, said the council approved the plan on Monday.",
        "Opposition members said it was not enough.",
    ]


def test_the_rest_of_a_compound_and_a_closing_quote_join_their_text_node_without_a_space() -> None:
    """An <abbr> or a link inside a word ("KI" / "-Systemen"), and a German
    closing quote on the next node ("“, sagt sie"), count as text-node
    evidence and join the line before them without a space."""
    lines = [
        "„Damit die Vorteile von",
        "KI",
        "-Systemen nutzbar werden, muss ein sicherer Einsatz gewährleistet sein",
        "“, sagt die Leiterin der Abteilung.",
    ]
    assert joined(lines) == [
        "„Damit die Vorteile von KI-Systemen nutzbar werden, muss ein sicherer Einsatz gewährleistet sein“,"
        " sagt die Leiterin der Abteilung."
    ]
    assert joined(["- An item of a list", "- Another item"]) == ["- An item of a list", "- Another item"]


def test_text_nodes_edge() -> None:
    """Lines opening with a comma mark a text-node dump; with one fewer than
    ``FRAGMENT_MIN_LEADING`` of them nothing is joined."""
    pair = ["The agency said", ", citing officials."]
    assert joined(pair * FRAGMENT_MIN_LEADING) == ["The agency said, citing officials."] * FRAGMENT_MIN_LEADING
    assert joined(pair * (FRAGMENT_MIN_LEADING - 1)) == pair * (FRAGMENT_MIN_LEADING - 1)


@pytest.mark.parametrize("mark", [".", "!", "?"])
def test_an_end_mark_alone_on_its_line_marks_a_text_node_dump(mark: str) -> None:
    """A sentence whose last words are a link ends on a line of its own: that
    line is text-node evidence, and joins the link's line without a space."""
    sentence = ["Look for foods fortified with", "calcium", "and", "vitamin D", mark]
    assert joined(sentence * FRAGMENT_MIN_LEADING) == [f"Look for foods fortified with calcium and vitamin D{mark}"] * (
        FRAGMENT_MIN_LEADING
    )
    # one fewer such line: nothing is joined; an ellipsis alone is no end mark
    assert joined(sentence * (FRAGMENT_MIN_LEADING - 1)) == sentence * (FRAGMENT_MIN_LEADING - 1)
    dots = ["Look for foods fortified with", "calcium", "..."]
    assert joined(dots * FRAGMENT_MIN_LEADING) == dots * FRAGMENT_MIN_LEADING


def test_a_link_inside_a_sentence_is_joined_on_both_sides() -> None:
    """A short line between a line that breaks off in a lower-case word and
    one that carries the sentence on is a link's text: the three are one
    line, up to ``LINK_MAX_WORDS`` words of link."""
    marks = ["It rained", ", then it stopped."] * FRAGMENT_MIN_LEADING
    link = " ".join(["Instagram"] * LINK_MAX_WORDS)
    assert joined(["Follow me on", link, ". There is more.", *marks])[0] == f"Follow me on {link}. There is more."
    longer = f"{link} Today"
    expected = ["Follow me on", f"{longer}. There is more."]
    assert joined(["Follow me on", longer, ". There is more.", *marks])[:2] == expected


def test_a_headline_is_not_joined_to_the_link_after_it() -> None:
    """A line ending in a capitalised word (a headline) or a terminal mark,
    or a link that opens a list item, stays apart."""
    marks = ["It rained", ", then it stopped."] * FRAGMENT_MIN_LEADING
    for before, link in (("Why Rents Rise", "Reuters"), ("Rents rose.", "Reuters"), ("Rents rose in", "* Reuters")):
        assert joined([before, link, ", citing officials.", *marks])[0] == before


def test_a_bylines_by_in_a_text_node_of_its_own_joins_the_name_not_the_headline() -> None:
    """A "by" alone on its line (a byline's own element) opens the byline: it is
    joined to the name under it, never to the headline above it, even where
    the headline ends in a lower-case word as a sentence broken before a
    link does."""
    marks = ["It rained", ", then it stopped."] * FRAGMENT_MIN_LEADING
    for headline in ("Why Rents Rise", "How rents rise in spring"):
        for lead in ("by", "By:", "Written by", "von"):
            assert joined([headline, lead, "Jane Doe", "| August 24, 2023", *marks])[:3] == [
                headline,
                f"{lead} Jane Doe",
                "| August 24, 2023",
            ]
    # a lone "de" (French, Spanish) ends as many sentences' fragments before a link: it still joins back
    french = ["Il habite à la ville", "de", "Paris", ", dit-il."]
    assert joined([*french, *marks])[0] == "Il habite à la ville de Paris, dit-il."
    # "by" before a list item stays alone
    assert joined(["Why Rents Rise", "by", "* Jane Doe", *marks])[:3] == ["Why Rents Rise", "by", "* Jane Doe"]


def test_a_lower_case_line_after_a_full_stop_starts_a_new_line() -> None:
    lines = ["The council met.", "then it adjourned", ", citing officials", ", and others"]
    assert joined(lines)[0] == "The council met."


def test_segment_numbers_a_joined_paragraph_by_its_first_and_last_line() -> None:
    lines = segment("\n".join(wrapped(PARAGRAPHS, 72)))
    assert [line.text for line in lines] == [p.strip() for p in PARAGRAPHS]
    first = lines[0]
    assert first.number == 1 and first.end == len(textwrap.wrap(PARAGRAPHS[0], 72))
    assert first.as_record()["to"] == first.end
    assert "to" not in segment("One line.\n\nAnother line.")[0].as_record()


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(_WORD, min_size=30, max_size=80), min_size=2, max_size=5),
    st.integers(min_value=WRAP_LONG_CHARS + WRAP_FULL_SLACK, max_value=WRAP_MAX_WIDTH),
)
def test_unwrap_recovers_wrapped_lower_case_prose(paragraphs: list[list[str]], width: int) -> None:
    texts = [" ".join(words) + "." for words in paragraphs]
    lines = wrapped(texts, width)
    if wrap_width(lines) is not None:
        assert joined(lines) == texts


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=30))
def test_unwrap_keeps_every_word_in_order(lines: list[str]) -> None:
    """Nothing lost, nothing invented: the joined lines hold the input's characters in order."""
    spans = unwrap(lines)
    assert "".join("".join(text.split()) for _f, _l, text in spans) == "".join("".join(line.split()) for line in lines)
    assert [i for first, last, _t in spans for i in range(first, last + 1)] == list(range(len(lines)))


# a paragraph as a page's source wraps it by hand: broken anywhere, at no width
SOURCE_WRAPPED = [
    "Veteran Nollywood actress, Kate Henshaw, who in 2008, won the",
    "Africa Movie Academy Award for Best Actress in a Leading Role, has taken",
    "to her Instagram page to share some stunning photos of herself.",
]


def source_wrapped(pairs: int) -> list[str]:
    """A text with ``pairs`` lines broken off by a source wrap, one a paragraph."""
    return [line for _ in range(pairs) for line in (SOURCE_WRAPPED[0], "the Africa Movie Academy Award.", "")]


def test_a_source_wrapped_text_is_joined_where_its_sentences_break_off() -> None:
    """Lines that break off mid-sentence in a lower-case letter or a comma, the
    next carrying on in lower case, are joined once ``SOURCE_BREAK_MIN_PAIRS``
    lines of the text do; one fewer and nothing is."""
    text = source_wrapped(SOURCE_BREAK_MIN_PAIRS)
    assert joined(text) == [f"{SOURCE_WRAPPED[0]} the Africa Movie Academy Award."] * SOURCE_BREAK_MIN_PAIRS
    fewer = source_wrapped(SOURCE_BREAK_MIN_PAIRS - 1)
    assert joined(fewer) == [line for line in fewer if line]
    # a line carrying on in capitals ("Africa …") is not known to continue, nor are "Photos" and a name
    paragraph = [*SOURCE_WRAPPED, "Photos", "Kate Henshaw"]
    assert joined([*paragraph, "", *text])[:4] == [
        SOURCE_WRAPPED[0],
        f"{SOURCE_WRAPPED[1]} {SOURCE_WRAPPED[2]}",
        "Photos",
        "Kate Henshaw",
    ]


def test_a_short_line_a_list_a_table_or_a_byline_is_no_source_break() -> None:
    """A line under ``SOURCE_BREAK_MIN_CHARS`` characters (a menu's "Sign in"),
    either line over ``SOURCE_BREAK_MAX_CHARS``, a short next line that does
    not end its sentence (a credit under a headline), a list item, table
    cells, a URL and a byline stay apart even in a source-wrapped text."""
    text = source_wrapped(SOURCE_BREAK_MIN_PAIRS)
    short = "x" * (SOURCE_BREAK_MIN_CHARS - 5) + " sign"
    assert len(short) == SOURCE_BREAK_MIN_CHARS
    rest = "in to read the whole story on our site"
    assert joined([short, rest, "", *text])[0] == f"{short} {rest}"
    # a short line that carries the sentence on to its end joins too
    assert joined([short, "in.", "", *text])[0] == f"{short} in."
    # up to SOURCE_BREAK_MAX_CHARS on either side: a longer line is a block, not a wrapped line
    words = ("word " * SOURCE_BREAK_MAX_CHARS)[: SOURCE_BREAK_MAX_CHARS - 4].rstrip()
    longest = words.ljust(SOURCE_BREAK_MAX_CHARS - 4, "s") + " the"
    assert len(longest) == SOURCE_BREAK_MAX_CHARS
    assert joined([longest, "end of it all.", "", *text])[0] == f"{longest} end of it all."
    assert joined([f"a {longest}", "end of it all.", "", *text])[:2] == [f"a {longest}", "end of it all."]
    ends = f"{longest[:-1]}."
    assert joined([SOURCE_WRAPPED[0], ends, "", *text])[0] == f"{SOURCE_WRAPPED[0]} {ends}"
    assert joined([SOURCE_WRAPPED[0], f"{longest}.", "", *text])[0] == SOURCE_WRAPPED[0]
    comma = "Africa Movie Academy Award for Best Actress,"
    assert joined([comma, "in a Leading Role, in 2008.", "", *text])[0] == f"{comma} in a Leading Role, in 2008."
    shorter = short[1:]
    kept = [
        [shorter, rest],
        [SOURCE_WRAPPED[0], "* the Africa Movie Academy Award."],
        [SOURCE_WRAPPED[0], "o Submit an Announcement"],
        [SOURCE_WRAPPED[0], "www.example.org/news/the-africa-movie-academy-award"],
        ["o Submit a Letter to the Editor of our paper", "and more of it"],
        ["Fares from Berlin to Hamburg   in euro", "from the timetable of the railway of the north"],
        ["Fares from Berlin to Hamburg, as the timetable of", "the railway\tof the north, in euro"],
        ["The Best Board Games of the Year Ranked by us", "by Matt Miller on Dec 16, 2025"],
        ["How rents rise in the cities of the north, and", "by:"],
        ["How rents rise in the cities of the north now.", "and then they fall."],
        ["How rents rise in the cities of the north, says NASA", "and the rest of the sentence goes on."],
        ["How rents rise in the cities of the north in 2025", "and the rest of the sentence goes on."],
        ["Nach Unfall auf Intensivstation: Bernal kämpft um Karriere", "dpa"],
        ["Das neue Advanced Pro Race im ersten Test mit Renn-Ambitionen", "vor 11 Minuten"],
    ]
    for pair in kept:
        assert joined([*pair, "", *text])[:2] == pair
