"""The PETRARCH verb dictionary format (``CAMEO.2.0.txt``, TABARI-style validation files) and its reader.

Format (PETRARCH ``dictionaries.rst``): ``#`` and ``;`` start a comment (a ``#`` inside ``[...]`` does not);
``<!-- ... -->`` blocks, even over several lines, are skipped; blank lines are skipped.

* ``&NAME`` starts a synset; the ``+WORDS`` lines after it are its phrases (words joined by ``_`` or
  spaces, always consecutive). Regular plurals are added unless the phrase or the label ends with ``_``.
  A phrase may be another synset (``+&OTHER``).
* ``--- NAME [CODE] ---`` starts a verb block; no code means ``---`` (the bare verb codes nothing).
* Other lines in a block are verbs: ``VERB``, ``VERB {FORMS}``, ``VERB [CODE]``; multi-word verbs mark
  the verb with ``+`` (``+CORDON_OFF``, ``WIRE_+TAP``). Without ``{...}`` the regular forms are made as
  PETRARCH makes them (``S``/``ES``/``IES``, ``D``/``ED``, ``ING``); with it, only the listed forms.
* ``- UPPER * LOWER [CODE]`` is a pattern of the block: words before and after the verb (``*``). A space
  lets other words come between, ``_`` does not. ``$`` is the source, ``+`` the target, ``%`` a compound
  actor, ``^`` skips a noun phrase, ``&NAME`` a synset; PETRARCH 2's ``(PREP NOUN)`` and ``{NOUN PHRASE}``
  groups are read as their words in order.
* Codes are kept as given (``064``, ``075A``, ``025?``); ``A:B`` codes source→target ``A`` and target→source
  ``B`` (``:B`` only the latter); ``---`` codes nothing and ``###`` discards the sentence.

This module holds the parsed form (``VerbDictionary``) and the line-level syntax; ``petrarch_read`` reads
whole files and ``petrarch_verbs`` is the public entry point.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from eventwire.actors.tables import Problem, Problems

MARKERS = {"$": "source", "+": "target", "%": "compound", "^": "skip"}
_CODE_PART = re.compile(r"\d{2,4}[A-Za-z?!]?|---|###")
GROUP = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Element:
    """One unit of a pattern. ``tight``: joined by ``_`` to its neighbour on the verb's side."""

    kind: str  # "word", "synset", "source", "target", "compound", "skip"
    value: str  # the upper-case word or the synset label ("&CURRENCY"); "" for markers
    tight: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    before: tuple[Element, ...]  # words before the verb, the one nearest the verb first
    after: tuple[Element, ...]  # words after the verb, nearest first
    code: str
    text: str  # as written, without its comment
    where: str  # file:line
    order: int  # position in the dictionary: earlier wins a tie


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One inflected verb: ``word`` plus the words that must stand right before/after it."""

    word: str  # upper case: "CORDONED"
    before: tuple[str, ...]  # ("WIRE",) for WIRE_+TAPPED
    after: tuple[str, ...]  # ("OFF",) for +CORDONED_OFF
    code: str
    block: int  # index into VerbDictionary.blocks
    where: str
    base: bool  # the form as written on the verb line (a lemma lookup may use it)


@dataclass(slots=True)
class VerbBlock:
    name: str
    code: str
    where: str
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbDictionary:
    blocks: list[VerbBlock] = field(default_factory=list)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)  # verb word → its entries
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # "&X" → phrases
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def lookup(self, word: str, *, base_only: bool = False) -> list[VerbForm]:
        found = self.forms.get(word.upper(), [])
        return [f for f in found if f.base] if base_only else list(found)

    @property
    def pattern_count(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)


def parse_code(text: str) -> str | None:
    """``064``, ``032:033``, ``:030``, ``075A``, ``---`` → the code (spaces removed); None if malformed."""
    code = text.replace(" ", "")
    parts = code.split(":")
    if len(parts) > 2 or not any(parts):
        return None
    return code if all(not p or _CODE_PART.fullmatch(p) for p in parts) else None


def regular_forms(verb: str) -> list[str]:
    """PETRARCH's regular forms of an upper-case verb: -S/-ES/-IES, -D/-ED, -ING."""
    if verb.endswith(("S", "X", "Z")):
        third = verb + "ES"
    elif verb.endswith("Y"):
        third = verb[:-1] + "IES"
    else:
        third = verb + "S"
    past = verb + ("D" if verb.endswith("E") else "ED")
    ing = verb[:-1] + "ING" if verb.endswith("E") and verb[-2:-1] not in set("AEIOU") else verb + "ING"
    return [third, past, ing]


def plural(phrase: str) -> str | None:
    """Regular plural of a phrase's last word (``dictionaries.rst``): -IES, -ES after SS, else -S.

    None when the word looks plural already (ends in a single S) or is not a plain word (``N'T``).
    """
    last = phrase.split()[-1]
    if not last.replace("-", "").isalnum() or (last.endswith("S") and not last.endswith("SS")):
        return None
    if last.endswith("Y") and last[-2:-1] not in set("AEIOU"):
        return phrase[:-1] + "IES"
    return phrase + ("ES" if last.endswith("SS") else "S")


def strip_comment(line: str) -> str:
    """Cut at the first ``#`` or ``;`` outside ``[...]``."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in "#;" and depth == 0:
            return line[:i]
    return line


def drop_xml_comment(raw: str, in_comment: bool) -> tuple[str, bool]:
    """Remove ``<!-- -->`` parts of a line; returns (rest, still inside a comment)."""
    out = ""
    line = raw
    while line:
        if in_comment:
            end = line.find("-->")
            if end < 0:
                return out, True
            line, in_comment = line[end + 3 :], False
        else:
            start = line.find("<!")
            if start < 0:
                return out + line, False
            out, line, in_comment = out + line[:start], line[start + 2 :], True
    return out, in_comment


def expand_synsets(
    raw: dict[str, list[tuple[str, bool, str]]], problems: Problems
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Label → its phrases as word tuples: plurals added, member synsets (``+&OTHER``) expanded."""

    def expand(label: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        phrases: list[tuple[str, ...]] = []
        for phrase, want_plural, _ in raw.get(label, []):
            inner = phrase.split()[0].rstrip("_") if phrase.startswith("&") else ""
            if inner:
                phrases += expand(inner, seen | {inner}) if inner in raw and inner not in seen else []
                continue
            phrases.append(tuple(phrase.split()))
            many = plural(phrase) if want_plural else None
            if many:
                phrases.append(tuple(many.split()))
        return phrases

    for members in raw.values():
        for phrase, _, where in members:
            inner = phrase.split()[0].rstrip("_") if phrase.startswith("&") else ""
            if inner and inner not in raw:
                file, _, line = where.rpartition(":")
                problems.add(file, int(line), f"synset {inner} is not defined")
    return {label: tuple(dict.fromkeys(expand(label, frozenset({label})))) for label in raw}


def pattern_elements(
    text: str, synsets: dict[str, tuple[tuple[str, ...], ...]], *, before: bool
) -> tuple[tuple[Element, ...], str]:
    """One side of a pattern as elements, nearest the verb first (``before``: the side left of ``*``), and
    "" or the reason it cannot be used."""
    flat = re.sub(r"[(){}]", " ", text.upper())
    pieces: list[tuple[str, str]] = []  # (separator before, piece); "_" = tight
    end = 0
    for found in re.finditer(r"[^\s_]+", flat):
        sep = flat[end : found.start()]
        pieces.append(("_" if sep == "_" else " ", found.group()))
        end = found.end()
    if before and flat[end:] == "_":
        pieces.append(("_", ""))  # "IN_*": the last word is joined to the verb
    pieces = _join_synset_names(pieces, synsets)
    out: list[Element] = []
    for i, (sep, piece) in enumerate(pieces):
        if not piece:
            continue
        tight = (i + 1 < len(pieces) and pieces[i + 1][0] == "_") if before else sep == "_"
        if piece in MARKERS:
            out.append(Element(MARKERS[piece], "", tight))
        elif piece.startswith("&"):
            if piece not in synsets:
                return (), f"synset {piece} is not defined; pattern skipped"
            out.append(Element("synset", piece, tight))
        else:
            out.append(Element("word", piece, tight))
    return (tuple(reversed(out)) if before else tuple(out)), ""


def _join_synset_names(
    pieces: list[tuple[str, str]], synsets: dict[str, tuple[tuple[str, ...], ...]]
) -> list[tuple[str, str]]:
    """Re-join ``&FIGHT_OF_WORDS``: a label may itself contain ``_``; the longest defined label wins."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(pieces):
        sep, piece = pieces[i]
        if piece.startswith("&"):
            best = 1
            name = piece
            for j in range(i + 1, len(pieces)):
                if pieces[j][0] != "_" or not pieces[j][1]:
                    break
                name += "_" + pieces[j][1]
                if name in synsets:
                    best = j - i + 1
            piece = "_".join(p for _, p in pieces[i : i + best])
            out.append((sep, piece))
            i += best
            continue
        out.append((sep, piece))
        i += 1
    return out
