"""Latency of the dyad time series over >= 1 M events: the query function and the live HTTP endpoint.

Builds a temporary DuckDB file with the real schema (``Store``) and N synthetic event rows generated in SQL
(``range()``; actors drawn with a skew so some dyads are busy and most are sparse, CAMEO codes and their
Goldstein values and quad classes from our codebook, dates over ten years, rows in random order as a
coder writes them), then times ``queries.dyad_series`` and ``GET /api/dyads/series`` for random dyads and
intervals and prints p50/p95/max. Goal: p95 <= 100 ms. Not a test: run it by hand.

    .venv/bin/python benchmarks/api_latency.py [--events 1000000] [--requests 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn

from eventwire import queries
from eventwire.api import create_app
from eventwire.codebook import Codebook
from eventwire.store import Store

COUNTRIES = ["USA", "CHN", "RUS", "UKR", "KAZ", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "SYR", "TUR", "IND",
             "PAK", "AFG", "IRQ", "EGY", "NGA", "BRA"]  # fmt: skip
SECTORS = ["", "GOV", "MIL", "COP", "REB", "OPP"]
FILL = """
INSERT INTO events (event_id, article_id, event_date, source_code, source_name, source_text,
    source_country, source_sector, target_code, target_name, target_text, target_country, target_sector,
    cameo_code, cameo_root, cameo_name, quad_class, goldstein, plover_type, plover_mode, location_name,
    location_country, latitude, longitude, sentence_index, sentence, trigger, char_start, char_end,
    confidence, coder_version, evidence)
WITH r AS (
    SELECT i, 1 + floor(pow(random(), 3) * len($actors))::INT AS s,
           1 + floor(pow(random(), 3) * len($actors))::INT AS t0,
           1 + floor(random() * len($codes))::INT AS c, floor(random() * 3650)::INT AS d
    FROM range($n) AS g(i)
), r2 AS (SELECT *, CASE WHEN t0 = s THEN t0 % len($actors) + 1 ELSE t0 END AS t FROM r)
SELECT 'ev' || i, 'art' || (i // 4), DATE '2015-01-01' + d,
       $actors[s], $actors[s], lower($actors[s]), left($actors[s], 3), substr($actors[s], 4),
       $actors[t], $actors[t], lower($actors[t]), left($actors[t], 3), substr($actors[t], 4),
       $codes[c], left($codes[c], 2), $names[c], $quads[c], $goldstein[c], $plover[c], '', '', '', NULL, NULL,
       0, 'A synthetic sentence number ' || i || '.', 'synthetic', 2, 11, 0.9, 'bench', '{}'
FROM r2 ORDER BY random()
"""


def build(path: Path, n: int) -> list[str]:
    """Write n events into a new store at path; return the actor codes used."""
    codebook = Codebook.load()
    codes = [c for c in codebook.codes() if len(c) >= 3]
    actors = [c + s for c in COUNTRIES for s in SECTORS]
    random.Random(1).shuffle(actors)
    params = {
        "n": n, "actors": actors, "codes": codes, "names": [codebook[c].name for c in codes],
        "quads": [codebook[c].quad_class for c in codes], "goldstein": [codebook[c].goldstein for c in codes],
        "plover": [codebook[c].plover_type for c in codes],
    }  # fmt: skip
    with Store(path) as store:
        store.con.execute("SELECT setseed(0.42)")
        store.con.execute(FILL, params)
        store.con.execute("CHECKPOINT")
    return actors


DASHBOARD = ["/api/events?limit=25", "/api/timeline?interval=week", "/api/dyads?limit=60",
             "/api/events?quad_class=4&source=RUS&limit=25", "/api/actors?limit=50"]  # fmt: skip


def summarize(label: str, seconds: list[float]) -> float:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[max(0, round(0.95 * len(ms)) - 1)]
    median = statistics.median(ms)
    print(f"{label:<50} n={len(ms):<4} p50={median:7.1f} ms  p95={p95:7.1f} ms  max={ms[-1]:7.1f} ms")
    return p95


def timed(call: Callable[..., object], cases: list[tuple[str, ...]] | list[tuple[()]]) -> list[float]:
    out = []
    for case in cases:
        start = time.perf_counter()
        call(*case)
        out.append(time.perf_counter() - start)
    return out


def time_function(path: Path, cases: list[tuple[str, str, str]]) -> list[float]:
    with Store(path, read_only=True) as store:

        def call(source: str, target: str, interval: str) -> object:
            cur = store.con.cursor()  # as the API does: a fresh cursor per request
            try:
                return queries.dyad_series(cur, queries.EventFilter(source=source, target=target), interval)
            finally:
                cur.close()

        timed(call, cases[:5])  # warm the buffer cache
        return timed(call, cases)


def time_http(path: Path, cases: list[tuple[str, str, str]]) -> list[float]:
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:

            def call(source: str, target: str, interval: str) -> object:
                params = {"source": source, "target": target, "interval": interval}
                return client.get("/api/dyads/series", params=params).raise_for_status()

            timed(call, cases[:5])
            series = timed(call, cases)
            for path_query in DASHBOARD:  # for information: what else the dashboard asks for
                path_only, _, query = path_query.partition("?")
                summarize(f"GET {path_query}", timed(lambda q=query, p=path_only: client.get(f"{p}?{q}"),
                                                     [()] * 20))  # fmt: skip
            return series
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description="p50/p95 latency of the dyad time series")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        build(path, args.events)
        size = path.stat().st_size / 2**20
        print(f"built {args.events:,} events in {time.perf_counter() - start:.1f} s ({size:.0f} MiB)")
        with Store(path, read_only=True) as store:
            top = queries.dyads(store.con, queries.EventFilter(), 300)
        print(
            f"dyads timed: the {len(top)} busiest, {top[-1]['events']:,} to {top[0]['events']:,} events each"
        )
        cases = [
            (d["source"], d["target"], rng.choice(queries.INTERVALS))
            for d in rng.choices(top, k=args.requests)
        ]
        p95 = max(summarize("queries.dyad_series (function)", time_function(path, cases)),
                  summarize("GET /api/dyads/series (HTTP, 127.0.0.1)", time_http(path, cases)))  # fmt: skip
    print(f"goal p95 <= 100 ms: {'met' if p95 <= 100 else 'NOT met'} (worst p95 {p95:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
