"""Which event a sentence gives, on real parses: verbs, nouns, light and phrasal verbs, passives, frames,
compound subjects, and where source and target come from."""

from __future__ import annotations

import pytest
from tests.events.conftest import CodeEvents, triples

ACTORS = {
    "Israel": "ISR",
    "Israeli": "ISR",
    "Lebanon": "LBN",
    "Russia": "RUS",
    "Russian": "RUS",
    "Ukraine": "UKR",
    "Iran": "IRN",
    "Japan": "JPN",
    "Germany": "DEU",
    "China": "CHN",
    "Sudan": "SDN",
    "The United States": "USA",
    "Syria": "SYR",
    "Turkey": "TUR",
    "Belarus": "BLR",
    "Hamas": "PSEREB",
    "Washington": "USAGOV",
    "The European Union": "IGOEEC",
    "the Swiss Confederation": "CHE",
    "The prime minister": "ISRGOV",
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs with the preposition that names the target
        ("Israel met with Lebanon on Monday.", {("ISR", "LBN", "040")}),
        ("Russia criticized Japan over its fishing policy.", {("RUS", "JPN", "111")}),
        ("Iran accused Germany of espionage.", {("IRN", "DEU", "1125")}),
        # nominal events
        ("Russia's official visit to the Swiss Confederation began on Monday.", {("RUS", "CHE", "042")}),
        ("Israeli air strikes against Hamas killed ten people.", {("ISR", "PSEREB", "195")}),
        ("The European Union imposed sanctions on Belarus.", {("IGOEEC", "BLR", "163")}),
        ("Washington announced new sanctions against Iran.", {("USAGOV", "IRN", "163")}),
        # light verbs: the noun is the event, the verb brings its source
        ("Japan expressed gratitude to Germany for the help.", {("JPN", "DEU", "051")}),
        ("Japan expressed full support for Germany.", {("JPN", "DEU", "051")}),
        ("Russia paid an official visit to China.", {("RUS", "CHN", "042")}),
        # phrasal verbs
        ("Russia called for talks with Ukraine.", {("RUS", "UKR", "026")}),
        ("Russia called on Ukraine to withdraw its troops.", {("RUS", "UKR", "0256")}),
        # passive: the agent is the source, the subject the target
        ("Russia was attacked by Ukraine on Sunday.", {("UKR", "RUS", "190")}),
    ],
)
def test_sentence_codes(code_events: CodeEvents, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = triples(code_events(text, ACTORS))
    assert expected <= got, got
    roots = {c[:2] for _, _, c in got}
    assert roots <= {c[:2] for _, _, c in expected} | {"19"}, got  # nothing unrelated


def test_compound_subject_gives_one_event_per_actor_pair(code_events: CodeEvents) -> None:
    got = triples(code_events("Israel and Lebanon discussed bilateral relations.", ACTORS))
    assert got == {("ISR", "LBN", "040"), ("LBN", "ISR", "040")}
    got = triples(code_events("Israel and Lebanon held talks in Cairo on Monday.", ACTORS))
    assert got == {("ISR", "LBN", "040"), ("LBN", "ISR", "040")}
    got = triples(code_events("Russia and China criticized Japan.", ACTORS))
    assert got == {("RUS", "JPN", "111"), ("CHN", "JPN", "111")}


def test_no_event_without_an_identifiable_source(code_events: CodeEvents) -> None:
    assert code_events("Talks were held in Geneva on Monday.", ACTORS) == []
    assert code_events("Somebody attacked Israel.", ACTORS) == []
    assert code_events("The meeting with Lebanon was long.", ACTORS) == []
    # a meeting needs two sides: an actor meeting on its own is no event
    assert code_events("The prime minister met on Sunday.", ACTORS) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia agreed to provide aid to Sudan.", ("RUS", "SDN", "033")),
        ("Russia threatened to impose sanctions on Turkey.", ("RUS", "TUR", "1312")),
        ("Germany rejected calls by Belarus for economic aid.", ("DEU", "BLR", "1221")),
        ("Iran urged Japan to support Syria.", ("IRN", "SYR", "053")),
        ("Iran urged Japan to hold talks.", ("IRN", "JPN", "026")),
        ("China will provide humanitarian aid to Sudan.", ("CHN", "SDN", "0333")),
        (
            "Russia will withdraw its troops from Syria unless Ukraine stops the attacks.",
            ("RUS", "SYR", "136"),
        ),
        ("Israel and Lebanon failed to reach an agreement.", ("ISR", "LBN", "127")),
        # "undertake" without a clause is only the support verb of the noun event it governs
        ("Japan and Germany agreed to undertake joint military exercises.", ("JPN", "DEU", "0312")),
    ],
)
def test_frames_compose_with_the_action_they_govern(
    code_events: CodeEvents, text: str, expected: tuple[str, str, str]
) -> None:
    got = code_events(text, ACTORS)
    assert expected in triples(got), triples(got)
    event = next(e for e in got if (e.source_code, e.target_code, e.cameo_code) == expected)
    assert event.evidence["frames"] or event.evidence["notes"]


def test_reported_obligation_is_a_demand_to_its_subject(code_events: CodeEvents) -> None:
    got = code_events("Russia said on Tuesday that Sudan must return the helicopter.", ACTORS)
    assert triples(got) == {("RUS", "SDN", "1053")}


def test_pronoun_subject_of_a_reported_clause_is_the_reporter(code_events: CodeEvents) -> None:
    got = code_events("Syria says it is willing to withdraw its troops from Lebanon.", ACTORS)
    assert triples(got) == {("SYR", "LBN", "0356")}


def test_threat_to_cut_off_supplies_is_a_non_force_threat(code_events: CodeEvents) -> None:
    # CAMEO's own example of 131: cutting off electricity is a reduction of relations (160)
    got = triples(code_events("Russia threatened to cut off electricity to Ukraine.", ACTORS))
    assert got == {("RUS", "UKR", "131")}


@pytest.mark.parametrize(
    ("text", "not_coded"),
    [
        ("Russia is demonstrating the strength of its economy.", "141"),  # another sense of the word
        ("The plant grew fast, considering the support of Russia.", "014"),  # a loose participle
        ("Japan's participation will allow China to expand the ceasefire.", "080"),  # no one acts
        ("The Pentagon released clips from a Hamas training video.", "0841"),  # no persons released
        ("Russia wants China to attack Japan.", "190"),  # only wished for
        ("Washington called Iran the biggest state sponsor of terrorism.", "041"),  # naming, not phoning
        ("Sudan accused Hamas of killing civilians.", "190"),  # alleged, not reported
    ],
)
def test_senses_that_are_not_the_event(code_events: CodeEvents, text: str, not_coded: str) -> None:
    actors = {**ACTORS, "The Pentagon": "USAMIL"}
    assert not_coded not in {c for _, _, c in triples(code_events(text, actors))}


def test_calling_names_is_a_statement_not_a_phone_call(code_events: CodeEvents) -> None:
    assert triples(code_events("Washington called Iran the biggest state sponsor of terrorism.", ACTORS)) == {
        ("USAGOV", "IRN", "111")
    }
    assert ("JPN", "DEU", "051") in triples(code_events("Japan called Germany a reliable partner.", ACTORS))


def test_aid_counted_in_quantities_is_carried_by_the_transfer_verb(code_events: CodeEvents) -> None:
    got = triples(code_events("Japan sent 700 tons of food aid to Sudan on Monday.", ACTORS))
    assert got == {("JPN", "SDN", "073")}
    got = triples(code_events("The United States pledged $100 million in aid to Ukraine.", ACTORS))
    assert got == {("USA", "UKR", "033")}
    # "measures of support" is not a quantity of support
    assert code_events("Japan will keep the measures of support for the industry.", ACTORS) == []
