"""Reading the ontology's and the patterns' tab-separated data files, with errors naming file and line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flashpoint.errors import DataFileError


def rows(path: Path, *, min_cols: int, max_cols: int) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_number, fields)`` for every data line; ``#`` lines and blanks are skipped.

    A line with too few or too many tab-separated fields raises DataFileError naming it.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(str(path), None, f"cannot read: {exc.strerror or exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.rstrip("\n").split("\t")]
        if not min_cols <= len(fields) <= max_cols:
            raise DataFileError(str(path), number,
                                f"expected {min_cols}-{max_cols} tab-separated fields, "
                                f"got {len(fields)}: {line!r}")
        yield number, fields


def parse_float(path: Path, line: int, value: str, what: str, low: float, high: float) -> float:
    """``value`` as a float in ``[low, high]``, or a DataFileError naming the field."""
    try:
        number = float(value)
    except ValueError:
        raise DataFileError(str(path), line, f"{what} {value!r} is not a number") from None
    if not low <= number <= high:
        raise DataFileError(str(path), line, f"{what} {number} is outside [{low}, {high}]")
    return number
