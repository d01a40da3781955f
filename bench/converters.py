"""HTML -> plain-text converters and the on-disk cache of their dumps.

Converters:
- ``inscriptis``: ``inscriptis.get_text(html)`` (defaults; the text track's main converter).
- ``html2text``: html2text with body_width=0, ignore_images, ignore_links, unicode_snob (markdown-ish:
  ``#`` headings, ``  * `` bullets, ``|`` tables; named entities stay Unicode).
- ``markdown``: html2text with body_width=0 and links and images kept (``[text](url)``,
  ``![alt](src)``, links split over lines): the Markdown that reader services and LLM-data
  crawlers emit. Never used for training: a held-out converter style.
- ``textnodes``: every text node of the body on its own line, stripped, as BeautifulSoup's
  ``soup.body.get_text("\n", strip=True)`` writes (emulated with lxml: script, style and
  template contents left out as bs4 does, noscript and svg text kept; the same text as bs4
  4.15 on the first 150 wcxb-dev articles and 150 trafilatura-eval pages): a sentence with a
  link comes out in three lines. Held out.
- ``titled``: ``textnodes`` with the page's ``<title>`` on a first line of its own, as crawl text
  exports that keep the title write it (Common Crawl's WET records open with it). Held out (made
  after the headline's title-line bonus was calibrated, to check it).
- ``wrapped``: html2text's own layout, as ``html2text page.html`` writes: lines wrapped at 78
  columns, links and images kept (unicode_snob on, as for the others). Held out too.
- ``lynx``: the layout of ``lynx -dump`` without its wrapping: each link's text opens with its
  number (``[12]Link text``) and a ``References`` list of the numbered targets ends the text
  (emulated: numbers put into the page, then inscriptis). Held out.
- ``htmltotext``: the defaults of Node.js's ``html-to-text`` package: each link's target in
  brackets after its text (``the report [https://example.org/r]``; not for in-page anchors nor
  when the text is the target), headings in upper case, lines wrapped at 80 columns (emulated:
  targets and case put into the page, then inscriptis, then each line wrapped). Held out.
- ``gettext``: BeautifulSoup's ``soup.get_text()`` without arguments (emulated with lxml): the
  text nodes joined with nothing between them, so the page source's own line breaks and
  indentation are the layout (a minified page is one long line) and inline tags glue words.
  Held out.
- ``flat``: the whole page on one line: ``gettext`` with every run of white space one space
  (inline tags still glue words). Held out.
- ``stripped``: ``soup.get_text(" ", strip=True)``: the text nodes stripped and joined by one
  space; line breaks inside a node stay. Held out.
- ``resiliparse``: Resiliparse's ``extract_plain_text(html)`` (the real package, defaults: the
  whole page, list items as ``  • item``, images' alt text kept, table cells split by tabs, a
  blank line around paragraphs and headings only), what corpus builders that skip its
  main-content mode hand on. Held out.
- ``resimain``: Resiliparse's ``extract_plain_text(html, main_content=True)`` (as DCLM's corpus
  was made): its own boilerplate heuristics already dropped most furniture, so the question is
  what is left to remove and that nothing of the article is lost. Held out.
- ``htmltext``: Zyte's ``html_text.extract_text(html)`` (the real package, defaults: the
  ``<title>`` first, a blank line around each block, inline runs joined by spaces). Held out.
- ``tagstrip``: the tags taken out of the page source as Scrapy users do it with w3lib (the real
  package: ``remove_tags(remove_tags_with_content(remove_comments(html), ("script", "style")))``):
  the source's own line breaks and indentation are the layout, inline tags glue words, and the
  character references stay as written (``&amp;``, ``&#8217;``, ``&nbsp;``), since ``remove_tags``
  does not decode them. Held out.
- ``markdownify``: the real ``markdownify.markdownify(html)`` with its defaults, as LLM-data and
  RAG pipelines use it (LangChain's transformer): h1 and h2 underlined with ``===`` / ``---``
  (setext), Markdown's special characters escaped (``snake\\_case``), links and images kept,
  tables as Markdown tables, the head's ``<title>`` text first. Held out.
- ``trafilatura``: the text of ``trafilatura.extract(html, include_comments=False,
  include_tables=True)``, the main content already extracted (what a pipeline that ran
  trafilatura hands on): the question is what furniture is left and that nothing is lost.
  Held out.
- ``justextmain``: the real jusText on the page's HTML, its good paragraphs one per line
  (``justext.justext(html, stoplist)``, the stoplist of the page's language as the jusText
  anchor guesses it from the ``plain`` dump): a second main-content extractor's text. Held out.
- ``plain``: lxml; drops head/script/style/template/svg (keeps noscript, as a browser without
  JavaScript shows it), then writes the text of every block-level element on its own line:
  no bullets, no indentation, no blank lines.

Dumps live in ``bench/.cache/dumps/<file dataset>.<converter>.jsonl.gz`` (one record per page:
id, text, seconds, error), filled lazily for the pages asked for, with at most 2 workers.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing as mp
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from bench.data import CACHE, file_dataset, iter_docs

DUMPS = CACHE / "dumps"
MAX_WORKERS = 2

# An XML declaration opening the page ("<?xml version='1.0' encoding='utf-8'?>"): lxml refuses to
# parse a str that holds one, and a browser ignores it.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")


def _page_root(html: str) -> Any:
    """The page's element tree, as ``lxml.html.fromstring`` parses it, an opening XML declaration
    left out (seven trafilatura-eval pages have one; the converters that parsed the str gave them
    an empty dump)."""
    return lxml.html.fromstring(_XML_DECLARATION.sub("", html))


def inscriptis_text(html: str) -> str:
    from inscriptis import get_text  # type: ignore[import-untyped]

    text: str = get_text(html)
    return text


def html2text_text(html: str, links: bool = False, width: int = 0) -> str:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = width
    h.ignore_images = not links
    h.ignore_links = not links
    # without it html2text folds named entities to ASCII ("&auml;" -> "a", "&mdash;" -> "--"):
    # 226 of the 990 trafilatura-eval pages would lose their umlauts
    h.unicode_snob = True
    return h.handle(html)


def markdown_text(html: str) -> str:
    return html2text_text(html, links=True)


def wrapped_text(html: str) -> str:
    return html2text_text(html, links=True, width=78)


def lynx_text(html: str) -> str:
    from inscriptis import get_text  # type: ignore[import-untyped]

    tree = _page_root(html)
    targets: list[str] = []
    for a in tree.iter("a"):
        href = a.get("href")
        if not href:
            continue
        # lynx lists absolute targets: a saved page's relative links resolve against its file
        targets.append(_lynx_target(href))
        a.text = f"[{len(targets)}]{a.text or ''}"
    text: str = get_text(lxml.html.tostring(tree, encoding="unicode"))
    if targets:
        text += "\nReferences\n\n" + "\n".join(f"{n:4d}. {href}" for n, href in enumerate(targets, 1)) + "\n"
    return text


def _lynx_target(href: str) -> str:
    """A link's target as lynx lists it: absolute, against the saved page's file (as written when
    it does not parse as a URL: "http://[ccpa-preferences]")."""
    href = href.strip().replace(" ", "%20")
    try:
        return urljoin("file://localhost/page.html", href)
    except ValueError:
        return href


HTMLTOTEXT_WIDTH = 80
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def htmltotext_text(html: str) -> str:
    import textwrap

    from inscriptis import get_text  # type: ignore[import-untyped]

    tree = _page_root(html)
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        text = a.text_content().strip()
        if href and text and href != text and not href.startswith("#"):
            a.tail = f" [{href}]{a.tail or ''}"
    for heading in tree.iter(*_HEADINGS):
        for el in heading.iter():
            if el.text:
                el.text = el.text.upper()
            if el is not heading and el.tail:
                el.tail = el.tail.upper()
    lines: list[str] = []
    for line in get_text(lxml.html.tostring(tree, encoding="unicode")).splitlines():
        indent = " " * (len(line) - len(line.lstrip()))
        wrapped = textwrap.wrap(
            line, HTMLTOTEXT_WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
        )
        lines.extend(wrapped or [""])
    return "\n".join(lines)


_TEXT_NODE_DROP = frozenset({"head", "script", "style", "template"})


def textnodes_text(html: str) -> str:
    out: list[str] = []

    def visit(el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag not in _TEXT_NODE_DROP and not callable(el.tag):
            if el.text and el.text.strip():
                out.append(el.text.strip())
            for child in el:
                visit(child)
        if el.tail and el.tail.strip():
            out.append(el.tail.strip())

    visit(_page_root(html))
    return "\n".join(out)


def titled_text(html: str) -> str:
    """The page's ``<title>`` on the first line, then its text nodes a line
    (:func:`textnodes_text`): crawl text exports that keep the title write it
    first (Common Crawl's WET records open with it)."""
    title = " ".join((_page_root(html).findtext(".//title") or "").split())
    body = textnodes_text(html)
    return f"{title}\n{body}" if title else body


def _text_nodes(html: str) -> list[str]:
    """The text nodes ``soup.get_text()`` joins (see :func:`gettext_text`), in order."""
    data = html.encode("utf-8", "surrogatepass")
    try:
        root = lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8", remove_comments=True,
                                                                               remove_pis=True))  # fmt: skip
    except (lxml.etree.ParserError, ValueError):
        return []
    lxml.etree.strip_elements(root, "script", "style", "template", with_tail=False)
    return list(root.itertext())


def gettext_text(html: str) -> str:
    """BeautifulSoup's ``soup.get_text()`` with no arguments: every text node
    of the document (the head's title included; script, style and template
    contents and comments left out, as bs4 does since 4.9) joined with
    nothing between them, so the page source's own line breaks and
    indentation are the only layout, and inline tags glue their words."""
    return "".join(_text_nodes(html))


def flat_text(html: str) -> str:
    """The whole page on one line: :func:`gettext_text` with every run of white
    space made one space. Inline tags still glue their words ("Home<b>News</b>"
    → "HomeNews"), and the line breaks inside text nodes go: close to
    ``soup.get_text(" ", strip=True)`` (:func:`stripped_text`) on a page whose
    source breaks no text node, harder than it elsewhere."""
    return " ".join(gettext_text(html).split())


def stripped_text(html: str) -> str:
    """BeautifulSoup's ``soup.get_text(" ", strip=True)`` (or ``" ".join(soup.stripped_strings)``):
    every text node stripped and joined by one space. A node's own line breaks
    (the page source's wrapping inside a paragraph) stay, so the text is a few
    long lines and the short pieces between them rather than one line."""
    return " ".join(node.strip() for node in _text_nodes(html) if node.strip())


# noscript is kept: Discourse forums (17 wcxb-dev pages) put the whole page text in it
_DROP_TAGS = ("head", "script", "style", "template", "svg")
# fmt: off
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "select", "option", "textarea", "title",
})
# fmt: on
_CELL_TAGS = frozenset({"td", "th"})


class _LineWriter:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.pre = 0

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.pre:
            parts = text.split("\n")
            for i, part in enumerate(parts):
                if i:
                    self.flush()
                self.buf.append(part)
        else:
            self.buf.append(text)

    def flush(self) -> None:
        line = " ".join("".join(self.buf).split())
        self.buf = []
        if line:
            self.lines.append(line)


def resiliparse_text(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text  # type: ignore[import-not-found]

    text: str = extract_plain_text(html)
    return text


def resimain_text(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    text: str = extract_plain_text(html, main_content=True)
    return text


def htmltext_text(html: str) -> str:
    import html_text  # type: ignore[import-untyped]

    text: str = html_text.extract_text(html)
    return text


def tagstrip_text(html: str) -> str:
    from w3lib.html import remove_comments, remove_tags, remove_tags_with_content  # type: ignore[import-not-found]

    text: str = remove_tags(remove_tags_with_content(remove_comments(html), ("script", "style")))
    return text


def markdownify_text(html: str) -> str:
    from markdownify import markdownify  # type: ignore[import-not-found]

    text: str = markdownify(html)
    return text


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def justext_text(html: str) -> str:
    import justext

    from bench.anchors import stoplist_for

    return "\n".join(p.text for p in justext.justext(html, stoplist_for(plain_text(html))) if not p.is_boilerplate)


def plain_text(html: str) -> str:
    """Block-level elements' text, one per line, no blank lines, no bullets, no indentation."""
    data = html.encode("utf-8", "surrogatepass")
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return ""
    lxml.etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    out = _LineWriter()
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                out.flush()
            if tag == "pre":
                out.pre += 1
            elif tag in _CELL_TAGS:
                out.add(" ")
            out.add(el.text)
        else:
            if tag == "pre":
                out.pre -= 1
            if tag in _BLOCK_TAGS:
                out.flush()
            elif tag in _CELL_TAGS:
                out.add(" ")
            out.add(el.tail)
    out.flush()
    return "\n".join(out.lines) + ("\n" if out.lines else "")


CONVERTERS: dict[str, Callable[[str], str]] = {
    "inscriptis": inscriptis_text,
    "html2text": html2text_text,
    "plain": plain_text,
    "markdown": markdown_text,
    "wrapped": wrapped_text,
    "textnodes": textnodes_text,
    "titled": titled_text,
    "lynx": lynx_text,
    "htmltotext": htmltotext_text,
    "gettext": gettext_text,
    "flat": flat_text,
    "stripped": stripped_text,
    "resiliparse": resiliparse_text,
    "resimain": resimain_text,
    "htmltext": htmltext_text,
    "tagstrip": tagstrip_text,
    "markdownify": markdownify_text,
    "trafilatura": trafilatura_text,
    "justextmain": justext_text,
}
#: The converters whose dumps the models learn from (the others stay held out).
TRAINING_CONVERTERS = ("inscriptis", "html2text", "plain")


def _convert_one(job: tuple[str, str, str]) -> tuple[str, str, float, str | None]:
    converter, doc_id, html = job
    t0 = time.perf_counter()
    try:
        text = CONVERTERS[converter](html)
        err = None
    except Exception as exc:  # a converter crash gives an empty dump, recorded
        text, err = "", f"{type(exc).__name__}: {exc}"[:300]
    return doc_id, text, time.perf_counter() - t0, err


def dump_path(dataset: str, converter: str) -> Path:
    return DUMPS / f"{file_dataset(dataset)}.{converter}.jsonl.gz"


def _read_cache(path: Path) -> dict[str, dict[str, object]]:
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return {rec["id"]: rec for rec in map(json.loads, fh)}


def _write_cache(path: Path, recs: dict[str, dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for rec in recs.values():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.replace(path)


def progress(label: str, done: int, total: int, t0: float, final: bool = False) -> None:
    rate = done / max(time.perf_counter() - t0, 1e-9)
    sys.stderr.write(f"\r{label}: {done}/{total} ({rate:.1f}/s)   ")
    if final:
        sys.stderr.write("\n")
    sys.stderr.flush()


def get_dump_records(
    dataset: str, converter: str, ids: Iterable[str] | None = None, workers: int = MAX_WORKERS
) -> dict[str, dict[str, object]]:
    """Cached dump records {id: {id, text, seconds, error}} for `ids` (default: every page)."""
    if converter not in CONVERTERS:
        raise ValueError(f"unknown converter {converter!r}; known: {', '.join(CONVERTERS)}")
    if ids is None:
        ids = [d.id for d in iter_docs(dataset)]
    want = list(ids)
    path = dump_path(dataset, converter)
    cache = _read_cache(path)
    missing = {i for i in want if i not in cache}
    if missing:
        jobs = (
            (converter, d.id, d.html or "") for d in iter_docs(file_dataset(dataset), with_html=True) if d.id in missing
        )
        label = f"dump {file_dataset(dataset)}.{converter}"
        t0 = time.perf_counter()
        done = 0
        n_workers = max(1, min(workers, MAX_WORKERS))
        results: Iterable[tuple[str, str, float, str | None]]
        pool = mp.get_context("fork").Pool(n_workers) if n_workers > 1 else None
        try:
            results = pool.imap(_convert_one, jobs, chunksize=2) if pool else map(_convert_one, jobs)
            for doc_id, text, secs, err in results:
                cache[doc_id] = {"id": doc_id, "text": text, "seconds": round(secs, 5), "error": err}
                done += 1
                if done % 20 == 0:
                    progress(label, done, len(missing), t0)
        finally:
            if pool:
                pool.close()
                pool.join()
        progress(label, done, len(missing), t0, final=True)
        _write_cache(path, cache)
    return {i: cache[i] for i in want if i in cache}


def get_dumps(
    dataset: str, converter: str, ids: Iterable[str] | None = None, workers: int = MAX_WORKERS
) -> dict[str, str]:
    """{id: dumped text} for the pages asked for, converting only what is not cached yet."""
    recs = get_dump_records(dataset, converter, ids, workers)
    return {i: str(r["text"]) for i, r in recs.items()}


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Fill the dump cache.")
    ap.add_argument("--datasets", default="scrapinghub-aeb,wcxb-dev,trafilatura-eval")
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    args = ap.parse_args()
    for ds in args.datasets.split(","):
        for conv in args.converters.split(","):
            get_dumps(ds, conv)
