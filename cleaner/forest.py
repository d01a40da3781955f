"""Gradient-boosted regression trees as data, compiled to plain Python.

A forest's score for a row of features is its ``base`` plus, for each tree,
the value of the leaf the row reaches, going left at a split while
``row[feature] <= threshold``. In a model file a forest is
``{"base": b, "trees": [tree, ...]}``; a tree is a list of nodes, node 0 the
root, a split ``[feature, threshold, left, right]`` and a leaf ``[value]``.
Children come after their parent, so every path ends.

Loading checks every node, then compiles the forest once into one Python
function of nested conditional expressions, generated from the checked
numbers only: on the dev pages that scores a line several times faster than
walking the nodes in a loop.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


class ForestError(ValueError):
    """A forest in a model file is malformed."""


#: Deepest tree accepted. The trainer grows trees of depth 4; the bound
#: keeps the generated expressions well inside what Python's parser nests.
MAX_DEPTH = 16

Split = tuple[int, float, int, int]
Leaf = tuple[float]
Node = Split | Leaf


@dataclass(frozen=True)
class Forest:
    base: float
    trees: tuple[tuple[Node, ...], ...]
    #: The compiled score of a row (see :func:`compile_forest`).
    score: Callable[[Sequence[float]], float] = field(compare=False, repr=False)


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ForestError(f"{where}: expected a finite number, got {value!r}")
    return float(value)


def _index(value: Any, lo: int, hi: int, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value < hi:
        raise ForestError(f"{where}: expected an integer in [{lo}, {hi}), got {value!r}")
    return value


def parse_tree(nodes: Any, n_features: int, where: str) -> tuple[Node, ...]:
    """One tree's nodes, checked: features within ``n_features``, children
    after their parent and within the tree, every node but the root reached
    exactly once, depth at most :data:`MAX_DEPTH`."""
    if not isinstance(nodes, list) or not nodes:
        raise ForestError(f"{where}: a tree is a non-empty list of nodes")
    parsed: list[Node] = []
    depth = [0] * len(nodes)
    parents = [0] * len(nodes)
    for i, node in enumerate(nodes):
        at = f"{where}, node {i}"
        if isinstance(node, list) and len(node) == 1:
            parsed.append((_number(node[0], at),))
        elif isinstance(node, list) and len(node) == 4:
            feature = _index(node[0], 0, n_features, f"{at} feature")
            left = _index(node[2], i + 1, len(nodes), f"{at} left child")
            right = _index(node[3], i + 1, len(nodes), f"{at} right child")
            parsed.append((feature, _number(node[1], at), left, right))
            for child in (left, right):
                parents[child] += 1
                depth[child] = depth[i] + 1
                if depth[child] > MAX_DEPTH:
                    raise ForestError(f"{at}: deeper than {MAX_DEPTH}")
        else:
            raise ForestError(f"{at}: a node is [value] or [feature, threshold, left, right]")
    if any(count != 1 for count in parents[1:]):
        raise ForestError(f"{where}: every node but the root must be the child of exactly one split")
    return tuple(parsed)


def _expression(tree: Sequence[Node], i: int) -> str:
    node = tree[i]
    if len(node) == 1:
        return repr(node[0])
    feature, threshold, left, right = node
    return f"({_expression(tree, left)} if f{feature} <= {threshold!r} else {_expression(tree, right)})"


def compile_forest(base: float, trees: Sequence[Sequence[Node]]) -> Callable[[Sequence[float]], float]:
    """One function ``score(x)``: ``base`` plus each tree's leaf value for
    ``x``. The features the splits read are copied into local variables
    first (``f3 = x[3]``), which makes the comparisons about a third cheaper
    than indexing ``x`` at each one."""
    used = sorted({node[0] for tree in trees for node in tree if len(node) == 4})
    reads = "".join(f"    f{feature} = x[{feature}]\n" for feature in used)
    terms = " + ".join([repr(base)] + [_expression(tree, 0) for tree in trees])
    namespace: dict[str, Any] = {}
    exec(compile(f"def score(x):\n{reads}    return {terms}\n", "<forest>", "exec"), namespace)
    score: Callable[[Sequence[float]], float] = namespace["score"]
    return score


def parse_forest(data: Any, n_features: int) -> Forest:
    """A forest from its model-file entry (see the module docstring)."""
    if not isinstance(data, dict) or set(data) != {"base", "trees"} or not isinstance(data["trees"], list):
        raise ForestError('a forest is {"base": number, "trees": [tree, ...]}')
    base = _number(data["base"], "forest base")
    trees = tuple(parse_tree(nodes, n_features, f"tree {k}") for k, nodes in enumerate(data["trees"]))
    return Forest(base, trees, compile_forest(base, trees))
