"""Page metadata (title, author, date, site name, url, description) from a parsed lxml tree.

What ``trafilatura.extract_metadata`` gives for these fields, at a fraction of
its cost. It reuses trafilatura's own steps (``examine_meta``,
``extract_meta_json``, ``extract_title``, ``extract_url``, htmldate's
``find_date``) in the same order, with three changes that leave the fields as
they were (checked on the 1,964 pages of the three dev sets):

- the categories, tags and licence are not searched for (cleaner does not
  use them; about 0.2× the cost of ``trafilatura.extract`` a page);
- the author search in the markup (when the meta tags and JSON-LD name
  none) tests in Python only the elements whose attributes hold an author
  word, instead of trafilatura's XPath expressions with ``re:test`` on every
  element, and does not copy and prune the whole page (a quarter of the
  cost);
- the JSON-LD text is cleaned with regular expressions rather than
  per-character Python (about a third of the cost).

The date is htmldate's fast search, then its extensive one (which also reads
the page's text) only where the fast one finds nothing.

Imported by :mod:`cleaner.html` only, so trafilatura and lxml stay behind the
HTML modules.
"""

from __future__ import annotations

import contextlib
import json
import re
from copy import deepcopy
from html import unescape
from typing import Any

from htmldate import find_date
from lxml import etree
from trafilatura.json_metadata import JSON_UNICODE_REPLACE, extract_json, extract_json_parse_error, normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, set_date_params
from trafilatura.utils import HTML_STRIP_TAGS, trim
from trafilatura.xml import delete_element

#: Longest author string taken from the page's markup (trafilatura's ``extract_author`` limit).
AUTHOR_MAX_CHARS = 120


# trafilatura.metadata.extract_meta_json's scripts, and its JSON_MINIFY with a run of white space
# as one match (the same text, fewer substitutions).
_JSON_SCRIPTS = etree.XPath('.//script[@type="application/ld+json" or @type="application/settings+json"]')
_JSON_SPACE = re.compile(r'("(?:\\.|[^"\\])*")|\s+')
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# The attributes the author tests below read, and the words one of them must hold for any test
# to pass (with the <author> elements). Relative paths: trafilatura searches a copy of the page's
# root element, which leaves out a second top-level <html> that lxml's recovery can make.
_AUTHOR_ATTRIBUTES = etree.XPath(".//@class|.//@id|.//@itemprop|.//@rel|.//@data-testid|.//@data-component|.//author")
_AUTHOR_WORDS = re.compile(
    "[Aa]uthor|[Bb]yl|BBL|username|zuozhe|bianji|xiaobian|channel-name|submitted-by|posted-by|journalist-name"
    "|screenname|writer"
)
# trafilatura.xpaths.AUTHOR_XPATHS, as tests on one element (its three expressions are tiers:
# the first tier with a usable text wins). trafilatura's ``rel='me'`` (a child element named
# "rel", which HTML does not have) is left out.
_TIER1_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_TIER1_EQUALS = (("rel", "author"), ("id", "author"), ("class", "author"), ("itemprop", "author name"))
_TIER1_TESTIDS = frozenset({"AuthorCard", "AuthorURL"})
_TIER1_CLASS = re.compile("author-?name|AuthorName|authorName")
_TIER2_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_TIER2_CLASSES = frozenset({"byline", "username", "byl", "BBL"})
_TIER2_ID = re.compile("author|zuozhe|bianji|xiaobian")
_TIER2_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_TIER3_ID = re.compile("[Aa]uthor")
_TIER3_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS: comment threads, titles, dates, side bars, figures.
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ALWAYS = frozenset({"time", "figure"})
_DISCARD_CLASSES = frozenset({"comments", "title", "date"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer"
)


def read_metadata(tree: Any, url: str | None = None) -> Document:
    """The page's title, author, date, site name, url and description, as a trafilatura ``Document``.

    The steps and their order are ``trafilatura.extract_metadata``'s, then
    the extensive date search where the fast one found nothing; ``tree`` is
    not modified.
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # a one-word author is a user name (trafilatura's rule)
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reading can raise on odd data
        meta = _json_ld(tree, meta)
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or _markup_author(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.date = find_date(tree, **set_date_params(extensive=False), url=meta.url)
    meta.sitename = _site_name(tree, meta)
    meta.clean_and_trim()
    meta.date = meta.date or _extensive_date(tree, meta.url)
    return meta


def _json_ld(tree: Any, meta: Document) -> Document:
    """trafilatura's ``extract_meta_json``: the page's JSON-LD read into ``meta``.

    Its text clean-up (white space outside strings removed, then trafilatura's
    ``normalize_json``) is done with regular expressions instead of a
    substitution template and a Python test on every character: the same text.
    """
    for script in _JSON_SCRIPTS(tree):
        if not script.text:
            continue
        text = _normalize_json(_JSON_SPACE.sub(_json_string, script.text))
        try:
            meta = extract_json(json.loads(text, strict=False), meta)
        except json.JSONDecodeError:
            meta = extract_json_parse_error(text, meta)
    return meta


def _json_string(match: re.Match[str]) -> str:
    return match[1] or ""


def _normalize_json(text: str) -> str:
    """trafilatura's ``json_metadata.normalize_json``, the lone surrogates removed by a regex."""
    if "\\" in text:
        text = text.replace("\\n", "").replace("\\r", "").replace("\\t", "")
        text = JSON_UNICODE_REPLACE.sub(lambda match: chr(int(match[1], 16)), text)
        text = unescape(_SURROGATES.sub("", text))
    return trim(HTML_STRIP_TAGS.sub("", text))


def _markup_author(tree: Any) -> str | None:
    """trafilatura's ``extract_author``: the text of the first author element (by
    tier, then in page order) outside comment threads, dates and figures.

    Its XPath searches test every element with ``re:test`` (a call back into
    Python each); here one XPath collects the few elements whose attributes
    hold an author word and Python tests those. The page is not copied and
    pruned either: an element inside a discarded one is skipped, and only an
    author element holding a discarded one is copied to take that out.
    """
    values: list[Any] = _AUTHOR_ATTRIBUTES(tree)  # attribute values (lxml strings) and <author> elements
    found = dict.fromkeys(
        value if isinstance(value, etree._Element) else value.getparent()
        for value in values
        if not isinstance(value, str) or _AUTHOR_WORDS.search(value)
    )
    tiers: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
    for element in found:
        for tier, matches in zip(tiers, _author_tiers(element), strict=True):
            if matches:
                tier.append(element)
    for tier in tiers:
        for element in tier:
            if _is_discarded(element) or any(_is_discarded(a) for a in element.iterancestors() if a is not tree):
                continue
            text = trim(" ".join(_without_discarded(element).itertext()))
            if 2 < len(text) < AUTHOR_MAX_CHARS:
                return normalize_authors(None, text)
    return None


def _author_tiers(element: Any) -> tuple[bool, bool, bool]:
    """Whether ``element`` matches each of trafilatura's three author expressions."""
    tag, get = element.tag, element.get
    cls, ident, itemprop = get("class") or "", get("id") or "", get("itemprop") or ""
    first = tag == "author" or (
        tag in _TIER1_TAGS
        and (
            any(get(name) == value for name, value in _TIER1_EQUALS)
            or get("data-testid") in _TIER1_TESTIDS
            or _TIER1_CLASS.search(cls) is not None
        )
    )
    second = tag in _TIER2_TAGS and (
        cls in _TIER2_CLASSES
        or "author" in itemprop
        or _TIER2_ID.search(ident) is not None
        or _TIER2_CLASS.search(cls) is not None
    )
    third = (
        "Byline" in (get("data-component") or "")
        or "author" in itemprop
        or _TIER3_ID.search(ident) is not None
        or _TIER3_CLASS.search(cls) is not None
    )
    return first, second, third


def _is_discarded(element: Any) -> bool:
    """trafilatura's ``AUTHOR_DISCARD_XPATHS`` on one element (the page's root excepted)."""
    tag = element.tag
    if tag in _DISCARD_ALWAYS:
        return True
    if tag not in _DISCARD_TAGS:
        return False
    cls, ident = element.get("class") or "", element.get("id") or ""
    return (
        ident == "comments"
        or cls in _DISCARD_CLASSES
        or _DISCARD_ID.search(ident) is not None
        or _DISCARD_CLASS.search(cls) is not None
        or "Figure" in (element.get("data-component") or "")
    )


def _without_discarded(element: Any) -> Any:
    """``element``, or a copy of it without its discarded descendants (their tails kept,
    as trafilatura's pruning does)."""
    if not any(_is_discarded(d) for d in element.iterdescendants(etree.Element)):
        return element
    copy = deepcopy(element)
    doomed = [c for e, c in zip(element.iter(), copy.iter(), strict=True) if e is not element and _is_discarded(e)]
    for node in doomed:
        delete_element(node)
    return copy


def _site_name(tree: Any, meta: Document) -> str | None:
    """The site name from the meta tags, else the title's dotted part, else the URL's host
    (trafilatura's rules)."""
    name = meta.sitename or extract_sitename(tree)
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name
    host = META_URL.match(meta.url) if meta.url else None
    return host[1] if host else None


def _extensive_date(tree: Any, url: str | None) -> str | None:
    """htmldate's extensive search (it also reads the page's text), for a page
    where the fast search found no date.

    Run only where the fast one fails, it gives the date the extensive search
    always gives on 359 of 360 dev pages, and the same date as the previous
    path (trafilatura's metadata inside its extraction) on 360 of 360
    (``python -m bench.html_dev dates --limit 120``). It is most of what the
    metadata costs where it runs (about 0.13× ``trafilatura.extract`` a page
    on wcxb-dev, where 1 page in 10 needs it).
    """
    try:
        return find_date(tree, **set_date_params(extensive=True), url=url)
    except Exception:  # htmldate can raise on odd markup; no date then
        return None
