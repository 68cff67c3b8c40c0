"""Reading our tab-separated data files: header check, one problem per bad line, `|` lists, ISO dates.

Every format under ``data/actors/`` is UTF-8 TSV: ``#`` starts a comment line, blank lines are skipped, the
first other line is the header and must match the format's columns exactly (see ``data/README.md``).
Parsers collect :class:`Problem` records instead of stopping at the first one, so ``eventwire dict
validate`` can list every bad line; loaders turn the first problem into an ``E301`` error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.errors import EventwireError


@dataclass(frozen=True, slots=True)
class Problem:
    """One bad line: ``where`` is the file name, ``line`` its 1-based number (0 = the whole file)."""

    where: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.where}:{self.line}: {self.reason}" if self.line else f"{self.where}: {self.reason}"


@dataclass(slots=True)
class Problems:
    """Problems found while parsing one or more files."""

    items: list[Problem] = field(default_factory=list)

    def add(self, where: str, line: int, reason: str) -> None:
        self.items.append(Problem(where, line, reason))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_first(self) -> None:
        """Raise ``E301`` for the first problem (naming file and line), if there is one."""
        if self.items:
            first = self.items[0]
            more = f" (and {len(self.items) - 1} more problems)" if len(self.items) > 1 else ""
            where = f"{first.where}:{first.line}" if first.line else first.where
            raise EventwireError("E301", first.reason + more, where=where)


def read_text(path: Path) -> str:
    """Read a UTF-8 data file; a missing or unreadable file is ``E302``."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EventwireError("E302", "no such file", where=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EventwireError("E302", str(exc), where=str(path)) from exc


def rows(
    text: str, where: str, columns: list[str], problems: Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, {column: cell})`` for each data line of a TSV with exactly ``columns``."""
    header_seen = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells != columns:
                problems.add(where, lineno, f"header must be exactly: {' '.join(columns)} (tab-separated)")
                return
            continue
        if len(cells) != len(columns):
            problems.add(where, lineno, f"expected {len(columns)} tab-separated columns, got {len(cells)}")
            continue
        stripped = [c.strip() for c in cells]
        if any(c != s for c, s in zip(cells, stripped, strict=True)):
            problems.add(where, lineno, "a cell has leading or trailing spaces")
            continue
        yield lineno, dict(zip(columns, stripped, strict=True))
    if not header_seen:
        problems.add(where, 0, f"empty file: no header ({' '.join(columns)})")


def split_list(cell: str) -> list[str]:
    """Split a ``|``-separated cell; empty cell → empty list."""
    return [item.strip() for item in cell.split("|")] if cell else []


def parse_date(cell: str) -> date | None:
    """An ISO date ``YYYY-MM-DD``, or None when it is not one."""
    if len(cell) != 10:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        return None


def header_of(text: str) -> list[str]:
    """The header cells of a TSV text (first non-comment, non-blank line), or [] if none."""
    for raw in text.splitlines():
        if raw.strip() and not raw.startswith("#"):
            return raw.rstrip("\r").split("\t")
    return []
