"""Building the flat Event row: codebook facts, place, date and evidence around one coded (source, code,
target) — shared by our own patterns and by users' PETRARCH verb dictionaries."""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Span

from eventwire.codebook import Codebook
from eventwire.events.places import Place
from eventwire.records import Article, Event, Mention, event_id_for


def actor_evidence(mention: Mention) -> dict[str, object]:
    return {
        "text": mention.text,
        "code": mention.code,
        "name": mention.name,
        "kind": mention.kind,
        "entity_id": mention.entity_id,
        "chain": list(mention.chain),
    }


def make_event(
    codebook: Codebook,
    article: Article,
    si: int,
    sentence: Span,
    code: str,
    source: Mention,
    target: Mention | None,
    trigger: tuple[str, int, int],
    when: date | None,
    place: Place | None,
    confidence: float,
    evidence: dict[str, Any],
) -> Event:
    """One Event; ``trigger`` is (text, char_start, char_end) in the article text."""
    info = codebook[code]
    text, start, end = trigger
    tcode = target.code if target else ""
    return Event(
        event_id=event_id_for(article.id, si, start, code, source.code, tcode),
        article_id=article.id,
        event_date=when,
        source_code=source.code,
        source_name=source.name,
        source_text=source.text,
        source_country=source.country,
        source_sector=source.sector,
        target_code=tcode,
        target_name=target.name if target else "",
        target_text=target.text if target else "",
        target_country=target.country if target else "",
        target_sector=target.sector if target else "",
        cameo_code=code,
        cameo_root=info.root,
        cameo_name=info.name,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover_type=info.plover_type,
        plover_mode=info.plover_mode,
        location_name=place.name if place else "",
        location_country=place.country if place else "",
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        sentence_index=si,
        sentence=sentence.text.strip(),
        trigger=text,
        char_start=start,
        char_end=end,
        confidence=confidence,
        evidence={
            **evidence,
            "source": actor_evidence(source),
            "target": actor_evidence(target) if target else None,
        },
    )
