"""Where the text-track errors are: words of wrongly kept / dropped lines, by position and label.

    python -m bench.errors scrapinghub-aeb inscriptis [--page-type article] [--examples 8]

For every page of a line-labelled dump (``python -m bench.make_lines``), each
line's decision (kept as body/heading or not) is compared with its
ground-truth label. Errors are counted in words and split by where the line
sits relative to the ground-truth article span (before its first content
line, inside, after its last) and, for dropped content, by the label it got.
A few random examples of each kind are printed with their reasons.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence

from bench.data import CACHE
from cleaner import clean
from cleaner.document import BODY_LABELS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("converter")
    parser.add_argument("--page-type", help="keep only pages of this meta.page_type (wcxb-dev)")
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args(argv)
    path = CACHE / "lines" / f"{args.dataset}.{args.converter}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if not args.page_type or r.get("page_type") == args.page_type]
    words: Counter[tuple[str, ...]] = Counter()
    examples: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for record in records:
        doc = clean("\n".join(record["lines"]))
        labels = [record["labels"][line.number - 1] for line in doc.lines]
        content = [i for i, label in enumerate(labels) if label == 1]
        if not content:
            continue
        first, last = content[0], content[-1]
        for i, (line, label) in enumerate(zip(doc.lines, labels, strict=True)):
            kept = line.label in BODY_LABELS
            if label is None or kept == (label == 1):
                words["correct" if label is not None else "unlabelled",] += len(line.text.split())
                continue
            where = "before" if i < first else "after" if i > last else "inside"
            key = ("kept furniture", where) if kept else ("dropped content", where, line.label.value)
            words[key] += len(line.text.split())
            examples[key].append((line.reason, line.text[:100]))
    total = sum(words.values())
    print(f"{args.dataset} × {args.converter}: {len(records)} pages, {total} words")
    for key, n in words.most_common():
        print(f"{n:8d} words  {n / total:6.1%}  {' / '.join(key)}")
    rng = random.Random(0)
    for key, items in examples.items():
        print(f"== {' / '.join(key)}")
        for reason, text in rng.sample(items, min(args.examples, len(items))):
            print(f"   {reason:32s} {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
