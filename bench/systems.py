"""The pluggable registry of systems the harness can run.

A system is a function ``(input: str) -> tuple[str, str | None]`` (body text, title or None) and
the kind of input it takes: ``"text"`` (a converter's dump: the text track) or ``"html"`` (the
page's HTML: the HTML track). Loaders are lazy, so a system whose package is missing (``cleaner``
while it is being written) is reported as unavailable instead of breaking the run.

Add one with ``register(name, kind, loader)``, or name any importable function on the command
line as ``module:function`` (text track) or ``html=module:function`` (HTML track).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from bench import anchors
from bench.data import BENCH_DIR

SystemFn = Callable[[str], tuple[str, str | None]]
#: ``text``: the system gets the page's dump; ``text-url``: a JSON record
#: ``{"text": dump, "url": page URL}`` (what a crawl's JSONL holds); ``html``:
#: the page's HTML.
Kind = Literal["text", "text-url", "html"]


class SystemUnavailable(Exception):
    """The system cannot be loaded (package missing, stub without the entry point, ...)."""


@dataclass(frozen=True)
class System:
    name: str
    kind: Kind
    fn: SystemFn


_LOADERS: dict[str, tuple[Kind, Callable[[], SystemFn]]] = {}
_LOADED: dict[str, System] = {}


def register(name: str, kind: Kind, loader: Callable[[], SystemFn]) -> None:
    _LOADERS[name] = (kind, loader)
    _LOADED.pop(name, None)


def registered() -> dict[str, Kind]:
    return {name: kind for name, (kind, _) in _LOADERS.items()}


def get_system(name: str) -> System:
    """Load (once) the system called `name`; raises SystemUnavailable."""
    if name in _LOADED:
        return _LOADED[name]
    if name in _LOADERS:
        kind, loader = _LOADERS[name]
    elif ":" in name:
        kind, spec = ("html", name[5:]) if name.startswith("html=") else ("text", name)
        loader = _function_loader(spec)
    else:
        raise SystemUnavailable(f"unknown system {name!r}; known: {', '.join(_LOADERS)}")
    try:
        fn = loader()
    except SystemUnavailable:
        raise
    except Exception as exc:  # ImportError, AttributeError, a crash at import time ...
        raise SystemUnavailable(f"{name}: {type(exc).__name__}: {exc}") from exc
    system = System(name, kind, fn)
    _LOADED[name] = system
    return system


def _function_loader(spec: str) -> Callable[[], SystemFn]:
    def load() -> SystemFn:
        module, _, attr = spec.partition(":")
        fn: SystemFn = getattr(importlib.import_module(module), attr)
        return fn

    return load


# ---------------------------------------------------------------- built-in systems


def _constant(fn: SystemFn) -> Callable[[], SystemFn]:
    return lambda: fn


for _name, _fn in anchors.ANCHORS.items():
    register(_name, "text", _constant(_fn))


def _load_cleaner() -> SystemFn:
    """``import cleaner; doc = cleaner.clean(text); (doc.text, doc.title)``."""
    try:
        cleaner = importlib.import_module("cleaner")
    except ImportError:
        src = BENCH_DIR.parent / "src"
        if not (src / "cleaner").is_dir():
            raise
        sys.path.insert(0, str(src))
        cleaner = importlib.import_module("cleaner")
    clean = cleaner.clean

    def run(text: str) -> tuple[str, str | None]:
        doc = clean(text)
        return doc.text, doc.title

    return run


register("cleaner", "text", _load_cleaner)


def _load_cleaner_url() -> SystemFn:
    """``cleaner.clean({"text": dump, "url": url})``: the record's URL is evidence for the headline."""
    clean = importlib.import_module("cleaner").clean

    def run(record: str) -> tuple[str, str | None]:
        doc = clean(json.loads(record))
        return doc.text, doc.title

    return run


register("cleaner_url", "text-url", _load_cleaner_url)


def _load_cleaner_extracted() -> SystemFn:
    """``cleaner.clean(text, Options(extracted=True))``: the text is an extractor's article (``--extracted``)."""
    cleaner = importlib.import_module("cleaner")
    options = cleaner.Options(extracted=True)

    def run(text: str) -> tuple[str, str | None]:
        doc = cleaner.clean(text, options)
        return doc.text, doc.title

    return run


register("cleaner_extracted", "text", _load_cleaner_extracted)


def _trafilatura_html(html: str) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    meta = trafilatura.extract_metadata(html)
    return text or "", meta.title if meta is not None else None


register("trafilatura_html", "html", _constant(_trafilatura_html))


def _load_cleaner_html() -> SystemFn:
    """``cleaner.clean_html(html)``: trafilatura's blocks + cleaner's second pass; ``(doc.text, doc.title)``."""
    from cleaner.pipeline import clean_html

    def run(html: str) -> tuple[str, str | None]:
        doc = clean_html(html)
        return doc.text, doc.title

    return run


register("cleaner_html", "html", _load_cleaner_html)
