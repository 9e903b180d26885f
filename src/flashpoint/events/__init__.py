"""Events: who did what to whom, coded in CAMEO and PLOVER, with modality and evidence."""

from flashpoint.events.coder import EventCoder
from flashpoint.events.patterns import PatternSet, load_patterns, load_patterns_from

__all__ = ["EventCoder", "PatternSet", "load_patterns", "load_patterns_from"]
