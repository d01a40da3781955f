"""The furniture lexicon: every example and counter-example, and load-time validation."""

import json
import random
import re
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Label
from cleaner.lexicon import Dispatch, LexiconError, Rule, default_lexicon, first_chars, line_key, parse_lexicon

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


def test_every_contains_rule_names_its_required_words() -> None:
    # a rule without "requires" is tried on every line
    assert [rule.name for rule in LEXICON.rules if rule.match == "contains" and not rule.requires] == []


def _contains_rule(name: str, pattern: str, example: str, requires: list[str]) -> dict:
    return {"name": name, "kind": name, "match": "contains", "where": "any", "patterns": [pattern],
            "examples": [example], "counter_examples": [], "requires": requires}  # fmt: skip


def test_gate_words_inside_and_at_the_start_of_longer_ones_open_their_rules() -> None:
    """One scan finds every gate word: "letter" inside "newsletter", and
    "subscrib" where "subscribers" (another rule's gate) starts."""
    lexicon = parse_lexicon(json.dumps({"rules": [
        _contains_rule("letter", "letter box", "the letter box", ["letter"]),
        _contains_rule("newsletter", "newsletter sign-up", "newsletter sign-up", ["newsletter"]),
        _contains_rule("subscrib", r"subscrib\w* now", "subscribe now", ["subscrib"]),
        _contains_rule("subscribers", "subscribers only", "subscribers only", ["subscribers"]),
    ]}))  # fmt: skip
    got = {text: getattr(lexicon.match(text), "name", None) for text in ("Our newsletter box", "Subscribers now")}
    assert got == {"Our newsletter box": "letter", "Subscribers now": "subscrib"}
    assert lexicon.match("No gate word here") is None


def test_line_key_drops_bullets_and_trailing_marks_only() -> None:
    assert line_key("  \u2022 Share this: ") == "share this"
    assert line_key("Comments are closed.") == "comments are closed."
    assert line_key("You may also like…") == "you may also like"
    assert line_key("Read more...") == line_key("Read more…") == "read more"  # an ellipsis typed as dots
    assert line_key("Posted in 2019.") == "posted in 2019."  # one full stop ends a sentence: it stays


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("🔥 Trending", "related-stories"),
        ("📌 You may also like", "related-stories"),
        ("👉🏽 Read more →", "related-stories"),
        ("★ Related Articles ★", "related-stories"),
        ("← Previous", "navigation"),
        ("☰ Menu", "navigation"),
        ("✉️ Contact", "copyright"),
    ],
)
def test_pictographs_and_arrows_around_the_wording_are_not_part_of_it(text: str, kind: str) -> None:
    rule = LEXICON.match(text)
    assert rule is not None and rule.kind == kind, (text, rule)


def test_copyright_signs_currency_and_code_stay_in_the_key() -> None:
    assert line_key("© 2020 Acme") == "© 2020 acme"
    assert LEXICON.match("© 2020 Acme Inc.") is not None
    assert line_key("$ 5") == "$ 5"
    assert line_key("`close`") == "`close`"  # a backtick is a symbol (class Sk), but of code
    assert LEXICON.match("`close`") is None
    assert line_key("1\ufe0f\u20e3 Step one") == "1\ufe0f\u20e3 step one"  # a keycap's digit is the wording
    assert line_key("READ MORE ↓") == "read more ↓"  # an arrow down opens more of the page, not another
    assert LEXICON.match("READ MORE ↓") is None


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


def _single_alternation(rules: list) -> re.Pattern[str]:
    """The whole-line rules as the one alternation they used to be compiled into."""
    return re.compile(
        "|".join(f"(?P<r{i}>{'|'.join(f'(?:{p})' for p in rule.patterns)})" for i, rule in enumerate(rules))
    )


def _subjects(rules: list) -> list[str]:
    """The rules' own examples and counter-examples as the patterns see them, their
    prefixes and suffixes, and random text over the patterns' own characters."""
    texts = [t for rule in LEXICON.rules for t in (*rule.examples, *rule.counter_examples)]
    subjects = {s for t in texts for s in (line_key(t), t.strip())}
    subjects |= {s[:k] for s in list(subjects) for k in range(len(s))}
    subjects |= {s[k:] for s in list(subjects) for k in range(1, min(len(s), 4))}
    alphabet = sorted({ch for rule in rules for p in rule.patterns for ch in p} | set(" 0123456789éü"))
    rng = random.Random(5)
    subjects |= {"".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(3000)}
    return sorted(subjects)


@pytest.mark.parametrize("mode", ["line", "raw-line"])
def test_dispatch_matches_as_one_alternation(mode: str) -> None:
    rules = [rule for rule in LEXICON.rules if rule.match == mode]
    single, dispatch = _single_alternation(rules), Dispatch(rules, 0)
    for subject in _subjects(rules):
        found = single.fullmatch(subject)
        want = rules[int(found.lastgroup[1:])] if found is not None and found.lastgroup else None
        assert dispatch.fullmatch(subject) is want, subject


def test_first_chars_is_a_superset_of_every_match_start() -> None:
    for rule in LEXICON.rules:
        if rule.match == "contains":
            continue
        for pattern in rule.patterns:
            first = first_chars(pattern)
            for example in rule.examples:
                subject = line_key(example) if rule.match == "line" else example.strip()
                if first is not None and re.fullmatch(pattern, subject) and subject:
                    assert subject[0] in first, (pattern, subject)


def test_first_chars_of_unknown_starts_is_none() -> None:
    assert first_chars(r".{0,9}\bx") is None
    assert first_chars(r"(?i:ab)") is None
    assert first_chars(r"[^a]b") is None
    assert first_chars(r"(?=a)a") is None
    assert first_chars("a?b*c") == frozenset("abc")


def test_line_key_strips_as_the_regexes_would() -> None:
    pictographs = "▪►▸◦●○■□🔥→★👉🏽\ufe0f"  # symbols of class So, arrows, an emoji's skin tone and selector
    lead = re.compile(rf"^[\s*+•·‣>#|\-–—{pictographs}]+")
    trail = re.compile(rf"(?:[\s:|»›>·•\-–—{pictographs}]|\.{{2,}})+$")  # two or more dots: an ellipsis
    rng = random.Random(3)
    alphabet = list(f" \t\n\u00a0\u2003\u3000\x1c\x85*+•·>#|-–—:»›abcAZ.©$`‣{pictographs}")
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 10)))
        assert line_key(text) == trail.sub("", lead.sub("", text)).lower(), repr(text)


# Pattern pieces of the three kinds Dispatch matches its own way: sets of strings
# looked up in a table, patterns starting with a class or category and needing a
# substring (tried alone), and the rest (an alternation per first character).
_PIECES = [
    "share", "sign (?:in|up)", "ab?c", r"\d+ says", r"\w+ the permalink", ".{0,3}xy",
    "[a-c]z", "x|y", "(?:ab)+", r"\s?q", "",
]  # fmt: skip


@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3), min_size=1, max_size=6),
    st.lists(st.text(alphabet="abcqsxyzhinuptemrl3 ", max_size=14), max_size=40),
)
def test_dispatch_of_random_rules_matches_as_one_alternation(patterns: list[list[str]], subjects: list[str]) -> None:
    rules = [
        Rule(f"r{i}", "navigation", Label.BOILERPLATE, "line", "any", tuple(ps), (), ())
        for i, ps in enumerate(patterns)
    ]
    single, dispatch = _single_alternation(rules), Dispatch(rules, 0)
    for subject in [*subjects, "", "share", "sign up", "3 says", "word the permalink", "abxy", "bz", "ababab"]:
        found = single.fullmatch(subject)
        want = rules[int(found.lastgroup[1:])] if found is not None and found.lastgroup else None
        assert dispatch.fullmatch(subject) is want, (patterns, subject)
