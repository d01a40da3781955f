"""Normalization of emitted text: each rule with an example and a counter-example."""

import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Line
from cleaner.normalizing import (
    LINK_NUMBER_MIN,
    LINK_TARGET_MIN,
    MARKDOWN_MAX_CHARS,
    decode_entities,
    has_link_numbers,
    has_link_targets,
    normalize_line,
    repair_encoding,
    strip_link_numbers,
    strip_link_targets,
    strip_markdown,
)
from cleaner.segmenting import link_list_start, segment, split_documents, split_lines


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  indented and trailing  ", "indented and trailing"),
        ("no\u00a0break\u2009thin\u3000ideographic", "no break thin ideographic"),
        ("tab\tseparated", "tab separated"),
        ("zero\u200bwidth\u2060joiner\ufeff", "zerowidthjoiner"),
        ("soft\u00adhyphen", "softhyphen"),
        ("ctrl\x00\x07\x1b chars\x9f", "ctrl chars"),
        ("lone \ud800surrogate", "lone surrogate"),
        ("bidi \u202eoverride\u202c", "bidi override"),
        ("e\u0301", "\u00e9"),  # NFC
        ("\u201cquotes\u201d \u2014 kept", "\u201cquotes\u201d \u2014 kept"),
        (
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        ),  # ZWNJ kept
        ("\U0001f468\u200d\U0001f469",) * 2,  # ZWJ emoji sequence kept
    ],
)
def test_normalize_line(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


def test_every_white_space_character_becomes_one_space() -> None:
    """normalize_line splits on str.isspace; the characters are those of the regex \\s."""
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    spaces = [c for c in chars if re.fullmatch(r"\s", c)]
    assert spaces == [c for c in chars if c.isspace()]
    for space in spaces:
        expected = "ab" if re.fullmatch("[\x0b-\x1f\x85]", space) else "a b"  # C0/C1 controls are removed
        assert normalize_line(f"{space}a{space}{space}b{space}") == expected
    assert normalize_line("a\u200bb") == "ab"  # a zero-width space is not white space: removed, no space


def test_ascii_punctuation_folds_only_on_request() -> None:
    text = "\u201cIt\u2019s over\u201d \u2013 he said\u2026"
    assert normalize_line(text) == text
    assert normalize_line(text, ascii_punctuation=True) == '"It\'s over" - he said...'


def test_mojibake_is_repaired_and_clean_text_left_alone() -> None:
    assert repair_encoding("The caf\u00c3\u00a9 \u00e2\u20ac\u201c open") == "The caf\u00e9 \u2013 open"
    for clean in ("Fran\u00e7ais \u00e0 Paris", "\u00c2ge moyen", "na\u00efve caf\u00e9"):
        assert repair_encoding(clean) == clean


def test_a_decomposed_text_is_read_as_its_composed_form() -> None:
    # macOS writes NFD: mojibake, glued seams and words are found in composed letters
    text = "Whether you\u00e2\u20ac\u2122re a caf\u00e9 owner\nEspa\u00c3\u00b1ol"
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    assert [line.text for line in segment(decomposed)] == ["Whether you\u2019re a caf\u00e9 owner", "Espa\u00f1ol"]
    assert [line.raw for line in segment(decomposed)] == [line.raw for line in segment(text)]


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\u2060"])
def test_an_invisible_character_hides_no_bullet(invisible: str) -> None:
    # "o \u200bAssociate …" read as a lower-case "o" went on the line above: a list became one line
    items = [
        "Personal Trainer Undergraduate Certificate",
        "Associate Degree in Applied Exercise and Fitness",
        "Bachelor of Science in Exercise Science",
        "Clinical Medical Assistant Diploma",
    ]
    shown = [line.text for line in segment("\n".join(f"o {invisible}{item}" for item in items))]
    assert shown == [f"o {item}" for item in items]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tom &amp; Jerry&#8217;s &#x201C;show&#x201D;", "Tom & Jerry\u2019s \u201cshow\u201d"),
        ("double &amp;amp; triple &amp;amp;amp; escaped", "double & triple & escaped"),
        ("&nbsp;&nbsp;spaced&#160;out&#10;&#x2028;", "spaced out"),
        ("&lt;b&gt; in a tag-stripped dump", "<b> in a tag-stripped dump"),
        ("a null &#0; and a surrogate &#xD800;", "a null \ufffd and a surrogate \ufffd"),
    ],
)
def test_character_references_are_decoded(raw: str, expected: str) -> None:
    assert [line.text for line in segment(raw)] == [expected]


@pytest.mark.parametrize(
    "raw",
    [
        "AT&T, R&D and Q&A",  # no reference
        "https://example.org/?lang=en&notify=1&copy=2",  # legacy names without ";" ("&not", "&copy")
        "&madeup; &nbspx; & amp;",  # not a reference of HTML5's table
        "Write &amp; as <code>&amp;amp;</code>",  # a line with "<": markup, or code about markup
    ],
)
def test_what_is_left_as_written(raw: str) -> None:
    assert [line.text for line in segment(raw)] == [raw]


@given(st.text(alphabet="&#x;amplt<g0123489AD ", max_size=40))
def test_decoding_references_is_idempotent(text: str) -> None:
    once = decode_entities(text)
    assert decode_entities(once) == once


def test_line_breaks_of_every_kind() -> None:
    assert split_lines("a\r\nb\rc\nd\u2028e\u2029f\x85g\vh") == list("abcdefgh")
    assert split_lines("a\r\n\r\n") == ["a", "", ""]
    assert split_lines("no break\u00a0here") == ["no break\u00a0here"]


def test_blank_lines_keep_numbering() -> None:
    lines = segment("one\n\n \u00a0\n\u200b\ntwo")
    assert [(line.number, line.text) for line in lines] == [(1, "one"), (5, "two")]


def test_split_documents_across_chunks() -> None:
    assert list(split_documents(["a\fb", "c\f", "\f  \f", "d"])) == ["a", "bc", "d"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Day 7", "Day 7"),
        ("### ## Nested marks", "Nested marks"),
        ("**Bold** and **more bold**", "Bold and more bold"),
        ("(_Reuters_) — The", "(Reuters) — The"),
        ("__Several words__ here", "Several words here"),
        ('Read [the report](https://example.org/r "Title") today', "Read the report today"),
        ("![A map of the flood](map.png) Rivers rose", "Rivers rose"),
        ("***Both***", "Both"),
        ("An *emphasised* word", "An emphasised word"),
        (r"* [Print](javascript:window.print\(\))", "* Print"),
        ("[![](logo.png)](https://example.org/) [](https://facebook.com/sharer.php?u=x) Home", "Home"),
        (r"![A lander \[SpaceX via Nasa\]](lander.jpg) Lunar plans", "Lunar plans"),
        ("[", ""),
        ("* [**", "*"),
        ("**](https://example.org/teaser)** more", "more"),
        ("Source: <https://example.org/report>", "Source: https://example.org/report"),
        # html2text's escapes of a line start that would read as a list
        (r"**1\. Choose the Right Pot**", "1. Choose the Right Pot"),
        (r"1\. Januar 2023", "1. Januar 2023"),
        (r"\- 5 °C in der Nacht", "- 5 °C in der Nacht"),
        (r"\+ ab 1. Januar 2024", "+ ab 1. Januar 2024"),
        (r"\--", "--"),
        # markdownify's escaped asterisks and underscores: literal characters, never emphasis
        (r"Use snake\_case and \_\_init\_\_ names", "Use snake_case and __init__ names"),
        (r"Terms apply\* and 5 \* 3", "Terms apply* and 5 * 3"),
        (r"An \*escaped\* pair and *emphasis*", r"An \*escaped\* pair and emphasis"),  # would read as markup
        (r"\_Not emphasis\_", r"\_Not emphasis\_"),
        (r"a path C:\\_data", r"a path C:\\_data"),  # after an escaped backslash
    ],
)
def test_strip_markdown(line: str, expected: str) -> None:
    assert strip_markdown(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "#hashtag and #1 fan",
        "* a bullet stays",
        "snake_case_name and __init__ and _private_ names",
        "2 ** 3 is 8, and a**b too",
        "2 * 3 * 4 and a*b*c and *args",
        "**unclosed strong",
        "[1] a reference without a link",
        "- [ ] a task list item",
        "[a link](with a space) is not a link",
        "values = [",
        "see ] (not a closer)",
        "a < b and b > c",
        "#",
        r"C:\Users\jane",
        r"\d+\.\d+ matches 3.14",
        r"12\.5 is not a list number",
        r"a line 1\. with an escape inside",
    ],
)
def test_strip_markdown_leaves_plain_text_alone(line: str) -> None:
    assert strip_markdown(line) == line


def test_strip_markdown_length_edge() -> None:
    body = "x" * (MARKDOWN_MAX_CHARS - 4)
    assert strip_markdown(f"**{body}**") == body
    assert strip_markdown(f"**{body}x**") == f"**{body}x**"


@given(st.text(alphabet="#*_[]()! aB\t\\", max_size=40))
def test_strip_markdown_is_idempotent_and_invents_nothing(text: str) -> None:
    line = normalize_line(text)
    once = strip_markdown(line)
    assert strip_markdown(once) == once
    assert not Counter(once) - Counter(line)


LYNX_LINES = ["[1]Home [2]News [3]Sport", "The [4]council approved the budget, officials [5]said."]


@pytest.mark.parametrize(("markers", "numbered"), [(LINK_NUMBER_MIN, True), (LINK_NUMBER_MIN - 1, False)])
def test_link_numbers_edge(markers: int, numbered: bool) -> None:
    text = " ".join(f"[{k}]link" for k in range(1, markers + 1))
    assert has_link_numbers(text) is numbered


def test_citation_marks_are_not_link_numbers() -> None:
    # footnote marks follow a word and precede punctuation; lynx numbers open the link's words
    assert not has_link_numbers("Risk rose [1]. It fell [2], then [3]; see [4]: and [5].")
    assert not has_link_numbers("In [6]: def f(): ... <Response [200]>" * 3)


def test_link_numbers_go_from_every_line_of_a_numbered_text() -> None:
    lines = segment("\n\n".join(LYNX_LINES))
    assert [line.text for line in lines] == ["Home News Sport", "The council approved the budget, officials said."]
    assert lines[1].raw == LYNX_LINES[1]
    # a text with too few of them keeps them: they may be the text's own
    assert segment("Vote [1]today")[0].text == "Vote [1]today"


@pytest.mark.parametrize(("targets", "found"), [(LINK_TARGET_MIN, True), (LINK_TARGET_MIN - 1, False)])
def test_link_targets_edge(targets: int, found: bool) -> None:
    text = " ".join(f"link [https://example.org/{k}]" for k in range(targets))
    assert has_link_targets(text) is found


def test_what_is_not_a_bracketed_link_target() -> None:
    # a Markdown link's text, a citation mark, a scheme-like label: none counts, none goes
    for text in ("[www.example.org](https://example.org)", "risk [2]", "[Re:] reply", "[ ] box"):
        assert not has_link_targets(text * LINK_TARGET_MIN)
        assert strip_link_targets(text) == text


def test_link_targets_go_from_every_line_of_a_text_that_brackets_them() -> None:
    lines = [
        "HOME [/] NEWS [HTTPS://EXAMPLE.ORG/NEWS]",
        "The council [https://example.org/council] approved the budget [/budget], officials",
        "said [mailto:press@example.org].",
    ]
    got = [line.text for line in segment("\n".join(lines))]
    assert got == ["HOME NEWS", "The council approved the budget, officials", "said."]
    # a text with too few of them keeps them
    assert segment("See [https://example.org/r].")[0].text == "See [https://example.org/r]."


@pytest.mark.parametrize("strip", [strip_link_numbers, strip_link_targets])
@given(text=st.text(alphabet="[]0123/:ptw ab.\n", max_size=60))
def test_stripping_link_marks_is_idempotent_and_invents_nothing(strip: Callable[[str], str], text: str) -> None:
    for line in split_lines(text):
        once = strip(normalize_line(line))
        assert strip(once) == once
        assert not Counter(once) - Counter(line)


REFERENCES = ["References", "Visible links", "1. https://example.org/news", "2. file://localhost/page.html#top",
              "Hidden links:", "3. Javascript:history.back();"]  # fmt: skip


def _lines(texts: list[str]) -> list[Line]:
    return [Line(number=k, raw=text, text=text) for k, text in enumerate(texts, 1)]


def test_a_text_browsers_link_list_ends_the_text() -> None:
    assert link_list_start(_lines([*LYNX_LINES, *REFERENCES])) == len(LYNX_LINES)


@pytest.mark.parametrize(
    "tail",
    [
        ["References", "1. Smith J, Doe A. Pollution and health. Lancet. 2019;394:1-10."],  # a paper's references
        ["1. https://example.org/news", "2. https://example.org/sport"],  # no header
        ["References", "Visible links"],  # no target
        ["References", "1. https://example.org/news", "The council met again on Tuesday."],  # text after it
    ],
)
def test_no_link_list_without_a_header_and_targets_alone(tail: list[str]) -> None:
    texts = [*LYNX_LINES, *tail]
    assert link_list_start(_lines(texts)) == len(texts)
