"""Language identification (langdetect) and per-language stoplists (jusText).

langdetect is the detector of record. It is seeded, so the same text always
gives the same answer, and it only sees a bounded sample: the longest lines
of the document, up to ``SAMPLE_CHARS`` characters. Too little text or an
unclear answer gives ``und``.

langdetect costs more than the rest of the cleaning of a short article, so
:func:`identify` first tries a cheap shortcut: the share of the sample's
words that are common function words of one language
(``data/languages.json``, ``function_words``). When one language clearly
wins, it is the answer; otherwise langdetect decides.

Stopword lists come from jusText, which ships lists for about 100 languages;
``data/languages.json`` maps langdetect's codes to them.
"""

from __future__ import annotations

import json
import re
import unicodedata
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
#: A line gives at most ``SAMPLE_CHARS // SAMPLE_MIN_LINES`` characters to the
#: sample while other lines have text left (:func:`sample`): the longest line
#: of a page is often furniture in another language (a publisher's legal
#: notice in English under a German article, a cookie banner), and alone it
#: filled the sample. Against langdetect on 4,000 characters of the longest
#: lines (at most 300 of each), the language of the inscriptis dumps then
#: disagrees on 7 trafilatura-eval pages instead of 9 (five put right, three
#: mixed-language pages put wrong), 0 scrapinghub-aeb pages instead of 1, 2
#: wcxb-dev articles as before. Text-track scores (inscriptis / plain / html2text):
#: trafilatura-eval snippet F1 .8981 / .8938 / .8848 → .8989 / .8940 / .8873
#: (a German motor-racing page read as English had lost its whole article:
#: its prose had no stopwords), scrapinghub-aeb shF1 .9321 / .9291 / .9201 →
#: .9321 / .9291 / .9206, wcxb-dev articles .9324 / .9324 / .9305 → .9328 /
#: .9324 / .9305; titles unchanged but trafilatura-eval inscriptis (.7337 →
#: .7325, one page).
SAMPLE_MIN_LINES = 3

#: Function-word shortcut (:func:`function_word_language`). Only the words
#: of a language's list that no other list holds count ("de", "que", "la"
#: are Spanish, Portuguese, Catalan and French alike, and diluted the margin
#: between them). Calibrated with ``python -m bench.langid`` on the
#: inscriptis and html2text dumps of the five dev benchmarks (5,642 samples,
#: 10 of whose languages have lists): at these values it answers for 86.3% of
#: documents and never disagrees with langdetect (counting every listed word
#: at a 0.2 share, without the Polish list: 79.0%). At a 0.11 share it still
#: agrees everywhere; at 0.10 it names four readability-mozilla pages French
#: where langdetect is unsure (``und``). On the held-out converters' dumps
#: (``--converters plain,markdown,wrapped,textnodes,lynx,htmltotext,gettext,flat``,
#: 22,568 samples) it answers for 81.6% (71.6% before) and disagrees twice
#: (as before: a bilingual page with 37 words, and one where langdetect says
#: ``und``). On trafilatura's blocks of the HTML track it sends 117 of the
#: 1,964 dev pages to langdetect instead of 235. Fewer words than
#: ``SHORTCUT_MIN_WORDS`` always go to langdetect.
SHORTCUT_MIN_WORDS = 30
#: The winning language's distinctive function words must be at least this share of the sample's words …
SHORTCUT_MIN_SHARE = 0.12
#: … and at least this many times the runner-up's.
SHORTCUT_MARGIN = 3
#: The lists are of Latin-script languages: a sample whose letters are more
#: than this share of other scripts goes to langdetect (a Japanese text's
#: few English words were otherwise a fair share of its "words", the runs of
#: kana and kanji between spaces and punctuation).
SHORTCUT_MAX_OTHER_SCRIPT = 0.1
#: The winner's hits must be at least this many different words: a menu that
#: repeats one ("[i]" info links, "da" in a Portuguese site's menu) is no
#: sentence. Web addresses are taken out first (a slug such as
#: "this-is-what-happens-to-your-brain" is not the page's language).
SHORTCUT_MIN_DISTINCT = 3

UNDETERMINED = "und"
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_URL = re.compile(r"https?://\S+|www\.\S+")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")


def sample(lines: list[str], budget: int = SAMPLE_CHARS) -> str:
    """The longest lines, up to ``budget`` characters, in their input order:
    first at most ``budget // SAMPLE_MIN_LINES`` characters of each, then,
    when the lines run out before the budget, more of each.

    >>> sample(["Cookies: we use them. " * 20, "Der Rat hat am Montag beschlossen.", "Ja."], budget=60).splitlines()
    ['Cookies: we use them. Cookies: we use', 'Der Rat hat am Monta', 'Ja.']
    >>> sample(["Der Rat hat am Montag beschlossen, die Steuer zu senken."], budget=30)
    'Der Rat hat am Montag beschlos'
    """
    order = sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i))
    taken: dict[int, int] = {}
    left = budget
    for cap in (budget // SAMPLE_MIN_LINES, budget):
        for index in order:
            if left <= 0:
                break
            have = taken.get(index, 0)
            more = min(min(len(lines[index]), cap) - have, left)
            if more > 0:
                taken[index] = have + more
                left -= more
    return "\n".join(lines[i][: taken[i]] for i in sorted(taken))


def detect(text: str) -> tuple[str, float]:
    """``(code, probability)`` for ``text``, or ``("und", 0.0)``.

    >>> detect("The quick brown fox jumps over the lazy dog while the cat sleeps.")[0]
    'en'
    >>> detect("ok")
    ('und', 0.0)
    """
    if sum(map(str.isalpha, text)) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return UNDETERMINED, 0.0
    if best.prob < MIN_PROBABILITY:
        return UNDETERMINED, 0.0
    return best.lang, round(best.prob, 4)


def function_word_language(text: str) -> tuple[str, float] | None:
    """``(code, share)`` when one language's function words clearly dominate ``text``, else None.

    ``share`` is the winner's part of the two best languages' function-word
    hits (at least ``SHORTCUT_MARGIN / (SHORTCUT_MARGIN + 1)``); it stands in
    for langdetect's probability.

    >>> function_word_language("The council said that it was not ready for the vote, and the mayor "
    ...                        "agreed with them after a long debate about the budget that they had "
    ...                        "been given by the state, which is short of money this year.")
    ('en', 1.0)
    >>> function_word_language("Short text.") is None
    True
    """
    text = _URL.sub(" ", text)
    words = _WORD.findall(text.lower())
    if len(words) < SHORTCUT_MIN_WORDS:
        return None
    if len(_NON_LATIN_LETTER.findall(text)) > SHORTCUT_MAX_OTHER_SCRIPT * len(_LETTER.findall(text)):
        return None
    lists = _distinctive_words()
    hits = sorted(((sum(map(listed.__contains__, words)), code) for code, listed in lists.items()), reverse=True)
    (best, code), (second, _) = hits[0], hits[1]
    if best < SHORTCUT_MIN_SHARE * len(words) or best < SHORTCUT_MARGIN * second:
        return None
    if len({w for w in words if w in lists[code]}) < SHORTCUT_MIN_DISTINCT:
        return None
    return code, round(best / (best + second), 4)


def identify(text: str) -> tuple[str, float]:
    """The language of a sample: the function-word shortcut when it is sure, else :func:`detect`."""
    return function_word_language(text) or detect(text)


def document_language(lines: list[str]) -> tuple[str, float]:
    """The language of a document's lines, identified on their :func:`sample`."""
    return identify(sample(lines))


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    raw = _language_data()["function_words"]
    known = _stoplist_names()
    lists = {}
    for code, words in raw.items():
        listed = words.split()
        if known.get(code) is None:
            raise ValueError(f"data/languages.json: function words for {code!r}, which has no stoplist")
        if any(w != w.lower() or not _WORD.fullmatch(w) for w in listed) or len(set(listed)) != len(listed):
            raise ValueError(f"data/languages.json: function words of {code!r} must be distinct lowercase words")
        lists[code] = frozenset(listed)
    if len(lists) < 2:
        raise ValueError("data/languages.json: the shortcut needs function words of at least two languages")
    return lists


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words of every language in ``data/languages.json`` ("the", "with", "und")."""
    return frozenset().union(*_function_words().values())


@lru_cache(maxsize=1)
def _distinctive_words() -> dict[str, frozenset[str]]:
    """Each language's function words that no other list holds."""
    lists = _function_words()
    return {code: listed.difference(*(o for c, o in lists.items() if c != code)) for code, listed in lists.items()}


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


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Each month word's number (``month_order`` in ``data/languages.json``); a word of
    ``months`` not in that list takes the number of the month whose name opens with its first
    three letters, accents dropped ("sept" 9, "jänner" 1, "styczeń" 1), or none.

    >>> numbers = month_numbers()
    >>> numbers["march"], numbers["sept"], numbers["dezember"], numbers["jänner"], numbers["diciembre"]
    (3, 9, 12, 1, 12)
    """
    data = _language_data()
    numbers: dict[str, int] = {}
    for lang, names in data["month_order"].items():
        ordered = names.split()
        if len(ordered) != 12:
            raise ValueError(f"data/languages.json: month_order[{lang!r}] must name twelve months")
        stems = {_folded(word)[:3]: n for n, word in enumerate(ordered, 1)}
        for n, word in enumerate(ordered, 1):
            numbers.setdefault(word, n)
        for word in data["months"].get(lang, "").split():
            number = stems.get(_folded(word)[:3])
            if number is not None:
                numbers.setdefault(word, number)
    return numbers


@lru_cache(maxsize=1)
def update_words() -> frozenset[str]:
    """The words of ``data/languages.json`` that say a date is an update's."""
    return _words_of_every_language("update_words")


def publish_words() -> frozenset[str]:
    """The words of ``data/languages.json`` that say a date is the page's publication's."""
    return _words_of_every_language("publish_words")


def _words_of_every_language(key: str) -> frozenset[str]:
    return frozenset(word for words in _language_data()[key].values() for word in words)


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
