"""HTML track development: cache trafilatura's extraction once, then score second-pass variants fast.

    python -m bench.html_dev cache   [--datasets ...]           # fill .cache/html/<dataset>.jsonl.gz (2 workers)
    python -m bench.html_dev compare [--datasets ...] [--modes none,rules,full]
    python -m bench.html_dev timing  [--datasets ...] [--limit N]   # interleaved per-page timing, 1 process
    python -m bench.html_dev dates   [--datasets ...] [--limit N]   # date: ours vs the previous path, always extensive
    python -m bench.html_dev sniff   [--datasets ...]           # --from auto's sniff: the pages, every cached dump

`compare` runs ``cleaner.pipeline.clean_extraction`` on the cached extractions with each
second-pass mode and prints one table per dataset (same metrics as ``bench.run``). The final
numbers and timings come from ``bench.run --html-track`` (trafilatura and cleaner_html in one run).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import sys
import time
from collections.abc import Sequence
from typing import Any

from bench.data import CACHE, load_docs
from bench.run import DEFAULT_DATASETS, Row, score_page, table

HTML_CACHE = CACHE / "html"
#: A sentence for langdetect's first call (any text it accepts).
LANGDETECT_WARM_UP = "The council approved the new budget on Monday after a long debate."


def _extract(job: tuple[str, str, str | None]) -> dict[str, Any]:
    from cleaner.html import extract

    doc_id, html, url = job
    t0 = time.perf_counter()
    ext = extract(html, url)
    return {"id": doc_id, "seconds": time.perf_counter() - t0, "ext": ext.as_dict()}


def cache(dataset: str, jobs: int = 2) -> None:
    HTML_CACHE.mkdir(parents=True, exist_ok=True)
    path = HTML_CACHE / f"{dataset}.jsonl.gz"
    docs = load_docs(dataset, with_html=True)
    todo = [(d.id, d.html or "", d.url) for d in docs]
    with mp.get_context("fork").Pool(jobs) as pool, gzip.open(path, "wt", encoding="utf-8") as out:
        for i, rec in enumerate(pool.imap(_extract, todo, chunksize=4), 1):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if i % 100 == 0:
                print(f"{dataset}: {i}/{len(todo)}", file=sys.stderr, flush=True)


def load_cache(dataset: str) -> dict[str, Any]:
    from cleaner.html_blocks import Extraction

    with gzip.open(HTML_CACHE / f"{dataset}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return {rec["id"]: Extraction.from_dict(rec["ext"]) for rec in map(json.loads, fh)}


def compare(dataset: str, modes: Sequence[str], digits: int = 3) -> str:
    from cleaner.pipeline import clean_extraction

    docs = load_docs(dataset)
    exts = load_cache(dataset)
    rows = []
    for mode in modes:
        row = Row(f"cleaner_html[{mode}]")
        for d in docs:
            t0 = time.perf_counter()
            try:
                doc = clean_extraction(exts[d.id], second_pass=mode)
                text, title = doc.text, doc.title
            except Exception as exc:  # scored as empty, like bench.run
                text, title = "", None
                row.errors += 1
                row.first_error = row.first_error or f"{type(exc).__name__}: {exc}"[:200]
            row.seconds += time.perf_counter() - t0
            row.pages += 1
            row.gave_title = True
            score_page(d, text, title, row)
        rows.append(row)
    return table(f"{dataset} × cached extraction ({len(docs)} pages)", rows, digits)


def timing(dataset: str, limit: int | None) -> str:
    """Per page, alternately, trafilatura_html, trafilatura.extract alone, ``cleaner.html.extract``
    (the HTML path: extraction and metadata) and cleaner_html (with the second pass), in one
    process: the ratio of summed times is fair under a changing load (bench.run times the systems
    one after the other)."""
    import trafilatura

    from bench.systems import get_system
    from cleaner import language
    from cleaner.html import extract

    anchor, ours = get_system("trafilatura_html").fn, get_system("cleaner_html").fn

    def extract_only(html: str) -> tuple[str, str | None]:
        return trafilatura.extract(html, include_comments=False, include_tables=True) or "", None

    fns = {
        "trafilatura_html": anchor,
        "trafilatura.extract": extract_only,
        "cleaner.html.extract": extract,
        "cleaner_html": ours,
    }
    docs = load_docs(dataset, with_html=True, limit=limit)
    for d in docs[:3]:  # warm up: imports, models, dateparser's and htmldate's first calls
        for fn in fns.values():
            fn(d.html or "")
    # and langdetect's profiles (about 0.5 s, read at its first call: on a page the function-word
    # shortcut cannot answer, which the three warm-up pages may not include)
    language.detect(LANGDETECT_WARM_UP)
    total = dict.fromkeys(fns, 0.0)
    for i, d in enumerate(docs):
        order = list(fns) if i % 2 == 0 else list(reversed(fns))
        for name in order:
            t0 = time.perf_counter()
            fns[name](d.html or "")
            total[name] += time.perf_counter() - t0
    base = total["trafilatura.extract"]
    cells = ", ".join(f"{n} {1000 * t / len(docs):.0f} ms ({t / base:.2f}x)" for n, t in total.items())
    return f"{dataset} ({len(docs)} pages), mean per page (× trafilatura.extract): {cells}"


def dates(dataset: str, limit: int | None) -> str:
    """``cleaner.html.extract``'s date (htmldate's fast search, the extensive one only when it
    finds nothing, both on the tree :mod:`cleaner.html_metadata` reads) against the previous
    path (trafilatura's metadata inside its extraction, fast search, then the extensive one on
    a new parse) and against trafilatura's extraction with the extensive search always on: the
    same date? and the time of each and of ``trafilatura.extract``, interleaved page by page in
    one process."""
    import trafilatura
    from htmldate import find_date
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    from cleaner.html import extract

    def with_metadata(html: str, extensive: bool) -> Any:
        return trafilatura.bare_extraction(
            load_html(html), include_comments=False, include_tables=True, with_metadata=True,
            date_extraction_params=set_date_params(extensive=extensive),
        )  # fmt: skip

    def previous(html: str) -> str | None:
        found = with_metadata(html, False)
        if found is None:
            return None
        return found.date or find_date(load_html(html), **set_date_params(extensive=True), url=found.url)

    def always_extensive(html: str) -> str | None:
        found = with_metadata(html, True)
        return None if found is None else found.date

    fns = {
        "previous path": previous,
        "extensive always": always_extensive,
        "cleaner.html.extract": lambda html: extract(html).date,
        "trafilatura.extract": lambda html: trafilatura.extract(html, include_comments=False, include_tables=True),
    }
    docs = load_docs(dataset, with_html=True, limit=limit)
    for d in docs[:3]:  # warm up: imports, dateparser's and htmldate's first calls
        for fn in fns.values():
            fn(d.html or "")
    total = dict.fromkeys(fns, 0.0)
    same_previous = same_extensive = 0
    for i, d in enumerate(docs):
        got = {}
        for name in list(fns) if i % 2 == 0 else list(reversed(fns)):
            t0 = time.perf_counter()
            got[name] = fns[name](d.html or "")
            total[name] += time.perf_counter() - t0
        same_previous += got["previous path"] == got["cleaner.html.extract"]
        same_extensive += got["extensive always"] == got["cleaner.html.extract"]
    base = total["trafilatura.extract"]
    cells = ", ".join(f"{n} {t / base:.2f}x" for n, t in total.items())
    return (
        f"{dataset} ({len(docs)} pages): same date as the previous path {same_previous}/{len(docs)}, "
        f"as the extensive search always {same_extensive}/{len(docs)}; time vs trafilatura.extract: {cells}"
    )


def sniff(dataset: str) -> str:
    """How ``--from auto`` reads the pages that open like HTML, and the text
    dumps of them (every converter cached in ``bench/.cache/dumps``) that do:
    their markup line shares (``cleaner.html_decoding.MARKUP_MIN_LINE_SHARE``)."""
    from bench.converters import CONVERTERS, dump_path
    from cleaner.html_decoding import looks_like_html, markup_line_share, opens_like_html

    pages = [doc.html or "" for doc in load_docs(dataset, with_html=True)]
    shares = sorted(markup_line_share(html) for html in pages if opens_like_html(html))
    html = sum(map(looks_like_html, pages))
    out = [
        f"{dataset}: {len(shares)} of {len(pages)} pages open like HTML, markup line share min {shares[0]:.3f}, "
        f"median {shares[len(shares) // 2]:.3f}; {html} read as HTML"
    ]
    for converter in CONVERTERS:
        path = dump_path(dataset, converter)
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            texts = [rec["text"] for rec in map(json.loads, fh)]
        opening = [(markup_line_share(text), looks_like_html(text)) for text in texts if opens_like_html(text)]
        if opening:
            cells = ", ".join(f"{share:.3f}{' (HTML)' if read else ''}" for share, read in sorted(opening))
            out.append(f"  {converter} dumps opening like HTML: {cells}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.html_dev")
    ap.add_argument("what", choices=("cache", "compare", "timing", "dates", "sniff"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--datasets", default=DEFAULT_DATASETS)
    ap.add_argument("--modes", default="none,rules,full")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--digits", type=int, default=3, help="decimals of compare's scores (default 3)")
    args = ap.parse_args(argv)
    for dataset in args.datasets.split(","):
        if args.what == "cache":
            cache(dataset, max(1, min(args.jobs, 2)))
        elif args.what == "timing":
            print(timing(dataset, args.limit), flush=True)
        elif args.what == "dates":
            print(dates(dataset, args.limit), flush=True)
        elif args.what == "sniff":
            print(sniff(dataset), flush=True)
        else:
            print(compare(dataset, args.modes.split(","), args.digits), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
