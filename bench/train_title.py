"""Train the headline models (``cleaner/data/title_model.json`` and ``title_url_model.json``).

    python -m bench.train_title [--write]

For every page of the training datasets with a ground-truth title (and every
converter), the packaged line model analyses the dump; the candidate lines
and line parts around the article start (see ``cleaner/headline.py``) are
labelled 1 when they match the ground-truth title under the benchmark's
title rule. A linear model over the candidates' features (the continuous ones
also binned, :data:`~cleaner.headline.TITLE_BINNED`) is fitted with
folds by site, as a softmax over each page's candidates (conditional logit:
only the ranking within a page matters, and a page with two right answers,
a line and its part, counts once), then calibrated by a one-feature logistic
regression so that its scores read as probabilities for the
``min_probability`` bar. Boosted trees over the candidates' features, also
taken against the page's other candidates (:func:`cleaner.headline.forest_rows`),
add their score to the linear log-odds when ranking; they are fitted on what
the linear model leaves, with the same softmax loss over each page's
candidates (:func:`fit_trees`). The out-of-fold accuracy of "pick the best
candidate" is printed, with and without the trees, as is the share of
pages whose title is among the candidates at all (the ceiling). The second model is fitted the same way on
the pages whose URL has words in its path, with the URL features added
(:data:`~cleaner.headline.URL_FEATURES`); it ranks a record that has such a URL.
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
from scipy.optimize import minimize
from sklearn.ensemble._hist_gradient_boosting.binning import _BinMapper
from sklearn.ensemble._hist_gradient_boosting.grower import TreeGrower
from sklearn.linear_model import LogisticRegression

from bench.data import CACHE
from bench.metrics import title_match
from bench.train import (
    CONVERTERS,
    FOREST_SLOT,
    bin_edges,
    bins_payload,
    check_inference,
    checked_forest,
    expand,
    fold_of,
    forest_scores,
    host,
    logistic,
    model_text,
    split_bins,
    tree_nodes,
)
from cleaner import language
from cleaner.classifying import analyse, title_candidates
from cleaner.forest import Forest
from cleaner.headline import (
    TITLE_BINNED,
    TITLE_FEATURES,
    URL_BINNED,
    URL_FEATURES,
    forest_rows,
    url_rows,
    url_words,
)
from cleaner.lexicon import default_lexicon
from cleaner.model import default_model
from cleaner.segmenting import segment

TITLE_DATASETS = ("wcxb-dev", "readability-mozilla", "trafilatura-eval", "newspaper4k-fixtures")
MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "title_model.json"
URL_MODEL_PATH = MODEL_PATH.with_name("title_url_model.json")
#: Below this probability no candidate is taken as the headline. The scores
#: are calibrated on ~30 candidates per page with one or two positives, so
#: they run low. With the models trained beside the boosted line model, the
#: best candidate of a page with no headline scores .0003 (seed 000's first
#: paragraph) and .0005 (fixture clean-paragraphs-only), the headlines of
#: the short fixture articles .016-.018 and of the seeds .06-.26; but a
#: sentence above an article, with no headline, scores .006-.018 depending
#: on its line probability, and a short headline above a one-sentence
#: article .008. Lowering the bar to .002 would take such sentences as
#: headlines (and drop them from the body), so it stays at .01: a tiny
#: article keeps its headline as a heading in the body instead. Benchmark
#: accuracy cannot tell the bar apart (a missing title and a wrong one are
#: both misses).
MIN_PROBABILITY = 0.01
#: Inverse L2 strength of the softmax fit (on standardised features). Out of
#: fold on the training datasets 0.1, 1 and 10 give the same mean accuracy
#: to 0.1 point; 1 is the middle.
C = 1.0
#: The boosted trees whose scores add to the linear ranking: TREE_ROUNDS
#: trees of TREE_SHAPE, each a Newton step (scaled by TREE_RATE) of the page
#: softmax loss, starting from the linear model's scores (:func:`fit_trees`).
#: Out of fold by site (this script, inscriptis / html2text / plain), the
#: mean of the text model's nine cells (wcxb-dev, readability-mozilla,
#: trafilatura-eval): linear alone .5687; with trees fitted on each candidate
#: alone (headline or not, as the line model's: 200 rounds of depth 4, the
#: trainer until the twenty-fifth session) .5798. With these, leaves of at
#: least 20 candidates and L2 1: 50 / 100 / 200 rounds of depth 4 .5898 /
#: .5932 / .5907, 100 rounds of depth 3 / 5 .5893 / .5882; 100 rounds of
#: depth 4 with leaves of 50 / 100 / 200 and L2 5 / 10 / 20 .5961 / .5967 /
#: .5944. The URL model's six cells: 100 rounds, leaves 20 and L2 1 .7505
#: (200 rounds .7512), leaves 100 and L2 10 .7527 (the old trees .7445).
TREE_ROUNDS = 100
TREE_RATE = 0.1
TREE_SHAPE = {"max_depth": 4, "min_samples_leaf": 100, "l2_regularization": 10.0}
#: Floor of a candidate's hessian p(1 - p): a candidate the scores have
#: all but ruled out (or in) still weighs a little, and its step stays finite.
MIN_HESSIAN = 1e-6


Page = tuple[str, str, np.ndarray, np.ndarray]


def page_candidates(record: dict[str, Any]) -> tuple[list[list[float]], list[int], list[list[float]] | None]:
    """A page's candidate rows, their labels and their URL features (None
    when the page's URL says nothing, see :func:`cleaner.headline.url_words`)."""
    lines = segment("\n".join(record["lines"]))
    if not lines:
        return [], [], None
    lang, _ = language.document_language([line.text for line in lines])
    stops, lexicon = language.stopwords(lang), default_lexicon()
    a = analyse(lines, stops, lexicon, default_model())
    chosen, rows = title_candidates(lines, a, stops, lexicon)
    words = url_words(record.get("url"))
    extra = url_rows(chosen, words) if words is not None else None
    return rows, [int(title_match(text, record["title"])) for _, text in chosen], extra


def load(datasets: Sequence[str], converters: Sequence[str]) -> tuple[list[Page], list[Page]]:
    """Every page (text features) and the pages with a telling URL (text and URL features)."""
    pages, url_pages = [], []
    for dataset in datasets:
        for converter in converters:
            path = CACHE / "lines" / f"{dataset}.{converter}.jsonl.gz"
            if not path.exists():
                print(f"  skipping {path.name} (make it with python -m bench.make_lines)", file=sys.stderr)
                continue
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                records = [r for r in map(json.loads, fh) if r.get("title")]
            with Pool(2) as pool:
                for record, (rows, labels, extra) in zip(records, pool.imap(page_candidates, records, chunksize=8),
                                                         strict=True):  # fmt: skip
                    source, site = f"{dataset}.{converter}", host(record["url"])
                    pages.append((source, site, np.array(rows), np.array(labels)))
                    if extra is not None and rows:
                        url_pages.append((source, site, np.hstack([rows, extra]), np.array(labels)))
            print(f"  {dataset}.{converter}: {len(records)} pages", file=sys.stderr)
    return pages, url_pages


def fit(pages: Sequence[Page], c: float = C) -> list[float]:
    """Softmax weights over each page's candidates (pages with a right one),
    then scaled and shifted by a logistic fit of the labels on the scores."""
    groups = [(rows, labels) for _, _, rows, labels in pages if labels.any()]
    x = np.concatenate([rows for rows, _ in groups])
    y = np.concatenate([labels for _, labels in groups]).astype(float)
    page = np.concatenate([np.full(len(labels), k) for k, (_, labels) in enumerate(groups)])
    mean, std = x.mean(axis=0), x.std(axis=0)
    mean[0], std[0] = 0.0, 1.0
    std[std == 0] = 1.0
    z = (x - mean) / std

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p, right = page_softmax(z @ w, y, page, len(groups))
        grad_s = p - p * y / right[page]
        grad = z.T @ grad_s + np.r_[0.0, w[1:]] / c
        return float(-np.log(right).sum() + 0.5 * np.dot(w[1:], w[1:]) / c), grad

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x
    coef = w / std
    coef[0] = w[0] - float(np.dot(coef[1:], mean[1:]))
    every = [(rows, labels) for _, _, rows, labels in pages if len(labels)]
    scores = np.concatenate([rows @ coef for rows, _ in every]).reshape(-1, 1)
    platt = LogisticRegression(C=1e6, max_iter=1000).fit(scores, np.concatenate([labels for _, labels in every]))
    coef *= platt.coef_[0][0]
    coef[0] += platt.intercept_[0]
    return [float(v) for v in coef]


def tree_matrix(rows: np.ndarray, columns: Sequence[int]) -> np.ndarray:
    """A page's candidate rows (unbinned) as the trees read them (:func:`cleaner.headline.forest_rows`)."""
    return np.array(forest_rows(rows.tolist(), columns))


def fit_trees(pages: Sequence[Page], expanded: Sequence[Page], weights: Sequence[float],
              columns: Sequence[int]) -> Forest:  # fmt: skip
    """Boosted trees on the candidates' unbinned rows (``pages``) of the pages
    with a right candidate, fitted on the page softmax loss of the linear
    scores (``weights`` over the ``expanded`` rows) plus theirs: each round
    grows one tree on the loss's gradient and hessian and adds its Newton
    step, scaled by :data:`TREE_RATE`. The trees are grown with
    scikit-learn's histogram tree grower (private, as its boosting loop
    takes no page-wise loss; :func:`bench.train.checked_forest` checks the
    trees read back against the scores it grew)."""
    kept = [k for k, (_, _, rows, labels) in enumerate(pages) if len(rows) and labels.any()]
    x = np.concatenate([tree_matrix(pages[k][2], columns) for k in kept])
    y = np.concatenate([pages[k][3] for k in kept]).astype(float)
    page = np.concatenate([np.full(len(pages[k][3]), n) for n, k in enumerate(kept)])
    linear = np.concatenate([expanded[k][2] @ np.asarray(weights) for k in kept])
    mapper = _BinMapper(random_state=0).fit(x)
    binned = np.asfortranarray(mapper.transform(x))
    scores = linear.copy()
    trees = []
    for _ in range(TREE_ROUNDS):
        p, right = page_softmax(scores, y, page, len(kept))
        gradient = (p - p * y / right[page]).astype(np.float32)
        hessian = np.maximum(p * (1 - p), MIN_HESSIAN).astype(np.float32)
        grower = TreeGrower(binned, gradient, hessian, n_bins=mapper.n_bins,
                            n_bins_non_missing=mapper.n_bins_non_missing_, shrinkage=TREE_RATE,
                            **TREE_SHAPE)  # type: ignore[arg-type]  # fmt: skip
        grower.grow()
        for leaf in grower.finalized_leaves:
            scores[leaf.sample_indices] += leaf.value
        trees.append(tree_nodes(grower.make_predictor(binning_thresholds=mapper.bin_thresholds_)))
    return checked_forest({"base": 0.0, "trees": trees}, x, scores - linear)


def page_softmax(scores: np.ndarray, y: np.ndarray, page: np.ndarray, pages: int) -> tuple[np.ndarray, np.ndarray]:
    """Each candidate's softmax probability over its page (``page``: the
    page number of each row) and each page's probability of its right
    candidates (``y`` 1)."""
    top = np.full(pages, -np.inf)
    np.maximum.at(top, page, scores)
    e = np.exp(scores - top[page])
    total = np.zeros(pages)
    np.add.at(total, page, e)
    p = e / total[page]
    right = np.zeros(pages)
    np.add.at(right, page, p * y)
    return p, right


def accuracy(pages: Sequence[Page], weights: Sequence[float] | None, fold: int | None = None, folds: int = 5,
             trees: tuple[Forest, Sequence[Page], Sequence[int]] | None = None) -> dict[str, float]:  # fmt: skip
    """The share of pages, by source, whose best candidate is right and
    likely enough; ``weights`` None: whose candidates hold a right one.
    ``trees``: the forest, the pages' unbinned rows and the binned columns;
    its scores add to the linear log-odds in the ranking, as in
    :meth:`cleaner.headline.TitleModel.choose`."""
    hits: dict[str, list[int]] = {}
    for k, (source, site, rows, labels) in enumerate(pages):
        if fold is not None and fold_of(site, folds) != fold:
            continue
        if weights is None:
            hit = int(labels.any()) if len(labels) else 0
        elif len(rows):
            sums = rows @ np.asarray(weights)
            scores = sums
            if trees is not None:
                forest, raw, columns = trees
                scores = sums + forest_scores(forest, tree_matrix(raw[k][2], columns))
            best = int(np.argmax(scores))
            hit = int(logistic(sums[best]) >= MIN_PROBABILITY and labels[best] == 1)
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
    pages, url_pages = load(args.datasets.split(","), args.converters.split(","))
    for name, group, uses_url, path in (
        ("text", pages, False, MODEL_PATH),
        ("text and URL", url_pages, True, URL_MODEL_PATH),
    ):
        print(f"== headline model of the {name} ({len(group)} pages)")
        train(group, uses_url, args.folds, path if args.write else None)
    return 0


def train(pages: list[Page], uses_url: bool, folds: int, path: Path | None) -> None:
    """Print the ceiling and the out-of-fold accuracy (linear, and linear
    with the trees); write the model, trees included, to ``path`` if given."""
    names = TITLE_FEATURES + URL_FEATURES if uses_url else TITLE_FEATURES
    binned = TITLE_BINNED + URL_BINNED if uses_url else TITLE_BINNED
    columns = [names.index(name) for name in binned]
    x = np.concatenate([rows for _, _, rows, _ in pages if len(rows)])
    edges = bin_edges(x, np.concatenate([labels for _, _, rows, labels in pages if len(rows)]), names, binned)
    expanded = [
        (source, site, expand(rows, edges, names, binned) if len(rows) else rows, labels)
        for source, site, rows, labels in pages
    ]
    print("ceiling (title among candidates):", json.dumps(accuracy(expanded, None), indent=1))
    oof: dict[str, dict[str, list[float]]] = {"linear": {}, "linear and trees": {}}
    for k in range(folds):
        weights = fit([p for p in expanded if fold_of(p[1], folds) != k])
        rest = [n for n, page in enumerate(pages) if fold_of(page[1], folds) != k]
        forest = fit_trees([pages[n] for n in rest], [expanded[n] for n in rest], weights, columns)
        for name, trees in (("linear", None), ("linear and trees", (forest, pages, columns))):
            for source, value in accuracy(expanded, weights, k, folds, trees).items():
                oof[name].setdefault(source, []).append(value)
    for name, values in oof.items():
        means = {s: round(float(np.mean(v)), 3) for s, v in values.items()}
        print(f"out-of-fold accuracy, {name} (mean over folds):", json.dumps(means, indent=1))
    if path is None:
        return
    weights = fit(expanded)
    check_inference(weights, edges, np.concatenate([rows for _, _, rows, _ in expanded if len(rows)]), names, binned)
    linear, per_feature = split_bins(weights, edges, names)
    payload: dict[str, Any] = {
        "about": "Headline model of cleaner, made by `python -m bench.train_title --write` (see bench/train_title.py).",
        "features": list(names),
        "weights": [round(v, 6) for v in linear],
        "bins": bins_payload(binned, edges, per_feature),
        "min_probability": MIN_PROBABILITY,
        "forest": FOREST_SLOT,
    }
    path.write_text(model_text(payload, fit_trees(pages, expanded, weights, columns)), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
