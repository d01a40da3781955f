"""Reimplementations of the benchmarks' own metrics (see /work/shared/bench/README.md).

- Scrapinghub article-extraction-benchmark (evaluate.py): 4-gram shingle P/R/F1, macro over
  pages, F1 = harmonic mean of the mean page P and the mean page R; plus exact-token accuracy.
- WCXB (evaluate.py): lower-cased word-bag P/R/F1 per page, plain means over pages.
- trafilatura (tests/eval_common.py): with/without snippets, whitespace-normalised,
  case-sensitive substring test, counts summed over the corpus.
- Title accuracy: lower-cased \\w+ tokens joined by one space, a trailing " | Site" style
  suffix may be dropped on either side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\w+")
_WS_RE = re.compile(r"\s+")

# ---------------------------------------------------------------- Scrapinghub shingles


def sh_tokens(text: str | None) -> list[str]:
    """Scrapinghub tokens: \\w+ runs, case kept."""
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; 1..n-1 tokens give one shorter shingle; empty -> none."""
    tokens = sh_tokens(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class ShinglePage:
    """Normalised (tp, fp, fn) of one page (they sum to 1 unless all are 0) + exact match."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def shingle_page(true: str | None, pred: str | None, n: int = 4) -> ShinglePage:
    t = shingles(true, n)
    p = shingles(pred, n)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    if s > 0:
        tp, fp, fn = tp / s, fp / s, fn / s
    return ShinglePage(tp, fp, fn, sh_tokens(true) == sh_tokens(pred))


@dataclass(frozen=True)
class ShingleScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def shingle_corpus(pages: Sequence[ShinglePage]) -> ShingleScore:
    """Macro P over pages with TP+FP > 0, macro R over pages with TP+FN > 0, F1 of the two."""
    p = _mean([pg.precision for pg in pages if pg.tp + pg.fp > 0])
    r = _mean([pg.recall for pg in pages if pg.tp + pg.fn > 0])
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    acc = _mean([1.0 if pg.exact else 0.0 for pg in pages])
    return ShingleScore(p, r, f1, acc, len(pages))


# ---------------------------------------------------------------- WCXB word bag


def wcxb_tokens(text: str | None) -> list[str]:
    return TOKEN_RE.findall((text or "").lower())


@dataclass(frozen=True)
class WordPage:
    precision: float
    recall: float
    f1: float


def wcxb_page(reference: str | None, predicted: str | None) -> WordPage:
    pred = wcxb_tokens(predicted)
    ref = wcxb_tokens(reference)
    if not ref:
        return WordPage(1.0, 1.0, 1.0) if not pred else WordPage(0.0, 0.0, 0.0)
    if not pred:
        return WordPage(0.0, 0.0, 0.0)
    overlap = sum((Counter(pred) & Counter(ref)).values())
    p = overlap / len(pred)
    r = overlap / len(ref)
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return WordPage(p, r, f1)


@dataclass(frozen=True)
class WordScore:
    precision: float
    recall: float
    f1: float
    pages: int


def wcxb_corpus(pages: Sequence[WordPage]) -> WordScore:
    return WordScore(
        _mean([p.precision for p in pages]),
        _mean([p.recall for p in pages]),
        _mean([p.f1 for p in pages]),
        len(pages),
    )


# ---------------------------------------------------------------- trafilatura snippets


def ws_norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


@dataclass(frozen=True)
class SnippetPage:
    tp: int
    fp: int
    fn: int
    tn: int


def snippet_page(output: str | None, with_: Iterable[str], without: Iterable[str]) -> SnippetPage:
    """None (crash / no output) finds nothing: every with-snippet FN, every without TN."""
    w = list(with_)
    wo = list(without)
    if output is None:
        return SnippetPage(0, 0, len(w), len(wo))
    out = ws_norm(output)
    tp = sum(1 for s in w if ws_norm(s) in out)
    fp = sum(1 for s in wo if ws_norm(s) in out)
    return SnippetPage(tp, fp, len(w) - tp, len(wo) - fp)


@dataclass(frozen=True)
class SnippetScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int


def snippet_corpus(pages: Sequence[SnippetPage]) -> SnippetScore:
    tp = sum(p.tp for p in pages)
    fp = sum(p.fp for p in pages)
    fn = sum(p.fn for p in pages)
    tn = sum(p.tn for p in pages)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    total = tp + fp + fn + tn
    acc = (tp + tn) / total if total else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0
    return SnippetScore(prec, rec, f1, acc, len(pages))


# ---------------------------------------------------------------- titles

# " | Site", " - Site", " — Site", " – Site": separator with white space on both sides
_TITLE_SEP_RE = re.compile(r"\s[|\-—–]\s")  # single \s: no backtracking on long space runs


def normalise_title(text: str | None, cased: bool = False) -> str:
    """The title's words, lower-cased unless ``cased``."""
    text = text or ""
    return " ".join(TOKEN_RE.findall(text if cased else text.lower()))


def title_variants(text: str | None, cased: bool = False) -> set[str]:
    """The normalised title, and the normalised title without its trailing site suffix."""
    raw = text or ""
    out = {normalise_title(raw, cased)}
    seps = list(_TITLE_SEP_RE.finditer(raw))
    if seps:  # the last separator starts the suffix
        out.add(normalise_title(raw[: seps[-1].start()], cased))
    out.discard("")
    return out


def title_match(pred: str | None, gold: str | None, cased: bool = False) -> bool:
    """Exact normalised match; dropping a trailing site suffix on either side also counts.
    ``cased``: the letter case must match too (the benchmarks' title accuracy ignores it)."""
    return bool(title_variants(pred, cased) & title_variants(gold, cased))


@dataclass(frozen=True)
class TitleScore:
    accuracy: float
    pages: int


def title_corpus(matches: Sequence[bool]) -> TitleScore:
    return TitleScore(_mean([1.0 if m else 0.0 for m in matches]), len(matches))
