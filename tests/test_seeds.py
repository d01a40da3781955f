"""The five seed articles must match their gold labels exactly, through the CLI."""

import json

import pytest
from click.testing import CliRunner

from cleaner.cli import main

FIELDS = ("title", "standfirst", "byline", "dateline")


@pytest.fixture(scope="module")
def seeds(request: pytest.FixtureRequest) -> tuple[dict, list[dict]]:
    root = request.config.rootpath / "seeds"
    gold = json.loads((root / "gold.json").read_text("utf-8"))
    files = [str(root / name) for name in sorted(gold)]
    result = CliRunner().invoke(main, ["--to", "jsonl", "--explain", *files])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return gold, records


def test_one_record_per_seed(seeds: tuple[dict, list[dict]]) -> None:
    gold, records = seeds
    assert len(records) == len(gold)


@pytest.mark.parametrize("index", range(5))
def test_seed_lines_match_gold(seeds: tuple[dict, list[dict]], index: int) -> None:
    gold, records = seeds
    name = sorted(gold)[index]
    got = {str(line["line"]): line["label"] for line in records[index]["lines"]}
    wrong = {n: (want, got.get(n)) for n, want in gold[name]["lines"].items() if got.get(n) != want}
    assert wrong == {}
    assert set(got) == set(gold[name]["lines"]), "every non-blank line, and only those, is explained"


@pytest.mark.parametrize("index", range(5))
def test_seed_fields_match_gold(seeds: tuple[dict, list[dict]], index: int) -> None:
    gold, records = seeds
    name = sorted(gold)[index]
    assert {k: records[index][k] for k in FIELDS} == {k: gold[name][k] for k in FIELDS}


def test_every_removed_line_has_a_reason(seeds: tuple[dict, list[dict]]) -> None:
    _, records = seeds
    for record in records:
        for line in record["lines"]:
            assert line["reason"], line
