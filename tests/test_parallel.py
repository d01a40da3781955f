"""``cleaner -j N``: the ordered parallel map and the command's output with workers."""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.parallel import clean_jsonl_lines, ordered_map

from .samples import ARTICLE_TEMPLATE
from .signals import default_sigint

ARTICLE = ARTICLE_TEMPLATE.replace("{place}", "{n}")


def _square(x: int) -> int:
    return x * x


def _slow_if_even(x: int) -> int:
    if x % 2 == 0:
        time.sleep(0.002)
    return x


def test_ordered_map_keeps_input_order() -> None:
    items = list(range(200))
    assert list(ordered_map(_slow_if_even, items, jobs=2, chunk_size=3)) == items


def test_ordered_map_one_job_is_map_in_process() -> None:
    assert list(ordered_map(_square, iter(range(5)), jobs=1)) == [0, 1, 4, 9, 16]


def test_ordered_map_empty_input() -> None:
    assert list(ordered_map(_square, [], jobs=2)) == []


def test_ordered_map_rejects_zero_jobs() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(ordered_map(_square, [1], jobs=0))


def test_ordered_map_reads_input_lazily() -> None:
    """At most chunk_size * in_flight items are read ahead of what was consumed."""
    read = 0

    def source() -> Iterator[int]:
        nonlocal read
        for i in range(10_000):
            read += 1
            yield i

    results = ordered_map(_square, source(), jobs=2, chunk_size=4, in_flight=3)
    assert next(results) == 0
    assert read <= 4 * 3 + 4
    results.close()


def test_ordered_map_reraises_a_worker_error() -> None:
    with pytest.raises(ZeroDivisionError):
        list(ordered_map(_reciprocal, [1, 2, 0, 4], jobs=2, chunk_size=1))


def _reciprocal(x: int) -> float:
    return 1 / x


def _stream(n: int, bad_every: int = 0) -> str:
    lines = []
    for i in range(n):
        if bad_every and i % bad_every == bad_every - 1:
            lines.append("{not json" if i % 2 else json.dumps({"id": i, "body": "no text field"}))
        else:
            lines.append(json.dumps({"id": i, "text": ARTICLE.format(n=f"Town {i}")}))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fmt", ["jsonl", "text"])
def test_jobs_output_is_byte_identical_to_one_job(fmt: str) -> None:
    data = _stream(70, bad_every=9)
    one = CliRunner().invoke(main, ["--to", fmt, "-j", "1"], input=data)
    two = CliRunner().invoke(main, ["--to", fmt, "-j", "2"], input=data)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout_bytes == two.stdout_bytes
    assert one.stderr == two.stderr  # the same rejects, in the same order
    assert one.stderr.count("rejected") == 7


def test_jobs_rejects_file_in_input_order(tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    result = CliRunner().invoke(main, ["--to", "jsonl", "-j", "2", "--rejects", str(rejects)], input=_stream(40, 5))
    assert result.exit_code == 0
    positions = [json.loads(line)["position"] for line in rejects.read_text("utf-8").splitlines()]
    assert positions == sorted(positions) and len(positions) == 8


def test_jobs_zero_means_available_cores() -> None:
    result = CliRunner().invoke(main, ["--to", "jsonl", "-j", "0"], input=_stream(3))
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", *args]


def test_jobs_broken_pipe_exits_quietly() -> None:
    data = _stream(400).encode("utf-8")
    proc = subprocess.run(
        f"{' '.join(_command('--to', 'jsonl', '-j', '2'))} | head -n 2",
        input=data,
        shell=True,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 2
    assert proc.stderr == b""


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def test_jobs_sigint_stops_without_worker_tracebacks(tmp_path: Path) -> None:
    source = tmp_path / "big.jsonl"
    source.write_text(_stream(3000), "utf-8")
    proc = subprocess.Popen(
        _command("--to", "jsonl", "-j", "2", str(source)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,
    )
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # wait for the workers: the signal must land in the pool loop, not during imports
    time.sleep(0.3)
    if proc.poll() is not None:
        pytest.skip("the run finished before the signal")
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in err


def test_clean_jsonl_lines_matches_the_command() -> None:
    """The Spark / Dask partition function writes what `cleaner --to jsonl` writes."""
    data = _stream(12, bad_every=5)
    cli = CliRunner().invoke(main, ["--from", "jsonl", "--to", "jsonl"], input=data)
    lines = data.splitlines(keepends=True)  # as Dask's read_text gives them
    out = list(clean_jsonl_lines(lines))
    assert len(out) == 12
    documents = [line for line in out if '"error": {' not in line]
    assert "\n".join(documents) + "\n" == cli.stdout
    errors = [json.loads(line) for line in out if '"error": {' in line]
    assert [(e["position"], e["error"]["kind"]) for e in errors] == [(5, "missing-field"), (10, "invalid-json")]
