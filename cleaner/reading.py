"""Reading inputs into records, lazily, without losing any.

Every input unit (a plain-text document, a JSONL line) becomes either a
:class:`Record` or a :class:`Reject` that says where it came from and why it
could not be read. Bytes are decoded as UTF-8 (a BOM is dropped); bytes that
are not UTF-8 reject that unit only, with a message naming the fix. HTML
documents (``--from html``, or sniffed per document with ``auto``) are decoded
by :func:`cleaner.html_decoding.decode_html` instead (BOM, ``<meta charset>``, a
detector), which never rejects.

Input is read in bounded pieces: a document (a file, a form-feed separated
document on a stream, a JSONL line) larger than :data:`MAX_DOCUMENT_BYTES`
is rejected (kind ``too-large``) without being held in memory; the stream
goes on after it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, cast

from .html_decoding import decode_html, looks_like_html

#: Bytes read per chunk from a stream of plain-text documents.
CHUNK_BYTES = 1 << 16
#: Largest document (or JSONL line) read, in bytes: 32 MiB. A news article is
#: at most a few hundred kilobytes; past tens of megabytes an input is a dump,
#: not a document. Cleaning holds about ten times a document's size (its
#: text, lines and features), so this bounds one record's memory to a few
#: hundred megabytes, and keeps a 20 MB single-line document readable.
MAX_DOCUMENT_BYTES = 32 << 20
FORMATS = ("auto", "text", "jsonl", "html")


@dataclass
class Record:
    """One article to clean: its text (or the JSON object holding it) and where it came from."""

    source: str
    position: int
    payload: str | dict[str, Any]
    #: ``text`` or ``html`` for a document read as such; ``auto`` for a JSONL
    #: record (its text field is sniffed when cleaned).
    format: str = "auto"


@dataclass
class Reject:
    """An input unit that could not become a document."""

    source: str
    position: int
    kind: str
    message: str
    id: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "position": self.position,
            "error": {"kind": self.kind, "message": self.message},
        }


Item = Record | Reject


def _decode(data: bytes, source: str, position: int) -> str | Reject:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Reject(
            source,
            position,
            "undecodable",
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
        )


def _too_large(source: str, position: int, what: str) -> Reject:
    return Reject(
        source,
        position,
        "too-large",
        f"{what} is larger than {MAX_DOCUMENT_BYTES:,} bytes (MAX_DOCUMENT_BYTES); split it first",
    )


def _document(data: bytes, source: str, position: int, fmt: str) -> Item:
    if fmt == "html" or (fmt == "auto" and looks_like_html(data)):
        return Record(source, position, decode_html(data), "html")
    text = _decode(data, source, position)
    return text if isinstance(text, Reject) else Record(source, position, text, "text")


def read_text_documents(stream: IO[bytes], source: str, fmt: str = "text") -> Iterator[Item]:
    """Plain-text documents separated by form feeds (``\\f``), one at a time.

    The form feed byte never occurs inside a UTF-8 sequence, so documents are
    split before decoding and a bad byte rejects only its own document. A
    document that grows past :data:`MAX_DOCUMENT_BYTES` is dropped as it is
    read (only its size is kept) and rejected.
    """
    pending = bytearray()
    oversized = False
    position = 0

    def finish() -> Iterator[Item]:
        nonlocal position, oversized, pending
        data, was_oversized = bytes(pending), oversized
        pending, oversized = bytearray(), False
        if not was_oversized and not data.strip():
            return
        position += 1
        yield _too_large(source, position, "document") if was_oversized else _document(data, source, position, fmt)

    def add(part: bytes) -> None:
        nonlocal oversized
        if not oversized:
            pending.extend(part)
            if len(pending) > MAX_DOCUMENT_BYTES:
                oversized = True
                pending.clear()

    while chunk := stream.read(CHUNK_BYTES):
        parts = chunk.split(b"\f")
        add(parts[0])
        for part in parts[1:]:
            yield from finish()
            add(part)
    yield from finish()


def read_text_file(stream: IO[bytes], source: str, fmt: str = "text") -> Iterator[Item]:
    """A whole file as one document (an empty file is an empty document).

    Read in chunks; a file larger than :data:`MAX_DOCUMENT_BYTES` is rejected
    when its size passes the limit, without reading the rest of it.
    """
    data = bytearray()
    while chunk := stream.read(CHUNK_BYTES):
        data.extend(chunk)
        if len(data) > MAX_DOCUMENT_BYTES:
            yield _too_large(source, 1, "file")
            return
    yield _document(bytes(data), source, 1, fmt)


def bounded_lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """The lines of a binary stream, each read up to :data:`MAX_DOCUMENT_BYTES`;
    a longer line is skipped to its end and given as None."""
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) <= MAX_DOCUMENT_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(CHUNK_BYTES)) and not rest.endswith(b"\n"):
            pass
        yield None


def parse_jsonl_line(data: bytes, source: str, position: int) -> Item | None:
    """One JSONL line: a Record holding the object, a Reject, or None for a blank line."""
    text = _decode(data, source, position)
    if isinstance(text, Reject):
        return text
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return Reject(source, position, "invalid-json", f"invalid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return Reject(source, position, "invalid-json", "invalid JSON: nested too deeply")
    if not isinstance(value, dict):
        return Reject(source, position, "not-an-object", f"a JSON {type(value).__name__} is not a record object")
    return Record(source, position, value)


def read_jsonl(lines: Iterable[bytes | None], source: str) -> Iterator[Item]:
    """The records of JSONL lines; a None line (too long, see :func:`bounded_lines`) is rejected."""
    for position, data in enumerate(lines, start=1):
        item = _too_large(source, position, "line") if data is None else parse_jsonl_line(data, source, position)
        if item is not None:
            yield item


def sniff(head: bytes) -> str:
    """``jsonl`` when the input opens with a JSON object, else ``text``.

    >>> sniff(b'  {"id": 1, "text": "x"}\\n'), sniff(b"Headline\\n\\nBody")
    ('jsonl', 'text')
    """
    return "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "text"


def read_source(stream: IO[bytes], source: str, fmt: str, *, whole: bool) -> Iterator[Item]:
    """The records of one input. ``whole``: a plain-text input is one document
    (a file) rather than form-feed separated documents (a stream). With
    ``auto``, an input opening with ``{`` is JSONL; otherwise each document
    is sniffed: HTML or plain text."""
    if not isinstance(stream, io.BufferedReader):
        stream = io.BufferedReader(cast(io.RawIOBase, stream))  # any readable binary stream gains peek()
    if fmt == "auto" and sniff(stream.peek(64)) == "jsonl":
        fmt = "jsonl"
    if fmt == "jsonl":
        yield from read_jsonl(bounded_lines(stream), source)
    elif whole:
        yield from read_text_file(stream, source, fmt)
    else:
        yield from read_text_documents(stream, source, fmt)
