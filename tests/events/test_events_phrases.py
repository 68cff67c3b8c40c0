"""``eventwire.events.phrases`` on real parses: the actors a phrase names and the object side of a verb."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from tests.events.conftest import build_mentions

from eventwire.events.extract import MentionIndex
from eventwire.events.phrases import coordinated, find_mentions, object_side_mentions


def _parse(nlp: Language, text: str, actors: dict[str, str]) -> tuple[Doc, Span, MentionIndex]:
    doc = nlp(text)
    return doc, next(iter(doc.sents)), MentionIndex(doc, build_mentions(doc, actors))


def _token(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_find_mentions_reads_the_phrase_and_its_conjuncts(en_nlp: Language) -> None:
    doc, sent, index = _parse(
        en_nlp, "Jordan and Britain signed a deal.", {"Jordan": "JOR", "Britain": "GBR"}
    )
    found, cost = find_mentions(doc[_token(doc, "Jordan")], index, sent)
    assert [m.code for m in found] == ["JOR", "GBR"] and cost == 0


def test_a_coordinated_modifier_is_a_second_actor(en_nlp: Language) -> None:
    actors = {"Hungarian": "HUNGOV", "Romanian officials": "ROUGOV"}
    doc, _, index = _parse(en_nlp, "Hungarian and Romanian officials met on Monday.", actors)
    others = coordinated(doc[_token(doc, "officials")], index)
    assert [m.code for m in others] == ["HUNGOV"]


def test_object_side_skips_concession_and_puts_places_last(en_nlp: Language) -> None:
    actors = {"Russia": "RUS", "Hong Kong": "HKG", "Chinese authorities": "CHNGOV", "Japan": "JPN"}
    text = "Russia blocked streets in Hong Kong in defiance of Chinese authorities."
    doc, sent, index = _parse(en_nlp, text, actors)
    found = object_side_mentions([doc[_token(doc, "blocked")]], index, sent)
    assert [m.code for _, m in found][:1] == ["CHNGOV"], [m.code for _, m in found]
    doc, sent, index = _parse(en_nlp, "Russia agreed to the plan despite Japan's objections.", actors)
    found = object_side_mentions([doc[_token(doc, "agreed")]], index, sent)
    assert all(m.code != "JPN" for _, m in found)


def test_object_side_reads_the_subject_of_a_governed_clause(en_nlp: Language) -> None:
    doc, sent, index = _parse(en_nlp, "Syria refused to let Turkey enter.", {"Syria": "SYR", "Turkey": "TUR"})
    found = object_side_mentions([doc[_token(doc, "let")]], index, sent)
    assert [m.code for _, m in found] == ["TUR"]
