"""Glued text (a page's blocks run together, as ``soup.get_text()`` writes a
minified page): ``cleaner.ungluing`` and its use by ``segment``."""

from __future__ import annotations

import math

import pytest

from cleaner import clean, clean_text
from cleaner.lexicon import default_lexicon
from cleaner.segmenting import segment
from cleaner.ungluing import (
    FLAT_MIN_MENUS,
    FLAT_MIN_SHARE,
    GLUED_LINE_CHARS,
    GLUED_MIN_ENDS,
    MENU_FLAT_MIN_SHARE,
    MENU_LINE_MAX_COMMAS,
    MENU_LINE_MAX_DIGIT_SHARE,
    MENU_LINE_MIN_WORDS,
    MENU_LINE_SHARE,
    MENU_RUN_WORDS,
    REPEAT_MAX_GAP,
    REPEAT_MIN_WORDS,
    SPACED_MIN_RUNS,
    SPACED_MIN_SHARE,
    SPLIT_MAX_CHARS,
    SPLIT_MIN_CHARS,
    TITLE_MIN_WORDS,
    AbbreviationError,
    CamelWordError,
    _bylines_apart,
    _fixed_front,
    _seam_split,
    camel_words,
    flat_line,
    flat_lines,
    flat_sentences,
    is_glued,
    is_menu_line,
    parse_abbreviations,
    parse_camel_words,
    sentence_break,
    sentences,
    unglue,
)

from .samples import PARAGRAPHS

MENU = "HomeNewsSportWeatherTravelContact usSubscribe"
FOOTER = "Related StoriesCouncil approves new parking feesShare this articleCopyright 2025 The Daily Record"


def glued_line(ends: int, chars: int) -> str:
    """A line of exactly ``chars`` characters with ``ends`` glued sentence ends."""
    head = "".join(f"It rained on day {k}.The" + " " for k in range(ends))
    filler = "x" * (chars - len(head) - len(" end"))
    return head + filler + " end"


@pytest.mark.parametrize(
    ("ends", "chars", "glued"),
    [
        (GLUED_MIN_ENDS, GLUED_LINE_CHARS, True),
        (GLUED_MIN_ENDS, GLUED_LINE_CHARS - 1, False),
        (GLUED_MIN_ENDS - 1, GLUED_LINE_CHARS, False),
    ],
)
def test_a_text_is_glued_from_one_long_line_with_glued_sentence_ends(ends: int, chars: int, glued: bool) -> None:
    line = glued_line(ends, chars)
    assert len(line) == chars
    assert is_glued(["Short line.", line]) is glued


def test_code_and_scripts_run_together_are_not_glued_prose() -> None:
    """A capital after a dot that is not followed by a word and a space is
    code (``os.Getenv("KEY")``, minified JavaScript), not a glued sentence."""
    code = 'v, err := note.NewSigner(os.Getenv("LOG_KEY")) if err != nil { log.Fatalln("no") } ' * 20
    assert len(code) >= GLUED_LINE_CHARS
    assert not is_glued([code])


@pytest.mark.parametrize(("chars", "split"), [(SPLIT_MIN_CHARS - 1, False), (SPLIT_MIN_CHARS, True)])
def test_only_lines_of_split_min_chars_are_split(chars: int, split: bool) -> None:
    line = glued_line(1, chars)
    assert (len(unglue(line)) > 1) is split


def test_a_long_line_without_a_glued_sentence_end_is_left_whole() -> None:
    """Brand names ("YouTube", "WordPress") in a careful line are not seams."""
    line = "She posted the video on YouTube and wrote about it on WordPress, the council said. " * 5
    assert unglue(line) == [line]


def test_unglue_splits_after_sentence_ends_and_between_a_word_and_a_capitalised_one() -> None:
    assert unglue(glued_line(1, SPLIT_MIN_CHARS) + "Next Story") == [
        "It rained on day 0.",
        "The " + "x" * (SPLIT_MIN_CHARS - len("It rained on day 0.The  end")) + " end",
        "Next Story",
    ]


def test_a_number_run_into_a_capitalised_word_is_a_seam_too() -> None:
    """A headline or date that ends in a number runs into the byline or the next block
    ("… of 2025By Jane Doe", "Updated 2025Read more"); a number before capitals alone is no
    seam ("4K TVs", "2025NEW JERSEY")."""
    line = glued_line(1, SPLIT_MIN_CHARS)
    parts = unglue(f"The Best Tax Software of 2025By Jane Doe {line}")
    assert parts[:2] == ["The Best Tax Software of 2025", "By Jane Doe It rained on day 0."]
    assert unglue(f"Buy 4K TVs of 2025NEW JERSEY {line}")[0] == "Buy 4K TVs of 2025NEW JERSEY It rained on day 0."


def test_a_number_opening_a_capitalised_phrase_is_a_seam_after_a_word() -> None:
    """A section's name runs into a numbered headline ("Tips10 Trends"); a number the
    word carries on into lower case is none ("Tips10 more")."""
    line = glued_line(1, SPLIT_MIN_CHARS)
    assert unglue(f"Restaurant Tips10 Trends in Catering {line}")[:2] == [
        "Restaurant Tips",
        "10 Trends in Catering It rained on day 0.",
    ]
    assert unglue(f"Restaurant Tips10 more trends {line}")[0].startswith("Restaurant Tips10 more trends")


def glued_page() -> str:
    return "Council votes more money for roads | The Daily Record\n" + MENU + "".join(PARAGRAPHS) + FOOTER


def test_segment_splits_a_glued_page_and_the_parts_keep_their_line_number() -> None:
    lines = segment(glued_page())
    assert [line.text for line in lines[1:7]] == ["Home", "News", "Sport", "Weather", "Travel", "Contact us"]
    assert [line.text for line in lines if line.text in PARAGRAPHS] == PARAGRAPHS
    assert {line.number for line in lines[1:]} == {2}


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_a_glued_page_splits_the_same_with_no_break_spaces(space: str) -> None:
    # "More In\u00a0Dubai Airshow" was cut in two at a no-break space a browser's copy puts after a short word
    page = glued_page().replace(FOOTER, "More In Dubai Airshow" + FOOTER)
    assert "More In Dubai Airshow" in [line.text for line in segment(page)]
    assert [line.text for line in segment(page.replace("In ", "In" + space))] == [line.text for line in segment(page)]


def test_a_careful_text_is_not_split() -> None:
    text = "\n".join([*PARAGRAPHS, (" ".join(PARAGRAPHS) + " ") * 3 + "See it on YouTube."])
    assert [line.text for line in segment(text)] == text.split("\n")


def test_cleaning_a_glued_page_keeps_the_article_and_drops_the_menu() -> None:
    doc = clean(glued_page())
    assert doc.text.split("\n\n") == PARAGRAPHS
    removed = {line.text for line in doc.lines if line.text not in PARAGRAPHS}
    assert {"Home", "News", "Share this article"} <= removed


def test_cleaning_a_glued_page_is_idempotent() -> None:
    once = clean_text(glued_page())
    assert clean_text(once) == once


def spaced_line(runs: int) -> str:
    """A line of blocks, ``runs`` runs of spaces between them, longer than
    ``GLUED_LINE_CHARS``."""
    blocks = ["Home About Contact", *PARAGRAPHS[: runs - 1], " ".join(PARAGRAPHS + PARAGRAPHS)]
    return "     ".join(blocks[: runs + 1])


@pytest.mark.parametrize(("runs", "glued"), [(SPACED_MIN_RUNS, True), (SPACED_MIN_RUNS - 1, False)])
def test_a_text_is_glued_from_one_long_line_with_runs_of_spaces_between_blocks(runs: int, glued: bool) -> None:
    line = spaced_line(runs)
    assert len(line) >= GLUED_LINE_CHARS
    assert is_glued([line]) is glued


@pytest.mark.parametrize(("rest", "glued"), [(0.99, True), (1.01, False)])
def test_a_spaced_line_must_hold_spaced_min_share_of_the_text(rest: float, glued: bool) -> None:
    """Rows of a table padded with spaces (inscriptis) are long spaced lines
    too, but hold a small share of the page's text."""
    line = spaced_line(SPACED_MIN_RUNS)
    other = "x" * int(len(line) * rest * (1 - SPACED_MIN_SHARE) / SPACED_MIN_SHARE)
    assert is_glued([line, other]) is glued


def test_a_spaced_page_is_split_at_its_runs_of_spaces_only() -> None:
    line = spaced_line(SPACED_MIN_RUNS)
    assert [part.split()[0] for part in unglue(line)] == ["Home", "The", "Residents", "The"]
    assert "YouTube" in unglue(line + "     She posted it on YouTube. " * 10)[-1]


def flat_page() -> str:
    """A page as ``soup.get_text(" ", strip=True)`` writes it: one line."""
    return (
        "Skip to content Home News Sport Council votes more money for roads. "
        + " ".join(PARAGRAPHS)
        + " Related Stories: Council approves new parking fees. Copyright 2025 The Daily Record. All rights reserved."
    )


@pytest.mark.parametrize(("chars", "share", "flat"), [
    (GLUED_LINE_CHARS, FLAT_MIN_SHARE, True),
    (GLUED_LINE_CHARS - 1, FLAT_MIN_SHARE, False),
    (GLUED_LINE_CHARS, FLAT_MIN_SHARE - 0.01, False),
])  # fmt: skip
def test_a_text_is_flat_when_one_long_line_holds_nearly_all_of_it(chars: int, share: float, flat: bool) -> None:
    line = (" ".join(PARAGRAPHS) * 3)[:chars]
    rest = "x" * round(chars * (1 - share) / share)
    assert (flat_line(["", line, rest]) == 1) is flat


def test_an_article_of_a_few_long_paragraphs_keeps_its_paragraphs() -> None:
    """Long paragraphs that together hold nearly all of a text are not a
    flat text: only one line holding nearly all of it is."""
    paragraphs = [" ".join(PARAGRAPHS[k:] + PARAGRAPHS[:k]) for k in range(3)]
    assert all(len(p) >= GLUED_LINE_CHARS for p in paragraphs)
    lines = segment("Council votes more money for roads\n\n" + "\n\n".join(paragraphs))
    assert [line.text for line in lines] == ["Council votes more money for roads", *paragraphs]


def test_a_flat_line_is_split_into_sentences_that_keep_its_number() -> None:
    lines = segment("Daily Record\n" + flat_page())
    assert [line.text for line in lines if line.text in PARAGRAPHS] == PARAGRAPHS
    assert {line.number for line in lines[1:]} == {2}
    assert [line.text for line in lines[1:3]] == [
        "Skip to content",
        "Home News Sport Council votes more money for roads.",
    ]


def test_cleaning_a_flat_page_keeps_every_sentence_of_the_article_and_drops_the_footer() -> None:
    doc = clean(flat_page())
    assert all(paragraph in doc.text.split("\n\n") for paragraph in PARAGRAPHS)
    assert "All rights reserved." not in doc.text
    assert clean_text(clean_text(flat_page())) == clean_text(flat_page())


def test_a_flat_page_with_glued_sentence_ends_is_split_at_its_seams_and_into_sentences() -> None:
    """``get_text(" ")`` of a page whose own text has two sentence ends
    without a space ("roads.Residents"): the glued seams are split, and so
    is every other sentence of the flat line."""
    page = flat_page().replace(". Residents", ".Residents").replace(". The mayor", ".The mayor")
    assert is_glued([page]) and flat_line([page]) == 0
    texts = [line.text for line in segment(page)]
    assert [text for text in texts if text in PARAGRAPHS] == PARAGRAPHS


@pytest.mark.parametrize(("chars", "split"), [(SPLIT_MAX_CHARS, True), (SPLIT_MAX_CHARS + 1, False)])
def test_lines_longer_than_split_max_chars_are_left_whole(chars: int, split: bool) -> None:
    flat = (" ".join(PARAGRAPHS) + " ") * (chars // len(" ".join(PARAGRAPHS)) + 1)
    flat = flat[:chars]
    assert (flat_line([flat]) == 0) is split
    glued = flat.replace(". ", ".", 3).ljust(chars, "x")
    assert (len(unglue(glued)) > 1) is split


MENU_ITEMS = ["Home", "News", "Sport", "Weather", "Travel", "Culture", "Video", "Contact"]


@pytest.mark.parametrize(("items", "apart"), [(MENU_RUN_WORDS - 1, True), (MENU_RUN_WORDS - 2, False)])
def test_a_menu_run_inside_a_flat_sentence_is_a_line_of_its_own(items: int, apart: bool) -> None:
    """The menu's words and the sentence's capitalised first word make the
    run: ``items`` menu words + "The" = ``MENU_RUN_WORDS`` words cut it."""
    menu = " ".join(MENU_ITEMS[:items])
    parts = sentences(f"Rents rose again. {menu} The mayor spoke on Monday.")
    if apart:
        assert parts == ["Rents rose again.", menu, "The mayor spoke on Monday."]
    else:
        assert parts == ["Rents rose again.", f"{menu} The mayor spoke on Monday."]


def test_proper_names_inside_a_flat_sentence_stay() -> None:
    text = "Officials of the United Nations Security Council met in New York on Monday."
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was directed by J.J. Abrams. He produced it.", ["It was directed by J.J. Abrams.", "He produced it."]),
        ("Chris Pine plays James T. Kirk. It opens soon.", ["Chris Pine plays James T. Kirk.", "It opens soon."]),
        ("The U.S. Senate met. It rained.", ["The U.S. Senate met.", "It rained."]),
        ("They voted on Monday. Tomorrow they leave.", ["They voted on Monday.", "Tomorrow they leave."]),
        ("The score was 3 to 1. Fans left.", ["The score was 3 to 1.", "Fans left."]),
    ],
)
def test_a_flat_line_is_not_split_after_an_initial(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_title_case_headline_in_a_flat_sentence_is_not_cut_before_its_last_capital() -> None:
    headline = "The Top 25 Hosting Trends of 2025, According to Event Planners"
    assert sentences(f"{headline}.") == [f"{headline}."]
    assert sentences(f"Rents rose. Home News {headline} Hosting an event is hard.") == [
        "Rents rose.",
        f"Home News {headline}",
        "Hosting an event is hard.",
    ]


@pytest.mark.parametrize(("words", "apart"), [(TITLE_MIN_WORDS, True), (TITLE_MIN_WORDS - 1, False)])
def test_the_page_title_a_flat_line_opens_with_is_apart_where_it_is_repeated(words: int, apart: bool) -> None:
    """``get_text(" ")`` writes the <title> first, run into the menu, and the
    headline repeats it: both copies become lines of their own."""
    title = " ".join(["Rents", "rise", "again", "in", "Berlin"][:words])
    line = f"{title} Home News Sport {title} The mayor said so on Monday."
    if apart:
        assert flat_sentences(line, glued=False) == [title, "Home News Sport", title, "The mayor said so on Monday."]
    else:
        assert flat_sentences(line, glued=False) == [line]


def test_a_title_is_repeated_as_whole_words_only() -> None:
    line = "Rents rise again Home News Rents rise against the odds."
    assert flat_sentences(line, glued=False) == [line]


@pytest.mark.parametrize(
    ("before", "after", "apart"),
    [
        ("Shop » ", " Published", True),
        ("shop", "Published", True),  # glued at both ends: a capital after a lower-case letter
        ("SHOP", " Published", False),  # a capital after a capital: one word
        ("shop", "s Published", False),  # a lower-case letter after: one word
    ],
)
def test_a_title_copy_glued_to_the_words_around_it_is_found_at_its_seams(before: str, after: str, apart: bool) -> None:
    """A glued text runs the headline into the words around it ("… RecipeEasy Sourdough Bread Recipe
    Published"): a capital after a lower-case letter starts a word there."""
    title = "Easy Sourdough Bread Recipe"
    line = f"{title} | Farm Kitchen Home About {before}{title}{after}: May 19 by Jo."
    assert (flat_sentences(line, glued=False)[0] == title) is apart


@pytest.mark.parametrize(
    ("title", "copy"),
    [
        ("Sci Fi Novels of 2025", "» Sci Fi Novels of 2025recommended by Jo"),  # a word after a number
        ("Product Feed Specs", "[ LOADING]Product Feed Specs[ LOADING]"),  # after and before a bracket
        ("Skiplagging in the relocation process,", "Skiplagging in the relocation process 1 1 5"),  # its comma
    ],
)
def test_a_title_copy_is_found_at_any_word_edge(title: str, copy: str) -> None:
    line = f"{title} Farm Kitchen Home About Shop {copy} The mayor said so."
    assert flat_sentences(line, glued=False)[0] == title.rstrip(",")


def test_a_title_copy_is_found_whatever_its_quotes() -> None:
    line = "Who's in Each Room at Night | Tech Blog Home Smart Home Who’s in Each Room at Night The sensors said so."
    assert flat_sentences(line, glued=False)[:4] == [
        "Who's in Each Room at Night",
        "| Tech Blog Home Smart Home",
        "Who’s in Each Room at Night",
        "The sensors said so.",
    ]


def test_a_flat_page_s_title_line_is_its_headline() -> None:
    """A title-case headline runs into the menu after it as one run of
    capitalised words: only its repetition tells where it ends."""
    headline = "Council Votes More Money for Roads"
    page = f"{headline} Home News Sport Weather {headline} " + " ".join(PARAGRAPHS)
    assert clean(page).title == headline


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Guides By Ramon Berenguer Dec 11, 2025 Share", ["Guides", "By Ramon Berenguer", "Dec 11, 2025 Share"]),
        ("Webpage Written by Jane Doe Fact Checked", ["Webpage", "Written by Jane Doe", "Fact Checked"]),
        ("Nachrichten Von Anna Schmidt 12.03.2024", ["Nachrichten", "Von Anna Schmidt", "12.03.2024"]),
        # a lower-case lead is prose's "by"; a lead after a lower-case word or a sentence's end, prose too
        ("Photography Trends in 2025 by Taya Iv", ["Photography Trends in 2025 by Taya Iv"]),
        ("The song was produced By Max Martin", ["The song was produced By Max Martin"]),
        ("Rates rose in the U.S. By Max Martin", ["Rates rose in the U.S. By Max Martin"]),
        # a lead the byline parser reads no name after: a date where the name goes
        ("Guides Written By Feb 11, 2019 Share", ["Guides Written By Feb 11, 2019 Share"]),
    ],
)  # fmt: skip
def test_a_byline_inside_a_flat_sentence_is_a_line_of_its_own(sentence: str, expected: list[str]) -> None:
    assert _bylines_apart(sentence) == expected


def test_a_flat_page_s_byline_is_read() -> None:
    headline = "Council Votes More Money for Roads"
    page = f"{headline} Home News Sport Weather {headline} By Jane Doe 3 May 2024 " + " ".join(PARAGRAPHS)
    doc = clean(page)
    assert (doc.title, doc.byline) == (headline, "Jane Doe")


@pytest.mark.parametrize("heading", ["Related Posts", "You Might Also Like", "Leave a Reply", "Privacy Policy"])
def test_a_closer_heading_inside_a_flat_sentence_is_a_line_of_its_own(heading: str) -> None:
    """A closer of the furniture lexicon runs into the teasers or comments
    after it: "… a new record. Related Posts How to fix a bike The best …"."""
    line = f"Rents rose again. The mayor spoke on Monday. {heading} How to fix a bike The best tools."
    assert flat_sentences(line, glued=False) == [
        "Rents rose again.",
        "The mayor spoke on Monday.",
        heading,
        "How to fix a bike The best tools.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Related party transactions rose sharply.",  # a lower-case word after the heading's words
        "She read the related posts again.",  # not capitalised
        "Comments Made by the mayor were read out.",  # one word is no heading
    ],
)
def test_closer_words_in_a_sentence_stay(sentence: str) -> None:
    assert flat_sentences(f"Rents rose again. {sentence}", glued=False) == ["Rents rose again.", sentence]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Skip navigation Share this Prices rose again.", ["Skip navigation", "Share this", "Prices rose again."]),
        ("Newsletter abonnieren Die Preise stiegen.", ["Newsletter abonnieren", "Die Preise stiegen."]),
        ("Sign In Subscribe Now The council met.", ["Sign In", "Subscribe Now", "The council met."]),
        ("Related Posts Sign In The council met.", ["Related Posts", "Sign In", "The council met."]),
    ],
)
def test_furniture_phrases_opening_a_flat_sentence_are_lines_of_their_own(sentence: str, expected: list[str]) -> None:
    """A flat line runs a page's buttons and labels into the sentence after
    them; each phrase a rule matches is cut off where the sentence starts or
    where the phrase before it was cut off."""
    assert flat_sentences(f"Rents rose again. {sentence}", glued=False) == ["Rents rose again.", *expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Advertisement Strange tattoos are plentiful.",  # one word is no phrase
        "Facebook Live lets pages broadcast video.",
        "Share this with your friends.",  # a lower-case word after the phrase
        "Prices rose as Sign In Records fell.",  # not where the sentence starts, and no closer
        "Emil wrote JustHTML using coding agents.",  # a comment header's rule is open at its front
        "CEO says $4.8 billion deal will close.",
    ],
)
def test_furniture_words_inside_a_flat_sentence_stay(sentence: str) -> None:
    assert flat_sentences(f"Rents rose again. {sentence}", glued=False) == ["Rents rose again.", sentence]


def test_a_phrase_is_fixed_at_its_front_unless_any_first_word_would_do() -> None:
    lexicon = default_lexicon()
    assert _fixed_front("Skip navigation", lexicon)
    assert _fixed_front("Photo Credit: Jane", lexicon)
    assert not _fixed_front("Martin wrote", lexicon)
    assert lexicon.line_rule("Martin wrote") is not None


def flat_page_with_line_breaks() -> str:
    """``get_text(" ", strip=True)`` of a page whose source wraps its text:
    the line breaks inside a text node stay, so no one line holds nearly all
    of the text, but its long lines do."""
    text = " ".join(PARAGRAPHS)
    menu = "Skip to content Home News Sport Weather Travel"
    return f"{menu} {text}\nDaily Record\n{text} Copyright 2025 The Daily Record."


def test_the_long_lines_of_a_flat_text_with_line_breaks_are_split_into_sentences() -> None:
    page = flat_page_with_line_breaks()
    lines = page.split("\n")
    assert flat_line(lines) is None
    assert flat_lines(lines, glued=False) == {0, 2}
    texts = [line.text for line in segment(page)]
    assert all(texts.count(paragraph) == 2 for paragraph in PARAGRAPHS[1:])


@pytest.mark.parametrize(("short_chars", "flat"), [(0, True), (400, False)])
def test_long_lines_are_flat_when_together_they_hold_nearly_all_of_the_text(short_chars: int, flat: bool) -> None:
    long_line = ("Home News Sport Weather Travel " + " ".join(PARAGRAPHS) * 2)[:GLUED_LINE_CHARS]
    short = ["Home News."] * (short_chars // 10)
    lines = [long_line, *short, long_line, "Daily Record"]
    assert sum(map(len, lines)) * FLAT_MIN_SHARE <= 2 * GLUED_LINE_CHARS or not flat
    assert (flat_lines(lines, glued=False) == {0, len(lines) - 2}) is flat


def test_long_lines_without_a_menu_are_paragraphs_not_a_flat_text() -> None:
    lines = flat_page_with_line_breaks().replace("Home News Sport Weather Travel ", "").split("\n")
    assert flat_lines(lines, glued=False) == frozenset()


def test_the_long_lines_of_a_glued_text_are_not_flat() -> None:
    lines = flat_page_with_line_breaks().split("\n")
    assert flat_lines(lines, glued=True) == frozenset()


def line_with_menus(menus: int, run: str = "Home News Sport Weather Travel") -> str:
    """A line of ``GLUED_LINE_CHARS`` characters or more, ``menus`` of its
    sentences holding ``run``, ``MENU_RUN_WORDS`` menu words."""
    assert len(run.split()) == MENU_RUN_WORDS
    line = " ".join([f"{run} rents rose again."] * menus + ["The mayor spoke on Monday."])
    while len(line) < GLUED_LINE_CHARS:
        line += " The mayor spoke on Monday."
    return line


def short_pieces(chars: int) -> list[str]:
    """Short lines (a caption, a link) of ``chars`` characters in all."""
    piece = "A caption under the photo of the town hall. " * 4
    pieces = [piece.strip()] * (chars // len(piece.strip()))
    rest = chars - sum(map(len, pieces))
    return pieces + ([piece[:rest]] if rest else [])


@pytest.mark.parametrize(
    ("menus", "below_share", "flat"),
    [(FLAT_MIN_MENUS, False, True), (FLAT_MIN_MENUS - 1, False, False), (FLAT_MIN_MENUS, True, False)],
)
def test_a_long_line_holding_menus_is_flat_when_the_long_lines_hold_enough_of_the_text(
    menus: int, below_share: bool, flat: bool
) -> None:
    """``get_text(" ", strip=True)`` of a page whose source wraps its text: a
    long line holds the menus and the article, short pieces the rest; a
    paragraph with a run of capitals or two (German nouns, names) is no
    such line, nor is a long line among many short ones."""
    line = line_with_menus(menus)
    short = math.floor(len(line) * (1 - MENU_FLAT_MIN_SHARE) / MENU_FLAT_MIN_SHARE) + below_share
    lines = [line, *short_pieces(short)]
    assert (len(line) / sum(map(len, lines)) >= MENU_FLAT_MIN_SHARE) is not below_share
    assert MENU_FLAT_MIN_SHARE < FLAT_MIN_SHARE
    assert flat_lines(lines, glued=False) == ({0} if flat else frozenset())


def test_capitalised_words_listed_with_commas_are_no_menu() -> None:
    """A list of places or names ("Miami; Chicago; Atlanta; …") is capitalised
    words in a row, but no menu."""
    for listed in ("Miami; Chicago; Atlanta; Boston; Denver", "Jill Barshay, Anna Bauer, Lee"):
        line = line_with_menus(FLAT_MIN_MENUS, run=listed)
        lines = [line, *short_pieces(len(line) // 2)]
        assert flat_lines(lines, glued=False) == frozenset()
        assert flat_lines([line_with_menus(FLAT_MIN_MENUS), *lines[1:]], glued=False) == {0}


def test_only_the_long_lines_holding_menus_are_flat() -> None:
    paragraph = " ".join(PARAGRAPHS)
    assert len(paragraph) >= GLUED_LINE_CHARS
    lines = [line_with_menus(FLAT_MIN_MENUS), *short_pieces(900), paragraph]
    share = (len(lines[0]) + len(paragraph)) / sum(map(len, lines))
    assert MENU_FLAT_MIN_SHARE <= share < FLAT_MIN_SHARE
    assert flat_lines(lines, glued=False) == {0}
    assert flat_lines(lines, glued=True) == frozenset()


MENU_WORDS = [
    *("Home", "News", "Sport", "Weather", "Travel", "Culture", "Video"),
    *("Podcasts", "Newsletters", "Opinion", "Business", "Science", "Health"),
]
#: Words a menu line of ``MENU_LINE_MIN_WORDS`` may have that are no menu words, or hold a digit.
MAY_LOWER = math.floor(MENU_LINE_MIN_WORDS * (1 - MENU_LINE_SHARE) + 1e-9)
MAY_DIGIT = math.floor(MENU_LINE_MIN_WORDS * MENU_LINE_MAX_DIGIT_SHARE + 1e-9)


@pytest.mark.parametrize(("words", "menu"), [(MENU_LINE_MIN_WORDS, True), (MENU_LINE_MIN_WORDS - 1, False)])
def test_a_menu_line_has_menu_line_min_words(words: int, menu: bool) -> None:
    assert is_menu_line(" ".join(MENU_WORDS[:words])) is menu


@pytest.mark.parametrize(("lower", "menu"), [(MAY_LOWER, True), (MAY_LOWER + 1, False)])
def test_a_menu_line_is_menu_line_share_menu_words(lower: int, menu: bool) -> None:
    words = MENU_WORDS[:MENU_LINE_MIN_WORDS]
    line = " ".join(word.lower() if k < lower else word for k, word in enumerate(words))
    assert is_menu_line(line) is menu


@pytest.mark.parametrize(("commas", "menu"), [(MENU_LINE_MAX_COMMAS, True), (MENU_LINE_MAX_COMMAS + 1, False)])
def test_a_list_of_names_with_commas_is_not_a_menu_line(commas: int, menu: bool) -> None:
    words = [word + ("," if k < commas else "") for k, word in enumerate(MENU_WORDS[:12])]
    assert is_menu_line(" ".join(words)) is menu


@pytest.mark.parametrize(("digits", "menu"), [(MAY_DIGIT, True), (MAY_DIGIT + 1, False)])
def test_a_table_row_of_figures_is_not_a_menu_line(digits: int, menu: bool) -> None:
    words = [f"{k}0" if k < digits else word for k, word in enumerate(MENU_WORDS[:MENU_LINE_MIN_WORDS])]
    assert is_menu_line(" ".join(words)) is menu


@pytest.mark.parametrize(
    "line",
    [
        "Die Bundesregierung hat am Montag beschlossen, dass die Steuern im kommenden Jahr nicht steigen.",
        "The Top 9 Fitness Trends for 2025 and How to Follow Them at Home This Year",
        "東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜 川崎 広島 仙台 千葉",
    ],
)
def test_prose_title_case_headlines_and_uncased_scripts_are_not_menu_lines(line: str) -> None:
    assert not is_menu_line(line)


def test_cleaning_drops_a_menu_run_together_inside_the_article() -> None:
    menu = " ".join(MENU_WORDS)
    text = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], menu, *PARAGRAPHS[2:]])
    doc = clean(text)
    assert menu not in doc.text
    assert all(paragraph in doc.text for paragraph in PARAGRAPHS)
    assert next(line for line in doc.lines if line.text == menu).reason == "shape:menu-line"


def test_a_repeated_page_title_is_apart_before_the_line_is_cut_into_sentences() -> None:
    """The <title> and its copy stay whole: cut into sentences and menus
    first, a title lost its end at its question mark, or its capitalised
    words to the menu after it ("Ten Tips for a | Great Road Trip Home News")."""
    title = "Need a Change? Ten Tips for a Great Road Trip"
    line = f"{title} | Drive Home News Sport Weather {title} The mayor said so on Monday."
    assert flat_sentences(line, glued=False) == [
        title,
        "| Drive Home News Sport Weather",
        title,
        "The mayor said so on Monday.",
    ]


def test_an_opening_that_is_not_repeated_is_cut_into_sentences() -> None:
    line = "Need a Change? Ten tips for a road trip. The mayor said so on Monday."
    assert flat_sentences(line, glued=False) == [
        "Need a Change?",
        "Ten tips for a road trip.",
        "The mayor said so on Monday.",
    ]


@pytest.mark.parametrize(("gap", "apart"), [(REPEAT_MAX_GAP, True), (REPEAT_MAX_GAP + 1, False)])
def test_a_phrase_repeated_close_by_in_a_flat_line_is_apart(gap: int, apart: bool) -> None:
    """A breadcrumb's last item and the headline under it ("Blog > Rents rise
    again in the city Business Rents rise again in the city By …"): both
    copies are lines of their own."""
    headline = "Rents rise again in the city"
    between = " ".join(["so", "they", "said", "again", "today"][:gap])
    line = f"Blog > {headline} {between} {headline} The mayor said so on Monday."
    if apart:
        assert flat_sentences(line, glued=False) == [
            "Blog >",
            headline,
            between,
            headline,
            "The mayor said so on Monday.",
        ]
    else:
        assert flat_sentences(line, glued=False) == [line]


def test_a_repeated_phrase_of_capitalised_words_only_or_too_short_stays() -> None:
    """A menu written twice is cut by its run of capitals, not as a headline."""
    menu = "Apply Class Search Self-Service Canvas"
    line = f"It rained. {menu} {menu} The mayor said so."
    assert flat_sentences(line, glued=False) == ["It rained.", f"{menu} {menu}", "The mayor said so."]
    short = " ".join(["rents", "rise", "again", "in", "the", "city"][: REPEAT_MIN_WORDS - 1])
    line = f"The {short} and the {short} fell."
    assert flat_sentences(line, glued=False) == [line]


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("HomeNewsWatch it on YouTube and on TikTok.", ["Home", "News", "Watch it on YouTube and on TikTok."]),
        ("ShareYouTubeLinkedIn", ["Share", "YouTube", "LinkedIn"]),  # the seams before and between them stay
        ("the new MacBook Pro and the iPhone", ["the new MacBook Pro and the iPhone"]),
        ("the new Mac Book and the Phone", ["the new Mac Book and the Phone"]),
        ("StoriesYoutube channel", ["Stories", "Youtube channel"]),
    ],
)
def test_a_seam_does_not_cut_a_word_written_in_camel_case(text: str, blocks: list[str]) -> None:
    assert _seam_split(text, camel_words()) == blocks


def test_camel_words_are_checked_when_loaded() -> None:
    good = {"words": ["YouTube"], "examples": [["HomeYouTube", ["Home", "YouTube"]]]}
    assert parse_camel_words(good).fullmatch("YouTube")
    for bad, message in [
        ({"words": ["Youtube"], "examples": []}, "no word of letters with a seam"),
        ({"words": ["You Tube"], "examples": []}, "no word of letters with a seam"),
        ({"words": ["YouTube"], "examples": [["HomeYouTube", ["HomeYouTube"]]]}, "is not cut into"),
        ({"words": "YouTube", "examples": []}, "must be a list of strings"),
        ({"words": ["YouTube"], "examples": [["HomeYouTube"]]}, "must be a list of"),
        ({"words": ["YouTube"]}, "must be a list of"),
    ]:
        with pytest.raises(CamelWordError, match=message):
            parse_camel_words(bad)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Laptop vs. Desktop: How Many Watts Does a Computer Use? Laptops use less.",
         ["Laptop vs. Desktop: How Many Watts Does a Computer Use?", "Laptops use less."]),
        ("Es spricht Prof. Dr. Caja Thimm aus Bonn. Nr. 5 folgt.",
         ["Es spricht Prof. Dr. Caja Thimm aus Bonn.", "Nr. 5 folgt."]),
        ("Sie kamen mit ca. 300 Gästen. Es regnete.", ["Sie kamen mit ca. 300 Gästen.", "Es regnete."]),
        # the same letters end a sentence where they are no abbreviation
        ("The answer was no. Then he left.", ["The answer was no.", "Then he left."]),
        ("We ate at Dr. Brown's. The fries were cold.", ["We ate at Dr. Brown's.", "The fries were cold."]),
        ("It runs on every OS etc. The app is free.", ["It runs on every OS etc.", "The app is free."]),
        ("The drug was approved by the FDA. Prices rose.", ["The drug was approved by the FDA.", "Prices rose."]),
    ],
)  # fmt: skip
def test_a_flat_line_is_not_cut_after_an_abbreviation(line: str, expected: list[str]) -> None:
    assert sentence_break().split(line) == expected


def test_abbreviations_are_checked_when_loaded() -> None:
    good = {"words": {"en": ["vs"]}, "examples": [["Cats vs. Dogs. Birds.", ["Cats vs. Dogs.", "Birds."]]]}
    assert parse_abbreviations(good).split("Red vs. Blue. Green.") == ["Red vs. Blue.", "Green."]
    for bad, message in [
        ({"words": {"en": ["vs."]}, "examples": []}, "no word of letters"),
        ({"words": {"en": ["et al"]}, "examples": []}, "no word of letters"),
        ({"words": {"en": "vs"}, "examples": []}, "must be a list of strings"),
        ({"words": ["vs"], "examples": []}, "must map language codes"),
        ({"words": {}, "examples": []}, "must map language codes"),
        (
            {"words": {"en": ["vs"]}, "examples": [["Cats vs. Dogs. Birds.", ["Cats vs.", "Dogs.", "Birds."]]]},
            "is not cut into",
        ),
        ({"words": {"en": ["vs"]}, "examples": [["Cats vs. Dogs. Birds."]]}, "must be a list of"),
        ({"words": {"en": ["vs"]}}, "must be a list of"),
    ]:
        with pytest.raises(AbbreviationError, match=message):
            parse_abbreviations(bad)


def test_a_glued_page_keeps_its_camel_case_words_whole() -> None:
    body = "".join(PARAGRAPHS).replace("the council", "the YouTube channel of the council", 1)
    lines = [line.text for line in segment(f"HomeNewsSport{body}Related Stories" * 3)]
    assert "Sport" in lines and any("YouTube channel" in line for line in lines)
    assert not any(line.endswith("You") for line in lines)
