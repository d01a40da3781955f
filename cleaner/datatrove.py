"""``cleaner`` inside a datatrove pipeline (``pip install 'cleaner[datatrove]'``).

Two pipeline steps, for corpora beyond one machine (datatrove runs them
locally, on Slurm or on Ray):

- :class:`CleanerFilter`: a filter over text documents (e.g. from
  ``JsonlReader``), run in-process. Each document's text is replaced by the
  cleaned article, the cleaner's fields (``title``, ``standfirst``,
  ``byline``, ``dateline``, ``lang``, ``lang_prob``, …) are copied into
  ``doc.metadata``, and a document left with no body is dropped with a
  reason (counted by datatrove as ``dropped_<reason>``, and written to the
  ``exclusion_writer`` if one is given).
- :class:`CleanerExtractor`: an extractor for HTML documents, usable where
  FineWeb uses datatrove's ``Trafilatura`` step
  (``WarcReader → URLFilter → CleanerExtractor → … → JsonlWriter``); like it,
  each page is extracted in a sandbox process with a timeout. The page's
  ``url`` metadata (set by ``WarcReader``) is passed on to the HTML path.

datatrove is imported by this module only, so ``cleaner`` itself never needs
it; without it, constructing a step raises an ImportError saying what to
install.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Any

from .document import Document as CleanDocument
from .pipeline import DEFAULT_OPTIONS, Options, RecordError, clean, readable_text
from .writing import to_record

_IMPORT_ERROR: ImportError | None = None
try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # the extra is not installed
    _IMPORT_ERROR = exc
    BaseFilter = BaseExtractor = object

#: Reasons a document is dropped (datatrove counts them as ``dropped_<reason>``).
REASON_EMPTY_INPUT = "cleaner_empty_input"
REASON_NO_BODY = "cleaner_no_body"
REASON_BAD_RECORD = "cleaner_bad_record"
REASON_ERROR = "cleaner_error"
#: Which text replaces ``doc.text``: the headline, standfirst and body
#: (what ``cleaner --to text`` prints) or the body paragraphs only.
TEXT_CHOICES = ("readable", "body")


def _require_datatrove() -> None:
    if _IMPORT_ERROR is not None:
        raise ImportError(
            f"the cleaner datatrove steps need datatrove ({_IMPORT_ERROR}); install it with "
            "`pip install 'cleaner[datatrove]'`"
        ) from _IMPORT_ERROR


def metadata_fields(doc: CleanDocument, *, explain: bool = False, prefix: str = "") -> dict[str, Any]:
    """The cleaner's fields of a cleaned document, as datatrove metadata.

    The same fields as ``cleaner --to jsonl`` (without ``id`` and ``text``);
    fields without a value are left out, so they never overwrite what a
    reader put there (e.g. ``WarcReader``'s ``url`` and ``date``).

    >>> from cleaner import clean
    >>> fields = metadata_fields(clean("Rebels took the town on Friday after a long siege, officials said."),
    ...                          prefix="cleaner_")
    >>> fields["cleaner_lang"], "cleaner_text" in fields, "cleaner_dateline" in fields
    ('en', False, False)
    """
    record = to_record(doc, explain=explain)
    return {prefix + key: value for key, value in record.items() if key not in ("id", "text") and value is not None}


def _output_text(doc: CleanDocument, text: str) -> str:
    return readable_text(doc) if text == "readable" else doc.text


class CleanerFilter(BaseFilter):  # type: ignore[misc]
    """Clean each document's text in place; drop those left without a body.

    ``options``: how to clean (:class:`cleaner.Options`; its ``text_field``
    is not used: the step cleans ``doc.text``). ``text``: ``"readable"``
    (headline, standfirst and body, the default) or ``"body"``.
    ``explain``: also store every line's label and reason in
    ``metadata[prefix + "lines"]``. ``prefix``: put before every metadata key
    (e.g. ``"cleaner_"``). ``exclusion_writer``: a datatrove writer that
    receives the dropped documents, with ``metadata["filter_reason"]``.
    """

    name = "🧹 cleaner"

    def __init__(
        self,
        options: Options = DEFAULT_OPTIONS,
        *,
        text: str = "readable",
        explain: bool = False,
        prefix: str = "",
        exclusion_writer: Any = None,
    ) -> None:
        _require_datatrove()
        if text not in TEXT_CHOICES:
            raise ValueError(f"text must be one of {', '.join(TEXT_CHOICES)}, not {text!r}")
        super().__init__(exclusion_writer)
        self.options, self.text, self.explain, self.prefix = options, text, explain, prefix

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        if not doc.text or not doc.text.strip():
            return False, REASON_EMPTY_INPUT
        try:
            cleaned = clean(doc.text, self.options)
        except RecordError:
            return False, REASON_BAD_RECORD
        except Exception:  # a bug must not stop the whole task; counted, and kept by the exclusion writer
            return False, REASON_ERROR
        doc.metadata.update(metadata_fields(cleaned, explain=self.explain, prefix=self.prefix))
        if not cleaned.text:
            return False, REASON_NO_BODY
        doc.text = _output_text(cleaned, self.text)
        return True


_WARM_UP_PAGE = (
    "<html><head><title>Council approves budget</title></head><body><article><h1>Council approves budget</h1>"
    "<p>The council approved the new budget on Monday after a long debate, officials said.</p></article></body></html>"
)


def _extract_page(html: str, url: str | None, options: Options, text: str, prefix: str) -> dict[str, Any]:
    """Clean one page; the output text under ``""`` (runs in the extractor's sandbox process)."""
    if not html or not html.strip():
        return {"": ""}
    cleaned = clean({"html": html, "url": url} if url else {"html": html}, options)
    fields = metadata_fields(cleaned, prefix=prefix)
    fields[""] = _output_text(cleaned, text) if cleaned.text else ""
    return fields


class CleanerExtractor(BaseExtractor):  # type: ignore[misc]
    """HTML pages to cleaned articles, in place of datatrove's ``Trafilatura`` step.

    Each document's text (a page's HTML, as ``WarcReader`` gives it) becomes
    the cleaned article; the cleaner's fields go into ``doc.metadata``; a page
    without a body is dropped (``dropped_cleaner_no_body``). As datatrove's
    own extractors do, the work runs in a sandbox process and a page that
    takes longer than ``timeout`` seconds is skipped (``timeout``).
    """

    name = "🧹 cleaner (HTML)"

    def __init__(
        self,
        options: Options = DEFAULT_OPTIONS,
        *,
        text: str = "readable",
        prefix: str = "",
        timeout: float = 1,
    ) -> None:
        _require_datatrove()
        if text not in TEXT_CHOICES:
            raise ValueError(f"text must be one of {', '.join(TEXT_CHOICES)}, not {text!r}")
        super().__init__(timeout)
        self.options = dataclasses.replace(options, input_format="html", text_field="text", html_field="html")
        self.text, self.prefix = text, prefix

    def extract(self, text: str) -> str:
        """The cleaned article of one page (the ``BaseExtractor`` interface)."""
        return str(_extract_page(text, None, self.options, self.text, self.prefix)[""])

    def _extract_with_fields(self, html: str, url: str | None) -> dict[str, Any]:
        return _extract_page(html, url, self.options, self.text, self.prefix)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> Iterator[Document]:
        # Load trafilatura, the models and langdetect here once: the sandbox
        # process is forked from this one (and forked again after a timeout).
        with contextlib.suppress(Exception):
            self._extract_with_fields(_WARM_UP_PAGE, None)
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    url = doc.metadata.get("url")
                    try:
                        fields = sandbox.process_document(
                            (doc.text, url if isinstance(url, str) else None), self._extract_with_fields
                        )
                    except TimeoutError:
                        self.stat_update("timeout")
                        continue
                    except EOFError:
                        self.stat_update("broken_process")
                        continue
                    except Exception:
                        self.stat_update("clean_error")
                        continue
                text = fields.pop("")
                doc.metadata.update(fields)
                if not text:
                    self.stat_update(StatHints.dropped, f"dropped_{REASON_NO_BODY}")
                    continue
                doc.text = text
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
