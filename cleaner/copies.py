"""A section of the article taken in twice.

Pages often hold hidden copies of their article (a print or app version, an
"amp" block, a newsletter's web copy: Business Insider's "10 things" pages
carry the article three times), and both a text dump and trafilatura take
them in. A copy is told from a paragraph that an article legitimately repeats
(a quote, a pull quote, a recipe step) by its density: several of the kept
lines around it are copies too.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Shortest line (in words) that counts as a copy: shorter ones ("Eat every
#: 2–3 hours", "Meal 1", a list dash) repeat in real articles.
COPY_MIN_WORDS = 10
#: Kept lines either side of a copy that are looked at.
COPY_REACH = 2
#: Copies needed among the ``2 * COPY_REACH + 1`` kept lines around one (itself
#: included) for it to go. Calibrated on the HTML track's cached extractions
#: (``python -m bench.html_dev``; scrapinghub-aeb / wcxb-dev articles,
#: shingle F1 .9673 / .9406 before): 3 of 5 lines of 10+ words .9682 / .9408
#: (6 pages up, among them Business Insider .37 → .70 precision; 4 down by
#: at most .04 recall: lists an article repeats); 2 of 5 .9668 / .9409 (a
#: repeated pair of quotes goes); ignoring the shorter lines between copies
#: instead of counting them as non-copies cost a meal plan whose days repeat
#: their dishes (recall .997 → .707). On the text track (``bench.run``'s
#: dumps, inscriptis / plain / html2text) wcxb-dev articles go .9304 / .9299 /
#: .9286 → .9315 / .9309 / .9297 (three sites' pages up by .32-.37, three
#: down by at most .015); scrapinghub-aeb and trafilatura-eval do not move.
COPY_RUN = 3


def copied_lines(texts: Sequence[str]) -> set[int]:
    """Positions in ``texts`` (the kept lines, in order) of the copies to drop:
    a line of ``COPY_MIN_WORDS`` words or more that repeats an earlier one
    word for word, with at least ``COPY_RUN`` such copies among the lines
    ``COPY_REACH`` either side of it.

    >>> intro = ["one two three four five six seven eight nine ten " + w for w in "abc"]
    >>> sorted(copied_lines(intro + ["Meal 1"] + intro))
    [4, 5, 6]
    >>> sorted(copied_lines(intro + ["a line said once"] + intro[:1]))
    []
    """
    seen: set[str] = set()
    copy = [False] * len(texts)
    for i, text in enumerate(texts):
        if len(text.split()) >= COPY_MIN_WORDS:
            copy[i] = text in seen
            seen.add(text)
    return {
        i
        for i, is_copy in enumerate(copy)
        if is_copy and sum(copy[max(0, i - COPY_REACH) : i + COPY_REACH + 1]) >= COPY_RUN
    }
