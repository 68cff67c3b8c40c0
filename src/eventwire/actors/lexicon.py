"""One term index over all dictionaries: token sequences (lower case) → senses, built once per ActorStage.

Phrases are tokenized with the same spaCy tokenizer that parses the articles, so a key always lines up with
the tokens of a Doc. Each sense carries a case pattern: a data term written ``WHO`` only matches ``WHO`` in
upper case (never the pronoun "who"), ``Kazakhstan`` needs its capital, ``president`` matches any case.
Users' PETRARCH actors replace our senses for the same phrase, and their agents replace our roles.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from eventwire.actors.dictionary import Dictionaries, Role
from eventwire.actors.petrarch import PetrarchActor, PetrarchAgent

ENTITY_KINDS = frozenset({"country", "org", "actor", "person"})
_MONTHS = "january february march april may june july august september october november december"
_CALENDAR = frozenset(f"{_MONTHS} monday tuesday wednesday thursday friday saturday sunday".split(" "))
_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Sense:
    kind: str  # country, org, actor (PETRARCH), person, role, word
    ref: str  # country code, org index, actor index, person name, role term, word
    form: str  # which field the term came from: name, official, aliases, adjectives, ..., form, word
    case: tuple[int, ...] = ()  # per token: 0 any case, 1 capitalised, 2 all capitals


@dataclass(slots=True)
class Lexicon:
    dictionaries: Dictionaries
    actors: list[PetrarchActor] = field(default_factory=list)
    entries: dict[tuple[str, ...], list[Sense]] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first token → lengths, longest first

    classes: dict[str, frozenset[str]] = field(default_factory=dict)  # words.tsv class → words

    def first_tokens(self) -> frozenset[str]:
        return frozenset(self.lengths)

    def word_class(self, cls: str) -> frozenset[str]:
        return self.classes.get(cls, frozenset())


def norm(text: str) -> str:
    """Token text as used in keys: lower case, typographic apostrophes made plain."""
    return text.translate(_QUOTES).lower()


def fold(text: str) -> str:
    """Text without accents ("Élysée" → "Elysee")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _variants(term: str) -> set[str]:
    """A term, its accent-free spelling and (for hyphenated words) its spaced spelling."""
    out = {term, fold(term)}
    for t in list(out):
        if "-" in t.strip("-"):
            out.add(t.replace("-", " "))
    return out


def _case_ours(words: list[str]) -> tuple[int, ...]:
    out = []
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if not letters or w.lower() == "the":
            out.append(0)
        elif len(letters) >= 2 and all(c.isupper() for c in letters):
            out.append(2)
        else:
            out.append(1 if letters[0].isupper() and w[0].isalpha() else 0)
    return tuple(out)


def _case_petrarch(words: list[str]) -> tuple[int, ...]:
    out = [0] * len(words)
    for i, w in enumerate(words):
        if w.lower() != "the" and any(c.isalpha() for c in w):
            short = len(words) == 1 and (w.lower() in STOP_WORDS or len(w) <= 2)
            out[i] = 2 if short else 1
            break
    return tuple(out)


def build_lexicon(
    dicts: Dictionaries,
    actors: list[PetrarchActor],
    agents: list[PetrarchAgent],
    tokenize: Callable[[Iterable[str]], Iterable[Doc]],
) -> Lexicon:
    """Index our dictionaries, then users' PETRARCH actors and agents over them."""
    ours: list[tuple[str, Sense, bool]] = []  # (phrase, sense without case, petrarch case?)
    for code, country in dicts.countries.items():
        for form, terms in country.names.items():
            ours += [(v, Sense("country", code, form), False) for t in terms for v in _variants(t)]
    for i, org in enumerate(dicts.organisations):
        for form, terms in (("name", (org.name,)), ("aliases", org.aliases)):
            ours += [(v, Sense("org", str(i), form), False) for t in terms for v in _variants(t)]
    for name, person in dicts.people.persons.items():
        for form, names in (("name", [name]), ("aliases", person.aliases)):
            for t in names:
                if " " not in t and "-" not in t and t.lower() in STOP_WORDS | _CALENDAR:
                    continue  # a one-word alias like "May" is never matched alone
                ours += [(v, Sense("person", name, form), False) for v in _variants(t)]
    for term, role in dicts.roles.items():
        ours += [(v, Sense("role", term, "form"), False) for t in (term, *role.forms) for v in _variants(t)]
    # honorifics ("Mr", "Mrs") are no terms of their own: "Mr King" stays a name (see ``match._surname``)
    # nor are institution words ("Senate"), read only before a title (``context.SentenceCountries.titled``)
    words = [w for w, word in dicts.words.items() if word.cls not in ("honorific", "institution")]
    ours += [(w, Sense("word", w, "word"), False) for w in words]
    theirs = [(p, Sense("actor", str(i), "phrase"), True) for i, a in enumerate(actors) for p in a.phrases]
    theirs += [(ag.phrase, Sense("role", ag.phrase, "agent"), False) for ag in agents]
    for agent in agents:
        dicts.roles[agent.phrase] = _agent_role(agent, dicts.roles.get(agent.phrase), dicts.sectors)
    lex = Lexicon(dicts, actors)
    for word in dicts.words.values():
        lex.classes[word.cls] = lex.classes.get(word.cls, frozenset()) | {word.word}
    _index(lex, ours, tokenize)
    _index(lex, theirs, tokenize, override=True)
    lex.lengths = {}
    for key in lex.entries:
        lex.lengths.setdefault(key[0], ())
        if len(key) not in lex.lengths[key[0]]:
            lex.lengths[key[0]] = tuple(sorted((*lex.lengths[key[0]], len(key)), reverse=True))
    return lex


def _agent_role(agent: PetrarchAgent, ours: Role | None, sectors: dict[str, str]) -> Role:
    sector = agent.code[:3] if agent.code[:3] in sectors else ""
    office, standalone = (ours.office, ours.standalone) if ours else ("", False)
    return Role(agent.phrase, sector, office, standalone, False, (), agent.code, agent.prefix)


def _index(
    lex: Lexicon,
    items: list[tuple[str, Sense, bool]],
    tokenize: Callable[[Iterable[str]], Iterable[Doc]],
    override: bool = False,
) -> None:
    phrases = sorted({p for p, _, _ in items})
    tokens = {
        p: [t.text for t in doc if not t.is_space] for p, doc in zip(phrases, tokenize(phrases), strict=True)
    }
    replaced: set[tuple[str, ...]] = set()
    for phrase, sense, petrarch in items:
        words = tokens[phrase]
        if not words:
            continue
        key = tuple(norm(w) for w in words)
        case = _case_petrarch(words) if petrarch else _case_ours(words)
        full = Sense(sense.kind, sense.ref, sense.form, case)
        senses = lex.entries.setdefault(key, [])
        if override and key not in replaced:
            replaced.add(key)
            kinds = ENTITY_KINDS if sense.kind in ENTITY_KINDS else {"role"}
            senses[:] = [s for s in senses if s.kind not in kinds]
        if full not in senses:
            senses.append(full)


def case_ok(sense: Sense, doc: Doc, start: int) -> bool:
    """Does the text at ``doc[start:]`` have the capitals the sense's term asks for?"""
    for offset, need in enumerate(sense.case):
        if need:
            text = doc[start + offset].text
            letters = [c for c in text if c.isalpha()]
            if not letters:
                continue
            if need == 2 and not all(c.isupper() for c in letters):
                return False
            if need == 1 and not letters[0].isupper():
                return False
    return True
