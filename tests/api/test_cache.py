"""The answer cache: kept per store generation, one computation per URL at a time."""

from __future__ import annotations

import asyncio

from flashpoint.api.cache import ReadCache


class FakeDb:
    generation = 0


def make(calls: list, *, delay: float = 0.0, status: int = 200):
    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(delay)
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": f"answer {len(calls)}".encode()})
    return app


def get(cache, path="/events", query=b"limit=5"):
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request"}

    scope = {"type": "http", "method": "GET", "path": path, "query_string": query}
    return scope, receive, send, sent


def call(cache, path="/events", query=b"limit=5") -> bytes:
    scope, receive, send, sent = get(cache, path, query)
    asyncio.run(cache(scope, receive, send))
    return sent[-1]["body"]


def test_answers_are_kept_until_the_generation_changes():
    calls, db = [], FakeDb()
    cache = ReadCache(make(calls), db=db)
    assert call(cache) == call(cache) == b"answer 1" and len(calls) == 1
    assert call(cache, query=b"limit=6") == b"answer 2"  # another URL, another answer
    db.generation += 1  # a writer took the file: everything is recomputed
    assert call(cache) == b"answer 3"


def test_errors_writes_and_other_routes_are_not_kept():
    calls, db = [], FakeDb()
    cache = ReadCache(make(calls, status=404), db=db)
    call(cache), call(cache)
    assert len(calls) == 2
    cache = ReadCache(make(calls), db=db)
    call(cache, path="/export"), call(cache, path="/export")
    assert len(calls) == 4


def test_concurrent_misses_compute_once():
    calls, db = [], FakeDb()
    cache = ReadCache(make(calls, delay=0.05), db=db)

    async def many():
        requests = [get(cache) for _ in range(20)]
        await asyncio.gather(*(cache(s, r, send) for s, r, send, _ in requests))
        return {sent[-1]["body"] for *_, sent in requests}

    assert asyncio.run(many()) == {b"answer 1"} and len(calls) == 1


def test_the_cache_is_bounded_in_entries_and_bytes():
    calls, db = [], FakeDb()
    cache = ReadCache(make(calls), db=db, max_entries=3, max_bytes=20)
    for n in range(5):
        call(cache, query=f"limit={n}".encode())
    assert len(cache.entries) <= 3 and cache.size <= 20
    assert cache.size == sum(len(a[2]) for a in cache.entries.values())
