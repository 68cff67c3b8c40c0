"""Which earlier actor a title, pronoun or collective ("both countries") can refer to, and where a clause's
subject is."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.actors.compose import Phrase
from eventwire.actors.entities import HEAD_OFFICES, Entity, RoleInfo, role_info
from eventwire.records import Mention


@dataclass(slots=True)
class Seen:
    """An actor already mentioned in the document, with its mention and token span."""

    entity: Entity
    mention: Mention
    start: int
    end: int


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def title_fits(entity: Entity, info: RoleInfo) -> bool:
    if entity.kind == "media" and info.sector != "MED":
        return False
    if info.office:
        if info.office in entity.offices:
            return True
        heads = entity.offices & HEAD_OFFICES
        return bool(heads) and (info.office == "leader" or "leader" in entity.offices)
    if info.sector and entity.sector and info.sector != entity.sector and not info.weak:
        return False  # "aid groups" are not the "human rights group" before them
    if info.words & entity.role_words:
        return True
    return entity.kind in ("role", "media") and not entity.person and entity.sector == info.sector != ""


def pronoun_fits(entity: Entity, pronoun: str) -> bool:
    if pronoun == "person":
        return entity.person
    if pronoun == "plural":
        return entity.plural
    return not entity.person and not entity.plural and entity.kind != "media"


def clause_subject(tok: Token) -> Token | None:
    """Subject of the nearest clause above ``tok`` not containing it ("Tokayev ..., stressing its")."""
    for head in tok.ancestors:
        for child in head.children:
            if child.dep_ in _SUBJECTS and not (child.left_edge.i <= tok.i <= child.right_edge.i):
                return child
    return None


def collective_members(seen: list[Seen], p: Phrase) -> list[Seen]:
    """The ``p.count`` most recent distinct actors a collective ("the two leaders", "both countries") counts;
    [] if there are fewer."""
    info = role_info(p.roles, "") if p.roles else None
    members: list[Seen] = []
    for item in reversed(seen):
        e = item.entity
        if any(m.entity is e for m in members) or e.kind == "media":
            continue
        if info is not None and not (
            e.person and ((info.office in HEAD_OFFICES and e.offices) or not info.office)
        ):
            continue
        if p.collective == "country" and e.kind != "country":
            continue
        members.insert(0, item)
        if len(members) == p.count:
            break
    return members if len(members) == p.count else []


def group_of(members: list[Seen]) -> Entity:
    first = members[0].entity
    return Entity(
        "group:" + "+".join(m.entity.id for m in members),
        "group",
        first.code,
        " and ".join(m.entity.name or m.entity.code for m in members),
        first.country,
        first.sector,
        [f"members: {' '.join(m.entity.code for m in members)}"],
        plural=True,
    )


def named_person(entity: Entity, name: str, why: str) -> Entity:
    """The person an office or title names, given a name in the text ("the defence secretary, Tom King")."""
    return Entity(
        f"person:{name}",
        "person",
        entity.code,
        name,
        entity.country,
        entity.sector,
        [*entity.basis, why],
        entity.offices,
        entity.role_words,
        person=True,
        block=entity.block,
    )
