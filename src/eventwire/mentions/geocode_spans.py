"""Geocode given character spans of a parsed document: toponym resolution alone, recognition left to the caller.

This is the protocol of geoparsing benchmarks that isolate resolution (Mordecai3's figures, GeoVirus): the gold
toponym spans are given, and each is resolved with the gazetteer and the same disambiguation context the
``places`` stage uses. The article's context is the union of the given spans and the toponyms the places stage
recognises on its own, resolved jointly by ``places``' two-pass scorer (gazetteer prior, country focus,
nearness to the other places, "Paris, Texas" containers, one sense per discourse).

A span the gazetteer does not know under its exact text is tried, in turn, without a possessive ("Syria's"),
as a demonym of a country or curated region ("Turkish" -> Turkey), and without a trailing generic feature word
("Rapides Parish" -> "Rapides"); a span still unknown resolves to None.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..resources.gazetteer import GazEntry, Gazetteer, _read_tsv, load_gazetteer, normalise
from . import places as _places

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["geocode_spans"]

GENERIC_SUFFIXES = frozenset({"county", "parish", "province", "state", "city", "district", "region",
                              "governorate", "oblast", "municipality", "prefecture", "township", "borough"})
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")


@functools.cache
def _demonym_names() -> dict[str, str]:
    """Demonym key -> the country or region name it stands for (from the places data the gazetteer is built of)."""
    found: dict[str, str] = {}
    for table in ("countries.tsv", "regions.tsv"):
        for record in _read_tsv(table):
            for demonym in (record.get("demonyms") or "").split("|"):
                key = normalise(demonym)
                if key:
                    found.setdefault(key, record["name"])
    return found


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
    key = normalise(bare)
    names = _demonym_names()
    demonym = names.get(key) or (names.get(key[:-1]) if key.endswith("s") else None)
    if demonym:
        return gazetteer.candidates(demonym)
    words = key.split()
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
    people = {normalise(name) for name in known_people} | _places._person_words(doc)
    ranges: list[tuple[int, int, list[GazEntry]]] = list(_places._recognise(doc, gaz, people))
    recognised = {(start, end) for start, end, _ in ranges}
    wanted: list[tuple[int, int] | None] = []
    for start_char, end_char in spans:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or not span.text.strip():
            wanted.append(None)
            continue
        start, end = _places._trim(doc, span.start, span.end)
        if start >= end:
            start, end = span.start, span.end
        entries = gaz.candidates(doc[start:end].text)
        if not entries:
            start, end, entries = _places._lookup(doc, gaz, start, end)
        if not entries:
            entries = _fallback(gaz, doc[start:end].text)
        if not entries:
            wanted.append(None)
            continue
        wanted.append((start, end))
        if (start, end) not in recognised:
            ranges.append((start, end, entries))
            recognised.add((start, end))
    ranges.sort(key=lambda item: item[0])
    toponyms: dict[str, _places._Toponym] = {}
    for start, end, entries in ranges:
        key = normalise(doc[start:end].text)
        toponym = toponyms.setdefault(key, _places._Toponym(key, entries[:_places.MAX_CANDIDATES]))
        toponym.mentions.append((start, end))
    _places._apply_containers(doc, ranges, toponyms)
    _places._resolve(list(toponyms.values()), context_countries or Counter())
    return [None if item is None else toponyms[normalise(doc[item[0]:item[1]].text)].chosen for item in wanted]
