"""Labelling the lines of one document.

1. Features and local content probabilities (:mod:`cleaner.scoring`).
2. Context: a two-state Viterbi pass (:mod:`cleaner.decoding`) settles each
   line from its neighbours; captions, share bars and advertisement slots
   are transparent to it.
3. Structure: the article runs from its first to its last content line.
   Before it sit the headline (the last headline-shaped line), furniture and
   captions; the standfirst is the sentence right after the headline when a
   caption or byline separates it from the body; inside it, short unterminated
   content lines are subheadings; after it everything is furniture.
4. Fields: headline, standfirst, byline (the name, without "By") and the
   dateline place of the first body paragraph (the paragraph itself is kept
   whole in the body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .decoding import viterbi
from .document import Label, Line
from .features import LineFeatures, byline_name, line_features
from .lexicon import Lexicon
from .scoring import AFTER_CLOSER_FACTOR, CLOSER_KINDS, TRANSPARENT_KINDS, is_prose, local_probability

#: Headline length in words (inclusive range). Headlines of news and blog
#: pages in the dev benchmarks run from 3 to about 25 words; one- and
#: two-word lines before an article are section names and site names.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
#: A standfirst is one or two sentences, not a paragraph of body.
STANDFIRST_MAX_WORDS = 60
#: Longest in-body subheading, in words.
HEADING_MAX_WORDS = 15
#: Longest byline line, in words.
BYLINE_MAX_WORDS = 16
#: Local probability given to a line that repeats its neighbour (a caption
#: rendered twice, or a teaser headline): such a line is not body by itself.
P_DUPLICATE = 0.1

# A dateline: an upper-case place (optionally ", Region"), an optional agency
# in parentheses, then a dash.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*)"
    r"(?:,\s+[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+\S"
)


@dataclass
class Fields:
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None


def dateline_place(text: str) -> str | None:
    """The place of a dateline opening a paragraph.

    >>> dateline_place("BEIRUT — Syrian troops retreated on Friday.")
    'BEIRUT'
    >>> dateline_place("WASHINGTON (Reuters) - The Senate voted.")
    'WASHINGTON'
    >>> dateline_place("SYRIAN government forces suffered a setback.") is None
    True
    """
    found = _DATELINE.match(text)
    return found.group("place") if found else None


def _is_title_shaped(f: LineFeatures, text: str) -> bool:
    if f.rule is not None or f.has_date or not TITLE_MIN_WORDS <= f.words <= TITLE_MAX_WORDS:
        return False
    return not text.endswith((".", ",", ";", ":")) or text.endswith("...")


def classify(lines: list[Line], stops: frozenset[str], lexicon: Lexicon) -> Fields:
    """Label every line in place and return the document's fields."""
    n = len(lines)
    fields = Fields()
    if n == 0:
        return fields
    feats = [line_features(line.text, line.raw, stops, lexicon) for line in lines]
    has_stoplist = bool(stops)
    prose = [is_prose(f, has_stoplist) for f in feats]
    prose_at = [i for i in range(n) if prose[i]]
    first_prose, last_prose = (prose_at[0], prose_at[-1]) if prose_at else (n, -1)
    for i, f in enumerate(feats):
        rule = f.rule
        if rule is not None and (
            (rule.where == "tail" and i < last_prose) or (rule.where == "head" and i > first_prose)
        ):
            f.rule = None

    duplicate = [
        (i > 0 and lines[i].text == lines[i - 1].text) or (i + 1 < n and lines[i].text == lines[i + 1].text)
        for i in range(n)
    ]
    caption = [f.rule is not None and f.rule.label is Label.CAPTION for f in feats]
    transparent = [f.rule is not None and f.rule.kind in TRANSPARENT_KINDS for f in feats]
    probability = []
    seen_prose = closed = False
    for i, f in enumerate(feats):
        p = P_DUPLICATE if duplicate[i] and not caption[i] else local_probability(f, has_stoplist)
        if closed:
            p *= AFTER_CLOSER_FACTOR
        seen_prose = seen_prose or prose[i]
        if seen_prose and f.rule is not None and f.rule.kind in CLOSER_KINDS:
            closed = True
        probability.append(p)

    decoded = [i for i in range(n) if not transparent[i]]
    content = [False] * n
    for i, state in zip(decoded, viterbi([probability[i] for i in decoded]), strict=True):
        content[i] = state

    content_prose = [i for i in range(n) if content[i] and prose[i]]
    content_any = [i for i in range(n) if content[i]]
    start = content_prose[0] if content_prose else (content_any[0] if content_any else n)
    end = content_any[-1] if content_any else -1

    title_at = next(
        (
            i
            for i in range(start - 1, -1, -1)
            if not caption[i]
            and not duplicate[i]
            and byline_name(lines[i].text) is None
            and _is_title_shaped(feats[i], lines[i].text)
        ),
        None,
    )

    for i, line in enumerate(lines):
        f = feats[i]
        name = byline_name(line.text) if f.words <= BYLINE_MAX_WORDS and not prose[i] else None
        if caption[i] and f.rule is not None:
            line.set(Label.CAPTION, f.rule.reason)
        elif i == title_at:
            line.set(Label.TITLE, "field:title")
            fields.title = line.text
        elif name is not None:
            line.set(Label.BYLINE, "field:byline")
            fields.byline = fields.byline or name
        elif duplicate[i]:
            if i <= end:
                line.set(Label.CAPTION, "dup:caption")
            else:
                line.set(Label.BOILERPLATE, "dup:teaser")
        elif f.rule is not None:
            line.set(f.rule.label, f.rule.reason)
        elif i < start or (not content[i] and i > end):
            where = "before" if i < start else "after"
            line.set(Label.BOILERPLATE, f"context:{where}-article")
        elif not content[i]:
            line.set(Label.BOILERPLATE, f"context:between-boilerplate:{probability[i]:.2f}")
        elif i < end and not prose[i] and not f.terminal and f.words <= HEADING_MAX_WORDS:
            line.set(Label.HEADING, "shape:heading")
        else:
            line.set(Label.BODY, f"model:{probability[i]:.2f}")

    _standfirst(lines, title_at, fields)
    first_body = next((line for line in lines if line.label is Label.BODY), None)
    if first_body is not None:
        fields.dateline = dateline_place(first_body.text)
    return fields


def _standfirst(lines: list[Line], title_at: int | None, fields: Fields) -> None:
    """The body line right after the headline becomes the standfirst when a
    caption, byline or furniture line separates it from the rest of the body."""
    if title_at is None or title_at + 2 >= len(lines):
        return
    candidate, after = lines[title_at + 1], lines[title_at + 2]
    if candidate.label is not Label.BODY or after.label in (Label.BODY, Label.HEADING):
        return
    if len(candidate.text.split()) > STANDFIRST_MAX_WORDS:
        return
    if not any(line.label is Label.BODY for line in lines[title_at + 2 :]):
        return
    candidate.set(Label.STANDFIRST, "field:standfirst")
    fields.standfirst = candidate.text
