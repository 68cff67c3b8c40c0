"""Where articles come from: files, directories, globs, ``ARCHIVE::MEMBER`` paths, http(s) URLs and stdin.

``read_inputs`` yields an Article or a Reject for every record it finds and never raises for bad input:
a missing file (E101), binary data (E102), an unsupported file type (E110) or a broken record each become
a Reject, and reading goes on. Directories are read recursively (sorted, hidden entries skipped, only the
known extensions of ``common.EXTENSIONS``); a glob is expanded (``**`` included) and every match read.
Stdin (``-``) is JSON Lines when it starts with ``{``, a JSON array when it starts with ``[``, HTML or a
feed when it starts with ``<``, and plain text otherwise; a URL's type comes from its path's extension,
else its Content-Type, else the same sniffing.
"""

from __future__ import annotations

import glob
import io
import sys
import urllib.parse
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import IO, Final

from eventwire.config import Options
from eventwire.errors import EventwireError
from eventwire.ingest.archives import read_archive
from eventwire.ingest.common import ARCHIVE_EXTENSIONS, EXTENSIONS, extension, reject, reject_error
from eventwire.ingest.csv import read_csv
from eventwire.ingest.decode import bom_encoding, spool
from eventwire.ingest.feeds import fetch, read_feed
from eventwire.ingest.html import read_html
from eventwire.ingest.jsonl import read_json, read_jsonl
from eventwire.ingest.text import read_text
from eventwire.records import Article, Reject

Item = Article | Reject
Reader = Callable[[IO[bytes], str, Options], Iterator[Item]]

#: Extension → (reader, code for an unexpected failure inside that reader).
READERS: Final[Mapping[str, tuple[Reader, str]]] = MappingProxyType(
    {
        ".txt": (read_text, "E104"),
        ".jsonl": (read_jsonl, "E106"),
        ".json": (read_json, "E106"),
        ".csv": (read_csv, "E107"),
        ".html": (read_html, "E108"),
        ".htm": (read_html, "E108"),
        ".xml": (read_feed, "E109"),
        ".rss": (read_feed, "E109"),
        ".atom": (read_feed, "E109"),
    }
)
_CONTENT_TYPES: Final = MappingProxyType(
    {
        "text/html": ".html",
        "application/xhtml+xml": ".html",
        "application/rss+xml": ".rss",
        "application/atom+xml": ".atom",
        "application/xml": ".xml",
        "text/xml": ".xml",
        "application/json": ".json",
        "application/x-ndjson": ".jsonl",
        "application/jsonl": ".jsonl",
        "text/csv": ".csv",
        "application/zip": ".zip",
    }
)
_FEED_MARKS: Final = (b"<rss", b"<feed", b"<rdf:rdf", b"<?xml")
assert set(READERS) | ARCHIVE_EXTENSIONS == EXTENSIONS, "every known extension needs a reader"


def read_inputs(inputs: Sequence[str], options: Options) -> Iterator[Article | Reject]:
    """Every Article (or Reject) of the inputs, in order; see the module docstring."""
    for spec in inputs:
        yield from _read_spec(spec, options)


def _read_spec(spec: str, options: Options) -> Iterator[Item]:
    if spec == "-":
        yield from _read_stdin(options)
    elif spec.startswith(("http://", "https://")):
        yield from _read_url(spec, options)
    elif "::" in spec:
        archive, *select = spec.split("::")
        yield from _read_file(Path(archive), options, select)
    else:
        path = Path(spec)
        if path.is_dir():
            yield from _read_dir(path, options)
        elif path.exists() or not glob.has_magic(spec):
            yield from _read_file(path, options)
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield reject(spec, "E101", "no file matches this pattern")
            for match in matches:
                yield from (
                    _read_dir(Path(match), options)
                    if Path(match).is_dir()
                    else _read_file(Path(match), options)
                )


def _read_dir(root: Path, options: Options) -> Iterator[Item]:
    for path in sorted(root.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
        if not hidden and extension(path.name) in EXTENSIONS and path.is_file():
            yield from _read_file(path, options)


def _read_file(path: Path, options: Options, select: Sequence[str] = ()) -> Iterator[Item]:
    origin = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield reject(origin, "E101", exc.strerror or type(exc).__name__)
        return
    with handle:
        yield from dispatch(handle, path.name, origin, options, select)


def dispatch(
    stream: IO[bytes], name: str, origin: str, options: Options, select: Sequence[str] = ()
) -> Iterator[Item]:
    """The records of one file or archive member, read by the reader for ``name``'s extension."""
    kind = extension(name)
    if kind in ARCHIVE_EXTENSIONS:
        yield from _guarded(read_archive(stream, origin, options, dispatch, select), origin, "E101")
        return
    if select:
        yield reject(origin, "E101", f"not an archive, so it has no member {select[0]!r}")
        return
    entry = READERS.get(kind)
    if entry is None:
        yield reject(origin, "E110", f"unsupported file type {kind or '(no extension)'!r}")
        return
    reader, code = entry
    yield from _guarded(reader(stream, origin, options), origin, code)


def _guarded(items: Iterator[Item], origin: str, code: str) -> Iterator[Item]:
    """The items, with a failure while reading them turned into one last Reject."""
    try:
        yield from items
    except EventwireError as exc:
        yield reject_error(exc, origin)
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
        yield reject(origin, "E101", f"{type(exc).__name__}: {exc}")
    except UnicodeDecodeError as exc:
        yield reject(origin, "E104", str(exc))
    except Exception as exc:  # a parser's bug on one input must not stop the batch; it is recorded
        yield reject(origin, code, f"{type(exc).__name__}: {exc}")


def sniff_kind(head: bytes) -> str:
    """The extension that fits content starting with ``head``: JSON Lines, JSON, HTML, feed or text."""
    start = head[len(b"\xef\xbb\xbf") :] if bom_encoding(head) == "utf-8-sig" else head
    start = start.lstrip()
    if start.startswith(b"{"):
        return ".jsonl"
    if start.startswith(b"["):
        return ".json"
    if start.startswith(b"<"):
        return ".xml" if any(mark in start[:2048].lower() for mark in _FEED_MARKS) else ".html"
    return ".txt"


def _read_stdin(options: Options) -> Iterator[Item]:
    origin = "<stdin>"
    try:
        stream = spool(sys.stdin.buffer)  # a copy: closing it must not close stdin itself
    except (OSError, ValueError, AttributeError) as exc:
        yield reject(origin, "E101", f"{type(exc).__name__}: {exc}")
        return
    with stream:
        head = stream.read(64 * 1024)
        stream.seek(0)
        yield from dispatch(stream, f"stdin{sniff_kind(head)}", origin, options)


def _read_url(url: str, options: Options) -> Iterator[Item]:
    try:
        page = fetch(url)
    except EventwireError as exc:
        yield reject_error(exc, url)
        return
    kind = extension(urllib.parse.urlsplit(page.url).path)
    if kind not in EXTENSIONS:
        kind = _CONTENT_TYPES.get(page.content_type, "") or sniff_kind(page.data[: 64 * 1024])
    yield from dispatch(io.BytesIO(page.data), f"page{kind}", url, options)
