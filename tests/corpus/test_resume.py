"""Kill a real ``flashpoint ingest`` with SIGKILL at several moments, rerun, compare rows."""

import importlib.util
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("_fp_ingest_tests",
                                               Path(__file__).with_name("test_ingest.py"))
_ingest_tests = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ingest_tests)
content = _ingest_tests.content


def many_articles(folder: Path, n: int) -> Path:
    """Own sentences, varied so every file has its own content hash."""
    folder.mkdir()
    actors = ["Iran", "Iraq", "Israel", "Turkey", "Russia", "Ukraine", "China", "India"]
    for i in range(n):
        a, b = actors[i % 8], actors[(i * 3 + 1) % 8]
        (folder / f"{i:03d}.txt").write_text(
            f"{a} accused {b} of violating the ceasefire on day {i}.\n\n"
            f"Officials in {b} denied the claim and called for talks, report {i} said.")
    return folder


def ingest_cmd(inputs: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "flashpoint.cli.main", "ingest", str(inputs), "--db",
            str(db), "--date", "2021-05-01", "--batch-size", "3", "--quiet"]


@pytest.mark.slow
def test_sigkill_at_any_moment_then_rerun_gives_the_uninterrupted_rows(tmp_path):
    inputs = many_articles(tmp_path / "in", 30)
    reference = tmp_path / "ref.duckdb"
    start = time.monotonic()
    assert subprocess.run(ingest_cmd(inputs, reference), timeout=600).returncode == 0
    full = time.monotonic() - start
    expected = content(reference)
    assert len(expected["articles"]) == 30
    # Kill points spread over the run: start-up, mid-batches, near the end.
    for k, fraction in enumerate((0.15, 0.45, 0.7, 0.9, 0.97)):
        db = tmp_path / f"killed{k}.duckdb"
        proc = subprocess.Popen(ingest_cmd(inputs, db))
        time.sleep(full * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert subprocess.run(ingest_cmd(inputs, db), timeout=600).returncode == 0
        assert content(db) == expected, f"kill at {fraction:.0%} of the run"
