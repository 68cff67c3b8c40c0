"""Import of users' PETRARCH/Phoenix actor and agent dictionaries (format: PETRARCH ``dictionaries.rst``).

Actors: a primary phrase line (``WORDS_JOINED_BY_UNDERSCORES [CODE]``), ``+synonym`` lines, and date
restriction lines starting with whitespace (``\\t[CODE 080101-101231]``, ``[CODE <0801]``, ``[CODE >0801]``);
a restriction without a date is the default code. Dates are ``YYYYMMDD`` or ``YYMMDD`` (``00``-``30`` read as
20YY, else 19YY, as KEDS/TABARI/PETRARCH do); limits are inclusive. As in PETRARCH, ``#`` starts a comment,
a phrase line may be indented, and a space after ``<``/``>`` is allowed.

Agents: ``PHRASE {PLURAL} [~CODE]`` (or ``[CODE~]`` for codes placed before the actor's), regular plurals
made automatically, ``{}`` for none, ``!MARKER! = A, B`` substitution sets.

Every line that does not fit is a :class:`~eventwire.actors.tables.Problem` naming file, line and reason;
the caller decides whether problems are errors or warnings. Nothing is dropped without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.actors.tables import Problems

_GROUP = re.compile(r"\[([^\[\]]*)\]")
_CODE = re.compile(r"[A-Z0-9]+(?:/[A-Z0-9]+)*|---")  # "FRO/BIL/SAM": one phrase, several actors
_AGENT_CODE = re.compile(r"~([A-Z0-9]+)|([A-Z0-9]+)~")
_MARKER_DEF = re.compile(r"^!([A-Z0-9_]+)!\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True)
class DatedCode:
    code: str  # "---" is PETRARCH's null code
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class PetrarchActor:
    phrases: list[str]  # primary first, words separated by single spaces, original case
    where: str  # file:line of the primary phrase
    default: str = ""
    restrictions: list[DatedCode] = field(default_factory=list)
    inline: bool = False  # a code stood on the primary phrase line itself
    broken: bool = False  # one of its lines was reported as a problem

    def code_on(self, day: date | None) -> str:
        """The code on ``day``: the first restriction covering it, else the default; "" = no code."""
        if day is not None:
            for dc in self.restrictions:
                if dc.covers(day):
                    return "" if dc.code == "---" else dc.code
        return "" if self.default == "---" else self.default

    @property
    def dated(self) -> bool:
        return bool(self.restrictions)


@dataclass(frozen=True, slots=True)
class PetrarchAgent:
    phrase: str  # lower case, single spaces
    code: str  # without the ~
    prefix: bool  # "CODE~": the code goes before the actor code
    where: str


def parse_date(text: str) -> date | None:
    """``YYYYMMDD`` or ``YYMMDD`` → date; None if malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return date(year, int(rest[:2]), int(rest[2:4]))
    except ValueError:
        return None


def parse_group(body: str) -> tuple[DatedCode | None, str]:
    """One ``[...]`` group → (DatedCode, "") or (None, reason)."""
    parts = body.split(None, 1)
    if not parts:
        return None, "empty [] group"
    code = parts[0]
    if not _CODE.fullmatch(code):
        return None, f"code {code!r} is not capital letters and digits (or several joined by /)"
    if len(parts) == 1:
        return DatedCode(code, None, None), ""
    spec = parts[1].replace(" ", "")
    if spec[:1] in "<>":
        day = parse_date(spec[1:])
        if day is None:
            return None, f"date {spec[1:]!r} is not YYMMDD or YYYYMMDD"
        return (DatedCode(code, None, day) if spec[0] == "<" else DatedCode(code, day, None)), ""
    first, dash, second = spec.partition("-")
    if not dash:
        return None, f"date restriction {spec!r} must be <DATE, >DATE or DATE-DATE"
    start, end = parse_date(first), parse_date(second)
    if start is None or end is None:
        bad = first if start is None else second
        return None, f"date {bad!r} is not YYMMDD or YYYYMMDD"
    if end < start:
        return None, f"date range {spec} ends before it starts"
    return DatedCode(code, start, end), ""


_XML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def _blank_xml_comments(text: str) -> str:
    """Blank out ``<!-- ... -->`` blocks (PETRARCH files use them as headers), keeping line numbers."""
    return _XML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _strip_comment(line: str) -> str:
    line = line.split("#", 1)[0]
    cut = re.search(r"\s;", line)
    return (line[: cut.start()] if cut else line).rstrip()


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def parse_actors(text: str, where: str, problems: Problems) -> list[PetrarchActor]:
    out: list[PetrarchActor] = []
    current: PetrarchActor | None = None
    for lineno, raw in enumerate(_blank_xml_comments(text).splitlines(), 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        body = line.strip()
        restriction_only = body.startswith("[")
        if not restriction_only:
            is_synonym = body.startswith("+")
            phrase_text = _GROUP.sub("", body[1:] if is_synonym else body)
            phrase = _phrase(phrase_text)
            if not phrase or any(ch in phrase for ch in "[]{}"):
                problems.add(where, lineno, f"cannot read a phrase in {body!r} (stray bracket?)")
                continue
            if is_synonym:
                if current is None:
                    problems.add(where, lineno, "synonym line (+) before any actor phrase")
                    continue
                current.phrases.append(phrase)
            else:
                current = PetrarchActor([phrase], f"{where}:{lineno}", inline=bool(_GROUP.search(body)))
                out.append(current)
        elif current is None:
            problems.add(where, lineno, "date restriction before any actor phrase")
            continue
        if not _add_groups(body, current, where, lineno, problems):
            current.broken = True
    return _merge_codeless(out, problems)


def _merge_codeless(actors: list[PetrarchActor], problems: Problems) -> list[PetrarchActor]:
    """TABARI convention: phrase lines without a code, directly followed by another phrase whose codes are
    on restriction lines below it, share those codes (``IVO_JOSIPOVIC_``, ``JOSIPOVIC_``, ``\t[HRVGOV ...]``).
    """
    kept: list[PetrarchActor] = []
    following: PetrarchActor | None = None
    for actor in reversed(actors):
        coded = bool(actor.default or actor.restrictions)
        if not coded and not actor.broken and following is not None and not following.inline:
            following.phrases[:0] = actor.phrases
            continue
        if not coded:
            if not actor.broken:  # a broken one was reported already
                file, _, line = actor.where.rpartition(":")
                problems.add(file, int(line), f"actor {actor.phrases[0]!r} has no code")
            following = None
            continue
        kept.append(actor)
        following = actor
    kept.reverse()
    return kept


def _add_groups(body: str, actor: PetrarchActor, where: str, lineno: int, problems: Problems) -> bool:
    if body.count("[") != body.count("]"):
        problems.add(where, lineno, "unbalanced [ ]")
        return False
    if body.startswith("[") and _GROUP.sub("", body).strip():
        problems.add(where, lineno, f"text outside [ ] on a restriction line: {body!r}")
        return False
    for match in _GROUP.finditer(body):
        dated, reason = parse_group(match.group(1))
        if dated is None:
            problems.add(where, lineno, reason)
            return False
        if dated.start is None and dated.end is None:
            actor.default = actor.default or dated.code
        else:
            actor.restrictions.append(dated)
    return True


def parse_agents(text: str, where: str, problems: Problems) -> list[PetrarchAgent]:
    out: list[PetrarchAgent] = []
    markers: dict[str, list[str]] = {}
    for lineno, raw in enumerate(_blank_xml_comments(text).splitlines(), 1):
        line = _strip_comment(raw).strip()
        if not line or line.startswith("<!"):
            continue
        definition = _MARKER_DEF.match(line)
        if definition:
            markers[definition.group(1)] = [
                item.strip() for item in definition.group(2).split(",") if item.strip()
            ]
            continue
        phrase_part, bracket, rest = line.partition("[")
        code_text, closing, trailing = rest.partition("]")
        if not bracket or not closing or trailing.strip():
            problems.add(where, lineno, "an agent line needs one [~CODE] or [CODE~] at its end")
            continue
        found = _AGENT_CODE.fullmatch(code_text.strip())
        if not found:
            problems.add(where, lineno, f"agent code {code_text.strip()!r} must be ~CODE or CODE~")
            continue
        code, prefix = (found.group(1), False) if found.group(1) else (found.group(2), True)
        forms, reason = _agent_forms(phrase_part.strip(), markers)
        if reason:
            problems.add(where, lineno, reason)
            continue
        out.extend(PetrarchAgent(_phrase(f).lower(), code, prefix, f"{where}:{lineno}") for f in forms)
    return out


def _agent_forms(text: str, markers: dict[str, list[str]]) -> tuple[list[str], str]:
    """Singular and plural phrases of one agent entry (substitution markers expanded)."""
    if not text:
        return [], "agent line has no phrase"
    if "!" in text:
        found = re.search(r"!([A-Z0-9_]+)!", text)
        if not found or found.group(1) not in markers:
            return [], f"substitution marker in {text!r} is not defined earlier in the file"
        return [text.replace(found.group(0), sub) for sub in markers[found.group(1)]], ""
    if "{" in text:
        root, _, plural = text.partition("{")
        if "}" not in plural:
            return [], "missing '}'"
        plural = plural.split("}", 1)[0].strip()
        return [root.strip(), *([plural] if plural else [])], ""
    root = text.rstrip("_ ")
    if root.endswith("Y"):
        plural = root[:-1] + "IES"
    elif root.endswith("SS"):
        plural = root + "ES"
    else:
        plural = root + "S"
    return [text, plural], ""
