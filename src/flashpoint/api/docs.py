"""``/docs``: the OpenAPI page, served entirely from this server.

FastAPI's default page loads Swagger UI from a CDN; here the files come from the
``swagger-ui-bundle-v2`` PyPI package (mounted at ``/docs/assets``), the start-up script is a
local file too (so a strict Content-Security-Policy forbids inline scripts), and the
validator badge, which would call an outside service, is switched off. Without that
package the page is a plain HTML list of the routes, built from the OpenAPI document.
"""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flashpoint API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>
"""

_INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout", deepLinking: true
});
"""


def swagger_assets() -> Path | None:
    try:
        import swagger_ui_bundle
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def plain_page(app: FastAPI) -> str:
    """Routes and their summaries as plain HTML (no script at all)."""
    rows = []
    for path, methods in app.openapi().get("paths", {}).items():
        for method, op in methods.items():
            rows.append(f"<li><code>{method.upper()} {html.escape(path)}</code> "
                        f"{html.escape(op.get('summary', ''))}</li>")
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Flashpoint "
            "API</title></head><body><h1>Flashpoint API</h1><p>Machine-readable: "
            f"<a href='/openapi.json'>/openapi.json</a></p><ul>{''.join(rows)}</ul></body></html>")


def install_docs(app: FastAPI) -> None:
    assets = swagger_assets()
    headers = {"Content-Security-Policy": CSP}
    if assets is not None:
        app.mount("/docs/assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return HTMLResponse(_PAGE if assets else plain_page(app), headers=headers)

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_init() -> PlainTextResponse:
        return PlainTextResponse(_INIT, media_type="text/javascript", headers=headers)
