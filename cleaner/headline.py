"""Choosing the headline among the lines before the article.

Pages open with site names, menus, breadcrumbs, dates and section labels;
the headline is usually the last line of its shape before the first
paragraph, often repeated elsewhere (in a breadcrumb or a "Headline | Site"
title line). A small logistic regression ranks the candidate lines; its
weights are data (``data/title_model.json``, made by ``bench/train_title.py``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .document import Line
from .features import FEATURE_SAMPLE_CHARS, LineFeatures
from .model import ModelError, linear

#: Non-blank lines before the article start that can hold the headline.
#: On the dev benchmarks the headline sits within 40 lines of the first
#: paragraph on nearly every page that shows it.
LOOKBACK = 40
#: Non-blank lines after the article start that can hold the headline: the
#: first prose line is sometimes furniture (an affiliate disclosure, a site
#: tagline, a browser warning) above the headline. On the wcxb-dev articles
#: (inscriptis) the title sits 1–3 lines after the start on 18 of 793 pages.
LOOKAHEAD = 3
#: Longest candidate, in words.
MAX_WORDS = 40
_SEPARATOR = re.compile(r"\s[|–—-]\s|\s[|·»]\s?")

TITLE_FEATURES = (
    "bias", "log_distance", "nearest", "log_words", "few_words", "many_words", "title_case", "all_caps",
    "ends_period", "ends_question", "stop_ratio", "has_date", "digit_ratio", "link_like", "repeated",
    "inside_other", "separator", "bullet", "colon", "rel_position", "content_probability", "first_line",
    "body_overlap", "before_meta", "is_start", "after_start",
)  # fmt: skip
_WORD = re.compile(r"\w{4,}")


def candidates(lines: Sequence[Line], feats: Sequence[LineFeatures], start: int,
               excluded: Sequence[bool]) -> list[int]:  # fmt: skip
    """Indices of the lines that may be the headline (last first): the
    article's first line (a headline ending in "?" reads as prose), the
    ``LOOKAHEAD`` lines after it and the ``LOOKBACK`` lines before it."""
    out = []
    for i in range(min(start + LOOKAHEAD, len(lines) - 1), max(-1, start - 1 - LOOKBACK), -1):
        if not excluded[i] and 0 < feats[i].words <= MAX_WORDS:
            out.append(i)
    return out


def candidate_rows(lines: Sequence[Line], feats: Sequence[LineFeatures], probability: Sequence[float],
                   start: int, chosen: Sequence[int], meta: Sequence[bool]) -> list[list[float]]:  # fmt: skip
    """One row of :data:`TITLE_FEATURES` per candidate index in ``chosen``.

    ``meta`` marks byline and date lines: a headline is often followed by them.
    """
    n = len(lines)
    counts = Counter(line.text for line in lines)
    texts = [line.text for line in lines]
    samples = [text[:FEATURE_SAMPLE_CHARS] for text in texts]  # the words of a dump-sized line: its sample's
    body_words = {w.lower() for text in samples[start : start + 40] for w in _WORD.findall(text)}
    nearest = next((i for i in chosen if i < start), None)
    rows = []
    for i in chosen:
        f, text = feats[i], texts[i]
        inside = any(text in other and other != text for other in texts[max(0, i - LOOKBACK) : start])
        words = [w.lower() for w in _WORD.findall(text)]
        if i >= start:  # the first paragraphs overlap themselves
            body_words_here = {w.lower() for t in samples[i + 1 : i + 40] for w in _WORD.findall(t)}
        else:
            body_words_here = body_words
        rows.append([
            1.0,
            math.log1p(max(start - i, 0)),
            float(i == nearest),
            math.log1p(f.words),
            float(f.words < 3),
            float(f.words > 25),
            f.title_case,
            float(f.all_caps),
            float(text.endswith(".")),
            float(text.endswith(("?", "!"))),
            f.stop_ratio,
            float(f.has_date),
            f.digit_ratio,
            float(f.link_like),
            float(counts[text] > 1),
            float(inside),
            float(_SEPARATOR.search(text) is not None),
            float(f.bullet),
            float(":" in text),
            i / n,
            probability[i],
            float(i == 0),
            sum(w in body_words_here for w in words) / len(words) if words else 0.0,
            float(any(meta[i + 1 : i + 4])),
            float(i == start),
            float(i > start),
        ])  # fmt: skip
    return rows


@dataclass(frozen=True)
class TitleModel:
    weights: tuple[float, ...]
    min_probability: float

    def choose(self, chosen: Sequence[int], rows: Sequence[Sequence[float]]) -> int | None:
        """The best candidate, or None when none is likely enough."""
        if not chosen:
            return None
        scores = linear(self.weights, rows)
        best = max(range(len(chosen)), key=lambda k: (scores[k], -k))
        return chosen[best] if scores[best] >= self.min_probability else None


def parse_title_model(text: str) -> TitleModel:
    data = json.loads(text)
    if tuple(data.get("features", ())) != TITLE_FEATURES:
        raise ModelError("title model features do not match the code; retrain with `python -m bench.train_title`")
    weights = tuple(float(x) for x in data["weights"])
    if len(weights) != len(TITLE_FEATURES):
        raise ModelError(f"title model has {len(weights)} weights for {len(TITLE_FEATURES)} features")
    return TitleModel(weights=weights, min_probability=float(data["min_probability"]))


@lru_cache(maxsize=1)
def default_title_model() -> TitleModel:
    return parse_title_model(resources.files("cleaner").joinpath("data/title_model.json").read_text("utf-8"))
