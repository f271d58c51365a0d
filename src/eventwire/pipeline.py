"""Ordered stages over one article. Each stage declares the ``Analysis`` fields it requires and assigns;
building a pipeline whose order leaves a requirement unmet is an error at build time (EW300), as in spaCy's
``pipe_analysis``.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import PipelineError
from .model import (Actor, ActorMention, Article, CodedArticle, DateValue, Event, Place, PlaceMention, Position,
                    Quote, Timex)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .resources.actors import ActorKB
    from .resources.cameo_verbs import VerbDictionary


@dataclass(frozen=True, slots=True)
class Resources:
    """What the stages read besides the article, passed in rather than fetched from globals: the actor
    knowledge base (default: the bundled one, ``load_kb()``; evaluation and users may extend it) and a
    user's CAMEO verb dictionary (``verbs_only``: it alone codes events, as in PETRARCH)."""

    kb: "ActorKB | None" = None
    verbs: "VerbDictionary | None" = None
    verbs_only: bool = False

    def actor_kb(self) -> "ActorKB":
        if self.kb is not None:
            return self.kb
        from .resources.actors import load_kb

        return load_kb()


@dataclass(slots=True)
class Analysis:
    """The working state of one article as it moves through the stages (mutable on purpose, local to one run)."""

    article: Article
    resources: Resources = field(default_factory=Resources)
    doc: "Doc | None" = None
    reference: DateValue | None = None          # the date relative expressions are resolved against
    actor_mentions: list[ActorMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)  # stage-to-stage hints (e.g. event trigger tokens)

    def result(self) -> CodedArticle:
        return CodedArticle(article=self.article, actors=tuple(self.actors), places=tuple(self.places),
                            events=tuple(self.events), quotes=tuple(self.quotes),
                            positions=tuple(self.positions))


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[Analysis], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class Pipeline:
    """Runs stages in order; ``timings`` accumulates seconds per stage for the benchmark's breakdown."""

    def __init__(self, stages: Sequence[Stage], resources: Resources | None = None) -> None:
        available = {"article"}
        for stage in stages:
            missing = [r for r in stage.requires if r not in available]
            if missing:
                raise PipelineError(f"stage {stage.name}", f"requires {', '.join(missing)} which no earlier "
                                    "stage assigns", "reorder the stages or add the stage that assigns it")
            available.update(stage.assigns)
        self.stages = tuple(stages)
        self.resources = resources or Resources()
        self.timings: dict[str, float] = {s.name: 0.0 for s in stages}

    def run(self, analysis: Analysis) -> Analysis:
        for stage in self.stages:
            t0 = time.perf_counter()
            stage.run(analysis)
            self.timings[stage.name] += time.perf_counter() - t0
        return analysis

    def code(self, article: Article) -> CodedArticle:
        return self.run(Analysis(article=article, resources=self.resources)).result()

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        for article in articles:
            yield self.code(article)
