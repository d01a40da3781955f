"""Throughput and memory of ``cleaner``, as ratios against anchors timed in the same run.

    python -m bench.speed                                # everything, defaults below
    python -m bench.speed --only text,jobs --repeats 3   # a part
    python -m bench.speed --only memory --stream-mb 1024 --jobs 2 --no-language

Parts (``--only``, comma-separated; default all):

- ``text``: one core, in this process, on the inscriptis dumps of ``--dataset``
  (``bench/.cache/dumps``, made by ``bench.converters`` if missing), repeated
  ``--copies`` times: ``cleaner.clean`` with and without language detection,
  and the anchors on the same text: the C4 line filter and jusText
  (``bench.anchors``). Targets: >= 1,000 docs/s with language detection,
  >= 3,000 without, >= 9x jusText.
- ``html``: the same pages' HTML: ``trafilatura.extract`` alone (the anchor) and
  every system in ``HTML_SYSTEMS`` (the cleaner HTML path when the library has
  it). Target: cleaner's time <= 1.15x trafilatura's.
- ``jobs``: the command on a JSONL file of ``--cli-docs`` records, ``-j 1`` and
  ``-j 2`` (wall time, outputs checked byte-identical). Target: >= 1.8x.
- ``memory``: a JSONL stream of ``--stream-mb`` MB piped through the command
  (``--jobs``, ``--no-language``); the proportional set size (PSS: shared
  pages counted once) of the process and its workers is sampled while it
  runs. Target: peak <= 150 MB over >= 1 GB, flat (the last quarter's peak
  no higher than the first quarter's).

Every timing is repeated ``--repeats`` times, the systems in rotating order
within a repeat; the tables give medians, and a ratio is the median of the
per-repeat ratios, so that load from other processes on the shared cores
falls on both sides of it. At most 2 worker processes are used.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench import anchors
from bench.data import CACHE

MAX_JOBS = 2
TextFn = Callable[[str], object]


# ---------------------------------------------------------------- data


def dump_texts(dataset: str, converter: str = "inscriptis") -> list[tuple[str, str]]:
    """(id, text) of every page's dump, made by bench.converters when the cache is missing."""
    path = CACHE / "dumps" / f"{dataset}.{converter}.jsonl.gz"
    if not path.exists():
        from bench.converters import get_dumps

        get_dumps(dataset, converter, workers=MAX_JOBS)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [(rec["id"], rec["text"]) for rec in map(json.loads, fh)]


def page_htmls(dataset: str) -> list[str]:
    from bench.data import iter_docs

    return [doc.html or "" for doc in iter_docs(dataset, with_html=True)]


# ---------------------------------------------------------------- systems


def _cleaner(detect_language: bool) -> TextFn:
    from cleaner import Options, clean, language

    options = Options(detect_language=detect_language)
    language.detect("Warm-up: langdetect loads its profiles on first use, which the timed loop should not pay.")
    return lambda text: clean(text, options)


def text_systems() -> dict[str, TextFn]:
    return {
        "cleaner": _cleaner(True),
        "cleaner --no-language": _cleaner(False),
        "c4 (anchor)": anchors.c4,
        "jusText (anchor)": anchors.justext_anchor,
    }


def _trafilatura(html: str) -> object:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True)


def _cleaner_html() -> TextFn | None:
    """The cleaner HTML path, if this version of the library has one (``Options.input_format``)."""
    from dataclasses import fields

    from cleaner import Options, clean, language

    if "input_format" not in {f.name for f in fields(Options)}:
        return None
    options = Options(input_format="html")  # type: ignore[call-arg,unused-ignore]
    # as for the text path: the warm-up pages of race() may not need langdetect, and its first
    # call loads the profiles (about a sixth of a timed loop over scrapinghub-aeb)
    language.detect("Warm-up: langdetect loads its profiles on first use, which the timed loop should not pay.")
    return lambda html: clean(html, options)


#: The HTML track: name -> loader (returns None when unavailable). Add systems here.
HTML_SYSTEMS: dict[str, Callable[[], TextFn | None]] = {
    "trafilatura.extract (anchor)": lambda: _trafilatura,
    "cleaner --from html": _cleaner_html,
}


# ---------------------------------------------------------------- timing


def time_loop(fn: TextFn, inputs: list[str]) -> float:
    start = time.perf_counter()
    for item in inputs:
        fn(item)
    return time.perf_counter() - start


def race(systems: dict[str, TextFn], inputs: list[str], repeats: int) -> dict[str, list[float]]:
    """Seconds per system per repeat; the order of systems rotates between repeats."""
    names = list(systems)
    for name in names:  # warm up: imports, models, caches
        for item in inputs[:3]:
            systems[name](item)
    seconds: dict[str, list[float]] = {name: [] for name in names}
    for r in range(repeats):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            seconds[name].append(time_loop(systems[name], inputs))
            _tick(f"{name} {r + 1}/{repeats}")
    return seconds


def _tick(what: str) -> None:
    sys.stderr.write(f"\r\x1b[K  {what}")
    sys.stderr.flush()


def median_ratio(num: list[float], den: list[float]) -> float:
    return statistics.median(a / b for a, b in zip(num, den, strict=True))


def rate_rows(seconds: dict[str, list[float]], n: int, reference: str) -> list[str]:
    """docs/s, ms/doc and the reference's speed relative to each system."""
    rows = []
    for name, times in seconds.items():
        rate = n / statistics.median(times)
        ratio = f"{median_ratio(times, seconds[reference]):.3g}x" if name != reference else ""
        rows.append(f"| {name} | {rate:,.0f} | {1000 * statistics.median(times) / n:.2f} | {ratio} |")
    return rows


# ---------------------------------------------------------------- parts


def part_text(args: argparse.Namespace, out: list[str]) -> None:
    texts = [text for _, text in dump_texts(args.dataset)] * args.copies
    seconds = race(text_systems(), texts, args.repeats)
    _tick("")
    chars = sum(map(len, texts)) / len(texts)
    out += [
        f"### Text path, one core ({args.dataset} inscriptis dumps: {len(texts)} docs, mean {chars:,.0f} chars)",
        "",
        "| system | docs/s | ms/doc | cleaner's speed / this system's |",
        "|---|---|---|---|",
        *rate_rows(seconds, len(texts), "cleaner"),
        "",
        f"- cleaner / jusText speed: **{median_ratio(seconds['jusText (anchor)'], seconds['cleaner']):.2f}x** "
        "(target >= 9x)",
        f"- cleaner / C4 line filter speed: {median_ratio(seconds['c4 (anchor)'], seconds['cleaner']):.3f}x",
        f"- cleaner docs/s: {len(texts) / statistics.median(seconds['cleaner']):,.0f} (target >= 1,000); "
        f"--no-language: {len(texts) / statistics.median(seconds['cleaner --no-language']):,.0f} (target >= 3,000)",
        "",
    ]


def part_html(args: argparse.Namespace, out: list[str]) -> None:
    pages = page_htmls(args.dataset)
    systems = {name: fn for name, load in HTML_SYSTEMS.items() if (fn := load()) is not None}
    seconds = race(systems, pages, args.repeats)
    _tick("")
    anchor = "trafilatura.extract (anchor)"
    out += [
        f"### HTML path, one core ({args.dataset} pages: {len(pages)})",
        "",
        "| system | docs/s | ms/doc | time vs trafilatura.extract |",
        "|---|---|---|---|",
    ]
    for name, times in seconds.items():
        ratio = "" if name == anchor else f"{median_ratio(times, seconds[anchor]):.2f}x (target <= 1.15x)"
        out.append(
            f"| {name} | {len(pages) / statistics.median(times):,.1f} | "
            f"{1000 * statistics.median(times) / len(pages):.1f} | {ratio} |"
        )
    missing = [name for name in HTML_SYSTEMS if name not in systems]
    out += [f"- not available in this version: {', '.join(missing)}" if missing else "", ""]


def _records(dataset: str) -> Iterator[bytes]:
    """JSONL lines cycling over the dumps forever, each with a fresh id."""
    docs = dump_texts(dataset)
    n = 0
    while True:
        for doc_id, text in docs:
            n += 1
            yield (json.dumps({"id": f"{n}:{doc_id}", "text": text}, ensure_ascii=False) + "\n").encode("utf-8")


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "--from", "jsonl", "--to", "jsonl", *args]


def part_jobs(args: argparse.Namespace, out: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.jsonl"
        records = _records(args.dataset)
        with open(source, "wb") as fh:
            for _ in range(args.cli_docs):
                fh.write(next(records))
        variants = {"-j 1": ["-j", "1"], "-j 2": ["-j", "2"]}
        if args.no_language:
            variants = {name: [*flags, "--no-language"] for name, flags in variants.items()}
        seconds: dict[str, list[float]] = {name: [] for name in variants}
        cpu: dict[str, list[float]] = {name: [] for name in variants}
        digests: dict[str, set[str]] = {name: set() for name in variants}
        names = list(variants)
        for r in range(args.repeats):
            for name in names[r % 2 :] + names[: r % 2]:
                _tick(f"cleaner {name} {r + 1}/{args.repeats}")
                start, before = time.perf_counter(), _children_cpu()
                done = subprocess.run(_command(*variants[name], str(source)), capture_output=True, check=True)
                seconds[name].append(time.perf_counter() - start)
                cpu[name].append(_children_cpu() - before)
                digests[name].add(hashlib.sha256(done.stdout).hexdigest())
        _tick("")
    same = len(digests["-j 1"] | digests["-j 2"]) == 1
    size = args.cli_docs
    out += [
        f"### The command, -j 1 vs -j 2 ({args.cli_docs} records of {args.dataset}"
        f"{', --no-language' if args.no_language else ''}; wall time incl. start-up)",
        "",
        "| run | docs/s | speed-up |",
        "|---|---|---|",
        f"| -j 1 | {size / statistics.median(seconds['-j 1']):,.1f} | |",
        f"| -j 2 | {size / statistics.median(seconds['-j 2']):,.1f} | "
        f"**{median_ratio(seconds['-j 1'], seconds['-j 2']):.2f}x** median of per-repeat ratios; "
        f"{statistics.median(seconds['-j 1']) / statistics.median(seconds['-j 2']):.2f}x of medians "
        "(target >= 1.8x) |",
        "",
        f"- outputs byte-identical across runs and -j: {'yes' if same else 'NO'}",
        f"- CPU seconds (the command and its workers): -j 1 {statistics.median(cpu['-j 1']):.1f}, "
        f"-j 2 {statistics.median(cpu['-j 2']):.1f}: -j 2 does {median_ratio(cpu['-j 2'], cpu['-j 1']):.2f}x "
        f"the work; on 2 idle cores that bounds its speed-up at "
        f"{2 / median_ratio(cpu['-j 2'], cpu['-j 1']):.2f}x",
        f"- load average at the end: {os.getloadavg()[0]:.1f} (other processes share the cores)",
        f"- cores available to this process: {len(os.sched_getaffinity(0))}",
        "",
    ]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_pss_kb(pid: int) -> int:
    """PSS (kB) of a process and its descendants, from /proc."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as fh:
                    stack.extend(int(child) for child in fh.read().split())
        except (OSError, StopIteration):
            continue
    return total


def part_memory(args: argparse.Namespace, out: list[str]) -> None:
    target = args.stream_mb * 1_000_000
    flags = ["-j", str(args.jobs)] + (["--no-language"] if args.no_language else [])
    proc = subprocess.Popen(_command(*flags), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    fed = 0
    written = 0

    def feed() -> None:
        nonlocal fed
        assert proc.stdin is not None
        try:
            for line in _records(args.dataset):
                proc.stdin.write(line)
                fed += len(line)
                if fed >= target:
                    break
        finally:
            proc.stdin.close()

    def drain() -> None:
        nonlocal written
        assert proc.stdout is not None
        while chunk := proc.stdout.read(1 << 16):
            written += len(chunk)

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    samples: list[tuple[int, int]] = []  # (bytes fed, PSS kB)
    while proc.poll() is None:
        samples.append((fed, _tree_pss_kb(proc.pid)))
        _tick(f"memory: {fed / 1e6:,.0f} / {args.stream_mb:,} MB fed, PSS {samples[-1][1] / 1024:.0f} MB")
        time.sleep(0.2)
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    _tick("")
    samples = [s for s in samples if s[1] > 0]
    peak = max(kb for _, kb in samples) / 1024 if samples else float("nan")
    quarter = max(1, len(samples) // 4)
    first = max(kb for _, kb in samples[:quarter]) / 1024 if samples else float("nan")
    last = max(kb for _, kb in samples[-quarter:]) / 1024 if samples else float("nan")
    out += [
        f"### Memory over a {fed / 1e6:,.0f} MB JSONL stream ({args.dataset} dumps cycled; "
        f"{' '.join(flags)}; {seconds:,.0f} s, {fed / 1e6 / seconds:.2f} MB/s in, {written / 1e6:,.0f} MB out)",
        "",
        f"- peak PSS of cleaner and its workers: **{peak:.0f} MB** (target <= 150 MB over >= 1,000 MB)",
        f"- peak PSS in the first quarter {first:.0f} MB, in the last quarter {last:.0f} MB "
        f"({'flat' if last <= first * 1.05 + 2 else 'GROWING'})",
        f"- exit status {proc.returncode}; {len(samples)} samples",
        "",
    ]


PARTS: dict[str, Callable[[argparse.Namespace, list[str]], None]] = {
    "text": part_text,
    "html": part_html,
    "jobs": part_jobs,
    "memory": part_memory,
}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--only", default=",".join(PARTS), help=f"parts to run, of {', '.join(PARTS)}")
    ap.add_argument("--dataset", default="scrapinghub-aeb")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--copies", type=int, default=1, help="text part: repeat the dumps this many times")
    ap.add_argument("--cli-docs", type=int, default=1000, help="jobs part: records in the JSONL file")
    ap.add_argument("--stream-mb", type=int, default=1024, help="memory part: MB of JSONL streamed")
    ap.add_argument("--jobs", type=int, default=1, choices=range(1, MAX_JOBS + 1), help="memory part: -j")
    ap.add_argument("--no-language", action="store_true", help="jobs and memory parts: pass --no-language")
    ap.add_argument("--out", type=Path, help="also write the report here")
    args = ap.parse_args(argv)
    out = [
        f"## bench.speed ({time.strftime('%Y-%m-%d %H:%M')}, python -m bench.speed {' '.join(argv or sys.argv[1:])})",
        "",
    ]
    for name in args.only.split(","):
        if name not in PARTS:
            ap.error(f"unknown part {name!r}; known: {', '.join(PARTS)}")
        PARTS[name](args, out)
    report = "\n".join(out)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", "utf-8")


if __name__ == "__main__":
    main()
