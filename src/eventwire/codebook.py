"""The CAMEO codebook as data: name, Goldstein value, quad and penta class, PLOVER type/mode per code.

Read from ``data/codebook/cameo.tsv`` (format in ``data/README.md``). Quad class follows the GDELT
convention (1 verbal cooperation 01-05, 2 material cooperation 06-09, 3 verbal conflict 10-14,
4 material conflict 15-20); ``penta_class`` is the 5-way Phoenix/ConfliBERT class (0 neutral 01-02,
1 verbal cooperation 03-05, 2 material cooperation 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.errors import EventwireError

PLOVER_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
CODEBOOK_COLUMNS = [
    "code",
    "name",
    "goldstein",
    "quad_class",
    "penta_class",
    "plover_type",
    "plover_mode",
    "plover_context",
]


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    quad_class: int
    penta_class: int
    plover_type: str
    plover_mode: str
    plover_context: str

    @property
    def root(self) -> str:
        return self.code[:2]


class Codebook:
    """Lookup of CAMEO codes. ``codebook["042"].plover_mode == "visit"``."""

    def __init__(self, entries: dict[str, CodeInfo]) -> None:
        self._entries = entries

    def __getitem__(self, code: str) -> CodeInfo:
        try:
            return self._entries[code]
        except KeyError:
            raise EventwireError("E304", f"CAMEO code {code!r} is not in the codebook") from None

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def codes(self) -> list[str]:
        return sorted(self._entries)

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        if path is None:
            text = resources.files("eventwire").joinpath("data/codebook/cameo.tsv").read_text("utf-8")
            where = "data/codebook/cameo.tsv"
        else:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise EventwireError("E302", str(exc), where=str(path)) from exc
            where = str(path)
        return cls(parse_codebook(text, where))


def parse_codebook(text: str, where: str) -> dict[str, CodeInfo]:
    """Parse and validate the TSV; every problem names the file and line."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#")]
    if not lines or lines[0][1].split("\t") != CODEBOOK_COLUMNS:
        raise EventwireError("E303", f"header must be {' '.join(CODEBOOK_COLUMNS)}", where=where)
    entries: dict[str, CodeInfo] = {}
    for lineno, line in lines[1:]:
        info = _parse_row(line.split("\t"), f"{where}:{lineno}")
        if info.code in entries:
            raise EventwireError("E303", f"duplicate code {info.code}", where=f"{where}:{lineno}")
        entries[info.code] = info
    for code in entries:
        if len(code) > 2 and code[:2] not in entries:
            raise EventwireError("E303", f"code {code} has no root {code[:2]}", where=where)
    return entries


def _parse_row(cells: list[str], where: str) -> CodeInfo:
    if len(cells) != len(CODEBOOK_COLUMNS):
        expected = len(CODEBOOK_COLUMNS)
        raise EventwireError("E303", f"expected {expected} columns, got {len(cells)}", where=where)
    code, name, goldstein, quad, penta, ptype, pmode, pcontext = cells
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise EventwireError("E303", f"code {code!r} is not 2-4 digits", where=where)
    if not 1 <= int(code[:2]) <= 20:
        raise EventwireError("E303", f"root {code[:2]} outside 01-20", where=where)
    try:
        value = float(goldstein)
        quad_class, penta_class = int(quad), int(penta)
    except ValueError as exc:
        raise EventwireError("E303", str(exc), where=where) from exc
    if not -10.0 <= value <= 10.0:
        raise EventwireError("E303", f"Goldstein {value} outside -10..10", where=where)
    if quad_class not in (1, 2, 3, 4) or penta_class not in (0, 1, 2, 3, 4):
        raise EventwireError("E303", "quad_class must be 1-4 and penta_class 0-4", where=where)
    if ptype and ptype not in PLOVER_TYPES:
        raise EventwireError("E303", f"unknown PLOVER type {ptype!r}", where=where)
    return CodeInfo(code, name, value, quad_class, penta_class, ptype, pmode, pcontext)
