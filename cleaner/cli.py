"""The ``cleaner`` command: a thin pipe filter over the library."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

import click

from .corpus import Corpus, CorpusOptions, source_key
from .document import Document
from .parallel import available_cores, ordered_map
from .pipeline import DEFAULT_HTML_TIMEOUT, Options, RecordError, clean
from .reading import FORMATS, Item, Record, Reject, read_source
from .stats import DocSummary, Progress, RunStats, summarize
from .writing import DOCUMENT_SEPARATOR, OUTPUT_FORMATS, reject_line, render

EXAMPLES = """\b
Examples:
  cat article.txt | cleaner                 headline and body as text
  cleaner seeds/*.txt --to jsonl            one JSON record per file
  cleaner --explain article.txt             every input line with its label and reason
  cleaner --from jsonl --to jsonl < in.jsonl > out.jsonl
  cleaner --field content --rejects bad.jsonl crawl.jsonl > clean.jsonl
  cleaner --corpus --dedup --lang en,de --stats --to jsonl crawl.jsonl > clean.jsonl

\b
Input: with no FILE (or FILE '-') standard input is read. A file is one
document; on standard input a form feed (\\f) separates documents. JSONL input
holds one object per line with the article in --field; its other fields pass
through to --to jsonl output untouched. Text from any HTML-to-text converter
will do: Markdown markup (links, images, emphasis) is stripped, so are a
text browser's link numbers ([12]Link) and its list of link targets, and the
paragraphs of hard-wrapped text (html2text's default 78 columns, lynx, e-mail)
are joined back into one line each (--explain shows such a line as 3-9).

\b
Bad input never stops the stream: a record that cannot be read or cleaned is
reported as one JSON line on stderr (or written to --rejects FILE) with its
id, source, position, error kind and message, and the rest goes on. Kinds
include undecodable (plain text that is not UTF-8), too-large (over 32 MiB),
timeout (an HTML page past --html-timeout). With --strict the first reject
is written, then the run stops with status 1. Exit status: 0 when the stream
was processed (rejects included), 1 when the run itself failed (e.g. output
not writable, or a reject with --strict), 2 for a usage error, 130 on Ctrl-C.

\b
Corpus mode (--corpus; --dedup and --lang imply it) reads the input twice
(standard input is spooled to a temporary file): lines that recur in blocks
across documents of one source (the host of a record's 'url', else its
'source' field, else the file's folder) become boilerplate, reason
repeated-in-source:N; later copies of a document (the same or a similar
body) get dup_of and dup_similarity, or are dropped with --dedup; --stats
adds duplicates, drops and documents per language and source.
"""


def _inputs(files: tuple[str, ...], fmt: str, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    if not files:
        files = ("-",)
    for name in files:
        if name == "-":
            yield from read_source(stdin or sys.stdin.buffer, "stdin", fmt, whole=False)
        else:
            with open(name, "rb") as stream:
                yield from read_source(stream, name, fmt, whole=True)


def _document_id(record: Record) -> str:
    return f"stdin:{record.position}" if record.source == "stdin" else record.source


@dataclass
class Rendered:
    """A cleaned document as output text, and its summary for the statistics."""

    chunk: str
    summary: DocSummary | None


def process(item: Item, options: Options, fmt: str, explain: bool, summary: bool = False) -> Rendered | Reject:
    """Clean and render one input item: the per-record work, run in a worker with ``-j``.

    A record that cannot be cleaned becomes a Reject; a Reject passes through.
    """
    if isinstance(item, Reject):
        return item
    doc = _clean_item(item, options)
    if isinstance(doc, Reject):
        return doc
    if doc.id is None and isinstance(item.payload, str):
        doc.id = _document_id(item)
    chunk = render(doc, fmt, explain=explain)
    if not summary:
        return Rendered(chunk, None)
    return Rendered(chunk, summarize(doc, _payload_size(item.payload, options)))


def _clean_item(item: Record, options: Options, repeats: Mapping[int, int] | None = None) -> Document | Reject:
    """The document of one record, or the Reject saying why it has none."""
    if item.format != "auto":  # a document already read as text or HTML is not sniffed again
        options = dataclasses.replace(options, input_format=item.format)
    try:
        return clean(item.payload, options, repeats=repeats)
    except RecordError as exc:
        return Reject(item.source, item.position, exc.kind, str(exc), id=_payload_id(item.payload))
    except Exception as exc:  # a bug must not take the caller's pipeline down
        message = f"{type(exc).__name__}: {exc}"
        return Reject(item.source, item.position, "internal-error", message, id=_payload_id(item.payload))


def _payload_size(payload: Any, options: Options) -> int:
    """Characters (or bytes) of the article as given: the text, the page, or the record's field."""
    if isinstance(payload, dict):
        payload = payload.get(options.text_field, payload.get(options.html_field))
    return len(payload) if isinstance(payload, str | bytes) else 0


@contextlib.contextmanager
def _whole_writes() -> Iterator[None]:
    """A first Ctrl-C inside the block takes effect when it ends, so a record is never left half
    written (a write blocked on a full pipe would stop mid-line); a second one stops at once.
    Only the main thread can set signal handlers: elsewhere (``main`` called from a thread) the
    block runs as it is; so it does where SIGINT is ignored (a background job of a shell without
    job control, ``nohup``), which a run started so keeps ignoring."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield
        return
    interrupted = False

    def defer(signum: int, frame: Any) -> None:
        nonlocal interrupted
        if interrupted:
            raise KeyboardInterrupt
        interrupted = True

    previous = signal.signal(signal.SIGINT, defer)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        raise KeyboardInterrupt


class _Output:
    """Writes documents and rejects; text documents are separated by form feeds."""

    def __init__(self, out: IO[bytes], rejects: IO[str] | None, fmt: str, explain: bool) -> None:
        self.out, self.rejects, self.fmt, self.explain = out, rejects, fmt, explain
        self.documents = 0
        self.stats = RunStats()
        self.progress = Progress(self.stats, sys.stderr, enabled=False)

    def emit(self, result: Rendered | Reject) -> None:
        """Write one result of :func:`process` (in input order)."""
        if isinstance(result, Reject):
            self.stats.reject(result.kind)
            self.reject(result)
            return
        chunk = result.chunk
        if self.documents and self.fmt != "jsonl":
            chunk = DOCUMENT_SEPARATOR + chunk
        data = memoryview(chunk.encode("utf-8"))
        while data:  # a write interrupted by a signal can return short: write the rest
            data = data[self.out.write(data) :]
        self.documents += 1
        if result.summary is not None:
            self.stats.add(result.summary)
        self.progress.tick()

    def reject(self, reject: Reject) -> None:
        line = reject_line(reject)
        if self.rejects is not None:
            self.rejects.write(line)
        else:
            self.progress.clear()
            sys.stderr.write(f"cleaner: rejected {line}")


def _warm_up(options: Options) -> None:
    with contextlib.suppress(Exception):  # a real failure shows on the first record
        clean("The council approved the new budget on Monday after a long debate, officials said.", options)


def _payload_id(payload: Any) -> Any:
    return payload.get("id") if isinstance(payload, dict) else None


@click.command(epilog=EXAMPLES, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--from",
    "input_format",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Input format; auto: JSONL when the input opens with '{', else each document is sniffed: "
    "HTML when it opens like a page and its lines hold markup, else plain text. "
    "JSONL records may hold a page in 'html'.",
)
@click.option(
    "--to",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="text: headline, standfirst, body; markdown: with # headings and - lists; jsonl: one record per document.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="jsonl: add 'lines' (every input line's label and reason); text/markdown: print each input "
    "line prefixed by its label and reason instead of the clean text.",
)
@click.option(
    "--field",
    "text_field",
    default="text",
    show_default=True,
    metavar="NAME",
    help="JSONL field that holds the article text.",
)
@click.option(
    "--rejects",
    type=click.File("w", encoding="utf-8", lazy=True),
    metavar="FILE",
    help="Write records that could not be processed here (JSONL) instead of to stderr.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first reject (after writing it and every document before it), with exit status 1.",
)
@click.option(
    "--html-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_HTML_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Give up an HTML page after this long (a reject of kind 'timeout'); 0: no bound.",
)
@click.option(
    "--extracted",
    is_flag=True,
    help="The text is already an article, as a main-content extractor wrote it (trafilatura's text output): only "
    "the furniture rules remove lines (share bars, related stories, credits …), not the model of whole pages. "
    "Without it, a text that opens with two paragraphs of the article is taken as one.",
)
@click.option("--ascii-punctuation", is_flag=True, help="Fold typographic quotes and dashes to ASCII.")
@click.option("--no-language", is_flag=True, help="Skip language detection (lang is 'und').")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes (0: one per available core). Output order and bytes are the same as with -j 1.",
)
@click.option(
    "--stats",
    "show_stats",
    is_flag=True,
    help="At the end, print a summary on stderr: documents, rejects, lines removed by reason, languages, time.",
)
@click.option(
    "--corpus",
    "corpus_mode",
    is_flag=True,
    help="Corpus mode: lines repeated in blocks across documents of a source are boilerplate; later copies of a "
    "document get dup_of and dup_similarity. Reads the input twice.",
)
@click.option("--dedup", is_flag=True, help="Drop later copies instead of marking them (implies --corpus).")
@click.option(
    "--lang",
    "languages",
    metavar="LANGS",
    help="Keep only documents in these languages, e.g. en,de (implies --corpus; 'und' is a language here).",
)
@click.version_option(package_name="cleaner")
def main(
    files: tuple[str, ...],
    input_format: str,
    output_format: str,
    explain: bool,
    text_field: str,
    rejects: IO[str] | None,
    strict: bool,
    html_timeout: float,
    extracted: bool,
    ascii_punctuation: bool,
    no_language: bool,
    jobs: int,
    show_stats: bool,
    corpus_mode: bool,
    dedup: bool,
    languages: str | None,
) -> None:
    """Clean scraped articles: keep the headline, standfirst, byline, dateline,
    date and body; drop menus, share buttons, donation appeals, tag lists,
    related stories and other page furniture, with a label and reason for
    every line.
    """
    options = Options(
        text_field=text_field,
        ascii_punctuation=ascii_punctuation,
        detect_language=not no_language,
        html_timeout=html_timeout or None,
        extracted=extracted,
    )
    output = _Output(sys.stdout.buffer, rejects, output_format, explain)
    output.progress.enabled = sys.stderr.isatty()
    jobs = jobs or available_cores()
    work = functools.partial(
        process,
        options=options,
        fmt=output_format,
        explain=explain,
        summary=show_stats or output.progress.enabled,
    )
    if jobs > 1:
        _warm_up(options)  # workers are forked with the model and language profiles loaded
    corpus = None
    if corpus_mode or dedup or languages is not None:
        langs = frozenset(x.strip() for x in (languages or "").split(",") if x.strip()) or None
        corpus = Corpus(options, CorpusOptions(dedup=dedup, languages=langs))
    try:
        if corpus is not None:
            _run_corpus(corpus, files, input_format, output, jobs, show_stats or output.progress.enabled, strict)
        else:
            with contextlib.closing(ordered_map(work, _inputs(files, input_format), jobs)) as results:
                for result in results:
                    _emit(output, result, strict)
        output.out.flush()
        output.progress.finish()
        if show_stats:
            sys.stderr.write(output.stats.report())
            if corpus is not None:
                sys.stderr.write(corpus.stats.report())
    except BrokenPipeError:
        # The reader went away (`cleaner ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:
        raise click.ClickException(str(exc)) from None


CorpusUnit = tuple[Item, str, dict[int, int] | None]


def _emit(output: _Output, result: Rendered | Reject, strict: bool) -> None:
    """Write one result whole; with ``strict``, stop the run at a reject (after writing it)."""
    with _whole_writes():
        output.emit(result)
    if strict and isinstance(result, Reject):
        output.out.flush()
        raise click.ClickException(
            f"stopped at the first reject (--strict): {result.source}, position {result.position}"
        )


def _corpus_clean(unit: CorpusUnit, options: Options) -> tuple[Document | Reject, str]:
    """Pass 2 of the corpus mode for one item (its source, its repeated
    lines): the cleaned document (not yet rendered: duplicates are settled in
    input order first) or a Reject, and the source."""
    item, source, repeats = unit
    if isinstance(item, Reject):
        return item, source
    doc = _clean_item(item, options, repeats)
    if isinstance(doc, Reject):
        return doc, source
    if doc.id is None:  # dup_of needs an id: a record without one gets its place in the input
        doc.id = _document_id(item) if isinstance(item.payload, str) else f"{item.source}:{item.position}"
    return doc, source


def _corpus_units(corpus: Corpus, items: Iterator[Item]) -> Iterator[CorpusUnit]:
    for item in items:
        if isinstance(item, Reject):
            yield item, "", None
        else:
            source = source_key(item.payload, item.source)
            yield item, source, corpus.repeats(item.payload, source)


def _run_corpus(
    corpus: Corpus, files: tuple[str, ...], fmt: str, output: _Output, jobs: int, summary: bool, strict: bool
) -> None:
    """Corpus mode: pass 1 counts lines per source, pass 2 cleans (on ``jobs``
    workers) and settles duplicates and languages in input order."""
    with tempfile.TemporaryDirectory(prefix="cleaner-") as folder:
        spool = os.path.join(folder, "stdin")
        with open(spool, "wb") as out:
            if not files or "-" in files:
                shutil.copyfileobj(sys.stdin.buffer, out)

        def items() -> Iterator[Item]:
            with open(spool, "rb") as stdin:
                yield from _inputs(files, fmt, stdin)

        for item in items():
            if isinstance(item, Record):
                corpus.count(item.payload, source_key(item.payload, item.source))
        work = functools.partial(_corpus_clean, options=corpus.options)
        with contextlib.closing(ordered_map(work, _corpus_units(corpus, items()), jobs)) as results:
            for result, source in results:
                if isinstance(result, Reject):
                    _emit(output, result, strict)
                elif corpus.settle(result, source) is None:
                    rendered = render(result, output.fmt, explain=output.explain)
                    _emit(output, Rendered(rendered, summarize(result) if summary else None), strict)
