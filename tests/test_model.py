"""The learned line model: loading is validated, inference matches the weights."""

import json
import math
from importlib import resources

import pytest

from cleaner import Options, clean
from cleaner.classifying import analyse
from cleaner.forest import parse_forest
from cleaner.headline import (
    TITLE_BINNED,
    TITLE_FEATURES,
    URL_BINNED,
    URL_FEATURES,
    TitleModel,
    default_title_model,
    forest_names,
    forest_rows,
    parse_title_model,
)
from cleaner.language import stopwords
from cleaner.lexicon import default_lexicon
from cleaner.model import (
    BINNED,
    FEATURE_NAMES,
    STAGE2_NAMES,
    Bins,
    LineModel,
    ModelError,
    default_model,
    featurize,
    linear,
    parse_model,
    stage2_rows,
)
from cleaner.scoring import is_prose
from cleaner.segmenting import segment


def model_data() -> dict:
    return json.loads(resources.files("cleaner").joinpath("data/line_model.json").read_text("utf-8"))


def test_packaged_model_fits_the_code() -> None:
    model = default_model()
    assert len(model.weights) == len(FEATURE_NAMES)
    assert 0 < model.switch < 1 and 0 < model.start_content < 1


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["features"].pop(), "do not match the code"),
        (lambda d: d["features"].append("ghost"), "unknown \\['ghost'\\]"),
        (lambda d: d["weights"].pop(), "weights for"),
        (lambda d: d.update(switch=1.5), "strictly between 0 and 1"),
        (lambda d: d["stage2_weights"].pop(), "stage-2 weights"),
        (lambda d: d.pop("bins"), "bins do not match"),
        (lambda d: d["bins"][BINNED[0]]["weights"].pop(), "edges but"),
        (lambda d: d["bins"][BINNED[0]]["edges"].reverse(), "strictly ascending"),
        (lambda d: d.pop("forest"), "stage-2 features do not match"),
        (lambda d: d["forest"]["trees"][0][0].__setitem__(0, 10_000), "line model forest: tree 0, node 0 feature"),
        (lambda d: d["forest"].pop("base"), "line model forest"),
    ],
)
def test_a_stale_or_broken_model_fails_loudly(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = model_data()
    mutate(data)
    with pytest.raises(ModelError, match=message):
        parse_model(json.dumps(data))


def test_first_stage_is_the_logistic_of_the_weighted_sum() -> None:
    (p,) = linear((0.5, -1.0, 2.0), [[1.0, 2.0, 0.25]])
    assert p == pytest.approx(1 / (1 + math.exp(-(0.5 - 2.0 + 0.5))))


def test_second_stage_sees_the_neighbourhood() -> None:
    rows = stage2_rows([0.9, 0.1, 0.8])
    assert [dict(zip(STAGE2_NAMES, row, strict=True))["prev"] for row in rows] == [0.0, 0.9, 0.1]
    assert dict(zip(STAGE2_NAMES, rows[1], strict=True))["max_next10"] == 0.8
    assert dict(zip(STAGE2_NAMES, rows[1], strict=True))["logit"] == pytest.approx(math.log(0.1 / 0.9))


@pytest.mark.parametrize(
    ("between", "closed"),
    [("Read more: Why rents rise again this winter", 0.0), ("Related stories", 1.0), ("Tags: budget, council", 1.0)],
)
def test_after_closer_follows_a_closing_rule_not_an_inline_teaser(between: str, closed: float) -> None:
    paragraphs = [
        "The council approved the budget on Monday after a long debate, officials said.",
        "Members argued for six hours before the vote, which passed by a single vote.",
    ]
    lines = segment("\n\n".join([paragraphs[0], between, paragraphs[1]]))
    a = analyse(lines, stopwords("en"), default_lexicon(), default_model())
    rows = featurize(lines, a.feats, [is_prose(f, True) for f in a.feats], True)
    assert [row[FEATURE_NAMES.index("after_closer")] for row in rows] == [0.0, 0.0, closed]


def test_a_model_can_be_passed_in_options() -> None:
    text = "Headline of the day\n\nThe council approved the budget on Monday after a long debate, officials said."
    rest = (0.0,) * (len(FEATURE_NAMES) - 1)
    stage2 = (0.0, 1.0) + (0.0,) * (len(STAGE2_NAMES) - 2)
    keep_all = LineModel(weights=(30.0, *rest), stage2_weights=stage2, switch=0.1, start_content=0.5)
    drop_all = LineModel(weights=(-30.0, *rest), stage2_weights=stage2, switch=0.1, start_content=0.5)
    assert clean(text, Options(model=keep_all)).text.endswith("officials said.")
    assert clean(text, Options(model=drop_all)).text == ""


def test_packaged_model_bins_every_binned_feature() -> None:
    model = default_model()
    assert [FEATURE_NAMES[b.column] for b in model.bins] == list(BINNED)
    assert all(b.edges for b in model.bins)


def _one_bin_model(edges: tuple[float, ...], weights: tuple[float, ...]) -> LineModel:
    zero = (0.0,) * len(FEATURE_NAMES)
    stage2 = (0.0,) * len(STAGE2_NAMES)
    return LineModel(zero, stage2, 0.1, 0.5, (Bins.from_weights("log_words", edges, weights),))


@pytest.mark.parametrize(
    ("value", "added"),
    [(0.99, 0.0), (1.0, 2.0), (1.5, 2.0), (2.0, 2.0 - 3.0), (9.0, 2.0 - 3.0)],
)
def test_a_bin_adds_the_weights_of_the_edges_at_or_below_the_value(value: float, added: float) -> None:
    model = _one_bin_model((1.0, 2.0), (2.0, -3.0))
    row = [0.0] * len(FEATURE_NAMES)
    row[FEATURE_NAMES.index("log_words")] = value
    (p,) = model.first_stage([row])
    assert p == pytest.approx(1 / (1 + math.exp(-added)))


def test_a_purely_linear_model_has_no_bins() -> None:
    model = LineModel((0.5, -1.0), (0.0,), 0.1, 0.5)
    assert model.first_stage([[1.0, 2.0]]) == linear((0.5, -1.0), [[1.0, 2.0]])


def title_model_data() -> dict:
    return json.loads(resources.files("cleaner").joinpath("data/title_model.json").read_text("utf-8"))


def test_packaged_title_model_bins_every_binned_title_feature() -> None:
    model = default_title_model()
    assert len(model.weights) == len(TITLE_FEATURES) and not model.uses_url
    assert [TITLE_FEATURES[b.column] for b in model.bins] == list(TITLE_BINNED)


def test_packaged_url_title_model_adds_the_url_features() -> None:
    model = default_title_model(uses_url=True)
    names = TITLE_FEATURES + URL_FEATURES
    assert len(model.weights) == len(names) and model.uses_url
    assert [names[b.column] for b in model.bins] == list(TITLE_BINNED + URL_BINNED)


def test_a_text_model_file_is_not_a_url_model() -> None:
    with pytest.raises(ModelError, match="do not match the code"):
        parse_title_model(json.dumps(title_model_data()), uses_url=True)


def test_the_packaged_title_models_carry_trees_over_the_page_relative_rows() -> None:
    for uses_url in (False, True):
        model = default_title_model(uses_url)
        assert model.forest is not None and model.forest.trees


def test_forest_rows_set_each_binned_column_against_the_page() -> None:
    rows = [[1.0, 5.0, 0.5], [1.0, 2.0, 0.0], [1.0, 3.0, 1.0]]
    assert forest_rows(rows, [1, 2]) == [
        [1.0, 5.0, 0.5, 0.0, 0.5, 3.0, 0.5, 3.0],
        [1.0, 2.0, 0.0, 3.0, 1.0, 0.0, 0.0, 3.0],
        [1.0, 3.0, 1.0, 2.0, 0.0, 1.0, 1.0, 3.0],
    ]
    assert forest_rows([], [1]) == []
    assert len(forest_names(["a", "b", "c"], ["b", "c"])) == len(forest_rows(rows, [1, 2])[0])


def _short_and_long() -> tuple[tuple[float, ...], list[list[float]], list[tuple[int, str]]]:
    """Linear weights on ``log_words`` alone, and the rows of a short (1.0)
    and a long (3.0) candidate."""
    column = TITLE_FEATURES.index("log_words")
    weights = [0.0] * len(TITLE_FEATURES)
    weights[column] = 1.0
    short, long = [0.0] * len(TITLE_FEATURES), [0.0] * len(TITLE_FEATURES)
    short[column], long[column] = 1.0, 3.0
    return tuple(weights), [short, long], [(0, "short"), (1, "long")]


def _stump(feature: int, threshold: float, left: float, right: float):  # type: ignore[no-untyped-def]
    return parse_forest({"base": 0.0, "trees": [[[feature, threshold, 1, 2], [left], [right]]]}, 1000)


def test_title_trees_rerank_but_the_linear_probability_keeps_the_bar() -> None:
    """The linear model prefers the long candidate; trees that score the
    candidate furthest below the page's longest (``log_words_below_top``)
    high make the short one the headline, unless the linear model finds it
    below the bar."""
    weights, (short, long), chosen = _short_and_long()
    bins = (Bins.from_weights("log_words", (10.0,), (0.0,), TITLE_FEATURES),)
    below_top = forest_names(TITLE_FEATURES, ["log_words"]).index("log_words_below_top")
    trees = _stump(below_top, 1.0, 0.0, 5.0)
    assert TitleModel(weights, 0.0, bins).choose(chosen, [short, long]) == (1, "long")
    assert TitleModel(weights, 0.0, bins, forest=trees).choose(chosen, [short, long]) == (0, "short")
    # sigmoid(1.0) = .73: the short candidate is likely enough at .7, not at .75
    assert TitleModel(weights, 0.7, bins, forest=trees).choose(chosen, [short, long]) == (0, "short")
    assert TitleModel(weights, 0.75, bins, forest=trees).choose(chosen, [short, long]) is None


def test_title_trees_reading_past_their_rows_fail_loudly() -> None:
    data = title_model_data()
    past = len(forest_names(TITLE_FEATURES, TITLE_BINNED))
    data["forest"] = {"base": 0.0, "trees": [[[past, 0.5, 1, 2], [0.0], [1.0]]]}
    with pytest.raises(ModelError, match="title model forest"):
        parse_title_model(json.dumps(data))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["features"].pop(), "do not match the code"),
        (lambda d: d["weights"].pop(), "weights for"),
        (lambda d: d.pop("bins"), "bins do not match"),
        (lambda d: d["bins"].pop(TITLE_BINNED[-1]), "bins do not match"),
        (lambda d: d["bins"][TITLE_BINNED[0]]["weights"].pop(), "edges but"),
        (lambda d: d["bins"][TITLE_BINNED[0]]["edges"].reverse(), "strictly ascending"),
    ],
)
def test_a_stale_or_broken_title_model_fails_loudly(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = title_model_data()
    mutate(data)
    with pytest.raises(ModelError, match=message):
        parse_title_model(json.dumps(data))


def test_title_bins_can_reverse_the_linear_ranking() -> None:
    """A long candidate wins on the linear weight of ``log_words`` alone; a
    negative bin above its value makes the shorter one the headline."""
    weights, (short, long), chosen = _short_and_long()
    assert TitleModel(weights, 0.0).choose(chosen, [short, long]) == (1, "long")
    bins = (Bins.from_weights("log_words", (2.0,), (-5.0,), TITLE_FEATURES),)
    assert TitleModel(weights, 0.0, bins).choose(chosen, [short, long]) == (0, "short")
