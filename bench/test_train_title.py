"""bench.train_title: the page softmax and the trees boosted on it (needs the bench extra)."""

import pytest

pytest.importorskip("sklearn")
pytest.importorskip("scipy")

import numpy as np

from bench.train import forest_scores
from bench.train_title import Page, fit_trees, page_softmax, tree_matrix

CANDIDATES = 6


def test_the_page_softmax() -> None:
    scores = np.array([0.0, np.log(3.0), 5.0, 5.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    page = np.array([0, 0, 1, 1])
    p, right = page_softmax(scores, y, page, 2)
    assert np.allclose(p, [0.25, 0.75, 0.5, 0.5])
    assert np.allclose(right, [0.75, 0.5])


def _pages(seed: int, count: int) -> list[Page]:
    """Pages whose headline is the candidate with the feature nearest 0.5:
    a band, which no linear weight on the feature can rank."""
    rng = np.random.default_rng(seed)
    pages = []
    for k in range(count):
        feature = rng.random(CANDIDATES)
        rows = np.column_stack([np.ones(CANDIDATES), feature])
        labels = (np.abs(feature - 0.5) == np.abs(feature - 0.5).min()).astype(int)
        pages.append(("synthetic", f"site{k}", rows, labels))
    return pages


def test_the_trees_learn_what_the_linear_scores_miss() -> None:
    train, test = _pages(0, 80), _pages(1, 40)
    weights = [0.0, 0.0]
    forest = fit_trees(train, train, weights, [1])
    right = 0
    for _, _, rows, labels in test:
        scores = rows @ np.asarray(weights) + forest_scores(forest, tree_matrix(rows, [1]))
        right += int(labels[int(np.argmax(scores))])
    assert right >= 0.8 * len(test)


def test_pages_without_a_right_candidate_teach_nothing() -> None:
    train = _pages(0, 80)
    unlabelled = [(source, site, rows, np.zeros_like(labels)) for source, site, rows, labels in _pages(2, 40)]
    mixed = train + unlabelled
    assert fit_trees(train, train, [0.0, 0.0], [1]).trees == fit_trees(mixed, mixed, [0.0, 0.0], [1]).trees
