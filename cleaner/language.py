"""Language identification (langdetect) and per-language stoplists (jusText).

langdetect is the detector of record. It is seeded, so the same text always
gives the same answer, and it only sees a bounded sample: the longest lines
of the document, up to ``SAMPLE_CHARS`` characters. Too little text or an
unclear answer gives ``und``.

Stopword lists come from jusText, which ships lists for about 100 languages;
``data/languages.json`` maps langdetect's codes to them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import justext
from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0

#: Characters of text handed to langdetect. Its cost grows with the sample
#: (on the seeds: 4 ms for 500 characters, 11 ms for 2,000) while the answer
#: on article prose is settled well before 600 characters.
SAMPLE_CHARS = 600
#: Fewer letters than this and the language is ``und``: langdetect's answers
#: on a few words are close to random.
MIN_LETTERS = 20
#: Top probability below this and the language is ``und``.
MIN_PROBABILITY = 0.5

UNDETERMINED = "und"


def sample(lines: list[str], budget: int = SAMPLE_CHARS) -> str:
    """The longest lines, up to ``budget`` characters, in their input order."""
    chosen: set[int] = set()
    used = 0
    for index in sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i)):
        if used >= budget:
            break
        chosen.add(index)
        used += len(lines[index])
    return "\n".join(lines[i] for i in sorted(chosen))[: budget * 2]


def detect(text: str) -> tuple[str, float]:
    """``(code, probability)`` for ``text``, or ``("und", 0.0)``.

    >>> detect("The quick brown fox jumps over the lazy dog while the cat sleeps.")[0]
    'en'
    >>> detect("ok")
    ('und', 0.0)
    """
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return UNDETERMINED, 0.0
    if best.prob < MIN_PROBABILITY:
        return UNDETERMINED, 0.0
    return best.lang, round(best.prob, 4)


@lru_cache(maxsize=1)
def _language_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("cleaner").joinpath("data/languages.json").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def _stoplist_names() -> dict[str, str | None]:
    names: dict[str, str | None] = _language_data()["stoplists"]
    known = justext.get_stoplists()
    for code, name in names.items():
        if name is not None and name not in known:
            raise ValueError(f"data/languages.json: {code!r} maps to {name!r}, which jusText does not ship")
    return names


@lru_cache(maxsize=64)
def stopwords(lang: str) -> frozenset[str]:
    """Lowercase stopwords of ``lang`` (a langdetect code); empty when unknown.

    >>> "the" in stopwords("en"), "und" in stopwords("de"), len(stopwords("und"))
    (True, True, 0)
    """
    name = _stoplist_names().get(lang)
    if name is None:
        return frozenset()
    return frozenset(justext.get_stoplist(name))


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """Month names and abbreviations of the languages in ``data/languages.json``."""
    return frozenset(word for names in _language_data()["months"].values() for word in names.split())
