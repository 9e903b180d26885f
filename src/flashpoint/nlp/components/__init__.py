"""Flashpoint's spaCy components. Importing this package registers their factories."""

from flashpoint.nlp.components import actors, events, paragraphs, places, quotes  # noqa: F401
