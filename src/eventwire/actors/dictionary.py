"""Our actor dictionaries: countries, organisations, roles (formats, load, checks); words and sectors are
read by ``actors.words``.

Each format is a TSV described in ``data/README.md``; people files are read by ``actors.people``. The
parsers here check every line and collect problems; :func:`load_dictionaries` raises ``E301`` (file and line
named) on the first one, so a broken data file never loads half-way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.actors.people import PeopleIndex, parse_people
from eventwire.actors.tables import Problems, rows, split_list
from eventwire.actors.words import SECTOR_COLUMNS, WORD_COLUMNS, WORD_VALUES, Word, parse_sectors, parse_words

__all__ = [  # words and sectors are re-exported: `dict validate` and the tests read every format from here
    "COUNTRY_COLUMNS",
    "ORGANISATION_COLUMNS",
    "ROLE_COLUMNS",
    "SECTOR_COLUMNS",
    "WORD_COLUMNS",
    "WORD_VALUES",
    "Country",
    "Dictionaries",
    "Organisation",
    "Role",
    "Word",
    "data_root",
    "load_dictionaries",
    "parse_countries",
    "parse_dictionaries",
    "parse_organisations",
    "parse_roles",
    "parse_sectors",
    "parse_words",
]

COUNTRY_COLUMNS = [
    "code",
    "kind",
    "iso3",
    "cameo",
    "name",
    "official",
    "aliases",
    "adjectives",
    "demonyms",
    "capitals",
]
ORGANISATION_COLUMNS = ["code", "kind", "country", "name", "aliases"]
ROLE_COLUMNS = ["term", "sector", "office", "flags", "forms"]

COUNTRY_KINDS = frozenset({"country", "territory", "region", "subnational", "historical"})
ORGANISATION_KINDS = frozenset({"igo", "ngo", "media", "state", "group", "party", "members"})
OFFICES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "igo_head", "leader"})
ROLE_FLAGS = frozenset({"standalone", "weak", "ngo"})
_CODE3 = re.compile(r"[A-Z]{3}")
_BLOCKS = re.compile(r"(?:[A-Z]{3})+")
_NAME_FIELDS = ("name", "official", "aliases", "adjectives", "demonyms", "capitals")


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    kind: str
    iso3: str
    cameo: tuple[str, ...]
    names: dict[str, tuple[str, ...]]  # field ("name", "official", "aliases", ...) → terms

    @property
    def name(self) -> str:
        return self.names["name"][0]

    @property
    def codes_as(self) -> str:
        """The code a mention of this place gets: sub-national CAMEO places are coded as their country."""
        return self.iso3 if self.kind == "subnational" else self.code


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    kind: str
    country: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Role:
    term: str
    sector: str
    office: str
    standalone: bool
    weak: bool
    forms: tuple[str, ...]
    agent_code: str = ""  # PETRARCH agent code (e.g. "GOVFRM"); "" for ours
    prefix: bool = False  # PETRARCH "CODE~" agents: the agent code goes before the country code
    ngo: bool = False  # a non-governmental body: with no country it is coded NGO + sector


@dataclass(slots=True)
class Dictionaries:
    """Everything loaded from one data directory."""

    countries: dict[str, Country] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    roles: dict[str, Role] = field(default_factory=dict)
    words: dict[str, Word] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    people: PeopleIndex = field(default_factory=PeopleIndex)

    def country_codes(self) -> set[str]:
        """Every code a country block may take: our codes plus CAMEO's legacy spellings."""
        codes = set(self.countries)
        for country in self.countries.values():
            codes.update(country.cameo)
        return codes

    def country_of_code(self, code: str) -> str:
        """The country block of an actor code ("" for IGO/NGO/unknown)."""
        block = code[:3]
        return block if block in self.countries else ""


def parse_countries(text: str, where: str, problems: Problems) -> list[Country]:
    out: list[Country] = []
    seen: dict[str, tuple[str, int]] = {}
    for lineno, row in rows(text, where, COUNTRY_COLUMNS, problems):
        code, kind, iso3 = row["code"], row["kind"], row["iso3"]
        cameo = split_list(row["cameo"])
        reason = ""
        if not _CODE3.fullmatch(code):
            reason = f"code {code!r} is not three capital letters"
        elif kind not in COUNTRY_KINDS:
            reason = f"kind {kind!r} is not one of {', '.join(sorted(COUNTRY_KINDS))}"
        elif iso3 and not _CODE3.fullmatch(iso3):
            reason = f"iso3 {iso3!r} is not three capital letters"
        elif kind == "subnational" and not iso3:
            reason = "a subnational place needs the iso3 code of its country"
        elif any(not _CODE3.fullmatch(c) for c in cameo):
            reason = "cameo codes must be three capital letters"
        elif not row["name"]:
            reason = "name is empty"
        if reason:
            problems.add(where, lineno, reason)
            continue
        names = {f: tuple(split_list(row[f])) for f in _NAME_FIELDS}
        if any(not term for terms in names.values() for term in terms):
            problems.add(where, lineno, "empty item in a | list")
            continue
        clash = _first_clash(seen, (t for terms in names.values() for t in terms), code, lineno)
        if clash:
            problems.add(where, lineno, clash)
            continue
        out.append(Country(code, kind, iso3, tuple(cameo), names))
    codes = [c.code for c in out]
    for dup in sorted({c for c in codes if codes.count(c) > 1}):
        problems.add(where, 0, f"code {dup} is defined more than once")
    return out


def parse_organisations(text: str, where: str, problems: Problems, countries: set[str]) -> list[Organisation]:
    out: list[Organisation] = []
    seen: dict[str, tuple[str, int]] = {}
    for lineno, row in rows(text, where, ORGANISATION_COLUMNS, problems):
        code, kind, country = row["code"], row["kind"], row["country"]
        aliases = split_list(row["aliases"])
        reason = ""
        if not _BLOCKS.fullmatch(code):
            reason = f"code {code!r} is not made of three-letter capital blocks"
        elif kind not in ORGANISATION_KINDS:
            reason = f"kind {kind!r} is not one of {', '.join(sorted(ORGANISATION_KINDS))}"
        elif kind in ("igo", "ngo") and not code.startswith(kind.upper()):
            reason = f"an {kind} code must start with {kind.upper()}"
        elif country and country not in countries:
            reason = f"unknown country {country!r}"
        elif kind in ("media", "state", "party", "members") and (not country or not code.startswith(country)):
            reason = f"a {kind} code must start with its country code"
        elif not row["name"] or any(not a for a in aliases):
            reason = "name is empty or a | list has an empty item"
        if reason:
            problems.add(where, lineno, reason)
            continue
        key = f"{code} {row['name']}"
        clash = _first_clash(seen, [row["name"], *aliases], key, lineno)
        if clash:
            problems.add(where, lineno, clash)
            continue
        out.append(Organisation(code, kind, country, row["name"], tuple(aliases)))
    return out


def parse_roles(text: str, where: str, problems: Problems, sectors: set[str]) -> list[Role]:
    out: list[Role] = []
    seen: dict[str, tuple[str, int]] = {}
    for lineno, row in rows(text, where, ROLE_COLUMNS, problems):
        flags = set(split_list(row["flags"].replace(",", "|")))
        forms = split_list(row["forms"])
        reason = ""
        if not row["term"] or row["term"] != row["term"].lower():
            reason = "term must be non-empty and lower case"
        elif row["sector"] not in sectors:
            reason = f"unknown sector {row['sector']!r} (see sectors.tsv)"
        elif row["office"] and row["office"] not in OFFICES:
            reason = f"office {row['office']!r} is not one of {', '.join(sorted(OFFICES))}"
        elif flags - ROLE_FLAGS:
            reason = f"unknown flag(s) {', '.join(sorted(flags - ROLE_FLAGS))}"
        elif any(not f for f in forms):
            reason = "empty item in forms"
        if reason:
            problems.add(where, lineno, reason)
            continue
        clash = _first_clash(seen, [row["term"], *forms], row["term"], lineno)
        if clash:
            problems.add(where, lineno, clash)
            continue
        out.append(
            Role(
                row["term"],
                row["sector"],
                row["office"],
                "standalone" in flags,
                "weak" in flags,
                tuple(forms),
                ngo="ngo" in flags,
            )
        )
    return out


def _first_clash(seen: dict[str, tuple[str, int]], terms: Iterable[str], owner: str, lineno: int) -> str:
    """Register terms (case-insensitively); report one already owned by another line."""
    for term in terms:
        key = term.lower()
        if key in seen and seen[key][0] != owner:
            return f"{term!r} is already listed on line {seen[key][1]}"
        seen.setdefault(key, (owner, lineno))
    return ""


def data_root(data_dir: Path | None) -> Traversable:
    """The ``actors`` data folder: ``data_dir/actors`` or the packaged one."""
    if data_dir is not None:
        return Path(data_dir) / "actors"
    return resources.files("eventwire").joinpath("data/actors")


def _read(folder: Traversable, name: str, problems: Problems) -> tuple[str, str]:
    item = folder.joinpath(name)
    where = f"data/actors/{name}" if not isinstance(item, Path) else str(item)
    try:
        return item.read_text(encoding="utf-8"), where
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(where, 0, f"cannot read: {exc}")
        return "", where


def parse_dictionaries(data_dir: Path | None, problems: Problems) -> Dictionaries:
    """Parse every file of a data folder, collecting problems (see :func:`load_dictionaries`)."""
    folder = data_root(data_dir)
    out = Dictionaries()
    out.sectors = parse_sectors(*_read(folder, "sectors.tsv", problems), problems)
    out.countries = {c.code: c for c in parse_countries(*_read(folder, "countries.tsv", problems), problems)}
    codes = out.country_codes()
    out.organisations = parse_organisations(*_read(folder, "organisations.tsv", problems), problems, codes)
    out.roles = {
        r.term: r for r in parse_roles(*_read(folder, "roles.tsv", problems), problems, set(out.sectors))
    }
    out.words = {w.word: w for w in parse_words(*_read(folder, "words.tsv", problems), problems)}
    for w in out.words.values():
        if w.cls == "ethnic" and w.value not in out.roles:
            problems.add(f"data/actors/words.tsv ({w.word})", 0, f"role {w.value!r} is not in roles.tsv")
    people_dir = folder.joinpath("people")
    if people_dir.is_dir():
        for item in sorted(people_dir.iterdir(), key=lambda t: t.name):
            if item.name.endswith(".tsv"):
                text, where = _read(people_dir, item.name, problems)
                where = where if isinstance(item, Path) else f"data/actors/people/{item.name}"
                out.people.add(parse_people(text, where, problems, codes, set(out.sectors)))
    return out


def load_dictionaries(data_dir: Path | None = None) -> Dictionaries:
    """Load and check our dictionaries; the first bad line raises ``E301`` naming file and line."""
    problems = Problems()
    out = parse_dictionaries(data_dir, problems)
    problems.raise_first()
    return out
