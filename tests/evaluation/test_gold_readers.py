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


def test_petrarch_xml_forms_and_repeated_ids(tmp_path: Path) -> None:
    xml = tmp_path / "records.xml"
    xml.write_text(
        "<Sentences>\n"
        '<Sentence date = "20080801" id ="AFP-1" category="PARSING" sentence="true">\n'
        "<Text>Pakistan accused the militants.</Text>\n"
        '<EventCoding sourcecode="PAK" targetcode="IMG" eventcode="111"></EventCoding>\n'
        "</Sentence>\n"
        '<Sentence date="19950101" id="A-18" sentence="true">\n'
        '<Text>France met Germany.</Text>\n<EventCoding sourcecode="FRA" targetcode="DEU" eventcode="040"/>\n'
        "</Sentence>\n"
        '<Sentence date="19950102" id="A-18" sentence="false">\n'
        '<Text>Spain met Italy.</Text>\n<EventCoding noevents = "True"> </EventCoding>\n'
        "</Sentence>\n</Sentences>\n",
        encoding="utf-8",
    )
    records = load_gold(xml)
    assert [r.id for r in records] == ["AFP-1", "A-18", "A-18#2"]
    assert records[0].date is not None and records[0].date.isoformat() == "2008-08-01"
    assert [(e.source, e.target, e.code) for e in records[0].events] == [("PAK", "IMG", "111")]
    assert [e.code for e in records[1].events] == ["040"] and records[2].events == []


def test_quad_tsv_label_must_be_a_class(tmp_path: Path) -> None:
    tsv = tmp_path / "q.tsv"
    tsv.write_text("They met.\t7\n")
    with pytest.raises(EventwireError):
        load_gold(tsv)
