"""Write line-labelled dumps for training, and report the "perfect line choice" ceiling.

    python -m bench.make_lines [--datasets ...] [--converters inscriptis,html2text,plain]

Writes bench/.cache/lines/<dataset>.<converter>.jsonl.gz, one record per page:
{"dataset", "id", "url", "converter", "lines", "labels", "title_line", "title", "page_type"}
(labels: 1 content, 0 furniture, null for blank lines and, on trafilatura-eval, lines that hold
no snippet; see align.py). Prints (and writes to bench/.cache/lines/ceilings.md) the scores of
keeping exactly the label-1 lines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import align
from bench import metrics as M
from bench.converters import TRAINING_CONVERTERS, get_dumps
from bench.data import CACHE, FILE_DATASETS, VIEWS, Doc, load_docs

LINES = CACHE / "lines"


def page_record(doc: Doc, converter: str, text: str) -> dict[str, object]:
    lines = align.split_lines(text)
    if doc.body is not None:
        labels = align.body_labels(lines, doc.body)
    else:
        labels = align.snippet_labels(lines, doc.with_snippets, doc.without_snippets)
    return {
        "dataset": doc.dataset,
        "id": doc.id,
        "url": doc.url,
        "converter": converter,
        "lines": lines,
        "labels": labels,
        "title_line": align.title_line(lines, doc.title),
        "title": doc.title,
        "page_type": doc.meta.get("page_type"),
    }


def lines_path(dataset: str, converter: str) -> Path:
    return LINES / f"{dataset}.{converter}.jsonl.gz"


def make(dataset: str, converter: str, docs: Sequence[Doc]) -> list[tuple[Doc, dict[str, object]]]:
    dumps = get_dumps(dataset, converter, [d.id for d in docs])
    out = [(d, page_record(d, converter, dumps[d.id])) for d in docs]
    LINES.mkdir(parents=True, exist_ok=True)
    path = lines_path(dataset, converter)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for _, rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return out


def ceiling_row(name: str, converter: str, pages: Sequence[tuple[Doc, dict[str, object]]]) -> str:
    sh, word, snip = [], [], []
    n_lines = n_pos = n_neg = 0
    titled = found = 0
    for doc, rec in pages:
        lines: list[str] = rec["lines"]  # type: ignore[assignment]
        labels: list[int | None] = rec["labels"]  # type: ignore[assignment]
        kept = align.kept_text(lines, labels)
        n_lines += sum(1 for ln in lines if ln.strip())
        n_pos += sum(1 for lab in labels if lab == 1)
        n_neg += sum(1 for lab in labels if lab == 0)
        if doc.title:
            titled += 1
            found += rec["title_line"] is not None
        if doc.body is not None:
            sh.append(M.shingle_page(doc.body, kept))
            word.append(M.wcxb_page(doc.body, kept))
        else:
            snip.append(M.snippet_page(kept, doc.with_snippets, doc.without_snippets))
    cells = [name, converter, str(len(pages))]
    if sh:
        s = M.shingle_corpus(sh)
        cells += [f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", f"{M.wcxb_corpus(word).f1:.3f}", "–"]
    else:
        s2 = M.snippet_corpus(snip)
        cells += ["–", "–", "–", "–", f"{s2.f1:.3f} (P {s2.precision:.3f} R {s2.recall:.3f})"]
    cells += [
        f"{n_pos / max(n_lines, 1):.3f}",
        f"{(n_lines - n_pos - n_neg) / max(n_lines, 1):.3f}",
        f"{found / titled:.3f}" if titled else "–",
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| dataset | converter | pages | shP | shR | shF1 | wcxb word F1 | snippet F1 "
    "| share of lines = 1 | share null | headline line found |\n|" + "---|" * 11
)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.make_lines", description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", default=",".join(FILE_DATASETS))
    ap.add_argument("--converters", default=",".join(TRAINING_CONVERTERS))
    args = ap.parse_args(argv)
    rows = []
    for dataset in args.datasets.split(","):
        docs = load_docs(dataset)
        for conv in args.converters.split(","):
            pages = make(dataset, conv, docs)
            print(f"wrote {lines_path(dataset, conv)} ({len(pages)} pages)", file=sys.stderr)
            rows.append(ceiling_row(dataset, conv, pages))
            for view, (base, flt) in VIEWS.items():  # e.g. wcxb-dev-article inside wcxb-dev
                if base == dataset:
                    sub = [(d, r) for d, r in pages if all(d.meta.get(k) == v for k, v in flt.items())]
                    rows.append(ceiling_row(view, conv, sub))
    report = "Perfect line choice (keep exactly the label-1 lines):\n\n" + HEADER + "\n" + "\n".join(rows) + "\n"
    print(report)
    (LINES / "ceilings.md").write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
