"""Cross-document evidence: lines that recur in many documents of one source.

A site's furniture — a newsletter box, a footer, a disclaimer, the site name
— comes back on page after page; an article's sentences mostly do not. The
corpus mode reads its input twice: the first pass counts, per source, in how
many documents each line occurs (:class:`LineCounts`); the second cleans each
document with those counts (:func:`repeats_of`), and the classifier takes a
line recurring in at least ``REPEAT_MIN_DOCS`` documents of its source as
boilerplate evidence (see :mod:`cleaner.classifying`).

Lines are compared case-folded, whitespace collapsed, as 64-bit hashes
(:func:`line_key`). The table holds one counter per distinct (source, line)
pair up to ``MAX_TRACKED_LINES``; past that it keeps the pairs whose hash is
below a limit that halves until the table fits again. The kept pairs are
always counted exactly, and which pairs are kept depends only on the set of
pairs in the input, never on the order of the documents: the result is the
same whatever the order (the evidence thins out evenly on inputs with more
distinct lines than the bound). An exact copy of a document (the same lines,
the same source) is counted once: otherwise every line of a page crawled
twice would look repeated. So is a near-copy (the same page through another
converter, a syndicated story with another header, an article and its update):
documents whose sentences (:func:`sentence_text`) are nearly the same
(``NEAR_COPY_THRESHOLD``) or nearly all inside another's (``CONTAINED_SHARE``)
form a near-copy group, and a line counts once per group, not once per
member, so the body of a page present twice in its source is not taken for
the site's furniture. A
document joins the group of the first earlier document it is a near-copy of;
when the groups are clear-cut (each document a near-copy of every member of
its group and of no other document) and within ``MAX_NEAR_COPY_GROUPS``, the
counts stay the same whatever the order of the documents. A chain of
near-copies (A like B, B like C, A unlike C) can be grouped differently in
another order.

>>> counts = LineCounts()
>>> for page in (["Sign up for our newsletter.", "First story."], ["Sign up for our newsletter.", "Second."]):
...     counts.add("example.com", page)
>>> counts.count("example.com", "sign up for our  NEWSLETTER."), counts.count("example.com", "First story.")
(2, 1)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from .document import BODY_LABELS, Label, Line
from .features import TERMINAL
from .minhash import Containment, DuplicateIndex, hash64, normalized_body

#: A line is repeated in its source when it occurs in at least this many
#: documents of it. Calibrated with ``python -m bench.corpus repeated`` on the
#: wcxb-dev and scrapinghub pages of hosts with several pages (most such
#: hosts have two or three pages there, so only 2 can be measured; a line
#: shared by two pages of a site is furniture far more often than not once
#: the prose guards of the classifier apply).
REPEAT_MIN_DOCS = 2
#: Repeated lines are furniture when they come in a block of at least this
#: many consecutive repeated lines (a newsletter box, a footer, a cookie
#: notice): an isolated repeated line — a quote reused in a follow-up story,
#: a subheading like "Ingredients", a byline — stays what the classifier
#: made it. Calibrated with ``python -m bench.corpus repeated``: among lines
#: the classifier keeps that recur in another page of their host, blocks of 3
#: or more are 95 % furniture by the ground truth (in words), isolated lines
#: and pairs about half content; on the harness 2 lowers recall and 4 gives
#: the same scores as 3.
RUN_MIN_LINES = 3
#: No repeated-line evidence for a document when at least this share of its
#: body and heading lines is repeated: it is a near-copy of another document
#: of its source (the dedup step's business), not an article inside a
#: template. Calibrated on the same harness: 0.9 gives the best precision at
#: the same recall (scrapinghub shP .919 at 0.8, .927 at 0.9); without the
#: guard wcxb-dev recall drops from .623 to .610.
COPY_SHARE = 0.9
#: A line repeated in at least this many documents of its source is not a
#: headline candidate (site names, "© …", "Sign me up!"). At 2 it would also
#: drop real headlines that another page of the site lists as a teaser
#: (seen on scrapinghub's latimes.com, space.com, msn.com pages).
TITLE_MIN_DOCS = 3
#: Distinct (source, line) pairs counted exactly. A pair costs about 90
#: bytes in the table (a dict of int -> int, measured with tracemalloc), so
#: the bound is about 90 MB.
MAX_TRACKED_LINES = 1_000_000
#: Distinct documents remembered so that an exact copy (the same set of
#: lines in the same source) is counted once: about 70 bytes each (a set of
#: ints), so about 70 MB. Past it, further copies count again.
MAX_TRACKED_DOCUMENTS = 1_000_000
#: What near-copies are compared by: the lines that are sentences, at least
#: this many words ending with a terminal mark (:func:`sentence_text`). Two
#: converters lay out the rest of a page differently (inscriptis puts a
#: table's columns side by side, html2text writes a row per line with ``|``;
#: nested list items get an ``o`` bullet from one, ``*`` from the other), but
#: a paragraph is one line in both. Calibrated with ``python -m bench.corpus
#: dedup`` (its last table: exact Jaccard similarity of the sentences of the
#: two dumps of each wcxb-dev article, against the pairs of different pages
#: of one host), at 0.9: lines of 8 words or more, any ending (before), 732 of
#: the 793 article pairs and 11 pairs of different pages; sentences of 8 words
#: or more, 755 and 10; of 12 or more, 755 and 10 too (14 against 16 at 0.5),
#: and end to end one pair more found (dedup recall .992 against .991). The 10
#: are copies as text: one page under two URLs, product and collection pages
#: of one shop, product variants.
SENTENCE_MIN_WORDS = 12
#: Two documents are near-copies (one group in pass 1) when their sentences
#: have an estimated Jaccard similarity of at least this (word 5-gram
#: MinHash, :mod:`cleaner.minhash`). Calibrated with ``python -m bench.corpus
#: dedup`` (recall of the pairs of one page through two converters, which
#: lose their bodies as "repeated" when both copies count) and ``python -m
#: bench.corpus repeated`` (real furniture must still count): over lines of 8
#: words or more at 0.95, dedup recall .981, 9 pairs missed because pass 1
#: did not group them; over sentences of 8 words or more at 0.9, .991; of 12
#: words or more at 0.9, .992 with none of those 9 missed. The harness F1 does
#: not move (wcxb-dev shP .679 -> .680, shR .633 -> .632): two ikea.com
#: listings and two irobot.com product variants are now grouped, so the lines
#: they share with the site's other pages count as repeated where the pair
#: used to look like a copy and keep everything. At 0.95 recall is .991 (a
#: pair at 0.895 missed); at 0.85 and 0.8 two unrelated autoracing.com.br
#: pages are grouped through their furniture sentences, which then stop
#: counting, and their cleaned bodies are joined (precision .984 -> .983).
NEAR_COPY_THRESHOLD = 0.9
#: A document is a near-copy too when its sentences are nearly all inside
#: another's (estimated share of the smaller shingle set inside the other,
#: :func:`cleaner.minhash.containment`): an article and its update with more
#: paragraphs, or one dump holding a FAQ the other lacks, are below
#: ``NEAR_COPY_THRESHOLD`` in Jaccard similarity, and without a group the
#: longer one lost the shorter one's lines as "repeated" (dev/4155: 807
#: against 1,846 words, 0.734 alike cleaned alone). Calibrated with
#: ``python -m bench.corpus dedup`` and ``python -m bench.corpus repeated``:
#: of the 38 pairs of dumps of one article below 0.9 in Jaccard, 32 are at
#: 0.9 or more in containment and 25 at 0.95. At 0.9 dedup recall is .994
#: but two yeti.com product variants (0.91) are grouped and wcxb-dev shP
#: falls .692 -> .688; at 0.95 recall is .992 (dev/0174, 0.935, missed);
#: 0.92 finds both pairs and moves nothing on the harness.
CONTAINED_SHARE = 0.92
#: Containment counts only from this Jaccard similarity on: from 0.5 the
#: LSH bands find the pair (1 - (1 - 0.5**2)**64 > 0.9999) and the estimate
#: is close; below it a page whose inscriptis dump lacks most of the article
#: (dev/4193, 0.22) would rest on noise.
CONTAINED_MIN_SIMILARITY = 0.5
#: ... and for documents of at least this many sentence shingles (about as
#: many words): pages whose only sentences are the site's furniture sit inside
#: each other (two autoracing.com.br pages on scrapinghub, 131 shingles inside
#: 157; ebay.com, 120 inside 138; glossier.com, 104), and grouping them
#: stops their furniture counting (scrapinghub shP .944 -> .941). The
#: smallest pair of dumps of one article this admits is 207 shingles.
CONTAINED_MIN_SHINGLES = 200
#: Near-copy groups remembered (the oldest forgotten first): a near-copy
#: further back than this many groups counts again. A group costs about
#: 8.5 kB (its entry in a :class:`~cleaner.minhash.DuplicateIndex`, 8 kB,
#: and the keys of its lines), so the bound is about 85 MB: ``python -m
#: bench.corpus memory`` ends 84 MB higher with the 10,000 groups full.
MAX_NEAR_COPY_GROUPS = 10_000
#: Salt of the near-copy index: its hashes are independent of those of the
#: duplicate index of pass 2 (a pair that one misjudges the other does not
#: misjudge for the same reason).
NEAR_COPY_SALT = "near-copy:"

NEAR_COPY_CONTAINED = Containment(CONTAINED_SHARE, CONTAINED_MIN_SIMILARITY, CONTAINED_MIN_SHINGLES)

_FULL = 1 << 64


def line_key(text: str) -> int:
    """The 64-bit key of a line: case-folded, whitespace collapsed, hashed."""
    return hash64(" ".join(text.casefold().split()))


def source_hash(source: str) -> int:
    return hash64("source:" + source)


def sentence_text(lines: Iterable[str]) -> str:
    """A document's sentences (``SENTENCE_MIN_WORDS`` words or more, a terminal mark at the end), one a
    line: what near-copies share.

    >>> sentence_text(["Home | News | Sport | Weather | Travel | Culture | Money | Video | Live", "x " * 11 + "end."])
    'x x x x x x x x x x x end.'
    """
    return "\n".join(
        line for line in lines if len(line.split()) >= SENTENCE_MIN_WORDS and TERMINAL.search(line.rstrip())
    )


class LineCounts:
    """Per source, in how many documents each line occurs (pass 1 of the
    corpus mode), bounded; near-copies count once (``groups``: near-copy
    groups remembered, 0 to count every document that is not an exact copy)."""

    def __init__(
        self,
        capacity: int = MAX_TRACKED_LINES,
        documents: int = MAX_TRACKED_DOCUMENTS,
        groups: int = MAX_NEAR_COPY_GROUPS,
    ) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        if groups < 0:
            raise ValueError(f"groups must be at least 0, not {groups}")
        self.capacity, self.max_documents, self.max_groups = capacity, documents, groups
        #: Pairs with a key below this are counted; halves when the table is full.
        self.limit = _FULL
        self._counts: dict[int, int] = {}
        self._documents: set[int] = set()
        self._near = (
            DuplicateIndex(NEAR_COPY_THRESHOLD, groups, NEAR_COPY_SALT, NEAR_COPY_CONTAINED) if groups else None
        )
        #: Per near-copy group (the serial of its first document), the keys its members counted, oldest group first.
        self._groups: dict[int, array[int]] = {}
        self._serial = 0

    def __len__(self) -> int:
        return len(self._counts)

    def add(self, source: str, lines: Iterable[str]) -> None:
        """Count one document's lines (each distinct line once; an exact copy
        of a document counted before is not counted again, a near-copy only
        for the lines its group has not counted yet)."""
        texts = list(lines)
        base = source_hash(source)
        keys = {base ^ line_key(line) for line in texts}
        document = hash64(f"{base}:{sorted(keys)}")
        if document in self._documents:
            return
        if len(self._documents) < self.max_documents:
            self._documents.add(document)
        for key in self._not_counted_in_group(keys, texts):
            if key < self.limit:
                self._counts[key] = self._counts.get(key, 0) + 1
        while len(self._counts) > self.capacity:
            self.limit //= 2
            for key in [key for key in self._counts if key >= self.limit]:  # in place: no second table
                del self._counts[key]

    def _not_counted_in_group(self, keys: set[int], lines: list[str]) -> set[int]:
        """The keys not counted yet by the document's near-copy group (all of
        them for a document without sentences or the first of its group)."""
        sentences = sentence_text(lines)
        if self._near is None or not normalized_body(sentences):
            return keys
        self._serial += 1
        match = self._near.see(self._serial, sentences)
        if match is None:  # the first of a new group (the index forgot its oldest, if full)
            self._groups[self._serial] = array("Q", sorted(keys))
            if len(self._groups) > self.max_groups:
                del self._groups[next(iter(self._groups))]
            return keys
        assert isinstance(match.id, int)
        counted = self._groups[match.id]
        new = keys.difference(counted)
        if new:
            self._groups[match.id] = array("Q", sorted(new.union(counted)))
        return new

    def repeats(self, source: str, lines: Iterable[str]) -> dict[int, int]:
        """The evidence for one document: ``line_key -> documents`` for those
        of its lines repeated in its source (in at least ``REPEAT_MIN_DOCS``
        documents), what :func:`cleaner.pipeline.clean` takes as ``repeats``."""
        base = source_hash(source)
        found = {}
        for line in lines:
            key = line_key(line)
            n = self._counts.get(base ^ key, 0)
            if n >= REPEAT_MIN_DOCS:
                found[key] = n
        return found

    def count(self, source: str, line: str) -> int:
        """Documents of ``source`` that hold ``line`` (0 when the pair was not kept)."""
        return self._counts.get(source_hash(source) ^ line_key(line), 0)

    @property
    def groups(self) -> int:
        """Near-copy groups remembered now (at most ``MAX_NEAR_COPY_GROUPS``)."""
        return len(self._groups)

    @property
    def exact(self) -> bool:
        """True when every pair was counted (the bound was never reached)."""
        return self.limit == _FULL


def label_furniture(lines: list[Line], repeats: Sequence[int]) -> None:
    """Relabel body and heading lines that sit in a block of repeated lines
    as boilerplate, reason ``repeated-in-source:N`` (N: documents of the
    source holding the line); ``repeats[i]`` is the count for ``lines[i]``.

    Nothing changes in a document that is mostly repeated (a copy, see
    ``COPY_SHARE``) or for a line outside a block of ``RUN_MIN_LINES``.

    >>> lines = [Line(i, t, t) for i, t in enumerate(["Story.", "Join us", "Get the newsletter.", "Privacy"])]
    >>> label_furniture(lines, [0, 5, 5, 4])
    >>> [line.reason for line in lines]
    ['', 'repeated-in-source:5', 'repeated-in-source:5', 'repeated-in-source:4']
    """
    kept = [n for line, n in zip(lines, repeats, strict=True) if line.label in BODY_LABELS]
    if not kept or sum(n >= REPEAT_MIN_DOCS for n in kept) >= COPY_SHARE * len(kept):
        return
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and repeats[end] >= REPEAT_MIN_DOCS:
            end += 1
        if end - start >= RUN_MIN_LINES:
            for i in range(start, end):
                if lines[i].label in BODY_LABELS:
                    lines[i].set(Label.BOILERPLATE, f"repeated-in-source:{repeats[i]}")
        start = end + 1
