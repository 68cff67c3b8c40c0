"""A user's PETRARCH verb dictionary (--verbs) replaces our patterns inside the normal pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Options
from eventwire.evaluation.gold import load_gold
from eventwire.ingest import make_article
from eventwire.pipeline import Coder
from eventwire.records import CodedArticle

UNIT = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "petrarch2-unit-tests"


@pytest.fixture(scope="module")
def petrarch_coder() -> Coder:
    if not UNIT.exists():
        pytest.skip("../shared/gold/petrarch2-unit-tests is not present; these tests read it in place")
    return Coder(
        Options(
            actor_files=(UNIT / "PETR.Validate.actors.txt",),
            agent_files=(UNIT / "PETR.Validate.agents.txt",),
            verb_files=(UNIT / "PETR.Validate.verbs.txt",),
        )
    )


def test_user_verbs_code_the_first_light_record(petrarch_coder: Coder) -> None:
    record = next(r for r in load_gold(UNIT / "PETR.UnitTest.records.xml") if r.id == "DEMO-00")
    article = make_article(record.text, date=record.date, article_id=record.id)
    [result] = list(petrarch_coder.code_articles([article]))
    assert isinstance(result, CodedArticle)
    coded = {(e.source_code[:3], e.target_code[:3], e.cameo_code[:2]) for e in result.events}
    gold = {(e.source[:3], e.target[:3], e.code[:2]) for e in record.events}
    assert gold <= coded
    event = next(e for e in result.events if e.cameo_code[:2] == gold.pop()[2])
    assert event.evidence["dictionary"] == "user PETRARCH verbs"
    assert event.evidence["pattern_line"].startswith(str(UNIT / "PETR.Validate.verbs.txt"))


def test_without_user_verbs_our_patterns_code(coder: Coder) -> None:
    events = coder.code_text("Kazakhstan and Russia held talks in Moscow.", date=date(2021, 12, 1))
    assert events and all(e.evidence.get("dictionary") is None for e in events)
