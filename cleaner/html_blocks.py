"""What the extraction of an HTML page gives: :class:`Block` s, their kinds, and the :class:`Extraction`.

- :class:`Block`: one line of extracted text and its kind.
- :class:`Extraction`: a page's blocks and metadata (what :func:`cleaner.html.extract` returns;
  :meth:`Extraction.as_dict` / :meth:`Extraction.from_dict` for the bench's cache).
- :data:`GAP_KINDS`, :data:`DIALOG`, :data:`OUTSIDE`: the block kinds the second pass
  (:mod:`cleaner.html_second_pass`) treats apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Block:
    """One line of extracted text and the element it came from.

    ``kind``: ``paragraph``, ``heading``, ``item`` (list item), ``quote``,
    ``row`` (a table row, cells joined by `` | ``), ``code``, ``text`` and
    ``link`` (lines of the plain-dump fall-back, see :func:`cleaner.html.page_lines`),
    ``gap``, ``gap-heading`` or ``gap-item`` (a page line, heading or list
    item trafilatura left out between two of its blocks, see
    :func:`cleaner.html_gaps.with_gaps`), ``dialog`` and ``outside`` (a block of
    trafilatura's inside a dialog or after the article's container, see
    :func:`cleaner.html_gaps.with_gaps`).
    """

    text: str
    kind: str


@dataclass
class Extraction:
    """What :func:`cleaner.html.extract` found on a page."""

    blocks: list[Block] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site_name: str | None = None
    url: str | None = None
    description: str | None = None
    fallback: bool = False
    #: The page's ``<h1>`` texts, in order (evidence for the title).
    headlines: list[str] = field(default_factory=list)
    #: The text of an ``<h1>`` that names the site (a logo, a link to the home page).
    logo: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "blocks": [[b.text, b.kind] for b in self.blocks],
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "site_name": self.site_name,
            "url": self.url,
            "description": self.description,
            "fallback": self.fallback,
            "headlines": self.headlines,
            "logo": self.logo,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        blocks = [Block(text, kind) for text, kind in data.get("blocks", [])]
        rest = {k: v for k, v in data.items() if k not in ("blocks", "page")}
        return cls(blocks=blocks, **rest)


#: The kind of a block of trafilatura's after the article's container (:func:`cleaner.html_gaps.with_gaps`).
OUTSIDE = "outside"


#: The kind of a page line inside a dialog (:func:`cleaner.html.page_lines`) and of a
#: block of trafilatura's matched to one (:func:`cleaner.html_gaps.with_gaps`): an element
#: laid over the page (``modal``, ``popup``: ``dialog_patterns`` in
#: ``data/html_asides.json``). trafilatura keeps such boxes' text when they
#: sit in the article's container: on wcxb-dev articles about 70 of its kept
#: lines on 13 sites were inside one (a newsletter popup, a "republish this
#: story" modal, a cookie-settings dialog), none in the reference. Cached
#: extractions, gap lines recomputed (scrapinghub / wcxb-dev /
#: trafilatura-eval): .9725 / .9450 / .9372 -> .9725 / .9454 / .9375. A
#: ``cta`` class too: .9668 / .9446 / .9371 (``above-cta`` holds a whole
#: article, a Ghost ``kg-cta-card`` or Divi ``et_pb_cta`` box is in the
#: reference); any ``modal`` class value: scrapinghub .9668 (``modal-enabled``
#: on nypost.com's article container). A box boxed off from the article
#: counts too: an affiliate or advertising ``disclosure``, a ``carousel`` of
#: teasers (trafilatura kept lines of 19 wcxb-dev pages of 17 sites in one,
#: those of 2 pages of one site in the reference): .9725 / .9454 / .9375 ->
#: .9725 / .9465 / .9378 (with :data:`cleaner.html_gaps.DIALOG_MAX_SHARE`); a ``disclaimer``
#: box too: .9724 / .9468 / .9378 (scrapinghub keeps sputniknews.com's
#: "The views and opinions expressed ..." box). An author's box (``author-box``,
#: ``about-the-author``, ``AuthorProfile``: 11 wcxb-dev pages of 11 sites up,
#: none down), with :func:`cleaner.html_gaps.run_together_lines`: .9725 / .9469 / .9379 ->
#: .9725 / .9472 / .9383.
DIALOG = "dialog"


#: Block kinds of the page lines trafilatura left out (:func:`cleaner.html_gaps.with_gaps`).
GAP_KINDS = frozenset({"gap", "gap-heading", "gap-item"})
