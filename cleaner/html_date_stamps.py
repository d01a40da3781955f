"""Date stamps: lines that are only a date ("Updated: Jan 31, 2024"), the page's metadata.

- :func:`is_date_stamp`: whether a line is only a date stamp.
- :func:`date_stamp_words` (validated by :func:`parse_date_stamps`): the words a date stamp may
  hold besides numbers and month names (``data/html_date_stamps.json``).

The second pass (:mod:`cleaner.html_second_pass`) leaves such lines of trafilatura's out
(``html:date-stamp``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .datafiles import load_data, require_string_lists
from .language import month_words


class DateStampsError(ValueError):
    """The packaged date-stamp words (``data/html_date_stamps.json``) are not valid."""


#: A date stamp has at most this many word tokens ("Last updated on September 16th, 2023 at
#: 09:27 am" has 11 with its time).
DATE_STAMP_MAX_TOKENS = 12
#: Block kinds a date stamp is looked for in (a table row of dates is a table's).
DATE_STAMP_KINDS = frozenset({"paragraph", "item", "heading"})
_STAMP_TOKEN = re.compile(r"\w+")
_STAMP_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")
_STAMP_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})\b")


def is_date_stamp(text: str, words: frozenset[str] | None = None) -> bool:
    """Whether a line is only a date stamp (``data/html_date_stamps.json``): the page's
    metadata ("Last updated on September 16th, 2023", "Nov 21, 2018", "05/03/2019").
    Of the 65 such lines of trafilatura's on 42 wcxb-dev articles, 4 were in the reference.
    On cached extractions (``python -m bench.html_dev cache``, the second pass scored as
    ``bench.run`` scores it; scrapinghub / wcxb-dev articles / trafilatura-eval): .97446 /
    .94911 / .94088 -> .97446 / .94921 / .94118 (wcxb-dev: 36 pages of 36 sites up, 6 down;
    scrapinghub 1 up, 1 down; trafilatura-eval 2 up, 1 down, whose reference keeps
    "Veröffentlicht am 16.08.2019"). Table rows of dates are left alone (:data:`DATE_STAMP_KINDS`).

    >>> is_date_stamp("Updated: Jan 31, 2024"), is_date_stamp("Posted in News"), is_date_stamp("July 4, 1776: we won")
    (True, False, False)
    """
    known = date_stamp_words() if words is None else words
    tokens = _STAMP_TOKEN.findall(text.lower())
    if not 0 < len(tokens) <= DATE_STAMP_MAX_TOKENS:
        return False
    months = month_words()
    has_month = any(token in months for token in tokens)
    if not (has_month or _STAMP_NUMERIC_DATE.search(text)) or not any(token[0].isdigit() for token in tokens):
        return False
    return all(_STAMP_NUMBER.fullmatch(token) or token in months or token in known for token in tokens)


@functools.lru_cache(maxsize=1)
def date_stamp_words() -> frozenset[str]:
    """The words a date stamp may hold besides numbers and month names (validated: every
    example is a date stamp, no counter-example is)."""
    return parse_date_stamps(load_data("html_date_stamps.json"))


def parse_date_stamps(data: Any) -> frozenset[str]:
    """Validate the date-stamp words (see :func:`date_stamp_words`).

    >>> sorted(parse_date_stamps({"words": ["Updated"], "examples": ["Updated May 2, 2024"],
    ...                           "counter_examples": ["May 2024 was wet."]}))
    ['updated']
    """
    require_string_lists(data, ("words", "examples", "counter_examples"), "html_date_stamps.json", DateStampsError)
    words = frozenset(word.lower() for word in data["words"])
    for example in data["examples"]:
        if not is_date_stamp(example, words):
            raise DateStampsError(f"html_date_stamps.json: example {example!r} is no date stamp")
    for example in data["counter_examples"]:
        if is_date_stamp(example, words):
            raise DateStampsError(f"html_date_stamps.json: counter-example {example!r} is a date stamp")
    return words
