"""Quality gate: the coder against gold files read in place from ../shared.

Floors live in tests/eval_floors.json. Each metric keeps its history of floors; the floor in force must be the
highest one ever set, so a floor can only go up (lowering one means visibly editing its history). A digest of
each gold file is pinned too: if the gold changes, the floors must be re-established on purpose.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, shared_file

from eventwire.evaluation.run import evaluate

FLOORS: dict[str, Any] = json.loads((REPO / "tests" / "eval_floors.json").read_text(encoding="utf-8"))


def test_floors_only_go_up() -> None:
    for name, gate in FLOORS["gates"].items():
        for metric, spec in gate["metrics"].items():
            history = spec["history"]
            assert history, f"{name}.{metric} has no history"
            best = min(history) if spec["direction"] == "max" else max(history)
            assert spec["floor"] == best, (
                f"{name}.{metric}: floor {spec['floor']} is not its best ever ({best})"
            )


@pytest.mark.parametrize("name", sorted(FLOORS["gates"]))
def test_gate(name: str, coder: Any) -> None:
    gate = FLOORS["gates"][name]
    path = shared_file(gate["gold"])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == gate["sha256"], f"{gate['gold']} changed: re-establish the floors for {name} on purpose"
    if "options" in gate:  # e.g. users' PETRARCH dictionaries, read in place from ../shared
        from eventwire.pipeline import Coder

        files = {key: tuple(shared_file(p) for p in paths) for key, paths in gate["options"].items()}
        coder = Coder(coder.options.replace(**files))
    report = evaluate(Path(path), coder.options, gate.get("level", "entity"), coder=coder)
    for metric, spec in gate["metrics"].items():
        value = _lookup(report, metric)
        if spec["direction"] == "min":
            assert value >= spec["floor"], f"{name}: {metric} = {value} fell below its floor {spec['floor']}"
        else:
            assert value <= spec["floor"], (
                f"{name}: {metric} = {value} rose above its ceiling {spec['floor']}"
            )


def _lookup(report: dict[str, Any], dotted: str) -> float:
    value: Any = report
    for part in dotted.split("."):
        value = value[part]
    return float(value)
