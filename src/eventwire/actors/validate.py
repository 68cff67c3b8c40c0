"""Checking dictionary files: ours (by their header), PETRARCH/Phoenix actors and agents, the codebook.

Used by ``eventwire dict validate``; every problem names the file and line. Our formats are recognised by
their header line, PETRARCH files by content (``[~CODE]`` agent codes) or a name containing "agent".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.actors import dictionary as d
from eventwire.actors.people import PEOPLE_COLUMNS, parse_people
from eventwire.actors.petrarch import parse_actors, parse_agents
from eventwire.actors.tables import Problem, Problems, header_of, read_text
from eventwire.codebook import CODEBOOK_COLUMNS, parse_codebook
from eventwire.errors import EventwireError

_AGENT_CODE = re.compile(r"\[\s*(~[A-Z0-9]+|[A-Z0-9]+~)\s*\]")
_ACTOR_CODE = re.compile(r"\[\s*[A-Z0-9]+[\s\]]")


@dataclass(slots=True)
class FileReport:
    path: str
    format: str  # countries, organisations, roles, words, sectors, people, codebook, petrarch-actors, ...
    entries: int  # -1 = not counted (files checked by another stage's checker)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def detect_format(path: Path, text: str) -> str:
    header = header_of(text)
    formats = {
        "countries": d.COUNTRY_COLUMNS,
        "organisations": d.ORGANISATION_COLUMNS,
        "roles": d.ROLE_COLUMNS,
        "words": d.WORD_COLUMNS,
        "sectors": d.SECTOR_COLUMNS,
        "people": PEOPLE_COLUMNS,
        "codebook": CODEBOOK_COLUMNS,
    }
    for name, columns in formats.items():
        if header == columns:
            return name
    if len(header) > 1 or path.suffix == ".tsv":
        return "unknown"
    agents = len(_AGENT_CODE.findall(text))
    if "agent" in path.name.lower() or agents > len(_ACTOR_CODE.findall(text)):
        return "petrarch-agents"
    return "petrarch-actors"


def validate_file(path: Path, context: d.Dictionaries | None = None) -> FileReport:
    """Check one file; ``context`` gives the country and sector codes it may use (packaged by default)."""
    where = str(path)
    try:
        text = read_text(path)
    except EventwireError as exc:
        return FileReport(where, "unreadable", 0, [Problem(where, 0, exc.message)])
    fmt = detect_format(path, text)
    problems = Problems()
    ctx = context if context is not None else _packaged_context()
    parsers: dict[str, Callable[[], int]] = {
        "countries": lambda: len(d.parse_countries(text, where, problems)),
        "organisations": lambda: len(d.parse_organisations(text, where, problems, ctx.country_codes())),
        "roles": lambda: len(d.parse_roles(text, where, problems, set(ctx.sectors))),
        "words": lambda: len(d.parse_words(text, where, problems)),
        "sectors": lambda: len(d.parse_sectors(text, where, problems)),
        "people": lambda: len(parse_people(text, where, problems, ctx.country_codes(), set(ctx.sectors))),
        "petrarch-actors": lambda: len(parse_actors(text, where, problems)),
        "petrarch-agents": lambda: len(parse_agents(text, where, problems)),
        "codebook": lambda: _codebook(text, where, problems),
    }
    if fmt not in parsers:
        problems.add(where, 0, "unknown dictionary format: the header matches none of data/README.md")
        return FileReport(where, fmt, 0, problems.items)
    count = parsers[fmt]()
    return FileReport(where, fmt, count, sorted(problems.items, key=lambda p: p.line))


def _codebook(text: str, where: str, problems: Problems) -> int:
    try:
        return len(parse_codebook(text, where))
    except EventwireError as exc:
        file, _, line = exc.where.rpartition(":")
        if line.isdigit():
            problems.add(file, int(line), exc.detail)
        else:
            problems.add(exc.where or where, 0, exc.detail)
        return 0


def _packaged_context() -> d.Dictionaries:
    return d.parse_dictionaries(None, Problems())


def validate_paths(paths: list[Path]) -> list[FileReport]:
    """Check files, or every .tsv/.txt file under the folders given."""
    context = _packaged_context()
    reports: list[FileReport] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".tsv", ".txt") and p.is_file())
            reports += [validate_file(f, context) for f in files]
        else:
            reports.append(validate_file(path, context))
    return reports


def validate_packaged(data_dir: Path | None = None) -> list[FileReport]:
    """Check our data files (packaged, or under ``data_dir``): actors, people, codebook, events, places."""
    folder = d.data_root(data_dir)
    problems = Problems()
    dicts = d.parse_dictionaries(data_dir, problems)
    counts = {
        "sectors.tsv": len(dicts.sectors),
        "countries.tsv": len(dicts.countries),
        "organisations.tsv": len(dicts.organisations),
        "roles.tsv": len(dicts.roles),
        "words.tsv": len(dicts.words),
    }
    reports: list[FileReport] = []
    for name, count in counts.items():
        mine = [p for p in problems.items if p.where.endswith(f"actors/{name}")]
        reports.append(FileReport(_label(folder, name), name.removesuffix(".tsv"), count, mine))
    people = folder.joinpath("people")
    if people.is_dir():
        for item in sorted(people.iterdir(), key=lambda t: t.name):
            if item.name.endswith(".tsv"):
                label = _label(folder, f"people/{item.name}")
                mine = [p for p in problems.items if p.where.endswith(f"people/{item.name}")]
                n = (
                    sum(
                        1
                        for line in item.read_text(encoding="utf-8").splitlines()
                        if line.strip() and not line.startswith("#")
                    )
                    - 1
                )
                reports.append(FileReport(label, "people", max(n, 0), mine))
    reports.append(_check_codebook(data_dir))
    reports += _other_stages(data_dir)
    return reports


def _label(folder: Traversable, name: str) -> str:
    return str(folder / name) if isinstance(folder, Path) else f"data/actors/{name}"


def _check_codebook(data_dir: Path | None) -> FileReport:
    path = data_dir / "codebook" / "cameo.tsv" if data_dir else None
    text = (
        path.read_text(encoding="utf-8")
        if path
        else resources.files("eventwire").joinpath("data/codebook/cameo.tsv").read_text("utf-8")
    )
    where = str(path) if path else "data/codebook/cameo.tsv"
    problems = Problems()
    count = _codebook(text, where, problems)
    return FileReport(where, "codebook", count, problems.items)


def _other_stages(data_dir: Path | None) -> list[FileReport]:
    """The event patterns and place files, through their own stages' checkers (when those are installed)."""
    out: list[FileReport] = []
    try:
        from eventwire.events.patterns import FILES, validate_patterns
        from eventwire.events.places import validate_place_files
    except ImportError:
        return out
    folder = (
        data_dir / "events" if data_dir else Path(str(resources.files("eventwire").joinpath("data/events")))
    )
    for name in FILES:
        messages = validate_patterns(folder / name)
        out.append(
            FileReport(
                str(folder / name), "events", -1, [Problem(str(folder / name), 0, m) for m in messages]
            )
        )
    where = str(data_dir / "places") if data_dir else "data/places"
    try:
        out.append(FileReport(where, "places", validate_place_files(data_dir)))
    except EventwireError as exc:
        out.append(FileReport(where, "places", 0, [Problem(where, 0, exc.message)]))
    return out
