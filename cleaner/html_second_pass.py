"""The text-level second pass over trafilatura's blocks: labels, reasons and fields.

- :func:`label_blocks`: label the lines of an :class:`~cleaner.html_blocks.Extraction`'s
  blocks in place and return the fields (title, byline, dateline). In ``rules`` mode
  (:data:`SECOND_PASS`) the furniture rules, copies, date stamps
  (:mod:`cleaner.html_date_stamps`), bylines and the end-of-article closers run on the
  blocks, the gap lines of :mod:`cleaner.html_gaps` come back when they are prose, and the
  lines left of a box, before the headline or under an empty heading leave the body, and so
  does a closing section or an editorial note at the end (:mod:`cleaner.html_tail`); in
  ``full`` mode (a plain dump of the page) the whole line classifier runs.
- The title is :func:`cleaner.html_titles.choose_title`'s, the author the metadata's when no
  byline line names one.

Works on :class:`~cleaner.document.Line` s and block kinds only.
"""

from __future__ import annotations

import functools
import itertools

from .bylines import byline_name
from .classifying import BYLINE_MAX_WORDS, Fields, classify, dateline_place
from .copies import copied_lines
from .document import BODY_LABELS, Label, Line
from .features import FEATURE_SAMPLE_CHARS, rule_features
from .headline import TitleModel, default_title_model
from .html_blocks import DIALOG, GAP_KINDS, OUTSIDE, Extraction
from .html_date_stamps import DATE_STAMP_KINDS, is_date_stamp
from .html_tail import drop_tail
from .html_titles import choose_title, same_title
from .html_words import word_key
from .lexicon import Lexicon
from .model import LineModel, default_model
from .normalizing import repair_encoding
from .scoring import is_closer, is_prose

#: How the text-level pass treats trafilatura's blocks (measured on the HTML
#: track, see bench/README.md): ``rules`` applies the furniture rules,
#: duplicate captions, bylines and the end-of-article closers only;
#: ``full`` runs the whole line classifier; ``none`` keeps every block.
SECOND_PASS = "rules"
#: Blocks longer than this (in words) are prose: the rules are not tried on
#: them (a copy of an earlier block is ``dup:repeat``, :mod:`cleaner.copies`).
RULE_MAX_WORDS = 40
#: A closer rule (related stories, tags, a source credit …) ends trafilatura's
#: output when the prose after it is less than this share of the prose before
#: it. trafilatura already cut the page's furniture, so this is stricter than
#: the text path's ``CLOSER_TAIL_SHARE``: a "Don't miss" box inside the
#: article has a long tail. On the HTML track (cached extractions) shingle /
#: snippet F1 is flat from 0.1 to 0.2 and 0.0004 / 0.0001 / 0.0002 above
#: closing only after the last prose line (scrapinghub / wcxb-dev /
#: trafilatura-eval); 0.5 loses two Express pages' second half.
HTML_CLOSER_TAIL_SHARE = 0.15
#: Rule kinds that also close trafilatura's output (with the text path's
#: closers): a newsletter sign-up box that trafilatura kept, then teasers.
#: On cached extractions .9717 / .9410 / .9355 -> .9725 / .9412 / .9359
#: (scrapinghub / wcxb-dev / trafilatura-eval). A share or follow box
#: ("Follow us", "| Rate this article |") too, with the
#: closing headings and notes of :mod:`cleaner.html_tail` (``python -m
#: bench.html_dev compare --modes rules``): .97517 / .95008 / .94211 ->
#: .97526 / .95014 / .94211 (scrapinghub 1 page up, wcxb-dev 2 pages of 2
#: sites up, none down); author-bio .95007 on wcxb-dev (2 down), navigation
#: .97509 / .95008 / .94225, advertisement .95010 on wcxb-dev, cookie and
#: donation boxes nothing. Not a closer kind of the text path
#: (``CLOSER_KINDS``): there, where the page's own sign-up boxes sit inside
#: articles, it cost scrapinghub .0003-.0005 for +.0001-.0003 elsewhere.
HTML_EXTRA_CLOSERS = frozenset({"subscription", "share"})
#: Rule kinds also tried on a block longer than :data:`RULE_MAX_WORDS`: an
#: author's bio after the article ("Rebecca Norris is a full-time freelance
#: writer ... Over the past 10+ years, she's ...") runs to 40-110 words. On
#: wcxb-dev articles the author-bio rule fires on 7 such blocks of 7 sites,
#: 5 of them outside the reference; on cached extractions (scrapinghub /
#: wcxb-dev / trafilatura-eval) .9725 / .9449 / .9372 -> .9725 / .9450 /
#: .9372. Every rule kind on long blocks: .9727 / .9424 / .9367 (an
#: advertisement or subscription phrase inside a long paragraph cuts it,
#: and a closer the article after it); author-bio with subscription .9443,
#: with advertisement .9434 on wcxb-dev.
LONG_BLOCK_RULE_KINDS = frozenset({"author-bio"})


def label_blocks(
    lines: list[Line],
    kinds: list[str],
    ext: Extraction,
    stops: frozenset[str],
    lexicon: Lexicon,
    model: LineModel | None,
    mode: str = SECOND_PASS,
    title_model: TitleModel | None = None,
    lang: str | None = None,
) -> Fields:
    """Label the lines of trafilatura's blocks (a page in ``lang``) in place; return the fields.

    ``kinds[i]`` is the block kind of ``lines[i]``. With ``mode="full"`` (a
    plain dump of the page) the lines go through the whole text classifier (``model``, None
    for the packaged one); otherwise only
    the rules run, since trafilatura already removed the page's furniture
    and the line model, trained on full-page dumps, cuts its clean output.
    A ``gap`` line (left out by trafilatura between two of its blocks) is
    body (``html:recovered``) when it is prose (:func:`cleaner.scoring.is_prose`)
    and no rule fires; else boilerplate (the rule's reason, or ``html:left-out``).
    A ``gap-heading`` line is a heading and a ``gap-item`` line body
    (``html:recovered``) when no rule fires.
    """
    if mode == "full":
        fields = classify(
            lines, stops, lexicon, model or default_model(), title_model or default_title_model(), lang=lang or "und"
        )
        for line, kind in zip(lines, kinds, strict=True):
            if kind == "heading" and line.label is Label.BODY:
                line.set(Label.HEADING, "html:heading")
    else:
        fields = _rules_pass(lines, kinds, stops, lexicon, mode, lang)
    _fuse_fields(lines, kinds, ext, fields)
    if mode == "rules":
        _drop_before_headline(lines)
        drop_tail(lines)
        _drop_orphans(lines)
        _drop_empty_headings(lines)
    return fields


#: Reasons of left-out lines that are no box's: a date stamp, a line trafilatura left out.
_NOT_A_BOX = frozenset({"html:date-stamp", "html:left-out"})


def _drop_orphans(lines: list[Line]) -> None:
    """A line of at most :data:`RULE_MAX_WORDS` words between two lines the second pass left
    out of the body (``boilerplate``, but for :data:`_NOT_A_BOX`) is what is left of the box
    they sat in: a teaser's title between its ``html:outside`` lines, a call to action between
    a sign-up box's lines, a bio's name. It leaves the body too (``html:orphan``). On cached
    extractions (``python -m bench.html_dev cache``, the second pass scored as ``bench.run``
    scores it; scrapinghub / wcxb-dev articles / trafilatura-eval): .97501 / .94937 / .94149 ->
    .97501 / .94944 / .94163 (wcxb-dev: 11 pages of 11 sites up, 3 down; trafilatura-eval 2 up,
    1 down). Between any two lines out of the body: .97501 / .94949 / .94126 (a standfirst
    between a date stamp and a byline, a question between lines trafilatura left out); between
    any but date stamps and bylines .94945 / .94146. Without the word bound, wcxb-dev .94881
    (25 pages up, 14 down); at 5, 10, 20 words .94939, .94942, .94943 (before the exceptions).
    """
    outside = [line.label is Label.BOILERPLATE and line.reason not in _NOT_A_BOX for line in lines]
    for i in range(1, len(lines) - 1):
        line = lines[i]
        short = len(line.text.split()) <= RULE_MAX_WORDS
        if outside[i - 1] and outside[i + 1] and line.label in BODY_LABELS and short:
            line.set(Label.BOILERPLATE, "html:orphan")


#: A line of at most this many words before the headline's line is no article text: a
#: breadcrumb, a section name, a kicker, a category. On cached extractions (``python -m
#: bench.html_dev cache``, the second pass scored as ``bench.run`` scores it), wcxb-dev
#: articles from .94921: .94926 at 4, .94927 at 6, .94928 at 8 (16 pages of 16 sites up, 2
#: down) and at 12 (16 up, 3 down); every line before it, .94895 (15 up, 6 down: a
#: standfirst or a first paragraph above the ``<h1>``). At 8, scrapinghub .97446 -> .97487
#: (4 pages up, none down), trafilatura-eval .94118 -> .94134 (1 up).
BEFORE_HEADLINE_MAX_WORDS = 8


def _drop_before_headline(lines: list[Line]) -> None:
    """The short lines before the headline's line (``field:title``) leave the body
    (``html:before-headline``, see :data:`BEFORE_HEADLINE_MAX_WORDS`)."""
    headline = next((i for i, line in enumerate(lines) if line.label is Label.TITLE), None)
    for line in lines[:headline] if headline is not None else ():
        if line.label in BODY_LABELS and len(line.text.split()) <= BEFORE_HEADLINE_MAX_WORDS:
            line.set(Label.BOILERPLATE, "html:before-headline")


@functools.lru_cache(maxsize=8)
def _kinds_lexicon(lexicon: Lexicon, kinds: frozenset[str]) -> Lexicon:
    """The rules of ``lexicon`` of the given kinds only: a long block is matched
    against those, not against every rule (most of the pass's cost)."""
    return Lexicon([rule for rule in lexicon.rules if rule.kind in kinds])


def _rules_pass(
    lines: list[Line], kinds: list[str], stops: frozenset[str], lexicon: Lexicon, mode: str, lang: str | None
) -> Fields:
    fields = Fields()
    n = len(lines)
    # A long block is prose: only short ones are tested against the rules (the
    # rule patterns are most of the cost of this pass).
    feats = [
        rule_features(line.text, stops, lexicon)
        if kind in GAP_KINDS or len(line.text.split()) <= RULE_MAX_WORDS
        else None
        for line, kind in zip(lines, kinds, strict=True)
    ]
    prose = [f is None or is_prose(f, bool(stops)) for f in feats]
    # a long block stays prose (it closes nothing), but a rule of LONG_BLOCK_RULE_KINDS labels it
    # (its features are measured only then: most long blocks match none)
    long_lexicon = _kinds_lexicon(lexicon, LONG_BLOCK_RULE_KINDS)
    for i, f in enumerate(feats):
        if f is None and long_lexicon.match(lines[i].text[:FEATURE_SAMPLE_CHARS]) is not None:
            feats[i] = rule_features(lines[i].text, stops, long_lexicon)
    # a line trafilatura left out between two of its blocks comes back when it is prose and no rule fires
    recovered = [
        kinds[i] not in GAP_KINDS or (f is not None and f.rule is None and (prose[i] or kinds[i] != "gap"))
        for i, f in enumerate(feats)
    ]
    prose = [p and r and kind != DIALOG and kind != OUTSIDE for p, r, kind in zip(prose, recovered, kinds, strict=True)]
    prose_at = [i for i in range(n) if prose[i]]
    first_prose, last_prose = (prose_at[0], prose_at[-1]) if prose_at else (n, -1)
    prose_words = [len(lines[i].text.split()) if prose[i] else 0 for i in range(n)]
    before = [0, *itertools.accumulate(prose_words)]
    closed = False
    blocks = [i for i in range(n) if kinds[i] not in GAP_KINDS]
    copied = {blocks[k] for k in copied_lines([lines[i].text for i in blocks])} if mode != "none" else set()
    for i, line in enumerate(lines):
        f = feats[i]
        if i in copied:
            line.set(Label.BOILERPLATE, "dup:repeat")
            continue
        if kinds[i] == DIALOG:
            line.set(Label.BOILERPLATE, "html:dialog")
            continue
        if kinds[i] == OUTSIDE:
            line.set(Label.BOILERPLATE, "html:outside")
            continue
        if kinds[i] in GAP_KINDS:
            if recovered[i]:
                line.set(Label.HEADING if kinds[i] == "gap-heading" else Label.BODY, "html:recovered")
            elif f is not None and f.rule is not None:
                line.set(f.rule.label, f.rule.reason)
            else:
                line.set(Label.BOILERPLATE, "html:left-out")
            continue
        if f is None:
            line.set(Label.HEADING if kinds[i] == "heading" else Label.BODY, f"html:{kinds[i]}")
            continue
        if mode != "none" and kinds[i] in DATE_STAMP_KINDS and is_date_stamp(line.text):
            line.set(Label.BOILERPLATE, "html:date-stamp")
            continue
        rule = f.rule if mode != "none" else None
        if rule is not None and (
            (rule.where == "tail" and i < last_prose) or (rule.where == "head" and i > first_prose)
        ):
            rule = None
        duplicate = mode != "none" and (
            (i > 0 and line.text == lines[i - 1].text) or (i + 1 < n and line.text == lines[i + 1].text)
        )
        name = byline_name(line.text, lang) if f.words <= BYLINE_MAX_WORDS and not prose[i] else None
        tail = before[n] - before[i + 1]
        if (
            rule is not None
            and (is_closer(f) or rule.kind in HTML_EXTRA_CLOSERS)
            and tail < HTML_CLOSER_TAIL_SHARE * before[i]
        ):
            closed = True
        if closed and mode != "none":
            line.set(Label.BOILERPLATE, rule.reason if rule is not None else "context:after-article")
        elif rule is not None:
            line.set(rule.label, rule.reason)
        elif name is not None and mode != "none":
            line.set(Label.BYLINE, "field:byline")
            fields.byline = fields.byline or name
        elif duplicate and i + 1 < n and line.text == lines[i + 1].text:
            line.set(Label.CAPTION, "dup:caption")
        elif kinds[i] == "heading":
            line.set(Label.HEADING, "html:heading")
        else:
            line.set(Label.BODY, f"html:{kinds[i]}")
    first_body = next((line for line in lines if line.label is Label.BODY), None)
    if first_body is not None:
        fields.dateline = dateline_place(first_body.text)
    return fields


def _drop_empty_headings(lines: list[Line]) -> None:
    """Headings that head nothing the output keeps leave the body (``html:heads-nothing``):
    one over the lines the second pass left out up to the next heading (the headings of an
    article trafilatura took in twice, over its ``dup:repeat`` copy; a teaser box's title over
    its ``html:outside`` teasers), and the headings after the last body line (a form's title, a
    "Related posts" heading whose links trafilatura left out). A page of headings only keeps
    them. On cached extractions (``python -m bench.html_dev cache``, the second pass scored as
    ``bench.run`` scores it; scrapinghub / wcxb-dev articles / trafilatura-eval), the trailing
    headings: .97385 / .94905 / .94074 -> .97446 / .94911 / .94088 (wcxb-dev: 19 pages of 19
    sites up, 1 down; scrapinghub 2 up; trafilatura-eval 2 up, 1 down); with those over left-out
    lines too: .97487 / .94928 / .94134 -> .97501 / .94937 / .94149 (wcxb-dev: 16 pages of 16
    sites up, 5 down; scrapinghub 1 up; trafilatura-eval 1 up); those over a block the second
    pass left out only (not over gap lines only): wcxb-dev .94934 (8 up, 3 down). A heading
    right over another one is a section's over its subsections: those left out too, wcxb-dev
    .94830 (64 pages up, 192 down)."""
    kept = [i for i, line in enumerate(lines) if line.label in BODY_LABELS]
    if not any(lines[i].label is Label.BODY for i in kept):
        return
    for a, b in itertools.pairwise(kept):
        if b > a + 1 and lines[a].label is Label.HEADING and lines[b].label is Label.HEADING:
            lines[a].set(Label.BOILERPLATE, "html:heads-nothing")
    last = [line for line in lines if line.label in BODY_LABELS]
    while last[-1].label is Label.HEADING:
        last.pop().set(Label.BOILERPLATE, "html:heads-nothing")


def _fuse_fields(lines: list[Line], kinds: list[str], ext: Extraction, fields: Fields) -> None:
    """Title fusion and the author: the HTML metadata as evidence.

    The headline line inside the blocks (matching the fused title) is
    labelled ``title`` and leaves the body; a text-pass title that is not
    the headline goes back to boilerplate.
    """
    first_content = next((i for i, line in enumerate(lines) if line.label in BODY_LABELS), len(lines))
    title = choose_title(ext) or fields.title
    if title:
        title = repair_encoding(title)  # as the lines are (cleaner.segmenting)
    headline_at = None
    if title:
        for i, line in enumerate(lines[: first_content + 3]):
            if line.label in (Label.TITLE, Label.HEADING, Label.BODY) and (
                same_title(line.text, title)
                # the <h1> with its kicker, which the title left out ("27.01.2022Headline")
                or (line.label is Label.HEADING and line.text.casefold().endswith(title.casefold()))
            ):
                headline_at = i
                break
    if headline_at is not None:
        for line in lines:
            if line.label is Label.TITLE:
                line.set(Label.BOILERPLATE, "html:not-title")
        lines[headline_at].set(Label.TITLE, "field:title")
    fields.title = title
    if ext.author and not fields.byline:
        fields.byline = ext.author
        for line in lines[: first_content + 5]:
            if line.label is not Label.TITLE and word_key(line.text) in (
                word_key(ext.author),
                word_key("by " + ext.author),
            ):
                line.set(Label.BYLINE, "html:author")
