"""The line classifier at each threshold's edge, with hand-built documents."""

import math

import pytest

from cleaner import Label, Line, Options, clean
from cleaner.classifying import (
    ABOVE_TITLE_MIN_WORDS,
    BYLINE_MAX_WORDS,
    COLON_HEADING_MAX_WORDS,
    COMMENT_THREAD_MIN_MARKERS,
    DATE_LIST_GAP,
    DATE_LIST_MIN_LINES,
    DEK_MIN_WORDS,
    FEED_HEADLINE_MIN_WORDS,
    FEED_MAX_PERIOD,
    FEED_MIN_DATES,
    FEED_TAIL_SHARE,
    HEADING_MAX_WORDS,
    HEADLINE_COPY_MAX_PROSE,
    LEAD_FIRST_MIN_PROBABILITY,
    LEAD_MIN_PROBABILITY,
    LIST_RUN_MAX_LINES,
    MAIN_RUN_GAP,
    OPENING_PARAGRAPHS,
    RELATIVE_MAX_PROSE_WORDS,
    RELATIVE_MIN_PROBABILITY,
    RELATIVE_REFERENCE_LINES,
    RESUME_MIN_PROBABILITY,
    STANDFIRST_MAX_WORDS,
    TAIL_MIN_PROBABILITY,
    UPPER_HEADING_PARAGRAPH_WORDS,
    UPPER_HEADINGS_MIN,
    _article_closer,
    _headline_copy,
    _introduced_lists,
    _main_run_start,
    _split_parts,
    analyse,
    classify,
    dated_feed_start,
    dateline_place,
    title_candidates,
    upper_case_headings,
)
from cleaner.decoding import viterbi
from cleaner.features import FEATURE_SAMPLE_CHARS, line_features, rule_features
from cleaner.headline import (
    CASED_TITLE_MIN_WORDS,
    DATED_HEADLINE_MIN_WORDS,
    LOOKAHEAD,
    LOOKBACK,
    MAX_WORDS,
    META_AFTER,
    NEAR_LINES,
    SHORT_WORDS,
    TITLE_FEATURES,
    TITLE_LINE_BONUS,
    TITLE_LINE_MIN_WORDS,
    TOPIC_STEM_MIN_LETTERS,
    TOPIC_WORDS,
    TRAIL_COPY_MIN_WORDS,
    TRAIL_COPY_NEAR,
    TRAIL_MAX_WORDS,
    URL_MIN_WORDS,
    TitleModel,
    _held_by_another,
    _joined,
    candidate_rows,
    candidates,
    cased_title,
    dated_headline,
    default_title_model,
    line_parts,
    opening_repeated,
    title_line_echoes,
    topic_share,
    topic_words,
    url_rows,
    url_words,
    window_reach,
    with_parts,
    without_trail,
)
from cleaner.language import MIN_LETTERS, detect, stopwords
from cleaner.lexicon import default_lexicon
from cleaner.model import default_model
from cleaner.scoring import CLOSER_TAIL_SHARE, PROSE_MIN_STOP_RATIO, PROSE_MIN_WORDS, is_prose
from cleaner.segmenting import segment

from .samples import EXTRACTED_ARTICLE

PROSE = [
    "The council approved the new budget on Monday after a long and heated debate, officials said.",
    "The plan raises spending on schools and roads by a tenth over the next two years.",
    "Opposition members said the increase was not enough to repair the damage of past cuts.",
    "A final vote on the details is expected before the end of the month, the mayor said.",
]


def words(n: int, first: str = "Rebels") -> str:
    return " ".join([first, *(["town"] * (n - 1))])


def labels(*blocks: str) -> list[Label]:
    return [line.label for line in clean("\n\n".join(blocks)).lines]


def candidate_lines(texts: list[str], start: int) -> list[int]:
    lines = segment("\n".join(texts))
    feats = [line_features(x.text, x.raw, stopwords("en"), default_lexicon()) for x in lines]
    return candidates(lines, feats, start, [False] * len(lines))


@pytest.mark.parametrize(("n", "kept"), [(MAX_WORDS, True), (MAX_WORDS + 1, False)])
def test_headline_candidate_length_edge(n: int, kept: bool) -> None:
    assert (0 in candidate_lines([words(n), *PROSE], start=1)) is kept


@pytest.mark.parametrize(("gap", "kept"), [(LOOKBACK - 1, True), (LOOKBACK, False)])
def test_headline_candidate_lookback_edge(gap: int, kept: bool) -> None:
    texts = ["Home", "Rebels take key town", *[f"Section {k}" for k in range(gap)], *PROSE]
    assert (1 in candidate_lines(texts, start=gap + 2)) is kept


def test_text_first_line_is_a_candidate_beyond_the_lookback() -> None:
    """A dump of the whole page opens with its ``<title>``, however long the menu after it."""
    texts = ["Rebels take key town | Daily News", *[f"Section {k}" for k in range(2 * LOOKBACK)], *PROSE]
    chosen = candidate_lines(texts, start=2 * LOOKBACK + 1)
    assert chosen[-1] == 0 and 1 not in chosen


def test_article_first_line_is_a_candidate() -> None:
    assert 0 in candidate_lines(["Is this the end of the long war in the north?", *PROSE], start=0)


def test_headline_candidate_lookahead_edge() -> None:
    texts = ["We may earn a commission when you buy through links on our site.", *PROSE, PROSE[0], PROSE[1]]
    chosen = candidate_lines(texts, start=0)
    assert LOOKAHEAD in chosen and LOOKAHEAD + 1 not in chosen


def headline_model(min_probability: float, **weights: float) -> TitleModel:
    """A headline model with weights on the named features only."""
    return TitleModel(tuple(weights.get(name, 0.0) for name in TITLE_FEATURES), min_probability)


@pytest.mark.parametrize(("n", "kept"), [(ABOVE_TITLE_MIN_WORDS, True), (ABOVE_TITLE_MIN_WORDS - 1, False)])
def test_paragraph_above_a_headline_inside_the_article_edge(n: int, kept: bool) -> None:
    """When the headline is chosen a few lines into the article, the content
    lines above it are furniture, but a paragraph of ``ABOVE_TITLE_MIN_WORDS``
    words or more stays body. (A headline model that takes the question.)"""
    words = ("the council said on monday that it would approve the new budget for the schools and roads " * 3).split()
    opening = " ".join(words[:n]).capitalize() + "."
    text = "\n\n".join([
        opening,
        "Read also",
        "Will the budget pass?",
        "The council approved the budget after a long debate, and the mayor said she was pleased with it.",
    ])  # fmt: skip
    doc = clean(text, Options(title_model=headline_model(0.5, ends_question=20.0)))
    assert doc.title == "Will the budget pass?"
    assert (doc.lines[0].label is Label.BODY) is kept
    assert doc.lines[0].reason.startswith("context:above-title:" if kept else "context:")


@pytest.mark.parametrize(
    ("n", "paragraphs", "opens"),
    [
        (ABOVE_TITLE_MIN_WORDS, OPENING_PARAGRAPHS, True),
        (ABOVE_TITLE_MIN_WORDS - 1, OPENING_PARAGRAPHS, False),
        (ABOVE_TITLE_MIN_WORDS, OPENING_PARAGRAPHS - 1, False),
    ],
)
def test_a_text_that_opens_with_the_article_has_no_headline_below_it_edge(n: int, paragraphs: int, opens: bool) -> None:
    """An extractor's text opens with the article's paragraphs: a question
    under them is the article's, they stay body, and only the furniture rules
    remove lines, as with ``Options(extracted=True)`` (reasons
    ``extracted:…``). A text that does not open so (a shorter first
    paragraph, one paragraph then the question) keeps its headline, and the
    short paragraph above it is furniture. (A headline model that takes the
    question.)"""
    words = ("the council said on monday that it would approve the new budget for the schools and roads " * 3).split()
    opening = " ".join(words[:n]).capitalize() + "."
    text = "\n\n".join([opening, *PROSE[1:paragraphs], "Will the budget pass?", *PROSE[2:]])
    doc = clean(text, Options(title_model=headline_model(0.5, ends_question=20.0)))
    assert doc.title == (None if opens else "Will the budget pass?")
    question = doc.lines[paragraphs]
    assert question.label is (Label.BODY if opens else Label.TITLE)
    assert (doc.lines[0].label is Label.BODY) is (opens or n >= ABOVE_TITLE_MIN_WORDS)
    assert all(line.reason.startswith("extracted:") for line in doc.lines) is opens


def test_a_page_whose_menu_comes_first_is_no_extraction() -> None:
    """The same article under a menu is classified line by line."""
    opening = (
        "The council approved the new budget on Monday after a long and heated debate that lasted well into the night."
    )
    article = [opening, *PROSE[1:3], "Share this article"]
    assert [line.reason.split(":")[0] for line in clean("\n\n".join(article)).lines] == ["extracted"] * 3 + ["rule"]
    page = clean("\n\n".join(["Home", "News", *article]))
    assert not any(line.reason.startswith("extracted:") for line in page.lines)
    assert page.text == "\n\n".join(article[:3])


def test_a_name_a_byline_gives_is_not_the_headline() -> None:
    """A line holding only the name a byline elsewhere gives ("By Ottoline
    Marlow") is the author's. (A headline model that prefers name-like lines,
    then the first line; a name that opens with no common first name.)"""
    text = "\n\n".join([
        "Employers drop coverage for weight loss drugs",
        "Ottoline Marlow",
        *PROSE[:3],
        "By Ottoline Marlow",
    ])  # fmt: skip
    model = headline_model(0.9, name_like=20.0, first_line=5.0)
    assert clean(text, Options(title_model=model)).title == "Employers drop coverage for weight loss drugs"
    assert clean(text.replace("By Ottoline", "By John"), Options(title_model=model)).title == "Ottoline Marlow"


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("by", "Employers drop coverage for weight loss drugs"),
        ("Written by:", "Employers drop coverage for weight loss drugs"),
        ("Stand by", "Ottoline Marlow"),  # no lead alone: the name may be a headline
    ],
)
def test_the_name_under_a_lead_alone_is_not_the_headline(lead: str, title: str) -> None:
    """A converter that puts the byline's "by" and the author's link on lines
    of their own leaves a name alone under the lead: the author's, no headline."""
    text = "\n\n".join(["Employers drop coverage for weight loss drugs", lead, "Ottoline Marlow", *PROSE[:3]])
    model = headline_model(0.9, name_like=20.0, first_line=5.0)
    assert clean(text, Options(title_model=model)).title == title


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Elaine Chen", "Employers drop coverage for weight loss drugs"),  # opens with a first name: the author's
        ("Ottoline Marlow", "Ottoline Marlow"),  # no common first name: it may be a headline
    ],
)
def test_a_first_name_alone_is_not_the_headline(name: str, title: str) -> None:
    """A name alone that opens with a common first name ("Brian Jenney" under
    the headline) marks the header like a byline: no headline candidate."""
    text = "\n\n".join(["Employers drop coverage for weight loss drugs", name, *PROSE[:3]])
    model = headline_model(0.9, name_like=20.0, first_line=5.0)
    assert clean(text, Options(title_model=model)).title == title


@pytest.mark.parametrize(("under", "marked"), [("Brian Jenney", True), ("By", True), ("Key Takeaways", False)])
def test_a_headline_over_a_header_mark(under: str, marked: bool) -> None:
    """A lead alone and a first name alone under a line count, as a byline or a
    date does, for feature ``before_meta`` of the line above. (A headline model
    whose bar the first line passes only with a mark under it.)"""
    text = "\n\n".join(["Employers drop coverage for weight loss drugs", under, *PROSE[:3]])
    model = headline_model(0.9, bias=-3.0, first_line=4.0, before_meta=2.0)
    assert (clean(text, Options(title_model=model)).title == "Employers drop coverage for weight loss drugs") is marked


@pytest.mark.parametrize(("gap", "marked"), [(META_AFTER, True), (META_AFTER + 1, False)])
def test_a_header_mark_under_a_headline_edge(gap: int, marked: bool) -> None:
    """A mark counts for the line at most ``META_AFTER`` lines above it."""
    fillers = ["Share", "Print", "Save", "Email"][: gap - 1]
    text = "\n\n".join(["Employers drop coverage for weight loss drugs", *fillers, "By", *PROSE[:3]])
    model = headline_model(0.9, bias=-3.0, first_line=4.0, before_meta=2.0)
    assert (clean(text, Options(title_model=model)).title == "Employers drop coverage for weight loss drugs") is marked


def test_the_window_reach() -> None:
    """The lines whose marks the candidates read: the windows, the text's
    first lines, and ``META_AFTER`` under each window."""
    reach = window_reach(200, [100, 150])
    assert reach == {*range(META_AFTER + 1), *range(100 - LOOKBACK, 150 + LOOKAHEAD + META_AFTER + 1)}
    assert window_reach(5, [4]) == set(range(5))


def _upper_headed(headings: int, paragraph_words: int) -> list[str]:
    paragraph = " ".join((PROSE[0].rstrip(".").split() * 3)[:paragraph_words]) + "."
    return [line for k in range(headings) for line in (f"PART {k} OF THE STORY", paragraph)]


@pytest.mark.parametrize(
    ("headings", "paragraph_words", "upper"),
    [
        (UPPER_HEADINGS_MIN, UPPER_HEADING_PARAGRAPH_WORDS, True),
        (UPPER_HEADINGS_MIN - 1, UPPER_HEADING_PARAGRAPH_WORDS, False),
        (UPPER_HEADINGS_MIN, UPPER_HEADING_PARAGRAPH_WORDS - 1, False),
    ],
)
def test_upper_case_headings_edge(headings: int, paragraph_words: int, upper: bool) -> None:
    """A text writes its headings in upper case when enough upper-case lines
    open paragraphs; its upper-case lines then read as title case (not
    ``all_caps``) to the line features, and keep their text."""
    texts = _upper_headed(headings, paragraph_words)
    assert upper_case_headings(texts) is upper
    lines = segment("\n\n".join(texts))
    a = analyse(lines, stopwords("en"), default_lexicon(), default_model())
    assert a.feats[0].all_caps is not upper
    assert lines[0].text == "PART 0 OF THE STORY"


def test_headline_is_the_last_headline_shaped_line_before_the_article() -> None:
    doc = clean("\n\n".join(["Daily Gazette", "Home News World", "Council approves budget after long debate", *PROSE]))
    assert doc.title == "Council approves budget after long debate"
    assert [line.label for line in doc.lines][:2] == [Label.BOILERPLATE, Label.BOILERPLATE]


def test_no_headline_when_the_text_opens_with_prose() -> None:
    assert clean("\n\n".join(PROSE)).title is None


def test_headline_can_be_part_of_a_dated_line() -> None:
    doc = clean("\n\n".join(["Daily Gazette", "Council approves budget after long debate / Dec 12, 2025", *PROSE]))
    assert doc.title == "Council approves budget after long debate"
    assert [line.label for line in doc.lines][1] is Label.TITLE


@pytest.mark.parametrize(("n", "kept"), [(DATED_HEADLINE_MIN_WORDS, True), (DATED_HEADLINE_MIN_WORDS - 1, False)])
def test_dated_headline_words_edge(n: int, kept: bool) -> None:
    assert dated_headline(" ".join(["Budget"] * n) + " December 12, 2025") is kept


def test_a_byline_with_a_date_is_not_a_dated_headline() -> None:
    assert not dated_headline("By Jane Doe and John Smith, December 12, 2025")


TWO_HEADLINES = "\n\n".join(
    ["Skip to main content", "Home", "Markets rally on rate cut hopes", "Council approves budget after long debate",
     *PROSE]
)  # fmt: skip


def test_the_url_slug_chooses_between_two_headline_lines() -> None:
    assert clean(TWO_HEADLINES).title == "Council approves budget after long debate"
    record = {"text": TWO_HEADLINES, "url": "https://example.com/business/markets-rally-on-rate-cut-hopes"}
    assert clean(record).title == "Markets rally on rate cut hopes"


def test_a_title_line_on_top_chooses_between_two_headline_lines() -> None:
    """A dump that opens with the page's ``<title>`` (get_text, WET files):
    the headline line that repeats it is the headline."""
    assert clean("Markets rally on rate cut hopes | Daily Gazette\n\n" + TWO_HEADLINES).title == (
        "Markets rally on rate cut hopes"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Council approves budget after long debate |",
        "| **Council approves budget after long debate",
        "Council approves budget after long debate »",
    ],
)
def test_the_headline_field_drops_its_lines_layout_marks(line: str) -> None:
    """A table's cell rule, an unclosed strong mark or a dangling separator
    on the headline's line stay out of the headline; the line is read as it is."""
    doc = clean("\n\n".join([line, *PROSE]))
    assert doc.title == "Council approves budget after long debate"
    assert [(x.text, x.label) for x in doc.lines[:1]] == [(line, Label.TITLE)]


def test_a_headline_in_capitals_takes_the_case_of_its_copy_on_the_title_line() -> None:
    """A converter that writes headings in capitals (Node's html-to-text): the headline
    field is written as the page's title line writes it; the line is read as it is."""
    headline = "COUNCIL APPROVES BUDGET AFTER LONG DEBATE"
    text = "\n\n".join(["Council approves budget after long debate | Daily Gazette", "Skip to main content",
                         headline, *PROSE])  # fmt: skip
    doc = clean(text)
    assert doc.title == "Council approves budget after long debate"
    assert [(x.text, x.label) for x in doc.lines[2:3]] == [(headline, Label.TITLE)]


@pytest.mark.parametrize(
    ("copy", "cased"),
    [
        ("Home News Council approves budget", True),  # ends a breadcrumb
        ("* Council approves budget", True),  # a list item
        ("» Council approves budget | Gazette", True),  # opens a title line
        ("Yesterday the Council approves budget plans were read.", False),  # inside a sentence
        ("Council approves budgets", False),  # another word
        ("council approves budget", False),  # one case only
        ("COUNCIL APPROVES BUDGET", False),
    ],
)
def test_the_copy_that_gives_a_capitals_headline_its_case(copy: str, cased: bool) -> None:
    title = "COUNCIL APPROVES BUDGET"
    assert cased_title(title, [title, copy]) == ("Council approves budget" if cased else title)


@pytest.mark.parametrize("words", [CASED_TITLE_MIN_WORDS - 1, CASED_TITLE_MIN_WORDS])
def test_cased_title_min_words_edge(words: int) -> None:
    title = " ".join(["BUDGET", "APPROVED", "TODAY"][:words])
    cased = cased_title(title, [f"News: {title.capitalize()}"])
    assert cased == (title.capitalize() if words >= CASED_TITLE_MIN_WORDS else title)


def test_a_headline_not_in_capitals_keeps_its_case() -> None:
    assert cased_title("Council Approves BUDGET", ["Council approves budget"]) == "Council Approves BUDGET"


def test_a_trail_before_the_headline_goes_when_the_line_below_says_the_rest() -> None:
    """A breadcrumb written without separators (Node's html-to-text) chosen as the headline
    line: the line under it that says its ending alone is the headline's text."""
    headline = "Council approves budget after long debate"
    doc = clean("\n\n".join([f"Home News {headline}", headline.upper(), *PROSE]))
    assert doc.lines[0].label is Label.TITLE
    assert doc.title == headline


@pytest.mark.parametrize(
    ("trail", "copy", "gap", "cut"),
    [
        (TRAIL_MAX_WORDS, TRAIL_COPY_MIN_WORDS, TRAIL_COPY_NEAR, True),
        (TRAIL_MAX_WORDS + 1, TRAIL_COPY_MIN_WORDS, 1, False),  # too long for a trail of links
        (TRAIL_MAX_WORDS, TRAIL_COPY_MIN_WORDS - 1, 1, False),  # too short to be the headline
        (TRAIL_MAX_WORDS, TRAIL_COPY_MIN_WORDS, TRAIL_COPY_NEAR + 1, False),  # too far below
        (0, TRAIL_COPY_MIN_WORDS, 1, False),  # the whole line: nothing to cut
    ],
)
def test_without_trail_edges(trail: int, copy: int, gap: int, cut: bool) -> None:
    ending = " ".join(["Budget", "vote", "delayed", "again"][:copy])
    title = " ".join([*["Home", "News", "Politics", "City", "Hall"][:trail], ending])
    lines = [title, *["Subscribe"] * (gap - 1), ending.upper()]
    assert without_trail(title, lines, 0) == (ending if cut else title)


REST = "Council approves budget after debate"


@pytest.mark.parametrize(
    ("title", "first", "cut"),
    [
        (f"Home Politics {REST}", REST, True),
        (f"Startseite>Politik>{REST}", REST, True),
        (f"POLITICS {REST}", f"{REST} | Daily News", True),  # the <title>'s site suffix aside
        # a headline's own start, which a <title> often leaves out
        (f"The {REST}", REST, False),
        (f"What’s the {REST}", REST, False),
        (f"Budget talks: {REST}", REST, False),
        (f"Home news {REST}", REST, False),
    ],
)
def test_a_trail_before_the_headline_goes_when_the_title_line_says_the_rest(title: str, first: str, cut: bool) -> None:
    """A page's <title> on the first line (gettext, html-text dumps) says the headline without
    the trail glued before it; a headline's own opening words stay."""
    assert without_trail(title, [first, "Menu", title], 2) == (REST if cut else title)
    # the headline on the first line: no <title> line above it (and the copy too far below)
    assert without_trail(title, [title, "Menu", "Search", "Log in", first], 0) == title


def test_a_number_before_the_headline_is_no_trail() -> None:
    title = "7 Healthy Air Fryer Recipes"
    assert without_trail(title, [title, "Healthy Air Fryer Recipes"], 0) == title


@pytest.mark.parametrize(
    ("first", "echoes"),
    [
        # the first line's part before the site's name, and the lines after it that repeat that part
        ("Council approves budget | Daily Gazette", [False, True, True, False, True]),
        ("Council approves budget", [False, False, True, False, True]),
        # the site's name before the last separator is too short to count; the whole line is no candidate's
        ("Daily Gazette | Council approves budget", [False, False, False, False, False]),
    ],
)
def test_title_line_echoes(first: str, echoes: list[bool]) -> None:
    chosen = [(0, first), (0, "Council approves budget"), (3, "Council approves budget"), (4, "Daily Gazette"),
              (5, "COUNCIL approves budget!")]  # fmt: skip
    assert title_line_echoes(first, chosen) == echoes


def test_a_flat_text_s_opening_echoes_itself_when_repeated() -> None:
    """The first line of a flat text, cut out of its input line where a later
    line repeats it, is the title line's echo; a first line of its own input
    line (a site's tagline a footer repeats) or one said only once is not."""
    opening = "Council approves budget"
    chosen = [(0, opening), (3, "Daily Gazette")]
    flat = [Line(1, opening, opening), Line(1, "Home News", "Home News"), Line(1, opening, opening)]
    assert opening_repeated(flat)
    assert title_line_echoes(opening, chosen, repeated=True) == [True, False]
    assert title_line_echoes(opening, chosen) == [False, False]
    own_line = [Line(1, opening, opening), Line(2, "Home News", "Home News"), Line(3, opening, opening)]
    assert not opening_repeated(own_line)
    assert not opening_repeated(flat[:2])
    short = [Line(1, "Budget news", "Budget news"), Line(1, "Home", "Home"), Line(1, "Budget news", "Budget news")]
    assert not opening_repeated(short)


@pytest.mark.parametrize(("n", "echo"), [(TITLE_LINE_MIN_WORDS - 1, False), (TITLE_LINE_MIN_WORDS, True)])
def test_title_line_min_words_edge(n: int, echo: bool) -> None:
    headline = " ".join(["Council", "approves", "budget", "after", "debate"][:n])
    assert title_line_echoes(f"{headline} | Gazette", [(0, headline), (2, headline)]) == [echo, echo]


@pytest.mark.parametrize(("margin", "chosen"), [(-0.01, 1), (0.01, 0)])
def test_title_line_bonus_edge(margin: float, chosen: int) -> None:
    """The candidate that repeats the title line wins over a better-scored
    one by up to ``TITLE_LINE_BONUS``."""
    model = headline_model(0.0, first_line=TITLE_LINE_BONUS + margin)
    rows = [[float(name == "first_line") for name in TITLE_FEATURES], [0.0] * len(TITLE_FEATURES)]
    candidates = [(0, "Daily Gazette"), (3, "Council approves budget")]
    assert model.choose(candidates, rows, [False, True]) == candidates[chosen]


@pytest.mark.parametrize("url", [None, "", "https://example.com/?p=8812", "https://example.com/2025/12/04/8812"])
def test_a_url_without_words_leaves_the_headline_to_the_text(url: str | None) -> None:
    assert clean({"text": TWO_HEADLINES, "url": url}).title == "Council approves budget after long debate"


@pytest.mark.parametrize(("n", "telling"), [(URL_MIN_WORDS - 1, False), (URL_MIN_WORDS, True)])
def test_url_words_edge(n: int, telling: bool) -> None:
    path = "/".join(["2025", *["rents", "rise", "again", "today"][:n], "8812"])
    assert (url_words(f"https://example.com/{path}") is not None) is telling


def test_url_features_are_the_share_of_a_candidates_words_in_the_path() -> None:
    words = url_words("https://example.com/news/why-rents-rise")
    assert words is not None
    rows = url_rows([(0, "Why rents rise"), (1, "Why prices fall in winter"), (2, "42")], words)
    assert rows == [[1.0, 1.0], [0.25, 0.0], [0.0, 0.0]]


def test_headline_may_hold_a_date() -> None:
    doc = clean("\n\n".join(["Daily Gazette", "Council approves December 2025 budget after long debate", *PROSE]))
    assert doc.title == "Council approves December 2025 budget after long debate"


def title_feature(texts: list[str], start: int, line: int, name: str) -> float:
    """One feature of the whole line ``line`` as a headline candidate."""
    lines = segment("\n".join(texts))
    feats = [line_features(x.text, x.raw, stopwords("en"), default_lexicon()) for x in lines]
    chosen, kinds = with_parts(lines, candidates(lines, feats, start, [False] * len(lines)))
    part_feats = [feats[i] if kind == "line" else line_features(t, t, stopwords("en"), default_lexicon())
                  for (i, t), kind in zip(chosen, kinds, strict=True)]  # fmt: skip
    rows = candidate_rows(
        lines,
        feats,
        [0.0] * len(lines),
        start,
        chosen,
        kinds,
        [False] * len(lines),
        part_feats,
        frozenset(),
        frozenset(),
    )
    return rows[chosen.index((line, lines[line].text))][TITLE_FEATURES.index(name)]


@pytest.mark.parametrize(("gap", "near"), [(NEAR_LINES - 1, 1.0), (NEAR_LINES, 0.0)])
def test_headline_repeated_near_edge(gap: int, near: float) -> None:
    texts = ["Council approves budget", *[f"Section {k}" for k in range(gap)], "COUNCIL APPROVES BUDGET", *PROSE]
    assert title_feature(texts, start=gap + 2, line=0, name="repeat_near") == near


@pytest.mark.parametrize(
    ("subtitle", "shaped"),
    [
        (" ".join(["Rents"] * (SHORT_WORDS + 1)), 1.0),
        (" ".join(["Rents"] * SHORT_WORDS), 0.0),  # a menu item's words
        (" ".join(["Rents"] * MAX_WORDS), 1.0),
        (" ".join(["Rents"] * (MAX_WORDS + 1)), 0.0),
        ("Rents rise again across the city.", 0.0),  # a sentence
        ("* Rents rise again across the city", 0.0),  # a list item
    ],
)
def test_headline_over_a_subtitle_edge(subtitle: str, shaped: float) -> None:
    """A headline over its subtitle (``next_heading``) and the subtitle under
    its headline (``prev_heading``) see the same heading shape."""
    texts = ["Daily Gazette", "Council approves budget", subtitle, *PROSE]
    assert title_feature(texts, start=3, line=1, name="next_heading") == shaped
    assert title_feature(["Daily Gazette", subtitle, "Council approves budget", *PROSE], 3, 2, "prev_heading") == shaped


def test_neighbours_title_case_is_read_from_lines_a_headline_may_be() -> None:
    texts = ["Daily Gazette", "Council Approves Budget", "the rents rise again", *PROSE]
    assert title_feature(texts, start=3, line=2, name="prev_title_case") == 1.0
    assert title_feature(texts, start=3, line=1, name="next_title_case") == 0.0
    long_line = " ".join(["Rents"] * (MAX_WORDS + 1))
    assert title_feature(["Daily Gazette", long_line, "Council budget", *PROSE], 3, 2, "prev_title_case") == 0.0


@pytest.mark.parametrize(("extra", "kept"), [(0, True), (1, False)])
def test_topic_words_count_edge(extra: int, kept: bool) -> None:
    # words said twice, in alphabetical order (a tie goes to the first), then "zulu" once
    named = [f"topic{chr(97 + k // 26)}{chr(97 + k % 26)}" for k in range(TOPIC_WORDS + extra)]
    topic = topic_words([" ".join(named * 2) + " zulu"], frozenset())
    assert len(topic) == TOPIC_WORDS and "zulu" not in topic
    assert (named[-1] in topic) is kept


def test_topic_words_do_not_depend_on_the_line_order() -> None:
    texts = [" ".join(f"word{chr(97 + k)}" for k in range(j, j + 5)) for j in range(20)]
    assert topic_words(texts, frozenset()) == topic_words(texts[::-1], frozenset())


@pytest.mark.parametrize(("word", "stem"), [("b" * (TOPIC_STEM_MIN_LETTERS - 2) + "s", False),
                                            ("b" * (TOPIC_STEM_MIN_LETTERS - 1) + "s", True),
                                            ("prices", True), ("news", False)])  # fmt: skip
def test_topic_plural_edge(word: str, stem: bool) -> None:
    assert topic_share(word, frozenset({word[:-1]}), frozenset()) == (1.0 if stem else 0.0)


def test_topic_leaves_stopwords_out_of_the_share() -> None:
    assert topic_share("The rents rise", frozenset({"rent", "rise"}), stopwords("en")) == 1.0
    assert topic_share("Rents rise at the end", frozenset({"rent", "rise"}), frozenset()) == 0.5


def test_headline_names_the_topic_a_call_to_action_does_not() -> None:
    body = [
        "The council approved the new housing budget on Monday after a long debate about rents.",
        "Rents in the city rose by a tenth last year, and the housing budget aims to slow them.",
        "Critics of the budget said the council had done too little about rents and housing.",
    ]
    lines = segment("\n".join(["Subscribe to our newsletter today", "Council housing budget tackles rents", *body]))
    stops, lexicon = stopwords("en"), default_lexicon()
    a = analyse(lines, stops, lexicon, default_model())
    chosen, rows = title_candidates(lines, a, stops, lexicon)
    share = {text: row[TITLE_FEATURES.index("topic_words")] for (_, text), row in zip(chosen, rows, strict=True)}
    assert share["Council housing budget tackles rents"] >= 0.75
    assert share.get("Subscribe to our newsletter today", 0.0) == 0.0


@pytest.mark.parametrize(("n", "short"), [(SHORT_WORDS, 1.0), (SHORT_WORDS + 1, 0.0)])
def test_headline_short_neighbours_edge(n: int, short: float) -> None:
    texts = [words(n, "Menu")] * 3 + ["Council approves budget after long debate"] + [words(n, "Menu")] * 3 + PROSE
    assert title_feature(texts, start=7, line=3, name="short_around") == short


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Home » News » Council approves budget", {"first": "Home", "last": "Council approves budget"}),
        ("Council approves budget | Daily Gazette", {"first": "Council approves budget", "last": "Daily Gazette"}),
        ("3. Council approves budget", {"number": "Council approves budget"}),
        ("Blog: Council approves budget", {"label": "Council approves budget"}),
        ("Council approves budget", {}),
    ],
)
def test_line_parts(text: str, parts: dict[str, str]) -> None:
    assert line_parts(text) == parts


@pytest.mark.parametrize(("n", "label"), [(HEADING_MAX_WORDS, Label.HEADING), (HEADING_MAX_WORDS + 1, Label.BODY)])
def test_subheading_length_edge(n: int, label: Label) -> None:
    assert labels(PROSE[0], PROSE[1], words(n, "Why"), PROSE[2], PROSE[3])[2] is label


def test_short_line_at_the_end_is_not_a_heading() -> None:
    assert labels(*PROSE, "More about rebels")[-1] is Label.BOILERPLATE


def sentence(n: int) -> str:
    cycle = ["rebels", "of", "the", "town", "and", "army"]
    return " ".join(["The", *(cycle[i % len(cycle)] for i in range(n - 2)), "advance."])


@pytest.mark.parametrize(("n", "prose"), [(PROSE_MIN_WORDS - 1, False), (PROSE_MIN_WORDS, True)])
def test_prose_word_edge(n: int, prose: bool) -> None:
    features = line_features(sentence(n), sentence(n), stopwords("en"), default_lexicon())
    assert is_prose(features, has_stoplist=True) is prose


def test_prose_needs_stopwords_where_a_stoplist_exists() -> None:
    line = "Zebra Quokka Narwhal Okapi Axolotl Capybara Tapir Dugong Gharial."
    features = line_features(line, line, stopwords("en"), default_lexicon())
    assert features.stop_ratio < PROSE_MIN_STOP_RATIO
    assert not is_prose(features, has_stoplist=True)
    assert is_prose(features, has_stoplist=False)


@pytest.mark.parametrize(
    "text",
    [
        *PROSE,
        "Share:",
        "Zebra Quokka Narwhal Okapi",
        "Subscribe to our newsletter",
        "市議会は予算を承認した。",
        "",
        "Rebels took the town. " * (FEATURE_SAMPLE_CHARS // 10),  # a dump: measured on a sample, scaled
    ],
)
@pytest.mark.parametrize("lang", ["en", "und"])
def test_rule_features_are_line_features_fields(text: str, lang: str) -> None:
    full = line_features(text, text, stopwords(lang), default_lexicon())
    slim = rule_features(text, stopwords(lang), default_lexicon())
    for name in ("words", "stop_ratio", "terminal", "rule"):
        assert getattr(slim, name) == getattr(full, name), name
    assert is_prose(slim, bool(stopwords(lang))) is is_prose(full, bool(stopwords(lang)))


def test_lone_sentence_between_furniture_follows_its_neighbours() -> None:
    got = labels(*PROSE, "Share:", "Menu", "The town of rebels was quiet again today.", "Subscribe", "Comments")
    assert got[len(PROSE) + 2] is Label.BOILERPLATE
    assert labels(*PROSE[:2], "The town of rebels was quiet.", *PROSE[2:])[2] is Label.BODY


def test_prose_after_an_end_marker_is_furniture_but_not_before_it() -> None:
    teaser = "The storm was the strongest ever to make landfall, and we revisit the story five years on."
    got = labels(*PROSE, "SOURCE: Reuters and agencies", "Storm of the century", teaser)
    assert got[: len(PROSE)] == [Label.BODY] * len(PROSE)
    assert got[len(PROSE) :] == [Label.BOILERPLATE] * 3
    assert labels("SOURCE: Reuters and agencies", *PROSE)[1:] == [Label.BODY] * len(PROSE)


PROSE_NS = range(10, 20)


def test_a_comment_policy_is_furniture_though_a_longer_thread_follows() -> None:
    policy = "Please understand that comments are moderated and it is not always possible to publish them all."
    comment = "I have lived in this town for {} years and I have never seen the council act so fast."
    thread = [comment.format(n) for n in PROSE_NS]
    got = labels(*PROSE, policy, *thread)
    assert got[: len(PROSE)] == [Label.BODY] * len(PROSE)
    assert got[len(PROSE)] is Label.BOILERPLATE


@pytest.mark.parametrize(
    ("n", "label"), [(STANDFIRST_MAX_WORDS, Label.STANDFIRST), (STANDFIRST_MAX_WORDS + 1, Label.BODY)]
)
def test_standfirst_length_edge(n: int, label: Label) -> None:
    got = labels("Rebels take key town", sentence(n), "Rebels in the town (Photo: AP)", *PROSE)
    assert got[1] is label


def test_sentence_after_headline_is_body_when_the_body_follows_directly() -> None:
    assert labels("Rebels take key town", *PROSE)[1] is Label.BODY


@pytest.mark.parametrize(("n", "is_byline"), [(BYLINE_MAX_WORDS, True), (BYLINE_MAX_WORDS + 1, False)])
def test_byline_length_edge(n: int, is_byline: bool) -> None:
    line = "By Anna Berg | " + " ".join(["Politics"] * (n - 3))
    doc = clean("\n\n".join(["Rebels take key town", line, *PROSE]))
    assert (doc.byline == "Anna Berg") is is_byline


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BEIRUT — Syrian troops retreated.", "BEIRUT"),
        ("NEW YORK (AP) — Stocks fell.", "NEW YORK"),
        ("LONDON, England - The rain stopped.", "LONDON"),
        ("SYRIAN government forces suffered a setback.", None),
        ("(Reuters) — The attorney general is investigating.", None),
        ("Beirut — Syrian troops retreated.", None),
        ("LONDON, May 17 (Reuters) - Britain said it would act.", "LONDON"),
        ("Frankfurt/Main (dpa) - Die Börse schloss im Plus.", "Frankfurt/Main"),
        ("Bad Homburg (dpa/lhe) – Die Stadt plant neu.", "Bad Homburg"),
        ("Hong Kong (CNN Business)A muddled view of trade talks.", None),
        ("The Senate (the upper chamber) - after a long debate - voted.", None),
    ],
)
def test_dateline(text: str, place: str | None) -> None:
    assert dateline_place(text) == place


def test_dateline_only_from_the_first_body_paragraph() -> None:
    doc = clean("\n\n".join([PROSE[0], "BEIRUT — " + PROSE[1]]))
    assert doc.dateline is None
    assert clean("\n\n".join(["BEIRUT — " + PROSE[0], PROSE[1]])).dateline == "BEIRUT"


def test_duplicated_line_is_a_caption_inside_the_article_and_a_teaser_after_it() -> None:
    got = labels(
        "Council approves budget after long debate",
        PROSE[0],
        "Councillors vote in the chamber",
        "Councillors vote in the chamber",
        *PROSE[1:],
        "SOURCE: agencies",
        "Another story",
        "Another story",
    )
    assert got[2:4] == [Label.CAPTION, Label.CAPTION]
    assert got[-2:] == [Label.BOILERPLATE, Label.BOILERPLATE]


def test_viterbi_keeps_weak_lines_with_strong_neighbours() -> None:
    assert viterbi([0.95, 0.35, 0.95]) == [True, True, True]
    assert viterbi([0.02, 0.85, 0.02]) == [False, False, False]
    assert viterbi([]) == []


def test_language_needs_enough_letters() -> None:
    assert detect("a" * (MIN_LETTERS - 1))[0] == "und"
    assert detect("Die Regierung hat am Montag erklärt, dass die Stadt sicher ist.")[0] == "de"


def _list_case(items: list[str], intro: str = "You will need the following:") -> tuple[list[bool], list[bool]]:
    """Content flags after restoring lists: prose, an introducing line, dropped items, prose."""
    texts = [PROSE[0], intro, *items, PROSE[1]]
    feats = [line_features(t, t, stopwords("en"), default_lexicon()) for t in texts]
    content = [True, True, *([False] * len(items)), True]
    prose = [is_prose(f, True) for f in feats]
    listed = _introduced_lists(feats, prose, content)
    return content, listed


def test_list_after_colon_is_restored_up_to_the_limit() -> None:
    content, listed = _list_case([f"{n} cups of flour" for n in range(LIST_RUN_MAX_LINES)])
    assert all(content) and listed == [False, False, *([True] * LIST_RUN_MAX_LINES), False]
    content, listed = _list_case([f"{n} cups of flour" for n in range(LIST_RUN_MAX_LINES + 1)])
    assert not any(listed) and content.count(False) == LIST_RUN_MAX_LINES + 1


def test_list_needs_the_colon_and_no_furniture_inside() -> None:
    assert not any(_list_case(["2 cups of flour", "1 egg"], intro="You will need the following")[1])
    assert not any(_list_case(["2 cups of flour", "Share on Facebook", "1 egg"])[1])


def test_restored_list_items_are_body_not_headings() -> None:
    doc = clean("\n\n".join([PROSE[0], PROSE[1], "You will need the following:", "Two cups of flour",
                               "One large egg", PROSE[2], PROSE[3]]))  # fmt: skip
    reasons = {line.text: (line.label, line.reason) for line in doc.lines}
    assert reasons["One large egg"][0] is Label.BODY
    assert "One large egg" in doc.text


def _closer_at(texts: list[str]) -> int | None:
    feats = [line_features(t, t, stopwords("en"), default_lexicon()) for t in texts]
    prose = [is_prose(f, True) for f in feats]
    return _article_closer(feats, prose, [True] * len(texts), [False] * len(texts), texts)


def _sentence(n: int) -> str:
    """A prose line of exactly ``n`` words."""
    return " ".join(["The", *(["the"] * (n - 1))]) + "."


def test_closer_tail_share_edge() -> None:
    before = 40
    limit = CLOSER_TAIL_SHARE * before
    short_tail = int(limit) - 1 if limit == int(limit) else int(limit)
    assert _closer_at([_sentence(before), "Tags: politics", _sentence(short_tail)]) == 1
    assert _closer_at([_sentence(before), "Tags: politics", _sentence(short_tail + 1)]) is None


def test_comment_thread_closes_whatever_its_length() -> None:
    thread = ["12 Comments", "joetoronto says:", _sentence(60), "spikeymike says:", _sentence(60)]
    assert COMMENT_THREAD_MIN_MARKERS <= 3
    assert _closer_at([_sentence(40), *thread]) == 1
    markers = ["12 Comments", *(["Reply"] * (COMMENT_THREAD_MIN_MARKERS - 2))]
    long_tail = [_sentence(60), _sentence(60)]
    assert _closer_at([_sentence(40), *markers, long_tail[0], "Reply", long_tail[1]]) == 1
    assert _closer_at([_sentence(40), *markers, *long_tail]) is None


def test_a_comment_count_shown_twice_links_to_the_thread() -> None:
    thread = ["joetoronto says:", _sentence(60), "spikeymike says:", _sentence(60)]
    article = [_sentence(40), _sentence(40), _sentence(40)]
    page = [_sentence(10), "44 Comments", *article, "44 Comments", *thread]
    assert _closer_at(page) == 2 + len(article)
    # shown three times, or with another marker in between, it opens the thread
    assert _closer_at([_sentence(10), "44 Comments", *article, "44 Comments", "44 Comments", *thread]) == 1
    assert _closer_at([_sentence(10), "44 Comments", "Reply", *article, "44 Comments", *thread]) == 1


def test_a_run_of_date_lines_is_a_list_shorter_runs_are_timestamps() -> None:
    tour = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Credit Union Amphitheatre, Tampa, FL",
            "June 14 -- Bridgestone Arena, Nashville, TN", "June 17 -- PNC Music Pavilion, Charlotte, NC"]  # fmt: skip

    def dates_kept(n: int) -> list[bool]:
        doc = clean("\n\n".join([PROSE[0], PROSE[1], *tour[:n], PROSE[2], PROSE[3]]))
        return [line.label is Label.BODY for line in doc.lines if line.text in tour]

    assert dates_kept(DATE_LIST_MIN_LINES) == [True] * DATE_LIST_MIN_LINES
    assert dates_kept(DATE_LIST_MIN_LINES - 1) == [False] * (DATE_LIST_MIN_LINES - 1)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("What the council decided", Label.HEADING),
        ("* What the council decided", Label.BODY),
        ("• What the council decided", Label.BODY),
        ("2. What the council decided", Label.HEADING),  # a numbered section heading
    ],
)
def test_a_bulleted_line_in_the_article_is_a_list_item_not_a_subheading(line: str, label: Label) -> None:
    doc = clean("\n\n".join([PROSE[0], PROSE[1], line, PROSE[2], PROSE[3]]))
    assert {x.text: x.label for x in doc.lines}[line] is label


@pytest.mark.parametrize(
    ("n", "label"),
    [(1, Label.HEADING), (COLON_HEADING_MAX_WORDS, Label.HEADING), (COLON_HEADING_MAX_WORDS + 1, Label.BODY)],
)
def test_colon_heading_max_words_edge(n: int, label: Label) -> None:
    """A colon-ended line is a subheading up to the edge ("Pros:"); past it,
    a sentence that introduces what follows ("Here is what the plan funds:")."""
    line = " ".join(["Here", "is", "what", "the", "plan", "funds", "now"][:n]) + ":"
    doc = clean("\n\n".join([PROSE[0], PROSE[1], line, PROSE[2], PROSE[3]]))
    assert {x.text: x.label for x in doc.lines}[line] is label


def test_a_related_header_inside_the_article_takes_its_list_up_to_the_next_sentence() -> None:
    links = ["* Man arrested after seven trafficking victims found in car", "* Safety officials urge redesign of part"]
    subheading = "What the council decided"

    def labelled(*middle: str) -> dict[str, Label]:
        doc = clean("\n\n".join([PROSE[0], PROSE[1], *middle, PROSE[2], PROSE[3], PROSE[0] + " Again."]))
        return {line.text: line.label for line in doc.lines}

    got = labelled("Related stories", *links)
    assert [got[link] for link in links] == [Label.BOILERPLATE] * 2
    assert got[PROSE[2]] is Label.BODY
    # without the header the same lines stay in the article, as list items (a bullet is no subheading)
    got = labelled(*links)
    assert [got[link] for link in links] == [Label.BODY] * 2
    # a sentence ends the list: the subheading after it is the article's again
    got = labelled("Related stories", links[0], PROSE[3], subheading)
    assert got[links[0]] is Label.BOILERPLATE and got[subheading] is Label.HEADING


def test_a_date_list_right_after_the_article_ends_it() -> None:
    tour = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Credit Union Amphitheatre, Tampa, FL",
            "June 14 -- Bridgestone Arena, Nashville, TN", "June 17 -- PNC Music Pavilion, Charlotte, NC"]  # fmt: skip

    def labelled(before: list[str], n: int) -> list[Label]:
        doc = clean("\n\n".join([*PROSE, *before, *tour[:n]]))
        return [line.label for line in doc.lines[len(PROSE) :]]

    n = DATE_LIST_MIN_LINES
    assert labelled([], n) == [Label.BODY] * n
    assert labelled(["The Doobie Brothers Tour Dates"], n) == [Label.HEADING, *[Label.BODY] * n]
    assert labelled([], n - 1) == [Label.BOILERPLATE] * (n - 1)
    assert labelled(["Archives"], n) == [Label.BOILERPLATE] * (n + 1)
    gap = ["Tour dates", "Tickets on sale"][:DATE_LIST_GAP]
    assert Label.BODY not in labelled(gap, n)


TEASER_WORDS = 60


def _teaser(k: int, extra: int = 0) -> list[str]:
    """One unit of a teaser feed: headline, author, date, teaser sentence (and ``extra`` padding lines)."""
    return [f"Senators clash over the budget plan number {k}", "Jane Doe", "Tuesday November 19, 2019",
            _sentence(TEASER_WORDS), *(["Advertisement"] * extra)]  # fmt: skip


def _feed_at(texts: list[str]) -> int | None:
    feats = [line_features(t, t, stopwords("en"), default_lexicon()) for t in texts]
    return dated_feed_start(feats, [is_prose(f, True) for f in feats])


def test_dated_feed_starts_at_the_first_units_headline() -> None:
    feed = [line for k in range(FEED_MIN_DATES) for line in _teaser(k)]
    assert _feed_at([_sentence(40), *feed]) == 1
    assert _feed_at([_sentence(40), *feed[: -len(_teaser(0))]]) is None  # one date too few


def test_dated_feed_period_edge() -> None:
    padding = FEED_MAX_PERIOD - len(_teaser(0))
    at_limit = [line for k in range(FEED_MIN_DATES) for line in _teaser(k, padding)]
    past_limit = [line for k in range(FEED_MIN_DATES) for line in _teaser(k, padding + 1)]
    assert _feed_at([_sentence(40), *at_limit]) == 1
    assert _feed_at([_sentence(40), *past_limit]) is None


def test_dated_listing_without_one_teaser_per_unit_is_no_feed() -> None:
    """Event listings and schedules: dates with two paragraphs, or no headline, per unit."""
    two_paragraphs = [x for k in range(FEED_MIN_DATES) for x in [*_teaser(k), _sentence(20)]]
    assert _feed_at([_sentence(40), *two_paragraphs]) is None


def _headline_feed(headline_words: int) -> list[str]:
    headline = " ".join(["Budget"] * headline_words)
    return [x for _ in range(FEED_MIN_DATES) for x in [headline, "Tuesday November 19, 2019", _sentence(25)]]


def test_dated_feed_headline_length_edge() -> None:
    assert _feed_at([_sentence(40), *_headline_feed(FEED_HEADLINE_MIN_WORDS)]) == 1
    assert _feed_at([_sentence(40), *_headline_feed(FEED_HEADLINE_MIN_WORDS - 1)]) is None


def test_dated_feed_closes_the_article_up_to_its_tail_share() -> None:
    feed = [line for k in range(FEED_MIN_DATES) for line in _teaser(k)]
    article = math.ceil(TEASER_WORDS * FEED_MIN_DATES / FEED_TAIL_SHARE)
    assert article - 1 >= PROSE_MIN_WORDS
    assert _closer_at([_sentence(article), *feed]) == 1
    assert _closer_at([_sentence(article - 1), *feed]) is None


def _held(text: str, texts: list[str], window: range, own: int) -> bool:
    joined, offsets = _joined(texts)
    return _held_by_another(text, texts, joined, offsets, window, own)


def test_held_by_another_line_of_the_window() -> None:
    texts = ["Why rents rise", "Why rents rise | The Daily", "Why rents rise", "İstanbul why rents rise"]
    assert _held("Why rents rise", texts, range(0, 2), 0)  # line 1 holds it and is not equal to it
    assert not _held("Why rents rise", texts[:1] + texts[2:3], range(0, 2), 0)  # equal lines only
    assert not _held("Why rents rise", texts, range(0, 1), 0)  # only its own line
    assert not _held("Why rents rise", texts, range(2, 3), 0)  # outside the window
    lowered = [t.lower() for t in texts]  # "İ" lowercases to two characters: offsets must follow
    assert _held("why rents rise", lowered, range(3, 4), 0)
    assert not _held("why rents rise", lowered, range(2, 3), 2)


class _FixedModel:
    """A stand-in line model that gives each line a fixed probability."""

    switch = 0.45
    start_content = 0.5

    def __init__(self, probabilities: list[float]) -> None:
        self.fixed = probabilities

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return self.fixed[: len(rows)]


def test_page_with_no_content_line_keeps_what_reads_most_like_content() -> None:
    # a score table: no line is likely content, but the table reads more like it than the menu
    lines = segment("\n".join(["Home", "Sports", "Palm Bay d. Rockledge 70-44", "Rockledge 14 11 6 15", "Contact"]))
    lex = default_lexicon()
    a = analyse(lines, stopwords("en"), lex, _FixedModel([0.04, 0.05, 0.2, 0.18, 0.03]))  # type: ignore[arg-type]
    assert a.content == [False, False, True, True, False]


@pytest.mark.parametrize(("top", "kept"), [(RELATIVE_MIN_PROBABILITY, True), (RELATIVE_MIN_PROBABILITY - 0.001, False)])
def test_relative_decoding_needs_a_likely_enough_best_line(top: float, kept: bool) -> None:
    lines = segment("\n".join(["Home", "Sports", "Palm Bay d. Rockledge 70-44", "Rockledge 14 11 6 15", "Contact"]))
    model = _FixedModel([0.01, 0.01, top, top * 0.9, 0.01])
    a = analyse(lines, stopwords("en"), default_lexicon(), model)  # type: ignore[arg-type]
    assert a.content == [False, False, kept, kept, False]


def test_relative_probabilities_change_little_when_the_best_line_is_sure() -> None:
    # a short article is decoded again relative to its best line (0.9): the score line next to it stays out
    lines = segment("\n".join(["Home", PROSE[0], "Palm Bay d. Rockledge 70-44", "Contact"]))
    lex = default_lexicon()
    a = analyse(lines, stopwords("en"), lex, _FixedModel([0.04, 0.9, 0.2, 0.03]))  # type: ignore[arg-type]
    assert a.content == [False, True, False, False]


@pytest.mark.parametrize(("p", "kept"), [(0.35, True), (0.2, False)])
def test_relative_scale_is_the_mean_of_the_highest_lines(p: float, kept: bool) -> None:
    # one line far above the rest (0.8) does not set the scale alone: taken relative to the mean of the
    # page's two highest (0.575), an article read at 0.35 is content (0.61; relative to 0.8 alone, 0.44)
    assert RELATIVE_REFERENCE_LINES == 2
    notice = "This website is unofficial and is not associated in any way with the teams."
    lines = segment("\n".join(["Home", *PROSE[:3], notice]))
    a = analyse(lines, stopwords("en"), default_lexicon(), _FixedModel([0.01, p, p, p, 0.8]))  # type: ignore[arg-type]
    assert a.content == [False, kept, kept, kept, True]


def _unsure_page(first_words: int) -> tuple[list[Line], _FixedModel]:
    """A page the model is unsure of: one prose line of ``first_words`` words it
    finds likely (0.6), then two it finds less likely (0.4)."""
    sentence = " ".join((["the", "council", "and", "town"] * first_words)[:first_words]).capitalize() + "."
    texts = ["Home", sentence, PROSE[0], PROSE[1], "Contact"]
    return segment("\n".join(texts)), _FixedModel([0.01, 0.6, 0.4, 0.4, 0.01])


@pytest.mark.parametrize(("n", "relative"), [(RELATIVE_MAX_PROSE_WORDS, True), (RELATIVE_MAX_PROSE_WORDS + 1, False)])
def test_relative_decoding_when_the_article_found_is_short_edge(n: int, relative: bool) -> None:
    lines, model = _unsure_page(n)
    a = analyse(lines, stopwords("en"), default_lexicon(), model)  # type: ignore[arg-type]
    assert a.content == [False, True, relative, relative, False]


def test_headline_is_looked_for_before_the_article_found_first() -> None:
    # taken relative, the cookie notice above the headline reads as content:
    # the article starts there, but the headline is looked for before the
    # paragraph the first decoding found
    texts = ["We use cookies to give you the best experience on our website.", "Council passes budget", *PROSE[:3]]
    lines = segment("\n".join(texts))
    a = analyse(lines, stopwords("en"), default_lexicon(), _FixedModel([0.35, 0.05, 0.6, 0.4, 0.4]))  # type: ignore[arg-type]
    assert (a.start, a.anchor) == (0, 2)


LEAD = "The city will raise spending on schools and roads next year, the council decided on Monday."
TAIL = "The mayor said she would ask the council to review the plan again in the spring of next year."


def _labelled(texts: list[str], probabilities: list[float],
              title_model: TitleModel | None = None) -> list[tuple[str, str]]:  # fmt: skip
    lines = segment("\n".join(texts))
    title_model = title_model or default_title_model()
    classify(lines, stopwords("en"), default_lexicon(), _FixedModel(probabilities), title_model)  # type: ignore[arg-type]
    return [(line.label.value, line.reason) for line in lines]


@pytest.mark.parametrize(
    ("p", "label"), [(LEAD_MIN_PROBABILITY, "body"), (LEAD_MIN_PROBABILITY - 0.001, "boilerplate")]
)
def test_lead_paragraph_between_headline_and_article(p: float, label: str) -> None:
    texts = ["Home", "Council passes budget after long debate", TAIL, LEAD, *PROSE]
    got = _labelled(texts, [0.01, 0.05, LEAD_FIRST_MIN_PROBABILITY, p] + [0.9] * 4)
    assert got[1][0] == "title"
    assert got[3][0] == label
    assert got[3][1].startswith("context:lead:" if label == "body" else "context:before-article:")


@pytest.mark.parametrize(
    ("p", "label"), [(LEAD_FIRST_MIN_PROBABILITY, "body"), (LEAD_FIRST_MIN_PROBABILITY - 0.001, "boilerplate")]
)
def test_first_line_under_the_headline_is_a_lead_from_a_lower_probability(p: float, label: str) -> None:
    got = _labelled(["Home", "Council passes budget after long debate", LEAD, *PROSE], [0.01, 0.05, p] + [0.9] * 4)
    assert got[1][0] == "title"
    assert got[2][0] == label
    assert got[2][1].startswith("context:lead:" if label == "body" else "context:before-article:")


DEK = "Penalties for those who refuse to self-isolate are to be increased to a maximum of ten thousand pounds"


@pytest.mark.parametrize(
    ("dek", "label"),
    [
        (DEK, "body"),
        # too short for a summary
        (" ".join(DEK.replace("-", " ").split()[: DEK_MIN_WORDS - 1]), "boilerplate"),
        # a dateline, not a summary
        ("Published on Monday 19 February 2020 and last updated on Tuesday 20 February 2020 at noon", "boilerplate"),
    ],
)
def test_first_line_under_the_headline_without_a_full_stop_is_a_lead(dek: str, label: str) -> None:
    texts = ["Home", "Council passes budget after long debate", dek, *PROSE]
    got = _labelled(texts, [0.01, 0.05, LEAD_FIRST_MIN_PROBABILITY] + [0.9] * 4)
    assert got[1][0] == "title"
    assert got[2][0] == label
    assert got[2][1].startswith("context:lead:" if label == "body" else "context:before-article:")


PROMO = "Run a free report and see how visible your brand is in search today."


@pytest.mark.parametrize(("apart", "heaviest"), [(MAIN_RUN_GAP, False), (MAIN_RUN_GAP + 1, True)])
def test_main_run_gap_edge(apart: int, heaviest: bool) -> None:
    """Content lines at most ``MAIN_RUN_GAP`` lines apart are one run; the
    main run is the one with the most words of prose."""
    texts = [PROMO, *[f"Section {k}" for k in range(apart - 1)], *PROSE]
    feats = [line_features(t, t, stopwords("en"), default_lexicon()) for t in texts]
    prose = [is_prose(f, True) for f in feats]
    content = [0, *range(apart, len(texts))]
    assert _main_run_start(content, prose, feats, len(texts)) == (apart if heaviest else 0)


def test_headline_above_the_main_run_far_below_the_first_content_line() -> None:
    """A promotion above a menu reads as content; the headline is found above
    the article's main run, the promotion is furniture and the leads under the
    headline are read from it."""
    menu = ["Academy", "Blog", "Events", "Partners", "Careers", "Press"]
    texts = [PROMO, *menu, "Council passes budget after long debate", TAIL, LEAD, *PROSE]
    model = headline_model(0.5, second_window=5.0, few_words=-5.0, ends_period=-5.0)
    probabilities = [0.9] + [0.05] * 7 + [LEAD_FIRST_MIN_PROBABILITY, LEAD_MIN_PROBABILITY] + [0.9] * 4
    got = _labelled(texts, probabilities, model)
    assert got[7] == ("title", "field:title")
    assert got[0][1].startswith("context:before-article:")
    assert [label for label, _ in got[8:10]] == ["body", "body"]
    assert all(reason.startswith("context:lead:") for _, reason in got[8:10])


def test_no_lead_without_a_headline_above_it() -> None:
    # the lines above the article's first content line are not a lead when no headline is chosen above them
    # (a model that chooses none: the packaged one takes LEAD, which restates the body, as the headline)
    got = _labelled([LEAD, *PROSE], [0.5, *[0.9] * 4], headline_model(min_probability=1.0))
    assert all(label == "body" for label, _ in got)
    got = _labelled(["Home", LEAD, *PROSE, "Contact"], [0.01, 0.35, *[0.9] * 4, 0.01])
    assert not any(reason.startswith("context:lead:") for _, reason in got)


@pytest.mark.parametrize("closing", [TAIL, DEK], ids=["sentence", "sentence-without-a-full-stop"])
@pytest.mark.parametrize(
    ("p", "label"), [(TAIL_MIN_PROBABILITY, "body"), (TAIL_MIN_PROBABILITY - 0.001, "boilerplate")]
)
def test_closing_paragraph_right_after_the_article(closing: str, p: float, label: str) -> None:
    got = _labelled(["Home", "Council passes budget after long debate", *PROSE, closing, "Contact"],
                    [0.01, 0.05, *[0.9] * 4, p, 0.01])  # fmt: skip
    assert got[6][0] == label
    assert got[6][1].startswith("context:tail:" if label == "body" else "context:after-article:")


def test_tail_run_stops_at_the_first_line_below_the_threshold_or_not_prose() -> None:
    texts = ["Council passes budget after long debate", *PROSE, TAIL, TAIL.replace("mayor", "governor"),
             "City budget figures", TAIL.replace("mayor", "treasurer")]  # fmt: skip
    below = TAIL_MIN_PROBABILITY - 0.05
    got = _labelled(texts, [0.05, *[0.9] * 4, TAIL_MIN_PROBABILITY, below, 0.4, 0.4])
    assert [label for label, _ in got[5:]] == ["body", "boilerplate", "boilerplate", "boilerplate"]
    got = _labelled(texts, [0.05, *[0.9] * 4, 0.4, 0.4, 0.4, 0.4])
    assert [reason.split(":")[1] for _, reason in got[5:]] == ["tail", "tail", "after-article", "after-article"]
    # a photo credit does not stop the run
    texts = [*texts[:6], "Photo: Jane Doe", texts[6], "Contact"]
    got = _labelled(texts, [0.05, *[0.9] * 4, 0.4, 0.4, 0.4, 0.01])
    assert [reason.split(":")[1] for _, reason in got[5:8]] == ["tail", "photo-credit", "tail"]


@pytest.mark.parametrize(
    ("p", "label"), [(RESUME_MIN_PROBABILITY, "body"), (RESUME_MIN_PROBABILITY - 0.001, "boilerplate")]
)
def test_closing_paragraph_after_a_related_box(p: float, label: str) -> None:
    texts = ["Council passes budget after long debate", *PROSE, "Related", "* Mayor wins vote", "* Schools reopen",
             TAIL, "Contact"]  # fmt: skip
    got = _labelled(texts, [0.05, *[0.9] * 4, 0.3, 0.4, 0.4, p, 0.01])
    assert [label for label, _ in got[5:8]] == ["boilerplate"] * 3
    assert got[8][0] == label


def test_a_related_box_ends_at_the_list_limit_or_other_furniture() -> None:
    box = ["Related", *[f"* Mayor wins vote number {k}" for k in range(LIST_RUN_MAX_LINES + 1)]]
    texts = ["Council passes budget after long debate", *PROSE, *box, TAIL, "Contact"]
    got = _labelled(texts, [0.05, *[0.9] * 4, *[0.3] * len(box), 0.9, 0.01])
    assert got[-2][0] == "boilerplate"
    texts = ["Council passes budget after long debate", *PROSE, "Related", "* Mayor wins", "Related", TAIL, "Contact"]
    got = _labelled(texts, [0.05, *[0.9] * 4, 0.3, 0.3, 0.3, 0.9, 0.01])
    assert got[-2][0] == "boilerplate"
    # a photo credit inside the box is looked through, as the decoder does
    texts[7] = "Photo: Jane Doe"
    got = _labelled(texts, [0.05, *[0.9] * 4, 0.3, 0.3, 0.3, 0.9, 0.01])
    assert got[-2][0] == "body"


def test_a_lead_paragraph_does_not_move_the_end_of_the_article() -> None:
    # the date list is looked for after the last paragraph, whatever was kept before the first
    dates = ["June 9 -- Coral Sky Amphitheatre, Tampa, FL", "June 10 -- Credit Union Amphitheatre, Tampa, FL",
             "June 14 -- Bridgestone Arena, Nashville, TN"]  # fmt: skip
    texts = ["Home", "Council passes budget after long debate", LEAD, *PROSE, *dates]
    got = _labelled(texts, [0.01, 0.05, LEAD_MIN_PROBABILITY, *[0.9] * 4, *[0.1] * 3])
    assert got[2][1].startswith("context:lead:")
    assert [reason for _, reason in got[-3:]] == ["shape:date-list"] * 3


@pytest.mark.parametrize("markup", ["* * *", "---|---|---", ">", "**", "…"])
def test_line_without_words_is_never_kept(markup: str) -> None:
    got = _labelled(
        ["Council passes budget after long debate", PROSE[0], markup, *PROSE[1:]], [0.05, 0.9, 0.9, 0.9, 0.9, 0.9]
    )
    assert got[2] == ("boilerplate", "shape:no-words")
    assert [label for label, _ in got[3:]] == ["body"] * 3


def test_repeated_lines_without_words_are_ornaments_not_captions() -> None:
    texts = ["Council passes budget after long debate", PROSE[0], "*", "*", *PROSE[1:]]
    got = _labelled(texts, [0.05, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9])
    assert got[2] == got[3] == ("boilerplate", "shape:no-words")


def test_an_ornament_does_not_make_the_lead_a_standfirst() -> None:
    texts = ["Council passes budget after long debate", PROSE[0], "* * *", *PROSE[1:]]
    got = _labelled(texts, [0.05, 0.9, 0.9, 0.9, 0.9, 0.9])
    assert got[1] == ("body", "model:0.90")
    texts[2] = "Photo: Jane Doe"  # a caption does
    assert _labelled(texts, [0.05, 0.9, 0.9, 0.9, 0.9, 0.9])[1] == ("standfirst", "field:standfirst")


def test_a_text_browser_dump_loses_its_link_numbers_and_link_list() -> None:
    numbered = [sentence.replace(" the ", f" [{k}]the ", 1) for k, sentence in enumerate(PROSE, 1)]
    targets = [f"{k}. https://example.org/{k}" for k in range(1, 200)]
    doc = clean("\n\n".join([*numbered, "References", *targets]))
    assert doc.text == "\n\n".join(PROSE)
    listed = [line for line in doc.lines if line.text == "References" or line.text in targets]
    assert len(listed) == len(targets) + 1
    assert {(line.label, line.reason) for line in listed} == {(Label.BOILERPLATE, "shape:link-list")}


@pytest.mark.parametrize(
    ("text", "terminal"),
    [
        ("Er sagte: „Ich boxe sie alle!“", True),  # German closing quotes
        ("„Das war es.“ Dann ging er. ‚Nein.‘", True),
        ("He said: “It is over.”", True),
        ("Ils ont dit : « C'est fini. »", True),  # a space before the French closing mark
        ("The page said “", False),  # an opening quote alone ends nothing
    ],
)
def test_a_sentence_may_end_in_any_closing_quote(text: str, terminal: bool) -> None:
    assert line_features(text, text, stopwords("de"), default_lexicon()).terminal is terminal


@pytest.mark.parametrize("bullet", ["o", "*", "+", "•"])
def test_the_headline_field_leaves_a_converters_list_bullet_out(bullet: str) -> None:
    """inscriptis writes a third-level list item as "o Item": the title field is the headline's words only."""
    text = (
        f"Home\nNews\n{bullet} Council approves new budget after a long debate\n\n"
        "The city council approved the new budget on Monday after a debate that lasted more than six hours.\n"
        "The plan raises spending on schools and roads, and it cuts the cost of the annual festival by a third.\n"
    )
    doc = clean(text)
    assert doc.title == "Council approves new budget after a long debate"
    assert [line.text for line in doc.lines if line.label is Label.TITLE] == [
        f"{bullet} Council approves new budget after a long debate"
    ]


@pytest.mark.parametrize(
    ("line", "bullet"),
    [
        ("* Item", True),
        ("+ Item", True),
        ("- Item", True),
        ("3. Item", True),
        ("o Third-level item", True),  # inscriptis
        ("o que fazer agora", False),  # a sentence opening with Portuguese "o"
        ("-5 degrees tonight", False),
        ("Ordinary line", False),
    ],
)
def test_list_bullets_of_converters(line: str, bullet: bool) -> None:
    assert line_features(line, line, stopwords("en"), default_lexicon()).bullet is bullet


def _flat(texts: list[str]) -> list[Line]:
    return [Line(1, text, text) for text in texts]


@pytest.mark.parametrize(("prose", "moved"), [(HEADLINE_COPY_MAX_PROSE, True), (HEADLINE_COPY_MAX_PROSE + 1, False)])
def test_a_flat_line_s_title_chosen_as_headline_stands_at_its_copy(prose: int, moved: bool) -> None:
    """The <title> opens a flat line and the headline repeats it under the
    menu: the headline is the copy, unless the article's prose comes
    between the two (a copy in a teaser or share link below it)."""
    lines = _flat(["Rents rise", "Home News", *["The mayor spoke."] * prose, "Rents rise", "Rents rose."])
    flags = [False, False, *[True] * prose, False, True]
    assert _headline_copy(lines, 0, _split_parts(lines), flags) == (prose + 2 if moved else 0)


def test_only_the_opening_of_a_flat_line_moves_to_its_copy() -> None:
    lines = _flat(["Home", "Rents rise", "News", "Rents rise", "Rents rose."])
    assert _headline_copy(lines, 1, _split_parts(lines), [False] * 5) == 1
    lines = [Line(number, text, text) for number, text in [(1, "Rents rise"), (2, "Rents rise"), (2, "Rents rose.")]]
    assert _headline_copy(lines, 0, _split_parts(lines), [False] * 3) == 0


def test_parts_of_one_input_line_are_split_parts() -> None:
    """A flat or glued line split into sentences: its parts share its number, and none is a dek."""
    lines = [Line(1, "Headline", "Headline"), Line(2, "A b.", "A b."), Line(2, "C d", "C d"), Line(3, "E", "E")]
    assert _split_parts(lines) == frozenset({1, 2})


def test_an_extracted_article_loses_only_what_a_rule_names() -> None:
    """An extractor's output (``Options(extracted=True)``) keeps the short
    lines the whole-page model drops after the prose; the share bar still goes."""
    info = EXTRACTED_ARTICLE.splitlines()[-5:-2]  # the times, dates and ages under the show's name
    whole_page = clean(EXTRACTED_ARTICLE)
    assert not any(line in whole_page.text.splitlines() for line in info)  # the model's view: after the article
    doc = clean(EXTRACTED_ARTICLE, Options(extracted=True))
    assert doc.title == "A palace drama returns to the stage"
    assert all(line in doc.text.splitlines() for line in info)
    assert "Share this article" not in doc.text
    assert {line.reason for line in doc.lines if line.label.value == "body"} == {"extracted:paragraph"}
