"""Stage ``actors``: recognise actor mentions and resolve them against the knowledge base.

Requires ``doc``, ``reference``, ``place_mentions``; assigns ``actor_mentions``, ``actors``.

Mentions come from, in order of trust: knowledge-base names and aliases (phrase matching), named entities,
generic agents composed with a country ("Israeli troops", "police in Lagos"), descriptors and pronouns
(``coref``). A mention the knowledge base does not know is kept as an unresolved actor with its text and
whatever country and sector the phrase implies; it is never dropped.
"""
from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from .. import ids
from ..model import Actor, ActorMention, PlaceMention, Span
from ..resources.actors import ActorKB, KBActor
from ..resources.cameo_dictionaries import CAMEO_ID_PREFIX
from .agents import GOVERNMENT, MEMBER_NOUNS
from .agents import agent_drafts as agent_drafts_for
from .coref import resolve_references
from .spans import Draft, entity_core, token_span

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis

_ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}
# Words that look like names to the tagger but are never actors on their own.
_NOT_ACTORS = {"state", "minister", "president", "secretary", "prime", "house", "department", "government"}


@functools.lru_cache(maxsize=8)
def _matchers(kb: ActorKB) -> tuple["PhraseMatcher", "PhraseMatcher", dict[str, list[KBActor]], "PhraseMatcher"]:
    """Phrase matchers over every KB name and alias: case-sensitive for short or all-caps aliases
    ("US", "IDF"), case-insensitive otherwise; and a matcher for role phrases ("Prime Minister")."""
    from spacy.matcher import PhraseMatcher

    from ..document.parse import load_nlp

    nlp = load_nlp()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    by_key: dict[str, list[KBActor]] = defaultdict(list)
    seen_exact: set[str] = set()
    seen_folded: set[str] = set()
    for actor in kb.all_actors():
        for alias in (actor.name, *actor.aliases):
            alias = alias.strip()
            if len(alias) < 2:
                continue
            key = alias.lower()
            by_key[key].append(actor)
            if alias.isupper() or len(alias) <= 4 or alias.lower() in _NOT_ACTORS:
                if alias not in seen_exact:
                    seen_exact.add(alias)
                    exact.add(key, [nlp.make_doc(alias)])
            elif key not in seen_folded:
                seen_folded.add(key)
                folded.add(key, [nlp.make_doc(alias)])
    roles = PhraseMatcher(nlp.vocab, attr="LOWER")
    for phrase in kb.role_phrases():
        roles.add(phrase.lower(), [nlp.make_doc(phrase)])
    return exact, folded, dict(by_key), roles


def _reference_day(analysis: "Analysis") -> date | None:
    ref = analysis.reference or analysis.article.published
    if ref is None or not ref.value:
        return None
    value = ref.value
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        if len(value) == 4 and value.isdigit():
            return date(int(value), 7, 1)
    except ValueError:
        return None
    return None


def _pick(cands: list[KBActor], focus: dict[str, int]) -> KBActor:
    """Among same-alias candidates prefer the one whose country the article is about."""
    return max(cands, key=lambda a: (focus.get(a.country or "", 0), a.kind == "country", -len(a.aliases)))


def _kb_drafts(doc: "Doc", kb: ActorKB, focus: dict[str, int]) -> list[Draft]:
    exact, folded, by_key, _ = _matchers(kb)
    matches = [(s, e, doc.vocab.strings[mid]) for mid, s, e in exact(doc)]
    matches += [(s, e, doc.vocab.strings[mid]) for mid, s, e in folded(doc)]
    # longest first, then leftmost; no overlaps
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    drafts: list[Draft] = []
    for s, e, key in matches:
        if any(i in taken for i in range(s, e)):
            continue
        cands = by_key.get(key, [])
        if not cands:
            continue
        # A single capitalised word inside a longer place name ("West" in "West Bank") is not the actor; a
        # CAMEO dictionary's name is an actor wherever it stands ("Osgiliath with Gondor" read as one place)
        ent = doc[s].ent_type_
        cameo = any(a.id.startswith(CAMEO_ID_PREFIX) for a in cands)
        if ent in ("GPE", "LOC", "FAC") and doc[s].ent_iob_ != "B" and e - s == 1 and not _coordinated(doc, s, e) \
                and not cameo:
            continue
        if e - s == 1 and doc[s].ent_type_ in ("LOC", "FAC", "GPE") and s + 1 < len(doc) \
                and doc[s + 1].ent_iob_ == "I" and not _coordinated(doc, s, e) and not cameo:
            continue
        actor = _pick(cands, focus)
        taken.update(range(s, e))
        drafts.append(Draft(s, e, actor=actor, via="kb"))
    return drafts


def _coordinated(doc: "Doc", s: int, e: int) -> bool:
    """A name next to "and", "or" or a comma inside one entity span ("Gondor and Arnor" tagged as one
    place): a conjunct of its own, not a word of a longer name."""
    return (s > 0 and doc[s - 1].lower_ in _CONJUNCTIONS) or (e < len(doc) and doc[e].lower_ in _CONJUNCTIONS)


_CONJUNCTIONS = frozenset({"and", "or", ",", "&"})


def _role_spans(doc: "Doc", kb: ActorKB) -> list[tuple[int, int, str]]:
    _, _, _, roles = _matchers(kb)
    out = [(s, e, doc.vocab.strings[mid]) for mid, s, e in roles(doc)]
    out.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    kept: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for s, e, key in out:
        if any(i in used for i in range(s, e)):
            continue
        used.update(range(s, e))
        kept.append((s, e, key))
    return sorted(kept)


def _local_country(doc: "Doc", s: int, e: int, kb: ActorKB) -> str | None:
    """A country the phrase around a name gives it: "Kenya's Interior Ministry", "Russia's chief negotiator,
    Vladimir Medinsky", "Vladimir Medinsky, Russia's chief negotiator"."""
    root = doc[s:e].root
    holders = [root]
    if root.dep_ == "appos":
        holders.append(root.head)
    holders.extend(c for c in root.children if c.dep_ == "appos")
    for h in holders:
        for c in h.children:
            if c.dep_ in ("poss", "amod", "compound") and not (s <= c.i < e):
                iso = kb.country_of_name(c.text) or kb.country_of_demonym(c.text)
                if iso:
                    return iso
    return None


def _covered(drafts: list[Draft]) -> set[int]:
    return {i for d in drafts for i in range(d.start, d.end)}


def _entity_drafts(doc: "Doc", kb: ActorKB, taken: set[int], blocked: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for ent in doc.ents:
        if ent.label_ not in _ENTITY_KINDS:
            continue
        s, e = entity_core(ent)
        if s >= e or any(i in taken for i in range(s, e)) or any(i in blocked for i in range(s, e)):
            continue
        text = doc[s:e].text
        if text.lower() in _NOT_ACTORS or not any(c.isalpha() for c in text):
            continue
        if ent.label_ == "GPE":
            iso = kb.country_of_name(text)
            if iso is None and doc[ent.root.i].dep_ in ("nsubj", "nsubjpass", "agent", "poss"):
                iso = kb.country_of_capital(text)   # "Moscow said" as the government
            country = kb.country(iso) if iso else None
            if country is not None:
                drafts.append(Draft(s, e, actor=country, via="kb"))
            continue
        if ent.label_ == "NORP":
            head = doc[e - 1]
            iso = kb.country_of_demonym(text)
            # "Israelis said": a demonym standing as a noun phrase is an actor (the people); as a modifier it is not.
            if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and head.pos_ in ("PROPN", "NOUN"):
                drafts.append(Draft(s, e, name=text, kind="group", country=iso, sector=("CVL",), via="ner"))
            continue
        kind = _ENTITY_KINDS[ent.label_]
        capital = kb.country_of_capital(text) if doc[ent.root.i].dep_ in ("nsubj", "nsubjpass", "poss") else None
        if capital is not None and kb.country(capital) is not None:
            drafts.append(Draft(s, e, actor=kb.country(capital), via="kb"))   # "Kyiv has backed": Ukraine
            continue
        # near spellings of full personal names ("Antony J Blinken"); organisations go by their aliases
        hits = kb.lookup(text) or ([a for a, _ in kb.fuzzy(text)] if " " in text and kind == "person" else [])
        if hits:
            drafts.append(Draft(s, e, actor=hits[0], via="alias"))
        else:
            drafts.append(Draft(s, e, name=text, kind=kind, country=_local_country(doc, s, e, kb),
                                sector=_name_sector(doc, s, e, kb), via="ner"))
    return drafts


# Head nouns that say what an unknown organisation is, read through the agent lexicon. Not "Brigade(s)" or
# "Forces": a state's unit in one war ("22nd Armored Brigade") is a militia in another ("Mujahideen Brigades")
_NAME_HEADS = {"police", "intelligence", "army", "navy", "military", "gendarmerie", "guard", "guards", "militia",
               "gang", "cartel"}


def _name_sector(doc: "Doc", s: int, e: int, kb: ActorKB) -> tuple[str, ...]:
    """The sector an organisation the knowledge base does not know takes from the last word of its name:
    "Air Force Intelligence" is SPY, "Tactical Police" COP, "Gulf Cartel" CRM; other names say nothing."""
    last = next((t for t in reversed(doc[s:e]) if t.is_alpha), None)
    if last is None or last.lower_ not in _NAME_HEADS:
        return ()
    spec = kb.agent(last.text) or kb.agent(last.lemma_)
    return (spec.sector,) if spec is not None and spec.sector else ()


def _drop_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Keep the first draft for any token, except that one phrase may stand for several actors
    ("Russian and Ukrainian delegations")."""
    out: list[Draft] = []
    used: set[int] = set()
    spans: set[tuple[int, int]] = set()
    for d in sorted(drafts, key=lambda d: (d.start, -(d.end - d.start))):
        if (d.start, d.end) in spans and d.via == "generic":
            out.append(d)
            continue
        if any(i in used for i in range(d.start, d.end)):
            continue
        spans.add((d.start, d.end))
        used.update(range(d.start, d.end))
        out.append(d)
    return out


def recognise(doc: "Doc", kb: ActorKB, blocked: set[int], focus: dict[str, int],
              place_country: dict[int, str] | None = None) -> list[Draft]:
    """All name-like and generic-agent mentions (no descriptors or pronouns yet)."""
    kb_drafts = [d for d in _kb_drafts(doc, kb, focus) if not any(i in blocked for i in range(d.start, d.end))
                 or (d.actor is not None and d.actor.kind == "organization" and "IGO" in d.actor.sector)]
    role_tokens = {i for s, e, _ in _role_spans(doc, kb) for i in range(s, e)}
    ent_drafts = _entity_drafts(doc, kb, _covered(kb_drafts), blocked | role_tokens)
    named = kb_drafts + ent_drafts
    owned_roles = {i for i in role_tokens if any(c.dep_ == "prep" and c.lower_ in ("for", "of")
                                                 for c in doc[i].children)}
    agent_drafts = agent_drafts_for(doc, kb, _covered(named) | blocked | (role_tokens - owned_roles), named,
                                    place_country or {})
    # A generic agent that swallowed a country modifier ("Israeli troops") wins over the bare country mention;
    # one that swallowed an organisation ("State Department officials") is that organisation's mention.
    absorbed = {i for d in agent_drafts for i in range(d.start, d.end - 1)}
    named = [d for d in named if not (d.actor is not None and d.actor.kind == "country"
                                      and all(i in absorbed for i in range(d.start, d.end)))]
    named = [d for d in named if not (d.actor is not None and d.actor.kind != "country"
                                      and all(i in absorbed for i in range(d.start, d.end)))]
    return _appositions(doc, _drop_overlaps(named + agent_drafts))


def _appositions(doc: "Doc", drafts: list[Draft]) -> list[Draft]:
    """"Russia's chief negotiator, Vladimir Medinsky": the title phrase and the name are one actor; the
    name keeps the country and sector the title gives it."""
    people = [d for d in drafts if (d.actor is not None and d.actor.kind == "person") or d.kind == "person"]
    out: list[Draft] = []
    for g in drafts:
        if g.via != "generic" or g.head is None:
            out.append(g)
            continue
        head = doc[g.head]
        linked = [p for p in people if any(p.start <= c.i < p.end for c in head.children if c.dep_ == "appos")
                  or (doc[p.end - 1].dep_ == "appos" and doc[p.end - 1].head.i == g.head)]
        if not linked:
            out.append(g)
            continue
        for p in linked:
            if p.actor is None:
                p.country = p.country or g.country
                p.sector = p.sector or g.sector
    return out


def _actor_record(draft: Draft, kb: ActorKB, on: date | None) -> tuple[str, Actor]:
    if draft.actor is not None:
        a = draft.actor
        spell = kb.role_on(a, on) if a.kind == "person" else None
        sector = tuple(spell.sector) if spell and spell.sector else a.sector or draft.sector
        actor = Actor(id=a.id, name=a.name, kind=a.kind, country=a.country, sector=sector,
                      role=spell.title if spell else None, wikidata=a.wikidata, resolved=True)
        return a.id, actor
    name = draft.name or ""
    aid = ids.actor_id(None, name, draft.country, draft.sector)
    return aid, Actor(id=aid, name=name, kind=draft.kind or "group", country=draft.country, sector=draft.sector,
                      resolved=False)


def build_actors(doc: "Doc", drafts: list[Draft], kb: ActorKB, on: date | None
                 ) -> tuple[list[ActorMention], list[Actor]]:
    records: dict[str, Actor] = {}
    spans: dict[str, list[Span]] = defaultdict(list)
    mentions: list[ActorMention] = []
    for d in sorted(drafts, key=lambda d: d.start):
        aid, actor = _actor_record(d, kb, on)
        records.setdefault(aid, actor)
        span = token_span(doc, d.start, d.end)
        head = d.head if d.head is not None else doc[d.start:d.end].root.i
        mentions.append(ActorMention(span=span, actor=aid, start_token=d.start, end_token=d.end, head=head,
                                     via=d.via))
        if span not in spans[aid]:
            spans[aid].append(span)
    actors = [dataclasses.replace(a, mentions=tuple(sorted(spans[a.id], key=lambda s: s.start)))
              for a in records.values()]
    return mentions, actors


def actor_stage(analysis: "Analysis") -> None:
    doc = analysis.doc
    assert doc is not None
    kb = analysis.resources.actor_kb()
    on = _reference_day(analysis)
    blocked = {i for m in analysis.place_mentions for i in range(m.start_token, m.end_token)
               if not _is_country_place(analysis, m.place) and not _agentive_capital(doc, m, kb)
               and not _country_coded(doc, m, kb)}
    focus = place_counts(analysis)
    places = {p.id: p for p in analysis.places}
    place_country = {i: places[m.place].country or "" for m in analysis.place_mentions if m.place in places
                     for i in range(m.start_token, m.end_token)}
    drafts = recognise(doc, kb, blocked, focus, place_country)
    drafts = resolve_references(doc, drafts, kb, on, _role_spans(doc, kb))
    _titled(doc, drafts, kb)
    _surnames(drafts)
    home = focus_country(_with_named_actors(focus, drafts))
    for d in drafts:
        if d.actor is None and d.country is None and not d.nationality and home is not None \
                and not analysis.resources.verbs_only:   # PETRARCH's coding: an agent has no country but its own
            d.country = home
        if d.actor is None and d.country and d.via == "generic" and d.head is not None \
                and doc[d.head].lemma_.lower() in GOVERNMENT and not (d.name or "").startswith("Government of"):
            country = kb.country(d.country)
            d.name, d.kind = f"Government of {country.name if country else d.country}", "organization"
    analysis.actor_mentions, analysis.actors = build_actors(doc, drafts, kb, on)


# Titles of office written before a person's name, in lower case as the news writes them in running text
PERSON_TITLES = {"commissioner", "superintendent", "inspector", "minister", "chief", "spokesman", "spokeswoman",
                 "spokesperson", "commander", "director", "secretary", "governor", "collector", "magistrate",
                 "constable", "mayor", "president", "premier", "chairman", "general", "officer"}


def _person_after_title(doc: "Doc", d: Draft) -> bool:
    """A short all-name span right after a title of office ("police commissioner Rakesh Varma") names a person,
    whatever the entity tagger said."""
    names = doc[d.start:d.end]
    return (d.start > 0 and doc[d.start - 1].lower_ in PERSON_TITLES and 2 <= len(names) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in names))


def _surnames(drafts: list[Draft]) -> None:
    """A person the knowledge base does not know, named again by the last word of the full name ("Varma" after
    "police commissioner Rakesh Varma"), is the same person: the later mention takes the full one's record."""
    full: dict[str, Draft] = {}
    for d in sorted(drafts, key=lambda d: d.start):
        if d.actor is not None or d.kind not in ("person", "organization") or not d.name:
            continue
        words = d.name.split()
        if len(words) >= 2 and d.kind == "person":
            full[words[-1].lower()] = d
        elif len(words) == 1 and (first := full.get(words[0].lower())) is not None:
            d.name, d.kind, d.sector, d.country = first.name, first.kind, first.sector, first.country


def _titled(doc: "Doc", drafts: list[Draft], kb: ActorKB) -> None:
    """A known actor without a sector, or a person the knowledge base does not know, takes the sector of the
    title written before its name ("Velmar Prime Minister Osric Dane": government; "city police commissioner
    Ravi Menon": police), CAMEO's actor + agent composition. In the title, an agent word that modifies the
    head rules, as in a generic agent ("police commissioner" is police)."""
    taken = {i: d for d in drafts for i in range(d.start, d.end)}
    taken_tokens = set(taken)
    ends = {d.end: d for d in drafts if d.actor is not None and d.actor.kind == "country"
            and d.actor.id.startswith(CAMEO_ID_PREFIX)}
    for d in drafts:
        if d.actor is None and d.country is None and not d.sector:
            _titled_unknown(doc, d, kb, taken_tokens, ends)   # "Velmar's Prime Minister Osric"
        if d.actor is None and d.kind == "organization" and _person_after_title(doc, d):
            d.kind = "person"   # "police commissioner Rakesh Varma" tagged as an organisation
        if d.sector or (d.actor.sector if d.actor is not None else d.kind != "person"):
            continue
        sectors: list[tuple[str, str]] = []   # (word, sector), from the head of the title leftwards
        i = d.start - 1
        while i >= max(0, d.start - 3) and i not in taken and doc[i].pos_ in ("PROPN", "NOUN"):
            spec = kb.agent(doc[i].text) or kb.agent(doc[i].lemma_)
            if spec is not None and spec.sector and not (doc[i].lower_ == "general" and i + 1 < d.start):
                sectors.append((doc[i].lemma_.lower(), spec.sector))   # not "general manager"
            i -= 1
        owner = taken.get(i)
        if d.actor is None and owner is not None:
            if owner.via != "generic" or not owner.sector:
                continue   # "Hamas spokesman Rami Ode": the member of a named organisation
            sectors.append((doc[owner.end - 1].lemma_.lower(), owner.sector[0]))   # "city police commissioner"
        if not sectors or d.actor is None and len(sectors) == 1 and sectors[0][0] in MEMBER_NOUNS:
            continue   # "spokesman Rami Ode": whose spokesman says the sector
        d.sector = (sectors[-1][1],)


def _titled_unknown(doc: "Doc", d: Draft, kb: ActorKB, taken: set[int], ends: dict[int, Draft]) -> None:
    """A name no dictionary knows after a title and a CAMEO dictionary's country ("Velmar's Prime Minister
    Osric"): that country's agent, as CAMEO composes actor + agent."""
    i = d.start - 1
    while i >= max(0, d.start - 3) and i not in taken and doc[i].pos_ in ("PROPN", "NOUN"):
        spec = kb.agent(doc[i].text) or kb.agent(doc[i].lemma_)
        if spec is not None:
            first = i
            while first - 1 >= 0 and first - 1 not in taken and doc[first - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
                first -= 1
            owner = ends.get(first) or (ends.get(first - 1) if first > 0 and doc[first - 1].tag_ == "POS" else None)
            if owner is not None and owner.actor is not None:
                d.country, d.sector = owner.actor.country, (spec.sector,)
            return
        i -= 1


def place_counts(analysis: "Analysis") -> dict[str, int]:
    """Located place mentions per country in the article."""
    counts: dict[str, int] = defaultdict(int)
    for p in analysis.places:
        if p.country:
            counts[p.country] += len(p.mentions)
    return counts


def _with_named_actors(counts: dict[str, int], drafts: list[Draft]) -> dict[str, int]:
    """Place counts plus one vote per known organisation, group or person with a country ("Houthi forces",
    "the NDS", "Carabineros"): the actors a story names say where it is when a place name is a homonym ("Ad
    Dali" in Yemen, "Dali" in China) or is missing from the gazetteer."""
    votes = dict(counts)
    seen: set[str] = set()
    for d in drafts:
        # one vote per organisation, group or person: a country named in passing ("the Kuwait roundabout") or an
        # army named at every strike abroad does not outvote the places
        if d.actor is None or d.actor.kind == "country" or not d.actor.country or d.actor.id in seen:
            continue
        seen.add(d.actor.id)
        votes[d.actor.country] = votes.get(d.actor.country, 0) + 1
    return votes


def home_country(analysis: "Analysis") -> str | None:
    """The article's focus country after the actor stage: located place mentions plus one vote per known
    actor with a country (see ``_with_named_actors``)."""
    votes = dict(place_counts(analysis))
    for a in analysis.actors:
        if a.resolved and a.country and a.kind != "country":
            votes[a.country] = votes.get(a.country, 0) + 1
    return focus_country(votes)


def focus_country(counts: dict[str, int]) -> str | None:
    """The country an article is about: the one holding at least half of the located place mentions."""
    total = sum(counts.values())
    if total < 1:
        return None
    iso, n = max(counts.items(), key=lambda kv: kv[1])
    return iso if n * 2 >= total else None


def _agentive_capital(doc: "Doc", m: "PlaceMention", kb: ActorKB) -> bool:
    """"Moscow said", "Kyiv has backed": a capital as the agent stands for its government."""
    head = doc[m.head]
    return head.dep_ in ("nsubj", "nsubjpass", "poss", "agent") and \
        kb.country_of_capital(doc[m.start_token:m.end_token].text) is not None


def _country_coded(doc: "Doc", m: "PlaceMention", kb: ActorKB) -> bool:
    """A place the actor knowledge base codes as a country-level actor (a CAMEO dictionary's "BUDAPEST [HUN]",
    "BREE [BRE]"): an actor wherever it stands, as in CAMEO coding."""
    return any(a.kind == "country" and a.id.startswith(CAMEO_ID_PREFIX)
               for a in kb.lookup(doc[m.start_token:m.end_token].text))


def _is_country_place(analysis: "Analysis", place_id: str) -> bool:
    for p in analysis.places:
        if p.id == place_id:
            return p.kind == "country"
    return False


def actors_at(analysis: "Analysis", token: "Token | int") -> list[str]:
    """Actor ids mentioned at a token (the token lies inside the mention)."""
    i = token if isinstance(token, int) else token.i
    return [m.actor for m in analysis.actor_mentions if m.start_token <= i < m.end_token]


# Nouns that are never a group of people, even in the plural and as the subject of an event verb.
_NOT_PEOPLE = {"clash", "attack", "strike", "protest", "explosion", "shot", "shell", "projectile", "round", "bomb",
               "rocket", "missile", "mortar", "drone", "incident", "event", "report", "reports", "talks",
               "casualty", "fatality", "death", "injury", "body", "house", "building", "vehicle", "car", "crop",
               "property", "shop", "weapon", "arm", "ammunition", "device", "mine", "ied", "fire", "gunfire",
               "hostility", "tension", "violence", "unrest", "operation", "measure", "restriction", "price",
               "other", "others", "one", "ones", "some", "many", "those", "all", "both", "several", "dozen",
               "dozens", "hundreds", "thousands", "scores", "time", "times", "day", "days", "year", "years",
               "side", "sides", "party", "parties"}


_PEOPLE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "person", "people", "ie")
_PEOPLE_WORDS = {"youth", "family", "child", "kid", "folk", "crowd", "mob", "community", "clan", "tribe", "group",
                 "gang", "staff", "personnel", "crew", "faithful", "elder", "villager", "local", "native",
                 "pensioner", "nomad", "pastoralist", "fisherfolk", "relative", "parent", "mother", "father",
                 "widow", "orphan", "squatter", "deputy", "cadre", "rebel", "recruit", "citizen", "inmate", "nurse",
                 "pupil", "individual", "muslim", "hindu", "sikh", "jew", "kurd", "arab", "shiite", "sunni", "dalit",
                 "monk", "nun", "cleric", "imam", "priest", "pilgrim", "victim", "hostage", "captive", "suspect",
                 "thief", "bandit", "soldier", "guard", "cop", "official", "employee", "colleague", "comrade",
                 "tourist", "guest", "expatriate", "settler", "veteran", "chief", "leader", "delegate"}
_NOT_PEOPLE_ER = {"power", "border", "order", "water", "letter", "number", "matter", "paper", "center", "centre",
                  "corner", "river", "tower", "chamber", "barrier", "layer", "charter", "quarter", "member",
                  "transfer", "offer", "answer", "factor", "sector", "motor", "tractor", "reactor", "monitor",
                  "error", "floor", "door", "corridor", "document", "agreement", "statement", "event",
                  "incident", "accident", "settlement", "payment", "comment", "movement", "element", "equipment",
                  "amendment", "department", "government", "parliament", "client", "plant", "grant", "tree",
                  "fee", "guarantee", "committee", "shipment", "investment", "treatment", "detonator", "launcher",
                  "generator", "container", "computer", "trailer", "helicopter", "carrier", "tanker", "bulldozer",
                  "harvester", "excavator", "transformer", "banner", "poster", "shelter", "headquarter", "weapon",
                  "explosive", "propellant", "cartridge", "rifle", "revolver", "fighter-bomber", "bomber", "jet"}


def _people_noun(lemma: str) -> bool:
    """Whether a noun names people: an agentive ending ("sellers", "musicians", "teachers", "students",
    "employees") or a collective word ("families", "youths"), not an object that happens to end alike."""
    if lemma in _PEOPLE_WORDS:
        return True
    return lemma.endswith(_PEOPLE_SUFFIXES) and lemma not in _NOT_PEOPLE_ER


def argument_actor(analysis: "Analysis", token: int, *, singular: bool = False) -> str | None:
    """An actor made from an event's argument that no mention covers: "more than 1,000 sellers of the local
    market demonstrated". Plural common nouns (or counted ones) name a group of people; the actor is kept
    unresolved, with the noun phrase as its name, civilians as its sector and the article's country focus
    as its country (the issue's rule: unknown actors are kept, never dropped)."""
    doc = analysis.doc
    assert doc is not None
    tok = doc[token]
    if tok.pos_ != "NOUN" or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return None
    if tok.lemma_.lower() in _NOT_PEOPLE or tok.lower_ in _NOT_PEOPLE:
        return None
    kb = analysis.resources.actor_kb()
    spec = kb.agent(tok.text) or kb.agent(tok.lemma_)   # "police" in "police firing": a known agent noun
    counted = any(c.dep_ == "nummod" for c in tok.children)
    one = singular and tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    if spec is None and tok.tag_ != "NNS" and not counted and not one:
        return None   # a victim may be one person ("shot a taxi driver"); an agent is a group
    if spec is None and not _people_noun(tok.lemma_.lower()):
        return None
    sector = spec.sector if spec is not None else "CVL"
    words = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i] + [tok]
    start, end = min(w.i for w in words), tok.i + 1
    name = doc[start:end].text
    country = home_country(analysis)
    aid = ids.actor_id(None, name, country, (sector,))
    if not any(a.id == aid for a in analysis.actors):
        analysis.actors.append(Actor(id=aid, name=name, kind="group", country=country, sector=(sector,),
                                     resolved=False, mentions=(token_span(doc, start, end),)))
    analysis.actor_mentions.append(ActorMention(span=token_span(doc, start, end), actor=aid, start_token=start,
                                                end_token=end, head=tok.i, via="argument"))
    return aid


def civilian_actor(analysis: "Analysis", token: int) -> str:
    """The civilians at a struck place ("a residential home"): one unresolved actor per article and country,
    with the place's noun phrase as a mention (``via="inferred"``)."""
    doc = analysis.doc
    assert doc is not None
    tok = doc[token]
    start = min([c.i for c in tok.children if c.dep_ in ("det", "amod", "compound") and c.i < tok.i] + [tok.i])
    country = home_country(analysis)
    aid = ids.actor_id(None, "civilians", country, ("CVL",))
    span = token_span(doc, start, tok.i + 1)
    existing = next((a for a in analysis.actors if a.id == aid), None)
    if existing is None:
        analysis.actors.append(Actor(id=aid, name="civilians", kind="group", country=country, sector=("CVL",),
                                     resolved=False, mentions=(span,)))
    analysis.actor_mentions.append(ActorMention(span=span, actor=aid, start_token=start, end_token=tok.i + 1,
                                                head=tok.i, via="inferred"))
    return aid
