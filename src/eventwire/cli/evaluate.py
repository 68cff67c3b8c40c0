"""`eventwire eval GOLD`: code a gold set; print P/R/F1, a per-root confusion table, misses, false events."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli.options import ActorFiles, AgentFiles, ConfigFile, VerbFiles
from eventwire.cli.output import write_events
from eventwire.config import load_options
from eventwire.evaluation.run import LEVELS, code_gold, evaluate

SHORT_NAMES = {
    "neutral": "neutral",
    "verbal cooperation": "verb coop",
    "material cooperation": "mat coop",
    "verbal conflict": "verb confl",
    "material conflict": "mat confl",
}


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold file: JSON/JSONL articles, PETRARCH XML, PLOVER GSR JSON, TSV.")
    ],
    level: Annotated[
        str, typer.Option(help="Actor level for misses and false events: entity or sector.")
    ] = "entity",
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
    actors: ActorFiles = None,
    agents: AgentFiles = None,
    verbs: VerbFiles = None,
    config: ConfigFile = None,
    show: Annotated[int, typer.Option(help="How many misses and false events to list.")] = 50,
    events_out: Annotated[
        Path | None,
        typer.Option(
            "--events-out",
            help="Also write the coded events as JSONL (the PRED file of ../shared/tools/score_events.py).",
        ),
    ] = None,
) -> None:
    """Score the coder against a gold file, as ../shared/tools/score_events.py scores."""
    if level not in LEVELS:
        raise typer.BadParameter(f"--level must be one of {', '.join(LEVELS)}")
    options = load_options(
        config, actor_files=actors or None, agent_files=agents or None, verb_files=verbs or None
    )
    run = code_gold(gold, options)
    report = evaluate(gold, options, level, run=run)
    if events_out is not None:
        write_events(run.events(), "jsonl", events_out, sys.stdout)
    if as_json:
        typer.echo(json.dumps(report, indent=1, ensure_ascii=False, default=str))
        return
    typer.echo(render(report, show))


def render(report: dict[str, Any], show: int) -> str:
    lines = [
        f"gold {report['gold']}: {report['records']} records ({report['kind']}), "
        f"{report['rejected']} rejected"
    ]
    for lv, s in report["events"].items():
        lines.append(
            f"events {lv:7s} tp={s['tp']} fp={s['fp']} fn={s['fn']} "
            f"P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}"
        )
    if "pass_rate" in report:
        lines.append(
            f"records passed ({report['level']} level): {report['passed']}/{report['records']} "
            f"= {report['pass_rate']:.3f}"
        )
    if "plover" in report:
        p = report["plover"]
        lines.append(f"plover n={p['n']} any_event={p['any_event']:.3f} type_recall={p['type_recall']:.3f}")
    if "quad" in report:
        lines += _class_table("quad5", report["quad"])
    if "quad5_derived" in report:
        lines += _class_table("quad5 (derived from gold events, not ConfliBERT)", report["quad5_derived"])
    lines += ["", "confusion (gold → coded for the same actor pair; '-' = nothing):"]
    for gold_key, row in report["confusion"].items():
        cells = ", ".join(f"{k}:{v}" for k, v in sorted(row.items(), key=lambda kv: -kv[1]))
        lines.append(f"  {gold_key:>9} → {cells}")
    lines += ["", f"misses ({len(report['misses'])}):"]
    for m in report["misses"][:show]:
        lines.append(f"  [{m['article_id']}] gold {'/'.join(m['gold'])}: {m.get('reason', '')}")
        for e in m.get("coded", [])[:5]:
            lines.append(
                f"      coded {e['source']}→{e['target'] or '-'} {e['code']} '{e['trigger']}': "
                f"{e['sentence'][:140]}"
            )
        if m.get("actors"):
            lines.append("      actors: " + "; ".join(m["actors"][:8]))
    lines += ["", f"false events ({len(report['false_events'])}):"]
    for f in report["false_events"][:show]:
        lines.append(
            f"  [{f['article_id']}] coded {'/'.join(f['predicted'])} '{f.get('trigger', '')}' "
            f"({f.get('reason', '')}): {f.get('sentence', '')[:140]}"
        )
    return "\n".join(lines)


def _class_table(title: str, q: dict[str, Any]) -> list[str]:
    """The 5-way class score: the reference's summary line, then the 5×5 confusion and per-class F1."""
    left_out = f" unlabelled={q['unlabelled']}" if q.get("unlabelled") else ""
    lines = [
        f"{title} n={q['n']} accuracy={q['accuracy']:.3f} macroF1={q['macro_f1']:.3f}{left_out} "
        f"(macroF1 over the gold's classes only: {q['macro_f1_gold_classes']:.3f})"
    ]
    if "about" in q:
        lines.append(f"  ({q['about']})")
    lines.append("  gold \\ coded " + "".join(f"{k:>6}" for k in range(len(q["classes"]))) + "     F1")
    for k, (name, row) in enumerate(zip(q["classes"], q["confusion"], strict=True)):
        cells = "".join(f"{v:>6}" for v in row)
        lines.append(f"  {k} {SHORT_NAMES.get(name, name):11s}{cells}  {q['per_class'][k]['f1']:.3f}")
    return lines
