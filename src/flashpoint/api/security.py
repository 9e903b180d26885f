"""Request limits, the write token, and response headers.

* Bodies over ``max_body_bytes`` get 413 before or while they are read (a lying or absent
  Content-Length cannot get past the count); path plus query over ``max_query_bytes`` 414.
* Write routes need ``Authorization: Bearer <token>`` (or ``X-Flashpoint-Token``),
  compared in constant time. Without a configured token they are off (403) unless the app
  was built with ``insecure_local=True``, which ``flashpoint serve`` allows only on loopback.
* No CORS headers are ever sent: browsers keep other origins' pages from reading answers.
"""

from __future__ import annotations

import hmac
import json

from fastapi import Request
from starlette.exceptions import HTTPException

from flashpoint.errors import AuthError, InputTooLargeError, RequestTooLongError, \
    WritesDisabledError

HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY")]


class LimitMiddleware:
    """Pure ASGI middleware: size caps and the security headers on every response."""

    def __init__(self, app, *, max_body_bytes: int, max_query_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes
        self.max_query = max_query_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if target > self.max_query:
            return await _reject(send, RequestTooLongError(
                f"request path and query are {target} bytes, over the limit of "
                f"{self.max_query} (setting max_query_bytes)"))
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return await _reject(send, _too_large(int(declared), self.max_body))
        received = 0

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    # Raised inside the route's body read; FastAPI passes HTTPException
                    # through (any other error would become a generic 400).
                    raise HTTPException(413, str(_too_large(received, self.max_body)))
            return message

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in HEADERS if k not in present]
            await send(message)

        await self.app(scope, counted_receive, send_with_headers)


def _too_large(size: int, limit: int) -> InputTooLargeError:
    return InputTooLargeError("request body", f"{size:,} bytes or more is over the limit of "
                                              f"{limit:,} (setting max_body_bytes)")


async def _reject(send, error) -> None:
    body = json.dumps({"status": error.http_status, "message": str(error)}).encode()
    await send({"type": "http.response.start", "status": error.http_status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


def presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get("x-flashpoint-token")


def check_write(request: Request) -> None:
    """Dependency of every write route."""
    token = request.app.state.token
    if token is None:
        if request.app.state.insecure_local:
            return
        raise WritesDisabledError("write routes are off: start the server with the "
                                  "FLASHPOINT_TOKEN environment variable set (or "
                                  "--insecure-local on a loopback address)")
    given = presented_token(request)
    if given is None:
        raise AuthError("this route needs the server's token: send 'Authorization: Bearer "
                        "<token>' or 'X-Flashpoint-Token: <token>'")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise AuthError("the token sent does not match the server's FLASHPOINT_TOKEN")
