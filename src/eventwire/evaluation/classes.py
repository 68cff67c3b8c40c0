"""The 5-way event class score (Phoenix/ConfliBERT ``cameo_class``), as score_events.py ``quad`` scores it.

Classes: 0 neutral (CAMEO roots 01-02, or no event), 1 verbal cooperation (03-05), 2 material cooperation
(06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).

Predicted class of a record, exactly as the reference ``quad`` mode: the class of the root of the FIRST coded
event of the record (events in coding order, the order ``eventwire code --format jsonl`` writes them); a
record with no coded event is class 0.

Gold class of a record:

- quad TSV (ConfliBERT): the label in the file.
- DERIVED FROM GOLD EVENTS, for gold files with events (this is not the ConfliBERT test set):
  - our JSON/JSONL articles and PETRARCH XML: the class of the root of the first required gold event, in
    file order (the counterpart of the first predicted event); a record with no required gold event is 0.
    Only CAMEO roots 01-20 count: a record whose gold events all carry other codes (the PETRARCH unit
    tests' made-up 212, 345, 903, ... that exercise the dictionaries) has no 5-way class and is left out,
    counted as ``unlabelled``.
  - PLOVER GSR: the class of the CAMEO roots that carry the record's PLOVER type in our codebook
    (data/codebook/cameo.tsv, column plover_type). The GSR's pre-2018 type names are CAMEO root names
    (DEMAND 10, DISAPPROVE 11, INVESTIGATE 09, FIGHT 19) and map to the root of that name, not to the
    newer type they were folded into (DEMAND became REQUEST, which also covers root 02, APPEAL: class 0).
    A type whose roots fall in more than one class gets no gold class: the record is left out and
    counted as ``unlabelled``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.codebook import PLOVER_TYPES, Codebook
from eventwire.evaluation.gold import GoldRecord
from eventwire.evaluation.scoring import PENTA_NAMES, macro_f1, quad5
from eventwire.records import Event

DERIVED_NOTE = (
    "derived from gold events, not the ConfliBERT test set: gold = class of the first gold event with a "
    "CAMEO root 01-20 (PLOVER GSR: of the roots of its type), none = 0; coded = class of the first coded "
    "event, none = 0, as score_events.py quad"
)


def predicted_class(events: Sequence[Event]) -> int:
    """The reference rule: the class of the first event's root (an empty code reads as 01); none → 0."""
    return quad5((events[0].cameo_code or "01")[:2]) if events else 0


def plover_roots(plover_type: str, codebook: Codebook) -> set[str]:
    """CAMEO roots for a PLOVER type: the codes carrying it, or, for an old type name, the root so named."""
    if plover_type in PLOVER_TYPES:
        return {code[:2] for code in codebook.codes() if codebook[code].plover_type == plover_type}
    return {code for code in codebook.codes() if len(code) == 2 and codebook[code].name == plover_type}


def plover_class(plover_type: str, codebook: Codebook) -> int | None:
    """The one 5-way class of the roots of a PLOVER type; None when it has no root or spans classes."""
    classes = {quad5(root) for root in plover_roots(plover_type, codebook)}
    return classes.pop() if len(classes) == 1 else None


def gold_class(record: GoldRecord, codebook: Codebook) -> int | None:
    """The gold 5-way class of a record (see the module docstring); None when it cannot be derived."""
    if record.kind == "quad":
        return record.quad_label
    if record.kind == "plover":
        return plover_class(record.plover_original or record.plover, codebook)
    codes = [e.code for e in record.events if e.code]
    cameo = [code for code in codes if code[:2] in codebook]
    return quad5(cameo[0][:2]) if cameo else None if codes else 0


def class_score(pairs: Iterable[tuple[int, int]]) -> dict[str, Any]:
    """Accuracy, macro-F1 (over all five classes, as the reference), per-class P/R/F1 and the 5×5 confusion
    (rows: gold class, columns: coded class) of (gold, coded) class pairs."""
    items = list(pairs)
    confusion = [[0] * len(PENTA_NAMES) for _ in PENTA_NAMES]
    for g, p in items:
        confusion[g][p] += 1
    accuracy, mf1 = macro_f1(items, len(PENTA_NAMES))
    per_class, f1s = [], []
    for k, name in enumerate(PENTA_NAMES):
        tp = confusion[k][k]
        coded = sum(row[k] for row in confusion)
        gold = sum(confusion[k])
        prec = tp / coded if coded else 0.0
        rec = tp / gold if gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        per_class.append(
            {
                "class": k,
                "name": name,
                "gold": gold,
                "coded": coded,
                "precision": round(prec, 4),
                "recall": round(rec, 4),
                "f1": round(f1, 4),
            }
        )
    in_gold = [f1 for f1, row in zip(f1s, confusion, strict=True) if sum(row)]
    return {
        "n": len(items),
        "accuracy": round(accuracy, 4),
        "macro_f1": round(mf1, 4),
        # the mean over the classes that occur in the gold only (PLOVER GSR has no class 0 record)
        "macro_f1_gold_classes": round(sum(in_gold) / len(in_gold), 4) if in_gold else 0.0,
        "classes": list(PENTA_NAMES),
        "confusion": confusion,
        "per_class": per_class,
    }


def derived_class_score(
    records: Sequence[GoldRecord], coded_events: dict[str, list[Event]], codebook: Codebook
) -> dict[str, Any]:
    """The 5-way class score of the coder on a gold file with events, the gold class derived from them."""
    pairs = []
    unlabelled = 0
    for r in records:
        gold = gold_class(r, codebook)
        if gold is None:
            unlabelled += 1
            continue
        pairs.append((gold, predicted_class(coded_events.get(r.id, []))))
    return {"about": DERIVED_NOTE, **class_score(pairs), "unlabelled": unlabelled}
