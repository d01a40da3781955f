"""The ``cleaner`` command: a thin pipe filter over the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from .pipeline import Options, RecordError, clean
from .reading import FORMATS, Item, Record, Reject, read_source
from .writing import DOCUMENT_SEPARATOR, OUTPUT_FORMATS, reject_line, render

EXAMPLES = """\b
Examples:
  cat article.txt | cleaner                 headline and body as text
  cleaner seeds/*.txt --to jsonl            one JSON record per file
  cleaner --explain article.txt             every input line with its label and reason
  cleaner --from jsonl --to jsonl < in.jsonl > out.jsonl
  cleaner --field content --rejects bad.jsonl crawl.jsonl > clean.jsonl

\b
Input: with no FILE (or FILE '-') standard input is read. A file is one
document; on standard input a form feed (\\f) separates documents. JSONL input
holds one object per line with the article in --field; its other fields pass
through to --to jsonl output untouched.

\b
Bad input never stops the stream: a record that cannot be read or cleaned is
reported as one JSON line on stderr (or written to --rejects FILE) and the
rest goes on. Exit status: 0 when the stream was processed (rejects
included), 1 when the run itself failed (e.g. output not writable), 2 for a
usage error.
"""


def _inputs(files: tuple[str, ...], fmt: str) -> Iterator[Item]:
    if not files:
        files = ("-",)
    for name in files:
        if name == "-":
            yield from read_source(sys.stdin.buffer, "stdin", fmt, whole=False)
        else:
            with open(name, "rb") as stream:
                yield from read_source(stream, name, fmt, whole=True)


def _document_id(record: Record) -> str:
    return f"stdin:{record.position}" if record.source == "stdin" else record.source


class _Output:
    """Writes documents and rejects; text documents are separated by form feeds."""

    def __init__(self, out: IO[bytes], rejects: IO[str] | None, fmt: str, explain: bool) -> None:
        self.out, self.rejects, self.fmt, self.explain = out, rejects, fmt, explain
        self.documents = 0

    def document(self, payload: Any, record: Record, options: Options) -> None:
        try:
            doc = clean(payload, options)
        except RecordError as exc:
            self.reject(Reject(record.source, record.position, exc.kind, str(exc), id=_payload_id(payload)))
            return
        except Exception as exc:  # a bug must not take the caller's pipeline down
            message = f"{type(exc).__name__}: {exc}"
            self.reject(Reject(record.source, record.position, "internal-error", message, id=_payload_id(payload)))
            return
        if doc.id is None and isinstance(payload, str):
            doc.id = _document_id(record)
        chunk = render(doc, self.fmt, explain=self.explain)
        if self.documents and self.fmt != "jsonl":
            chunk = DOCUMENT_SEPARATOR + chunk
        self.out.write(chunk.encode("utf-8"))
        self.documents += 1

    def reject(self, reject: Reject) -> None:
        line = reject_line(reject)
        if self.rejects is not None:
            self.rejects.write(line)
        else:
            sys.stderr.write(f"cleaner: rejected {line}")


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
    help="Input format; auto: JSONL when the input opens with '{', else plain text.",
)
@click.option(
    "--to",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="text: headline, standfirst, body; markdown: with # headings; jsonl: one record per document.",
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
@click.option("--ascii-punctuation", is_flag=True, help="Fold typographic quotes and dashes to ASCII.")
@click.option("--no-language", is_flag=True, help="Skip language detection (lang is 'und').")
@click.version_option(package_name="cleaner")
def main(
    files: tuple[str, ...],
    input_format: str,
    output_format: str,
    explain: bool,
    text_field: str,
    rejects: IO[str] | None,
    ascii_punctuation: bool,
    no_language: bool,
) -> None:
    """Clean scraped articles: keep the headline, standfirst, byline, dateline
    and body; drop menus, share buttons, donation appeals, tag lists, related
    stories and other page furniture, with a label and reason for every line.
    """
    options = Options(text_field=text_field, ascii_punctuation=ascii_punctuation, detect_language=not no_language)
    output = _Output(sys.stdout.buffer, rejects, output_format, explain)
    try:
        for item in _inputs(files, input_format):
            if isinstance(item, Reject):
                output.reject(item)
            else:
                output.document(item.payload, item, options)
        output.out.flush()
    except BrokenPipeError:
        # The reader went away (`cleaner ... | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:
        raise click.ClickException(str(exc)) from None
