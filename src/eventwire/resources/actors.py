"""The actor knowledge base: people, organisations, armed groups and countries, with dated roles.

Read from ``data/actors`` (see its ``manifest.json``): every ``*.yaml`` file is a list of actor entries,
``countries.tsv`` gives the country actors with their aliases, demonyms and capitals, ``agents.tsv`` the generic
agent nouns ("troops", "police") and ``roles.tsv`` the role phrases ("prime minister"). ``load_kb()`` reads and
indexes them once per process; nothing is read at import. Name matching rules live in ``actor_index``.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources as importlib_resources
from typing import Any

import yaml

from ..errors import ConfigError
from .actor_index import (as_date, as_strings, has_capitals, is_acronym, name_key, phrase_key, qid_of,
                          split_multi, tsv_rows, unique, word_key)

TOP_KEYS = ("head_of_state", "head_of_government")
LEADER_ANY = "leader_any"
LEADER_ORDER = ("head_of_government", "head_of_state", "leader")
FUZZY_MIN_CHARS = 5
_DATA = "data/actors"


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """One spell in a role: "Prime Minister" (key ``head_of_government``) of ISR from ``start`` to ``end``."""

    title: str
    key: str
    country: str | None
    sector: tuple[str, ...]
    start: date | None
    end: date | None

    def holds_on(self, on: date | None) -> bool:
        """Whether the spell covers ``on`` (both ends inclusive); with no date, whether it is still open."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class KBActor:
    """An actor the knowledge base knows by name."""

    id: str
    name: str
    kind: str                          # person | organization | group | country
    country: str | None                # ISO 3166-1 alpha-3
    sector: tuple[str, ...]
    aliases: tuple[str, ...]
    wikidata: str | None
    gender: str | None
    roles: tuple[RoleSpell, ...]
    descriptors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AgentSpec:
    """A generic agent noun ("troops": MIL, group) that becomes an actor with a country ("Israeli troops")."""

    lemma: str
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """One row of ``countries.tsv``."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    wikidata: str | None

    def actor(self) -> KBActor:
        ident = f"wd:{self.wikidata}" if self.wikidata else f"ew:country:{self.iso3}"
        return KBActor(ident, self.name, "country", self.iso3, (), self.aliases, self.wikidata, None, (), ())


def _top_rank(spell: RoleSpell) -> int:
    """0 for head of state, 1 for head of government, 2 for any other role (one president holds both)."""
    return TOP_KEYS.index(spell.key) if spell.key in TOP_KEYS else len(TOP_KEYS)


class ActorKB:
    """Indexes over the actors; build with ``load_kb()`` (cached) or ``ActorKB(...)`` for tests and overlays."""

    def __init__(self, actors: Sequence[KBActor], countries: Sequence[CountryInfo] = (),
                 agents: Sequence[tuple[AgentSpec, tuple[str, ...]]] = (),
                 roles: Sequence[tuple[str, str, str]] = ()) -> None:
        self._actors = list(actors)
        self._fuzzy_memo: dict[tuple[str, float], list[tuple[KBActor, float]]] = {}
        self._countries = list(countries)
        self._agents = list(agents)
        self._roles = list(roles)
        self._country_actors = {c.iso3: c.actor() for c in self._countries}
        # name key -> [(actor, is_country, is_alias, acronym)]; acronyms never match all-lower-case text
        self._names: dict[str, list[tuple[KBActor, int, int, bool]]] = defaultdict(list)
        self._fuzzy_keys: dict[str, list[KBActor]] = defaultdict(list)
        self._descriptors: dict[str, list[KBActor]] = defaultdict(list)
        self._spells: dict[str, list[tuple[KBActor, RoleSpell]]] = defaultdict(list)
        for actor in [*self._actors, *self._country_actors.values()]:
            self._index_actor(actor)
        self._country_names: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self._demonyms: dict[str, str] = {}
        self._capitals: dict[str, str] = {}
        for c in self._countries:
            for text in (c.name, *c.aliases):
                self._country_names[name_key(text)].append((c.iso3, is_acronym(text)))
            for text in c.demonyms:
                self._demonyms.setdefault(word_key(text), c.iso3)
            for text in c.capitals:
                self._capitals.setdefault(name_key(text), c.iso3)
        self._agent_words: dict[str, AgentSpec] = {}
        for spec, forms in self._agents:
            for word in (spec.lemma, *forms):
                self._agent_words.setdefault(word_key(word), spec)
        self._role_keys: dict[str, tuple[str, str]] = {}
        for phrase, key, sector in self._roles:
            self._role_keys.setdefault(phrase_key(phrase), (key, sector))
        self._fuzzy_choices = list(self._fuzzy_keys)

    def _index_actor(self, actor: KBActor) -> None:
        is_country = 1 if actor.kind == "country" else 0
        seen: set[tuple[str, bool]] = set()
        for is_alias, text in [(0, actor.name)] + [(1, a) for a in actor.aliases]:
            key, acronym = name_key(text), is_acronym(text)
            if not key or (key, acronym) in seen:
                continue
            seen.add((key, acronym))
            self._names[key].append((actor, is_country, is_alias, acronym))
            if acronym or len(key) < FUZZY_MIN_CHARS or (actor.kind == "person" and " " not in key):
                continue
            if actor not in self._fuzzy_keys[key]:
                self._fuzzy_keys[key].append(actor)
        for descriptor in actor.descriptors:
            bucket = self._descriptors[phrase_key(descriptor)]
            if actor not in bucket:
                bucket.append(actor)
        for spell in actor.roles:
            self._spells[spell.key].append((actor, spell))

    # ------------------------------------------------------------------------------------------ names

    def all_actors(self) -> list[KBActor]:
        """Every actor, country actors last (for building phrase matchers)."""
        return [*self._actors, *self._country_actors.values()]

    def lookup(self, text: str) -> list[KBActor]:
        """Actors whose name or alias is ``text`` after normalisation; people and organisations first, then
        countries, each by exactness (the name as written, then the name, then an alias)."""
        key = name_key(text)
        capitals = has_capitals(text)
        raw = text.strip()
        ranked: dict[str, tuple[tuple[int, int, int, int], KBActor]] = {}
        for order, (actor, is_country, is_alias, acronym) in enumerate(self._names.get(key, ())):
            if acronym and not capitals:
                continue
            written = 0 if raw in (actor.name, *actor.aliases) else 1
            rank = (is_country, written, is_alias, order)
            if actor.id not in ranked or rank < ranked[actor.id][0]:
                ranked[actor.id] = (rank, actor)
        return [actor for _, actor in sorted(ranked.values(), key=lambda item: item[0])]

    def fuzzy(self, text: str, min_score: float = 92.0) -> list[tuple[KBActor, float]]:
        """Near matches of ``text`` over names and aliases of 5+ characters (people by full names only),
        best first, one score per actor."""
        from rapidfuzz import fuzz, process

        key = name_key(text)
        if len(key) < FUZZY_MIN_CHARS:
            return []
        memo = self._fuzzy_memo.get((key, min_score))
        if memo is not None:
            return memo
        if len(self._fuzzy_memo) > 50_000:   # bounded: names recur across a corpus, but not without end
            self._fuzzy_memo.clear()
        best: dict[str, tuple[KBActor, float]] = {}
        for choice, score, _ in process.extract(key, self._fuzzy_choices, scorer=fuzz.token_sort_ratio,
                                                score_cutoff=min_score, limit=50):
            for actor in self._fuzzy_keys[choice]:
                if actor.id not in best or score > best[actor.id][1]:
                    best[actor.id] = (actor, float(score))
        found = sorted(best.values(), key=lambda pair: -pair[1])
        self._fuzzy_memo[(key, min_score)] = found
        return found

    def with_descriptor(self, noun_phrase: str) -> list[KBActor]:
        """Actors described by ``noun_phrase`` ("militant group", "the militant group")."""
        return list(self._descriptors.get(phrase_key(noun_phrase), ()))

    def add(self, actors: Iterable[KBActor]) -> "ActorKB":
        """A new knowledge base with ``actors`` added; an added actor replaces one with the same id."""
        extra = list(actors)
        replaced = {a.id for a in extra}
        kept = [a for a in self._actors if a.id not in replaced]
        return ActorKB([*kept, *extra], self._countries, self._agents, self._roles)

    def add_agents(self, agents: Iterable[tuple[AgentSpec, tuple[str, ...]]], replace: bool = False) -> "ActorKB":
        """A new knowledge base where ``agents`` (e.g. a user's CAMEO agent dictionary) come before the
        bundled agents: their words win (``replace``: they are the only agents)."""
        return ActorKB(self._actors, self._countries, [*agents, *([] if replace else self._agents)], self._roles)

    # ------------------------------------------------------------------------------------------ countries

    def country(self, iso3: str) -> KBActor | None:
        return self._country_actors.get(iso3.upper())

    def country_of_name(self, text: str) -> str | None:
        """ISO3 of a country name or alias ("Israel", "the US", "U.S."); abbreviations never in lower case."""
        capitals = has_capitals(text)
        for iso3, acronym in self._country_names.get(name_key(text), ()):
            if capitals or not acronym:
                return iso3
        return None

    def country_of_demonym(self, word: str) -> str | None:
        """ISO3 of a demonym ("Israeli", "Israelis"), case-insensitive; None for one that names no state."""
        return self._demonyms.get(word_key(word))

    def country_of_capital(self, text: str) -> str | None:
        """ISO3 of the country whose capital is named ("Washington" -> "USA")."""
        return self._capitals.get(name_key(text))

    # ------------------------------------------------------------------------------------------ roles

    def role_phrases(self) -> list[str]:
        return [phrase for phrase, _, _ in self._roles]

    def role_key(self, phrase: str) -> tuple[str, str] | None:
        """(role key, sector) of a role phrase: "the Prime Minister" -> ("head_of_government", "GOV")."""
        return self._role_keys.get(phrase_key(phrase))

    def holders(self, key: str, country: str | None, on: date | None) -> list[KBActor]:
        """Who held role ``key`` for ``country`` (any country if None) on ``on`` (None: holds it now, as far as
        the data knows); "leader_any" asks for the head of government, else of state, else the leader."""
        if key == LEADER_ANY:
            for real in LEADER_ORDER:
                found = self.holders(real, country, on)
                if found:
                    return found
            return []
        spells = [(a, s) for a, s in self._spells.get(key, ())
                  if (country is None or s.country == country) and s.holds_on(on)]
        spells.sort(key=lambda pair: pair[1].start or date.min, reverse=True)
        return list({a.id: a for a, _ in spells}.values())

    def role_on(self, actor: KBActor, on: date | None) -> RoleSpell | None:
        """The role ``actor`` held on ``on``, heads of state or government first; with no date, the latest."""
        if on is None:
            if not actor.roles:
                return None
            return max(actor.roles, key=lambda s: (s.end is None, s.end or date.min, s.start or date.min,
                                                   -_top_rank(s)))
        held = [s for s in actor.roles if s.holds_on(on)]
        if not held:
            return None
        return min(held, key=lambda s: (_top_rank(s), -(s.start or date.min).toordinal()))

    def agent(self, word: str) -> AgentSpec | None:
        """The generic agent a noun names, by lemma or plural form ("troops" -> troop, MIL)."""
        return self._agent_words.get(word_key(word))


# ---------------------------------------------------------------------------------------------- reading


def _parse_spell(raw: dict[str, Any], actor: dict[str, Any]) -> RoleSpell:
    country = raw.get("country", actor.get("country"))
    # key null: an office with a title but none of the canonical keys (an ambassador); never a holder of a key
    return RoleSpell(title=str(raw.get("title") or ""), key=str(raw.get("key") or ""),
                     country=str(country) if country else None,
                     sector=as_strings(raw.get("sector", actor.get("sector"))),
                     start=as_date(raw.get("start")), end=as_date(raw.get("end")))


def parse_actor(raw: dict[str, Any]) -> KBActor:
    """One YAML entry as a ``KBActor`` (see the module docstring of the data folder for the fields)."""
    ident = str(raw["id"]).strip()
    wikidata = raw.get("wikidata") or qid_of(ident)
    gender = raw.get("gender")
    country = raw.get("country")
    return KBActor(id=ident, name=str(raw["name"]).strip(), kind=str(raw.get("kind") or "organization"),
                   country=str(country) if country else None, sector=as_strings(raw.get("sector")),
                   aliases=unique(as_strings(raw.get("aliases"))),
                   wikidata=str(wikidata) if wikidata else None, gender=str(gender) if gender else None,
                   roles=tuple(_parse_spell(r, raw) for r in raw.get("roles") or ()),
                   descriptors=unique(as_strings(raw.get("descriptors"))))


def parse_countries(text: str) -> list[CountryInfo]:
    return [CountryInfo(r["iso3"], r["name"], split_multi(r.get("aliases")), split_multi(r.get("demonyms")),
                        split_multi(r.get("capital")), r.get("wikidata") or None) for r in tsv_rows(text)]


def parse_agents(text: str) -> list[tuple[AgentSpec, tuple[str, ...]]]:
    return [(AgentSpec(r["lemma"], r.get("sector", ""), r.get("kind") or "group"), split_multi(r.get("plural_forms")))
            for r in tsv_rows(text)]


def parse_roles(text: str) -> list[tuple[str, str, str]]:
    return [(r["phrase"], r["key"], r.get("sector", "")) for r in tsv_rows(text)]


def read_yaml(text: str, source: str) -> list[dict[str, Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        doc: Any = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise ConfigError(source, f"not valid YAML ({error})", "fix the file and run the actor KB tests") from error
    if doc is None:
        return []
    if not isinstance(doc, list):
        raise ConfigError(source, "expected a list of actor entries at the top level", "wrap the entries in a list")
    return doc


@functools.cache
def load_kb() -> ActorKB:
    """The packaged knowledge base, read and indexed on first call; later calls return the same object."""
    folder = importlib_resources.files("eventwire.resources").joinpath(_DATA)

    def text_of(name: str) -> str:
        item = folder.joinpath(name)
        return item.read_text(encoding="utf-8") if item.is_file() else ""

    actors: list[KBActor] = []
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith((".yaml", ".yml")))
    for name in names:
        for number, raw in enumerate(read_yaml(text_of(name), name)):
            try:
                actors.append(parse_actor(raw))
            except (KeyError, TypeError, ValueError) as error:
                raise ConfigError(f"{name}[{number}]", f"bad actor entry ({error!r})",
                                  "give every entry an id and a name, and ISO dates") from error
    return ActorKB(actors, parse_countries(text_of("countries.tsv")), parse_agents(text_of("agents.tsv")),
                   parse_roles(text_of("roles.tsv")))
