"""Running the app: ``serve(...)`` behind ``flashpoint serve`` (uvicorn on loopback)."""

from __future__ import annotations

import ipaddress
import os
import sys

from flashpoint.errors import SettingError

TOKEN_ENV = "FLASHPOINT_TOKEN"


def is_loopback(host: str) -> bool:
    """
    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_from_env(environ=os.environ) -> str | None:
    token = environ.get(TOKEN_ENV)
    if token is not None and not token.strip():
        raise SettingError(f"{TOKEN_ENV} is set but empty: give it a secret value or unset it")
    return token


def check_start(*, host: str, token: str | None, insecure_local: bool) -> str:
    """Refuse unsafe combinations; returns a one-line description of the write mode."""
    if insecure_local and not is_loopback(host):
        raise SettingError(f"--insecure-local serves writes without a token and is allowed "
                           f"only on a loopback address (127.0.0.1, ::1, localhost), not "
                           f"{host!r}")
    if token is not None:
        return f"write routes need the token from ${TOKEN_ENV}"
    if insecure_local:
        return "write routes are open to anyone on this machine (--insecure-local)"
    return f"read-only: write routes are off (set ${TOKEN_ENV} to enable them)"


CONFIG_ENV = "FLASHPOINT_SERVE_CONFIG"  # how the parent hands its settings to the workers


def default_workers() -> int:
    """As many server processes as cores."""
    return max(1, os.cpu_count() or 1)


def serve(*, db: str | None, host: str = "127.0.0.1", port: int = 8000,
          insecure_local: bool = False, log_level: str = "info", workers: int | None = None,
          warm: bool = True) -> None:
    """Build the app for ``db`` and run it with uvicorn until interrupted.

    ``workers`` processes (default: one per core) share the port; each keeps its own warm
    read-only connection (``warm``) and answer cache.
    """
    import json

    import uvicorn

    from flashpoint.api.app import create_app
    from flashpoint.api.settings import ApiSettings

    token = token_from_env()
    mode = check_start(host=host, token=token, insecure_local=insecure_local)
    workers = workers or default_workers()
    config = {"db": str(db) if db else None, "insecure_local": insecure_local, "warm": warm}
    app = create_app(db_path=db, token=token, insecure_local=insecure_local,
                     settings=ApiSettings(db_warm=warm))
    app.state.db.ensure()  # create or migrate now, so read-only requests find the schema
    app.state.db.close()
    print(f"flashpoint: serving {app.state.db_path} on http://{host}:{port}/ ({mode}; "
          f"{workers} worker{'s' if workers > 1 else ''})", file=sys.stderr, flush=True)
    # Idle keep-alive connections stay open 30 s (uvicorn: 5): under a burst after a write
    # pause, clients then reuse them instead of opening hundreds of new ones.
    options = dict(host=host, port=port, log_level=log_level, server_header=False,
                   proxy_headers=False, timeout_keep_alive=30)
    if workers == 1:
        uvicorn.run(app, **options)
        return
    os.environ[CONFIG_ENV] = json.dumps(config)
    uvicorn.run("flashpoint.api.server:app_from_env", factory=True, workers=workers, **options)


def app_from_env():
    """The app of one worker process, from the settings ``serve`` put in the environment."""
    import json

    from flashpoint.api.app import create_app
    from flashpoint.api.settings import ApiSettings

    config = json.loads(os.environ[CONFIG_ENV])
    return create_app(db_path=config["db"], token=token_from_env(),
                      insecure_local=config["insecure_local"],
                      settings=ApiSettings(db_warm=config["warm"]))
