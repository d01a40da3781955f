"""Baselines that see only the dumped TEXT (never the HTML).

Each anchor is ``(text: str) -> tuple[str, str | None]``: (kept body text, title or None).

- ``identity``: the whole dump; title = first non-blank line (the "first line" title anchor).
- ``c4``: the line-level rules of C4's ``clean_page`` (TFDS ``c4_utils.py``, Raffel et al. 2020):
  strip each line; drop lines with a word longer than 1000 chars; delete Wikipedia-style
  citations ``[1]``, ``[edit]``, ``[citation needed]``; keep only lines ending in a terminal mark
  (C4's ``. ? ! "`` plus ``”`` and the CJK ``。！？``), not ending in ``...``; with at least
  5 words (whitespace words; for CJK text every Han/kana character counts as a word); drop lines
  containing "javascript"; drop lines containing a policy phrase ("terms of use", "privacy
  policy", "cookie policy", "uses cookies", "use of cookies", "use cookies").
  NOT implemented (page-level, they throw the whole page away): "lorem ipsum" and "{" page drops,
  the < 3 sentences page drop, the bad-words page filter, the cross-corpus 3-line de-duplication,
  the language filter.
- ``justext``: each non-blank line becomes a ``<p>`` of a minimal HTML page; jusText with the
  stoplist of the page's language (the list among ``justext.get_stoplists()`` covering most
  token occurrences; English by default and unless another list covers 1.25x as many);
  keeps non-boilerplate paragraphs.
- ``trafilatura_text``: the same ``<p>`` page through ``trafilatura.extract(include_comments=
  False, include_tables=True)``.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

Anchor = Callable[[str], tuple[str, str | None]]


def nonblank_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


def first_line(text: str) -> str | None:
    for ln in text.splitlines():
        if ln.strip():
            return ln.strip()
    return None


# ---------------------------------------------------------------- identity


def identity(text: str) -> tuple[str, str | None]:
    return text, first_line(text)


# ---------------------------------------------------------------- C4

C4_MIN_WORDS = 5
C4_MAX_WORD_LENGTH = 1000
C4_END_MARKS = (".", "?", "!", '"', "”", "。", "！", "？")
C4_ELLIPSIS = "..."
C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
C4_CITATION_RE = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def c4_words(line: str) -> int:
    return len(line.split()) + len(_CJK_RE.findall(line))


def c4_keep(line: str) -> str | None:
    """The line as C4 would keep it (citations removed), or None if C4 drops it."""
    line = line.strip()
    if any(len(w) > C4_MAX_WORD_LENGTH for w in line.split()):
        return None
    line = C4_CITATION_RE.sub("", line)
    if not line.endswith(C4_END_MARKS) or line.endswith(C4_ELLIPSIS):
        return None
    if c4_words(line) < C4_MIN_WORDS:
        return None
    low = line.lower()
    if "javascript" in low:
        return None
    if any(p in low for p in C4_POLICY):
        return None
    return line


def c4(text: str) -> tuple[str, str | None]:
    kept = [k for k in (c4_keep(ln) for ln in text.splitlines()) if k is not None]
    return "\n".join(kept), None


# ---------------------------------------------------------------- jusText

_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


ENGLISH_MARGIN = 1.25


def guess_stoplist(text: str) -> str:
    """The jusText stoplist covering most token occurrences of the text.

    English unless another list covers more than ``ENGLISH_MARGIN`` times as many occurrences:
    some large lists (Finnish, Uzbek, Marathi ...) hold many English words and names, and a
    plain arg-max sends about 3 % of the English pages of scrapinghub-aeb to them.
    """
    counts = Counter(_WORD_RE.findall(text.lower()))
    lists = _stoplists()
    score = {name: sum(c for w, c in counts.items() if w in words) for name, words in lists.items()}
    best = max(score, key=lambda name: score[name])
    if score[best] == 0 or score[best] <= ENGLISH_MARGIN * score["English"]:
        return "English"
    return best


def stoplist_for(text: str) -> frozenset[str]:
    """The jusText stoplist of the text's language (:func:`guess_stoplist`)."""
    return _stoplists()[guess_stoplist(text)]


def lines_as_html(text: str) -> str:
    paras = "".join(f"<p>{htmllib.escape(ln.strip())}</p>\n" for ln in nonblank_lines(text))
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{paras}</body></html>'


def justext_anchor(text: str) -> tuple[str, str | None]:
    import justext

    if not text.strip():
        return "", None
    paras = justext.justext(lines_as_html(text), stoplist_for(text))
    return "\n".join(p.text for p in paras if not p.is_boilerplate), None


# ---------------------------------------------------------------- trafilatura on the text


def trafilatura_text(text: str) -> tuple[str, str | None]:
    import trafilatura

    if not text.strip():
        return "", None
    out = trafilatura.extract(lines_as_html(text), include_comments=False, include_tables=True)
    return out or "", None


ANCHORS: dict[str, Anchor] = {
    "identity": identity,
    "c4": c4,
    "justext": justext_anchor,
    "trafilatura_text": trafilatura_text,
}
