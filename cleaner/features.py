"""Per-line features: what the classifier knows about a line by itself.

Everything here is computed from the normalized line text plus the raw
line's leading characters (indentation, list bullets from the converter),
in one pass, with precompiled patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import month_words
from .lexicon import Lexicon, Rule

_WORD = re.compile(r"\w+")
# Sentence end: terminal mark, optionally followed by closing quotes/brackets.
_TERMINAL = re.compile(r"[.!?…。！？]['\"”’»)\]」』]*$")
_SENTENCE_BREAK = re.compile(r"[.!?。！？]['\"”’»)]*\s+['\"“‘«(]*[A-ZÀ-ÖØ-Þ0-9]")
_BULLET = re.compile(r"^\s*(?:[*+•·▪►▸◦‣●○■□]|-\s|\d{1,2}[.)]\s)")
_BYLINE = re.compile(
    r"^(?:(?:written|posted|words|story|text|reporting|report|photos?)\s+)?"
    r"(?:by|von|par|por|di|door|av|przez|de)\s+(?P<name>.{2,90})$",
    re.IGNORECASE,
)
# Words a name may hold in lowercase ("Our Foreign Desk", "Anna van der Berg").
_NAME_JOINERS = frozenset(
    "and of the in for at de del der van von den la le y e und et da di du zu & | , - – —".split()  # noqa: SIM905
)
_NAME_TOKEN = re.compile(r"[\w'’.&|,–—-]+")
# link-like: a URL or domain, or an e-mail address, @handle or #hashtag
_URL_LIKE = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b")
_HANDLE = re.compile(r"\S@\S|(?:^|\s)[@#]\w")
_SEPARATORS = re.compile(r"\s[|·•/»›]\s")
_QUOTES = re.compile("[\"“”„«»‘’']")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_MONTHS = month_words()


@dataclass(slots=True)
class LineFeatures:
    chars: int
    words: int
    stop_ratio: float
    terminal: bool
    sentences: int
    title_case: float
    all_caps: bool
    digit_ratio: float
    bullet: bool
    indent: int
    has_date: bool
    ends_colon: bool
    punct_ratio: float
    link_like: bool
    separators: int
    comma_ratio: float
    starts_lower: bool
    quote: bool
    alpha_ratio: float
    rule: Rule | None


def line_features(text: str, raw: str, stops: frozenset[str], lexicon: Lexicon) -> LineFeatures:
    tokens = _WORD.findall(text)
    n = len(text)
    # Every letter and digit of the line is inside a \w+ token, so the counts
    # run over the tokens' characters, and mostly end at one C-level check.
    word_chars = "".join(tokens)
    letters_only = word_chars.isalpha()
    digits = 0 if letters_only else sum(map(str.isdigit, word_chars))
    letters = len(word_chars) if letters_only else sum(map(str.isalpha, word_chars))
    spaces = n - sum(map(len, text.split()))
    alpha = [t for t in tokens if t[0].isalpha()]
    stop_hits = sum(map(stops.__contains__, map(str.lower, tokens))) if stops else 0
    upper_initial = sum(1 for t in alpha if t[0].isupper())
    return LineFeatures(
        chars=n,
        words=len(tokens),
        stop_ratio=stop_hits / len(tokens) if tokens else 0.0,
        terminal=_TERMINAL.search(text) is not None,
        sentences=1 + len(_SENTENCE_BREAK.findall(text)),
        title_case=upper_initial / len(alpha) if alpha else 0.0,
        all_caps=text.isupper(),
        digit_ratio=digits / n if n else 0.0,
        bullet=_BULLET.match(raw) is not None,
        indent=len(raw) - len(raw.lstrip()),
        has_date=digits > 0 and _has_date(tokens, text),
        ends_colon=text.endswith(":"),
        # punctuation: neither a word character (but "_" counts) nor a space
        punct_ratio=(n - len(word_chars) + word_chars.count("_") - spaces) / n if n else 0.0,
        link_like=_URL_LIKE.search(text) is not None
        or (("@" in text or "#" in text) and _HANDLE.search(text) is not None),
        separators=len(_SEPARATORS.findall(text)),
        comma_ratio=text.count(",") / len(tokens) if tokens else 0.0,
        starts_lower=text[:1].islower(),
        quote=_QUOTES.search(text) is not None,
        alpha_ratio=letters / n if n else 0.0,
        rule=lexicon.match(text),
    )


def _has_date(tokens: list[str], text: str) -> bool:
    """A month name next to a number, or a numeric date or time."""
    if _NUMERIC_DATE.search(text):
        return True
    return any(t.isdigit() for t in tokens) and any(t.lower() in _MONTHS for t in tokens)


def byline_name(text: str) -> str | None:
    """The name of a byline line ("By Jane Doe, AP" gives "Jane Doe, AP"), or None.

    A name is a short run of capitalized words and joiners; "By the time we
    arrived" is not a byline.

    >>> byline_name("By Bassem Mroue, Associated Press")
    'Bassem Mroue, Associated Press'
    >>> byline_name("by Our Foreign Desk")
    'Our Foreign Desk'
    >>> byline_name("By the time we arrived, it was over.") is None
    True
    """
    found = _BYLINE.match(text)
    if found is None:
        return None
    name = found.group("name").strip()
    tokens = _NAME_TOKEN.findall(name)
    if not tokens or len(tokens) > 14:
        return None
    words = [t for t in tokens if t.lower() not in _NAME_JOINERS and t[0].isalpha()]
    if not words or any(not w[0].isupper() for w in words):
        return None
    return name
