"""Reliability (issue #6): hostile inputs, size and time bounds, accounting, determinism, pipes, signals, fuzzing.

Every input record ends as exactly one output record or one reject record, in
order; the stream goes on after a reject unless ``--strict``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cleaner.cli import main, process
from cleaner.pipeline import Options
from cleaner.reading import MAX_DOCUMENT_BYTES, Reject, read_source

from .samples import ARTICLE_TEMPLATE
from .signals import default_sigint, ignored_sigint
from .strategies import cli_inputs, document_bytes

REPO = Path(__file__).resolve().parent.parent
ARTICLE = ARTICLE_TEMPLATE.format(place="Riverside")
SENTENCE = "The council approved the new budget on Monday after a long debate, officials said. "
MB = 1 << 20


def run(args: list[str], stdin: bytes | str = b"") -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout_bytes, result.stderr


def rejects_of(err: str) -> list[dict[str, Any]]:
    return [json.loads(line.removeprefix("cleaner: rejected ")) for line in err.splitlines()]


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", *args]


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


#: Runs ``python -m cleaner ARGS`` and writes its peak resident memory (VmHWM, kB) to the file named
#: first. Measured inside the process: a child's ru_maxrss would include the test runner's memory at fork.
_PEAK_WRAPPER = """
import runpy, sys
peak_file, sys.argv = sys.argv[1], ["cleaner", *sys.argv[2:]]
try:
    runpy.run_module("cleaner", run_name="__main__")
finally:
    status = open("/proc/self/status").read()
    open(peak_file, "w").write(status.split("VmHWM:")[1].split()[0])
"""


def run_measured(args: list[str], peak_file: Path, stdin: Any = subprocess.DEVNULL) -> tuple[int, bytes, bytes, float]:
    """Run the command in a child process: exit status, stdout, stderr and its peak resident memory in MB."""
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file), *args],
        stdin=stdin,
        capture_output=True,
        env=child_env(),
        check=False,
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr, int(peak_file.read_text()) / 1024


def write_repeated(path: Path, size: int, unit: bytes = SENTENCE.encode()) -> None:
    block = unit * (MB // len(unit) + 1)
    with path.open("wb") as stream:
        while size > 0:
            stream.write(block[: min(size, MB)])
            size -= MB


# ---------------------------------------------------------------- size bounds


def test_a_20_mb_single_line_is_cleaned_in_seconds(tmp_path: Path) -> None:
    """One 20 MB line (no line break) is a document: cleaned whole, its features measured on a sample."""
    source = tmp_path / "line.txt"
    write_repeated(source, 20 * MB)
    started = time.monotonic()
    code, out, err = run(["--to", "jsonl", "--no-language", str(source)])
    elapsed = time.monotonic() - started
    assert code == 0 and err == ""
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["text"] == source.read_text("utf-8").strip()
    assert elapsed < 8, f"{elapsed:.1f} s for a 20 MB line"  # 2.5 s here; 15 s before features sampled long lines


def test_a_200_mb_file_is_streamed_and_rejected_with_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    write_repeated(big, 200 * MB)
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE, "utf-8")
    code, out, err, peak_mb = run_measured(["--to", "jsonl", str(big), str(small)], tmp_path / "peak")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(small)]
    (reject,) = rejects_of(err.decode())
    assert (reject["source"], reject["position"], reject["error"]["kind"]) == (str(big), 1, "too-large")
    assert peak_mb < 200, f"peak RSS {peak_mb:.0f} MB for a 200 MB file"
    # the same bytes as a stream on standard input: read through, the document after it still comes out
    with big.open("ab") as stream:
        stream.write(b"\f" + ARTICLE.encode())
    with big.open("rb") as stdin:
        code, out, err, peak_mb = run_measured(["--to", "jsonl"], tmp_path / "peak", stdin=stdin)
    assert code == 0 and peak_mb < 200
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["stdin:2"]
    assert [(r["position"], r["error"]["kind"]) for r in rejects_of(err.decode())] == [(1, "too-large")]


def test_a_200_mb_jsonl_line_is_rejected_unread_and_the_stream_goes_on(tmp_path: Path) -> None:
    assert 200 * MB > MAX_DOCUMENT_BYTES
    source = tmp_path / "in.jsonl"
    with source.open("wb") as stream:
        stream.write(json.dumps({"id": 1, "text": ARTICLE}).encode() + b"\n")
        stream.write(b'{"id": 2, "text": "')
        for _ in range(200):
            stream.write(b"x" * MB)
        stream.write(b'"}\n')
        stream.write(json.dumps({"id": 3, "text": ARTICLE}).encode() + b"\n")
    code, out, err, peak_mb = run_measured(["--to", "jsonl", str(source)], tmp_path / "peak")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 3]
    assert [(r["position"], r["error"]["kind"]) for r in rejects_of(err.decode())] == [(2, "too-large")]
    assert peak_mb < 200, f"peak RSS {peak_mb:.0f} MB for a 200 MB line"


# ---------------------------------------------------------------- hostile inputs: bytes and text


def test_invalid_utf8_rejects_only_its_document_with_advice() -> None:
    mixed = ARTICLE.encode() + "Caf\u00e9 au lait, wrote the critic.".encode("cp1252")  # UTF-8 with one cp1252 line
    stream = ARTICLE.encode() + b"\f" + mixed + b"\f" + b"\xff\xfe\x00binary\x89PNG\r\n" + b"\f" + ARTICLE.encode()
    code, out, err = run(["--to", "jsonl"], stream)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["stdin:1", "stdin:4"]
    rejects = rejects_of(err)
    assert [(r["position"], r["error"]["kind"]) for r in rejects] == [(2, "undecodable"), (3, "undecodable")]
    assert "iconv" in rejects[0]["error"]["message"]


def test_invalid_utf8_in_a_jsonl_line_rejects_that_line() -> None:
    stream = b'{"id": 1, "text": "caf\xe9"}\n' + json.dumps({"id": 2, "text": ARTICLE}).encode() + b"\n"
    code, out, err = run(["--to", "jsonl"], stream)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == [2]
    assert [(r["position"], r["error"]["kind"]) for r in rejects_of(err)] == [(1, "undecodable")]


def test_mixed_encodings_in_html_are_decoded_not_rejected() -> None:
    cp1252 = "<p>Caf\u00e9 cr\u00e8me prices rose again this week, the critic of the paper wrote.</p>".encode("cp1252")
    page = _page(PARAGRAPH * 2 + "@@").encode().replace(b"@@", cp1252)
    code, out, err = run(["--to", "jsonl"], page)
    assert code == 0 and err == ""
    text = json.loads(out)["text"]  # decoded by a guess (the bytes are not UTF-8): both parts are read
    assert "prices rose again this week" in text and "It ran late into the night." in text


def test_nul_bytes_and_controls_in_valid_utf8_are_removed(tmp_path: Path) -> None:
    source = tmp_path / "nul.txt"
    source.write_bytes(ARTICLE.replace("council", "coun\x00cil\x1b").encode())
    code, out, _ = run(["--to", "jsonl", str(source)])
    record = json.loads(out)
    assert code == 0 and "council" in record["text"] and "\x00" not in out.decode()


def test_a_binary_file_is_rejected_or_cleaned_never_crashes(tmp_path: Path) -> None:
    images = tmp_path / "image.png"
    images.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(ARTICLE.encode("utf-16"))  # with its BOM: not UTF-8
    code, out, err = run(["--to", "jsonl", str(images), str(utf16)])
    assert code == 0 and out == b""
    assert [(r["source"], r["error"]["kind"]) for r in rejects_of(err)] == [
        (str(images), "undecodable"),
        (str(utf16), "undecodable"),
    ]


def test_a_utf8_bom_is_dropped(tmp_path: Path) -> None:
    source = tmp_path / "bom.txt"
    source.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    jsonl = b"\xef\xbb\xbf" + json.dumps({"id": 1, "text": ARTICLE}).encode()
    for args, stdin in (([str(source)], b""), ([], jsonl)):
        code, out, _ = run(["--to", "jsonl", *args], stdin)
        assert code == 0
        assert json.loads(out)["title"] == "Council approves new budget for Riverside"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_are_line_breaks(newline: str) -> None:
    code, out, _ = run(["--to", "jsonl", "--explain"], ARTICLE.replace("\n", newline))
    _, expected, _ = run(["--to", "jsonl", "--explain"], ARTICLE)
    assert code == 0 and out == expected


def test_lone_surrogates_in_json_are_dropped_and_output_is_valid_utf8() -> None:
    record = '{"id": "s", "title_hint": "\\udc80", "text": "\\ud800' + ARTICLE.replace("\n", "\\n") + '"}'
    code, out, err = run(["--to", "jsonl"], record)
    assert code == 0 and err == ""
    got = json.loads(out.decode("utf-8"))  # strict UTF-8: the passed-through lone surrogate is escaped
    assert got["title_hint"] == "\udc80" and "\ud800" not in got["text"]
    assert got["title"] == "Council approves new budget for Riverside"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("[1, 2]", "not-an-object"),
        ('"text"', "not-an-object"),
        ("null", "not-an-object"),
        ("42", "not-an-object"),
        ('{"id": 1}', "missing-field"),
        ('{"id": 1, "text": 5}', "bad-field-type"),
        ('{"id": 1, "text": null}', "bad-field-type"),
        ('{"id": 1, "text": ["a"]}', "bad-field-type"),
        ('{"id": 1, "html": {"p": 1}}', "bad-field-type"),
        ('{"id": 1, "text": "x"', "invalid-json"),
        ("[" * 100_000, "invalid-json"),
    ],
)
def test_json_that_is_not_a_record_is_rejected(line: str, kind: str) -> None:
    code, out, err = run(["--from", "jsonl", "--to", "jsonl"], line + "\n" + json.dumps({"id": 2, "text": ARTICLE}))
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == [2]
    (reject,) = rejects_of(err)
    assert (reject["position"], reject["error"]["kind"]) == (1, kind)
    assert reject["id"] == (1 if kind in ("missing-field", "bad-field-type") else None)


def test_numeric_and_missing_ids_pass_through() -> None:
    lines = [{"id": 7, "text": ARTICLE}, {"id": 1.5, "text": ARTICLE}, {"text": ARTICLE}, {"id": [1], "text": ARTICLE}]
    code, out, _ = run(["--to", "jsonl"], "\n".join(json.dumps(x) for x in lines))
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [7, 1.5, None, [1]]


def test_line_breaks_inside_json_strings_never_split_an_output_line() -> None:
    """Found by fuzzing: a field named "\\u0085" made a reject line that str.splitlines() cut in two."""
    stream = '{"\\u0085": null}\n' + json.dumps({"id": 2, "url": "a\u2028b\u2029c\x85", "text": ARTICLE})
    code, out, err = run(["--to", "jsonl"], stream)
    assert code == 0
    (record,) = [json.loads(line) for line in out.decode().splitlines()]
    assert record["url"] == "a\u2028b\u2029c\x85"
    (reject,) = rejects_of(err)
    assert reject["error"]["kind"] == "missing-field" and len(err.splitlines()) == 1


def test_empty_and_blank_documents(tmp_path: Path) -> None:
    """An empty or blank file is an empty document; on a stream, blank documents between form feeds
    (and blank JSONL lines) are not documents at all."""
    empty, blank = tmp_path / "empty.txt", tmp_path / "blank.txt"
    empty.write_bytes(b"")
    blank.write_text(" \n\t\r\n\u00a0", "utf-8")
    code, out, err = run(["--to", "jsonl", str(empty), str(blank)])
    assert code == 0 and err == ""
    assert [(r["id"], r["text"], r["title"]) for r in map(json.loads, out.splitlines())] == [
        (str(empty), "", None),
        (str(blank), "", None),
    ]
    code, out, err = run(["--to", "jsonl"], "\f \n\f" + ARTICLE + "\f\n\n")
    assert code == 0 and err == "" and [json.loads(line)["id"] for line in out.splitlines()] == ["stdin:1"]
    code, out, _ = run(["--to", "jsonl"], '{"id": 1, "text": ""}\n\n  \n{"id": 2, "text": " \\n\\t "}\n')
    assert [(r["id"], r["text"]) for r in map(json.loads, out.splitlines())] == [(1, ""), (2, "")]


SCRIPTS = {
    "arabic": (
        "أعلنت الحكومة يوم الاثنين عن خطة جديدة لإصلاح شبكة المياه في المدينة بعد نقاش طويل في البرلمان.",
        "وقال المسؤولون إن العمل سيبدأ في الربيع وسيستمر لمدة عامين على الأقل.",
    ),
    "hebrew": (
        "הממשלה הודיעה ביום שני על תוכנית חדשה לתיקון רשת המים בעיר לאחר דיון ארוך בכנסת.",
        "לדברי הפקידים העבודה תתחיל באביב ותימשך שנתיים לפחות.",
    ),
    "chinese": (
        "市议会周一在长时间辩论后批准了新预算，官员表示这笔钱将用于学校和道路建设。",
        "反对派议员投票反对该计划，称其留给住房和公共交通的资金太少。",
    ),
    "japanese": (
        "市議会は月曜日、長い議論の末に新しい予算案を承認した。資金は学校と道路に使われる。",
        "野党議員は住宅と公共交通機関への予算が少なすぎるとして反対票を投じた。",
    ),
    "emoji": (
        "The council 🏛️ approved the budget 👍🏽 on Monday after a long debate, officials said 🎉.",
        "Families 👩‍👩‍👧‍👦 in the poorer districts said the plan left too little for housing 🏠.",
    ),
    "combining": (
        "Cafe\u0301 owners in Ko\u0308ln welcomed the budget on Monday after a long debate, they said.",
        "The plan raises spending on schools and roads by a tenth over the next two years, the mayor said.",
    ),
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_rtl_cjk_emoji_and_combining_marks_survive(script: str) -> None:
    first, second = SCRIPTS[script]
    code, out, _ = run(["--to", "jsonl"], f"{first}\n\n{second}\n\n{second} {first}")
    record = json.loads(out)
    assert code == 0
    readable = f"{record['title']}\n\n{record['text']}".split("\n\n")
    assert unicodedata.normalize("NFC", first) in readable and unicodedata.normalize("NFC", second) in readable


# ---------------------------------------------------------------- --strict

STRICT_STREAM = "\n".join(
    [json.dumps({"id": 1, "text": ARTICLE}), "{not json", json.dumps({"id": 3, "text": ARTICLE}), "[4]"]
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_strict_writes_the_first_reject_then_stops_with_status_1(jobs: str) -> None:
    code, out, err = run(["--to", "jsonl", "--strict", "-j", jobs], STRICT_STREAM)
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1]  # whole lines, nothing after the reject
    reject_lines = [line for line in err.splitlines() if line.startswith("cleaner: rejected ")]
    assert [(r["position"], r["error"]["kind"]) for r in rejects_of("\n".join(reject_lines))] == [(2, "invalid-json")]
    assert "stopped at the first reject (--strict): stdin, position 2" in err


def test_strict_with_a_rejects_file(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    code, out, err = run(["--to", "jsonl", "--strict", "--rejects", str(rejects)], STRICT_STREAM)
    assert code == 1 and out.count(b"\n") == 1
    assert [json.loads(line)["position"] for line in rejects.read_text("utf-8").splitlines()] == [2]
    assert "--strict" in err


def test_strict_without_rejects_is_a_normal_run() -> None:
    stream = STRICT_STREAM.replace("{not json", json.dumps({"id": 2, "text": ARTICLE})).replace("[4]", "")
    code, out, err = run(["--to", "jsonl", "--strict"], stream)
    assert code == 0 and err == ""
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 2, 3]


# ---------------------------------------------------------------- HTML: time bound and hostile pages

PARAGRAPH = f"<p>{SENTENCE}It ran late into the night.</p>"


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def _stuck(*args: Any, **kwargs: Any) -> Any:
    """An extractor that never returns and swallows every Exception, as a confused library might."""
    while True:
        try:
            time.sleep(0.01)
        except Exception:
            continue


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_stuck_html_page_becomes_a_timeout_reject(monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    monkeypatch.setattr("cleaner.html.extract", _stuck)
    stream = "\n".join(
        [
            json.dumps({"id": 1, "text": ARTICLE}),
            json.dumps({"id": 2, "html": _page(PARAGRAPH * 3)}),
            json.dumps({"id": 3, "text": ARTICLE}),
        ]
    )
    started = time.monotonic()
    code, out, err = run(["--to", "jsonl", "--html-timeout", "0.3", "-j", jobs], stream)
    assert time.monotonic() - started < 30
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 3]
    (reject,) = rejects_of(err)
    assert (reject["id"], reject["position"], reject["error"]["kind"]) == (2, 2, "timeout")
    assert "0.3 s" in reject["error"]["message"]


def test_the_time_limit_is_lifted_after_each_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """No alarm is left armed, and SIGALRM gets its handler back."""
    import signal

    before = signal.getsignal(signal.SIGALRM)
    code, out, _ = run(["--to", "jsonl", "--html-timeout", "5"], _page(PARAGRAPH * 3))
    assert code == 0 and json.loads(out)["text"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


HOSTILE_PAGES = {
    "nested-10000-deep": _page("<div>" * 10_000 + PARAGRAPH * 3 + "</div>" * 10_000),
    "nested-10000-deep-unclosed": _page("<div>" * 10_000 + PARAGRAPH * 3),
    "nested-10000-inline": _page(PARAGRAPH + "<span>" * 10_000 + "x" + "</span>" * 10_000 + PARAGRAPH * 2),
    "attribute-1mb": _page(f'<p title="{"a" * MB}">{SENTENCE}</p>' + PARAGRAPH * 3),
    "broken-markup": "<html><body><p>unclosed <b><i>" + PARAGRAPH + "</div></span><<>><p <p>" + PARAGRAPH * 2,
    "only-markup": "<html><body><div><span></span></div></body></html>",
    "empty-page": "<html></html>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PAGES))
def test_hostile_html_finishes_with_a_record(name: str) -> None:
    started = time.monotonic()
    code, out, err = run(["--to", "jsonl", "--from", "html"], HOSTILE_PAGES[name])
    assert time.monotonic() - started < 20
    assert code == 0 and err == ""
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["id"] == "stdin:1"
    if name in ("nested-10000-inline", "attribute-1mb", "broken-markup"):
        assert SENTENCE.strip() in record["text"]


def test_a_page_declaring_the_wrong_charset_is_read_as_the_utf8_it_is() -> None:
    """A crawler re-encoded the page to UTF-8 and kept its Shift_JIS declaration: UTF-8 wins."""
    body = "<p>Der Stadtrat hat am Montag nach langer Debatte den Haushalt für Köln beschlossen, sagte er.</p>"
    for declared in ("shift_jis", "euc-kr", "gb2312", "iso-8859-1", "utf-16"):
        page = _page(body * 3, f'<meta charset="{declared}">').encode("utf-8")
        code, out, _ = run(["--to", "jsonl"], page)
        assert code == 0
        assert "für Köln" in json.loads(out)["text"], declared
    real = _page("<p>市議会は月曜日、長い議論の末に新しい予算案を承認した。</p>" * 3, '<meta charset="shift_jis">')
    code, out, _ = run(["--to", "jsonl"], real.encode("shift_jis"))
    assert "新しい予算案" in json.loads(out)["text"]


# ---------------------------------------------------------------- determinism, pipes, signals


def _mixed_stream(n: int) -> bytes:
    """JSONL with text and HTML records, ids of every type, and records that are rejected."""
    lines = []
    for i in range(n):
        article = ARTICLE_TEMPLATE.format(place=f"Town {i}")
        kind = i % 6
        if kind == 0:
            lines.append(json.dumps({"id": i, "text": article}))
        elif kind == 1:
            lines.append(json.dumps({"html": _page(f"<h1>Budget for Town {i}</h1>" + PARAGRAPH * 3), "n": i}))
        elif kind == 2:
            lines.append(json.dumps({"id": str(i), "text": article.replace("\n", "\r\n")}, ensure_ascii=False))
        elif kind == 3:
            lines.append("{broken" if i % 4 else json.dumps({"id": i, "body": article}))
        elif kind == 4:
            lines.append(json.dumps({"id": i * 1.5, "text": SCRIPTS["japanese"][0] + "\n\n" + article}))
        else:
            lines.append(json.dumps({"id": None, "text": article + "\n\nShare this article\n\nRelated stories"}))
    return ("\n".join(lines) + "\n").encode()


def test_output_is_byte_identical_across_runs_jobs_and_chunking(tmp_path: Path) -> None:
    """stdin vs file, -j 1 vs -j 2, and separate processes with different hash seeds: the same bytes."""
    data = _mixed_stream(60)
    source = tmp_path / "in.jsonl"
    source.write_bytes(data)
    outputs, rejects = [], []
    for seed, jobs, from_file in (("1", "1", False), ("2", "2", True), ("3", "2", False), ("4", "1", True)):
        proc = subprocess.run(
            command("--to", "jsonl", "-j", jobs, *([str(source)] if from_file else [])),
            input=None if from_file else data,
            capture_output=True,
            env={**child_env(), "PYTHONHASHSEED": seed},
            check=False,
            timeout=300,
        )
        assert proc.returncode == 0
        outputs.append(proc.stdout)
        rejects.append([(r["position"], r["error"]) for r in rejects_of(proc.stderr.decode())])
    assert outputs[0].count(b"\n") == 50 and len(rejects[0]) == 10
    assert all(out == outputs[0] for out in outputs)
    assert all(r == rejects[0] for r in rejects)


def test_head_exits_quietly_with_rejects_in_the_stream() -> None:
    proc = subprocess.run(
        " ".join(command("--to", "jsonl")) + " | head -n 3",
        input=_mixed_stream(200),
        shell=True,
        capture_output=True,
        env=child_env(),
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 3
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr


def _feed_forever(stream: IO[bytes], line: bytes) -> None:
    with contextlib.suppress(OSError):
        while True:
            stream.write(line)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_stops_cleanly_after_a_whole_line(jobs: str) -> None:
    """Ctrl-C while records stream through (stdin never ends, so the run cannot finish first): status
    130, no traceback, every line written is whole JSON. The reader pauses, so the command is
    blocked writing a large record when the signal comes."""
    proc = subprocess.Popen(
        command("--to", "jsonl", "-j", jobs),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        preexec_fn=default_sigint,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    big = json.dumps({"id": 1, "text": ARTICLE, "pad": "x" * 200_000}).encode() + b"\n"  # over a pipe's 64 KiB
    feeder = threading.Thread(target=_feed_forever, args=(proc.stdin, big), daemon=True)
    feeder.start()
    first = proc.stdout.readline()
    time.sleep(1.5)  # stop reading: the pipe fills and the command blocks in write()
    proc.send_signal(signal.SIGINT)
    rest = proc.stdout.read()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    proc.stdin.close()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == 130
    assert b"Traceback" not in err
    lines = (first + rest).split(b"\n")
    assert lines[-1] == b"", "the output ends inside a record"
    assert all(json.loads(line)["id"] == 1 for line in lines[:-1])


def test_a_run_that_ignores_sigint_keeps_ignoring_it(tmp_path: Path) -> None:
    """Started with SIGINT ignored (``nohup``, a background job), the command runs to the end
    whatever SIGINTs come, also while it writes. It cannot end first: it is blocked writing
    until the signals have come and the test reads its output."""
    big = json.dumps({"id": 1, "text": ARTICLE, "pad": "x" * 200_000}) + "\n"  # over a pipe's 64 KiB
    source = tmp_path / "big.jsonl"
    source.write_text(big * 20, "utf-8")
    proc = subprocess.Popen(
        command("--to", "jsonl", str(source)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        preexec_fn=ignored_sigint,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    time.sleep(1.0)  # the pipe fills and the command blocks in write()
    for _ in range(5):
        proc.send_signal(signal.SIGINT)
        time.sleep(0.05)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert len((first + out).splitlines()) == 20


# ---------------------------------------------------------------- fuzzing (-m fuzz; long: HYPOTHESIS_PROFILE=fuzz)


def _expected_positions(data: bytes, fmt: str) -> list[int]:
    """Where the records of an input are, computed apart from the reader: JSONL lines that are not
    blank, or form-feed separated documents that are not blank (numbered among the non-blank ones)."""
    if fmt == "jsonl":
        positions = []
        for number, line in enumerate(data.split(b"\n"), start=1):
            try:
                blank = not line.decode("utf-8-sig").strip()
            except UnicodeDecodeError:
                blank = False
            if not blank and (line or number <= data.count(b"\n")):
                positions.append(number)
        return positions
    return list(range(1, sum(1 for part in data.split(b"\f") if part.strip()) + 1))


@pytest.mark.fuzz
@given(cli_inputs, st.sampled_from(["jsonl", "text"]))
def test_fuzz_every_record_is_one_output_or_one_reject(data: bytes, fmt: str) -> None:
    code, out, err = run(["--from", fmt, "--to", "jsonl"], data)
    assert code == 0
    records = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    rejects = rejects_of(err)
    assert all(r["error"]["kind"] != "internal-error" for r in rejects), rejects
    expected = _expected_positions(data, fmt)
    assert len(records) + len(rejects) == len(expected)
    reject_positions = [r["position"] for r in rejects]
    assert reject_positions == sorted(reject_positions) and set(reject_positions) <= set(expected)
    if fmt == "text":
        assert sorted([int(r["id"].removeprefix("stdin:")) for r in records] + reject_positions) == expected


#: What a reader or a record may be rejected for (``auto`` may read a document opening with "{" as JSONL).
READER_KINDS = ("undecodable", "too-large", "invalid-json", "not-an-object", "missing-field", "bad-field-type")


@pytest.mark.fuzz
@given(document_bytes())
def test_fuzz_a_document_is_cleaned_or_rejected_never_crashes(data: bytes) -> None:
    """Every reader (stream, whole file, forced HTML) and the per-record work on hostile bytes."""
    for fmt, whole in (("auto", False), ("auto", True), ("html", True), ("text", True)):
        for item in read_source(io.BytesIO(data), "fuzz", fmt, whole=whole):
            result = process(item, Options(detect_language=fmt == "auto"), "jsonl", explain=True)
            if isinstance(result, Reject):
                assert result.kind in (READER_KINDS if fmt == "auto" else READER_KINDS[:2]), result
            else:
                record = json.loads(result.chunk)
                assert "\r" not in record["text"] and "\x00" not in record["text"]
