"""The nouns every stage passes to the next: articles, spans, actors, places, dates, events, quotes, positions.

All records are frozen; a stage that refines a record builds a new one (``dataclasses.replace``).
Every ``Span`` is a character range into ``Article.text`` (the cleaned body).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "week", "month", "season", "quarter", "year", "decade", "reported", "unknown"]
Status = Literal["actual", "attempted", "failed", "intended", "threatened", "refused", "denied",
                 "hypothetical", "negated"]
Stance = Literal["support", "oppose", "demand", "reject", "conditional", "neutral"]

STATUSES: tuple[str, ...] = ("actual", "attempted", "failed", "intended", "threatened", "refused", "denied",
                             "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class Span:
    """A character range ``[start, end)`` of the article text, with the text it covers."""

    start: int
    end: int
    text: str

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised date: ISO-like ``value`` ("2024-05-01", "2024-05", "2023-FA", "2024-W18", "2024") with bounds."""

    value: str | None
    precision: Precision
    earliest: str | None = None
    latest: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read: the cleaned body text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    published: DateValue | None = None
    origin: str = "-"          # where it was read from: a path, "path:line", or "-" for stdin
    raw_text: str | None = None  # the body before cleaning (for publication-date cues in trailers)


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor resolved (or not) against the knowledge base, with every mention of it."""

    id: str
    name: str
    kind: str                  # person | organization | country | group | location | document (a report, poll)
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: tuple[str, ...] = ()
    role: str | None = None
    wikidata: str | None = None
    resolved: bool = True
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place with its mentions. ``precision`` follows ACLED: town, near-town, region, country."""

    id: str
    name: str
    kind: str                  # city | region | admin1 | country
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "town"
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in the text and its normalised value."""

    span: Span
    value: DateValue
    kind: str = "date"         # date | duration | set | anchor
    anchor: str | None = None  # for "the day after", the relation word ("after" / "before"); resolved later


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of an actor: the span, the actor id it resolves to, and where it sits in the parse."""

    span: Span
    actor: str                 # Actor.id
    start_token: int           # token range [start_token, end_token) in the spaCy Doc
    end_token: int
    head: int                  # token index of the syntactic head of the mention
    via: str = "kb"            # kb | alias | partial | descriptor | pronoun | generic | ner | argument | inferred


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One toponym in the text resolved to a Place (``place`` is Place.id)."""

    span: Span
    place: str
    start_token: int
    end_token: int
    head: int
    adjectival: bool = False   # "Israeli", "Gazan": a place only where the clause makes it one


@dataclass(frozen=True, slots=True)
class AcledType:
    event_type: str | None = None
    sub_event_type: str | None = None


@dataclass(frozen=True, slots=True)
class EventEvidence:
    trigger: Span
    sentence: Span
    source: tuple[Span, ...] = ()
    target: tuple[Span, ...] = ()
    date: tuple[Span, ...] = ()
    place: tuple[Span, ...] = ()
    mentions: tuple[Span, ...] = ()   # further triggers of the same event (after merging)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    evidence: EventEvidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    quad: str | None = None
    acled: AcledType = field(default_factory=AcledType)
    symmetric: bool = False
    status: str = "actual"
    date: DateValue | None = None
    place: str | None = None
    confidence: float = 0.5
    fatalities: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str                  # direct | partial | indirect
    speaker: tuple[str, ...] = ()
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Position:
    id: str
    actor: str
    issue: str
    stance: str
    evidence: tuple[Span, ...]
    condition: str | None = None
    date: DateValue | None = None
    issue_key: str | None = None  # the normalised issue all wordings of it share


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything eventwire found in one article: the output contract v1 as typed objects."""

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    positions: tuple[Position, ...] = ()
