"""Choosing the headline among the lines before the article.

Pages open with site names, menus, breadcrumbs, dates and section labels;
the headline is usually the last line of its shape before the first
paragraph, often repeated elsewhere (in a breadcrumb or a "Headline | Site"
title line). The headline need not be a whole line: a breadcrumb ("Home »
News » Headline"), a "Site – Headline" line or a numbered trail item ("3.
Headline") holds it as a part, so the ends of such lines are candidates too.
A small linear model ranks the candidates (a softmax over a page's
candidates when trained; its continuous features also binned), and boosted
trees add to its score; weights and trees are data
(``data/title_model.json``, made by ``bench/train_title.py``).
"""

from __future__ import annotations

import json
import math
import operator
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, repeat
from typing import Any
from urllib.parse import unquote, urlsplit

from .bylines import byline_name
from .document import Line
from .features import FEATURE_SAMPLE_CHARS, LineFeatures
from .forest import Forest, ForestError, parse_forest
from .html_words import word_key
from .language import function_words, month_words
from .model import Bins, ModelError, binned_sums, parse_bins, sigmoid

#: Non-blank lines before the article start that can hold the headline.
#: On the dev benchmarks the headline sits within 40 lines of the first
#: paragraph on nearly every page that shows it; 60 lifts the share of pages
#: whose title is a candidate by 1-2 points (wcxb-dev articles, inscriptis:
#: .844 → .855) and the out-of-fold accuracy of ``python -m
#: bench.train_title`` by about as much on trafilatura-eval and
#: readability-mozilla, within noise on wcxb-dev.
LOOKBACK = 60
#: Non-blank lines after the article start that can hold the headline: the
#: first prose line is sometimes furniture (an affiliate disclosure, a site
#: tagline, a browser warning) above the headline. On the wcxb-dev articles
#: (inscriptis) the title sits 1–3 lines after the start on 18 of 793 pages,
#: 4–10 lines after it on about 11 more; but out of fold 10 rather than 3
#: gains under a point (wcxb-dev articles .740 → .745 inscriptis and
#: html2text, .705 → .703 plain; trafilatura-eval .644 → .649) and takes a
#: quoted sentence six lines into a seed article with no headline as its
#: headline, dropping the paragraphs above it.
LOOKAHEAD = 3
#: Lines under a candidate where a mark of the article's header (a byline, a
#: date, a name alone) counts for feature ``before_meta``.
META_AFTER = 3
#: A line with a date is a headline candidate when it holds at least this
#: many words that are not month names ("Metasploit Wrap-Up 12/19/2025"); with
#: fewer it is a date line ("Updated on November 18, 2025").
DATED_HEADLINE_MIN_WORDS = 3
#: A candidate's neighbourhood, in lines either side: a headline is often
#: repeated there, case aside (a heading and a breadcrumb's end, an image's
#: alt text), and a menu item sits among short lines. Out of fold (``python
#: -m bench.train_title``) the repetition lifts the plain dumps' accuracy by
#: 1-2 points (wcxb-dev articles .684 → .703, trafilatura-eval .583 → .596,
#: measured with a 10-line lookahead).
NEAR_LINES = 3
#: A line of at most this many words is short (a menu item, a label); a
#: line above the candidate longer than this, unterminated and not a list
#: item, may be the headline the candidate is the subtitle of.
SHORT_WORDS = 3
#: A candidate whose text (case aside) is on at least this many lines of the
#: page is repeated many times (feature ``repeat_many``: a menu or a table of
#: contents entry, or a headline echoed by breadcrumb and share text; the
#: ranker learns which).
REPEAT_MANY = 3
#: Longest candidate, in words.
MAX_WORDS = 40
_SEPARATOR = re.compile(r"\s[|–—-]\s|\s[|·»]\s?")
#: Where a line splits into parts that may be the headline: breadcrumb and
#: title separators ("Home » News » Headline", "Headline | Site", "Site –
#: Headline"), a short label before a colon ("Blog: Headline") and a trail
#: number ("3. Headline").
_PART_SPLIT = re.compile(r"\s+(?:[|»›>/\\·•]|[–—-]{1,2}|::)\s+|\s*[»›]\s*")
_LABEL = re.compile(r"^\w+(?:\s\w+)?:\s+(?=\S)")
#: A character every match of ``_PART_SPLIT`` and ``_LABEL`` holds: a line
#: without one has no parts but a trail number's.
_PART_MARK = re.compile(r"[|»›>/\\·•–—:-]")
_TRAIL_NUMBER = re.compile(r"^\d{1,2}\.\s+(?=\S)")
#: How far after a candidate a line holding it counts as a later mention
#: ("View a PDF of the paper titled …", a breadcrumb or a share text at the
#: foot of the page), in lines.
LATER_LINES = 400
#: Longest line (in characters) whose parts are looked at as evidence that a
#: candidate is another line's part: a breadcrumb or a title line is short.
PARTS_MAX_CHARS = 400

#: Score added to a candidate that repeats the document's first line, or
#: that line's part before its last title separator ("Headline | Site"),
#: and to that part of the first line itself: converters that read the
#: page's ``<head>`` (``soup.get_text()``, Common Crawl's WET files) open
#: with the ``<title>``, and the in-page headline repeats it. The ranker,
#: trained on dumps without a title line, cannot know this. Calibrated
#: (scores are log-odds) by adding it to the packaged model's score on the
#: wcxb-dev articles and trafilatura-eval: for the repeats, 2 gains 42 / 57
#: / 68 titles on the ``gettext`` / ``stripped`` / ``flat`` dumps and loses
#: 3 / 1 / 1, and loses 2 on each of inscriptis, html2text and plain, whose
#: first lines are menus ("Keress receptre vagy hozzávalóra"); 3 gains 56 /
#: 81 / 96 and loses 3-4 on each trained converter. The first line's own
#: part then gains 15 / 6 / 7 and loses 3 / 0 / 1, nothing elsewhere.
TITLE_LINE_BONUS = 2.0
#: A first line (or its part) of fewer words says too little to be taken
#: as the page's title: a site name, "Menu", "Log in".
TITLE_LINE_MIN_WORDS = 3
_TITLE_SUFFIX = re.compile(r"\s[|\-–—·»:]\s")


TITLE_FEATURES = (
    "bias", "log_distance", "nearest", "log_words", "few_words", "many_words", "title_case", "all_caps",
    "ends_period", "ends_question", "stop_ratio", "has_date", "digit_ratio", "link_like", "repeated",
    "inside_other", "separator", "bullet", "colon", "rel_position", "content_probability", "first_line",
    "body_overlap", "before_meta", "is_start", "after_start",
    "part_first", "part_last", "part_label", "part_number", "part_elsewhere", "later_inside", "name_like",
    "prev_bullet", "next_bullet", "next_probability", "prefix_of_neighbour", "neighbour_is_prefix",
    "part_share", "longest_piece", "whole_pieces", "log_after", "next_name", "short_around", "prev_heading",
    "words_below_best", "repeat_near", "repeat_many", "best_overlap", "topic_words", "second_window",
    "window_shift", "next_heading", "prev_title_case", "next_title_case",
)  # fmt: skip
#: Title features that also act piecewise (a weight per quantile bin, as in
#: the line model's ``BINNED``): the continuous ones. Out of fold (``python
#: -m bench.train_title``, 8 bins, linear only → binned): wcxb-dev .525 →
#: .535 (inscriptis), .537 → .549 (html2text), .480 → .496 (plain);
#: trafilatura-eval .641 → .667, .633 → .654, .605 → .635.
TITLE_BINNED = (
    "log_distance", "log_words", "title_case", "stop_ratio", "digit_ratio", "rel_position", "content_probability",
    "body_overlap", "next_probability", "part_share", "whole_pieces", "log_after", "short_around",
    "words_below_best", "topic_words",
)  # fmt: skip
#: Features of a candidate against the page's URL, when the input record
#: has one: the share of the candidate's words (of 3+ letters) in the URL's
#: path, and whether that share is at least one half. A slug
#: ("/2025/12/why-rents-rise") often spells the headline. A record with such a
#: URL is ranked by a second model (``data/title_url_model.json``), trained on
#: the same pages with these two features added.
URL_FEATURES = ("url_overlap", "url_most")
URL_BINNED = ("url_overlap",)
#: A URL whose path holds fewer words (of 3+ letters) than this says nothing
#: of the headline ("/?p=123", "/2025/12/04/8812", "/news/"): the text-only
#: model ranks. Not tuned; with 2, the URLs of 1,343 of the 1,497 wcxb-dev
#: pages, 944 of 990 trafilatura-eval and 178 of 181 scrapinghub-aeb pages
#: are telling (readability-mozilla has no URLs).
URL_MIN_WORDS = 2
#: A word of three letters or more: what a URL's path and the page's topic are compared by.
_LETTER_WORD = re.compile(r"[^\W\d_]{3,}")
#: The page's topic (feature ``topic_words``): its most frequent content
#: words, counted on the content prose lines (letters only, 3+ letters, no
#: stopwords, case folded, a plural's "s" dropped). A headline names what
#: the article is about; a site name, a call to action or another
#: article's headline does not. Out of fold (``python -m
#: bench.train_title``, linear and trees, inscriptis / html2text / plain),
#: the top 20 raised wcxb-dev .557 / .553 / .522 to .584 / .574 / .554 and
#: the mean of the nine cells (with trafilatura-eval and readability-mozilla)
#: from .5476 to .5627. In the experiment before it (its own stopword
#: handling: .5674 with the top 20) the top 10 gave .5621, the top 40 .5581.
TOPIC_WORDS = 20
#: Words of at least this many letters lose a final "s" when counted for
#: the topic ("prices" and "price" count as one; "news", "bus" stay whole).
TOPIC_STEM_MIN_LETTERS = 5
#: Characters of each line read for the topic: a few paragraphs' worth,
#: so that a page dumped on one line costs no more than a long paragraph.
TOPIC_SAMPLE_CHARS = 5_000
_WORD = re.compile(r"\w{4,}")
_ALPHA = re.compile(r"[^\W\d_]+")
_MONTHS = month_words()
#: One candidate: its line's index and its text (the line's, or a part of it).
Candidate = tuple[int, str]


#: What a headline's line may carry at its edges that is no part of the
#: headline: a table's cell rule, a dangling site separator, an unclosed
#: Markdown strong mark ("| **Headline", "Headline |", "Headline -",
#: "| : Headline", "… nicht an.|"). A cell rule goes even when it touches
#: a word; another mark that touches one stays ("-5 degrees", "»Zitat«"),
#: and a closing "»" goes only when no "«" opens a quotation.
_TITLE_LEAD = re.compile(r"^(?:\|+\s*|[»›·:/–—-]+\s+|\*\*|__)+")
_TITLE_TRAIL = re.compile(r"(?:\s*\|+|\s+[›·:/–—-]+|\s*\*\*|\s*__)+$")
_TITLE_TRAIL_QUOTE = re.compile(r"\s+»$")


def tidy_title(text: str) -> str:
    """The headline ``text`` without the marks at its edges that belong to
    its line's layout, not to the headline (the line itself is left as is).

    >>> tidy_title("| **Les Français travaillent-ils trop peu ?"), tidy_title("Letters to the Editor |")
    ('Les Français travaillent-ils trop peu ?', 'Letters to the Editor')
    >>> tidy_title("| : Kenji Fujimori: juicio"), tidy_title("Find an agent »"), tidy_title("Invalid query|")
    ('Kenji Fujimori: juicio', 'Find an agent', 'Invalid query')
    >>> tidy_title("Ischgl __"), tidy_title("| | Eintracht Presse : Eintracht Frankfurt")
    ('Ischgl', 'Eintracht Presse : Eintracht Frankfurt')
    >>> tidy_title("« Je ne fais pas que voter blanc »"), tidy_title("»Gute Löhne«"), tidy_title("-5 degrees")
    ('« Je ne fais pas que voter blanc »', '»Gute Löhne«', '-5 degrees')
    """
    tidy = _TITLE_TRAIL.sub("", _TITLE_LEAD.sub("", text.strip()))
    if "«" not in tidy:
        tidy = _TITLE_TRAIL_QUOTE.sub("", tidy)
    return tidy or text.strip()


#: A headline line that opens with a trail of links written without separators
#: ("Home News Headline") is cut to its ending when one of the next
#: ``TRAIL_COPY_NEAR`` lines says that ending alone, in at least
#: ``TRAIL_COPY_MIN_WORDS`` words, after at most ``TRAIL_MAX_WORDS`` words of trail.
#: Set by reading the trails of the html-to-text dumps' wrong titles (at most four
#: links; the headline in capitals on the next line or two), not tuned: with them
#: ``python -m bench.title_case`` over eight converters and the two dev sets with
#: titles gains 1-10 titles per cell and loses none (the first version, which also
#: cut a number, lost "7 Healthy Air Fryer Recipes" on four converters). The same limits
#: hold for a copy on the document's first line (a page's ``<title>``), with the tests of
#: :func:`_reads_as_trail` (README, "How it decides": 22 titles gained over twelve
#: converters, 1 lost).
TRAIL_COPY_NEAR = 3
TRAIL_COPY_MIN_WORDS = 3
TRAIL_MAX_WORDS = 4
_WORD_SPAN = re.compile(r"\w+")
_HAS_LETTER = re.compile(r"[^\W\d_]")


def without_trail(title: str, lines: Sequence[str], at: int) -> str:
    """The headline ``title`` of line ``at`` without a trail of links before it, when one
    of the next :data:`TRAIL_COPY_NEAR` lines says the rest alone, or when the document's
    first line does (a page's ``<title>``, which some converters write first, its site
    suffix aside) and the trail reads as one (:func:`_reads_as_trail`).

    >>> without_trail("Home Research The Hottest Markets in 2025", ["", "THE HOTTEST MARKETS IN 2025"], 0)
    'The Hottest Markets in 2025'
    >>> lines = ["Rents rise again in Berlin | City News", "Menu", "News Politics Rents rise again in Berlin"]
    >>> without_trail(lines[2], lines, 2)
    'Rents rise again in Berlin'
    >>> without_trail("The Rents rise again in Berlin", lines, 2)
    'The Rents rise again in Berlin'
    """
    words = list(_WORD_SPAN.finditer(title))
    keys = [match.group().lower() for match in words]

    def trail_before(copy: str) -> int:
        key = word_key(copy).split()
        trail = len(keys) - len(key)
        ok = len(key) >= TRAIL_COPY_MIN_WORDS and 0 < trail <= TRAIL_MAX_WORDS and keys[trail:] == key
        # a trail's links are words: a number before the rest is the headline's ("7 Healthy Recipes")
        return trail if ok and all(map(_HAS_LETTER.search, keys[:trail])) else 0

    for line in lines[at + 1 : at + 1 + TRAIL_COPY_NEAR]:
        if trail := trail_before(line):
            return title[words[trail].start() :]
    if at > 0:
        for line in filter(None, _title_line_parts(lines[0])):
            if (trail := trail_before(line)) and _reads_as_trail(title, words[:trail], words[trail]):
                return title[words[trail].start() :]
    return title


def _reads_as_trail(title: str, trail: Sequence[re.Match[str]], rest: re.Match[str]) -> bool:
    """Whether the words ``trail`` of ``title`` before ``rest`` read as a trail of links
    rather than the headline's own start, which a page's ``<title>`` often leaves out:
    each a capitalized word and no function word ("The", "What's the", "Wie pflege ich
    meine" open headlines), and no colon before the rest (a kicker: "Pure Leere": …)."""
    function = function_words()
    return all(word.group()[:1].isupper() and word.group().lower() not in function for word in trail) and (
        ":" not in title[trail[-1].end() : rest.start()]
    )


#: An all-capitals headline of at least this many words takes the letter case of a
#: copy of it elsewhere in the document (:func:`cased_title`); a shorter one could
#: be an acronym or a label whose copy is another word ("FAQ", "NEWS").
CASED_TITLE_MIN_WORDS = 2


def cased_title(title: str, lines: Iterable[str]) -> str:
    """An all-capitals headline as a copy of it elsewhere in the document writes it (a
    breadcrumb, a list of stories, the page's title line), when one writes it in both
    cases: converters such as Node's html-to-text write headings in capitals. Words in
    capitals that the copy spells otherwise (a "SS" for a "ß") find no copy.

    >>> cased_title("DB LOUNGE: KEIN ZUGANG", ["Home > DB Lounge: Kein Zugang", "DB LOUNGE: KEIN ZUGANG"])
    'DB Lounge: Kein Zugang'
    >>> cased_title("FAQ", ["Read the faq"]), cased_title("KEIN ZUGANG", ["kein zugang"])
    ('FAQ', 'KEIN ZUGANG')
    """
    if not in_capitals(title):
        return title
    copy = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)", re.IGNORECASE)
    for line in lines:
        for found in copy.finditer(line):
            text = found.group()
            edge = not line[: found.start()].strip(_COPY_LEAD) or not line[found.end() :].strip()
            if edge and not text.isupper() and not text.islower():
                return text
    return title


def in_capitals(title: str | None) -> bool:
    """Whether a headline is written in capitals, in :data:`CASED_TITLE_MIN_WORDS` words or more."""
    return title is not None and title.isupper() and len(title.split()) >= CASED_TITLE_MIN_WORDS


#: What may stand before a headline's copy that opens its line: a list bullet, a trail's marks.
_COPY_LEAD = " *+-•·>»|"


def title_line_echoes(first: str, chosen: Sequence[Candidate], repeated: bool = False) -> list[bool]:
    """Whether each candidate says what the ``first`` line says, or its part
    before its last title separator, as words (:func:`~cleaner.html_words.word_key`),
    in at least :data:`TITLE_LINE_MIN_WORDS` words: a line after the first,
    or that part of the first line itself ("Headline | Site" gives "Headline"),
    or the whole first line when it is a flat text's opening that a later
    line ``repeated`` (:func:`opening_repeated`).
    (:func:`~cleaner.html_titles.split_site_suffix`'s subtler reading of a
    suffix loses 1 to 3 titles on each converter that writes the ``<title>``.)"""
    whole, head = map(word_key, _title_line_parts(first))
    keys = {key for key in (whole, head) if key.count(" ") + 1 >= TITLE_LINE_MIN_WORDS}
    if not keys:
        return [False] * len(chosen)
    own = {head} & keys | ({whole} & keys if repeated else set())
    return [word_key(text) in (keys if i > 0 else own) for i, text in chosen]


def opening_repeated(lines: Sequence[Line]) -> bool:
    """Whether the document's first line is the opening of a flat text's line
    that a later line says again: the second line comes from the same input
    line (:mod:`cleaner.ungluing` cuts the page's ``<title>``, which
    ``get_text(" ")`` runs into the menu, out of the line where a later copy
    repeats it), and some later line holds the same words. The copy itself
    is often no candidate: it stands below the lines the decoder took for
    the article's start, a menu's run of capitalised words above it. Taken
    as the title line's echo (:func:`title_line_echoes`), the opening gains
    titles on the flat dumps (``python -m bench.run --converters
    flat,stripped --systems cleaner --digits 4``, wcxb-dev articles /
    trafilatura-eval, thirty-third session): ``flat`` .6444 → .6633 / .5882
    → .6083, ``stripped`` .5952 → .6154 / .5586 → .5728; without the test of
    the second line, a site's
    tagline repeated in its footer ("Free Advising Session") was the
    headline on inscriptis, html2text and textnodes pages."""
    if len(lines) < 2 or lines[1].number != lines[0].number:
        return False
    key = word_key(lines[0].text)
    return key.count(" ") + 1 >= TITLE_LINE_MIN_WORDS and any(word_key(line.text) == key for line in lines[1:])


def _title_line_parts(first: str) -> tuple[str, str]:
    """The title line, and its part before its last title separator ("Headline | Site"
    gives "Headline"; "" without a separator)."""
    suffixes = list(_TITLE_SUFFIX.finditer(first))
    return first, first[: suffixes[-1].start()] if suffixes else ""


def url_words(url: str | None) -> frozenset[str] | None:
    """The lowercased words of a URL's path, or None when it holds fewer
    than ``URL_MIN_WORDS`` (or there is no URL).

    >>> sorted(url_words("https://example.com/news/2025/why-rents-rise-again?ref=rss"))
    ['again', 'news', 'rents', 'rise', 'why']
    >>> url_words("https://example.com/?p=8812") is None
    True
    """
    if not url:
        return None
    words = frozenset(_LETTER_WORD.findall(unquote(urlsplit(url).path).lower()))
    return words if len(words) >= URL_MIN_WORDS else None


def _topic_terms(text: str, stops: frozenset[str]) -> list[str]:
    """The words of ``text`` as the topic counts them."""
    return [
        w[:-1] if len(w) >= TOPIC_STEM_MIN_LETTERS and w.endswith("s") else w
        for w in _LETTER_WORD.findall(text[:TOPIC_SAMPLE_CHARS].lower())
        if w not in stops
    ]


def topic_words(texts: Sequence[str], stops: frozenset[str]) -> frozenset[str]:
    """The ``TOPIC_WORDS`` most frequent words of ``texts`` (ties by the word,
    so the set does not depend on the lines' order), stopwords left out.

    >>> sorted(topic_words(["Rents rise again.", "Why rents rise: the rent data."], frozenset({"the", "why"})))
    ['again', 'data', 'rent', 'rise']
    """
    counts = Counter(w for text in texts for w in _topic_terms(text, stops))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return frozenset(w for w, _ in ranked[:TOPIC_WORDS])


def topic_share(text: str, topic: frozenset[str], stops: frozenset[str]) -> float:
    """The share of ``text``'s words (as the topic counts them) in ``topic``.

    >>> topic_share("Why rents rise", frozenset({"rent", "rise"}), frozenset({"why"}))
    1.0
    >>> topic_share("Subscribe to our newsletter", frozenset({"rent", "rise"}), frozenset({"to", "our"}))
    0.0
    """
    terms = _topic_terms(text, stops)
    return sum(w in topic for w in terms) / len(terms) if terms else 0.0


def url_rows(chosen: Sequence[Candidate], words: frozenset[str]) -> list[list[float]]:
    """The :data:`URL_FEATURES` of each candidate against the URL's ``words``."""
    rows = []
    for _, text in chosen:
        own = _LETTER_WORD.findall(text.lower())
        share = sum(w in words for w in own) / len(own) if own else 0.0
        rows.append([share, float(share >= 0.5)])
    return rows


def candidates(lines: Sequence[Line], feats: Sequence[LineFeatures], start: int,
               excluded: Sequence[bool]) -> list[int]:  # fmt: skip
    """Indices of the lines that may be the headline (last first): the
    article's first line (a headline ending in "?" reads as prose), the
    ``LOOKAHEAD`` lines after it, the ``LOOKBACK`` lines before it and the
    text's first line (where a dump of the whole page writes its
    ``<title>``)."""
    window = _window(len(lines), start)
    order = [*reversed(window), *([0] if window.start > 0 else [])]
    return [i for i in order if not excluded[i] and 0 < feats[i].words <= MAX_WORDS]


def _window(n: int, start: int) -> range:
    """The lines of an ``n``-line text around ``start`` that may hold the
    headline: ``LOOKBACK`` before it, ``LOOKAHEAD`` after it."""
    return range(max(0, start - LOOKBACK), min(n, start + LOOKAHEAD + 1))


def window_reach(n: int, starts: Iterable[int]) -> set[int]:
    """The lines of an ``n``-line text that the windows of :func:`candidates`
    around ``starts`` hold, with the ``META_AFTER`` lines under each: the
    lines whose marks the candidates' rows read."""
    reach = set(range(min(n, META_AFTER + 1)))
    for start in starts:
        window = _window(n, start)
        reach.update(range(window.start, min(n, window.stop + META_AFTER)))
    return reach


def line_parts(text: str) -> dict[str, str]:
    """The parts of a line that may stand for the headline by kind: ``first``
    and ``last`` of its separated pieces, the text after a short ``label``
    and colon, the text after a trail ``number``.

    >>> line_parts("Home » Archive » Why rents rise")
    {'first': 'Home', 'last': 'Why rents rise'}
    >>> line_parts("Blog: Why rents rise")
    {'label': 'Why rents rise'}
    >>> line_parts("Why rents rise")
    {}
    """
    out = {}
    if _PART_MARK.search(text) is not None:  # most lines have no separator and no colon
        pieces = [p.strip() for p in _PART_SPLIT.split(text)]
        pieces = [p for p in pieces if p]
        if len(pieces) > 1:
            out["first"], out["last"] = pieces[0], pieces[-1]
        found = _LABEL.match(text)
        if found:
            out["label"] = text[found.end() :]
    found = _TRAIL_NUMBER.match(text)
    if found:
        out["number"] = text[found.end() :]
    return out


def with_parts(lines: Sequence[Line], chosen: Sequence[int]) -> tuple[list[Candidate], list[str]]:
    """The candidate lines followed each by their parts, and each candidate's
    kind (``line`` or the part's kind, see :func:`line_parts`)."""
    out: list[Candidate] = []
    kinds = []
    for i in chosen:
        out.append((i, lines[i].text))
        kinds.append("line")
        for kind, part in line_parts(lines[i].text).items():
            if part != lines[i].text and (i, part) not in out:
                out.append((i, part))
                kinds.append(kind)
    return out, kinds


def _joined(texts: Sequence[str]) -> tuple[str, list[int]]:
    """The lines joined by line breaks, and where each line starts in the result."""
    offsets = [0, *accumulate(map(operator.add, map(len, texts), repeat(1)))]
    return "\n".join(texts), offsets


def _held_by_another(text: str, texts: Sequence[str], joined: str, offsets: Sequence[int], window: range,
                     own: int) -> bool:  # fmt: skip
    """Whether a line of ``window`` other than line ``own`` holds ``text`` and
    is not equal to it. ``joined`` and ``offsets`` are :func:`_joined` of
    ``texts`` (lines hold no line break, so no match spans two lines)."""
    lo, hi = max(window.start, 0), min(window.stop, len(texts))
    if lo >= hi or not text:
        return False
    if joined.find(text, offsets[lo], offsets[hi] - 1) < 0:  # held by no line at all
        return False
    found = joined.count(text, offsets[lo], offsets[hi] - 1)
    if lo <= own < hi:
        found -= texts[own].count(text)
    equal = texts[lo:hi].count(text) - (lo <= own < hi and texts[own] == text)
    return found - equal > 0


def dated_headline(text: str) -> bool:
    """Whether a line with a date in it holds enough other words to be a
    headline ("The best new typefaces for December 2025"), unlike a date
    line ("Updated on November 18, 2025"). A line in separated pieces
    ("Headline / Dec 12, 2025") offers its pieces instead.

    >>> dated_headline("The best new typefaces for December 2025")
    True
    >>> dated_headline("Updated on November 18, 2025")
    False
    >>> dated_headline("Why rents rise / December 12, 2025")
    False
    """
    if byline_name(text) is not None or len(_PART_SPLIT.split(text)) > 1:
        return False
    words = [w for w in _ALPHA.findall(text) if w.lower() not in _MONTHS]
    return len(words) >= DATED_HEADLINE_MIN_WORDS


def _name_like(text: str, known: dict[str, bool] | None = None) -> bool:
    """Two to four capitalised words and nothing else: an author's name
    (remembered in ``known``, when given)."""
    if known is not None:
        found = known.get(text)
        if found is None:
            found = known[text] = _name_like(text)
        return found
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


class _PartsElsewhere:
    """The parts (:func:`line_parts`) of the lines ``lo`` to ``hi`` (exclusive)
    of ``lowered`` shorter than ``PARTS_MAX_CHARS``, as :func:`candidate_rows`
    reads them: how many of those lines have a part, and whether one line
    has it. A part is a piece of its line, so only the lines holding the text
    (``holders``, of ``lowered``, over a range holding ``lo`` to ``hi``) are
    split, once each."""

    def __init__(self, lowered: Sequence[str], holders: _Holders, lo: int, hi: int) -> None:
        self.lowered, self.holders, self.lo, self.hi = lowered, holders, lo, hi
        self._parts: dict[int, frozenset[str]] = {}
        self._counts: dict[str, int] = {}

    def _of(self, j: int) -> frozenset[str]:
        found = self._parts.get(j)
        if found is None:
            line = self.lowered[j]
            found = frozenset(line_parts(line).values()) if len(line) < PARTS_MAX_CHARS else frozenset()
            self._parts[j] = found
        return found

    def holds(self, j: int, part: str) -> bool:
        """Whether line ``j`` (of the range) has ``part``."""
        return self.lo <= j < self.hi and part in self._of(j)

    def count(self, part: str) -> int:
        """How many lines of the range have ``part``."""
        found = self._counts.get(part)
        if found is None:
            found = self._counts[part] = sum(
                1 for j in self.holders.of(part) if self.lo <= j < self.hi and part in self._of(j)
            )
        return found


def candidate_rows(lines: Sequence[Line], feats: Sequence[LineFeatures], probability: Sequence[float],
                   start: int, chosen: Sequence[Candidate], kinds: Sequence[str],
                   meta: Sequence[bool], part_feats: Sequence[LineFeatures], topic: frozenset[str],
                   stops: frozenset[str], shift: int = 0) -> list[list[float]]:  # fmt: skip
    """One row of :data:`TITLE_FEATURES` per candidate in ``chosen``, the
    columns that compare a candidate with the page's others left at zero
    (:func:`compare_candidates` fills them once all windows' rows are made).

    ``start`` is the line the candidates' window is around. ``meta`` marks
    the lines of an article's header (dates, bylines, a lead alone, a name
    alone): a headline is often followed by them.
    ``part_feats`` are the features of each candidate's own text. ``topic``
    is the page's :func:`topic_words` (of ``stops``). ``shift``: how many
    lines the window's ``start`` lies from the first window's (0: this is
    the first window).
    """
    n = len(lines)
    texts = [line.text for line in lines]
    counts = Counter(texts)
    lowered_all = [text.lower() for text in texts]
    counts_lower = Counter(lowered_all)
    # the lowercased words of each line the body overlap reads, once per line (a dump-sized line: its sample's)
    # (of an ASCII line, the words of the lowercased line: the same words)
    ahead = {
        j: set(_WORD.findall(lowered_all[j][:FEATURE_SAMPLE_CHARS]))
        if texts[j].isascii()
        else {w.lower() for w in _WORD.findall(texts[j][:FEATURE_SAMPLE_CHARS])}
        for j in range(start, min(n, start + LOOKAHEAD + 40))
    }
    # the words of the 40 lines from each of start .. start + LOOKAHEAD + 1 on: their common lines' words, once
    common = set().union(*(ahead[j] for j in range(start + LOOKAHEAD + 1, min(n, start + 40))))
    body_words = common.union(*(ahead[j] for j in range(start, min(n, start + LOOKAHEAD + 1))))
    nearest = next((i for i, _ in chosen if i < start), None)
    lowered = lowered_all[: start + LOOKAHEAD + LATER_LINES]
    first = min((i for i, _ in chosen), default=0)
    # which lines hold a candidate's text: before the article (another line holding it), and
    # lowercased after it (a later mention) and around it (a line with it as a part)
    parts_lo, parts_hi = max(0, start - LOOKBACK), min(n, start + LATER_LINES)
    holders = _Holders(texts[: len(lowered)], max(0, first - LOOKBACK), start)
    holders_lower = _Holders(lowered, min(parts_lo, first + 1), len(lowered))
    parts = _PartsElsewhere(lowered, holders_lower, parts_lo, parts_hi)
    names: dict[str, bool] = {}
    per_line: dict[int, tuple[Any, ...]] = {}
    rows = []
    for (i, text), kind, f in zip(chosen, kinds, part_feats, strict=True):
        whole = kind == "line"
        lower = text.lower()
        context = per_line.get(i)
        if context is None:  # what depends on the line only, once for the line and its parts
            if i >= start:  # the words of the paragraphs after it (the first ones overlap themselves)
                stop = min(n, i + 40)
                if stop > start + LOOKAHEAD + 1:
                    extra = [*range(i + 1, start + LOOKAHEAD + 1), *range(start + 40, stop)]
                    body_words_here = common.union(*(ahead[j] for j in extra))
                else:
                    body_words_here = set().union(*(ahead[j] for j in range(i + 1, stop)))
            else:
                body_words_here = body_words
            context = per_line[i] = (
                body_words_here,
                *_line_context(texts, feats, i, names),
                *_line_values(feats, probability, meta, lowered_all, i, start, nearest),
            )
        (body_words_here, pieces, next_name, short_share, distance, is_nearest, position, first_line, before_meta,
         is_start, after_start, prev_bullet, next_bullet, next_probability, after, prev_heading, prev_text,
         next_text, next_heading, prev_title_case, next_title_case) = context  # fmt: skip
        # another line of the lookback holds the text (not as all it says)
        inside = any(j != i and texts[j] != text for j in holders.of(text) if i - LOOKBACK <= j < start)
        later = any(lowered[j] != lower for j in holders_lower.of(lower) if i < j < i + LATER_LINES)
        own_parts = int(parts.holds(i, lower)) if whole else 1
        words = [w.lower() for w in _WORD.findall(text)]
        rows.append([
            1.0,
            distance,
            is_nearest,
            math.log1p(f.words),
            1.0 if f.words < 3 else 0.0,
            1.0 if f.words > 25 else 0.0,
            f.title_case,
            1.0 if f.all_caps else 0.0,
            1.0 if text.endswith(".") else 0.0,
            1.0 if text.endswith(("?", "!")) else 0.0,
            f.stop_ratio,
            1.0 if f.has_date else 0.0,
            f.digit_ratio,
            1.0 if f.link_like else 0.0,
            1.0 if counts[text] > 1 else 0.0,
            1.0 if inside else 0.0,
            1.0 if _SEPARATOR.search(text) is not None else 0.0,
            1.0 if feats[i].bullet and whole else 0.0,
            1.0 if ":" in text else 0.0,
            position,
            probability[i],
            first_line,
            sum(w in body_words_here for w in words) / len(words) if words else 0.0,
            before_meta,
            is_start,
            after_start,
            1.0 if kind == "first" else 0.0,
            1.0 if kind == "last" else 0.0,
            1.0 if kind == "label" else 0.0,
            1.0 if kind == "number" else 0.0,
            1.0 if parts.count(lower) > own_parts else 0.0,
            1.0 if later else 0.0,
            1.0 if _name_like(text, names) else 0.0,
            prev_bullet,
            next_bullet,
            next_probability,
            1.0 if any(t != lower and t.startswith(lower) for t in (prev_text, next_text)) else 0.0,
            1.0 if any(t and t != lower and lower.startswith(t) for t in (prev_text, next_text)) else 0.0,
            f.words / max(feats[i].words, 1),
            1.0 if not whole and len(text) >= max(map(len, pieces)) else 0.0,
            math.log(len(pieces)) if whole and pieces else 0.0,
            after,
            next_name,
            short_share,
            prev_heading,
            math.log1p(f.words),
            1.0 if any(lowered_all[j] == lower for j in range(max(0, i - NEAR_LINES), min(n, i + NEAR_LINES + 1))
                       if j != i) else 0.0,
            1.0 if counts_lower[lower] >= REPEAT_MANY else 0.0,
            0.0,
            topic_share(text, topic, stops),
            float(shift != 0),
            math.log1p(abs(shift)),
            next_heading,
            prev_title_case,
            next_title_case,
        ])  # fmt: skip
    return rows


def compare_candidates(rows: list[list[float]]) -> None:
    """Fill in each row of :func:`candidate_rows` the columns that compare it
    with the page's other candidates: how many fewer words it has than the
    longest, and whether it overlaps the body most."""
    overlap = TITLE_FEATURES.index("body_overlap")
    best = max((row[overlap] for row in rows), default=0.0)
    size = TITLE_FEATURES.index("words_below_best")
    longest = max((row[size] for row in rows), default=0.0)
    at_best = TITLE_FEATURES.index("best_overlap")
    for row in rows:
        row[size] = longest - row[size]
        row[at_best] = float(row[overlap] == best and best > 0)


def _line_values(feats: Sequence[LineFeatures], probability: Sequence[float], meta: Sequence[bool],
                 lowered: Sequence[str], i: int, start: int, nearest: int | None) -> tuple[Any, ...]:  # fmt: skip
    """The features of :func:`candidate_rows` that depend on the line ``i`` only,
    and its neighbours' lowercased texts."""
    n = len(feats)
    before = feats[i - 1] if i > 0 else None
    below = feats[i + 1] if i + 1 < n else None
    return (
        math.log1p(max(start - i, 0)),
        float(i == nearest),
        i / n,
        float(i == 0),
        float(any(meta[i + 1 : i + 1 + META_AFTER])),
        float(i == start),
        float(i > start),
        float(before is not None and before.bullet),
        float(i + 1 < n and feats[i + 1].bullet),
        probability[i + 1] if i + 1 < n else 0.0,
        math.log1p(max(i - start, 0)),
        float(before is not None and _heading_shaped(before)),
        lowered[i - 1] if i > 0 else "",
        lowered[i + 1] if i + 1 < n else "",
        float(below is not None and _heading_shaped(below)),
        before.title_case if before is not None and before.words <= MAX_WORDS else 0.0,
        below.title_case if below is not None and below.words <= MAX_WORDS else 0.0,
    )


def _heading_shaped(f: LineFeatures) -> bool:
    """A line a headline's subtitle or the headline above a subtitle may be:
    more than a menu item's words, unterminated, no list item."""
    return SHORT_WORDS < f.words <= MAX_WORDS and not f.terminal and not f.bullet


class _Holders:
    """The lines ``lo`` to ``hi`` (exclusive) of ``texts`` that hold a text, each
    text's found once by a scan of the lines joined (:func:`_joined`); lines
    hold no line break, so no match spans two lines."""

    def __init__(self, texts: Sequence[str], lo: int, hi: int) -> None:
        self.lo, self.hi = max(lo, 0), min(hi, len(texts))
        self.joined, self.offsets = _joined(texts[self.lo : self.hi])
        self._found: dict[str, list[int]] = {}

    def of(self, text: str) -> list[int]:
        """The indexes of the lines holding ``text``, ascending."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = []
            if self.lo < self.hi and text:
                joined, offsets = self.joined, self.offsets
                at = joined.find(text)
                while at >= 0:
                    k = bisect_right(offsets, at) - 1
                    found.append(self.lo + k)
                    at = joined.find(text, offsets[k + 1])
        return found


def _line_context(texts: Sequence[str], feats: Sequence[LineFeatures], i: int,
                  names: dict[str, bool] | None = None) -> tuple[list[str], float, float]:  # fmt: skip
    """What :func:`candidate_rows` reads of line ``i``'s surroundings, the same for
    the line and each of its parts: its separated pieces, whether a name
    follows it and the share of short lines around it."""
    pieces = [piece for piece in map(str.strip, _PART_SPLIT.split(texts[i])) if piece]
    next_name = float(any(_name_like(t, names) for t in texts[i + 1 : i + 1 + NEAR_LINES]))
    around = range(max(0, i - NEAR_LINES), min(len(texts), i + NEAR_LINES + 1))
    short_share = sum(feats[j].words <= SHORT_WORDS for j in around if j != i) / max(len(around) - 1, 1)
    return pieces, next_name, short_share


def forest_names(names: Sequence[str], binned: Sequence[str]) -> tuple[str, ...]:
    """The inputs of a headline model's trees: the candidate's features
    ``names``, then each ``binned`` (continuous) feature against the page's
    other candidates, how far below the page's highest value and how far
    above its lowest, then the number of candidates. A tree reads one
    candidate at a time; these let it see what the softmax over the page
    sees (a headline is the longest line around, not a long line)."""
    return (
        tuple(names)
        + tuple(f"{name}_below_top" for name in binned)
        + tuple(f"{name}_above_bottom" for name in binned)
        + ("candidates",)
    )


def forest_rows(rows: Sequence[Sequence[float]], columns: Sequence[int]) -> list[list[float]]:
    """The rows of :func:`forest_names` for one page's candidate ``rows``,
    the page-relative columns taken from ``columns`` (the binned features')."""
    if not rows:
        return []
    top = [max(row[c] for row in rows) for c in columns]
    bottom = [min(row[c] for row in rows) for c in columns]
    count = float(len(rows))
    picked = [[row[c] for c in columns] for row in rows]
    sub = operator.sub
    return [
        [*row, *map(sub, top, values), *map(sub, values, bottom), count]
        for row, values in zip(rows, picked, strict=True)
    ]


@dataclass(frozen=True)
class TitleModel:
    weights: tuple[float, ...]
    min_probability: float
    #: The piecewise parts of the :data:`TITLE_BINNED` features (and of
    #: :data:`URL_BINNED` in a model of the URL features).
    bins: tuple[Bins, ...] = ()
    #: Whether the rows end with the :data:`URL_FEATURES`.
    uses_url: bool = False
    #: Boosted trees over :func:`forest_rows` whose score adds to the linear
    #: model's log-odds when ranking (none: the linear model alone).
    forest: Forest | None = None

    def choose(self, chosen: Sequence[Candidate], rows: Sequence[Sequence[float]],
               echoes: Sequence[bool] = ()) -> Candidate | None:  # fmt: skip
        """The best candidate, or None when the linear model finds it not
        likely enough (its probabilities are calibrated; the trees only rank).
        A candidate flagged in ``echoes`` (:func:`title_line_echoes`) scores
        :data:`TITLE_LINE_BONUS` more."""
        if not chosen:
            return None
        sums = binned_sums(self.weights, self.bins, rows)
        if echoes:
            sums = [z + TITLE_LINE_BONUS * echo for z, echo in zip(sums, echoes, strict=True)]
        scores = sums
        if self.forest is not None:
            score = self.forest.score
            extended = forest_rows(rows, [b.column for b in self.bins])
            scores = [z + score(row) for z, row in zip(sums, extended, strict=True)]
        best = max(range(len(chosen)), key=lambda k: (scores[k], -k))
        return chosen[best] if sigmoid(sums[best]) >= self.min_probability else None


def parse_title_model(text: str, uses_url: bool = False) -> TitleModel:
    """A headline model file: of :data:`TITLE_FEATURES`, followed by
    :data:`URL_FEATURES` when ``uses_url``."""
    data = json.loads(text)
    names = TITLE_FEATURES + URL_FEATURES if uses_url else TITLE_FEATURES
    if tuple(data.get("features", ())) != names:
        raise ModelError("title model features do not match the code; retrain with `python -m bench.train_title`")
    weights = tuple(float(x) for x in data["weights"])
    if len(weights) != len(names):
        raise ModelError(f"title model has {len(weights)} weights for {len(names)} features")
    binned = TITLE_BINNED + URL_BINNED if uses_url else TITLE_BINNED
    bins = parse_bins(data, binned, names, "python -m bench.train_title")
    try:
        forest = parse_forest(data["forest"], len(forest_names(names, binned))) if "forest" in data else None
    except ForestError as err:
        raise ModelError(f"title model forest: {err}") from err
    return TitleModel(weights, float(data["min_probability"]), bins, uses_url, forest)


@lru_cache(maxsize=2)
def default_title_model(uses_url: bool = False) -> TitleModel:
    """The packaged headline model: of the text alone, or of the text and the page's URL."""
    name = "data/title_url_model.json" if uses_url else "data/title_model.json"
    return parse_title_model(resources.files("cleaner").joinpath(name).read_text("utf-8"), uses_url)
