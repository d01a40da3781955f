"""Furniture put inside articles: how much of the article survives it.

    python -m bench.inject                                    # scrapinghub-aeb and wcxb-dev articles, inscriptis
    python -m bench.inject --datasets scrapinghub-aeb --converters lynx --kinds read-more,headline

Real pages put furniture between an article's paragraphs: inline teasers
("Read more: …"), advertisement slots, share bars, newsletter boxes, a
related story's bare headline. The dev pages hold some; this puts more
there, on purpose. For each page of a line-labelled dump (``python -m
bench.make_lines``) with at least ``MIN_PARAGRAPHS`` paragraphs (lines the
ground truth holds, of ``PARAGRAPH_MIN_WORDS`` words or more), one line of a
kind (:data:`KINDS`) goes after its 2nd and after its 5th paragraph, each
in a paragraph of its own; a ``{title}`` is another wcxb-dev article's
title, drawn with a seed per page. The table gives shingle precision,
recall and F1 against the page's ground-truth body (the injected lines are
in no reference, so keeping them costs precision and dropping the article
around them costs recall), the pages as they are first.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import zlib
from collections.abc import Sequence
from multiprocessing import Pool

from bench.data import CACHE, file_dataset, load_docs
from bench.metrics import ShinglePage, shingle_corpus, shingle_page
from cleaner import clean

#: What is put in, by kind.
KINDS = {
    "read-more": "Read more: {title}",
    "related": "RELATED: {title}",
    "headline": "{title}",
    "advertisement": "Advertisement",
    "share": "Share this article",
    "newsletter": "Sign up for our daily newsletter",
    "caption": "{title} (Photo: Reuters)",
}
#: A page takes part when it has this many paragraphs (furniture goes after the 2nd and the 5th).
MIN_PARAGRAPHS = 6
PARAGRAPH_MIN_WORDS = 12
AFTER_PARAGRAPHS = (1, 4)


def _titles() -> list[str]:
    return sorted({d.title for d in load_docs("wcxb-dev-article") if d.title and 4 <= len(d.title.split()) <= 14})


def injected(page_id: str, lines: Sequence[str], labels: Sequence[int | None], template: str,
             titles: Sequence[str]) -> list[str] | None:  # fmt: skip
    """The page's lines with a line of ``template`` after its 2nd and 5th paragraphs, or None."""
    paragraphs = [i for i, (t, y) in enumerate(zip(lines, labels, strict=True))
                  if y == 1 and len(t.split()) >= PARAGRAPH_MIN_WORDS]  # fmt: skip
    if len(paragraphs) < MIN_PARAGRAPHS:
        return None
    rng = random.Random(zlib.crc32(page_id.encode()))
    after = {paragraphs[k] for k in AFTER_PARAGRAPHS}
    out: list[str] = []
    for i, text in enumerate(lines):
        out.append(text)
        if i in after:
            out += ["", template.format(title=rng.choice(titles))]
    return out


def _score(task: tuple[list[str], str]) -> ShinglePage:
    lines, body = task
    return shingle_page(body, clean("\n".join(lines)).text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default="scrapinghub-aeb,wcxb-dev-article")
    parser.add_argument("--converters", default="inscriptis")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    titles = _titles()
    kinds = args.kinds.split(",")
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        parser.error(f"unknown kinds {unknown}; known: {', '.join(KINDS)}")
    with Pool(args.jobs) as pool:
        for dataset in args.datasets.split(","):
            bodies = {d.id: d.body for d in load_docs(dataset) if d.body}
            for converter in args.converters.split(","):
                path = CACHE / "lines" / f"{file_dataset(dataset)}.{converter}.jsonl.gz"
                with gzip.open(path, "rt", encoding="utf-8") as fh:
                    records = [r for r in map(json.loads, fh) if r["id"] in bodies]
                print(f"\n#### {dataset} × {converter}\n")
                print("| furniture put in | pages | shP | shR | shF1 |\n|---|---|---|---|---|")
                for kind in ["(none)", *kinds]:
                    template = KINDS.get(kind)
                    tasks = []
                    for r in records:
                        probe = injected(r["id"], r["lines"], r["labels"], template or "", titles)
                        if probe is not None:  # the same pages in every row
                            tasks.append((probe if template else r["lines"], bodies[r["id"]]))
                    score = shingle_corpus(pool.map(_score, tasks, chunksize=8))
                    row = f"| {kind} | {score.pages} | {score.precision:.4f} | {score.recall:.4f} | {score.f1:.4f} |"
                    print(row, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
