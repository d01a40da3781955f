"""cleaner: turn scraped web articles into clean, normalized documents.

>>> from cleaner import clean
>>> doc = clean("Share:\\n\\nThe council approved the budget on Monday after a long debate.")
>>> doc.text
'The council approved the budget on Monday after a long debate.'
"""

import logging

from .corpus import CorpusOptions
from .document import Document, Label, Line
from .pipeline import Options, RecordError, clean, clean_stream, clean_text

__all__ = [
    "CorpusOptions",
    "Document",
    "Label",
    "Line",
    "Options",
    "RecordError",
    "clean",
    "clean_stream",
    "clean_text",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
