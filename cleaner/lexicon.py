"""The page-furniture lexicon: rules kept as data (``data/furniture.json``).

Loading validates the file: every rule must have its fields, every pattern
must compile, every example must match and every counter-example must not.
A broken rule therefore fails at import time with the rule's name, not as a
silent miss on some page later.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .document import Label

MATCH_MODES = ("line", "contains", "raw-line")
WHERE_VALUES = ("any", "head", "tail")

# Leading list bullets / markers and trailing separators are not part of a
# line's wording: "* Share:" and "Share" are the same key.
_LEAD = re.compile(r"^[\s*+•·▪►▸◦‣●○■□>#|\-–—]+")
_TRAIL = re.compile(r"[\s:|»›>·•\-–—]+$")

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
    """
    return _TRAIL.sub("", _LEAD.sub("", text)).lower()


class Lexicon:
    """Compiled rules. ``match(line)`` returns the first rule that fits, or None."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._line = self._compile([r for r in rules if r.match == "line"], 0)
        self._raw = self._compile([r for r in rules if r.match == "raw-line"], 0)
        # "contains" rules are searched one by one, each behind its literal gate
        # (a case-insensitive alternation over every line costs more than the
        # whole rest of the feature extraction)
        self._contains = [
            (
                re.compile("|".join(map(re.escape, rule.requires))) if rule.requires else None,
                rule,
                re.compile("|".join(f"(?:{p})" for p in rule.patterns), re.IGNORECASE),
            )
            for rule in rules
            if rule.match == "contains"
        ]
        for rule in rules:
            self._check_examples(rule)

    @staticmethod
    def _compile(rules: list[Rule], flags: int) -> tuple[re.Pattern[str] | None, dict[str, Rule]]:
        if not rules:
            return None, {}
        groups = {f"r{i}": rule for i, rule in enumerate(rules)}
        alternation = "|".join(
            f"(?P<{gid}>{'|'.join(f'(?:{p})' for p in rule.patterns)})" for gid, rule in groups.items()
        )
        return re.compile(alternation, flags), groups

    def match(self, text: str) -> Rule | None:
        if len(text) <= MAX_LINE_RULE_CHARS:
            for (pattern, groups), subject in ((self._line, line_key(text)), (self._raw, text.strip())):
                if pattern is not None:
                    found = pattern.fullmatch(subject)
                    if found is not None and found.lastgroup is not None:
                        return groups[found.lastgroup]
        low = text.lower()
        best: tuple[int, Rule] | None = None
        for gate, rule, compiled in self._contains:
            if gate is not None and gate.search(low) is None:
                continue
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
