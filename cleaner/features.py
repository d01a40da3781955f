"""Per-line features: what the classifier knows about a line by itself.

Everything here is computed from the normalized line text plus the raw
line's leading characters (indentation, list bullets from the converter),
in one pass, with precompiled patterns.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from .language import month_words
from .lexicon import Lexicon, Rule

_WORD = re.compile(r"\w+")
#: Scripts written without spaces between words: Han, Hiragana, Katakana (and
#: their compatibility and half-width forms). Each of their characters is a
#: token: as one ``\w+`` run, a whole Chinese or Japanese sentence was one
#: word, never prose, and CJK articles came out empty.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
_UNSPACED_WORD = re.compile(f"[{_UNSPACED}]|[^\\W{_UNSPACED}]+")
#: A sentence's end: a terminal mark, then closing quotes or brackets. “ and
#: ‘ close a quote in German („So ist es.“, ‚ja.‘): a German paragraph ending
#: in a quotation was never a sentence (305 such lines in the dev dumps, 34
#: labelled content and 4 furniture). French sets a space before » (« C'est
#: fini. »: 19 lines).
TERMINAL = re.compile(r"[.!?…。！？](?: ?[»›])?['\"”’“‘»)\]」』]*$")
# TERMINAL's parts, for reading a line from its end (:func:`_is_terminal`)
_TERMINAL_MARKS = tuple(".!?…。！？")
_CLOSING = "'\"”’“‘»)]」』"
_SENTENCE_BREAK = re.compile(r"[.!?。！？]['\"”’“‘»)]*\s+['\"“‘«„‚(]*[A-ZÀ-ÖØ-Þ0-9]")
#: inscriptis's bullet of a third-level list item ("o Find your school"): a
#: capital follows, which a sentence opening with a lower-case "o" has not.
#: Read as a bullet, wcxb-dev inscriptis titles .7705 -> .7743, the other
#: cells unchanged.
_O_BULLET = r"o\s+(?=[^\W\d_a-zß-ÿ])"
#: A numbered list item's number as converters write it ("1. ", "2) ").
_NUMBER = r"\d{1,2}[.)]\s"
NUMBERED_ITEM = re.compile(_NUMBER)
_BULLET = re.compile(rf"^\s*(?:[*+•·▪►▸◦‣●○■□]|-\s|{_O_BULLET}|{_NUMBER})")
#: A converter's list bullet before a headline.
_LEADING_BULLET = re.compile(rf"^(?:[*+•·▪►▸◦‣●○■□-]\s+|{_O_BULLET})")
# link-like: a URL or domain, or an e-mail address, @handle or #hashtag
_URL_LIKE = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b")
# ``\S@\S|(?:^|\s)[@#]\w``, found where it can be: spelled from its "@" or "#" (the
# characters before it read by look-behinds), ``re`` skips to those characters at C speed
# instead of trying the pattern at every one (the same lines match)
_HANDLE = re.compile(r"[@#](?:(?<=\S@)\S|(?<!\S[@#])\w)")
_SEPARATORS = re.compile(r"\s[|·•/»›]\s")
_QUOTES = re.compile("[\"“”„«»‘’']")
# ``\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b`` (a numeric date or a time), spelled from
# its first digit as _HANDLE is (``\b`` before a digit: no word character before it)
_NUMERIC_DATE = re.compile(r"\d(?<!\w\d)(?:\d{0,3}[./-]\d{1,2}[./-]\d{2,4}\b|\d?:\d{2}\b)")
_MONTHS = month_words()
#: A line longer than this many characters is a dump (a page or a file on one
#: line), not a paragraph: real paragraphs run to a few thousand characters.
#: Its features are measured on its first (and, for the sentence end, last)
#: FEATURE_SAMPLE_CHARS characters, counts scaled to the whole line, so the
#: cost of a line is bounded and a 20 MB line cleans in seconds. Shorter lines
#: are measured whole.
FEATURE_SAMPLE_CHARS = 100_000


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


@dataclass(slots=True)
class RuleFeatures:
    """The part of :class:`LineFeatures` the HTML rules pass reads (:func:`rule_features`),
    the same values: enough for :func:`cleaner.scoring.is_prose` and the lexicon's rule."""

    words: int
    stop_ratio: float
    terminal: bool
    rule: Rule | None


def line_features(text: str, raw: str, stops: frozenset[str], lexicon: Lexicon) -> LineFeatures:
    sample = text[:FEATURE_SAMPLE_CHARS]
    n = len(sample)
    if n:
        if sample.isascii():
            return _counted_features(text, sample, n, raw, stops, lexicon, True)
        if _HAS_UNSPACED.search(sample) is None:
            return _counted_features(text, sample, n, raw, stops, lexicon, False)
    scale = len(text) / n if n else 1.0  # 1.0 for every line up to FEATURE_SAMPLE_CHARS
    tokens = _tokens(sample)
    # Every letter and digit of the line is inside a token, so the counts run
    # over the tokens' characters, and mostly end at one C-level check.
    word_chars = "".join(tokens)
    letters_only = word_chars.isalpha()
    digits = 0 if letters_only else sum(map(str.isdigit, word_chars))
    letters = len(word_chars) if letters_only else sum(map(str.isalpha, word_chars))
    spaces = n - sum(map(len, sample.split()))
    alpha = [t for t in tokens if t[0].isalpha()]
    upper_initial = sum(1 for t in alpha if t[0].isupper())
    return _assembled(
        text, sample, raw, tokens, scale, stops, lexicon, False,
        upper_initial / len(alpha) if alpha else 0.0,
        digits,
        digits / n if n else 0.0,
        # punctuation: neither a word character (but "_" counts) nor a space
        (n - len(word_chars) + word_chars.count("_") - spaces) / n if n else 0.0,
        letters / n if n else 0.0,
    )  # fmt: skip


def _assembled(text: str, sample: str, raw: str, tokens: list[str], scale: float, stops: frozenset[str],
               lexicon: Lexicon, ascii: bool, upper_share: float, digits: int, digit_ratio: float,
               punct_ratio: float, alpha_ratio: float) -> LineFeatures:  # fmt: skip
    """The :class:`LineFeatures` of a line from its counts, the patterns searched
    here; on an ASCII sample (``ascii``), a pattern of characters it cannot
    hold is not searched for."""
    return LineFeatures(
        len(text),
        round(len(tokens) * scale),
        _stop_ratio(tokens, stops),
        _is_terminal(text),
        1 + round(len(_SENTENCE_BREAK.findall(sample)) * scale),
        upper_share,
        text.isupper(),
        digit_ratio,
        _BULLET.match(raw) is not None,
        len(raw) - len(raw.lstrip()),
        digits > 0 and _has_date(tokens, sample),
        text.endswith(":"),
        punct_ratio,
        ((not ascii or "." in sample or ":" in sample) and _URL_LIKE.search(sample) is not None)
        or (("@" in sample or "#" in sample) and _HANDLE.search(sample) is not None),
        round(len(_SEPARATORS.findall(sample)) * scale) if not ascii or "|" in sample or "/" in sample else 0,
        sample.count(",") / len(tokens) if tokens else 0.0,
        text[:1].islower(),
        ('"' in sample or "'" in sample) if ascii else _QUOTES.search(sample) is not None,
        alpha_ratio,
        lexicon.match(sample),
    )


# The classes of ASCII characters :func:`_ascii_features` counts, each as the bytes
# ``bytes.translate`` deletes: what ``str.isdigit``, ``str.isalpha``, ``str.isupper``
# and ``str.split`` (white space) say of an ASCII character.
_DIGIT_BYTES = b"0123456789"
_UPPER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LETTER_BYTES = _UPPER_BYTES + b"abcdefghijklmnopqrstuvwxyz"
_WORD_BYTES = _LETTER_BYTES + _DIGIT_BYTES + b"_"
_SPACE_BYTES = bytes(c for c in range(128) if chr(c).isspace())
_FIRST = operator.itemgetter(0)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _counted_features(text: str, sample: str, n: int, raw: str, stops: frozenset[str], lexicon: Lexicon,
                      ascii: bool) -> LineFeatures:  # fmt: skip
    """:func:`line_features` of a line whose (non-empty) sample has no
    character of a script written without spaces, the same values: its
    tokens are its ``\\w`` runs, so the characters are counted by class over
    the whole sample, the ASCII ones at C speed (on ASCII, ``\\w`` is
    ``[A-Za-z0-9_]``) and the others one by one with the tests the token
    counts use (``\\w`` is ``str.isalnum`` or "_"); on ASCII, a pattern of
    characters the sample cannot hold is not searched for."""
    scale = len(text) / n
    tokens = _WORD.findall(sample)
    if ascii:
        b = sample.encode("ascii")
        initials = "".join(map(_FIRST, tokens))
        marks = initials.encode("ascii")
        alpha = len(marks) - len(marks.translate(None, _LETTER_BYTES))
        upper_initial = len(marks) - len(marks.translate(None, _UPPER_BYTES))
        digits = n - len(b.translate(None, _DIGIT_BYTES))
        letters = n - len(b.translate(None, _LETTER_BYTES))
        word = n - len(b.translate(None, _WORD_BYTES))
        spaces = n - len(b.translate(None, _SPACE_BYTES))
    else:
        b = sample.encode("ascii", "ignore")
        others = "".join(_NON_ASCII.findall(sample))
        m = len(b)
        digits = m - len(b.translate(None, _DIGIT_BYTES)) + sum(map(str.isdigit, others))
        letters = m - len(b.translate(None, _LETTER_BYTES)) + sum(map(str.isalpha, others))
        word = m - len(b.translate(None, _WORD_BYTES)) + sum(map(str.isalnum, others))
        spaces = m - len(b.translate(None, _SPACE_BYTES)) + sum(map(str.isspace, others))
        initials = "".join(map(_FIRST, tokens))
        alpha = sum(map(str.isalpha, initials))
        upper_initial = sum(map(str.isupper, filter(str.isalpha, initials)))
    return _assembled(
        text, sample, raw, tokens, scale, stops, lexicon, ascii,
        upper_initial / alpha if alpha else 0.0,
        digits,
        digits / n,
        # punctuation: neither a word character (but "_" counts) nor a space
        (n - word + sample.count("_") - spaces) / n,
        letters / n,
    )  # fmt: skip


def rule_features(text: str, stops: frozenset[str], lexicon: Lexicon) -> RuleFeatures:
    """:func:`line_features`' ``words``, ``stop_ratio``, ``terminal`` and ``rule``, at a
    fraction of its cost (the lexicon is most of what is left)."""
    sample = text[:FEATURE_SAMPLE_CHARS]
    tokens = _tokens(sample)
    scale = len(text) / len(sample) if sample else 1.0
    return RuleFeatures(
        words=round(len(tokens) * scale),
        stop_ratio=_stop_ratio(tokens, stops),
        terminal=_is_terminal(text),
        rule=lexicon.match(sample),
    )


def _stop_ratio(tokens: list[str], stops: frozenset[str]) -> float:
    if not tokens or not stops:
        return 0.0
    return sum(map(stops.__contains__, map(str.lower, tokens))) / len(tokens)


def _is_terminal(text: str) -> bool:
    """The line ends a sentence (its last ``FEATURE_SAMPLE_CHARS`` characters are read).

    :data:`TERMINAL` read from the end of the line: the closing marks go,
    then a terminal mark must end what is left, or stand before a space and
    the » that opened the closing marks, or before a › (and a space).

    >>> [_is_terminal(t) for t in ("Done.", "Done.”)", "fini. »", "fini ›", "ja.«", "Done. )", "")]
    [True, True, True, False, False, False, False]
    """
    tail = text[-FEATURE_SAMPLE_CHARS:]
    if tail.endswith("\n"):  # "$" also matches before a final line break
        return TERMINAL.search(tail) is not None
    rest = tail.rstrip(_CLOSING)
    if rest.endswith(_TERMINAL_MARKS):
        return True
    if rest.endswith("›"):
        rest = rest[:-1]
        return rest.endswith(_TERMINAL_MARKS) or (rest.endswith(" ") and rest[:-1].endswith(_TERMINAL_MARKS))
    return rest.endswith(" ") and tail[len(rest) : len(rest) + 1] == "»" and rest[:-1].endswith(_TERMINAL_MARKS)


def _tokens(text: str) -> list[str]:
    """Words; in Chinese and Japanese, characters (see ``_UNSPACED``).

    >>> _tokens("Köln 市議会は")
    ['Köln', '市', '議', '会', 'は']
    """
    if text.isascii() or _HAS_UNSPACED.search(text) is None:
        return _WORD.findall(text)
    return _UNSPACED_WORD.findall(text)


def _has_date(tokens: list[str], text: str) -> bool:
    """A month name next to a number, or a numeric date or time."""
    if _NUMERIC_DATE.search(text):
        return True
    return any(map(str.isdigit, tokens)) and any(map(_MONTHS.__contains__, map(str.lower, tokens)))


def without_bullet(text: str) -> str:
    """``text`` without a converter's leading list bullet.

    >>> without_bullet("o Find Your Business School"), without_bullet("* How to fix a bike")
    ('Find Your Business School', 'How to fix a bike')
    >>> without_bullet("o que fazer"), without_bullet("-5 degrees tonight"), without_bullet("O Brasil")
    ('o que fazer', '-5 degrees tonight', 'O Brasil')
    """
    return _LEADING_BULLET.sub("", text, count=1)


def first_word(text: str) -> str:
    """The first word of ``text`` after a converter's list bullet ("" when it has none).

    >>> first_word("* Lauren Vetter is a marketer"), first_word("   ")
    ('Lauren', '')
    """
    words = without_bullet(text.strip()).split(maxsplit=1)
    return words[0] if words else ""
