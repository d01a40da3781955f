"""The library API: ``clean``, ``clean_text``, ``clean_stream``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import html as html_input
from . import language
from .classifying import Fields, classify
from .document import BODY_LABELS, Document, Label, Line
from .headline import TitleModel, default_title_model, url_words
from .html_blocks import Block, Extraction
from .html_decoding import decode_html, looks_like_html
from .html_second_pass import SECOND_PASS, label_blocks
from .lexicon import default_lexicon
from .model import LineModel, default_model
from .repeated import label_furniture, line_key
from .segmenting import link_list_start, segment

if TYPE_CHECKING:
    from .corpus import CorpusOptions


@dataclass(frozen=True)
class Options:
    """How to clean.

    ``text_field``: the field of a record that holds the article.
    ``ascii_punctuation``: fold typographic quotes and dashes to ASCII.
    ``detect_language``: run langdetect (off: ``lang`` is ``und`` and English
    stopwords are not assumed).
    ``model``: the line model; None uses the packaged one.
    ``input_format``: ``text``, ``html``, or ``auto`` (HTML when the document
    opens like a page, see :func:`cleaner.html_decoding.looks_like_html`).
    ``html_field``: the field of a record that holds a page's HTML (read when
    the record has no ``text_field``, or with ``input_format="html"``).
    ``extracted``: the text is already an article, as a main-content
    extractor wrote it (trafilatura's text output): only the furniture rules
    remove lines, as on trafilatura's blocks in the HTML path
    (:func:`cleaner.html_second_pass.label_blocks`), not the line model,
    which was trained on whole pages and cuts an article's lists and short
    paragraphs; the headline is still chosen from the text. Without it, a
    text that opens with the article (``Fields.extracted``: two paragraphs
    of it first, see :data:`cleaner.classifying.OPENING_PARAGRAPHS`) is
    cleaned so too.
    ``html_timeout``: seconds the work on one HTML page may take; past it the
    page is given up with ``RecordError("timeout")``. None (the library's
    default): no bound. The bound is a ``SIGALRM`` timer, so it applies in
    the main thread only (see :func:`cleaner.html.time_limit`); the command
    sets :data:`DEFAULT_HTML_TIMEOUT`.
    """

    text_field: str = "text"
    ascii_punctuation: bool = False
    detect_language: bool = True
    model: LineModel | None = None
    title_model: TitleModel | None = None
    input_format: str = "auto"
    html_field: str = "html"
    html_timeout: float | None = None
    extracted: bool = False


DEFAULT_OPTIONS = Options()
#: The command's bound on the work on one HTML page, in seconds. Real pages
#: take tens of milliseconds (``bench.html_dev timing``); a 5 MB attribute
#: value takes about 3 s (htmldate's date patterns scan the whole page).
#: 10 s stops a pathological page and leaves room for a loaded machine.
DEFAULT_HTML_TIMEOUT = 10.0


class RecordError(ValueError):
    """A record cannot be cleaned (its text field is missing or not a string)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _split_record(record: Mapping[str, Any], field: str) -> tuple[str, Any, dict[str, Any]]:
    if field not in record:
        raise RecordError("missing-field", f"record has no {field!r} field (fields: {', '.join(map(str, record))})")
    text = record[field]
    if not isinstance(text, str):
        raise RecordError("bad-field-type", f"field {field!r} holds {type(text).__name__}, not a string")
    extra = {k: v for k, v in record.items() if k != field}
    return text, record.get("id"), extra


def clean(
    source: str | bytes | Mapping[str, Any],
    options: Options = DEFAULT_OPTIONS,
    *,
    repeats: Mapping[int, int] | None = None,
) -> Document:
    """Clean one article given as text, HTML (text or bytes) or a record holding it.

    A record's other fields come back in ``Document.extra``; its ``id`` in
    ``Document.id``; its ``url`` is evidence for the headline (a slug often
    spells it, see :data:`cleaner.headline.URL_FEATURES`). HTML goes through :func:`clean_html`. ``repeats`` (the
    corpus mode, :mod:`cleaner.corpus`): for the lines repeated in the
    document's source, ``line_key -> documents`` (:meth:`cleaner.repeated.LineCounts.repeats`);
    it is evidence for text input only (trafilatura's extraction already
    leaves a page's template out of HTML input).

    >>> doc = clean("Skip to main content\\n\\nRebels take key town\\n\\n"
    ...             "Rebels took the town on Friday after a long siege, officials said.")
    >>> doc.title, doc.text
    ('Rebels take key town', 'Rebels took the town on Friday after a long siege, officials said.')
    >>> [(line.number, line.label.value) for line in doc.lines]
    [(1, 'boilerplate'), (3, 'title'), (5, 'body')]
    """
    fmt = options.input_format
    if isinstance(source, bytes):
        if fmt == "html" or (fmt == "auto" and looks_like_html(source)):
            return clean_html(decode_html(source), options)
        source = source.decode("utf-8-sig", errors="replace")
    if isinstance(source, str):
        text, doc_id, extra = source, None, dict[str, Any]()
    elif isinstance(source, Mapping):
        field = options.text_field
        if fmt == "html" or (field not in source and options.html_field in source):
            field = options.html_field
        text, doc_id, extra = _split_record(source, field)
        if field == options.html_field and fmt != "text":
            return clean_html(text, options, doc_id=doc_id, extra=extra)
    else:
        raise TypeError(f"clean() takes a str, bytes or a mapping, not {type(source).__name__}")
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        return clean_html(text, options, doc_id=doc_id, extra=extra)
    lines = segment(text, ascii_punctuation=options.ascii_punctuation)
    # a text browser's list of link targets is furniture, and kept from the
    # classifier: hundreds of lines of it would shift every position feature
    cut = link_list_start(lines)
    article, link_list = lines[:cut], lines[cut:]
    for line in link_list:
        line.set(Label.BOILERPLATE, "shape:link-list")
    lang, prob = _language(article, options)
    model = options.model or default_model()
    url = _record_url(extra)
    title_model = options.title_model or default_title_model(uses_url=url_words(url) is not None)
    counts = None if repeats is None else [repeats.get(line_key(line.text), 0) for line in article]
    stops = language.stopwords(lang)
    fields = classify(article, stops, default_lexicon(), model, title_model, counts, url, lang)
    if options.extracted or fields.extracted:
        fields = _rules_only(article, fields.title, stops, model, title_model, lang)
        if counts is not None:
            label_furniture(article, counts)
    return _document(lines, fields, lang, prob, doc_id=doc_id, extra=extra)


def _rules_only(
    lines: list[Line], title: str | None, stops: frozenset[str], model: LineModel, title_model: TitleModel, lang: str
) -> Fields:
    """Relabel the classified ``lines`` of an extracted article as the HTML
    path labels trafilatura's blocks (``rules`` mode), the lines the
    classifier took for subheadings as headings and its headline as the
    page's title; the reasons read ``extracted:…`` (``extracted:paragraph``)."""
    kinds = ["heading" if line.label is Label.HEADING else "paragraph" for line in lines]
    fields = label_blocks(
        lines, kinds, Extraction(title=title), stops, default_lexicon(), model, "rules", title_model, lang
    )
    for line in lines:
        if line.reason.startswith("html:"):  # the HTML path's names, for text that came as text
            line.set(line.label, "extracted:" + line.reason.removeprefix("html:"))
    return fields


def _record_url(extra: Mapping[str, Any]) -> str | None:
    url = extra.get("url")
    return url if isinstance(url, str) else None


def _language(lines: list[Line], options: Options) -> tuple[str, float]:
    if not options.detect_language:
        return language.UNDETERMINED, 0.0
    return language.document_language([line.text for line in lines])


def _document(
    lines: list[Line], fields: Fields, lang: str, prob: float, *, doc_id: Any, extra: dict[str, Any]
) -> Document:
    """The document of labelled lines: body text from the body and heading lines."""
    return Document(
        id=doc_id,
        title=fields.title,
        standfirst=fields.standfirst,
        byline=fields.byline,
        dateline=fields.dateline,
        date=fields.date,
        text="\n\n".join(line.text for line in lines if line.label in BODY_LABELS),
        lang=lang,
        lang_prob=prob,
        lines=lines,
        extra=extra,
    )


def clean_html(
    page: str,
    options: Options = DEFAULT_OPTIONS,
    *,
    url: str | None = None,
    doc_id: Any = None,
    extra: dict[str, Any] | None = None,
) -> Document:
    """Clean one HTML page: trafilatura's blocks, then the text-level pass.

    The blocks become the document's lines (one block, one line); the HTML
    metadata fills ``date``, ``site_name``, ``url`` and is evidence for the
    title and byline (see :func:`cleaner.html_second_pass.label_blocks`). A page
    trafilatura finds nothing on is cleaned from a plain dump of its text and
    flagged ``html-fallback``. With ``options.html_timeout``, a page that takes
    longer raises ``RecordError("timeout")``.
    """
    extra = dict(extra or {})
    url = url or _record_url(extra)
    try:
        with html_input.time_limit(options.html_timeout):
            return clean_extraction(html_input.extract(page, url), options, doc_id=doc_id, extra=extra)
    except html_input.HtmlTimeout:
        raise RecordError("timeout", f"HTML page not cleaned within {options.html_timeout:g} s") from None


def clean_extraction(
    ext: Extraction,
    options: Options = DEFAULT_OPTIONS,
    *,
    doc_id: Any = None,
    extra: dict[str, Any] | None = None,
    second_pass: str = SECOND_PASS,
) -> Document:
    """The text-level pass over an :class:`~cleaner.html_blocks.Extraction` (what :func:`clean_html` runs).

    A fall-back extraction (a plain dump of the page) goes through the whole
    text classifier and is flagged ``html-fallback``.
    """
    doc = _clean_blocks(ext.blocks, ext, options, second_pass, doc_id, extra)
    if ext.fallback:
        doc.flags.append("html-fallback")
    return doc


def _clean_blocks(
    blocks: list[Block],
    ext: Extraction,
    options: Options,
    second_pass: str,
    doc_id: Any,
    extra: dict[str, Any] | None,
) -> Document:
    lines: list[Line] = []
    kinds: list[str] = []
    for number, block in enumerate(blocks, start=1):
        for line in segment(block.text, ascii_punctuation=options.ascii_punctuation, layout=False):
            line.number = number
            lines.append(line)
            kinds.append(block.kind)
    lang, prob = _language(lines, options)
    mode = "full" if ext.fallback else second_pass
    stops = language.stopwords(lang)
    fields = label_blocks(lines, kinds, ext, stops, default_lexicon(), options.model, mode, options.title_model, lang)
    doc = _document(lines, fields, lang, prob, doc_id=doc_id, extra=dict(extra or {}))
    doc.date, doc.site_name, doc.url = ext.date, ext.site_name, ext.url
    return doc


def readable_text(doc: Document) -> str:
    """Headline, standfirst and body paragraphs, separated by blank lines."""
    return "\n\n".join(part for part in (doc.title, doc.standfirst, doc.text) if part)


def clean_text(text: str, options: Options = DEFAULT_OPTIONS) -> str:
    """The cleaned article as readable text: headline, standfirst, body.

    >>> print(clean_text("Home\\n\\nRebels take key town\\n\\n"
    ...                  "Rebels took the town on Friday after a long siege, officials said.\\n\\nShare:"))
    Rebels take key town
    <BLANKLINE>
    Rebels took the town on Friday after a long siege, officials said.

    The result is a fixed point: cleaning it again gives it back. The line
    model judges each line by its neighbours, so a second pass over a cleaned
    text can still drop a line; ``clean_text`` re-cleans until nothing
    changes, which on most texts costs one confirming pass. A pass keeps a
    subset of its input's lines, but it puts the headline first: where the
    ranker takes a line below a kept paragraph for the headline, the passes
    can swap two lines for ever. Such a cycle ends on its smallest text
    (string order), whichever of its texts the passes entered it by, so the
    result is still a fixed point of ``clean_text``.
    """
    out = readable_text(clean(text, options))
    as_text = dataclasses.replace(options, input_format="text")
    seen = [out]
    while True:
        again = readable_text(clean(out, as_text))
        if again == out:
            return out
        if again in seen:
            return min(seen[seen.index(again) :])
        seen.append(again)
        out = again


def clean_stream(
    sources: Iterable[str | Mapping[str, Any]],
    options: Options = DEFAULT_OPTIONS,
    *,
    corpus: CorpusOptions | None = None,
) -> Iterator[Document]:
    """Clean articles one at a time, lazily, in order.

    With ``corpus`` (:class:`cleaner.corpus.CorpusOptions`) the stream is
    cleaned as a corpus: ``sources`` is read twice (pass a list or another
    re-iterable), lines repeated across documents of a source are evidence,
    later copies are marked or dropped, see :mod:`cleaner.corpus`.
    """
    if corpus is not None:
        from .corpus import corpus_stream  # corpus builds on this module

        yield from corpus_stream(sources, options, corpus)
        return
    for source in sources:
        yield clean(source, options)
