"""Readers for gold standards: our JSON/JSONL articles, PETRARCH validation XML, PLOVER GSR JSON, quad TSV."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.errors import EventwireError


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str
    target: str
    code: str


@dataclass(slots=True)
class GoldRecord:
    id: str
    date: date | None
    text: str
    events: list[GoldEvent] = field(default_factory=list)
    optional_events: list[GoldEvent] = field(default_factory=list)
    plover: str = ""  # PLOVER GSR: the gold event type (current PLOVER name)
    plover_original: str = ""  # PLOVER GSR: the type as written in the file (may be a pre-2018 name)
    quad_label: int | None = None  # quad TSV: the gold 5-way class
    kind: str = "events"  # "events", "plover", "quad"


# Old PLOVER type names in the GSR, as the gold README maps them.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def load_gold(path: Path) -> list[GoldRecord]:
    """Read any supported gold file; the format is chosen by extension and content."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EventwireError("E601", str(exc), where=str(path)) from exc
    try:
        return _unique_ids(_parse(path, text))
    except (ValueError, KeyError, TypeError) as exc:
        raise EventwireError("E601", f"{type(exc).__name__}: {exc}", where=str(path)) from exc


def _parse(path: Path, text: str) -> list[GoldRecord]:
    if path.suffix == ".xml":
        return _petrarch_xml(text)
    if path.suffix == ".tsv":
        return _quad_tsv(text)
    stripped = text.strip()
    if stripped.startswith("["):
        return _plover_gsr(json.loads(stripped))
    if stripped.startswith("{") and "\n{" not in stripped:
        return [_article(json.loads(stripped))]
    return [_article(json.loads(line)) for line in stripped.splitlines() if line.strip()]


def _unique_ids(records: list[GoldRecord]) -> list[GoldRecord]:
    """Each record is scored on its own: a repeated id (the PETRARCH unit tests have two AGENTS-18) gets
    "#2", "#3", ... appended, so two records never share one article's predictions."""
    seen: dict[str, int] = {}
    for r in records:
        seen[r.id] = seen.get(r.id, 0) + 1
        if seen[r.id] > 1:
            r.id = f"{r.id}#{seen[r.id]}"
    return records


def _date(value: str | None) -> date | None:
    if not value:
        return None
    return date.fromisoformat(value[:10])


def _events(items: list[dict[str, str]]) -> list[GoldEvent]:
    return [GoldEvent(e.get("source", "") or "", e.get("target", "") or "", e["code"]) for e in items]


def _article(obj: dict[str, object]) -> GoldRecord:
    events = obj.get("events", [])
    optional = obj.get("optional_events", [])
    assert isinstance(events, list) and isinstance(optional, list)
    return GoldRecord(
        str(obj["id"]),
        _date(str(obj.get("date") or "")),
        str(obj["text"]),
        _events(events),
        _events(optional),
    )


def _plover_gsr(items: list[dict[str, object]]) -> list[GoldRecord]:
    out = []
    for r in items:
        if not r.get("text") or not r.get("event") or r.get("event") == "DOCUMENT":
            continue
        plover = str(r["event"])
        out.append(
            GoldRecord(
                str(r["id"]),
                _date(str(r.get("date") or "2000-01-01")),
                str(r["text"]),
                plover=PLOVER_RENAMES.get(plover, plover),
                plover_original=plover,
                kind="plover",
                events=_plover_actor_events(r),
            )
        )
    return out


def _plover_actor_events(r: dict[str, object]) -> list[GoldEvent]:
    """Source×target pairs of a GSR record, so actor-level scores can be computed (code root left empty)."""

    def codes(key: str) -> list[str]:
        actors = r.get(key)
        if not isinstance(actors, list) or not actors:
            return [""]
        return [_gsr_code(a) for a in actors if isinstance(a, dict)] or [""]

    return [GoldEvent(s, t, "") for s in codes("source") for t in codes("target")]


def _gsr_code(actor: dict[str, object]) -> str:
    """A GSR actor's code; a country code and its sector ("HUN" + "GOV") combine as CAMEO does ("HUNGOV")."""
    code, sector = str(actor.get("code", "") or ""), str(actor.get("sector", "") or "")
    return code + sector if len(code) == 3 and len(sector) == 3 and code not in ("IGO", "NGO") else code


# EventCoding elements are written both self-closed and as <EventCoding ...></EventCoding> (the form of the
# PETRARCH2 unit tests; ../shared/tools/score_events.py reads only the self-closed one).
_SENTENCE = re.compile(r"<Sentence ([^>]*?)/?>|<EventCoding ([^>]*?)/?>|<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')  # XML allows spaces around "=": <Sentence id ="AFP-1">


def _petrarch_xml(raw: str) -> list[GoldRecord]:
    raw = re.sub(r"(?m)^#.*$", "", raw)  # as the reference scorer reads it
    out: list[GoldRecord] = []
    current: GoldRecord | None = None
    for m in _SENTENCE.finditer(raw):
        if m.group(1) is not None:
            attrs = dict(_ATTR.findall(m.group(1)))
            d = attrs.get("date", "20000101")
            current = GoldRecord(
                attrs.get("id", f"s{len(out)}"), date(int(d[:4]), int(d[4:6]), int(d[6:8])), ""
            )
            out.append(current)
        elif m.group(2) is not None and current is not None:
            a = dict(_ATTR.findall(m.group(2)))
            if a.get("eventcode"):
                current.events.append(
                    GoldEvent(a.get("sourcecode", ""), a.get("targetcode", ""), a["eventcode"])
                )
        elif m.group(3) is not None and current is not None:
            current.text = " ".join(m.group(3).split())
    return [r for r in out if r.text]


def _quad_tsv(raw: str) -> list[GoldRecord]:
    out = []
    for i, line in enumerate(raw.splitlines()):
        if not line.strip():
            continue
        text, label = line.rstrip("\r\n").rsplit("\t", 1)
        if label.strip() not in ("0", "1", "2", "3", "4"):
            raise ValueError(f"line {i + 1}: label {label!r} is not a 5-way class 0-4")
        out.append(GoldRecord(f"q{i}", date(2000, 1, 1), text, quad_label=int(label), kind="quad"))
    return out
