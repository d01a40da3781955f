"""HTML input: the parsed page, trafilatura's extraction walked into blocks, and the page's own lines.

This module and :mod:`cleaner.html_metadata` (the page metadata, imported from
here) are the only ones that touch trafilatura, lxml, htmldate and charset
detection (imported lazily, so plain-text users never pay for them). What works
on strings, blocks and lines lives beside it: decoding and the sniff
(:mod:`cleaner.html_decoding`), the blocks (:mod:`cleaner.html_blocks`), the
class names of asides and dialogs (:mod:`cleaner.html_asides`), the gap lines
(:mod:`cleaner.html_gaps`), titles (:mod:`cleaner.html_titles`) and the second
pass (:mod:`cleaner.html_second_pass`).

- :func:`extract`: trafilatura's main-content extraction, walked into
  :class:`~cleaner.html_blocks.Block` s (one line each: paragraph, heading, list
  item, quote, table row, code; and the page lines it left out between two of
  them) and its metadata (title, author, date, site name, url, description).
  When trafilatura finds nothing, the blocks are a plain dump of the page's
  visible text and ``fallback`` is set.
- :func:`page_walk` / :func:`page_lines`: the visible text of a parsed page,
  one block-level element a line, with its asides and dialogs marked;
  :func:`plain_dump`: those lines as blocks.
- :func:`detect_charset`: charset_normalizer's guess of a page's encoding (the
  last resort of :func:`cleaner.html_decoding.decode_html`).
- :func:`time_limit`: a wall-clock bound on the work on one page
  (:class:`HtmlTimeout` when it passes).
"""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import threading
from collections.abc import Iterator
from typing import Any

from .html_asides import HeadlineParts, headline_parts, html_asides
from .html_blocks import DIALOG, Block, Extraction
from .html_gaps import run_together_lines, with_gaps
from .html_words import word_key


def detect_charset(data: bytes) -> str | None:
    """charset_normalizer's guess of the encoding of page bytes (read from their first 256 KiB),
    as it names it; None when it has no guess or fails (a detector bug must not lose the page)."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 1 << 18]).best()
    except Exception:  # a detector bug must not lose the page
        return None
    return best.encoding if best is not None else None


class HtmlTimeout(BaseException):
    """The work on a page took longer than its :func:`time_limit`.

    A BaseException, like KeyboardInterrupt: the ``except Exception`` blocks
    in trafilatura, htmldate and here must not swallow it.
    """


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`HtmlTimeout` in the block once ``seconds`` of wall time have passed.

    A ``SIGALRM`` interval timer (``setitimer(ITIMER_REAL)``), so it bounds
    Python code (trafilatura, htmldate, this package) but not one long call
    into C, which is interrupted when it returns. No bound applies when
    ``seconds`` is None or 0, outside the main thread of a process (signals
    are delivered there only), on a platform without ``setitimer``, or while
    another real-time interval timer is armed (it is left alone).

    >>> with time_limit(5):
    ...     sum(range(10))
    45
    """
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise HtmlTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_KINDS = {"p": "paragraph", "head": "heading", "item": "item", "quote": "quote", "code": "code", "row": "row"}
#: Elements walked into rather than taken whole.
_CONTAINERS = frozenset({"list", "table", "div", "quote", "body", "doc", "main", "article", "section"})
_SPACE = re.compile(r"\s+")


def _element_text(element: Any) -> str:
    """trafilatura's text of an element, without its tail."""
    from trafilatura.xml import xmltotxt

    tail, element.tail = element.tail, None
    try:
        return str(xmltotxt(element, False))
    finally:
        element.tail = tail


def _lines(text: str, kind: str) -> list[Block]:
    # str.split's white space is the regex \s's: the parts with their white space runs as one space
    return [Block(line, kind) for line in (" ".join(part.split()) for part in text.split("\n")) if line]


def _block_texts(element: Any, kind: str) -> list[Block]:
    return _lines(_element_text(element), kind)


def _walk(element: Any, out: list[Block]) -> None:
    for child in element:
        _walk_child(child, out)


def _walk_child(child: Any, out: list[Block]) -> None:
    tag = child.tag if isinstance(child.tag, str) else ""
    if tag == "quote" and any(isinstance(c.tag, str) and c.tag in ("p", "list", "head") for c in child):
        _walk(child, out)
    elif tag == "row" and any(_is_layout_cell(cell) for cell in child):
        _walk_layout_row(child, out)
    elif tag == "row" or tag in _KINDS:
        out.extend(_block_texts(child, _KINDS[tag]))
    elif tag in _CONTAINERS:
        _walk(child, out)
    elif tag in ("graphic", "lb", "") or not tag:
        return
    else:  # loose inline element (hi, ref, ...) at block level
        out.extend(_block_texts(child, "paragraph"))


#: Elements inside a table cell that make its row a layout row (a page laid out in a
#: table): its cells are walked into, not joined into one line.
_LAYOUT_CHILDREN = frozenset({"p", "head", "list", "quote", "table"})


def _is_layout_cell(cell: Any) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _LAYOUT_CHILDREN for c in cell)


def _walk_layout_row(row: Any, out: list[Block]) -> None:
    """A layout table row: each cell's paragraphs, headings and lists as blocks, and
    the loose text between them (line breaks kept) as paragraphs."""
    for cell in row:
        loose = [cell.text or ""]
        for child in cell:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _LAYOUT_CHILDREN or tag in _CONTAINERS or tag == "row":
                out.extend(_lines("".join(loose), "paragraph"))
                loose.clear()
                _walk_child(child, out)
            elif tag == "lb":
                loose.append("\n")
            elif tag and tag != "graphic":
                loose.append(_element_text(child))
            loose.append(child.tail or "")
        out.extend(_lines("".join(loose), "paragraph"))


def _clean_meta(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value.replace(_SOFT_HYPHEN, "")).strip()
    return value or None


def extract(html: str, url: str | None = None) -> Extraction:
    """trafilatura's main content as blocks, with the page metadata.

    Comments are left out and tables kept (as rows), like
    ``trafilatura.extract(html, include_comments=False, include_tables=True)``.
    The page is parsed once: the same tree gives the page's ``<h1>``
    headlines, the metadata (:func:`cleaner.html_metadata.read_metadata`,
    trafilatura's fields at a fraction of ``extract_metadata``'s cost) and the
    page's lines (:func:`page_lines`), then trafilatura its input (read last:
    trafilatura changes it). The lines trafilatura left out between two of its
    blocks come in as ``gap`` blocks (:func:`cleaner.html_gaps.with_gaps`; the second pass keeps
    the prose among them). A page trafilatura finds nothing on gives the
    page's lines as blocks (the plain dump) and ``fallback=True``.
    """
    ext = Extraction(url=url)
    body: Any = None
    lines = None
    paths: list[tuple[int, ...]] = []
    try:
        tree = _load_html(html)
    except Exception:
        tree = None
    if tree is not None:
        rejected = _headlines(tree, ext)
        _read_metadata(tree, url, ext)
        if ext.title and word_key(ext.title) in {word_key(text) for text in rejected}:
            # trafilatura took a logo or hidden <h1> for the title (the sole <h1> of the page)
            ext.title = _page_title(tree) or ext.title
        lines, paths = page_walk(tree)
        body, text = _main_content(tree, url, fast=True)
        if _worth_comparing(body, text, lines):
            # the fast run pruned the tree (comment sections, share buttons): the full one reads the page again
            body, _text = _main_content(_load_html(html), url, fast=False)
    if body is not None:
        _walk(body, ext.blocks)
    if ext.blocks and lines is not None:
        ext.blocks = with_gaps(run_together_lines(ext.blocks, lines), lines, paths)
    if not ext.blocks:
        ext.blocks = [_dump_block(line) for line in lines] if lines is not None else plain_dump(html)
        ext.fallback = True
    return ext


@functools.lru_cache(maxsize=1)
def _html_parser() -> Any:
    """trafilatura's parser (``trafilatura.utils.HTML_PARSER``'s settings), its elements all
    ``HtmlElement`` and looked up in C.

    lxml.html's parser chooses each element's class in Python (a form's elements have
    their own), and lxml asks it each time an element is reached while no Python object
    of it is alive: about 3,700 times a page on scrapinghub-aeb, most of them in
    trafilatura's copies of the page (which keep the parser of the page they copy).
    trafilatura, htmldate and this module use no method of those form classes. Same
    output (the JSONL of clean_html on 781 pages of the three dev sets); 3.3% / 7.9% less
    time a page on scrapinghub-aeb / wcxb-dev-article.
    """
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


def _load_html(html: str) -> Any:
    """``trafilatura.utils.load_html(html)`` parsed by :func:`_html_parser` (its steps, without
    its log messages, the page parsed as UTF-8 bytes, which its parser reads faster than a
    str: see :func:`_repaired`): the page's root element, or None when the page is not HTML.
    The same trees on the 1,964 pages of the three dev sets; a lone surrogate (a JSON
    record can hold one) becomes three U+FFFD where trafilatura's parse of the str ends
    the element's text."""
    import lxml.html
    from trafilatura.utils import decode_file, is_dubious_html

    text = decode_file(html)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    try:
        tree = lxml.html.fromstring(_repaired(text, beginning), parser=_html_parser())
    except Exception:
        return None
    if dubious and len(tree) < 2:
        return None
    return tree


#: The characters trafilatura's ``INVALID_XML_CHARS`` removes: the control characters as
#: UTF-8 bytes (no multi-byte character holds one), and the two noncharacters (a str
#: finds one character faster than bytes find its three).
_CONTROL_BYTES = bytes((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))
_NONCHARACTERS = ("\ufffe", "\uffff")


def _repaired(text: str, beginning: str) -> bytes:
    """``trafilatura.utils.repair_faulty_html(text, beginning)`` encoded as UTF-8 (lone
    surrogates passed through, as trafilatura's byte fallback encodes them).

    Its first step, a regex removing control characters and U+FFFE and U+FFFF, scans
    the whole page (about 0.5 ms on a 170 kB page, 0.04x ``trafilatura.extract``'s
    time); here it runs only on a page that holds one, which its UTF-8 bytes tell at
    C speed. The other steps read the page's first lines.
    """
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

    data = text.encode("utf-8", "surrogatepass")
    repaired = text
    if len(data.translate(None, _CONTROL_BYTES)) < len(data) or any(nc in text for nc in _NONCHARACTERS):
        repaired = INVALID_XML_CHARS.sub("", repaired)
    if "doctype" in beginning:  # a doctype with a slash trips libxml2 (lxml bug 1955915)
        first, _newline, rest = repaired.partition("\n")
        repaired = DOCTYPE_TAG.sub("", first, count=1) + "\n" + rest
    for line in repaired[:4096].splitlines()[:4]:  # a self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            repaired = FAULTY_HTML.sub(r"\1>", repaired, count=1)
            break
    return data if repaired == text else repaired.encode("utf-8", "surrogatepass")


def _main_content(tree: Any, url: str | None, fast: bool) -> tuple[Any, str]:
    """The body of trafilatura's extraction of the page's main content and its text, as
    ``bare_extraction(tree, url=url, fast=fast, include_comments=False,
    include_tables=True, with_metadata=False)`` gives them; (None, "") when it raises
    or finds nothing.

    Its extraction steps are run on ``tree`` itself, which they change:
    ``bare_extraction`` would first copy the page (copying and freeing it cost
    about 0.02x ``trafilatura.extract`` a page). Of its other steps, only the
    empty-output check applies here: trafilatura's default settings set no
    tree size limit, and the language filter, pruning and deduplication are
    off. ``fast`` leaves out its comparison with readability's and jusText's
    extractions (see :func:`_worth_comparing`) and its recall escalation (see
    :func:`_fast_sequence`), and keeps teaser blocks in its last-resort recovery
    of stray text.
    """
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import Extractor

    options = Extractor(output_format="txt", fast=fast, comments=False, tables=True, url=url)
    try:
        if fast:
            body, text = _fast_sequence(tree, options)
        else:
            body, text, _comments, _comments_text = trafilatura_sequence(tree, options, options.url)
    except Exception:  # trafilatura can raise on odd markup: fall back to the plain dump
        return None, ""
    if len(text) < options.min_output_size:  # with comments off, its empty-output check
        return None, ""
    return body, text


def _fast_sequence(tree: Any, options: Any) -> tuple[Any, str]:
    """``trafilatura.core.trafilatura_sequence`` for a fast run with comments off, without
    its fourth stage: its own steps (the raw tree's pruning, the main extractor, the
    baseline's rescue of a short extraction) up to the recall escalation.

    The escalation retries an extraction under 3,000 characters and under 0.2 of the
    page's text (``len(html2txt(tree))``). :func:`_worth_comparing` sends such a page
    to the full cascade, which holds the escalation, by its own measure of the page's
    text (a test checks it on generated pages). Measuring the page the escalation's
    way first cost 0.04-0.11x ``trafilatura.extract``'s time (``html2txt`` copies the
    page and runs a class-name regex on each element; trafilatura's sequence on the
    pages, fast, with and without it: .52 / .41 on scrapinghub-aeb, .57 / .54 on the
    wcxb-dev articles, .53 / .43 on trafilatura-eval). On the dev pages the gate
    caught all of them (9 / 36 / 91 pages); on 1 wcxb-dev and 8 trafilatura-eval
    pages the escalation's retry was taken where the gate had not sent the page on:
    they now get the full cascade's extraction.
    """
    from trafilatura.baseline import baseline
    from trafilatura.core import _extract_and_compare, _forum_thread_page, _prepare_tree
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    is_forum = _forum_thread_page(tree)
    tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
    if not is_forum:  # comments off: a forum's comments are its posts
        tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    cleaned, backup = _prepare_tree(tree, options, options.url)
    body, text = _extract_and_compare(cleaned, backup, tree, options)
    if len(text) < options.min_extracted_size:
        rescued, rescued_text, rescued_length = baseline(tree)
        if rescued_length > len(text):
            body, text = rescued, rescued_text
    return body, text


#: trafilatura's full cascade (its extraction compared with readability's and
#: jusText's, :func:`_worth_comparing`) runs only where its fast extraction
#: holds less than this share of the page's text (its :func:`page_walk` lines
#: joined by spaces). The comparison is 30% of ``trafilatura.extract``'s
#: time (``extract(fast=True)`` / ``extract()`` .70 on scrapinghub-aeb, .67
#: on wcxb-dev articles) and changes the text of few pages: 44 of the 793
#: wcxb-dev articles, 5 of the 181 scrapinghub-aeb pages, 73 of the 990
#: trafilatura-eval pages, most of them pages where the fast extraction holds
#: a small part of the page (readability's text is taken when it is twice as
#: long). ``python -m bench.run --html-track --systems cleaner_html``,
#: scrapinghub / wcxb-dev articles shF1 / trafilatura-eval snippet F1, always
#: compared .97552 / .95022 / .94241; never (fast only) .97607 / .93951 /
#: .93703; at 0.1 .97577 / .94888 / .94130; at 0.2 .97352 / .95018 / .94161
#: (pages gated 8% / 6% / 14%, changed pages caught 2 / 32 / 47); at 0.3
#: .97284 / .95019 / .94094 (19% / 9% / 24%). The comparison is not always
#: for the better: at 0.3 it catches more changed pages and scores less.
#: (Measured before the fast run left out the recall escalation; since, at
#: 0.2: .97352 / .95018 / .94179.)
COMPARE_PAGE_SHARE = 0.2


def _worth_comparing(body: Any, text: str, lines: list[tuple[str, str, bool]]) -> bool:
    """Whether readability's or jusText's extraction could replace trafilatura's fast one
    (``trafilatura.external.compare_extraction``'s conditions, with the page's text for
    readability's): nothing or less than ``min_extracted_size`` (250) characters found, no
    paragraph text or more tables than paragraphs, or less than :data:`COMPARE_PAGE_SHARE`
    of the page's text (its lines joined by spaces)."""
    if body is None or len(text) < MIN_EXTRACTED_SIZE:
        return True
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    page_chars = sum(len(line) + 1 for line, _kind, _aside in lines) - 1  # joined by spaces, like html2txt's
    return len(text) < COMPARE_PAGE_SHARE * page_chars


#: trafilatura's ``min_extracted_size`` setting (a test checks it): below it, its cascade tries jusText.
MIN_EXTRACTED_SIZE = 250


def _read_metadata(tree: Any, url: str | None, ext: Extraction) -> None:
    from .html_metadata import read_metadata

    try:
        meta = read_metadata(tree, url)
    except Exception:  # trafilatura's and htmldate's readers can raise on odd markup: no metadata then
        return
    _copy_metadata(meta, url, ext)


def _headline_text(element: Any, parts: HeadlineParts) -> Iterator[str]:
    """An ``<h1>``'s text without its kicker, date and hidden parts (:func:`cleaner.html_asides.headline_parts`),
    a ``<br>`` counting as a space."""
    if isinstance(element.tag, str):
        if element.tag == "br":
            yield " "
        elif not parts.is_part(element):
            if element.text:
                yield element.text
            for child in element:
                yield from _headline_text(child, parts)
    if element.tail:
        yield element.tail


def _headlines(tree: Any, ext: Extraction) -> list[str]:
    """The page's ``<h1>`` headlines and the site name its logo ``<h1>`` shows, into ``ext``;
    return the texts of the ``<h1>`` s that are not headlines (logos, hidden)."""
    parts = headline_parts()
    rejected = []
    for h1 in tree.iter("h1"):
        if parts.is_hidden(h1) or parts.is_logo(h1):
            text = _SPACE.sub(" ", h1.text_content()).strip()
            rejected.append(text)
            if not parts.is_hidden(h1):
                ext.logo = ext.logo or text or None
            continue
        pieces = [h1.text or "", *(piece for child in h1 for piece in _headline_text(child, parts))]
        text = _SPACE.sub(" ", "".join(pieces).replace(_SOFT_HYPHEN, "")).strip().lstrip(_LEADING_MARKS)
        if text and text not in ext.headlines:
            ext.headlines.append(text)
        if len(ext.headlines) >= MAX_HEADLINES:
            break
    return rejected


def _page_title(tree: Any) -> str | None:
    """The text of the page's ``<title>`` (the first one: lxml leaves it outside ``<head>`` on some
    broken pages)."""
    element = tree.find(".//title")
    return _clean_meta(element.text_content()) if element is not None else None


#: At most this many ``<h1>`` headlines are kept per page (evidence for the title; the limit it always had).
MAX_HEADLINES = 5
_SOFT_HYPHEN = "\u00ad"
#: Separators left at the start of an ``<h1>`` once its kicker is out ("Kicker<span>: </span>Headline").
_LEADING_MARKS = " :|•·»-–—"


def _copy_metadata(meta: Any, url: str | None, ext: Extraction) -> None:
    """Title, author, date, site name, URL and description of a trafilatura Document."""
    ext.title = _clean_meta(meta.title)
    ext.author = _clean_meta(meta.author)
    ext.date = _clean_meta(meta.date)
    ext.site_name = _clean_meta(meta.sitename)
    ext.url = _clean_meta(meta.url) or url
    ext.description = _clean_meta(meta.description)


_DROP = frozenset({"script", "style", "template", "svg", "head", "iframe", "object", "canvas"})
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "nav",
        "aside",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "address",
        "hr",
        "br",
        "title",
        "body",
        "html",
        "center",
        "details",
        "summary",
    ]
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def plain_dump(page: Any) -> list[Block]:
    """The visible text of a page (HTML text or a parsed lxml tree), one
    block-level element per line (no extraction).

    >>> [b.text for b in plain_dump("<html><body><h1>Title</h1><p>One <b>two</b></p><script>x()</script></body>")]
    ['Title', 'One two']
    """
    root = page
    if isinstance(page, str):
        try:
            import lxml.html

            root = lxml.html.document_fromstring(page)
        except Exception:  # not parseable at all: strip tags by pattern
            text = re.sub(r"<[^>]*>", "\n", page)
            return [Block(line, "text") for line in (_SPACE.sub(" ", x).strip() for x in text.split("\n")) if line]
    return [_dump_block(line) for line in page_lines(root)]


def _dump_block(line: tuple[str, str, bool]) -> Block:
    """The block of a page line in a plain dump: a dialog's line is a text line there (the classifier judges it)."""
    text, kind, _aside = line
    return Block(text, "text" if kind == DIALOG else kind)


def page_lines(root: Any) -> list[tuple[str, str, bool]]:
    """The visible text of a parsed page, one block-level element a line (see :func:`page_walk`)."""
    return page_walk(root)[0]


def page_walk(root: Any) -> tuple[list[tuple[str, str, bool]], list[tuple[int, ...]]]:
    """The visible text of a parsed page, one block-level element a line, as
    ``(text, kind, aside)``: ``kind`` is ``heading``, ``link`` (a line of
    which links hold at least :data:`LINK_LINE_SHARE` of the characters: a
    teaser, a menu entry; a heading stays a heading), ``item`` (a list item)
    or ``text``, and ``dialog`` inside an element whose class or id names a
    dialog (a modal, a popup: :meth:`cleaner.html_asides.Asides.names_dialog`);
    ``aside`` is True inside an element of :func:`cleaner.html_asides.html_asides` (a caption,
    related links, a promotion ...) and inside a dialog; and beside them,
    each line's place in the page: the numbers of the elements it sits in
    (the root first, each element numbered in document order), which tell
    what container holds a line (:func:`cleaner.html_gaps.with_gaps`).

    >>> import lxml.html
    >>> page_lines(lxml.html.document_fromstring(
    ...     "<body class='has-sidebar'><h2>Head</h2><p>Text</p><figure><figcaption>Photo</figcaption></figure>"
    ...     "<div class='related-posts'><p>More</p></div></body>"))
    [('Head', 'heading', False), ('Text', 'text', False), ('Photo', 'text', True), ('More', 'text', True)]
    >>> page_lines(lxml.html.document_fromstring("<p>Text</p><div class='newsletter-popup'><h3>Sign up</h3></div>"))
    [('Text', 'text', False), ('Sign up', 'dialog', True)]
    >>> page_walk(lxml.html.document_fromstring("<body><div><p>One</p><p>Two</p></div><p>Three</p></body>"))[1]
    [(1, 2, 3, 4), (1, 2, 3, 5), (1, 2, 6)]
    """
    aside_tags = html_asides().tags
    lines: list[tuple[str, str, bool]] = []
    paths: list[tuple[int, ...]] = []
    open_elements: list[int] = []  # the numbers of the elements the walk is in
    numbered = 0
    parts: list[str] = []
    append = parts.append
    kind = "text"
    linked = 0  # characters of the line's parts inside a link

    def flush(aside: bool, dialog: bool) -> None:
        nonlocal kind, linked
        if parts:
            line = " ".join("".join(parts).split())  # str.split's white space is the regex \s's
            if line:
                if dialog:
                    kind = "dialog"
                elif kind != "heading" and linked >= LINK_LINE_SHARE * len(line):
                    kind = "link"
                lines.append((line, kind, aside or dialog))
                paths.append(tuple(open_elements))
            parts.clear()
        kind = "text"
        linked = 0

    # each lxml property read builds a new string: every one is read once (this runs on every element)
    def visit(el: Any, aside: bool, dialog: bool, in_link: bool) -> None:
        nonlocal kind, linked, numbered
        tag = el.tag
        inside, in_dialog, is_block, link, element = aside, dialog, False, in_link, False
        if isinstance(tag, str):  # not a comment nor a processing instruction
            tag = tag.lower()
            if tag in _DROP:
                if tail := el.tail:
                    append(tail)
                return
            inside = aside or tag in aside_tags
            is_block = tag in _BLOCK_TAGS
            text = el.text
            # an element's names decide what its children's lines are, and its own when it is a
            # block with text: a childless inline element or empty block needs no verdict
            if not dialog and tag != "html" and tag != "body" and (len(el) or (is_block and text)):
                names = f"{el.get('class') or ''} {el.get('id') or ''}"
                if names != " ":
                    in_dialog = _is_dialog_name(names)
                    inside = inside or in_dialog or _is_aside_name(names)
            if is_block:
                flush(aside, dialog)
                if tag in _HEADING_TAGS:
                    kind = "heading"
                elif tag == "li":
                    kind = "item"
            numbered += 1
            open_elements.append(numbered)
            element = True
            link = in_link or tag == "a"
            if text:
                append(text)
                if link:
                    linked += len(" ".join(text.split()))
        for child in el:
            visit(child, inside, in_dialog, link)
        if is_block:
            flush(inside, in_dialog)
        if element:
            open_elements.pop()
        if tail := el.tail:
            append(tail)
            if in_link:
                linked += len(" ".join(tail.split()))

    visit(root, False, False, False)
    flush(False, False)
    return lines, paths


#: A page line of which links hold at least this share of the characters is
#: a ``link`` line (a teaser, a menu entry, a "Read more" link): it never
#: comes back as a gap line, and it ends the run after trafilatura's last
#: block as a heading does. Of the gap lines of wcxb-dev articles, 100 of
#: the 285 with links over half their characters were in the reference, 747
#: of the 1,055 others. On cached extractions with the gap lines recomputed
#: from the pages (scrapinghub / wcxb-dev / trafilatura-eval, shingle F1 /
#: snippet F1): .9725 / .9411 / .9359 -> .9725 / .9414 / .9364 at 0.5;
#: .9725 / .9413 / .9364 at 0.3, .9725 / .9414 / .9361 at 0.7 and 0.9.
LINK_LINE_SHARE = 0.5


@functools.lru_cache(maxsize=4096)
def _is_dialog_name(names: str) -> bool:
    """Whether an element's class and id name a dialog (cached: pages repeat their class names)."""
    return html_asides().names_dialog(names)


@functools.lru_cache(maxsize=4096)
def _is_aside_name(names: str) -> bool:
    """Whether an element's class and id name an aside (cached: pages repeat their class names)."""
    return html_asides().names_aside(names)
