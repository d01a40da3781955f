"""What of a page is an aside, a dialog or no headline: the class and id names of ``data/html_asides.json``.

- :func:`html_asides` (:class:`Asides`, validated by :func:`parse_asides`): the tag names
  of aside elements (a caption, related links, a promotion ...), and the patterns for the class
  and id values that name an aside (:meth:`Asides.names_aside`) or a dialog laid over the page
  (:meth:`Asides.names_dialog`).
- :func:`headline_parts` (:class:`HeadlineParts`, validated by :func:`parse_headline_parts`):
  the parts of an ``<h1>`` that are no headline (a kicker, a date), and the ``<h1>`` s that are
  none (for screen readers only, a logo).

Every list is checked at load: each example matches its patterns, no counter-example does
(:class:`AsidesError` otherwise). The ``<h1>`` tests read an element's tag, attributes and
text (lxml's element API) but import nothing of lxml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from .datafiles import checked_pattern, load_data, require_string_lists
from .html_words import word_key

_SOURCE = "html_asides.json"


class AsidesError(ValueError):
    """The packaged list of aside elements (``data/html_asides.json``) is not valid."""


class Asides(NamedTuple):
    """The elements whose text is an aside (see :func:`html_asides`)."""

    tags: frozenset[str]
    #: searched in each class and id value
    pattern: re.Pattern[str]
    #: a class or id value it matches holds an aside beside the article, or
    #: names every block of a page builder's page: it names no aside
    holders: re.Pattern[str]
    #: searched in each class and id value: an element laid over the page or
    #: boxed off from the article (a modal, a popup, a disclosure, an author's box), left out even when
    #: trafilatura takes its text (see :data:`cleaner.html_blocks.DIALOG`)
    dialogs: re.Pattern[str]
    #: ``pattern``, ``holders`` and ``dialogs`` compiled case-sensitively, for the lower-cased
    #: names of an element whose names are ASCII (:func:`_ascii_twin`)
    ascii_twins: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]

    def names_aside(self, names: str) -> bool:
        """Whether one of an element's class and id values (white-space separated) names an aside.

        >>> asides = parse_asides({"tags": [], "class_patterns": ["sidebar"], "examples": ["sidebar"],
        ...                        "counter_examples": [], "holder_patterns": ["-wrap$"],
        ...                        "holder_examples": ["content-sidebar-wrap"], "holder_counter_examples": [],
        ...                        "dialog_patterns": ["popup"], "dialog_examples": ["popup"],
        ...                        "dialog_counter_examples": []})
        >>> asides.names_aside("widget-area sidebar"), asides.names_aside("content-sidebar-wrap")
        (True, False)
        >>> asides.names_aside("Widget-Area SIDEBAR"), asides.names_aside("Content-Sidebar-Wrap")
        (True, False)
        """
        if names.isascii():
            pattern, holders, _dialogs = self.ascii_twins
            names = names.lower()
        else:
            pattern, holders = self.pattern, self.holders
        return any(pattern.search(name) is not None and holders.search(name) is None for name in names.split())

    def names_dialog(self, names: str) -> bool:
        """Whether one of an element's class and id values names a dialog (a modal, a popup)."""
        if names.isascii():
            dialogs = self.ascii_twins[2]
            names = names.lower()
        else:
            dialogs = self.dialogs
        return any(dialogs.search(name) is not None for name in names.split())


@functools.lru_cache(maxsize=1)
def html_asides() -> Asides:
    """The elements whose text is an aside: tag names, one pattern for
    class and id values and one for the values that name no aside although
    the first matches (``data/html_asides.json``, validated: every example
    matches, no counter-example does)."""
    return parse_asides(load_data(_SOURCE))


_ASIDE_LISTS = (
    "tags",
    "class_patterns",
    "examples",
    "counter_examples",
    "holder_patterns",
    "holder_examples",
    "holder_counter_examples",
    "dialog_patterns",
    "dialog_examples",
    "dialog_counter_examples",
)


def parse_asides(data: Any) -> Asides:
    """Validate and compile the aside elements (see :func:`html_asides`).

    >>> asides = parse_asides({"tags": ["aside"], "class_patterns": ["related"],
    ...                        "examples": ["related-posts"], "counter_examples": ["entry-content"],
    ...                        "holder_patterns": ["layout"], "holder_examples": ["related-layout"],
    ...                        "holder_counter_examples": ["related-posts"], "dialog_patterns": ["(?:^|-)modal"],
    ...                        "dialog_examples": ["cta-modal"], "dialog_counter_examples": ["multimodal"]})
    >>> sorted(asides.tags), bool(asides.pattern.search("related-links")), bool(asides.holders.search("layout"))
    (['aside'], True, True)
    >>> asides.names_dialog("box cta-modal"), asides.names_dialog("multimodal")
    (True, False)
    """
    require_string_lists(data, _ASIDE_LISTS, _SOURCE, AsidesError)
    pattern = checked_pattern(data["class_patterns"], data["examples"], data["counter_examples"], _SOURCE, AsidesError)
    holders = checked_pattern(
        data["holder_patterns"], data["holder_examples"], data["holder_counter_examples"], _SOURCE, AsidesError
    )
    for example in data["holder_examples"]:
        if not pattern.search(example):
            raise AsidesError(f"{_SOURCE}: holder example {example!r} matches no class pattern")
    dialogs = checked_pattern(
        data["dialog_patterns"], data["dialog_examples"], data["dialog_counter_examples"], _SOURCE, AsidesError
    )
    twins = (_ascii_twin(pattern), _ascii_twin(holders), _ascii_twin(dialogs))
    return Asides(frozenset(t.lower() for t in data["tags"]), pattern, holders, dialogs, twins)


#: Escapes that spell no letter (``\b``, ``\d``, ``\s``, ``\w``, their negations, escaped punctuation).
_CASELESS_ESCAPE = re.compile(r"\\[bBdDsSwW]|\\[^A-Za-z0-9]")
#: An inline flag group (``(?i)``, ``(?-i:...)`` ...): it could turn case-insensitivity off.
_INLINE_FLAGS = re.compile(r"\(\?[-aiLmsux]")


def _ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (case-insensitive) compiled case-sensitively: searched in the lower-cased
    text of an ASCII string, it finds what ``pattern`` finds in the string, about three
    times faster (Python's regular expressions skip ahead by the first letters of an
    alternation of words only when case counts). That holds when the pattern spells its
    letters in ASCII lower case, none by an escape, and sets no inline flag, which is
    checked (:class:`AsidesError` otherwise).

    >>> twin = _ascii_twin(re.compile("side-?bar|promo", re.IGNORECASE))
    >>> twin.search("Right-SideBar".lower()) is not None, twin.search("entry-content") is None
    (True, True)
    """
    rest = _CASELESS_ESCAPE.sub("", pattern.pattern)
    if not rest.isascii() or rest != rest.lower() or "\\" in rest or _INLINE_FLAGS.search(rest):
        raise AsidesError(f"{_SOURCE}: pattern {pattern.pattern!r} must be ASCII lower case, no flags")
    return re.compile(pattern.pattern)


#: A link to a site's home page: an empty, "/" or "./" path, or a site root (also behind a web
#: archive's prefix).
_HOME_HREF = re.compile(r"^(?:\.?/?|(?:https?:)?//[^/]+/?|(?:https?:)?//web\.archive\.org/web/\w+/https?://[^/]+/?)$")


@dataclass(frozen=True)
class HeadlineParts:
    """What of a page's ``<h1>`` s is not its headline (``data/html_asides.json``, ``headline``)."""

    part_tags: frozenset[str]
    part_pattern: re.Pattern[str]
    hidden_pattern: re.Pattern[str]
    logo_pattern: re.Pattern[str]

    def is_part(self, element: Any) -> bool:
        """A kicker, a date or a hidden separator inside an ``<h1>``."""
        return element.tag in self.part_tags or _names_match(element, self.part_pattern)

    def is_hidden(self, h1: Any) -> bool:
        """An ``<h1>`` for screen readers only."""
        return _names_match(h1, self.hidden_pattern)

    def is_logo(self, h1: Any) -> bool:
        """An ``<h1>`` that names the site: a logo class, or all its text in links to the home page."""
        if _names_match(h1, self.logo_pattern):
            return True
        links = [a for a in h1.iter("a") if _HOME_HREF.match((a.get("href") or "").strip())]
        return bool(links) and word_key(" ".join(a.text_content() for a in links)) == word_key(h1.text_content())


def _names_match(element: Any, pattern: re.Pattern[str]) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return names != " " and pattern.search(names) is not None


@functools.lru_cache(maxsize=1)
def headline_parts() -> HeadlineParts:
    """The packaged :class:`HeadlineParts` (validated, see :func:`parse_headline_parts`)."""
    return parse_headline_parts(load_data(_SOURCE).get("headline"))


def parse_headline_parts(data: Any) -> HeadlineParts:
    """Validate and compile the ``headline`` section of ``html_asides.json``: every
    ``*_examples`` entry matches its patterns, no ``counter_examples`` entry matches any.

    >>> parts = parse_headline_parts({"part_tags": ["small"], "part_patterns": ["kicker"],
    ...     "part_examples": ["kicker"], "hidden_patterns": ["sr-only"], "hidden_examples": ["sr-only"],
    ...     "logo_patterns": ["logo"], "logo_examples": ["site-logo"], "counter_examples": ["entry-title"]})
    >>> bool(parts.logo_pattern.search("logo")), bool(parts.part_pattern.search("entry-title"))
    (True, False)
    """
    kinds = ("part", "hidden", "logo")
    keys = ["part_tags", "counter_examples", *(f"{k}_{s}" for k in kinds for s in ("patterns", "examples"))]
    require_string_lists(data, keys, f"{_SOURCE}: headline", AsidesError)
    patterns = {
        kind: checked_pattern(
            data[f"{kind}_patterns"], data[f"{kind}_examples"], data["counter_examples"], _SOURCE, AsidesError
        )
        for kind in kinds
    }
    return HeadlineParts(
        frozenset(t.lower() for t in data["part_tags"]), patterns["part"], patterns["hidden"], patterns["logo"]
    )
