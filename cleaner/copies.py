"""A section of the article taken in twice.

Pages often hold hidden copies of their article (a print or app version, an
"amp" block, a newsletter's web copy: Business Insider's "10 things" pages
carry the article three times), and both a text dump and trafilatura take
them in. A copy is told from a paragraph that an article legitimately repeats
(a quote, a pull quote, a recipe step) by its density: several of the kept
lines around it are copies too; or by its length: a repeated paragraph of
more than ``COPY_ALONE_WORDS`` words is a copy on its own.
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
#: A copy longer than this (in words) goes on its own. It was the HTML second
#: pass's rule first (cached extractions: scrapinghub-aeb .9670 → .9673,
#: wcxb-dev articles .9403 → .9406; repeats of 10+ words alone .9669 /
#: .9406, of 5+ .9661 / .9400: the references keep some short repeats). On
#: the text track it moves scrapinghub-aeb .9282 / .9193 → .9286 / .9197
#: (plain / html2text: Business Insider), wcxb-dev articles by at most
#: .0001 (13 pages, most down by less than .06: a listing that repeats an
#: event's description) and trafilatura-eval by 3 snippets, up.
COPY_ALONE_WORDS = 40


def copied_lines(texts: Sequence[str]) -> set[int]:
    """Positions in ``texts`` (the kept lines, in order) of the copies to drop:
    a line of ``COPY_MIN_WORDS`` words or more that repeats an earlier one
    word for word, with at least ``COPY_RUN`` such copies among the lines
    ``COPY_REACH`` either side of it or more than ``COPY_ALONE_WORDS`` words.

    >>> intro = ["one two three four five six seven eight nine ten " + w for w in "abc"]
    >>> sorted(copied_lines(intro + ["Meal 1"] + intro))
    [4, 5, 6]
    >>> sorted(copied_lines(intro + ["a line said once"] + intro[:1]))
    []
    """
    seen: set[str] = set()
    copy = [False] * len(texts)
    alone = [False] * len(texts)
    for i, text in enumerate(texts):
        words = len(text.split())
        if words >= COPY_MIN_WORDS:
            copy[i] = text in seen
            alone[i] = copy[i] and words > COPY_ALONE_WORDS
            seen.add(text)
    return {
        i
        for i, is_copy in enumerate(copy)
        if alone[i] or (is_copy and sum(copy[max(0, i - COPY_REACH) : i + COPY_REACH + 1]) >= COPY_RUN)
    }
