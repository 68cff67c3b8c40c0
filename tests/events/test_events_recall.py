"""Recall and direction from general constructions: a speech verb at a meeting (040/041), "called for X
to" (an appeal to X), planned meetings and visits (036), "in protest" (140, not beside the verb's own
protest), a name before a noun of violence that is a scene or a victim, a gerund that is no sit-in, and
"has the support of X" (X supports the subject)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from spacy.language import Language
from tests.events.conftest import CodeEvents, build_mentions, triples

from eventwire.events import EventStage
from eventwire.records import Article, Event


# ------------------------------------------------------------------ a speech verb at a consultation
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Putin said at a meeting with the Kyrgyz leader on Tuesday that Russia would help.", "040"),
        ("Putin said during talks with Erdogan that the two countries would cooperate.", "040"),
        ("Putin said in a phone call with Erdogan that the two countries would cooperate.", "041"),
    ],
)
def test_a_speaker_at_a_meeting_takes_part_in_it(code_events: CodeEvents, text: str, code: str) -> None:
    actors = {"Putin": "RUSGOV", "Kyrgyz leader": "KGZGOV", "Erdogan": "KGZGOV", "Russia": "RUS"}
    assert ("RUSGOV", "KGZGOV", code) in triples(code_events(text, actors))


def test_a_speaker_at_a_meeting_without_a_second_side_meets_no_one(code_events: CodeEvents) -> None:
    events = code_events("Putin said at a meeting on Tuesday that Russia would help.", {"Putin": "RUSGOV"})
    assert not any(e.cameo_code.startswith("04") for e in events)


# ------------------------------------------------------------------ "called for X to"
def test_called_for_x_to_is_an_appeal_to_x(code_events: CodeEvents) -> None:
    events = code_events(
        "Engel also called for Sessions to recuse himself.", {"Engel": "USALEG", "Sessions": "USAGOV"}
    )
    assert ("USALEG", "USAGOV", "020") in triples(events)


def test_a_for_clause_after_the_object_names_no_addressee(code_events: CodeEvents) -> None:
    text = "The agency is asking for more legal pathways for Syrians to travel to other countries."
    events = code_events(text, {"The agency": "IGOUNOREFHCR", "Syrians": "SYR"})
    assert not any(e.target_code == "SYR" for e in events)


# ------------------------------------------------------------------ planned meetings and visits: 036
@pytest.mark.parametrize(
    "text",
    [
        "Talks between Russia and Ukraine will be held in Minsk.",
        "Talks between Russia and Ukraine will begin next week.",
        "A meeting between Russia and Ukraine is planned for next week.",
    ],
)
def test_a_planned_meeting_is_an_intent_to_meet(code_events: CodeEvents, text: str) -> None:
    assert triples(code_events(text, {"Russia": "RUS", "Ukraine": "UKR"})) == {
        ("RUS", "UKR", "036"),
        ("UKR", "RUS", "036"),
    }


def test_talks_that_were_held_are_a_meeting(code_events: CodeEvents) -> None:
    events = code_events(
        "Talks between Russia and Ukraine were held in Minsk.", {"Russia": "RUS", "Ukraine": "UKR"}
    )
    assert ("RUS", "UKR", "040") in triples(events)


def test_an_upcoming_visit_is_an_intent_and_a_possible_one_nothing(code_events: CodeEvents) -> None:
    actors = {"Merkel": "DEUGOV", "Russia": "RUS", "Ukraine": "UKR"}
    assert ("DEUGOV", "RUS", "036") in triples(
        code_events("Merkel's upcoming visit to Russia was discussed.", actors)
    )
    assert not code_events("A possible meeting between Russia and Ukraine was discussed.", actors)


# ------------------------------------------------------------------ "in protest"
def test_in_protest_is_dissent(code_events: CodeEvents) -> None:
    text = "Russia closed its embassy in protest against the decision of Britain."
    assert ("RUS", "GBR", "140") in triples(code_events(text, {"Russia": "RUS", "Britain": "GBR"}))


def test_in_protest_adds_nothing_to_a_protest_verb(code_events: CodeEvents) -> None:
    text = "Workers have gone on strike in protest against the government."
    events = code_events(text, {"Workers": "FRALAB", "the government": "FRAGOV"})
    assert {e.cameo_code for e in events} == {"143"}


# ------------------------------------------------------------------ a name before a noun of violence
def _code_with_kinds(
    nlp: Language, stage: EventStage, text: str, actors: dict[str, tuple[str, str]]
) -> list[Event]:
    doc = nlp(text)
    mentions = build_mentions(doc, {phrase: code for phrase, (code, _) in actors.items()})
    kinds = {phrase: kind for phrase, (_, kind) in actors.items()}
    mentions = [dataclasses.replace(m, kind=kinds[m.text]) for m in mentions]
    events, _ = stage.extract(doc, Article(id="t", text=text, date=date(2024, 3, 15)), mentions)
    return events


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Thousands mourned one week after the Westminster attack.", ("Westminster", ("GBRLEG", "group"))),
        ("The Kim Jong-nam attack shocked the region.", ("Kim Jong-nam", ("PRKELI", "person"))),
    ],
)
def test_a_scene_or_victim_before_an_attack_is_no_attacker(
    en_nlp: Language, event_stage: EventStage, text: str, actor: tuple[str, tuple[str, str]]
) -> None:
    assert not _code_with_kinds(en_nlp, event_stage, text, dict([actor]))


def test_an_armed_group_before_an_attack_is_the_attacker(en_nlp: Language, event_stage: EventStage) -> None:
    events = _code_with_kinds(
        en_nlp, event_stage, "The Hamas attack killed ten people.", {"Hamas": ("PSEREB", "group")}
    )
    assert ("PSEREB", "", "190") in triples(events)


# ------------------------------------------------------------------ a sitting is no sit-in
def test_a_public_sitting_is_no_sit_in(code_events: CodeEvents) -> None:
    text = "The tribunal held its first public sitting in Dublin Castle."
    events = code_events(text, {"The tribunal": "IRLJUD", "Dublin Castle": "IRL"})
    assert not any(e.cameo_code.startswith("14") for e in events)


# ------------------------------------------------------------------ "has the support of X"
def test_the_support_of_x_is_given_by_x(code_events: CodeEvents) -> None:
    events = code_events("Merkel has the support of France.", {"Merkel": "DEUGOV", "France": "FRA"})
    assert triples(events) == {("FRA", "DEUGOV", "051")}


def test_the_support_of_no_actor_is_no_support_by_the_subject(code_events: CodeEvents) -> None:
    events = code_events("Merkel has the support of pro-Brexit hardliners.", {"Merkel": "DEUGOV"})
    assert not any(e.cameo_code.startswith("05") for e in events)


def test_taking_part_in_protests_stays_a_demonstration(code_events: CodeEvents) -> None:
    text = "Thousands of young people took part in anti-corruption protests throughout Russia."
    events = code_events(text, {"young people": "RUSCVL", "Russia": "RUS"})
    assert "141" in {e.cameo_code for e in events}


def test_a_common_noun_before_an_attack_is_the_attacker(en_nlp: Language, event_stage: EventStage) -> None:
    text = "Nigeria protested after violent mob attacks on Nigerian students in India."
    events = _code_with_kinds(
        en_nlp, event_stage, text, {"mob": ("INDCVL", "group"), "Nigerian students": ("NGAEDU", "group")}
    )
    assert ("INDCVL", "NGAEDU", "190") in triples(events)


def test_a_country_before_a_raid_on_a_target_is_the_attacker(code_events: CodeEvents) -> None:
    text = "The U.S. commando raid on an al Qaeda outpost killed ten."
    events = code_events(text, {"U.S.": "USA", "al Qaeda": "IMGMOSALQ"})
    assert ("USA", "IMGMOSALQ", "190") in triples(events)
