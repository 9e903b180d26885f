"""Fixtures of the reliability suite: the bad-input matrix, written by these tests.

Every text here was written for these tests. ``BAD_INPUTS`` maps a case name to
``(file name, bytes)`` builders; big cases are built lazily, only when a test asks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD_TEXT = ("Ruritania accused Borduria of shelling the border town on Monday.\n\n"
             "Officials in Borduria denied the claim and called for talks.\n")

_PARAGRAPH = ("The coalition said its aircraft struck a depot near the river on Monday, and "
              "the rebels denied any losses. Officials in the capital called for talks.\n\n")


def big_text(n_bytes: int) -> bytes:
    return (_PARAGRAPH * (n_bytes // len(_PARAGRAPH) + 1)).encode()[:n_bytes]


def long_sentence(tokens: int = 10_000) -> bytes:
    """One sentence of ``tokens`` words and no full stop until the end."""
    words = ["the", "army", "moved", "north", "and", "the", "rebels", "fled", "east"]
    return (" ".join(words[i % len(words)] for i in range(tokens)) + ".").encode()


def short_sentences(n: int = 10_000) -> bytes:
    subjects = ["Ruritania", "Borduria", "The army", "The rebels", "Officials"]
    verbs = ["protested", "waited", "met", "withdrew", "spoke"]
    return " ".join(f"{subjects[i % 5]} {verbs[i // 5 % 5]}." for i in range(n)).encode()


SCRIPTY_HTML = ("<html><head><title>Border clash</title><script>alert('x')</script>"
                "<style>p{color:red}</style></head><body>"
                + "<script>document.write('<iframe src=//evil>')</script>" * 50
                + "<iframe src='https://example.invalid/ad'></iframe>" * 50
                + "<article><p>Ruritania accused Borduria of shelling the border town on "
                  "Monday.</p><img src=x onerror=alert(1)><p>Officials in Borduria denied "
                  "the claim.</p></article></body></html>").encode()

GERMAN = ("Die Regierung in Berlin hat am Montag neue Sanktionen gegen das Land angekündigt. "
          "Der Außenminister sagte, man werde die Lage weiter genau beobachten und mit den "
          "Partnern in der Europäischen Union über weitere Schritte beraten.").encode()

SPANISH = ("El gobierno anunció el lunes nuevas sanciones contra el país vecino. El ministro "
           "de asuntos exteriores dijo que la situación es muy grave y que los aliados "
           "estudiarán otras medidas en los próximos días.").encode()


def broken_jsonl() -> bytes:
    lines = [json.dumps({"id": "ok1", "text": GOOD_TEXT}),
             '{"id": "broken", "text": "unterminated',
             json.dumps({"text": "no id here"}),
             json.dumps({"id": "notext"}),
             "[1, 2, 3]",
             '{"id": "surrogate", "text": "Ruritania \\ud800 protested."}',
             json.dumps({"id": "ok2", "text": GOOD_TEXT.replace("Monday", "Tuesday")})]
    return ("\n".join(lines) + "\n").encode()


# name -> (file name, builder, what the matrix expects: "ok" or a message fragment).
# The big texts (2 MB, 50 MB) are separate: they take minutes through the pipeline.
BAD_INPUTS = {
    "empty": ("empty.txt", lambda: b"", "empty"),
    "whitespace only": ("blank.txt", lambda: b"  \n\t\n   \n", "whitespace only"),
    "binary": ("binary.txt", lambda: bytes(range(256)) * 8, "binary data"),
    # No well-formed UTF-8 sequence at all: read as Windows-1252 rather than refused.
    "invalid UTF-8, no UTF-8 in it": ("invalid.txt",
                                      lambda: b"Ruritania \xc3\x28 protested \xff\xfe.", "ok"),
    "mixed encodings": ("mixed.txt", lambda: "Caf\u00e9 talks in Zenda. ".encode()
                        + "Caf\u00e9 closed.".encode("latin-1"), "invalid UTF-8"),
    "10,000-token sentence": ("sentence.txt", long_sentence, "ok"),
    "10,000 short sentences": ("short.txt", short_sentences, "ok"),
    "HTML with scripts and iframes": ("page.html", lambda: SCRIPTY_HTML, "ok"),
    "German text": ("german.txt", lambda: GERMAN, "German"),
    "Spanish text": ("spanish.txt", lambda: SPANISH, "Spanish"),
    "JSONL, broken lines and missing fields": ("mixed.jsonl", broken_jsonl, "not valid JSON"),
}


@pytest.fixture
def good_file(tmp_path) -> Path:
    """A good article beside the bad ones (its own text: ingest skips duplicate content)."""
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT.replace("Monday", "Wednesday"))
    return path


def write_case(folder: Path, name: str) -> Path:
    file_name, build, _ = BAD_INPUTS[name]
    path = folder / file_name
    path.write_bytes(build())
    return path


@dataclass
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


def run_with_rss(argv: list[str], *, timeout: float = 900) -> Measured:
    """Run ``python -m flashpoint.cli.main argv``, polling the child's own peak RSS."""
    start = time.monotonic()
    with open(os.devnull, "wb") as devnull:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli.main", *argv],
                                    stdout=out, stderr=err, stdin=devnull)
            deadline = start + timeout
            peak_kb = 0
            while True:
                peak_kb = max(peak_kb, _high_water_kb(proc.pid))
                pid, status, _usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() > deadline:
                    proc.kill()
                    raise TimeoutError(f"{argv} ran over {timeout} s")
                time.sleep(0.02)
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            return Measured(proc.returncode, out.read().decode(errors="replace"),
                            err.read().decode(errors="replace"), time.monotonic() - start,
                            peak_kb / 1024)


def _high_water_kb(pid: int) -> int:
    """The child's own peak RSS so far (VmHWM). Not ru_maxrss: that carries the forking
    parent's peak into the child, so one big test would inflate every later measurement."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass  # exited between polls: the last reading stands
    return 0
