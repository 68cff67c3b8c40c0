"""Whether a person's name in the text is really that person, before a people-file match becomes an actor.

A people file's one-word alias ("Nunes", "Cameron", "Martin") is a common surname or first name, so two
readings a human makes without thinking decide whether it names the office holder:

* **part of another name**: a match next to capitalised proper nouns that are no part of the person's names
  is someone else ("Cameron Berkman", "Clinton Watts", "Rep. Devin Nunes", "Lu Kang"). Other spellings of a
  first name still fit ("Sergey Lavrov", "Dmitri Medvedev", "Pyotr Poroshenko"): same initial, close spelling.
* **a surname alone**: a person matched only by a one-word alias is that person when the article names him
  in full somewhere, or names his country (its name, adjective, capital or an actor of it: "Putin said" in
  an article about Russia, "Trump" where the U.S. or the White House is named), or gives him a title he
  held ("President Bush"), or when he is a head of state, of government or of an international
  organisation on the article's date (world news names those by surname alone); otherwise (an Indian
  article quoting a Mr Qureshi, a U.S. article on congressman Nunes) it is not that person.

A country's name can be a person's first name ("Jordan Horowitz", "Israel Folau", "Georgia Smith"): a
country match that begins a longer name the parser's entity recogniser calls a person is not the country.

The same holds for the bare words of a party's members (organisations of kind ``members``: "Democrats",
"Labour", "Conservatives"): other countries' parties share them, so they are that country's party only
where the article names the country (or an organisation or person of it), and not right after another
country or capitalised word that makes them part of another party's name ("Sweden Democrats", "New
Democrats", "Australian Labour").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.actors.lexicon import Lexicon, Sense, fold, norm
from eventwire.actors.people import Person

if TYPE_CHECKING:
    from eventwire.actors.match import Atom  # match calls filter_people

_HEAD_ROLES = frozenset({"head_of_state", "head_of_government", "igo_head"})
_SPELLING = 0.6  # SequenceMatcher ratio two spellings of one name reach (Pyotr/Petro 0.6, Sergey/Sergei 0.83)


def name_words(names: Iterable[str]) -> frozenset[str]:
    """Lower-case, accent-free words of a person's names ("Recep Tayyip Erdogan" → recep, tayyip, erdogan)."""
    return frozenset(w for n in names for w in fold(n).lower().replace("-", " ").split() if w)


def fits_name(word: str, words: frozenset[str]) -> bool:
    """Is ``word`` one of ``words`` or another spelling of one (same initial, close spelling)?"""
    word = fold(word).lower()
    if word in words:
        return True
    return any(
        w[:1] == word[:1] and SequenceMatcher(None, word, w).ratio() >= _SPELLING for w in words if len(w) > 1
    )


def other_name_part(doc: Doc, i: int, taken: list[bool], honorifics: frozenset[str]) -> bool:
    """Is token ``i`` a capitalised proper noun no other term claims (a candidate part of a longer name)?"""
    if i < 0 or i >= len(doc) or taken[i]:
        return False
    tok: Token = doc[i]
    if not tok.is_alpha or not tok.text[0].isupper() or tok.pos_ != "PROPN" or tok.is_stop:
        return False  # "Though Trump told ...": a capitalised function word is no name
    if len(tok) > 1 and tok.text.isupper():
        return False  # "WASHINGTON", "GOP": a dateline or an acronym, not a first name
    return norm(tok.text) not in honorifics


def filter_people(
    doc: Doc, atoms: list[Atom], lex: Lexicon, taken: list[bool], day: date | None = None
) -> list[Atom]:
    """Drop the person senses the text does not bear out (see the module docstring); an atom left with no
    sense is dropped and its tokens freed (``taken``) for name runs."""
    people = lex.dictionaries.people.persons
    roles_before = {b.start: a for a, b in itertools.pairwise(atoms) if a.end == b.start}
    honorifics = lex.word_class("honorific")
    full = {s.ref for a in atoms if a.end - a.start > 1 for s in a.senses if s.kind == "person"}
    blocks = _blocks(atoms, lex, full)
    out: list[Atom] = []
    for atom in atoms:
        if atom.first("person") is None:
            out.append(atom)
            continue
        keep: list[Sense] = []
        for sense in atom.senses:
            if sense.kind != "person":
                keep.append(sense)
                continue
            person = people[sense.ref]
            words = name_words([person.name, *person.aliases])
            if _inside_other_name(doc, atom, words, taken, honorifics):
                continue
            surname = atom.end - atom.start == 1 and sense.form == "aliases"
            if surname and not (
                sense.ref in full
                or _person_blocks(person) & blocks
                or _titled(person, roles_before.get(atom.start))
                or _heads(person, day)
            ):
                continue
            keep.append(sense)
        _settle(atom, keep, taken, out)
    return out


def filter_first_names(doc: Doc, atoms: list[Atom], taken: list[bool]) -> list[Atom]:
    """Drop country senses of a word that begins a longer PERSON entity ("Jordan Horowitz") whose next word
    no other term claims ("Jordan King Abdullah" keeps Jordan)."""
    starts = {e.start: e.end for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    out: list[Atom] = []
    for atom in atoms:
        after = atom.end < len(taken) and taken[atom.end]  # "Jordan King Abdullah": a title follows
        first_name = starts.get(atom.start, atom.end) > atom.end and not after
        _settle(atom, [s for s in atom.senses if not (first_name and s.kind == "country")], taken, out)
    return out


def _settle(atom: Atom, keep: list[Sense], taken: list[bool], out: list[Atom]) -> None:
    """Keep the atom with the senses left, or free its tokens for other terms when none is left."""
    if keep:
        atom.senses = keep
        out.append(atom)
    else:
        for j in range(atom.start, atom.end):
            taken[j] = False


def filter_members(doc: Doc, atoms: list[Atom], lex: Lexicon, taken: list[bool]) -> list[Atom]:
    """Drop the party-member senses (kind ``members``) the article does not bear out (module docstring)."""
    orgs = lex.dictionaries.organisations

    def members(sense: Sense) -> bool:
        return sense.kind == "org" and orgs[int(sense.ref)].kind == "members"

    if not any(members(s) for a in atoms for s in a.senses):
        return atoms
    full = {s.ref for a in atoms if a.end - a.start > 1 for s in a.senses if s.kind == "person"}
    blocks = _blocks([a for a in atoms if not any(members(s) for s in a.senses)], lex, full)
    before = {b.start: a for a, b in itertools.pairwise(atoms) if a.end == b.start}
    out: list[Atom] = []
    for atom in atoms:
        keep = [
            s
            for s in atom.senses
            if not members(s) or _members_fit(doc, atom, before, orgs[int(s.ref)].country, blocks, lex, taken)
        ]
        _settle(atom, keep, taken, out)
    return out


def _members_fit(
    doc: Doc,
    atom: Atom,
    before: dict[int, Atom],
    country: str,
    blocks: set[str],
    lex: Lexicon,
    taken: list[bool],
) -> bool:
    if country not in blocks:
        return False
    prev = before.get(atom.start)
    if prev is not None and not doc[atom.start].is_sent_start:
        sense = prev.first("country", "org")
        if sense is not None and _sense_country(sense, lex) != country:
            return False  # "Sweden Democrats", "Israeli Labour Party"
    i = atom.start - 1
    if i >= 0 and not doc[atom.start].is_sent_start and not taken[i]:
        tok: Token = doc[i]
        if tok.is_alpha and tok.text[0].isupper() and not tok.is_stop:
            return False  # "New Democrats", "Christian Democrats": another party's name
    return True


def _sense_country(sense: Sense, lex: Lexicon) -> str:
    dicts = lex.dictionaries
    if sense.kind == "country":
        return dicts.countries[sense.ref].codes_as
    return dicts.organisations[int(sense.ref)].country


def _inside_other_name(
    doc: Doc, atom: Atom, words: frozenset[str], taken: list[bool], honorifics: frozenset[str]
) -> bool:
    """A capitalised proper noun right before (a one-word match) or after the match that is no part of the
    person's names ("Cameron Berkman", "Lu Kang", "Donald Trump Jr")."""
    sides = [(atom.start - 1, atom.start)] if atom.end - atom.start == 1 else []
    # a full name is not checked leftwards: what comes before is more often a title or a heading
    # ("EU Council President Donald Tusk", "Chancellor of the Exchequer Philip Hammond")
    for i, bound in (*sides, (atom.end, atom.end)):
        if bound < len(doc) and doc[bound].is_sent_start:
            continue  # the word is in another sentence
        if other_name_part(doc, i, taken, honorifics) and not fits_name(doc[i].text, words):
            return True
    return False


def _titled(person: Person, before: Atom | None) -> bool:
    """A title right before the surname that the person held ("President Bush", "Chancellor Merkel"; not
    "Judge Blair")."""
    role = before.first("role") if before is not None else None
    if role is None:
        return False
    titles = {w for t in person.terms for w in t.title.lower().replace("-", " ").split()}
    return role.ref.replace("-", " ").split()[-1] in titles


def _heads(person: Person, day: date | None) -> bool:
    """In office on the day as head of state, of government or of an international organisation: the
    people world news names by surname alone ("Putin offered to negotiate ...")."""
    term = person.term_on(day)
    return term is not None and term.role in _HEAD_ROLES


def _blocks(atoms: list[Atom], lex: Lexicon, full: set[str]) -> set[str]:
    """Countries and organisations the text names: countries (any form), organisations and their countries,
    and the countries of people named in full."""
    dicts = lex.dictionaries
    out: set[str] = set()
    for atom in atoms:
        for sense in atom.senses:
            if sense.kind == "country":
                country = dicts.countries[sense.ref]
                out |= {sense.ref, country.codes_as}
            elif sense.kind == "org":
                org = dicts.organisations[int(sense.ref)]
                out |= {org.code, org.country} - {""}
    for name in full:
        out |= _person_blocks(dicts.people.persons[name])
    return out


def _person_blocks(person: Person) -> set[str]:
    """The countries a person held office for, and the organisations they headed (with their parents: the
    EU's Council president belongs to the EU, ``IGOEUREEC``)."""
    out: set[str] = set()
    for term in person.terms:
        block = term.block
        out.add(block)
        if block.startswith(("IGO", "NGO")):
            out |= {block[:k] for k in range(6, len(block), 3)}
    return out
