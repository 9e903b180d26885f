"""Bytes -> text, with encoding detection and a clear refusal of binary or corrupt input."""

from __future__ import annotations

import codecs
import re

from flashpoint.errors import BinaryInputError, EmptyInputError, EncodingError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# A well-formed multi-byte UTF-8 sequence: its presence means the file was meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|"
                             rb"[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def decode_bytes(raw: bytes, *, origin: str) -> str:
    """Decode ``raw``; raise an InputError subclass that names ``origin`` and the problem."""
    text = _decode(raw, origin=origin)
    if not text.strip():
        raise EmptyInputError(origin, "no text (whitespace or separators only)")
    return text


def _decode(raw: bytes, *, origin: str) -> str:
    """The decoding itself.

    >>> decode_bytes("caf\\u00e9".encode("cp1252"), origin="x.txt")
    'café'
    >>> decode_bytes(b"\\x00\\x01\\x02binary", origin="x.bin")
    Traceback (most recent call last):
    flashpoint.errors.BinaryInputError: x.bin: binary data (NUL bytes), not text
    """
    if not raw.strip():
        raise EmptyInputError(origin, "empty file" if not raw else "whitespace only")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(origin, f"starts with a {encoding} byte-order mark but is "
                                            f"not valid {encoding} ({exc.reason} at byte "
                                            f"{exc.start})") from exc
    head = raw[:65536]
    if b"\x00" in head:
        raise BinaryInputError(origin, "binary data (NUL bytes), not text")
    if sum(b in _CONTROL for b in head) > max(8, len(head) // 100):
        raise BinaryInputError(origin, "binary data (control bytes), not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(raw):
            raise EncodingError(origin, f"invalid UTF-8 ({exc.reason} at byte {exc.start}) in "
                                        "a file that otherwise uses UTF-8") from exc
        return _decode_legacy(raw, origin=origin, first_error=exc)


def _decode_legacy(raw: bytes, *, origin: str, first_error: UnicodeDecodeError) -> str:
    """No UTF-8 at all: a legacy single-byte encoding, if detection is confident."""
    from charset_normalizer import from_bytes

    # Mostly-ASCII text with a few high bytes is Western news in cp1252 far more often than
    # anything a statistical detector guesses from so little evidence.
    try:
        text = raw.decode("cp1252")
        if sum(c.isascii() for c in text) >= 0.7 * len(text):
            return text
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw[:1_000_000]).best()
    if best is None or best.chaos > 0.2:
        raise EncodingError(origin, f"not valid UTF-8 ({first_error.reason} at byte "
                                    f"{first_error.start}) and no other encoding fits")
    try:
        return raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(origin, f"not valid UTF-8 and not valid {best.encoding}") from exc


def require_unicode(text: str, origin: str) -> str:
    """Refuse lone surrogates (JSON's ``"\\ud800"`` escapes decode to them): hashing,
    spaCy's tokenizer and the store all encode to UTF-8 and would crash on them.

    >>> require_unicode("ok", "x")
    'ok'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(exc.object[exc.start])
        raise EncodingError(origin, f"text holds a lone surrogate U+{code:04X} at character "
                                    f"{exc.start}, which is not valid Unicode") from None
    return text
