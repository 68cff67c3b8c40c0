"""Function words (``words.tsv``) and sector codes (``sectors.tsv``) of our actor dictionaries.

Formats: ``data/README.md``. Parsers collect one problem per bad line (see ``actors.tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.actors.tables import Problems, rows

WORD_COLUMNS = ["word", "class", "value"]
SECTOR_COLUMNS = ["code", "name", "source"]
WORD_VALUES = {
    "pronoun": {"person", "thing", "plural"},
    "modifier": {"deputy", "former"},
    "collective": {"country", "any"},
    "nonstate": {"prefix", "suffix"},
}
_CODE3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Word:
    word: str
    cls: str  # pronoun, modifier, count, particle, collective, honorific, ...
    value: str


def parse_words(text: str, where: str, problems: Problems) -> list[Word]:
    out: list[Word] = []
    seen: set[str] = set()
    for lineno, row in rows(text, where, WORD_COLUMNS, problems):
        word, cls, value = row["word"], row["class"], row["value"]
        reason = ""
        if not word or word != word.lower():
            reason = "word must be non-empty and lower case"
        elif word in seen:
            reason = f"word {word!r} is listed twice"
        elif cls in WORD_VALUES and value not in WORD_VALUES[cls]:
            reason = f"value of a {cls} must be one of {', '.join(sorted(WORD_VALUES[cls]))}"
        elif cls == "count" and not (value.isdigit() and int(value) >= 2):
            reason = "value of a count must be a number >= 2"
        elif cls in ("particle", "portfolio", "compass", "honorific") and value:
            reason = f"a {cls} has no value"
        elif cls == "institution" and not _CODE3.fullmatch(value):
            reason = "an institution word's value is the code of its country"
        elif cls == "ethnic" and not value:
            reason = "an ethnic word names the role of the people it marks (a role term of roles.tsv)"
        elif cls not in {
            *WORD_VALUES,
            "count",
            "particle",
            "portfolio",
            "ethnic",
            "compass",
            "honorific",
            "institution",
        }:
            reason = f"unknown class {cls!r}"
        if reason:
            problems.add(where, lineno, reason)
            continue
        seen.add(word)
        out.append(Word(word, cls, value))
    return out


def parse_sectors(text: str, where: str, problems: Problems) -> dict[str, str]:
    out: dict[str, str] = {}
    for lineno, row in rows(text, where, SECTOR_COLUMNS, problems):
        if not _CODE3.fullmatch(row["code"]) or row["code"] in out:
            problems.add(
                where, lineno, f"sector code {row['code']!r} is not three capital letters or repeats"
            )
            continue
        out[row["code"]] = row["name"]
    return out
