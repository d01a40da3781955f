"""The page-furniture lexicon: rules kept as data (``data/furniture.json``).

Loading validates the file: every rule must have its fields, every pattern
must compile, every example must match and every counter-example must not.
A broken rule therefore fails at import time with the rule's name, not as a
silent miss on some page later.
"""

from __future__ import annotations

import importlib
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .document import Label

MATCH_MODES = ("line", "contains", "raw-line")
WHERE_VALUES = ("any", "head", "tail")

# Leading list bullets / markers and trailing separators are not part of a
# line's wording: "* Share:" and "Share" are the same key. Each is stripped
# with white space (``str.strip``'s white space is the regex ``\s``) until
# none is left: ``^[\s*+•…]+`` and ``(?:[\s:|»…]|\.{2,})+$`` without a regex
# scan. Dots typed as an ellipsis ("More...") go like "…"; one full stop
# stays, since it ends a sentence ("Posted in 2019, the video was seen by
# millions."). On the inscriptis line labels, the ellipsis let 257 more
# furniture lines and 12 content lines (code ending in "[FILE]...") match a
# rule; shingle F1 scrapinghub .9303 / .9286 / .9197 → .9308 / .9291 /
# .9199, wcxb-dev articles +.0001 (titles +1 each), trafilatura-eval
# .8848 / .8818 / .8721 → .8851 / .8817 / .8724.
_LEAD_CHARS = "*+•·▪►▸◦‣●○■□>#|-–—"
_TRAIL_CHARS = ":|»›>·•…-–—"
# Pictographs and arrows before or after the wording go too ("🔥 Recommended
# Posts", "👉 Read more →"). On the line-labelled inscriptis, plain and
# html2text dumps of the dev sets, 219 more furniture lines match a rule
# ("Learn more →", "← Previous", "♥ Donate"), 6 content lines ("💡 Related: …"
# inside an article) and 82 unlabelled ones. The copyright signs stay, the
# notices' rules spell them ("© 2020 …").
_PICTOGRAPH_CATEGORIES = frozenset({"So"})
_ARROW_BLOCKS = ((0x2190, 0x21FF), (0x27F0, 0x27FF), (0x2900, 0x297F), (0x2B00, 0x2BFF))
_ARROWS = frozenset(chr(c) for first, last in _ARROW_BLOCKS for c in range(first, last + 1))
_EMOJI_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")
_NOTICE_SIGNS = frozenset("©®℗™")
# A down arrow or triangle opens more of the same page ("READ MORE ↓" above the
# rest of a review, "More ▾" a menu's fold), not another page: it stays, and the
# words before it are no link to elsewhere.
_EXPANDERS = frozenset("↓⇓⬇▼▾⌄⏷")

#: Lines longer than this are never whole-line furniture (calibrated on the
#: lexicon's own examples: the longest whole-line example, a tag list, is
#: under 300 characters).
MAX_LINE_RULE_CHARS = 320


class LexiconError(ValueError):
    """The lexicon data file is malformed."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    label: Label
    match: str
    where: str
    patterns: tuple[str, ...]
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    requires: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        return f"rule:{self.kind}"


def line_key(text: str) -> str:
    """The form whole-line rules see: lowercased, bullets, pictographs and trailing marks gone.

    >>> line_key("  * Share: ")
    'share'
    >>> line_key("+ More...")
    'more'
    >>> line_key("🔥 Recommended Posts →")
    'recommended posts'
    """
    while True:
        stripped = text.lstrip().lstrip(_LEAD_CHARS)
        if stripped and _is_pictograph(stripped[0]):
            stripped = stripped[1:]
        if len(stripped) == len(text):
            break
        text = stripped
    while True:
        stripped = text.rstrip().rstrip(_TRAIL_CHARS)
        if stripped.endswith(".."):  # an ellipsis typed as dots, as "…"
            stripped = stripped.rstrip(".")
        if stripped and _is_pictograph(stripped[-1]):
            stripped = stripped[:-1]
        if len(stripped) == len(text):
            break
        text = stripped
    return text.lower()


def _is_pictograph(char: str) -> bool:
    """Whether ``char`` is a pictograph or arrow set before or after a line's
    wording ("🔥 Trending", "Read more →", "★ Related Articles"): a symbol of
    Unicode's "other" class, an arrow, or the joiners, selectors and skin
    tones of an emoji sequence; never a letter, a digit, a currency sign, a
    backtick of code, the signs of a copyright notice, which its rules spell
    out, nor an arrow that points down.

    >>> [_is_pictograph(c) for c in "📌→★©$a"]
    [True, True, True, False, False, False]
    """
    if char.isalnum() or char in _NOTICE_SIGNS or char in _EXPANDERS:
        return False
    return unicodedata.category(char) in _PICTOGRAPH_CATEGORIES or char in _ARROWS or char in _EMOJI_JOINERS


# The public ``re`` API cannot tell which characters a pattern can start with,
# so :func:`first_chars` reads the parse tree ``re.compile`` itself builds
# (``re._parser``, the former ``sre_parse``). It is read conservatively: any
# construct it does not know (or a missing module) puts the pattern in every
# group, so a change of that private module can cost speed, never a match.
try:
    _sre: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - CPython >= 3.11 has it
    _sre = None
#: Largest character range of a pattern's first character spelled out as a set.
_MAX_RANGE = 256
#: The character categories :func:`_starts` knows (``\\d``, ``\\w``, ``\\s``), each with
#: the test of a character ``re`` applies for it (of a ``str`` pattern without flags).
_CATEGORY_TESTS: dict[Any, Any] = (
    {}
    if _sre is None
    else {
        _sre.CATEGORY_DIGIT: str.isdecimal,
        _sre.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
        _sre.CATEGORY_SPACE: str.isspace,
    }
)
#: Most first characters :class:`Dispatch` remembers the categories of.
_MAX_FIRST_KEYS = 4096
#: A pattern's width from this on is unbounded.
_UNBOUNDED = 1 << 31


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a non-empty match of ``pattern`` can start with, or None
    when that is not known (any character, a class like ``\\d``, a lookaround,
    case-insensitive parts …).

    >>> sorted(first_chars("(main |open )?(menu|nav)"))
    ['m', 'n', 'o']
    >>> first_chars(r"\\d+ views") is None
    True
    """
    if _sre is None or flags & re.IGNORECASE:
        return None
    try:
        chars, _ = _first(_sre.parse(pattern, flags).data)
    except (AttributeError, TypeError, ValueError, re.error):  # pragma: no cover - an unknown parse tree
        return None
    return chars


def _first(items: Iterable[tuple[Any, Any]], categories: bool = False) -> tuple[frozenset[Any] | None, bool]:
    """First characters of a sequence of parse items (None: unknown) and whether it can match empty.
    With ``categories``, a class may hold the categories of :data:`_CATEGORY_TESTS` too."""
    c = _sre
    chars: set[Any] = set()
    found: frozenset[Any] | None
    for op, av in items:
        if op is c.LITERAL:
            found, nullable = frozenset(chr(av)), False
        elif op is c.IN:
            found, nullable = _class_chars(av, categories), False
        elif op is c.BRANCH:
            alternatives = [_first(alt, categories) for alt in av[1]]
            if any(f is None for f, _ in alternatives):
                return None, True
            found = frozenset().union(*(f for f, _ in alternatives if f is not None))
            nullable = any(n for _, n in alternatives)
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
            found, nullable = _first(av[3], categories)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            found, nullable = _first(av[2], categories)
            nullable = nullable or av[0] == 0
        else:
            return None, True
        if found is None:
            return None, True
        chars |= found
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _class_chars(items: list[tuple[Any, Any]], categories: bool = False) -> frozenset[Any] | None:
    c = _sre
    chars: set[Any] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif categories and op is c.CATEGORY and av in _CATEGORY_TESTS:
            chars.add(av)
        else:
            return None
    return frozenset(chars)


def literal_search(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words``, as their plain alternation does,
    spelled as a tree of shared prefixes: ``re`` tries every alternative at
    every position, so a hundred words cost a hundred tries where the tree
    costs one per character (about three times faster on the dev pages).

    >>> literal_search(["subscrib", "subscribers", "support"]).pattern
    'su(?:bscrib(?:ers)?|pport)'
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return re.compile(_branches(tree))


def _branches(node: dict[str, Any]) -> str:
    alternatives = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    if "" in node:  # a word ends here: what follows is optional
        return f"(?:{'|'.join(alternatives)})?"
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


#: Most strings a pattern may match for it to count as a set of strings
#: (:func:`_exact`), and most alternatives of a required substring (:func:`_needs`).
_MAX_EXACT = 256
_MAX_NEEDS = 32
#: Shortest required substring worth looking for before trying a pattern.
_MIN_NEED_CHARS = 3
#: A pattern that may start with this many characters or more is tried alone, as one that may start with any.
_MANY_FIRST_CHARS = 20


def _exact(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every string a sequence of parse items matches, when that is a small
    finite set that the items match exactly as spelled (None otherwise: any
    class of characters, anchor, look-around, unbounded repeat …)."""
    c = _sre
    found: set[str] = {""}
    for op, av in items:
        part: frozenset[str] | None
        if op is c.LITERAL:
            part = frozenset(chr(av))
        elif op is c.IN:
            part = _class_chars(av)
        elif op is c.SUBPATTERN and not av[1] and not av[2]:
            part = _exact(av[3])
        elif op is c.BRANCH:
            alternatives = [_exact(alt) for alt in av[1]]
            part = None if any(a is None for a in alternatives) else frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] <= 4:
            once = _exact(av[2])
            part = None
            if once is not None:
                repeated, times = {""}, set()
                for k in range(av[1] + 1):
                    if k >= av[0]:
                        times |= repeated
                    repeated = {a + b for a in repeated for b in once}
                    if len(times) > _MAX_EXACT or len(repeated) > _MAX_EXACT:
                        return None
                part = frozenset(times)
        else:
            return None
        if part is None or len(found) * len(part) > _MAX_EXACT:
            return None
        found = {a + b for a in found for b in part}
    return frozenset(found)


def _needs(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of a sequence of parse items holds
    (None: none known). Runs of items that match a set of strings exactly
    (:func:`_exact`) give their concatenations; a group, a branch and a
    repeat that runs at least once give what they need; the longest
    requirement is kept."""
    c = _sre
    options: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    for op, av in items:
        exact = _exact([(op, av)])
        if exact is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = frozenset(a + b for a in run for b in exact)
            continue
        options.append(run)
        run = frozenset({""}) if exact is None else exact
        if exact is not None:
            continue
        need: frozenset[str] | None = None
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            need = _needs(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            need = _needs(av[2])
        elif op is c.BRANCH:
            alternatives = [_needs(alt) for alt in av[1]]
            if all(a is not None for a in alternatives):
                need = frozenset().union(*alternatives)  # type: ignore[arg-type]
        if need is not None:
            options.append(need)
    options.append(run)
    best: frozenset[str] | None = None
    for option in options:
        # a string holding another of the set needs nothing more than that one
        option = frozenset(s for s in option if not any(t != s and t in s for t in option))
        if not option or "" in option or len(option) > _MAX_NEEDS:
            continue
        if best is None or (min(map(len, option)), -len(option)) > (min(map(len, best)), -len(best)):
            best = option
    return best


def _starts(pattern: str, flags: int) -> tuple[frozenset[str], frozenset[Any]] | None:
    """The characters and the categories (``\\d``, ``\\w``, ``\\s``) a non-empty
    match of ``pattern`` can start with, or None when not known (as
    :func:`first_chars`, which knows no categories)."""
    if _sre is None or flags & re.IGNORECASE:
        return None
    try:
        found, _ = _first(_sre.parse(pattern, flags).data, categories=True)
    except (AttributeError, TypeError, ValueError, re.error):  # pragma: no cover - an unknown parse tree
        return None
    if found is None:
        return None
    return frozenset(x for x in found if isinstance(x, str)), frozenset(x for x in found if not isinstance(x, str))


#: A pattern :class:`Dispatch` tries alone, as it keeps it for a first character and a
#: length: its rule's index, the pattern, a substring every match holds, or a pattern
#: finding one of several such substrings.
_Gated = tuple[int, re.Pattern[str], str | None, re.Pattern[str] | None]


@dataclass(frozen=True)
class _Alone:
    """A pattern :class:`Dispatch` tries alone, and what a subject must be like for it to match."""

    index: int
    compiled: re.Pattern[str]
    single: str | None
    several: re.Pattern[str] | None
    #: first characters and categories (None: any)
    starts: tuple[frozenset[str], frozenset[Any]] | None
    shortest: int
    longest: int

    def fits(self, first: str, size: int) -> bool:
        """Whether a subject of this first character and length may match."""
        if not self.shortest <= size <= self.longest:
            return False
        if not first or self.starts is None:
            return True
        chars, categories = self.starts
        return first in chars or any(_CATEGORY_TESTS[category](first) for category in categories)


def _refers(pattern: str) -> bool:
    """Whether ``pattern`` may refer to a group (a back-reference or a conditional)."""
    return re.search(r"\\[1-9]|\(\?P=|\(\?\(", pattern) is not None


class Dispatch:
    """Whole-line rules: the rule of the first pattern, in rule order, that
    matches the whole subject, as one alternation of all the patterns would.

    Three kinds of pattern are matched three ways, and the earliest rule
    wins. A pattern that matches a small set of strings as spelled
    (:func:`_exact`: "share", "sign (in|up)") is looked up in a table of
    those strings. A pattern that may start with any character or with one
    of a class (``\\d``, ``\\w``, ``.``, ``[a-z]``) and needs a substring every
    match of it holds (:func:`_needs`: "bookmark the permalink", " says") is
    tried alone, on a subject that holds it, of a first character and a
    length it can match (:func:`_starts`, its width). The others are one
    alternation per first character, as :func:`first_chars` tells which can
    start with it. Rules whose patterns may refer to a group (which an
    alternation renumbers), or compiled with flags, and the empty subject are
    matched as the one alternation.
    """

    def __init__(self, rules: list[Rule], flags: int) -> None:
        self.rules = {f"r{i}": rule for i, rule in enumerate(rules)}
        self._rule_list = rules
        self._index = {gid: i for i, gid in enumerate(self.rules)}
        tagged = [(gid, p) for gid, rule in self.rules.items() for p in rule.patterns]
        self.full = self._alternation(tagged, flags)
        self._plain = _sre is not None and not flags and not any(_refers(p) for _, p in tagged)
        #: subject -> the index of the first rule with a pattern matching exactly that string
        self._table: dict[str, int] = {}
        self._alone: list[_Alone] = []
        self.by_first: dict[str, re.Pattern[str] | None] = {}
        self.other: re.Pattern[str] | None = None
        #: (first character or its categories, length bucket) -> the patterns tried alone on such a subject
        self._choices: dict[tuple[Any, int], tuple[_Gated, ...]] = {}
        #: first character -> itself, or its categories (see :meth:`_key`)
        self._first_keys: dict[str, Any] = {}
        if not self._plain:
            return
        rest: list[tuple[str, str, frozenset[str] | None]] = []
        for index, (gid, rule) in enumerate(self.rules.items()):
            for pattern in rule.patterns:
                parsed = _sre.parse(pattern, flags)
                exact = _exact(parsed.data)
                if exact is not None:
                    for text in exact:
                        self._table.setdefault(text, index)
                    continue
                first = first_chars(pattern, flags)
                needs = _needs(parsed.data) if first is None or len(first) >= _MANY_FIRST_CHARS else None
                if needs is None or min(map(len, needs)) < _MIN_NEED_CHARS:
                    rest.append((gid, pattern, first))
                    continue
                single = next(iter(needs)) if len(needs) == 1 else None
                several = None if single is not None else literal_search(sorted(needs))
                lo, hi = parsed.getwidth()
                compiled = re.compile(pattern, flags)
                self._alone.append(_Alone(index, compiled, single, several, _starts(pattern, flags), lo, hi))
        # the first characters a pattern tried alone names, and from what length on all lengths are alike
        self._named = frozenset(ch for alone in self._alone if alone.starts is not None for ch in alone.starts[0])
        # the lengths at which which patterns may match changes: a subject's length stands for its bucket
        self._bounds = sorted({w for a in self._alone for w in (a.shortest, a.longest + 1) if w < _UNBOUNDED})
        self.other = self._alternation([(gid, p) for gid, p, first in rest if first is None], flags)
        starts = sorted({ch for _, _, first in rest if first is not None for ch in first})
        compiled_for: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        for ch in starts:
            chosen = tuple(k for k, (_, _, first) in enumerate(rest) if first is None or ch in first)
            if chosen not in compiled_for:
                compiled_for[chosen] = self._alternation([rest[k][:2] for k in chosen], flags)
            self.by_first[ch] = compiled_for[chosen]

    @staticmethod
    def _alternation(patterns: list[tuple[str, str]], flags: int) -> re.Pattern[str] | None:
        """One named group per rule holding its patterns, in rule order."""
        if not patterns:
            return None
        groups: dict[str, list[str]] = {}
        for gid, pattern in patterns:
            groups.setdefault(gid, []).append(f"(?:{pattern})")
        return re.compile("|".join(f"(?P<{gid}>{'|'.join(alts)})" for gid, alts in groups.items()), flags)

    def _key(self, first: str) -> Any:
        """What of a subject's first character the patterns tried alone tell apart: the
        character, when one names it, else its categories."""
        key = self._first_keys.get(first)
        if key is None:
            if not first or first in self._named:
                key = first
            else:
                key = tuple(test(first) for test in _CATEGORY_TESTS.values())
            if len(self._first_keys) < _MAX_FIRST_KEYS:
                self._first_keys[first] = key
        return key

    def fullmatch(self, subject: str) -> Rule | None:
        if not self._plain or not subject:
            found = self.full.fullmatch(subject) if self.full is not None else None
            if found is None or found.lastgroup is None:
                return None
            return self.rules[found.lastgroup]
        best = self._table.get(subject)
        pattern = self.by_first.get(subject[0], self.other)
        if pattern is not None:
            found = pattern.fullmatch(subject)
            if found is not None and found.lastgroup is not None:
                index = self._index[found.lastgroup]
                if best is None or index < best:
                    best = index
        if self._alone:
            first, size = subject[:1], len(subject)
            key = (self._key(first), bisect_right(self._bounds, size))
            chosen = self._choices.get(key)
            if chosen is None:
                alone = [a for a in self._alone if a.fits(first, size)]
                chosen = self._choices[key] = tuple((a.index, a.compiled, a.single, a.several) for a in alone)
            for index, compiled, single, several in chosen:
                if best is not None and index >= best:
                    break
                if single is not None and single not in subject:
                    continue
                if several is not None and several.search(subject) is None:
                    continue
                if compiled.fullmatch(subject) is not None:
                    return self._rule_list[index]
        return None if best is None else self._rule_list[best]


class Lexicon:
    """Compiled rules. ``match(line)`` returns the first rule that fits, or None."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._line = self._compile([r for r in rules if r.match == "line"], 0)
        self._raw = self._compile([r for r in rules if r.match == "raw-line"], 0)
        # "contains" rules are searched one by one, only those whose gate (a
        # word the rule's every match holds) the line opens: a case-insensitive
        # alternation over every line costs more than the whole rest of the
        # feature extraction
        self._contains = [
            (rule, re.compile("|".join(f"(?:{p})" for p in rule.patterns), re.IGNORECASE))
            for rule in rules
            if rule.match == "contains"
        ]
        # One scan finds every gate word a line holds: at each position the
        # longest gate word starting there (a lookahead, so words may
        # overlap); the shorter ones starting there are its prefixes, and
        # ``_opened`` maps each word to the rules whose gate one of its
        # prefixes opens. A rule without a gate is always tried.
        words = sorted({w for rule, _ in self._contains for w in rule.requires})
        self._gate_words = re.compile(f"(?=({literal_search(words).pattern}))") if words else None
        self._gate_search = literal_search(words) if words else None
        self._opened = {
            word: frozenset(k for k, (rule, _) in enumerate(self._contains) if any(map(word.startswith, rule.requires)))
            for word in words
        }
        self._ungated = frozenset(k for k, (rule, _) in enumerate(self._contains) if not rule.requires)
        for rule in rules:
            self._check_examples(rule)

    @staticmethod
    def _compile(rules: list[Rule], flags: int) -> Dispatch | None:
        return Dispatch(rules, flags) if rules else None

    def line_rule(self, text: str) -> Rule | None:
        """The whole-line rule ``text`` matches as a line of its own (rules
        that match inside a line, or the raw line, left out).

        >>> default_lexicon().line_rule("Related Stories").kind
        'related-stories'
        >>> default_lexicon().line_rule("Related party transactions rose.") is None
        True
        """
        if self._line is None or len(text) > MAX_LINE_RULE_CHARS:
            return None
        return self._line.fullmatch(line_key(text))

    def match(self, text: str) -> Rule | None:
        if len(text) <= MAX_LINE_RULE_CHARS:
            if self._line is not None:
                rule = self._line.fullmatch(line_key(text))
                if rule is not None:
                    return rule
            if self._raw is not None:
                rule = self._raw.fullmatch(text.strip())
                if rule is not None:
                    return rule
        opened = set(self._ungated)
        gate = self._gate_search
        if gate is not None:
            # every position a gate word starts at, as the look-ahead of _gate_words finds them
            # (the longest word at each), each found by a search from the one after the last
            lowered = text.lower()
            found = gate.search(lowered)
            while found is not None:
                opened |= self._opened[found.group()]
                found = gate.search(lowered, found.start() + 1)
        if not opened:
            return None
        best: tuple[int, Rule] | None = None
        for k in sorted(opened):
            rule, compiled = self._contains[k]
            found = compiled.search(text)
            if found is not None and (best is None or found.start() < best[0]):
                best = (found.start(), rule)  # the earliest match wins, as in one alternation
        return best[1] if best else None

    def _check_examples(self, rule: Rule) -> None:
        for example in rule.examples:
            if rule.requires and not any(word in example.lower() for word in rule.requires):
                raise LexiconError(f"rule {rule.name!r}: requires {list(rule.requires)} misses example {example!r}")
            got = self.match(example)
            if got is None or got.kind != rule.kind:
                raise LexiconError(f"rule {rule.name!r}: example {example!r} gives {got and got.name!r}")
        for counter in rule.counter_examples:
            got = self.match(counter)
            if got is not None and got.kind == rule.kind:
                raise LexiconError(f"rule {rule.name!r}: counter-example {counter!r} matches rule {got.name!r}")


def _rule_from(data: Any, position: int) -> Rule:
    if not isinstance(data, dict):
        raise LexiconError(f"rule #{position} is not an object")
    name = data.get("name", f"#{position}")
    for key in ("name", "kind", "match", "where", "patterns", "examples"):
        if key not in data:
            raise LexiconError(f"rule {name!r}: missing {key!r}")
    if data["match"] not in MATCH_MODES:
        raise LexiconError(f"rule {name!r}: match must be one of {MATCH_MODES}, not {data['match']!r}")
    if data["where"] not in WHERE_VALUES:
        raise LexiconError(f"rule {name!r}: where must be one of {WHERE_VALUES}, not {data['where']!r}")
    try:
        label = Label(data.get("label", "boilerplate"))
    except ValueError:
        raise LexiconError(f"rule {name!r}: unknown label {data.get('label')!r}") from None
    for pattern in data["patterns"]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise LexiconError(f"rule {name!r}: pattern {pattern!r} does not compile: {exc}") from None
    if not data["examples"]:
        raise LexiconError(f"rule {name!r}: needs at least one example")
    requires = data.get("requires", [])
    if requires and (data["match"] != "contains" or not all(isinstance(w, str) and w == w.lower() for w in requires)):
        raise LexiconError(f"rule {name!r}: requires is a list of lowercase strings, for contains rules only")
    return Rule(
        name=name,
        kind=data["kind"],
        label=label,
        match=data["match"],
        where=data["where"],
        patterns=tuple(data["patterns"]),
        examples=tuple(data["examples"]),
        counter_examples=tuple(data.get("counter_examples", ())),
        requires=tuple(requires),
    )


def parse_lexicon(text: str) -> Lexicon:
    """Build a lexicon from the JSON text of a rules file (validated)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"lexicon is not valid JSON: {exc}") from None
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, list):
        raise LexiconError("lexicon needs a top-level 'rules' list")
    return Lexicon([_rule_from(rule, i) for i, rule in enumerate(rules)])


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    return parse_lexicon(resources.files("cleaner").joinpath("data/furniture.json").read_text("utf-8"))
