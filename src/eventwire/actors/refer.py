"""Which earlier actor a title or pronoun can refer to, and where a clause's subject is."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.entities import HEAD_OFFICES, Entity, RoleInfo

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def title_fits(entity: Entity, info: RoleInfo) -> bool:
    if entity.kind == "media" and info.sector != "MED":
        return False
    if info.office:
        if info.office in entity.offices:
            return True
        heads = entity.offices & HEAD_OFFICES
        return bool(heads) and (info.office == "leader" or "leader" in entity.offices)
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
