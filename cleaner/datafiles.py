"""The packaged data files: reading one, and the checks each gets when it is loaded.

The word lists and pattern sets of the HTML pass are JSON files in ``cleaner/data``,
each checked when loaded: the lists it must hold are lists of strings, every
pattern compiles, every example matches and no counter-example does. A bad edit
fails at once, naming the file and the entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any


def load_data(name: str) -> Any:
    """The parsed JSON of ``cleaner/data/<name>``."""
    return json.loads(resources.files("cleaner").joinpath("data", name).read_text("utf-8"))


def require_string_lists(data: Any, keys: Iterable[str], source: str, error: type[ValueError]) -> None:
    """Raise ``error`` unless ``data`` is an object whose ``keys`` are lists of strings.

    >>> require_string_lists({"words": ["a"]}, ["words"], "x.json", ValueError)
    >>> require_string_lists({"words": "a"}, ["words"], "x.json", ValueError)
    Traceback (most recent call last):
    ...
    ValueError: x.json: 'words' must be a list of strings
    """
    if not isinstance(data, dict):
        raise error(f"{source} must hold an object")
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise error(f"{source}: {key!r} must be a list of strings")


def require_split_examples(data: dict[str, Any], source: str, error: type[ValueError], part: str) -> list[Any]:
    """The ``examples`` of ``data``, each a text and the parts it must be cut into
    (``[text, [part, ...]]``); raise ``error`` when they are not so written.

    >>> require_split_examples({"examples": [["A b", ["A", "b"]]]}, "x.json", ValueError, "block")
    [['A b', ['A', 'b']]]
    >>> require_split_examples({"examples": [["A b"]]}, "x.json", ValueError, "block")
    Traceback (most recent call last):
    ...
    ValueError: x.json: 'examples' must be a list of [text, [block, ...]]
    """
    examples = data.get("examples")
    if not isinstance(examples, list) or not all(
        isinstance(example, list)
        and len(example) == 2
        and isinstance(example[0], str)
        and isinstance(example[1], list)
        and all(isinstance(piece, str) for piece in example[1])
        for example in examples
    ):
        raise error(f"{source}: 'examples' must be a list of [text, [{part}, ...]]")
    return examples


def alternation(words: Iterable[str]) -> str:
    r"""A regex alternation of ``words``, the longest first, a space in a word matching any white space.

    >>> alternation(["by", "written by"])
    'written\\s+by|by'
    """
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


def checked_pattern(
    patterns: Sequence[str],
    examples: Iterable[str],
    counter_examples: Iterable[str],
    source: str,
    error: type[ValueError],
) -> re.Pattern[str]:
    """``patterns`` as one case-insensitive alternation, searched, after checking
    that each compiles, every example matches and no counter-example does.

    >>> checked_pattern(["related"], ["Related posts"], ["Entry content"], "x.json", ValueError).pattern
    '(?:related)'
    """
    if not patterns:
        raise error(f"{source}: a list of patterns is empty")
    for raw in patterns:
        try:
            re.compile(raw)
        except re.error as exc:
            raise error(f"{source}: pattern {raw!r} does not compile: {exc}") from None
    pattern = re.compile("|".join(f"(?:{raw})" for raw in patterns), re.IGNORECASE)
    for example in examples:
        if not pattern.search(example):
            raise error(f"{source}: example {example!r} matches no pattern")
    for counter in counter_examples:
        found = pattern.search(counter)
        if found:
            raise error(f"{source}: counter-example {counter!r} matches a pattern ({found.group()!r})")
    return pattern
