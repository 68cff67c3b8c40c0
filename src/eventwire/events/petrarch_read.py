"""Reading PETRARCH verb dictionary files line by line into a ``VerbDictionary`` (see ``petrarch_syntax``).

Every malformed line becomes a problem naming file, line and reason and is skipped; well-formed lines that
are not supported (``~`` verb transformations, extra block codes) become warnings.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.actors.tables import Problems
from eventwire.events.petrarch_syntax import (
    GROUP,
    VerbBlock,
    VerbDictionary,
    VerbForm,
    VerbPattern,
    drop_xml_comment,
    expand_synsets,
    parse_code,
    pattern_elements,
    regular_forms,
    strip_comment,
)


@dataclass(frozen=True, slots=True)
class _RawPattern:
    block: int
    body: str
    code: str
    text: str
    file: str
    line: int


class Reader:
    """Feed it files' text, then ``finish()``: patterns are resolved once all synsets are known."""

    def __init__(self) -> None:
        self.out = VerbDictionary()
        self.problems = Problems()
        self.warnings = Problems()
        self.raw_synsets: dict[str, list[tuple[str, bool, str]]] = {}  # label → (phrase, plural?, file:line)
        self.raw_patterns: list[_RawPattern] = []

    def feed(self, text: str, where: str) -> None:
        synset: str | None = None  # the open synset, if the last header was one
        block: int | None = None
        in_comment, opened = False, 0
        for lineno, raw in enumerate(text.splitlines(), 1):
            was_open = in_comment
            line, in_comment = drop_xml_comment(raw, in_comment)
            opened = lineno if in_comment and not was_open else opened
            line = strip_comment(line).strip()
            if not line:
                continue
            if line.startswith("+") and synset is not None:
                self._synset_member(synset, line[1:], where, lineno)
                continue
            synset = None
            if line.startswith("---"):
                block = self._block(line, where, lineno)
            elif line.startswith("&"):
                synset = self._synset_header(line, where, lineno)
            elif line.startswith("~"):
                self.warnings.add(where, lineno, "verb transformations (~) are not supported; skipped")
            elif block is None:
                self.problems.add(
                    where, lineno, "verb or pattern line before any '--- NAME [CODE] ---' block"
                )
            elif line.startswith("-"):
                self._pattern(block, line, where, lineno)
            else:
                self._verb(block, line, where, lineno)
        if in_comment:
            self.problems.add(where, opened, "'<!--' comment is never closed")

    def _block(self, line: str, where: str, lineno: int) -> int:
        body = line[3:].strip()
        body = body[:-3] if body.endswith("---") else body
        codes = GROUP.findall(body)
        name = " ".join(GROUP.sub(" ", body).split())
        code = "---"
        if not name:
            self.problems.add(where, lineno, "block header has no name")
        if codes:
            parsed = parse_code(codes[0])
            if parsed is None:
                self.problems.add(where, lineno, f"block code [{codes[0]}] is not a CAMEO code; using ---")
            else:
                code = parsed
            if len(codes) > 1:
                self.warnings.add(where, lineno, f"extra code(s) after [{codes[0]}] ignored")
        self.out.blocks.append(VerbBlock(name or "?", code, f"{where}:{lineno}"))
        return len(self.out.blocks) - 1

    def _synset_header(self, line: str, where: str, lineno: int) -> str | None:
        parts = line.split()
        if len(parts) != 1 or len(parts[0]) < 2:
            self.problems.add(where, lineno, f"synset header must be one '&NAME', got {line!r}")
            return None
        label = parts[0].upper()
        noplural = label.endswith("_")
        label = label.rstrip("_")
        self.raw_synsets.setdefault(label, [])
        return label + ("_" if noplural else "")

    def _synset_member(self, header: str, text: str, where: str, lineno: int) -> None:
        label = header.rstrip("_")
        words = text.strip().upper()
        if not words or any(ch in words for ch in "[]{}()$%^*"):
            self.problems.add(where, lineno, f"synset phrase {text.strip()!r} must be plain words")
            return
        want_plural = not header.endswith("_") and not words.endswith("_") and not words.startswith("&")
        phrase = " ".join(words.replace("_", " ").split())
        self.raw_synsets[label].append((phrase, want_plural, f"{where}:{lineno}"))

    def _verb(self, block: int, line: str, where: str, lineno: int) -> None:
        codes = GROUP.findall(line)
        code = self.out.blocks[block].code
        if codes:
            parsed = parse_code(codes[-1])
            if parsed is None:
                self.problems.add(where, lineno, f"verb code [{codes[-1]}] is not a CAMEO code")
                return
            code = parsed
        text = GROUP.sub(" ", line).upper()
        if text.count("{") != text.count("}") or text.count("{") > 1:
            self.problems.add(where, lineno, "verb line needs at most one balanced '{...}'")
            return
        primary, _, rest = text.partition("{")
        listed, _, trailing = rest.partition("}")
        if trailing.strip() or not primary.strip():
            self.problems.add(where, lineno, f"cannot read verb line {line!r}")
            return
        spots = [self._split_verb(primary.strip(), where, lineno)]
        if "{" in text:
            spots += [self._split_verb(form, where, lineno) for form in listed.split()]
        else:
            before, verb, after = spots[0] or ((), "", ())
            spots += [(before, form, after) for form in (regular_forms(verb) if verb else [])]
        for i, spot in enumerate(spots):
            if spot is None:
                continue
            before, verb, after = spot
            entry = VerbForm(verb, before, after, code, block, f"{where}:{lineno}", base=i == 0)
            self.out.forms.setdefault(verb, []).append(entry)

    def _split_verb(
        self, text: str, where: str, lineno: int
    ) -> tuple[tuple[str, ...], str, tuple[str, ...]] | None:
        words = text.replace("_", " ").split()
        marked = [i for i, w in enumerate(words) if w.startswith("+")]
        if len(marked) > 1 or any(not w.strip("+") for w in words):
            self.problems.add(where, lineno, f"verb {text!r} must mark at most one word with '+'")
            return None
        if not marked and len(words) > 1:
            self.warnings.add(
                where, lineno, f"multi-word verb {text!r} has no '+': its first word is the verb"
            )
        at = marked[0] if marked else 0
        words = [w.lstrip("+") for w in words]
        return tuple(words[:at]), words[at], tuple(words[at + 1 :])

    def _pattern(self, block: int, line: str, where: str, lineno: int) -> None:
        groups = list(GROUP.finditer(line))
        if not groups or line[groups[-1].end() :].strip():
            self.problems.add(where, lineno, "pattern must end with its [CODE]")
            return
        code = parse_code(groups[-1].group(1))
        if code is None:
            self.problems.add(where, lineno, f"pattern code [{groups[-1].group(1)}] is not a CAMEO code")
            return
        body = line[1 : groups[-1].start()]
        if "[" in body or "]" in body:
            self.problems.add(where, lineno, "a pattern has one [CODE], at its end")
            return
        if body.count("*") != 1:
            self.problems.add(where, lineno, "a pattern needs exactly one '*' (the verb)")
            return
        text = " ".join(line.split())
        self.raw_patterns.append(_RawPattern(block, body, code, text, where, lineno))

    def finish(self) -> VerbDictionary:
        self.out.synsets = expand_synsets(self.raw_synsets, self.problems)
        for order, raw in enumerate(self.raw_patterns):
            upper, _, lower = raw.body.replace("_ ", " ").partition("*")
            before, bad_before = pattern_elements(upper, self.out.synsets, before=True)
            after, bad_after = pattern_elements(lower, self.out.synsets, before=False)
            if bad_before or bad_after:
                self.problems.add(raw.file, raw.line, bad_before or bad_after)
                continue
            pattern = VerbPattern(before, after, raw.code, raw.text, f"{raw.file}:{raw.line}", order)
            self.out.blocks[raw.block].patterns.append(pattern)
        self.out.problems = list(self.problems.items)
        self.out.warnings = list(self.warnings.items)
        return self.out
