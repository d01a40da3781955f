"""Bylines and dates against the datasets' page metadata.

    python -m bench.fields                                   # text track: inscriptis dumps
    python -m bench.fields --converters inscriptis,lynx,gettext --html --examples 10

The references: wcxb-dev's ``meta.author`` and ``meta.publish_date`` (articles), and
trafilatura-eval's ``meta.metadata_annotations`` (``author``, ``date``). A page without a
reference author is left out of the byline columns (the references leave many pages
unannotated, so a byline there cannot be called wrong).

A byline is right when every word of the reference's first author (the text before the
first ",", ";", "&", "and", "und" …, without a leading "By" or "Von"; letters only, case and
accents folded) is among the byline's words: "By Jan Kupitz" is right for "Jan Kupitz", "Bettina Kugler" for "Bettina
Kugler, Redaktion". Columns per dataset × converter: pages with a reference author, the
share given a byline, accuracy (right / pages with a reference) and precision (right /
given), and the same for dates (right: the same YYYY-MM-DD as the reference; over the
pages that have one). ``--html`` adds the HTML track (``cleaner.clean_html``) beside trafilatura's own
metadata (``trafilatura.extract_metadata``).
``--examples N`` prints N wrong or missing bylines per table whose reference name is on a
line of the cleaned document, and N wrong dates.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.converters import get_dumps
from bench.data import Doc, iter_docs

DEFAULT_DATASETS = "wcxb-dev-article,trafilatura-eval"
_AUTHOR_SPLIT = re.compile(r",|;|&|/|\s(?:and|und|y|et|e)\s", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# a reference that keeps the byline's lead word ("Von Roland Brockmann …")
_REFERENCE_LEAD = re.compile(r"^\s*(?:by|von|par|por)\s+", re.IGNORECASE)


def folded_words(text: str) -> list[str]:
    """The words of two or more letters, lower-cased and without accents.

    >>> folded_words("Von Jürgen Müller-Lüdenscheidt, 3. Mai")
    ['von', 'jurgen', 'muller', 'ludenscheidt', 'mai']
    """
    text = unicodedata.normalize("NFKD", text.lower())
    return _LETTERS.findall("".join(c for c in text if not unicodedata.combining(c)))


def reference_author(doc: Doc) -> str | None:
    """The page's reference author(s) as one string, or None."""
    author = doc.meta.get("author") or (doc.meta.get("metadata_annotations") or {}).get("author")
    if isinstance(author, list):
        author = ", ".join(author)
    return author or None


def reference_date(doc: Doc) -> str | None:
    date = doc.meta.get("publish_date") or (doc.meta.get("metadata_annotations") or {}).get("date")
    return str(date)[:10] if date else None


def byline_right(byline: str | None, author: str) -> bool:
    """Every word of the first reference author is among the byline's words.

    >>> byline_right("Jan Kupitz", "Jan Kupitz"), byline_right("Dr. Jan Kupitz, Berlin", "jan kupitz")
    (True, True)
    >>> byline_right("Jan", "Jan Kupitz"), byline_right(None, "Jan Kupitz")
    (False, False)
    >>> byline_right("Danielle DeSiato", "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen")
    True
    >>> byline_right("Roland Brockmann und Sebastian Drescher", "Von Roland Brockmann und Sebastian Drescher")
    True
    """
    wanted = folded_words(_REFERENCE_LEAD.sub("", _AUTHOR_SPLIT.split(author)[0]))
    if not wanted or not byline:
        return False
    have = set(folded_words(byline))
    return all(word in have for word in wanted)


@dataclass
class Tally:
    authors: int = 0
    given: int = 0
    right: int = 0
    dates: int = 0
    dates_given: int = 0
    dates_right: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)

    def add(self, doc: Doc, byline: str | None, date: str | None, lines: Sequence[str], examples: int) -> None:
        author = reference_author(doc)
        if author is not None:
            self.authors += 1
            self.given += byline is not None
            ok = byline_right(byline, author)
            self.right += ok
            if not ok and len(self.misses) < examples:
                held = [t for t in lines if byline_right(t, author)]
                if held:
                    self.misses.append(f"{doc.id}: reference {author!r}, byline {byline!r}, line {held[0][:90]!r}")
        reference = reference_date(doc)
        if reference is not None:
            self.dates += 1
            self.dates_given += date is not None
            self.dates_right += (date or "")[:10] == reference
            if date is not None and date[:10] != reference and len(self.wrong_dates) < examples:
                self.wrong_dates.append(f"{doc.id}: reference {reference}, date {date[:10]}")

    def row(self, name: str, with_dates: bool) -> str:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "–"

        cells = [
            name,
            str(self.authors),
            share(self.given, self.authors),
            share(self.right, self.authors),
            share(self.right, self.given),
        ]
        if with_dates:
            cells += [
                share(self.dates_given, self.dates),
                share(self.dates_right, self.dates),
                share(self.dates_right, self.dates_given),
            ]
        return "| " + " | ".join(cells) + " |"


def _text_tally(dataset: str, converter: str, examples: int) -> Tally:
    from cleaner import clean

    dumps = get_dumps(dataset, converter)
    tally = Tally()
    for doc in iter_docs(dataset):
        cleaned = clean(dumps[doc.id])
        tally.add(doc, cleaned.byline, cleaned.date, [line.text for line in cleaned.lines], examples)
    return tally


def _html_tallies(dataset: str, examples: int) -> tuple[Tally, Tally]:
    import trafilatura

    from cleaner.pipeline import clean_html

    ours, theirs = Tally(), Tally()
    for doc in iter_docs(dataset, with_html=True):
        html = doc.html or ""
        cleaned = clean_html(html)
        lines = [line.text for line in cleaned.lines]
        ours.add(doc, cleaned.byline, cleaned.date, lines, examples)
        meta = trafilatura.extract_metadata(html)
        theirs.add(doc, meta.author if meta else None, meta.date if meta else None, lines, 0)
    return ours, theirs


def _table(title: str, rows: Sequence[tuple[str, Tally]], with_dates: bool) -> list[str]:
    head = "| system | pages with an author | byline given | byline accuracy | byline precision |"
    rule = "|---|---|---|---|---|"
    if with_dates:
        head, rule = head + " date given | date accuracy | date precision |", rule + "---|---|---|"
    out = [f"#### {title}", "", head, rule, *(tally.row(name, with_dates) for name, tally in rows), ""]
    for _, tally in rows:
        out.extend(f"- {miss}" for miss in [*tally.misses, *tally.wrong_dates])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default=DEFAULT_DATASETS)
    parser.add_argument("--converters", default="inscriptis")
    parser.add_argument("--html", action="store_true", help="add the HTML track (cleaner and trafilatura)")
    parser.add_argument("--examples", type=int, default=0, help="wrong or missing bylines to print per table")
    args = parser.parse_args(argv)
    for dataset in args.datasets.split(","):
        for converter in args.converters.split(","):
            tally = _text_tally(dataset, converter, args.examples)
            print("\n".join(_table(f"{dataset} · {converter}", [("cleaner", tally)], with_dates=True)))
        if args.html:
            ours, theirs = _html_tallies(dataset, args.examples)
            rows = [("trafilatura metadata", theirs), ("cleaner_html", ours)]
            print("\n".join(_table(f"{dataset} · html", rows, with_dates=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
