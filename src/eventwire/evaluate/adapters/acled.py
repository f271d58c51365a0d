"""ACLED exports (acled-gaza-2023-2025, acled-global-2020-05): each row's ``notes`` coded as one article.

Only the notes text goes in: no publication date (ACLED notes open with the event date, which is the answer),
no place, no actor. The predicted event of a row is ``primary_acled_event``: of the events eventwire gives an
ACLED type, the earliest with a named source (the note tells its event first), else the one with the highest
confidence; a row where no event has an ACLED type is "not coded" and misses every per-event metric. Against
that event:

* ``event_type_accuracy``, ``sub_event_type_macro_f1`` (macro over the sub-types present in the gold);
* ``actor1_accuracy``/``actor2_accuracy``: ACLED inter category and country of the event's first source/target
  (``events.ontology.acled_actors``) against the gold actor's inter and the country read from its name
  (``gold_actor_country``); where the country cannot be read from the name only the inter is compared; an empty
  gold actor2 is matched by no predicted actor2;
* ``location_within_10km``/``_161km`` (share of all rows) and ``median_km`` (over rows with a prediction) from
  the event's place, else the article's first place, to the gold latitude/longitude;
* ``date_exact``: the event date at day precision equals ``event_date``, over rows whose ``time_precision`` is 1
  (a day-exact gold date);
* ``fatalities_exact``: the event's fatalities (none reported counts as 0, as ACLED codes "casualties
  unknown") equal the gold count.
"""
from __future__ import annotations

import csv
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...events.ontology.acled_actors import AcledActor, acled_actor_pair, normalise_inter
from ...model import Article, CodedArticle, Event, Place
from ...resources.actors import ActorKB, load_kb
from ..core import EvalContext, EvalResult
from ..metrics import haversine_km, macro_f1, median, safe_div

NOT_CODED = "not coded"

# "Military Forces of Israel (2022-) Special Forces", "Police Forces of the Philippines (2016-)", "Government of X"
_STATE_NAME = re.compile(r"^(?:Former\s+)?(?:Military|Police|Naval|Air)?\s*(?:Forces|Government)\s+of\s+(?:the\s+)?"
                         r"(.+?)\s*\(\d{4}")
_PARENS = re.compile(r"\(([^()]*)\)")
_YEARS = re.compile(r"^\d{4}\s*-\s*(\d{4})?$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def country_iso3(name: str, kb: ActorKB) -> str | None:
    """ISO3 of a country name: the actor KB's names first, then pycountry (exact, then its fuzzy search)."""
    text = name.strip()
    if not text:
        return None
    iso = kb.country_of_name(text)
    if iso:
        return iso
    import pycountry

    try:
        found = pycountry.countries.lookup(text)
        return str(found.alpha_3)
    except LookupError:
        pass
    try:
        hits = pycountry.countries.search_fuzzy(text)
    except LookupError:
        return None
    return str(hits[0].alpha_3) if len(hits) == 1 else None


def gold_actor_country(name: str, kb: ActorKB | None = None) -> str | None:
    """The country of an ACLED actor name, or None when the name does not say.

    Read in this order: a state name ("Military Forces of Israel (2022-)", "Government of Turkey (2016-)") gives
    its country; a country in parentheses ("Civilians (Palestine)", "Islamic State (Iraq)") gives that one
    (year spans such as "(2022-)" are skipped); the name, or either side of ACLED's "ACRONYM: Full name", as an
    actor the KB knows ("Hamas Movement", "PIJ: Palestinian Islamic Jihad") gives the KB actor's country; a
    demonym in the name ("Palestinian") gives its country. "Unidentified Armed Group (International)" and
    names the KB does not know give None.
    """
    kb = kb or load_kb()
    text = name.strip()
    if not text:
        return None
    m = _STATE_NAME.match(text)
    if m:
        iso = country_iso3(m.group(1), kb)
        if iso:
            return iso
    for inner in _PARENS.findall(text):
        if not _YEARS.match(inner.strip()):
            iso = country_iso3(inner, kb)
            if iso:
                return iso
    bare = _PARENS.sub("", text).strip()
    parts = [bare, *[p.strip() for p in bare.split(":", 1)]] if ":" in bare else [bare]
    for part in parts:
        for actor in kb.lookup(part):
            if actor.country:
                return actor.country
    for word in _WORD.findall(bare):
        iso = kb.country_of_demonym(word)
        if iso:
            return iso
    return None


def gold_date(value: str) -> str | None:
    """ACLED's event_date ("6-Jun-25", "09 May 2020", "2020-05-09") as ISO "YYYY-MM-DD"."""
    text = value.strip()
    for fmt in ("%d-%b-%y", "%d-%B-%y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d", "%d-%b-%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def primary_acled_event(events: tuple[Event, ...] | list[Event]) -> Event | None:
    """The event a one-event gold row is compared with. ACLED notes (and news leads) tell the coded event
    first and its context after ("… Also, Israeli artillery shelled …"): the earliest event with an ACLED type
    and a named source; when none has a source, the highest confidence among those with an ACLED type, the
    earliest trigger on a tie; None when no event has an ACLED type."""
    typed = [e for e in events if e.acled.event_type]
    if not typed:
        return None
    sourced = [e for e in typed if e.source]
    if sourced:
        return min(sourced, key=lambda e: e.evidence.trigger.start)
    return min(typed, key=lambda e: (-e.confidence, e.evidence.trigger.start))


def predicted_place(coded: CodedArticle, event: Event | None) -> Place | None:
    places = {p.id: p for p in coded.places}
    if event is not None and event.place in places:
        return places[event.place]
    return coded.places[0] if coded.places else None


def read_rows(data_dir: Path, limit: int | None) -> list[dict[str, str]]:
    files = sorted(data_dir.glob("*.csv"))
    if not files:
        raise ConfigError(str(data_dir), "no ACLED export (*.csv) in the folder",
                          "pass --data a folder holding the ACLED CSV export")
    with open(files[0], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit is not None else rows


def _actor_ok(gold: AcledActor | None, pred: AcledActor | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold.inter == pred.inter and (gold.country is None or gold.country == pred.country)


def _gold_actor(name: str, inter: str, kb: ActorKB) -> AcledActor | None:
    label = normalise_inter(inter)
    if not name.strip() or label is None:
        return None
    return AcledActor(label, gold_actor_country(name, kb))


def _as_dict(actor: AcledActor | None) -> dict[str, Any] | None:
    return None if actor is None else {"inter": actor.inter, "country": actor.country}


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    rows = read_rows(data_dir, limit)
    kb = load_kb()
    gold_types: list[str] = []
    pred_types: list[str] = []
    gold_subs: list[str] = []
    pred_subs: list[str] = []
    actor_hits = [0, 0]
    within10 = within161 = date_hits = date_n = fatal_hits = coded_n = fatal_reported = 0
    distances: list[float] = []
    unknown_country = 0
    errors: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        text = (row.get("notes") or "").strip()
        coded = ctx.pipeline.code(Article(id=row.get("event_id_cnty") or f"row-{index}", text=text))
        event = primary_acled_event(coded.events)
        place = predicted_place(coded, event)
        actors = {a.id: a for a in coded.actors}
        missed: list[str] = []

        g_type, g_sub = row.get("event_type", ""), row.get("sub_event_type", "")
        p_type = event.acled.event_type or NOT_CODED if event else NOT_CODED
        p_sub = event.acled.sub_event_type or NOT_CODED if event else NOT_CODED
        gold_types.append(g_type)
        pred_types.append(p_type)
        gold_subs.append(g_sub)
        pred_subs.append(p_sub)
        coded_n += event is not None
        if g_type != p_type:
            missed.append("event_type")
        if g_sub != p_sub:
            missed.append("sub_event_type")

        gold_pair = (_gold_actor(row.get("actor1", ""), row.get("inter1", ""), kb),
                     _gold_actor(row.get("actor2", ""), row.get("inter2", ""), kb))
        unknown_country += sum(1 for g in gold_pair if g is not None and g.country is None)
        location_country = place.country if place else None
        pred_pair: tuple[AcledActor | None, AcledActor | None] = (
            acled_actor_pair(event, actors, location_country) if event else (None, None))
        for k in (0, 1):
            # no event at all is a miss even where the gold has no actor2
            ok = event is not None and _actor_ok(gold_pair[k], pred_pair[k])
            actor_hits[k] += ok
            if not ok:
                missed.append(f"actor{k + 1}")

        km: float | None = None
        try:
            g_lat, g_lon = float(row["latitude"]), float(row["longitude"])
        except (KeyError, ValueError):
            g_lat = g_lon = float("nan")
        if place is not None and place.lat is not None and place.lon is not None and g_lat == g_lat:
            km = haversine_km(g_lat, g_lon, place.lat, place.lon)
            distances.append(km)
        within10 += km is not None and km <= 10
        within161 += km is not None and km <= 161
        if km is None or km > 10:
            missed.append("location")

        g_date = gold_date(row.get("event_date", ""))
        p_date = (event.date.value if event and event.date and event.date.precision == "day" else None)
        if row.get("time_precision", "1").strip() == "1":
            date_n += 1
            date_hits += p_date is not None and p_date == g_date
            if p_date != g_date:
                missed.append("date")

        try:
            g_fatal: int | None = int(row.get("fatalities") or 0)
        except ValueError:
            g_fatal = None
        p_fatal = (event.fatalities or 0) if event else None
        fatal_reported += event is not None and event.fatalities is not None
        fatal_hits += p_fatal is not None and p_fatal == g_fatal
        if p_fatal != g_fatal:
            missed.append("fatalities")

        if missed:
            errors.append({
                "id": row.get("event_id_cnty"), "missed": missed, "text": text,
                "gold": {"event_type": g_type, "sub_event_type": g_sub,
                         "actor1": {"name": row.get("actor1"), **(_as_dict(gold_pair[0]) or {})},
                         "actor2": {"name": row.get("actor2"), **(_as_dict(gold_pair[1]) or {})},
                         "location": row.get("location"), "lat": row.get("latitude"), "lon": row.get("longitude"),
                         "date": g_date, "fatalities": g_fatal},
                "predicted": {"event_type": p_type, "sub_event_type": p_sub,
                              "plover": f"{event.type}/{event.mode}/{event.status}" if event else None,
                              "trigger": event.evidence.trigger.text if event else None,
                              "actor1": _as_dict(pred_pair[0]), "actor2": _as_dict(pred_pair[1]),
                              "location": place.name if place else None, "km": km,
                              "date": p_date, "fatalities": p_fatal,
                              "events": [f"{e.type}/{e.mode}/{e.status}:{e.acled.sub_event_type}"
                                         for e in coded.events]},
            })
    n = len(rows)
    metrics: dict[str, float | int | None] = {
        "event_type_accuracy": safe_div(sum(g == p for g, p in zip(gold_types, pred_types)), n),
        "sub_event_type_macro_f1": macro_f1(gold_subs, pred_subs) if n else 0.0,
        "actor1_accuracy": safe_div(actor_hits[0], n),
        "actor2_accuracy": safe_div(actor_hits[1], n),
        "location_within_10km": safe_div(within10, n),
        "location_within_161km": safe_div(within161, n),
        "median_km": median(distances),
        "date_exact": safe_div(date_hits, date_n),
        "fatalities_exact": safe_div(fatal_hits, n),
        "coded_rate": safe_div(coded_n, n),
        "location_coverage": safe_div(len(distances), n),
    }
    notes = {"rule": "primary event = highest-confidence event with an ACLED type", "date_rows": date_n,
             "gold_actors_without_country": unknown_country, "fatalities_reported": fatal_reported}
    return EvalResult(dataset=ctx.name, n=n, metrics=metrics, errors=errors, notes=notes)
