"""Calendar dates in text (cleaner.dates) and the header's date field."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.classifying import DATED_LABEL_MAX_WORDS
from cleaner.dates import TWO_DIGIT_YEAR_PIVOT, is_update_line, iso_date
from cleaner.language import month_numbers

from .samples import PARAGRAPHS


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        ("September 4, 2025", "en", "2025-09-04"),
        ("Published Sep. 4th, 2025 at 10:00", "en", "2025-09-04"),
        ("Friday, December 19, 2025", "en", "2025-12-19"),
        ("4. September 2025", "de", "2025-09-04"),
        ("22. Dezember 2019 22. Dezember 2019 von Peter Addor", "de", "2019-12-22"),
        ("6. November 20236. November 2023", "de", "2023-11-06"),
        ("1er avril 2022", "fr", "2022-04-01"),
        ("4 de septiembre de 2025", "es", "2025-09-04"),
        ("15 października 2023", "pl", "2023-10-15"),
        ("Jänner 3, 2021", "de", "2021-01-03"),
        ("19.10.2019, 05:00 Uhr", "de", "2019-10-19"),
        ("2025-09-04T10:00:00Z", "en", "2025-09-04"),
        # slashes: month first in English, day first elsewhere, unless a number says
        ("9/4/2025", "en", "2025-09-04"),
        ("9/4/2025", "de", "2025-04-09"),
        ("13/4/2025", "en", "2025-04-13"),
        ("4/13/2025", "fr", "2025-04-13"),
        # no calendar date
        ("3 hours ago", "en", None),
        ("31.02.2020", "de", None),
        ("Mai 2020", "de", None),
        ("Version 1.2.3 released", "en", None),
        ("Omar 4, 2025", "en", None),
        ("", "en", None),
    ],
)
def test_iso_dates(text: str, lang: str, date: str | None) -> None:
    assert iso_date(text, lang) == date


@pytest.mark.parametrize(("yy", "year"), [(TWO_DIGIT_YEAR_PIVOT - 1, 2000), (TWO_DIGIT_YEAR_PIVOT, 1900)])
def test_two_digit_year_edge(yy: int, year: int) -> None:
    assert iso_date(f"06.11.{yy:02d}") == f"{year + yy}-11-06"


def test_every_month_word_has_a_number() -> None:
    numbers = month_numbers()
    assert set(numbers.values()) == set(range(1, 13))
    assert numbers["sept"] == 9 and numbers["stycznia"] == 1 and numbers["décembre"] == 12


@pytest.mark.parametrize(
    ("text", "update"),
    [("Updated on July 9, 2025", True), ("Zuletzt geändert am 06.11.2023", True), ("Published Jun 4, 2025", False)],
)
def test_update_lines(text: str, update: bool) -> None:
    assert is_update_line(text) is update


PROSE = PARAGRAPHS[:4]
HEADLINE = "Council approves budget after long debate"


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        ([HEADLINE, "By Jane Doe", "September 4, 2025", *PROSE], "2025-09-04"),
        ([HEADLINE, "Von Jan Kupitz | 24.10.2023", *PROSE], "2023-10-24"),
        # the publication date, not the update's
        ([HEADLINE, "Updated Dec. 23, 2024", "Published Dec. 20, 2024", *PROSE], "2024-12-20"),
        ([HEADLINE, "Updated Dec. 23, 2024", *PROSE], "2024-12-23"),
        # a date in a paragraph, or far below the header, is the article's
        ([HEADLINE, "On March 3, 2024, the council approved the new budget after a long debate.", *PROSE], None),
        ([HEADLINE, *PROSE, "More news", "September 4, 2025"], None),
    ],
)
def test_the_header_date(lines: list[str], date: str | None) -> None:
    assert clean("\n\n".join(lines)).date == date


def test_a_date_under_the_headline_wins_over_one_above_it() -> None:
    doc = clean("\n\n".join(["Friday, November 28, 2025", HEADLINE, "June 3, 2024", *PROSE]))
    assert doc.date == "2024-06-03"


@pytest.mark.parametrize(
    ("footer", "date"),
    [
        (["Page last modified Jan. 17, 2025"], "2025-01-17"),
        (["Posted on April 13, 2023", "Updated on May 2, 2024"], "2023-04-13"),
        # a date alone far below the header may be anything's, unless a label above says it
        (["August 30, 2024"], None),
        (["Posted on", "Nov 21, 2018"], "2018-11-21"),
    ],
)
def test_a_line_that_dates_the_page_is_the_last_resort(footer: list[str], date: str | None) -> None:
    assert clean("\n\n".join([HEADLINE, *PROSE, *footer])).date == date


@pytest.mark.parametrize(("words", "found"), [(DATED_LABEL_MAX_WORDS, True), (DATED_LABEL_MAX_WORDS + 1, False)])
def test_the_label_over_a_date_edge(words: int, found: bool) -> None:
    label = " ".join(["Updated", "on", "this", "page", "today"][:words])
    doc = clean("\n\n".join([HEADLINE, *PROSE, label, "May 2, 2024"]))
    assert (doc.date == "2024-05-02") is found


STANDFIRST = "The spending plan passed by one vote after members argued for six hours."


@pytest.mark.parametrize(
    ("header", "date"),
    [
        (["By Jane Doe", "Published 3:42 PM GMT, May 17, 2023"], "2023-05-17"),
        # past the header's end, a date at most two lines from the byline is still the byline's
        (["By Jane Doe", "Photo desk", "Published 3:42 PM GMT, May 17, 2023"], "2023-05-17"),
        (["By Jane Doe", "Photo desk", "Camera desk", "May 17, 2023"], None),
    ],
)
def test_a_standfirst_is_the_headers_not_the_first_paragraph(header: list[str], date: str | None) -> None:
    doc = clean("\n\n".join([HEADLINE, STANDFIRST, *header, *PROSE]))
    assert doc.standfirst == STANDFIRST
    assert doc.date == date
