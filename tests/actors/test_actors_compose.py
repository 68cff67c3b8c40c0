"""Composing actor phrases: agents on users' actors, shared roles, attachment, NGOs, capitals, context."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from actor_helpers import Resolve
from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.config import Options
from eventwire.records import Article, Mention

# An invented world, so that nothing here comes from our own country list.
WORLD_ACTORS = """ARNOR_ [ARN]
GONDOR_ [GON]
+MINAS_TIRITH_
ROMENDACIL_ [BRE]
BREE_ [BRE]
THE_SHIRE_ [FRO/BIL/SAM]
"""
WORLD_AGENTS = """POLICE {} [~COP]
GOVERNMENT [~GOV]
CLERIC [~REL]
PRIME_MINISTER [~GOV]
MAIN_OPPOSITION_GROUP [~MOP]
HUMAN_RIGHTS_BODY [NGO~]
"""


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Resolve:
    folder = tmp_path_factory.mktemp("world")
    actors, agents = folder / "w.actors.txt", folder / "w.agents.txt"
    actors.write_text(WORLD_ACTORS, encoding="utf-8")
    agents.write_text(WORLD_AGENTS, encoding="utf-8")
    stage = ActorStage(Options(actor_files=(Path(actors),), agent_files=(Path(agents),)))

    def run(text: str, day: date | None = date(2020, 1, 1)) -> list[Mention]:
        return stage.resolve(nlp(text), Article("w", text, day))

    return run


def codes(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in mentions]


def test_user_actors_take_the_agent_code(world: Resolve) -> None:
    found = codes(world("Gondor police and the Arnor government met an Arnor cleric.", None))
    assert ("Gondor police", "GONCOP") in found
    assert ("the Arnor government", "ARNGOV") in found
    assert ("an Arnor cleric", "ARNREL") in found
    found = codes(world("Gondor's main opposition group met the Gondor human rights body.", None))
    assert found == [("Gondor's main opposition group", "GONMOP"), ("the Gondor human rights body", "NGOGON")]


def test_a_title_before_a_user_actor_name(world: Resolve) -> None:
    found = codes(world("Bree Prime Minister Romendacil arrived in Gondor.", None))
    assert found[0] == ("Bree Prime Minister Romendacil", "BREGOV")
    found = codes(world("Prime Minister Romendacil arrived in Gondor.", None))
    assert found[0] == ("Prime Minister Romendacil", "BREGOV")


def test_a_multi_actor_code_gives_one_mention_per_actor(world: Resolve) -> None:
    found = world("The Shire restored ties with Gondor.", None)
    shire = [m for m in found if m.text == "The Shire"]
    assert sorted(m.code for m in shire) == ["BIL", "FRO", "SAM"]
    assert len({(m.start_char, m.end_char) for m in shire}) == 1
    police = [m.code for m in world("The Shire police arrived.", None) if "police" in m.text]
    assert sorted(police) == ["BILCOP", "FROCOP", "SAMCOP"]


def test_coordinated_countries_share_the_role(resolve: Resolve) -> None:
    found = codes(resolve("The ambassadors of France, Germany and Italy met on Monday.", None))
    assert [c for _, c in found] == ["FRAGOV", "DEUGOV", "ITAGOV"]
    found = codes(resolve("The ambassador of France met Germany on Monday.", None))
    assert found == [("The ambassador of France", "FRAGOV"), ("Germany", "DEU")]


def test_a_possessor_over_adjectives(resolve: Resolve) -> None:
    found = codes(resolve("Russia's awful and evil minister warned Ukraine.", None))
    assert found[0] == ("Russia's awful and evil minister", "RUSGOV")


def test_from_attaches_to_a_subject_only(resolve: Resolve) -> None:
    assert codes(resolve("Soldiers from Ukraine attacked the village.", None))[0] == (
        "Soldiers from Ukraine",
        "UKRMIL",
    )
    found = codes(resolve("The United States began withdrawing its forces from Panama.", None))
    assert ("Panama", "PAN") in found and all(c != "PANMIL" for _, c in found)


def test_an_indefinite_role_is_someone_new(resolve: Resolve) -> None:
    text = "The Kuwaiti government restored ties with Libya, a senior official said."
    found = codes(resolve(text, None))
    assert ("a senior official", "KWTGOV") not in found
    text = "The Kuwaiti government restored ties with Libya, the official said."
    assert ("the official", "KWTGOV") in codes(resolve(text, None))


def test_unattached_ngos(resolve: Resolve) -> None:
    found = codes(resolve("A human rights group criticised Croatia. Aid agencies sent food.", None))
    assert ("A human rights group", "NGOHRI") in found
    assert ("Aid agencies", "NGODEV") in found
    found = codes(resolve("A human rights group in Croatia criticised the law.", None))
    assert found == [("A human rights group in Croatia", "HRVHRI")]


def test_a_capital_as_subject_is_the_government(resolve: Resolve) -> None:
    found = codes(resolve("Washington rejected the offer from Moscow.", None))
    assert found == [("Washington", "USAGOV"), ("Moscow", "RUS")]
    found = codes(resolve("MOSCOW, Feb. 7. Putin met Lukashenko.", None))
    assert found[0] == ("MOSCOW", "RUS")


def test_home_institutions_belong_to_the_country_of_the_article(resolve: Resolve) -> None:
    text = "Kenya held elections. Kenya's president spoke. The court annulled the vote. The rebels fought."
    found = dict(codes(resolve(text, None)))
    assert found["The court"] == "KENJUD"
    assert "The rebels" not in found  # armed groups in a text about one country often come from another
    found = dict(codes(resolve("Kenya met Uganda. The court annulled the vote.", None)))
    assert "The court" not in found  # no country dominates


def test_ethnic_and_religious_groups_live_where_the_sentence_places_them(resolve: Resolve) -> None:
    found = codes(resolve("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", None))
    assert ("ethnic Albanians", "SRBCVL") in found and all(c != "ALB" for _, c in found)
    assert codes(resolve("Muslims in France protested on Friday.", None)) == [("Muslims in France", "FRAMOS")]
    assert codes(resolve("Christian Lindner met the press.", None)) == []  # a first name, not a community


def test_named_armed_groups(resolve: Resolve) -> None:
    found = codes(resolve("The Moro Islamic Liberation Front attacked an army post.", None))
    assert found[0] == ("The Moro Islamic Liberation Front", "PHLREB")


def test_a_minority_lives_where_the_sentence_places_it(resolve: Resolve) -> None:
    text = "Serb forces attacked in Montenegro the Albanian population of the province."
    assert ("the Albanian population", "MNECVL") in codes(resolve(text, None))
    assert codes(resolve("The Syrian population suffers.", None)) == [("The Syrian population", "SYRCVL")]


def test_coordinated_roles_share_the_place(resolve: Resolve) -> None:
    found = codes(resolve("Lawmakers and officials in France met Spain.", None))
    assert found[:2] == [("Lawmakers", "FRALEG"), ("officials in France", "FRAGOV")]
    assert all(c != "SYRMIL" for _, c in codes(resolve("Russia deployed ships and troops in Syria.", None)))
