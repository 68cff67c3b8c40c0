"""Bytes to text: refuse binary input, keep UTF-8, detect any other encoding with charset-normalizer.

``open_text`` reads a stream twice (a cheap UTF-8 check, then the text itself) instead of holding it in
memory, so a stream that cannot seek (stdin, a socket) is first spooled to a temporary file.
"""

from __future__ import annotations

import codecs
import io
import shutil
import tempfile
from typing import IO, Final

import charset_normalizer

from eventwire.errors import EventwireError

SNIFF_BYTES: Final = 8192  # looked at for NUL bytes and control characters
DETECT_BYTES: Final = 2 * 1024 * 1024  # sample given to charset-normalizer
SPOOL_BYTES: Final = 32 * 1024 * 1024  # a spooled stream above this size goes to a temporary file
_CHUNK: Final = 1024 * 1024
_BOMS: Final = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS: Final = frozenset(b"\t\n\r\f\v\b\x1b")
#: Among equally clean decodings, these are tried first: news outside UTF-8 is mostly Windows-1252.
_PREFERRED: Final = ("cp1252", "latin_1", "iso8859_15")


def spool(stream: IO[bytes]) -> IO[bytes]:
    """A rewound copy of the stream: in memory up to ``SPOOL_BYTES``, else in a temporary file."""
    copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the caller closes it)
    shutil.copyfileobj(stream, copy, _CHUNK)
    copy.seek(0)
    return copy


def seekable(stream: IO[bytes]) -> IO[bytes]:
    """The stream itself when it can seek, else a spooled copy of it."""
    try:
        if stream.seekable():
            return stream
    except (OSError, ValueError):
        pass
    return spool(stream)


def bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or many control characters, in the first bytes (text with a BOM is checked apart)."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls / len(head) > 0.1


def _is_utf8(stream: IO[bytes]) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := stream.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def detect_encoding(sample: bytes) -> str | None:
    """charset-normalizer's pick, preferring Windows-1252 when it decodes the sample as cleanly."""
    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        return None
    cleanest = min(m.chaos for m in matches)
    candidates = {name for m in matches if m.chaos <= cleanest for name in m.could_be_from_charset}
    for name in _PREFERRED:
        if name in candidates:
            return name
    return str(matches[0].encoding)


def _choose(stream: IO[bytes], origin: str) -> tuple[str, str | None]:
    """(codec to read with, encoding to record or None for UTF-8); leaves the stream rewound."""
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    bom = bom_encoding(head)
    if bom is not None:
        return bom, (None if bom == "utf-8-sig" else bom)
    if looks_binary(head):
        raise EventwireError("E102", "NUL bytes or control characters", where=origin)
    if _is_utf8(stream):
        stream.seek(0)
        return "utf-8", None
    stream.seek(0)
    found = detect_encoding(stream.read(DETECT_BYTES))
    stream.seek(0)
    if found is None:
        raise EventwireError("E104", "not UTF-8 and no other encoding fits", where=origin)
    return found, found


def open_text(stream: IO[bytes], origin: str, newline: str | None = None) -> tuple[IO[str], str | None]:
    """A text stream over ``stream`` and the detected encoding (None when the input is UTF-8).

    Raises E102 for binary input and E104 when no encoding fits.
    """
    stream = seekable(stream)
    codec, detected = _choose(stream, origin)
    errors = "strict" if detected is None else "replace"  # a detected encoding was read from a sample
    wrapper = io.TextIOWrapper(stream, encoding=codec, errors=errors, newline=newline)
    return wrapper, detected


def decode_bytes(data: bytes, origin: str) -> tuple[str, str | None]:
    """The text of ``data`` and the detected encoding (None for UTF-8); E102 or E104 as ``open_text``."""
    handle, detected = open_text(io.BytesIO(data), origin)
    with handle:
        return handle.read(), detected


__all__ = ["decode_bytes", "detect_encoding", "looks_binary", "open_text", "seekable", "spool"]
