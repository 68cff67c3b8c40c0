"""A small generated news corpus (real sentences, JSON Lines) for the runner tests, and table snapshots."""

from __future__ import annotations

import json
import random
from pathlib import Path

import duckdb

ACTORS = [
    "Germany", "France", "Russia", "China", "Iran", "Japan", "Turkey", "Brazil", "Egypt", "Kenya",
    "The United Nations", "NATO", "The European Union", "Ukraine", "Israel", "India",
]  # fmt: skip
ACTIONS = [
    "{a} accused {b} of violating the ceasefire agreement.",
    "{a} met {b} in Geneva to discuss trade.",
    "{a} praised {b} for its help after the earthquake.",
    "{a} urged {b} to release the detained journalists.",
    "{a} signed a cooperation agreement with {b}.",
    "{a} condemned {b} over the missile test.",
    "{a} threatened {b} with new sanctions.",
    "{a} rejected the proposal made by {b}.",
    "{a} expelled two diplomats from {b}.",
    "{a} promised economic aid to {b}.",
]
FILLERS = [
    "The weather in the capital was mild for the season.",
    "Markets closed slightly higher on the day.",
    "The talks lasted for about three hours.",
    "Local newspapers carried the story on their front pages.",
    "Analysts expect further discussions next month.",
]


def write_corpus(path: Path, n: int = 40, seed: int = 7) -> Path:
    """``n`` dated articles of 3-6 sentences, plus a malformed line and an article with no date."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            if rng.random() < 0.6:
                a, b = rng.sample(ACTORS, 2)
                sentences.append(rng.choice(ACTIONS).format(a=a, b=b.replace("The ", "the ")))
            else:
                sentences.append(rng.choice(FILLERS))
        day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines.append(json.dumps({"id": f"art-{i:03d}", "date": day, "text": " ".join(sentences)}))
        if i == n // 2:
            lines.append('{"id": "broken", "date": "2021-01-01", "text": ')  # malformed JSON: a reject
    lines.append(json.dumps({"id": "undated", "text": "Germany praised France for its help."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (without the time of writing), sorted: what two runs must agree on."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": sorted(con.execute("SELECT id, date, text, n_events FROM articles").fetchall()),
            "events": sorted(
                con.execute(
                    "SELECT event_id, article_id, source_code, target_code, cameo_code, trigger, "
                    "sentence_index FROM events"
                ).fetchall()
            ),
            "quotes": sorted(con.execute("SELECT quote_id, article_id FROM quotes").fetchall()),
            "rejects": sorted(con.execute("SELECT article_id, stage, code FROM rejects").fetchall()),
        }
    finally:
        con.close()
