"""The function-word language shortcut: its thresholds at their edges, and the fallback to langdetect."""

from __future__ import annotations

import math

import pytest

from cleaner import language
from cleaner.language import (
    SAMPLE_CHARS,
    SAMPLE_MIN_LINES,
    SHORTCUT_MARGIN,
    SHORTCUT_MAX_OTHER_SCRIPT,
    SHORTCUT_MIN_DISTINCT,
    SHORTCUT_MIN_SHARE,
    SHORTCUT_MIN_WORDS,
    function_word_language,
)

FILLER = "zorblat"  # in no list


ENGLISH = ["the", "and", "which", "would", "their", "been"]
GERMAN = ["und", "nicht", "wird"]


def _text(english: int, german: int = 0, total: int = SHORTCUT_MIN_WORDS) -> str:
    words = [ENGLISH[k % len(ENGLISH)] for k in range(english)] + [GERMAN[k % len(GERMAN)] for k in range(german)]
    return " ".join(words + [FILLER] * (total - len(words)))


def test_min_share_edge() -> None:
    at_edge = round(SHORTCUT_MIN_SHARE * SHORTCUT_MIN_WORDS)
    assert function_word_language(_text(at_edge)) == ("en", 1.0)
    assert function_word_language(_text(at_edge - 1)) is None


def test_min_words_edge() -> None:
    assert function_word_language(_text(20, total=SHORTCUT_MIN_WORDS)) is not None
    assert function_word_language(" ".join(["the"] * (SHORTCUT_MIN_WORDS - 1))) is None


def test_margin_edge() -> None:
    german = 3
    found = function_word_language(_text(SHORTCUT_MARGIN * german, german))
    assert found == ("en", round(SHORTCUT_MARGIN / (SHORTCUT_MARGIN + 1), 4))
    assert function_word_language(_text(SHORTCUT_MARGIN * german - 1, german)) is None


def test_a_word_of_several_lists_does_not_count() -> None:
    """ "de" is Spanish and Portuguese: only the words of one list alone weigh."""
    shared = ["de"] * SHORTCUT_MIN_WORDS
    assert function_word_language(" ".join(shared)) is None
    text = _text(round(SHORTCUT_MIN_SHARE * SHORTCUT_MIN_WORDS) + 1).replace(FILLER, "de", 10)
    assert function_word_language(text) == ("en", 1.0)


@pytest.mark.parametrize(("distinct", "shortcut"), [(SHORTCUT_MIN_DISTINCT, True), (SHORTCUT_MIN_DISTINCT - 1, False)])
def test_the_winning_words_must_be_several(distinct: int, shortcut: bool) -> None:
    """A menu repeating one word ("[i]", "da") is no sentence: too few different words, no shortcut."""
    hits = [ENGLISH[k % distinct] for k in range(SHORTCUT_MIN_WORDS // 2)]
    text = " ".join(hits + [FILLER] * (SHORTCUT_MIN_WORDS - len(hits)))
    assert (function_word_language(text) is not None) is shortcut


def test_web_addresses_are_not_words_of_the_text() -> None:
    slug = "https://example.org/news/this-is-what-happens-to-your-brain-and-body-when-you-get-scared"
    german = "Der Rat hat am Montag beschlossen, dass die Steuern nicht erhöht werden, und es gibt auch noch Geld"
    assert function_word_language(" ".join([slug] * 3) + " " + german + " " + german) == ("de", 1.0)


@pytest.mark.parametrize(("over", "shortcut"), [(0, True), (1, False)])
def test_a_sample_mostly_in_another_script_goes_to_langdetect(over: int, shortcut: bool) -> None:
    """A Japanese text's few English words are no evidence: past the other-script share, no shortcut."""
    text = _text(SHORTCUT_MIN_WORDS // 2)
    latin = sum(ch.isalpha() for ch in text)
    # the most letters of another script that stay within the share of all letters
    edge = math.floor(SHORTCUT_MAX_OTHER_SCRIPT * latin / (1 - SHORTCUT_MAX_OTHER_SCRIPT))
    found = function_word_language(text + " " + "語" * (edge + over))
    assert (found is not None) is shortcut


@pytest.mark.parametrize(
    ("text", "code", "shortcut"),
    [
        ("Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden, und der Minister "
         "sagte, es sei auch für die Länder eine gute Nachricht, die nach der Krise mit dem Geld auskommen.",
         "de", True),
        ("Le gouvernement a annoncé lundi que les impôts ne seront pas augmentés, et le ministre a dit "
         "que cette décision est une bonne nouvelle pour les familles qui sont dans une situation difficile.",
         "fr", True),
        ("El gobierno anunció el lunes que los impuestos no subirán, y el ministro dijo que la decisión es "
         "una buena noticia para las familias que están en una situación difícil por la crisis del sector.",
         "es", False),  # Catalan shares el, la, que, del: too close to call
        ("Rząd ogłosił w poniedziałek, że podatki nie zostaną podniesione, a minister powiedział, że jest to "
         "dobra wiadomość dla rodzin, które są w trudnej sytuacji, i że będzie także więcej pieniędzy dla gmin.",
         "pl", True),
    ],
)  # fmt: skip
def test_agrees_with_langdetect_on_prose(text: str, code: str, shortcut: bool) -> None:
    found = function_word_language(text)
    assert (found is not None) == shortcut
    assert language.identify(text)[0] == language.detect(text)[0] == code


GERMAN_PROSE = (
    "Die Regierung hat am Montag beschlossen, dass die Steuern nicht erhöht werden, und der Minister "
    "sagte, es sei auch für die Länder eine gute Nachricht, die nach der Krise mit dem Geld auskommen."
)
LEGAL_NOTICE = (
    "© 1997-2022 sport media group GmbH · This website is unofficial and is not associated in any way with "
    "the Formula 1 companies. F1, FORMULA ONE, FORMULA 1, FIA FORMULA ONE WORLD CHAMPIONSHIP, GRAND PRIX and "
    "related marks are trade marks of Formula One Licensing B.V., a Formula 1 company. All rights reserved. "
    "The use of this website is subject to the terms and conditions that you will find on this page. "
    "All the content on this website is protected by the copyright laws of the country it was published in."
)


def test_a_line_fills_at_most_its_share_of_the_sample_while_others_are_left() -> None:
    share = SAMPLE_CHARS // SAMPLE_MIN_LINES
    lines = ["x" * (2 * SAMPLE_CHARS), "y" * SAMPLE_CHARS, "z" * (share - 1), "w" * 10]
    assert [len(part) for part in language.sample(lines).splitlines()] == [share, share, share - 1, 1]


def test_a_line_alone_fills_the_sample() -> None:
    assert language.sample(["x" * (2 * SAMPLE_CHARS), "y" * 10]).splitlines() == ["x" * (SAMPLE_CHARS - 10), "y" * 10]


def test_a_long_notice_in_another_language_does_not_decide_alone() -> None:
    """A German article under an English legal notice longer than any of its paragraphs is German."""
    notice = f"{LEGAL_NOTICE} {LEGAL_NOTICE}"
    assert len(notice) > SAMPLE_CHARS > len(GERMAN_PROSE)
    assert language.document_language([notice, GERMAN_PROSE, GERMAN_PROSE])[0] == "de"


def test_unlisted_language_goes_to_langdetect() -> None:
    swedish = (
        "Regeringen meddelade på måndagen att skatterna inte kommer att höjas, och ministern sa att beslutet "
        "är goda nyheter för familjerna som befinner sig i en svår situation efter krisen i landet."
    )
    assert function_word_language(swedish) is None
    assert language.identify(swedish) == language.detect(swedish)


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ({"en": "the and", "xx": "foo"}, "no stoplist"),
        ({"en": "the The", "de": "der"}, "distinct lowercase"),
        ({"en": "the the", "de": "der"}, "distinct lowercase"),
        ({"en": "the"}, "at least two"),
    ],
)
def test_bad_function_word_data_fails_loudly(monkeypatch: pytest.MonkeyPatch, lists: dict[str, str],
                                             message: str) -> None:  # fmt: skip
    data = dict(language._language_data())
    data["function_words"] = lists
    monkeypatch.setattr(language, "_language_data", lambda: data)
    language._function_words.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            language._function_words()
    finally:
        language._function_words.cache_clear()
