"""Bylines: the author's name in a line of the page.

A byline opens with a lead word ("By", "Von", "Par" …), perhaps after a role
("Written by") and after a date ("4.02.2022 par Bob Fischer"), and the name
follows: capitalized words and the joiners of names. Pages put more on the
line: a separator and a date, a category, a reading time ("Von Jan Kupitz |
Oct 24, 2023 | Zuletzt geändert …"), so the line is read part by part, and
a date, an e-mail address, a web address or a word that ends a name
("Updated", "in") ends the name inside a part, also when the converter
glued it to the name ("Korin MillerPublished: …"). A name holding a label
word ("By Role", "By Event Type", "No Comments") is none. A line may also be a
lead alone ("By", the name on the next line), a name alone ("Andrew King")
or the author's job ("Chefredakteur"): which of those is the byline, the
classifier decides from where they stand (``cleaner.classifying``). The
words are in ``data/bylines.json``, checked when loaded.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from .datafiles import alternation, load_data, require_string_lists
from .dates import date_pattern
from .features import first_word, without_bullet
from .language import UNDETERMINED, function_words, month_words

#: A name alone on a line ("Andrew King", "Dylan Bailey, MS, RD", "Anna Schmidt 19.10.2019")
#: has at most this many words before its first comma, and at least two: one capitalized word
#: is as often a section, a weekday or a label ("Travel", "Tuesday", "Updated") on the dev pages.
BARE_NAME_MAX_WORDS = 4
#: A line that gives the author's job ("Senior Staff Writer, Politics") has at most this many words.
ROLE_MAX_WORDS = 6
#: A name has at most this many tokens (words, joiners and commas): "By Bassem Mroue,
#: Associated Press" has 5; a longer run of capitalized words is a title or a menu.
NAME_MAX_TOKENS = 14

#: The keys of ``Bylines.leads_by_language`` besides the languages': every lead, and the
#: leads of every language.
ALL_LEADS = "*"
ANY_LANGUAGE = ""
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")

_NAME_TOKEN = re.compile(r"[\w'’.&|,–—-]+")
# The separators between the parts of a line: "|", the middle dots ("·", "•", "∙", "⋅", "‧",
# "・"), an em dash, "/" and a spaced dash (a name holds a hyphen: "Müller-Lüdenscheidt").
_PARTS = re.compile(r"\s*[|·•∙⋅‧・—]\s*|\s[–-]\s|\s/\s")
_EMAIL_OR_URL = r"\S+@\S+|https?://\S+|www\.\S+"
_CLOCK = r"\d{1,2}:\d{2}(?:\s*(?:am|pm|uhr|h))?"
_TRAILING_COUNT = re.compile(r"(?:\s+\d{1,2})+\s*$")
# the links of a list as a text dump writes them: "Books , Kit Reviews , News"
_LINK_LIST = " , "
# a seam where the converter glued two words: a capital after four lower-case letters
# ("ChecklistsJust"); a name's capital comes sooner ("McNally", "DeSantis"), and a name
# holds at most one such seam ("Mark SubbaRao", "DianaHR Team", "Mark HelfrichTeilen")
_GLUED_SEAM = re.compile(r"[a-zß-ÿ]{4}[A-ZÀ-Þ]")


class BylineError(ValueError):
    """The packaged byline words (``data/bylines.json``) are not valid."""


class Leads(NamedTuple):
    """The patterns of the lead words one language's bylines open with."""

    #: Any lead word in the line, a cheap first test.
    gate: re.Pattern[str]
    #: A lead (after a role: "Written by") and the space before the name.
    lead: re.Pattern[str]
    #: A lead alone on its line ("By", "Autorin:").
    alone: re.Pattern[str]


class Bylines(NamedTuple):
    """The patterns a byline line is read with (:func:`parse_bylines`)."""

    #: The leads by language (:meth:`leads`): a language's own leads and those of every
    #: language ("by"); ``ALL_LEADS`` holds every lead, for a page of unknown language.
    leads_by_language: dict[str, Leads]
    #: The leads that are nouns ("author", "Autor"), lower-cased: without a colon they open a
    #: byline only before a name of two words or more ("* Author Hub" is a menu's item).
    noun_leads: frozenset[str]
    date: re.Pattern[str]
    #: Words no name alone holds: month names, lead words, roles, the words that end a name
    #: ("Published Jun 4, 2025" is no name and a date) and label words.
    not_names: frozenset[str]
    #: Words that make a byline's name a label, a menu's facet or a job ("By Role", "By Event Type").
    labels: frozenset[str]
    leading_date: re.Pattern[str]
    name_end: re.Pattern[str]
    joiners: frozenset[str]
    job: re.Pattern[str]
    #: The third-person pronouns of a line about a person ("Maria is a growth analyst … Her
    #: expertise …"), case-sensitive: "Er" opens a German sentence, "ER" is a ward.
    pronoun: re.Pattern[str]
    #: A word that ends a name or a date glued to the name by the converter ("Korin
    #: MillerPublished: Jan 29, 2025", "Conor AllisonJanuary 14, 2026").
    glued_end: re.Pattern[str]
    #: Common first names, lower-cased (``given_names``).
    given: frozenset[str]
    #: The function words of ``data/languages.json`` of three letters or more that are no
    #: joiners of names: after its first word a name alone holds none ("Reply With Quote").
    function_words: frozenset[str]
    #: A word of ``name_ends`` longer than a particle ("Updated", "Zuletzt"), where a name
    #: alone ends: "in" and "on" as often go on with a headline ("Mac Pro Shipping in December").
    word_end: re.Pattern[str]

    def leads(self, lang: str | None = None) -> Leads:
        """The leads a byline of a page in ``lang`` opens with: those of every language ("by",
        "author") and the language's own ("von", "door"); every lead when the language is
        not known (None or ``und``). A lead of another language is a word of the page's own
        more often than a byline ("Door Locks & Smart Locks", "AV Scripts" on English pages)."""
        if lang is None or lang == UNDETERMINED:
            return self.leads_by_language[ALL_LEADS]
        return self.leads_by_language.get(lang, self.leads_by_language[ANY_LANGUAGE])

    def name(self, text: str, lang: str | None = None) -> str | None:
        """The name of the byline ``text`` on a page in ``lang``, or None when it is no byline.
        A lead of another language opens one only before a first name: a site's theme writes
        its own language's lead ("4.02.2022 par Bob Fischer" on a German page), and a page's
        language may be misread."""
        text = without_bullet(text.strip())
        every = self.leads_by_language[ALL_LEADS]
        if every.gate.search(text) is None:
            return None
        own = self.leads(lang)
        if own is every:
            return self._name(text, every)
        if own.gate.search(text) is not None and (name := self._name(text, own)) is not None:
            return name
        name = self._name(text, every)
        return name if name is not None and self.is_given_name(name.split()[0]) else None

    def _name(self, text: str, leads: Leads) -> str | None:
        for part in _PARTS.split(text):
            while (date := self.leading_date.match(part)) is not None:
                part = part[date.end() :]
            lead = leads.lead.match(part)
            if lead is None:
                continue
            name = part[lead.end() :]
            if self.date.match(name) is not None:  # "Written By Feb 11, 2019": a date where the name goes
                return None
            ends = [found.start() for found in (self.name_end.search(name), self.glued_end.search(name)) if found]
            words = name[: min(ends, default=len(name))].strip(" ,;:–—-").split(" ")
            # "David at | December 16", "Erin Spain 4 Comments"
            while words and (words[-1].lower() in self.joiners or words[-1].isdigit()):
                words.pop()
            name = " ".join(words).strip(" ,;:–—-")
            if any(word.lower() in self.labels for word in name.split(",", 1)[0].split()):
                return None
            said = lead.group(0)
            if ":" not in said and said.split()[-1].lower() in self.noun_leads and len(name.split()) < 2:
                return None
            return name if _is_name(name, self.joiners) else None
        return None

    def is_lead_alone(self, text: str, lang: str | None = None) -> bool:
        """A lead without its name ("By", "Written by:"): converters put the name on the next line.
        "de", "author" and the other ``fragment_leads`` only with a colon ("Autorin:"): without
        one they as often end a fragment before a link."""
        return self.leads(lang).alone.fullmatch(without_bullet(text.strip())) is not None

    def is_bio(self, text: str, name: str) -> bool:
        """``text`` is about the person of the name alone ``name``: it opens with the name's
        first word and has a person's pronoun ("Lauren Vetter is a growth-focused marketing
        professional … her work …", "Maria is a growth analyst … Her expertise …"). A product
        under its name ("Apache Spark is designed for …") has no such pronoun; a section under
        its heading that speaks of someone seldom opens with the heading's first word, and an
        article names a person it quotes by the last ("Luccioni recently helped …")."""
        return first_word(text) == name.split()[0] and self.pronoun.search(text) is not None

    def is_given_name(self, word: str) -> bool:
        """``word`` is a common first name ("Julian", "Jürgen", "Małgorzata")."""
        return word.lower() in self.given

    def is_role_line(self, text: str) -> bool:
        """A short line that gives a job ("Chefredakteur", "Contributing Writer"): under a
        name alone, the author's."""
        return len(text.split()) <= ROLE_MAX_WORDS and self.job.search(text) is not None

    def bare_name(self, text: str) -> str | None:
        """The name of a line that holds a name and nothing else, or a name with dates and
        counts around it ("Andrew King", "* Taya Iv", "Dylan Bailey, MS, RD", "Susan Miller
        December 9, 2024", "Dec 17, 2025 Julian K. Arni", "Helmut Rubik 0"): the first part of the
        line that is not only a date, cut where a date or a word that ends a name starts
        ("Evgenia Karp Zuletzt geändert am 06.11.2023").

        Such a line is a byline only where the page's header puts one: the caller decides.
        """
        dated = False
        for part in _PARTS.split(without_bullet(text.strip())):
            # the dates before the name are parts or a part's start: "Dec 17, 2025 Julian K. Arni"
            while (date := self.leading_date.match(part)) is not None:
                part, dated = part[date.end() :], True
            if part.strip():
                break
        else:
            return None
        # after a date, a site puts its section as often as its author ("21.01.2022 Aktuelle
        # Meldung"), and the author's tags after the name ("Tony Carter All , Books , News"):
        # a first name tells the author
        if dated and (_LINK_LIST in part or not self.is_given_name(part.split(maxsplit=1)[0])):
            return None
        ends = [found.start() for end in (self.date, self.word_end, self.glued_end) if (found := end.search(part))]
        # "Helmut Rubik 0": a comment count after the name ("Wine Basics 101" is no name)
        name = _TRAILING_COUNT.sub("", part[: min(ends, default=len(part))]).strip(" ,;:")
        words = name.split(",", 1)[0].split()
        if not 2 <= len(words) <= BARE_NAME_MAX_WORDS or any(w.lower() in self.function_words for w in words[1:]):
            return None
        if all(len(word) < 3 for word in words):  # a language switch: "DE FR IT EN"
            return None
        if len(_GLUED_SEAM.findall(name)) > 1:  # links run together: "Wedding ChecklistsJust EngagedWedding"
            return None
        for word in words:
            letters = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
            if not (letters.isalpha() and word[0].isupper()) or word.lower().rstrip(".") in self.not_names:
                return None
        return name


def _compile(data: object) -> Bylines:
    source = "data/bylines.json"
    words = (
        "leads",
        "fragment_leads",
        "noun_leads",
        "roles",
        "joiners",
        "name_ends",
        "particles",
        "job_titles",
        "label_words",
        "pronouns",
    )
    lists = (
        *words,
        "counter_examples",
        "role_examples",
        "role_counter_examples",
        "bare_name_counter_examples",
        "given_name_counter_examples",
    )
    require_string_lists(data, lists, source, BylineError)
    assert isinstance(data, dict)
    roles, ends = alternation(data["roles"]), alternation(data["name_ends"])
    for key, what in (("fragment_leads", "fragment lead"), ("noun_leads", "noun lead")):
        if not set(data[key]) <= set(data["leads"]):
            raise BylineError(f"{source}: every {what} must be a lead")
    date = rf"(?:{date_pattern()}|{_CLOCK})"
    particles = {word.lower() for word in data["particles"]}
    lower_ends = [word for word in data["name_ends"] if word in particles]
    any_case_ends = [word for word in data["name_ends"] if word not in particles]
    glued = alternation({w.capitalize() for w in (*data["name_ends"], *month_words()) if len(w) > 2})
    return Bylines(
        leads_by_language=_leads_by_language(data, roles),
        noun_leads=frozenset(word.lower() for word in data["noun_leads"]),
        date=re.compile(date, re.IGNORECASE),
        not_names=month_words()
        | {w.lower() for key in ("leads", "roles", "name_ends", "label_words") for w in data[key]},
        labels=frozenset(word.lower() for word in data["label_words"]),
        leading_date=re.compile(rf"(?:(?:{ends})\s+)?{date}[\s,]*", re.IGNORECASE),
        # a name end that is a particle only in lower case: "Loïc Le Clerc", but "von Fatima le 3 mai"
        name_end=re.compile(
            rf"\s(?:(?i:{alternation(any_case_ends)})(?![^\W\d_])|(?:{alternation(lower_ends)})(?![^\W\d_])"
            rf"|(?i:{date}|{_EMAIL_OR_URL}))"
        ),
        joiners=frozenset(word.lower() for word in data["joiners"]),
        pronoun=re.compile(rf"(?<![^\W\d_])(?:{alternation(data['pronouns'])})(?![^\W\d_])"),
        # a compound's end counts ("Wirtschaftsredakteurin"), as does a plural; a possessive does
        # not ("Editor's Picks")
        glued_end=re.compile(rf"(?<=[a-zß-ÿ])(?:{glued})(?![a-zß-ÿ])"),
        given=_given_names(data.get("given_names"), data["given_name_counter_examples"]),
        # of three letters or more: "Ma", "Do" and "Li" are surnames as often
        function_words=frozenset(w for w in function_words() if len(w) > 2) - {w.lower() for w in data["joiners"]},
        word_end=re.compile(rf"\s(?i:{alternation(w for w in data['name_ends'] if len(w) > 2)})(?![^\W\d_])"),
        job=re.compile(rf"(?:{alternation(data['job_titles'])})s?(?![^\W\d_]|['’])", re.IGNORECASE),
    )


def _leads_by_language(data: dict[str, Any], roles: str) -> dict[str, Leads]:
    """``Bylines.leads_by_language`` of ``data``: its ``lead_languages`` give the languages of
    a lead (space-separated codes, as :mod:`cleaner.language` names them); a lead not named
    there opens a byline in every language."""
    source = "data/bylines.json"
    languages = data.get("lead_languages")
    if not isinstance(languages, dict) or not all(isinstance(codes, str) for codes in languages.values()):
        raise BylineError(f"{source}: 'lead_languages' must map leads to space-separated language codes")
    if unknown := set(languages) - set(data["leads"]):
        raise BylineError(f"{source}: 'lead_languages' names words that are no leads: {sorted(unknown)}")
    of_lead = {lead: languages[lead].split() if lead in languages else None for lead in data["leads"]}
    codes = {code for found in of_lead.values() for code in found or ()}
    if bad := sorted(code for code in codes if not _LANGUAGE_CODE.fullmatch(code)):
        raise BylineError(f"{source}: 'lead_languages' has codes that are no language codes: {bad}")
    fragments = set(data["fragment_leads"])

    def compiled(leads: list[str]) -> Leads:
        alternatives = alternation(leads)
        # alone on a line, a lead; a fragment lead only with its colon ("Autorin:")
        forms = [rf"(?:{alternation(sorted(set(leads) - fragments))})\s*:?"] if set(leads) - fragments else []
        if set(leads) & fragments:
            forms.append(rf"(?:{alternation(sorted(set(leads) & fragments))})\s*:")
        return Leads(
            gate=re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE),
            lead=re.compile(rf"(?:(?:{roles})\s+)?(?:{alternatives})\s*:?\s+(?=\S)", re.IGNORECASE),
            alone=re.compile(rf"(?:(?:{roles})\s+)?(?:{'|'.join(forms)})", re.IGNORECASE),
        )

    def of_language(code: str) -> list[str]:
        return [lead for lead, found in of_lead.items() if found is None or code in found]

    found = {code: compiled(of_language(code)) for code in sorted(codes)}
    return {**found, ALL_LEADS: compiled(list(of_lead)), ANY_LANGUAGE: compiled(of_language(ANY_LANGUAGE))}


def _given_names(names: object, counter_examples: list[str]) -> frozenset[str]:
    if not isinstance(names, dict) or not all(isinstance(value, str) for value in names.values()):
        raise BylineError("data/bylines.json: 'given_names' must map languages to space-separated names")
    words = [word for value in names.values() for word in value.split()]
    for word in words:
        if not (word[0].isupper() and word.replace("-", "").isalpha()):
            raise BylineError(f"data/bylines.json: given name {word!r} is no capitalized word")
    given = frozenset(word.lower() for word in words)
    for word in counter_examples:
        if word.lower() in given:
            raise BylineError(f"data/bylines.json: given-name counter-example {word!r} is a given name")
    return given


def _is_name(name: str, joiners: frozenset[str]) -> bool:
    tokens = _NAME_TOKEN.findall(name)
    if not tokens or len(tokens) > NAME_MAX_TOKENS:
        return False
    words = [t for t in tokens if t.lower() not in joiners and t[0].isalpha()]
    # the name opens with one of its words: "Door & Lid Assists" is a heading, not "door" and a name
    return bool(words) and words[0] == tokens[0] and all(w[0].isupper() for w in words)


def parse_bylines(data: object) -> Bylines:
    """The byline patterns of a ``data/bylines.json`` object, after checking its lists and examples."""
    bylines = _compile(data)
    assert isinstance(data, dict)
    for key, what, read in (
        ("examples", "example", bylines.name),
        ("bare_name_examples", "bare-name example", bylines.bare_name),
    ):
        examples = data.get(key)
        if not isinstance(examples, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair) for pair in examples
        ):
            raise BylineError(f"data/bylines.json: {key!r} must be a list of [line, name] pairs")
        for line, name in examples:
            got = read(line)
            if got != name:
                raise BylineError(f"data/bylines.json: {what} {line!r} gives {got!r}, not {name!r}")
    for key, what, read in (
        ("counter_examples", "counter-example", bylines.name),
        ("bare_name_counter_examples", "bare-name counter-example", bylines.bare_name),
    ):
        for line in data[key]:
            got = read(line)
            if got is not None:
                raise BylineError(f"data/bylines.json: {what} {line!r} gives the name {got!r}")
    for line in data["role_examples"]:
        if not bylines.is_role_line(line):
            raise BylineError(f"data/bylines.json: role example {line!r} is no role line")
    for line in data["role_counter_examples"]:
        if bylines.is_role_line(line):
            raise BylineError(f"data/bylines.json: role counter-example {line!r} is a role line")
    return bylines


@functools.cache
def packaged_bylines() -> Bylines:
    """The packaged byline patterns (``data/bylines.json``), loaded and checked once."""
    return parse_bylines(load_data("bylines.json"))


def byline_name(text: str, lang: str | None = None) -> str | None:
    """The name of a byline line ("By Jane Doe, AP" gives "Jane Doe, AP") on a page in ``lang``
    (None: of any language), or None.

    >>> byline_name("By Bassem Mroue, Associated Press")
    'Bassem Mroue, Associated Press'
    >>> byline_name("Von Jan Kupitz | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023")
    'Jan Kupitz'
    >>> byline_name("By the time we arrived, it was over.") is None
    True
    """
    return packaged_bylines().name(text, lang)
