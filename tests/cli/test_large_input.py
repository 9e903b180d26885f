"""A 20 MB article must finish with bounded memory (parsed in paragraph-aligned chunks)."""

import json
import resource
import subprocess
import sys

import pytest

PARAGRAPH = ("The coalition said its aircraft struck a depot near the river on Monday, and the "
             "rebels denied any losses. Officials in the capital called for talks.\n\n")


@pytest.mark.slow
def test_twenty_megabytes_finish_with_bounded_memory(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(PARAGRAPH * (20_000_000 // len(PARAGRAPH)))
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "flashpoint.cli", "analyze", str(big),
                           "--out", str(out), "--date", "2024-01-01"],
                          capture_output=True, timeout=3600)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 8000, f"peak RSS {peak_mb:.0f} MB"
    doc = json.loads((out / "big.json").read_text())
    text = big.read_text()
    for event in doc["events"][:50] + doc["events"][-50:]:
        s, e = event["span"]
        assert text[s:e] == event["sentence"]
