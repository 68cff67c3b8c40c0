"""Code a gold set with the real coder and build the report: scores, confusion, misses, false events."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.evaluation.classes import class_score, derived_class_score, predicted_class
from eventwire.evaluation.gold import GoldRecord, load_gold
from eventwire.evaluation.scoring import Triple, matches, norm_actor, score_events, triples
from eventwire.ingest import make_article
from eventwire.pipeline import Coder
from eventwire.records import CodedArticle, Event, Reject

LEVELS = ("entity", "sector")


@dataclass(slots=True)
class GoldRun:
    """A gold file coded by the coder: its records, the coded articles and the rejects, by record id."""

    gold_path: Path
    records: list[GoldRecord]
    coded: dict[str, CodedArticle] = field(default_factory=dict)
    rejects: dict[str, Reject] = field(default_factory=dict)

    def events(self) -> list[Event]:
        """All coded events, record by record in gold order, each record's in coding order."""
        return [e for r in self.records if r.id in self.coded for e in self.coded[r.id].events]


def code_gold(gold_path: Path, options: Options, coder: Coder | None = None) -> GoldRun:
    """Read a gold file and code its texts with the real coder."""
    records = load_gold(gold_path)
    coder = coder or Coder(options)
    articles = [
        make_article(r.text, date=r.date, article_id=r.id, origin=f"{gold_path.name}:{r.id}") for r in records
    ]
    run = GoldRun(gold_path, records)
    for result in coder.code_articles(articles):
        if isinstance(result, Reject):
            run.rejects[result.article_id] = result
        else:
            run.coded[result.article.id] = result
    return run


def evaluate(
    gold_path: Path,
    options: Options,
    level: str = "entity",
    coder: Coder | None = None,
    run: GoldRun | None = None,
) -> dict[str, Any]:
    """Code every gold record (or take an existing ``run``) and score it. Returns a JSON-ready report."""
    run = run or code_gold(gold_path, options, coder)
    records, coded, rejects = run.records, run.coded, run.rejects
    kind = records[0].kind if records else "events"
    report: dict[str, Any] = {
        "gold": str(gold_path),
        "kind": kind,
        "records": len(records),
        "level": level,
        "rejected": len(rejects),
    }
    key = _plover_key if kind == "plover" else _root_key
    report["events"] = {lv: _scores(records, coded, lv, key).as_dict() for lv in LEVELS}
    chosen = _scores(records, coded, level, key)
    report["confusion"] = _confusion(records, coded, key)
    report["misses"] = [_explain_miss(aid, t, coded.get(aid), rejects.get(aid)) for aid, t in chosen.misses]
    report["false_events"] = [_explain_false(aid, t, coded[aid], level, key) for aid, t in chosen.false]
    if kind == "plover":
        report["plover"] = _plover(records, coded)
    events = {r.id: coded[r.id].events if r.id in coded else [] for r in records}
    if kind == "quad":
        report["quad"] = class_score((r.quad_label or 0, predicted_class(events[r.id])) for r in records)
    else:
        report["quad5_derived"] = derived_class_score(records, events, Codebook.load())
    if kind == "events":
        passed = sum(1 for r in records if _passes(r, coded.get(r.id), level))
        report["pass_rate"] = round(passed / len(records), 4) if records else 0.0
        report["passed"] = passed
    return report


def _root_key(e: Event) -> str:
    return e.cameo_code[:2]


def _plover_key(e: Event) -> str:
    return e.plover_type


def _gold_key(r: GoldRecord, code: str) -> str:
    return r.plover if r.kind == "plover" else code[:2]


def _gold_triples(r: GoldRecord, level: str) -> tuple[set[Triple], set[Triple]]:
    req = triples(((e.source, e.target, _gold_key(r, e.code)) for e in r.events), level)
    opt = triples(((e.source, e.target, _gold_key(r, e.code)) for e in r.optional_events), level)
    return req, opt


def _pred_triples(c: CodedArticle | None, level: str, key: Any) -> set[Triple]:
    if c is None:
        return set()
    return triples(((e.source_code, e.target_code, key(e)) for e in c.events), level)


def _scores(records: list[GoldRecord], coded: dict[str, CodedArticle], level: str, key: Any) -> Any:
    gold = {r.id: _gold_triples(r, level) for r in records}
    pred = {r.id: _pred_triples(coded.get(r.id), level, key) for r in records}
    # PLOVER GSR records name some actors only as "IGO"/"NGO": any such body matches them.
    return score_events(gold, pred, generic_orgs=bool(records) and records[0].kind == "plover")


def _passes(r: GoldRecord, c: CodedArticle | None, level: str) -> bool:
    req, opt = _gold_triples(r, level)
    pred = _pred_triples(c, level, _root_key)
    return all(any(matches(p, g) for p in pred) for g in req) and all(
        any(matches(p, g) for g in req | opt) for p in pred
    )


def _confusion(
    records: list[GoldRecord], coded: dict[str, CodedArticle], key: Any
) -> dict[str, dict[str, int]]:
    """Gold key → predicted key for the same actor pair (entity level); '-' when nothing was coded for it."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in records:
        req, _ = _gold_triples(r, "entity")
        pred = _pred_triples(coded.get(r.id), "entity", key)
        used: set[Triple] = set()
        for gs, gt, gk in sorted(req):
            same_pair = [p for p in pred if p[0] == gs and (not gt or p[1] == gt or {p[0], p[1]} == {gs, gt})]
            exact = [p for p in same_pair if p[2] == gk]
            pick = exact[0] if exact else (same_pair[0] if same_pair else None)
            table[gk][pick[2] if pick else "-"] += 1
            if pick:
                used.add(pick)
        for p in pred - used:
            if not any(matches(p, g) for g in req):
                table["-"][p[2]] += 1
    return {k: dict(v) for k, v in sorted(table.items())}


def _event_brief(e: Event) -> dict[str, Any]:
    return {
        "source": e.source_code,
        "target": e.target_code,
        "code": e.cameo_code,
        "plover": e.plover_type,
        "trigger": e.trigger,
        "sentence": e.sentence,
        "reason": e.evidence.get("pattern", ""),
    }


def _explain_miss(aid: str, gold: Triple, c: CodedArticle | None, reject: Reject | None) -> dict[str, Any]:
    out: dict[str, Any] = {"article_id": aid, "gold": list(gold)}
    if reject is not None:
        out["reason"] = f"article rejected: {reject.message}"
        return out
    if c is None:
        out["reason"] = "article not coded"
        return out
    found = sorted({(m.code, m.text) for m in c.mentions})
    wanted = {gold[0], gold[1]} - {""}
    missing = [
        a
        for a in wanted
        if not any(norm_actor(code, "entity") == a or norm_actor(code, "sector") == a for code, _ in found)
    ]
    out["reason"] = (
        f"actor(s) not found: {', '.join(missing)}"
        if missing
        else "actors found, no event with this code between them"
    )
    out["coded"] = [_event_brief(e) for e in c.events]
    out["actors"] = [f"{text} → {code}" for code, text in found]
    return out


def _explain_false(aid: str, pred: Triple, c: CodedArticle, level: str, key: Any) -> dict[str, Any]:
    events = [e for e in c.events if triples([(e.source_code, e.target_code, key(e))], level) == {pred}]
    out: dict[str, Any] = {"article_id": aid, "predicted": list(pred)}
    if events:
        e = events[0]
        out.update(_event_brief(e))
        out["source_chain"] = e.evidence.get("source_chain", [])
        out["target_chain"] = e.evidence.get("target_chain", [])
    return out


def _plover(records: list[GoldRecord], coded: dict[str, CodedArticle]) -> dict[str, Any]:
    n = len(records)
    any_event = sum(1 for r in records if r.id in coded and any(e.plover_type for e in coded[r.id].events))
    hits = sum(
        1 for r in records if r.id in coded and r.plover in {e.plover_type for e in coded[r.id].events}
    )
    return {
        "n": n,
        "any_event": round(any_event / n, 4) if n else 0.0,
        "type_recall": round(hits / n, 4) if n else 0.0,
    }
