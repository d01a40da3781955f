"""Glued text: the blocks of a page run together on one line.

BeautifulSoup's ``soup.get_text()`` (the most common way scrapers turn HTML
into text) joins the page's text nodes with nothing between them, so the
page source's own line breaks are the only layout. On a minified page the
whole page is one line, and each block's text runs into the next one's:
"…said on Monday.Related StoriesHow rents rose…", "HomeNewsSportWeather".
Where the page source put spaces between its tags, the blocks are apart but
on one line, with runs of spaces between them ("Our Work Contact      A
Complete Guide to …"). Such a line is split where two blocks meet: at a
run of three or more spaces, after a sentence's end, or where a lower-case
letter runs into a capitalised word. The parts keep their input line's
number.

The split is only made in a glued text: one with a long line holding
sentence ends glued to the next sentence (``"Monday.The"``), which careful
prose never has, or a long line holding most of the text and several runs
of spaces; and then only in its long lines. A capitalised word inside a
brand name ("YouTube", "WordPress") is split too when its line holds a
glued sentence end: in a glued text that costs less than what the split
gives back.

``soup.get_text(" ", strip=True)`` (or ``" ".join(soup.stripped_strings)``)
writes a flat text: the whole page on one line, one space between any two
blocks. Nothing marks where a block ends; a flat line (one that holds
nearly all of the text) is split into its sentences, so that the article's
sentences and the furniture between them are told apart one by one. A flat
line with glued sentence ends of its own ("roads.Residents": a typo, an
inline element) is split at those seams first, then into sentences. A
menu runs into the sentence after it ("Home News Sport Weather The mayor
said …"): a run of capitalised words in a sentence is cut out of it. The
page's ``<title>`` comes first, run into the menu; where the headline
repeats it further on, both copies become lines of their own, before the
line is cut into sentences. So do the two copies of a phrase repeated a few
words later (a breadcrumb's last item and the headline under it). What closes
an article ("Related Posts", "Leave a Reply", "Contact Us": a closer of the
furniture lexicon) runs into the teasers or comments after it, so a closer
heading inside a flat sentence becomes a line of its own too, and so does a
byline run into the headline before it ("Guides By Ramon Berenguer Dec 11,
2025"), and a furniture phrase that opens a sentence ("Skip navigation Share
this Prices rose …"). No sentence ends at an initial or after an abbreviation
(``data/abbreviations.json``: "Laptop vs. Desktop", "Prof. Dr. Caja Thimm").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from .bylines import packaged_bylines
from .datafiles import alternation, load_data, require_split_examples, require_string_lists
from .lexicon import Lexicon, default_lexicon
from .scoring import is_closing_rule

#: A sentence's end glued to the next sentence's first word, that word
#: followed by a space (so that code, ``os.Getenv("KEY")``, and minified
#: scripts do not count).
_GLUED_END = re.compile(r"(?<=[a-zà-ÿ0-9][.!?])(?=[A-ZÀ-Þ][\w'’-]*\s)")
#: Where a line with a glued sentence end is split: after a sentence's end
#: followed by a capital, between a lower-case letter or a digit and a
#: capitalised word ("… of 2025By Jane Doe": a headline or a date that ends
#: in a number runs into the byline or the next block), and between a
#: lower-case letter and a number that opens a capitalised phrase
#: ("Restaurant Tips10 Trends in Catering": a section's name run into a
#: numbered headline; it splits "Web3 Foundation" too).
_SEAM = re.compile(
    r"(?<=[a-zà-ÿ0-9][.!?])(?=[A-ZÀ-Þ])|(?<=[a-zà-ÿ0-9])(?=[A-ZÀ-Þ][a-zà-ÿ])|(?<=[a-zà-ÿ])(?=\d+ [A-ZÀ-Þ][a-zà-ÿ])"
)
#: Spaces between two blocks of a line: three or more inside the line.
_SPACES = re.compile(r"(?<=\S)[ \t\xa0]{3,}(?=\S)")
#: Spaces between two sentences: after a terminal mark (and a closing quote
#: or bracket), before a capital or a digit (an opening quote or bracket
#: first); not after an initial, a capital letter alone before its full
#: stop ("J.J. Abrams", "James T. Kirk", "the U.S. Senate"). On the bench
#: (``python -m bench.run --converters … --systems cleaner --jobs 2 --digits
#: 4``, all 19 converters; shingle F1 scrapinghub-aeb / wcxb-dev articles
#: (titles) / snippet F1 trafilatura-eval (titles)) ``stripped`` .8704 /
#: .9012 (.5776) / .8166 (.5290) → .8724 / .9016 (.5776) / .8173 (.5290),
#: ``flat`` .8756 / .9019 (.5776) / .8318 (.5444) → .8809 / .9023 (.5801) /
#: .8309 (.5456), ``gettext`` .9084 / .9140 / .8717 → .9100 / .9139 /
#: .8707, ``tagstrip`` .9096 / .9157 / .8708 → .9100 / .9156 / .8698, the
#: other converters within .0001. A sentence that ends in an initial runs
#: into the next one: German pages lose a little ("ProNATs e.V. Verein …",
#: a speech's "I. Im Juni …", "Category B. Photo …"); blocking only an
#: initial after a space or another capital initial scored the same.
#: Nor after an abbreviation (``data/abbreviations.json``: "Laptop vs.
#: Desktop", "Prof. Dr. Caja Thimm", "ca. 300"; :func:`sentence_break`): on
#: the bench (the same command, thirty-third session) ``stripped`` .8723 /
#: .9020 (.5927) / .8175 (.5550) → .8690 / .9021 (.5939) / .8179 (.5574),
#: ``flat`` .8829 / .9049 (.6431) / .8309 (.5893) → .8798 / .9049 (.6444) /
#: .8316 (.5882), ``gettext`` and ``tagstrip`` up by .0002 to .0003 but for
#: wcxb-dev −.0001, the other converters unchanged. The scrapinghub loss is
#: three pages whose fragments had broken a run the model now reads as
#: prose: teasers with their excerpts after the article ("Sen. David
#: Perdue: …", two pages of one site) and a tour-dates paragraph ("St.
#: Louis, MO") that, whole, reads as furniture.
_SENTENCE_BREAK = (
    r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’“‘»)\]]))(?<!\b[A-ZÀ-Þ]\.){abbreviations}\s+(?=[\"“‘„‚«(\[]?[A-ZÀ-Þ0-9])"
)
#: A text is glued when one of its lines has at least ``GLUED_LINE_CHARS``
#: characters and ``GLUED_MIN_ENDS`` glued sentence ends; then its lines of
#: ``SPLIT_MIN_CHARS`` or more that hold a glued sentence end are split.
#: Calibrated on the held-out ``gettext`` dumps (``python -m bench.converters
#: --converters gettext``: 49 of 181 scrapinghub pages, 263 of 793 wcxb-dev
#: articles have a line over 3,000 characters). Shingle F1 scrapinghub /
#: wcxb-dev articles, snippet F1 trafilatura-eval: .824 / .847 / .808 before;
#: these values .899 / .904 / .850 (.906 / .909 / .853 with the spaced lines
#: below); a line gate of 2 glued ends .899 / .902 /
#: .850; a text gate of 3 ends .893 / .903 / .848; splitting only after
#: sentence ends (no lower-upper seams) .881 / .886 / .836. The gate fires on
#: 6 / 5 / 7 of the 2,668 inscriptis / plain / html2text dumps of the three
#: datasets (877 gettext ones), and moves no score of those converters by
#: more than .0001; without the text gate, lines of flattened code
#: (``note.NewSigner(os.Getenv(…))``) were split and a code-heavy wcxb-dev
#: page lost .19.
GLUED_LINE_CHARS = 1000
GLUED_MIN_ENDS = 2
#: In a glued text, the lines this long or longer are split (a shorter line
#: with a glued sentence end is a teaser, a caption or a headline with its
#: date run into it: "Last Man: Skills system updateI want to tell you …").
#: ``python -m bench.run --converters gettext,tagstrip,flat,stripped``
#: (scrapinghub / wcxb-dev articles (titles) / trafilatura-eval (titles)),
#: 300 → 100: gettext .9108 / .9154 (.7541) / .8707 (.7444) → .9109 / .9155
#: (.7566) / .8714 (.7456), tagstrip .9108 / .9171 (.7528) / .8700 (.7408) →
#: .9109 / .9173 (.7554) / .8704 (.7420), flat and stripped the same; 50
#: gives the same but tagstrip .9172 (.7566).
SPLIT_MIN_CHARS = 100
#: A text is glued, too, when a line of ``GLUED_LINE_CHARS`` or more holds at
#: least ``SPACED_MIN_SHARE`` of its characters and ``SPACED_MIN_RUNS`` runs
#: of spaces between blocks. On the gettext dumps (same commands, from the
#: values above) .899 / .904 / .850 → .906 / .909 / .853; without the share
#: (a table's rows, padded with spaces by inscriptis, are such lines too) two
#: wcxb-dev inscriptis pages lost .57 and .69; with 5 runs the same to .001.
SPACED_MIN_SHARE = 0.5
SPACED_MIN_RUNS = 3
#: A text is flat when a line of ``GLUED_LINE_CHARS`` or more holds at
#: least ``FLAT_MIN_SHARE`` of its characters; that line is split into
#: sentences. On the held-out ``flat`` dumps (``python -m bench.converters
#: --converters flat``: ``soup.get_text(" ", strip=True)``) shingle F1
#: scrapinghub / wcxb-dev articles, snippet F1 trafilatura-eval went .653 /
#: .717 / .640 → .742 / .798 / .719, where the text as it comes scores .675
#: / .796 / .692 (a whole page on one line was kept or dropped whole); with
#: lines of 2,000 characters or more .740 / .798 / .718, of 4,000 .735 /
#: .798 / .711. The reference bodies themselves, flattened to one line and
#: cleaned, keep shingle recall .983 → .994 (scrapinghub) and .986 → .990
#: (wcxb-dev articles), precision unchanged (1.000 / .999). A flat line of a
#: glued text is split at its seams first, then into sentences: 72 of the
#: 181 scrapinghub-aeb, 728 of the 1,497 wcxb-dev and 384 of the 990
#: trafilatura-eval flat dumps are glued too, and were split at their few
#: seams only (flat .741 / .797 / .720 → .744 / .844 / .744; gettext .906 /
#: .909 / .856 → .907 / .910 / .858). The long lines of a text that is not
#: glued are flat too when together they hold this share and one of them
#: holds a menu (a run of ``MENU_RUN_WORDS``; without it an article of a few
#: long paragraphs came out one sentence a line) (:func:`flat_lines`). On the
#: ``stripped`` dumps (``get_text(" ", strip=True)`` as it is: text nodes
#: stripped and joined by a space, their own line breaks kept; the ``flat``
#: converter collapses those), 27 of 181 scrapinghub-aeb and 124 of 793
#: wcxb-dev article texts had no flat line, their longest line holding a
#: median 63% of the text: ``python -m bench.run --converters stripped``
#: .799 / .860 (titles .359) / .776 (.199) → .828 / .881 (.382) / .794
#: (.221). No flat, gettext, inscriptis, plain or html2text score moves (4
#: decimals); with glued texts too, gettext titles .641 / .641 → .637 /
#: .637.
FLAT_MIN_SHARE = 0.9
#: A long line of a text that is not glued is flat, too, when it holds
#: ``FLAT_MIN_MENUS`` menus or more (sentences holding a run of
#: ``MENU_RUN_WORDS`` menu words, :func:`_menus`) and the text's long lines
#: hold at least ``MENU_FLAT_MIN_SHARE`` of it: a page source that wraps its
#: text leaves ``get_text(" ", strip=True)`` a few long lines, each a stretch
#: of the page (menus, the article, the footer), and short pieces between
#: them, and those lines often hold less than ``FLAT_MIN_SHARE`` of the text
#: (the Verge's 4,316 characters of 4,933, Sportsnet's 10,262 of 15,183, its
#: sign-in form's template lines the rest). A paragraph holds a run of
#: capitalised words now and then (German nouns, names), seldom three; the
#: share keeps such a paragraph whole on a page of many lines. Calibrated at
#: 2ebfe3e (``python -m bench.run --datasets
#: scrapinghub-aeb,wcxb-dev-article,trafilatura-eval --converters … --systems
#: cleaner --jobs 2 --digits 4``; shingle F1 scrapinghub-aeb / wcxb-dev
#: articles (titles) / snippet F1 trafilatura-eval (titles)): ``stripped``
#: .8526 / .8903 (.5612) / .8090 (.5112) → .8704 / .9012 (.5776) / .8166
#: (.5290); inscriptis, plain and 9 other converters unchanged, the other 7
#: within .0006 but ``gettext`` scrapinghub-aeb .9097 → .9084 (two wsj.com
#: pages: a menu of words glued together, split into sentences, read as
#: prose). Variants: without the share, ``stripped`` .8714 / .9008 / .8174,
#: but inscriptis trafilatura-eval .9017 → .9010 (a German paragraph with 3
#: runs split into its sentences lost .8 of its page); 4 menus without the
#: share .8663 / .9001 / .8154 and inscriptis .9012; the share alone lowered
#: (any menu in a long line): 0.5 ``stripped`` .8723 / .9022 / .8198 but
#: plain and html2text scrapinghub-aeb .9311 → .9295 and .9212 → .9195, 0.7
#: .8653 / .8988 / .8188. Runs that hold a word ending in a comma or a
#: semicolon counted as menus too: ``stripped`` wcxb-dev .8999, plain and
#: htmltext wcxb-dev .9338 and .9339 (a list of cities split a report).
FLAT_MIN_MENUS = 3
MENU_FLAT_MIN_SHARE = 0.5
#: Menu words in a row (:func:`_menu_apart`) that make a menu inside a
#: flat line's sentence ("Politics World News Login Log Out Israel
#: Elections … Son of former German president stabbed to death."): the run
#: is a line of its own. On the flat dumps (shingle F1 scrapinghub /
#: wcxb-dev articles, snippet F1 trafilatura-eval; recall, then title
#: accuracy wcxb-dev / trafilatura-eval in brackets) no cut .744 / .844 /
#: .744 (.965 / .962 / .964; .170 / .125); runs of 5 .813 / .873 / .783
#: (.940 / .955 / .937; .309 / .210); of 4 .823 / .877 / .791 (.925 / .951
#: / .901; .301 / .185), the cuts taking names from sentences ("The New
#: York | Times reported"), German ones most. Without the title's small
#: words in a run, a title-case headline was cut before its last capital
#: ("The Top 25 Hosting | Trends of 2025"): runs of 5 .824 / .880 / .782
#: but titles .177 / .202, and gettext titles .643 / .640 → .617 / .636
#: (.638 / .638 with them). Cutting only a run that opens a sentence gains
#: a tenth as much (.751 / .848 / .752 with 4): the headline and site name
#: come before the menu.
MENU_RUN_WORDS = 5
#: A page's title, repeated as its headline, is looked for at the start of a
#: flat line in openings of this many words (see :func:`flat_sentences`).
#: On the flat dumps (shingle F1 scrapinghub / wcxb-dev articles, snippet
#: F1 trafilatura-eval; titles wcxb-dev / trafilatura-eval) .813 / .873 /
#: .783 (.309 / .210) → .819 / .876 / .784 (.409 / .253); gettext titles
#: .638 / .638 → .642 / .641. Not tuned. The opening was first looked for
#: in the first sentence after the line was cut into sentences and menus,
#: which cut a title at its "?" or "U.S." and a title-case title before the
#: menu's run of capitals ("10 Easy Steps for a | Great Interior Design |
#: Tarkett Home …"; 230 of the 473 wcxb-dev flat titles missed were in no
#: line whole); taken out of the whole line first, ``flat`` .8615 / .8973
#: (.4035) / .8295 (.2627) → .8608 / .8973 (.4880) / .8285 (.4497),
#: ``stripped`` .8415 / .8849 (.3808) / .8029 (.2189) → .8415 / .8850
#: (.4981) / .8018 (.4118) (``bench.run``'s per-page scorer on the cached
#: dumps; titles +80 −13 / +168 −10 pages flat, +96 −3 / +166 −3 stripped).
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 20
#: A phrase of ``REPEAT_MIN_WORDS`` to ``TITLE_MAX_WORDS`` words, not all of
#: them capitalised, repeated after at most ``REPEAT_MAX_GAP`` other words in
#: a flat line (:func:`_repeats_apart`) is apart, both copies kept whole: a
#: breadcrumb's last item and the headline under it ("Blog > Top 10 Health
#: Trends to Watch Business Top 10 Health Trends to Watch Kelia Losa …"), a
#: headline written twice (an image's caption, a mobile copy). Of the
#: ``stripped`` titles missed after the opening rule above, 62 of 398
#: (wcxb-dev articles) and 90 of 407 (trafilatura-eval) were inside one line
#: twice. (``bench.run``'s per-page scorer on the cached dumps; scrapinghub-aeb
#: / wcxb-dev articles (titles) / trafilatura-eval (titles)) ``flat`` .8664 /
#: .8989 (.4880) / .8294 (.4497) → .8676 / .9001 (.4830) / .8303 (.4497),
#: ``stripped`` .8445 / .8870 (.4981) / .8024 (.4118) → .8466 / .8878
#: (.5057) / .8059 (.4118); pages up / down flat 15 / 4, 86 / 50, 21 / 17,
#: stripped 13 / 8, 108 / 49, 26 / 8; titles +10 −14, +9 −9 flat, +21 −15,
#: +10 −10 stripped. Copies of capitalised words only, too (menus written
#: twice became headline candidates), and before a glued text's seams were
#: split ("DietsThe 7 Biggest …": the copy lost its first word): flat .8685
#: / .8998 (.4704) / .8307 (.4343), stripped .8487 / .8872 (.4956) / .8061
#: (.4071). Not tuned further.
REPEAT_MIN_WORDS = 4
REPEAT_MAX_GAP = 3
#: The small words a title-case line keeps in lower case.
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs", "with"}
)
#: Words of a closer heading (a whole-line rule of a closer kind in
#: ``data/furniture.json``: "Related Posts", "You Might Also Like", "Leave a
#: Reply", "Privacy Policy") found inside a flat line's sentence, or of a
#: phrase of any kind opening it (:func:`_furniture_apart`), capitalised
#: and followed by a capitalised word or the sentence's end. On the flat dumps (shingle F1 scrapinghub /
#: wcxb-dev articles, snippet F1 trafilatura-eval; recall; titles wcxb-dev /
#: trafilatura-eval) .819 / .876 / .784 (.941 / .955 / .936; .409 / .253)
#: → .855 / .895 / .822 (.935 / .946 / .915; .393 / .249), gettext .906 /
#: .912 / .861 → .906 / .912 / .862; with one-word closers ("Comments",
#: "Related") .855 / .897 / .837 but recall .921 / .932 / .893; without
#: the copyright kind ("Contact Us", "Privacy Policy") .849 / .888 / .819;
#: leaving the lines before the headline's copy uncut .852 / .892 / .820
#: (titles .401 / .246).
CLOSER_MIN_WORDS = 2
CLOSER_MAX_WORDS = 5
_WORD_SPAN = re.compile(r"\S+")
#: Longest line that is split (glued or flat): the longest line of a
#: ``gettext`` or ``flat`` dump of the dev pages has 114,000 characters. A
#: longer one (a 20 MB line) is left whole, so that it costs what it did.
SPLIT_MAX_CHARS = 200_000


def flat_line(lines: Sequence[str]) -> int | None:
    """The index of the line that holds nearly all of a flat text (None when
    the text is not flat; see the module's docstring).

    >>> flat_line(["Home News Sport The mayor said on Monday. Rents rose. " * 30])
    0
    >>> flat_line(["A headline", "The mayor said on Monday. Rents rose."] * 30) is None
    True
    """
    lengths = list(map(len, lines))
    if not lengths or max(lengths) < GLUED_LINE_CHARS:
        return None
    total = sum(lengths)
    return next(
        (
            i
            for i, size in enumerate(lengths)
            if GLUED_LINE_CHARS <= size <= SPLIT_MAX_CHARS and size >= FLAT_MIN_SHARE * total
        ),
        None,
    )


def flat_lines(lines: Sequence[str], glued: bool) -> frozenset[int]:
    """The lines of a flat text that are split into sentences: the line that
    holds nearly all of it (:func:`flat_line`) or, in a text that is not
    glued, the lines of ``GLUED_LINE_CHARS`` or more that together hold
    ``FLAT_MIN_SHARE`` of it, one of them a menu, or those of them that hold
    ``FLAT_MIN_MENUS`` menus when together they hold ``MENU_FLAT_MIN_SHARE``.
    ``get_text(" ", strip=True)`` keeps the line breaks inside a text node,
    so a page source that wraps its text writes a flat text as a few long
    lines and short pieces between them.

    >>> menu = "Home News Sport Weather Travel Contact "
    >>> flat_lines([menu + "Rents rose. " * 100, "Home News", "The mayor spoke. " * 100], glued=False)
    frozenset({0, 2})
    >>> flat_lines(["Rents rose. " * 100, "Home News", "The mayor spoke. " * 100], glued=False)
    frozenset()
    >>> menus = (menu + "Rents rose. " * 30) * 3
    >>> flat_lines([menus, *["A short paragraph of the page."] * 40, "The mayor spoke. " * 100], glued=False)
    frozenset({0})
    >>> flat_lines([menu + "Rents rose. " * 100, "Home News", "The mayor spoke. " * 100], glued=True)
    frozenset()
    """
    flat = flat_line(lines)
    if flat is not None:
        return frozenset({flat})
    if glued or max(map(len, lines), default=0) < GLUED_LINE_CHARS:
        return frozenset()
    total = sum(len(line) for line in lines)
    long = [i for i, line in enumerate(lines) if GLUED_LINE_CHARS <= len(line) <= SPLIT_MAX_CHARS]
    share = sum(len(lines[i]) for i in long) / total
    if share < MENU_FLAT_MIN_SHARE:
        return frozenset()
    menus = {i: _menus(lines[i]) for i in long}
    if share >= FLAT_MIN_SHARE and any(menus.values()):
        # a paragraph holds no menu: long paragraphs are not a page's text run together
        return frozenset(long)
    return frozenset(i for i in long if menus[i] >= FLAT_MIN_MENUS)


#: A word that ends in a comma or a semicolon: it ends a run of menu words
#: when menus are counted (:func:`_menus`), since a menu's items carry no
#: such marks and a list of names or places does ("Miami; Chicago; Atlanta;
#: Winston-Salem and Greensboro, North Carolina").
_LISTED_WORD = re.compile(r"\S+[,;]")


def _menus(line: str) -> int:
    """How many sentences of the line hold a run of ``MENU_RUN_WORDS`` menu
    words (see :func:`_menu_apart`), no word of it ending in a comma or a
    semicolon.

    >>> _menus("Home News Sport Weather Travel Rents rose. Miami; Chicago; Atlanta; Boston and Denver.")
    1
    """
    return sum(len(_menu_apart(_LISTED_WORD.sub("x", sentence))) > 1 for sentence in sentence_break().split(line))


def sentences(line: str) -> list[str]:
    """The sentences of a flat line, a run of ``MENU_RUN_WORDS`` capitalised
    words in one (a menu before a sentence) apart; what comes before the
    first sentence's end (a short menu, a headline) stays with that sentence.

    >>> sentences('Home News The mayor spoke. "Rents rose," she said. 12 people came… Share')
    ['Home News The mayor spoke.', '"Rents rose," she said.', '12 people came…', 'Share']
    >>> sentences("Rents rose. Home News Sport Weather Travel & Food Contact The mayor spoke.")
    ['Rents rose.', 'Home News Sport Weather Travel & Food Contact', 'The mayor spoke.']
    """
    return [part for sentence in sentence_break().split(line) for part in _menu_apart(sentence)]


def flat_sentences(line: str, glued: bool) -> list[str]:
    """The sentences of a flat line (split at its seams first when the text
    is ``glued``), with the page's title apart where it is repeated:
    ``get_text`` writes the ``<title>`` first, run into the menu, and the
    headline repeats it further on. The line's longest opening of
    ``TITLE_MIN_WORDS`` to ``TITLE_MAX_WORDS`` words found again later is a
    line of its own, and so is that later copy; both are taken out before
    the line is cut into sentences and menus, which would cut a title at its
    question mark or between its capitalised words and the menu after it.
    Furniture phrases inside a sentence are apart (:func:`_furniture_apart`).

    >>> flat_sentences("Rents rise again Home News Sport Rents rise again The mayor said so.", glued=False)
    ['Rents rise again', 'Home News Sport', 'Rents rise again', 'The mayor said so.']
    """
    lexicon = default_lexicon()
    seams = glued and SPLIT_MIN_CHARS <= len(line) <= SPLIT_MAX_CHARS and _GLUED_END.search(line) is not None
    out = []
    for piece, title in _title_apart(line):
        blocks = [piece] if title or not glued else _blocks(piece, seams)
        for text, whole in [bit for block in blocks for bit in _repeats_apart(block, title)]:
            if whole:
                out.append(text)
                continue
            out += [
                piece
                for sentence in sentences(text)
                for bit in _furniture_apart(sentence, lexicon)
                for piece in _bylines_apart(bit)
            ]
    return out


def _title_apart(line: str) -> list[tuple[str, bool]]:
    """The line cut around its longest opening found again later and around
    that copy, each piece with whether it is a title (see
    :func:`flat_sentences`)."""
    words = list(itertools.islice(_WORD_SPAN.finditer(line), TITLE_MAX_WORDS))
    folded = line.translate(_QUOTES)  # the same length: offsets in it are offsets in the line
    for k in range(len(words), TITLE_MIN_WORDS - 1, -1):
        start = words[0].start()
        opening = line[start : words[k - 1].end()].rstrip(_OPENING_END).rstrip()
        after = start + len(opening)
        at = _find_words(folded, folded[start:after], after)
        if at is not None:
            end = at + len(opening)
            pieces = [(opening, True), (line[after:at], False), (line[at:end], True), (line[end:], False)]
            return [(text.strip(), title) for text, title in pieces if text.strip()]
    return [(line, False)]


def _repeats_apart(text: str, whole: bool) -> list[tuple[str, bool]]:
    """The text cut around each phrase of ``REPEAT_MIN_WORDS`` to
    ``TITLE_MAX_WORDS`` words repeated after at most ``REPEAT_MAX_GAP``
    other words, each copy a piece that is kept whole (``True``); a
    ``whole`` text is one such piece already."""
    if whole:
        return [(text, True)]
    words = [(m.start(), m.end(), m.group()) for m in _WORD_SPAN.finditer(text)]
    n = len(words)
    seen: dict[str, list[int]] = {}
    for k, (_, _, word) in enumerate(words):
        seen.setdefault(word, []).append(k)
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < n:
        best = (0, 0)
        same = seen[words[i][2]]
        lo = bisect.bisect_left(same, i + REPEAT_MIN_WORDS)
        hi = bisect.bisect_right(same, i + TITLE_MAX_WORDS + REPEAT_MAX_GAP)
        for j in same[lo:hi]:
            size = 0
            while j + size < n and size < j - i and words[i + size][2] == words[j + size][2]:
                size += 1
            if (
                REPEAT_MIN_WORDS <= size <= TITLE_MAX_WORDS
                and j - i - size <= REPEAT_MAX_GAP
                and size > best[1]
                and not all(_menu_word(word) for _, _, word in words[i : i + size])
            ):
                best = (j, size)
        j, size = best
        if not size:
            i += 1
            continue
        cuts += [(i, i + size), (j, j + size)]
        i = j + size
    if not cuts:
        return [(text, False)]
    out = []
    at = 0
    for a, b in cuts:
        out += [(text[at : words[a][0]], False), (text[words[a][0] : words[b - 1][1]], True)]
        at = words[b - 1][1]
    out.append((text[at:], False))
    return [(piece.strip(), kept) for piece, kept in out if piece.strip()]


#: Punctuation an opening ends in that its copy need not ("Skiplagging in the
#: relocation process, Chris Pardo …" / "… the relocation process 1 1 5").
_OPENING_END = ",;:"
#: Quotes folded when a title's copy is looked for: a page's ``<title>`` and
#: its headline often differ only in them ("Who's" / "Who’s").
_QUOTES = str.maketrans("’‘“”", "''\"\"")


def _find_words(text: str, words: str, start: int = 0) -> int | None:
    """Where ``words`` occur in ``text`` from ``start`` on as whole words, or
    None: at a word's edge (:func:`_edge`) on both sides. (The caller folds
    the quotes of both, ``_QUOTES``.)

    >>> _find_words("Home » Bread RecipeBread Recipe Published", "Bread Recipe"), _find_words("Pie Pie", "Pie", 1)
    (7, 4)
    """
    at = text.find(words, start)
    while at >= 0:
        end = at + len(words)
        if _edge(text, at) and _edge(text, end):
            return at
        at = text.find(words, at + 1)
    return None


def _edge(text: str, at: int) -> bool:
    """Whether one word can end and the next start at ``text[at]``: at either
    end of the text, next to a character that is no letter or digit, or at a
    glued seam: a capital after a lower-case letter, a letter after a digit
    ("… RecipeBeginners Sourdough Bread Recipe Published", "Sci Fi Novels
    of 2025recommended by …").

    >>> [_edge("LOADING]Product", 8), _edge("RecipeBeginners", 6), _edge("2025recommended", 4), _edge("iPhone", 1)]
    [True, True, True, True]
    >>> [_edge("LeCUN", 3), _edge("Recipes", 6), _edge("MP3", 2)]
    [False, False, False]
    """
    if at == 0 or at == len(text):
        return True
    left, right = text[at - 1], text[at]
    return (
        not left.isalnum()
        or not right.isalnum()
        or (left.islower() and right.isupper())
        or (left.isdigit() and right.isalpha())
    )


def _menu_word(word: str) -> bool:
    """A word of a menu: its first letter a capital (in any script with
    case), or no letter at all ("&", "|", "–", "2025").

    >>> [_menu_word(w) for w in ("Home", "«Новости»", "&", "news", "новости", "東京")]
    [True, True, True, False, False, False]
    """
    first = _first_letter(word)
    return first is None or first.isupper()


def _first_letter(word: str) -> str | None:
    return next((ch for ch in word if ch.isalpha()), None)


def _menu_apart(sentence: str) -> list[str]:
    """The sentence cut before and after each run of ``MENU_RUN_WORDS`` or
    more menu words (:func:`_menu_word`; a title's small word between two
    of them, "Terms of Service", "Trends of 2025", goes with them); the
    run's last word starts what follows it (a sentence's first word is
    capitalised)."""
    words = [(m.start(), m.group()) for m in _WORD_SPAN.finditer(sentence)]
    if len(words) < MENU_RUN_WORDS:
        return [sentence]
    menu = [_menu_word(word) for _, word in words] + [False]
    for k in range(1, len(words) - 1):
        if menu[k - 1] and menu[k + 1] and words[k][1] in TITLE_SMALL_WORDS:
            menu[k] = True
    cuts = []
    run = 0
    for k, is_menu in enumerate(menu):
        if is_menu:
            run += 1
            continue
        if run >= MENU_RUN_WORDS:
            cuts.append(words[k - run][0])
            if k < len(words):
                cuts.append(words[k - 1][0])
        run = 0
    return _cut(sentence, cuts)


#: A line of at least ``MENU_LINE_MIN_WORDS`` words of which at least
#: ``MENU_LINE_SHARE`` are menu words (:func:`_menu_word`), with at most
#: ``MENU_LINE_MAX_COMMAS`` commas and at most ``MENU_LINE_MAX_DIGIT_SHARE``
#: of its words holding a digit, is a menu run together on one line
#: ("Video What's News Podcast Politics Blogs Campaign Wire More Politics
#: Video …"): ``get_text`` and flat dumps write a whole menu as one line,
#: which the line model, trained on converters that write an item a line,
#: reads as a long line of content (.8–.9). Commas and digits mark the long
#: capitalised lines that are content: a list of names or companies, a
#: results table. Calibrated on the text track at c705ba7 (shingle F1
#: scrapinghub-aeb / wcxb-dev articles, snippet F1 trafilatura-eval):
#: ``stripped`` .8282 / .8813 / .7942 → .8415 / .8841 / .7961, ``flat``
#: .8551 / .8948 / .8224 → .8616 / .8971 / .8234, inscriptis .9317 /
#: .9323 / .8908 → .9328 / .9321 / .8910; every other converter within
#: .0003 on wcxb-dev and trafilatura-eval, up to .0036 on scrapinghub-aeb.
#: Variants (``stripped``, then inscriptis): 8 words .8418 / .8830 / .7977
#: and .9328 / .9310 / .8907; 10 .8419 / .8834 / .7965 and .9326 / .9316 /
#: .8909; 16 .8404 / .8844 / .7963 and .9325 / .9323 / .8908; share 0.8
#: .8427 / .8855 / .7969 and .9325 / .9320 / .8910; share 1.0 .8336 / .8819
#: / .7964; no comma .8405 / .8835 / .7956; 3 commas .8426 / .8849 / .7966;
#: digit share 0.1 .8401 / .8842 / .7961, 0.4 .8419 / .8838 / .7954; also
#: requiring a stopword ratio under 0.3 .8384 / .8839 (scrapinghub-aeb,
#: wcxb-dev), under 0.15 .8330 / .8818.
MENU_LINE_MIN_WORDS = 12
MENU_LINE_SHARE = 0.9
MENU_LINE_MAX_COMMAS = 1
MENU_LINE_MAX_DIGIT_SHARE = 0.2


def is_menu_line(text: str) -> bool:
    """Whether a line is a menu run together (see :data:`MENU_LINE_SHARE`).

    >>> is_menu_line("Home News Sport Weather Travel Food & Drink Culture Video Podcasts Newsletters Sign In")
    True
    >>> is_menu_line("Astrobotic, Deep Space Systems, Draper, Firefly Aerospace, Intuitive Machines, Lockheed Martin")
    False
    >>> is_menu_line("Home News Sport Weather Travel Food Contact")
    False
    """
    words = text.split()
    if len(words) < MENU_LINE_MIN_WORDS or text.count(",") > MENU_LINE_MAX_COMMAS:
        return False
    if text.isascii():  # the same counts, each in one scan (on ASCII a digit is 0-9, a letter A-Z or a-z)
        digit_words = len(_ASCII_DIGIT_WORD.findall(text))
        menu_words = len(words) - len(_ASCII_LOWER_WORD.findall(text))
    else:
        digit_words = sum(any(ch.isdigit() for ch in word) for word in words)
        menu_words = -1
    if digit_words > MENU_LINE_MAX_DIGIT_SHARE * len(words):
        return False
    if menu_words < 0:
        menu_words = sum(map(_menu_word, words))
    return menu_words >= MENU_LINE_SHARE * len(words)


# A word (a run of non-spaces, as ``str.split`` reads them) of ASCII text holding a
# digit, and one whose first letter is lower-case (not a menu word).
_ASCII_DIGIT_WORD = re.compile(r"(?<!\S)\S*[0-9]")
_ASCII_LOWER_WORD = re.compile(r"(?<!\S)[^\sA-Za-z]*[a-z]")


def _capitalised(word: str) -> bool:
    """A word whose first letter is a capital (in any script with case)."""
    first = _first_letter(word)
    return first is not None and first.isupper()


def _furniture_apart(sentence: str, lexicon: Lexicon) -> list[str]:
    """The sentence cut before and after each furniture phrase in it: from
    ``CLOSER_MIN_WORDS`` to ``CLOSER_MAX_WORDS`` words, the first
    capitalised, that a rule of the lexicon matches as a whole line, followed
    by a menu word or the sentence's end; the longest such phrase from a word
    wins, if it is :func:`_fixed_front`. Anywhere in the sentence the
    phrase is a closer heading (a rule of a closer kind: "Related Posts",
    "Leave a Reply"); where the sentence starts, or right after a phrase cut
    out, a rule of any kind opens it ("Skip navigation", "Share this",
    "Newsletter abonnieren", "Photo Credit: …") and is cut off too, as often
    as it recurs: a flat line runs a page's buttons and labels into the
    sentence after them. Thirty-fourth session, the opening phrases on the
    ``flat`` dumps (in-process, shingle F1 scrapinghub-aeb / wcxb-dev
    articles (titles) / snippet F1 trafilatura-eval (titles)): .8859 / .9048
    (526) / .8317 (514) → .8868 / .9063 (528) / .8354 (519). A first
    version with one-word phrases ("Newsletter", "Share") and no front
    test: .8872 / .9060 (523) / .8424 (514), but "Top", "About",
    "Facebook", "Save" open titles and sentences.

    >>> _furniture_apart("It rained. Related Posts How to cook Leave a Reply Cancel", default_lexicon())
    ['It rained.', 'Related Posts', 'How to cook', 'Leave a Reply', 'Cancel']
    >>> _furniture_apart("Skip navigation Share this Prices rose again.", default_lexicon())
    ['Skip navigation', 'Share this', 'Prices rose again.']
    """
    words = list(_WORD_SPAN.finditer(sentence))
    cuts = []
    i = 0
    opening = True  # at the sentence's start or right after a cut
    while i < len(words):
        found = 0
        if _capitalised(words[i].group()):
            for k in range(min(CLOSER_MAX_WORDS, len(words) - i), CLOSER_MIN_WORDS - 1, -1):
                if i + k < len(words) and not _menu_word(words[i + k].group()):
                    continue
                phrase = sentence[words[i].start() : words[i + k - 1].end()]
                rule = lexicon.line_rule(phrase)
                if rule is not None and (opening or is_closing_rule(rule)) and _fixed_front(phrase, lexicon):
                    found = k
                    break
        if found:
            cuts += [words[i].start(), words[i + found - 1].end()]
        opening = found > 0
        i += max(found, 1)
    return _cut(sentence, cuts)


#: A word no rule names: it stands in for a phrase's first word in
#: :func:`_fixed_front`.
_STAND_IN = "Qxzv"


def _fixed_front(phrase: str, lexicon: Lexicon) -> bool:
    """Whether a phrase a whole-line rule matches still needs its first word:
    not so for a rule open at its front, a comment's header ("<name> says",
    "<name> wrote"), which also matches a sentence's subject and verb ("CEO
    says …", "Martin wrote …"). Such rules are of a closer kind (of the
    lexicon's examples, only a status message of nine words is not): as
    closers they were cut anywhere before the thirty-fourth session; left
    whole, the ``flat`` dumps score .8869 / .9061 (528) / .8355 (518) →
    .8868 / .9063 (528) / .8354 (519) (see :func:`_furniture_apart`). Left
    out as well, a rule open anywhere (a stand-in for each word: "Photo
    Credit: …", "Source: …"): .8867 / .9058 (528) / .8342 (515).

    >>> _fixed_front("Skip navigation", default_lexicon()), _fixed_front("CEO says", default_lexicon())
    (True, False)
    """
    words = phrase.split()
    return lexicon.line_rule(" ".join([_STAND_IN, *words[1:]])) is None


def _bylines_apart(sentence: str) -> list[str]:
    """The sentence cut before and after each byline inside it: a capitalised
    lead (``data/bylines.json``: "By", "Written by", "Von") after a menu word
    (:func:`_menu_word`), with the name the byline parser reads after it; not
    after a full stop the sentence break left (an initial: "… the U.S. By
    Max Martin"), where "By" opens a sentence as often. A flat line runs the
    byline into the headline or the section name before it and the date or
    the article after it; as a line of its own it is read as one. Thirty-third
    session, on the
    ``stripped`` dumps (``bench.run``'s per-page scorer, shingle F1
    scrapinghub-aeb / wcxb-dev articles (titles) / snippet F1
    trafilatura-eval (titles)): .8690 / .9021 (471) / .8179 (471) → .8748 /
    .9023 (472) / .8180 (472). Any lead, lower-case ones too ("… in 2025 by
    Taya Iv"): .8743 / .9010 (469) / .8146 (470), prose split at "by".

    >>> _bylines_apart("Guides By Ramon Berenguer Dec 11, 2025 Share")
    ['Guides', 'By Ramon Berenguer', 'Dec 11, 2025 Share']
    >>> _bylines_apart("Sales rose in the U.S. By Max Martin")
    ['Sales rose in the U.S. By Max Martin']
    """
    bylines = packaged_bylines()
    lead = bylines.leads().lead
    cuts: list[int] = []
    done = 0
    for candidate in _lead_starts().finditer(sentence):
        start = last = candidate.start()
        while last > 0 and sentence[last - 1].isspace():
            last -= 1
        if start < done or last == 0:
            continue
        first = last
        while first > 0 and not sentence[first - 1].isspace():
            first -= 1
        before = sentence[first:last]  # the word before
        found = lead.match(sentence, start)
        if (
            found is not None
            and sentence[start].isupper()
            and _menu_word(before)
            and not before.endswith((".", "!", "?"))
            and (name := bylines.name(sentence[start:])) is not None
            and (at := sentence.find(name, found.end())) >= 0
        ):
            done = at + len(name)
            cuts += [start, done]
    return _cut(sentence, cuts)


@functools.cache
def _lead_starts() -> re.Pattern[str]:
    """Every word start where a byline's lead opens (:func:`_bylines_apart`):
    one scan of the sentence, not a match tried at each word."""
    lead = packaged_bylines().leads().lead
    return re.compile(rf"(?<!\S)(?=(?:{lead.pattern}))", lead.flags)


def _cut(text: str, cuts: Sequence[int]) -> list[str]:
    """The non-blank parts of ``text`` between the offsets ``cuts``, stripped."""
    bounds = [0, *cuts, len(text)]
    return [part for a, b in itertools.pairwise(bounds) if (part := text[a:b].strip())]


def is_glued(lines: Sequence[str]) -> bool:
    """A text whose blocks were run together (see the module's docstring).

    >>> is_glued(["Home" + "News" * 300 + "Sport said on Monday.The mayor said again.Rents rose "])
    True
    >>> is_glued(["The mayor said on Monday. Rents rose. " * 40])
    False
    """
    lengths = list(map(len, lines))
    if not lengths or max(lengths) < GLUED_LINE_CHARS:
        return False
    total = sum(lengths)
    return any(
        GLUED_LINE_CHARS <= len(line) <= SPLIT_MAX_CHARS
        and (
            _count(_GLUED_END, line) >= GLUED_MIN_ENDS
            or (len(line) >= SPACED_MIN_SHARE * total and _count(_SPACES, line) >= SPACED_MIN_RUNS)
        )
        for line in lines
    )


def _count(pattern: re.Pattern[str], line: str) -> int:
    return sum(1 for _ in pattern.finditer(line))


def unglue(line: str) -> list[str]:
    """The blocks of one line of a glued text: split at runs of spaces, and
    at seams when it holds a glued sentence end (the line itself when it is
    short).

    >>> line = "HomeNewsWeather" + " Rents rose again, the council said." * 8 + "It met.Related Stories"
    >>> [part[:30] for part in unglue(line)]
    ['Home', 'News', 'Weather Rents rose again, the ', 'It met.', 'Related Stories']
    >>> [part[:24] for part in unglue("Our Work Contact     " + "A Complete Guide to Styles. " * 12)]
    ['Our Work Contact', 'A Complete Guide to Styl']
    """
    if not SPLIT_MIN_CHARS <= len(line) <= SPLIT_MAX_CHARS:
        return [line]
    return _blocks(line, _GLUED_END.search(line) is not None)


def _blocks(text: str, seams: bool) -> list[str]:
    """``text`` split at runs of spaces, and at seams too when ``seams``."""
    parts = _SPACES.split(text)
    return [block for part in parts for block in _seam_split(part, camel_words())] if seams else parts


class CamelWordError(ValueError):
    """The packaged camel-case words (``data/camel_words.json``) are not valid."""


@functools.cache
def camel_words() -> re.Pattern[str]:
    """The words a seam does not cut (``data/camel_words.json``: "YouTube",
    "iPhone", "McDonald"), as one pattern, loaded and checked once."""
    return parse_camel_words(load_data("camel_words.json"))


def parse_camel_words(data: Any) -> re.Pattern[str]:
    """The ``words`` of ``data`` as one pattern, after checking that each is a
    word of letters that holds a seam, and that every example is cut as it says."""
    require_string_lists(data, ["words"], "data/camel_words.json", CamelWordError)
    for word in data["words"]:
        if not word.isalpha() or not _SEAM.search(word):
            raise CamelWordError(f"data/camel_words.json: {word!r} is no word of letters with a seam inside")
    examples = require_split_examples(data, "data/camel_words.json", CamelWordError, "block")
    pattern = re.compile(alternation(data["words"]))
    for text, blocks in examples:
        if [block.strip() for block in _seam_split(text, pattern)] != blocks:
            raise CamelWordError(f"data/camel_words.json: example {text!r} is not cut into {blocks!r}")
    return pattern


class AbbreviationError(ValueError):
    """The packaged abbreviations (``data/abbreviations.json``) are not valid."""


@functools.cache
def sentence_break() -> re.Pattern[str]:
    """Where a flat line is cut into sentences (``_SENTENCE_BREAK``), after no
    abbreviation of ``data/abbreviations.json``; loaded and checked once."""
    return parse_abbreviations(load_data("abbreviations.json"))


def parse_abbreviations(data: Any) -> re.Pattern[str]:
    """The sentence break that skips the abbreviations of every language of
    ``data``, after checking that each is a word of letters (its full stop
    left out) and that every example is cut into the sentences it says."""
    source = "data/abbreviations.json"
    words = data.get("words") if isinstance(data, dict) else None
    if not isinstance(words, dict) or not words:
        raise AbbreviationError(f"{source}: 'words' must map language codes to lists of abbreviations")
    require_string_lists(words, list(words), source, AbbreviationError)
    for word in (word for listed in words.values() for word in listed):
        if not word.isalpha():
            raise AbbreviationError(f"{source}: {word!r} is no word of letters (write it without its full stop)")
    unique = sorted({word for listed in words.values() for word in listed})
    pattern = re.compile(_SENTENCE_BREAK.format(abbreviations="".join(rf"(?<!\b{word}\.)" for word in unique)))
    for text, parts in require_split_examples(data, source, AbbreviationError, "sentence"):
        if pattern.split(text) != parts:
            raise AbbreviationError(f"{source}: example {text!r} is not cut into {parts!r}")
    return pattern


def _seam_split(text: str, camel: re.Pattern[str]) -> list[str]:
    """``text`` cut at its seams (``_SEAM``) but inside a word of ``camel``.

    >>> _seam_split("HomeNewsWatch on YouTube", camel_words())
    ['Home', 'News', 'Watch on YouTube']
    """
    inside = [(found.start(), found.end()) for found in camel.finditer(text)]
    cuts = [
        at
        for at in (seam.start() for seam in _SEAM.finditer(text))
        if not any(start < at < end for start, end in inside)
    ]
    return [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
