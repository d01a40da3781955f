"""The learned line model: logistic regression over line and context features,
some of them also binned (:data:`BINNED`), and boosted trees over the same
features (:mod:`cleaner.forest`); a second stage weighs both models'
probabilities over each line's neighbourhood.

Weights are data (``data/line_model.json``), trained by ``bench/train.py`` on
the dev benchmarks (see its docstring for the data and the command). The file
names every feature it has a weight for; loading fails loudly if the names do
not match :data:`FEATURE_NAMES`, so a stale model can never be applied to the
wrong columns. Inference is plain Python.
"""

from __future__ import annotations

import json
import math
import operator
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from .document import Line
from .features import LineFeatures
from .forest import Forest, ForestError, parse_forest
from .scoring import CLOSER_KINDS

#: Rule kinds with a feature of their own (others share ``rule_other``).
RULE_KINDS = (
    "navigation", "share", "donation", "subscription", "tags", "related-stories", "source-credit",
    "site-name", "analytics", "cookie", "copyright", "comments", "advertisement", "photo-credit",
)  # fmt: skip
#: Neighbour offsets whose features are copied into a line's row.
CONTEXT_OFFSETS = (-2, -1, 1, 2)
#: Lines on each side counted by the window prose-density feature.
WINDOW = 3
#: Line distances are capped here (a line 30 lines away is simply far).
MAX_DISTANCE = 30
#: Main block: the run of lines with the largest sum of prose words, where a
#: line that is not prose costs this many words (Kadane's maximum segment).
NON_PROSE_COST = 4

_OWN = (
    "bias", "log_chars", "log_words", "stop_ratio", "no_stoplist", "terminal", "sentences", "title_case",
    "all_caps", "digit_ratio", "bullet", "has_date", "ends_colon", "punct_ratio", "link_like", "separators",
    "comma_ratio", "starts_lower", "quote", "prose", "dup_count", "adjacent_dup", "blank_before", "blank_after",
    "rel_position", "prose_before", "prose_after", "after_closer", "window_prose", "rel_length", "rule_other",
    "since_prose", "until_prose", "in_main_block", "from_main_block", "short_run", "word_length", "alpha_ratio",
)  # fmt: skip
_CONTEXT = ("log_words", "terminal", "stop_ratio", "prose", "rule", "missing")
FEATURE_NAMES: tuple[str, ...] = (
    _OWN
    + tuple(f"rule_{kind}" for kind in RULE_KINDS)
    + tuple(f"ctx{offset:+d}_{name}" for offset in CONTEXT_OFFSETS for name in _CONTEXT)
)
#: Features that also act piecewise: besides its linear weight, each has a
#: weight per quantile bin (thermometer coding: a value above the k-th edge
#: adds the first k bin weights), so a line of three words and one of three
#: hundred can both be unlikely content. Edges and bin weights are data in
#: the model file (see bench/train.py for the calibration).
BINNED = (
    "log_chars", "log_words", "stop_ratio", "rel_position", "prose_before", "prose_after", "window_prose",
    "rel_length", "since_prose", "until_prose", "from_main_block", "short_run", "word_length", "alpha_ratio",
    "digit_ratio", "punct_ratio", "title_case", "dup_count",
)  # fmt: skip


def featurize(lines: Sequence[Line], feats: Sequence[LineFeatures], prose: Sequence[bool],
              has_stoplist: bool) -> list[list[float]]:  # fmt: skip
    """One row of :data:`FEATURE_NAMES` values per line."""
    n = len(lines)
    if n == 0:
        return []
    counts = Counter(line.text for line in lines)
    prose_words = [f.words if p else 0 for f, p in zip(feats, prose, strict=True)]
    total_prose = sum(prose_words) or 1
    words = [f.words for f in feats]
    median_chars = sorted(f.chars for f in feats)[n // 2] or 1
    kind_index = {kind: i for i, kind in enumerate(RULE_KINDS)}
    base = [
        (math.log1p(f.words), float(f.terminal), f.stop_ratio, float(p), float(f.rule is not None), 0.0)
        for f, p in zip(feats, prose, strict=True)
    ]
    missing = (0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    since, until = _distances(prose)
    block_lo, block_hi = _main_block([pw if p else -NON_PROSE_COST for pw, p in zip(prose_words, prose, strict=True)])
    runs = _short_runs(prose)
    rows = []
    before = 0
    closed = False
    for i, (line, f) in enumerate(zip(lines, feats, strict=True)):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        window_words = sum(words[lo:hi]) or 1
        rule_kind = f.rule.kind if f.rule is not None else None
        row = [
            1.0,
            math.log1p(f.chars),
            math.log1p(f.words),
            f.stop_ratio,
            float(not has_stoplist),
            float(f.terminal),
            float(min(f.sentences, 5)),
            f.title_case,
            float(f.all_caps),
            f.digit_ratio,
            float(f.bullet),
            float(f.has_date),
            float(f.ends_colon),
            f.punct_ratio,
            float(f.link_like),
            float(min(f.separators, 5)),
            min(f.comma_ratio, 1.0),
            float(f.starts_lower),
            float(f.quote),
            float(prose[i]),
            math.log1p(counts[line.text] - 1),
            float((i > 0 and lines[i - 1].text == line.text) or (i + 1 < n and lines[i + 1].text == line.text)),
            float(i == 0 or lines[i - 1].number < line.number - 1),
            float(i + 1 == n or lines[i + 1].number > line.number + 1),
            i / n,
            before / total_prose,
            (total_prose - before - prose_words[i]) / total_prose,
            float(closed),
            sum(prose_words[lo:hi]) / window_words,
            math.log(max(f.chars, 1) / median_chars),
            float(rule_kind is not None and rule_kind not in kind_index),
            math.log1p(since[i]),
            math.log1p(until[i]),
            float(block_lo <= i <= block_hi),
            math.log1p(min(max(block_lo - i, i - block_hi, 0), MAX_DISTANCE)),
            math.log1p(runs[i]),
            min(f.chars / f.words, 20.0) / 10 if f.words else 0.0,
            f.alpha_ratio,
        ]
        one_hot = [0.0] * len(RULE_KINDS)
        if rule_kind in kind_index:
            one_hot[kind_index[rule_kind]] = 1.0
        row += one_hot
        for offset in CONTEXT_OFFSETS:
            j = i + offset
            row += base[j] if 0 <= j < n else missing
        rows.append(row)
        before += prose_words[i]
        closed = closed or (before > 0 and rule_kind in CLOSER_KINDS)
    return rows


def _distances(prose: Sequence[bool]) -> tuple[list[int], list[int]]:
    """Lines since the last prose line and until the next one (0 on prose, capped)."""
    n = len(prose)
    since, until = [MAX_DISTANCE] * n, [MAX_DISTANCE] * n
    last = None
    for i in range(n):
        if prose[i]:
            last = i
        if last is not None:
            since[i] = min(i - last, MAX_DISTANCE)
    last = None
    for i in range(n - 1, -1, -1):
        if prose[i]:
            last = i
        if last is not None:
            until[i] = min(last - i, MAX_DISTANCE)
    return since, until


def _main_block(scores: Sequence[float]) -> tuple[int, int]:
    """First and last index of the maximum-sum run (Kadane); (0, -1) if none is positive."""
    best, best_lo, best_hi = 0.0, 0, -1
    total, lo = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, lo = 0.0, i
        total += score
        if total > best:
            best, best_lo, best_hi = total, lo, i
    return best_lo, best_hi


def _short_runs(prose: Sequence[bool]) -> list[int]:
    """For each non-prose line, the length of its run of consecutive non-prose lines (0 for prose)."""
    runs = [0] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = j
    return runs


class ModelError(ValueError):
    """The model data file does not fit this code."""


#: Second stage: a line's first-stage probability and those of its
#: neighbourhood (stacked logistic regression, a cheap stand-in for a CRF).
STAGE2_NAMES = (
    "bias", "logit", "prev", "next", "mean_prev3", "mean_next3", "mean_window10", "max_prev10", "max_next10",
)  # fmt: skip


def stage2_names(with_forest: bool) -> tuple[str, ...]:
    """The second stage's columns: :data:`STAGE2_NAMES` of the linear
    model's probabilities, then (with a forest) those of the forest's,
    without a second bias."""
    if not with_forest:
        return STAGE2_NAMES
    return STAGE2_NAMES + tuple(f"trees_{name}" for name in STAGE2_NAMES[1:])


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def linear(weights: Sequence[float], rows: Sequence[Sequence[float]]) -> list[float]:
    """Logistic of each row's weighted sum."""
    return [sigmoid(sum(map(operator.mul, weights, row))) for row in rows]


def stage2_rows(p: Sequence[float]) -> list[list[float]]:
    """Second-stage rows of :data:`STAGE2_NAMES` values from first-stage probabilities."""
    n = len(p)
    log = math.log
    rows = []
    for i in range(n):
        q = min(max(p[i], 1e-4), 1 - 1e-4)
        lo3, lo10 = max(0, i - 3), max(0, i - 10)
        prev3, next3 = p[lo3:i], p[i + 1 : i + 4]
        prev10, next10 = p[lo10:i], p[i + 1 : i + 11]
        window = p[lo10 : i + 11]
        rows.append([
            1.0,
            log(q / (1 - q)),
            p[i - 1] if i > 0 else 0.0,
            p[i + 1] if i + 1 < n else 0.0,
            sum(prev3) / len(prev3) if prev3 else 0.0,
            sum(next3) / len(next3) if next3 else 0.0,
            sum(window) / len(window),
            max(prev10) if prev10 else 0.0,
            max(next10) if next10 else 0.0,
        ])  # fmt: skip
    return rows


@dataclass(frozen=True)
class Bins:
    """The piecewise part of one feature: ``cumulative[k]`` is added when
    the value is at or above exactly ``k`` of the ``edges`` (ascending)."""

    column: int
    edges: tuple[float, ...]
    cumulative: tuple[float, ...]

    @classmethod
    def from_weights(cls, name: str, edges: Sequence[float], weights: Sequence[float],
                     names: Sequence[str] = FEATURE_NAMES) -> Bins:  # fmt: skip
        """Bins of feature ``name`` (one of ``names``, the model's columns)
        from its edges and one weight per edge."""
        if len(edges) != len(weights):
            raise ModelError(f"bins of {name!r}: {len(edges)} edges but {len(weights)} weights")
        if any(a >= b for a, b in pairwise(edges)):
            raise ModelError(f"bins of {name!r}: edges must be strictly ascending")
        cumulative = [0.0]
        for weight in weights:
            cumulative.append(cumulative[-1] + float(weight))
        return cls(names.index(name), tuple(float(e) for e in edges), tuple(cumulative))


def binned_sums(weights: Sequence[float], bins: Sequence[Bins], rows: Sequence[Sequence[float]]) -> list[float]:
    """Each row's weighted sum plus its bin weights (its log-odds)."""
    return [
        sum(map(operator.mul, weights, row)) + sum(b.cumulative[bisect_right(b.edges, row[b.column])] for b in bins)
        for row in rows
    ]


def binned_linear(weights: Sequence[float], bins: Sequence[Bins], rows: Sequence[Sequence[float]]) -> list[float]:
    """Logistic of each row's weighted sum plus its bin weights."""
    return [sigmoid(z) for z in binned_sums(weights, bins, rows)]


def parse_bins(data: dict[str, Any], binned: Sequence[str], names: Sequence[str], retrain: str) -> tuple[Bins, ...]:
    """The ``bins`` of a model file: exactly the features ``binned``, in order."""
    parts = data.get("bins", {})
    if not isinstance(parts, dict) or tuple(parts) != tuple(binned):
        raise ModelError(f"model bins do not match the code's binned features; retrain with `{retrain}`")
    return tuple(Bins.from_weights(name, part["edges"], part["weights"], names) for name, part in parts.items())


@dataclass(frozen=True)
class LineModel:
    weights: tuple[float, ...]
    stage2_weights: tuple[float, ...]
    switch: float
    start_content: float
    #: The piecewise parts of the :data:`BINNED` features (none: purely linear).
    bins: tuple[Bins, ...] = ()
    #: Boosted trees over the same rows (none: the linear model alone).
    forest: Forest | None = None

    def first_stage(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Each row's probability under the linear model: linear part plus bin weights."""
        return binned_linear(self.weights, self.bins, rows)

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Each row's probability of content: the second stage over the
        linear model's probabilities and, with a forest, the forest's
        (columns :func:`stage2_names`)."""
        stacked = stage2_rows(self.first_stage(rows))
        if self.forest is not None:
            score = self.forest.score
            trees = stage2_rows([sigmoid(score(row)) for row in rows])
            stacked = [a + b[1:] for a, b in zip(stacked, trees, strict=True)]
        return linear(self.stage2_weights, stacked)


def parse_model(text: str) -> LineModel:
    data = json.loads(text)
    names = tuple(data.get("features", ()))
    if names != FEATURE_NAMES:
        missing = sorted(set(FEATURE_NAMES) - set(names))
        extra = sorted(set(names) - set(FEATURE_NAMES))
        raise ModelError(
            f"line model features do not match the code (missing {missing}, unknown {extra}); "
            "retrain with `python -m bench.train`"
        )
    weights = tuple(float(x) for x in data["weights"])
    if len(weights) != len(names):
        raise ModelError(f"line model has {len(weights)} weights for {len(names)} features")
    try:
        forest = parse_forest(data["forest"], len(FEATURE_NAMES)) if "forest" in data else None
    except ForestError as err:
        raise ModelError(f"line model forest: {err}") from err
    stage2_columns = stage2_names(forest is not None)
    if tuple(data.get("stage2_features", ())) != stage2_columns:
        raise ModelError("line model stage-2 features do not match the code; retrain with `python -m bench.train`")
    stage2 = tuple(float(x) for x in data["stage2_weights"])
    if len(stage2) != len(stage2_columns):
        raise ModelError(f"line model has {len(stage2)} stage-2 weights for {len(stage2_columns)} features")
    switch, start = float(data["switch"]), float(data["start_content"])
    if not (0 < switch < 1 and 0 < start < 1):
        raise ModelError("switch and start_content must be probabilities strictly between 0 and 1")
    bins = parse_bins(data, BINNED, FEATURE_NAMES, "python -m bench.train")
    return LineModel(weights, stage2, switch, start, bins, forest)


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    return parse_model(resources.files("cleaner").joinpath("data/line_model.json").read_text("utf-8"))
