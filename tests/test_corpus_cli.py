"""``cleaner --corpus``, ``--dedup`` and ``--lang`` on the command line."""

import json
from pathlib import Path

from click.testing import CliRunner

from cleaner.cli import main

from .test_corpus import GERMAN
from .test_repeated import FOOTER, STORIES


def run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _jsonl(stories: list[str]) -> str:
    return "".join(
        json.dumps({"id": f"r{i}", "url": f"https://www.example.com/{i}", "text": f"{s}\n\n{FOOTER}"}) + "\n"
        for i, s in enumerate(stories)
    )


def test_corpus_marks_later_copies_on_stdin() -> None:
    code, out, err = run(["--corpus", "--to", "jsonl"], _jsonl([*STORIES, STORIES[1]]))
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err == ""
    assert [r["text"] for r in records] == [*STORIES, STORIES[1]]
    assert [(r.get("dup_of"), r.get("dup_similarity")) for r in records] == [(None, None)] * 3 + [("r1", 1.0)]


def test_workers_give_the_same_bytes() -> None:
    records = _jsonl([*STORIES, STORIES[1], STORIES[0].replace("Monday", "Friday")])
    one = run(["--corpus", "--to", "jsonl", "--explain"], records)
    assert one[0] == 0 and run(["--corpus", "--to", "jsonl", "--explain", "-j", "2"], records) == one


def test_dedup_drops_copies_and_stats_count_them() -> None:
    code, out, err = run(["--dedup", "--stats", "--to", "jsonl"], _jsonl([*STORIES, STORIES[1]]))
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r0", "r1", "r2"]
    assert "dropped       1 (duplicate 1)" in err and "in 1 clusters" in err
    assert "repeated-in-source" in err


def test_lang_keeps_only_those_languages() -> None:
    records = _jsonl(STORIES[:1]) + json.dumps({"id": "de", "text": GERMAN}) + "\n"
    code, out, err = run(["--lang", "de", "--stats", "--to", "jsonl"], records)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["de"]
    assert "dropped       1 (language 1)" in err


def test_files_of_one_folder_are_one_source(tmp_path: Path) -> None:
    names = []
    for i, story in enumerate(STORIES):
        (tmp_path / f"{i}.txt").write_text(f"{story}\n\n{FOOTER}", encoding="utf-8")
        names.append(str(tmp_path / f"{i}.txt"))
    code, out, _ = run(["--corpus", "-j", "2", *names])
    assert code == 0 and out.split("\f\n") == [f"{story}\n" for story in STORIES]
    _, plain, _ = run(names)
    assert "We rely on readers" in plain


def test_help_documents_corpus_mode() -> None:
    _, out, _ = run(["--help"])
    for option in ("--corpus", "--dedup", "--lang", "implies --corpus", "repeated-in-source", "dup_of"):
        assert option in out
