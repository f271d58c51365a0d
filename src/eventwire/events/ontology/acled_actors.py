"""eventwire actors as ACLED actor categories (the ``inter1``/``inter2`` columns) with a country.

Not a pipeline stage: a mapping used where eventwire output is compared with ACLED-coded data (the ACLED
adapters of ``eventwire evaluate``) or exported in ACLED's shape. Documented in docs/ONTOLOGY.md ("ACLED actor
types"); tested in ``tests/test_eval_acled_adapters.py``.

ACLED gives each actor one of eight "inter" categories. Older exports write them as digits (1..8, 0 for no
actor), newer ones as words; ``normalise_inter`` reads both. How an eventwire actor maps (first rule that
applies wins):

1. a few named groups ACLED codes against the sector default (``ACLED_INTER_OF_ACTOR``): the Palestinian
   factions and Hezbollah are political militias, the Houthis are a state force (ACLED's "Military Forces of
   Yemen (2016-) Supreme Political Council"), as are Iraq's Popular Mobilization Forces and Yemen's Security
   Belt Forces, the Donbas separatist forces a rebel group, the Saudi-led and US-led coalitions external forces;
2. an intergovernmental actor (sector IGO) is External/Other forces;
3. a state actor (a country, or sector GOV/MIL/COP/SPY/LEG/JUD) is State forces in its own country and
   External/Other forces where the event's place is in another country (Israel's army in Gaza);
4. an ethnic or communal group (sector ETH: "Fulani militias", "clan militiamen", "tribesmen") that fights or
   attacks is an Identity militia;
5. an armed non-state actor: a named REB group is a Rebel group, an unnamed one ("armed men", "militants")
   a Political militia (ACLED's "Unidentified Armed Group"); UAF (gunmen, militias) and CRM (gangs) a Political militia,
   as ACLED codes unidentified armed groups and gangs;
6. the crowd: the source of a Protests event is Protesters, of a Riots event Rioters;
7. any other source of a political-violence event (Battles, Explosions/Remote violence, Violence against
   civilians) is a Political militia: ACLED never codes the side that fights or attacks as civilians ("two men
   shot a driver" is an unidentified armed group);
8. everyone else is Civilians.

Roles follow ACLED's coding: actor1 is the source and actor2 the target, except that actor1 of every Protests or
Riots event is the crowd, "Protesters (Country)" or "Rioters (Country)", whoever leads it (striking police, a
party's rally: the organisers are ACLED's associated actors), named by the crowd's own country (which the
actor stage reads from the phrase or the article's focus) else the event's place, and that ACLED codes a
peaceful protest with no actor2 (the protest's addressee is not an actor) and a protest with intervention with
the protesters as actor1 and the intervening force as actor2 (eventwire's crowd-control event has the police as
source). A place
standing as an actor ("shelled Gaza") is no actor. An event whose source the parse did not find takes as actor1
the armed actor (a state force, armed group, militia or gang) the note names first, other than the event's
targets: ACLED notes open with the coded event and one of its sides ("clashes between pro-Hadi forces and ...");
with none named, the unnamed side is coded by kind and place (below). A non-state actor with no country takes
the country of the event's place, as ACLED names crowds and unidentified groups ("Protesters (India)",
"Unidentified Armed Group (Mexico)") by where they act.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...model import Actor, Event

STATE = "State forces"
REBEL = "Rebel group"
POLITICAL_MILITIA = "Political militia"
IDENTITY_MILITIA = "Identity militia"
RIOTERS = "Rioters"
PROTESTERS = "Protesters"
CIVILIANS = "Civilians"
EXTERNAL = "External/Other forces"

INTER_LABELS: tuple[str, ...] = (STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS,
                                 EXTERNAL)
# ACLED's numeric inter codes (2019-2022 exports); 0 means "no actor"
INTER_CODES: dict[str, str] = {str(i + 1): label for i, label in enumerate(INTER_LABELS)}

ACLED_INTER_OF_ACTOR: dict[str, str] = {
    "ew:hamas": POLITICAL_MILITIA, "ew:qassam-brigades": POLITICAL_MILITIA,
    "ew:palestinian-islamic-jihad": POLITICAL_MILITIA, "ew:al-quds-brigades": POLITICAL_MILITIA,
    "ew:pflp": POLITICAL_MILITIA, "ew:dflp": POLITICAL_MILITIA, "ew:al-aqsa-martyrs-brigades": POLITICAL_MILITIA,
    "ew:lions-den": POLITICAL_MILITIA, "ew:jenin-brigade": POLITICAL_MILITIA, "ew:tulkarem-brigade": POLITICAL_MILITIA,
    "ew:popular-resistance-committees": POLITICAL_MILITIA, "ew:gaza-armed-factions": POLITICAL_MILITIA,
    "ew:hezbollah": POLITICAL_MILITIA,
    "ew:houthis": STATE,
    "ew:dpr-lpr-forces": REBEL,
    # ACLED codes Iraq's Popular Mobilization Forces as a state force since their 2018 integration
    # ("Military Forces of Iraq (2018-) Popular Mobilization Forces"), and multinational coalitions as
    # external forces wherever they strike ("Operation Restoring Hope", "Global Coalition Against Daesh")
    "ew:popular-mobilization-forces": STATE, "ew:security-belt-forces": STATE,
    "ew:saudi-led-coalition": EXTERNAL, "ew:us-led-coalition": EXTERNAL,
}

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# names of communal, clan, tribal, caste and ethnic groups: ACLED's identity militias when they fight
IDENTITY_WORDS = ("tribe", "tribal", "tribesm", "clan", "caste", "communal", "ethnic", "famil")
MILITIA_SECTORS = frozenset({"UAF", "CRM"})
CROWD_OF_EVENT: dict[str, str] = {"Protests": PROTESTERS, "Riots": RIOTERS}
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "UAF", "CRM", "ETH"})
# event types whose unnamed first side is taken from the armed actors the article names
FALLBACK_SIDE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                                 "Strategic developments"})
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True, slots=True)
class AcledActor:
    """An actor as ACLED categorises it: the inter category and the ISO3 country (None when unknown)."""

    inter: str
    country: str | None


def normalise_inter(value: str | None) -> str | None:
    """ACLED's inter column as one of ``INTER_LABELS`` ("1" and "State forces" alike); None for no actor."""
    text = (value or "").strip()
    if not text or text == "0":
        return None
    if text in INTER_CODES:
        return INTER_CODES[text]
    low = text.lower().rstrip("s")
    for label in INTER_LABELS:
        if label.lower().rstrip("s") == low:
            return label
    return text


def acled_inter(actor: Actor, *, role: int, event_type: str | None, location_country: str | None) -> str:
    """The ACLED inter category of ``actor`` as actor ``role`` (1 or 2) of an event of ACLED ``event_type``
    taking place in ``location_country`` (rules in the module docstring)."""
    if actor.id in ACLED_INTER_OF_ACTOR:
        return ACLED_INTER_OF_ACTOR[actor.id]
    sectors = set(actor.sector)
    if "IGO" in sectors:
        return EXTERNAL
    if actor.kind == "country" or sectors & STATE_SECTORS:
        foreign = actor.country and location_country and actor.country != location_country
        return EXTERNAL if foreign else STATE
    communal = any(w in actor.name.lower() for w in IDENTITY_WORDS)
    if ("ETH" in sectors or communal) and (role == 1 and event_type in VIOLENT_EVENT_TYPES
                                           or event_type == "Battles" or sectors & (MILITIA_SECTORS | {"REB"})):
        return IDENTITY_MILITIA   # "Fulani militias", "clan militiamen", "tribesmen", "two armed families" who fight
    if "REB" in sectors:
        named_rebel = actor.resolved or any(w in actor.name.lower() for w in ("rebel", "insurgent", "separatist"))
        return REBEL if named_rebel else POLITICAL_MILITIA   # "armed men": an unidentified armed group
    if sectors & MILITIA_SECTORS:
        return POLITICAL_MILITIA
    if role == 1 and event_type == "Protests":
        return PROTESTERS
    if role == 1 and event_type == "Riots":
        return RIOTERS
    if role == 1 and event_type in VIOLENT_EVENT_TYPES:
        # ACLED never codes civilians as the side that fights or attacks: "two men shot a driver" is an
        # unidentified armed group
        return POLITICAL_MILITIA
    return CIVILIANS


def _first_actor(ids: Sequence[str], actors: Mapping[str, Actor]) -> Actor | None:
    for ident in ids:
        actor = actors.get(ident)
        if actor is not None and actor.kind != "location":
            return actor
    return None


def _armed(actor: Actor) -> bool:
    sectors = set(actor.sector)
    return actor.id in ACLED_INTER_OF_ACTOR or bool(sectors & ARMED_SECTORS) or (
        "IGO" in sectors and "MIL" in sectors)


def _first_armed(actors: Mapping[str, Actor], exclude: set[str]) -> Actor | None:
    """The armed actor the article names first, other than ``exclude``: a note that reports a clash without
    a parse of who fought opens with one of the sides ("clashes between pro-Hadi forces and ...")."""
    armed = [a for a in actors.values() if a.kind != "location" and a.id not in exclude and a.mentions and _armed(a)]
    return min(armed, key=lambda a: a.mentions[0].start) if armed else None


# triggers of an attack told from the defender's side ("repelled", "repulsed", "thwarted", "foiled")
_REPELLING = ("repel", "repuls", "thwart", "foil", "fend", "fought off", "beat back")


@dataclass(frozen=True, slots=True)
class FrontLine:
    """A stable front line (``data/places/frontlines.tsv``): the country it runs through and, per side (an actor
    KB id), the settlements that side held, as one case-blind whole-word pattern."""

    id: str
    country: str
    sides: tuple[tuple[str, "re.Pattern[str]"], ...]


@functools.cache
def front_lines() -> tuple[FrontLine, ...]:
    """The front lines of ``frontlines.tsv`` (one row per settlement: line, country, holder, place). Only
    settlements whose side is well documented are listed; those split by the line or in the grey zone (Zaitseve,
    Verkhnotoretske, the Donetsk Filtration Station) are left out. Names carry their usual transliterations."""
    from importlib import resources

    text = resources.files("eventwire.resources").joinpath("data", "places", "frontlines.tsv").read_text(
        encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    lines: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for ident, country, holder, place in rows:
        lines.setdefault(ident, (country, {}))[1].setdefault(holder, []).append(place)
    out = []
    for ident, (country, held) in lines.items():
        sides = []
        for holder, places in held.items():
            names = sorted(places, key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)
            sides.append((holder, pattern))
        out.append(FrontLine(ident, country, tuple(sides)))
    return tuple(out)


def _front_line_sides(text: str) -> tuple[str, str, str] | None:
    """(the side across the line, the side holding the place, the line's country) for the first front-line
    settlement ``text`` names on a two-sided line; None when it names none."""
    best: tuple[int, tuple[str, str, str]] | None = None
    for line in front_lines():
        if len(line.sides) != 2:
            continue
        for k, (holder, pattern) in enumerate(line.sides):
            m = pattern.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), (line.sides[1 - k][0], holder, line.country))
    return best[1] if best else None


def _kb_actor(ident: str) -> Actor | None:
    from ...resources.actors import load_kb

    found = next((a for a in load_kb().all_actors() if a.id == ident), None)
    if found is None:
        return None
    return Actor(found.id, found.name, found.kind, found.country, tuple(found.sector), resolved=True)


def acled_actor_pair(event: Event, actors: Mapping[str, Actor],
                     location_country: str | None) -> tuple[AcledActor | None, AcledActor | None]:
    """ACLED's (actor1, actor2) for ``event``: the first source and first target that are not places, in ACLED's
    role order, each with its inter category and country; None where ACLED would have no actor."""
    first, second = _first_actor(event.source, actors), _first_actor(event.target, actors)
    if first is None and event.acled.event_type in FALLBACK_SIDE_TYPES:
        first = _first_armed(actors, exclude=set(event.target))
    if first is None and event.acled.event_type in ("Battles", "Explosions/Remote violence"):
        # unattributed fire at a front-line settlement (a ceasefire monitor's "observed 12 explosions near
        # X"): ACLED codes it as fire by the side across the line; a clash there is between the two sides
        sides = _front_line_sides(event.evidence.sentence.text)
        if sides is not None:
            first = _kb_actor(sides[0])
            if second is None and event.acled.event_type == "Battles":
                second = _kb_actor(sides[1])
            location_country = sides[2]
    if first is not None and event.evidence.trigger.text.lower().startswith(_REPELLING):
        # "Velmari troops repelled an attack by insurgents": ACLED's actor1 is the side that attacked
        named = _first_armed(actors, exclude={first.id})
        attacker = second if second is not None and _armed(second) and (second.resolved or named is None or
                                                                          not named.resolved) else named
        if attacker is not None:
            first, second = attacker, first
    sub = event.acled.sub_event_type
    if sub == "Peaceful protest":
        second = None
    elif sub == "Protest with intervention":
        first, second = second, first

    def as_acled(actor: Actor | None, role: int) -> AcledActor | None:
        if actor is None:
            return None
        if role == 1 and event.acled.event_type in CROWD_OF_EVENT:
            # ACLED's actor1 of every protest or riot is the crowd, named by its country ("Protesters (Mexico)"
            # for striking police, a party's rally or a union's march alike; "Bolivian citizens" abroad are
            # Bolivia's), else by where it gathers; the organisers are associated actors
            return AcledActor(CROWD_OF_EVENT[event.acled.event_type], actor.country or location_country)
        other = second if role == 1 else first
        where = location_country
        if (actor.country and where and actor.country != where and other is not None
                and other.country == actor.country):
            # forces acting on their own country's people or armed groups are at home: the place read is the
            # one in doubt ("Afghan police forces … Taliban" with "Chora" geocoded abroad)
            where = actor.country
        inter = acled_inter(actor, role=role, event_type=event.acled.event_type, location_country=where)
        country = actor.country
        if country is None and inter not in (STATE, EXTERNAL):
            country = location_country  # "Protesters (India)": ACLED names a crowd by where it is
        return AcledActor(inter, country)

    one, two = as_acled(first, 1), as_acled(second, 2)
    if one is None:
        # ACLED names the unnamed side by its kind and where it acted: a crowd that protests or riots with
        # no named organiser is "Protesters (Country)" / "Rioters (Country)"; unattributed violence against
        # civilians or an unclaimed explosion is an "Unidentified Armed Group (Country)", a political militia in
        # ACLED's categories.
        if event.acled.event_type == "Protests":
            one = AcledActor(PROTESTERS, location_country)
        elif event.acled.event_type == "Riots":
            one = AcledActor(RIOTERS, location_country)
        elif event.acled.event_type in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
            # a mine, an IED, an attack on civilians nobody claimed or a shoot-out between unnamed sides: an
            # unidentified armed group
            one = AcledActor(POLITICAL_MILITIA, location_country)
    return one, two
