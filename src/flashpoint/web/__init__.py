"""The dashboard: HTML pages and static assets served by ``flashpoint serve``.

``mount_dashboard(app)`` adds them to the API's FastAPI app; see mount.py.
"""

from flashpoint.web.mount import mount_dashboard

__all__ = ["mount_dashboard"]
