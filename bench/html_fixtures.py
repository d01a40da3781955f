"""The HTML golden pages under fixtures/html-*/: make them from the dev data, or refresh their expectations.

    python -m bench.html_fixtures make NAME DATASET ID [CODEC]   # trim a dev page into fixtures/NAME/
    python -m bench.html_fixtures refresh                        # rewrite expected.txt + fields.json of every case

A case holds ``input.html`` (the trimmed page, bytes in its declared charset), ``expected.txt``
(``readable_text`` of ``cleaner.clean(bytes)``), ``fields.json`` and ``SOURCE`` (where it came from).
Trimming drops scripts, styles, svg, iframes, comments, link elements other than the canonical one,
and every attribute except class/id (trafilatura reads them) and those of meta/html/link; the
command prints whether the trimmed page cleans exactly like the original. Refresh after retraining
the line model: fall-back pages go through it. Review the diff before committing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bench.data import BENCH_DIR, load_docs

FIXTURES = BENCH_DIR.parent / "fixtures"
_KEEP = {"class", "id", "charset", "content", "name", "property", "http-equiv", "lang", "rel", "itemprop"}
FIELDS = ("title", "byline", "date", "site_name", "url", "flags")


def trim(html: str) -> str:
    import lxml.html
    from lxml import etree

    root = lxml.html.document_fromstring(html)
    etree.strip_elements(
        root, "script", "style", "svg", "noscript", "iframe", "template", etree.Comment, with_tail=False
    )
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        for attr in list(el.attrib):
            if attr not in _KEEP and not (attr == "href" and el.tag == "link"):
                del el.attrib[attr]
        if el.tag == "link" and el.get("rel") != "canonical" and el.getparent() is not None:
            el.drop_tree()
    out = lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
    return re.sub(r"\n\s*\n+", "\n", out)


def write_expectations(case: Path) -> None:
    from cleaner import clean
    from cleaner.pipeline import readable_text

    doc = clean((case / "input.html").read_bytes())
    (case / "expected.txt").write_text(readable_text(doc) + "\n", "utf-8")
    fields = {key: getattr(doc, key) for key in FIELDS}
    (case / "fields.json").write_text(json.dumps(fields, ensure_ascii=False, indent=1) + "\n", "utf-8")


def make(name: str, dataset: str, doc_id: str, codec: str = "utf-8") -> None:
    from cleaner import clean
    from cleaner.pipeline import readable_text

    doc = next(d for d in load_docs(dataset, with_html=True) if d.id == doc_id)
    data = trim(doc.html or "").encode(codec, errors="xmlcharrefreplace")
    case = FIXTURES / name
    case.mkdir(parents=True, exist_ok=True)
    (case / "input.html").write_bytes(data)
    (case / "SOURCE").write_text(
        f"{dataset} {doc_id} {doc.url}\nTrimmed by `python -m bench.html_fixtures make`; stored as {codec}.\n", "utf-8"
    )
    write_expectations(case)
    same = readable_text(clean(data)) == readable_text(clean(doc.html or ""))
    print(f"{name}: {len(doc.html or '')} -> {len(data)} bytes; cleans like the original: {same}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["make"] and len(argv) in (4, 5):
        make(*argv[1:])
    elif argv == ["refresh"]:
        for case in sorted(FIXTURES.glob("html-*")):
            write_expectations(case)
            print(case.name)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
