"""Actor resolution on real parses: dictionaries, roles, titles, names, pronouns, compounds, dates."""

from __future__ import annotations

import itertools
import json
import time
from datetime import date

from actor_helpers import Resolve, shared_path
from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.actors.evaluate import seed_check
from eventwire.records import Article, Mention


def find(mentions: list[Mention], text: str) -> Mention:
    hits = [m for m in mentions if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in mentions]}"
    return hits[0]


def test_seed_actors_resolve_with_fixture_people(nlp: Language, fixture_stage: ActorStage) -> None:
    seed = json.loads(shared_path("examples/seed_expected.json").read_text(encoding="utf-8"))
    results = seed_check(seed, nlp(seed["text"]), fixture_stage.resolve)
    assert len(results) == len(seed["actors"]) == 7
    bad = [(r.text, r.expected_code, r.found) for r in results if not r.ok]
    assert not bad


def test_seed_actors_resolve_with_packaged_people(nlp: Language, stage: ActorStage) -> None:
    people = stage.lexicon.dictionaries.people.persons
    if "Kassym-Jomart Tokayev" not in people or "Tedros Adhanom Ghebreyesus" not in people:
        import pytest

        pytest.skip("packaged people files do not list Tokayev and Tedros yet")
    seed = json.loads(shared_path("examples/seed_expected.json").read_text(encoding="utf-8"))
    results = seed_check(seed, nlp(seed["text"]), stage.resolve)
    assert all(r.ok for r in results), [(r.text, r.found) for r in results if not r.ok]


def test_mentions_are_sorted_disjoint_and_consistent(nlp: Language, fixture_stage: ActorStage) -> None:
    text = (
        "Kassym-Jomart Tokayev's official visit to the Swiss Confederation began on Monday. "
        "The head of state met Swiss officials. He said Kazakh police and the WHO would cooperate."
    )
    doc = nlp(text)
    mentions = fixture_stage.resolve(doc, Article("a", text, date(2021, 12, 1)))
    sents = list(doc.sents)
    assert [m.start_char for m in mentions] == sorted(m.start_char for m in mentions)
    for left, right in itertools.pairwise(mentions):
        assert left.end_char <= right.start_char
    for m in mentions:
        assert text[m.start_char : m.end_char] == m.text
        assert m.start_char <= doc[m.head_index].idx < m.end_char
        assert sents[m.sentence_index].start_char <= m.start_char < sents[m.sentence_index].end_char
        assert m.chain[0] == m.text and m.chain[-1] == m.code


def test_possessive_name_and_date_dependent_code(resolve: Resolve, nlp: Language) -> None:
    text = "Kassym-Jomart Tokayev's official visit to the Swiss Confederation began."
    now = find(resolve(text, date(2021, 12, 1)), "Kassym-Jomart Tokayev")
    assert (now.code, now.sector, now.kind, now.entity_id) == (
        "KAZGOV",
        "GOV",
        "person",
        "person:Kassym-Jomart Tokayev",
    )
    assert nlp(text)[now.head_index].text == "Tokayev"
    assert any("2019-03-20" in step for step in now.chain)
    out_of_office = find(resolve(text, date(2010, 5, 1)), "Kassym-Jomart Tokayev")
    assert (out_of_office.code, out_of_office.sector, out_of_office.country) == ("KAZ", "", "KAZ")
    assert find(resolve(text, date(2005, 5, 1)), "Kassym-Jomart Tokayev").code == "KAZGOV"  # foreign minister
    swiss = find(resolve(text), "the Swiss Confederation")
    assert (swiss.code, swiss.kind, swiss.entity_id) == ("CHE", "country", "country:CHE")


def test_role_and_country_give_the_office_holder_on_the_date(resolve: Resolve) -> None:
    text = "The President of Kazakhstan met the WHO Director General."
    then = resolve(text, date(2015, 6, 1))
    assert find(then, "The President of Kazakhstan").name == "Nursultan Nazarbayev"
    now = resolve(text, date(2021, 12, 1))
    president = find(now, "The President of Kazakhstan")
    assert (president.code, president.name, president.kind) == ("KAZGOV", "Kassym-Jomart Tokayev", "person")
    assert president.chain[1].startswith("role: president of Kazakhstan")
    who = find(now, "the WHO Director General")
    assert (who.code, who.name) == ("IGOUNOHLHWHO", "Tedros Adhanom Ghebreyesus")
    assert find(resolve(text, date(2012, 1, 1)), "the WHO Director General").name == "Margaret Chan"


def test_titles_resolve_without_a_named_person(nlp: Language, no_people_stage: ActorStage) -> None:
    text = (
        "The President of Kazakhstan met the Director General of the World Health Organization. "
        "The head of state praised the WHO. The Director General thanked the President."
    )
    mentions = no_people_stage.resolve(nlp(text), Article("a", text, date(2021, 12, 1)))
    heads = [m for m in mentions if m.code == "KAZGOV"]
    assert [m.text for m in heads] == ["The President of Kazakhstan", "The head of state", "the President"]
    assert {m.entity_id for m in heads} == {"office:KAZ:head_of_state"} and all(not m.name for m in heads)
    assert find(mentions, "The head of state").chain[1] == "-> The President of Kazakhstan (sent 0)"
    dg = [m for m in mentions if m.code == "IGOUNOHLHWHO" and m.kind != "igo"]
    assert [m.text for m in dg] == [
        "the Director General of the World Health Organization",
        "The Director General",
    ]


def test_surnames_titles_and_pronouns_refer_back(resolve: Resolve) -> None:
    text = (
        "British Defence Secretary Tom King arrived in Astana. King met Kassym-Jomart Tokayev. "
        "The President said his country was ready. The minister thanked him."
    )
    mentions = resolve(text)
    king = find(mentions, "British Defence Secretary Tom King")
    assert (king.code, king.name, king.kind) == ("GBRGOV", "Tom King", "person")
    later = find(mentions, "King")
    assert later.entity_id == king.entity_id and later.chain[1].startswith(
        "-> British Defence Secretary Tom King"
    )
    assert find(mentions, "The President").name == "Kassym-Jomart Tokayev"
    his = find(mentions, "his")
    assert (his.kind, his.name, his.code) == ("pronoun", "Kassym-Jomart Tokayev", "KAZGOV")
    assert find(mentions, "The minister").entity_id == king.entity_id
    assert find(mentions, "Astana").code == "KAZ"


def test_its_of_a_state_leader_is_his_government(resolve: Resolve) -> None:
    text = "Kassym-Jomart Tokayev supported the WHO's work, stressing its readiness to provide vaccines."
    its = find(resolve(text), "its")
    assert (its.code, its.kind) == ("KAZGOV", "pronoun")
    other = "Russia said its troops would leave."
    assert find(resolve(other), "its").code == "RUS"


def test_compound_actors(resolve: Resolve) -> None:
    two = resolve("Israel and Lebanon renewed negotiations today.")
    assert [(m.text, m.code) for m in two] == [("Israel", "ISR"), ("Lebanon", "LBN")]
    officials = resolve("Senior Hungarian and Romanian officials agreed on Wednesday.")
    assert [(m.text, m.code) for m in officials] == [
        ("Hungarian", "HUNGOV"),
        ("Romanian officials", "ROUGOV"),
    ]
    leaders = resolve(
        "Kassym-Jomart Tokayev received Tedros Adhanom Ghebreyesus. The two leaders discussed vaccines."
    )
    group = find(leaders, "The two leaders")
    assert group.kind == "group" and group.code == "KAZGOV"
    assert group.chain[-2] == "members: KAZGOV IGOUNOHLHWHO"
    assert group.entity_id == "group:person:Kassym-Jomart Tokayev+person:Tedros Adhanom Ghebreyesus"


def test_apposition_of_title_and_name_is_one_actor(resolve: Resolve) -> None:
    text = (
        "The visit began with a meeting with the Director General of the World Health Organization "
        "Tedros Adhanom Ghebreyesus."
    )
    m = find(
        resolve(text), "the Director General of the World Health Organization Tedros Adhanom Ghebreyesus"
    )
    assert (m.code, m.name, m.kind) == ("IGOUNOHLHWHO", "Tedros Adhanom Ghebreyesus", "person")


def test_comma_apposition_names_the_title(resolve: Resolve) -> None:
    first = resolve("Tom King, the British defence secretary, arrived. King met Afghan officials.")
    name, title, later = (
        find(first, "Tom King"),
        find(first, "the British defence secretary"),
        find(first, "King"),
    )
    assert name.entity_id == title.entity_id == later.entity_id == "person:Tom King"
    assert (name.code, name.chain[1]) == ("GBRGOV", "= the British defence secretary (apposition)")
    second = resolve("The British defence secretary, Tom King, said troops would stay.")
    assert find(second, "Tom King").name == find(second, "The British defence secretary").name == "Tom King"


def test_roles_give_sectors(resolve: Resolve) -> None:
    mentions = resolve(
        "Kazakh police detained protesters. Taiwan's Vice Foreign Minister visited Russia. "
        "The Israeli army and Fijian rebels clashed, a State Department spokesman said."
    )
    assert find(mentions, "Kazakh police").code == "KAZCOP"
    vice = find(mentions, "Taiwan's Vice Foreign Minister")
    assert (vice.code, vice.name) == ("TWNGOV", "")
    assert find(mentions, "The Israeli army").code == "ISRMIL"
    assert find(mentions, "Fijian rebels").code == "FJIREB"
    assert find(mentions, "a State Department spokesman").code == "USAGOV"
    # police act at home: the protesters they detain are in Kazakhstan
    assert find(mentions, "protesters").code == "KAZCVL"
    more = resolve("Russia's UN ambassador spoke before the Beijing Olympics, Kazakh officials said.")
    assert find(more, "Russia's UN ambassador").code == "RUSGOV"
    assert find(more, "Beijing").code == "CHN"  # "the" belongs to "Olympics"
    assert find(more, "Kazakh officials").code == "KAZGOV"


def test_media_and_non_actors(resolve: Resolve) -> None:
    mentions = resolve(
        "Kazpravda.kz reports that officials met, Reuters said. A prominent anti-Syria journalist fled "
        "with Russian-made rifles. Nobody knows who called."
    )
    kaz = find(mentions, "Kazpravda.kz")
    assert (kaz.kind, kaz.code) == ("media", "KAZMED")
    assert find(mentions, "Reuters").code == "GBRMED"
    codes = {m.code for m in mentions}
    assert not codes & {"SYR", "SYRMED", "RUS", "IGOUNOHLHWHO"}  # anti-Syria, Russian-made, "who" ≠ WHO


def test_prefilter_terms(stage: ActorStage) -> None:
    terms = stage.prefilter_terms()
    assert {"kazakh", "kazakhstan", "president", "he", "its", "who", "police", "reuters"} <= terms
    assert all(t == t.lower() and " " not in t for t in terms)


def test_resolving_is_much_cheaper_than_parsing(nlp: Language, fixture_stage: ActorStage) -> None:
    seed = json.loads(shared_path("examples/seed_expected.json").read_text(encoding="utf-8"))
    text = "\n\n".join([seed["text"]] * 5)  # about 1,800 words
    started = time.perf_counter()
    doc = nlp(text)
    parse_s = time.perf_counter() - started
    article = Article("long", text, date(2021, 12, 1))
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        mentions = fixture_stage.resolve(doc, article)
        best = min(best, time.perf_counter() - started)
    assert len(mentions) > 100
    assert best < 0.25 * parse_s, f"resolve {best:.3f}s vs parse {parse_s:.3f}s"


def test_bare_groups_take_the_country_the_sentence_places_them_in(resolve: Resolve) -> None:
    mentions = resolve(
        "Protesters gathered outside the embassy. "
        "Hundreds of thousands of people blocked streets in Hong Kong. "
        "Angry activists staged rallies in the Gaza Strip. "
        "American troops shot three civilians."
    )
    texts = [m.text for m in mentions]
    assert "Protesters" not in texts  # no country in the sentence: omitted
    assert find(mentions, "people").code == "HKGCVL"
    assert find(mentions, "activists").code[:3] == "PSE"
    assert "three civilians" not in texts and "civilians" not in texts  # troops act abroad: no guess


def test_titled_unknown_person_takes_the_sentence_country(resolve: Resolve) -> None:
    mentions = resolve(
        "President Laurent Gbagbo announced a curfew in Abidjan. "
        "President Zorro Unknownname met French and German envoys."
    )
    gbagbo = find(mentions, "President Laurent Gbagbo")
    assert (gbagbo.code, gbagbo.country) == ("CIVGOV", "CIV")
    assert not any(m.text.endswith("Unknownname") for m in mentions)  # two countries: no guess


def test_it_after_a_subject_that_is_no_actor_is_not_an_earlier_actor(resolve: Resolve) -> None:
    mentions = resolve(
        "Kazakhstan expelled inspectors of the World Health Organization after officials said "
        "the committee admitted it had lost the files."
    )
    assert [m.text for m in mentions if m.text == "it"] == []  # "it" is the committee, not the WHO
    mentions = resolve("Kazakhstan criticised the WHO, saying it had failed.")
    assert find(mentions, "it").code == "KAZ"  # a clause subject that is an actor still counts


def test_a_titled_unknown_person_takes_no_country_out_of_his_reach(resolve: Resolve) -> None:
    reported = resolve(
        "Peacekeeping troops have arrived in Bosnia, Defense Secretary Zorro Unknownname said."
    )
    visited = resolve("Defense Secretary Zorro Unknownname visited Bosnia on Tuesday.")
    for mentions in (reported, visited):
        assert not any(m.text.endswith("Unknownname") for m in mentions), mentions
    own = resolve("President Zorro Unknownname threatened to ban Ugandan opposition candidates.")
    assert find(own, "President Zorro Unknownname").code == "UGAGOV"  # his own clause's country
    spoke = resolve("Kazakhstan is ready to send troops, Defence Minister Zorro Unknownname said.")
    assert find(spoke, "Defence Minister Zorro Unknownname").code == "KAZGOV"  # the report's subject


def test_a_role_in_an_unknown_institution_of_a_country(resolve: Resolve) -> None:
    text = "Director of Russia's State Historical Museum Zorro Unknownname has told reporters he objects."
    mentions = resolve(text)
    director = find(mentions, "Director of Russia's State Historical Museum Zorro Unknownname")
    assert (director.code, director.sector) == ("RUS", "")  # Russia's, but not its head of state
    assert "Russia" not in [m.text for m in mentions]
    assert find(mentions, "he").entity_id == director.entity_id
    chief = find(
        resolve("The police chief of Kazakhstan's Mangystau Region resigned."),
        "The police chief of Kazakhstan's Mangystau Region",
    )
    assert chief.code == "KAZCOP"
    ally = resolve("The deputy chief of Israel's militia ally was killed.")  # lower case: no institution name
    assert not any(m.text.startswith("The deputy chief") for m in ally)


def test_packaged_people_cover_1990s_heads_of_state(nlp: Language, stage: ActorStage) -> None:
    cases = [
        ("Carlos Menem met the army chiefs.", date(1995, 5, 1), "Carlos Menem", "ARGGOV"),
        ("Habyarimana flew to Dar es Salaam.", date(1994, 4, 5), "Habyarimana", "RWAGOV"),
        ("Aristide returned to Port-au-Prince.", date(1994, 10, 15), "Aristide", "HTIGOV"),
        # in exile: out of office (a surname alone needs his country in the text: see test_actors_support)
        ("Aristide spoke in Miami about Haiti.", date(1992, 6, 1), "Aristide", "HTI"),
        ("Yeltsin sacked Chernomyrdin.", date(1998, 3, 23), "Yeltsin", "RUSGOV"),
    ]
    for text, day, name, code in cases:
        mentions = stage.resolve(nlp(text), Article("t", text, day))
        assert find(mentions, name).code == code, (text, mentions)


def test_the_north_after_north_korea(resolve: Resolve) -> None:
    mentions = resolve("South Korea and North Korea met. The South said it would help the North.")
    assert [(m.text, m.code) for m in mentions if m.text.lower().startswith("the")] == [
        ("The South", "KOR"),
        ("the North", "PRK"),
    ]
    assert find(mentions, "it").code == "KOR"
    assert resolve("The North admitted it had a program.") == []  # no country named before


def test_political_parties_and_their_members_words(resolve: Resolve) -> None:
    mentions = resolve("The BJP defeated the Congress party in India. The CDU and SPD agreed to govern.")
    assert {find(mentions, t).code for t in ("The BJP", "the Congress party")} == {"INDPTY"}
    assert find(mentions, "SPD").code == "DEUPTY"
    us = resolve("House Republicans voted against the bill, while Democrats objected. Washington is tense.")
    assert find(us, "House Republicans").code == find(us, "Democrats").code == "USAPTY"
    uk = resolve("The Conservatives won the British election. Tories said Labour had failed.")
    assert {m.code for m in uk if m.text in ("The Conservatives", "Tories", "Labour")} == {"GBRPTY"}
    # bare members' words need their country in the article and are no part of another party's name
    for text in (
        "The Sweden Democrats won seats in the election in Sweden.",
        "Labour leaders met in Wellington, New Zealand.",
        "The New Democrats gained seats in Canada, as did the Democrats in the United States.",
    ):
        codes = {m.text: m.code for m in resolve(text)}
        assert not any(c in ("USAPTY", "GBRPTY") for t, c in codes.items() if t != "the Democrats"), codes
    assert find(resolve(text), "the Democrats").code == "USAPTY"


def test_a_place_after_another_noun_places_the_whole_sentence(resolve: Resolve) -> None:
    police = resolve("Police fired tear gas at protesters in Nairobi.")
    assert find(police, "Police").code == "KENCOP"
    assert find(police, "protesters in Nairobi").code == "KENCVL"
    # not from the clause of the report's source: the people were killed elsewhere
    reported = resolve("Bombs hit the market on Sunday, killing 20 people, aid workers in Nairobi said.")
    assert not any(m.code == "KENCVL" for m in reported), reported
    # a country's own adjective still wins, and armed forces are still not placed
    own = resolve("Kenyan police fired tear gas at protesters in Uganda.")
    assert find(own, "Kenyan police").code == "KENCOP"
    assert not any(m.text == "Soldiers" for m in resolve("Soldiers opened fire on demonstrators in Cairo."))


def test_a_title_after_a_national_institution_takes_its_country(resolve: Resolve) -> None:
    text = (
        "House Intelligence Committee chairman Devin Nunes said Russia lied to the United States. "
        "Russia denied it. Moscow said no."
    )
    assert find(resolve(text), "chairman Devin Nunes").code == "USAGOV"
    # a country named in the title wins; the institution's country must be named in the article
    text = "Philippine Senate President Zorro Unknownname said the U.S. would act. Manila agreed."
    assert find(resolve(text), "Philippine Senate President Zorro Unknownname").code == "PHLGOV"
    text = "Senate President Zorro Unknownname said the Philippines would act. The Philippines agreed."
    assert find(resolve(text), "Senate President Zorro Unknownname").code == "PHLGOV"
    # the institution may be part of the title; "Lower House" is not the U.S. House
    text = "Russia is divided. Russia votes soon. Senate chairman Zorro Unknownname spoke. The U.S. agreed."
    assert find(resolve(text), "Senate chairman Zorro Unknownname").code == "USAGOV"
    text = (
        "Japan is divided. Japan votes soon. Lower House chairman Zorro Unknownname spoke. The U.S. agreed."
    )
    assert find(resolve(text), "Lower House chairman Zorro Unknownname").code == "JPNGOV"
