"""The REST API: ``create_app(db_path=..., token=...)`` and its routes (``flashpoint serve``)."""

from flashpoint.api.app import create_app

__all__ = ["create_app"]
