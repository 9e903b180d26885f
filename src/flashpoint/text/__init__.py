"""Text normalisation: repair of degraded text with offset maps back to the original."""

from flashpoint.text.offsets import OffsetMap
from flashpoint.text.repair import Repaired, repair_text

__all__ = ["OffsetMap", "Repaired", "repair_text"]
