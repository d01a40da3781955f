"""Byline lines and their names (cleaner.bylines, data/bylines.json)."""

from __future__ import annotations

import pytest

from cleaner import Options, clean
from cleaner.bylines import NAME_MAX_TOKENS, BylineError, byline_name, packaged_bylines, parse_bylines
from cleaner.classifying import (
    AUTHOR_BIO_MIN_WORDS,
    AUTHOR_BIO_NEAR,
    BYLINE_DATE_NEAR,
    BYLINE_LIST_NEAR,
    BYLINE_REPEAT_NEAR,
)
from cleaner.document import Label

from .samples import PARAGRAPHS


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("By Bassem Mroue, Associated Press", "Bassem Mroue, Associated Press"),
        ("by Our Foreign Desk", "Our Foreign Desk"),
        ("Von Anna van der Berg", "Anna van der Berg"),
        # a bullet, a role and a colon before the name
        ("* Written by: Philip Stefanov", "Philip Stefanov"),
        ("o Posted by Jane Doe", "Jane Doe"),
        # what follows a separator is not the name's
        ("by Jason Rostar | SEO | 8 min Read", "Jason Rostar"),
        ("By Scott Levine – Updated Sep 9, 2025", "Scott Levine"),
        ("29. Juni 2017, 23:39 · von Tobi", "Tobi"),
        ("by Jacob Trussell—10 min read", "Jacob Trussell"),
        ("Von Hans Müller-Lüdenscheidt", "Hans Müller-Lüdenscheidt"),
        # a date before the lead word
        ("4.02.2022 par Bob Fischer", "Bob Fischer"),
        ("22. Dezember 2019 22. Dezember 2019 von Peter Addor", "Peter Addor"),
        # a date, an address or a word that ends a name
        ("Posted by Jane Doe on March 3, 2024", "Jane Doe"),
        ("Posted by David at December 16, 2025 11:15 AM", "David"),
        # a photographer's credit is a caption's; a name opens with a word
        ("Photo by Kaitlin Green", None),
        ("Door & Lid Assists & Holders", None),
        ("Von Anna Schmidt 19.10.2019, 05:00 Uhr", "Anna Schmidt"),
        ("Por Mariano Martín mmartin@ambito.com.ar", "Mariano Martín"),
        ("6. Dezember 2022 von Fatima in Gefühle, Popkultur", "Fatima"),
        # prose, numbers and words that only start like a lead
        ("By the time we arrived it was over", None),
        ("By 2030 the city will have grown", None),
        ("By Monday the bridge will reopen", None),
        ("Bypass closed for repairs", None),
        ("De nombreux habitants ont fui la ville", None),
        ("Ein Interview von Eugen Zentner mit Sonja Silberhorn.", None),
        ("Posted in News", None),
        ("Updated 3 hours ago", None),
        ("", None),
        # a menu's facets and labels: a label word in the name before its first comma
        ("By Role", None),
        ("* By Event Type", None),
        ("By Jane Doe, Marketing Director", "Jane Doe, Marketing Director"),
        # a particle ends a name only in lower case; "Kommentare" ends one
        ("Accueil | Par Loïc Le Clerc | 30 septembre 2018", "Loïc Le Clerc"),
        ("Par Jean Dupont le 3 mai 2020", "Jean Dupont"),
        ("Von Anna Schmidt 4 Kommentare", "Anna Schmidt"),
    ],
)
def test_byline_names(text: str, name: str | None) -> None:
    assert byline_name(text) == name


@pytest.mark.parametrize(("tokens", "is_name"), [(NAME_MAX_TOKENS, True), (NAME_MAX_TOKENS + 1, False)])
def test_name_length_edge(tokens: int, is_name: bool) -> None:
    assert (byline_name("By " + " ".join(["Anna"] * tokens)) is not None) is is_name


def _data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "leads": ["by"],
        "fragment_leads": [],
        "noun_leads": [],
        "lead_languages": {},
        "roles": ["written"],
        "joiners": ["and"],
        "name_ends": ["updated"],
        "particles": [],
        "examples": [["Written by Jane Doe", "Jane Doe"]],
        "counter_examples": ["By the way"],
        "job_titles": ["editor"],
        "role_examples": ["Senior Editor"],
        "role_counter_examples": ["Editor's Picks"],
        "label_words": ["comments"],
        "bare_name_examples": [["Jane Doe", "Jane Doe"]],
        "bare_name_counter_examples": ["No Comments"],
        "pronouns": ["he", "she"],
        "given_names": {"en": "Jane Anna"},
        "given_name_counter_examples": ["Travel"],
    }
    return {**data, **changes}


def test_a_valid_data_set_reads_its_own_words() -> None:
    bylines = parse_bylines(_data(leads=["door"], examples=[["Door Jan de Vries", "Jan de Vries"]], joiners=["de"]))
    assert bylines.name("door Anna Bakker") == "Anna Bakker"
    assert bylines.name("by Anna Bakker") is None


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        # a lead of the page's language, or of every language ("by")
        ("Door Jan de Vries", "nl", "Jan de Vries"),
        ("Von Anna Schmidt | 3. Mai 2020", "de", "Anna Schmidt"),
        ("Par Jean Dupont", "fr", "Jean Dupont"),
        ("By Anna Schmidt", "de", "Anna Schmidt"),
        ("By Anna Schmidt", "ja", "Anna Schmidt"),
        # a lead of another language is a word of the page's own ...
        ("Door Locks & Smart Locks", "en", None),
        ("* Door Straps", "en", None),
        ("AV Scripts", "en", None),
        ("Von Herzen Gern", "en", None),
        # ... but before a first name, a site's theme wrote it, or the page's language was misread
        ("4.02.2022 par Bob Fischer", "de", "Bob Fischer"),
        ("Von Thilo / 6. November 2023 / Keine Kommentare", "en", "Thilo"),
        # a page of unknown language: every lead
        ("Door Jan de Vries", "und", "Jan de Vries"),
        ("Door Jan de Vries", None, "Jan de Vries"),
    ],
)
def test_a_lead_opens_a_byline_in_its_own_languages(text: str, lang: str | None, name: str | None) -> None:
    assert byline_name(text, lang) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a noun lead without a colon: a name of two words or more ...
        ("Autor Mark Newton", "Mark Newton"),
        ("Author Jane Doe | March 3, 2024", "Jane Doe"),
        # ... one word is a menu's item; with a colon, a name
        ("* Author Hub", None),
        ("Author Guidelines", None),
        ("Author: Bo2man", "Bo2man"),
        ("By Tobi", "Tobi"),
    ],
)
def test_a_noun_lead_without_a_colon_needs_a_name_of_two_words(text: str, name: str | None) -> None:
    assert byline_name(text) == name


@pytest.mark.parametrize(
    ("text", "lang", "alone"),
    [("Door", "nl", True), ("Door", "en", False), ("Door", "und", True), ("By", "nl", True), ("Autorin:", "fr", False)],
)
def test_a_lead_alone_is_read_in_its_own_languages(text: str, lang: str, alone: bool) -> None:
    assert packaged_bylines().is_lead_alone(text, lang) is alone


def test_a_byline_under_a_headline_is_read_in_the_page_language() -> None:
    english = clean("\n\n".join([HEADLINE, "Door Locks & Smart Locks", *PROSE]))
    dutch = clean("\n\n".join([HEADLINE, "Door Jan de Vries", *PROSE]), Options(detect_language=False))
    assert english.lang == "en" and english.byline is None
    assert dutch.byline == "Jan de Vries"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_data(examples=[["Written by Jane Doe", "Jane"]]), "gives 'Jane Doe', not 'Jane'"),
        (_data(examples=[["Jane Doe"]]), "pairs"),
        (_data(counter_examples=["By Jane Doe"]), "counter-example 'By Jane Doe' gives the name 'Jane Doe'"),
        (_data(leads="by"), "must be a list of strings"),
        (_data(fragment_leads=["von"]), "every fragment lead must be a lead"),
        (_data(noun_leads=["author"]), "every noun lead must be a lead"),
        (_data(lead_languages={"von": "de"}), "names words that are no leads: \\['von'\\]"),
        (_data(lead_languages={"by": "English"}), "codes that are no language codes: \\['English'\\]"),
        (_data(lead_languages=["by"]), "must map leads to space-separated language codes"),
        (_data(role_examples=["Staff Writer"]), "role example 'Staff Writer' is no role line"),
        (_data(role_counter_examples=["Editors"]), "role counter-example 'Editors' is a role line"),
        (_data(bare_name_examples=[["No Comments", "No Comments"]]), "gives None, not 'No Comments'"),
        (_data(bare_name_counter_examples=["Key Features"]), "'Key Features' gives the name 'Key Features'"),
        (_data(label_words="comments"), "must be a list of strings"),
        (_data(particles=None), "must be a list of strings"),
        (_data(pronouns="she"), "must be a list of strings"),
        (_data(given_names=["Jane"]), "must map languages to space-separated names"),
        (_data(given_names={"en": "Jane anna"}), "given name 'anna' is no capitalized word"),
        (_data(given_name_counter_examples=["Jane"]), "counter-example 'Jane' is a given name"),
        ([], "must hold an object"),
    ],
)
def test_the_byline_words_are_validated_at_load(data: object, message: str) -> None:
    with pytest.raises(BylineError, match=message):
        parse_bylines(data)


PROSE = PARAGRAPHS[:4]
HEADLINE = "Council approves budget after long debate"


def _byline_of(*lines: str) -> tuple[str | None, list[str]]:
    doc = clean("\n\n".join(lines))
    return doc.byline, [line.text for line in doc.lines if line.label is Label.BYLINE]


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        (["Andrew King", "September 4, 2025"], "Andrew King"),
        (["* Taya Iv", "16 min read", "Last updated: August 19, 2025"], "Taya Iv"),
        (["Susan Miller December 9, 2024 0 Comments"], "Susan Miller"),
        (["Tuesday, December 9, 2024"], None),
        (["Published Jun 4, 2025"], None),
        (["Dylan Bailey, MS, RD", "Published Jun 4, 2025"], "Dylan Bailey, MS, RD"),
        # a lead alone, its name on the next line
        (["By", "Joanna Okedara"], "Joanna Okedara"),
        (["Written By", "Stephen Jesudunsin", "AI Writer"], "Stephen Jesudunsin"),
        # a name alone with the author's job under it
        (["Christoph Hein", "Chefredakteur", "ca. 8 Min."], "Christoph Hein"),
        (["Nicoletta Richardson", "Trending Editor"], "Nicoletta Richardson"),
        # a name alone with no date near it is no byline, unless it opens with a first name
        (["Key Takeaways"], None),
        (["Taya Iv"], None),
        (["Lisa Pham"], "Lisa Pham"),
        (["Lisa Pham, Reporter at Large"], None),
        # after a date, a first name tells an author from a section
        (["Dec 17, 2025 Julian K. Arni"], "Julian K. Arni"),
        (["21.01.2022 Aktuelle Meldung"], None),
        # a label or a job is no name alone, a date near it or not
        (["No Comments", "September 4, 2025"], None),
        (["Marketing Director", "September 4, 2025"], None),
    ],
)
def test_a_byline_in_the_header_under_the_headline(header: list[str], byline: str | None) -> None:
    got, labelled = _byline_of(HEADLINE, *header, *PROSE)
    assert got == byline
    assert (byline is None) is (not labelled)


@pytest.mark.parametrize(("gap", "found"), [(BYLINE_DATE_NEAR, True), (BYLINE_DATE_NEAR + 1, False)])
def test_the_date_near_a_name_alone_edge(gap: int, found: bool) -> None:
    fillers = ["Share", "Print", "Save", "Email"][: gap - 1]
    got, _ = _byline_of(HEADLINE, "Taya Iv", *fillers, "September 4, 2025", *PROSE)
    assert (got == "Taya Iv") is found


def test_the_header_byline_wins_over_a_menu_byline_above_it() -> None:
    menu = ["Solutions", "By Use Case", "Pricing", "Blog", "Contact", "Login"]
    got, labelled = _byline_of(*menu, HEADLINE, "By Jane Doe", "March 3, 2024", *PROSE)
    assert got == "Jane Doe"
    assert labelled == ["By Use Case", "By Jane Doe"]


def test_a_name_alone_above_the_headline_is_no_byline() -> None:
    got, _ = _byline_of("Travel Tips", "September 4, 2025", HEADLINE, *PROSE)
    assert got is None


@pytest.mark.parametrize(("gap", "found"), [(BYLINE_REPEAT_NEAR, True), (BYLINE_REPEAT_NEAR + 1, False)])
def test_a_byline_a_layout_repeats_is_no_list_edge(gap: int, found: bool) -> None:
    fillers = ["Schools get new roofs", "Roads to reopen"][: gap - 1]
    got, _ = _byline_of(HEADLINE, *PROSE, "By Tom Lee, Staff Writer", *fillers, "By Tom Lee")
    assert (got == "Tom Lee, Staff Writer") is found


BIO = "Lauren Vetter is a marketing writer based in Denver. She covers health technology."


@pytest.mark.parametrize(
    ("box", "byline"),
    [
        (["Lauren Vetter", BIO], "Lauren Vetter"),
        (["Lauren Vetter", "Marketing Writer", BIO], "Lauren Vetter"),
        # a person the article quotes, named by the last word
        (["Sasha Luccioni", "Luccioni recently helped launch a site. Her team tracks emissions."], None),
        # no pronoun: a product under its name
        (["Apache Spark", "Apache Spark is designed for datasets too big for one computer."], None),
        # the line does not open with the name: a section that speaks of someone
        (["Imagining The Culture", "An interview with an artist about his work on the Culture novels."], None),
    ],
)
def test_an_author_box_after_the_article_gives_the_byline(box: list[str], byline: str | None) -> None:
    got, labelled = _byline_of(HEADLINE, *PROSE, *box)
    assert got == byline
    assert labelled == ([box[0]] if byline else [])


@pytest.mark.parametrize(("gap", "found"), [(AUTHOR_BIO_NEAR, True), (AUTHOR_BIO_NEAR + 1, False)])
def test_the_bio_under_an_author_box_name_edge(gap: int, found: bool) -> None:
    fillers = ["Marketing Writer", "Denver", "Follow"][: gap - 1]
    got, _ = _byline_of(HEADLINE, *PROSE, "Lauren Vetter", *fillers, BIO)
    assert (got == "Lauren Vetter") is found


def test_a_first_name_alone_is_no_byline_where_the_headline_names_that_person() -> None:
    got, _ = _byline_of("Lisa Pham named editor of the Denver Post", "Lisa Pham", *PROSE)
    assert got is None


def test_a_first_name_alone_in_a_list_of_names_is_no_byline() -> None:
    got, _ = _byline_of(HEADLINE, "* Miss Katie", "* Maya Hansen", "* Bibian Blue", *PROSE)
    assert got is None


def test_an_author_box_wins_over_a_first_name_alone_in_the_header() -> None:
    got, _ = _byline_of(HEADLINE, "Maya Hansen", *PROSE, "Lauren Vetter", BIO)
    assert got == "Lauren Vetter"


@pytest.mark.parametrize(("words", "found"), [(AUTHOR_BIO_MIN_WORDS, True), (AUTHOR_BIO_MIN_WORDS - 1, False)])
def test_a_bio_is_a_sentence_edge(words: int, found: bool) -> None:
    bio = " ".join(["Lauren", "writes", "for", "her", "readers", "in", "Denver", "every", "week", "now"][:words])
    got, _ = _byline_of(HEADLINE, *PROSE, "Lauren Vetter", bio)
    assert (got == "Lauren Vetter") is found


def test_a_header_byline_wins_over_an_author_box() -> None:
    got, _ = _byline_of(HEADLINE, "By Jane Doe", *PROSE, "Lauren Vetter", BIO)
    assert got == "Jane Doe"


def test_a_name_in_the_article_is_no_byline() -> None:
    got, _ = _byline_of(HEADLINE, *PROSE[:2], "Andrew King", "September 4, 2025", *PROSE[2:])
    assert got is None


def test_of_two_names_alone_the_one_nearest_the_date_is_the_byline() -> None:
    got, labelled = _byline_of(HEADLINE, "Top Agencies", "Maria Mathioudaki", "October 11, 2024", *PROSE)
    assert (got, labelled) == ("Maria Mathioudaki", ["Maria Mathioudaki"])


PARK = "Memorial Park is home to the oldest mountain bike trails in the city, with ten miles of loops."


@pytest.mark.parametrize(
    ("headline", "header", "byline"),
    [
        # a name alone near a date is the byline ...
        (HEADLINE, ["December 19, 2025", "Memorial Park"], "Memorial Park"),
        (
            "Local Mountain Bike Trails",
            ["December 19, 2025", "Memorial Park", PARK.replace("Memorial Park", "The park")],
            "Memorial Park",
        ),
        # ... unless it names the article's subject: the headline holds it
        ("Digital Photo Frame App Makes Old Hardware Useful Again", ["December 19, 2025", "Digital Photo Frame"], None),
        # (the headline field's words: not its byline)
        ("Writing a Newsletter - by Engora Data", ["December 19, 2025", "Engora Data"], "Engora Data"),
        # or the next line opens with it, no line about a person
        ("Local Mountain Bike Trails", ["December 19, 2025", "Memorial Park", PARK], None),
        # (a layout's copy of the name, which holds a job, is no line about it)
        (HEADLINE, ["Paycom Blog Contributor", "Paycom Blog Contributor"], "Paycom Blog Contributor"),
        # a first name: a person's name, whatever follows it
        (
            HEADLINE,
            ["December 19, 2025", "Philipp Sarasin", "Philipp Sarasin lehrt Geschichte der Neuzeit in Zürich."],
            "Philipp Sarasin",
        ),
    ],
)
def test_a_name_alone_that_names_the_subject_is_no_byline(headline: str, header: list[str], byline: str | None) -> None:
    got, _ = _byline_of(headline, *header, *PROSE)
    assert got == byline


def test_a_lead_byline_in_the_header_wins_over_a_name_alone() -> None:
    got, _ = _byline_of(HEADLINE, "Travel Guides", "October 11, 2024", "By Jane Doe", *PROSE)
    assert got == "Jane Doe"


@pytest.mark.parametrize(("gap", "listed"), [(BYLINE_LIST_NEAR, True), (BYLINE_LIST_NEAR + 1, False)])
def test_bylines_a_few_lines_apart_outside_the_header_are_a_list(gap: int, listed: bool) -> None:
    teasers = ["More from the council", "Schools get new roofs", "By Anna Berg"]
    fillers = ["Roads to reopen", "Bridge works begin", "Parks plan", "Library hours", "Bus lanes"][: gap - 1]
    got, _ = _byline_of(HEADLINE, *PROSE, *teasers, *fillers, "By Tom Lee")
    assert (got is None) is listed
