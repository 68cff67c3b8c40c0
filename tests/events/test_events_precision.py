"""Precision rules from hand-judged real news: "seek to" is trying, warnings of a risk are pessimistic
comments, readiness under "could"/"would" is hypothetical, "target" needs a concrete target, "yet to" and
"must" clauses are not events of their subject, nouns that name no event; and recall: "in protest",
a passive accusation whose agent the parser hung from the gerund."""

from __future__ import annotations

import pytest
from tests.events.conftest import CodeEvents, triples

from eventwire.records import Event

ACTORS = {
    "Israel": "ISR",
    "Iran": "IRN",
    "Iranian": "IRN",
    "Russia": "RUS",
    "Libya": "LBY",
    "Hamas": "PSEREB",
    "Germany": "DEU",
    "Spain": "ESP",
    "Britain": "GBR",
    "Ireland": "IRL",
    "Turkey": "TUR",
    "US officials": "USAGOV",
    "Aid agencies": "NGO",
    "asylum seekers": "REF",
    "Chinese dignitaries": "CHNGOV",
    "Chinese companies": "CHNBUS",
    "Trump": "USAGOV",
    "CNN": "USAMED",
    "Moscow": "RUSGOV",
}


def codes(events: list[Event]) -> set[str]:
    return {e.cameo_code for e in events}


# ------------------------------------------------------------------ 1. "seek to" is trying, not asking
@pytest.mark.parametrize(
    "text",
    [
        "Israel sought on Wednesday to dismiss the report.",  # purpose clause
        "Israel and its allies seek to wrest control of the city from Hamas.",  # "to" read as a preposition
    ],
)
def test_seek_with_an_infinitive_is_no_appeal(code_events: CodeEvents, text: str) -> None:
    assert not any(c.startswith("02") for c in codes(code_events(text, ACTORS)))


def test_seek_with_a_noun_object_stays_an_appeal(code_events: CodeEvents) -> None:
    assert ("RUS", "IRN", "023") in triples(code_events("Russia sought help from Iran.", ACTORS))


# ------------------------------------------------------------------ 2. warnings of a risk are 012
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US officials warn Russia could be interfering in Libya.", ("USAGOV", "RUS", "012")),
        (
            "Germany warned Trump that reversing the policies could hurt the economy.",
            ("DEU", "USAGOV", "012"),
        ),
        ("Israel warned that Iran will attack Hamas.", ("ISR", "PSEREB", "012")),
        (
            "Aid agencies have long warned of a worrying level of mental health issues among asylum seekers.",
            ("NGO", "REF", "012"),
        ),
    ],
)
def test_a_warning_of_a_risk_is_a_pessimistic_comment(
    code_events: CodeEvents, text: str, expected: tuple[str, str, str]
) -> None:
    coded = code_events(text, ACTORS)
    assert expected in triples(coded)
    assert not any(c.startswith("13") for c in codes(coded))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel warned of retaliation against Iran.", ("ISR", "IRN", "130")),
        ("Israel warned Iran against attacking.", ("ISR", "IRN", "130")),
        ("Israel warned Iran that it will face consequences.", ("ISR", "IRN", "130")),
        ("Moscow warned that police will no longer tolerate rallies by Hamas.", ("RUSGOV", "PSEREB", "130")),
        ("Israel warned Iran.", ("ISR", "IRN", "130")),
    ],
)
def test_a_warning_of_ones_own_coercion_is_a_threat(
    code_events: CodeEvents, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(code_events(text, ACTORS))


def test_what_one_warns_against_is_not_done(code_events: CodeEvents) -> None:
    assert "190" not in codes(code_events("Israel warned Iran against attacking.", ACTORS))


# ------------------------------------------------------------------ 3. hypothetical readiness, "target"
@pytest.mark.parametrize(
    "text",
    [
        "Having a Republican in the White House could make Russia more willing to negotiate with Israel.",
        "Iran would be more willing to allow Israel to build the road.",
    ],
)
def test_readiness_under_could_or_would_is_hypothetical(code_events: CodeEvents, text: str) -> None:
    assert not any(c.startswith("03") for c in codes(code_events(text, ACTORS)))


@pytest.mark.parametrize(
    "text",
    [
        "Israel has indicated it would be willing to negotiate with Iran.",  # a reported "will"
        "Israel would be willing to negotiate with Iran if Hamas stops its attacks.",  # a conditional offer
    ],
)
def test_reported_or_conditional_readiness_is_an_intent(code_events: CodeEvents, text: str) -> None:
    assert ("ISR", "IRN", "036") in triples(code_events(text, ACTORS))


def test_targeting_a_goal_is_no_threat_to_attack(code_events: CodeEvents) -> None:
    coded = code_events("Britain and Ireland will target reaching a deal before Easter.", ACTORS)
    assert not any(c.startswith(("13", "19")) for c in codes(coded))
    assert ("RUS", "ISR", "190") in triples(code_events("Russia targeted Israel.", ACTORS))


# ------------------------------------------------------------------ 5. "yet to", shared "must"
def test_yet_to_is_not_done(code_events: CodeEvents) -> None:
    assert code_events("Spain also has yet to ratify Israel's membership.", ACTORS) == []


def test_a_coordinated_verb_shares_the_obligation(code_events: CodeEvents) -> None:
    text = "Israel must remain at its current address and hand over its passport to Russia."
    assert "084" not in codes(code_events(text, ACTORS))


# ------------------------------------------------------------------ 4. nouns that name no event
def test_a_place_before_visit_is_where_one_goes(code_events: CodeEvents) -> None:
    coded = code_events("Israel's Turkey visit was a success.", ACTORS)
    assert triples(coded) == {("ISR", "TUR", "042")}


@pytest.mark.parametrize(
    "text",
    [
        "An upcoming visit by Chinese dignitaries was expected to cost more.",
        "Israel discussed the possibility of a meeting between Russia and Iran.",
    ],
)
def test_a_planned_or_possible_noun_event_is_hypothetical(code_events: CodeEvents, text: str) -> None:
    assert not {"040", "042"} & codes(code_events(text, ACTORS))


def test_in_order_for_is_no_order(code_events: CodeEvents) -> None:
    text = "Israel provided training to Iran in order for Hamas to be self-employed."
    assert not any(c.startswith("10") for c in codes(code_events(text, ACTORS)))


def test_a_thing_from_an_actor_is_not_the_actor(code_events: CodeEvents) -> None:
    assert "043" not in codes(code_events("Israel received a letter from Iran.", ACTORS))
    assert ("ISR", "IRN", "043") in triples(code_events("Israel received the Iranian delegation.", ACTORS))
    met = code_events("Israel will also meet representatives from major Chinese companies.", ACTORS)
    assert ("ISR", "CHNBUS", "036") in triples(met)


def test_calling_someone_fake_news_is_no_phone_call(code_events: CodeEvents) -> None:
    coded = code_events("Trump called CNN fake news.", ACTORS)
    assert "041" not in codes(coded)
    assert ("USAGOV", "USAMED", "111") in triples(coded)


# ------------------------------------------------------------------ 6. recall
@pytest.mark.parametrize(
    "text",
    [
        "Israel closed its embassy in protest against Iran.",
        "Israel expelled Iran's ambassador in protest.",
    ],
)
def test_in_protest_is_a_protest_by_the_subject(code_events: CodeEvents, text: str) -> None:
    coded = code_events(text, ACTORS)
    assert ("ISR", "IRN", "161") in triples(coded) or any(c.startswith("16") for c in codes(coded))
    assert any(e.source_code == "ISR" and e.cameo_code.startswith("14") for e in coded)


@pytest.mark.parametrize(
    "text",
    ["Israel began a hunger strike.", "Israel went on hunger strike.", "Israel continued a hunger strike."],
)
def test_a_hunger_strike(code_events: CodeEvents, text: str) -> None:
    assert ("ISR", "", "142") in triples(code_events(text, ACTORS))


def test_a_passive_accusation_with_a_stray_agent(code_events: CodeEvents) -> None:
    coded = code_events("Iran was accused of spying by Israel.", ACTORS)
    assert ("ISR", "IRN", "1125") in triples(coded)
    assert code_events("Iran was accused of killing civilians by shelling.", ACTORS) == []


@pytest.mark.parametrize(
    "text",
    [
        "Our allies will find that Israel is once again ready to lead.",
        "When Israel is ready to make a decision, it will tell us.",
        "Israel is willing to find new friends.",
    ],
)
def test_readiness_needs_an_event_to_be_ready_for(code_events: CodeEvents, text: str) -> None:
    assert [e for e in code_events(text, ACTORS) if e.cameo_code.startswith("03")] == []


def test_readiness_for_an_event_is_an_intent(code_events: CodeEvents) -> None:
    coded = code_events("Israel is ready to provide aid to Iran.", ACTORS)
    assert any(e.source_code == "ISR" and e.cameo_code.startswith("03") for e in coded), triples(coded)


def test_recognition_needs_an_actor_recognised(code_events: CodeEvents) -> None:
    assert ("ISR", "IRN", "054") in triples(code_events("Israel recognised Iran.", ACTORS))
    assert code_events("Israel has developed software to recognise if someone is struggling.", ACTORS) == []
