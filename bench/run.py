"""The benchmark: every system on every page, one markdown table per dataset x converter.

    python -m bench.run [--datasets ...] [--converters inscriptis,plain]
                        [--systems identity,c4,justext,trafilatura_text,cleaner]
                        [--html-track] [--limit N] [--jobs 2] [--out FILE.md]

Text-track systems get the converter's dump of each page (cached, see converters.py); with
--html-track the HTML-track systems (trafilatura_html, ...) get the page's HTML in one more table
per dataset. Per-page results go to bench/.cache/results/<dataset>.<converter>.<system>.jsonl.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import metrics as M
from bench.converters import CONVERTERS, MAX_WORKERS, get_dumps, progress
from bench.data import CACHE, Doc, iter_docs, load_docs
from bench.systems import SystemUnavailable, get_system, registered

RESULTS = CACHE / "results"
DEFAULT_DATASETS = "scrapinghub-aeb,wcxb-dev-article,trafilatura-eval"
DEFAULT_CONVERTERS = "inscriptis,plain"
DEFAULT_SYSTEMS = "identity,c4,justext,trafilatura_text,cleaner"
HTML_TRACK = "html"


@dataclass
class Row:
    system: str
    pages: int = 0
    seconds: float = 0.0
    errors: int = 0
    first_error: str | None = None
    sh: list[M.ShinglePage] = field(default_factory=list)
    word: list[M.WordPage] = field(default_factory=list)
    snip: list[M.SnippetPage] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    gave_title: bool = False


def _run_one(job: tuple[str, str, str]) -> tuple[str, str, str | None, float, str | None]:
    name, doc_id, data = job
    fn = get_system(name).fn
    t0 = time.perf_counter()
    try:
        text, title = fn(data)
        err = None
    except Exception as exc:  # a crash scores as empty output, and is counted
        text, title, err = "", None, f"{type(exc).__name__}: {exc}"[:300]
    secs = time.perf_counter() - t0
    return doc_id, text or "", title, secs, err


def _outputs(
    name: str, jobs: Iterable[tuple[str, str, str]], jobs_n: int
) -> Iterator[tuple[str, str, str | None, float, str | None]]:
    if jobs_n <= 1:
        yield from map(_run_one, jobs)
        return
    with mp.get_context("fork").Pool(jobs_n) as pool:
        yield from pool.imap(_run_one, jobs, chunksize=4)


def score_page(doc: Doc, text: str, title: str | None, row: Row) -> dict[str, Any]:
    """Add one page's scores to the row; return them for the per-page results file."""
    rec: dict[str, Any] = {}
    if doc.body is not None:
        sp = M.shingle_page(doc.body, text)
        wp = M.wcxb_page(doc.body, text)
        row.sh.append(sp)
        row.word.append(wp)
        rec["sh"] = {"p": sp.precision, "r": sp.recall, "tp": sp.tp, "fp": sp.fp, "fn": sp.fn, "exact": sp.exact}
        rec["word"] = {"p": wp.precision, "r": wp.recall, "f1": wp.f1}
    elif doc.with_snippets or doc.without_snippets:
        np_ = M.snippet_page(text, doc.with_snippets, doc.without_snippets)
        row.snip.append(np_)
        rec["snip"] = {"tp": np_.tp, "fp": np_.fp, "fn": np_.fn, "tn": np_.tn}
    if doc.title:
        ok = M.title_match(title, doc.title)
        row.titles.append(ok)
        rec["title_ok"] = ok
    return rec


def run_system(name: str, docs: Sequence[Doc], inputs: dict[str, str], dataset: str, track: str, jobs: int) -> Row:
    row = Row(name)
    by_id = {d.id: d for d in docs}
    if get_system(name).kind == "text-url":
        todo = [(name, d.id, json.dumps({"text": inputs.get(d.id, ""), "url": d.url})) for d in docs]
    else:
        todo = [(name, d.id, inputs.get(d.id, "")) for d in docs]
    RESULTS.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
    out_path = RESULTS / f"{dataset}.{track}.{safe}.jsonl"
    t0 = time.perf_counter()
    label = f"{dataset}.{track}.{name}"
    with out_path.open("w", encoding="utf-8") as out:
        for i, (doc_id, text, title, secs, err) in enumerate(_outputs(name, todo, jobs), 1):
            doc = by_id[doc_id]
            row.pages += 1
            row.seconds += secs
            if err:
                row.errors += 1
                row.first_error = row.first_error or err
            if title is not None:
                row.gave_title = True
            rec = {"id": doc_id, "url": doc.url, "seconds": round(secs, 5), "error": err}
            rec.update(score_page(doc, text, title, row))
            rec.update({"gt_title": doc.title, "title": title, "text": text})
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if i % 50 == 0:
                progress(label, i, len(todo), t0)
    progress(label, row.pages, len(todo), t0, final=True)
    return row


def _f(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def table(title: str, rows: Sequence[Row], digits: int = 3) -> str:
    """The rows' scores as a markdown table, to ``digits`` decimals (5 tell apart
    changes of a few pages; the README's tables quote 3)."""
    head = "| system | shP | shR | shF1 | wcxb word F1 | snippet F1 | title acc | docs/s |"
    lines = [f"#### {title}", "", head, "|" + "---|" * 8]
    notes = []
    for r in rows:
        sh = M.shingle_corpus(r.sh) if r.sh else None
        word = M.wcxb_corpus(r.word) if r.word else None
        snip = M.snippet_corpus(r.snip) if r.snip else None
        tacc = M.title_corpus(r.titles).accuracy if r.titles and r.gave_title else None
        rate = r.pages / r.seconds if r.seconds > 0 else float("inf")
        cells = [
            _f(sh.precision if sh else None, digits),
            _f(sh.recall if sh else None, digits),
            _f(sh.f1 if sh else None, digits),
            _f(word.f1 if word else None, digits),
            _f(snip.f1 if snip else None, digits),
            _f(tacc, digits),
            f"{rate:.1f}",
        ]
        lines.append(f"| {r.system} | " + " | ".join(cells) + " |")
        if r.errors:
            notes.append(f"- {r.system}: {r.errors}/{r.pages} pages raised (scored as empty); first: {r.first_error}")
    return "\n".join(lines + [""] + notes + ([""] if notes else []))


def _html_inputs(dataset: str, ids: set[str]) -> dict[str, str]:
    return {d.id: d.html or "" for d in iter_docs(dataset, with_html=True) if d.id in ids}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", default=DEFAULT_DATASETS)
    ap.add_argument("--converters", default=DEFAULT_CONVERTERS, help=f"of {', '.join(CONVERTERS)}")
    ap.add_argument("--systems", default=None, help=f"default {DEFAULT_SYSTEMS}; known: {', '.join(registered())}")
    ap.add_argument("--html-track", action="store_true", help="also run the HTML-input systems on the HTML")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each dataset")
    ap.add_argument("--jobs", type=int, default=MAX_WORKERS, help="worker processes (at most 2)")
    ap.add_argument("--out", type=Path, default=None, help="also write the tables to this markdown file")
    ap.add_argument("--digits", type=int, default=3, help="decimals of the scores (default 3)")
    args = ap.parse_args(argv)
    jobs = max(1, min(args.jobs, MAX_WORKERS))

    names = (args.systems or DEFAULT_SYSTEMS).split(",")
    if args.html_track and args.systems is None:
        names += [n for n, kind in registered().items() if kind == "html"]
    systems = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        try:
            systems.append(get_system(name))
        except SystemUnavailable as exc:
            print(f"WARNING: skipping system {name}: {exc}", file=sys.stderr)
    text_systems = [s.name for s in systems if s.kind in ("text", "text-url")]
    html_systems = [s.name for s in systems if s.kind == "html"]
    if html_systems and not args.html_track:
        print(f"WARNING: not run without --html-track (HTML input): {', '.join(html_systems)}", file=sys.stderr)

    out_parts: list[str] = []
    for dataset in args.datasets.split(","):
        docs = load_docs(dataset, limit=args.limit)
        ids = [d.id for d in docs]
        tracks = [c for c in args.converters.split(",") if c] if text_systems else []
        for conv in tracks:
            dumps = get_dumps(dataset, conv, ids, workers=jobs)
            rows = [run_system(n, docs, dumps, dataset, conv, jobs) for n in text_systems]
            part = table(f"{dataset} × {conv} ({len(docs)} pages)", rows, args.digits)
            print(part, flush=True)
            out_parts.append(part)
        if args.html_track and html_systems:
            htmls = _html_inputs(dataset, set(ids))
            rows = [run_system(n, docs, htmls, dataset, HTML_TRACK, jobs) for n in html_systems]
            part = table(f"{dataset} × HTML track ({len(docs)} pages)", rows, args.digits)
            print(part, flush=True)
            out_parts.append(part)
    if args.out:
        args.out.write_text("\n".join(out_parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
