"""Named people and their terms of office, so a person's code depends on the article's date.

People files (``data/actors/people/<ISO3>.tsv``, ``IGO.tsv``; format in ``data/README.md``) hold one row per
term: ``name aliases code role title start end``. A term covers ``start <= day <= end`` (``end`` empty = still
in office); on a handover day, when one term ends and the next starts, the newer term wins. Rows with the
same name are one person, across files.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.actors.tables import Problems, parse_date, rows, split_list

PEOPLE_COLUMNS = ["name", "aliases", "code", "role", "title", "start", "end"]
PEOPLE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "igo_head"})
_CODE = re.compile(r"(?:[A-Z]{3})+")


@dataclass(frozen=True, slots=True)
class Term:
    code: str  # actor code during the term: KAZGOV, IGOUNOHLHWHO
    role: str  # head_of_state, head_of_government, foreign_minister, igo_head
    title: str  # "President", "Director-General"
    start: date
    end: date | None
    where: str  # file:line

    @property
    def block(self) -> str:
        """What the office belongs to: the country code, or the whole code of an organisation."""
        return self.code if self.code.startswith(("IGO", "NGO")) else self.code[:3]

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def describe(self) -> str:
        end = self.end.isoformat() if self.end else ""
        return f"{self.title} of {self.block} {self.start.isoformat()}..{end}"


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    def term_on(self, day: date | None) -> Term | None:
        """The term in force on ``day`` (the newest one on a handover day), else None."""
        if day is None:
            return None
        current = [t for t in self.terms if t.covers(day)]
        return max(current, key=lambda t: t.start) if current else None

    def home_country(self, day: date | None) -> str:
        """The country of the person's national term nearest before ``day`` (any national term if none)."""
        national = [t for t in self.terms if not t.code.startswith(("IGO", "NGO"))]
        if not national:
            return ""
        before = [t for t in national if day is None or t.start <= day]
        pool = before or national
        return max(pool, key=lambda t: t.start).code[:3]


@dataclass(slots=True)
class PeopleIndex:
    """People by name and office holders by (block, role)."""

    persons: dict[str, Person] = field(default_factory=dict)
    offices: dict[tuple[str, str], list[tuple[Term, Person]]] = field(default_factory=dict)

    def add(self, entries: list[tuple[str, list[str], Term]]) -> None:
        for name, aliases, term in entries:
            person = self.persons.setdefault(name, Person(name))
            person.aliases.extend(a for a in aliases if a not in person.aliases)
            person.terms.append(term)
            self.offices.setdefault((term.block, term.role), []).append((term, person))

    def holder(self, block: str, role: str, day: date | None, hint: str = "") -> tuple[Person, Term] | None:
        """Who held ``role`` for ``block`` (e.g. ("KAZ", "head_of_state")) on ``day``.

        Offices sharing a code (the EU's Commission and Council presidents) are told apart by ``hint``:
        terms whose title contains it are preferred.
        """
        if day is None:
            return None
        current = [(t, p) for t, p in self.offices.get((block, role), []) if t.covers(day)]
        hinted = [(t, p) for t, p in current if hint and hint.lower() in t.title.lower()]
        current = hinted or current
        if not current:
            return None
        term, person = max(current, key=lambda tp: tp[0].start)
        return person, term

    def __len__(self) -> int:
        return len(self.persons)


def parse_people(
    text: str, where: str, problems: Problems, countries: set[str], sectors: set[str]
) -> list[tuple[str, list[str], Term]]:
    """Parse one people file; checks codes, roles, dates and that terms of one office never overlap."""
    out: list[tuple[str, list[str], Term]] = []
    for lineno, row in rows(text, where, PEOPLE_COLUMNS, problems):
        reason = _check_row(row, countries, sectors)
        if reason:
            problems.add(where, lineno, reason)
            continue
        start = parse_date(row["start"])
        end = parse_date(row["end"]) if row["end"] else None
        assert start is not None
        term = Term(row["code"], row["role"], row["title"], start, end, f"{where}:{lineno}")
        out.append((row["name"], split_list(row["aliases"]), term))
    _check_overlaps(out, problems)
    return out


def _check_row(row: dict[str, str], countries: set[str], sectors: set[str]) -> str:
    code = row["code"]
    if not row["name"]:
        return "name is empty"
    if any(not a for a in split_list(row["aliases"])):
        return "empty item in aliases"
    if not _CODE.fullmatch(code):
        return f"code {code!r} is not made of three-letter capital blocks"
    if not code.startswith(("IGO", "NGO")):
        if code[:3] not in countries:
            return f"code {code}: unknown country block {code[:3]}"
        unknown = [code[i : i + 3] for i in range(3, len(code), 3) if code[i : i + 3] not in sectors]
        if unknown:
            return f"code {code}: unknown sector {unknown[0]} (see sectors.tsv)"
    if row["role"] not in PEOPLE_ROLES:
        return f"role {row['role']!r} is not one of {', '.join(sorted(PEOPLE_ROLES))}"
    if not row["title"]:
        return "title is empty"
    start = parse_date(row["start"])
    if start is None:
        return f"start {row['start']!r} is not a date YYYY-MM-DD"
    if row["end"]:
        end = parse_date(row["end"])
        if end is None:
            return f"end {row['end']!r} is not a date YYYY-MM-DD (or empty for 'in office')"
        if end < start:
            return f"end {row['end']} is before start {row['start']}"
    return ""


def _check_overlaps(entries: list[tuple[str, list[str], Term]], problems: Problems) -> None:
    """Terms of one office (code + role + title) in one file may touch on a handover day, never overlap."""
    by_office: dict[tuple[str, str, str], list[tuple[Term, str]]] = {}
    for name, _aliases, term in entries:
        by_office.setdefault((term.code, term.role, term.title), []).append((term, name))
    for terms in by_office.values():
        terms.sort(key=lambda tn: tn[0].start)
        for (prev, prev_name), (cur, cur_name) in itertools.pairwise(terms):
            if prev.end is None or cur.start < prev.end:
                end = prev.end.isoformat() if prev.end else "in office"
                where, _, line = cur.where.rpartition(":")
                problems.add(
                    where,
                    int(line),
                    f"term of {cur_name} ({cur.title}, {cur.code}) from "
                    f"{cur.start} overlaps {prev_name}'s term ({prev.start}..{end}, {prev.where})",
                )
