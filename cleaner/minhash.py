"""Near-duplicate detection: word shingles, MinHash signatures and an LSH
index with a size bound, in plain Python.

A document's cleaned body becomes the set of its word 5-gram shingles
(lower-cased words: runs of letters and digits, so Markdown's ``_emphasis_``
is the word it marks; each shingle hashed to 64 bits with BLAKE2b: the
same on every run and machine). Its MinHash signature (one-permutation hashing,
see :func:`signature`) has ``NUM_PERM`` 32-bit values; the share of equal
positions in two signatures estimates the Jaccard similarity of the two
shingle sets. LSH banding (``BANDS`` bands of ``ROWS`` rows) finds the
candidate pairs; a candidate is confirmed when the estimated similarity is
at least ``NEAR_DUP_THRESHOLD``.

>>> a = signature(shingles("the council approved the new budget on monday after a long debate"))
>>> b = signature(shingles("the council approved the new budget on monday after a long debate, officials said"))
>>> similarity(a, a), similarity(a, b) > 0.5, similarity(a, signature(shingles("nothing alike here at all"))) < 0.1
(1.0, True, True)
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import deque
from dataclasses import dataclass

#: Words per shingle. Five words is the usual size for near-duplicate web
#: text (short enough that a changed word breaks few shingles).
SHINGLE_WORDS = 5
#: Values per signature: a similarity estimate has a standard error of about
#: sqrt(J(1-J)/128) ≈ 0.04 at J = 0.3.
NUM_PERM = 128
#: LSH bands x rows = NUM_PERM. With 64 bands of 2 rows a pair of similarity
#: 0.3 becomes a candidate with probability 1-(1-0.3**2)**64 = 0.998, a pair
#: of 0.1 with 0.47 (candidates only cost a signature comparison).
BANDS = 64
ROWS = NUM_PERM // BANDS
#: Confirmed near-duplicate: estimated Jaccard similarity of the shingle sets
#: at least this. Calibrated on the 793 wcxb-dev articles dumped by inscriptis
#: and by html2text and cleaned (``python -m bench.corpus dedup``): 98.5 % of
#: the two cleanings of one page are at 0.3 or above (97.6 % at 0.5: the
#: cleaner keeps different lines from the two dumps), while the most similar
#: pair of different pages (two glossier.com terms pages) is at 0.24.
NEAR_DUP_THRESHOLD = 0.3
#: First copies the index remembers; beyond it the oldest is forgotten, so a
#: near-duplicate is found within a window of this many distinct documents.
#: Each costs about 8 kB (its signature and 64 band entries; measured with
#: tracemalloc on a full window), so the bound is about 170 MB.
MAX_INDEXED_DOCUMENTS = 20_000

_MASK32 = (1 << 32) - 1
_EMPTY = 1 << 32
#: Added per bin of distance to a borrowed value (an odd constant, so
#: borrowed values do not collide with real ones by construction).
_OFFSET = 0x9E3779B1
#: A word: letters and digits (``\w`` without ``_``, which converters write
#: around emphasis: html2text's ``_(Update`` is the word of inscriptis's ``(Update``).
_WORD = re.compile(r"[^\W_]+")


def hash64(text: str) -> int:
    """A stable 64-bit hash (BLAKE2b): the same on every run, unlike ``hash()``."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def shingles(text: str, size: int = SHINGLE_WORDS, salt: str = "") -> set[int]:
    """Hashes of the word ``size``-grams of ``text``; a shorter text is one shingle, an empty one none.

    A ``salt`` (prefixed to every shingle before hashing) gives hashes, and
    so signatures, independent of the unsalted ones.
    """
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {hash64(salt + " ".join(words))} if words else set()
    return {hash64(salt + " ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def signature(hashes: set[int]) -> array[int]:
    """The MinHash signature of a set of shingle hashes (empty for an empty set).

    One-permutation hashing: a shingle's hash picks its bin (low bits) and
    gives its value (high 32 bits); each bin keeps its smallest value. An empty
    bin borrows the value of the next non-empty bin to its right (circularly),
    offset by the distance, so two sets agree on it exactly when they agree on
    the bin it borrows from (densification, Shrivastava 2017). Linear in the
    number of shingles, where ``NUM_PERM`` separate permutations cost 128
    passes.
    """
    if not hashes:
        return array("I")
    bins = [_EMPTY] * NUM_PERM
    for x in hashes:
        b, v = x % NUM_PERM, x >> 32
        if v < bins[b]:
            bins[b] = v
    filled = [i for i in range(NUM_PERM) if bins[i] != _EMPTY]
    if len(filled) < NUM_PERM:
        after = filled[0] + NUM_PERM
        for i in range(NUM_PERM - 1, -1, -1):
            if bins[i] != _EMPTY:
                after = i
            else:
                bins[i] = (bins[after % NUM_PERM] + (after - i) * _OFFSET) & _MASK32
    return array("I", bins)


def similarity(a: array[int], b: array[int]) -> float:
    """Estimated Jaccard similarity: the share of equal signature positions (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def containment(jaccard: float, a: int, b: int) -> float:
    """The share of the smaller of two sets (``a`` and ``b`` elements) inside the other, from their Jaccard
    similarity: ``|A ∩ B| = J (|A| + |B|) / (1 + J)``, divided by ``min(|A|, |B|)`` (at most 1).

    >>> containment(0.5, 100, 200), containment(1.0, 80, 80), containment(0.0, 10, 10)
    (1.0, 1.0, 0.0)
    """
    if not a or not b:
        return 0.0
    return min(1.0, jaccard * (a + b) / ((1 + jaccard) * min(a, b)))


@dataclass(frozen=True)
class Containment:
    """A second way to be a near-duplicate: the smaller document nearly all inside the other (an article
    and its longer update, a page and the same page with more around it), which Jaccard similarity
    misses when the two differ in length. The estimate (:func:`containment` of the estimated Jaccard
    similarity) counts from ``min_similarity`` on, for documents of ``min_shingles`` or more."""

    share: float
    min_similarity: float
    min_shingles: int

    def holds(self, jaccard: float, a: int, b: int) -> bool:
        big_enough = min(a, b) >= self.min_shingles
        return jaccard >= self.min_similarity and big_enough and containment(jaccard, a, b) >= self.share


def band_keys(sig: array[int]) -> list[int]:
    """One key per band: its number and its rows, hashed."""
    return [hash64(f"{band}:{sig[band * ROWS : (band + 1) * ROWS].tolist()}") for band in range(BANDS)]


@dataclass(frozen=True)
class Match:
    """The first copy a document duplicates, how similar they are (1.0: the
    same body), and whether this is the first copy's first duplicate (a new
    cluster)."""

    id: object
    similarity: float
    exact: bool
    first: bool


@dataclass(eq=False, slots=True)
class _Entry:
    serial: int
    id: object
    body: int
    sig: array[int]
    #: Its number of shingles.
    size: int
    copies: int = 0

    def match(self, similarity: float, exact: bool) -> Match:
        self.copies += 1
        return Match(self.id, similarity, exact, first=self.copies == 1)


class DuplicateIndex:
    """First copies, for exact (body hash) and near (MinHash + LSH) duplicates.

    :meth:`see` takes the documents in input order: a document that
    duplicates one seen before gets the :class:`Match` of that first copy; any
    other becomes a first copy itself. At most ``capacity`` first copies are
    remembered: the oldest is forgotten first. Candidates are tried in input
    order, so the match is the earliest first copy that passes the threshold.
    A ``salt`` makes the body hashes and signatures independent of those of
    an index with another salt (the corpus mode's near-copy groups of pass 1
    and its duplicate index of pass 2, see :mod:`cleaner.repeated`). With
    ``contained``, a pair below the threshold is a near-duplicate too when
    one document is nearly all inside the other (:class:`Containment`).

    >>> index = DuplicateIndex()
    >>> body = "The council approved the new budget on Monday after a long debate, officials said."
    >>> index.see("a", body), index.see("b", body), index.see("c", "Something else entirely, said nobody.")
    (None, Match(id='a', similarity=1.0, exact=True, first=True), None)
    """

    def __init__(
        self,
        threshold: float = NEAR_DUP_THRESHOLD,
        capacity: int = MAX_INDEXED_DOCUMENTS,
        salt: str = "",
        contained: Containment | None = None,
    ) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, not {capacity}")
        self.threshold, self.capacity, self.salt, self.contained = threshold, capacity, salt, contained
        self._entries: deque[_Entry] = deque()
        self._serial = 0
        self._by_body: dict[int, _Entry] = {}
        #: A band key's first copy, or a list of them when several share it.
        self._by_band: dict[int, _Entry | list[_Entry]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def see(self, doc_id: object, text: str) -> Match | None:
        """The first copy ``text`` duplicates, or None (it is remembered as a first copy).

        An empty body matches nothing and is not remembered.
        """
        if not text.strip():
            return None
        body = hash64(self.salt + normalized_body(text))
        first = self._by_body.get(body)
        if first is not None:
            return first.match(1.0, exact=True)
        hashes = shingles(text, salt=self.salt)
        sig = signature(hashes)
        keys = band_keys(sig) if sig else []
        candidates = {entry.serial: entry for key in keys for entry in self._bucket(key)}
        for serial in sorted(candidates):
            entry = candidates[serial]
            score = similarity(sig, entry.sig)
            if score >= self.threshold or (self.contained and self.contained.holds(score, len(hashes), entry.size)):
                return entry.match(round(score, 3), exact=False)
        self._serial += 1
        self._remember(_Entry(self._serial, doc_id, body, sig, len(hashes)), keys)
        return None

    def _bucket(self, key: int) -> list[_Entry]:
        found = self._by_band.get(key)
        return [] if found is None else found if isinstance(found, list) else [found]

    def _remember(self, entry: _Entry, keys: list[int]) -> None:
        self._entries.append(entry)
        self._by_body[entry.body] = entry
        for key in keys:
            found = self._by_band.get(key)
            if found is None:
                self._by_band[key] = entry  # most keys have one entry: no list for them
            elif isinstance(found, list):
                found.append(entry)
            else:
                self._by_band[key] = [found, entry]
        if len(self._entries) > self.capacity:
            self._forget(self._entries.popleft())

    def _forget(self, entry: _Entry) -> None:
        if self._by_body.get(entry.body) is entry:
            del self._by_body[entry.body]
        for key in band_keys(entry.sig) if entry.sig else ():  # recomputed: not kept per entry
            rest = [other for other in self._bucket(key) if other is not entry]
            if not rest:
                del self._by_band[key]
            else:
                self._by_band[key] = rest if len(rest) > 1 else rest[0]


def normalized_body(text: str) -> str:
    """What an exact duplicate shares: the lower-cased words of the body, one space apart.

    >>> normalized_body("The  Council\\n\\nvoted.") == normalized_body("the council _voted_")
    True
    """
    return " ".join(_WORD.findall(text.casefold()))
