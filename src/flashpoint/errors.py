"""The one error catalogue. Every error Flashpoint raises on purpose is a FlashpointError.

Messages name the bad value and, where there is a closed set, the valid ones. The API maps
``http_status`` to the response code in one handler; the CLI prints ``str(error)`` on one line.
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class of every error Flashpoint raises on purpose."""

    http_status = 400


class InputError(FlashpointError):
    """An input (file, line, request body) cannot be read as an article."""

    def __init__(self, origin: str, problem: str) -> None:
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.origin, self.problem))


class EmptyInputError(InputError):
    """The input holds no text to analyse."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class EncodingError(InputError):
    """The input's bytes cannot be decoded as text."""


class LanguageError(InputError):
    """The input is not in a language Flashpoint analyses."""

    http_status = 422


class InputTooLargeError(InputError):
    """The input exceeds a configured size cap."""

    http_status = 413


class DataFileError(FlashpointError):
    """A dictionary or ontology data file is malformed."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        return (type(self), (self.path, self.line, self.problem))


class GoldFileError(FlashpointError):
    """A hand-coded gold file cannot be read, names a missing article or holds invalid codes."""

    def __init__(self, path: str, field: str | None, problem: str) -> None:
        self.path = path
        self.field = field
        self.problem = problem
        super().__init__(f"{path}: {field}: {problem}" if field else f"{path}: {problem}")

    def __reduce__(self):
        return (type(self), (self.path, self.field, self.problem))


class SettingError(FlashpointError):
    """A setting has an invalid name or value."""


class ModelNotInstalledError(FlashpointError):
    """The spaCy model package is not installed."""

    http_status = 500


class StoreError(FlashpointError):
    """The database cannot be opened, migrated or written."""

    http_status = 500


class NotFoundError(FlashpointError):
    """A requested record does not exist."""

    http_status = 404


class AuthError(FlashpointError):
    """A write request lacks a valid token."""

    http_status = 401


class WritesDisabledError(FlashpointError):
    """The server was started without a token, so write routes are off."""

    http_status = 403


class RequestTooLongError(FlashpointError):
    """A request's path and query string exceed the configured cap."""

    http_status = 414
