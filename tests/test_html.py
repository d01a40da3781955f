"""HTML input: decoding, sniffing, extraction, title fusion, the fall-back, the CLI and the golden pages.

The golden pages under ``fixtures/html-*/`` are real pages from the dev data
(/work/shared/bench), trimmed (scripts, styles, comments and most attributes
removed) and stored in their declared charset: ``input.html`` (bytes),
``expected.txt`` (the readable output) and ``fields.json``.
"""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleaner.html
from cleaner import clean
from cleaner.cli import main
from cleaner.document import Label
from cleaner.html import (
    COMPARE_PAGE_SHARE,
    MIN_EXTRACTED_SIZE,
    _load_html,
    _main_content,
    _repaired,
    _worth_comparing,
    extract,
    page_lines,
    page_walk,
    plain_dump,
)
from cleaner.html_asides import AsidesError, headline_parts, html_asides, parse_asides, parse_headline_parts
from cleaner.html_blocks import GAP_KINDS, Block, Extraction
from cleaner.html_date_stamps import DateStampsError, date_stamp_words, is_date_stamp, parse_date_stamps
from cleaner.html_decoding import MARKUP_MIN_LINE_SHARE, decode_html, looks_like_html
from cleaner.html_gaps import ARTICLE_CONTAINER_SHARE, PIECE_WINDOW, TAIL_MIN_LINES, with_gaps
from cleaner.html_second_pass import BEFORE_HEADLINE_MAX_WORDS, HTML_CLOSER_TAIL_SHARE, RULE_MAX_WORDS
from cleaner.html_titles import KICKER_MIN_CHARS, choose_title, fuse_title, split_site_suffix
from cleaner.pipeline import Options, clean_extraction, readable_text
from cleaner.scoring import PROSE_MIN_WORDS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"
#: The HTML dependencies: imported by cleaner/html.py (lazily, inside functions) and
#: cleaner/html_metadata.py (which cleaner/html.py imports lazily) only.
HTML_DEPENDENCIES = frozenset({"trafilatura", "lxml", "htmldate", "charset_normalizer"})
CASES = sorted(p for p in FIXTURES.glob("html-*") if (p / "input.html").exists())

PARAGRAPHS = [
    "The city council approved the new budget on Monday after a debate that lasted more than six hours.",
    "The plan raises spending on schools and roads, and it cuts the cost of the annual festival by a third.",
    "The budget goes to the regional board for a final vote in April, and the board is expected to approve it.",
]


def page(
    title: str = "Council approves budget after long debate | The Riverside Herald", charset: str = "utf-8"
) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset}"><title>{title}</title>'
        '<meta property="og:site_name" content="The Riverside Herald">'
        '<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-04">'
        '<link rel="canonical" href="https://herald.example/budget"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
        f"<h1>Council approves budget after long debate</h1>{body}"
        "<h2>What happens next</h2><p>The mayor said the vote would be close, but that the plan had broad support.</p>"
        "<ul><li>Schools get more money for teachers and books this year.</li>"
        "<li>Roads get a new repair plan for the next five years.</li></ul>"
        "<p>Share this article</p><p>Related stories</p><p>Town hall to close for renovation work</p>"
        "</article><footer>© 2024 The Riverside Herald</footer></body></html>"
    )


# ---------------------------------------------------------------- decoding


def test_decode_uses_the_meta_charset() -> None:
    data = page(charset="windows-1252").replace("debate", "débat").encode("cp1252")
    assert "débat" in decode_html(data)


def test_decode_uses_http_equiv() -> None:
    data = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2"><p>Zażółć</p>'.encode("iso-8859-2")
    assert "Zażółć" in decode_html(data)


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig"])
def test_decode_follows_a_bom(codec: str) -> None:
    assert decode_html("<p>café</p>".encode(codec)) == "<p>café</p>"


def test_a_stale_single_byte_declaration_loses_to_valid_utf8() -> None:
    data = '<meta charset="iso-8859-1"><p>café — ok</p>'.encode()
    assert "café — ok" in decode_html(data)


def test_undeclared_legacy_bytes_go_to_the_detector() -> None:
    text = "<html><body><p>" + "Die Größe der Straße überrascht die Bürger in München. " * 20 + "</p></body></html>"
    assert "Größe" in decode_html(text.encode("cp1252"))


@given(st.binary(max_size=400))
def test_decode_never_raises(data: bytes) -> None:
    assert isinstance(decode_html(data), str)


@given(st.binary(max_size=200))
def test_decode_never_raises_with_a_declaration(data: bytes) -> None:
    assert isinstance(decode_html(b'<meta charset="utf-8">' + data), str)
    assert isinstance(decode_html(b'<meta charset="no-such-codec">' + data), str)


# ---------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    "head",
    [
        "<!doctype html><html>",
        "  <html lang='de'>",
        "<?xml version='1.0'?><html>",
        "<!-- saved --><html>",
        "<div>x</div>",
    ],
)
def test_html_is_sniffed(head: str) -> None:
    assert looks_like_html(head)


@pytest.mark.parametrize("head", ["Headline\n\n<p>", "x < y and y > z", "", '{"html": "<p>"}', "<3 you"])
def test_text_is_not_sniffed_as_html(head: str) -> None:
    assert not looks_like_html(head)


@pytest.mark.parametrize(("text_lines", "html"), [(round(1 / MARKUP_MIN_LINE_SHARE) - 1, True),
                                                  (round(1 / MARKUP_MIN_LINE_SHARE), False)])  # fmt: skip
def test_markup_line_share_edge(text_lines: int, html: bool) -> None:
    document = '<div><img src="pixel.gif" alt=""></div>\n' + "A line of the article's text.\n" * text_lines
    assert looks_like_html(document) is html


def test_scripts_and_comments_are_not_a_pages_markup() -> None:
    script = "<script>\n" + "var a = b;\n" * 200 + "</script>\n<!--\n" + "note\n" * 50 + "-->\n"
    assert looks_like_html("<html>\n" + script + "<body>\n<p>Hi</p>\n</body>")
    assert looks_like_html("<html>\n<script>\n" + "var a = b;\n" * 20_000)  # a script the window cuts


def test_a_text_that_opens_with_a_left_over_tag_is_cleaned_as_text() -> None:
    text = (
        '<p style="display:none"><img src="https://example.org/pixel.gif"></p>\n\nHome\nNews\n\n'
        "Council approves the new budget\n\n"
        + "".join(
            f"The council approved part {i} of the budget on Monday after a debate, officials said.\n\n"
            for i in range(round(1 / MARKUP_MIN_LINE_SHARE))
        )
    )
    doc = clean(text)
    assert "html-fallback" not in doc.flags
    assert doc.title == "Council approves the new budget"
    assert doc.text.startswith("The council approved part 0 of the budget")


# ---------------------------------------------------------------- titles


def _html_dependency_imports(path: Path) -> list[tuple[str, bool]]:
    """The HTML dependencies a module imports, each with whether at module level."""
    tree = ast.parse(path.read_text("utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.extend((name, id(node) in top_level) for name in names if name.split(".")[0] in HTML_DEPENDENCIES)
    return found


def test_the_html_dependencies_live_behind_cleaner_html() -> None:
    imports = {path.name: _html_dependency_imports(path) for path in sorted(PACKAGE.glob("*.py"))}
    assert {name for name, found in imports.items() if found} == {"html.py", "html_metadata.py"}
    assert imports["html.py"] and not any(top for _name, top in imports["html.py"])
    assert "html_metadata" not in {
        name for path in PACKAGE.glob("*.py") if path.name != "html.py" for name in _imported_modules(path)
    }


def _imported_modules(path: Path) -> set[str]:
    """The last part of each module name a module imports (``from .x import y``: ``x``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.rsplit(".", 1)[-1])
        elif isinstance(node, ast.Import):
            names.update(alias.name.rsplit(".", 1)[-1] for alias in node.names)
    return names


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Rebels take key town | Planet", None, "Rebels take key town"),
        ("Rebels take key town - The Daily Planet", None, "Rebels take key town"),
        ("Rebels take key town – Planet", "Planet", "Rebels take key town"),
        ("Rebels take key town — Planet News", "Planet", "Rebels take key town"),
        ("Planet: Rebels take key town", "Planet", "Rebels take key town"),
        ("Spider-Man – Far From Home review", None, "Spider-Man – Far From Home review"),
        ("Rebels: the story of a key town", None, "Rebels: the story of a key town"),
        ("Rebels take key town", "Planet", "Rebels take key town"),
    ],
)
def test_split_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert split_site_suffix(title, site) == expected


def test_the_in_page_headline_wins_when_it_matches_the_metadata_title() -> None:
    assert fuse_title("Rebels Take Key Town | Planet", "Rebels take key town") == "Rebels take key town"
    assert fuse_title("Planet", "Rebels take key town", "Planet") == "Rebels take key town"


def test_h1_matching_the_metadata_title_is_preferred() -> None:
    ext = Extraction(title="Rebels take key town | Planet", headlines=["Planet", "Rebels take key town"])
    assert choose_title(ext) == "Rebels take key town"
    assert choose_title(Extraction(title="Rebels | Planet", site_name="Planet")) == "Rebels"
    assert choose_title(Extraction()) is None


def test_an_h1_equal_to_the_metadata_title_wins_even_when_the_site_name_repeats_it() -> None:
    # a site name copied from the title is not evidence that the title is only the site name
    same = "The leading generative AI companies"
    ext = Extraction(title=same, site_name=same, headlines=[same], blocks=[Block("In short", "heading")])
    assert choose_title(ext) == same
    # ... but an <h1> of fewer content words than META_MIN_WORDS that is the site name is not the headline
    ext = Extraction(title="L-Mag", site_name="l-mag.de", headlines=["L-Mag"], blocks=[Block("Gedenktag", "heading")])
    assert choose_title(ext) == "Gedenktag"


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        ("Local News | Rebels take key town", "Rebels take key town"),  # a kicker: the metadata title
        ("Blog: Rebels take key town", "Rebels take key town"),
        ("Dec 18 2025 Rebels take key town", "Rebels take key town"),
        ("News Rebels take key town", "Rebels take key town"),  # a kicker of KICKER_MIN_CHARS
        ("The Rebels take key town", "The Rebels take key town"),  # one character short: the <h1>
        ("Rebels take key town: what it means", "Rebels take key town: what it means"),  # more after: the <h1>
    ],
)
def test_an_h1_that_is_the_metadata_title_after_a_kicker_gives_way(h1: str, expected: str) -> None:
    assert len("News") == KICKER_MIN_CHARS
    assert choose_title(Extraction(title="Rebels take key town | Planet", headlines=[h1])) == expected


def _article(head: str, body_start: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<html><head>{head}</head><body>{body_start}<article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        # a kicker, a topline date, a hidden separator: left out
        (
            '<span class="article-heading__kicker">Budget</span><span class="visually-hidden">: </span>'
            "<span>Council approves plan</span>",
            "Council approves plan",
        ),
        (
            '<span class="topline"><span class="date">27.01.2022</span></span>Council approves plan',
            "Council approves plan",
        ),
        (
            '<span class="headline--topline">Budget</span><span class="headline--colon">: </span>'
            "<span>Council approves plan</span>",
            "Council approves plan",
        ),  # the separator left at the start goes
        ("Council approves plan<br><small>02.02.2022 • News</small>", "Council approves plan"),
        ("Coun\u00adcil ap\u00adproves plan", "Council approves plan"),  # soft hyphens go, as in the lines
        # a subtitle is not a kicker (the reference keeps it as often as not): kept
        ('<span class="article-subtitle">Budget</span> Council approves plan', "Budget Council approves plan"),
    ],
)
def test_the_h1_loses_its_kicker_date_and_hidden_parts(h1: str, expected: str) -> None:
    assert extract(_article("<title>x</title>", f"<h1>{h1}</h1>")).headlines == [expected]


def test_logo_and_hidden_h1s_are_not_headlines() -> None:
    body = (
        '<h1 class="sr-only">Skip to content</h1><h1><a href="https://planet.example/">The Planet</a></h1>'
        '<h1 class="site-title">Planet Blog</h1><h1><a href="/news/budget">Council approves plan</a></h1>'
    )
    ext = extract(_article("<title>Council approves plan | The Planet</title>", body))
    assert ext.headlines == ["Council approves plan"]
    assert ext.logo == "The Planet"
    assert headline_parts().is_logo(
        lxml_fragment('<h1><a href="https://web.archive.org/web/2014/http://x.de/">X</a></h1>')
    )
    assert not headline_parts().is_logo(lxml_fragment('<h1>Budget: <a href="/">The Planet</a> votes</h1>'))
    assert headline_parts().is_logo(lxml_fragment('<h1><a href="https://planet.com/">Planet</a></h1>'))
    assert not headline_parts().is_logo(lxml_fragment('<h1><a href="/news/rebels">Rebels take town</a></h1>'))


def lxml_fragment(html: str) -> object:
    import lxml.html

    return lxml.html.fragment_fromstring(html)


def test_a_metadata_title_taken_from_a_logo_h1_gives_way_to_the_page_title() -> None:
    # trafilatura takes a page's sole <h1> for its title, even a logo
    head = "<title>Muffin basics : Muffin Recipes</title>"
    ext = extract(_article(head, '<h1><a href="http://muffins.example/">Muffin Recipes</a></h1>'))
    assert ext.title == "Muffin basics : Muffin Recipes"
    assert choose_title(ext) == "Muffin basics"  # the logo's text is the site name


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Four Years » Blog Archive » Interning of small integers", "Four Years", "Interning of small integers"),
        ("Planet - News - Council approves plan", "Planet", "Council approves plan"),
        ("Planet: Council approves plan - what it means", "Planet", "Council approves plan - what it means"),
        ("Council approves plan : Planet | All the news", "Planet", "Council approves plan"),
        ("Council approves plan | Planet", "Planet", "Council approves plan"),
    ],
)
def test_site_names_inside_the_title(title: str, site: str, expected: str) -> None:
    assert split_site_suffix(title, site) == expected


def test_an_h1_that_is_one_part_of_the_metadata_title_wins() -> None:
    ext = Extraction(title="08.11.2021 | Online day of remembrance", headlines=["Online day of remembrance"])
    assert choose_title(ext) == "Online day of remembrance"
    # of two <h1>s that are parts, the one of more content words
    ext = Extraction(title="Notices - Tobacco tax act announced", headlines=["Notices", "Tobacco tax act announced"])
    assert choose_title(ext) == "Tobacco tax act announced"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"part_patterns": ["(unclosed"]}, "does not compile"),
        ({"logo_examples": ["entry-title"]}, "matches no pattern"),
        ({"counter_examples": ["site-logo"]}, "counter-example"),
        ({"part_tags": "small"}, "must be a list of strings"),
    ],
)
def test_the_headline_parts_are_validated(changes: dict[str, object], message: str) -> None:
    data = {
        "part_tags": ["small"],
        "part_patterns": ["kicker"],
        "part_examples": ["article-kicker"],
        "hidden_patterns": ["sr-only"],
        "hidden_examples": ["sr-only"],
        "logo_patterns": ["logo"],
        "logo_examples": ["site-logo"],
        "counter_examples": ["entry-title"],
    }
    with pytest.raises(AsidesError, match=message):
        parse_headline_parts({**data, **changes})
    with pytest.raises(AsidesError, match="must hold an object"):
        parse_headline_parts(None)


def test_the_title_is_repaired_like_the_lines() -> None:
    page_ = "<html><head><title>T</title></head><body><article><h1>A DIY Investor\u00e2\u0080\u0099s Guide</h1>"
    page_ += "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
    assert clean(page_).title == "A DIY Investor\u2019s Guide"


# ---------------------------------------------------------------- extraction and cleaning


def test_extract_keeps_block_kinds_and_metadata() -> None:
    ext = extract(page())
    kinds = {b.text: b.kind for b in ext.blocks}
    assert kinds["What happens next"] == "heading"
    assert kinds[PARAGRAPHS[0]] == "paragraph"
    assert any(kind == "item" for kind in kinds.values())
    assert (ext.author, ext.date, ext.site_name) == ("Jane Doe", "2024-03-04", "The Riverside Herald")
    assert ext.headlines == ["Council approves budget after long debate"]
    assert not ext.fallback
    assert Extraction.from_dict(json.loads(json.dumps(ext.as_dict()))) == ext


def _body(inner: str) -> object:
    """An extraction's body element holding ``inner`` (trafilatura's tags: p, head, list, table ...)."""
    return lxml.html.fragment_fromstring(inner, create_parent="body")


@pytest.mark.parametrize(
    ("body", "text_chars", "page_chars", "compare"),
    [
        (None, 0, 1000, True),  # the fast extraction found nothing
        ("<p>x</p>", MIN_EXTRACTED_SIZE - 1, MIN_EXTRACTED_SIZE - 1, True),  # too short: jusText may add
        ("<p>x</p>", MIN_EXTRACTED_SIZE, MIN_EXTRACTED_SIZE, False),
        ("<p>x</p>", 300, math.ceil(300 / COMPARE_PAGE_SHARE), False),  # exactly the share
        ("<p>x</p>", 300, math.ceil(300 / COMPARE_PAGE_SHARE) + 1, True),  # under it
        ("<head>x</head><list><item>y</item></list>", 300, 300, True),  # no paragraph text
        ("<table><row><cell>x</cell></row></table><table/><p>y</p>", 300, 300, True),  # table-dominated
        ("<table><row><cell>x</cell></row></table><p>y</p>", 300, 300, False),
    ],
)
def test_the_full_cascade_runs_only_where_readability_or_justext_could_win(
    body: str | None, text_chars: int, page_chars: int, compare: bool
) -> None:
    element = _body(body) if body is not None else None
    lines = [("w" * page_chars, "text", False)]
    assert _worth_comparing(element, "t" * text_chars, lines) is compare


def test_the_short_extraction_bound_is_trafilaturas() -> None:
    from trafilatura.settings import Extractor

    assert Extractor().min_extracted_size == MIN_EXTRACTED_SIZE


_COMMENTS = "</article><div id='comments'><p>Great article, thank you for writing it!</p></div>"
_POSTS = "".join(f"<div class='comment'><p>{p}</p></div>" for p in PARAGRAPHS)
_ARTICLE_BODY = " ".join(["The main article text is long enough to hold the reader."] * 6)


@pytest.mark.parametrize(
    "html",
    [
        page(),
        page().replace("</article>", _COMMENTS),  # the comments pruned from the raw tree
        # a forum's comments are its posts
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script></head>'
        f"<body><h1>Which plan is best?</h1><p>{PARAGRAPHS[0]}</p><div id='comments'>{_POSTS}</div></body></html>",
        # the main extractor finds nothing, the baseline the JSON-LD article body
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": '
        f'"{_ARTICLE_BODY}"}}</script></head><body><div><a href="/">Home</a></div></body></html>',
    ],
)
def test_the_fast_run_is_trafilaturas_fast_sequence_before_its_escalation(html: str) -> None:
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import Extractor

    options = Extractor(output_format="txt", fast=True, comments=False, tables=True)
    _body, expected, _comments, _comments_text = trafilatura_sequence(_load_html(html), options, None)
    assert _main_content(_load_html(html), None, True)[1] == expected


def _teaser_page(article: list[int], teasers: list[int]) -> str:
    """An article of paragraphs of the given word counts, then teaser boxes of the given word counts."""

    def words(n: int) -> str:
        return " ".join(f"word{i % 7}" for i in range(n)) + "."

    body = "".join(f"<p>{words(n)}</p>" for n in article)
    boxes = "".join(f"<div class='box'><h3>Teaser</h3><p>{words(n)}</p></div>" for n in teasers)
    article_html = f"<main><article><h1>Headline</h1>{body}</article></main>"
    return f"<html><body>{article_html}<section>{boxes}</section></body></html>"


@given(
    st.lists(st.integers(1, 120), min_size=1, max_size=6),
    st.lists(st.integers(1, 120), max_size=30),
)
@example([60], [120] * 30)  # the escalation's page: a short article among long teasers
@settings(max_examples=30, deadline=None)
def test_every_page_the_escalation_would_retry_takes_the_full_cascade(article: list[int], teasers: list[int]) -> None:
    from trafilatura.baseline import html2txt
    from trafilatura.core import ESCALATION_MAX_LENGTH, ESCALATION_PAGE_SHARE

    html = _teaser_page(article, teasers)
    lines, _paths = page_walk(_load_html(html))
    body, text = _main_content(_load_html(html), None, True)
    if 0 < len(text) < ESCALATION_MAX_LENGTH and len(text) < ESCALATION_PAGE_SHARE * len(html2txt(html)):
        assert _worth_comparing(body, text, lines)


@pytest.mark.parametrize(("share", "runs"), [(0.0, [True]), (1.0, [True, False])])
def test_the_full_cascade_reads_the_page_again(monkeypatch: pytest.MonkeyPatch, share: float, runs: list[bool]) -> None:
    calls: list[tuple[bool, bool]] = []
    main_content = cleaner.html._main_content

    def spy(tree: object, url: str | None, fast: bool) -> object:
        calls.append((fast, tree.find(".//div[@id='comments']") is not None))  # type: ignore[attr-defined]
        return main_content(tree, url, fast)

    monkeypatch.setattr(cleaner.html, "COMPARE_PAGE_SHARE", share)
    monkeypatch.setattr(cleaner.html, "_main_content", spy)
    ext = extract(page().replace("</article>", "</article><div id='comments'><p>Great article!</p></div>"))
    # each run gets the page as parsed: the fast run prunes the comments from the tree it reads
    assert calls == [(fast, True) for fast in runs]
    assert PARAGRAPHS[0] in {block.text for block in ext.blocks}


def test_clean_html_fills_the_fields_and_drops_the_furniture() -> None:
    doc = clean(page())
    assert doc.title == "Council approves budget after long debate"
    assert doc.byline == "Jane Doe"
    assert (doc.date, doc.site_name, doc.url) == ("2024-03-04", "The Riverside Herald", "https://herald.example/budget")
    assert doc.flags == []
    for p in PARAGRAPHS:
        assert p in doc.text
    assert "Share this article" not in doc.text
    assert "Related stories" not in doc.text
    assert "Council approves budget" not in doc.text  # the headline is the title, not body
    assert "What happens next" in doc.headings
    reasons = {line.text: line.reason for line in doc.lines}
    assert reasons["Share this article"] == "rule:share"


# The page metadata: cleaner.html_metadata must give trafilatura's fields (its author search and
# JSON-LD clean-up are rewritten for speed; these pin them to trafilatura's own functions).
AUTHOR_PAGES = [
    '<div class="byline">By <a rel="author" href="/jd">Jane Doe</a> <time>3 May 2024</time></div>',
    '<div class="comments"><span class="author">A Reader</span></div><p class="author-name">Jane Doe</p>',
    '<aside class="sidebar"><span class="author">Side Bar</span></aside><span id="Author1">Jane <b>Doe</b></span>',
    '<div class="post-meta">Posted by <span class="username">jdoe</span></div>',
    '<figure><span class="author">Photo Person</span></figure><div data-component="Byline">John Roe</div>',
    '<span class="writer">Jane Doe, <span class="date">May 3</span> staff</span>',
    '<div class="byline">By Jane Doe<time>3 May</time>, staff writer</div>',
    '<div class="byline">By Jane Doe</div><author>John Roe</author>',
    '<p class="author">X</p><div itemprop="author"><span itemprop="name">Jane Doe</span></div>',
]


@pytest.mark.parametrize("body", AUTHOR_PAGES)
def test_the_markup_author_is_trafilaturas(body: str) -> None:
    from trafilatura.metadata import extract_author
    from trafilatura.utils import load_html

    from cleaner.html_metadata import _markup_author

    tree = load_html(
        f"<html><head><title>T</title></head><body><article>{body}<p>{PARAGRAPHS[0]}</p></article></body></html>"
    )
    assert _markup_author(tree) == extract_author(tree)


def test_the_metadata_is_trafilaturas() -> None:
    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    from cleaner.html_metadata import read_metadata

    ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",\n'
        '  "headline": "Council approves budget", "author": {"@type": "Person", "name": "Jane \\u00c9mile Doe"},\n'
        '  "publisher": {"@type": "Organization", "name": "The Riverside Herald"}}</script>'
    )
    pages = [page(), page().replace("</head>", ld + "</head>"), CASES[0].joinpath("input.html").read_bytes()]
    for html in pages:
        tree = load_html(html)
        ours, theirs = (
            read_metadata(tree, "https://x.example/a"),
            extract_metadata(tree, "https://x.example/a", set_date_params(extensive=False)),
        )
        for name in ("title", "author", "sitename", "url", "description"):
            assert getattr(ours, name) == getattr(theirs, name), name
        assert ours.date == theirs.date or theirs.date is None  # ours adds the extensive search


def test_html_in_a_record_field_and_as_bytes() -> None:
    doc = clean({"id": 7, "html": page(), "source": "crawl"})
    assert (doc.id, doc.extra["source"], doc.title) == (7, "crawl", "Council approves budget after long debate")
    assert clean(page().encode("utf-8")).title == doc.title
    assert clean({"text": page()}).title == doc.title  # HTML in the text field is sniffed


def test_text_format_does_not_sniff() -> None:
    doc = clean("<p>A line of text that looks like a tag.</p>", Options(input_format="text"))
    assert [line.text for line in doc.lines] == ["<p>A line of text that looks like a tag.</p>"]
    assert doc.url is None and doc.flags == []


def test_a_page_trafilatura_finds_nothing_on_falls_back_to_its_plain_text() -> None:
    html = '<html><body><nav><a href="/">Home</a></nav><div class="footer">Contact us</div></body></html>'
    doc = clean(html)
    assert doc.flags == ["html-fallback"]
    assert [line.text for line in doc.lines] == ["Home", "Contact us"]


def test_unparseable_markup_never_crashes() -> None:
    for html in ["<html>", "<html><body></body></html>", "<html>\x00\x01<p>", "<" * 1000, "<html>" + "<div>" * 3000]:
        doc = clean(html, Options(input_format="html"))
        assert isinstance(doc.text, str)


# ---------------------------------------------------------------- lines trafilatura left out


def _blocks(*texts: str) -> list[Block]:
    return [Block(text, "paragraph") for text in texts]


LONG = "A sentence that trafilatura left out of the article body."  # ten words
LAST_PARAGRAPH = ("A last paragraph that no run of prose lines reaches.", "text", False)


def test_a_page_line_between_two_blocks_comes_back_as_a_gap() -> None:
    page_ = [("One.", "text", False), (LONG, "text", False), ("Photo " + LONG, "text", True), ("Two.", "text", False)]
    got = with_gaps(_blocks("One.", "Two."), page_)
    assert [(b.text, b.kind) for b in got] == [("One.", "paragraph"), (LONG, "gap"), ("Two.", "paragraph")]


@pytest.mark.parametrize(("words", "gap"), [(PROSE_MIN_WORDS - 1, False), (PROSE_MIN_WORDS, True)])
def test_a_gap_line_too_short_to_be_prose_stays_out(words: int, gap: bool) -> None:
    line = " ".join(["word"] * words) + "."
    page_ = [("One.", "text", False), (line, "text", False), ("Two.", "text", False)]
    assert (line in [b.text for b in with_gaps(_blocks("One.", "Two."), page_)]) is gap


def test_no_gap_next_to_a_block_that_is_not_a_page_line_nor_outside_the_blocks() -> None:
    page_ = [("Before " + LONG, "text", False), ("One.", "text", False), (LONG, "text", False)]
    page_ += [("Two.", "text", False), ("After " + LONG, "text", False)]
    assert [b.text for b in with_gaps(_blocks("One.", "Merged by trafilatura", "Two."), page_)] == [
        "One.",
        "Merged by trafilatura",
        "Two.",
    ]
    assert [b.text for b in with_gaps(_blocks("One.", "Two."), page_)] == ["One.", LONG, "Two."]


@pytest.mark.parametrize(
    ("before", "gap"),
    [
        (["Eliz", "Product marketer"], True),  # parts of the line "Eliz - Product marketer"
        (["-"], True),  # no words: matched to no line, breaks no pair
        (["Not on the page"], False),
    ],
)
def test_a_block_that_is_part_of_a_page_line_is_matched_to_it(before: list[str], gap: bool) -> None:
    page_ = [("One.", "text", False), ("Eliz - Product marketer", "text", False), (LONG, "text", False)]
    page_ += [("Two.", "text", False)]
    got = with_gaps(_blocks("One.", *before, "Two."), page_)
    assert (LONG in [b.text for b in got if b.kind == "gap"]) is gap


def test_a_part_of_a_page_line_far_after_the_last_match_is_not_matched() -> None:
    page_ = [("One.", "text", False)] + [(f"Filler {i}", "text", False) for i in range(PIECE_WINDOW)]
    page_ += [("Eliz - Product marketer", "text", False), (LONG, "text", False), ("Two.", "text", False)]
    assert [b.kind for b in with_gaps(_blocks("One.", "Product marketer", "Two."), page_)] == ["paragraph"] * 3


def test_a_gap_line_that_copies_a_block_stays_out() -> None:
    page_ = [(LONG, "text", False), (LONG, "text", False), ("Two.", "text", False)]
    assert [b.kind for b in with_gaps(_blocks(LONG, "Two."), page_)] == ["paragraph", "paragraph"]


def _after(k: int) -> list[str]:
    return [f"Paragraph {i} of the article that trafilatura did not reach." for i in range(k)]


@pytest.mark.parametrize(("run", "taken"), [(TAIL_MIN_LINES, True), (TAIL_MIN_LINES - 1, False)])
def test_a_run_of_prose_lines_after_the_last_block_comes_back(run: int, taken: bool) -> None:
    """trafilatura stopped early: the page lines after its last block are the article going on."""
    page_ = [("One.", "text", False), ("Two.", "text", False)]
    page_ += [(text, "text", False) for text in _after(run)] + [("Footer", "text", False), LAST_PARAGRAPH]
    got = with_gaps(_blocks("One.", "Two."), page_)
    assert [b.text for b in got if b.kind == "gap"] == (_after(run) if taken else [])


def test_the_run_after_the_last_block_skips_asides_and_stops_at_a_heading() -> None:
    aside = ("A caption of the photo shown beside the article text here.", "text", True)
    lines = [(text, "text", False) for text in _after(TAIL_MIN_LINES + 2)]
    page_ = [
        ("One.", "text", False),
        aside,
        *lines[:TAIL_MIN_LINES],
        ("More news", "heading", False),
        *lines[TAIL_MIN_LINES:],
    ]
    got = with_gaps(_blocks("One."), page_)
    assert [b.text for b in got if b.kind == "gap"] == _after(TAIL_MIN_LINES)
    unmatched = with_gaps(_blocks("Not a page line."), page_)
    assert [b.kind for b in unmatched] == ["paragraph"]


_PAGE_TEXTS = st.sampled_from(["One.", "Two.", LONG, "Another " + LONG, "Short line", "Yet another " + LONG])
_PAGE = st.lists(
    st.tuples(_PAGE_TEXTS, st.sampled_from(["text", "heading", "item", "link"]), st.booleans()), max_size=12
)


@given(_PAGE, st.lists(_PAGE_TEXTS, max_size=6))
def test_gaps_only_add_page_lines_and_keep_the_blocks_in_order(
    page_: list[tuple[str, str, bool]], texts: list[str]
) -> None:
    got = with_gaps(_blocks(*texts), page_)
    assert [b.text for b in got if b.kind not in GAP_KINDS] == texts
    page_texts = {text for text, _kind, aside in page_ if not aside}
    assert all(b.text in page_texts and len(b.text.split()) >= PROSE_MIN_WORDS for b in got if b.kind == "gap")
    headings = {text for text, kind, aside in page_ if kind == "heading" and not aside}
    assert all(b.text in headings for b in got if b.kind == "gap-heading")
    items = {text for text, kind, aside in page_ if kind == "item" and not aside}
    assert all(b.text in items for b in got if b.kind == "gap-item")


@pytest.mark.parametrize(
    ("after", "kind"),
    [("text", "gap-heading"), ("item", "gap-heading"), ("heading", None), ("link", None)],
)
def test_a_short_heading_left_out_over_a_text_line_comes_back(after: str, kind: str | None) -> None:
    """trafilatura leaves out many subheadings; a heading over another one or
    over links heads a list of teasers."""
    page_ = [("One.", "text", False), ("How it works", "heading", False), ("Two.", after, False)]
    page_ += [("Three.", "text", False)]
    got = with_gaps(_blocks("One.", "Three."), page_)
    assert [b.kind for b in got if b.text == "How it works"] == ([kind] if kind else [])


def test_a_list_item_left_out_comes_back_whatever_its_length() -> None:
    """trafilatura leaves out lists: their items come back between two blocks,
    and they do not end the run after its last block."""
    page_ = [("One.", "text", False), ("Bar 15%", "item", False), ("Menu", "text", False), ("Two.", "text", False)]
    got = with_gaps(_blocks("One.", "Two."), page_)
    assert [(b.text, b.kind) for b in got] == [("One.", "paragraph"), ("Bar 15%", "gap-item"), ("Two.", "paragraph")]
    lines = [(text, "item" if i == 1 else "text", False) for i, text in enumerate(_after(TAIL_MIN_LINES))]
    got = with_gaps(_blocks("One."), [("One.", "text", False), *lines])
    assert [b.text for b in got if b.kind == "gap"] == _after(TAIL_MIN_LINES)


def test_a_gap_line_found_inside_a_block_stays_out() -> None:
    """A page repeats an article's lead sentence as a teaser: it is a copy of part of a block."""
    lead = LONG + " It went on for three more pages."
    page_ = [(lead, "text", False), (LONG, "text", False), ("Two.", "text", False)]
    assert [b.kind for b in with_gaps(_blocks(lead, "Two."), page_)] == ["paragraph", "paragraph"]
    other = "Another sentence that trafilatura left out of the body."
    page_ = [(lead, "text", False), (other, "text", False), ("Two.", "text", False)]
    assert [b.kind for b in with_gaps(_blocks(lead, "Two."), page_)] == ["paragraph", "gap", "paragraph"]


@pytest.mark.parametrize(
    ("names", "dialog"),
    [
        ("newsletter-popup", True),
        ("republication-tracker-tool-modal", True),
        ("cli-modal-dialog", True),
        ("modal-enabled", False),  # a state of the article's container
        ("multimodal", False),
        ("kg-cta-card", False),  # a call to action inside the article
        ("affiliate-disclosure", True),
        ("owl-carousel", True),
        ("b-disclaimer", False),  # kept by scrapinghub's references
        ("about-the-author", True),
        ("author-ethan-sawyer", False),  # WordPress's per-author class on the article
        ("collection-list w-dyn-list", True),  # Webflow's list of other posts
        ("rich-text w-richtext", False),  # Webflow's article text
        ("elementor-element elementor-widget elementor-widget-posts", True),  # Elementor's list of posts
        ("elementor-widget elementor-widget-theme-post-content", False),  # Elementor's article text
        ("wp-block-latest-posts__list wp-block-latest-posts", True),
    ],
)
def test_a_block_of_trafilatura_inside_a_dialog_is_left_out(names: str, dialog: bool) -> None:
    import lxml.html

    lead, box = "The article's first paragraph.", "Sign up for our email to enjoy the city for free."
    root = lxml.html.document_fromstring(
        f"<body><article><p>{lead}</p><div class='{names}'><p>{box}</p></div><p>Two.</p></article></body>"
    )
    blocks = with_gaps(_blocks(lead, box, "Two."), page_lines(root))
    assert [b.kind for b in blocks] == ["paragraph", "dialog" if dialog else "paragraph", "paragraph"]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert (box in doc.text) is not dialog
    assert [line.reason for line in doc.lines if line.text == box] == ["html:dialog" if dialog else "html:paragraph"]


def test_a_dialog_box_that_holds_most_of_the_article_is_the_article() -> None:
    import lxml.html

    paras = [f"Paragraph {n} of an interview that sits in a carousel container." for n in range(5)]
    root = lxml.html.document_fromstring(
        "<body><h1>Interview</h1><div class='carousel content'>" + "".join(f"<p>{p}</p>" for p in paras)
        + "</div><p>Tags</p></body>"
    )  # fmt: skip
    assert [b.kind for b in with_gaps(_blocks(*paras, "Tags"), page_lines(root))] == ["paragraph"] * 6


def test_page_walk_gives_each_line_the_numbers_of_the_elements_it_sits_in() -> None:
    """Elements are numbered in document order, the root first; dropped elements
    (scripts) and comments get no number; text after a block belongs to its parent."""
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html><body><div><p>One</p><script>x()</script><!-- c --><p>Two <b>bold</b></p>after</div>"
        "<p>Three</p></body></html>"
    )
    lines, paths = page_walk(root)
    assert [text for text, _kind, _aside in lines] == ["One", "Two bold", "after", "Three"]
    assert paths == [(1, 2, 3, 4), (1, 2, 3, 5), (1, 2, 3), (1, 2, 7)]
    assert page_lines(root) == lines


def _article_page(article_words: int, box_words: int) -> tuple[list[Block], str]:
    """A page whose article container holds ``article_words`` words in four
    paragraphs and a box after it (a sibling container) ``box_words``."""
    paras = [" ".join(f"w{n}x{i}" for i in range(article_words // 4)) + "." for n in range(4)]
    box = " ".join(f"b{i}" for i in range(box_words)) + "."
    html = (
        "<body><main><div class='post'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
        f"<div class='after'><p>{box}</p></div></main></body>"
    )
    return _blocks(*paras, box), html


@pytest.mark.parametrize(
    ("box_words", "outside"),
    [
        (int(40 * (1 - ARTICLE_CONTAINER_SHARE) / ARTICLE_CONTAINER_SHARE), True),  # the container holds the share
        (int(40 * (1 - ARTICLE_CONTAINER_SHARE) / ARTICLE_CONTAINER_SHARE) + 1, False),  # just under it
    ],
)
def test_a_block_after_the_article_container_is_outside(box_words: int, outside: bool) -> None:
    """trafilatura takes in the box that follows the article in a sibling container
    (a bio, a call to action, a disclaimer): it is left out when the article's
    container holds ARTICLE_CONTAINER_SHARE of the blocks' words."""
    import lxml.html

    blocks, html = _article_page(40, box_words)
    lines, paths = page_walk(lxml.html.document_fromstring(html))
    got = with_gaps(blocks, lines, paths)
    assert [b.kind for b in got] == ["paragraph"] * 4 + ["outside" if outside else "paragraph"]
    assert [b.kind for b in with_gaps(blocks, lines)] == ["paragraph"] * 5  # without the paths: as before
    doc = clean_extraction(Extraction(blocks=got))
    assert [line.reason for line in doc.lines][-1] == ("html:outside" if outside else "html:paragraph")
    assert (blocks[-1].text in doc.text) is not outside


def test_blocks_before_the_article_container_and_unmatched_blocks_stay() -> None:
    """A standfirst in a container before the article's is in most references; a
    block that is no page line gives no evidence of where it is."""
    import lxml.html

    blocks, html = _article_page(40, 2)
    lead = "A standfirst in the header of the page."
    html = html.replace("<main>", f"<main><header class='top'><p>{lead}</p></header>")
    lines, paths = page_walk(lxml.html.document_fromstring(html))
    got = with_gaps([Block(lead, "paragraph"), *blocks[:4], Block("Not a page line.", "paragraph"), blocks[4]],
                    lines, paths)  # fmt: skip
    assert [b.kind for b in got] == ["paragraph"] * 6 + ["outside"]


def test_page_lines_mark_asides_by_tag_and_class_but_not_by_the_body_class() -> None:
    import lxml.html

    root = lxml.html.document_fromstring(
        "<html class='x-sidebar'><body class='comments-open'><p>Text</p><figure><p>In a figure</p></figure>"
        "<div id='related-links'><p>Related</p></div><div class='entry-content'><p>More text</p></div></body></html>"
    )
    assert [(text, aside) for text, _kind, aside in page_lines(root)] == [
        ("Text", False),
        ("In a figure", True),
        ("Related", True),
        ("More text", False),
    ]


def test_page_lines_call_a_line_mostly_of_link_text_a_link_line() -> None:
    """A teaser or a menu entry is a ``link`` line; a sentence with a link in it
    is text, a list item an item, and a heading stays a heading."""
    import lxml.html

    root = lxml.html.document_fromstring(
        "<body><p><a href='/a'>Ten ways to <b>fix</b> a leaking tap</a> now</p>"
        "<p>The council met again, <a href='/c'>as reported</a>, and the vote was put off.</p>"
        "<h2><a href='/h'>A linked heading</a></h2><p><a href='/x'>Read</a> <a href='/y'>more</a></p>"
        "<ul><li>Bar 15%</li><li><a href='/z'>Related story</a></li></ul></body>"
    )
    assert [(text, kind) for text, kind, _aside in page_lines(root)] == [
        ("Ten ways to fix a leaking tap now", "link"),
        ("The council met again, as reported, and the vote was put off.", "text"),
        ("A linked heading", "heading"),
        ("Read more", "link"),
        ("Bar 15%", "item"),
        ("Related story", "link"),
    ]


def test_a_link_line_never_comes_back_as_a_gap() -> None:
    """Between two blocks, a line mostly of links is a teaser; after the last
    block, it ends the run as a heading does."""
    page_ = [("One.", "text", False), (LONG, "link", False), ("Two.", "text", False)]
    assert [b.kind for b in with_gaps(_blocks("One.", "Two."), page_)] == ["paragraph", "paragraph"]
    lines = [(text, "text", False) for text in _after(TAIL_MIN_LINES)]
    page_ = [("One.", "text", False), lines[0], ("Related: " + LONG, "link", False), *lines[1:]]
    assert [b.kind for b in with_gaps(_blocks("One."), page_)] == ["paragraph"]


GAP_PROSE = "The council met again on Tuesday and the vote was put off until the next week."


@pytest.mark.parametrize(
    ("gap", "label", "reason"),
    [
        (GAP_PROSE, Label.BODY, "html:recovered"),
        (" ".join(GAP_PROSE.split()[: PROSE_MIN_WORDS - 1]) + ".", Label.BOILERPLATE, "html:left-out"),  # too short
        (" ".join(GAP_PROSE.split()[:PROSE_MIN_WORDS]) + ".", Label.BODY, "html:recovered"),
        ("Share this article", Label.BOILERPLATE, "rule:share"),
        ("Photo gallery: the council at work", Label.BOILERPLATE, "html:left-out"),  # no full stop
    ],
)
def test_a_gap_line_is_recovered_when_it_is_prose_and_no_rule_fires(gap: str, label: Label, reason: str) -> None:
    blocks = [Block(PARAGRAPHS[0], "paragraph"), Block(gap, "gap"), Block(PARAGRAPHS[1], "paragraph")]
    doc = clean_extraction(Extraction(blocks=blocks))
    line = next(line for line in doc.lines if line.text == gap)
    assert (line.label, line.reason) == (label, reason)
    assert (gap in doc.text) is (label is Label.BODY)


@pytest.mark.parametrize(
    ("heading", "label", "reason"),
    [
        ("How the vote went", Label.HEADING, "html:recovered"),
        ("Related stories", Label.BOILERPLATE, "rule:related-stories"),
    ],
)
def test_a_gap_heading_is_a_heading_unless_a_rule_fires(heading: str, label: Label, reason: str) -> None:
    blocks = [Block(PARAGRAPHS[0], "paragraph"), Block(heading, "gap-heading"), Block(PARAGRAPHS[1], "paragraph")]
    doc = clean_extraction(Extraction(blocks=blocks))
    line = next(line for line in doc.lines if line.text == heading)
    assert (line.label, line.reason) == (label, reason)
    assert PARAGRAPHS[1] in doc.text  # a rule on a left-out line closes nothing


@pytest.mark.parametrize(
    ("item", "label", "reason"),
    [("Bar 15%", Label.BODY, "html:recovered"), ("Share on Facebook", Label.BOILERPLATE, "rule:share")],
)
def test_a_gap_item_is_body_unless_a_rule_fires(item: str, label: Label, reason: str) -> None:
    blocks = [Block(PARAGRAPHS[0], "paragraph"), Block(item, "gap-item"), Block(PARAGRAPHS[1], "paragraph")]
    line = next(line for line in clean_extraction(Extraction(blocks=blocks)).lines if line.text == item)
    assert (line.label, line.reason) == (label, reason)


@pytest.mark.parametrize(("words", "dropped"), [(RULE_MAX_WORDS + 1, True), (RULE_MAX_WORDS, False)])
def test_a_long_block_repeated_word_for_word_is_dropped(words: int, dropped: bool) -> None:
    """trafilatura sometimes takes an article in twice (a hidden copy, a
    print version): a block of more than ``RULE_MAX_WORDS`` words that an
    earlier block repeats exactly is ``dup:repeat``; a shorter one stays."""
    repeated = " ".join((" ".join(PARAGRAPHS) + " ").split()[:words]) + "."
    blocks = [Block(repeated, "paragraph"), Block(PARAGRAPHS[2], "paragraph"), Block(repeated, "paragraph")]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines] == [
        "html:paragraph",
        "html:paragraph",
        "dup:repeat" if dropped else "html:paragraph",
    ]
    assert doc.text.count(repeated) == (1 if dropped else 2)


BIO = (
    "Rebecca Norris is a full-time freelance writer living in the Washington, D.C. metro area. Over the past ten"
    " years, she has covered a range of lifestyle topics, from home design and gardening to travel, food and"
    " wellness, for magazines and websites across the country."
)


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        (BIO, "rule:author-bio"),
        # another rule's phrase inside a long paragraph labels nothing
        (
            "Sign up for our newsletter, the mayor told the council, was the least of the worries of the town"
            " that week, and the vote on the new budget was put off until the next meeting in the spring, when"
            " the members of the council will have read the report.",
            "html:paragraph",
        ),
    ],
)
def test_a_long_block_is_labelled_by_an_author_bio_rule_only(block: str, reason: str) -> None:
    assert len(block.split()) > RULE_MAX_WORDS
    doc = clean_extraction(Extraction(blocks=[*_blocks(*PARAGRAPHS), Block(block, "paragraph")]))
    assert doc.lines[-1].reason == reason
    assert (block in doc.text) is (reason == "html:paragraph")


@pytest.mark.parametrize(
    ("tail", "reasons"),
    [
        # headings nothing follows: a teaser box's title, a section trafilatura did not keep
        (["Council meetings", "Upcoming events"], ["html:heads-nothing", "html:heads-nothing"]),
        # a heading over a paragraph heads it, and so does the heading before it
        (["Council meetings", "Upcoming events", PARAGRAPHS[0]], ["html:heading", "html:heading", "html:paragraph"]),
    ],
)
def test_headings_after_the_last_body_line_leave_the_body(tail: list[str], reasons: list[str]) -> None:
    blocks = [*_blocks(*PARAGRAPHS[1:]), *(Block(t, "paragraph" if t in PARAGRAPHS else "heading") for t in tail)]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines][-len(tail) :] == reasons
    assert ("Upcoming events" in doc.text) is (reasons[-1] != "html:heads-nothing")


@pytest.mark.parametrize(
    ("under", "reason"),
    [
        ("Share on Facebook", "html:heads-nothing"),  # its section's one line is left out (rule:share)
        (PARAGRAPHS[0], "html:heading"),
        (None, "html:heading"),  # right over another heading: a section over its subsections
    ],
)
def test_a_heading_over_lines_all_left_out_heads_nothing(under: str | None, reason: str) -> None:
    section = [] if under is None else [Block(under, "paragraph")]
    blocks = [*_blocks(PARAGRAPHS[1]), Block("Council meetings", "heading"), *section]
    blocks += [Block("Upcoming events", "heading"), *_blocks(PARAGRAPHS[2])]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines if line.text == "Council meetings"] == [reason]
    assert "Upcoming events" in doc.text


@pytest.mark.parametrize(
    ("before", "after", "reason"),
    [
        # between two lines of a sign-up box the rules left out
        ("Sign up for our newsletter", "Share on Facebook", "html:orphan"),
        # one neighbour is article text
        ("Sign up for our newsletter", PARAGRAPHS[2], "html:paragraph"),
        # a date stamp is no box
        ("Updated May 2, 2024", "Share on Facebook", "html:paragraph"),
    ],
)
def test_a_short_line_between_two_left_out_lines_is_an_orphan(before: str, after: str, reason: str) -> None:
    orphan = "Your weekly guide to the best of the city"
    blocks = [*_blocks(*PARAGRAPHS[:2]), *_blocks(before, orphan, after), *_blocks(PARAGRAPHS[2])]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines if line.text == orphan] == [reason]
    assert (orphan in doc.text) is (reason != "html:orphan")


def test_a_page_of_headings_only_keeps_them() -> None:
    blocks = [Block("Council meetings", "heading"), Block("Upcoming events", "heading")]
    doc = clean_extraction(Extraction(blocks=blocks, title="The city's budget"))
    assert [line.reason for line in doc.lines] == ["html:heading", "html:heading"]


@pytest.mark.parametrize(
    ("line", "kind", "reason"),
    [
        ("Last updated on September 16th, 2023 at 09:27 am", "paragraph", "html:date-stamp"),
        ("Nov 21, 2018", "item", "html:date-stamp"),
        ("July 4, 1776: the day it all began", "paragraph", "html:paragraph"),  # a date in a sentence
        ("| 1/1/2013 | 2/1/2013 |", "row", "html:row"),  # a table's dates
    ],
)
def test_a_date_stamp_leaves_the_body(line: str, kind: str, reason: str) -> None:
    blocks = [*_blocks(*PARAGRAPHS[:2]), Block(line, kind), *_blocks(PARAGRAPHS[2])]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [ln.reason for ln in doc.lines if ln.text == line] == [reason]
    assert (line in doc.text) is (reason != "html:date-stamp")


def _stamps(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {"words": ["updated"], "examples": ["Updated May 2, 2024"], "counter_examples": []}
    return {**data, **changes}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_stamps(examples=["Posted May 2, 2024"]), "is no date stamp"),  # "posted" is no word of the list
        (_stamps(counter_examples=["Updated 2024-05-02"]), "is a date stamp"),
        (_stamps(words="updated"), "must be a list of strings"),
        ([], "must hold an object"),
    ],
)
def test_the_date_stamp_words_are_validated_at_load(data: object, message: str) -> None:
    with pytest.raises(DateStampsError, match=message):
        parse_date_stamps(data)


def test_the_packaged_date_stamp_words_load() -> None:
    assert {"updated", "posted", "veröffentlicht"} <= date_stamp_words()
    assert is_date_stamp("Veröffentlicht am 16.08.2019") and not is_date_stamp("+81 158-23-2012")


@pytest.mark.parametrize(
    ("lead", "reason"),
    [
        ("Politics and local government", "html:before-headline"),  # a section name above the headline
        # a standfirst above it stays (longer than BEFORE_HEADLINE_MAX_WORDS words)
        ("The vote ends a year of debate over what the city should spend on its schools.", "html:paragraph"),
    ],
)
def test_a_short_line_before_the_headline_leaves_the_body(lead: str, reason: str) -> None:
    title = "Council approves the budget"
    blocks = [Block(lead, "paragraph"), Block(title, "heading"), *_blocks(*PARAGRAPHS)]
    doc = clean_extraction(Extraction(blocks=blocks, title=title))
    assert [line.reason for line in doc.lines][:2] == [reason, "field:title"]
    assert (lead in doc.text) is (reason == "html:paragraph")
    assert (len(lead.split()) <= BEFORE_HEADLINE_MAX_WORDS) is (reason == "html:before-headline")


TAIL_SENTENCE = "the council said that it would meet again in the spring and in the summer of the next year"


def _tail_limit() -> int:
    """Fewest words of prose after a closer that keep it from ending the article."""
    return math.ceil(HTML_CLOSER_TAIL_SHARE * sum(len(p.split()) for p in PARAGRAPHS))


@pytest.mark.parametrize(
    "closer",
    [
        ("Related stories", "rule:related-stories"),
        ("Sign up for our newsletter", "rule:subscription"),
        ("Follow us", "rule:share"),  # a share box closes HTML output only (HTML_EXTRA_CLOSERS)
    ],
)
@pytest.mark.parametrize(("words", "closed"), [(_tail_limit() - 1, True), (_tail_limit(), False)])
def test_a_closer_ends_the_extraction_when_little_prose_follows(
    closer: tuple[str, str], words: int, closed: bool
) -> None:
    tail_words = TAIL_SENTENCE.split()
    assert PROSE_MIN_WORDS <= words <= len(tail_words)
    tail = " ".join(tail_words[:words]).capitalize() + "."
    blocks = [*_blocks(*PARAGRAPHS), Block(closer[0], "heading"), Block(tail, "paragraph")]
    doc = clean_extraction(Extraction(blocks=blocks))
    assert [line.reason for line in doc.lines][-2:] == [
        closer[1],
        "context:after-article" if closed else "html:paragraph",
    ]
    assert (tail in doc.text) is not closed


LEFT_OUT = "The committee met again on Tuesday and the vote was put off until the next week."


@pytest.mark.parametrize(
    ("wrapper", "recovered"),
    [
        ('<div class="message"><p>{}</p></div>', True),  # trafilatura drops it, it is no aside
        ('<div class="message related-box"><p>{}</p></div>', False),  # an aside by its class
        ('<div class="message"><figure><p>{}</p></figure></div>', False),  # by its tag
    ],
)
def test_clean_html_recovers_prose_trafilatura_left_out_between_its_blocks(wrapper: str, recovered: bool) -> None:
    html = page().replace("<h2>What happens next</h2>", wrapper.format(LEFT_OUT) + "<h2>What happens next</h2>")
    assert all(LEFT_OUT not in b.text for b in extract(html).blocks if b.kind != "gap")  # trafilatura's choice
    doc = clean(html)
    assert (LEFT_OUT in doc.text) is recovered
    if recovered:  # in its place, with its reason
        assert doc.text.index(PARAGRAPHS[2]) < doc.text.index(LEFT_OUT) < doc.text.index("What happens next")
        assert [line.reason for line in doc.lines if line.text == LEFT_OUT] == ["html:recovered"]


def _asides(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "tags": ["aside"],
        "class_patterns": ["related"],
        "examples": ["related-posts"],
        "counter_examples": ["entry-content"],
        "holder_patterns": ["layout"],
        "holder_examples": ["related-layout"],
        "holder_counter_examples": ["related-posts"],
        "dialog_patterns": ["popup"],
        "dialog_examples": ["newsletter-popup"],
        "dialog_counter_examples": ["entry-content"],
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"class_patterns": ["(unclosed"]}, "does not compile"),
        ({"examples": ["sidebar"]}, "matches no pattern"),
        ({"counter_examples": ["related-content"]}, "counter-example"),
        ({"tags": "aside"}, "must be a list of strings"),
        ({"holder_examples": ["page-layout"]}, "holder example"),
        ({"holder_counter_examples": ["layout-grid"]}, "counter-example"),
        ({"holder_patterns": None}, "must be a list of strings"),
        # the patterns are matched case-insensitively: a lower-cased ASCII name is searched
        # case-sensitively, which only patterns in ASCII lower case without flags allow
        ({"class_patterns": ["Related"], "examples": ["related"]}, "ASCII lower case"),
        ({"dialog_patterns": ["popup|[A-Z]modal"]}, "ASCII lower case"),
        ({"dialog_patterns": ["popup|(?-i:modal)"]}, "ASCII lower case"),
        ({"holder_patterns": ["layout|lay\\x4fut"]}, "ASCII lower case"),
        ({"class_patterns": ["related|ſidebar"]}, "ASCII lower case"),
    ],
)
def test_the_aside_list_is_validated(changes: dict[str, object], message: str) -> None:
    with pytest.raises(AsidesError, match=message):
        parse_asides(_asides(**changes))


def test_the_packaged_aside_list_loads() -> None:
    asides = html_asides()
    assert "figcaption" in asides.tags and asides.pattern.search("wp-caption-text")
    assert not asides.pattern.search("entry-content")
    assert asides.dialogs.search("newsletter-popup") and not asides.dialogs.search("entry-content")


@pytest.mark.parametrize(
    "names",
    [
        "Sidebar-Primary widget-area",
        "NEWSLETTER-POPUP",
        "Content-Sidebar-Wrap",
        "Modal-Content",
        "AuthorBox",
        "entry-content post-12",
        "Sidebar-Größe",  # not ASCII: searched case-insensitively as it is
        "SOCİAL-links",  # U+0130 matches "i" case-insensitively, but lower-cases to "i" and a dot
        "ſhare-bar",  # U+017F (long s) matches "s" case-insensitively
        "entry-İnhalt",
    ],
)
def test_the_names_verdicts_are_the_case_insensitive_searches(names: str) -> None:
    asides = html_asides()
    values = names.split()
    aside = any(asides.pattern.search(v) is not None and asides.holders.search(v) is None for v in values)
    assert asides.names_aside(names) is aside
    assert asides.names_dialog(names) is any(asides.dialogs.search(v) is not None for v in values)


@pytest.mark.parametrize(
    ("names", "aside"),
    [
        ("widget widget_text", True),
        ("sidebar-primary sidebar widget-area", True),
        ("comment-wrapper", True),
        ("content-sidebar-wrap", False),  # Genesis: the article and the sidebar beside it
        ("SidebarLayoutStyles__StyledSidebarLayout-sc-34ac18c2-0", False),
        ("elementor-element elementor-widget elementor-widget-text-editor", False),  # every Elementor block
        ("hs_cos_wrapper hs_cos_wrapper_widget hs_cos_wrapper_type_module", False),  # every HubSpot module
        ("span12 widget-span widget-type-cell", False),
        ("full-width-template full-width-template-with-sidebar", False),  # a layout that has a sidebar
        ("l-grid l-grid--sidebar", False),
        ("jsx-1166515047 sidebar-collapsed page", False),
        ("widget widget--sidebar-newsletter", True),  # a widget in the sidebar
        ("w-embed", False),  # Webflow's custom-code block, article text included
        ("video-embed w-embed", True),  # another value names an aside
        ("elementor-widget-text-editor related-posts", True),  # another value names an aside
    ],
)
def test_a_class_that_holds_the_article_beside_an_aside_names_no_aside(names: str, aside: bool) -> None:
    assert html_asides().names_aside(names) is aside


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a childless element's names speak for its own text only when it is a block
        ("<p>Text <span class='newsletter-popup'>here</span></p>", [("Text here", "text", False)]),
        ("<p>Text <a class='related-link' href='/x'>here</a> and more</p>", [("Text here and more", "text", False)]),
        ("<p class='related-posts'>More</p>", [("More", "text", True)]),
        ("<p class='newsletter-popup'>Sign up</p>", [("Sign up", "dialog", True)]),
        ("<div class='related'><span class='x'>In it</span></div>", [("In it", "text", True)]),
        ("<p>Text</p><p class='related-posts'></p><img class='share-icon'>", [("Text", "text", False)]),
    ],
)
def test_page_lines_read_the_names_of_elements_that_hold_text(body: str, expected: list[object]) -> None:
    import lxml.html

    assert page_lines(lxml.html.document_fromstring(f"<body>{body}</body>")) == expected


def test_page_lines_take_the_text_in_a_page_builder_block_or_a_sidebar_layout() -> None:
    import lxml.html

    root = lxml.html.document_fromstring(
        "<body><div class='site-inner'><div class='content-sidebar-wrap'><main>"
        "<div class='elementor-widget elementor-widget-text-editor'><p>Article text</p></div></main>"
        "<aside class='sidebar'><p>Popular posts</p></aside></div></div></body>"
    )
    assert [(text, aside) for text, _kind, aside in page_lines(root)] == [
        ("Article text", False),
        ("Popular posts", True),
    ]


def test_plain_dump_skips_scripts_and_keeps_blocks() -> None:
    html = "<html><body><h2>A</h2><p>b <i>c</i></p><script>var x;</script>tail<br>next</body></html>"
    assert [(b.text, b.kind) for b in plain_dump(html)] == [
        ("A", "heading"),
        ("b c", "text"),
        ("tail", "text"),
        ("next", "text"),
    ]


# ---------------------------------------------------------------- the command


def run(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_cli_reads_an_html_file_in_its_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page(charset="windows-1252").replace("debate", "débat").encode("cp1252"))
    code, out, err = run(["--to", "jsonl", str(path)])
    assert code == 0, err
    record = json.loads(out)
    assert record["title"] == "Council approves budget after long débat"
    assert record["site_name"] == "The Riverside Herald" and record["date"] == "2024-03-04"
    assert record["id"] == str(path)


def test_cli_sniffs_each_document_on_stdin() -> None:
    stdin = page().encode() + b"\f" + b"Plain headline here\n\n" + PARAGRAPHS[0].encode()
    _, out, _ = run(["--to", "jsonl"], stdin)
    first, second = map(json.loads, out.splitlines())
    assert first["title"] == "Council approves budget after long debate" and first["url"]
    assert second["url"] is None and PARAGRAPHS[0] in second["text"]


def test_cli_from_html_and_jsonl_html_field() -> None:
    code, out, _ = run(["--from", "html"], page().encode())
    assert code == 0 and out.startswith("Council approves budget after long debate\n\n")
    line = json.dumps({"id": "a", "html": page(), "url": "https://x.example/a"}) + "\n"
    code, out, _ = run(["--to", "jsonl"], line.encode())
    record = json.loads(out)
    assert record["id"] == "a" and "html" not in record and PARAGRAPHS[1] in record["text"]


def test_cli_keeps_a_records_own_url_on_the_text_path() -> None:
    line = json.dumps({"id": "a", "text": PARAGRAPHS[0], "url": "https://x.example/a"}) + "\n"
    _, out, _ = run(["--to", "jsonl"], line.encode())
    assert json.loads(out)["url"] == "https://x.example/a"


def test_cli_bad_bytes_in_html_are_not_rejected() -> None:
    code, out, err = run(["--from", "html"], page().encode() + b"<p>\xff\xfe broken</p>")
    assert code == 0 and "rejected" not in err and out


# ---------------------------------------------------------------- golden pages


def test_there_are_golden_pages_for_each_path() -> None:
    names = {c.name for c in CASES}
    assert {"html-fallback", "html-charset", "html-title"} <= {n.rsplit("-", 1)[0] for n in names} | names


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_pages(case: Path) -> None:
    doc = clean((case / "input.html").read_bytes())
    assert readable_text(doc) + "\n" == (case / "expected.txt").read_text("utf-8")
    for key, value in json.loads((case / "fields.json").read_text("utf-8")).items():
        assert getattr(doc, key) == value, key


@pytest.mark.parametrize("declared", ["shift_jis", "euc-kr", "gb2312", "iso-8859-1", "utf-16"])
def test_non_ascii_bytes_that_are_utf8_win_over_a_wrong_declaration(declared: str) -> None:
    """A page re-encoded to UTF-8 that kept its old declaration (Shift_JIS gave 'fﾃｼr Kﾃｶln')."""
    page = f'<meta charset="{declared}"><p>für Köln, 市議会</p>'
    assert decode_html(page.encode("utf-8")) == page


def test_a_declaration_still_decides_for_bytes_that_are_not_utf8() -> None:
    page = '<meta charset="shift_jis"><p>市議会は新しい予算案を承認した。</p>'
    assert decode_html(page.encode("shift_jis")) == page
    iso_2022 = '<meta charset="iso-2022-jp"><p>市議会</p>'  # 7-bit: ASCII bytes follow the declaration
    assert decode_html(iso_2022.encode("iso-2022-jp")) == iso_2022


def test_a_layout_table_row_is_walked_into() -> None:
    from lxml import etree

    from cleaner.html import _walk

    body = etree.fromstring(
        "<body><table><row><cell/><cell><head rend='h1'>Big rocket</head><p>First paragraph.</p>"
        "<hi>MEANING:</hi><lb/>adjective: overly sentimental.<p>Second paragraph.</p></cell></row>"
        "<row><cell>Rohbenzin</cell><cell>10,72 Mio. t</cell></row></table></body>"
    )
    out: list[Block] = []
    _walk(body, out)
    assert [(b.text, b.kind) for b in out] == [
        ("Big rocket", "heading"),
        ("First paragraph.", "paragraph"),
        ("MEANING:", "paragraph"),
        ("adjective: overly sentimental.", "paragraph"),
        ("Second paragraph.", "paragraph"),
        ("| Rohbenzin | 10,72 Mio. t |", "row"),  # a data row stays one line
    ]


def test_the_h1_line_with_its_kicker_leaves_the_body_as_the_title() -> None:
    ext = Extraction(
        title="Mineral oil info November | Agency",
        headlines=["Mineral oil info November"],
        blocks=[Block("27.01.2022Mineral oil info November", "heading"), *(Block(p, "paragraph") for p in PARAGRAPHS)],
    )
    doc = clean_extraction(ext)
    assert doc.title == "Mineral oil info November"
    assert "27.01.2022" not in doc.text


def test_a_lone_run_together_block_is_replaced_by_its_page_lines() -> None:
    from cleaner.html_gaps import RUN_TOGETHER_MIN_WORDS, run_together_lines

    body = [f"Sentence {n} of the article, with a few more words in it." for n in range(40)]
    page_ = [("Home", "link", False), ("Headline", "heading", True), *[(b, "text", False) for b in body]]
    page_ += [("Related story", "text", True)]
    lone = Block("Home Headline " + " ".join(body), "paragraph")
    assert len(lone.text.split()) >= RUN_TOGETHER_MIN_WORDS
    got = run_together_lines([lone], page_)
    assert [b.text for b in got] == ["Headline", *body]
    assert got[0].kind == "heading"
    short = Block(" ".join(body[:3]), "paragraph")  # a short article in one paragraph stays as it is
    assert run_together_lines([short], page_) == [short]
    two = [lone, Block("Another block.", "paragraph")]
    assert run_together_lines(two, page_) == two


# The page is parsed by cleaner.html's own copy of trafilatura's load_html (a parser whose element
# classes are looked up in C): the same tree as trafilatura's, and trafilatura's verdict on pages
# that are not HTML.
LOAD_PAGES = [
    f"<html><head><title>T</title></head><body><p>{PARAGRAPHS[0]}</p></body></html>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding</p><p>Two</p></body></html>',
    "<!DOCTYPE html/>\n<html><body><p>Self-closing doctype</p></body></html>",
    '<html lang="en"/>\n<body><p>Self-closing root</p><form><input value="x"><label>L</label></form></body>',
    "<p>A lone paragraph is not a page</p>",
    "<div><p>One</p><p>Two</p></div>",
    "just text, no markup at all",
    "<html><body><p>Control \x0b characters \x01 removed</p></body></html>",
    "<html><body><p>Noncharacters \ufffe\uffff removed</p></body></html>",
    '<html><head><meta charset="iso-8859-1"></head><body><p>Déclaré en latin-1 : été</p></body></html>',
    "<!DOCTYPE html/><html><body><p>A self-closing doctype, no line break</p></body></html>",
    "<!DOC\x01TYPE html/>\n<html><body><p>A control character inside the doctype</p></body></html>",
]


def test_a_lone_surrogate_does_not_cut_the_page() -> None:
    # a JSON record can hold one ("\\ud800"); trafilatura's parse of the str ends the text there
    tree = _load_html("<html><body><p>A lone \ud800 surrogate</p><p>Next</p></body></html>")
    assert [p.text_content() for p in tree.iter("p")] == ["A lone \ufffd\ufffd\ufffd surrogate", "Next"]


_REPAIR_PIECES = ["<!DOCTYPE html/>", "<!doctype html>", "<html lang='en'/>", "<html>", "\n", "\r\n", "<p>", "é"]


_REPAIR_CHARACTERS = st.characters(codec="utf-8") | st.sampled_from("\x00\x0b\ufffe\uffff")


@given(st.lists(st.sampled_from(_REPAIR_PIECES) | st.text(_REPAIR_CHARACTERS)))
def test_the_repair_is_trafilaturas_in_utf8(pieces: list[str]) -> None:
    from trafilatura.utils import repair_faulty_html

    text = "".join(pieces)
    beginning = text[:50].lower()
    assert _repaired(text, beginning) == repair_faulty_html(text, beginning).encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("char", [chr(c) for c in range(0x21)] + ["\ufffd", "\ufffe", "\uffff"])
def test_each_character_the_repair_removes_alone(char: str) -> None:
    from trafilatura.utils import INVALID_XML_CHARS

    kept = INVALID_XML_CHARS.match(char) is None  # tab, line feed, carriage return, space, U+FFFD
    assert _repaired(f"<p>a{char}b</p>", "<p>") == f"<p>a{char if kept else ''}b</p>".encode()


@pytest.mark.parametrize("page", LOAD_PAGES)
def test_the_page_is_parsed_as_trafilatura_parses_it(page: str) -> None:
    import lxml.html
    from lxml import etree
    from trafilatura.utils import load_html

    from cleaner.html import _load_html

    ours, theirs = _load_html(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert lxml.html.tostring(ours) == lxml.html.tostring(theirs)
        assert {type(element) for element in ours.iter(etree.Element)} == {lxml.html.HtmlElement}
