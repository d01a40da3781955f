"""Headlines in capitals: how the headline field's letter case compares with the references'.

    python -m bench.title_case --converters htmltotext,inscriptis

Some converters write every heading in capitals (Node's html-to-text); the
cleaner gives such a headline the case of a copy of it in the same document
(:func:`cleaner.headline.cased_title`). The benchmarks' title accuracy
ignores case, so this counts, per dataset × converter over the pages with a
reference title: the headlines given in capitals (two words at least), and
the share that matches the reference with its case (``title_match(...,
cased=True)``) beside the share that matches it without.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from bench.converters import get_dumps
from bench.data import load_docs
from bench.metrics import title_match
from cleaner import clean
from cleaner.headline import in_capitals

DEFAULT_DATASETS = "wcxb-dev-article,trafilatura-eval"


def row(dataset: str, converter: str) -> str:
    docs = [doc for doc in load_docs(dataset) if doc.title]
    dumps = get_dumps(dataset, converter, [doc.id for doc in docs], workers=2)
    titles = [clean(dumps.get(doc.id, "")).title for doc in docs]
    n = len(docs)
    capitals = sum(map(in_capitals, titles))
    matched = sum(title_match(title, doc.title) for title, doc in zip(titles, docs, strict=True))
    cased = sum(title_match(title, doc.title, cased=True) for title, doc in zip(titles, docs, strict=True))
    return f"| {dataset} | {converter} | {n} | {capitals} | {matched / n:.4f} | {cased / n:.4f} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=DEFAULT_DATASETS)
    parser.add_argument("--converters", default="htmltotext,inscriptis")
    args = parser.parse_args(argv)
    print("| dataset | converter | pages with a title | headlines in capitals | title accuracy | with its case |")
    print("|---|---|---|---|---|---|")
    for dataset in args.datasets.split(","):
        for converter in args.converters.split(","):
            print(row(dataset, converter), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
