"""Zip archives and Python wheels, read member by member.

Reading a whole archive reads every member with a known extension (``common.EXTENSIONS``) in archive
order, and skips folders, hidden and ``__MACOSX`` entries and wheel metadata (``*.dist-info/``). A member
that is itself an archive is opened in turn. ``select`` is the ``ARCHIVE::MEMBER[::MEMBER...]`` path: each
step names a member (read even with an unknown extension, which gives E110) or a folder inside the archive.
Member origins are ``archive::member``; records inside them add ``:row N`` and the like.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from eventwire.config import Options
from eventwire.ingest.common import EXTENSIONS, extension, reject
from eventwire.ingest.decode import seekable, spool
from eventwire.records import Article, Reject

#: How an archive hands a member on: (stream, member name, origin, options, what to select inside it).
Dispatch = Callable[[IO[bytes], str, str, Options, Sequence[str]], Iterator[Article | Reject]]


def _skipped(name: str) -> bool:
    parts = name.split("/")
    return (
        name.endswith("/")
        or any(p.startswith(".") or p == "__MACOSX" or p.endswith((".dist-info", ".egg-info")) for p in parts)
        or extension(name) not in EXTENSIONS
    )


def _selected(archive: zipfile.ZipFile, step: str) -> tuple[list[zipfile.ZipInfo], bool]:
    """The members one select step names, and whether it named a single member (not a folder)."""
    wanted = step.strip().removeprefix("./").strip("/")
    wanted = "" if wanted == "." else wanted
    for info in archive.infolist():
        if info.filename == wanted and not info.is_dir():
            return [info], True
    prefix = f"{wanted}/" if wanted else ""
    inside = [i for i in archive.infolist() if i.filename.startswith(prefix) and not _skipped(i.filename)]
    return inside, False


def read_archive(
    stream: IO[bytes], origin: str, options: Options, dispatch: Dispatch, select: Sequence[str] = ()
) -> Iterator[Article | Reject]:
    """Every record of the archive's members (or of the selected ones); see the module docstring."""
    # A zip inside a zip is copied once: seeking in a compressed member re-inflates it from the start.
    source = spool(stream) if isinstance(stream, zipfile.ZipExtFile) else seekable(stream)
    try:
        try:
            archive = zipfile.ZipFile(source)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            yield reject(origin, "E101", f"not a readable zip archive: {exc}")
            return
        with archive:
            if select:
                members, single = _selected(archive, select[0])
                if not members:
                    yield reject(origin, "E101", f"no member {select[0]!r} in the archive")
                    return
                if not single and len(select) > 1:
                    yield reject(origin, "E101", f"{select[0]!r} is a folder, not an archive member")
                    return
                rest = select[1:]
            else:
                members = [i for i in archive.infolist() if not _skipped(i.filename)]
                rest = ()
            for info in members:
                yield from _member(archive, info, f"{origin}::{info.filename}", options, dispatch, rest)
    finally:
        if source is not stream:
            source.close()


def _member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    origin: str,
    options: Options,
    dispatch: Dispatch,
    rest: Sequence[str],
) -> Iterator[Article | Reject]:
    try:
        handle = archive.open(info)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        yield reject(origin, "E101", f"cannot open archive member: {exc}")  # RuntimeError: encrypted
        return
    with handle:
        yield from dispatch(handle, info.filename, origin, options, rest)
