"""The page lines trafilatura left out, brought back beside its blocks as gap blocks.

trafilatura's blocks are matched to the page's lines (:func:`cleaner.html.page_walk`) by their
words; what lies between two matched blocks, or after the last one, can come back:

- :func:`with_gaps`: the ``gap``, ``gap-heading`` and ``gap-item`` blocks between and after
  trafilatura's blocks, its blocks inside a dialog as ``dialog`` blocks and those after the
  article's container as ``outside`` blocks (:mod:`cleaner.html_blocks`);
- :func:`run_together_lines`: a page trafilatura gave as one long block, as its page lines.

Works on strings and :class:`~cleaner.html_blocks.Block` s only.
"""

from __future__ import annotations

import bisect

from .html_blocks import DIALOG, OUTSIDE, Block
from .html_words import word_key, word_keys
from .scoring import PROSE_MIN_WORDS

#: A lone block of trafilatura's of at least this many words is the page's text run together
#: (its last fall-back gives the text of a whole container as one paragraph) and is replaced by
#: its page lines (:func:`run_together_lines`). 9 wcxb-dev articles came as one block of 326 to
#: 4,948 words (investopedia.com, treehugger.com, health.com ...). On cached extractions with
#: the page walk and gap lines recomputed (scrapinghub / wcxb-dev / trafilatura-eval):
#: .9725 / .9465 / .9378 -> .9725 / .9469 / .9379 at 300 (8 wcxb-dev pages up, none down);
#: .9469 / .9381 at 50, .9469 / .9378 at 100 (a one-paragraph article loses its text), .9468
#: / .9378 at 1000. Before the disclosure boxes (.9454 on wcxb-dev): the page lines without
#: their asides .9454 (the article's lines sit in one on such pages); the page's plain dump
#: through the whole classifier, as when trafilatura finds nothing, .9458 / .9374.
RUN_TOGETHER_MIN_WORDS = 300
#: The block kind of a page line's kind in a run-together page (any other line is a paragraph).
_RUN_TOGETHER_KINDS = {"heading": "heading", "item": "item"}


def run_together_lines(blocks: list[Block], lines: list[tuple[str, str, bool]]) -> list[Block]:
    """``blocks``, or when they are one block of :data:`RUN_TOGETHER_MIN_WORDS` words or more,
    the page lines whose words it holds, link lines left out, as paragraphs, headings and
    list items (asides included: on such pages the article often sits in an element of
    :func:`cleaner.html_asides.html_asides`).

    >>> page = [("Menu", "link", False), ("Title", "heading", True), ("Body text.", "text", False)]
    >>> run_together_lines([Block("Title " + "Body text. " * 300, "paragraph")], page)
    [Block(text='Title', kind='heading'), Block(text='Body text.', kind='paragraph')]
    """
    if len(blocks) != 1 or len(blocks[0].text.split()) < RUN_TOGETHER_MIN_WORDS:
        return blocks
    held = f" {word_key(blocks[0].text)} "
    parts = []
    for text, kind, _aside in lines:
        key = word_key(text)
        if kind != "link" and kind != DIALOG and key and f" {key} " in held:
            parts.append(Block(text, _RUN_TOGETHER_KINDS.get(kind, "paragraph")))
    return parts or blocks


#: trafilatura sometimes stops early (an article split over several
#: containers, as on wired.com): when at least this many page lines of prose
#: length follow its last block, with no heading nor short line between them
#: (asides skipped), the article goes on and they come in as ``gap`` blocks.
#: Calibrated on the HTML track (re-cached extractions): scrapinghub
#: .9686 -> .9717 from 2 to 8 (two wired.com pages' recall .35 / .45 -> .96 /
#: .99), wcxb-dev +.0001; trafilatura-eval, where a single trailing line is
#: a licence or disclaimer, loses .0003-.0005 at 2 and 3 and nothing from 4.
TAIL_MIN_LINES = 4


def with_gaps(
    blocks: list[Block], lines: list[tuple[str, str, bool]], paths: list[tuple[int, ...]] | None = None
) -> list[Block]:
    """trafilatura's blocks with, between two of them that are page lines with
    nothing but page text in between, those in-between lines that are not
    asides, link lines nor copies of a block and could be prose (of
    :data:`~cleaner.scoring.PROSE_MIN_WORDS` words or more), as ``gap`` blocks
    (the second pass keeps the prose among them), the shorter headings
    among them that a text line or list item follows, as ``gap-heading``
    blocks, and the list items among them, as ``gap-item`` blocks (the
    second pass keeps those no rule fires on: trafilatura leaves out many
    subheadings and lists); and after the last block,
    when it is a page line, a run of :data:`TAIL_MIN_LINES` or more such
    lines up to the next heading or shorter line.

    A block matched to a page line inside a dialog (a modal, a popup, a
    disclosure, a carousel, an author's box, see :func:`cleaner.html.page_lines`) becomes a ``dialog``
    block, which the second pass leaves out (``html:dialog``), unless such
    blocks hold most of the words (:data:`DIALOG_MAX_SHARE`). With the
    lines' ``paths`` (:func:`cleaner.html.page_walk`), the blocks after the article's
    container become ``outside`` blocks, which the second pass leaves out
    too (see :func:`_after_container`).

    Blocks are matched to page lines by their words (lower case), in order;
    a block that is part of a page line near the last one matched (see
    :data:`PIECE_WINDOW`) is matched to that line, and a block without words
    is matched to none and breaks no pair.

    >>> left_out = "A sentence of prose that trafilatura left out."
    >>> page = [("Para one.", "text", False), (left_out, "text", False), ("A photo caption in a figure.", "text", True),
    ...         ("Share on social networks", "text", False), ("Para two.", "text", False), ("After.", "text", False)]
    >>> [b.kind for b in with_gaps([Block("Para one.", "paragraph"), Block("Para two.", "paragraph")], page)]
    ['paragraph', 'gap', 'paragraph']
    """
    line_keys = word_keys([text for text, _kind, _aside in lines])
    at: dict[str, list[int]] = {}
    for i, line_key in enumerate(line_keys):
        at.setdefault(line_key, []).append(i)
    keys = [word_key(block.text) for block in blocks]
    kept = "\n".join(keys)  # a left-out line inside a block (its lead sentence as a teaser) is a copy
    out: list[Block] = []
    last = -1  # the page line of the last block matched
    previous_matched = False
    boxed: list[tuple[int, Block]] = []  # (place in out, block) of the blocks matched to a dialog's line
    matched: list[tuple[int, int]] = []  # (place in out, page line) of the blocks matched to a page line
    for block, key in zip(blocks, keys, strict=True):
        if not key:  # no words: no evidence of where the block is
            out.append(block)
            continue
        places = at.get(key, [])
        k = bisect.bisect_right(places, last)
        found = places[k] if k < len(places) else None
        if found is None and last >= 0:
            found = _piece_of(line_keys, key, last)
        if found is not None and previous_matched:
            out.extend(_gaps(lines, line_keys, last + 1, found, kept))
        if found is not None and lines[found][1] == DIALOG:
            boxed.append((len(out), block))
            block = Block(block.text, DIALOG)
        if found is not None:
            matched.append((len(out), found))
        out.append(block)
        previous_matched = found is not None
        if found is not None:
            last = found
    if boxed and sum(len(b.text.split()) for _, b in boxed) > DIALOG_MAX_SHARE * sum(len(k.split()) for k in keys):
        for place, block in boxed:  # the box holds the article (a "carousel content" container)
            out[place] = block
    for place in _after_container(out, matched, paths) if paths is not None else ():
        out[place] = Block(out[place].text, OUTSIDE)
    if previous_matched:
        out.extend(_tail_gaps(lines[last + 1 :], line_keys[last + 1 :], kept))
    return out


#: The article's container is the innermost page element that holds at least
#: this share of the words of trafilatura's blocks matched to page lines; the
#: blocks after the last one inside it are ``outside`` blocks, left out by the
#: second pass (:func:`_after_container`). Of the 111 wcxb-dev articles with
#: such blocks at 0.8, they were outside the reference on 100 (bios, calls to
#: action, disclaimers, reference lists, teasers, sign-up boxes); inside it
#: on FAQ and credits sections in a container of their own. On extractions
#: with the page walk recomputed (scrapinghub / wcxb-dev / trafilatura-eval,
#: shingle F1 / snippet F1), from .97249 / .94715 / .93826: .97517 / .94786 /
#: .93998 at 0.7, .97385 / .94825 / .94074 at 0.75 (wcxb-dev: 78 pages of 76
#: sites up, 17 of 16 down; trafilatura-eval 21 up, 6 down), .97267 / .94816 /
#: .94074 at 0.8, .97267 / .94812 / .94078 at 0.85, .97287 / .94778 / .94046
#: at 0.9; wcxb-dev .94664 at 0.6, .94746 at 0.95. At 0.9, the blocks after
#: the container that are no page line left out too: wcxb-dev .94270 (they
#: are mostly article). At 0.75, the gap lines after the container left out
#: too: .97385 / .94824 / .94072; no run of lines after trafilatura's last
#: block once a block is outside: wcxb-dev .94820.
ARTICLE_CONTAINER_SHARE = 0.75


def _after_container(blocks: list[Block], matched: list[tuple[int, int]], paths: list[tuple[int, ...]]) -> list[int]:
    """The places in ``blocks`` of the blocks matched to a page line (``matched``: place,
    page line) that come after the last one inside the article's container: the
    innermost element (of the lines' ``paths``, see :func:`cleaner.html.page_walk`) that holds
    :data:`ARTICLE_CONTAINER_SHARE` of the matched blocks' words. trafilatura takes
    in the boxes that follow an article in a sibling container: an author's bio,
    a call to action, a disclaimer, a reference list, teasers.

    >>> blocks = [Block("one two three four", "paragraph"), Block("five six seven", "paragraph"),
    ...           Block("Sign up", "paragraph")]
    >>> _after_container(blocks, [(0, 0), (1, 1), (2, 2)], [(1, 2, 3), (1, 2, 4), (1, 5)])
    [2]
    >>> _after_container(blocks, [(0, 0), (1, 1), (2, 2)], [(1, 2, 3), (1, 5, 4), (1, 5)])
    []
    """
    words: dict[int, int] = {}
    total = 0
    for place, line in matched:
        count = len(blocks[place].text.split())
        total += count
        for element in paths[line]:
            words[element] = words.get(element, 0) + count
    bound = ARTICLE_CONTAINER_SHARE * total
    container, depth = None, -1
    for _place, line in matched:  # the elements holding over half of the words are nested: take the innermost
        path = paths[line]
        for d in range(len(path) - 1, depth, -1):
            if words[path[d]] >= bound:
                container, depth = path[d], d
                break
    if container is None:
        return []
    last_inside = max(place for place, line in matched if container in paths[line])
    return [place for place, _line in matched if place > last_inside]


#: Blocks matched to dialog lines that hold more than this share of the words of
#: trafilatura's blocks are the article, not a box beside it (a page whose
#: article sits in a ``carousel content`` container): they stay as they are.
#: With ``disclosure`` and ``carousel`` boxes among the dialogs, on cached
#: extractions with the gap lines recomputed (scrapinghub / wcxb-dev /
#: trafilatura-eval): .97249 / .9465 / .9372 with no bound (a German interview
#: inside a ``carousel content`` container lost), .9465 / .9378 at 0.8, .9457 /
#: .9378 at 0.5 (a promotion carousel and a fund's disclosures of 72% and 58%
#: of trafilatura's text kept), .9455 / .9378 at 0.3.
DIALOG_MAX_SHARE = 0.8


#: Kinds of page lines of running text (:func:`cleaner.html.page_lines`).
_TEXT_KINDS = frozenset({"text", "item"})


#: A block that is no page line but part of one ("Product marketer" of the
#: line "Eliz - Product marketer") is matched to the first line that holds
#: its words among the page line of the last block matched and the next
#: this many lines, so that the lines after it can come back as gap lines. On cached
#: extractions with the gap lines recomputed (scrapinghub / wcxb-dev /
#: trafilatura-eval, shingle F1 / snippet F1): .9725 / .9444 / .9370 at 0
#: (exact matches only), .9446 on wcxb-dev at 1, .9447 at 2, .9448 at 4, 8
#: and 32, the others unchanged (7 pages of 7 sites up, 1 down, at 4).
PIECE_WINDOW = 4


def _piece_of(line_keys: list[str], key: str, last: int) -> int | None:
    """The page line, from ``last`` to :data:`PIECE_WINDOW` lines after it, that holds the words ``key``."""
    padded = f" {key} "
    for i in range(last, min(len(line_keys), last + PIECE_WINDOW + 1)):
        if padded in f" {line_keys[i]} ":
            return i
    return None


def _gaps(lines: list[tuple[str, str, bool]], line_keys: list[str], start: int, end: int, kept: str) -> list[Block]:
    """The gap blocks among ``lines[start:end]`` (see :func:`with_gaps`).

    A heading over another heading or over links heads a list of teasers
    more often than a section: of the 1,041 short headings left out between
    two blocks of wcxb-dev articles, 698 were in the reference. Recovering
    only those over a text line or list item (shingle F1 / snippet F1 on cached
    extractions, gap lines recomputed, scrapinghub / wcxb-dev /
    trafilatura-eval): .9725 / .9421 / .9366 -> .9725 / .9436 / .9365; all
    short headings .9725 / .9438 / .9361, those over anything but a heading
    .9725 / .9435 / .9363; headings of any length over a text line .9724 /
    .9437 / .9366.

    Of the 562 list items shorter than that left out between two blocks of
    wcxb-dev articles, 393 were in the reference (scrapinghub-aeb has none).
    List items of any length as ``gap-item`` (no prose test): .9725 / .9436
    / .9365 -> .9725 / .9444 / .9370; only the shorter ones .9725 / .9441 /
    .9370.
    """
    gaps = []
    for i in range(start, end):
        text, kind, aside = lines[i]
        if aside or kind == "link" or line_keys[i] in kept:
            continue
        if kind == "item":
            gaps.append(Block(text, "gap-item"))
        elif len(text.split()) >= PROSE_MIN_WORDS:
            gaps.append(Block(text, "gap"))
        elif kind == "heading" and lines[i + 1][1] in _TEXT_KINDS:
            gaps.append(Block(text, "gap-heading"))
    return gaps


def _tail_gaps(lines: list[tuple[str, str, bool]], line_keys: list[str], kept: str) -> list[Block]:
    tail = []
    for (text, kind, aside), line_key in zip(lines, line_keys, strict=True):
        if aside or (line_key and line_key in kept):
            continue
        if kind not in _TEXT_KINDS or len(text.split()) < PROSE_MIN_WORDS:
            break
        tail.append(Block(text, "gap"))
    return tail if len(tail) >= TAIL_MIN_LINES else []
