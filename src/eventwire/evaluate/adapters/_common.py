"""Small helpers the event adapters share: coding one text, the role actors of an event, picking an event."""
from __future__ import annotations

from ...model import Actor, Article, CodedArticle, Event
from ...pipeline import Pipeline


def code_text(pipeline: Pipeline, text: str, ident: str, published: str | None = None) -> CodedArticle:
    """Code one gold text as an article of its own (``published``: an ISO date, when the gold gives one)."""
    from ...ingest.validate import parse_date

    return pipeline.code(Article(id=ident, text=text, origin=ident,
                                 published=parse_date(published) if published else None))


def actors_by_id(coded: CodedArticle) -> dict[str, Actor]:
    return {a.id: a for a in coded.actors}


def best_event(events: tuple[Event, ...] | list[Event]) -> Event | None:
    """The event a single-label gold item is compared with: the highest confidence, then the earliest trigger.

    Negated events ("did not attack") are not events that happened and are never picked."""
    live = [e for e in events if e.status != "negated"]
    if not live:
        return None
    return min(live, key=lambda e: (-e.confidence, e.evidence.trigger.start))


def role_actors(event: Event, actors: dict[str, Actor]) -> tuple[list[Actor], list[Actor]]:
    src = [actors[i] for i in event.source if i in actors]
    tgt = [actors[i] for i in event.target if i in actors]
    return src, tgt
