"""Our scorer must give the numbers ../shared/tools/score_events.py gives on the same predictions."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from tests.conftest import shared_file

from eventwire.evaluation.gold import load_gold
from eventwire.evaluation.scoring import macro_f1, matches, norm_actor, score_events, triples

CODES = ["KAZGOV", "IGOUNOHLHWHO", "CHE", "USAGOV", "RUSMIL", "ROMGOV", "ROU", ""]
ROOTS = ["040", "042", "051", "033", "010", "190", "112"]


def test_actor_normalisation() -> None:
    assert norm_actor("IGOUNOHLHWHO", "entity") == "IGO:WHO"
    assert norm_actor("KAZGOVMIL", "sector") == "KAZGOV"
    assert norm_actor("ROMGOV", "entity") == "ROU"
    assert norm_actor("---", "entity") == ""


def test_consult_pairs_are_unordered_and_empty_gold_target_matches_any() -> None:
    assert matches(("IGO:WHO", "KAZ", "04"), ("KAZ", "IGO:WHO", "04"))
    assert matches(("KAZ", "CHE", "03"), ("KAZ", "", "03"))
    assert not matches(("IGO:WHO", "KAZ", "05"), ("KAZ", "IGO:WHO", "05"))


def test_same_numbers_as_the_reference_scorer(tmp_path: Path) -> None:
    gold_path = shared_file("examples/seed_expected.json")
    tool = shared_file("tools/score_events.py")
    rng = random.Random(7)
    for trial in range(5):
        preds = [
            {
                "article_id": "seed-kazpravda-2021-12-01",
                "source_code": rng.choice(CODES),
                "target_code": rng.choice(CODES),
                "cameo_code": rng.choice(ROOTS),
            }
            for _ in range(rng.randint(0, 12))
        ]
        pred_path = tmp_path / f"pred{trial}.jsonl"
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds))
        out = subprocess.run(
            [sys.executable, str(tool), "events", str(gold_path), str(pred_path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        record = load_gold(gold_path)[0]
        for level in ("entity", "sector"):
            gold = {
                record.id: (
                    triples(((e.source, e.target, e.code[:2]) for e in record.events), level),
                    triples(((e.source, e.target, e.code[:2]) for e in record.optional_events), level),
                )
            }
            pred = {
                record.id: triples(
                    ((p["source_code"], p["target_code"], p["cameo_code"][:2]) for p in preds), level
                )
            }
            s = score_events(gold, pred)
            expected = (
                f"{level:7s} tp={s.tp} fp={s.fp} fn={s.fn} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}"
            )
            assert expected in out, (expected, out)


def test_macro_f1() -> None:
    accuracy, mf1 = macro_f1([(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (4, 3)])
    assert accuracy == 5 / 6
    assert 0.8 < mf1 < 1.0
