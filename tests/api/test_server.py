"""A real ``flashpoint serve`` process on 127.0.0.1: start it, query it, stop it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser

import httpx
import pytest

from flashpoint.analytics.synthetic import EventSpec, build_store, make_analysis

TOKEN = "server-token-456"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "flashpoint.cli", "serve", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_db):
    import shutil
    db = tmp_path_factory.mktemp("server") / "served.duckdb"
    shutil.copy(demo_db, db)
    port = free_port()
    env = {**os.environ, "FLASHPOINT_TOKEN": TOKEN}
    proc = subprocess.Popen(serve_cmd("--db", str(db), "--port", str(port), "--log-level",
                                      "warning"), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/openapi.json", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            if proc.poll() is not None:
                pytest.fail(f"server exited: {proc.stdout.read()}")
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not start in 60 s")
    yield base, db
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_real_server_answers_reads(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=10) as c:
        assert c.get("/events").json()["total"] == 10
        assert c.get("/dyads/USA/IRN/series").json()["totals"]["conflict"] == 3
        assert c.get("/events/none").json() == {"status": 404,
                                                "message": "no event with id 'none'"}
        assert "access-control-allow-origin" not in c.get("/events").headers


def test_real_server_needs_the_token_to_write(server):
    base, _ = server
    body = {"articles": [{"text": ""}]}
    r = httpx.post(f"{base}/articles", json=body, timeout=10)
    assert r.status_code == 401 and r.json()["status"] == 401


def test_server_keeps_answering_while_another_process_writes(server, tmp_path):
    """The store's design: per-request read-only connections never block a writer."""
    base, db = server
    errors, done = [], threading.Event()

    def read_loop():
        with httpx.Client(base_url=base, timeout=30) as c:
            while not done.is_set():
                r = c.get("/events", params={"limit": 1})
                if r.status_code != 200:
                    errors.append(r.text)

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        for i in range(3):  # three separate read-write commits, like ingest batches
            build_store(db, [make_analysis(f"w{i}", "2020-02-01",
                                           [EventSpec(source="TUR", target="SYR")])])
    finally:
        done.set()
        reader.join()
    assert not errors
    assert httpx.get(f"{base}/events", params={"country": "TUR"}).json()["total"] == 3


def test_a_commit_beside_the_server_is_visible_within_5_s_even_when_cached(server):
    """Warm connections and the answer cache: a commit by another process is shown by the
    next request after it, though the same URL was answered (and cached) just before."""
    base, db = server
    url = f"{base}/events?country=GRC&limit=5"

    def total() -> int:  # a new connection each time: the workers share the port
        return httpx.get(url, timeout=30).json()["total"]

    for _ in range(10):  # the workers have it cached
        assert total() == 0
    build_store(db, [make_analysis("visible", "2020-03-01",
                                   [EventSpec(source="GRC", target="TUR")])], recluster=False)
    committed = time.monotonic()
    while total() != 1:
        assert time.monotonic() - committed < 5, "commit not visible within 5 s"
        time.sleep(0.02)
    assert all(total() == 1 for _ in range(10))  # from every worker, not only one


def test_server_runs_one_worker_per_core_by_default(server):
    from flashpoint.api.server import default_workers

    base, _ = server
    assert default_workers() == max(1, os.cpu_count() or 1)
    assert httpx.get(f"{base}/events", params={"limit": 1}, timeout=10).status_code == 200


def test_docs_page_is_offline(server):
    base, _ = server
    with httpx.Client(base_url=base, timeout=10) as c:
        page = c.get("/docs")
        links = _links(page.text)
        assert links and all(u.startswith("/") and not u.startswith("//") for u in links)
        for url in links:
            assert c.get(url).status_code == 200, url
        init = c.get("/docs/init.js").text
        assert "validatorUrl: null" in init and "http" not in init
        assert "default-src 'self'" in page.headers["content-security-policy"]


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def _links(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    return parser.urls


@pytest.mark.parametrize("args, env, message", [
    (["--insecure-local", "--host", "0.0.0.0"], {}, "only on a loopback address"),
    ([], {"FLASHPOINT_TOKEN": ""}, "FLASHPOINT_TOKEN is set but empty"),
])
def test_serve_refuses_unsafe_starts(tmp_path, monkeypatch, capsys, args, env, message):
    from flashpoint.cli.main import main

    monkeypatch.delenv("FLASHPOINT_TOKEN", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main(["serve", "--db", str(tmp_path / "x.duckdb"), "--port", str(free_port()),
                 *args])
    assert code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "x.duckdb").exists()  # refused before touching anything


def test_real_pipeline_through_the_real_server(server):
    """POST /analyze and POST /articles with the real spaCy pipeline (loaded on first use)."""
    base, _ = server
    text = ("Iran condemned the United States on Friday. \"We will respond,\" said a senior "
            "Iranian official.")
    with httpx.Client(base_url=base, timeout=120) as c:
        r = c.post("/analyze", json={"text": text, "date": "2020-01-03"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["schema_version"] == "1" and body["article"]["date"] == "2020-01-03"
        assert body["quotes"] and body["quotes"][0]["speaker"]["anonymous"] is True
        r = c.post("/analyze", json={"text": "   "})
        assert r.status_code == 400 and "no text" in r.json()["message"]
        r = c.post("/articles", json={"articles": [{"text": text, "date": "2020-01-03"}]},
                   headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200 and r.json()["stored"] == 1, r.text
        assert c.get("/quotes", params={"anonymous": "true"}).json()["quotes"]
