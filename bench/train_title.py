"""Train the headline model (``cleaner/data/title_model.json``).

    python -m bench.train_title [--write]

For every page of the training datasets with a ground-truth title (and every
converter), the packaged line model analyses the dump; the candidate lines
before the article (see ``cleaner/headline.py``) are labelled 1 when they
match the ground-truth title under the benchmark's title rule. A logistic
regression over the candidates' features is fitted with folds by site; the
out-of-fold accuracy of "pick the best candidate" is printed, as is the
share of pages whose title is among the candidates at all (the ceiling).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

from bench.data import CACHE
from bench.metrics import title_match
from bench.train import CONVERTERS, fit, fold_of, host, predict
from cleaner import language
from cleaner.classifying import analyse, title_candidates
from cleaner.headline import TITLE_FEATURES
from cleaner.lexicon import default_lexicon
from cleaner.model import default_model
from cleaner.segmenting import segment

TITLE_DATASETS = ("wcxb-dev", "readability-mozilla", "trafilatura-eval", "newspaper4k-fixtures")
MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "title_model.json"
#: Below this probability no candidate is taken as the headline. The model is
#: fitted pointwise on ~20 candidates per page with one positive, so its
#: scores run low: true headlines of the seeds score 0.3-0.6, the best
#: candidate of a page with no headline (seed 000's first paragraph) 0.0005,
#: a short three-line article's headline 0.017. Benchmark accuracy cannot
#: tell the bar apart (a missing title and a wrong one are both misses).
MIN_PROBABILITY = 0.01


def page_candidates(record: dict[str, Any]) -> tuple[list[list[float]], list[int]]:
    lines = segment("\n".join(record["lines"]))
    if not lines:
        return [], []
    lang, _ = language.document_language([line.text for line in lines])
    a = analyse(lines, language.stopwords(lang), default_lexicon(), default_model())
    chosen, rows = title_candidates(lines, a)
    return rows, [int(title_match(lines[i].text, record["title"])) for i in chosen]


def load(datasets: Sequence[str], converters: Sequence[str]) -> list[tuple[str, str, np.ndarray, np.ndarray]]:
    pages = []
    for dataset in datasets:
        for converter in converters:
            path = CACHE / "lines" / f"{dataset}.{converter}.jsonl.gz"
            if not path.exists():
                print(f"  skipping {path.name} (make it with python -m bench.make_lines)", file=sys.stderr)
                continue
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                records = [r for r in map(json.loads, fh) if r.get("title")]
            with Pool(2) as pool:
                for record, (rows, labels) in zip(records, pool.imap(page_candidates, records, chunksize=8),
                                                  strict=True):  # fmt: skip
                    pages.append((f"{dataset}.{converter}", host(record["url"]), np.array(rows), np.array(labels)))
            print(f"  {dataset}.{converter}: {len(records)} pages", file=sys.stderr)
    return pages


def accuracy(pages: Sequence[tuple[str, str, np.ndarray, np.ndarray]], weights: Sequence[float] | None,
             fold: int | None = None, folds: int = 5) -> dict[str, float]:  # fmt: skip
    hits: dict[str, list[int]] = {}
    for source, site, rows, labels in pages:
        if fold is not None and fold_of(site, folds) != fold:
            continue
        if weights is None:
            hit = int(labels.any()) if len(labels) else 0
        elif len(rows):
            scores = predict(weights, rows)
            best = int(np.argmax(scores))
            hit = int(scores[best] >= MIN_PROBABILITY and labels[best] == 1)
        else:
            hit = 0
        hits.setdefault(source, []).append(hit)
    return {source: float(np.mean(h)) for source, h in hits.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=",".join(TITLE_DATASETS))
    parser.add_argument("--converters", default=",".join(CONVERTERS))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    pages = load(args.datasets.split(","), args.converters.split(","))
    print("ceiling (title among candidates):", json.dumps(accuracy(pages, None), indent=1))
    oof: dict[str, list[float]] = {}
    for k in range(args.folds):
        train = [p for p in pages if fold_of(p[1], args.folds) != k and len(p[3])]
        weights = fit(np.concatenate([p[2] for p in train]), np.concatenate([p[3] for p in train]),
                      np.ones(sum(len(p[3]) for p in train)))  # fmt: skip
        for source, value in accuracy(pages, weights, fold=k, folds=args.folds).items():
            oof.setdefault(source, []).append(value)
    print(
        "out-of-fold accuracy (mean over folds):",
        json.dumps({s: round(float(np.mean(v)), 3) for s, v in oof.items()}, indent=1),
    )
    if args.write:
        usable = [p for p in pages if len(p[3])]
        weights = fit(np.concatenate([p[2] for p in usable]), np.concatenate([p[3] for p in usable]),
                      np.ones(sum(len(p[3]) for p in usable)))  # fmt: skip
        payload = {
            "about": "Headline model of cleaner, made by `python -m bench.train_title --write` "
            "(see bench/train_title.py).",
            "features": list(TITLE_FEATURES),
            "weights": [round(v, 6) for v in weights],
            "min_probability": MIN_PROBABILITY,
        }
        MODEL_PATH.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
