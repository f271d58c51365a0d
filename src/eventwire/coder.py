"""The default pipeline: the ordered stages that turn an Article into a CodedArticle.

clean -> parse -> dates -> places -> actors -> quotes -> events -> positions
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .model import Article, CodedArticle
from .pipeline import Pipeline, Resources, Stage

if TYPE_CHECKING:
    from .resources.actors import ActorKB
    from .resources.cameo_verbs import VerbDictionary


def default_stages() -> list[Stage]:
    from .document.clean import clean
    from .document.parse import parse
    from .events.positions import position_stage
    from .events.stage import event_stage
    from .mentions.actors import actor_stage
    from .mentions.dates import date_stage
    from .mentions.places import place_stage
    from .mentions.quotes import quote_stage

    return [
        Stage("clean", clean, requires=("article",), assigns=("article",)),
        Stage("parse", parse, requires=("article",), assigns=("doc",)),
        Stage("dates", date_stage, requires=("article", "doc"), assigns=("timexes", "reference")),
        Stage("places", place_stage, requires=("doc",), assigns=("places", "place_mentions")),
        Stage("actors", actor_stage, requires=("doc", "reference", "place_mentions"),
              assigns=("actor_mentions", "actors")),
        Stage("quotes", quote_stage, requires=("doc", "actor_mentions"), assigns=("quotes", "actors", "actor_mentions")),
        Stage("events", event_stage,
              requires=("doc", "actor_mentions", "actors", "timexes", "places", "place_mentions", "quotes"),
              assigns=("events", "actors", "actor_mentions")),
        Stage("positions", position_stage, requires=("doc", "events", "actors", "actor_mentions"),
              assigns=("positions", "actors")),
    ]


def default_pipeline(kb: "ActorKB | None" = None, verbs: "VerbDictionary | None" = None,
                     verbs_only: bool = False) -> Pipeline:
    """The standard stages; ``kb`` replaces the bundled actor knowledge base (e.g. extended with a user's
    CAMEO dictionaries or YAML overlay); ``verbs`` is a CAMEO verb dictionary whose codes win on the verbs it
    knows (``verbs_only``: the only source of events)."""
    return Pipeline(default_stages(), Resources(kb=kb, verbs=verbs, verbs_only=verbs_only))


def code_articles(articles: Iterable[Article], pipeline: Pipeline | None = None) -> Iterator[CodedArticle]:
    """Code each article in turn with one pipeline (built once)."""
    pipe = pipeline or default_pipeline()
    for article in articles:
        yield pipe.code(article)
