"""Surface forms of trigger lemmas, for the prefilter that skips sentences no pattern can fire in.

Regular inflections come from simple English spelling rules (over-generating is harmless: a form that
is not a word never occurs); irregular ones ("met", "held", "fought") from the spaCy model's own
lemmatizer exception tables, inverted. Without a model the rules alone are used.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

_VOWELS = frozenset("aeiou")


def regular_forms(word: str) -> set[str]:
    """The word and its regular -s, -ed, -ing forms (with e-dropping, y→i, consonant doubling)."""
    out = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        out.add(word[:-1] + "ing")
    if word.endswith("ie"):
        out.add(word[:-2] + "ying")
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS:
        out |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        out.add(word + "es")
    return out


def irregular_forms(nlp: Language | None) -> dict[str, set[str]]:
    """lemma → irregular forms, from the model's lemmatizer exception tables (empty without them)."""
    out: dict[str, set[str]] = {}
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return out
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return out
    table = lookups.get_table("lemma_exc")
    for pos in ("verb", "noun", "adj"):
        if pos not in table:
            continue
        for form, lemmas in table[pos].items():
            for lemma in lemmas:
                out.setdefault(str(lemma).lower(), set()).add(str(form).lower())
    return out


def surface_forms(lemmas: Iterable[str], nlp: Language | None = None) -> frozenset[str]:
    """Lower-cased forms of all ``lemmas``: regular inflections, irregular ones, hyphen parts."""
    irregular = irregular_forms(nlp)
    out: set[str] = set()
    for word in lemmas:
        word = word.lower()
        out |= regular_forms(word) | irregular.get(word, set())
        if "-" in word:
            out |= {part for part in word.split("-") if len(part) > 2}
    return frozenset(out)
