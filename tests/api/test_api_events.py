"""The JSON API against a live server on 127.0.0.1 over a store coded from real articles.

Expected values are computed here from the synthetic Event records the fixture wrote (all dated 2019, apart
from the real coding), never copied from the code under test.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from ew_api_support import SYN_END, SYN_START, CodedStore

from eventwire.records import Event

YEAR = {"start": str(SYN_START), "end": str(SYN_END)}


def _all_events(client: httpx.Client, window: dict[str, str] = YEAR, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = client.get(
            "/api/events", params={**window, **params, "limit": 40, "offset": len(items)}
        ).json()
        items += page["items"]
        if len(items) >= page["total"]:
            return items


def test_health_counts_the_real_coding(client: httpx.Client, coded_store: CodedStore) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    # every article written is either coded or rejected (the fixture adds one reject of its own)
    written = len(coded_store.real) + len(coded_store.synthetic) + 1
    assert health["articles"] + health["rejected_articles"] == written
    assert health["events"] >= len(coded_store.events)
    coded = {a["id"] for a in client.get("/api/articles", params={"limit": 500}).json()["items"]}
    rejected = {r["article_id"] for r in client.get("/api/rejects", params={"limit": 500}).json()["items"]}
    assert {a.id for a in coded_store.real} <= coded | rejected
    assert {c.article.id for c in coded_store.synthetic} <= coded and "broken-1" in rejected


def test_real_coding_is_served_with_its_evidence(client: httpx.Client, coded_store: CodedStore) -> None:
    before, after = {"end": str(SYN_START - timedelta(days=1))}, {"start": str(SYN_END + timedelta(days=1))}
    real = _all_events(client, before) + _all_events(client, after)
    if not real:
        pytest.skip("the pipeline coded no events from the real articles (actor/event stages not in yet)")
    texts = {a.id: a.text for a in coded_store.real}
    for event in real:
        text = texts[event["article_id"]]
        assert event["sentence"] in text
        if event["trigger_start"] is not None:
            shown = event["sentence"][event["trigger_start"] : event["trigger_end"]]
            assert (
                shown == text[event["char_start"] : event["char_end"]]
                or shown.lower() == event["trigger"].lower()
            )
    for event in real[:10]:
        detail = client.get(f"/api/events/{event['event_id']}").json()
        for side in ("source", "target"):
            nested = detail["evidence"].get(side)
            if isinstance(nested, dict) and isinstance(nested.get("chain"), list):
                assert detail[f"{side}_chain"] == nested["chain"]


@pytest.mark.parametrize(
    ("params", "keep"),
    [
        ({}, lambda e: True),
        ({"source": "usa"}, lambda e: e.source_code.startswith("USA")),
        ({"target": "IGOUNOHLHWHO"}, lambda e: e.target_code == "IGOUNOHLHWHO"),
        ({"source_country": "RUS"}, lambda e: e.source_country == "RUS"),
        ({"target_country": "KAZ"}, lambda e: e.target_country == "KAZ"),
        ({"cameo_root": "04"}, lambda e: e.cameo_root == "04"),
        ({"cameo_code": "19"}, lambda e: e.cameo_code.startswith("19")),
        ({"plover_type": "ASSAULT"}, lambda e: e.plover_type == "ASSAULT"),
        ({"quad_class": 2}, lambda e: e.quad_class == 2),
        ({"text": "OBAMA"}, lambda e: "obama" in e.sentence.lower()),
        ({"start": "2019-03-01", "end": "2019-03-31"}, lambda e: e.event_date.month == 3),
        ({"source": "UKR", "quad_class": 4}, lambda e: e.source_code == "UKR" and e.quad_class == 4),
    ],
)  # fmt: skip
def test_event_filters(
    client: httpx.Client, coded_store: CodedStore, params: dict[str, Any], keep: Any
) -> None:
    expected = [e for e in coded_store.events if keep(e)]
    got = _all_events(client, **params)
    assert sorted(e["event_id"] for e in got) == sorted(e.event_id for e in expected)
    assert [e["event_date"] for e in got] == sorted((e["event_date"] for e in got), reverse=True)


def test_paging_is_stable_and_limited(client: httpx.Client, coded_store: CodedStore) -> None:
    pages = [
        client.get("/api/events", params={**YEAR, "limit": 7, "offset": off}).json()
        for off in range(0, 70, 7)
    ]
    ids = [e["event_id"] for p in pages for e in p["items"]]
    assert len(ids) == len(set(ids)) == min(70, len(coded_store.events))
    assert all(p["total"] == len(coded_store.events) for p in pages)
    too_big = client.get("/api/events", params={"limit": 501})
    assert too_big.status_code == 400 and too_big.json()["error"]["code"] == "E501"
    assert "limit" in too_big.json()["error"]["message"]


def test_one_event_carries_its_evidence(client: httpx.Client, coded_store: CodedStore) -> None:
    quoted = {c.article.id for c in coded_store.synthetic if c.quotes}
    event = next(e for e in coded_store.events if e.article_id in quoted and e.target_code)
    body = client.get(f"/api/events/{event.event_id}").json()
    assert body["sentence"] == event.sentence and body["trigger"] == event.trigger
    assert body["sentence"][body["trigger_start"] : body["trigger_end"]] == event.trigger
    assert body["source_chain"] == event.evidence["source"]["chain"]
    assert body["target_chain"] == event.evidence["target"]["chain"]
    assert body["evidence"]["pattern"] == event.evidence["pattern"]
    assert body["article"]["id"] == event.article_id
    quote = body["quotes"][0]
    assert quote["speaker_code"] and quote["same_sentence"] is True
    assert quote["by_actor"] == (quote["speaker_code"] in (event.source_code, event.target_code))
    missing = client.get("/api/events/no-such-event")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E502"


def test_actors_counts_and_dates(client: httpx.Client, coded_store: CodedStore) -> None:
    seen: dict[str, list[Event]] = defaultdict(list)
    sides: Counter[tuple[str, str]] = Counter()
    for e in coded_store.events:
        for side, code in (("source", e.source_code), ("target", e.target_code)):
            if code:
                seen[code].append(e)
                sides[code, side] += 1
    body = client.get("/api/actors", params={**YEAR, "limit": 100}).json()
    assert body["total"] == len(seen)
    assert [a["events"] for a in body["items"]] == sorted((a["events"] for a in body["items"]), reverse=True)
    for actor in body["items"]:
        events = seen[actor["code"]]
        assert actor["events"] == len(events)
        assert (actor["as_source"], actor["as_target"]) == (
            sides[actor["code"], "source"],
            sides[actor["code"], "target"],
        )
        assert actor["first_seen"] == str(min(e.event_date for e in events))
        assert actor["last_seen"] == str(max(e.event_date for e in events))
    who = client.get("/api/actors", params={**YEAR, "q": "health"}).json()["items"]
    assert [a["code"] for a in who] == ["IGOUNOHLHWHO"]


def _period(day: date, interval: str) -> str:
    if interval == "week":
        return str(day - timedelta(days=day.weekday()))
    return str(day.replace(day=1) if interval == "month" else day)


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_dyad_series(client: httpx.Client, coded_store: CodedStore, interval: str) -> None:
    src, tgt = Counter(
        (e.source_code, e.target_code) for e in coded_store.events if e.target_code
    ).most_common(1)[0][0]
    groups: dict[str, list[float]] = defaultdict(list)
    for e in coded_store.events:
        if (e.source_code, e.target_code) == (src, tgt):
            groups[_period(e.event_date, interval)].append(e.goldstein)
    body = client.get("/api/dyads/series", params={"source": src, "target": tgt, "interval": interval}).json()
    assert (body["source"], body["target"], body["interval"]) == (src, tgt, interval)
    assert [p["period"] for p in body["points"]] == sorted(groups)
    for point in body["points"]:
        assert point["events"] == len(groups[point["period"]])
        assert point["goldstein_mean"] == pytest.approx(statistics.mean(groups[point["period"]]))
    one_sided = client.get("/api/dyads/series", params={"source": src})
    assert one_sided.status_code == 400 and one_sided.json()["error"]["code"] == "E501"


def test_timeline_and_network(client: httpx.Client, coded_store: CodedStore) -> None:
    expected = Counter((_period(e.event_date, "month"), e.quad_class) for e in coded_store.events)
    points = client.get("/api/timeline", params={**YEAR, "interval": "month"}).json()["points"]
    assert {(p["period"], p["quad_class"]): p["events"] for p in points} == dict(expected)
    edges = Counter((e.source_code, e.target_code) for e in coded_store.events if e.target_code)
    body = client.get("/api/dyads", params={**YEAR, "limit": 500}).json()["items"]
    assert {(d["source"], d["target"]): d["events"] for d in body} == dict(edges)
    top = client.get("/api/dyads", params={**YEAR, "limit": 3}).json()["items"]
    assert [d["events"] for d in top] == sorted(edges.values(), reverse=True)[:3]


def test_articles_and_rejects(client: httpx.Client, coded_store: CodedStore) -> None:
    coded = coded_store.synthetic[3]
    body = client.get(f"/api/articles/{coded.article.id}").json()
    assert body["text"] == coded.article.text and body["n_events"] == len(coded.events)
    assert sorted(body["event_ids"]) == sorted(e.event_id for e in coded.events)
    listed = client.get("/api/articles", params={"q": "synthetic 1", "limit": 500}).json()
    titled = {c.article.id for c in coded_store.synthetic if "synthetic 1" in c.article.title.lower()}
    assert {a["id"] for a in listed["items"]} == titled
    rejects = client.get("/api/rejects", params={"code": "E105", "stage": "ingest"}).json()["items"]
    assert ("broken-1", "E105 article has no date") in [(r["article_id"], r["message"]) for r in rejects]
    assert all((r["code"], r["stage"]) == ("E105", "ingest") for r in rejects)
    assert client.get("/api/rejects", params={"code": "E999"}).json()["total"] == 0
    assert client.get("/api/articles/nope").json()["error"]["code"] == "E502"


@pytest.mark.parametrize(
    "params",
    [
        {"start": "2019-05-01", "end": "2019-01-01"}, {"quad_class": 9}, {"cameo_root": "99"},
        {"source": "a b"}, {"plover_type": "FIGHT"}, {"limit": 0}, {"offset": -1}, {"start": "yesterday"},
        {"text": "x\x00y"},
        {"text": "x" * 201}, {"cameo_code": "04a"}, {"start": "0"}, {"end": "1700000000"},
    ],
)  # fmt: skip
def test_bad_parameters_get_400_with_a_code(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "E501" and error["message"].startswith("E501")


@pytest.mark.parametrize("params", [{"start": "0"}, {"end": "1700000000"}, {"start": "yesterday"}])
def test_article_dates_are_iso_dates_only(client: httpx.Client, params: dict[str, str]) -> None:
    """A number is no date, though pydantic alone reads it as a Unix timestamp."""
    response = client.get("/api/articles", params=params)
    assert response.status_code == 400 and response.json()["error"]["code"] == "E501"


def test_interval_and_unknown_route(client: httpx.Client) -> None:
    assert client.get("/api/timeline", params={"interval": "year"}).json()["error"]["code"] == "E501"
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "E502"
    assert client.post("/api/events").status_code == 405  # read-only: GET only


def test_sql_stays_data(client: httpx.Client, coded_store: CodedStore) -> None:
    before = client.get("/api/health").json()["events"]
    hostile = "'); DROP TABLE events; --"
    assert client.get("/api/events", params={"text": hostile}).json()["total"] == 0
    assert client.get("/api/actors", params={"q": hostile}).json()["total"] == 0
    assert client.get("/api/health").json()["events"] == before


def test_concurrent_requests_read_consistently(client: httpx.Client, base_url: str) -> None:
    def fetch(i: int) -> int:
        with httpx.Client(base_url=base_url, timeout=30) as c:
            return int(c.get("/api/events", params={**YEAR, "quad_class": 1 + i % 4}).json()["total"])

    with ThreadPoolExecutor(8) as pool:
        totals = list(pool.map(fetch, range(32)))
    assert all(totals[i] == totals[i % 4] for i in range(32))


def test_openapi_spec_is_served(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/dyads/series", "/api/articles",
                 "/api/rejects", "/api/health", "/api/export"):  # fmt: skip
        assert set(paths[path]) == {"get"}
        assert {"400", "404"} <= set(paths[path]["get"]["responses"])
    limit = next(p for p in paths["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500
