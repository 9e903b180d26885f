"""JSON answers and the one error mapping: every error is ``{"status", "message"}``.

``FlashpointError`` subclasses carry their HTTP status (``flashpoint.errors``); request
validation errors (422) and routing errors (404, 405) are rewritten into the same shape,
naming the parameter and the value at fault. Anything else is a 500 whose message names
the error type only (details go to the server log, not to the client).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from flashpoint.errors import FlashpointError

log = logging.getLogger("flashpoint.api")


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


class FastJSON(JSONResponse):
    """JSON with dates as ISO strings, without FastAPI's slow generic encoder."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, default=_default, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8")


def error_body(status: int, message: str) -> dict:
    return {"status": status, "message": message}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        got = err.get("input")
        shown = "" if isinstance(got, (dict, list)) or got is None else f" (got {got!r:.80})"
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}{shown}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(FlashpointError)
    async def flashpoint_error(request: Request, exc: FlashpointError) -> Response:
        return FastJSON(error_body(exc.http_status, str(exc)), status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return FastJSON(error_body(422, _validation_message(exc)), status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path!r}; see /docs for the routes"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path!r}"
        return FastJSON(error_body(exc.status_code, message), status_code=exc.status_code,
                        headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return FastJSON(error_body(500, f"internal error ({type(exc).__name__}); see the "
                                        "server log"), status_code=500)
