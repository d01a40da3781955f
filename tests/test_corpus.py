"""Corpus mode: sources, repeated-line evidence over a stream, duplicates, languages, statistics."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import CorpusOptions, clean_stream
from cleaner.corpus import CorpusStats, corpus_stream, source_key
from cleaner.writing import to_record

from .test_repeated import FOOTER, POOL, QUOTE, STORIES

GERMAN = (
    "Der Stadtrat hat am Montag nach einer langen Debatte den neuen Haushalt beschlossen, teilten die Behörden mit. "
    "Die Abstimmung war knapp, und die Opposition kündigte an, gegen den Plan zu klagen."
)

#: The first story again on its site, through another converter (another menu line).
AGAIN = {
    "id": "again",
    "url": "https://www.example.com/story/0?print",
    "text": f"Skip to content\n\n{STORIES[0]}\n\n{FOOTER}",
}


def _pages(stories: list[str], footer: str = FOOTER, host: str = "example.com") -> list[dict[str, object]]:
    return [
        {"id": f"{host}/{i}", "url": f"https://www.{host}/story/{i}", "text": f"{story}\n\n{footer}"}
        for i, story in enumerate(stories)
    ]


def test_source_is_the_url_host_then_the_source_field_then_the_folder() -> None:
    assert source_key({"url": "https://www.Example.com/a", "source": "wire"}) == "example.com"
    assert source_key({"url": "not a url", "source": "wire"}) == "wire"
    assert source_key({"text": "x"}, "crawl/site/page.txt") == "crawl/site"
    assert source_key("x", "page.txt") == "."
    assert source_key("x", "stdin") == "stdin"
    assert source_key("x") == ""


def test_repeated_footer_leaves_the_bodies() -> None:
    docs = list(clean_stream(_pages(STORIES), corpus=CorpusOptions()))
    assert [doc.text for doc in docs] == STORIES
    plain = list(clean_stream(_pages(STORIES)))
    assert all("We rely on readers" in doc.text for doc in plain)


def test_footer_of_another_source_is_no_evidence() -> None:
    pages = _pages(STORIES[:1], host="a.example") + _pages(STORIES[1:2], host="b.example")
    docs = list(clean_stream(pages, corpus=CorpusOptions()))
    assert all("We rely on readers" in doc.text for doc in docs)
    assert not any(line.reason.startswith("repeated-in-source") for doc in docs for line in doc.lines)


def test_repeated_quote_inside_bodies_survives() -> None:
    pages = _pages([story.replace("\n\n", f"\n\n{QUOTE}\n\n") for story in STORIES])
    for doc in clean_stream(pages, corpus=CorpusOptions()):
        assert QUOTE in doc.text
        assert "We rely on readers" not in doc.text


def test_two_copies_of_a_page_in_one_source_keep_their_bodies() -> None:
    pages = [*_pages(STORIES), AGAIN]
    docs = list(clean_stream(pages, corpus=CorpusOptions()))
    assert [doc.text for doc in docs] == [*STORIES, STORIES[0]]
    assert docs[3].dup_of == pages[0]["id"]
    separate = list(clean_stream(pages, corpus=CorpusOptions(max_near_copy_groups=0)))
    # its lines count twice: all of it is repeated, so it is taken for a copy and keeps the footer too
    kept = [doc.text == story for doc, story in zip(separate, [*STORIES, STORIES[0]], strict=True)]
    assert kept == [False, True, True, False]


def test_an_article_and_its_update_in_one_source_keep_their_bodies() -> None:
    article = "\n\n".join(" ".join(POOL[i : i + 2]) for i in range(0, 24, 2))
    update = article + "\n\n" + "\n\n".join(" ".join(POOL[i : i + 2]) for i in range(24, 32, 2))
    pages = _pages([*STORIES, article, update])
    docs = list(clean_stream(pages, corpus=CorpusOptions()))
    assert [doc.text for doc in docs] == [*STORIES, article, update]
    assert docs[4].dup_of == pages[3]["id"]


@settings(max_examples=12)
@given(st.permutations(range(5)))
def test_output_does_not_depend_on_document_order(order: list[int]) -> None:
    pages = [*_pages([*STORIES, STORIES[0].replace("Monday", "Friday")]), AGAIN]
    reference = {doc.id: [(line.label, line.reason) for line in doc.lines] for doc in corpus_stream(pages)}
    shuffled = [pages[i] for i in order]
    result = {doc.id: [(line.label, line.reason) for line in doc.lines] for doc in corpus_stream(shuffled)}
    assert result == reference


def test_jsonl_record_of_a_later_copy_carries_dup_fields() -> None:
    first, copy = corpus_stream([STORIES[0], STORIES[0]])
    assert "dup_of" not in to_record(first)
    assert (to_record(copy)["dup_of"], to_record(copy)["dup_similarity"]) == ("1", 1.0)


def test_later_copies_point_at_the_first_in_input_order() -> None:
    pages = _pages([STORIES[0], STORIES[1], STORIES[0], STORIES[0].replace("Monday", "Friday")], footer="")
    stats = CorpusStats()
    docs = list(corpus_stream(pages, corpus=CorpusOptions(repeated_lines=False), stats=stats))
    assert [(doc.dup_of, doc.dup_similarity) for doc in docs[:3]] == [(None, None), (None, None), (pages[0]["id"], 1.0)]
    assert docs[3].dup_of == pages[0]["id"] and 0.3 <= (docs[3].dup_similarity or 0) < 1
    assert (stats.exact_duplicates, stats.near_duplicates, stats.clusters) == (1, 1, 1)


def test_dedup_drops_later_copies_and_counts_them() -> None:
    stats = CorpusStats()
    pages = _pages([STORIES[0], STORIES[1], STORIES[0]], footer="")
    docs = list(corpus_stream(pages, corpus=CorpusOptions(dedup=True), stats=stats))
    assert [doc.id for doc in docs] == [pages[0]["id"], pages[1]["id"]]
    assert stats.dropped["duplicate"] == 1


def test_documents_without_ids_get_their_input_position() -> None:
    docs = list(clean_stream([STORIES[0], STORIES[1], STORIES[0]], corpus=CorpusOptions()))
    assert [doc.id for doc in docs] == ["1", "2", "3"]
    assert docs[2].dup_of == "1"


def test_language_filter_drops_and_counts() -> None:
    stats = CorpusStats()
    docs = list(corpus_stream([STORIES[0], GERMAN], corpus=CorpusOptions(languages=frozenset({"de"})), stats=stats))
    assert [doc.lang for doc in docs] == ["de"]
    assert stats.dropped["language"] == 1 and stats.languages == {"de": 1}
    assert "dropped       1 (language 1)" in stats.report()


def test_corpus_mode_needs_a_reiterable_input() -> None:
    with pytest.raises(TypeError, match="reads its input twice"):
        list(clean_stream(iter(STORIES), corpus=CorpusOptions()))


def test_repeated_lines_off_changes_no_label() -> None:
    pages = _pages(STORIES)
    plain = [[(line.label, line.reason) for line in doc.lines] for doc in clean_stream(pages)]
    corpus = list(clean_stream(pages, corpus=CorpusOptions(repeated_lines=False)))
    assert [[(line.label, line.reason) for line in doc.lines] for doc in corpus] == plain
