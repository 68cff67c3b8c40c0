"""Negation, hypotheticals and report attribution, with the options that turn the filters off."""

from __future__ import annotations

import pytest
from tests.events.conftest import CodeEvents, triples

from eventwire.codebook import Codebook
from eventwire.config import Options
from eventwire.events import EventStage

ACTORS = {
    "Israel": "ISR",
    "Lebanon": "LBN",
    "Russia": "RUS",
    "Ukraine": "UKR",
    "China": "CHN",
    "Sudan": "SDN",
    "Hamas": "PSEREB",
    "Kazpravda.kz": "KAZMED",
    "Reuters": "GBRMED",
    "Jordanian official": "JORGOV",
}


@pytest.fixture(scope="module")
def lenient(codebook: Codebook) -> EventStage:
    return EventStage(Options(code_negated=True, code_hypothetical=True), codebook)


@pytest.mark.parametrize(
    "text",
    [
        "Israel did not meet with Lebanon.",
        "Israel never met with Lebanon.",
        "Israel held no talks with Lebanon.",
    ],
)
def test_negated_events_are_not_coded_by_default(
    code_events: CodeEvents, lenient: EventStage, text: str
) -> None:
    assert code_events(text, ACTORS) == []
    coded = code_events(text, ACTORS, stage=lenient)
    assert ("ISR", "LBN", "040") in triples(coded)
    event = next(e for e in coded if e.cameo_code == "040")
    assert event.evidence["filters"]["negated"] is True
    plain = code_events("Israel met with Lebanon.", ACTORS)
    assert event.confidence < plain[0].confidence


@pytest.mark.parametrize(
    "text",
    [
        "Russia may attack Ukraine.",
        "Russia could attack Ukraine next week.",
        "If Russia attacks Ukraine, the West will respond.",
        "Will Russia attack Ukraine?",
    ],
)
def test_hypothetical_events_are_not_coded_by_default(
    code_events: CodeEvents, lenient: EventStage, text: str
) -> None:
    assert code_events(text, ACTORS) == []
    coded = code_events(text, ACTORS, stage=lenient)
    assert ("RUS", "UKR", "190") in triples(coded)
    assert all(e.evidence["filters"]["hypothetical"] for e in coded)


def test_report_attribution_is_not_an_event_and_does_not_hide_the_reported_one(
    code_events: CodeEvents,
) -> None:
    assert triples(code_events("Kazpravda.kz reports that Russia met with China.", ACTORS)) == {
        ("RUS", "CHN", "040")
    }
    assert triples(code_events("Israel attacked Hamas, officials said.", ACTORS)) == {
        ("ISR", "PSEREB", "190")
    }
    assert triples(code_events("Officials said Israel attacked Hamas.", ACTORS)) == {("ISR", "PSEREB", "190")}
    got = code_events("Israel attacked Hamas, a Jordanian official confirmed.", ACTORS)
    assert triples(got) == {("ISR", "PSEREB", "190")}  # a known reporter adds no 010 either


def test_bare_said_is_a_statement_only_for_a_known_actor(code_events: CodeEvents) -> None:
    got = code_events("Russia said on Monday that the economy is growing.", ACTORS)
    assert triples(got) == {("RUS", "", "010")}
    assert got[0].evidence["notes"] == ["statement: what is reported holds no coded event"]
    assert code_events("Officials said on Monday that the economy is growing.", ACTORS) == []
    assert code_events("Reuters reported that the economy is growing.", ACTORS) == []
    assert code_events("Kazpravda.kz reports with reference to the press service.", ACTORS) == []


def test_refused_and_negated_future_cooperation_is_a_rejection(code_events: CodeEvents) -> None:
    assert triples(code_events("Israel will not meet with Lebanon.", ACTORS)) == {("ISR", "LBN", "125")}
    assert triples(code_events("Israel refused to meet with Lebanon.", ACTORS)) == {("ISR", "LBN", "125")}
