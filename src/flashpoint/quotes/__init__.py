"""Quotes and sources: who said what, named or anonymous, with or without quotation marks.

``find_quotes(doc)`` returns :class:`flashpoint.schema.Quote` records for a parsed Doc (the
``flashpoint_quotes`` component calls it). Three finders run in order, each skipping text an
earlier one claimed: quote marks (:mod:`.marks`), sentences attributed without marks
("<words>, X said."), and reported speech ("X said that ...", "according to X"). Speakers are
resolved to the mention that introduced them (:mod:`.speakers`).
"""

from flashpoint.quotes.finder import find_quotes
from flashpoint.quotes.lexicon import Lexicon, default_lexicon, load_lexicon

__all__ = ["Lexicon", "default_lexicon", "find_quotes", "load_lexicon"]
