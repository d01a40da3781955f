"""Calendar dates written in a line of text, as ISO dates ("2025-09-04").

Pages write a date with the month's name ("September 4, 2025", "4. September
2025", "4 de septiembre de 2025", "Sep. 4th, 2025"), with numbers only
("04.09.2025", "2025-09-04", "9/4/2025") or relative to the day they were
read ("3 hours ago", which no text can resolve and is left alone). Month
names come from ``data/languages.json`` (:func:`cleaner.language.month_numbers`).
With slashes, an English page writes the month first and the others the day
first; dots and dashes put the day first (or the year, in ISO order). A
two-digit year is of the 2000s below 70, else of the 1900s.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import NamedTuple

from .datafiles import alternation
from .language import month_numbers, publish_words, update_words

#: Two-digit years below this are of the 2000s ("06.11.23" is 2023), the others of the 1900s.
TWO_DIGIT_YEAR_PIVOT = 70


class _Patterns(NamedTuple):
    date: re.Pattern[str]
    months: dict[str, int]


def date_pattern() -> str:
    """The regex of a calendar date :func:`iso_date` reads (with named groups)."""
    names = alternation(month_numbers())
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
    named = (
        rf"(?<![\w.])(?:{day.format('d1')},?\s+(?:de\s+)?(?P<m1>{names})\.?,?\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}})"
        rf"|(?<![^\W\d_])(?P<m2>{names})\.?\s+{day.format('d2')},?\s+(?P<y2>\d{{4}}))"
    )
    numeric = (
        r"(?<![\d.])(?:(?P<iy>\d{4})-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)"
        r"|(?P<a>[0-3]?\d)(?P<sep>[.-])(?P<b>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})"
        r"|(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<sy>\d{4}|\d{2}))(?!\d)"
    )
    return rf"{named}|{numeric}"


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns(re.compile(date_pattern(), re.IGNORECASE), month_numbers())


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    return year


def iso_date(text: str, lang: str = "und") -> str | None:
    """The first calendar date of ``text`` as YYYY-MM-DD, or None.

    >>> iso_date("Published Sep. 4th, 2025 at 10:00"), iso_date("Von Anna | 19.10.2019, 05:00 Uhr")
    ('2025-09-04', '2019-10-19')
    >>> iso_date("4 de septiembre de 2025"), iso_date("9/4/2025", "en"), iso_date("9/4/2025", "de")
    ('2025-09-04', '2025-09-04', '2025-04-09')
    >>> iso_date("3 hours ago") is None, iso_date("31.02.2020") is None
    (True, True)
    """
    patterns = _patterns()
    number = patterns.date.search(text)
    if number is None:
        return None
    if number["m1"] or number["m2"]:
        month = patterns.months[(number["m1"] or number["m2"]).lower()]
        return _iso(int(number["y1"] or number["y2"]), month, int(number["d1"] or number["d2"]))
    if number["iy"]:
        return _iso(int(number["iy"]), int(number["im"]), int(number["id"]))
    if number["a"]:
        return _iso(_year(number["y"]), int(number["b"]), int(number["a"]))
    first, second = int(number["sa"]), int(number["sb"])
    month_first = second > 12 or (first <= 12 and lang == "en")
    month, day = (first, second) if month_first else (second, first)
    return _iso(_year(number["sy"]), month, day)


def _any_word(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


@functools.cache
def _update_pattern() -> re.Pattern[str]:
    return _any_word(update_words())


@functools.cache
def _dated_pattern() -> re.Pattern[str]:
    return _any_word(publish_words() | update_words())


def is_dated_line(text: str) -> bool:
    """Whether ``text`` says its date is the page's: published or updated ("Posted on April 13,
    2023", "Page last modified Jan. 17, 2025"), not a date among others ("August 30, 2024").

    >>> is_dated_line("Posted on April 13, 2023"), is_dated_line("Veröffentlicht am 3. Mai 2022")
    (True, True)
    >>> is_dated_line("August 30, 2024"), is_dated_line("Jane on October 27, 2018 said:")
    (False, False)
    """
    return _dated_pattern().search(text) is not None


def opens_dated_line(text: str) -> bool:
    """Whether ``text`` opens with the word that says its date is the page's ("Posted by
    BeauHD on Friday December 19, 2025 …"), as a paragraph that mentions a date seldom does.

    >>> opens_dated_line("Posted by BeauHD on Friday December 19, 2025"), opens_dated_line("It was posted on May 2.")
    (True, False)
    """
    return _dated_pattern().match(text.strip()) is not None


def is_update_line(text: str) -> bool:
    """Whether ``text`` says its date is an update's ("Updated on July 9, 2025", "Zuletzt geändert am …").

    >>> is_update_line("Last updated: August 19, 2025"), is_update_line("Published Jun 4, 2025")
    (True, False)
    """
    return _update_pattern().search(text) is not None
