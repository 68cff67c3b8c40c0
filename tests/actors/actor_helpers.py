"""Helpers for the actor-stage tests: ../shared paths, fixture people files, data folders."""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Protocol

import pytest

from eventwire.records import Mention

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PEOPLE_HEADER = "name\taliases\tcode\trole\ttitle\tstart\tend\n"

# Facts for fixture people files, so these tests do not depend on the packaged people data.
KAZ_PEOPLE = PEOPLE_HEADER + (
    "Nursultan Nazarbayev\tNazarbayev\tKAZGOV\thead_of_state\tPresident\t1991-12-16\t2019-03-20\n"
    "Kassym-Jomart Tokayev\tTokayev\tKAZGOV\thead_of_state\tPresident\t2019-03-20\t\n"
    "Kassym-Jomart Tokayev\tTokayev\tKAZGOV\tforeign_minister\tForeign Minister\t2002-06-13\t2007-01-11\n"
)
IGO_PEOPLE = PEOPLE_HEADER + (
    "Margaret Chan\t\tIGOUNOHLHWHO\tigo_head\tDirector-General\t2007-01-04\t2017-07-01\n"
    "Tedros Adhanom Ghebreyesus\tTedros\tIGOUNOHLHWHO\tigo_head\tDirector-General\t2017-07-01\t\n"
)


def shared_path(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not present; this test reads it in place")
    return path


def make_data_dir(root: Path, people: dict[str, str]) -> Path:
    """A data folder with our packaged actor files and the given people files (name → content)."""
    packaged = Path(str(resources.files("eventwire").joinpath("data/actors")))
    actors = root / "actors"
    (actors / "people").mkdir(parents=True)
    for item in packaged.glob("*.tsv"):
        shutil.copy(item, actors / item.name)
    for name, text in people.items():
        (actors / "people" / name).write_text(text, encoding="utf-8")
    return root


class Resolve(Protocol):
    """Parse a text and resolve its actors (``day`` defaults to 2021-12-01)."""

    def __call__(self, text: str, day: date | None = ..., /) -> list[Mention]: ...
