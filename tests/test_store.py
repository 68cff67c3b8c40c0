from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import Article, CodedArticle, Event, Quote, Reject, event_id_for
from eventwire.store import Store


def make_event(article_id: str, n: int, *, text: str = "met", goldstein: float = 1.0) -> Event:
    return Event(
        event_id=event_id_for(article_id, n, n * 10, "040", "KAZGOV", "IGOUNOHLHWHO"),
        article_id=article_id,
        event_date=date(2021, 12, 1),
        source_code="KAZGOV",
        source_name="Tokayev",
        source_text="The President",
        source_country="KAZ",
        source_sector="GOV",
        target_code="IGOUNOHLHWHO",
        target_name="Tedros",
        target_text="the WHO",
        target_country="",
        target_sector="",
        cameo_code="040",
        cameo_root="04",
        cameo_name="Consult",
        quad_class=1,
        goldstein=goldstein,
        plover_type="CONSULT",
        plover_mode="",
        location_name="Geneva",
        location_country="CHE",
        latitude=46.2,
        longitude=6.14,
        sentence_index=n,
        sentence=text,
        trigger=text,
        char_start=n * 10,
        char_end=n * 10 + 3,
        confidence=0.9,
        evidence={"pattern": "meet", "chain": ["a", "b"]},
    )


def coded(article_id: str, n_events: int, text: str = "met") -> CodedArticle:
    art = Article(id=article_id, text=f"text {article_id}", date=date(2021, 12, 1), origin="test")
    quote = Quote(
        f"q-{article_id}", article_id, "We highly appreciate", "the President", "KAZGOV", "Tokayev", 4, 0, 9
    )
    return CodedArticle(art, [make_event(article_id, i, text=text) for i in range(n_events)], [quote])


def counts(path: Path) -> tuple[int, ...]:
    con = duckdb.connect(str(path), read_only=True)
    out = tuple(
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "events", "quotes", "rejects")
    )  # type: ignore[index]
    con.close()
    return out


def test_rewriting_the_same_articles_duplicates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    with Store(db) as store:
        store.write(
            [coded("a1", 3), coded("a2", 2)], [Reject("bad1", "x.jsonl:line 3", "ingest", "E106", "E106 bad")]
        )
        store.write(
            [coded("a1", 3), coded("a2", 2)], [Reject("bad1", "x.jsonl:line 3", "ingest", "E106", "E106 bad")]
        )
    assert counts(db) == (2, 5, 2, 1)


def test_recoding_an_article_replaces_its_old_events(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    with Store(db) as store:
        store.write([coded("a1", 3)])
        store.write([coded("a1", 1)])
        assert store.summary().events == 1
        assert store.coded_ids() == {"a1"}


def test_summary_counts_quads_dyads_and_rejects(tmp_path: Path) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        store.write([coded("a1", 2)], [Reject("r1", "f", "ingest", "E103", "empty")])
        s = store.summary()
    assert (s.coded, s.rejected, s.articles, s.events, s.quotes) == (1, 1, 2, 2, 1)
    assert s.by_quad == {1: 2}
    assert s.top_dyads == [("KAZGOV", "IGOUNOHLHWHO", 2)]
    assert s.reject_codes == {"E103": 1}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=0, max_size=200),
    goldstein=st.floats(min_value=-10, max_value=10, allow_nan=False),
)
def test_event_rows_round_trip_unchanged(tmp_path: Path, text: str, goldstein: float) -> None:
    db = tmp_path / "rt.duckdb"
    with Store(db) as store:
        event = make_event("art", 0, text=text, goldstein=goldstein)
        store.write([CodedArticle(Article(id="art", text=text), [event])])
        row = store.con.execute("SELECT sentence, trigger, goldstein, evidence FROM events").fetchone()
    assert row is not None
    assert row[0] == text and row[1] == text
    assert row[2] == goldstein
    assert json.loads(row[3]) == event.evidence
