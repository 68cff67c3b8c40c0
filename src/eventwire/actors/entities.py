"""Real-world actors behind phrases: a country, an organisation, a person on a given day, an office, a group.

``Entities`` turns matched terms into :class:`Entity` records with a code and the reasons for it (``basis``,
shown in mention chains): date-dependent person codes, role + country → office holder, sector composition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from eventwire.actors.dictionary import Role
from eventwire.actors.lexicon import Lexicon
from eventwire.actors.match import Atom
from eventwire.actors.people import Person, Term

ABROAD_SECTORS = frozenset({"GOV", "MIL", "MED", "SPY", "ELI", "PRE"})  # may well act outside their country
HEAD_OFFICES = frozenset({"head_of_state", "head_of_government", "igo_head", "leader"})
_ORG_KINDS = {
    "igo": "igo",
    "ngo": "ngo",
    "media": "media",
    "state": "group",
    "group": "group",
    "party": "group",
    "members": "group",
}


@dataclass(slots=True)
class Entity:
    id: str  # "person:Kassym-Jomart Tokayev", "country:CHE", "org:World Health Organization", ...
    kind: str  # country, igo, ngo, media, group, person, role
    code: str
    name: str = ""
    country: str = ""
    sector: str = ""
    basis: list[str] = field(default_factory=list)
    offices: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    person: bool = False
    plural: bool = False
    block: str = ""  # the country (or organisation code) an office/group belongs to


@dataclass(frozen=True, slots=True)
class RoleInfo:
    sector: str
    office: str
    words: frozenset[str]
    agent: Role | None  # a PETRARCH agent giving the code suffix/prefix
    ngo: bool = False  # names a non-governmental body ("a human rights group")
    weak: bool = False  # only weak roles ("officials", "leader"): the sector is what they belong to


def role_info(roles: list[Role], modifier: str) -> RoleInfo:
    """Sector of a role sequence (weak roles like "leader" take the sector before them) and its office."""
    strong = [r for r in roles if not r.weak]
    sector = (strong[-1] if strong else roles[-1]).sector
    office = roles[-1].office if all(r.weak for r in roles[:-1]) else ""
    if modifier:
        office = ""
        sector = "ELI" if modifier == "former" else sector
    words = frozenset({r.term for r in roles} | {r.term.split()[-1] for r in roles})
    # a former office holder is an elite (ELI), whatever the agent code of the office
    agent = None if modifier == "former" else next((r for r in reversed(roles) if r.agent_code), None)
    return RoleInfo(sector, office, words, agent, roles[-1].ngo, not strong)


class Entities:
    """Builds entities for one document date."""

    def __init__(self, lex: Lexicon, day: date | None) -> None:
        self.lex = lex
        self.dicts = lex.dictionaries
        self.day = day

    def from_atom(self, atom: Atom) -> Entity | None:
        sense = atom.first("country", "org", "actor")
        if sense is None:
            return None
        if sense.kind == "country":
            c = self.dicts.countries[sense.ref]
            form = sense.form.rstrip("s") if sense.form != "aliases" else "alias"
            return Entity(
                f"country:{c.codes_as}",
                "country",
                c.codes_as,
                c.name,
                c.codes_as,
                basis=[f"country: {form} of {c.name}"],
                block=c.codes_as,
            )
        if sense.kind == "org":
            org = self.dicts.organisations[int(sense.ref)]
            kind = _ORG_KINDS[org.kind]
            sector = "MED" if org.kind == "media" else (org.code[3:6] if kind == "group" else "")
            return Entity(
                f"org:{org.name}",
                kind,
                org.code,
                org.name,
                org.country,
                sector,
                basis=[f"organisation: {org.name} ({org.kind})"],
                block=org.code,
                plural=org.kind in ("group", "members"),
            )
        return self.from_actor(int(sense.ref))

    def from_actor(self, index: int) -> Entity | None:
        actor = self.lex.actors[index]
        code = actor.code_on(self.day)
        if not code:
            return None
        country = self.dicts.country_of_code(code)
        sector = code[3:6] if country and code[3:6] in self.dicts.sectors else ""
        day = self.day.isoformat() if self.day else "no date"
        basis = [f"petrarch: {actor.phrases[0]} ({actor.where}) on {day}"]
        name = actor.phrases[0].title()
        if code == country:
            return Entity(f"country:{code}", "country", code, name, country, basis=basis, block=code)
        if actor.dated:
            return Entity(
                f"person:{name}", "person", code, name, country, sector, basis, person=True, block=country
            )
        kind = "igo" if code.startswith("IGO") else "ngo" if code.startswith("NGO") else "group"
        kind = "media" if sector == "MED" else kind
        return Entity(f"actor:{name}", kind, code, name, country, sector, basis, block=code)

    def person(self, candidates: list[Person]) -> Entity | None:
        """A person from the people files, coded as on the article's date."""
        person = self.pick(candidates)
        term = person.term_on(self.day)
        if term is not None:
            return self.holder_entity(person, term)
        country = person.home_country(self.day)
        if not country:
            return None
        last = max(person.terms, key=lambda t: t.start)
        day = self.day.isoformat() if self.day else "no date"
        return Entity(
            f"person:{person.name}",
            "person",
            country,
            person.name,
            country,
            basis=[f"people: {person.name} not in office on {day} (was {last.describe()})"],
            person=True,
            block=country,
            role_words=_title_words(person, self.day),
        )

    def pick(self, candidates: list[Person]) -> Person:
        """Of people sharing a name, the one in office on the day, else the one whose last term began last."""
        in_office = [p for p in candidates if p.term_on(self.day) is not None]
        if in_office:
            return in_office[0]
        return max(candidates, key=lambda p: max(t.start for t in p.terms))

    def holder_entity(self, person: Person, term: Term) -> Entity:
        national = not term.code.startswith(("IGO", "NGO"))
        return Entity(
            f"person:{person.name}",
            "person",
            term.code,
            person.name,
            term.code[:3] if national else "",
            term.code[3:6] if national else "",
            basis=[f"people: {person.name}, {term.describe()}"],
            offices={term.role},
            role_words=_title_words(person, self.day),
            person=True,
            block=term.block,
        )

    def member(self, base: Entity, info: RoleInfo, plural: bool, owner: str) -> Entity:
        """A role in an institution we do not know that a country or organisation owns ("Director of Russia's
        State Historical Museum"): the owner's code, with the role's sector only when the role names one of
        its own ("police chief"; "director" and "head" take the institution's, which we do not know)."""
        sector = "" if info.weak else info.sector
        code = base.block + sector if base.kind == "country" else base.code
        return Entity(
            f"member:{code}:{owner}:{'|'.join(sorted(info.words))}",
            "role",
            code,
            "",
            base.country,
            sector,
            [f"role: {' '.join(sorted(info.words))} of {owner}, an institution of {base.name or base.code}"],
            role_words=set(info.words),
            person=not plural,
            plural=plural,
            block=base.block,
        )

    def attached(self, base: Entity, info: RoleInfo, head_plural: bool, roles: list[Role]) -> Entity:
        """A role attached to a country/organisation: an office holder on the day, an office, or a group."""
        office, block = info.office, base.block
        petrarch = base.id.startswith("actor:")  # users' PETRARCH actors compose with any agent
        if base.kind == "country" or petrarch:
            code = _compose(base.code, info)
            offices = ["head_of_state", "head_of_government"] if office == "leader" else [office]
            offices = [o for o in offices if o and o != "igo_head"]
        else:
            code = base.code
            offices = ["igo_head"] if office in HEAD_OFFICES else []
        what = f"{' '.join(r.term for r in roles)} of {base.name or base.code}"
        for candidate in offices:
            found = self.dicts.people.holder(
                block, candidate, self.day, base.name if base.kind != "country" else ""
            )
            if found is not None:
                entity = self.holder_entity(*found)
                entity.basis.insert(0, f"role: {what} → {candidate}")
                entity.role_words |= info.words
                return entity
        sector = info.sector if base.kind != "group" or petrarch else base.sector
        if offices:
            return Entity(
                f"office:{block}:{offices[0]}",
                "role",
                code,
                "",
                base.country,
                sector,
                [f"role: {what} → {offices[0]} (holder on this date not in the people files)"],
                offices=set(offices),
                role_words=set(info.words),
                person=True,
                block=block,
            )
        kind = "media" if sector == "MED" else "role"
        last = roles[-1].term
        return Entity(
            f"group:{code}:{last}",
            kind,
            code,
            "",
            base.country,
            sector,
            [f"role: {what}"],
            role_words=set(info.words),
            plural=head_plural,
            block=block,
        )

    def capital_government(self, capital: Entity, word: str) -> Entity:
        """A capital acting as a subject ("Washington demanded", "Beijing rejected") is the government."""
        gov = self.government(capital.block)
        gov.basis.insert(0, f"capital as actor: {word} → the government of {capital.name}")
        return gov

    def government(self, country: str) -> Entity:
        name = self.dicts.countries[country].name if country in self.dicts.countries else country
        return Entity(
            f"group:{country}GOV:government",
            "role",
            f"{country}GOV",
            "",
            country,
            "GOV",
            [f"role: government of {name}"],
            role_words={"government"},
            block=country,
        )


def _compose(actor: str, info: RoleInfo) -> str:
    """Actor code + agent (or sector) code, as PETRARCH composes them ("GON" + "~COP" → "GONCOP"; "NGO~" +
    "ARN" → "NGOARN"); a code that already ends with the sector is kept ("USAGOV" + "GOV")."""
    if "/" in actor:  # a PETRARCH multi-actor code: each actor takes the agent
        return "/".join(_compose(part, info) for part in actor.split("/"))
    agent = info.agent
    if agent is not None and agent.agent_code:
        return agent.agent_code + actor if agent.prefix else actor + agent.agent_code
    return actor if info.sector and actor[3:].endswith(info.sector) else actor + info.sector


def _title_words(person: Person, day: date | None) -> set[str]:
    """Words of the titles a person holds on ``day`` ("president", "foreign minister", "minister")."""
    words: set[str] = set()
    for t in person.terms:
        if day is None or not t.covers(day):
            continue
        title = t.title.lower()
        words |= {title, title.split()[-1]}
    return words
