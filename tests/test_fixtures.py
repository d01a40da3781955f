"""Golden whole-document cases under fixtures/.

Each case directory holds ``input.txt`` (read as bytes, so CRLF and odd bytes
survive), ``expected.txt`` (the readable output) and optionally
``fields.json`` (expected document fields). Cases named ``clean-*`` are
negative cases: clean articles whose wording must pass through unchanged.
"""

import json
import re
from pathlib import Path

import pytest

from cleaner import clean, clean_text
from cleaner.pipeline import readable_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = sorted(p for p in FIXTURES.iterdir() if (p / "input.txt").exists())


def read_input(case: Path) -> str:
    return (case / "input.txt").read_bytes().decode("utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_output(case: Path) -> None:
    doc = clean(read_input(case))
    assert readable_text(doc) + "\n" == (case / "expected.txt").read_text("utf-8")
    fields = case / "fields.json"
    if fields.exists():
        for key, value in json.loads(fields.read_text("utf-8")).items():
            assert getattr(doc, key) == value, key


@pytest.mark.parametrize("case", [c for c in CASES if c.name.startswith("clean-")], ids=lambda c: c.name)
def test_clean_articles_keep_their_wording(case: Path) -> None:
    text = read_input(case)
    assert re.findall(r"\w+", clean_text(text)) == re.findall(r"\w+", text)


def test_there_are_negative_cases() -> None:
    assert sum(c.name.startswith("clean-") for c in CASES) >= 3
