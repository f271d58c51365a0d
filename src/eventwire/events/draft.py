"""The event being built inside the event stages (mutable, never leaves the ``events`` package)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import DateValue
from ..resources.events import TriggerSpec


@dataclass(slots=True)
class EventDraft:
    trigger: int                      # token index of the trigger word
    spec: TriggerSpec
    type: str
    cameo: str
    mode: str | None = None
    status: str = "actual"
    source_tokens: list[int] = field(default_factory=list)   # tokens whose actor mentions are the source
    target_tokens: list[int] = field(default_factory=list)
    source: list[str] = field(default_factory=list)           # actor ids
    target: list[str] = field(default_factory=list)
    symmetric: bool = False
    nominal: bool = False
    extra_triggers: list[int] = field(default_factory=list)   # light verb, embedded verb, merged mentions
    date: DateValue | None = None
    date_tokens: list[int] = field(default_factory=list)
    place: str | None = None
    place_tokens: list[int] = field(default_factory=list)
    issue_tokens: list[int] = field(default_factory=list)    # what is requested / rejected / agreed
    confidence: float = 0.6
    merged: list["EventDraft"] = field(default_factory=list)
    fatalities: int | None = None
    quote_speakers: tuple[str, ...] = ()                     # speaker of the quote the event is told in
    weapon: str | None = None                                # weapon class (events.weapons) of an attack
    intervened: bool = False                                 # a protest the police or army acted against
    excessive: bool = False                                  # ... with lethal force (live fire, killings)
    paired: str | None = None                                # a dictionary's paired code: the target's act back
    reply: bool = False                                      # ... and this is that act (target -> source)
    direct_fire: bool = False                                # small arms or fire both ways: the sides in contact
