"""The furniture lexicon: every example and counter-example, and load-time validation."""

import json
from importlib import resources

import pytest

from cleaner.lexicon import LexiconError, default_lexicon, line_key, parse_lexicon

LEXICON = default_lexicon()
CASES = [(rule.name, rule.kind, text, True) for rule in LEXICON.rules for text in rule.examples] + [
    (rule.name, rule.kind, text, False) for rule in LEXICON.rules for text in rule.counter_examples
]


@pytest.mark.parametrize(("name", "kind", "text", "should_match"), CASES)
def test_examples_and_counter_examples(name: str, kind: str, text: str, should_match: bool) -> None:
    got = LEXICON.match(text)
    assert (got is not None and got.kind == kind) is should_match, (name, text, got)


def test_every_rule_has_counter_examples() -> None:
    assert [rule.name for rule in LEXICON.rules if not rule.counter_examples] == []


def test_line_key_drops_bullets_and_trailing_marks_only() -> None:
    assert line_key("  \u2022 Share this: ") == "share this"
    assert line_key("Comments are closed.") == "comments are closed."


def _rules_file() -> dict:
    return json.loads(resources.files("cleaner").joinpath("data/furniture.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r.update(patterns=["(unclosed"]), "does not compile"),
        (lambda r: r.update(match="fuzzy"), "match must be one of"),
        (lambda r: r.update(where="middle"), "where must be one of"),
        (lambda r: r.pop("kind"), "missing 'kind'"),
        (lambda r: r.update(examples=["nothing like it"]), "example 'nothing like it'"),
        (lambda r: r.update(counter_examples=r["examples"][:1]), "counter-example"),
        (lambda r: r.update(label="footer"), "unknown label"),
    ],
)
def test_broken_rules_fail_loudly_with_their_name(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _rules_file()
    mutate(data["rules"][0])
    with pytest.raises(LexiconError, match=message) as raised:
        parse_lexicon(json.dumps(data))
    assert data["rules"][0].get("name", "#0") in str(raised.value)


def test_not_json_is_a_lexicon_error() -> None:
    with pytest.raises(LexiconError, match="not valid JSON"):
        parse_lexicon("{")
