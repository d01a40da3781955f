"""Line shapes the structure pass relies on: what counts as prose, and which
furniture sits inside an article without interrupting it."""

from __future__ import annotations

from .features import LineFeatures, RuleFeatures
from .lexicon import Rule

#: Words for a line to count as prose (jusText's short-paragraph limit is
#: 70 characters, about ten words; eight keeps one-sentence paragraphs).
PROSE_MIN_WORDS = 8
#: Stopword share for prose where a stoplist exists (jusText's low threshold
#: is 0.30 on whole paragraphs; single lines are noisier, so lower).
PROSE_MIN_STOP_RATIO = 0.15

#: Rule kinds that sit inside articles (share bars, advertisement slots,
#: photo credits): the decoder looks through them, so a lead paragraph cut
#: from the body by a share bar stays with the body.
TRANSPARENT_KINDS = frozenset({"share", "advertisement", "photo-credit"})


#: Rule kinds that close an article: what follows them is rarely the article.
CLOSER_KINDS = frozenset({"source-credit", "site-name", "tags", "related-stories", "comments", "copyright"})
#: Rules of a closer kind that do not close: an inline "Read more: …" teaser
#: sits inside articles. (Its lines were still closers for the line model's
#: ``after_closer`` feature until the nineteenth session: two such teasers put
#: into each scrapinghub-aeb article of six paragraphs or more, inscriptis,
#: after its 2nd and 5th paragraphs, took shingle recall from .973 to .942;
#: .970 since.)
NON_CLOSING_RULES = frozenset({"related-teaser"})
#: A closer ends the article when the prose after it is less than this share
#: of the prose before it. Calibrated on the dev benchmarks (the shingle F1
#: of scrapinghub and wcxb articles is flat between 0.3 and 0.7) and on the
#: seeds, where related-story teasers follow "SOURCE: … agencies".
CLOSER_TAIL_SHARE = 0.5


def is_closer(f: LineFeatures | RuleFeatures) -> bool:
    return is_closing_rule(f.rule)


def is_closing_rule(rule: Rule | None) -> bool:
    """A rule whose line closes an article (see ``CLOSER_KINDS``)."""
    return rule is not None and rule.kind in CLOSER_KINDS and rule.name not in NON_CLOSING_RULES


def is_prose(f: LineFeatures | RuleFeatures, has_stoplist: bool) -> bool:
    """A full sentence of prose: terminal mark, enough words, stopwords present."""
    enough_stops = f.stop_ratio >= PROSE_MIN_STOP_RATIO or not has_stoplist
    return f.terminal and f.words >= PROSE_MIN_WORDS and enough_stops
