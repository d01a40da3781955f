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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from .document import Line
from .features import LineFeatures
from .forest import Forest, ForestError, parse_forest
from .scoring import is_closing_rule

#: Rule kinds with a feature of their own (others share ``rule_other``).
RULE_KINDS = (
    "navigation", "share", "donation", "subscription", "tags", "related-stories", "source-credit",
    "site-name", "analytics", "cookie", "copyright", "comments", "advertisement", "photo-credit",
)  # fmt: skip
#: Neighbour offsets whose features are copied into a line's row.
CONTEXT_OFFSETS = (-2, -1, 1, 2)
#: The neighbours' places in :func:`featurize`'s padded columns (four offsets: a row is built in one go).
_PAD = max(map(abs, CONTEXT_OFFSETS))
_SLOTS = tuple(_PAD + offset for offset in CONTEXT_OFFSETS)
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
    """One row of :data:`FEATURE_NAMES` values per line.

    What a row reads of the whole page (window sums, distances, the main
    block, the neighbours' values) is worked out for every line first.
    """
    n = len(lines)
    if n == 0:
        return []
    log1p = math.log1p
    texts = [line.text for line in lines]
    numbers = [line.number for line in lines]
    counts = Counter(texts)
    words = [f.words for f in feats]
    chars = [f.chars for f in feats]
    prose_words = [w if p else 0 for w, p in zip(words, prose, strict=True)]
    total_prose = sum(prose_words) or 1
    median_chars = sorted(chars)[n // 2] or 1
    kind_index = {kind: i for i, kind in enumerate(RULE_KINDS)}
    kinds = [f.rule.kind if f.rule is not None else None for f in feats]
    log_words = list(map(log1p, words))
    terminal = [float(f.terminal) for f in feats]
    stop_ratio = [f.stop_ratio for f in feats]
    is_prose = list(map(float, prose))
    # the neighbours' columns: two lines of "missing" either side
    base = [
        (lw, t, sr, p, float(k is not None), 0.0)
        for lw, t, sr, p, k in zip(log_words, terminal, stop_ratio, is_prose, kinds, strict=True)
    ]
    missing = (0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    padded = [*(missing,) * _PAD, *base, *(missing,) * _PAD]  # line i + offset at i + _PAD + offset
    k0, k1, k2, k3 = _SLOTS
    since, until = _distances(prose)
    block_lo, block_hi = _main_block([pw if p else -NON_PROSE_COST for pw, p in zip(prose_words, prose, strict=True)])
    runs = _short_runs(prose)
    one_hots = [tuple(float(j == k) for j in range(len(RULE_KINDS))) for k in range(len(RULE_KINDS) + 1)]
    # running sums of whole numbers (exact, as the sums of each window were)
    cum_words, cum_prose = [0], [0]
    for w, pw in zip(words, prose_words, strict=True):
        cum_words.append(cum_words[-1] + w)
        cum_prose.append(cum_prose[-1] + pw)
    window_prose = []
    for i in range(n):
        lo, hi = (i - WINDOW if i > WINDOW else 0), (i + WINDOW + 1 if i + WINDOW + 1 < n else n)
        window_prose.append((cum_prose[hi] - cum_prose[lo]) / ((cum_words[hi] - cum_words[lo]) or 1))
    closed = []
    before, shut = 0, False
    for pw, f in zip(prose_words, feats, strict=True):
        closed.append(float(shut))
        before += pw
        shut = shut or (before > 0 and is_closing_rule(f.rule))
    no_stoplist = float(not has_stoplist)
    hots = [one_hots[kind_index.get(k, len(RULE_KINDS))] for k in kinds]  # type: ignore[arg-type]
    # a row at a time (the forest reads a row's values faster when they were made together);
    # min(x, cap) written "cap if cap < x else x", float(b) "1.0 if b else 0.0": the same values
    rows: list[list[float]] = []
    append = rows.append
    last = n - 1
    for i in range(n):
        f = feats[i]
        text, number = texts[i], numbers[i]
        c, w, s, sep, comma = chars[i], words[i], f.sentences, f.separators, f.comma_ratio
        distance = block_lo - i if block_lo - i > i - block_hi else i - block_hi
        append([
            1.0,
            log1p(c),
            log_words[i],
            f.stop_ratio,
            no_stoplist,
            terminal[i],
            float(5 if s > 5 else s),
            f.title_case,
            1.0 if f.all_caps else 0.0,
            f.digit_ratio,
            1.0 if f.bullet else 0.0,
            1.0 if f.has_date else 0.0,
            1.0 if f.ends_colon else 0.0,
            f.punct_ratio,
            1.0 if f.link_like else 0.0,
            float(5 if sep > 5 else sep),
            1.0 if comma > 1.0 else comma,
            1.0 if f.starts_lower else 0.0,
            1.0 if f.quote else 0.0,
            is_prose[i],
            log1p(counts[text] - 1),
            1.0 if (i > 0 and texts[i - 1] == text) or (i < last and texts[i + 1] == text) else 0.0,
            1.0 if i == 0 or numbers[i - 1] < number - 1 else 0.0,
            1.0 if i == last or numbers[i + 1] > number + 1 else 0.0,
            i / n,
            cum_prose[i] / total_prose,
            (total_prose - cum_prose[i] - prose_words[i]) / total_prose,
            closed[i],
            window_prose[i],
            math.log((c if c > 1 else 1) / median_chars),
            1.0 if kinds[i] is not None and kinds[i] not in kind_index else 0.0,
            log1p(since[i]),
            log1p(until[i]),
            1.0 if block_lo <= i <= block_hi else 0.0,
            log1p(MAX_DISTANCE if (d := distance if distance > 0 else 0) > MAX_DISTANCE else d),
            log1p(runs[i]),
            (20.0 if (r := c / w) > 20.0 else r) / 10 if w else 0.0,
            f.alpha_ratio,
            *hots[i],
            *padded[i + k0],
            *padded[i + k1],
            *padded[i + k2],
            *padded[i + k3],
        ])  # fmt: skip
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
    mul, exp = operator.mul, math.exp
    # sigmoid, written out
    return [1.0 / (1.0 + exp(-max(min(sum(map(mul, weights, row)), 30.0), -30.0))) for row in rows]


def stage2_rows(p: Sequence[float]) -> list[list[float]]:
    """Second-stage rows of :data:`STAGE2_NAMES` values from first-stage probabilities."""
    return _stacked_rows([p])


def _stacked_rows(probabilities: Sequence[Sequence[float]]) -> list[list[float]]:
    """The second stage's rows over several first stages' probabilities (of the same
    lines): the bias, then each one's columns of :data:`STAGE2_NAMES`. A row at a
    time (a row's values made together are read faster); ``max(x, lo)`` and
    ``min(x, hi)`` written as the comparisons they make, the same values."""
    n = len(probabilities[0]) if probabilities else 0
    log = math.log
    lo, hi = 1e-4, 1 - 1e-4
    rows: list[list[float]] = []
    for i in range(n):
        lo3, lo10 = (i - 3 if i > 3 else 0), (i - 10 if i > 10 else 0)
        row = [1.0]
        for p in probabilities:
            q = hi if hi < (y := (lo if lo > (x := p[i]) else x)) else y
            prev3, next3 = p[lo3:i], p[i + 1 : i + 4]
            prev10, next10 = p[lo10:i], p[i + 1 : i + 11]
            window = p[lo10 : i + 11]
            row += (
                log(q / (1 - q)),
                p[i - 1] if i > 0 else 0.0,
                p[i + 1] if i + 1 < n else 0.0,
                sum(prev3) / len(prev3) if prev3 else 0.0,
                sum(next3) / len(next3) if next3 else 0.0,
                sum(window) / len(window),
                max(prev10) if prev10 else 0.0,
                max(next10) if next10 else 0.0,
            )
        rows.append(row)
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
    known = _BIN_FUNCTIONS.get(id(bins))
    if known is not None and known[0] is bins:
        bin_weights = known[1]
    else:
        bin_weights = _compiled_bins(tuple(bins))
        if len(_BIN_FUNCTIONS) < 64:  # kept with its bins, so that their id stays theirs
            _BIN_FUNCTIONS[id(bins)] = (bins, bin_weights)
    mul = operator.mul
    return [sum(map(mul, weights, row)) + bin_weights(row) for row in rows]


#: id(bins) -> (bins, their compiled sum): a model's bins are hashed once, not at every call.
_BIN_FUNCTIONS: dict[int, tuple[Sequence[Bins], Callable[[Sequence[float]], float]]] = {}


def _bin_expression(edges: Sequence[float], cumulative: Sequence[float], lo: int, hi: int, value: str) -> str:
    """``cumulative[bisect_right(edges, value)]`` as nested conditional expressions, for a
    result known to lie in ``cumulative[lo : hi + 1]`` (a binary search, the comparison
    ``bisect_right`` makes)."""
    if lo == hi:
        return repr(cumulative[lo])
    mid = (lo + hi + 1) // 2
    left = _bin_expression(edges, cumulative, lo, mid - 1, value)
    right = _bin_expression(edges, cumulative, mid, hi, value)
    return f"({left} if {value} < {edges[mid - 1]!r} else {right})"


@lru_cache(maxsize=16)
def _compiled_bins(bins: tuple[Bins, ...]) -> Callable[[Sequence[float]], float]:
    """One function ``f(row)``: ``sum(b.cumulative[bisect_right(b.edges, row[b.column])] for b in bins)``,
    the same sum of the same values, each found by comparisons written out (see
    :func:`cleaner.forest.compile_forest`) rather than a call of ``bisect_right``."""
    reads = "".join(f"    v{k} = x[{b.column}]\n" for k, b in enumerate(bins))
    terms = "".join(_bin_expression(b.edges, b.cumulative, 0, len(b.edges), f"v{k}") + ", " for k, b in enumerate(bins))
    namespace: dict[str, Any] = {}
    exec(compile(f"def bin_weights(x):\n{reads}    return sum(({terms}))\n", "<bins>", "exec"), namespace)
    function: Callable[[Sequence[float]], float] = namespace["bin_weights"]
    return function


def binned_linear(weights: Sequence[float], bins: Sequence[Bins], rows: Sequence[Sequence[float]]) -> list[float]:
    """Logistic of each row's weighted sum plus its bin weights."""
    return list(map(sigmoid, binned_sums(weights, bins, rows)))


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
        first = [self.first_stage(rows)]
        if self.forest is not None:
            first.append(list(map(sigmoid, map(self.forest.score, rows))))
        return linear(self.stage2_weights, _stacked_rows(first))


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
