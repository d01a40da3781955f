"""Loading the shared benchmark pages (read-only, /work/shared/bench)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
# shared/ sits beside the repository (here /work/shared, in CI beside the fresh clone)
_BESIDE = BENCH_DIR.parent.parent / "shared" / "bench"
SHARED = Path(os.environ.get("BENCH_SHARED") or (_BESIDE if _BESIDE.is_dir() else "/work/shared/bench"))
CACHE = BENCH_DIR / ".cache"

# Views: a name used in tables -> (file dataset, page filter on meta)
VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "wcxb-dev-article": ("wcxb-dev", {"page_type": "article"}),
}
FILE_DATASETS = (
    "scrapinghub-aeb",
    "wcxb-dev",
    "trafilatura-eval",
    "readability-mozilla",
    "newspaper4k-fixtures",
)
ALL_DATASETS = FILE_DATASETS + tuple(VIEWS)


@dataclass
class Doc:
    dataset: str  # the name asked for (may be a view)
    id: str
    url: str | None
    body: str | None
    title: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    html: str | None = None

    @property
    def with_snippets(self) -> list[str]:
        return list(self.meta.get("with_snippets") or [])

    @property
    def without_snippets(self) -> list[str]:
        return list(self.meta.get("without_snippets") or [])


def file_dataset(name: str) -> str:
    """The dataset whose docs.jsonl.gz holds the pages of `name`."""
    if name in VIEWS:
        return VIEWS[name][0]
    if name not in FILE_DATASETS:
        raise ValueError(f"unknown dataset {name!r}; known: {', '.join(ALL_DATASETS)}")
    return name


def iter_docs(name: str, with_html: bool = False, limit: int | None = None) -> Iterator[Doc]:
    """Pages of a dataset (or view), in file order. HTML is dropped unless asked for."""
    base = file_dataset(name)
    wanted = VIEWS[name][1] if name in VIEWS else {}
    path = SHARED / base / "docs.jsonl.gz"
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and n >= limit:
                return
            rec = json.loads(line)
            meta = rec.get("meta") or {}
            if any(meta.get(k) != v for k, v in wanted.items()):
                continue
            n += 1
            yield Doc(
                dataset=name,
                id=rec["id"],
                url=rec.get("url"),
                body=rec.get("body"),
                title=rec.get("title"),
                meta=meta,
                html=rec.get("html") if with_html else None,
            )


def load_docs(name: str, with_html: bool = False, limit: int | None = None) -> list[Doc]:
    return list(iter_docs(name, with_html=with_html, limit=limit))
