"""Lines repeated across the documents of a source: counting and the classifier's use of them."""

from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.document import Label, Line
from cleaner.minhash import shingles, signature, similarity
from cleaner.repeated import (
    CONTAINED_MIN_SHINGLES,
    CONTAINED_MIN_SIMILARITY,
    CONTAINED_SHARE,
    NEAR_COPY_CONTAINED,
    NEAR_COPY_SALT,
    NEAR_COPY_THRESHOLD,
    SENTENCE_MIN_WORDS,
    LineCounts,
    label_furniture,
    sentence_text,
)

STORIES = [
    "The council approved the new budget on Monday after a long debate, officials said. The vote was close.\n\n"
    "Councillors argued for hours about the cost of the new library and the state of the roads.",
    "The mayor opened the new bridge on Tuesday after two years of building work, aides said. Crowds gathered.\n\n"
    "The bridge links the old town with the harbour and cost more than planned, according to the city.",
    "Heavy rain flooded the lower town on Sunday night, and firefighters pumped water out of dozens of cellars.\n\n"
    "The river rose by two metres in six hours, the highest level since records began, residents said.",
]
FOOTER = (
    "Our reporters cover the city council, schools and local business every day.\n\n"
    "We rely on readers like you to keep our newsroom going.\n\n"
    "The Daily Example is published by Example Media Group in Springfield."
)
QUOTE = '"We will not rest until every family has a safe home again," the mayor told reporters at the town hall.'


def test_counts_documents_not_occurrences() -> None:
    counts = LineCounts()
    counts.add("a", ["Menu", "Menu", "Story one."])
    counts.add("a", ["menu", "Story two."])
    counts.add("b", ["Menu"])
    assert counts.count("a", "MENU") == 2 and counts.count("b", "Menu") == 1 and counts.count("c", "Menu") == 0
    assert counts.repeats("a", ["Menu", "Story one."]) == {next(iter(counts.repeats("a", ["Menu"]))): 2}


def test_an_exact_copy_is_counted_once() -> None:
    counts = LineCounts()
    for doc in (["Story one.", "Footer."], ["Footer.", "Story one."], ["Story two.", "Footer."]):
        counts.add("a", doc)
    assert counts.count("a", "Story one.") == 1 and counts.count("a", "Footer.") == 2


def test_over_capacity_keeps_exact_counts_of_a_hash_sample() -> None:
    counts = LineCounts(capacity=50)
    for doc in range(20):
        counts.add("s", ["Footer line", *(f"line {doc}-{i}" for i in range(10))])
    assert len(counts) <= 50 and not counts.exact
    kept = [n for n in (counts.count("s", f"line {d}-{i}") for d in range(20) for i in range(10)) if n]
    assert kept and set(kept) == {1}


@given(st.permutations(list(range(12))))
def test_counts_do_not_depend_on_document_order(order: list[int]) -> None:
    docs = [[f"shared {i % 3}", f"own {i}", f"pair {i // 2}"] for i in range(12)]
    reference, shuffled = LineCounts(capacity=20), LineCounts(capacity=20)
    for doc in docs:
        reference.add("s", doc)
    for i in order:
        shuffled.add("s", docs[i])
    assert reference.limit == shuffled.limit
    assert reference._counts == shuffled._counts


def _lines(*parts: str) -> list[str]:
    return [line for part in parts for line in part.split("\n\n")]


#: One page through two converters (other menu lines, Markdown emphasis), and two other pages of the site.
PAGE = _lines("Home\n\nNews", STORIES[0], FOOTER)
PAGE_AGAIN = _lines("Skip to content", STORIES[0].replace("long debate", "**long debate**"), FOOTER)
OTHERS = [_lines("Home\n\nNews", story, FOOTER) for story in STORIES[1:]]


def test_a_near_copy_counts_once() -> None:
    counts = LineCounts()
    for doc in (PAGE, PAGE_AGAIN, *OTHERS):
        counts.add("a", doc)
    assert [counts.count("a", line) for line in _lines(STORIES[0])] == [1, 1]
    assert counts.count("a", PAGE_AGAIN[1]) == 1  # its own version of the first line: counted for the group once
    assert [counts.count("a", line) for line in _lines(FOOTER)] == [3, 3, 3]  # the group and the two others
    assert counts.count("a", "Home") == 3 and counts.count("a", "Skip to content") == 1
    separate = LineCounts(groups=0)
    for doc in (PAGE, PAGE_AGAIN, *OTHERS):
        separate.add("a", doc)
    assert [separate.count("a", line) for line in _lines(STORIES[0])] == [1, 2]
    assert [separate.count("a", line) for line in _lines(FOOTER)] == [4, 4, 4]


def test_documents_below_the_near_copy_threshold_count_separately() -> None:
    counts = LineCounts()
    half = _lines(STORIES[0])[:1]  # the page without its second paragraph: well below the threshold
    for doc in (PAGE, _lines("Home", *half, FOOTER)):
        counts.add("a", doc)
    assert counts.count("a", half[0]) == 2 and counts.count("a", FOOTER.split("\n\n")[0]) == 2


def test_sentences_are_long_lines_that_end_a_sentence() -> None:
    words = ["word"] * (SENTENCE_MIN_WORDS - 1)
    short, edge, unended = " ".join(words) + ".", " ".join([*words, "more"]) + '."', " ".join([*words, "more", "too"])
    assert sentence_text([short, edge, unended, edge.upper()]) == f"{edge}\n{edge.upper()}"


#: One page through two converters: inscriptis writes a table's columns side by side and nested list
#: items with "o", html2text a table row per line with "|", "*" bullets and Markdown emphasis.
TABLE = [
    ("Best Overall Mover", "Colonial Van Lines", "4.7 / 5"),
    ("Most Transparent Pricing", "Safeway Moving", "4.9 / 5"),
    ("Most Reliable Mover", "American Van Lines", "4.5 / 5"),
    ("Cheapest Quote Overall", "Budget Movers Inc", "4.1 / 5"),
]
LINKS = [f"How to plan a long distance move number {i} without losing your mind" for i in range(6)]
SIDE_BY_SIDE = [" ".join(row[i] for row in TABLE) for i in range(3)] + [f"o {link}" for link in LINKS]
ROW_BY_ROW = [" | ".join(row) for row in TABLE] + [f"* {link}" for link in LINKS]
CONVERTED = _lines(STORIES[0], FOOTER) + SIDE_BY_SIDE
CONVERTED_AGAIN = _lines(STORIES[0].replace("long debate", "_long debate_"), FOOTER) + ROW_BY_ROW


def test_a_page_through_two_converters_counts_once() -> None:
    long_lines = ["\n".join(line for line in page if len(line.split()) >= 8) for page in (CONVERTED, CONVERTED_AGAIN)]
    sets = [shingles(text) for text in long_lines]
    assert len(sets[0] & sets[1]) / len(sets[0] | sets[1]) < NEAR_COPY_THRESHOLD  # the long lines: tables, lists
    counts = LineCounts()
    for doc in (CONVERTED, CONVERTED_AGAIN, *OTHERS):
        counts.add("a", doc)
    assert [counts.count("a", line) for line in _lines(STORIES[0])] == [1, 1]
    assert [counts.count("a", line) for line in _lines(FOOTER)] == [3, 3, 3]


def _near_copy_similarity(a: list[str], b: list[str]) -> float:
    return similarity(*(signature(_sentence_shingles(doc)) for doc in (a, b)))


def _sentence_shingles(doc: list[str]) -> set[int]:
    return shingles(sentence_text(doc), salt=NEAR_COPY_SALT)


def _near_copies(a: list[str], b: list[str]) -> bool:
    score, sizes = _near_copy_similarity(a, b), [len(_sentence_shingles(doc)) for doc in (a, b)]
    return score >= NEAR_COPY_THRESHOLD or NEAR_COPY_CONTAINED.holds(score, *sizes)


#: Sentences of one template (their shingles overlap a little, as a site's sentences do): about 10
#: shingles each.
POOL = [f"Report {i} says the council of the town spent {i * 7} pounds on the roads this year." for i in range(60)]


def test_near_copies_group_from_the_threshold_on() -> None:
    page = POOL[:20]
    variants = [page[: 20 - k] + POOL[20 : 20 + k] for k in range(6)]  # the last k sentences replaced
    scores = [_near_copy_similarity(page, variant) for variant in variants]
    assert min(scores) < NEAR_COPY_THRESHOLD <= max(scores)
    for variant, score in zip(variants, scores, strict=True):
        counts = LineCounts()
        counts.add("a", page)
        counts.add("a", variant)
        assert counts.count("a", page[0]) == (1 if score >= NEAR_COPY_THRESHOLD else 2)


@given(st.lists(st.integers(0, 59), min_size=1, max_size=40, unique=True), st.lists(st.integers(0, 59), max_size=40))
def test_a_shared_line_counts_once_exactly_when_the_documents_are_near_copies(a: list[int], b: list[int]) -> None:
    first, second = [POOL[i] for i in a], [POOL[i] for i in b]
    counts = LineCounts()
    counts.add("a", first)
    counts.add("a", second)
    grouped = set(a) == set(b) or _near_copies(first, second)
    assert all(counts.count("a", POOL[i]) == (1 if grouped else 2) for i in set(a) & set(b))


def test_an_article_and_its_longer_update_count_once() -> None:
    article, update = POOL[:20], POOL[:30]  # ten paragraphs added: all of the article inside the update
    score = _near_copy_similarity(article, update)
    assert CONTAINED_MIN_SIMILARITY <= score < NEAR_COPY_THRESHOLD
    assert len(_sentence_shingles(article)) >= CONTAINED_MIN_SHINGLES
    counts = LineCounts()
    for doc in (article, update):
        counts.add("a", doc)
    assert [counts.count("a", line) for line in (POOL[0], POOL[19], POOL[29])] == [1, 1, 1]


def test_a_small_or_loosely_alike_document_inside_another_counts_apart() -> None:
    small = (POOL[:14], POOL[:18])  # all inside, alike, but below the size of an article's sentences
    loose = (POOL[:20], POOL[:50])  # all inside, but too little alike to trust the estimate
    assert len(_sentence_shingles(small[0])) < CONTAINED_MIN_SHINGLES <= len(_sentence_shingles(loose[0]))
    assert _near_copy_similarity(*loose) < CONTAINED_MIN_SIMILARITY <= _near_copy_similarity(*small)
    for pair in (small, loose):
        counts = LineCounts()
        for doc in pair:
            counts.add("a", doc)
        assert counts.count("a", POOL[0]) == 2


def test_containment_groups_from_its_share_on() -> None:
    page = POOL[:25]
    variants = [POOL[: 25 - k] + POOL[30 : 30 + 2 * k] for k in range(1, 6)]  # k sentences out, 2k others in
    shares = [len(_sentence_shingles(page) & _sentence_shingles(v)) / len(_sentence_shingles(page)) for v in variants]
    assert min(shares) < CONTAINED_SHARE <= max(shares)
    for variant in variants:
        counts = LineCounts()
        counts.add("a", page)
        counts.add("a", variant)
        assert counts.count("a", page[0]) == (1 if _near_copies(page, variant) else 2)
    assert any(_near_copies(page, v) and _near_copy_similarity(page, v) < NEAR_COPY_THRESHOLD for v in variants)


def test_near_copies_in_two_sources_count_in_each() -> None:
    counts = LineCounts()
    for source, doc in (("a", PAGE), ("b", PAGE_AGAIN), ("b", PAGE)):
        counts.add(source, doc)
    assert counts.count("a", STORIES[0].split("\n\n")[1]) == 1 and counts.count("b", STORIES[0].split("\n\n")[1]) == 1
    assert counts.count("b", FOOTER.split("\n\n")[0]) == 1


def test_near_copy_groups_are_bounded_the_oldest_forgotten() -> None:
    counts = LineCounts(groups=1)
    for doc in (PAGE, OTHERS[0], PAGE_AGAIN):  # the page's group is forgotten when the other page's starts
        counts.add("a", doc)
    assert counts.groups == 1 and len(counts._near or ()) == 1
    assert counts.count("a", _lines(STORIES[0])[1]) == 2
    wide = LineCounts(groups=2)
    for doc in (PAGE, OTHERS[0], PAGE_AGAIN):
        wide.add("a", doc)
    assert wide.count("a", _lines(STORIES[0])[1]) == 1


@given(st.permutations([PAGE, PAGE_AGAIN, *OTHERS, _lines("Menu", STORIES[1], FOOTER), ["Home", "News"]]))
def test_counts_with_near_copies_do_not_depend_on_document_order(docs: list[list[str]]) -> None:
    reference, shuffled = LineCounts(), LineCounts()
    for doc in (PAGE, PAGE_AGAIN, *OTHERS, _lines("Menu", STORIES[1], FOOTER), ["Home", "News"]):
        reference.add("s", doc)
    for doc in docs:
        shuffled.add("s", doc)
    assert reference._counts == shuffled._counts
    assert reference.count("s", FOOTER.split("\n\n")[0]) == 3


def test_a_block_of_repeated_lines_is_furniture_an_isolated_one_is_not() -> None:
    texts = ["Story.", "Footer a.", "Footer b.", "Footer c.", "Said:", QUOTE, "More.", "Pair a.", "Pair b."]
    lines = [Line(i, t, t) for i, t in enumerate(texts)]
    label_furniture(lines, [0, 4, 4, 4, 0, 2, 0, 2, 2])
    assert [line.label for line in lines] == [Label.BODY] + [Label.BOILERPLATE] * 3 + [Label.BODY] * 5
    assert lines[1].reason == "repeated-in-source:4"


def test_a_mostly_repeated_document_is_a_copy_and_keeps_its_lines() -> None:
    lines = [Line(i, t, t) for i, t in enumerate("ABCDEFGHIJ")]
    label_furniture(lines, [2] * 9 + [0])
    assert all(line.label is Label.BODY for line in lines)
    label_furniture(lines, [2] * 8 + [0, 0])
    assert [line.label for line in lines] == [Label.BOILERPLATE] * 8 + [Label.BODY] * 2


def _corpus(stories: list[str], extra: str) -> tuple[LineCounts, list[str]]:
    texts = [f"{story}\n\n{extra}" for story in stories]
    counts = LineCounts()
    for text in texts:
        counts.add("example.com", [line.text for line in clean(text).lines])
    return counts, texts


def test_repeated_footer_is_removed() -> None:
    counts, texts = _corpus(STORIES, FOOTER)
    for text, story in zip(texts, STORIES, strict=True):
        lines = [line.text for line in clean(text).lines]
        plain, corpus = clean(text), clean(text, repeats=counts.repeats("example.com", lines))
        assert "We rely on readers" in plain.text
        assert corpus.text == story
        removed = [line.reason for line in corpus.lines if line.label is Label.BOILERPLATE]
        assert removed == ["repeated-in-source:3"] * 3


def test_repeated_footer_is_removed_from_an_extracted_text() -> None:
    """A text that opens with the article is cleaned by the rules alone
    (``extracted:`` reasons), and its source's repeated lines still go."""
    stories = [f"From our reporters in the city: {story}" for story in STORIES]
    counts, texts = _corpus(stories, FOOTER)
    for text, story in zip(texts, stories, strict=True):
        lines = [line.text for line in clean(text).lines]
        corpus = clean(text, repeats=counts.repeats("example.com", lines))
        assert [line.reason for line in corpus.lines] == ["extracted:paragraph"] * 2 + ["repeated-in-source:3"] * 3
        assert corpus.text == story


def test_repeated_quote_inside_bodies_is_kept() -> None:
    texts = [story.replace("\n\n", f"\n\n{QUOTE}\n\n") for story in STORIES]
    counts = LineCounts()
    for text in texts:
        counts.add("example.com", [line.text for line in clean(text).lines])
    for text in texts:
        lines = [line.text for line in clean(text).lines]
        assert counts.repeats("example.com", lines)
        doc = clean(text, repeats=counts.repeats("example.com", lines))
        assert QUOTE in doc.text and doc.text == clean(text).text


def _titles(texts: list[str]) -> tuple[list[str | None], list[str | None]]:
    counts = LineCounts()
    for text in texts:
        counts.add("example.com", [line.text for line in clean(text).lines])
    evidence = [counts.repeats("example.com", [line.text for line in clean(text).lines]) for text in texts]
    return [clean(t).title for t in texts], [clean(t, repeats=r).title for t, r in zip(texts, evidence, strict=True)]


def test_a_site_name_on_every_page_is_not_the_headline() -> None:
    site = "Springfield Gazette Local News And Weather"
    plain, corpus = _titles([f"{site}\n\nBy Jane Smith\n\n{story}" for story in STORIES])
    assert plain == [site] * 3
    assert site not in corpus


def test_real_headlines_stay_under_a_repeated_site_name() -> None:
    headlines = ["Council passes budget", "Mayor opens bridge", "Floods hit lower town"]
    texts = [f"The Daily Example\n\n{h}\n\n{story}" for h, story in zip(headlines, STORIES, strict=True)]
    assert _titles(texts) == (headlines, headlines)
