"""The event lexicon on whole lexical classes: each case is one construction a news writer uses, coded
with the real spaCy model and the packaged patterns, and the senses of the same words that are no event."""

from __future__ import annotations

import pytest
from tests.events.conftest import CodeEvents, triples

# (sentence, actors, expected (source, target, code)) -- the construction must give this event
CODED = [
    # 082 ease political dissent: ending or calling off a strike or protest
    (
        "The teachers' union called off its strike against the government on Thursday.",
        {"The teachers' union": "NGALAB", "the government": "NGAGOV"},
        ("NGALAB", "NGAGOV", "082"),
    ),
    (
        "The opposition suspended its protests against the government.",
        {"The opposition": "VENOPP", "the government": "VENGOV"},
        ("VENOPP", "VENGOV", "082"),
    ),
    # 164 halt negotiations, also inside a threat (134)
    ("Iran pulled out of the talks with France.", {"Iran": "IRN", "France": "FRA"}, ("IRN", "FRA", "164")),
    (
        "Russia threatened to stop negotiations with the United States.",
        {"Russia": "RUS", "the United States": "USA"},
        ("RUS", "USA", "134"),
    ),
    # yielding to demands; a refusal to yield under a negated future
    (
        "Iraq complied with the demands of the United Nations.",
        {"Iraq": "IRQ", "the United Nations": "IGOUNO"},
        ("IRQ", "IGOUNO", "080"),
    ),
    (
        "The United States would not meet the demands of Iran.",
        {"The United States": "USA", "Iran": "IRN"},
        ("USA", "IRN", "124"),
    ),
    # accepting what the other side offers; an accepted invitation is an intent to meet
    ("Denmark accepted a proposal from Sweden.", {"Denmark": "DNK", "Sweden": "SWE"}, ("DNK", "SWE", "030")),
    (
        "The president accepted an invitation from Japan.",
        {"The president": "USAGOV", "Japan": "JPN"},
        ("USAGOV", "JPN", "036"),
    ),
    (
        "Syria will not accept any more refugees from Iraq.",
        {"Syria": "SYR", "refugees from Iraq": "IRQREF"},
        ("SYR", "IRQREF", "121"),
    ),
    (
        "The court allowed the opposition leader to hold a rally.",
        {"The court": "PAKJUD", "the opposition leader": "PAKOPP"},
        ("PAKJUD", "PAKOPP", "080"),
    ),
    # 014 a policy option is considered
    (
        "Russia is considering sanctions against Ukraine.",
        {"Russia": "RUS", "Ukraine": "UKR"},
        ("RUS", "", "014"),
    ),
    # verbal disapproval and defence
    (
        "Lawmakers questioned the legality of the Kenyan operation.",
        {"Lawmakers": "USALEG", "Kenyan": "KEN"},
        ("USALEG", "KEN", "110"),
    ),
    ("Iran mocked Trump on Tuesday.", {"Iran": "IRN", "Trump": "USAGOV"}, ("IRN", "USAGOV", "111")),
    ("Iraq lashed out at Turkey over the raid.", {"Iraq": "IRQ", "Turkey": "TUR"}, ("IRQ", "TUR", "111")),
    ("Trump defended Putin on Sunday.", {"Trump": "USAGOV", "Putin": "RUSGOV"}, ("USAGOV", "RUSGOV", "052")),
    # diplomatic relations opened and closed
    ("Sri Lanka opened an embassy in Iran.", {"Sri Lanka": "LKA", "Iran": "IRN"}, ("LKA", "IRN", "054")),
    ("Kenya closed its embassy in Somalia.", {"Kenya": "KEN", "Somalia": "SOM"}, ("KEN", "SOM", "161")),
    # protest, bombs, mediation, fighting
    (
        "Thousands of Hungarians took to the streets against the government.",
        {"Hungarians": "HUNCVL", "the government": "HUNGOV"},
        ("HUNCVL", "HUNGOV", "141"),
    ),
    (
        "Rebels detonated a car bomb near the ministry of Sudan.",
        {"Rebels": "SDNREB", "the ministry of Sudan": "SDNGOV"},
        ("SDNREB", "SDNGOV", "1832"),
    ),
    (
        "Egypt brokered a ceasefire between Israel and Hamas.",
        {"Egypt": "EGY", "Israel": "ISR", "Hamas": "PSEREB"},
        ("EGY", "ISR", "045"),
    ),
    (
        "Ukrainian troops exchanged fire with rebels near Donetsk.",
        {"Ukrainian troops": "UKRMIL", "rebels": "UKRREB"},
        ("UKRMIL", "UKRREB", "190"),
    ),
    (
        "Russia and Ukraine swapped prisoners on Friday.",
        {"Russia": "RUS", "Ukraine": "UKR"},
        ("RUS", "UKR", "0841"),
    ),
    # appeals and demands for a change of leader, for an end to fighting
    (
        "The opposition called for the resignation of the prime minister.",
        {"The opposition": "ROUOPP", "the prime minister": "ROUGOV"},
        ("ROUOPP", "ROUGOV", "0241"),
    ),
    (
        "The United Nations called for an end to the fighting in Syria.",
        {"The United Nations": "IGOUNO", "Syria": "SYR"},
        ("IGOUNO", "SYR", "0256"),
    ),
    # aid stopped, troops sent, borders closed, weapons tested, blame laid
    ("Japan halted economic aid to Serbia.", {"Japan": "JPN", "Serbia": "SRB"}, ("JPN", "SRB", "1621")),
    ("Russia sent troops to Belarus on Monday.", {"Russia": "RUS", "Belarus": "BLR"}, ("RUS", "BLR", "154")),
    ("France closed its border with Italy.", {"France": "FRA", "Italy": "ITA"}, ("FRA", "ITA", "172")),
    ("North Korea tested a ballistic missile.", {"North Korea": "PRK"}, ("PRK", "", "150")),
    (
        "Britain held Moscow accountable for the poisoning.",
        {"Britain": "GBR", "Moscow": "RUS"},
        ("GBR", "RUS", "112"),
    ),
]

# (sentence, actors, code that must NOT be coded) -- the same words in a sense that is no such event
NOT_CODED = [
    ("The suspect is considered armed and dangerous by Canada.", {"Canada": "CAN"}, "014"),
    ("The police of France questioned the suspect for hours.", {"The police of France": "FRACOP"}, "110"),
    ("Neither Canada nor Mexico accepted public financing.", {"Canada": "CAN", "Mexico": "MEX"}, "030"),
    ("The law of Canada allows for six weeks of paid leave.", {"Canada": "CAN"}, "080"),
    ("Canada must never allow ourselves to be misled.", {"Canada": "CAN"}, "080"),
    ("Serbia broke a tie in the vote.", {"Serbia": "SRB"}, "161"),
    ("The government of Chile released the list of attacks.", {"The government of Chile": "CHLGOV"}, "0841"),
    ("Serbia troops defended the city.", {"Serbia troops": "SRBMIL"}, "052"),
    ("The new chip of Taiwan supports faster memory.", {"Taiwan": "TWN"}, "051"),
    ("In both Haiti and Congo, French is spoken.", {"Haiti": "HTI", "Congo": "COG", "French": "FRA"}, "010"),
    ("Two Iraqi men plotted to blow up the embassy.", {"Iraqi men": "IRQCVL"}, "1712"),
]


@pytest.mark.parametrize(
    ("text", "actors", "expected"), CODED, ids=[c[2][2] + ":" + c[0][:30] for c in CODED]
)
def test_construction_is_coded(
    code_events: CodeEvents, text: str, actors: dict[str, str], expected: tuple[str, str, str]
) -> None:
    assert expected in triples(code_events(text, actors))


@pytest.mark.parametrize(
    ("text", "actors", "code"), NOT_CODED, ids=[c[2] + ":" + c[0][:30] for c in NOT_CODED]
)
def test_other_sense_is_not_coded(
    code_events: CodeEvents, text: str, actors: dict[str, str], code: str
) -> None:
    coded = {c for _, _, c in triples(code_events(text, actors))}
    assert code not in coded


def test_a_military_strike_halted_is_de_escalation_not_ended_dissent(code_events: CodeEvents) -> None:
    actors = {"Israel": "ISR", "Gaza": "PSE"}
    codes = {c for _, _, c in triples(code_events("Israel halted air strikes on Gaza.", actors))}
    assert "087" in codes and "082" not in codes
