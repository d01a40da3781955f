"""Hypothesis strategies that build article-like documents with furniture and garbage."""

from hypothesis import strategies as st

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "with",
    "as",
    "was",
    "by",
    "at",
    "from",
    "the",
    "government",
    "said",
    "officials",
    "rebels",
    "city",
    "forces",
    "province",
    "town",
    "people",
    "killed",
    "report",
    "week",
    "market",
    "prices",
    "rose",
    "council",
    "vote",
    "plan",
    "water",
    "school",
    "Die",
    "Regierung",
    "hat",
    "am",
    "Montag",
    "erklärt",
    "dass",
    "die",
    "Stadt",
    "le",
    "gouvernement",
    "a",
    "annoncé",
    "que",
    "la",
    "ville",
]

FURNITURE = [
    "Skip to main content",
    "Share:",
    "Share this article",
    "Facebook Twitter Email",
    "Donate today",
    "Tags",
    "Related stories",
    "More In Home",
    "Advertisement",
    "Subscribe",
    "Read more",
    "Home > News > World",
    "SOURCE: Reuters and agencies",
    "© 2024 Some Paper",
    "Comments",
    "Menu",
    "Zum Inhalt springen",
    "Partager",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=30))
    words[0] = words[0].capitalize()
    return " ".join(words) + draw(st.sampled_from([".", ".", "?", "!", ""]))


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


garbage = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(["\u00a0", "\u200b", "\r", "\t", "\x00"]),
    max_size=40,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """An article: optional furniture head, headline, paragraphs with injected furniture/garbage, tail."""
    blocks: list[str] = draw(st.lists(st.sampled_from(FURNITURE), max_size=3))
    if draw(st.booleans()):
        blocks.append(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=10))).title())
    for paragraph in draw(st.lists(paragraphs(), min_size=0, max_size=8)):
        blocks.append(paragraph)
        if draw(st.integers(0, 5)) == 0:
            blocks.append(draw(st.sampled_from(FURNITURE) | garbage))
    blocks += draw(st.lists(st.sampled_from(FURNITURE), max_size=3))
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \u00a0\n"]))
    return separator.join(blocks)
