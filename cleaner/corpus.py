"""Corpus mode: cleaning a stream of documents as one corpus.

Three things a single document cannot tell:

- **Repeated lines.** Documents are grouped by source (:func:`source_key`:
  the host of a record's ``url``, else its ``source`` field, else the folder
  of the input file). Pass 1 counts in how many documents of its source each
  line occurs (:class:`cleaner.repeated.LineCounts`, bounded; near-copies
  of a page count once); pass 2 cleans every document with that evidence:
  a block of repeated lines becomes boilerplate, reason
  ``repeated-in-source:N`` (see :func:`cleaner.repeated.label_furniture`).
  The input is read twice, so it must be re-iterable (the command spools
  standard input to a temporary file).
- **Duplicates.** Each cleaned body is checked against the first copies seen
  before it (:class:`cleaner.minhash.DuplicateIndex`: the same normalized
  body, or MinHash/LSH near-duplicates). A later copy gets ``dup_of`` (the
  first copy's id) and ``dup_similarity``; with ``dedup`` it is dropped.
- **Languages.** With ``languages``, a document in another language
  (``und`` included) is dropped.

Nothing is dropped silently: :class:`CorpusStats` counts drops by reason,
duplicates and clusters, documents per language and per source.

>>> footer = ("\\n\\nOur reporters cover the city council, schools and local business every day."
...           "\\n\\nWe rely on readers like you to keep our newsroom going."
...           "\\n\\nThe Daily Example is published by Example Media Group in Springfield.")
>>> stories = ["The council approved the new budget on Monday after a long debate, officials said.",
...            "The mayor opened the new bridge on Tuesday after two years of building work, aides said."]
>>> pages = [{"url": f"https://www.example.com/{i}", "text": s + footer} for i, s in enumerate(stories)]
>>> from cleaner import clean_stream
>>> first, second = clean_stream(pages, corpus=CorpusOptions())
>>> [line.reason for line in first.lines[1:]], first.text == stories[0]
(['repeated-in-source:2', 'repeated-in-source:2', 'repeated-in-source:2'], True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .document import Document
from .html_decoding import looks_like_html
from .minhash import MAX_INDEXED_DOCUMENTS, NEAR_DUP_THRESHOLD, DuplicateIndex
from .pipeline import DEFAULT_OPTIONS, Options, clean
from .repeated import MAX_NEAR_COPY_GROUPS, MAX_TRACKED_LINES, LineCounts
from .segmenting import segment

#: Sources listed by name in the report; the others are counted together.
MAX_REPORTED_SOURCES = 10_000
#: Sources shown in the ``--stats`` text (the most frequent).
TOP_SOURCES = 10


@dataclass(frozen=True)
class CorpusOptions:
    """How to treat a stream as a corpus (``cleaner --corpus``).

    ``repeated_lines``: use lines repeated across documents of a source as
    boilerplate evidence (two passes over the input). ``dedup``: drop later
    copies instead of marking them. ``languages``: keep only documents in
    these languages (None: all). ``near_threshold``, ``max_tracked_lines``,
    ``max_indexed_documents``, ``max_near_copy_groups`` (0: near-copies of a
    page count as separate documents in pass 1): see :mod:`cleaner.minhash`
    and :mod:`cleaner.repeated`.
    """

    repeated_lines: bool = True
    dedup: bool = False
    languages: frozenset[str] | None = None
    near_threshold: float = NEAR_DUP_THRESHOLD
    max_tracked_lines: int = MAX_TRACKED_LINES
    max_indexed_documents: int = MAX_INDEXED_DOCUMENTS
    max_near_copy_groups: int = MAX_NEAR_COPY_GROUPS


def source_key(payload: str | bytes | Mapping[str, Any], origin: str | None = None) -> str:
    """The source a document belongs to: the host of its ``url`` (lower case,
    without ``www.``), else its ``source`` field, else the folder of the file
    it came from (``origin``), else ``""``.

    >>> source_key({"url": "https://WWW.Example.com/a/b"}), source_key({"source": "wire"}), source_key("x", "in/a.txt")
    ('example.com', 'wire', 'in')
    """
    if isinstance(payload, Mapping):
        url = payload.get("url")
        if isinstance(url, str):
            try:
                host = urlsplit(url.strip()).hostname
            except ValueError:
                host = None
            if host:
                return host.removeprefix("www.")
        source = payload.get("source")
        if isinstance(source, str) and source:
            return source
    if origin is None or origin == "stdin":
        return origin or ""
    folder, _, _ = origin.rpartition("/")
    return folder or "."


def text_lines(payload: str | bytes | Mapping[str, Any], options: Options = DEFAULT_OPTIONS) -> list[str]:
    """The normalized lines of a plain-text document ([] for HTML, bytes, or a record without text)."""
    text = payload.get(options.text_field) if isinstance(payload, Mapping) else payload
    if not isinstance(text, str) or options.input_format == "html":
        return []
    if options.input_format == "auto" and looks_like_html(text):
        return []
    return [line.text for line in segment(text, ascii_punctuation=options.ascii_punctuation)]


@dataclass
class CorpusStats:
    """What a corpus-mode run did: documents kept per language and source,
    documents dropped by reason, duplicates and their clusters."""

    languages: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    exact_duplicates: int = 0
    near_duplicates: int = 0
    #: First copies that have at least one later copy.
    clusters: int = 0

    def add_source(self, source: str) -> None:
        if source in self.sources or len(self.sources) < MAX_REPORTED_SOURCES:
            self.sources[source] += 1
        else:
            self.sources["(other sources)"] += 1

    def report(self) -> str:
        """Lines for the ``--stats`` summary."""

        def counts(counter: Counter[str], n: int | None = None) -> str:
            return ", ".join(f"{key or '-'} {value:,}" for key, value in counter.most_common(n)) or "-"

        rows = [
            f"duplicates    {self.exact_duplicates + self.near_duplicates:,} ({self.exact_duplicates:,} exact, "
            f"{self.near_duplicates:,} near) in {self.clusters:,} clusters",
            f"dropped       {sum(self.dropped.values()):,}" + (f" ({counts(self.dropped)})" if self.dropped else ""),
            f"kept by lang  {counts(self.languages)}",
            f"sources       {len(self.sources):,}; most documents kept: {counts(self.sources, TOP_SOURCES)}",
        ]
        return "corpus:\n" + "\n".join("  " + row for row in rows) + "\n"


class Corpus:
    """The state of one corpus-mode run: the line counts of pass 1, the
    duplicate index and the statistics of pass 2.

    Pass 1: :meth:`count` every document. Pass 2, in input order:
    :meth:`repeats` gives a document's evidence for
    :func:`cleaner.pipeline.clean`, :meth:`settle` marks the cleaned document
    as a duplicate and says whether it is dropped.
    """

    def __init__(self, options: Options = DEFAULT_OPTIONS, corpus: CorpusOptions | None = None) -> None:
        self.options = options
        self.corpus = corpus or CorpusOptions()
        self.lines = LineCounts(self.corpus.max_tracked_lines, groups=self.corpus.max_near_copy_groups)
        self.index = DuplicateIndex(self.corpus.near_threshold, self.corpus.max_indexed_documents)
        self.stats = CorpusStats()

    def count(self, payload: str | bytes | Mapping[str, Any], source: str) -> None:
        """Pass 1: count the document's lines in its source."""
        if self.corpus.repeated_lines:
            self.lines.add(source, text_lines(payload, self.options))

    def repeats(self, payload: str | bytes | Mapping[str, Any], source: str) -> dict[int, int] | None:
        """Pass 2: the document's repeated lines (None when the evidence is off)."""
        if not self.corpus.repeated_lines:
            return None
        return self.lines.repeats(source, text_lines(payload, self.options))

    def settle(self, doc: Document, source: str) -> str | None:
        """Check the cleaned document in input order: set ``dup_of`` and
        ``dup_similarity`` on a later copy; return why it is dropped
        (``language``, ``duplicate``) or None when it is kept."""
        languages = self.corpus.languages
        if languages is not None and doc.lang not in languages:
            self.stats.dropped["language"] += 1
            return "language"
        match = self.index.see(doc.id, doc.text)
        if match is not None:
            doc.dup_of, doc.dup_similarity = match.id, match.similarity
            if match.exact:
                self.stats.exact_duplicates += 1
            else:
                self.stats.near_duplicates += 1
            self.stats.clusters += match.first
            if self.corpus.dedup:
                self.stats.dropped["duplicate"] += 1
                return "duplicate"
        self.stats.languages[doc.lang] += 1
        self.stats.add_source(source)
        return None


def corpus_stream(
    sources: Iterable[str | Mapping[str, Any]],
    options: Options = DEFAULT_OPTIONS,
    corpus: CorpusOptions | None = None,
    *,
    stats: CorpusStats | None = None,
) -> Iterator[Document]:
    """Clean ``sources`` as a corpus, lazily, in order (what
    ``clean_stream(..., corpus=...)`` runs).

    ``sources`` is read twice: pass a list or another re-iterable, not an
    iterator. A document without an id gets its 1-based position in the
    input. Dropped documents are not yielded; ``stats`` (a
    :class:`CorpusStats` to fill) counts them.
    """
    if iter(sources) is sources:
        raise TypeError("corpus mode reads its input twice: pass a list or another re-iterable, not an iterator")
    state = Corpus(options, corpus)
    if stats is not None:
        state.stats = stats
    for source in sources:
        state.count(source, source_key(source))
    for position, source in enumerate(sources, start=1):
        key = source_key(source)
        doc = clean(source, options, repeats=state.repeats(source, key))
        if doc.id is None:
            doc.id = str(position)
        if state.settle(doc, key) is None:
            yield doc
