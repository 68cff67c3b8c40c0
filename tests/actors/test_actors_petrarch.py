"""PETRARCH/Phoenix actor and agent dictionaries: the reader, the merge over ours, the real Phoenix files."""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

import pytest
from actor_helpers import shared_path
from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.actors.petrarch import parse_actors, parse_agents, parse_date, parse_group
from eventwire.actors.tables import Problems
from eventwire.config import Options
from eventwire.records import Article

ACTORS = """# test actors
HAMID_KARZAI_  [AFGMIL] # a comment
+KARZAI_
\t[AFGGOV 011222-141029]
\t[AFGELI >141029]
IVO_JOSIPOVIC_
PRESIDENT_JOSIPOVIC_
JOSIPOVIC_
\t[HRVGOV 100218-150219]
SWISS_CONFEDERATION_ [CHEGOV]
"""

AGENTS = """!PERSON! = MAN, MEN, WOMAN
WARLORD [~REB]
POLICE {} [~COP]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS!PERSON! [~LEG]
"""


def test_dates_and_groups() -> None:
    assert parse_date("20130926") == date(2013, 9, 26)
    assert parse_date("090120") == date(2009, 1, 20)
    assert parse_date("510724") == date(1951, 7, 24)
    assert parse_date("9008223") is None and parse_date("20100231") is None
    dated, _ = parse_group("AFGGOV 011222-141029")
    assert dated is not None and (dated.start, dated.end) == (date(2001, 12, 22), date(2014, 10, 29))
    after, _ = parse_group("EGYGOV > 140608")  # a space after > is accepted, as PETRARCH does
    assert after is not None and (after.start, after.end) == (date(2014, 6, 8), None)
    assert parse_group("MNEGOV 20121204") == (
        None,
        "date restriction '20121204' must be <DATE, >DATE or DATE-DATE",
    )


def test_actor_file_reading() -> None:
    problems = Problems()
    actors = parse_actors(ACTORS, "a.txt", problems)
    assert not problems
    karzai, josipovic, swiss = actors
    assert karzai.phrases == ["HAMID KARZAI", "KARZAI"]
    assert karzai.code_on(date(2005, 1, 1)) == "AFGGOV"
    assert karzai.code_on(date(2016, 1, 1)) == "AFGELI"
    assert karzai.code_on(date(1990, 1, 1)) == "AFGMIL"  # the default
    assert josipovic.phrases == ["IVO JOSIPOVIC", "PRESIDENT JOSIPOVIC", "JOSIPOVIC"]
    assert josipovic.code_on(date(2012, 1, 1)) == "HRVGOV" and josipovic.code_on(date(2020, 1, 1)) == ""
    assert swiss.code_on(None) == "CHEGOV"


def test_malformed_actor_and_agent_lines_are_named() -> None:
    problems = Problems()
    parse_actors(
        "GOOD_ [USA]\n\t[USAGOV 9008223-911221]\n+BAD]_\n\tSTRAY TEXT [X]\nNOCODE_\n", "bad.txt", problems
    )
    found = sorted((p.line, p.reason) for p in problems.items)
    assert [line for line, _ in found] == [2, 3, 5]
    assert "9008223" in found[0][1] and "stray bracket" in found[1][1] and "has no code" in found[2][1]
    agent_problems = Problems()
    parse_agents("SOLDIER [~MIL]\nOFFICER\nCLERK [GOV]\nMARKED!X! [~GOV]\n", "ag.txt", agent_problems)
    assert [p.line for p in agent_problems.items] == [2, 3, 4]


def test_agent_forms() -> None:
    problems = Problems()
    agents = parse_agents(AGENTS, "ag.txt", problems)
    assert not problems
    phrases = {(a.phrase, a.code, a.prefix) for a in agents}
    assert {("warlord", "REB", False), ("warlords", "REB", False), ("police", "COP", False)} <= phrases
    assert ("polices", "COP", False) not in phrases  # {} = no plural
    assert ("human rights body", "NGO", True) in phrases
    assert {"congressman", "congressmen", "congresswoman"} <= {a.phrase for a in agents}


def test_user_dictionaries_merge_over_ours(
    tmp_path: Path, nlp: Language, caplog: pytest.LogCaptureFixture
) -> None:
    actors = tmp_path / "my.actors.txt"
    actors.write_text(ACTORS + "BROKEN_ [USAGOV 2004017-20061201]\n", encoding="utf-8")
    agents = tmp_path / "my.agents.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="eventwire.actors"):
        stage = ActorStage(Options(actor_files=(actors,), agent_files=(agents,)))
    assert [(Path(p.where).name, p.line) for p in stage.problems] == [("my.actors.txt", 11)]
    assert "my.actors.txt:11" in caplog.text and "2004017" in caplog.text
    text = "Hamid Karzai met Afghan warlords in the Swiss Confederation."

    def codes(day: date) -> dict[str, str]:
        return {m.text: m.code for m in stage.resolve(nlp(text), Article("p", text, day))}

    assert codes(date(2005, 1, 1)) == {
        "Hamid Karzai": "AFGGOV",
        "Afghan warlords": "AFGREB",
        "the Swiss Confederation": "CHEGOV",
    }
    assert codes(date(2016, 1, 1))["Hamid Karzai"] == "AFGELI"


def test_missing_user_file_is_e302(tmp_path: Path) -> None:
    from eventwire.errors import EventwireError

    with pytest.raises(EventwireError) as err:
        ActorStage(Options(actor_files=(tmp_path / "nope.txt",)))
    assert err.value.code == "E302" and "nope.txt" in err.value.where


def test_phoenix_dictionaries_load_fast_and_resolve(nlp: Language) -> None:
    folder = shared_path("reference/petrarch2-dictionaries")
    files = tuple(folder / f"Phoenix.{n}.actors.txt" for n in ("Countries", "International", "MilNonState"))
    started = time.perf_counter()
    stage = ActorStage(Options(actor_files=files, agent_files=(folder / "Phoenix.agents.txt",)))
    seconds = time.perf_counter() - started
    print(f"Phoenix actors + agents loaded in {seconds:.2f} s, {len(stage.lexicon.entries)} terms")
    assert seconds < 10
    assert len(stage.lexicon.actors) > 25_000
    assert stage.problems and all(p.line > 0 for p in stage.problems)  # their typos are named, not hidden
    text = "Hamid Karzai met Pakistani troops near Kabul."
    mentions = {m.text: m.code for m in stage.resolve(nlp(text), Article("p", text, date(2005, 1, 1)))}
    assert mentions.get("Hamid Karzai") == "AFGGOV" and mentions.get("Pakistani troops", "").startswith("PAK")


def test_an_actor_with_a_bad_date_is_not_merged_into_the_next() -> None:
    problems = Problems()
    actors = parse_actors(
        "DAVID_CAMERON_\n\t[GBRGOV >201005011]\nALAN_JOHNSON_\n\t[GBRGOV 070627-100511]\n", "c.txt", problems
    )
    assert [a.phrases for a in actors] == [["ALAN JOHNSON"]]
    assert [(p.line, "201005011" in p.reason) for p in problems.items] == [(2, True)]
