"""Shared helpers for the rule tests that run the real default pipeline on sentences written for them."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from eventwire.model import Actor, Article, CodedArticle, DateValue, Event, Position, Quote

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.resources.gazetteer import Gazetteer

PUBLISHED = "2024-05-10"


@dataclass(frozen=True)
class Coded:
    """One coded article with look-ups by actor name, so that assertions read like an analyst's notes."""

    result: CodedArticle

    def name(self, actor_id: str) -> str:
        return next((a.name for a in self.result.actors if a.id == actor_id), actor_id)

    def actor(self, name: str) -> Actor:
        found = [a for a in self.result.actors if a.name == name]
        assert found, f"no actor named {name!r}; actors: {[a.name for a in self.result.actors]}"
        return found[0]

    def events(self, type_: str | None = None) -> list[Event]:
        return [e for e in self.result.events if type_ is None or e.type == type_]

    def event(self, type_: str) -> Event:
        found = self.events(type_)
        assert len(found) == 1, f"expected one {type_}, got {self.summary()}"
        return found[0]

    def sources(self, e: Event) -> set[str]:
        return {self.name(a) for a in e.source}

    def targets(self, e: Event) -> set[str]:
        return {self.name(a) for a in e.target}

    def participants(self, e: Event) -> set[str]:
        return self.sources(e) | self.targets(e)

    def speakers(self, q: Quote) -> set[str]:
        return {self.name(a) for a in q.speaker}

    def positions(self, actor: str | None = None) -> list[Position]:
        return [p for p in self.result.positions if actor is None or self.name(p.actor) == actor]

    def summary(self) -> list[tuple[str, str, list[str], list[str]]]:
        return [(e.type, e.status, [self.name(a) for a in e.source], [self.name(a) for a in e.target])
                for e in self.result.events]


@pytest.fixture(scope="module")
def code() -> Callable[..., Coded]:
    """Code a short text with the default pipeline (built once per test module)."""
    from eventwire.coder import default_pipeline

    pipeline = default_pipeline()

    def run(text: str, published: str = PUBLISHED) -> Coded:
        article = Article(id="rule-test", text=text,
                          published=DateValue(published, "day", published, published))
        return Coded(pipeline.code(article))

    return run


@pytest.fixture(scope="module")
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A private gazetteer cache folder for one test module (built once there; a warm-load test reuses it).
    Modules that need it say ``pytestmark = pytest.mark.usefixtures("gazetteer_cache")``."""
    from eventwire.resources.gazetteer import load_gazetteer

    folder = tmp_path_factory.mktemp("ewcache")
    patch = pytest.MonkeyPatch()
    patch.setenv("EVENTWIRE_CACHE_DIR", str(folder))
    load_gazetteer.cache_clear()
    yield
    load_gazetteer.cache_clear()
    patch.undo()


@pytest.fixture(scope="module")
def gazetteer(gazetteer_cache: None) -> "Gazetteer":
    from eventwire.resources.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="module")
def nlp() -> "Language":
    from eventwire.document.parse import load_nlp

    return load_nlp()
