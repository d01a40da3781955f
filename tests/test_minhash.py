"""Shingles, MinHash signatures and the duplicate index."""

from hypothesis import given
from hypothesis import strategies as st

from cleaner.minhash import (
    NUM_PERM,
    Containment,
    DuplicateIndex,
    containment,
    normalized_body,
    shingles,
    signature,
    similarity,
)

from .samples import ARTICLE_TEMPLATE

LEEDS = ARTICLE_TEMPLATE.format(place="Leeds")
STORY = (
    "Heavy rain flooded the lower town on Sunday night, and firefighters pumped water out of dozens of cellars. "
    "The river rose by two metres in six hours, the highest level since records began in the last century. "
    "Residents said the warning came too late for them to move their cars and furniture to safety."
)


def test_shingles_are_word_five_grams_case_folded() -> None:
    assert len(shingles("one two three four five six")) == 2
    assert shingles("One TWO three four five") == shingles("one two three four five")
    assert len(shingles("too short")) == 1
    assert shingles("  \n ") == set()


def test_underscores_are_markup_not_words() -> None:
    assert shingles("A special _thank you_ to the team") == shingles("a special thank you to the team")
    assert normalized_body("_(Update April, 2011)_") == "update april 2011"


def test_signature_is_stable_and_sized() -> None:
    sig = signature(shingles(STORY))
    assert len(sig) == NUM_PERM
    assert sig == signature(shingles(STORY))
    assert len(signature(set())) == 0


def test_similarity_estimates_jaccard() -> None:
    words = STORY.split()
    half = " ".join(words[: len(words) // 2])
    a, b = shingles(STORY), shingles(half)
    jaccard = len(a & b) / len(a | b)
    assert abs(similarity(signature(a), signature(b)) - jaccard) < 0.15
    assert similarity(signature(a), signature(shingles(LEEDS))) < 0.1
    assert similarity(signature(a), signature(set())) == 0.0


def test_index_marks_later_copies_of_the_first() -> None:
    index = DuplicateIndex()
    assert index.see("a", STORY) is None
    exact = index.see("b", STORY.replace("  ", " ").upper())
    assert exact is not None and exact.exact and exact.id == "a" and exact.similarity == 1.0 and exact.first
    near = index.see("c", STORY + " The mayor promised help for the families on Monday.")
    assert near is not None and near.id == "a" and not near.exact and 0.3 <= near.similarity < 1 and not near.first
    assert index.see("d", LEEDS) is None
    assert len(index) == 2


def test_containment_is_the_share_of_the_smaller_set_inside_the_other() -> None:
    for a, b in ((set(range(100)), set(range(300))), (set(range(100)), set(range(50, 150))), (set(), {1})):
        jaccard = len(a & b) / max(len(a | b), 1)
        exact = len(a & b) / min(len(a), len(b)) if a and b else 0.0
        assert abs(containment(jaccard, len(a), len(b)) - exact) < 1e-9


def test_containment_holds_from_each_edge_on() -> None:
    rule = Containment(share=0.9, min_similarity=0.5, min_shingles=200)
    assert rule.holds(0.5, 200, 400) and containment(0.5, 200, 400) == 1.0
    assert not rule.holds(0.49, 200, 400)  # too little alike: the estimate is not trusted
    assert not rule.holds(0.5, 199, 400)  # too small: a page of furniture sentences
    share_edge = 270 / (300 + 300 - 270)  # the Jaccard similarity of two sets of 300 sharing 270, 0.9 of each
    assert rule.holds(share_edge, 300, 300) and not rule.holds(share_edge - 0.01, 300, 300)


def test_an_index_with_containment_joins_a_document_inside_a_longer_one() -> None:
    short = " ".join(f"{STORY} Report {i} followed." for i in range(4))
    longer = short + " " + " ".join(f"{LEEDS} Update {i}." for i in range(2))
    rule = Containment(share=0.9, min_similarity=0.3, min_shingles=50)
    jaccard = similarity(signature(shingles(short)), signature(shingles(longer)))
    assert 0.3 <= jaccard < 0.9
    plain, contained = DuplicateIndex(threshold=0.9), DuplicateIndex(threshold=0.9, contained=rule)
    assert plain.see("a", short) is None and plain.see("b", longer) is None
    assert contained.see("a", short) is None
    match = contained.see("b", longer)
    assert match is not None and match.id == "a" and match.similarity == round(jaccard, 3)


def test_index_forgets_the_oldest_beyond_its_capacity() -> None:
    index = DuplicateIndex(capacity=1)
    assert index.see("a", STORY) is None
    assert index.see("b", LEEDS) is None
    assert index.see("c", STORY) is None  # "a" was forgotten: "c" is a first copy now
    assert len(index) == 1


def test_a_salt_gives_independent_hashes_and_the_same_matches() -> None:
    assert shingles(STORY, salt="x:").isdisjoint(shingles(STORY))
    assert similarity(signature(shingles(STORY, salt="x:")), signature(shingles(STORY))) < 0.1
    index = DuplicateIndex(salt="x:")
    assert index.see("a", STORY) is None and index.see("b", LEEDS) is None
    exact, near = index.see("c", STORY.upper()), index.see("d", STORY + " The mayor promised help on Monday.")
    assert exact is not None and exact.exact and near is not None and near.id == "a" and not near.exact


def test_empty_bodies_are_never_duplicates() -> None:
    index = DuplicateIndex()
    assert index.see("a", "") is None and index.see("b", "") is None and len(index) == 0


@given(st.lists(st.sampled_from([STORY, LEEDS, STORY.upper(), STORY[:200], "", "Short note."]), max_size=8))
def test_a_document_is_never_its_own_duplicate(bodies: list[str]) -> None:
    index = DuplicateIndex()
    for position, body in enumerate(bodies):
        match = index.see(position, body)
        if match is not None:
            assert isinstance(match.id, int) and match.id < position
