"""Page titles: site suffixes, title equality, and the choice of the document's title.

- :func:`split_site_suffix`: a page title without its " | Site" suffix (or "Site: " prefix).
- :func:`same_title`: two titles equal as word sequences, modulo a site suffix.
- :func:`fuse_title`: the metadata title or the in-page headline.
- :func:`choose_title`: the headline of an :class:`~cleaner.html_blocks.Extraction`, from its
  ``<h1>`` s and its metadata title (what the second pass uses).
"""

from __future__ import annotations

import re

from .html_blocks import Extraction
from .html_words import word_key

#: Separators between a page title and the site name ("Headline | Site").
_SUFFIX = re.compile(r"\s+(?:[|•·»:~/]|[-–—]{1,2})\s+")
_PREFIX = re.compile(r"^(.{2,60}?)\s*(?:[|:•·»]|\s[-–—]{1,2})\s+")
#: A site suffix is at most this many words.
SITE_SUFFIX_MAX_WORDS = 6
_TOKENS = re.compile(r"\w+")


def split_site_suffix(title: str, site_name: str | None = None) -> str:
    """A page title without its trailing site name (" | Site", " - Site", " – Site" ...).

    A suffix that is the known site name goes (a "Site: " prefix too); else a
    short last part goes after " | " (or "·", "»"), or after a dash when the
    rest is clearly longer.

    >>> split_site_suffix("Rebels take key town | The Daily Planet")
    'Rebels take key town'
    >>> split_site_suffix("Rebels take key town – Daily Planet", "Daily Planet")
    'Rebels take key town'
    >>> split_site_suffix("Daily Planet: Rebels take key town", "Daily Planet")
    'Rebels take key town'
    >>> split_site_suffix("Spider-Man – Far From Home review")
    'Spider-Man – Far From Home review'
    """
    title = title.strip()
    site = word_key(site_name) if site_name else ""
    if site:
        prefix = _PREFIX.match(title)
        if prefix and word_key(prefix.group(1)) == site and prefix.end() < len(title):
            mark = prefix.group()[prefix.end(1) :].strip()
            title = title[prefix.end() :].strip()
            deeper = [m for m in _SUFFIX.finditer(title) if m.group().strip() == mark]
            if deeper:  # "Site » Section » Headline": the last part is the headline
                return title[deeper[-1].end() :].strip()
    seps = list(_SUFFIX.finditer(title))
    if not seps:
        return title
    if site:  # "Headline : Site | Slogan": the site name ends the headline
        for sep, after in zip(seps, [*seps[1:], None], strict=True):
            part = title[sep.end() : after.start() if after is not None else len(title)]
            if after is not None and word_key(part) == site:
                return title[: sep.start()].strip()
    last_sep = seps[-1]
    rest, last = title[: last_sep.start()].strip(), title[last_sep.end() :].strip()
    if site and (word_key(last) == site or (site in word_key(last) and len(last.split()) <= SITE_SUFFIX_MAX_WORDS)):
        return rest
    mark = last_sep.group().strip()
    if len(last.split()) > SITE_SUFFIX_MAX_WORDS or mark in (":", "/", "~"):
        return title
    if mark in ("|", "•", "·", "»") or len(rest.split()) > len(last.split()):
        return rest
    return title


def same_title(a: str, b: str) -> bool:
    """Equal as lower-case word sequences, or one equal to the other without its site suffix.

    >>> same_title("Rebels take key town", "Rebels Take Key Town | Planet")
    True
    """
    na, nb = word_key(a), word_key(b)
    return bool(na) and (na == nb or na == word_key(split_site_suffix(b)) or word_key(split_site_suffix(a)) == nb)


def fuse_title(meta_title: str | None, headline: str | None, site_name: str | None = None) -> str | None:
    """The document title from the metadata title and the in-page headline.

    The in-page headline wins when it matches the metadata title modulo its
    site suffix (it is the text the reader sees); else the metadata title
    without its suffix (a headline that does not match may be a teaser or a
    section name); else the headline.

    >>> fuse_title("Rebels take key town | Planet", "Rebels take key town")
    'Rebels take key town'
    >>> fuse_title("Rebels take key town - Planet", "Most read", "Planet")
    'Rebels take key town'
    >>> fuse_title(None, "Rebels take key town")
    'Rebels take key town'
    """
    if meta_title:
        stripped = split_site_suffix(meta_title, site_name)
        if headline and same_title(headline, stripped):
            return headline
        if site_name and word_key(stripped) == word_key(site_name) and headline:
            return headline  # the metadata title is only the site name
        return stripped
    return headline


def choose_title(ext: Extraction) -> str | None:
    """The page's headline, from its ``<h1>`` s and its metadata title.

    An ``<h1>`` equal to the metadata title (modulo its site suffix) wins,
    when it has :data:`META_MIN_WORDS` content words even if the site name
    repeats it; else the first ``<h1>`` sharing a word with it (on wcxb-dev
    the visible headline is the reference title more often than the
    metadata), unless that ``<h1>`` is the metadata title after a kicker
    ("Local News | ...", "Blog: ...", a date), when the metadata title wins;
    when none shares a word (a logo, a section name), the metadata title
    without its suffix. A metadata title that is only the site name gives way
    to the first ``<h1>``, or to a heading opening trafilatura's output.

    >>> choose_title(Extraction(title="Rebels take key town | Planet", headlines=["Planet", "Rebels Take Key Town"]))
    'Rebels Take Key Town'
    >>> choose_title(Extraction(title="Rebels take town - Planet", site_name="Planet"))
    'Rebels take town'
    >>> choose_title(Extraction(title="How to fix a bike: a guide", headlines=["Our blog", "How to fix a bike fast"]))
    'How to fix a bike fast'
    >>> choose_title(Extraction(title="Best bikes of the year 2025", headlines=["Our blog"]))
    'Best bikes of the year 2025'
    """
    meta = _without_site(ext.title, ext) if ext.title else None
    sized = [h for h in ext.headlines if 1 <= len(_TOKENS.findall(h)) <= HEADLINE_MAX_WORDS]
    if meta and ext.title:
        for h in sized:
            if len(_content_words(h)) >= META_MIN_WORDS and (same_title(h, meta) or same_title(h, ext.title)):
                return h  # even when the site name repeats it (a site name copied from the title)
    site = set(_TOKENS.findall((ext.site_name or "").lower()))
    candidates = [h for h in sized if set(_TOKENS.findall(h.lower())) - site]
    meta_is_site = bool(meta) and not set(_TOKENS.findall((meta or "").lower())) - site - _SITE_WORDS
    if not meta or meta_is_site:
        return candidates[0] if candidates else (_leading_heading(ext) or meta)
    for h in candidates:
        if same_title(h, meta):
            return h
    parts = {word_key(part) for part in _SUFFIX.split(ext.title or "")}
    in_parts = [h for h in candidates if word_key(h) in parts]
    if in_parts:  # "Section - Headline", "Date | Headline": the <h1> is one part of the metadata title
        return max(in_parts, key=lambda h: len(_content_words(h)))
    meta_words = _content_words(meta)
    sharing = [h for h in candidates if _content_words(h) & meta_words]
    if sharing:
        return meta if _is_kicker_of(sharing[0], meta) else sharing[0]
    if candidates and len(meta_words) < META_MIN_WORDS:
        return candidates[0]
    return meta


def _without_site(title: str, ext: Extraction) -> str:
    """``title`` without the site name: the one the logo ``<h1>`` shows, else the metadata's."""
    stripped = split_site_suffix(title, ext.logo) if ext.logo else title.strip()
    return split_site_suffix(title, ext.site_name) if stripped == title.strip() else stripped


#: A metadata title of fewer content words than this loses to an unrelated ``<h1>``.
META_MIN_WORDS = 3
#: Words a metadata title may add to the site name and still be only the site name.
_SITE_WORDS = frozenset({"s", "blog", "home", "homepage", "news", "the", "official", "site", "website"})


def _is_kicker_of(headline: str, meta: str) -> bool:
    """Whether ``headline`` is ``meta`` after a few words of its own (a kicker,
    a section, a date, "Blog:"): the metadata title is then the headline.

    >>> _is_kicker_of("Local News | Rebels take key town", "Rebels take key town")
    True
    >>> _is_kicker_of("Rebels take key town: what it means", "Rebels take key town")
    False
    >>> _is_kicker_of("The best bikes of 2026", "Best bikes of 2026")
    False
    """
    head, tail = word_key(headline), word_key(meta)
    return bool(tail) and head.endswith(" " + tail) and len(head) - len(tail) - 1 >= KICKER_MIN_CHARS


#: A kicker is at least this many characters: an article ("The", "Der") before
#: the metadata title is not one. On the 21 pages of wcxb-dev-article and
#: trafilatura-eval with an <h1> that is the metadata title after other words,
#: the reference title was the metadata title on 14 and the <h1> on 2 of the 19
#: with a longer kicker, and one each of the 2 with a lone "The".
KICKER_MIN_CHARS = 4


def _leading_heading(ext: Extraction) -> str | None:
    """A heading block that opens trafilatura's output."""
    first = ext.blocks[0] if ext.blocks and not ext.fallback else None
    return first.text if first is not None and first.kind == "heading" else None


def _content_words(text: str) -> set[str]:
    return {t for t in _TOKENS.findall(text.lower()) if len(t) > 2 or t.isdigit()}


#: Longest ``<h1>`` taken as the headline, in words.
HEADLINE_MAX_WORDS = 30
