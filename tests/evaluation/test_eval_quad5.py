"""The 5-way class score derived from gold events: gold class of the first gold event, coded class of the
first coded event (the reference scorer's `quad` rule), 5×5 confusion, accuracy and macro-F1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.codebook import Codebook
from eventwire.evaluation.classes import plover_class
from eventwire.evaluation.run import code_gold, evaluate


def cameo_class(code: str) -> int:
    """CAMEO's 5-way classes written out from the codebook's definition (roots 01-02, 03-05, 06-08, 09-13,
    14-20), independently of the code under test."""
    root = int(code[:2])
    for cls, last in enumerate((2, 5, 8, 13, 20)):
        if root <= last:
            return cls
    raise AssertionError(code)


# (id, text, gold events, gold class written by hand from the gold events; None: no CAMEO root)
RECORDS: list[tuple[str, str, list[dict[str, str]], int | None]] = [
    (
        "attack",
        "Russian troops attacked Ukrainian villages near Kharkiv on Monday.",
        [{"source": "RUSMIL", "target": "UKR", "code": "190"}],
        4,
    ),
    (
        "meet",
        "The President of France met the Chancellor of Germany in Berlin on Tuesday.",
        [{"source": "FRAGOV", "target": "DEUGOV", "code": "040"}],
        1,
    ),
    (
        "condemn",
        "China condemned Japan over the disputed islands.",
        [{"source": "CHN", "target": "JPN", "code": "111"}],
        3,
    ),
    (
        "aid",
        "Germany sent humanitarian aid to Turkey after the earthquake.",
        [
            {"source": "DEU", "target": "TUR", "code": "073"},
            {"source": "DEU", "target": "TUR", "code": "043"},
        ],
        2,
    ),
    ("weather", "The weather was mild in Paris on Sunday.", [], 0),
    (
        "two-events",  # the gold lists the meeting first: gold class 1 whatever the coder codes first
        "Iran threatened Israel with retaliation, and Israel met Egypt's envoy in Cairo.",
        [
            {"source": "ISR", "target": "EGYGOV", "code": "040"},
            {"source": "IRN", "target": "ISR", "code": "138"},
        ],
        1,
    ),
    (
        "appeal",
        "After Syria attacked rebels, Turkey urged Syria to stop and offered talks.",
        [{"source": "TUR", "target": "SYR", "code": "020"}, {"source": "SYR", "target": "", "code": "190"}],
        0,
    ),
    (
        "made-up",
        "Canada and Mexico signed a trade agreement in Ottawa.",
        [{"source": "CAN", "target": "MEX", "code": "903"}],
        None,
    ),
]


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps({"id": i, "date": "2021-03-01", "text": t, "events": ev}) for i, t, ev, _ in RECORDS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_derived_confusion_matches_the_coded_events(tmp_path: Path, coder: Any) -> None:
    gold = _gold(tmp_path)
    run = code_gold(gold, coder.options, coder)
    report = evaluate(gold, coder.options, coder=coder, run=run)
    q = report["quad5_derived"]
    assert "derived from gold events" in q["about"] and "not the ConfliBERT" in q["about"]

    expected = [[0] * 5 for _ in range(5)]
    coded_any = 0
    for rid, _, _, gold_cls in RECORDS:
        events = run.coded[rid].events if rid in run.coded else []
        coded_any += bool(events)
        if gold_cls is None:
            continue
        guess = cameo_class(events[0].cameo_code) if events else 0
        expected[gold_cls][guess] += 1
    assert coded_any >= 3, "the coder should find events in most of these sentences"
    assert q["confusion"] == expected
    assert q["n"] == 7 and q["unlabelled"] == 1
    hits = sum(expected[k][k] for k in range(5))
    assert q["accuracy"] == round(hits / 7, 4)
    f1s = []
    for k in range(5):
        tp, coded, gold_n = expected[k][k], sum(r[k] for r in expected), sum(expected[k])
        p, r = (tp / coded if coded else 0.0), (tp / gold_n if gold_n else 0.0)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    assert q["macro_f1"] == round(sum(f1s) / 5, 4)
    assert q["macro_f1_gold_classes"] == round(sum(f1s) / 5, 4)  # every class occurs in this gold


def test_plover_types_map_to_the_class_of_their_cameo_roots() -> None:
    codebook = Codebook.load()
    # pre-2018 GSR names are CAMEO root names: DEMAND 10, DISAPPROVE 11, INVESTIGATE 09, FIGHT 19
    assert plover_class("DEMAND", codebook) == 3
    assert plover_class("DISAPPROVE", codebook) == 3
    assert plover_class("INVESTIGATE", codebook) == 3
    assert plover_class("FIGHT", codebook) == 4
    assert plover_class("AGREE", codebook) == 1
    assert plover_class("AID", codebook) == 2
    assert plover_class("PROTEST", codebook) == 4
    # REQUEST covers APPEAL (02, neutral) and DEMAND (10, verbal conflict): no single class
    assert plover_class("REQUEST", codebook) is None
    assert plover_class("NO SUCH TYPE", codebook) is None


def test_plover_gsr_gold_class_comes_from_the_original_type(tmp_path: Path, coder: Any) -> None:
    items = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "notes"},
        {
            "id": "d1",
            "date": "2001-05-02",
            "event": "DEMAND",
            "text": "Egypt demanded that Israel withdraw its troops from the border.",
            "source": [{"code": "EGY"}],
            "target": [{"code": "ISR", "sector": "MIL"}],
        },
        {
            "id": "f1",
            "date": "2001-05-02",
            "event": "FIGHT",
            "text": "Indian and Pakistani soldiers exchanged fire across the border.",
            "source": [{"code": "IND", "sector": "MIL"}],
            "target": "",
        },
    ]
    gold = tmp_path / "gsr.json"
    gold.write_text(json.dumps(items), encoding="utf-8")
    run = code_gold(gold, coder.options, coder)
    q = evaluate(gold, coder.options, coder=coder, run=run)["quad5_derived"]
    expected = [[0] * 5 for _ in range(5)]
    for rid, gold_cls in (("d1", 3), ("f1", 4)):
        events = run.coded[rid].events if rid in run.coded else []
        expected[gold_cls][cameo_class(events[0].cameo_code) if events else 0] += 1
    assert q["n"] == 2 and q["unlabelled"] == 0
    assert q["confusion"] == expected
