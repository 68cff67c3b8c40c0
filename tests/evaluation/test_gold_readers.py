from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import shared_file

from eventwire.errors import EventwireError
from eventwire.evaluation.gold import load_gold


def test_seed_json() -> None:
    records = load_gold(shared_file("examples/seed_expected.json"))
    assert len(records) == 1
    assert len(records[0].events) == 5 and len(records[0].optional_events) == 5
    assert records[0].text.startswith("The President of Kazakhstan")


def test_plover_gsr_maps_old_type_names() -> None:
    records = load_gold(shared_file("gold/plover-gsr/dev.json"))
    assert records and all(r.kind == "plover" for r in records)
    types = {r.plover for r in records}
    assert "DEMAND" not in types and "REQUEST" in types
    assert all(r.events for r in records)


def test_petrarch_xml() -> None:
    records = load_gold(shared_file("gold/petrarch2-unit-tests/PETR.UnitTest.records.xml"))
    assert len(records) > 200
    first = records[0]
    assert first.id == "DEMO-00" and first.events and first.events[0].source == "ARN"


def test_jsonl_and_tsv(tmp_path: Path) -> None:
    jl = tmp_path / "g.jsonl"
    jl.write_text(
        '{"id": "a", "date": "2020-01-02", "text": "x", "events": [{"source": "USA", "code": "040"}]}\n'
        '{"id": "b", "text": "y", "events": []}\n'
    )
    recs = load_gold(jl)
    assert [r.id for r in recs] == ["a", "b"] and recs[0].events[0].target == ""
    tsv = tmp_path / "q.tsv"
    tsv.write_text("Troops attacked the village.\t4\nThey met.\t1\n")
    assert [r.quad_label for r in load_gold(tsv)] == [4, 1]


def test_unreadable_gold_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json}\n")
    with pytest.raises(EventwireError) as err:
        load_gold(bad)
    assert err.value.code == "E601"
    with pytest.raises(EventwireError):
        load_gold(tmp_path / "missing.json")
