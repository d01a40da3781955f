"""Labelling the lines of one document.

1. Features (:mod:`cleaner.features`) and each line's probability of being
   article content from the learned line model (:mod:`cleaner.model`), which
   sees the line and its neighbourhood.
2. Context: a two-state Viterbi pass (:mod:`cleaner.decoding`) settles each
   line from its neighbours; captions, share bars and advertisement slots
   are transparent to it. When it finds no content line at all (a score
   table, a listing, a page the model finds unlike every article) or little
   prose (``RELATIVE_MAX_PROSE_WORDS``), the decoding is done again with
   each probability taken relative to the page's highest.
3. Structure: the article runs from its first content line to its last.
   A closer (tags, related stories, a source credit, the start of a comment
   thread, a feed of dated teasers) ends it. The headline is chosen around the first prose line by
   the headline model (:mod:`cleaner.headline`); content lines above it are
   furniture. The standfirst is the sentence right after the headline when a
   caption, byline or furniture line separates it from the body; the short
   lines after a content line ending in ":" are a list, those after a
   related-stories header up to the next sentence are its links; other short
   unterminated content lines inside the article are subheadings; after the
   article everything is furniture. Furniture rules, captions and bylines
   label their lines whatever the model says.
4. Fields: headline, standfirst, byline (the name, without "By") and the
   dateline place of the first body paragraph (the paragraph itself is kept
   whole in the body).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .bylines import BARE_NAME_MAX_WORDS, byline_name, packaged_bylines
from .copies import copied_lines
from .dates import is_dated_line, is_update_line, iso_date, opens_dated_line
from .decoding import viterbi
from .document import BODY_LABELS, Label, Line
from .features import LineFeatures, first_word, line_features, without_bullet
from .headline import (
    Candidate,
    TitleModel,
    candidate_rows,
    candidates,
    cased_title,
    compare_candidates,
    dated_headline,
    opening_repeated,
    tidy_title,
    title_line_echoes,
    topic_words,
    url_rows,
    url_words,
    window_reach,
    with_parts,
    without_trail,
)
from .lexicon import Lexicon
from .model import LineModel, featurize
from .repeated import TITLE_MIN_DOCS, label_furniture
from .scoring import CLOSER_TAIL_SHARE, PROSE_MIN_STOP_RATIO, TRANSPARENT_KINDS, is_closer, is_prose
from .ungluing import is_menu_line

#: Furniture rules that head a list of related stories ("Related", "Trending
#: News"): inside the article, the lines from such a header to the next prose
#: line are its list. Measured before wiring it in on the line labels of the
#: inscriptis dumps (words of content / furniture the cleaner kept in those
#: runs): scrapinghub-aeb 12 / 224, wcxb-dev articles 447 / 647 (240 of the
#: content words on one page where "Read More" is a button), trafilatura-eval
#: 0 / 57.
RELATED_HEADERS = frozenset({"related-header", "related-header-more"})

#: A standfirst is one or two sentences, not a paragraph of body: a longer
#: line after the headline is the article's first paragraph. Calibrated on
#: the standfirsts of the inscriptis dumps (text-track scores; trafilatura-eval
#: wants them in the body, scrapinghub-aeb mostly not): at 60 words
#: scrapinghub-aeb shF1 .9317, wcxb-dev articles .9323, trafilatura-eval
#: snippet F1 .8908; at 45 .9315 / .9324 / .8914, at 35 .9315 / .9325 /
#: .8920, at 30 .9315 / .9324 / .8927, at 25 .9305 / .9324 / .8938 (too
#: much standfirst for scrapinghub), at 20 .9300 / .9324 / .8957.
STANDFIRST_MAX_WORDS = 30
#: Longest in-body subheading, in words.
HEADING_MAX_WORDS = 15
#: Longest subheading that ends with a colon, in words: past it the line is
#: a sentence introducing what follows. Of the 387 colon-ended subheadings
#: of 5 or more words in 400 wcxb-dev inscriptis dumps (the 701st to the
#: 1,100th of the cached file), a random 40 were all such sentences ("Here
#: is what my son says:", "The FROM clause can contain the following
#: elements:") or lines of code; of 1-3 words they are labels ("Pros:",
#: "Our criteria:", "What You'll Learn:"), of 4 both ("Jump to a section:",
#: "Tax penalties may include:").
COLON_HEADING_MAX_WORDS = 4
#: Longest byline line, in words: the name itself is at most ``bylines.NAME_MAX_TOKENS``
#: tokens, the rest of the line parts after separators ("By Scott Levine – Updated Sep 9,
#: 2025 at 1:00 PM EST | Fact-checked by Frank Bass" has 17). ``python -m bench.fields``
#: byline accuracy wcxb-dev / trafilatura-eval .566 / .448 at 16, .576 / .452 at 24, .576 /
#: .454 at 32; bodies the same to 4 decimals on the three sets at 24 and 32.
BYLINE_MAX_WORDS = 24
#: A lead alone ("By", "Written by:", "Ein Beitrag von") has at most this many words: a
#: role of one or two words (``roles`` in ``data/bylines.json``) and the lead.
LEAD_ALONE_MAX_WORDS = 3
#: The article's header, where the byline field is looked for first, starts this many lines
#: above the headline (a lead byline or a lone "By" there; a name alone only under the
#: headline). Not swept: set from the wcxb-dev pages read for the byline benchmark
#: (``python -m bench.fields --examples 40``).
BYLINE_ABOVE_TITLE = 3
#: A name alone in the header is the byline when a line at most this many lines away (or
#: its own line) holds a date: "Taya Iv" / "16 min read" / "Last updated: August 19, 2025"
#: needs 2. Not swept; with it (5ede4f6) ``python -m bench.fields`` went from byline
#: accuracy .248 to .534 on wcxb-dev articles at precision .818 -> .857.
BYLINE_DATE_NEAR = 2
#: An author box's name alone has a line about its person at most this many lines under it
#: ("Jeff Hoyt" / "Who is Jeff Hoyt?" / "As Editor-in-Chief … Jeff produced …").
AUTHOR_BIO_NEAR = 2
#: A bio is a sentence of at least this many words: "* Du Style - Pour Lui", a menu under "* Du
#: Nouveau", holds a pronoun too.
AUTHOR_BIO_MIN_WORDS = 8
#: A byline repeated at most this many lines under itself (one line between) is one byline a
#: layout shows twice, not a list of teasers by one author. Not swept: one wcxb-dev page gained
#: a right byline at 2, and at 4 (``BYLINE_LIST_NEAR``) teasers by one author gave two wrong ones.
BYLINE_REPEAT_NEAR = 2
#: A line that only says the date under it is the page's ("Published on", "Last updated:") has
#: at most this many words. Not swept: set from the wcxb-dev pages read for the date field.
DATED_LABEL_MAX_WORDS = 3
#: Outside the header, a byline line with another one at most this many lines away is one
#: of a list (teasers, a menu's facets, comments) and not the article's.
BYLINE_LIST_NEAR = 4
#: The header ends this many lines after the article's first paragraph ("Bettina Kugler
#: 19.10.2019, 05:00 Uhr" under an opening paragraph). Not swept on its own: with the
#: changes of 81b3fd5, wcxb-dev .534 -> .566 and trafilatura-eval .407 -> .448.
BYLINE_AFTER_START = 2
#: Comment markers ("12 Comments", "joetoronto says:", "Reply") from a line
#: on that make it the start of a comment thread, which ends the article.
#: Calibrated with ``python -m bench.run --datasets
#: scrapinghub-aeb,wcxb-dev-article --converters inscriptis``: at 2, shF1
#: 0.887 → 0.892 and 0.918 → 0.920; at 3 and 5 no gain over the tail share.
COMMENT_THREAD_MIN_MARKERS = 2
#: Longest list (in lines) restored after a content line ending in ":".
#: Calibrated on the wcxb-dev inscriptis dumps: such runs of lines the model
#: dropped hold 2,133 ground-truth content words and 416 furniture words up
#: to 15 lines, 3,256 and 1,331 up to 40; scrapinghub-aeb has none.
LIST_RUN_MAX_LINES = 15
#: A feed of dated teasers ("Headline / Author / Tuesday November 19, 2019 /
#: one paragraph", again and again) after the article closes it like a
#: "Related stories" heading would: at least ``FEED_MIN_DATES`` date lines
#: of at most ``FEED_DATE_MAX_WORDS`` words at a constant spacing of at most
#: ``FEED_MAX_PERIOD`` lines, each unit between two of them holding exactly
#: one prose line (the teaser) and one other line of at least
#: ``FEED_HEADLINE_MIN_WORDS`` words (its headline). Measured on the cached
#: line labels (``python -m bench.errors`` data) before wiring it in: the
#: kept lines it cuts are 891 furniture / 0 content words on scrapinghub-aeb
#: and 2,363 / 546 on the wcxb-dev articles (inscriptis); without the
#: one-teaser-per-unit condition wcxb loses 4,652 content words (event
#: listings, price tables), with a spacing up to 8 nothing more is found.
FEED_MIN_DATES = 3
FEED_MAX_PERIOD = 6
FEED_DATE_MAX_WORDS = 12
FEED_HEADLINE_MIN_WORDS = 3
#: A feed closes the article when the prose from it on is at most this
#: share of the prose before it: teasers can outweigh a short article, so
#: the closers' tail share is too strict for them. Calibrated with
#: ``python -m bench.run --datasets scrapinghub-aeb,wcxb-dev-article
#: --converters inscriptis,plain,html2text --systems cleaner``: scrapinghub
#: shF1 .894 → .898 at 2, .899 at 4 and without a limit (inscriptis; plain
#: .890 → .895, html2text .883 → .888); wcxb-dev articles .920 (plain .917 →
#: .918) at 4, where no limit costs .001 of recall.
FEED_TAIL_SHARE = 4.0

#: A run of at least this many date lines inside the article is a list (tour
#: dates, a schedule, a changelog), not timestamps: its lines stay body.
#: Measured on the cached line labels of the inscriptis dumps before wiring
#: it in (words of content / furniture among the date lines the article
#: drops): runs of 3 or more hold 193 / 0 on scrapinghub-aeb and 684 / 0 on
#: wcxb-dev articles, runs of 2 hold 0 / 4 and 0 / 32.
DATE_LIST_MIN_LINES = 3
#: Such a list may also end the article: it then starts within this many
#: lines of the last paragraph (one for a heading: "The Doobie Brothers Tour
#: Dates"). Measured on the line labels of the inscriptis dumps (content /
#: furniture words in those runs and the lines before them): scrapinghub-aeb
#: 370 / 0, trafilatura-eval 23 / 0, wcxb-dev articles none; within five
#: lines trafilatura-eval gains 3 furniture words and nothing else.
DATE_LIST_GAP = 2

#: A page where the decoder finds no content line is decoded again with each
#: probability relative to the page's highest, when that highest is at least
#: this: a page of menus and buttons alone (best line about 0.01) stays
#: without a body. On the dev pages (``python -m bench.run --datasets
#: scrapinghub-aeb,wcxb-dev-article,trafilatura-eval --converters
#: inscriptis,plain --systems cleaner``) the 25 pages decoded again had a
#: highest probability of 0.11 to 0.59 (score tables, listings, a blog post
#: of code and short lines): shF1 .915 → .918 / .910 → .913 on scrapinghub,
#: snippet F1 .865 → .867 / .858 → .861 on trafilatura-eval.
RELATIVE_MIN_PROBABILITY = 0.1
#: The page is also decoded again that way when the article the decoder
#: finds holds at most this many words of prose: a short run on a page the
#: model is unsure of throughout (a news page whose paragraphs all read 0.2
#: to 0.4, where one copyright line reads 0.77; a teaser the article
#: continues below). The headline is still looked for before the article the
#: first decoding found (``Analysis.anchor``): taken relative, a cookie
#: notice or a search box above it may read as content. Calibrated with the
#: text-track snippet F1 of the trafilatura-eval inscriptis dumps: .8860
#: (only pages without content) → .8864 at 20 words, .8868 at 80, .8890 at
#: 200, .8895 at 300, .8885 at 450 and 700; at 300 scrapinghub-aeb shF1
#: .9307 / .9285 / .9224 → .9318 / .9288 / .9226 and wcxb-dev articles
#: .9321 / .9314 / .9303 → .9324 / .9322 / .9305 (inscriptis / plain /
#: html2text). Without the anchor the headlines lose .0025 on wcxb-dev and
#: .002 to .005 on trafilatura-eval.
RELATIVE_MAX_PROSE_WORDS = 300
#: Taken relative, each probability is divided by the mean of the page's
#: ``RELATIVE_REFERENCE_LINES`` highest (capped at 1), not by the highest
#: alone: one line far above the rest (a legal notice, an author box, a
#: teaser) set the scale by itself and left an article whose paragraphs all
#: read 0.3 to 0.4 below half of it. Text-track scores (same per-page scorer
#: as ``bench.run``), the highest alone → the mean of the two highest, on top
#: of the language sample of ``cleaner.language.SAMPLE_MIN_LINES``
#: (inscriptis / plain / html2text): trafilatura-eval snippet F1 .8989 /
#: .8940 / .8873 → .9012 / .8949 / .8873, scrapinghub-aeb shF1 .9321 /
#: .9291 / .9206 → .9325 / .9289 / .9206, wcxb-dev articles .9328 / .9324 /
#: .9305 → .9327 / .9323 / .9305 (titles unchanged). The second-highest alone
#: gained as much on trafilatura-eval and cost scrapinghub-aeb and the
#: wcxb-dev articles .0005 each (inscriptis): a one-paragraph article far
#: above its page took the furniture in with it. The mean of the three
#: highest scored much the same (trafilatura-eval .9011 / .8964 / .8878,
#: scrapinghub-aeb .9325 / .9294 / .9204) but pulls the scale of a short
#: page down to its furniture: a sure paragraph (0.9) took the score line
#: next to it (0.2) in.
RELATIVE_REFERENCE_LINES = 2
#: A prose line between the headline and the article's first content line
#: (a lead paragraph the decoder left out: pages open their article with it
#: before the decoder is sure) is body when the line model gives it at
#: least this. Measured before wiring it in on the cached line labels of the
#: inscriptis dumps (prose lines in that span, words of content / furniture):
#: at 0.3 and above trafilatura-eval 1,498 / 75, wcxb-dev articles 1,959 /
#: 1,099, scrapinghub-aeb 267 / 218; below 0.3 486 / 108, 298 / 441, 21 / 148.
LEAD_MIN_PROBABILITY = 0.3
#: The first line under the headline (past the lines a rule labels: share
#: bars, captions, furniture) is a lead, when it is prose, from this
#: probability on: pages open with it before the decoder is sure. Measured
#: before wiring it in on the cached line labels of the inscriptis dumps
#: (prose lines at 0.1 to 0.3 under the headline with only rule, caption or
#: byline lines between, words of content / furniture):
#: trafilatura-eval 96 / 0 (97 unlabelled), wcxb-dev 0 / 45, scrapinghub-aeb
#: none. Text-track scores (inscriptis): trafilatura-eval snippet F1 .8958 →
#: .8961 at 0.2 and at 0.1, scrapinghub-aeb and wcxb-dev articles unchanged.
LEAD_FIRST_MIN_PROBABILITY = 0.2
#: That first line is also a lead when it is a summary written without a
#: full stop (a dek: "Penalties for those who refuse to self-isolate are to
#: be increased to a maximum of £10,000 for repeat offenders"):
#: no terminal mark, no date, prose's share of stopwords and at least this
#: many words. Text-track scores (inscriptis / plain / html2text, with the
#: probability bar of ``LEAD_FIRST_MIN_PROBABILITY``): trafilatura-eval
#: snippet F1 .8963 / .8916 / .8830 → .8978 / .8932 / .8845, scrapinghub-aeb
#: shF1 .9326 / .9294 / .9203 → .9321 / .9290 / .9200, wcxb-dev articles
#: within .0001. On the inscriptis trafilatura-eval dumps .8978 from 8 to 12
#: words, .8976 at 15; a bar of 0.3 gives .8970, 0.1 or none .8978. Letting
#: a date in gains trafilatura-eval .0002 and costs scrapinghub .0006.
#: Such a line also carries on the tail run (``TAIL_MIN_PROBABILITY``):
#: trafilatura-eval .8978 / .8932 / .8845 → .8981 / .8938 / .8848,
#: scrapinghub-aeb .9321 / .9290 / .9200 → .9321 / .9291 / .9201, wcxb-dev
#: articles .9323 / .9322 / .9303 → .9324 / .9324 / .9305; at a tail bar of
#: 0.4 trafilatura-eval (inscriptis) gains nothing. Between the headline and
#: the article (``LEAD_MIN_PROBABILITY``) it gains nothing either.
DEK_MIN_WORDS = 12
#: The same at the other end: the run of prose lines right after the
#: article's last content line (a closing paragraph the decoder cut) is body
#: while each has at least this probability. Measured the same way (words of
#: content / furniture in such runs): at 0.3 trafilatura-eval 820 / 158,
#: wcxb-dev articles 2,669 / 1,869, scrapinghub-aeb 301 / 180 (plain dumps:
#: 3,106 / 1,815 and 893 / 315); at 0.2 the furniture grows faster than the
#: content, at 0.4 both shrink by a fifth.
TAIL_MIN_PROBABILITY = 0.3
#: A box of related links (a related-stories header, at most
#: ``LIST_RUN_MAX_LINES`` lines of links) may sit between the article's
#: last paragraphs: that header closes the article when little prose
#: follows it. The tail run then goes on after the box when its first prose
#: line has at least this probability. Measured before wiring it in on the
#: line labels of the inscriptis dumps (words of content / furniture in the
#: prose runs after such a box): at 0.5 scrapinghub-aeb 114 / 10, wcxb-dev
#: articles 896 / 272, trafilatura-eval 131 / 142 (snippet labels are
#: sparse); at 0.4 the furniture grows by half (51 / 456 / 157), at 0.6
#: less than half the content is left (0 / 491 / 0).
RESUME_MIN_PROBABILITY = 0.5

#: The headline may sit a few lines into the article (``LOOKAHEAD`` in
#: :mod:`cleaner.headline`): the content lines above it are then furniture
#: (an affiliate disclosure, a tagline, a browser notice), except the
#: paragraphs among them, of at least this many words (an opening paragraph,
#: a teaser the page repeats under the headline). Measured on the cached
#: line labels of the inscriptis dumps before wiring it in (words of such
#: lines, content / furniture): at 20 words and above wcxb-dev articles 180
#: / 95, trafilatura-eval 358 / 0 (and 240 unlabelled), scrapinghub-aeb none;
#: under 20, 0 / 47, 2 / 11 and 0 / 26. Snippet F1 on trafilatura-eval
#: .8820 / .8798 / .8688 → .8832 / .8801 / .8699 (inscriptis / plain /
#: html2text), wcxb-dev shF1 up by .0001, scrapinghub unchanged; at 12 words
#: scrapinghub's html2text dumps lose .0004.
ABOVE_TITLE_MIN_WORDS = 20
#: A text opens with the article when its first this many lines are content
#: prose that no rule labels, the first of ``ABOVE_TITLE_MIN_WORDS`` words or
#: more, as a main-content extractor's text does (trafilatura's, jusText's):
#: a headline-shaped line under those paragraphs is the article's own (a
#: subheading, a question), not its headline, and nothing above it is
#: furniture. Full-page dumps rarely open so (6 of the 793 wcxb-dev articles'
#: inscriptis dumps open with a 20-word prose line: cookie and promotion
#: banners the line model scores as furniture), trafilatura's texts often
#: (330). ``python -m bench.run --converters
#: inscriptis,plain,html2text,trafilatura,resimain,justextmain --systems
#: cleaner --jobs 2 --digits 4``: the training converters' cells unchanged;
#: trafilatura's texts scrapinghub .9596 → .9597, wcxb-dev .9292 → .9299,
#: trafilatura-eval .9102 → .9106; jusText's +.0002 / +.0002 / +.0006;
#: Resiliparse's main content unchanged. The headlines no longer chosen on
#: trafilatura's wcxb-dev texts: 74 wrong ("What Is an Online Class?" over
#: "Everything You Need to Know About Online Classes") and 5 right (titles
#: .3014 → .2963). At one paragraph, Resiliparse's wcxb-dev titles fell .7100
#: → .7011: a disclosure or an image's alt text opens its text, the headline
#: under it. Such a text is then cleaned as ``Options(extracted=True)``
#: cleans one (``Fields.extracted``, the pipeline): trafilatura's texts .9597
#: / .9299 / .9106 → .9616 / .9311 / .9138, jusText's .8501 / .8502 / .8429
#: → .8494 / .8504 / .8443, Resiliparse's main content .9398 / .8902 / .8981
#: → .9397 / .8904 / .8978; the training converters' cells unchanged.
OPENING_PARAGRAPHS = 2
#: A mega-menu of described links or a promotion above the article reads as
#: content, so the article's first content line may be far above its
#: headline. The headline is also looked for before the first prose line of
#: the run of content lines with the most prose words, runs split where two
#: content lines are more than this many lines apart (1: any line the
#: decoder left out splits them). Share of pages whose title is a candidate
#: line (inscriptis, in-sample line model): wcxb-dev articles .8725 → .8939 /
#: .8952 / .8927 / .8876 at gaps 1 / 3 / 5 / 8, all wcxb-dev pages .7171 →
#: .7359 / .7372 / .7366 / .7332, trafilatura-eval .8899 → .9065 / .8994 /
#: .8994 / .8982. Chosen out of fold by site, both headline models retrained
#: at each gap (``python -m bench.train_title``, linear and trees): mean of
#: the text model's nine cells (wcxb-dev, readability-mozilla and
#: trafilatura-eval × inscriptis, html2text, plain) .5647 without the window,
#: .5812 / .5747 / .5678 at gaps 1 / 3 / 6; the URL model's six .7453 /
#: .7445 / .7435. At gap 1, text model wcxb-dev .584 / .576 / .556 → .597 /
#: .589 / .559, readability-mozilla .433 / .433 / .425 → .465 / .457 / .465,
#: trafilatura-eval .701 / .696 / .678 → .706 / .711 / .682; URL model
#: wcxb-dev .695 / .687 / .670 → .701 / .701 / .681, trafilatura-eval .796 /
#: .784 / .781 → .807 / .796 / .786.
MAIN_RUN_GAP = 1

#: A flat line's ``<title>`` chosen as the headline stands at its copy under
#: the menu (:func:`_headline_copy`) when at most this many prose lines come
#: between the two. Without the move the headline model often chose the
#: ``<title>`` (it opens the text, as a ``gettext`` dump's does) and the
#: furniture between the two became lines of the article. On the 672 pages
#: of the ``flat`` and ``stripped`` dumps where it moves, the sum of the
#: per-page F1 changes by the sentences between the copies (lines of 8+
#: words ending in a terminal mark): up to 3 +2.3, 8 +4.8, 12 +5.0, 20
#: +5.4, 25 +5.3, 30 +4.7, any number +0.9 (a copy in a teaser or share link
#: far below the article took the headline there). With prose lines, at 10:
#: ``flat`` .8608 / .8973 / .8285 → .8664 / .8989 / .8294, ``stripped``
#: .8415 / .8850 / .8018 → .8445 / .8870 / .8024 (scrapinghub-aeb /
#: wcxb-dev articles / trafilatura-eval, ``bench.run``'s per-page scorer;
#: titles unchanged); with no limit .8664 / .8978 / .8282 and .8445 / .8872
#: / .8013.
HEADLINE_COPY_MAX_PROSE = 10

#: A text writes its headings in upper case (see :func:`upper_case_headings`)
#: when at least this many upper-case lines each open a paragraph of at least
#: ``UPPER_HEADING_PARAGRAPH_WORDS`` words. Of the dumps of the 1,964 dev
#: pages (scrapinghub-aeb, wcxb-dev articles, trafilatura-eval), 36 of the
#: inscriptis ones have three such lines or more (headings in upper case on
#: the page itself; 35 plain, 33 html2text), 1,042 of the held-out
#: ``htmltotext`` ones (headings upper-cased by the converter; pages with
#: fewer than three subheadings do not show it). Read in title case, the
#: upper-case lines of those texts gave the ``htmltotext`` headlines .699 →
#: .715 on wcxb-dev articles and .561 → .567 on trafilatura-eval, bodies
#: within .0002 (``python -m bench.run --converters htmltotext --systems
#: cleaner``); the inscriptis, plain and html2text cells moved by at most
#: .0001.
UPPER_HEADINGS_MIN = 3
UPPER_HEADING_PARAGRAPH_WORDS = 15
_WORD_OF_LETTERS = re.compile(r"[^\W\d_]{2,}")

# A dateline: an upper-case place (optionally ", Region" or ", May 17"), an
# optional agency in parentheses, then a dash; or a place in title case
# with the agency, a name or a short lower-case code ("Frankfurt/Main (dpa) - ",
# dpa's form), which a title-case word before a dash alone is too often not.
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+)*)"
    r"(?:,\s+[A-Z][\w.]+(?:\s[\w.]+)?)?\s*(?:\([^)]{1,40}\))?"
    r"|(?P<titled>[A-Z][\w'’.\-]+(?:[ /][A-Z][\w'’.\-]+){0,3})(?:,\s+[A-Z][\w.]+(?:\s[\w.]+)?)?\s*"
    r"\((?:[A-Z][\w.]*(?: [A-Z][\w.]*)?|[a-z]{2,4})(?:/\w{2,6})*\))"
    r"\s*[—–-]{1,2}\s+\S"
)


@dataclass
class Fields:
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    date: str | None = None
    #: The text opens with the article, as a main-content extractor's text does (:func:`_opens_with_article`).
    extracted: bool = False


def dateline_place(text: str) -> str | None:
    """The place of a dateline opening a paragraph.

    >>> dateline_place("BEIRUT — Syrian troops retreated on Friday.")
    'BEIRUT'
    >>> dateline_place("WASHINGTON (Reuters) - The Senate voted.")
    'WASHINGTON'
    >>> dateline_place("LONDON, May 17 (Reuters) - Britain said."), dateline_place("Rom (dpa) - Die Regierung.")
    ('LONDON', 'Rom')
    >>> dateline_place("SYRIAN government forces suffered a setback.") is None
    True
    """
    found = _DATELINE.match(text)
    return (found.group("place") or found.group("titled")) if found else None


@dataclass
class Analysis:
    """What the classifier knows about a document's lines before labelling them."""

    feats: list[LineFeatures]
    prose: list[bool]
    probability: list[float]
    content: list[bool]
    duplicate: list[bool]
    caption: list[bool]
    #: Lines of a list introduced by a content line ending in ":" (see :func:`_introduced_lists`).
    listed: list[bool]
    #: Each short line's byline name (:func:`~cleaner.bylines.byline_name`), once per document.
    names: list[str | None]
    #: First content prose line: the headline is looked for before it.
    start: int
    #: Last content line: after it everything is furniture.
    end: int
    #: The headline is looked for before this line: ``start``, or where the
    #: first decoding's article started when the page was decoded again
    #: (see ``RELATIVE_MAX_PROSE_WORDS``).
    anchor: int
    #: First prose line of the run of content lines with the most words of
    #: prose (:func:`_main_run_start`): the headline is looked for before it too.
    main: int
    #: The page's language, which tells the lead words of its bylines
    #: (:meth:`~cleaner.bylines.Bylines.leads`); None: every lead.
    lang: str | None = None


def _upper_case(text: str) -> bool:
    """Two or more words, all in upper case."""
    return text.isupper() and len(_WORD_OF_LETTERS.findall(text)) >= 2


def upper_case_headings(texts: Sequence[str]) -> bool:
    """Whether a text writes its headings in upper case, as some converters
    do (Node.js's html-to-text): at least ``UPPER_HEADINGS_MIN`` upper-case
    lines (:func:`_upper_case`) each followed by a paragraph (a line of
    ``UPPER_HEADING_PARAGRAPH_WORDS`` words or more, not in upper case).
    The line features of such a text read its upper-case lines in title
    case, as the page wrote them more likely than not.

    >>> upper_case_headings(["WHY RENTS RISE", "Rents rose again this year in every district of the city, "
    ...                      "the council said on Monday after a long debate."] * 3)
    True
    """
    found = 0
    for text, following in pairwise(texts):
        if _upper_case(text) and not following.isupper() and len(following.split()) >= UPPER_HEADING_PARAGRAPH_WORDS:
            found += 1
            if found >= UPPER_HEADINGS_MIN:
                return True
    return False


def analyse(
    lines: list[Line], stops: frozenset[str], lexicon: Lexicon, model: LineModel, lang: str | None = None
) -> Analysis:
    """Features, probabilities and the decoded content/boilerplate states of a page in ``lang``."""
    n = len(lines)
    upper = upper_case_headings([line.text for line in lines])
    feats = [
        line_features(line.text.title() if upper and _upper_case(line.text) else line.text, line.raw, stops, lexicon)
        for line in lines
    ]
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
    probability = model.probabilities(featurize(lines, feats, prose, has_stoplist))
    decoded = [i for i in range(n) if not transparent[i]]
    content = [False] * n
    emissions = [probability[i] for i in decoded]
    states = viterbi(emissions, switch=model.switch, start_content=model.start_content)
    top = max(emissions, default=0.0)
    found = [i for i, state in zip(decoded, states, strict=True) if state]
    anchor = None
    if top >= RELATIVE_MIN_PROBABILITY and sum(feats[i].words for i in found if prose[i]) <= RELATIVE_MAX_PROSE_WORDS:
        # Nothing or little reads as content: the article is what reads most
        # like it on this page (a score table, a listing, an article the
        # model is unsure of), each line's probability taken relative to the
        # page's highest (two highest, see RELATIVE_REFERENCE_LINES); the
        # headline stays before what was found first.
        if found:
            anchor = _first_content(found, prose, n)
        highest = sorted(emissions, reverse=True)[:RELATIVE_REFERENCE_LINES]
        scale = sum(highest) / len(highest)
        relative = [min(p / scale, 1.0) for p in emissions]
        states = viterbi(relative, switch=model.switch, start_content=model.start_content)
    for i, state in zip(decoded, states, strict=True):
        content[i] = state
    names = [
        byline_name(line.text, lang) if f.words <= BYLINE_MAX_WORDS else None
        for f, line in zip(feats, lines, strict=True)
    ]
    byline = [name is not None for name in names]
    closer = _article_closer(feats, prose, content, byline, [line.text for line in lines])
    if closer is not None:
        content[closer:] = [False] * (n - closer)
    listed = _introduced_lists(feats, prose, content)
    content_any = [i for i in range(n) if content[i]]
    start = _first_content(content_any, prose, n)
    end = content_any[-1] if content_any else -1
    anchor = start if anchor is None else anchor
    main = _main_run_start(content_any, prose, feats, n)
    return Analysis(
        feats, prose, probability, content, duplicate, caption, listed, names, start, end, anchor, main, lang
    )


def _first_content(content_any: list[int], prose: list[bool], n: int) -> int:
    """The first prose line among the content lines, else the first content line (``n`` if none)."""
    content_prose = [i for i in content_any if prose[i]]
    return content_prose[0] if content_prose else (content_any[0] if content_any else n)


def _main_run_start(content_any: list[int], prose: list[bool], feats: list[LineFeatures], n: int) -> int:
    """The first prose line (:func:`_first_content`) of the run of content
    lines (split where two content lines are more than ``MAIN_RUN_GAP``
    lines apart) that holds the most words of prose (the earliest of equals); ``n`` if none."""
    runs: list[list[int]] = []
    for i in content_any:
        if runs and i - runs[-1][-1] <= MAIN_RUN_GAP:
            runs[-1].append(i)
        else:
            runs.append([i])
    if not runs:
        return n
    heaviest = max(runs, key=lambda run: sum(feats[i].words for i in run if prose[i]))
    return _first_content(heaviest, prose, n)


def _introduced_lists(feats: list[LineFeatures], prose: list[bool], content: list[bool]) -> list[bool]:
    """The list a content line ending in ":" introduces: the run of at most
    ``LIST_RUN_MAX_LINES`` lines after it that are neither prose nor
    furniture by a rule, when a content line follows the run. Its lines are
    content (items, ingredients and table rows are short and unterminated, so
    the model alone often drops them) and list items, not subheadings."""
    n = len(content)
    listed = [False] * n
    i = 0
    while i < n:
        if not (content[i] and feats[i].ends_colon):
            i += 1
            continue
        j = i + 1
        while j < n and not prose[j] and feats[j].rule is None:
            j += 1
        if i + 1 < j < n and content[j] and j - i - 1 <= LIST_RUN_MAX_LINES:
            content[i + 1 : j] = listed[i + 1 : j] = [True] * (j - i - 1)
        i = max(j, i + 1)
    return listed


def _feed_unit(feats: list[LineFeatures], prose: list[bool], unit: range) -> bool:
    """Whether the lines between two dates read as one teaser: one prose line and a headline."""
    teasers = sum(prose[j] for j in unit)
    headlines = sum(not prose[j] and not feats[j].has_date and feats[j].words >= FEED_HEADLINE_MIN_WORDS for j in unit)
    return teasers == 1 and headlines >= 1


def dated_feed_start(feats: list[LineFeatures], prose: list[bool]) -> int | None:
    """The first line of the first feed of dated teasers (see ``FEED_MIN_DATES``):
    the first date line of the feed and the non-prose lines right above it
    (its headline and author)."""
    dates = [i for i, f in enumerate(feats) if f.has_date and not prose[i] and f.words <= FEED_DATE_MAX_WORDS]
    is_date = set(dates)
    for first in dates:
        for period in range(2, FEED_MAX_PERIOD + 1):
            last = first
            while last + period in is_date and _feed_unit(feats, prose, range(last + 1, last + period)):
                last += period
            if (last - first) // period + 1 >= FEED_MIN_DATES:
                start = first
                while start > 0 and not prose[start - 1]:
                    start -= 1
                return start
    return None


def _article_closer(
    feats: list[LineFeatures], prose: list[bool], content: list[bool], byline: list[bool], texts: Sequence[str]
) -> int | None:
    """The closer line (source credit, tags, related stories, a trailing
    byline, a feed of dated teasers …) that ends the article: the first one
    after some content whose following prose is less than
    ``CLOSER_TAIL_SHARE`` of the prose before it, or that opens a comment
    thread (``COMMENT_THREAD_MIN_MARKERS`` comment markers from it on: a
    thread may hold more prose than the article). A comment marker that
    occurs twice, the second time as the next marker ("44 Comments" under
    the headline and again where the thread begins), is a link to the
    thread, not its start (a "Reply" under every comment occurs more often)."""
    words = [f.words if p else 0 for f, p in zip(feats, prose, strict=True)]
    total = sum(words)
    before = 0
    seen_content = False
    comment = [f.rule is not None and f.rule.kind == "comments" for f in feats]
    markers = [i for i, is_marker in enumerate(comment) if is_marker]
    twice = {text for text, n in Counter(texts[i] for i in markers).items() if n == 2}
    link = {i for i, j in pairwise(markers) if texts[i] == texts[j] and texts[i] in twice}
    comments_left = sum(comment)
    feed = dated_feed_start(feats, prose)
    for i, f in enumerate(feats):
        closing = is_closer(f) or byline[i]
        thread = comment[i] and comments_left >= COMMENT_THREAD_MIN_MARKERS and i not in link
        comments_left -= comment[i]
        tail = total - before - words[i]
        if seen_content and i == feed and tail <= FEED_TAIL_SHARE * before:
            return i
        if seen_content and closing and (thread or tail < CLOSER_TAIL_SHARE * before):
            return i
        before += words[i]
        seen_content = seen_content or content[i]
    return None


def title_candidates(
    lines: list[Line],
    a: Analysis,
    stops: frozenset[str],
    lexicon: Lexicon,
    repeats: Sequence[int] | None = None,
    words: frozenset[str] | None = None,
) -> tuple[list[Candidate], list[list[float]]]:
    """The lines and line parts that may be the headline and their feature
    rows, from the window around the article's first content line
    (``a.anchor``) and then from the one around its main run's (``a.main``,
    when it is another line; feature ``second_window``); not a line
    repeated in ``TITLE_MIN_DOCS`` documents of its source,
    nor the bare name a byline elsewhere gives or a lead alone
    ("By") above it introduces, nor a line that marks a header
    (:func:`_header_marks`: a date, a byline, a lead alone, a first name
    alone) or a breadcrumb line, though their parts may be:
    "Headline / Dec 2025", "Home » News » Headline"; nor a part that is
    furniture or a date on its own). With the page URL's ``words``
    (:func:`~cleaner.headline.url_words`) the rows end with the URL features."""
    meta = _header_marks(lines, a, window_reach(len(lines), (a.anchor, a.main)))
    rules = [f.rule for f in a.feats]
    excluded = [a.caption[i] or (r is not None and r.name != "breadcrumb") for i, r in enumerate(rules)]
    if repeats is not None:
        excluded = [x or n >= TITLE_MIN_DOCS for x, n in zip(excluded, repeats, strict=True)]
    # a name that a byline elsewhere gives ("By Jane Doe") is the author's, not the headline
    authors = {name.split(",")[0].strip() for name in a.names if name is not None}
    excluded = [
        x or lines[i].text in authors or _name_under_lead(lines, a, i) is not None for i, x in enumerate(excluded)
    ]
    topic = topic_words([line.text for line, c, p in zip(lines, a.content, a.prose, strict=True) if c and p], stops)
    kept: list[Candidate] = []
    rows: list[list[float]] = []
    seen: set[int] = set()
    # the window before the article's first content line, then the one before its main run's
    for anchor in dict.fromkeys((a.anchor, a.main)):
        at = [i for i in candidates(lines, a.feats, anchor, excluded) if i not in seen]
        seen.update(at)
        window, window_kinds, feats = _headline_like(lines, at, a.feats, meta, stops, lexicon)
        kept.extend(window)
        rows.extend(candidate_rows(lines, a.feats, a.probability, anchor, window, window_kinds, meta, feats, topic,
                                   stops, anchor - a.anchor))  # fmt: skip
    compare_candidates(rows)
    if words is not None:
        rows = [row + extra for row, extra in zip(rows, url_rows(kept, words), strict=True)]
    return kept, rows


def _header_marks(lines: list[Line], a: Analysis, reach: set[int]) -> list[bool]:
    """The lines that mark an article's header under its headline: a date, a
    byline, a lead alone ("By", "Written by") and a name alone that opens
    with a first name ("Brian Jenney", "Donna Currie"). None of them is the
    headline, and a headline is often followed by them (feature
    ``before_meta``). Lead and name alone are read only on the lines of
    ``reach`` (:func:`~cleaner.headline.window_reach`), the others' marks being unread."""
    bylines = packaged_bylines()
    marks = []
    for i, (line, f, prose, name) in enumerate(zip(lines, a.feats, a.prose, a.names, strict=True)):
        mark = f.has_date or name is not None
        if not mark and not prose and f.words <= BYLINE_MAX_WORDS and i in reach:
            # the first word first: reading a name alone costs ten times more
            if bylines.is_given_name(first_word(line.text)):
                mark = bylines.bare_name(line.text) is not None
            else:
                mark = f.words <= LEAD_ALONE_MAX_WORDS and bylines.is_lead_alone(line.text, a.lang)
        marks.append(mark)
    return marks


def _headline_like(
    lines: list[Line], at: list[int], feats: list[LineFeatures], meta: list[bool], stops: frozenset[str], lex: Lexicon
) -> tuple[list[Candidate], list[str], list[LineFeatures]]:
    """The lines ``at`` and their parts (:func:`~cleaner.headline.with_parts`)
    that no rule labels and that are no dateline, with their kinds and features."""
    kept, kinds, kept_feats = [], [], []
    for (i, text), kind in zip(*with_parts(lines, at), strict=True):
        f = feats[i] if kind == "line" else line_features(text, text, stops, lex)
        # a date or byline line (a dateline) is no headline, though its parts may be
        dateline = meta[i] and not dated_headline(text) if kind == "line" else f.has_date and not dated_headline(text)
        if f.rule is None and not dateline:
            kept.append((i, text))
            kinds.append(kind)
            kept_feats.append(f)
    return kept, kinds, kept_feats


def _opens_with_article(a: Analysis) -> bool:
    """Whether the text opens with the article, as a main-content
    extractor's text does (trafilatura's, jusText's): its first
    ``OPENING_PARAGRAPHS`` lines are content prose that no rule labels, the
    first of ``ABOVE_TITLE_MIN_WORDS`` words or more.
    """
    return (
        len(a.feats) >= OPENING_PARAGRAPHS
        and all(a.content[i] and a.prose[i] and a.feats[i].rule is None for i in range(OPENING_PARAGRAPHS))
        and a.feats[0].words >= ABOVE_TITLE_MIN_WORDS
    )


def classify(
    lines: list[Line],
    stops: frozenset[str],
    lexicon: Lexicon,
    model: LineModel,
    title_model: TitleModel,
    repeats: Sequence[int] | None = None,
    url: str | None = None,
    lang: str = "und",
) -> Fields:
    """Label every line in place and return the document's fields.

    ``repeats`` (corpus mode): for each line, in how many documents of its
    source it occurs (see :mod:`cleaner.repeated`); blocks of repeated lines
    become boilerplate, and a line repeated in many documents is not the
    headline. ``url``: the page's address, evidence for the headline when
    ``title_model`` uses it. ``lang``: the page's language, which tells how a
    date with slashes is written (:func:`cleaner.dates.iso_date`).
    """
    fields = Fields()
    if not lines:
        return fields
    a = analyse(lines, stops, lexicon, model, lang)
    words = (url_words(url) or frozenset()) if title_model.uses_url else None
    chosen, rows = title_candidates(lines, a, stops, lexicon, repeats, words)
    title = title_model.choose(chosen, rows, title_line_echoes(lines[0].text, chosen, opening_repeated(lines)))
    parts = _split_parts(lines)
    fields.extracted = _opens_with_article(a)
    if title is not None and title[0] >= OPENING_PARAGRAPHS and fields.extracted:
        # an extractor's text: the article starts at its first line, and a
        # "headline" below its opening paragraphs is the article's own line
        title = None
    if title is not None:
        title = (_headline_copy(lines, title[0], parts, a.prose), title[1])
    title_at = title[0] if title is not None else None
    if title_at is not None and title_at > a.start:
        # the headline of the main run, or a few lines into the article: the article starts under it
        after = [i for i in range(title_at + 1, len(lines)) if a.content[i]]
        a = replace(a, start=_first_content(after, a.prose, a.start))
    adjoining = _adjoining_prose(a, title_at, parts)

    for i, line in enumerate(lines):
        f = a.feats[i]
        name = a.names[i] if f.words <= BYLINE_MAX_WORDS and not a.prose[i] else None
        if a.caption[i] and f.rule is not None:
            line.set(Label.CAPTION, f.rule.reason)
        elif title is not None and i == title[0]:
            line.set(Label.TITLE, "field:title")
            texts = [other.text for other in lines]
            fields.title = cased_title(without_trail(tidy_title(without_bullet(title[1])), texts, i), texts)
        elif name is not None:
            line.set(Label.BYLINE, "field:byline")
        elif f.words == 0 and f.rule is None:
            # markup or ornament alone ("* * *", "---|---", ">", "**", a bullet of an icon link): no text to keep
            line.set(Label.BOILERPLATE, "shape:no-words")
        elif a.duplicate[i]:
            if i <= a.end:
                line.set(Label.CAPTION, "dup:caption")
            else:
                line.set(Label.BOILERPLATE, "dup:teaser")
        elif f.rule is not None:
            line.set(f.rule.label, f.rule.reason)
        elif i in adjoining:
            line.set(Label.BODY, f"context:{adjoining[i]}:{a.probability[i]:.2f}")
        elif title_at is not None and i < title_at and a.content[i] and a.prose[i] and f.words >= ABOVE_TITLE_MIN_WORDS:
            line.set(Label.BODY, f"context:above-title:{a.probability[i]:.2f}")
        elif not a.content[i] or (title_at is not None and i < title_at):
            where = "before" if i < a.start else "after" if i > a.end else "between"
            line.set(Label.BOILERPLATE, f"context:{where}-article:{a.probability[i]:.2f}")
        elif is_menu_line(line.text):
            # a menu on one line (get_text, flat dumps), which the model reads as a long line of content
            line.set(Label.BOILERPLATE, "shape:menu-line")
        elif a.listed[i]:
            line.set(Label.BODY, "shape:list-item")
        elif not a.prose[i] and not f.terminal and f.words <= HEADING_MAX_WORDS and f.has_date:
            # a short date line in the article is a timestamp, not a subheading
            line.set(Label.BOILERPLATE, "shape:date-line")
        elif i < a.end and not a.prose[i] and not f.terminal and f.words <= HEADING_MAX_WORDS and _heading_shape(line):
            line.set(Label.HEADING, "shape:heading")
        else:
            line.set(Label.BODY, f"model:{a.probability[i]:.2f}")

    _date_lists(lines)
    # the article's last paragraph: a tail line after a.end, never a lead line before a.start
    _closing_date_list(lines, a, max([a.end, *adjoining]))
    _related_lists(lines, a)
    kept = [line for line in lines if line.label in BODY_LABELS]
    for k in copied_lines([line.text for line in kept]):
        kept[k].set(Label.BOILERPLATE, "dup:repeat")
    if repeats is not None:
        label_furniture(lines, repeats)
    _standfirst(lines, title_at, a, fields)
    fields.byline = _byline(lines, a, title_at, fields.title)
    fields.date = _date(lines, a, title_at, fields.byline, lang)
    first_body = next((line for line in lines if line.label is Label.BODY), None)
    if first_body is not None:
        fields.dateline = dateline_place(first_body.text)
    return fields


def _date_lists(lines: list[Line]) -> None:
    """Label the runs of at least ``DATE_LIST_MIN_LINES`` consecutive date lines
    list items."""
    run: list[Line] = []
    for line in [*lines, None]:
        if line is not None and line.reason == "shape:date-line":
            run.append(line)
            continue
        if len(run) >= DATE_LIST_MIN_LINES:
            for item in run:
                item.set(Label.BODY, "shape:date-list")
        run = []


def _related_lists(lines: list[Line], a: Analysis) -> None:
    """Label the lines between a related-stories header inside the article
    and the next prose line furniture: the header's list of links."""
    for i, f in enumerate(a.feats):
        if not (a.start <= i < a.end and _related_header(f)):
            continue
        j = i + 1
        while j <= a.end and not a.prose[j]:
            if lines[j].label in BODY_LABELS:
                lines[j].set(Label.BOILERPLATE, "shape:related-list")
            j += 1


def _heading_shape(line: Line) -> bool:
    """Whether a short unterminated line of the article may be a subheading:
    not when it opens with a converter's list bullet ("* ", "• ", "o "; a
    number may open a section heading), a list item, nor when it ends with
    a colon after ``COLON_HEADING_MAX_WORDS`` words, a sentence that
    introduces a list or code ("Follow these steps for meditation:")."""
    text = line.text.rstrip()
    if without_bullet(text) != text:
        return False
    return not text.endswith(":") or len(text.split()) <= COLON_HEADING_MAX_WORDS


def _related_header(f: LineFeatures) -> bool:
    return f.rule is not None and f.rule.name in RELATED_HEADERS


def _transparent_rule(f: LineFeatures) -> bool:
    return f.rule is not None and f.rule.kind in TRANSPARENT_KINDS


def _opaque_rule(f: LineFeatures) -> bool:
    return f.rule is not None and not _transparent_rule(f)


def _closing_date_list(lines: list[Line], a: Analysis, last: int) -> None:
    """A run of at least ``DATE_LIST_MIN_LINES`` date lines that starts
    within ``DATE_LIST_GAP`` lines after the article's last paragraph ends
    the article (tour dates after a concert story): it is a list, and a
    short line before it is its heading (a furniture line there, "Archives",
    makes it furniture)."""
    if last < 0:
        return
    n = len(lines)

    def date_line(i: int) -> bool:
        f = a.feats[i]
        return f.has_date and f.rule is None and not a.prose[i] and f.words <= HEADING_MAX_WORDS

    start = next((i for i in range(last + 1, min(n, last + 1 + DATE_LIST_GAP)) if date_line(i)), None)
    if start is None:
        return
    end = start
    while end < n and date_line(end):
        end += 1
    heading = range(last + 1, start)
    if end - start < DATE_LIST_MIN_LINES or any(a.feats[i].rule is not None or a.prose[i] for i in heading):
        return
    for i in heading:
        lines[i].set(Label.HEADING, "shape:heading")
    for i in range(start, end):
        lines[i].set(Label.BODY, "shape:date-list")


def _adjoining_prose(a: Analysis, title_at: int | None, parts: frozenset[int]) -> dict[int, str]:
    """The prose lines the decoder left out next to the article, each with
    where it is: a ``lead`` between the headline and the first content line
    (at least ``LEAD_MIN_PROBABILITY``; ``LEAD_FIRST_MIN_PROBABILITY`` for the
    first line under the headline), a ``tail`` in the run right after the
    last content line (each at least ``TAIL_MIN_PROBABILITY``; photo credits,
    share bars and advertisements are looked through), or right after
    a box of related links there (the first at least
    ``RESUME_MIN_PROBABILITY``). A sentence without a full stop
    (:func:`_dek`) counts as prose first under the headline and in the tail run,
    unless it is one of ``parts`` (:func:`_split_parts`)."""

    def outside(i: int, threshold: float) -> bool:
        return a.prose[i] and not a.content[i] and a.feats[i].rule is None and a.probability[i] >= threshold

    found = {}
    if title_at is not None:
        found = {i: "lead" for i in range(title_at + 1, a.start) if outside(i, LEAD_MIN_PROBABILITY)}
        first = next((i for i in range(title_at + 1, a.start) if _first_under_headline(a, i)), None)
        if first is not None and (
            outside(first, LEAD_FIRST_MIN_PROBABILITY) or _dek(a, first, LEAD_FIRST_MIN_PROBABILITY, parts)
        ):
            found[first] = "lead"
    i = a.end + 1
    if 0 < i < len(a.prose) and _related_header(a.feats[i]):
        # a box of related links inside the article: the run goes on after it
        stop = min(i + 2 + LIST_RUN_MAX_LINES, len(a.prose))
        j = next((j for j in range(i + 1, stop) if a.prose[j] or _opaque_rule(a.feats[j])), None)
        if j is not None and outside(j, RESUME_MIN_PROBABILITY):
            i = j
    while 0 < i < len(a.prose) and (
        outside(i, TAIL_MIN_PROBABILITY) or _dek(a, i, TAIL_MIN_PROBABILITY, parts) or _transparent_rule(a.feats[i])
    ):
        if a.feats[i].rule is None:
            found[i] = "tail"
        i += 1
    return found


def _split_parts(lines: Sequence[Line]) -> frozenset[int]:
    """The lines that are parts of one input line (a glued or flat text split
    into sentences): a part without a full stop is a piece of a sentence, not
    a dek. Without this the deks cost the flat and stripped dumps .001-.002
    (scrapinghub-aeb / wcxb-dev articles / trafilatura-eval, flat .8617 /
    .8972 / .8272 -> .8595 / .8960 / .8258); with it they score as before
    the deks, inscriptis unchanged."""
    numbers = Counter(line.number for line in lines)
    return frozenset(i for i, line in enumerate(lines) if numbers[line.number] > 1)


def _headline_copy(lines: Sequence[Line], i: int, parts: frozenset[int], prose: Sequence[bool]) -> int:
    """Where the chosen headline line ``i`` stands: a flat line's ``<title>``
    comes first and the headline repeats it under the menu
    (:func:`cleaner.ungluing.flat_sentences` makes both lines), so when the
    first part of an input line is repeated as a later part of it, the
    headline is the next copy; what comes between the two is the page's
    furniture, not lines of the article: a copy after more than
    ``HEADLINE_COPY_MAX_PROSE`` prose lines is another one (a teaser, a share
    link)."""
    line = lines[i]
    if i not in parts or (i > 0 and lines[i - 1].number == line.number):
        return i
    copies = (j for j in range(i + 1, len(lines)) if lines[j].number == line.number and lines[j].text == line.text)
    j = next(copies, i)
    return j if sum(prose[i + 1 : j]) <= HEADLINE_COPY_MAX_PROSE else i


def _dek(a: Analysis, i: int, threshold: float, parts: frozenset[int]) -> bool:
    """A sentence written without a full stop (see ``DEK_MIN_WORDS``) the
    decoder left out, of at least ``threshold``: a sentence's words and
    stopwords, no terminal mark, no date."""
    f = a.feats[i]
    return (
        i not in parts
        and not a.content[i]
        and f.rule is None
        and not f.terminal
        and not f.has_date
        and f.words >= DEK_MIN_WORDS
        and f.stop_ratio >= PROSE_MIN_STOP_RATIO
        and a.probability[i] >= threshold
    )


def _name_under_lead(lines: list[Line], a: Analysis, i: int) -> str | None:
    """The name of line ``i`` when it is a name alone under a lead alone ("By"
    / "Gabriel Gonzalez"): the author's, for the byline field and against the headline."""
    if i == 0 or i >= len(lines) or a.feats[i - 1].words > LEAD_ALONE_MAX_WORDS:
        return None
    bylines = packaged_bylines()
    return bylines.bare_name(lines[i].text) if bylines.is_lead_alone(lines[i - 1].text, a.lang) else None


def _first_under_headline(a: Analysis, i: int) -> bool:
    """A prose line, or a line with words no rule labels: what opens the text under a headline."""
    f = a.feats[i]
    return a.prose[i] or (f.words > 0 and f.rule is None)


def _byline(lines: list[Line], a: Analysis, title_at: int | None, title: str | None) -> str | None:
    """The byline field: the first byline of the article's header (from
    ``BYLINE_ABOVE_TITLE`` lines above the headline to ``BYLINE_AFTER_START``
    lines after the article's first paragraph), else the first byline line
    after the headline, else the first one, of those that are no list's
    (``BYLINE_LIST_NEAR``). In the header, a lead alone
    ("By") with a name on the next line is a byline too, and under the
    headline so is a name alone with a date on its line or near it ("Andrew
    King", "September 4, 2025") or a job under it ("Chefredakteur"): of
    several, the one nearest its date (a section's name sits there too: "Top
    Agencies", "Maria Mathioudaki", a date). With none of those, an author box
    (:func:`_author_box`), and last a name alone in the header that opens with a
    first name (:func:`_first_name_alone`). A name alone that names the article's
    subject is none of them (:func:`_names_a_subject`; ``title``: the headline field)."""
    anchor = title_at if title_at is not None else a.start
    bylines = packaged_bylines()
    dates = [j for j, f in enumerate(a.feats) if f.has_date and j != title_at]
    alone: list[tuple[int, int, str]] = []
    given: list[tuple[int, str]] = []
    headline = lines[title_at].text if title_at is not None else None
    for i in _header(lines, a, title_at):
        line = lines[i]
        if line.label is Label.BYLINE:
            return a.names[i]
        # a copy of the headline ("Nollywood Actress, Kate Henshaw Is Looking …" reads as a
        # name and its credentials) is no byline
        if line.text == headline:
            continue
        # a name alone may have been read as a subheading, never as a paragraph
        if line.label in (Label.BODY, Label.TITLE, Label.STANDFIRST) or a.feats[i].rule is not None:
            continue
        name = _name_under_lead(lines, a, i + 1)
        if name is not None:
            line.set(Label.BYLINE, "field:byline")
            lines[i + 1].set(Label.BYLINE, "field:byline")
            return name
        # above the headline, a name alone is as often a section ("Travel Tips")
        name = bylines.bare_name(line.text) if title_at is None or i > title_at else None
        if name is not None and _names_a_subject(lines, i, name, title):
            continue
        distance = min((abs(i - j) for j in dates), default=BYLINE_DATE_NEAR + 1)
        if i + 1 < len(lines) and bylines.is_role_line(lines[i + 1].text):
            distance = 0  # the author's job under the name ("Christoph Hein" / "Chefredakteur")
        if name is not None and distance <= BYLINE_DATE_NEAR:
            alone.append((distance, i, name))
        elif name is not None and _first_name_alone(lines, a.feats, i, name):
            given.append((i, name))
    if alone:
        _, i, name = min(alone)
        lines[i].set(Label.BYLINE, "field:byline")
        return name
    named = [i for i, line in enumerate(lines) if line.label is Label.BYLINE]
    # outside the header, bylines a few lines apart are a list: teasers, a menu's facets
    # ("By Role", "By Industry"), comments; but the same name on the next line is one byline a
    # layout repeats ("By Claire Wilson , Co-Founder & COO" / "By Claire Wilson ,")
    person = {i: (a.names[i] or "").split(",")[0].strip() for i in named}
    alone_named = [
        i
        for i in named
        if not any(
            0 < abs(i - j) <= BYLINE_LIST_NEAR and (abs(i - j) > BYLINE_REPEAT_NEAR or person[j] != person[i])
            for j in named
        )
    ]
    later = [i for i in alone_named if i >= anchor]
    if alone_named:
        return a.names[(later or alone_named)[0]]
    boxed = _author_box(lines, a)
    if boxed is not None or not given:
        return boxed
    # the last resort: a first name alone under the headline ("Lisa Pham"), which is as often
    # the person the article is about
    i, name = given[0]
    lines[i].set(Label.BYLINE, "field:byline")
    return name


def _names_a_subject(lines: list[Line], i: int, name: str, title: str | None) -> bool:
    """The name alone of line ``i`` is what the article is about, not its author: it opens with
    no first name, and the headline field holds it ("Digital Photo Frame" under "Digital Photo
    Frame App Makes Old Hardware Useful Again"; the field is without a site name or a byline
    after it), or the next line opens with it and is neither a copy of it nor a line about a
    person ("Memorial Park" / "Memorial Park is home to …"; an author box reads "Lauren Vetter"
    / "Lauren Vetter is a growth-focused marketing professional … her …")."""
    bylines = packaged_bylines()
    if bylines.is_given_name(name.split()[0]):
        return False
    if title is not None and name.casefold() in title.casefold():
        return True
    following = lines[i + 1].text if i + 1 < len(lines) else ""
    return following != lines[i].text and following.startswith(name) and not bylines.is_bio(following, name)


def _first_name_alone(lines: list[Line], feats: list[LineFeatures], i: int, name: str) -> bool:
    """The name alone of line ``i`` is a first name and a last name and nothing after them
    ("Jorge Makriniotis, gerente general, aseguró …" is a sentence), is not the person the
    headline names ("Maciej Krzysztoszek rzecznikiem prasowym …") and is no item of a list of
    names ("* Miss Katie" / "* Maya Hansen" / "* Bibian Blue")."""
    if "," in name or not packaged_bylines().is_given_name(name.split()[0]):
        return False
    if any(line.label in (Label.TITLE, Label.STANDFIRST) and name in line.text for line in lines):
        return False
    listed = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and feats[j].bullet]
    return not (feats[i].bullet and listed)


def _author_box(lines: list[Line], a: Analysis) -> str | None:
    """The name of an author box after the article's start: a name alone with a line about
    that person at most ``AUTHOR_BIO_NEAR`` lines under it (:meth:`~cleaner.bylines.Bylines.is_bio`:
    "Lauren Vetter" / "Lauren Vetter is a growth-focused marketing professional … her …")."""
    bylines = packaged_bylines()
    openings = [first_word(line.text) for line in lines[a.start :]]
    for k, opening in enumerate(openings):
        i = a.start + k
        if lines[i].label is Label.BODY or not 2 <= a.feats[i].words <= BARE_NAME_MAX_WORDS:
            continue
        # a bio opens with the name's first word: a cheap test before reading the name
        under = range(k + 1, min(k + 1 + AUTHOR_BIO_NEAR, len(openings)))
        bios = [
            a.start + j for j in under if openings[j] == opening and a.feats[a.start + j].words >= AUTHOR_BIO_MIN_WORDS
        ]
        name = bylines.bare_name(lines[i].text) if bios else None
        if name is not None and any(bylines.is_bio(lines[j].text, name) for j in bios):
            lines[i].set(Label.BYLINE, "field:byline")
            return name
    return None


def _header(lines: list[Line], a: Analysis, title_at: int | None) -> range:
    """The article's header: from ``BYLINE_ABOVE_TITLE`` lines above the
    headline (or the article's first paragraph) to ``BYLINE_AFTER_START``
    lines after the first paragraph. A standfirst is the header's, not the
    first paragraph ("Headline" / standfirst / "By …" / "Published …" /
    the first paragraph)."""
    n = len(lines)
    anchor = title_at if title_at is not None else a.start
    first = max(a.start, anchor + 1)
    if first < n and lines[first].label is Label.STANDFIRST:
        first += 1
    return range(max(0, anchor - BYLINE_ABOVE_TITLE), min(first + BYLINE_AFTER_START, n))


def _date(lines: list[Line], a: Analysis, title_at: int | None, byline: str | None, lang: str) -> str | None:
    """The date field: the first date of the article's header under the headline, else one
    near the byline's line, else one of the header above the headline (a site's header shows
    today's date there), else the first date after the headline on a line that says it dates
    the page (:func:`~cleaner.dates.is_dated_line`)."""
    header = _header(lines, a, title_at)
    places = (
        [i for i in header if title_at is None or i > title_at],
        _near_byline(lines, byline) if byline is not None else range(0),
        header,
    )
    for where in places:
        if (date := _first_date(lines, a, where, lang)) is not None:
            return date
    # the last resort: a line that says it dates the page, wherever it stands after the
    # headline ("Page last modified Jan. 17, 2025" at the foot of a government page), or
    # whose short line above says so ("Posted on" / "Nov 21, 2018")
    after = title_at + 1 if title_at is not None else a.start
    dated = [
        i
        for i in range(after, len(lines))
        if a.feats[i].has_date
        and (
            is_dated_line(lines[i].text)
            or (i > 0 and a.feats[i - 1].words <= DATED_LABEL_MAX_WORDS and is_dated_line(lines[i - 1].text))
        )
    ]
    return _first_date(lines, a, dated, lang, opening=True)


def _first_date(lines: list[Line], a: Analysis, where: Iterable[int], lang: str, opening: bool = False) -> str | None:
    """The first date of the lines ``where`` outside the article's paragraphs ("Andrew King" /
    "September 4, 2025"; with ``opening``, also a paragraph that opens with the word that dates
    the page: "Posted by BeauHD on Friday December 19, 2025 …"), one on a line that says it was
    updated only when no other line there has one."""
    found = [
        (is_update_line(line.text), i, date)
        for i in where
        if ((line := lines[i]).label is not Label.BODY or (opening and opens_dated_line(line.text)))
        and a.feats[i].has_date
        and (date := iso_date(line.text, lang)) is not None
    ]
    return min(found)[2] if found else None


def _near_byline(lines: list[Line], byline: str) -> range:
    """The lines at most ``BYLINE_DATE_NEAR`` from the byline field's line: where a header
    the headline did not place puts its date ("By Rebecca Edwards" / "Dec 18, 2025")."""
    at = next((i for i, line in enumerate(lines) if line.label is Label.BYLINE and byline in line.text), None)
    if at is None:
        return range(0)
    return range(max(0, at - BYLINE_DATE_NEAR), min(at + BYLINE_DATE_NEAR + 1, len(lines)))


def _standfirst(lines: list[Line], title_at: int | None, a: Analysis, fields: Fields) -> None:
    """The prose line right after the headline becomes the standfirst when a
    caption, byline or furniture line separates it from the body that follows
    (whatever the line model thought of it: standfirsts are rarely counted as
    body by the benchmarks the model learned from)."""
    if title_at is None or title_at + 2 >= len(lines):
        return
    at = title_at + 1
    candidate = lines[at]
    # an ornament ("* * *") separates nothing: the line with words after it decides
    after = next((lines[j] for j in range(at + 1, len(lines)) if a.feats[j].words), None)
    context_label = candidate.label is Label.BODY or candidate.reason.startswith("context:")
    if after is None or not (context_label and a.prose[at]) or after.label in (Label.BODY, Label.HEADING):
        return
    if a.feats[at].words > STANDFIRST_MAX_WORDS:
        return
    if not any(line.label is Label.BODY for line in lines[at + 1 :]):
        return
    candidate.set(Label.STANDFIRST, "field:standfirst")
    fields.standfirst = candidate.text
