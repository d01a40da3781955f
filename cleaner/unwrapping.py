"""Joining the lines a converter split: hard-wrapped paragraphs and inline fragments.

Some converters and tools break every paragraph into lines of at most a fixed
width (html2text's default of 78 columns, lynx and w3m dumps, e-mail, ``fmt``).
Line by line such a paragraph looks like a run of short, unterminated
fragments, which is how menus and teasers look; joined, it is prose again.

A document is hard-wrapped when its long lines (``WRAP_LONG_CHARS``, those
without a URL and of more than one word: neither can be broken) stop
at a width: at least ``WRAP_MIN_FULL_LINES`` of them end within
``WRAP_FULL_SLACK`` characters under it, hardly any
(``WRAP_MAX_OVER_SHARE``) just over it, and enough of them
(``WRAP_MIN_JOIN_SHARE``) continue on the next line by the rule below, most
of those with a lower-case letter (``WRAP_MIN_LOWER_SHARE``; fewer do where
the joined lines end mid-sentence, as German capitalizes nouns). Text
written one paragraph a line has lines of every length, as many just over
any width as just under it; so where many lines end just under a width and
none just over it (``WRAP_SURE_FULL_LINES``), a lighter case test does.

In a hard-wrapped document a line continues on the next one when the next
line's first word would not have fitted after it within the width (the rule
a greedy wrapper follows), the next line is not blank and does not open a
list item, heading, quote, table row or URL.

Some scrapers write every text node on its own line (BeautifulSoup's
``get_text("\n")``): a sentence with a link comes out as "The agency said",
"Reuters", ", citing officials". Such a text shows lines that open with a
comma, semicolon or closing bracket, the rest of a compound ("KI" /
"-Systemen": an abbreviation or link inside the word), a closing quote
and its comma, or that hold a sentence's end mark alone (the "." after a
link that ends its sentence: "fortified with", "vitamin D", "."), which no
converter's ordinary output has; when
``FRAGMENT_MIN_LEADING`` lines do, a line continues on the next when the
next opens with such punctuation, or starts in lower case after a
line without a terminal mark. A short line that continues so is a link's
text inside a sentence, and the line before it continues on it when it
breaks off in a lower-case word ("Folgt mir gerne auf", "Instagram", ". Da …").
A byline's "by" in a node of its own ("Headline", "by", "Jane Doe") opens
the byline: it joins the name after it, not the headline before it.

Converters that keep the page source's own line breaks (BeautifulSoup's
``get_text``, w3lib's ``remove_tags``) also hand on a source wrapped by hand
inside its paragraphs: "… for Best Actress in a Leading Role, has taken" /
"to her Instagram page to share some stunning photos of herself.", broken
wherever its author's editor broke it, at no width. Where
``SOURCE_BREAK_MIN_PAIRS`` long lines break off so (:func:`_source_break`:
mid-sentence, in a lower-case letter or a comma, the next line carrying on
in lower case and either ending its sentence or as long as a wrapped line,
neither a list item nor a table row, the next no byline), each of those
lines continues on the next; nothing else is joined. The next line's length
keeps a headline that ends in a lower-case letter apart from a dateline or
credit under it ("… kämpft um Karriere" / "dpa", "… Newcomer mit
Renn-Ambitionen" / "vor 11 Minuten").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .bylines import packaged_bylines
from .features import without_bullet

#: Lines with at least this many characters besides their indentation are
#: the ones whose lengths (indentation included) reveal a wrap width; shorter
#: ones are menus, headings, last lines.
WRAP_LONG_CHARS = 40
#: Widest wrap looked for: html2text wraps at 78, lynx at 79, w3m at 80,
#: e-mail at 72.
WRAP_MAX_WIDTH = 100
#: A wrapped line ends within this many characters under the width when the
#: next word did not fit (a word and its space, for most words).
WRAP_FULL_SLACK = 15
#: Fewer full lines (within the slack under the width) than this say nothing
#: about a width.
WRAP_MIN_FULL_LINES = 6
#: Lines just over the width (by at most the slack), as a share of the full
#: lines, that a hard wrap tolerates: text written a paragraph a line has
#: about as many lines just over any width as just under it. Lines further
#: over (tables, unbreakable URLs: html2text leaves them whole) do not count.
WRAP_MAX_OVER_SHARE = 0.1
#: Of the widths that pass, the narrowest with at least this share of the
#: fullest one's full lines is the width.
WRAP_NEAR_FULL = 0.9
#: Joins (lines that continue on the next, see :func:`unwrap`) needed, as a
#: share of the full lines: a wrapped paragraph of k lines has k - 1 of them,
#: a listing of product names under the same length has few.
WRAP_MIN_JOIN_SHARE = 0.4
#: Share of the joins whose continuation starts with a lower-case letter: a
#: wrap breaks sentences anywhere, separate lines start sentences. Where
#: nouns are capitalized (German) the share is lower, so a smaller one
#: (``WRAP_MIN_LOWER_SHARE_MID``) also does when ``WRAP_MIN_MID_SHARE`` of the
#: joined lines end mid-sentence (no terminal mark). Calibrated on the
#: ``wrapped`` bench dumps (html2text at 78 columns) of scrapinghub-aeb,
#: wcxb-dev and trafilatura-eval against the benchmark's unwrapped dumps
#: (inscriptis, plain, html2text, markdown) that pass the width tests: the
#: lower-case test alone accepts about 1,430 of 1,791 wrapped pages and 45
#: unwrapped ones of 1,207; with the mid-sentence alternative 1,724 and 46
#: (most of those 46 are wrapped in the page itself: man pages, RFCs,
#: preformatted blocks). Text without case (Chinese, Arabic …) is never
#: unwrapped.
WRAP_MIN_LOWER_SHARE = 0.5
WRAP_MIN_LOWER_SHARE_MID = 0.2
WRAP_MIN_MID_SHARE = 0.75
#: When fewer than this share of the joins are between words (the next line
#: opens with a letter, the line holds no Markdown link target: html2text's
#: wrapped links and images make the rest), the case test reads those joins
#: only, if there are at least ``WRAP_MIN_FULL_LINES`` of them. On the
#: held-out ``wrapped`` dumps (``python -m bench.run --converters wrapped``)
#: the wraps recognised go 174 / 764 / 905 → 175 / 768 / 936 of 181 / 793 /
#: 990 (scrapinghub-aeb / wcxb-dev articles / trafilatura-eval) and the
#: dumps of the other converters falsely recognised stay 56 of 11,784 (with
#: no share bar, reading the worded joins always, 61: code and text-node
#: dumps, whose joins are mostly between words anyway).
WRAP_WORDED_SHARE = 0.5
#: A sure width: at least this many long lines end within the slack under it
#: and none just over it (text written a paragraph a line overruns any width
#: about as often as it falls short of it). There a lighter case test does:
#: ``WRAP_SURE_LOWER_SHARE`` of the joins between words continue in lower
#: case and ``WRAP_SURE_MID_SHARE`` of them break off mid-sentence. It is
#: for the texts whose wrapped lines are mostly capitalized words: menus of
#: German nouns wrapped with the prose, headings a converter upper-cases.
#: Calibrated on the bench dumps of the 1,964 pages of scrapinghub-aeb,
#: wcxb-dev articles and trafilatura-eval: the wraps recognised went
#: 1,890 → 1,922 of the ``htmltotext`` dumps (Node's html-to-text, 80
#: columns) and 1,886 → 1,896 of the ``wrapped`` ones, and the 21,604 dumps
#: of eleven converters that do not wrap kept their 166 (pages wrapped in
#: the page itself, text-node dumps of a list), the 11,784 of six more their
#: 94. Any of 15–30 lines, 0.1–0.15 and 0.5–0.75 gave none more (0.05 and
#: 0.5 one more); 10 lines gave up to 16 more, and 20 lines with no case
#: test 14 more of the eleven's: lists of titles of one length, whose every
#: line starts with a capital.
WRAP_SURE_FULL_LINES = 20
WRAP_SURE_LOWER_SHARE = 0.1
WRAP_SURE_MID_SHARE = 0.5

# Line ends that close a clause, not only a sentence (features.TERMINAL is the
# sentence end): a line ending in ":" or ";" is not counted as broken mid-sentence.
_TERMINAL = tuple(".!?:;\"')»”…")

#: Lines opening with continuing punctuation (", citing officials") that
#: mark a text written a text node a line. Calibrated on an lxml emulation of
#: ``get_text("\n", strip=True)`` over the scrapinghub-aeb and wcxb-dev
#: article pages against the benchmark's dumps (inscriptis, plain, html2text,
#: markdown): at least 2 such lines in 570 of 974 text-node dumps and 59 of
#: 10,672 others (1: 697 and 138; 3: 463 and 38); with gates of 1 to 3 the
#: joined text-node dumps of scrapinghub-aeb scored within .003 of each other.
#: On the bench's ``textnodes`` converter (``python -m bench.run --converters
#: textnodes``) the joining lifts shF1 .882 → .897 on scrapinghub-aeb and
#: .897 → .912 on the wcxb-dev articles. Counting a line that is an end mark
#: alone too finds 1,182 rather than 964 of the 1,964 ``textnodes`` dumps
#: and 307 rather than 235 of the 17,824 dumps of eight other converters
#: (no score of the ten converters measured falls), for shF1
#: .9160 → .9168 / .9174 → .9205 / .8586 → .8609 (scrapinghub-aeb / wcxb-dev
#: articles / trafilatura-eval snippets).
FRAGMENT_MIN_LEADING = 2
#: Lines broken off by a source wrap (see :func:`_source_break`) that mark
#: a text keeping its page source's line breaks, and the fewest characters
#: such a line has (shorter ones are menus and link texts: "Sign in" /
#: "what is once sprung …"), as has the line carrying it on unless that
#: ends its sentence. Of the 1,964 pages of scrapinghub-aeb, wcxb-dev
#: articles and trafilatura-eval, at least 3 such lines hold in 94 ``gettext``
#: dumps, 95 ``tagstrip``, 40 ``textnodes`` (the others are text-node dumps
#: already), 24 inscriptis and 76 ``plain`` (a ``<br>`` in a paragraph, a
#: letter quoted as wrapped); at 2, 129 / 132 / 76 / 37 / 114, at 5, 60 /
#: 59 / 23 / 14 / 40. Page by page (a scratch A/B in one process over the
#: cached dumps of inscriptis, plain, textnodes, gettext, wrapped and
#: ``stripped``; word F1, snippet F1 on trafilatura-eval), 3 → 2 moved each
#: converter's mean by at most .0008 and in both directions (wrapped
#: trafilatura-eval +.0008, ``stripped`` wcxb-dev −.0005), 3 → 5 by at
#: most .0012, the larger moves down (wrapped trafilatura-eval −.0012, plain
#: −.0007 and two titles). On the
#: bench (``python -m bench.run --converters …``, every converter; CHANGES.md,
#: "Normalization") the bodies of the text-node, glued and wrapped dumps
#: rose, and no body cell fell by more than .0006 (``stripped`` on
#: trafilatura-eval).
SOURCE_BREAK_MIN_PAIRS = 3
SOURCE_BREAK_MIN_CHARS = 30
#: The longest line a source wrap leaves, and the longest that carries it
#: on: a page's source is wrapped by hand at 70–120 columns (of the breaks
#: found in the ``textnodes`` and ``gettext`` dumps of scrapinghub-aeb and
#: the wcxb-dev articles, 1,782 of 1,829 have no line over 160), while a
#: text of a few long lines (``get_text(" ", strip=True)``) runs a menu into
#: an article thousands of characters long, which must not be joined to it
#: (without this bound, ``stripped`` wcxb-dev .8895 → .8863; with it .8903).
SOURCE_BREAK_MAX_CHARS = 160
#: Longest link text (in words) a sentence broken in three text nodes is
#: joined across: "Folgt mir gerne auf" / "Instagram" / ". Da gibt es …".
#: The line before the link must end in a lower-case word: a headline has
#: no terminal mark either, but ends in a capitalised word, and is not
#: joined to the date or name after it. Measured on the held-out ``textnodes`` converter (``python
#: -m bench.run --converters textnodes --systems cleaner``), which it was
#: then calibrated on: with 4, scrapinghub-aeb shF1 .9014 → .9062, wcxb-dev
#: articles .9128 → .9145 (titles .678 → .677), trafilatura-eval snippet F1
#: .8279 → .8350 (titles .569 → .579); 2 gains about half as much, 6 the same
#: with two wcxb-dev titles fewer. Without the lower-case condition the
#: wcxb-dev titles fall to .670.
LINK_MAX_WORDS = 4
_LEADING_PUNCT = re.compile(r"[,;:)\]]\s|\.\s+[a-z]|[,;.!?]$|-[^\W\d_]|[“”»’][,;:.]")
# what continues a sentence with no space before it: punctuation, a closing
# quote ("“, sagt er"), the rest of a compound after its first part's node
# ("KI" / "-Systemen": an <abbr> or a link inside the word)
_NO_SPACE_BEFORE = re.compile(r"[,.;:)\]!?%]|-[^\W\d_]|[“”»’](?=[\s,.;:!?]|$)")

# A Markdown link target left open at a line's end: html2text breaks long URLs
# at a hyphen or slash, and the next line carries on the same URL.
_OPEN_TARGET = re.compile(r"\]\([^()\s]*$")
# A line ending inside a hyphenated word ("tried-" / "and-tested"): a wrapper
# breaks after the hyphen, which stays.
_WORD_HYPHEN = re.compile(r"\w-$")
# cells of a table as padded text (inscriptis) or split by tabs
_TABLE_GAP = re.compile(r"   |\t")
# A line that opens a block of its own: a list item, heading, quote, table row or URL.
_BLOCK_START = re.compile(r"\s*(?:[*+\-•·▪◦‣–—]\s|\d{1,3}[.)]\s|#|>|\||https?:|www\.)")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when it is not:
    of the widths up to ``WRAP_MAX_WIDTH`` that few lines overrun, the one
    the most lines end just under.

    >>> import textwrap
    >>> para = "The council approved the new budget on Monday after a long and heated debate. " * 9
    >>> wrap_width(textwrap.wrap(para, 60))
    60
    >>> wrap_width([para] * 9) is None
    True
    """
    found = _wrap(lines)
    return found[0] if found is not None else None


def unwrap(lines: Sequence[str]) -> list[tuple[int, int, str]]:
    """The lines as ``(first, last, text)``: 0-based indexes of the input lines
    each output line spans, and their text joined by single spaces (the first
    line's indentation kept; no space after a hyphen ending a line, as in
    "tried-" / "and-tested", inside a link target broken over two lines, after
    an opening or before a closing mark). Text that is neither hard-wrapped
    nor written a text node a line comes back a line each.

    >>> unwrap(["a menu", "", "b"])
    [(0, 0, 'a menu'), (1, 1, ''), (2, 2, 'b')]
    """
    found = _wrap(lines)
    fragments = _fragments(lines)
    if found is None and fragments is None:
        return [(i, i, line) for i, line in enumerate(lines)]
    # a text can be both: wrapped lines joined, then the fragments among them
    flags = [flag for flag in (found[1] if found is not None else None, fragments) if flag is not None]
    continues = [any(joins) for joins in zip(*flags, strict=True)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines):
        first, text = i, lines[i].rstrip()
        while i + 1 < len(lines) and continues[i]:
            following = lines[i + 1].strip()
            glued = _OPEN_TARGET.search(text) or _WORD_HYPHEN.search(text) or _NO_SPACE_BEFORE.match(following)
            i += 1
            text = f"{text}{'' if glued or text.endswith(('(', '[')) else ' '}{following}"
        out.append((first, i, text))
        i += 1
    return out


def _wrap(lines: Sequence[str]) -> tuple[int, list[bool]] | None:
    """The wrap width and, for each line but the last, whether it continues on
    the next (see the module's docstring); None when the text is not hard-wrapped."""
    counts = [0] * (WRAP_MAX_WIDTH + WRAP_FULL_SLACK + 2)
    for line in lines:
        # a URL, a Markdown link's target or any one word alone on its line
        # (a bracketed link target, "[/solutions/retail/shopping-malls.html]")
        # cannot be broken: its line may overrun the width
        text = line.strip()
        if len(text) >= WRAP_LONG_CHARS and " " in text and "://" not in line and "](" not in line:
            counts[min(len(line.rstrip()), len(counts) - 1)] += 1
    fulls, overs = {}, {}
    for candidate in range(WRAP_LONG_CHARS, WRAP_MAX_WIDTH + 1):
        full = sum(counts[candidate - WRAP_FULL_SLACK : candidate + 1])
        over = sum(counts[candidate + 1 : candidate + WRAP_FULL_SLACK + 1])
        if full >= WRAP_MIN_FULL_LINES and over <= WRAP_MAX_OVER_SHARE * full:
            fulls[candidate], overs[candidate] = full, over
    if not fulls:
        return None
    # the narrowest of the widths about as full as the fullest: a line that
    # overruns the width by a few characters must not widen it
    most = max(fulls.values())
    width = min(w for w, full in fulls.items() if full >= WRAP_NEAR_FULL * most)
    continues = [_continues(line, following, width) for line, following in pairwise(lines)]
    joins = [i for i, joined in enumerate(continues) if joined]
    if not joins or len(joins) < WRAP_MIN_JOIN_SHARE * fulls[width]:
        return None
    # where link and image markup makes most joins, the case is read on the joins between words
    worded = [i for i in joins if lines[i + 1].lstrip()[:1].isalpha() and "](" not in lines[i]]
    lower, mid = _case_shares(
        lines, worded if WRAP_MIN_FULL_LINES <= len(worded) < WRAP_WORDED_SHARE * len(joins) else joins
    )
    cased = lower >= WRAP_MIN_LOWER_SHARE or (lower >= WRAP_MIN_LOWER_SHARE_MID and mid >= WRAP_MIN_MID_SHARE)
    if not cased and fulls[width] >= WRAP_SURE_FULL_LINES and overs[width] == 0:
        lower, mid = _case_shares(lines, worded if len(worded) >= WRAP_MIN_FULL_LINES else joins)
        cased = lower >= WRAP_SURE_LOWER_SHARE and mid >= WRAP_SURE_MID_SHARE
    return (width, continues) if cased else None


def _case_shares(lines: Sequence[str], joins: Sequence[int]) -> tuple[float, float]:
    """Of the joins (each line index that continues on the next), the share
    whose next line starts in lower case and the share that break off
    mid-sentence (no terminal mark)."""
    lower = sum(1 for i in joins if lines[i + 1].lstrip()[:1].islower())
    mid = sum(1 for i in joins if not lines[i].rstrip().endswith(_TERMINAL))
    return lower / len(joins), mid / len(joins)


def _fragments(lines: Sequence[str]) -> list[bool] | None:
    """For a text written a text node a line (see the module's docstring), for
    each line but the last whether it continues on the next; else None."""
    stripped = [line.strip() for line in lines]
    if sum(1 for line in stripped if _LEADING_PUNCT.match(line)) < FRAGMENT_MIN_LEADING:
        breaks = [_source_break(line, following) for line, following in pairwise(stripped)]
        return breaks if sum(breaks) >= SOURCE_BREAK_MIN_PAIRS else None
    joins = [
        bool(line and following)
        and bool(_NO_SPACE_BEFORE.match(following) or (following[0].islower() and not line.endswith(_TERMINAL)))
        for line, following in pairwise(stripped)
    ]
    # a byline's "by" in a node of its own opens the byline: it joins the name after it, not the headline before
    bylines = packaged_bylines()
    leads = {i for i, line in enumerate(stripped[:-1]) if bylines.is_lead_alone(line)}
    for i in leads:
        if i > 0:
            joins[i - 1] = False
        joins[i] = bool(stripped[i + 1]) and not _BLOCK_START.match(stripped[i + 1])
    for i in range(len(joins) - 1):
        if not joins[i] and joins[i + 1] and i + 1 not in leads and _before_link(stripped[i], stripped[i + 1]):
            joins[i] = True
    return joins


def _source_break(line: str, following: str) -> bool:
    """Whether the stripped ``line`` breaks off mid-sentence where the page
    source wrapped it and the stripped ``following`` line carries the sentence on.

    >>> _source_break("Veteran Nollywood actress, Kate Henshaw, who in 2008, won the", "to her page, and so did he.")
    True
    >>> _source_break("The Best Board Games of the Year Ranked", "by Matt Miller on Dec 16, 2025")
    False
    """
    if (
        not SOURCE_BREAK_MIN_CHARS <= len(line) <= SOURCE_BREAK_MAX_CHARS
        or len(following) > SOURCE_BREAK_MAX_CHARS
        or not following[:1].islower()
        or (len(following) < SOURCE_BREAK_MIN_CHARS and not following.endswith(_TERMINAL))
        or not (line[-1].islower() or line[-1] == ",")
        or _BLOCK_START.match(following)
        or without_bullet(line) != line
        or without_bullet(following) != following
        or _TABLE_GAP.search(line)
        or _TABLE_GAP.search(following)
    ):
        return False
    bylines = packaged_bylines()
    return not bylines.is_lead_alone(following) and bylines.name(following) is None


def _before_link(line: str, link: str) -> bool:
    """Whether ``line`` breaks off before ``link``, a link's text inside its
    sentence, in a text written a text node a line (the caller knows the line
    after ``link`` carries the sentence on): ``line`` ends mid-sentence in a
    lower-case word and ``link`` is short and opens no block of its own.

    >>> _before_link("Follow me on", "Instagram")
    True
    >>> _before_link("Why rents rise in Berlin", "Reuters")
    False
    """
    words = line.split()
    return (
        bool(words)
        and words[-1][:1].islower()
        and not line.endswith(_TERMINAL)
        and 0 < len(link.split()) <= LINK_MAX_WORDS
        and not _BLOCK_START.match(link)
    )


def _continues(line: str, following: str, width: int) -> bool:
    """Whether the input line ``following`` carries on the paragraph of the input line ``line``."""
    words = following.split(maxsplit=1)
    if not words or not line.strip() or _BLOCK_START.match(following):
        return False
    return len(line.rstrip()) + 1 + len(words[0]) > width
