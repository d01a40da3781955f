"""Invariants of cleaning, checked on generated documents and arbitrary Unicode."""

import datetime
import itertools
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean, clean_stream, clean_text
from cleaner.bylines import byline_name, packaged_bylines
from cleaner.dates import iso_date
from cleaner.document import BODY_LABELS
from cleaner.segmenting import segment

from .strategies import documents, hostile_documents

any_text = st.text() | documents() | hostile_documents()


@pytest.mark.fuzz
@given(any_text)
def test_never_raises_and_labels_every_line(text: str) -> None:
    doc = clean(text)
    assert [line.number for line in doc.lines] == [line.number for line in segment(text)]
    assert all(line.reason for line in doc.lines)


@pytest.mark.fuzz
@given(any_text)
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@pytest.mark.fuzz
@given(any_text)
def test_output_paragraphs_come_from_the_input_in_order(text: str) -> None:
    doc = clean(text)
    normalized = [line.text for line in segment(text)]
    emitted = [line.text for line in doc.lines if line.label in BODY_LABELS]
    assert doc.text == "\n\n".join(emitted)
    position = 0
    for paragraph in emitted:
        position = normalized.index(paragraph, position) + 1


@pytest.mark.fuzz
@given(any_text)
def test_a_decomposed_text_cleans_as_its_composed_form(text: str) -> None:
    assert clean_text(unicodedata.normalize("NFD", text)) == clean_text(unicodedata.normalize("NFC", text))


@pytest.mark.fuzz
@given(any_text, st.sampled_from(["\u200b", "\u00ad", "\ufeff", "\u2060", "\u202c"]))
def test_invisible_characters_between_words_change_nothing(text: str, invisible: str) -> None:
    assert clean_text(text.replace(" ", " " + invisible)) == clean_text(text)


@pytest.mark.fuzz
@given(any_text, st.sampled_from(["\u00a0", "\u2009", "\u202f", "\u3000"]))
def test_any_space_cleans_as_a_plain_one(text: str, space: str) -> None:
    assert clean_text(text.replace(" ", space)) == clean_text(text)


@pytest.mark.fuzz
@given(any_text)
def test_output_is_normalized(text: str) -> None:
    out = clean_text(text)
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out
    assert not any(unicodedata.category(ch) == "Cc" and ch != "\n" for ch in out)
    assert all(line == line.strip() for line in out.split("\n"))
    assert "\n\n\n" not in out


byline_like = st.text() | st.builds(
    "{} {} {}".format,
    st.sampled_from(["By", "Von", "* Written by:", "4.02.2022 par", "Author:", "", "Published May 3, 2024 by"]),
    st.text(max_size=40),
    st.sampled_from(["", "| 8 min read", "– Updated Sep 9, 2025", "in News", "jane@example.org"]),
)


@pytest.mark.fuzz
@given(byline_like)
def test_a_byline_name_is_taken_from_its_line(text: str) -> None:
    name = byline_name(text)
    assert name is None or (name and name in text)
    bare = packaged_bylines().bare_name(text)
    assert bare is None or (bare and bare in text)


@pytest.mark.fuzz
@given(any_text | st.builds("{} {}".format, st.text(max_size=12), st.dates().map(str)))
def test_a_date_read_is_a_calendar_date(text: str) -> None:
    for lang in ("en", "de"):
        found = iso_date(text, lang)
        assert found is None or datetime.date.fromisoformat(found).isoformat() == found


def test_clean_stream_is_lazy() -> None:
    def endless() -> Iterator[str]:
        for n in itertools.count():
            yield f"Headline number {n} here\n\nThe council met on day {n} and approved the plan, officials said."

    docs = list(itertools.islice(clean_stream(endless()), 3))
    # each document in order, whichever line the headline model takes for the headline
    assert [f"on day {n} " in doc.text for n, doc in enumerate(docs)] == [True] * 3
