"""Event scoring with the rules of ../shared/tools/score_events.py, written for eventwire.

Unique (source, target, key) triples per article, where key is the CAMEO root (or the PLOVER type for PLOVER
gold). Actors compare at entity level (country "KAZ" or organisation "IGO:WHO", the last 3-letter block of an
IGO/NGO code) or sector level (first six characters, "KAZGOV"). CONSULT (root 04) pairs are unordered; an
empty gold target matches any target; predictions matching an optional gold event are not false positives.

Where our gold readers (gold.py) read more than the reference scorer, on purpose (checked 2026-11-28: with
the gold normalised so the reference reads it all, both give the same P/R/F1 on the same predictions;
``eventwire eval GOLD --events-out PRED.jsonl`` writes them):

- PETRARCH XML ``<EventCoding ...></EventCoding>`` (every coding in PETR.UnitTest.records.xml): the
  reference reads only the self-closed form, so it sees no gold event there and counts every prediction
  false.
- XML attributes with spaces around "=" (``<Sentence date = "20080801" id ="AFP...">``, 12 unit-test
  sentences): the reference loses their id and date (all share the id None).
- A repeated record id (AGENTS-18 and AGENTS-19 in the unit tests, PLOVER-GSR01-COERCE-0004 in the PLOVER
  dev split): ours scores each record on its own ("#2" appended); the reference pools their predictions.
- PLOVER GSR: the reference stops on a record whose target is "" rather than a list, and its ``plover``
  mode compares the file's pre-2018 type names (DEMAND, ...) with today's; ours maps them (gold.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# CAMEO country codes that differ from ISO 3166 alpha-3, compared as the ISO code.
CAMEO_TO_ISO = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KSV": "XKX", "KOS": "XKX"}
UNORDERED_KEYS = frozenset({"04", "CONSULT"})

Triple = tuple[str, str, str]


def norm_actor(code: str, level: str) -> str:
    code = (code or "").upper().strip()
    if not code or code == "---":
        return ""
    if code.startswith(("IGO", "NGO")):
        blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
        return code[:3] + ":" + blocks[-1]
    code = CAMEO_TO_ISO.get(code[:3], code[:3]) + code[3:]
    return code[:3] if level == "entity" else code[:6]


def triples(items: Iterable[tuple[str, str, str]], level: str) -> set[Triple]:
    """(source, target, key) → normalised triples; key is a CAMEO root or a PLOVER type."""
    out: set[Triple] = set()
    for source, target, key in items:
        if not key:
            continue
        s, t = norm_actor(source, level), norm_actor(target, level)
        if key in UNORDERED_KEYS and s and t:
            s, t = sorted((s, t))
        out.add((s, t, key))
    return out


GENERIC_ORGS = frozenset({"IGO:IGO", "NGO:NGO"})


def _same(pred: str, gold: str, generic_orgs: bool) -> bool:
    """Equal actors; with ``generic_orgs`` a bare gold "IGO"/"NGO" (PLOVER GSR) stands for any such body."""
    return pred == gold or (generic_orgs and gold in GENERIC_ORGS and pred[:4] == gold[:4])


def matches(pred: Triple, gold: Triple, generic_orgs: bool = False) -> bool:
    ps, pt, pk = pred
    gs, gt, gk = gold
    if pk != gk:
        return False
    if gk in UNORDERED_KEYS and gt and pt:
        return (_same(ps, gs, generic_orgs) and _same(pt, gt, generic_orgs)) or (
            _same(ps, gt, generic_orgs) and _same(pt, gs, generic_orgs)
        )
    return _same(ps, gs, generic_orgs) and (gt == "" or _same(pt, gt, generic_orgs))


@dataclass(slots=True)
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, Triple]] = field(default_factory=list)  # (article id, gold triple)
    false: list[tuple[str, Triple]] = field(default_factory=list)  # (article id, predicted triple)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def score_events(
    gold: dict[str, tuple[set[Triple], set[Triple]]], pred: dict[str, set[Triple]], generic_orgs: bool = False
) -> Scores:
    """gold: article id → (required triples, optional triples); pred: article id → predicted triples."""
    s = Scores()
    for aid, (required, optional) in gold.items():
        predicted = pred.get(aid, set())
        matched = {g for g in required if any(matches(p, g, generic_orgs) for p in predicted)}
        s.tp += len(matched)
        s.fn += len(required - matched)
        s.misses.extend((aid, g) for g in sorted(required - matched))
        for p in sorted(predicted):
            if not any(matches(p, g, generic_orgs) for g in required | optional):
                s.fp += 1
                s.false.append((aid, p))
    return s


PENTA_NAMES = (
    "neutral",
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
)


QUAD5_CLASSES = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2}
QUAD5_VERBAL_CONFLICT = frozenset({"09", "10", "11", "12", "13"})


def quad5(root: str) -> int:
    """The 5-way class of a CAMEO root string, by the reference rule: any other string is class 4."""
    return QUAD5_CLASSES.get(root, 3 if root in QUAD5_VERBAL_CONFLICT else 4)


def macro_f1(pairs: Iterable[tuple[int, int]], classes: int = 5) -> tuple[float, float]:
    """(accuracy, macro-F1) over (gold, guess) class pairs."""
    items = list(pairs)
    if not items:
        return 0.0, 0.0
    accuracy = sum(1 for g, p in items if g == p) / len(items)
    f1s = []
    for k in range(classes):
        tp = sum(1 for g, p in items if g == k and p == k)
        fp = sum(1 for g, p in items if g != k and p == k)
        fn = sum(1 for g, p in items if g == k and p != k)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return accuracy, sum(f1s) / classes
