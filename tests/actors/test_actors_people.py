"""People files: format checks, terms by date, and the consistency of the packaged files."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from actor_helpers import KAZ_PEOPLE, PEOPLE_HEADER

from eventwire.actors.dictionary import load_dictionaries
from eventwire.actors.people import PeopleIndex, parse_people
from eventwire.actors.tables import Problems

COUNTRIES = {"KAZ", "RUS"}
SECTORS = {"GOV", "MIL"}


def parse(text: str) -> tuple[PeopleIndex, Problems]:
    problems = Problems()
    index = PeopleIndex()
    index.add(parse_people(text, "KAZ.tsv", problems, COUNTRIES, SECTORS))
    return index, problems


def test_terms_by_date_and_office_holders() -> None:
    index, problems = parse(KAZ_PEOPLE)
    assert not problems
    tokayev = index.persons["Kassym-Jomart Tokayev"]
    assert len(tokayev.terms) == 2 and tokayev.aliases == ["Tokayev"]
    assert tokayev.term_on(date(2021, 1, 1)).role == "head_of_state"  # type: ignore[union-attr]
    assert tokayev.term_on(date(2010, 1, 1)) is None
    assert tokayev.home_country(date(2010, 1, 1)) == "KAZ"
    # handover day: both terms cover it, the newer one counts
    person, term = index.holder("KAZ", "head_of_state", date(2019, 3, 20))  # type: ignore[misc]
    assert person.name == "Kassym-Jomart Tokayev" and term.start == date(2019, 3, 20)
    assert index.holder("KAZ", "head_of_state", date(2019, 3, 19))[0].name == "Nursultan Nazarbayev"  # type: ignore[index]
    assert index.holder("KAZ", "head_of_state", date(1980, 1, 1)) is None


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("X\t\tKAZGOV\thead_of_state\tPresident\t2019-03-20\t2019-03-01", "is before start"),
        ("X\t\tKAZGOV\thead_of_state\tPresident\t20190320\t", "is not a date"),
        ("X\t\tXYZGOV\thead_of_state\tPresident\t2019-03-20\t", "unknown country block XYZ"),
        ("X\t\tKAZCOP\thead_of_state\tPresident\t2019-03-20\t", "unknown sector COP"),
        ("X\t\tKAZGOV\tking\tKing\t2019-03-20\t", "role 'king'"),
        ("X\t\tKAZGOV\thead_of_state\t\t2019-03-20\t", "title is empty"),
        ("X\tA||B\tKAZGOV\thead_of_state\tPresident\t2019-03-20\t", "empty item"),
    ],
)
def test_bad_rows_are_named(row: str, reason: str) -> None:
    _, problems = parse(PEOPLE_HEADER + row + "\n")
    assert len(problems) == 1
    assert problems.items[0].line == 2 and reason in problems.items[0].reason


def test_overlapping_terms_of_one_office_are_an_error() -> None:
    text = PEOPLE_HEADER + (
        "A\t\tKAZGOV\thead_of_state\tPresident\t2000-01-01\t2005-01-01\n"
        "B\t\tKAZGOV\thead_of_state\tPresident\t2004-06-01\t2010-01-01\n"
        "C\t\tKAZGOV\thead_of_state\tPresident\t2010-01-01\t\n"  # touching on the handover day: fine
        "D\t\tKAZGOV\thead_of_government\tPrime Minister\t2004-06-01\t\n"  # another office: fine
    )
    _, problems = parse(text)
    assert [(p.line, p.reason.split(" overlaps")[0]) for p in problems.items] == [
        (3, "term of B (President, KAZGOV) from 2004-06-01")
    ]
    _, open_ended = parse(
        PEOPLE_HEADER + "A\t\tKAZGOV\thead_of_state\tPresident\t2000-01-01\t\n"
        "B\t\tKAZGOV\thead_of_state\tPresident\t2004-06-01\t\n"
    )
    assert [p.line for p in open_ended.items] == [3]


def test_packaged_people_files_are_consistent() -> None:
    """Every packaged people file: valid rows and dates, start <= end, known country blocks and sectors,
    no overlapping terms per file + code + role + title (all checked by the loader)."""
    folder = Path(str(resources.files("eventwire").joinpath("data/actors/people")))
    files = sorted(folder.glob("*.tsv"))
    if not files:
        pytest.skip("no packaged people files yet")
    dicts = load_dictionaries()  # raises E301 naming file and line on any problem
    problems = Problems()
    for path in files:
        entries = parse_people(
            path.read_text(encoding="utf-8"), path.name, problems, dicts.country_codes(), set(dicts.sectors)
        )
        assert entries, f"{path.name} has no rows"
        for _name, _aliases, term in entries:
            assert term.end is None or term.start <= term.end
            assert term.code.startswith(("IGO", "NGO")) or term.code[:3] in dicts.countries
    assert not problems, [str(p) for p in problems.items]
    assert len(dicts.people) >= len(files)
