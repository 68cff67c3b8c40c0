"""Whether a people-file name in the text is that person: surnames alone, names inside longer names."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.actors.support import fits_name, name_words
from eventwire.records import Article, Mention

DAY = date(2017, 3, 29)


def codes(nlp: Language, stage: ActorStage, text: str, day: date = DAY) -> dict[str, str]:
    mentions: list[Mention] = stage.resolve(nlp(text), Article("t", text, day))
    return {m.text: m.code for m in mentions}


def test_other_spellings_of_a_first_name_fit() -> None:
    words = name_words(["Sergei Lavrov", "Lavrov"])
    assert fits_name("Sergey", words) and fits_name("Lavrov", words)
    assert not fits_name("Devin", name_words(["Aloysio Nunes", "Nunes"]))


def test_a_surname_alone_needs_the_persons_country_in_the_text(nlp: Language, stage: ActorStage) -> None:
    us = "The chairman of the U.S. House intelligence committee faces calls to quit. Nunes said he would not."
    assert "Nunes" not in codes(nlp, stage, us)  # Devin Nunes, not Brazil's foreign minister Aloysio Nunes
    brazil = "Brazil is seeking trade deals in Asia. Nunes said talks with Japan went well."
    assert codes(nlp, stage, brazil)["Nunes"] == "BRAGOV"
    india = (
        "The ban hurts the meat trade, which employs millions in India. Qureshi said traders would suffer."
    )
    assert "Qureshi" not in codes(nlp, stage, india)


def test_well_known_surnames_still_resolve(nlp: Language, stage: ActorStage) -> None:
    assert codes(nlp, stage, "Putin said Russia would respond.")["Putin"] == "RUSGOV"
    assert codes(nlp, stage, "Trump met lawmakers at the White House on Monday.")["Trump"] == "USAGOV"
    # a head of state on the day is named by surname alone; a title the person held tells who he is
    alone = "Putin offered to negotiate with the president of Armenia."
    assert codes(nlp, stage, alone)["Putin"] == "RUSGOV"
    # a capitalised function word before a name is no part of it
    though = "Though Trump told The New York Times that he has an open mind, he called it a hoax."
    assert codes(nlp, stage, though)["Trump"] == "USAGOV"
    bush = "President Bush has threatened further action against Russia."
    assert codes(nlp, stage, bush, date(2000, 1, 1))["President Bush"].startswith("USA")


def test_a_name_inside_a_longer_name_is_someone_else(nlp: Language, stage: ActorStage) -> None:
    text = "Cameron Berkman, who is on holiday in Australia, told British media the wind shook the buildings."
    assert not any(code.startswith("GBR") and code != "GBRMED" for code in codes(nlp, stage, text).values())
    text = "Clinton Watts, a homeland security expert, told the U.S. Senate that Russia meddled."
    assert not any("Clinton" in t for t in codes(nlp, stage, text))
    # a full name is not undone by a title or heading before it
    tusk = "EU Council President Donald Tusk said there was no reason to pretend this is a happy day."
    assert any(code == "IGOEUREEC" and "Tusk" in t for t, code in codes(nlp, stage, tusk).items())
    text = "Russian Foreign Minister Sergey Lavrov met President Pyotr Poroshenko."
    found = codes(nlp, stage, text)
    assert found["Russian Foreign Minister Sergey Lavrov"] == "RUSGOV"
    assert found["President Pyotr Poroshenko"] == "UKRGOV"


def test_abbreviated_koreas(nlp: Language, stage: ActorStage) -> None:
    found = codes(nlp, stage, "N Korea accuses US and S Korea of murder.")
    assert found["N Korea"] == "PRK" and found["S Korea"] == "KOR"
    assert codes(nlp, stage, "N. Korea fired a missile.")["N. Korea"] == "PRK"


def test_a_new_name_is_not_an_earlier_person_with_the_same_first_name(
    nlp: Language, stage: ActorStage
) -> None:
    text = "British Prime Minister Theresa May spoke. Theresa Villiers said she disagreed. Mrs May said no."
    found = codes(nlp, stage, text)
    assert "Theresa Villiers" not in found and "she" not in found  # she is Villiers, whom we do not know
    assert found["Mrs May"] == "GBRGOV"


def test_he_after_a_person_we_do_not_know_is_not_an_earlier_person(nlp: Language, stage: ActorStage) -> None:
    text = (
        "President Donald Trump spoke to reporters on Monday. Later that day Devin Nunes met the "
        "committee. The next morning, he apologized."
    )
    found = codes(nlp, stage, text)
    assert found["President Donald Trump"] == "USAGOV" and "he" not in found


def test_he_is_not_a_person_already_called_she(nlp: Language, stage: ActorStage) -> None:
    text = (
        "British Prime Minister Theresa May said she was ready. European Council President Donald Tusk "
        "said he was sad. She said talks would be hard."
    )
    found = {m.text: m for m in stage.resolve(nlp(text), Article("t", text, DAY))}
    assert found["She"].entity_id == "person:Theresa May"  # not Tusk, named last but called "he"


def test_a_country_name_as_a_first_name_is_no_country(nlp: Language, stage: ActorStage) -> None:
    text = "At the Academy Awards, producer Jordan Horowitz announced that there had been a mistake."
    assert "JOR" not in codes(nlp, stage, text).values()
    assert codes(nlp, stage, "Jordan closed its border with Syria.")["Jordan"] == "JOR"


def test_a_named_country_picks_among_people_who_share_a_name(nlp: Language, stage: ActorStage) -> None:
    day = date(2010, 5, 1)  # two kings Abdullah in office
    saudi = codes(nlp, stage, "Saudi Arabia's King Abdullah met Barack Obama in Riyadh.", day)
    assert saudi["Saudi Arabia's King Abdullah"] == "SAUGOV"
    jordan = codes(nlp, stage, "Jordan's King Abdullah met Barack Obama in Amman.", day)
    assert jordan["Jordan's King Abdullah"] == "JORGOV"
