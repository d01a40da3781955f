"""Word keys: the lower-case word sequences by which HTML blocks, page lines and titles are compared.

- :func:`word_key`: a text's words (runs of letters, digits and ``_``), lower case, joined by
  single spaces.
- :func:`word_keys`: the same for many texts in one pass.
"""

from __future__ import annotations

import re

_TOKENS = re.compile(r"\w+")


def word_key(text: str) -> str:
    """A text as its lower-case word tokens joined by single spaces.

    >>> word_key("Rebels Take -- Key Town!")
    'rebels take key town'
    """
    return " ".join(_TOKENS.findall(text.lower()))


_NOT_WORD_NOR_BREAK = re.compile(r"[^\w\n]+")


def word_keys(texts: list[str]) -> list[str]:
    """:func:`word_key` of each of ``texts``, in one pass over their joined text instead
    of a pass each (a page has hundreds of lines); a pass each when one holds a line
    break (the joined text then has more lines than ``texts``).

    >>> texts = ["Rebels take -- key town!", "", "ΟΔΟΣ  Σ"]
    >>> word_keys(texts) == [word_key(text) for text in texts]
    True
    >>> word_keys(["two\\nlines", "one"])
    ['two lines', 'one']
    """
    if not texts:
        return []
    keys = [part.strip(" ") for part in _NOT_WORD_NOR_BREAK.sub(" ", "\n".join(texts).lower()).split("\n")]
    return keys if len(keys) == len(texts) else [word_key(text) for text in texts]
