"""Local evidence: each line's probability of being article content, from its
own features only (context comes later, in :mod:`cleaner.decoding`).
"""

from __future__ import annotations

from .document import Label
from .features import LineFeatures

#: A furniture rule that fired: near-certain boilerplate.
P_RULE = 0.02
#: A full sentence of prose (terminal mark, enough words, stopwords present).
P_PROSE = 0.95
#: A short sentence.
P_SHORT_SENTENCE = 0.75
#: A long line without a terminal mark (a paragraph cut by the converter).
P_LONG_FRAGMENT = 0.7
#: A short line without a terminal mark: headings, menus, teaser titles.
P_FRAGMENT = 0.35
#: A list-bullet line from the converter that is not prose.
P_BULLET_FRAGMENT = 0.2

#: Words for a line to count as prose (jusText's short-paragraph limit is
#: 70 characters, about ten words; eight keeps one-sentence paragraphs).
PROSE_MIN_WORDS = 8
#: Words below which a sentence is "short".
SENTENCE_MIN_WORDS = 4
#: Words from which an unterminated line is a fragment of prose.
LONG_FRAGMENT_WORDS = 15
#: Stopword share for prose where a stoplist exists (jusText's low threshold
#: is 0.30 on whole paragraphs; single lines are noisier, so lower).
PROSE_MIN_STOP_RATIO = 0.15
#: Lines after an end-of-article marker (source credit, tags, related
#: stories, comments, copyright) keep this share of their probability.
AFTER_CLOSER_FACTOR = 0.3

#: Rule kinds that sit inside articles (share bars, advertisement slots):
#: the decoder looks through them, like through captions, so a lead
#: paragraph cut from the body by a share bar stays with the body.
TRANSPARENT_KINDS = frozenset({"share", "advertisement", "photo-credit"})
#: Rule kinds that close an article: what follows them is rarely the article.
CLOSER_KINDS = frozenset({"source-credit", "site-name", "tags", "related-stories", "comments", "copyright"})


def is_prose(f: LineFeatures, has_stoplist: bool) -> bool:
    enough_stops = f.stop_ratio >= PROSE_MIN_STOP_RATIO or not has_stoplist
    return f.terminal and f.words >= PROSE_MIN_WORDS and enough_stops


def local_probability(f: LineFeatures, has_stoplist: bool) -> float:
    if f.rule is not None and f.rule.label is Label.BOILERPLATE:
        return P_RULE
    if is_prose(f, has_stoplist):
        return P_PROSE
    if f.terminal and f.words >= SENTENCE_MIN_WORDS:
        return P_SHORT_SENTENCE
    if f.words >= LONG_FRAGMENT_WORDS:
        return P_LONG_FRAGMENT
    return P_BULLET_FRAGMENT if f.bullet else P_FRAGMENT
