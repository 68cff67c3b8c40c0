from __future__ import annotations

import csv

import pytest
from tests.conftest import shared_file

from eventwire.codebook import Codebook, parse_codebook
from eventwire.errors import EventwireError


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


def test_every_cameo_code_matches_the_reference_facts(codebook: Codebook) -> None:
    path = shared_file("reference/cameo/cameo_codes.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == len(codebook)
    for row in rows:
        info = codebook[row["code"]]
        assert info.goldstein == pytest.approx(float(row["goldstein"])), row["code"]
        assert info.quad_class == int(row["quad_class"]), row["code"]


def test_plover_crosswalk_matches_the_official_one(codebook: Codebook) -> None:
    path = shared_file("reference/plover/cameo2plover.csv")
    for row in csv.DictReader(path.open(encoding="utf-8")):
        if row["cameo_code"] in codebook:
            info = codebook[row["cameo_code"]]
            assert info.plover_type == row["plover_event"], row["cameo_code"]
            assert info.plover_mode == row["plover_mode"], row["cameo_code"]


def test_quad_and_penta_classes_follow_the_documented_conventions(codebook: Codebook) -> None:
    for code in codebook.codes():
        root = int(code[:2])
        info = codebook[code]
        assert info.quad_class == (1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4)
        assert info.penta_class == (
            0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        )


def test_seed_codes_carry_their_plover_type(codebook: Codebook) -> None:
    assert codebook["040"].plover_type == "CONSULT"
    assert codebook["042"].plover_mode == "visit"
    assert codebook["051"].plover_type == "SUPPORT"
    assert codebook["033"].plover_type == "AGREE"


HEADER = "code\tname\tgoldstein\tquad_class\tpenta_class\tplover_type\tplover_mode\tplover_context\n"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("04\tCONSULT\t1.0\t1\t1\tCONSULT\t\t", None),
        ("4x\tBAD\t1.0\t1\t1\t\t\t", "2-4 digits"),
        ("21\tBAD\t1.0\t1\t1\t\t\t", "outside 01-20"),
        ("04\tCONSULT\t11.0\t1\t1\t\t\t", "outside -10..10"),
        ("04\tCONSULT\t1.0\t5\t1\t\t\t", "quad_class"),
        ("04\tCONSULT\t1.0\t1\t1\tMEET\t\t", "unknown PLOVER type"),
        ("04\tCONSULT\t1.0", "expected 8 columns"),
    ],
)
def test_malformed_codebook_lines_name_file_line_and_reason(line: str, reason: str | None) -> None:
    text = HEADER + line + "\n"
    if reason is None:
        assert "04" in parse_codebook(text, "x.tsv")
        return
    with pytest.raises(EventwireError) as err:
        parse_codebook(text, "x.tsv")
    assert err.value.code == "E303"
    assert "x.tsv:2" in err.value.message and reason in err.value.message


def test_a_code_without_its_root_is_rejected() -> None:
    with pytest.raises(EventwireError, match="no root 04"):
        parse_codebook(HEADER + "042\tVisit\t1.9\t1\t1\tCONSULT\tvisit\t\n", "x.tsv")
