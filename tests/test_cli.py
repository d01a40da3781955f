"""The command-line filter: inputs, outputs, rejects, exit codes, help."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main

ARTICLE = (
    "Skip to main content\n\nCouncil approves new budget\n\n"
    "The council approved the new budget on Monday after a long debate, officials said.\n\n"
    "The plan raises spending on schools and roads by a tenth over two years.\n\nShare:\n"
)


def run(args: list[str], stdin: bytes | str = b"") -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_stdin_to_readable_text() -> None:
    code, out, err = run([], ARTICLE)
    assert code == 0 and err == ""
    assert out.startswith("Council approves new budget\n\nThe council approved")
    assert "Share" not in out and "Skip" not in out


def test_extracted_keeps_what_no_rule_names() -> None:
    text = ARTICLE.replace("Share:\n", "Opening hours\nTue – Sat 4PM\nShare:\n")
    _, default, _ = run([], text)
    code, out, _ = run(["--extracted"], text)
    assert code == 0
    assert "Tue – Sat 4PM" not in default and "Tue – Sat 4PM" in out
    assert "Share" not in out and "Skip" not in out


def test_form_feed_separates_documents_on_stdin() -> None:
    code, out, _ = run(["--to", "jsonl"], ARTICLE + "\f" + ARTICLE.replace("budget", "park"))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["id"] for r in records] == ["stdin:1", "stdin:2"]
    assert [r["title"] for r in records] == ["Council approves new budget", "Council approves new park"]


def test_text_output_separates_documents_with_form_feed_and_reads_back() -> None:
    _, out, _ = run([], ARTICLE + "\f" + ARTICLE)
    assert out.count("\f") == 1
    _, again, _ = run([], out)
    assert again == out


def test_each_file_is_one_document(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE + "\f" + ARTICLE, "utf-8")
    b.write_text(ARTICLE, "utf-8")
    code, out, _ = run(["--to", "jsonl", str(a), "-", str(b)], ARTICLE)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(a), "stdin:1", str(b)]


def test_jsonl_fields_pass_through_untouched() -> None:
    record = {"id": 7, "url": "https://example.org/a", "meta": {"x": [1, 2]}, "text": ARTICLE}
    code, out, _ = run(["--from", "jsonl", "--to", "jsonl"], json.dumps(record) + "\n")
    (got,) = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert got["id"] == 7 and got["url"] == record["url"] and got["meta"] == record["meta"]
    assert got["title"] == "Council approves new budget"
    assert {"standfirst", "byline", "dateline", "lang", "text"} <= set(got)
    assert "lines" not in got


def test_auto_detects_jsonl_and_field_is_configurable() -> None:
    code, out, _ = run(["--to", "jsonl", "--field", "content"], json.dumps({"id": "a", "content": ARTICLE}))
    assert code == 0 and json.loads(out)["title"] == "Council approves new budget"


def test_explain_lists_every_non_blank_line() -> None:
    _, out, _ = run(["--to", "jsonl", "--explain"], ARTICLE)
    lines = json.loads(out)["lines"]
    assert [(x["line"], x["label"]) for x in lines] == [
        (1, "boilerplate"),
        (3, "title"),
        (5, "body"),
        (7, "body"),
        (9, "boilerplate"),
    ]
    assert lines[-1]["reason"] == "rule:share"


def test_human_explain_view_prefixes_each_line_with_its_label() -> None:
    _, out, _ = run(["--explain"], ARTICLE)
    rows = out.splitlines()[1:]
    assert rows[0].split()[:3] == ["1", "boilerplate", "rule:navigation"]
    assert rows[1].split()[:2] == ["3", "title"]


def test_explain_gives_the_input_lines_of_a_joined_wrapped_paragraph() -> None:
    paragraph = " ".join(["The council approved the new budget on Monday after a long debate, officials said."] * 12)
    wrapped = "Council approves new budget\n\n" + "\n".join(textwrap.wrap(paragraph, 72)) + "\n"
    last = 2 + len(textwrap.wrap(paragraph, 72))
    _, out, _ = run(["--to", "jsonl", "--explain"], wrapped)
    record = json.loads(out)
    assert record["text"] == paragraph
    assert [(x["line"], x.get("to")) for x in record["lines"]] == [(1, None), (3, last)]
    _, out, _ = run(["--explain"], wrapped)
    assert out.splitlines()[2].split()[0] == f"3-{last}"


def test_markdown_marks_headings() -> None:
    text = ARTICLE.replace("\n\nThe plan", "\n\nWhat changes\n\nThe plan")
    _, out, _ = run(["--to", "markdown"], text)
    assert out.startswith("# Council approves new budget\n\n")
    assert "\n\n## What changes\n\n" in out


@pytest.mark.parametrize("bullet", ["*", "•", "o", "-", "▪"])
def test_markdown_writes_each_run_of_list_items_as_one_list(bullet: str) -> None:
    items = ["Schools get a tenth more", "Roads get new lights", "A review comes in spring"]
    listed = "\n".join(f"  {bullet} {item}" for item in items)
    text = ARTICLE.replace("\n\nThe plan", f"\n\nThe plan in short:\n\n{listed}\n\nThe plan")
    _, out, _ = run(["--to", "markdown"], text)
    assert "\n\n- Schools get a tenth more\n- Roads get new lights\n- A review comes in spring\n\n" in out
    _, plain, _ = run([], text)
    assert f"\n\n{bullet} Schools get a tenth more\n\n" in plain  # the text output writes the line as it was


def test_bad_records_are_reported_and_the_stream_goes_on(tmp_path: Path) -> None:
    stream = b"\n".join(
        [
            json.dumps({"id": 1, "text": ARTICLE}).encode(),
            b"{not json",
            b"[1, 2]",
            json.dumps({"id": 4}).encode(),
            json.dumps({"id": 5, "text": 5}).encode(),
            b'{"id": 6, "text": "caf\xff"}',
            json.dumps({"id": 7, "text": ARTICLE}).encode(),
        ]
    )
    code, out, err = run(["--from", "jsonl", "--to", "jsonl"], stream)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 7]
    rejects = [json.loads(line.removeprefix("cleaner: rejected ")) for line in err.splitlines()]
    assert [(r["position"], r["error"]["kind"]) for r in rejects] == [
        (2, "invalid-json"),
        (3, "not-an-object"),
        (4, "missing-field"),
        (5, "bad-field-type"),
        (6, "undecodable"),
    ]
    rejects_file = tmp_path / "rejects.jsonl"
    code, _, err = run(["--from", "jsonl", "--to", "jsonl", "--rejects", str(rejects_file)], stream)
    assert code == 0 and err == ""
    assert len(rejects_file.read_text("utf-8").splitlines()) == 5


def test_undecodable_text_document_is_rejected_with_advice() -> None:
    code, out, err = run([], b"caf\xe9 au lait\fThe council approved the budget on Monday after a debate.")
    assert code == 0
    assert "The council approved" in out
    assert "undecodable" in err and "iconv" in err


@pytest.mark.parametrize("args", [["--to", "xml"], ["--from", "pdf"], ["no-such-file.txt"], ["--bogus"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, out, _ = run(args)
    assert code == 2 and out == ""


def test_help_teaches_with_examples() -> None:
    code, out, _ = run(["--help"])
    assert code == 0
    for needle in ("Examples:", "--from", "--to", "--explain", "--rejects", "form feed", "Exit status"):
        assert needle in out


def test_quiet_when_the_reader_goes_away(repo: Path) -> None:
    seeds = sorted(str(p) for p in (repo / "seeds").glob("*.txt")) * 40
    pipeline = subprocess.run(
        f"{sys.executable} -m cleaner --to jsonl --explain {' '.join(seeds)} | head -c 100",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert pipeline.stderr == ""
    assert len(pipeline.stdout) == 100
