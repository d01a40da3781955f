"""Hand-built edge cases for the benchmark metrics, and one published row reproduced."""

from __future__ import annotations

import pytest

from bench import metrics as M
from bench.data import SHARED


def approx(x: float) -> object:
    return pytest.approx(x, abs=1e-9)


# ---------------------------------------------------------------- Scrapinghub shingles


def test_shingles_sizes() -> None:
    assert M.shingles("") == {}
    assert M.shingles("  ,.; ") == {}
    assert M.shingles("a b c") == {("a", "b", "c"): 1}
    assert M.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert M.shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2


def test_identical_page() -> None:
    pg = M.shingle_page("One two three four five.", "One, two; three four five")
    assert (pg.tp, pg.fp, pg.fn, pg.exact) == (1.0, 0.0, 0.0, True)
    assert pg.precision == 1.0 and pg.recall == 1.0


def test_empty_prediction_only_counts_in_recall() -> None:
    pg = M.shingle_page("one two three four five", "")
    assert (pg.tp, pg.fp, pg.fn) == (0.0, 0.0, 1.0)
    assert pg.recall == 0.0
    score = M.shingle_corpus([pg, M.shingle_page("a b c d", "a b c d")])
    assert score.precision == approx(1.0)  # the empty page has TP+FP = 0: not in the P mean
    assert score.recall == approx(0.5)
    assert score.f1 == approx(2 * 1.0 * 0.5 / 1.5)


def test_empty_reference_only_counts_in_precision() -> None:
    pg = M.shingle_page("", "some extra text here now")
    assert (pg.tp, pg.fp, pg.fn) == (0.0, 1.0, 0.0)
    assert pg.precision == 0.0
    score = M.shingle_corpus([pg, M.shingle_page("a b c d", "a b c d")])
    assert score.precision == approx(0.5)
    assert score.recall == approx(1.0)


def test_both_empty_is_exact_and_in_no_mean() -> None:
    pg = M.shingle_page("", "")
    assert (pg.tp, pg.fp, pg.fn, pg.exact) == (0.0, 0.0, 0.0, True)
    assert pg.precision == 1.0 and pg.recall == 1.0
    score = M.shingle_corpus([pg, M.shingle_page("a b c d e", "a b c d")])
    assert score.precision == approx(1.0) and score.recall == approx(0.5)
    assert score.accuracy == approx(0.5)


def test_short_texts_give_one_shingle() -> None:
    assert M.shingle_page("a b c", "a b c").precision == 1.0
    pg = M.shingle_page("a b c", "a b c d")  # (a,b,c) vs (a,b,c,d): nothing shared
    assert pg.tp == 0.0 and pg.fp == approx(0.5) and pg.fn == approx(0.5)
    assert pg.precision == 0.0 and pg.recall == 0.0


def test_case_is_kept_and_counts_are_normalised() -> None:
    pg = M.shingle_page("The cat sat down", "the cat sat down")
    assert pg.tp == 0.0 and not pg.exact
    pg = M.shingle_page("a b c d e", "a b c d x y")  # true: abcd bcde; pred: abcd bcdx cdxy
    assert (pg.tp, pg.fp, pg.fn) == (approx(0.25), approx(0.5), approx(0.25))
    assert pg.precision == approx(1 / 3) and pg.recall == approx(0.5)


def test_f1_is_of_the_means_not_mean_of_f1() -> None:
    pages = [M.shingle_page("a b c d e f g", "a b c d"), M.shingle_page("a b c d", "a b c d e f g")]
    s = M.shingle_corpus(pages)
    assert s.precision == approx((1.0 + 0.25) / 2)
    assert s.recall == approx((0.25 + 1.0) / 2)
    assert s.f1 == approx(0.625)


# ---------------------------------------------------------------- WCXB word bag


def test_wcxb_edges() -> None:
    assert M.wcxb_page("", "") == M.WordPage(1.0, 1.0, 1.0)
    assert M.wcxb_page("", "something") == M.WordPage(0.0, 0.0, 0.0)
    assert M.wcxb_page("something", "") == M.WordPage(0.0, 0.0, 0.0)
    assert M.wcxb_page("Hello World", "hello, world!") == M.WordPage(1.0, 1.0, 1.0)
    assert M.wcxb_page("a b", "x y") == M.WordPage(0.0, 0.0, 0.0)


def test_wcxb_clipped_bag_and_mean_of_page_f1() -> None:
    wp = M.wcxb_page("a a b c", "a a a x")  # overlap min(2,3) = 2
    assert wp.precision == approx(0.5) and wp.recall == approx(0.5) and wp.f1 == approx(0.5)
    s = M.wcxb_corpus([wp, M.wcxb_page("a", "a")])
    assert s.f1 == approx(0.75)


# ---------------------------------------------------------------- trafilatura snippets


def test_snippets() -> None:
    out = "Das ist  der\nText.\nCookies & Tracking"
    pg = M.snippet_page(out, ["ist der Text.", "fehlt"], ["Cookies & Tracking", "cookies"])
    assert pg == M.SnippetPage(tp=1, fp=1, fn=1, tn=1)  # case-sensitive: "cookies" not found
    assert M.snippet_page(None, ["a"], ["b", "c"]) == M.SnippetPage(0, 0, 1, 2)
    assert M.snippet_page("", ["a"], ["b"]) == M.SnippetPage(0, 0, 1, 1)
    s = M.snippet_corpus([pg, M.SnippetPage(3, 0, 0, 2)])
    assert s.precision == approx(4 / 5) and s.recall == approx(4 / 5)
    assert s.f1 == approx(8 / 10) and s.accuracy == approx(7 / 9)


# ---------------------------------------------------------------- titles


def test_titles() -> None:
    assert M.normalise_title("  Hello, World!  ") == "hello world"
    assert M.normalise_title("  Hello, World!  ", cased=True) == "Hello World"
    assert M.title_match("HELLO WORLD | Site", "Hello world") and not M.title_match("HELLO WORLD", "Hello world", True)
    assert M.title_match("Hello World", "hello   world.")
    assert M.title_match("Big News | The Site", "Big news")
    assert M.title_match("Big news", "Big News - The Site")
    assert M.title_match("Big News — Site", "Big News – Other Site")
    assert M.title_match("A - B | Site", "a - b")  # only the last suffix goes
    assert not M.title_match("A - B | Site", "a")
    assert not M.title_match("Big News", "Small News")
    assert not M.title_match(None, "Big News")
    assert not M.title_match("", "")
    assert not M.title_match("Covid-19", "Covid")  # a hyphen without spaces is no separator
    assert M.title_corpus([True, False, True, True]).accuracy == approx(0.75)


# ---------------------------------------------------------------- a published row


@pytest.mark.skipif(not (SHARED / "scrapinghub-aeb").is_dir(), reason="shared benchmark data not here")
def test_published_inscriptis_identity_row() -> None:
    """README of the scrapinghub benchmark: inscriptis F1 0.679, P 0.517, R 0.992, acc 0.

    Needs the bench extra (inscriptis) to make the dumps; skipped without it.
    """
    pytest.importorskip("inscriptis")
    from bench.converters import get_dumps
    from bench.data import load_docs

    docs = load_docs("scrapinghub-aeb")
    dumps = get_dumps("scrapinghub-aeb", "inscriptis", [d.id for d in docs])
    s = M.shingle_corpus([M.shingle_page(d.body, dumps[d.id]) for d in docs])
    assert (round(s.f1, 3), round(s.precision, 3), round(s.recall, 3)) == (0.679, 0.517, 0.992)
    assert s.accuracy == 0.0 and s.pages == 181
