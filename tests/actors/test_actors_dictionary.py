"""Our dictionary formats: the packaged files load and cover what the issue asks; bad lines are named."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest
from actor_helpers import make_data_dir, shared_path

from eventwire.actors.dictionary import (
    load_dictionaries,
    parse_countries,
    parse_organisations,
    parse_roles,
    parse_sectors,
    parse_words,
)
from eventwire.actors.tables import Problems
from eventwire.errors import EventwireError


@pytest.fixture(scope="module")
def dicts():  # type: ignore[no-untyped-def]
    return load_dictionaries()


def test_every_iso_country_and_cameo_code_is_covered(dicts) -> None:  # type: ignore[no-untyped-def]
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= set(dicts.countries)
    known = dicts.country_codes()
    with shared_path("reference/cameo/cameo_countries.csv").open(encoding="utf-8") as f:
        cameo = {row["code"] for row in csv.DictReader(f)}
    assert cameo - known == set()


def test_countries_have_names_adjectives_and_metonyms(dicts) -> None:  # type: ignore[no-untyped-def]
    che, kaz, rus = dicts.countries["CHE"], dicts.countries["KAZ"], dicts.countries["RUS"]
    assert "Swiss Confederation" in che.names["official"] and "Swiss" in che.names["adjectives"]
    assert {"Kazakh", "Kazakhstani"} <= set(kaz.names["adjectives"])
    assert "Moscow" in rus.names["capitals"]
    assert "Kyiv" in dicts.countries["UKR"].names["capitals"]
    assert {"Washington", "Beijing"} <= {t for c in dicts.countries.values() for t in c.names["capitals"]}
    assert dicts.countries["GZS"].codes_as == "PSE"


def test_igos_of_the_cameo_list_are_there(dicts) -> None:  # type: ignore[no-untyped-def]
    codes = {o.code for o in dicts.organisations}
    with shared_path("reference/cameo/cameo_igos.csv").open(encoding="utf-8") as f:
        wanted = {
            r["composite_actor_code_example"] for r in csv.DictReader(f) if r["category"] in ("IGO", "NGO")
        }
    assert wanted - codes == set()
    names = {o.name: o for o in dicts.organisations}
    assert "WHO" in names["World Health Organization"].aliases
    assert names["Reuters"].kind == "media" and names["the Kremlin"].code == "RUSGOV"


def test_roles_map_to_sectors_and_offices(dicts) -> None:  # type: ignore[no-untyped-def]
    roles = dicts.roles
    assert roles["president"].office == "head_of_state" and roles["president"].sector == "GOV"
    assert roles["director general"].office == "igo_head"
    assert {
        roles[t].sector for t in ("police", "military", "rebels", "opposition", "parliament", "court")
    } == {"COP", "MIL", "REB", "OPP", "LEG", "JUD"}
    assert all(r.sector in dicts.sectors for r in roles.values())


@pytest.mark.parametrize(
    ("parse", "text", "line", "reason"),
    [
        (
            lambda t, p: parse_countries(t, "c.tsv", p),
            "code\tkind\tiso3\tcameo\tname\tofficial\taliases\tadjectives\tdemonyms\tcapitals\n"
            "KAZ\tcountry\tKAZ\t\tKazakhstan\t\t\tKazakh\t\tAstana\nkz\tcountry\t\t\tX\t\t\t\t\t\n",
            3,
            "not three capital letters",
        ),
        (
            lambda t, p: parse_countries(t, "c.tsv", p),
            "code\tkind\tiso3\tcameo\tname\tofficial\taliases\tadjectives\tdemonyms\tcapitals\n"
            "AAA\tcountry\t\t\tA\t\t\tAlpha\t\t\nBBB\tcountry\t\t\tB\t\t\talpha\t\t\n",
            3,
            "already listed on line 2",
        ),
        (
            lambda t, p: parse_organisations(t, "o.tsv", p, {"KAZ"}),
            "code\tkind\tcountry\tname\taliases\nKAZMED\tmedia\tXXX\tPaper\t\n",
            2,
            "unknown country",
        ),
        (
            lambda t, p: parse_organisations(t, "o.tsv", p, {"KAZ"}),
            "code\tkind\tcountry\tname\taliases\nUNO\tigo\t\tUnited Nations\tUN\n",
            2,
            "must start with IGO",
        ),
        (
            lambda t, p: parse_organisations(t, "o.tsv", p, {"KAZ"}),
            "code\tkind\tcountry\tname\taliases\nKAZPTY\tparty\tKAZ\tAmanat\t\nPTY\tmembers\t\tDemocrats\t\n",
            3,
            "a members code must start with its country code",
        ),
        (
            lambda t, p: parse_words(t, "w.tsv", p),
            "word\tclass\tvalue\nknesset\tinstitution\tISR\nsenate\tinstitution\tus\n",
            3,
            "institution word's value is the code of its country",
        ),
        (
            lambda t, p: parse_roles(t, "r.tsv", p, {"GOV"}),
            "term\tsector\toffice\tflags\tforms\npolice\tXYZ\t\t\t\n",
            2,
            "unknown sector",
        ),
        (
            lambda t, p: parse_roles(t, "r.tsv", p, {"GOV"}),
            "term\tsector\toffice\tflags\tforms\nking\tGOV\tmonarch\t\t\n",
            2,
            "office 'monarch'",
        ),
        (
            lambda t, p: parse_words(t, "w.tsv", p),
            "word\tclass\tvalue\nhe\tpronoun\tman\n",
            2,
            "pronoun must be",
        ),
        (
            lambda t, p: parse_sectors(t, "s.tsv", p),
            "code\tname\tsource\nGOV\tx\ty\nGOV\tz\ty\n",
            3,
            "repeats",
        ),
        (lambda t, p: parse_words(t, "w.tsv", p), "word\tclass\tvalue\nhe\tpronoun\n", 2, "expected 3"),
        (
            lambda t, p: parse_words(t, "w.tsv", p),
            "word\tclass\tvalue\nmr\thonorific\t\nmrs\thonorific\tx\n",
            3,
            "a honorific has no value",
        ),
        (
            lambda t, p: parse_words(t, "w.tsv", p),
            "word class value\nhe\tpronoun\tperson\n",
            1,
            "header must be",
        ),
    ],
)
def test_bad_lines_are_reported_with_line_and_reason(parse, text: str, line: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    problems = Problems()
    parse(text, problems)
    assert problems.items, "the bad line was accepted"
    first = problems.items[0]
    assert first.line == line and reason in first.reason, str(first)


def test_loading_a_bad_data_folder_raises_e301_with_file_and_line(tmp_path: Path) -> None:
    root = make_data_dir(tmp_path, {})
    roles = root / "actors" / "roles.tsv"
    lines = roles.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "spies\tSPIES\t\t\t")
    roles.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(EventwireError) as err:
        load_dictionaries(root)
    assert err.value.code == "E301"
    assert err.value.where == f"{roles}:6" and "unknown sector 'SPIES'" in err.value.detail


def test_missing_data_file_is_reported(tmp_path: Path) -> None:
    root = make_data_dir(tmp_path, {})
    (root / "actors" / "words.tsv").unlink()
    with pytest.raises(EventwireError) as err:
        load_dictionaries(root)
    assert err.value.code == "E301" and "words.tsv" in err.value.where and "cannot read" in err.value.detail
