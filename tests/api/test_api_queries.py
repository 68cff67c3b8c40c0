"""The query layer called directly (what the API, the dashboard and the CLI export share)."""

from __future__ import annotations

from datetime import date

import pytest
from ew_api_support import SYN_END, SYN_START, CodedStore

from eventwire import queries
from eventwire.errors import EventwireError
from eventwire.queries import EventFilter
from eventwire.store import Store


@pytest.mark.parametrize(
    "kwargs",
    [
        {"start": date(2020, 1, 2), "end": date(2020, 1, 1)}, {"source": "usa"}, {"target": "US A"},
        {"cameo_root": "21"}, {"cameo_root": "4"}, {"cameo_code": "04x"}, {"plover_type": "FIGHT"},
        {"quad_class": 0}, {"text": "a\x00"}, {"text": "a" * 201},
    ],
)  # fmt: skip
def test_filter_rejects_bad_values(kwargs: dict[str, object]) -> None:
    with pytest.raises(EventwireError) as err:
        EventFilter(**kwargs)  # type: ignore[arg-type]
    assert err.value.code == "E501"


def test_where_clause_holds_only_placeholders() -> None:
    hostile = "x') OR 1=1 --"
    where, params = EventFilter(source="USA", quad_class=2, text=hostile).where()
    assert hostile not in where and where.count("?") == len(params) == 3
    assert params == ["USA", 2, hostile]
    assert EventFilter().where() == ("TRUE", [])


def test_trigger_span_uses_the_occurrence_that_holds_the_trigger() -> None:
    sentence = "He met them."
    text = f"{sentence} Then again: {sentence}"
    second = text.rindex(sentence)
    event = {"sentence": sentence, "trigger": "met", "char_start": second + 3, "char_end": second + 6}
    assert queries.trigger_span(event, text) == (3, 6)
    moved = {**event, "char_start": 500, "char_end": 503}  # offsets elsewhere: fall back to search
    assert queries.trigger_span(moved, text) == (3, 6)
    assert queries.trigger_span({**event, "trigger": "absent"}, "") == (None, None)


def test_mention_chain_shapes() -> None:
    assert queries.mention_chain({"source": {"chain": ["a", "b"]}}, "source") == ["a", "b"]
    assert queries.mention_chain({"target_chain": ["c"]}, "target") == ["c"]
    assert queries.mention_chain({"source": "USA"}, "source") == []


def test_pages_and_limits(coded_store: CodedStore) -> None:
    flt = EventFilter(start=SYN_START, end=SYN_END)
    with Store(coded_store.path, read_only=True) as store:
        first = queries.list_events(store.con, flt, limit=queries.MAX_PAGE)
        assert first["total"] == len(coded_store.events) == len(first["items"])
        with pytest.raises(EventwireError):
            queries.list_events(store.con, flt, limit=queries.MAX_PAGE + 1)
        with pytest.raises(EventwireError):
            queries.dyad_series(store.con, flt, "year")
        with pytest.raises(EventwireError) as err:
            queries.get_event(store.con, "missing")
        assert err.value.code == "E502"
