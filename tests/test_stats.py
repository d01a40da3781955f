"""Run statistics, ``--stats`` and the progress line."""

import io
import json

from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import main
from cleaner.stats import Progress, RunStats, reason_kind, summarize

from .samples import ARTICLE_TEMPLATE

ARTICLE = ARTICLE_TEMPLATE.format(place="Leeds")


def test_reason_kind_drops_only_a_trailing_score() -> None:
    assert reason_kind("context:between-boilerplate:0.07") == "context:between-boilerplate"
    assert reason_kind("context:after-article") == "context:after-article"
    assert reason_kind("rule:related-stories") == "rule:related-stories"
    assert reason_kind("dup:caption") == "dup:caption"


def test_summary_counts_removed_lines_by_reason() -> None:
    doc = clean(ARTICLE)
    summary = summarize(doc, chars=len(ARTICLE))
    removed = [line.reason for line in doc.lines if line.label.value in ("boilerplate", "caption")]
    assert sum(summary.removed.values()) == len(removed)
    assert set(summary.removed) == {reason_kind(r) for r in removed}
    assert summary.removed["rule:share"] == 1
    assert summary.chars == len(ARTICLE) and summary.lines == len(doc.lines)
    assert summary.empty == (not doc.text) and summary.lang == doc.lang


def test_run_stats_add_up() -> None:
    stats = RunStats()
    docs = [clean(text) for text in (ARTICLE, ARTICLE, "Share:\n")]
    for doc in docs:
        stats.add(summarize(doc))
    stats.reject("invalid-json")
    data = stats.as_dict()
    assert data["documents"] == 3 and data["empty_documents"] == sum(not doc.text for doc in docs) >= 1
    assert data["rejects"] == {"invalid-json": 1}
    assert data["removed_by_reason"]["rule:share"] == 3
    assert data["lines"] == sum(len(doc.lines) for doc in docs)
    assert sum(data["languages"].values()) == 3
    report = stats.report()
    assert "documents     3 (" in report and "rule:share" in report and "invalid-json 1" in report


def test_progress_is_silent_unless_enabled() -> None:
    stream = io.StringIO()
    progress = Progress(RunStats(), stream, enabled=False, interval=0)
    progress.tick()
    progress.finish()
    assert stream.getvalue() == ""


def test_progress_redraws_one_line_and_clears_it() -> None:
    stream = io.StringIO()
    stats = RunStats()
    progress = Progress(stats, stream, enabled=True, interval=0)
    stats.add(summarize(clean(ARTICLE)))
    progress.tick()
    assert stream.getvalue().startswith("\r\x1b[K") and "1 documents" in stream.getvalue()
    progress.clear()
    assert stream.getvalue().endswith("\r\x1b[K")
    progress.finish()  # nothing shown any more: nothing to leave behind
    assert "\n" not in stream.getvalue()


def _jsonl(n: int) -> str:
    records = [json.dumps({"id": i, "text": ARTICLE}) for i in range(n)]
    return "\n".join([*records, "{oops"]) + "\n"


def test_stats_option_prints_a_summary_on_stderr_only() -> None:
    plain = CliRunner().invoke(main, ["--to", "jsonl"], input=_jsonl(3))
    result = CliRunner().invoke(main, ["--to", "jsonl", "--stats"], input=_jsonl(3))
    assert result.exit_code == 0
    assert result.stdout == plain.stdout
    err = result.stderr
    assert "cleaner stats:" in err
    assert "documents     3" in err and "invalid-json 1" in err
    assert "rule:share" in err and "languages     " in err and "docs/s" in err


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    result = CliRunner().invoke(main, ["--to", "jsonl"], input=_jsonl(2))
    assert "\r" not in result.stderr and "docs/s" not in result.stderr
