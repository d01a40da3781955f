"""The library API: ``clean``, ``clean_text``, ``clean_stream``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from . import language
from .classifying import classify
from .document import BODY_LABELS, Document
from .lexicon import default_lexicon
from .segmenting import segment


@dataclass(frozen=True)
class Options:
    """How to clean.

    ``text_field``: the field of a record that holds the article.
    ``ascii_punctuation``: fold typographic quotes and dashes to ASCII.
    ``detect_language``: run langdetect (off: ``lang`` is ``und`` and English
    stopwords are not assumed).
    """

    text_field: str = "text"
    ascii_punctuation: bool = False
    detect_language: bool = True


DEFAULT_OPTIONS = Options()


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


def clean(source: str | Mapping[str, Any], options: Options = DEFAULT_OPTIONS) -> Document:
    """Clean one article given as text or as a record holding it.

    A record's other fields come back in ``Document.extra``; its ``id`` in
    ``Document.id``.

    >>> doc = clean("Skip to main content\\n\\nRebels take key town\\n\\n"
    ...             "Rebels took the town on Friday after a long siege, officials said.")
    >>> doc.title, doc.text
    ('Rebels take key town', 'Rebels took the town on Friday after a long siege, officials said.')
    >>> [(line.number, line.label.value) for line in doc.lines]
    [(1, 'boilerplate'), (3, 'title'), (5, 'body')]
    """
    if isinstance(source, str):
        text, doc_id, extra = source, None, dict[str, Any]()
    elif isinstance(source, Mapping):
        text, doc_id, extra = _split_record(source, options.text_field)
    else:
        raise TypeError(f"clean() takes a str or a mapping, not {type(source).__name__}")
    lines = segment(text, ascii_punctuation=options.ascii_punctuation)
    lang, prob = language.UNDETERMINED, 0.0
    if options.detect_language:
        lang, prob = language.detect(language.sample([line.text for line in lines]))
    fields = classify(lines, language.stopwords(lang), default_lexicon())
    body = "\n\n".join(line.text for line in lines if line.label in BODY_LABELS)
    return Document(
        id=doc_id,
        title=fields.title,
        standfirst=fields.standfirst,
        byline=fields.byline,
        dateline=fields.dateline,
        text=body,
        lang=lang,
        lang_prob=prob,
        lines=lines,
        extra=extra,
    )


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
    """
    return readable_text(clean(text, options))


def clean_stream(sources: Iterable[str | Mapping[str, Any]], options: Options = DEFAULT_OPTIONS) -> Iterator[Document]:
    """Clean articles one at a time, lazily, in order."""
    for source in sources:
        yield clean(source, options)
