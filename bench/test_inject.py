"""bench.inject: where the furniture goes."""

from bench.inject import MIN_PARAGRAPHS, PARAGRAPH_MIN_WORDS, injected

PARAGRAPH = " ".join(["word"] * PARAGRAPH_MIN_WORDS)


def test_a_line_goes_after_the_second_and_the_fifth_paragraph() -> None:
    lines = ["Menu", *[f"{PARAGRAPH} {k}" for k in range(MIN_PARAGRAPHS)]]
    labels = [0, *[1] * MIN_PARAGRAPHS]
    out = injected("page", lines, labels, "Read more: {title}", ["A teaser"])
    assert out is not None
    assert out[:5] == ["Menu", lines[1], lines[2], "", "Read more: A teaser"]
    assert out[5:] == [lines[3], lines[4], lines[5], "", "Read more: A teaser", lines[6]]


def test_short_lines_and_furniture_are_no_paragraphs() -> None:
    lines = [f"{PARAGRAPH} {k}" for k in range(MIN_PARAGRAPHS)]
    assert injected("page", lines, [1] * (MIN_PARAGRAPHS - 1) + [0], "{title}", ["A teaser"]) is None
    short = [*lines[:-1], "two words"]
    assert injected("page", short, [1] * MIN_PARAGRAPHS, "{title}", ["A teaser"]) is None
