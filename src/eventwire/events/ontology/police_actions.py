"""eventwire events as IndiaPoliceEvents labels: did the police kill, arrest, fail to act, use force, act at all.

Not a pipeline stage: a mapping used by the ``indiapoliceevents`` adapter of ``eventwire evaluate``. Documented in
docs/ONTOLOGY.md ("Police actions"); tested in ``tests/test_eval_acled_adapters.py``.

An event is a police event when
* one of its sources is a police or security-force actor (sector COP or MIL: "police", "policemen", "security
  forces", "the army", as the corpus' annotators counted the forces deployed to keep order);
* it is a MOBILIZE event whose target is such a force: the forces deployed ("security forces have been
  deployed", "the administration sent two companies of the police");
* it is an arrest, a seizure, a curfew or a deportation with no source stated ("forty people were arrested",
  "weapons were seized", "curfew was imposed", "300 pilgrims were deported"): that is what the police do (a ban
  or a prohibition told without its author is a law or an order, not a police action: "the act prohibits such
  transfers", "a ban on liquor");
* it is a MOBILIZE event of mode ``police`` with no source stated ("security was tightened", "patrolling has been
  intensified", "a red alert was sounded"): raising the alert is what the police do;
* it is crowd control with no source stated ("tear-gas shells were lobbed at the crowd", "a lathi-charge"): the
  police's means;
* it is a COERCE or MOBILIZE event by the civil administration (sector GOV: "the authorities sealed the
  camps", "the district administration tightened security"), which the police carry out.
Of a police event:

* status actual or attempted: ANY_ACTION, and further
  - ARREST for COERCE with mode ``arrest``;
  - FORCE for any ASSAULT (firing, beating, crowd-control, ...);
  - KILL for an ASSAULT with fatalities or a killing trigger ("killed", "shot dead", "gunned down");
* status failed, negated or refused (the police did not act, refused to act, failed to stop it, "remained mute
  spectators", "stood by", "looked the other way"): FAIL.

Intended, threatened, hypothetical and denied police events carry no label (the question is what the police
did).

A statement of the police is a police action too (ANY_ACTION): a direct or indirect quote whose speaker is a
police or security-force actor ("police said two groups clashed", "according to the police commissioner, notices
were issued", "'we will stop them,' the commissioner said"). Partial quotes, a few words of theirs inside another
writer's sentence, are not statements of theirs.
"""
from __future__ import annotations

from collections.abc import Mapping

from ...model import Actor, Event, Quote

KILL, ARREST, FAIL, FORCE, ANY_ACTION = "KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION"
LABELS: tuple[str, ...] = (KILL, ARREST, FAIL, FORCE, ANY_ACTION)

POLICE_SECTORS = frozenset({"COP", "MIL"})
ADMINISTRATION_SECTORS = frozenset({"GOV"})
STATE_ACTS = frozenset({"COERCE", "MOBILIZE"})   # acts the administration orders and the police carry out
POLICE_WORK = frozenset({"arrest", "seize", "curfew", "deport"})   # coercion told without its agent that is police work
DONE = frozenset({"actual", "attempted"})
NOT_DONE = frozenset({"failed", "negated", "refused"})
_KILL_WORDS = ("kill", "shot dead", "shoot dead", "gunned down", "gun down", "murder", "massacre", "lynch")


def is_police(actor: Actor | None) -> bool:
    return actor is not None and bool(POLICE_SECTORS & set(actor.sector))


def is_killing(event: Event) -> bool:
    """An ASSAULT that killed: fatalities reported, or a trigger that means killing."""
    if event.type != "ASSAULT":
        return False
    if event.fatalities:
        return True
    trigger = event.evidence.trigger.text.lower()
    return any(word in trigger for word in _KILL_WORDS)


def is_police_event(event: Event, actors: Mapping[str, Actor]) -> bool:
    """Whether ``event`` is an action of the police or security forces (see the module docstring)."""
    if any(is_police(actors.get(a)) for a in event.source):
        return True
    if event.type == "MOBILIZE" and any(is_police(actors.get(a)) for a in event.target):
        return True
    if not event.source and ((event.type == "COERCE" and event.mode in POLICE_WORK)
                             or (event.type == "MOBILIZE" and event.mode == "police")
                             or (event.type == "ASSAULT" and event.mode == "crowd-control")):
        return True
    return event.type in STATE_ACTS and any(
        a is not None and ADMINISTRATION_SECTORS & set(a.sector) for a in map(actors.get, event.source))


def police_labels(event: Event, actors: Mapping[str, Actor]) -> frozenset[str]:
    """The IndiaPoliceEvents labels ``event`` supports (empty unless it is a police event)."""
    if not is_police_event(event, actors):
        return frozenset()
    if event.status in NOT_DONE:
        return frozenset({FAIL})
    if event.status not in DONE:
        return frozenset()
    labels = {ANY_ACTION}
    if event.type == "COERCE" and event.mode == "arrest":
        labels.add(ARREST)
    if event.type == "ASSAULT":
        labels.add(FORCE)
        if is_killing(event):
            labels.add(KILL)
    return frozenset(labels)


STATEMENT_KINDS = frozenset({"direct", "indirect"})


def statement_labels(quote: Quote, actors: Mapping[str, Actor]) -> frozenset[str]:
    """The IndiaPoliceEvents labels a quote supports: ANY_ACTION for a statement of the police (module
    docstring), nothing otherwise."""
    if quote.kind in STATEMENT_KINDS and any(is_police(actors.get(a)) for a in quote.speaker):
        return frozenset({ANY_ACTION})
    return frozenset()
