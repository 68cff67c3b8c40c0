"""Measuring the actor stage on its own: the seed article's expected actors and PLOVER GSR actors.

``plover_actor_scores`` scores mentions at country level against the source and target actors of a PLOVER
GSR file: each gold actor's text is found in the sentence; a predicted mention overlapping it counts for
recall when its country level (ISO country, or ``ORG`` for any IGO/NGO) equals the gold one, and every
predicted mention overlapping a gold actor counts for precision. Gold actors whose text cannot be found are
counted apart. Gold codes are normalised like ``../shared/tools/score_events.py`` does (ROM→ROU, ...), plus
three plain typos in the GSR (JAP, ITL, VTN).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.errors import EventwireError
from eventwire.records import Article, Mention

Resolve = Callable[[Doc, Article], list[Mention]]
GOLD_CODE_FIXES = {
    "ROM": "ROU",
    "TMP": "TLS",
    "ZAR": "COD",
    "KOS": "KSV",
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
}


@dataclass(slots=True)
class SeedResult:
    text: str
    expected_code: str
    expected_name: str
    found: list[tuple[str, str]]  # (code, name) of the mention covering each occurrence; ("", "") = none

    @property
    def ok(self) -> bool:
        return bool(self.found) and all(
            code == self.expected_code and (not self.expected_name or name == self.expected_name)
            for code, name in self.found
        )


def seed_check(seed: dict[str, Any], doc: Doc, resolve: Resolve) -> list[SeedResult]:
    """Each occurrence (any case) of an expected actor text must lie in a mention with the expected code."""
    article = Article(str(seed.get("id", "seed")), seed["text"], date.fromisoformat(seed["date"]))
    mentions = resolve(doc, article)
    out = []
    for actor in seed["actors"]:
        found = []
        for m in re.finditer(re.escape(actor["text"]), seed["text"], flags=re.IGNORECASE):
            cover = next((x for x in mentions if x.start_char <= m.start() and m.end() <= x.end_char), None)
            found.append((cover.code, cover.name) if cover else ("", ""))
        out.append(SeedResult(actor["text"], actor["code"], actor.get("name", ""), found))
    return out


@dataclass(slots=True)
class ActorScores:
    gold: int = 0  # gold actors found in their text
    unlocated: int = 0  # gold actors whose text could not be found
    recalled: int = 0
    predicted: int = 0  # predicted mentions overlapping a gold actor
    correct: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.recalled / self.gold if self.gold else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "unlocated": self.unlocated,
            "recalled": self.recalled,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def country_level(code: str) -> str:
    """``KAZGOV`` → ``KAZ``; any IGO/NGO code → ``ORG``; "" for none."""
    code = code.upper().strip()
    if not code or code == "---":
        return ""
    if code.startswith(("IGO", "NGO")):
        return "ORG"
    return GOLD_CODE_FIXES.get(code[:3], code[:3])


def read_plover_actors(path: Path) -> list[tuple[str, date, str, list[tuple[str, str]]]]:
    """(id, date, text, [(actor text, country level)]) for each PLOVER GSR record with a text."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EventwireError("E601", str(exc), where=str(path)) from exc
    out = []
    for r in records:
        if not r.get("text") or not r.get("event"):
            continue
        actors = [
            (a.get("actorText", ""), country_level(a.get("code", "")))
            for side in ("source", "target")
            if isinstance(r.get(side), list)
            for a in r[side]
            if isinstance(a, dict)
        ]
        out.append((r["id"], date.fromisoformat(r.get("date", "2000-01-01")), r["text"], actors))
    return out


def _locate(actor_text: str, text: str) -> tuple[int, int] | None:
    """Char span of a gold actor text in the sentence (gold texts may elide words with '...')."""
    first = re.split(r"\s*\.\.+\s*", " ".join(actor_text.split()))[0].strip(" (")
    if not first:
        return None
    pattern = r"\s+".join(re.escape(w) for w in first.split())
    found = re.search(pattern, text) or re.search(pattern, text, flags=re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def plover_actor_scores(
    path: Path, parse: Callable[[Iterable[str]], Iterable[Doc]], resolve: Resolve
) -> ActorScores:
    """Country-level actor precision and recall on a PLOVER GSR file (see module doc)."""
    records = read_plover_actors(path)
    scores = ActorScores()
    docs = parse([r[2] for r in records])
    for (rid, day, text, actors), doc in zip(records, docs, strict=True):
        mentions = resolve(doc, Article(rid, text, day))
        for actor_text, gold in actors:
            span = _locate(actor_text, text) if gold else None
            if span is None:
                scores.unlocated += 1
                continue
            scores.gold += 1
            over = [m for m in mentions if m.start_char < span[1] and span[0] < m.end_char]
            scores.predicted += len(over)
            hits = [m for m in over if country_level(m.code) == gold]
            scores.correct += len(hits)
            if hits:
                scores.recalled += 1
            else:
                got = ", ".join(f"{m.text}={m.code}" for m in over) or "nothing"
                scores.misses.append(f"{rid}: {actor_text!r} gold {gold}, got {got}")
    return scores
