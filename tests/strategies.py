"""Hypothesis strategies that build article-like documents with furniture and garbage."""

import json

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


# ---------------------------------------------------------------- hostile inputs for the readers and the command

#: Lines that are not prose: right-to-left and CJK text (no spaces), emoji and
#: combining marks, controls, lone surrogates, odd line breaks.
ODD_LINES = [
    "الحكومة أعلنت يوم الاثنين عن خطة جديدة للمياه في المدينة.",
    "הממשלה הודיעה ביום שני על תוכנית חדשה.",
    "政府は月曜日に新しい予算案を発表した。市議会は長い議論の末に承認した。",
    "市议会周一在长时间辩论后批准了新预算，官员表示。",
    "👩‍👩‍👧‍👦 🇺🇦 ✊🏽 Family news 🎉",
    "e\u0301 a\u0308 n\u0303 Zalgo t\u0336\u0353e\u0489x\u0337t",
    "\u202eevil override\u202c and \u2066isolate\u2069",
    "\x00\x01\x1b[31m red \x7f\x85",
    "tab\there\u00a0nbsp\u3000ideographic space",
    "\ufeffBOM inside",
    "\u2028line separator\u2029paragraph separator",
    "lone CR\rin the middle\r\nand CRLF",
    "Tom &amp;amp; Jerry&#8217;s &#10;&#12;&#x2028;&#0;&#xD800;&#x110000;&bogus;&nbspx; &lt;show&gt;",
]

#: Markup that breaks parsers: deep nesting, huge attributes, unclosed and stray tags, comments, entities.
HTML_GARBAGE = [
    "<div>" * 300 + "deep" + "</div>" * 10,
    '<p title="' + "a" * 5000 + '">long attribute</p>',
    "<p>unclosed <b>bold <i>italic",
    "</div></div></body></html>",
    "<!-- unclosed comment",
    "<script>document.write('<p>x</p>')</script>",
    "&nbsp;&amp;&#0;&#xD800;&#x110000;&bogus;",
    "<![CDATA[ cdata ]]>",
    "<table><tr><td>cell<td>cell</table>",
    "<svg><foreignObject><p>inside svg</p></foreignObject></svg>",
    '<meta charset="shift_jis">',
    "<?xml version='1.0' encoding='latin-1'?>",
]


@st.composite
def hostile_documents(draw: st.DrawFn) -> str:
    """An article with odd lines (scripts, emoji, controls, breaks) mixed into it."""
    lines = draw(documents()).split("\n")
    for _ in range(draw(st.integers(0, 4))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(ODD_LINES) | garbage))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A page around an article, with garbage markup injected between its blocks."""
    blocks = [f"<p>{line}</p>" for line in draw(hostile_documents()).splitlines() if line.strip()]
    for _ in range(draw(st.integers(0, 3))):
        blocks.insert(draw(st.integers(0, len(blocks))), draw(st.sampled_from(HTML_GARBAGE)))
    title = draw(st.sampled_from(["", "<title>Council approves budget | Herald</title>"]))
    return f"<!DOCTYPE html><html><head>{title}</head><body><article>{''.join(blocks)}</article></body></html>"


def _encode(text: str, codec: str) -> bytes:
    return text.encode(codec, errors="surrogatepass" if codec.startswith("utf") else "replace")


@st.composite
def document_bytes(draw: st.DrawFn) -> bytes:
    """One document as bytes: in some encoding (BOM or not), or raw binary, or a mix."""
    text = draw(hostile_documents() | html_pages() | st.text())
    codec = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "shift_jis"]))
    data = _encode(text, codec)
    if draw(st.integers(0, 4)) == 0:  # a splice of binary garbage or another encoding
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=64) | st.just(_encode(text[:40], "cp1252"))) + data[at:]
    return data


json_ids = st.none() | st.integers() | st.floats() | st.text(max_size=10) | st.lists(st.integers(), max_size=2)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    """One JSONL line: a record (text or html, of any type, with or without id), a non-object, or garbage."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.binary(max_size=80)).replace(b"\n", b" ")
    if kind == 1:
        return json.dumps(draw(json_values)).encode()
    record: dict[str, object] = {}
    if draw(st.booleans()):
        record["id"] = draw(json_ids)
    field = draw(st.sampled_from(["text", "text", "html", "body"]))
    record[field] = draw(hostile_documents() | html_pages() | st.text() | json_values)
    line = json.dumps(record, ensure_ascii=draw(st.booleans()))
    if kind == 2:  # a lone surrogate escape in the text
        line = line.replace('"text": "', '"text": "\\ud800', 1)
    return line.encode("utf-8", errors="surrogatepass")


#: Whole inputs for the command: JSONL streams, form-feed separated documents, or anything.
cli_inputs = (
    st.lists(jsonl_lines(), min_size=1, max_size=6).map(lambda lines: b"\n".join(lines) + b"\n")
    | st.lists(document_bytes(), min_size=1, max_size=4).map(lambda docs: b"\f".join(docs))
    | st.binary(max_size=300)
)
