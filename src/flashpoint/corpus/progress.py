"""The Rich progress bar (articles/s and ETA) and the final summary table."""

from __future__ import annotations

from contextlib import contextmanager

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second over Rich's moving window."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:5.1f} art/s" if speed else "  ... art/s", style="cyan")


class NullProgress:
    """Same calls as the Rich wrapper, drawing nothing (``--quiet``, library use, tests)."""

    def start(self, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass


class RichProgress:
    def __init__(self, console: Console) -> None:
        self._progress = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                  RateColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                  TimeElapsedColumn(), console=console, transient=False)
        self._task = None

    def start(self, total: int) -> None:
        self._task = self._progress.add_task("ingest", total=total)

    def advance(self, n: int) -> None:
        self._progress.advance(self._task, n)

    @contextmanager
    def running(self):
        with self._progress:
            yield self


def summary_table(summary) -> Table:
    table = Table(title="flashpoint ingest", show_header=False)
    table.add_row("articles read", str(summary.read))
    table.add_row("stored", str(summary.stored))
    table.add_row("already stored (skipped)", str(summary.skipped))
    table.add_row("failed", str(summary.failed))
    table.add_row("events", str(sum(summary.events_by_root.values())))
    for root, n in sorted(summary.events_by_root.items()):
        table.add_row(f"  root {root}", str(n))
    table.add_row("event clusters (store)", str(summary.clusters))
    table.add_row("time", f"{summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
    return table
