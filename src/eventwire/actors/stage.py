"""The actor stage: load dictionaries once, then resolve the actor mentions of each parsed document."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.actors.compose import compose
from eventwire.actors.dictionary import load_dictionaries
from eventwire.actors.lexicon import Lexicon, build_lexicon
from eventwire.actors.match import scan
from eventwire.actors.petrarch import PetrarchActor, PetrarchAgent, parse_actors, parse_agents
from eventwire.actors.resolve import Resolver
from eventwire.actors.tables import Problem, Problems, read_text
from eventwire.config import Options
from eventwire.nlp import load_model
from eventwire.records import Article, Mention

log = logging.getLogger("eventwire.actors")


class ActorStage:
    """Finds and resolves actors. Build one per process and reuse it for every document.

    ``options.data_dir`` chooses our dictionaries (None = the packaged ones); ``options.actor_files`` and
    ``options.agent_files`` are users' PETRARCH/Phoenix dictionaries, merged over ours. A malformed line in
    our files raises ``E301``; in a user's PETRARCH file it is skipped with a warning naming file, line and
    reason (kept in ``problems``), as ``eventwire dict validate FILE`` reports it.
    """

    def __init__(self, options: Options) -> None:
        self.options = options
        dictionaries = load_dictionaries(options.data_dir)
        found = Problems()
        actors, agents = load_petrarch(options.actor_files, options.agent_files, found)
        self.problems: list[Problem] = sorted(found.items, key=lambda p: (p.where, p.line))
        for problem in self.problems:
            log.warning("skipped %s", problem)
        tokenizer: Any = load_model(options.model).tokenizer
        self.lexicon: Lexicon = build_lexicon(dictionaries, actors, agents, tokenizer.pipe)
        first = (
            self.lexicon.first_tokens()
        )  # spaCy's LOWER keeps typographic apostrophes: add those spellings
        self._prefilter = first | {t.replace("'", "’") for t in first if "'" in t}

    def prefilter_terms(self) -> frozenset[str]:
        """Lower-cased single tokens that can start an actor mention (names, adjectives, roles, pronouns)."""
        return self._prefilter

    def resolve(self, doc: Doc, article: Article) -> list[Mention]:
        """The actor mentions of ``doc`` (parsed from ``article.text``), sorted, never overlapping."""
        day = article.date or self.options.default_date
        atoms = scan(doc, self.lexicon, day)
        phrases = compose(doc, atoms, self.lexicon)
        return Resolver(doc, self.lexicon, day).run(phrases)


def load_petrarch(
    actor_files: tuple[Path, ...], agent_files: tuple[Path, ...], problems: Problems
) -> tuple[list[PetrarchActor], list[PetrarchAgent]]:
    """Parse users' PETRARCH actor and agent files (a missing file is ``E302``)."""
    actors: list[PetrarchActor] = []
    agents: list[PetrarchAgent] = []
    for path in actor_files:
        actors += parse_actors(read_text(path), str(path), problems)
    for path in agent_files:
        agents += parse_agents(read_text(path), str(path), problems)
    return actors, agents
