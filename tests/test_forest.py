"""The boosted-trees data format: validation and the compiled scorer."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.forest import MAX_DEPTH, ForestError, Node, parse_forest
from cleaner.model import binned_linear, default_model, linear, sigmoid, stage2_names, stage2_rows

STUMP = [[0, 0.5, 1, 2], [-1.0], [2.0]]


def walk(base: float, trees: Sequence[Sequence[Node]], row: Sequence[float]) -> float:
    """Reference scorer: follow each tree's nodes in a loop."""
    total = base
    for tree in trees:
        node = tree[0]
        while len(node) == 4:
            node = tree[node[2] if row[node[0]] <= node[1] else node[3]]
        total += node[0]
    return total


def test_threshold_goes_left_when_equal() -> None:
    forest = parse_forest({"base": 0.25, "trees": [STUMP]}, n_features=1)
    assert forest.score([0.5]) == 0.25 - 1.0
    assert forest.score([math.nextafter(0.5, 1.0)]) == 0.25 + 2.0
    assert forest.score([-3.0]) == 0.25 - 1.0


def test_trees_add_up() -> None:
    deeper = [[1, 10.0, 1, 4], [0, 0.0, 2, 3], [0.5], [0.75], [-2.0]]
    forest = parse_forest({"base": 0.0, "trees": [STUMP, deeper]}, n_features=2)
    assert forest.score([1.0, 5.0]) == 2.0 + 0.75
    assert forest.score([0.0, 5.0]) == -1.0 + 0.5
    assert forest.score([0.0, 11.0]) == -1.0 - 2.0


def test_no_trees_scores_the_base() -> None:
    assert parse_forest({"base": -0.5, "trees": []}, n_features=3).score([1.0, 2.0, 3.0]) == -0.5


@st.composite
def trees(draw: st.DrawFn, n_features: int, depth: int = 0) -> list[list[Any]]:
    """A random valid tree in file order (children after their parent)."""
    if depth >= 5 or draw(st.booleans()):
        return [[draw(st.floats(-5, 5))]]
    left = draw(trees(n_features, depth + 1))
    right = draw(trees(n_features, depth + 1))

    def shifted(tree: list[list[Any]], by: int) -> list[list[Any]]:
        return [node if len(node) == 1 else [node[0], node[1], node[2] + by, node[3] + by] for node in tree]

    root = [draw(st.integers(0, n_features - 1)), draw(st.floats(-3, 3)), 1, 1 + len(left)]
    return [root, *shifted(left, 1), *shifted(right, 1 + len(left))]


@given(
    st.floats(-2, 2),
    st.lists(trees(3), max_size=6),
    st.lists(st.lists(st.floats(-4, 4), min_size=3, max_size=3), min_size=1, max_size=10),
)
def test_compiled_scorer_matches_walking_the_nodes(
    base: float, forest_trees: list[Any], rows: list[list[float]]
) -> None:
    forest = parse_forest({"base": base, "trees": forest_trees}, n_features=3)
    for row in rows:
        assert forest.score(row) == pytest.approx(walk(forest.base, forest.trees, row), abs=1e-12)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"trees": []}, "a forest is"),
        ({"base": 0.0, "trees": [], "extra": 1}, "a forest is"),
        ({"base": "0", "trees": []}, "finite number"),
        ({"base": math.inf, "trees": []}, "finite number"),
        ({"base": 0.0, "trees": [[]]}, "non-empty list"),
        ({"base": 0.0, "trees": [[[1.0, 2.0]]]}, "a node is"),
        ({"base": 0.0, "trees": [[[True]]]}, "finite number"),
        ({"base": 0.0, "trees": [[[3, 0.5, 1, 2], [1.0], [2.0]]]}, "feature"),
        ({"base": 0.0, "trees": [[[0, 0.5, 1, 3], [1.0], [2.0]]]}, "right child"),
        ({"base": 0.0, "trees": [[[0, 0.5, 0, 2], [1.0], [2.0]]]}, "left child"),
        ({"base": 0.0, "trees": [[[0, math.nan, 1, 2], [1.0], [2.0]]]}, "finite number"),
        ({"base": 0.0, "trees": [[[0, 0.5, 1, 1], [1.0], [2.0]]]}, "exactly one split"),
        ({"base": 0.0, "trees": [[[0, 0.5, 1, 2], [1.0], [2.0], [3.0]]]}, "exactly one split"),
    ],
)
def test_malformed_forests_are_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ForestError, match=message):
        parse_forest(data, n_features=3)


def chain(depth: int) -> list[list[Any]]:
    """A tree whose left spine is ``depth`` splits deep."""
    nodes: list[list[Any]] = []
    for level in range(depth):
        nodes += [[0, float(level), len(nodes) + 2, len(nodes) + 1], [float(level)]]
    return [*nodes, [-1.0]]


def test_depth_limit_edge() -> None:
    assert parse_forest({"base": 0.0, "trees": [chain(MAX_DEPTH)]}, n_features=1).score([-1.0]) == -1.0
    with pytest.raises(ForestError, match="deeper than"):
        parse_forest({"base": 0.0, "trees": [chain(MAX_DEPTH + 1)]}, n_features=1)


def test_packaged_line_model_stacks_its_linear_part_and_its_forest() -> None:
    model = default_model()
    assert model.forest is not None and len(model.forest.trees) > 0
    assert len(model.stage2_weights) == len(stage2_names(True))
    rows = [[float((i * 7 + j) % 5) for j in range(len(model.weights))] for i in range(4)]
    linear_rows = stage2_rows(binned_linear(model.weights, model.bins, rows))
    tree_rows = stage2_rows([sigmoid(model.forest.score(row)) for row in rows])
    expected = linear(model.stage2_weights, [a + b[1:] for a, b in zip(linear_rows, tree_rows, strict=True)])
    assert model.probabilities(rows) == pytest.approx(expected)
