"""A section of the article taken in twice: ``cleaner.copies`` and its use by
the text path and the HTML second pass."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.copies import COPY_ALONE_WORDS, COPY_MIN_WORDS, COPY_REACH, COPY_RUN, copied_lines
from cleaner.html_blocks import Block, Extraction
from cleaner.pipeline import clean_extraction

from .samples import PARAGRAPHS


def sentence(words: int, tag: str) -> str:
    return " ".join([tag, *["word"] * (words - 1)])


@pytest.mark.parametrize(("words", "dropped"), [(COPY_MIN_WORDS - 1, False), (COPY_MIN_WORDS, True)])
def test_only_lines_of_copy_min_words_count_as_copies(words: int, dropped: bool) -> None:
    section = [sentence(words, tag) for tag in ("alpha", "beta", "gamma")]
    found = copied_lines([*section, "a line between", *section])
    assert found == ({4, 5, 6} if dropped else set())


@pytest.mark.parametrize(("copies", "dropped"), [(COPY_RUN - 1, False), (COPY_RUN, True)])
def test_a_copy_goes_only_among_copy_run_copies(copies: int, dropped: bool) -> None:
    """Within ``COPY_REACH`` lines either side, the copies (the line itself
    included) must number ``COPY_RUN``: a quote repeated once stays."""
    section = PARAGRAPHS[:copies]
    texts = [*PARAGRAPHS, *section, "A closing line that is said only once in the whole article here."]
    found = copied_lines(texts)
    assert found == (set(range(len(PARAGRAPHS), len(PARAGRAPHS) + copies)) if dropped else set())


def test_copies_spread_beyond_the_reach_stay() -> None:
    """Copies separated by more than ``COPY_REACH`` new lines are not a section."""
    fresh = [sentence(COPY_MIN_WORDS, f"new{k}") for k in range(COPY_REACH)]
    texts = [*PARAGRAPHS[:COPY_RUN]]
    for text in PARAGRAPHS[:COPY_RUN]:
        texts += [text, *fresh]
        fresh = [line + " again" for line in fresh]
    assert copied_lines(texts) == set()


def test_the_first_occurrence_is_never_a_copy() -> None:
    assert copied_lines(PARAGRAPHS + PARAGRAPHS) == set(range(len(PARAGRAPHS), 2 * len(PARAGRAPHS)))
    assert copied_lines(PARAGRAPHS) == set()


def test_text_input_keeps_one_copy_of_an_article_taken_in_twice() -> None:
    text = "\n\n".join(["City votes more money for roads", *PARAGRAPHS, "Share this article", *PARAGRAPHS])
    doc = clean(text)
    assert all(doc.text.count(p) == 1 for p in PARAGRAPHS)
    copies = [line for line in doc.lines if line.reason == "dup:repeat"]
    assert [line.text for line in copies] == PARAGRAPHS
    assert all(line.number > 10 for line in copies)  # the second copy goes, the first stays


def test_html_second_pass_drops_a_section_trafilatura_took_in_twice() -> None:
    blocks = [Block(p, "paragraph") for p in PARAGRAPHS + PARAGRAPHS[:COPY_RUN]]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines][len(PARAGRAPHS) :] == ["dup:repeat"] * COPY_RUN
    assert all(doc.text.count(p) == 1 for p in PARAGRAPHS)


@pytest.mark.parametrize(("words", "dropped"), [(COPY_ALONE_WORDS, False), (COPY_ALONE_WORDS + 1, True)])
def test_a_long_copy_goes_on_its_own(words: int, dropped: bool) -> None:
    """A paragraph of more than ``COPY_ALONE_WORDS`` words repeated word for
    word is a copy without other copies around it."""
    long = sentence(words, "alpha")
    assert copied_lines([long, *PARAGRAPHS[:3], long]) == ({4} if dropped else set())
