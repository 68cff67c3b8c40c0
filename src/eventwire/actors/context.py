"""Countries a sentence places its actors in, for phrases that name no country of their own.

Two readings a human coder makes without thinking:

* an office holder named by title and a name we do not know ("President Laurent Gbagbo") belongs to the
  country of a national institution named right before the title ("Senate Intelligence Committee chairman
  X"), else to the one country the sentence names, else to the country it says the event happened in;
* a bare group ("demonstrators", "activists", "people") belongs to the country the sentence says it is
  in ("... in Hong Kong", "... in the Gaza Strip", "... at protesters in Nairobi" within its own clause),
  else to the country whose police or courts act in the sentence ("Egyptian police dispersed
  demonstrators"): police and courts act at home.

A country counts as a location when a locative preposition ("in", "at", "inside", "across", "throughout")
governs it. Only countries, territories and former states count (not regions such as "Europe").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.actors.compose import Phrase
from eventwire.actors.entities import ABROAD_SECTORS, Entities, Entity, RoleInfo, role_info
from eventwire.actors.lexicon import norm

LOCATIVE = frozenset({"in", "at", "inside", "across", "throughout"})
_PLACE_KINDS = frozenset({"country", "territory", "historical", "subnational"})
_DOMESTIC_SECTORS = frozenset({"COP", "JUD"})  # they act in their own country
# institutions that belong to the country a text is about ("the court", "police", "lawmakers"); armed groups,
# civilians and refugees in a text about one country often come from another, and "the parties" are often
# the sides of a conflict
_HOME_SECTORS = frozenset({"COP", "JUD", "LEG", "OPP", "LAB", "BUS", "EDU", "HLH", "AGR", "REL"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PARTY_PREPS = frozenset({"to", "with", "against", "toward", "towards", "from", "for"})
# titles of office a name takes the article's country from ("Minister X", "General X", "Judge X"); not
# "Attacker X", "Correspondent X": attackers and reporters in a text about one country often come from another
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "ELI"})
_TITLE_LINKS = frozenset({"of", "on", "for", "and", "'s"})  # "Senate Committee on Armed Services chairman"
_SKIPPED = frozenset({"the", "central", "northern", "southern", "eastern", "western", "north", "south"})


@dataclass(frozen=True, slots=True)
class Named:
    """A country named in a sentence: by a name, a capital or an adjective on a role."""

    sentence: int
    block: str
    located: bool  # governed by a locative preposition
    sector: str  # the sector of the role it qualifies ("" for a bare name)
    token: int  # its last token
    clause: int = -1  # placed through another noun ("protesters in Nairobi"): the verb of that noun's clause


class SentenceCountries:
    """The countries each sentence of a document names, read once from the composed phrases."""

    def __init__(
        self, doc: Doc, phrases: list[Phrase], entities: Entities, sentence_of: Callable[[int], int]
    ) -> None:
        self.named: dict[int, list[Named]] = {}
        countries = entities.dicts.countries
        for p in phrases:
            sector = role_info(p.roles, p.modifier).sector if p.roles else ""
            for atom in p.entities:
                entity = entities.from_atom(atom)
                if entity is None or entity.kind != "country":
                    continue
                row = countries.get(entity.block)
                if row is None or row.kind not in _PLACE_KINDS:
                    continue
                k = atom.start - 1
                while k > 0 and norm(doc[k].text) in _SKIPPED:
                    k -= 1
                # a bare name ("in Nairobi") or one a role is placed in ("protesters in Nairobi"): either
                # places the sentence's other bare groups too ("Police fired at protesters in Nairobi")
                placed = p.kind == "entity" or (p.attached_by == "in" and atom.start >= p.role_end)
                located = placed and k >= 0 and norm(doc[k].text) in LOCATIVE
                si = sentence_of(atom.start)
                clause = _clause(doc[p.start]) if located and p.kind != "entity" else -1
                named = Named(si, entity.block, located, sector, atom.end - 1, clause)
                self.named.setdefault(si, []).append(named)
        self.doc = doc
        words = entities.dicts.words.values()
        self.institutions = {w.word: w.value for w in words if w.cls == "institution"}

    def sole(self, sentence: int) -> str:
        """The one country the sentence names ("" if none or several)."""
        blocks = {n.block for n in self.named.get(sentence, [])}
        return next(iter(blocks)) if len(blocks) == 1 else ""

    def located(self, sentence: int, token: int = -1) -> str:
        """The one country the sentence places something in ("" if none or several). A place of another
        noun ("protesters in Nairobi") places the phrase at ``token`` only when both are in one clause:
        "Police fired tear gas at protesters in Nairobi", not "... killing 20 people, officials in Nairobi
        said"."""
        mine = _clause(self.doc[token]) if token >= 0 else -2
        blocks = {n.block for n in self.named.get(sentence, []) if n.located and n.clause in (-1, mine)}
        return next(iter(blocks)) if len(blocks) == 1 else ""

    def titled(
        self, name: str, info: RoleInfo, sentence: int, token: int, name_start: int = -1
    ) -> Entity | None:
        """ "President Laurent Gbagbo" (not in the people files): the one country the sentence names within
        his reach, else the country the article is about. Out of his reach are a country in a report he is
        credited with afterwards, in a clause with a subject of its own ("troops have arrived in Bosnia,
        Defense Secretary X said": where the news happened, not whose official he is) and the other party
        of a verb ("visited Bosnia", "talks with Iran")."""
        if not info.sector or (info.weak and info.office == "leader"):
            return None  # "Director Steven Spielberg", "chief X": the head of what, we cannot tell
        if info.sector in _OFFICIAL_SECTORS:
            block = self.institution(token, max(name_start, token), sentence)
            if block:
                return titled_person(name, info, block, "the national institution before the title")
        person = self.doc[token]
        near = [
            n
            for n in self.named.get(sentence, [])
            if not party(self.doc[n.token], person)
            and not (n.token < token and other_clause(self.doc[n.token], person))
        ]
        block, how = _one({n.block for n in near}), "the only country in the sentence"
        if not block:
            block, how = _one({n.block for n in near if n.located}), "the sentence's location"
        if not block and info.sector in _OFFICIAL_SECTORS:
            block, how = self.article(sentence), "the country the article is mostly about"
        return titled_person(name, info, block, how) if block else None

    def institution(self, start: int, name: int, sentence: int) -> str:
        """ "House Intelligence Committee chairman X", "Senate chairman X": the country of a national
        institution (words of class ``institution``) that begins the capitalised words of the title (from
        ``start`` to the name at ``name``) and right before it, when the article names that country, no
        country is named among those words ("Philippine Senate President X" keeps the Philippines) and no
        institution word of another country is among them."""
        own = {n.token for n in self.named.get(sentence, [])}
        if any(i in own for i in range(start, name)):
            return ""
        words = [norm(t.text) for t in self.doc[start:name] if t.text[:1].isupper()]  # "Senate chairman"
        i = start - 1
        while i >= 0 and not self.doc[i + 1].is_sent_start:
            tok = self.doc[i]
            if i in own:
                return ""
            if not tok.text[:1].isupper() and norm(tok.text) not in _TITLE_LINKS:
                break
            words.insert(0, norm(tok.text))
            i -= 1
        while words and (words[0] in _TITLE_LINKS or words[0] == "the"):  # "The Senate chairman"
            words.pop(0)
        found = {self.institutions[w] for w in words if w in self.institutions}
        if not words or words[0] not in self.institutions or len(found) != 1:
            return ""  # "Lower House Speaker", "House of Commons Speaker": not the U.S. House
        named = {n.block for ns in self.named.values() for n in ns}
        block = found.pop()
        return block if block in named else ""

    def group(
        self, info: RoleInfo, plural: bool, sentence: int, guess: bool = True, token: int = -1
    ) -> Entity | None:
        """A bare group ("demonstrators"): where the sentence places it, else where its police act, else
        (with ``guess``: no unknown name owns it) the country the article is about; a non-governmental body
        placed nowhere is an NGO."""
        block, how = self.located(sentence, token), "the sentence's location"
        if not block:
            block, how = self.domestic(sentence), "where the sentence's police or courts act"
        if not block and guess and info.sector in _HOME_SECTORS and not info.ngo:
            block, how = self.article(sentence), "the country the article is mostly about"
        if not block and info.ngo:
            return ngo_group(info, plural)
        return placed_group(info, block, plural, how) if block else None

    def elsewhere(self, info: RoleInfo, block: str, plural: bool, sentence: int) -> Entity | None:
        """ "the Albanian population of Montenegro": an ethnic group where the sentence places it, when that
        is another country than its origin (None otherwise)."""
        located = self.located(sentence)
        if not located or located == block:
            return None
        return placed_group(info, located, plural, f"{block} origin, placed by the sentence's location")

    def article(self, sentence: int) -> str:
        """The country named most often up to ``sentence`` when it is named at least twice and more often
        than any other ("" otherwise): the country a bare "the rebels" or "police" belongs to."""
        counts: dict[str, int] = {}
        for si, named in self.named.items():
            if si <= sentence:
                for n in named:
                    counts[n.block] = counts.get(n.block, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return ""
        return ranked[0][0]

    def domestic(self, sentence: int) -> str:
        """The one country whose police or courts the sentence names ("" if none or several)."""
        blocks = {n.block for n in self.named.get(sentence, []) if n.sector in _DOMESTIC_SECTORS}
        return next(iter(blocks)) if len(blocks) == 1 else ""


def _clause(tok: Token) -> int:
    """The verb of the clause a token is in (-3 if none)."""
    for t in (tok, *tok.ancestors):
        if t.pos_ in _CLAUSE_POS:
            return t.i
    return -3


def _one(blocks: set[str]) -> str:
    return next(iter(blocks)) if len(blocks) == 1 else ""


def party(place: Token, person: Token) -> bool:
    """Is ``place`` the object of a verb whose subject is ``person`` ("X visited Bosnia", "X met with Iranian
    leaders")?"""
    tok = place
    while tok.dep_ in ("amod", "compound", "poss", "conj", "appos") and tok.head.i != tok.i:
        tok = tok.head  # "met Iranian leaders": the leaders are the object
    if tok.dep_ in ("dobj", "dative"):
        verb = tok.head
    elif tok.dep_ == "pobj" and norm(tok.head.text) in _PARTY_PREPS:
        verb = tok.head.head
    else:
        return False
    return any(c.dep_ in _SUBJECT_DEPS and c.left_edge.i <= person.i <= c.right_edge.i for c in verb.children)


def other_clause(place: Token, person: Token) -> bool:
    """Is ``place`` in a clause below the one both share whose subject is a noun other than ``person``?"""
    mine = {person.i, *(t.i for t in person.ancestors)}
    for tok in (place, *place.ancestors):
        if tok.i in mine:
            return False
        subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS] if tok.pos_ in _CLAUSE_POS else []
        if any(
            c.pos_ in ("NOUN", "PROPN")
            and not c.left_edge.i <= person.i <= c.right_edge.i
            and not c.left_edge.i <= place.i <= c.right_edge.i
            for c in subjects
        ):
            return True
    return False


def titled_person(name: str, info: RoleInfo, block: str, how: str) -> Entity:
    """ "President Laurent Gbagbo", not in the people files: the office in the sentence's country."""
    return Entity(
        f"person:{name}",
        "person",
        block + info.sector,
        name,
        block,
        info.sector,
        [f"title in text: {' '.join(sorted(info.words))}; country {block}: {how}"],
        {info.office} - {""},
        set(info.words),
        person=True,
        block=block,
    )


def ngo_group(info: RoleInfo, plural: bool) -> Entity:
    """ "a human rights group" with no country: a non-governmental organisation, NGO + its sector."""
    code = "NGO" + (info.sector if info.sector != "NGO" else "")
    return Entity(
        f"group:{code}:{sorted(info.words)[0]}",
        "ngo",
        code,
        "",
        "",
        info.sector,
        [f"role: {' '.join(sorted(info.words))}; no country: a non-governmental organisation"],
        role_words=set(info.words),
        plural=plural,
        block=code,
    )


def placed_group(info: RoleInfo, block: str, plural: bool, how: str) -> Entity | None:
    """A bare group ("demonstrators") in the sentence's country; None for roles that may act abroad."""
    if info.sector in ABROAD_SECTORS or not info.sector or info.office:
        return None
    last = sorted(info.words)[0]
    return Entity(
        f"group:{block}{info.sector}:{last}",
        "role",
        block + info.sector,
        "",
        block,
        info.sector,
        [f"role: {' '.join(sorted(info.words))}; country {block}: {how}"],
        role_words=set(info.words),
        plural=plural,
        block=block,
    )
