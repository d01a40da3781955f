"""Robustness: the same dumps, changed in ways no converter's text should be judged by.

    python -m bench.perturb                                  # every change, inscriptis dumps
    python -m bench.perturb --changes crlf,nfd --converter html2text

Converters and the tools around them differ in habits that carry no meaning:
line endings, indentation, no-break spaces after short words (a browser's
copy), soft hyphens inside long words (German sites hyphenate), a byte-order
mark, zero-width spaces between words, decomposed letters (macOS writes NFD), one or two
line breaks between blocks. Each change is applied to every dump of a
dataset, the dumps are cleaned, and the scores are those of ``bench.run``
(shF1, snippet F1, title accuracy): a score that moves is a habit the
cleaner reads as meaning. Blank lines (``single``, ``double``) do carry some:
they are the only layout of many dumps.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import unicodedata
from collections.abc import Callable, Sequence

import bench.metrics as M
from bench.converters import MAX_WORKERS, get_dumps
from bench.data import load_docs
from bench.run import DEFAULT_DATASETS, Row, score_page
from cleaner import clean

_SHORT_WORD_SPACE = re.compile(r"(\b\w{1,3}) ")
_LONG_WORD = re.compile(r"(\w{4})(\w{4,})")
_INNER_SPACE = re.compile(r"(?<=\S) (?=\S)")


def _lines(text: str, change: Callable[[str], str]) -> str:
    return "\n".join(change(line) if line.strip() else line for line in text.split("\n"))


CHANGES: dict[str, Callable[[str], str]] = {
    "none": lambda text: text,
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "cr": lambda text: text.replace("\n", "\r"),
    "indent": lambda text: _lines(text, lambda line: "    " + line),
    "tabs": lambda text: _lines(text, lambda line: "\t" + line),
    "trailing": lambda text: _lines(text, lambda line: line + "   "),
    "single": lambda text: "\n".join(line for line in text.split("\n") if line.strip()),
    "double": lambda text: "\n\n".join(line for line in text.split("\n") if line.strip()),
    "nbsp": lambda text: _SHORT_WORD_SPACE.sub("\\1\u00a0", text),
    "shy": lambda text: _LONG_WORD.sub("\\1\u00ad\\2", text),
    "bom": lambda text: "\ufeff" + text,
    "zwsp": lambda text: _INNER_SPACE.sub(" \u200b", text),
    "nfd": lambda text: unicodedata.normalize("NFD", text),
}


def score(job: tuple[str, str, str]) -> tuple[str, str, str]:
    """One dataset under one change: its table cell, ``body (title)``."""
    dataset, converter, change = job
    docs = load_docs(dataset)
    dumps = get_dumps(dataset, converter, [doc.id for doc in docs], workers=1)
    row = Row(change)
    for doc in docs:
        out = clean(CHANGES[change](dumps.get(doc.id, "")))
        score_page(doc, out.text, out.title, row)
    body = M.shingle_corpus(row.sh).f1 if row.sh else M.snippet_corpus(row.snip).f1
    title = f" ({M.title_corpus(row.titles).accuracy:.4f})" if row.titles else ""
    return dataset, change, f"{body:.4f}{title}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=DEFAULT_DATASETS)
    parser.add_argument("--converter", default="inscriptis")
    parser.add_argument("--changes", default=",".join(CHANGES), help=f"of {', '.join(CHANGES)}")
    args = parser.parse_args(argv)
    datasets, changes = args.datasets.split(","), args.changes.split(",")
    if unknown := [change for change in changes if change not in CHANGES]:
        parser.error(f"unknown changes: {', '.join(unknown)}")
    for dataset in datasets:  # the dumps are made (and cached) once, before the workers read them
        get_dumps(dataset, args.converter, [doc.id for doc in load_docs(dataset)], workers=MAX_WORKERS)
    jobs = [(dataset, args.converter, change) for change in changes for dataset in datasets]
    with mp.get_context("fork").Pool(MAX_WORKERS) as pool:
        cells = {(dataset, change): cell for dataset, change, cell in pool.imap(score, jobs)}
    print(f"| change ({args.converter} dumps) | " + " | ".join(datasets) + " |")
    print("|---|" + "---|" * len(datasets))
    for change in changes:
        print(f"| `{change}` | " + " | ".join(cells[dataset, change] for dataset in datasets) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
