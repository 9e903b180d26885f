"""Answers to GET requests kept until the store next changes (pure ASGI middleware).

While a server process holds its warm read-only connection nobody can write the file
(DuckDB allows no writer beside a reader), so an answer computed on it stays right until the
connection closes for a writer; :class:`flashpoint.api.db.Database` bumps ``generation``
then. An answer is kept only if the generation did not change while it was computed, and
served only while it still matches. Per-request connections (``db_warm=False``) see other
processes' writes without notice, so the app does not install the cache then.

Only ``200`` answers to the read routes below, up to ``max_body`` bytes, are kept; the
least recently used go first beyond ``max_entries`` or ``max_bytes`` in all. Requests for an answer that is being
computed wait for it (one query per URL and generation, not a stampede after each write).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict

# Read routes whose answer depends on the store and the query string only.
CACHEABLE = ("/events", "/actors", "/quotes", "/dyads", "/network", "/sourcing", "/ui/data/")


class ReadCache:
    def __init__(self, app, *, db, max_entries: int = 512, max_body: int = 2_000_000,
                 max_bytes: int = 64_000_000) -> None:
        self.app = app
        self.db = db
        self.max_entries = max_entries
        self.max_body = max_body
        self.max_bytes = max_bytes  # all kept bodies together, per worker
        self.size = 0
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.running: dict[tuple, tuple[int, asyncio.Future]] = {}  # answers being computed
        self.hits = self.misses = 0

    @staticmethod
    def cacheable(scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET":
            return False
        path = scope["path"]
        return (any(path == p or path.startswith(p if p.endswith("/") else p + "/")
                        for p in CACHEABLE))

    async def __call__(self, scope, receive, send):
        if not self.cacheable(scope):
            return await self.app(scope, receive, send)
        key = (scope["path"], scope.get("query_string", b""))
        generation = self.db.generation
        found = self.entries.get(key)
        if found is not None and found[0] == generation:
            self.entries.move_to_end(key)
            self.hits += 1
            return await self._replay(send, found)
        running = self.running.get(key)
        if running is not None and running[0] == generation:
            # The same answer is being computed for this generation: wait for it instead of
            # running the query again (after a write, every request would otherwise miss).
            answer = await asyncio.shield(running[1])
            if answer is not None:
                self.hits += 1
                return await self._replay(send, answer)
        self.misses += 1
        done: asyncio.Future = asyncio.get_running_loop().create_future()
        self.running[key] = (generation, done)
        start: dict = {}
        chunks: list[bytes] = []
        keep = True

        async def capture(message):
            nonlocal keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                if message.get("more_body") or sum(map(len, chunks)) > self.max_body:
                    keep = False  # streamed or large: not kept
            await send(message)

        answer = None
        try:
            await self.app(scope, receive, capture)
            if keep and start:
                answer = (generation, list(start.get("headers", [])), b"".join(chunks))
                if self.db.generation == generation:
                    self._keep(key, answer)
        finally:
            done.set_result(answer)
            if self.running.get(key, (None, None))[1] is done:
                del self.running[key]

    def _keep(self, key: tuple, answer: tuple) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old[2])
        self.entries[key] = answer
        self.size += len(answer[2])
        while self.entries and (len(self.entries) > self.max_entries
                                or self.size > self.max_bytes):
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped[2])

    @staticmethod
    async def _replay(send, answer) -> None:
        _, headers, body = answer
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
