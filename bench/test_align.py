"""Line labels from ground truth (align.py) and the C4 anchor's line rules."""

from __future__ import annotations

from bench import align
from bench.anchors import c4, c4_keep, identity, lines_as_html

BODY = "The quick brown fox jumps over the lazy dog.\n\nIt was a sunny day in the park.\n\nRed\n\nAll done now here."


def test_long_lines_by_shingle_share() -> None:
    lines = [
        "Menu Home About",
        "",
        "The quick brown fox jumps over the lazy dog.",
        "It was a sunny day at the beach with friends and family.",  # 2 of 9 shingles in body
        "It was a sunny day in the park.",
    ]
    assert align.body_labels(lines, BODY) == [0, None, 1, 0, 1]
    assert align.body_labels(lines, BODY, share=0.2) == [0, None, 1, 1, 1]


def test_short_lines_need_a_content_neighbour() -> None:
    lines = ["Red", "Share", "It was a sunny day in the park.", "Red", "", "Red", "Blue"]
    # first "Red": neighbour "Share" is not content; "Share" not in body; last "Red" follows a
    # content "Red" (propagation); "Blue" is not in the body
    assert align.body_labels(lines, BODY) == [0, 0, 1, 1, None, 1, 0]
    assert align.body_labels(lines, BODY, propagate=False) == [0, 0, 1, 1, None, 0, 0]


def test_snippet_labels_and_title_line() -> None:
    lines = ["Login", "Das ist der   Text.", "", "x", "Text and Login"]
    assert align.snippet_labels(lines, ["ist der Text."], ["Login"]) == [0, 1, None, None, 0]
    assert align.title_line(["", "Menu", "# Big News", "Big News"], "Big News | Site") == 2
    assert align.title_line(["Menu"], "Big News") is None
    assert align.title_line(["Big News"], None) is None
    assert align.kept_text(["a", "", "b", "c"], [1, None, 0, 1]) == "a\nc"


def test_c4_rules() -> None:
    assert c4_keep("  This line has five words.  ") == "This line has five words."
    assert c4_keep("Too short a line.") is None
    assert c4_keep("This line has no terminal mark") is None
    assert c4_keep("This line trails off with dots...") is None
    assert c4_keep("Please enable JavaScript to view this page.") is None
    assert c4_keep("By using this site you agree to our Terms of Use.") is None
    assert c4_keep("Paris is the capital of France.[12]") == "Paris is the capital of France."
    assert c4_keep("Paris is the capital of France [12].") == "Paris is the capital of France ."
    assert c4_keep("“Quoted words end this long line here.”") is not None
    assert c4_keep("これは日本語の文です。") is not None
    assert c4("Menu\nThis line has five words.\nFooter")[0] == "This line has five words."


def test_identity_and_wrapping() -> None:
    assert identity("\n  Title  \nbody")[1] == "Title"
    assert identity("")[1] is None
    assert lines_as_html("a < b\n\n c ").count("<p>") == 2
