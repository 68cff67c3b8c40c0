"""Quality floors of the actor stage on gold read in place from ../shared (measured, then pinned)."""

from __future__ import annotations

from actor_helpers import shared_path
from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.actors.evaluate import country_level, plover_actor_scores

# Measured 2026-11-28 with our packaged dictionaries: precision 0.9629, recall 0.9173 (was 0.962, 0.894).
PLOVER_FLOORS = {"precision": 0.962, "recall": 0.917}


def test_country_level() -> None:
    assert [country_level(c) for c in ("KAZGOV", "IGOUNOHLHWHO", "NGOHRIAMN", "ROM", "JAP", "", "---")] == [
        "KAZ",
        "ORG",
        "ORG",
        "ROU",
        "JPN",
        "",
        "",
    ]


def test_plover_actor_precision_and_recall_at_country_level(nlp: Language, stage: ActorStage) -> None:
    gold = shared_path("gold/plover-gsr/dev.json")
    scores = plover_actor_scores(gold, nlp.pipe, stage.resolve)
    print("PLOVER dev actors:", scores.as_dict())
    assert scores.gold > 350 and scores.unlocated < 10
    assert scores.precision >= PLOVER_FLOORS["precision"], scores.misses
    assert scores.recall >= PLOVER_FLOORS["recall"], scores.misses
