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
    """The form whole-line rules see: lowercased, bullets and trailing marks gone.

    >>> line_key("  * Share: ")
    'share'
    >>> line_key("+ More...")
    'more'
    """
    while True:
        stripped = text.lstrip().lstrip(_LEAD_CHARS)
        if len(stripped) == len(text):
            break
        text = stripped
    while True:
        stripped = text.rstrip().rstrip(_TRAIL_CHARS)
        if stripped.endswith(".."):  # an ellipsis typed as dots, as "…"
            stripped = stripped.rstrip(".")
        if len(stripped) == len(text):
            break
        text = stripped
    return text.lower()


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


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[frozenset[str] | None, bool]:
    """First characters of a sequence of parse items (None: unknown) and whether it can match empty."""
    c = _sre
    chars: set[str] = set()
    found: frozenset[str] | None
    for op, av in items:
        if op is c.LITERAL:
            found, nullable = frozenset(chr(av)), False
        elif op is c.IN:
            found, nullable = _class_chars(av), False
        elif op is c.BRANCH:
            alternatives = [_first(alt) for alt in av[1]]
            if any(f is None for f, _ in alternatives):
                return None, True
            found = frozenset().union(*(f for f, _ in alternatives if f is not None))
            nullable = any(n for _, n in alternatives)
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
            found, nullable = _first(av[3])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            found, nullable = _first(av[2])
            nullable = nullable or av[0] == 0
        else:
            return None, True
        if found is None:
            return None, True
        chars |= found
        if not nullable:
            return frozenset(chars), False
    return frozenset(chars), True


def _class_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    c = _sre
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
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


class Dispatch:
    """Whole-line rules as one alternation, split by the subject's first character.

    ``fullmatch`` gives the rule of the first pattern, in rule order, that
    matches the whole subject, as one alternation of all the patterns would;
    but it only tries the patterns that can start with the subject's first
    character (see :func:`first_chars`), instead of every pattern at every line.
    """

    def __init__(self, rules: list[Rule], flags: int) -> None:
        self.rules = {f"r{i}": rule for i, rule in enumerate(rules)}
        tagged = [(gid, p, first_chars(p, flags)) for gid, rule in self.rules.items() for p in rule.patterns]
        self.full = self._alternation([(gid, p) for gid, p, _ in tagged], flags)
        self.other = self._alternation([(gid, p) for gid, p, first in tagged if first is None], flags)
        starts = sorted({ch for _, _, first in tagged if first is not None for ch in first})
        compiled: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self.by_first: dict[str, re.Pattern[str] | None] = {}
        for ch in starts:
            chosen = tuple(k for k, (_, _, first) in enumerate(tagged) if first is None or ch in first)
            if chosen not in compiled:
                compiled[chosen] = self._alternation([tagged[k][:2] for k in chosen], flags)
            self.by_first[ch] = compiled[chosen]

    @staticmethod
    def _alternation(patterns: list[tuple[str, str]], flags: int) -> re.Pattern[str] | None:
        """One named group per rule holding its patterns, in rule order."""
        if not patterns:
            return None
        groups: dict[str, list[str]] = {}
        for gid, pattern in patterns:
            groups.setdefault(gid, []).append(f"(?:{pattern})")
        return re.compile("|".join(f"(?P<{gid}>{'|'.join(alts)})" for gid, alts in groups.items()), flags)

    def fullmatch(self, subject: str) -> Rule | None:
        pattern = self.by_first.get(subject[0], self.other) if subject else self.full
        found = pattern.fullmatch(subject) if pattern is not None else None
        if found is None or found.lastgroup is None:
            return None
        return self.rules[found.lastgroup]


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
            for dispatch, subject in ((self._line, line_key(text)), (self._raw, text.strip())):
                if dispatch is not None:
                    rule = dispatch.fullmatch(subject)
                    if rule is not None:
                        return rule
        opened = set(self._ungated)
        if self._gate_words is not None:
            for word in self._gate_words.findall(text.lower()):
                opened |= self._opened[word]
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
