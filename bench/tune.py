"""Out-of-fold scores of the whole cleaning pipeline, and the decoder's settings.

    python -m bench.tune [--converters inscriptis,plain] [--switch 0.05,0.1,0.2] [--start 0.3]

For each fold (pages grouped by site, as in bench/train.py) the line model is
fitted on the other folds' pages of every training dataset and converter, then
``cleaner.clean`` runs with it on the held-out pages of the evaluation
datasets. Prints shingle P/R/F1, WCXB word F1 and title accuracy per setting:
numbers no page contributed to its own model.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from itertools import product

from bench import metrics as M
from bench.converters import get_dumps
from bench.data import load_docs
from bench.train import (
    CONVERTERS,
    TRAIN_DATASETS,
    bin_edges,
    bins_of,
    cross_validate,
    expand,
    fit_stage2,
    fold_of,
    host,
    load,
)
from cleaner import Options, clean
from cleaner.forest import Forest
from cleaner.model import Bins, LineModel

EVAL_DATASETS = ("scrapinghub-aeb", "wcxb-dev-article")


def fold_models(folds: int) -> tuple[list[tuple[tuple[float, ...], tuple[Bins, ...], Forest]], list[float]]:
    """Each fold's first stage (linear weights, bins and forest), and the
    second stage fitted on their out-of-fold probabilities.

    The 9-weight second stage sees every fold's probabilities (made without
    that fold's pages), a negligible leak next to refitting it per fold; so
    do the bin edges, quantiles of all the lines that use no label.
    """
    data = load(TRAIN_DATASETS, CONVERTERS)
    edges = bin_edges(data["x"], data["y"])
    data["x"] = expand(data["x"], edges)
    oof, models = cross_validate(data, folds)
    stage2, _ = fit_stage2(data, oof)
    return [(*bins_of(w, edges), forest) for w, forest in models], stage2


def evaluate(dataset: str, converter: str, models: Sequence[LineModel]) -> str:
    docs = load_docs(dataset)
    dumps = get_dumps(dataset, converter, [d.id for d in docs])
    sh, word, snippets, titles = [], [], [], []
    for doc in docs:
        model = models[fold_of(host(doc.url), len(models))]
        out = clean(dumps[doc.id], Options(model=model))
        if doc.body is None:
            snippets.append(M.snippet_page(out.text, doc.with_snippets, doc.without_snippets))
        else:
            sh.append(M.shingle_page(doc.body, out.text))
            word.append(M.wcxb_page(doc.body, out.text))
        if doc.title:
            titles.append(M.title_match(out.title, doc.title))
    title = f"{sum(titles) / len(titles):.3f}" if titles else "-"
    switch, start = models[0].switch, models[0].start_content
    head = f"| {dataset} | {converter} | {switch} | {start} |"
    if snippets:
        n = M.snippet_corpus(snippets)
        return f"{head} {n.precision:.3f} | {n.recall:.3f} | {n.f1:.3f} (snippets) | - | {title} |"
    s, w = M.shingle_corpus(sh), M.wcxb_corpus(word)
    return f"{head} {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {w.f1:.3f} | {title} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=",".join(EVAL_DATASETS))
    parser.add_argument("--converters", default="inscriptis,plain")
    parser.add_argument("--switch", default="0.1")
    parser.add_argument("--start", default="0.3")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    weights, stage2 = fold_models(args.folds)
    print("| dataset | converter | switch | start | shP | shR | shF1 | word F1 | title |")
    print("|---|---|---|---|---|---|---|---|---|")
    for dataset, converter, switch, start in product(
        args.datasets.split(","), args.converters.split(","),
        [float(x) for x in args.switch.split(",")], [float(x) for x in args.start.split(",")],
    ):  # fmt: skip
        models = [LineModel(w, tuple(stage2), switch, start, bins, forest) for w, bins, forest in weights]
        print(evaluate(dataset, converter, models), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
