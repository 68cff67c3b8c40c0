"""`eventwire eval GOLD`: code a gold set; print P/R/F1, a per-root confusion table, misses, false events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.config import load_options
from eventwire.evaluation.run import LEVELS, evaluate


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
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="PETRARCH/Phoenix actor file.")
    ] = None,
    agents: Annotated[
        list[Path] | None, typer.Option("--agents", help="PETRARCH/Phoenix agent file.")
    ] = None,
    verbs: Annotated[list[Path] | None, typer.Option("--verbs", help="PETRARCH verb dictionary.")] = None,
    config: Annotated[Path | None, typer.Option(help="TOML file with an [eventwire] table.")] = None,
    show: Annotated[int, typer.Option(help="How many misses and false events to list.")] = 50,
) -> None:
    """Score the coder against a gold file, as ../shared/tools/score_events.py scores."""
    if level not in LEVELS:
        raise typer.BadParameter(f"--level must be one of {', '.join(LEVELS)}")
    options = load_options(
        config, actor_files=actors or None, agent_files=agents or None, verb_files=verbs or None
    )
    report = evaluate(gold, options, level)
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
        q = report["quad"]
        lines.append(f"quad5 n={q['n']} accuracy={q['accuracy']:.3f} macroF1={q['macro_f1']:.3f}")
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
