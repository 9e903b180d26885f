"""Fixtures for the dashboard's browser tests: a real ``flashpoint serve`` on 127.0.0.1 over a
temporary store of hand-built analyses (demo_corpus.py), Debian's Chromium driven by
Playwright, and a page wrapper that records every request URL and console error.

Requests that would leave 127.0.0.1 are recorded and aborted, never sent. Screenshots go
to ``artifacts/web/`` at the repository root (git-ignored).
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "web"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
START_TIMEOUT = 60.0

_spec = importlib.util.spec_from_file_location("web_demo_corpus",
                                               Path(__file__).with_name("demo_corpus.py"))
demo_corpus = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = demo_corpus  # dataclasses look their module up there
_spec.loader.exec_module(demo_corpus)


@pytest.fixture(scope="session")
def corpus():
    return demo_corpus


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is absent (apt-get install chromium): browser tests skipped")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"flashpoint serve exited with {proc.returncode}:\n"
                               f"{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"flashpoint serve did not answer {url} within {START_TIMEOUT:.0f} s")


@pytest.fixture(scope="session")
def server(tmp_path_factory, chromium):
    """``flashpoint serve --db <demo store> --port <free>``: yields the base URL."""
    if importlib.util.find_spec("flashpoint.cli.serve") is None:
        pytest.skip("flashpoint serve is not built (issue 8): browser tests skipped")
    folder = tmp_path_factory.mktemp("web")
    db = folder / "web.duckdb"
    demo_corpus.write_db(db)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("FLASHPOINT_TOKEN", "FLASHPOINT_DB")}
    log = folder / "serve.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(db), "--host",
             "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=folder)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(f"{base}/ui/data/summary", proc, log)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Tab:
    """One page with its request and console log; ``goto`` waits for the page's fetches."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("dialog", self._dialog)
        page.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url == self.base or url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.outside.append(url)  # never sent
            route.abort()

    def goto(self, path: str, ready: str | None = None) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        if ready:
            self.page.wait_for_selector(ready, timeout=15_000)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert not self.outside, f"requests left 127.0.0.1: {self.outside}"
        assert all(u.startswith(self.base) for u in self.requests)
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


@pytest.fixture
def tab(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    t = Tab(page, server)
    try:
        yield t
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
