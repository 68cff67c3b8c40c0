"""Grouping matched terms into actor phrases: "Kazakh police", "the President of Kazakhstan", "Taiwan's Vice
Foreign Minister", "Russian Foreign Minister Andrei Kozyrev", "the two leaders", "Hungarian and Romanian
officials" (the role is shared by both adjectives).

A phrase is: [det] [entity ('s)]* [modifier] role+ [(of|in) [det] entity] [name]  |  entity  |  person  |
pronoun  |  count + role/collective. Nothing here decides codes; ``resolve`` does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from eventwire.actors.coordination import (
    DETERMINERS,
    country_form,
    possessors,
    share_attached,
    share_place,
    share_roles,
)
from eventwire.actors.dictionary import Role
from eventwire.actors.entities import ABROAD_SECTORS
from eventwire.actors.lexicon import Lexicon, norm
from eventwire.actors.match import POSSESSIVE, Atom, is_name_token, name_run

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "ROOT"})
_ATTACHING = frozenset({"of", "in", "from"})  # "the President of X", "rebels in X", "soldiers from X"
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "NORP", "LOC"})


@dataclass(slots=True)
class Phrase:
    start: int  # token span, end exclusive, determiner included
    end: int
    kind: str  # entity, person, role, pronoun, collective
    entities: list[Atom] = field(default_factory=list)  # countries/organisations the phrase is attached to
    roles: list[Role] = field(default_factory=list)
    role_end: int = -1  # token after the last role word
    person: Atom | None = None  # a person from the people files
    name: tuple[int, int] | None = None  # an unknown name after a title: token span
    modifier: str = ""  # "deputy" or "former"
    pronoun: str = ""  # person, thing, plural
    count: int = 0
    collective: str = ""  # country, any
    attached_by: str = ""  # how the entity attaches: "", "of", "in", "owner" (of X's <unknown name>)
    possessive: bool = False  # followed by 's
    shared: bool = False  # role copied from the next phrase ("Hungarian and Romanian officials")


def compose(doc: Doc, atoms: list[Atom], lex: Lexicon) -> list[Phrase]:
    taken = {i for a in atoms for i in range(a.start, a.end)}
    particles = lex.word_class("particle")
    out: list[Phrase] = []
    k = 0
    while k < len(atoms):
        phrase, k = _build(doc, atoms, k, lex, taken, particles)
        if phrase is not None:
            out.append(phrase)
    share_roles(doc, out)
    share_place(doc, out)
    share_attached(doc, out)
    out = possessors(doc, out)
    for p in out:
        last = doc[p.end - 1]
        modifier = p.kind == "entity" and (
            country_form(p.entities[0]) == "adjectives"
            or (last.dep_ in _MODIFIER_DEPS and last.head.i >= p.end)
        )  # "the Kazakhstani vaccine", "the Beijing Olympics": the article belongs to the noun after
        if (
            p.start > 0
            and norm(doc[p.start - 1].text) in DETERMINERS
            and not doc[p.start].is_sent_start
            and p.kind != "pronoun"
            and not modifier
        ):
            p.start -= 1
        p.possessive = p.end < len(doc) and norm(doc[p.end].text) in POSSESSIVE
    return out


def _adjacent(doc: Doc, left: int, right: int) -> bool:
    """Only a possessive or a joining hyphen between ``left`` (end of one term) and ``right`` (next term)."""
    if right < left or right - left > 2 or (right < len(doc) and doc[right].is_sent_start):
        return False
    return all(
        norm(doc[i].text) in POSSESSIVE or (doc[i].text == "-" and not doc[i].whitespace_)
        for i in range(left, right)
    )


def _build(
    doc: Doc, atoms: list[Atom], k: int, lex: Lexicon, taken: set[int], particles: frozenset[str]
) -> tuple[Phrase | None, int]:
    first = atoms[k]
    pronoun = first.word(lex, "pronoun")
    if pronoun:
        return Phrase(first.start, first.end, "pronoun", pronoun=pronoun), k + 1
    count = first.word(lex, "count")
    if count:
        nxt = atoms[k + 1] if k + 1 < len(atoms) else None
        if nxt is not None and _adjacent(doc, first.end, nxt.start):
            counted = _roles(nxt, lex)
            collective = nxt.word(lex, "collective")
            if counted or collective:
                return Phrase(
                    first.start,
                    nxt.end,
                    "collective",
                    roles=counted,
                    count=int(count),
                    collective=collective,
                    role_end=nxt.end,
                ), k + 2
        return None, k + 1
    entities: list[Atom] = []
    modifier = ""
    j = k
    last_end = first.start
    while (
        j < len(atoms)
        and (atoms[j].is_entity or atoms[j].word(lex, "modifier"))
        and not atoms[j].first("person")
    ):
        if j > k and not _adjacent(doc, last_end, atoms[j].start):
            break
        if atoms[j].is_entity:
            entities.append(atoms[j])
        else:
            modifier = atoms[j].word(lex, "modifier")
        last_end = atoms[j].end
        j += 1
    roles: list[Role] = []
    role_end = -1
    while j < len(atoms) and _roles(atoms[j], lex) and (j == k or _adjacent(doc, last_end, atoms[j].start)):
        roles += _roles(atoms[j], lex)
        last_end = role_end = atoms[j].end
        j += 1
    phrase = Phrase(
        first.start, last_end, "role", entities=entities, roles=roles, role_end=role_end, modifier=modifier
    )
    if roles and not entities and j < len(atoms):
        j = _attach_after(doc, atoms, j, phrase, lex)
    person_next = j < len(atoms) and _is_person(atoms[j], lex)
    if person_next and (j == k or _adjacent(doc, phrase.end, atoms[j].start)):
        phrase.person, phrase.end, phrase.kind = atoms[j], atoms[j].end, "person"
        return phrase, j + 1
    if roles and j < len(atoms) and atoms[j].start == phrase.end and _is_named_actor(doc, atoms[j], lex):
        # a title before a user's (undated) actor name: "Bree Prime Minister Romendacil" is Bree's
        # government; the name gives the country only when the phrase names none ("President Romendacil")
        phrase.entities = phrase.entities or [atoms[j]]
        phrase.name, phrase.end = (atoms[j].start, atoms[j].end), atoms[j].end
        return phrase, j + 1
    if roles:
        end = name_run(doc, phrase.end, taken, particles)
        if end > phrase.end and not any(doc[i].ent_type_ in _NOT_NAMES for i in range(phrase.end, end)):
            phrase.name, phrase.end = (phrase.end, end), end
        return phrase, j
    if entities:  # entities not followed by a role or person: the first one stands alone
        return Phrase(first.start, first.end, "entity", entities=[first]), k + 1
    return None, k + 1


def _is_person(atom: Atom, lex: Lexicon) -> bool:
    """A person from our people files, or a PETRARCH actor with dated codes (usually a person)."""
    if atom.first("person") is not None:
        return True
    sense = atom.first("actor")
    return sense is not None and lex.actors[int(sense.ref)].dated


def _is_named_actor(doc: Doc, atom: Atom, lex: Lexicon) -> bool:
    """A user's PETRARCH actor with one code (no dates), written with a capital: a name after a title."""
    sense = atom.first("actor")
    return sense is not None and not lex.actors[int(sense.ref)].dated and doc[atom.start].text[:1].isupper()


def _roles(atom: Atom, lex: Lexicon) -> list[Role]:
    if atom.is_entity or atom.first("person"):
        return []
    sense = atom.first("role")
    return [lex.dictionaries.roles[sense.ref]] if sense is not None else []


def _attach_after(doc: Doc, atoms: list[Atom], j: int, phrase: Phrase, lex: Lexicon) -> int:
    """ "President of Kazakhstan", "head of the WHO", "rebels in the Ivory Coast", "soldiers from Gondor";
    "Director of Russia's State Historical Museum": a member of an institution we do not know, the
    country's (attached as its ``owner``)."""
    i = phrase.end
    if i >= len(doc):
        return j
    word = norm(doc[i].text)
    if word not in _ATTACHING:
        return j
    own = not doc.has_annotation("DEP") or _governs(doc[i].head, range(phrase.start, phrase.end))
    if word == "in" and not own and any(r.sector in ABROAD_SECTORS for r in phrase.roles):
        return j  # "deployed troops in Syria": the verb's place, not theirs ("teachers in France" are French)
    if word == "from" and (not own or doc[i].head.dep_ not in _SUBJECTS):
        return j  # "the withdrawal of forces from Panama": where they leave; "soldiers from X attacked"
    i += 1
    if i < len(doc) and norm(doc[i].text) in DETERMINERS:
        i += 1
    target = atoms[j]
    if target.start != i or not target.is_entity or target.first("person"):
        return j
    if target.end < len(doc) and norm(doc[target.end].text) in POSSESSIVE:
        run = target.end + 1
        while run < len(doc) and not doc[run].is_sent_start and is_name_token(doc[run]):
            run += 1  # capitalised words, known ones included ("Atomic Energy Organization")
        inside = [a for a in atoms[j + 1 :] if a.start < run]
        if word == "of" and run > target.end + 1 and not any(a.is_entity or _roles(a, lex) for a in inside):
            phrase.entities, phrase.end, phrase.attached_by = [target], run, "owner"
            return j + 1 + len(inside)  # words of the institution's name are not actors of their own
        return j  # "the deputy chief of Israel's militia ally": Israel owns the ally, not the chief
    if word != "of" and any(r.office for r in phrase.roles):
        return j
    phrase.entities, phrase.end, phrase.attached_by = [target], target.end, word
    return j + 1


def _governs(head: Token, span: range) -> bool:
    """Is ``head`` in ``span``, or a subject whose conjunct is in it ("lawmakers and officials in X met")?
    ("deployed ships and troops in X" says where they went, not whose they are.)"""
    conjunct = any(c.dep_ == "conj" and c.i in span for c in head.children)
    return head.i in span or (conjunct and head.dep_ in ("nsubj", "nsubjpass"))
