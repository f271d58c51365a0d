"""Stage ``places``: toponyms found in the parsed article and geocoded against the offline gazetteer.

Requires ``doc``; assigns ``places`` and ``place_mentions``. Reads ``actors`` when an earlier stage filled them
(their countries focus the article; their person names are never toponyms).

Recognition takes spaCy's GPE/LOC/FAC entities, and also PERSON/ORG entities and untagged proper-noun runs
that the gazetteer knows, when the clause makes them places: governed by a locative preposition ("in Rafah"),
object of a movement or attack verb ("stormed Rafah"), or a place too well known to be anything else (a
country, a curated region, a town of more than 100,000). Demonyms ("Israeli") are skipped.

US counties are entries of their own ("Walker County" in Texas, Georgia or Alabama); a bare name listed with
"counties" ("Polk, Story and Dallas counties") is a county, and so is a name the article also names as "X
County" ("DeKalb" with "DeKalb County") unless it is well known otherwise, a town and a county of the name in one
state first. Resolution scores each candidate by its gazetteer prior, the article's country focus (the other places'
countries and the actors' countries), the states or provinces of the other places and of the counties the
article names ("Paris" with "Henry County"), nearness to the other places, and, in local news whose places lie
mostly in one country, a bonus for the town near them; "Paris, Texas" restricts "Paris" to
Texas, and "Kamianka, Donetsk" to villages near Donetsk or in its province. The state most of the article's
names can lie in ("Columbus", "Norfolk" and "Platte County": Nebraska) is its home, whose homonyms gain; a place of
a country the article names gains a little. Coded notes name places as
"Town - Neighbourhood" and "X (Town, Region)": the first is one toponym, the neighbourhood, camp or village where
the gazetteer knows it near the town, else the town; the parenthesised parent contains X, and the most specific
candidate inside it wins (X with none inside stands for the parent). "Jabalia refugee camp" is the camp where
the gazetteer knows one, "Regina, Sask." finds the short form the tokenizer split from its period, and "Al
Mukalla City" the town. All mentions of one name in an article resolve alike (one sense per discourse).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..ids import place_id
from ..model import Place, PlaceMention, Span
from ..resources.gazetteer import GazEntry, Gazetteer, haversine_km, load_gazetteer, normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..pipeline import Analysis

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "district", "province", "region", "state", "area",
                              "county", "port", "camp", "neighbourhood", "neighborhood", "suburb", "capital"})
BLOC_WORDS = frozenset({"west", "east", "north", "south", "global south", "global north"})
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "into", "near", "from", "to", "across", "toward", "towards",
                                   "outside", "inside", "around", "throughout", "within", "through", "via",
                                   "onto", "out", "off", "past", "beyond"})
MOVEMENT_VERBS = frozenset({"enter", "invade", "strike", "shell", "storm", "reach", "attack", "bomb", "capture",
                            "seize", "besiege", "raid", "visit", "leave", "flee", "evacuate", "occupy", "bombard",
                            "target", "hit", "retake", "liberate", "encircle", "surround", "overrun", "pound",
                            "recapture", "control", "annex"})
ASSAULT_NOUNS = frozenset({"attack", "offensive", "assault", "strike", "operation", "invasion", "incursion",
                           "raid", "bombardment", "shelling", "airstrike", "advance", "push", "siege"})
DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                        "northeastern", "northwestern", "southeastern", "southwestern", "occupied"})
TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "prime", "sen", "senator", "rep", "gen",
                    "general", "king", "queen", "prince", "sheikh", "judge", "mayor", "governor", "secretary",
                    "ambassador", "spokesman", "spokeswoman", "chancellor", "pope", "colonel", "lieutenant"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "argue", "insist", "warn", "claim", "deny", "state",
                          "write", "ask", "reply", "explain", "note", "believe", "think"})
CURRENCY_WORDS = frozenset({"dollar", "dollars"})
WELL_KNOWN_POPULATION = 100_000
MAX_CANDIDATES = 25
FOCUS_WEIGHT = 1.5       # at most this much for a candidate in the article's only country
NEARBY_WEIGHT = 1.0      # at most this much for a candidate within NEAR_KM of another place of the article
DIVISION_WEIGHT = 2.0    # for a town in a state or province the article names
LOCAL_WEIGHT = 5.0       # at most this much for a town in the country a local article reports from
LOCAL_MARKERS = 3        # local places or markers ("Laurel County", "6016 Dublin Road") that make an article local
LOCAL_KM = 150.0         # a local article's town lies this close to another of its places
RIVAL_WEIGHT = 6.0       # for a town over a country or state of its name, with the article's places around it
STATE_WEIGHT = 1.5       # at most this much for a town in the state or province of the article's other places
RESOLVE_PASSES = 3
NAMED_COUNTRY_WEIGHT = 1.0   # for a place of a country the article names
HOME_WEIGHT = 4.0            # at most this much for a place in the state most of the article's names can be in
HOME_SHARE = 0.5             # of the article's names that its home state must be able to take
ALTERNATE_NAME_PENALTY = 2.0   # for a town known under this name only as an alternate (or former) name
NEAR_KM = 50.0
PAIR_WEIGHT = 1.0          # for a town and a county of one name in one state ("DeKalb" and "DeKalb County")
FAR_KM = 500.0
DASHES = frozenset({"-", "\u2013", "\u2014"})
NAME_PARTICLES = frozenset({"al", "el", "as", "ash", "an", "ad", "ar", "at", "az", "ath", "adh", "ed", "es", "et",
                            "ez", "ibn", "bin", "bint", "de", "del", "la", "le", "'", "\u2019", "of"})
NEIGHBOURHOOD_KM = 15.0  # a neighbourhood, camp or village named with its town ("Gaza - Shujaiyya") lies this close
DISTRICT_KM = 60.0       # a place named with its district town in parentheses ("Burin (Nablus, West Bank)")
SPECIFIC_KINDS = frozenset({"city"})
TOWN_WORDS = frozenset({"city", "town", "village"})
PRECISION = {"city": "town", "region": "region", "admin1": "region", "admin2": "region", "country": "country"}


@dataclass(slots=True)
class Toponym:
    """One name of the article (all its mentions) and the gazetteer entries it may be."""

    key: str
    candidates: list[GazEntry]
    mentions: list[tuple[int, int]] = field(default_factory=list)   # token ranges
    chosen: GazEntry | None = None


def find_places(doc: "Doc", gazetteer: Gazetteer, context_countries: Counter[str] | None = None, *,
                known_people: Iterable[str] = ()) -> tuple[list[Place], list[PlaceMention]]:
    """Toponyms of ``doc`` resolved to places (one ``Place`` per place, with all its mentions)."""
    people = {normalise(name) for name in known_people} | person_words(doc)
    ranges = recognise(doc, gazetteer, people)
    return _records(doc, ranges, resolve_ranges(doc, gazetteer, ranges, context_countries))


def resolve_ranges(doc: "Doc", gazetteer: Gazetteer, ranges: list[tuple[int, int, list[GazEntry]]],
                   context_countries: Counter[str] | None = None) -> dict[str, Toponym]:
    """One toponym per distinct name over the recognised token ranges, resolved together (containers, the
    article's countries, named counties); keyed by the normalised name."""
    toponyms: dict[str, Toponym] = {}
    for start, end, entries in ranges:
        key = normalise(doc[start:end].text)
        toponym = toponyms.setdefault(key, Toponym(key, entries[:MAX_CANDIDATES]))
        toponym.mentions.append((start, end))
    county_senses(doc, gazetteer, toponyms)
    apply_containers(doc, ranges, toponyms)
    resolve(list(toponyms.values()), context_countries or Counter(), county_states(doc, gazetteer))
    return toponyms


def place_stage(analysis: "Analysis") -> None:
    """Pipeline stage: requires ``doc``; assigns ``places`` and ``place_mentions``."""
    if analysis.doc is None:
        return
    context: Counter[str] = Counter()
    people: list[str] = []
    for actor in analysis.actors:
        if actor.country:
            context[actor.country] += max(1, len(actor.mentions))
        if actor.kind == "person":
            people.append(actor.name)
            people.extend(mention.text for mention in actor.mentions)
    places, mentions = find_places(analysis.doc, load_gazetteer(), context, known_people=people)
    analysis.places = places
    analysis.place_mentions = mentions


# ------------------------------------------------------------------------------------------------ recognition


def person_words(doc: "Doc") -> set[str]:
    """Single words of multi-word PERSON names in ``doc`` ("Austin" of "Lloyd Austin"): later they are people."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            words.update(normalise(token.text) for token in ent if token.is_title)
    return words


def _demonym_only(gazetteer: Gazetteer, text: str) -> bool:
    """"Israeli" is an adjective, not a place; but "U.S." (which normalises like a demonym) names a country."""
    if "." in text and any(e.kind == "country" for e in gazetteer.candidates(text)):
        return False
    return gazetteer.is_demonym(text)


def trim_span(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


def recognise(doc: "Doc", gazetteer: Gazetteer,
               people: set[str]) -> list[tuple[int, int, list[GazEntry]]]:
    found: list[tuple[int, int, list[GazEntry]]] = []
    taken: set[int] = set()

    def take(start: int, end: int, entries: list[GazEntry]) -> None:
        if end < len(doc) and doc[end].lower_ in CURRENCY_WORDS:
            return  # "the US dollar", "Hong Kong dollars": a currency, not a place
        found.append((start, end, entries))
        taken.update(range(start, end))

    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        for start, end in _parts(doc, gazetteer, ent.start, ent.end):
            start, end = trim_span(doc, start, end)
            if start >= end or _demonym_only(gazetteer, doc[start:end].text):
                continue
            if end - start == 1 and doc[start].lower_ in BLOC_WORDS:
                continue  # "the West", "the East": geopolitical blocs, not the town of West, Texas
            start, end, entries = lookup_span(doc, gazetteer, start, end)
            entries = entries or listed_counties(doc, gazetteer, start, end)
            if entries:
                take(start, end, entries)
    others = [part for start, end in _other_spans(doc, taken) for part in _parts(doc, gazetteer, start, end)]
    for start, end in sorted(others):
        start, end = trim_span(doc, start, end)
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        text = doc[start:end].text
        if normalise(text) in people or _demonym_only(gazetteer, text) or not doc[start].text[:1].isupper():
            continue
        start, end, entries = lookup_span(doc, gazetteer, start, end)
        if entries and (_licensed(doc[start:end], entries, people) or _appended(doc, start, end, entries, taken)):
            take(start, end, entries)
        elif not entries:
            entries = listed_counties(doc, gazetteer, start, end)
            if entries:
                take(start, end, entries)
    found.sort(key=lambda item: item[0])
    return town_localities(doc, gazetteer, found)


LIST_MARKS = frozenset({",", "(", ")", ";", "/"})
CONTAINER_KINDS = frozenset({"country", "region", "admin1", "admin2"})


def _parts(doc: "Doc", gazetteer: Gazetteer, start: int, end: int) -> list[tuple[int, int]]:
    """An entity the small model ran over a place and its container ("Nis, Serbia", "Encarnacion (Itapua",
    "Cienaga, Magdalena department"): where the whole is unknown, its parts between commas and brackets."""
    if not any(doc[i].text in LIST_MARKS for i in range(start, end)) or gazetteer.candidates(doc[start:end].text):
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    begin = start
    for i in range(start, end + 1):
        if i == end or doc[i].text in LIST_MARKS:
            if i > begin:
                parts.append((begin, i))
            begin = i + 1
    return parts


def _appended(doc: "Doc", start: int, end: int, entries: list[GazEntry], taken: set[int]) -> bool:
    """Coded notes name a place's containers after it: "in Takalout (Kidal)", "Kasumbalesa (Sakania,
    Haut-Katanga)", "in Cienaga, Magdalena department", "Azra district, Logar". A known name in brackets after a
    capitalised name, or after a comma following a place, is a place; so is a division or country after a comma
    following a capitalised name."""
    if start < 2:
        return False
    mark, before = doc[start - 1].text, doc[start - 2]
    closing = doc[end].text if end < len(doc) else "."
    if mark == "(" and (before.text[:1].isupper() or before.lower_ in SETTLEMENT_NOUNS) and closing in (")", ","):
        return True  # "in Takalout (Kidal)", "Al Azariq district (Ad Dali)"
    if mark != ",":
        return False
    if start - 2 in taken:
        return True
    # "(Kismaayo, Lower Juba)": the second of a bracketed pair; "Azra district, Logar": a division after a name
    bracket = next((doc[i].text for i in range(start - 2, max(-1, start - 8), -1) if doc[i].text in "()"), "")
    if bracket == "(" and closing == ")":
        return True
    return (any(e.kind in CONTAINER_KINDS for e in entries)
            and (before.text[:1].isupper() or before.lower_ in SETTLEMENT_NOUNS | {"subdivision", "township"}))


def _name_run(doc: "Doc", start: int, step: int) -> int:
    """The far end of the run of name words from ``start`` going ``step`` (+1 right, -1 left): capitalised words
    and the particles of Arabic and Romance names ("Ash Shati' Camp", "Tal as Sultan"); returned exclusive on
    the right, inclusive on the left."""
    i = start
    while 0 <= i < len(doc):
        token = doc[i]
        if not (token.text[:1].isupper() or (token.lower_ in NAME_PARTICLES and i != start)):
            break
        i += step
    if step < 0:
        i += 1
        while i < start and doc[i].lower_ in NAME_PARTICLES and not doc[i].text[:1].isupper():
            i += 1
        return i
    while i > start and doc[i - 1].lower_ in NAME_PARTICLES and not doc[i - 1].text[:1].isupper():
        i -= 1
    return i


def town_localities(doc: "Doc", gazetteer: Gazetteer,
                    found: list[tuple[int, int, list[GazEntry]]]) -> list[tuple[int, int, list[GazEntry]]]:
    """"Gaza - Shujaiyya", "Khan Younis - Al Mawasi": a town, a spaced dash and a place of that town make one
    toponym, the named neighbourhood, camp or village where the gazetteer knows it near the town, else the town
    itself. Without a known locality the pattern needs the parenthesised parent that follows it in coded notes
    ("Rafah - Al Junaina (Rafah, Gaza Strip)") before it stands for the town."""
    merged: list[tuple[int, int, list[GazEntry]]] = []
    for k, token in enumerate(doc):
        if token.text not in DASHES or k == 0 or k + 1 >= len(doc):
            continue
        if not doc[k - 1].whitespace_ or not token.whitespace_:
            continue  # "Al-Mawasi", "pro-Iran": a hyphen inside a word
        left, right = _name_run(doc, k - 1, -1), _name_run(doc, k + 1, 1)
        if left >= k or right <= k + 1:
            continue
        towns: list[GazEntry] = []
        for start in range(left, k):  # the longest name before the dash that is a town
            towns = [e for e in gazetteer.candidates(doc[start:k].text) if e.kind in SPECIFIC_KINDS]
            if towns:
                break
        if not towns:
            continue
        part = doc[k + 1:right].text
        specific = gazetteer.candidates(f"{doc[start:k].text} {part}")
        specific += [e for e in gazetteer.candidates(part) if e.kind in SPECIFIC_KINDS and e not in specific
                     and any(_distance(e, town) <= NEIGHBOURHOOD_KM for town in towns)]
        if specific:
            merged.append((start, right, specific))
        elif right < len(doc) and doc[right].text == "(":
            merged.append((start, right, towns))
    if not merged:
        return found
    covered = {i for start, end, _ in merged for i in range(start, end)}
    kept = [item for item in found if not any(i in covered for i in range(item[0], item[1]))]
    return sorted(kept + merged, key=lambda item: item[0])


def _other_spans(doc: "Doc", taken: set[int]) -> list[tuple[int, int]]:
    """PERSON/ORG/… entities and untagged proper-noun runs: where the small model's toponyms hide."""
    spans = [(ent.start, ent.end) for ent in doc.ents if ent.label_ in MISLABELS]
    in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in in_entity and i not in taken:
            j = i
            while j < len(doc) and j not in in_entity and (doc[j].pos_ == "PROPN" or _joining_hyphen(doc, j)):
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def _joining_hyphen(doc: "Doc", i: int) -> bool:
    """The hyphen of "Haut-Katanga", "Kafr-Nabl": unspaced, between two proper nouns."""
    return (doc[i].text in DASHES and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i - 1].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN")


def lookup_span(doc: "Doc", gazetteer: Gazetteer, start: int, end: int) -> tuple[int, int, list[GazEntry]]:
    """Entries for ``doc[start:end]``, widened to a direction word before it where the wider name is known
    ("northern Gaza"), narrowed past one where only the bare name is ("eastern Ukraine")."""
    if start > 0 and (doc[start - 1].lower_ in DIRECTIONS or (
            doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].text[:1].isupper())):
        # "northern Gaza"; "Ad Dali" of which the entity took only "Dali"
        wider = gazetteer.candidates(doc[start - 1:end].text)
        if wider:
            return start - 1, end, wider
    for width in (2, 1):  # "Jabalia refugee camp", "Nuseirat camp": the camp where the gazetteer knows it
        words = [t.lower_ for t in doc[end:end + width]]
        if words and words[-1] == "camp" and len(words) == width and (width == 1 or words[0] == "refugee"):
            camp = gazetteer.candidates(doc[start:end + width].text)
            if camp:
                return start, end + width, camp
    entries = gazetteer.candidates(doc[start:end].text)
    if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_ and (
            not entries or (start > 0 and doc[start - 1].text == ",")):
        # "Regina, Sask.", "Hinton, Alta.": the tokenizer splits the period off a short form that is known only
        # with it; after a town and its comma the short form is the division even where towns share the name
        dotted = [e for e in gazetteer.candidates(doc[start:end].text + ".") if e.kind != "city"]
        entries = dotted or entries
    if not entries and end - start > 1 and doc[start].lower_ in DIRECTIONS:
        # "eastern Ukraine" is Ukraine, but "West Zone" is no town called Zone
        bare = gazetteer.candidates(doc[start + 1:end].text)
        if any(e.kind != "city" or e.population > WELL_KNOWN_POPULATION for e in bare):
            return start + 1, end, bare
        return start, end, []
    if not entries and end - start > 1 and doc[end - 1].lower_ in TOWN_WORDS:
        # "Al Mukalla City", "Paletwa Town": the town under its bare name
        entries = [e for e in gazetteer.candidates(doc[start:end - 1].text) if e.kind in SPECIFIC_KINDS]
    return start, end, entries


def _licensed(span: "SpacySpan", entries: list[GazEntry], people: set[str]) -> bool:
    """Whether a name the NER did not call a place is one here (see the module docstring)."""
    root = span.root
    if span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in TITLES:
        return False
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS:
        if not any(e.kind in ("country", "region") for e in entries):
            return False
    governor = _governor(root)
    if governor.dep_ == "pobj" and governor.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    if governor.dep_ == "pobj" and governor.head.lower_ == "of" and governor.head.head.lemma_ in SETTLEMENT_NOUNS:
        return True  # "the town of Mellit", "the port city of Hodeidah"
    if governor.dep_ == "pobj" and governor.head.lower_ == "on" and (
            governor.head.head.lemma_ in ASSAULT_NOUNS or governor.head.head.lemma_ in MOVEMENT_VERBS):
        return True
    if governor.dep_ in ("dobj", "obj") and governor.head.lemma_ in MOVEMENT_VERBS:
        return True
    # Well known under this very name: "Hamas" is an alternate name of Hamm, which does not make it a place.
    key = normalise(span.text)
    return any(e.kind in ("country", "region")
               or (e.population > WELL_KNOWN_POPULATION and normalise(e.name) == key) for e in entries)


def _governor(token: "Token") -> "Token":
    """The first conjunct of a coordination ("in Rafah and Khan Younis": "Khan Younis" is governed by "in")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


# ------------------------------------------------------------------------------------------------ resolution


COUNTY_WORDS = frozenset({"County", "Parish"})
COUNTY_PLURALS = {"counties": "County", "parishes": "Parish"}
LIST_JOINS = frozenset({",", "and", "or", "&"})
LIST_LEADS = frozenset({":", "of", "-", "\u2013", "\u2014", "\u201d", "including", "include", "includes", "are",
                        "in", "like", "as", "such"})


def _county_list(doc: "Doc", start: int, end: int) -> tuple[str, int] | None:
    """"Polk, Story and Dallas counties", "the counties of Hall, Adams and Buffalo", the
    "Greenbrier-Pocahontas County boundary": the county word of a list of bare county names that the name at
    ``start:end`` belongs to, and how many names the list has; else None."""
    joins = 0
    i = start - 1
    while i >= 0 and start - i < 16 and (doc[i].lower_ in LIST_JOINS or doc[i].text[:1].isupper()):
        joins += doc[i].lower_ in LIST_JOINS
        i -= 1
    i = end
    while i < len(doc) and i - end < 16:
        token = doc[i]
        if token.lower_ in COUNTY_PLURALS:
            return COUNTY_PLURALS[token.lower_], joins + 1
        if token.text in COUNTY_WORDS and i == end + 2 and doc[end].text in DASHES and not doc[end].whitespace_:
            return token.text, 2  # "Greenbrier-Pocahontas County"
        if not (token.lower_ in LIST_JOINS or token.text[:1].isupper()):
            break
        joins += token.lower_ in LIST_JOINS
        i += 1
    i = start - 1
    joins = 0
    while i >= 0 and start - i < 16 and (doc[i].lower_ in LIST_JOINS or doc[i].text[:1].isupper()):
        joins += doc[i].lower_ in LIST_JOINS
        i -= 1
    for j in range(i, max(-1, i - 3), -1):
        if doc[j].lower_ in COUNTY_PLURALS:
            after = end
            while after < len(doc) and after - end < 16 and (doc[after].lower_ in LIST_JOINS
                                                             or doc[after].text[:1].isupper()):
                joins += doc[after].lower_ in LIST_JOINS
                after += 1
            return COUNTY_PLURALS[doc[j].lower_], joins + 1
        if doc[j].lower_ not in LIST_LEADS:
            break
    return None


def listed_counties(doc: "Doc", gazetteer: Gazetteer, start: int, end: int) -> list[GazEntry]:
    """The counties a bare name the gazetteer does not know may be, where a list of counties holds it ("Polk,
    Story and Dallas counties")."""
    listed = _county_list(doc, start, end)
    if listed is None:
        return []
    return [e for e in gazetteer.candidates(f"{doc[start:end].text} {listed[0]}") if e.kind == "admin2"]


def _named_counties(doc: "Doc") -> set[str]:
    """The keys of the "X County" and "X Parish" names of ``doc``."""
    names: set[str] = set()
    for token in doc:
        if token.text in COUNTY_WORDS and token.i > 0:
            start = _name_run(doc, token.i - 1, -1)
            if start < token.i and token.i - start <= 3:
                names.add(normalise(doc[start:token.i + 1].text))
    return names


def county_senses(doc: "Doc", gazetteer: Gazetteer, toponyms: dict[str, Toponym]) -> None:
    """Bare names of counties. A name listed with "counties" ("Polk, Story and Dallas counties")
    is one of the counties of that name, unless it stands alone and is a country, a division or a town well known
    under that name ("Indiana counties", "the metro Athens counties"). A name the article also names as "X
    County" ("DeKalb" with "DeKalb County", "Henrico police" with "Henrico County") may be the county or its
    namesake town, unless it is well known; a town and a county of the name in one state come first."""
    named: set[str] | None = None
    for toponym in toponyms.values():
        if toponym.key.split()[-1] in ("county", "parish", "co"):
            continue
        well_known = any(c.kind in ("country", "admin1", "region") or c.population > WELL_KNOWN_POPULATION
                         for c in toponym.candidates)
        counties: list[GazEntry] = []
        for start, end in toponym.mentions:
            listed = _county_list(doc, start, end)
            if listed and (listed[1] > 1 or not well_known):
                counties = [e for e in gazetteer.candidates(f"{doc[start:end].text} {listed[0]}")
                            if e.kind == "admin2"]
                if counties:
                    break
        if not counties and not well_known:
            if named is None:
                named = _named_counties(doc)
            wanted = [key for key in (f"{toponym.key} county", f"{toponym.key} parish") if key in named]
            counties = [e for key in wanted for e in gazetteer.candidates(key) if e.kind == "admin2"]
            if counties:
                towns = [c for c in toponym.candidates if c.kind == "city" and normalise(c.name) == toponym.key]
                paired = {(t.country, t.admin1) for t in towns} & {(c.country, c.admin1) for c in counties}
                counties = [replace(e, prior=e.prior + PAIR_WEIGHT) if (e.country, e.admin1) in paired else e
                            for e in [*counties, *towns]]
        if counties:
            toponym.candidates = counties[:MAX_CANDIDATES]


def county_states(doc: "Doc", gazetteer: Gazetteer) -> Counter[tuple[str, str]]:
    """The states that have a county the article names ("Henry County", "Rapides Parish"), once per county name:
    local news names the counties of its towns, so the towns of those states come first."""
    found: Counter[tuple[str, str]] = Counter()
    seen: set[str] = set()
    for token in doc:
        if token.text not in COUNTY_WORDS or token.i == 0:
            continue
        start = _name_run(doc, token.i - 1, -1)
        if start >= token.i or token.i - start > 3:
            continue
        name = normalise(doc[start:token.i + 1].text)
        if name in seen:
            continue
        seen.add(name)
        for state in gazetteer.county_states(name):
            if state.country:
                found[(state.country, state.name)] += 1
    return found



def apply_containers(doc: "Doc", ranges: list[tuple[int, int, list[GazEntry]]],
                      toponyms: dict[str, Toponym]) -> None:
    """"Paris, Texas" and "Nyala, Sudan": the second name restricts the first to places inside it."""
    by_start = {start: (end, entries) for start, end, entries in ranges}
    _divisions_named(doc, ranges, toponyms)
    for start, end, _ in ranges:
        if end + 1 >= len(doc) or doc[end].text != "," or end + 1 not in by_start:
            continue
        containers = by_start[end + 1][1]
        container = containers[0]
        toponym = toponyms[normalise(doc[start:end].text)]
        areas: list[GazEntry] = []
        if container.kind in ("country", "admin1", "admin2", "region"):
            inside = [c for c in toponym.candidates if c is not container and _inside(c, container)]
        elif container.kind in SPECIFIC_KINDS and toponym.candidates[0].kind in SPECIFIC_KINDS:
            # "Orikhove, Luhansk", "Kamianka, Donetsk": a village named with its district town or the province
            # named after that town
            areas = [a for a in containers if a.kind in ("admin1", "admin2") and a.country == container.country]
            inside = [c for c in toponym.candidates if c.kind in SPECIFIC_KINDS and c not in containers and (
                _distance(c, container) <= DISTRICT_KM or any(_inside(c, area) for area in areas))]
        else:
            continue
        if inside:
            toponym.candidates = inside
    # "Shujaiyya (Gaza City, Gaza Strip)", "Burin (Nablus, West Bank)": the parenthesised parent contains the
    # place; the most specific candidate inside it wins, and a name with none inside stands for the parent.
    for start, end, _ in ranges:
        if end + 1 >= len(doc) or doc[end].text != "(" or end + 1 not in by_start:
            continue
        parent_end = by_start[end + 1][0]
        parent = toponyms[normalise(doc[end + 1:parent_end].text)]
        if not parent.candidates:
            continue
        toponym = toponyms[normalise(doc[start:end].text)]
        if toponym is parent:
            continue
        container = parent.candidates[0]
        if container.kind not in SPECIFIC_KINDS:
            # "Ludhiana (Punjab)": of the divisions of that name, the one that contains a place of the name
            holding = [c for c in parent.candidates if c.kind in CONTAINER_KINDS
                       and any(t is not c and t.kind in SPECIFIC_KINDS and _inside(t, c) for t in toponym.candidates)]
            if holding and container not in holding:
                container = holding[0]
                parent.candidates = [container]
        if container.kind in SPECIFIC_KINDS:
            inside = [c for c in toponym.candidates
                      if c.kind in SPECIFIC_KINDS and _distance(c, container) <= DISTRICT_KM]
        else:
            inside = [c for c in toponym.candidates if c is not container and _inside(c, container)]
        if container.lat is None:  # a division without a point: the town itself, if it lies in that country
            inside = inside or [c for c in toponym.candidates if c.country == container.country]
        toponym.candidates = inside or [container]


STATE_WORDS = frozenset({"state", "border", "line", "legislature", "governor", "senate", "senator"})


def _divisions_named(doc: "Doc", ranges: list[tuple[int, int, list[GazEntry]]],
                     toponyms: dict[str, Toponym]) -> None:
    """"New York" is the city, but "Rego Park, New York", "the New York border", "upstate New York" and "Ohio,
    New York and Virginia" name the state: a name of both after a town and its comma, before a word of states,
    after "upstate", or listed with states is the division."""
    by_start = {start: end for start, end, _ in ranges}
    by_end = {end: start for start, end, _ in ranges}
    for start, end, _ in ranges:
        toponym = toponyms[normalise(doc[start:end].text)]
        divisions = [c for c in toponym.candidates if c.kind == "admin1"]
        if not divisions or not any(c.kind == "city" for c in toponym.candidates):
            continue
        if any(c.kind in ("country", "region") for c in toponym.candidates):
            continue
        after = doc[end].lower_ if end < len(doc) else ""
        before = doc[start - 1].lower_ if start > 0 else ""
        previous = by_end.get(start - 1)
        following = by_start.get(end + 1)
        neighbours = [toponyms[normalise(doc[a:b].text)] for a, b in [(end + 1, following), (previous, start - 1)]
                      if a is not None and b is not None]
        in_list = before in (",", "and") or after in (",", "and")
        after_town = (before == "," and previous is not None and after not in (",", "and", "or")
                      and (previous == 0 or doc[previous - 1].text not in (",", "and")))
        if (after in STATE_WORDS or before == "upstate" or after_town
                or (in_list and neighbours and all(n.candidates and n.candidates[0].kind == "admin1"
                                                   for n in neighbours))):
            toponym.candidates = divisions


def _inside(entry: GazEntry, container: GazEntry) -> bool:
    if container.kind == "country":
        return entry.country == container.country
    if container.kind == "admin1" and entry.admin1 is not None:
        return entry.country == container.country and entry.admin1 == container.name
    if container.lat is None:
        return entry.country == container.country
    return _distance(entry, container) < FAR_KM and (container.country is None
                                                      or entry.country == container.country)


def _distance(a: GazEntry, b: GazEntry) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return float("inf")
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def resolve(toponyms: list[Toponym], context: Counter[str],
            local: Counter[tuple[str, str]] | None = None, markers: Counter[str] | None = None) -> None:
    """Passes: prior and the actors' countries; then, repeated, the article's focus (its countries and its
    states or provinces), its divisions and nearby places. ``local`` holds the states the article's other words
    point to ("Laurel County", "Ga.")."""
    home = _home_state(toponyms, local or Counter())
    for toponym in toponyms:
        toponym.chosen = max(toponym.candidates, key=lambda c: _score(c, toponym.key, context, [], set()))
    for _ in range(RESOLVE_PASSES):
        changed = False
        for toponym in toponyms:
            focus = Counter(context)
            states: Counter[tuple[str, str]] = Counter(local or {})
            strength: Counter[str] = Counter(markers or {})
            points: list[GazEntry] = []
            divisions: set[tuple[str | None, str]] = set()
            named: set[str] = set()
            for other in toponyms:
                if other is toponym or other.chosen is None:
                    continue
                if other.chosen.country and other.chosen.kind in ("country", "admin1"):
                    named.add(other.chosen.country)
                if other.chosen.country:
                    focus[other.chosen.country] += len(other.mentions)
                if other.chosen.kind != "country":
                    points.append(other.chosen)
                    if other.chosen.country:
                        strength[other.chosen.country] += 1
                if other.chosen.kind == "admin1":
                    divisions.add((other.chosen.country, other.chosen.name))
                if other.chosen.country and other.chosen.admin1 and other.chosen.kind in ("city", "admin1", "admin2"):
                    states[(other.chosen.country, other.chosen.admin1)] += len(other.mentions)
            rivals = any(c.kind != "city" for c in toponym.candidates)
            best = max(toponym.candidates,
                       key=lambda c: _score(c, toponym.key, focus, points, divisions, states, strength, rivals)
                       + _named_country(c, named) + _at_home(c, home))
            changed = changed or best is not toponym.chosen
            toponym.chosen = best
        if not changed:
            break


def _home_state(toponyms: list[Toponym], local: Counter[tuple[str, str]]) -> tuple[tuple[str, str], int] | None:
    """The state or province most of the article's names can lie in, and how many can ("Columbus", "Norfolk"
    and "Platte County" can all be in Nebraska, only one of them in Ohio): local news names the towns, counties
    and the state around its own. A tie goes to the state whose towns of those names are larger. None where no
    state takes two names and half of them, or the tie stands."""
    cover: Counter[tuple[str, str]] = Counter()
    towns: dict[tuple[str, str], float] = defaultdict(float)  # priors of the largest towns there, for ties
    mentions: Counter[tuple[str, str]] = Counter()  # mentions of the names that can lie there, for ties
    for toponym in toponyms:
        states: dict[tuple[str, str], float] = {}
        for c in toponym.candidates:  # a town's other names are noise here
            if (c.country is not None and c.admin1 is not None and c.kind in ("city", "admin1", "admin2")
                    and (c.kind != "city" or normalise(c.name) == toponym.key)):
                states[(c.country, c.admin1)] = max(states.get((c.country, c.admin1), 0.0),
                                                    c.prior if c.kind == "city" else 0.0)
        for state, prior in states.items():
            cover[state] += 1
            mentions[state] += len(toponym.mentions)
            towns[state] += prior
    for state in local:
        cover[state] += 1
    # "Orange County" and "California" (five times) against "Orange County" and "Greece": the names mentioned
    # more; "Paris" and "Henry County" fit Tennessee, Kentucky and Illinois alike: the largest Paris among them
    ranked = sorted(cover.items(), key=lambda item: (item[1], mentions[item[0]], towns[item[0]]), reverse=True)[:2]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]
                                          and mentions[ranked[1][0]] == mentions[ranked[0][0]]
                                          and towns[ranked[1][0]] == towns[ranked[0][0]]):
        return None
    counties = max(local.values(), default=0)  # at least this many county names (a state has each of them)
    if ranked[0][1] < HOME_SHARE * (len(toponyms) + counties):
        return None
    return ranked[0]


def _at_home(entry: GazEntry, home: tuple[tuple[str, str], int] | None) -> float:
    if home is None or entry.kind == "country" or (entry.country, entry.admin1) != home[0]:
        return 0.0
    return HOME_WEIGHT * min(1.0, (home[1] - 1) / 2)


def _named_country(entry: GazEntry, named: set[str]) -> float:
    """A little for a place of a country the article names, by name or through one of its divisions."""
    return NAMED_COUNTRY_WEIGHT if entry.country in named and entry.kind != "country" else 0.0


def _score(entry: GazEntry, key: str, focus: Counter[str], points: list[GazEntry],
           divisions: set[tuple[str | None, str]], states: Counter[tuple[str, str]] | None = None,
           strength: Counter[str] | None = None, rivals: bool = False) -> float:
    score = entry.prior
    if entry.kind == "city" and normalise(entry.name) != key and not (entry.ref or "").startswith("locality:"):
        score -= ALTERNATE_NAME_PENALTY  # "Salisbury" is Harare's old name; the town called Salisbury comes first
    total = sum(focus.values())
    if total and entry.country:
        score += FOCUS_WEIGHT * focus[entry.country] / total
    if entry.admin1 is not None and entry.kind in ("city", "admin2") and (entry.country, entry.admin1) in divisions:
        score += DIVISION_WEIGHT  # the article names the town's (or county's) state or province
    if states and entry.kind in ("city", "admin1", "admin2") and entry.country and entry.admin1:
        in_country = sum(n for (country, _), n in states.items() if country == entry.country)
        if in_country:
            score += STATE_WEIGHT * states[(entry.country, entry.admin1)] / in_country
    nearest = min((_distance(entry, point) for point in points), default=float("inf"))
    if nearest < FAR_KM and entry.kind != "country":
        score += NEARBY_WEIGHT * min(1.0, (FAR_KM - nearest) / (FAR_KM - NEAR_KM))
    if (strength and entry.kind == "city" and entry.country and strength[entry.country]
            and normalise(entry.name) == key and min((_distance(entry, point) for point in points
                                                       if point.kind == "city"), default=float("inf")) <= LOCAL_KM):
        # local news: a town near the article's other towns of one country is the homonym meant ("Paris" among
        # the towns of East Texas); a country or state of the name yields only to strong support (rivals)
        share = strength[entry.country] / sum(strength.values())
        share = max(0.0, (share - 0.5) * 2)  # a country that most of the article's places are in
        bonus = LOCAL_WEIGHT * min(1.0, strength[entry.country] / LOCAL_MARKERS) * share
        if rivals:
            in_country = sum(n for (country, _), n in (states or Counter()).items() if country == entry.country)
            state_share = (states or Counter())[(entry.country, entry.admin1 or "")] / in_country if in_country else 0.0
            bonus = RIVAL_WEIGHT if (state_share >= 0.5 and strength[entry.country] >= LOCAL_MARKERS
                                     and nearest <= NEAR_KM) else 0.0
        score += bonus
    return score


def _records(doc: "Doc", ranges: list[tuple[int, int, list[GazEntry]]],
             toponyms: dict[str, Toponym]) -> tuple[list[Place], list[PlaceMention]]:
    mentions: list[PlaceMention] = []
    spans: dict[str, list[Span]] = defaultdict(list)
    entries: dict[str, GazEntry] = {}
    for start, end, _ in ranges:
        chosen = toponyms[normalise(doc[start:end].text)].chosen
        if chosen is None:
            continue
        identifier = _place_id(chosen)
        entries.setdefault(identifier, chosen)
        span = doc[start:end]
        evidence = Span(span.start_char, span.end_char, span.text)
        spans[identifier].append(evidence)
        mentions.append(PlaceMention(span=evidence, place=identifier, start_token=start, end_token=end,
                                     head=span.root.i))
    places = [Place(id=identifier, name=entry.name, kind=entry.kind, country=entry.country, admin1=entry.admin1,
                    lat=entry.lat, lon=entry.lon, precision=PRECISION.get(entry.kind, "region"),
                    mentions=tuple(spans[identifier]))
              for identifier, entry in entries.items()]
    return places, mentions


def _place_id(entry: GazEntry) -> str:
    if entry.geonames_id is not None:
        return place_id(entry.geonames_id, entry.name, entry.country)
    return place_id(entry.ref, entry.name, entry.country)
