"""Train the line model (``cleaner/data/line_model.json``) on the dev benchmarks.

    python -m bench.make_lines                       # line labels from the ground truth (cached)
    python -m bench.train [--folds 5] [--write]      # cross-validate, then fit on all and write

Data: ``bench/.cache/lines/<dataset>.<converter>.jsonl.gz`` for the datasets in
``TRAIN_DATASETS`` and every converter in ``CONVERTERS`` (inscriptis,
html2text, and the bullet-free ``plain`` converter), so no single converter's
formatting is learned as a signal. Line labels come from ``bench/align.py``
(shingle overlap with the human ground truth); trafilatura-eval contributes
only the lines that hold an annotated snippet.

Cross-validation is grouped by site (URL host), so a fold never sees pages of
a site it is scored on; the out-of-fold numbers are the honest ones and are
printed first. Each line weighs ``sqrt(tokens)``: long lines matter more to
the shingle metrics, but a menu of a hundred one-word lines still counts.
The logistic regression is fitted on standardized features; the scaling is
folded into the weights so inference needs no scaler. The boosted trees
(:data:`FOREST`) are fitted on the same rows and written node by node; the
compiled trees are checked against scikit-learn's scores before use.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import zlib
from collections.abc import Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from bench.converters import TRAINING_CONVERTERS
from bench.data import CACHE, load_docs
from cleaner import language
from cleaner.features import line_features
from cleaner.forest import Forest, parse_forest
from cleaner.lexicon import default_lexicon
from cleaner.model import BINNED, FEATURE_NAMES, Bins, binned_linear, featurize, stage2_names, stage2_rows
from cleaner.scoring import is_prose
from cleaner.segmenting import segment, split_lines

#: Label of a line the ground truth says nothing about (trafilatura-eval lines
#: without a snippet): kept for the context of its neighbours, not fitted.
UNLABELLED = -1
#: Pseudo-dataset: the ground-truth bodies of scrapinghub and wcxb articles as
#: documents of their own, every line content. Without it the model has only
#: seen articles inside full pages and drops short clean articles whole.
CLEAN_BODIES = "clean-bodies"
TRAIN_DATASETS = ("scrapinghub-aeb", "wcxb-dev", "trafilatura-eval", CLEAN_BODIES)
CONVERTERS = TRAINING_CONVERTERS
MODEL_PATH = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "line_model.json"
FEATURES = CACHE / "features"
#: Inverse regularization strength; chosen by the grouped cross-validation
#: (0.1 to 10 differ by < 0.002 in out-of-fold log loss).
C = 1.0
#: Viterbi switch probability and start prior written with the model. The
#: stacked model already sees its neighbourhood, so the decoder only needs to
#: smooth lightly: on scrapinghub / trafilatura-eval (inscriptis, first 300
#: pages) shingle / snippet F1 went 0.859 / 0.808 at switch 0.1, 0.878 / 0.834
#: at 0.3, 0.886 / 0.842 at 0.45 (start 0.5).
SWITCH = 0.45
START_CONTENT = 0.5
#: Quantile bins of each BINNED feature (edges at the 1/BINS … (BINS-1)/BINS
#: quantiles of the labelled lines, moved to the midpoint between the two
#: distinct values around them, so no training value sits on an edge).
#: Out-of-fold, stacked, weighted content F1 of lines (``python -m
#: bench.train``; linear only → 8 bins): scrapinghub .852 → .872
#: (inscriptis), .846 → .866 (html2text), .851 → .870 (plain); wcxb-dev .808
#: → .815, .795 → .804, .798 → .807; trafilatura-eval snippets .887 → .886,
#: .886 → .881, .880 → .882.
BINS = 8
#: The boosted trees of the first stage (scikit-learn's histogram gradient
#: boosting on the rows before binning), fitted beside the logistic
#: regression; the second stage weighs both models' probabilities. Out of
#: fold (``python -m bench.tune --switch 0.45 --start 0.5``, inscriptis /
#: plain), linear alone → stacked with the trees: scrapinghub .916 / .914 →
#: .925 / .921, wcxb-dev articles .926 / .924 → .926 / .925,
#: trafilatura-eval snippets .877 / .873 → .878 / .874, titles wcxb-dev .754
#: / .729 → .759 / .726, trafilatura-eval .675 / .639 → .683 / .650. The
#: trees alone did as well on scrapinghub but lost on trafilatura-eval (.872
#: / .871); averaging the two probabilities gained half as much on
#: scrapinghub (.920 / .917); 100 trees of depth 6, and 100 of depth 4 at
#: learning rate .2 (scrapinghub .917 / .912), were worse than 200 of depth
#: 4. With the features rebuilt on the current lexicon the stacked model
#: scores .926 / .919, .927 / .926 and .876 / .873 out of fold. Compiled, the
#: 200 trees cost about 8 µs a line, about twice the binned linear model.
FOREST = {"max_iter": 200, "max_depth": 4, "learning_rate": 0.1, "min_samples_leaf": 20, "l2_regularization": 1.0}


def page_matrix(record: dict[str, Any]) -> tuple[list[list[float]], list[int | None], list[int]]:
    """Feature rows, labels (None: unlabelled) and token counts of one page's lines."""
    lines = segment("\n".join(record["lines"]))
    lang, _ = language.document_language([line.text for line in lines])
    stops = language.stopwords(lang)
    lexicon = default_lexicon()
    feats = [line_features(line.text, line.raw, stops, lexicon) for line in lines]
    prose = [is_prose(f, bool(stops)) for f in feats]
    rows = featurize(lines, feats, prose, bool(stops))
    labels = [record["labels"][line.number - 1] for line in lines]
    return rows, labels, [f.words for f in feats]


def host(url: str | None) -> str:
    """The site of a page: its URL's host without "www."."""
    return urlsplit(url or "").netloc.lower().removeprefix("www.") or "?"


def fold_of(site: str, folds: int) -> int:
    """Deterministic fold of a site: all pages of a site share a fold."""
    return zlib.crc32(site.encode("utf-8")) % folds


def read_lines(dataset: str, converter: str) -> list[dict[str, Any]]:
    with gzip.open(CACHE / "lines" / f"{dataset}.{converter}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def clean_body_records() -> list[dict[str, Any]]:
    records = []
    for name in ("scrapinghub-aeb", "wcxb-dev-article"):
        for doc in load_docs(name):
            lines = split_lines(doc.body or "")
            records.append({"url": doc.url, "lines": lines, "labels": [1 if x.strip() else None for x in lines]})
    return records


def build(dataset: str, converter: str) -> Path:
    """Cache one dataset × converter as a feature matrix."""
    if dataset == CLEAN_BODIES:
        converter = "none"
    out = FEATURES / f"{dataset}.{converter}.npz"
    if out.exists():
        return out
    records = clean_body_records() if dataset == CLEAN_BODIES else read_lines(dataset, converter)
    xs, ys, ws, pages, groups = [], [], [], [], []
    with Pool(2) as pool:
        for k, (rows, labels, words) in enumerate(pool.imap(page_matrix, records, chunksize=8)):
            for row, label, n in zip(rows, labels, words, strict=True):
                xs.append(row)
                ys.append(UNLABELLED if label is None else label)
                ws.append(math.sqrt(max(n, 1)))
                pages.append(k)
                groups.append(host(records[k]["url"]))
            if k % 200 == 0:
                print(f"  {dataset}.{converter}: {k}/{len(records)} pages", file=sys.stderr)
    FEATURES.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, x=np.array(xs, dtype=np.float32), y=np.array(ys, dtype=np.int8),
                        w=np.array(ws, dtype=np.float32), page=np.array(pages), group=np.array(groups))  # fmt: skip
    return out


def load(datasets: Sequence[str], converters: Sequence[str]) -> dict[str, np.ndarray]:
    """All labelled lines; ``seq`` numbers the pages (a page's lines are consecutive)."""
    parts: dict[str, list[np.ndarray]] = {"x": [], "y": [], "w": [], "group": [], "source": [], "seq": []}
    pages = 0
    for dataset in datasets:
        for converter in converters[:1] if dataset == CLEAN_BODIES else converters:
            data = np.load(build(dataset, converter))
            for key in ("x", "y", "w", "group"):
                parts[key].append(data[key])
            parts["source"].append(np.full(len(data["y"]), f"{dataset}.{converter}"))
            parts["seq"].append(data["page"] + pages)
            pages += int(data["page"].max()) + 1 if len(data["page"]) else 0
    return {key: np.concatenate(value) for key, value in parts.items()}


def bin_edges(x: np.ndarray, y: np.ndarray, names: Sequence[str] = FEATURE_NAMES,
              binned: Sequence[str] = BINNED) -> list[list[float]]:  # fmt: skip
    """Edges of each ``binned`` feature (of the columns ``names``): quantiles
    of the labelled rows, between two distinct values."""
    labelled = y != UNLABELLED
    edges = []
    for name in binned:
        column = x[labelled, names.index(name)]
        values = np.unique(column)
        cuts: list[float] = []
        for q in np.quantile(column, np.arange(1, BINS) / BINS):
            above = int(np.searchsorted(values, q, side="left"))
            if 0 < above < len(values):
                cut = float((float(values[above - 1]) + float(values[above])) / 2)
                if not cuts or cut > cuts[-1]:
                    cuts.append(cut)
        edges.append(cuts)
    return edges


def expand(x: np.ndarray, edges: Sequence[Sequence[float]], names: Sequence[str] = FEATURE_NAMES,
           binned: Sequence[str] = BINNED) -> np.ndarray:  # fmt: skip
    """The feature matrix with the thermometer columns of the ``binned`` features appended."""
    columns = [x]
    for name, cuts in zip(binned, edges, strict=True):
        values = x[:, names.index(name)]
        columns += [(values >= cut).astype(np.float32)[:, None] for cut in cuts]
    return np.hstack(columns)


def split_bins(weights: Sequence[float], edges: Sequence[Sequence[float]],
               names: Sequence[str] = FEATURE_NAMES) -> tuple[list[float], list[list[float]]]:  # fmt: skip
    """The linear weights and each binned feature's bin weights of an expanded fit."""
    linear, rest = list(weights[: len(names)]), list(weights[len(names) :])
    per_feature = []
    for cuts in edges:
        per_feature.append(rest[: len(cuts)])
        rest = rest[len(cuts) :]
    return linear, per_feature


def bins_of(weights: Sequence[float], edges: Sequence[Sequence[float]], names: Sequence[str] = FEATURE_NAMES,
            binned: Sequence[str] = BINNED) -> tuple[tuple[float, ...], tuple[Bins, ...]]:  # fmt: skip
    """The linear weights and the :class:`~cleaner.model.Bins` of an expanded fit, as the model applies them."""
    linear, per_feature = split_bins(weights, edges, names)
    bins = tuple(Bins.from_weights(n, e, w, names) for n, e, w in zip(binned, edges, per_feature, strict=True))
    return tuple(linear), bins


def bins_payload(binned: Sequence[str], edges: Sequence[Sequence[float]],
                 per_feature: Sequence[Sequence[float]]) -> dict[str, dict[str, list[float]]]:  # fmt: skip
    """The ``bins`` entry of a model file (see :func:`cleaner.model.parse_bins`)."""
    return {
        name: {"edges": list(cuts), "weights": [round(v, 6) for v in bin_weights]}
        for name, cuts, bin_weights in zip(binned, edges, per_feature, strict=True)
    }


#: Rows on which the plain-Python first stage is checked against numpy's before writing.
CHECK_ROWS = 20_000


def check_inference(weights: Sequence[float], edges: Sequence[Sequence[float]], x: np.ndarray,
                    names: Sequence[str] = FEATURE_NAMES, binned: Sequence[str] = BINNED) -> None:  # fmt: skip
    """Fail unless :func:`cleaner.model.binned_linear` (the line model's first
    stage, the headline model's scores) gives the trained probabilities (bins
    applied the same way, float32 training values included)."""
    linear, bins = bins_of(weights, edges, names, binned)
    rows = x[:: max(1, len(x) // CHECK_ROWS)]
    plain = np.array(binned_linear(linear, bins, [[float(v) for v in row[: len(names)]] for row in rows]))
    gap = float(np.max(np.abs(plain - predict(weights, rows))))
    if gap > 1e-4:
        raise SystemExit(f"first-stage inference differs from training by {gap:.2g}: bins are applied differently")


def stage2_matrix(prob: np.ndarray, seq: np.ndarray) -> np.ndarray:
    """Second-stage rows for every line, page by page."""
    bounds = np.flatnonzero(np.diff(seq)) + 1
    rows: list[list[float]] = []
    for idx in np.split(np.arange(len(prob)), bounds):
        rows += stage2_rows([float(v) for v in prob[idx]])
    return np.array(rows)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> list[float]:
    """Weights in FEATURE_NAMES order, scaling folded in (bias is feature 0); unlabelled rows are skipped."""
    keep = y != UNLABELLED
    x, y, w = x[keep], y[keep], w[keep]
    mean, std = x.mean(axis=0), x.std(axis=0)
    mean[0], std[0] = 0.0, 1.0
    std[std == 0] = 1.0
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit((x - mean) / std, y, sample_weight=w)
    coef = clf.coef_[0] / std
    coef[0] = clf.intercept_[0] + clf.coef_[0][0] - float(np.dot(coef[1:], mean[1:]))
    return [float(v) for v in coef]


def logistic(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


def predict(weights: Sequence[float], x: np.ndarray) -> np.ndarray:
    return logistic(x @ np.asarray(weights))


def fit_forest(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> Forest:
    """The first stage's trees (:data:`FOREST`) on the unbinned columns of
    ``x``, as the model file holds them; unlabelled rows are skipped."""
    keep = y != UNLABELLED
    raw = x[keep][:, : len(FEATURE_NAMES)]
    gb = HistGradientBoostingClassifier(**FOREST, early_stopping=False, random_state=0)  # type: ignore[arg-type]
    gb.fit(raw, y[keep], sample_weight=w[keep])
    return checked_forest(forest_payload(gb), raw, gb.decision_function(raw))


def checked_forest(payload: dict[str, Any], x: np.ndarray, scores: np.ndarray) -> Forest:
    """The trees of ``payload`` (a model file's ``forest`` entry), compiled
    and checked against ``scores``, scikit-learn's own scores of the rows
    ``x``, on a sample of them."""
    forest = parse_forest(payload, x.shape[1])
    step = max(1, len(x) // CHECK_ROWS)
    gap = float(np.max(np.abs(scores[::step] - forest_scores(forest, x[::step]))))
    if gap > 1e-3:
        raise SystemExit(f"the compiled forest differs from scikit-learn's by {gap:.2g}: trees are read wrongly")
    return forest


def forest_payload(gb: HistGradientBoostingClassifier) -> dict[str, Any]:
    """The ``forest`` entry of a model file (see :mod:`cleaner.forest`) of a
    fitted binary classifier: its baseline and each tree's nodes
    (:func:`tree_nodes`)."""
    trees = [tree_nodes(predictor) for (predictor,) in gb._predictors]
    return {"base": float(np.ravel(gb._baseline_prediction)[0]), "trees": trees}


def tree_nodes(predictor: Any) -> list[list[float]]:
    """A scikit-learn tree predictor's nodes as the model file holds them (a
    row goes left while its value is at most the threshold, as in
    scikit-learn). It reads the predictor's private layout;
    :func:`checked_forest` catches a change of it."""
    return [
        [round(float(node["value"]), 6)] if node["is_leaf"]
        else [int(node["feature_idx"]), float(node["num_threshold"]), int(node["left"]), int(node["right"])]
        for node in predictor.nodes
    ]  # fmt: skip


def forest_scores(forest: Forest, x: np.ndarray) -> np.ndarray:
    """The forest's score of each row of ``x``."""
    return np.array([forest.score([float(v) for v in row]) for row in x])


def first_stage(weights: Sequence[float], forest: Forest, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities of (expanded) rows under the linear model and under the forest."""
    return predict(weights, x), logistic(forest_scores(forest, x[:, : len(FEATURE_NAMES)]))


FirstStage = tuple[np.ndarray, np.ndarray]


def cross_validate(data: dict[str, np.ndarray], folds: int) -> tuple[FirstStage, list[tuple[list[float], Forest]]]:
    """Out-of-fold first-stage probabilities of both models (folds by site) and each fold's weights and forest."""
    fold = np.array([fold_of(site, folds) for site in data["group"]])
    oof = np.zeros(len(data["y"])), np.zeros(len(data["y"]))
    fold_models = []
    for k in range(folds):
        train, test = fold != k, fold == k
        weights = fit(data["x"][train], data["y"][train], data["w"][train])
        forest = fit_forest(data["x"][train], data["y"][train], data["w"][train])
        oof[0][test], oof[1][test] = first_stage(weights, forest, data["x"][test])
        fold_models.append((weights, forest))
        print(f"  fold {k + 1}/{folds} done", file=sys.stderr)
    return oof, fold_models


def fit_stage2(data: dict[str, np.ndarray], oof: FirstStage) -> tuple[list[float], np.ndarray]:
    """Second stage (columns ``stage2_names(True)``) fitted on out-of-fold
    first-stage probabilities; returns it and its predictions."""
    linear_rows, tree_rows = (stage2_matrix(p, data["seq"]) for p in oof)
    rows = np.hstack([linear_rows, tree_rows[:, 1:]])
    weights = fit(rows, data["y"], data["w"])
    return weights, predict(weights, rows)


def report(data: dict[str, np.ndarray], prob: np.ndarray) -> None:
    y, w = data["y"], data["w"]
    for source in sorted(set(data["source"])):
        m = (data["source"] == source) & (y != UNLABELLED)
        pred = prob[m] >= 0.5
        acc = float(np.average(pred == y[m], weights=w[m]))
        tp = float(np.sum(w[m] * (pred & (y[m] == 1))))
        fp = float(np.sum(w[m] * (pred & (y[m] == 0))))
        fn = float(np.sum(w[m] * (~pred & (y[m] == 1))))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(f"{source:40s} lines {m.sum():7d}  weighted acc {acc:.3f}  content F1 {f1:.3f}")


#: Stands for the forest in a model file's payload until :func:`model_text` formats it.
FOREST_SLOT = "<forest>"


def write(weights: Sequence[float], forest: Forest, stage2: Sequence[float],
          edges: Sequence[Sequence[float]], path: Path = MODEL_PATH) -> None:  # fmt: skip
    linear, per_feature = split_bins(weights, edges)
    payload = {
        "about": "Line model of cleaner: logistic regression weights (bias first) and boosted trees, made by "
        "`python -m bench.train --write` from the dev benchmarks in ../shared/bench (see bench/train.py).",
        "features": list(FEATURE_NAMES),
        "weights": [round(v, 6) for v in linear],
        "bins": bins_payload(BINNED, edges, per_feature),
        "forest": FOREST_SLOT,
        "stage2_features": list(stage2_names(True)),
        "stage2_weights": [round(v, 6) for v in stage2],
        "switch": SWITCH,
        "start_content": START_CONTENT,
    }
    path.write_text(model_text(payload, forest), encoding="utf-8")


def model_text(payload: dict[str, Any], forest: Forest) -> str:
    """The model file: ``payload`` indented, its ``forest`` entry (which
    holds :data:`FOREST_SLOT`) written one tree per line, not one number per line."""
    trees = ",\n  ".join(json.dumps([list(node) for node in tree], separators=(",", ":")) for tree in forest.trees)
    compact = f'{{"base": {forest.base!r}, "trees": [\n  {trees}\n ]}}'
    return json.dumps(payload, indent=1).replace(json.dumps(FOREST_SLOT), compact) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=",".join(TRAIN_DATASETS))
    parser.add_argument("--converters", default=",".join(CONVERTERS))
    parser.add_argument("--folds", type=int, default=5, help="folds (by site) for the out-of-fold stage")
    parser.add_argument("--write", action="store_true", help="fit on all data and write the model file")
    args = parser.parse_args(argv)
    data = load(args.datasets.split(","), args.converters.split(","))
    print(f"{len(data['y'])} labelled lines, {len(set(data['group']))} sites", file=sys.stderr)
    edges = bin_edges(data["x"], data["y"])
    data["x"] = expand(data["x"], edges)
    oof, _ = cross_validate(data, args.folds)
    print("first stage, linear model, out-of-fold (grouped by site):")
    report(data, oof[0])
    print("first stage, forest, out-of-fold (grouped by site):")
    report(data, oof[1])
    stage2, stacked = fit_stage2(data, oof)
    print("stacked, out-of-fold first stage:")
    report(data, stacked)
    if args.write:
        weights = fit(data["x"], data["y"], data["w"])
        check_inference(weights, edges, data["x"])
        write(weights, fit_forest(data["x"], data["y"], data["w"]), stage2, edges)
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
