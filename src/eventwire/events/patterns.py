"""The event dictionary as data: verb/noun/adjective patterns, frames and word classes.

Three files under ``data/events/`` (format in ``data/README.md``, section ``## events/``):
``patterns.txt`` (word + syntactic constraints → CAMEO code), ``frames.txt`` (frame word + governed
action → CAMEO code) and ``lexicon.txt`` (support verbs, modals, negation, conditionals).
``load_patterns`` reads and checks them once; ``validate_patterns`` reports every problem with file:line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.codebook import Codebook
from eventwire.errors import EventwireError
from eventwire.events.forms import regular_forms

POS = frozenset({"verb", "noun", "adj"})
RELATIONS = frozenset({"prt", "obj", "subj", "mod", "comp", "pobj", "neg"})
FRAMES = frozenset({"intent", "prepare", "threat", "appeal", "demand", "reject", "report"})
_FLAG_WORDS = (
    "sym needs_target obj_actor needs_support needs_action needs_clause no_xcomp comp_only slots_only "
    "intransitive no_participle no_question no_gerund"
)
FLAGS = frozenset(_FLAG_WORDS.split(" "))
_PREPOSITION_WORDS = (
    "with to for against on upon from into in at between over of about by behind near along off toward "
    "towards through across around among outside inside"
)
PREPOSITIONS = frozenset(_PREPOSITION_WORDS.split(" "))
SLOTS = frozenset({"obj", "iobj", "comp_subj"}) | PREPOSITIONS
SOURCE_SLOTS = frozenset({"by", "of", "from"})
FRAME_TARGETS = frozenset({"inner", "addressee", "inner_source"})
FRAME_WHEN = frozenset({"has_inner_target"})
_CLASS_WORDS = (
    "support transparent modal_future modal_hypothetical modal_obligation negation negating_verbs "
    "negating_adverbs conditional future_marks threat_conditional light_nouns not_agent_heads "
    "irrealis_verbs quantity_nouns nonagent_subjects allegation_verbs occurrence_verbs"
    " pending_adverbs intent_adjectives risk_warning_verbs authority_nouns"
    " irrealis_modifiers irrealis_nouns destination_nouns manner_nouns people_nouns"
    " schedule_modifiers schedule_verbs receiving_verbs"
)
LEXICON_CLASSES = frozenset(_CLASS_WORDS.split(" "))
FILES = ("patterns.txt", "frames.txt", "lexicon.txt")
NO_EVENT = "-"  # the code of a pattern that says "this is no event" ("signed an executive order")


@dataclass(frozen=True, slots=True)
class Constraint:
    """``obj:gratitude|thanks``: a child along ``path`` (e.g. ``("obj", "mod")``) with one of ``lemmas``."""

    path: tuple[str, ...]
    lemmas: frozenset[str]


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str  # e.g. "verb:express+obj:gratitude|thanks" — unique
    code: str
    pos: str
    lemma: str
    require: tuple[Constraint, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    frame: str
    flags: frozenset[str]
    where: str  # "patterns.txt:123"


@dataclass(frozen=True, slots=True)
class FrameRule:
    frame: str
    inner: str  # code prefix or "*"
    result: str  # code or "="
    target: str
    when: str
    where: str


@dataclass(slots=True)
class PatternSet:
    """Everything the event stage matches with, indexed by (pos, lemma)."""

    patterns: dict[tuple[str, str], list[Pattern]] = field(default_factory=dict)
    frames: dict[str, list[FrameRule]] = field(default_factory=dict)
    lexicon: dict[str, frozenset[str]] = field(default_factory=dict)
    forms: dict[str, frozenset[str]] = field(default_factory=dict)  # "staged" -> {"stage"}

    def keys(self, lemma: str, lower: str) -> list[str]:
        """The dictionary words a token may stand for: its lemma, its form, and the word our own inflection
        rules derive it from (the lemmatizer reads "staged" as "stag"; we know it as a form of "stage")."""
        return list(dict.fromkeys([lemma, lower, *sorted(self.forms.get(lower, ()))]))

    def is_word(self, lemma: str, lower: str, words: frozenset[str]) -> bool:
        return lemma in words or lower in words or bool(self.forms.get(lower, frozenset()) & words)

    def lookup(self, pos: str, lemma: str) -> list[Pattern]:
        return self.patterns.get((pos, lemma), [])

    def words(self, cls: str) -> frozenset[str]:
        return self.lexicon.get(cls, frozenset())

    def all_patterns(self) -> list[Pattern]:
        return [p for group in self.patterns.values() for p in group]

    def frame_rule(
        self, frame: str, inner: str, has_inner_target: bool, future: bool = False
    ) -> FrameRule | None:
        """The row for ``frame`` whose prefix is the longest match of ``inner`` (``"*"`` last)."""
        rules = self.frames.get("intent" if future else frame, [])
        best: FrameRule | None = None
        for rule in rules:
            if rule.inner != "*" and not inner.startswith(rule.inner):
                continue
            if rule.when == "has_inner_target" and not has_inner_target:
                continue
            if future and (rule.inner == "*" or rule.result == "="):
                continue
            if best is None or _rank(rule) > _rank(best):
                best = rule
        return best


def _rank(rule: FrameRule) -> int:
    return -1 if rule.inner == "*" else len(rule.inner)


def _fields(text: str) -> list[tuple[int, list[str]]]:
    rows = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            rows.append((lineno, line.split()))
    return rows


def _opt(cells: list[str], i: int) -> str:
    return cells[i] if len(cells) > i and cells[i] != "-" else ""


def parse_constraints(text: str) -> tuple[Constraint, ...]:
    out = []
    for part in text.split("+") if text else []:
        rel, sep, words = part.partition(":")
        path = tuple(rel.split("."))
        lemmas = frozenset(w for w in words.split("|") if w)
        if any(("-" in w or w != w.lower()) and w != "*" for w in lemmas):
            raise ValueError(
                f"bad constraint {part!r}: words are lowercase, without hyphens (spaCy splits them)"
            )
        if not sep or not lemmas or not all(r in RELATIONS for r in path) or len(path) > 2:
            raise ValueError(
                f"bad constraint {part!r}: want REL[.REL]:word|word with REL in {sorted(RELATIONS)}"
            )
        out.append(Constraint(path, lemmas))
    return tuple(out)


def _parse_pattern(cells: list[str], where: str, codebook: Codebook) -> Pattern:
    if not 3 <= len(cells) <= 8:
        raise ValueError(
            f"expected 3 to 8 columns (code pos lemma [require source target frame flags]), got {len(cells)}"
        )
    code, pos, lemma = cells[0], cells[1], cells[2]
    if code != NO_EVENT and code not in codebook:
        raise EventwireError("E304", f"CAMEO code {code!r} is not in the codebook", where=where)
    if pos not in POS:
        raise ValueError(f"pos must be one of {sorted(POS)}, got {pos!r}")
    if lemma != lemma.lower() or "-" in lemma:
        raise ValueError(f"lemma must be a lowercase word without hyphens (spaCy splits them), got {lemma!r}")
    require = parse_constraints(_opt(cells, 3))
    source = tuple(s for s in _opt(cells, 4).split(",") if s)
    target = tuple(s for s in _opt(cells, 5).split(",") if s)
    frame, flags = _opt(cells, 6), frozenset(f for f in _opt(cells, 7).split(",") if f)
    if bad := [s for s in source if s not in SOURCE_SLOTS]:
        raise ValueError(f"unknown source slot(s) {bad}: use {sorted(SOURCE_SLOTS)}")
    if bad := [s for s in target if s not in SLOTS]:
        raise ValueError(f"unknown target slot(s) {bad}: use obj, iobj, comp_subj or a preposition")
    if frame and frame not in FRAMES:
        raise ValueError(f"frame must be one of {sorted(FRAMES)}, got {frame!r}")
    if bad := sorted(flags - FLAGS):
        raise ValueError(f"unknown flag(s) {bad}: use {sorted(FLAGS)}")
    pid = f"{pos}:{lemma}" + "".join(f"+{'.'.join(c.path)}:{'|'.join(sorted(c.lemmas))}" for c in require)
    return Pattern(pid, code, pos, lemma, require, source, target, frame, flags, where)


def _parse_frame(cells: list[str], where: str, codebook: Codebook) -> FrameRule:
    if not 3 <= len(cells) <= 5:
        raise ValueError(f"expected 3 to 5 columns (frame inner result [target] [when]), got {len(cells)}")
    frame, inner, result = cells[0], cells[1], cells[2]
    target, when = _opt(cells, 3) or "inner", _opt(cells, 4)
    if frame not in FRAMES - {"report"}:
        raise ValueError(f"frame must be one of {sorted(FRAMES - {'report'})}, got {frame!r}")
    if inner != "*" and not (inner.isdigit() and 2 <= len(inner) <= 4):
        raise ValueError(f"inner must be a CAMEO code prefix or '*', got {inner!r}")
    if result != "=" and result not in codebook:
        raise EventwireError("E304", f"CAMEO code {result!r} is not in the codebook", where=where)
    if target not in FRAME_TARGETS:
        raise ValueError(f"target must be one of {sorted(FRAME_TARGETS)}, got {target!r}")
    if when and when not in FRAME_WHEN:
        raise ValueError(f"when must be one of {sorted(FRAME_WHEN)}, got {when!r}")
    return FrameRule(frame, inner, result, target, when, where)


def _read(name: str, data_dir: Path | None) -> tuple[str, str]:
    if data_dir is None:
        text = resources.files("eventwire").joinpath(f"data/events/{name}").read_text("utf-8")
        return text, f"data/events/{name}"
    path = data_dir / "events" / name if (data_dir / "events").is_dir() else data_dir / name
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise EventwireError("E302", str(exc), where=str(path)) from exc


def _parse_file(
    kind: str, text: str, where: str, codebook: Codebook, out: PatternSet, problems: list[EventwireError]
) -> None:
    seen: dict[str, str] = {}
    lexicon: dict[str, set[str]] = {}
    for lineno, cells in _fields(text):
        at = f"{where}:{lineno}"
        try:
            if kind == "patterns.txt":
                pattern = _parse_pattern(cells, at, codebook)
                if pattern.id in seen:
                    raise ValueError(f"duplicate pattern {pattern.id} (first at {seen[pattern.id]})")
                seen[pattern.id] = at
                out.patterns.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
            elif kind == "frames.txt":
                rule = _parse_frame(cells, at, codebook)
                out.frames.setdefault(rule.frame, []).append(rule)
            else:
                if cells[0] not in LEXICON_CLASSES or len(cells) < 2:
                    raise ValueError(f"want 'class word ...' with class in {sorted(LEXICON_CLASSES)}")
                lexicon.setdefault(cells[0], set()).update(w.lower() for w in cells[1:])
        except EventwireError as exc:
            problems.append(exc)
        except ValueError as exc:
            problems.append(EventwireError("E301", str(exc), where=at))
    for cls, words in lexicon.items():
        out.lexicon[cls] = frozenset(words)


def _finish(out: PatternSet) -> None:
    # most constrained first, so "call for peace" beats "call for" beats "call"
    for group in out.patterns.values():
        group.sort(key=lambda p: -len(p.require))
    words = {p.lemma for p in out.all_patterns()}
    words |= {w for p in out.all_patterns() for c in p.require for w in c.lemmas if w != "*"}
    words |= {w for cls in out.lexicon.values() for w in cls}
    forms: dict[str, set[str]] = {}
    for word in words:
        for form in regular_forms(word):
            if form != word:
                forms.setdefault(form, set()).add(word)
    out.forms = {form: frozenset(bases) for form, bases in forms.items()}


def read_patterns(data_dir: Path | None, codebook: Codebook) -> tuple[PatternSet, list[EventwireError]]:
    """Parse the three files; return what parsed and every problem found (nothing raised for bad lines)."""
    out, problems = PatternSet(), list[EventwireError]()
    for name in FILES:
        text, where = _read(name, data_dir)
        _parse_file(name, text, where, codebook, out, problems)
    _finish(out)
    return out, problems


def load_patterns(data_dir: Path | None = None, codebook: Codebook | None = None) -> PatternSet:
    """The packaged event dictionary (or the one under ``data_dir``); raises the first problem found."""
    patterns, problems = read_patterns(data_dir, codebook or Codebook.load())
    if problems:
        raise problems[0]
    return patterns


def validate_patterns(path: Path, codebook: Codebook | None = None) -> list[str]:
    """Check one event data file (patterns.txt, frames.txt or lexicon.txt, by name) or a folder of them.

    Returns one message per problem, each ``E301 malformed dictionary line: FILE:LINE: detail`` (or
    E304 for a CAMEO code missing from the codebook, E302 for a missing file); empty when all is well.
    """
    book = codebook or Codebook.load()
    names = FILES if path.is_dir() else (path.name,)
    folder = path if path.is_dir() else path.parent
    problems: list[EventwireError] = []
    for name in names:
        kind = name if name in FILES else "patterns.txt"
        file = folder / name
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            problems.append(EventwireError("E302", str(exc), where=str(file)))
            continue
        _parse_file(kind, text, str(file), book, PatternSet(), problems)
    return [p.message for p in problems]
