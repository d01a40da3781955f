"""Run statistics and the progress line of the ``cleaner`` command.

Each cleaned document is reduced to a small :class:`DocSummary` (cheap to
send back from a worker process); :class:`RunStats` adds them up: documents,
rejects by kind, lines kept and removed by reason, languages, input size and
time. :class:`Progress` redraws one status line on stderr when stderr is a
terminal and says nothing otherwise; ``--stats`` prints :meth:`RunStats.report`
at the end.

>>> from cleaner import clean
>>> stats = RunStats()
>>> stats.add(summarize(clean("Share:\\n\\nThe council approved the budget on Monday after a long debate.")))
>>> stats.documents, stats.removed["rule:share"]
(1, 1)
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from .document import Document, Label

#: Labels of lines that are in neither the body nor a field: what cleaning removed.
REMOVED_LABELS = frozenset({Label.BOILERPLATE, Label.CAPTION})
#: Seconds between two redraws of the progress line.
PROGRESS_INTERVAL = 0.5

_SCORE_SUFFIX = re.compile(r":[-+0-9.]+$")


def reason_kind(reason: str) -> str:
    """A reason without its score, for counting.

    >>> reason_kind("context:between-boilerplate:0.12"), reason_kind("rule:share"), reason_kind("model:0.93")
    ('context:between-boilerplate', 'rule:share', 'model')
    """
    return _SCORE_SUFFIX.sub("", reason)


@dataclass
class DocSummary:
    """What the statistics need from one document."""

    lang: str
    chars: int
    lines: int
    removed: dict[str, int]
    empty: bool


def summarize(doc: Document, chars: int | None = None) -> DocSummary:
    """``chars``: the size of the input text (default: the lines' raw text)."""
    removed: Counter[str] = Counter(reason_kind(line.reason) for line in doc.lines if line.label in REMOVED_LABELS)
    if chars is None:
        chars = sum(len(line.raw) + 1 for line in doc.lines)
    return DocSummary(doc.lang, chars, len(doc.lines), dict(removed), empty=not doc.text)


@dataclass
class RunStats:
    """Totals over a run."""

    documents: int = 0
    empty: int = 0
    chars: int = 0
    lines: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    rejects: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add(self, summary: DocSummary) -> None:
        self.documents += 1
        self.empty += summary.empty
        self.chars += summary.chars
        self.lines += summary.lines
        self.removed.update(summary.removed)
        self.languages[summary.lang] += 1

    def reject(self, kind: str) -> None:
        self.rejects[kind] += 1

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def progress_line(self) -> str:
        seconds = max(self.seconds, 1e-9)
        return (
            f"cleaner: {self.documents:,} documents, {self.documents / seconds:,.0f} docs/s, "
            f"{self.chars / seconds / 1e6:.1f} MB/s, {sum(self.rejects.values()):,} rejects"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "empty_documents": self.empty,
            "rejects": dict(self.rejects.most_common()),
            "lines": self.lines,
            "lines_removed": sum(self.removed.values()),
            "removed_by_reason": dict(self.removed.most_common()),
            "languages": dict(self.languages.most_common()),
            "text_mb": round(self.chars / 1e6, 3),
            "seconds": round(self.seconds, 3),
        }

    def report(self) -> str:
        """The ``--stats`` summary: a few aligned lines of text."""
        seconds = max(self.seconds, 1e-9)
        removed = sum(self.removed.values())
        share = f" ({removed / self.lines:.0%} of {self.lines:,})" if self.lines else ""
        rows = [
            f"documents     {self.documents:,} ({self.empty:,} with an empty body)",
            f"rejects       {sum(self.rejects.values()):,}" + _breakdown(self.rejects),
            f"lines removed {removed:,}{share}",
            *(f"  {count:>10,}  {reason}" for reason, count in self.removed.most_common()),
            "languages     " + (", ".join(f"{lang} {n:,}" for lang, n in self.languages.most_common()) or "-"),
            f"time          {seconds:.2f} s ({self.documents / seconds:,.0f} docs/s, "
            f"{self.chars / seconds / 1e6:.2f} MB/s of text)",
        ]
        return "cleaner stats:\n" + "\n".join("  " + row for row in rows) + "\n"


def _breakdown(counts: Counter[str]) -> str:
    return " (" + ", ".join(f"{kind} {n:,}" for kind, n in counts.most_common()) + ")" if counts else ""


class Progress:
    """A progress line on ``stream``, redrawn at most every ``interval`` seconds.

    Disabled (it never writes) unless ``enabled``: the command enables it
    when stderr is a terminal. Call :meth:`clear` before writing anything
    else to the same stream, :meth:`finish` at the end.
    """

    def __init__(self, stats: RunStats, stream: IO[str], enabled: bool, interval: float = PROGRESS_INTERVAL) -> None:
        self.stats, self.stream, self.enabled, self.interval = stats, stream, enabled, interval
        self._next = time.perf_counter() + interval
        self._shown = False

    def tick(self) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now < self._next:
            return
        self._next = now + self.interval
        self.stream.write("\r\x1b[K" + self.stats.progress_line())
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def finish(self) -> None:
        """Leave the final count on the terminal."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K" + self.stats.progress_line() + "\n")
            self.stream.flush()
            self._shown = False
