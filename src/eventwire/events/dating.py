"""When and where each event happened.

Date: the temporal expression governing the event's clause ("met on Wednesday, May 1", "launched an attack
last fall"), else the nearest one in the sentence not governed by another event, else — after merging — a
date shared by another mention of the same event, else the publication date marked ``reported`` (never
silently). Relational expressions ("the meeting came the day after Netanyahu vowed …") are resolved after
merging, from whichever of the two events has a day-precise date.

Place: a place its clause governs ("struck a house in Rafah", "protesters in Tel Aviv"), or the place that
is its target ("enter Rafah"), else for material events the only place named in the sentence; never a place
named only as an origin ("from Gaza") or nationality ("Israeli hostages").
"""
from __future__ import annotations

import math

import dataclasses
from typing import TYPE_CHECKING

from ..mentions.dates import anchor_offset, shift
from ..mentions.spans import doc_text, tokens_within
from ..model import DateValue, Timex
from .draft import EventDraft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Place, PlaceMention
    from ..pipeline import Analysis

_TIME_PREPS = {"on", "in", "during", "over", "since", "by", "until", "at", "throughout", "from", "before", "after"}
_ONSET = {"erupt", "break", "begin", "start", "escalate", "flare", "resume", "end", "last", "erupted"}
_KIND_RANK = {"city": 0, "region": 1, "admin1": 2, "country": 3}
_PLACE_PREPS = {"in", "at", "into", "near", "inside", "across", "outside", "around", "toward", "towards", "on"}
_MATERIAL = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "AID", "RETREAT"}


def _tokens_of(doc: "Doc", start: int, end: int) -> list[int]:
    return [t.i for t in tokens_within(doc, start, end)]


def _governor(doc: "Doc", toks: list[int]) -> "Token | None":
    """The word a temporal expression attaches to, through a preposition if there is one."""
    inside = set(toks)
    roots = [doc[i] for i in toks if doc[i].head.i not in inside or doc[i].head.i == i]
    if not roots:
        return None
    h = roots[0].head
    if h.i == roots[0].i:
        return None
    if h.dep_ == "prep" and h.lower_ in _TIME_PREPS:
        h = h.head
    return h


def _clause(doc: "Doc", d: EventDraft) -> set[int]:
    """The trigger, its light/embedded verbs, and the verbs it hangs from through xcomp/conj."""
    out = {d.trigger, *d.extra_triggers}
    tok = doc[d.trigger]
    if d.nominal and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        out.add(tok.head.i)
    if tok.pos_ in ("NOUN", "PROPN"):
        out.update(c.i for c in tok.children if c.dep_ in ("relcl", "acl"))
        # "the war between the army and the RSF, which erupted in April 2023": a relative clause about an
        # onset is about the event noun, wherever the parser attached it inside the noun phrase
        out.update(t.i for t in tok.subtree if t.dep_ == "relcl" and t.lemma_.lower() in _ONSET)  # "the war, which erupted in …"
    for i in list(out):
        t = doc[i]
        # coordinated and simultaneous clauses share their time: "fired tear gas and arrested 37 people on
        # Saturday as thousands marched"
        out.update(c.i for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB")
        out.update(c.i for c in t.children if c.dep_ == "advcl" and _simultaneous(c))
        if t.dep_ == "advcl" and _simultaneous(t):
            out.add(t.head.i)
            out.update(c.i for c in t.head.children if c.dep_ == "conj" and c.pos_ == "VERB")
        for _ in range(4):
            if t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
                t = t.head
                out.add(t.i)
            elif t.dep_ == "ccomp" and t.head.lemma_.lower() in _REPORTING and t.head.i != t.i \
                    and d.type in _VERBAL:
                t = t.head   # "the ministry said on Sunday that it would not …": the statement's date
                out.add(t.i)
            else:
                break
    return out


_VERBAL = {"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}
_REPORTING = {"say", "announce", "tell", "state", "declare", "confirm", "add", "insist", "warn"}


def _simultaneous(clause: "Token") -> bool:
    return any(m.dep_ == "mark" and m.lower_ in ("as", "while", "when") for m in clause.children)


def _timex_tokens(doc: "Doc", timexes: list[Timex]) -> list[tuple[Timex, list[int]]]:
    return [(tx, _tokens_of(doc, tx.span.start, tx.span.end)) for tx in timexes]


def _reported(analysis: "Analysis") -> DateValue | None:
    pub = analysis.article.published
    ref = analysis.reference or pub
    if pub is None and ref is None:
        return None
    base = pub or ref
    value = base.value if base is not None else None
    latest = ref.latest if ref is not None else None
    return DateValue(value=value, precision="reported", earliest=None, latest=latest)


def date_events(doc: "Doc", drafts: list[EventDraft], analysis: "Analysis", anchors_only: bool = False) -> None:
    pub = analysis.article.published
    dateline = [s for s in (pub.evidence if pub else ())]
    # the dateline's date is when the story was filed, not when anything in it happened
    located = [(tx, toks) for tx, toks in _timex_tokens(doc, analysis.timexes)
               if not any(tx.span.overlaps(s) for s in dateline)]
    if anchors_only:
        _resolve_anchors(doc, drafts, located)
        for d in drafts:
            if d.date is None:
                d.date = _reported(analysis)
        return
    governed: dict[int, int] = {}  # timex index -> trigger it governs
    for d in drafts:
        clause = _clause(doc, d)
        for n, (tx, toks) in enumerate(located):
            if tx.kind != "date" or not toks or tx.value.value is None:
                continue
            gov = _governor(doc, toks)
            if gov is not None and gov.i in clause:
                d.date, d.date_tokens = tx.value, toks
                governed[n] = d.trigger
                break
    for d in drafts:
        if d.date is not None:
            continue
        sent = doc[d.trigger].sent
        best: tuple[int, Timex, list[int]] | None = None
        inside = {t.i for t in doc[d.trigger].subtree} - {d.trigger}
        for n, (tx, toks) in enumerate(located):
            if tx.kind != "date" or not toks or tx.value.value is None or n in governed:
                continue
            if not (sent.start <= toks[0] < sent.end):
                continue
            gov = _governor(doc, toks)
            if gov is not None and gov.i in inside and gov.pos_ in ("VERB", "AUX"):
                continue  # the time of an embedded act ("agreed to carry out the exchange in the coming days")
            dist = abs(toks[0] - d.trigger)
            if best is None or dist < best[0]:
                best = (dist, tx, toks)
        if best is not None:
            d.date, d.date_tokens = best[1].value, best[2]
    _narrative_dates(doc, drafts, located)


def _paragraph_start(text: str, offset: int) -> int:
    cut = text.rfind("\n\n", 0, offset)
    return 0 if cut < 0 else cut + 2


def _narrative_dates(doc: "Doc", drafts: list[EventDraft], located: list[tuple[Timex, list[int]]]) -> None:
    """Narrative time: an event told after "On 6 June 2025, …" in the same paragraph, with no date of its own,
    happened on the day the paragraph last named (the analyst's reading of a dated report)."""
    for d in drafts:
        if d.date is not None:
            continue
        here = doc[d.trigger].idx
        start = _paragraph_start(doc_text(doc), here)
        earlier = [(toks[0], tx) for tx, toks in located if toks and tx.kind == "date" and tx.value.value
                   and tx.value.precision == "day" and start <= tx.span.start < here]
        if earlier:
            last = max(earlier, key=lambda x: x[0])
            d.date, d.date_tokens = last[1].value, [last[0]]


def _find(drafts: list[EventDraft], token: int) -> EventDraft | None:
    for d in drafts:
        if d.trigger == token or token in d.extra_triggers or any(
                m.trigger == token or token in m.extra_triggers for m in d.merged):
            return d
    return None


def _resolve_anchors(doc: "Doc", drafts: list[EventDraft], located: list[tuple[Timex, list[int]]]) -> None:
    for tx, toks in located:
        if tx.kind != "anchor" or not toks:
            continue
        off = anchor_offset(tx)
        if off is None:
            continue
        gov = _governor(doc, toks)
        if gov is None:
            continue
        # main event: the governing verb itself or its subject noun ("Blinken's meeting came the day after …")
        main = _find(drafts, gov.i)
        if main is None:
            for c in gov.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    main = _find(drafts, c.i)
        sub: EventDraft | None = None
        for c in gov.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("after", "before") for m in c.children if m.dep_ == "mark"):
                sub = _find(drafts, c.i)
            elif c.dep_ == "prep" and c.lower_ in ("after", "before"):
                for p in c.children:
                    sub = sub or _find(drafts, p.i)
        if sub is None:
            for i in range(toks[-1] + 1, min(len(doc), toks[-1] + 4)):
                if doc[i].lower_ in ("after", "before"):
                    for t in doc[i].subtree:
                        sub = sub or _find(drafts, t.i)
        if main is None or sub is None or main is sub:
            continue
        # "main came N days after sub": sub = main - N; "main came N days before sub": sub = main + N
        days = off.days if off.relation == "after" else -off.days
        evidence = (tx.span,)
        if main.date is not None and main.date.precision == "day" and (
                sub.date is None or sub.date.precision != "day"):
            sub.date = dataclasses.replace(shift(main.date, -days), evidence=evidence + main.date.evidence)
        elif sub.date is not None and sub.date.precision == "day" and (
                main.date is None or main.date.precision != "day"):
            main.date = dataclasses.replace(shift(sub.date, days), evidence=evidence + sub.date.evidence)


def _modifier(doc: "Doc", pm: "PlaceMention") -> bool:
    """A place name used as a modifier of a thing, not where something happens: "the US dollar", "Iranian
    oil", "a Gaza-bound ship" (the head is a common noun outside the place's own span)."""
    head = doc[pm.head]
    return head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ == "NOUN" and not (
        pm.start_token <= head.head.i < pm.end_token) and head.head.lemma_.lower() not in _PLACE_HEADS


_PLACE_HEADS = {"city", "town", "village", "area", "district", "province", "region", "state", "border", "camp",
                "neighbourhood", "neighborhood", "street", "road", "front", "frontline", "countryside", "outskirts",
                "suburb", "port", "coast", "governorate", "county", "municipality", "valley", "island", "zone",
                "market", "base", "airport", "crossing", "checkpoint", "hospital", "school", "mosque", "square"}


def _narrow(doc: "Doc", d: EventDraft, by_token: dict[int, "PlaceMention"], places: dict[str, "Place"],
            in_actor: set[int]) -> None:
    """An event placed in a whole region or country whose sentence names exactly one town inside it ("struck
    eastern parts of the Gaza Strip, near Gaza City") happened there: the town is the more precise place."""
    if d.place is None or d.place not in places or _KIND_RANK.get(places[d.place].kind, 9) == 0:
        return
    wide = places[d.place]
    sent = doc[d.trigger].sent
    towns: dict[str, int] = {}
    for i in range(sent.start, sent.end):
        pm = by_token.get(i)
        if pm is None or i in in_actor or doc[i].head.lower_ == "from" or pm.place not in places:
            continue
        p = places[pm.place]
        if p.kind == "city" and p.country == wide.country and (wide.kind == "country" or _near(p, wide, 80.0)):
            towns.setdefault(p.id, i)
    if not towns and wide.kind == "admin1":
        # "dispersed laborers on a bridge in Rajkot city (Rajkot, Gujarat)": a town of that province the parse
        # read inside an actor's phrase is still where it happened
        for i in range(sent.start, sent.end):
            pm = by_token.get(i)
            town = places.get(pm.place) if pm is not None else None
            if town is not None and town.kind == "city" and town.admin1 == wide.name and town.country == wide.country:
                towns.setdefault(town.id, i)
    if len(towns) == 1:
        (pid, i), = towns.items()
        d.place, d.place_tokens = pid, [i]


# words that open the name of a neighbourhood ("Colonia Nueva", "Bairro Alto"): names many towns share
_QUARTER_WORDS = {"colonia", "barrio", "bairro", "fraccionamiento", "vila", "villa", "jardim", "conjunto", "mohalla",
                  "sector", "residencial", "parque", "reparto", "ejido"}


def _lead_town(doc: "Doc", d: EventDraft, by_token: dict[int, "PlaceMention"], places: dict[str, "Place"],
               in_actor: set[int]) -> None:
    """A neighbourhood the clause names that the gazetteer placed far (over 150 km) from the town the sentence
    opened with, in the same country, is a homonym read wrong ("In Velmar, North Province, a trader was found dead
    in Colonia Nueva"): the lead town is the place."""
    chosen = places.get(d.place or "")
    if chosen is None or chosen.kind != "city" or chosen.name.split()[0].lower() not in _QUARTER_WORDS:
        return
    sent = doc[d.trigger].sent
    for i in range(sent.start, min(d.place_tokens or [sent.end])):
        pm = by_token.get(i)
        if pm is None or i in in_actor or pm.place not in places or pm.place == chosen.id:
            continue
        lead = places[pm.place]
        if lead.kind == "city" and lead.country == chosen.country and not _near(lead, chosen, 150.0):
            d.place, d.place_tokens = lead.id, [i]
        return


def _near(a: "Place", b: "Place", km: float) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    dlat = (a.lat - b.lat) * 111.0
    dlon = (a.lon - b.lon) * 111.0 * max(0.1, math.cos(math.radians((a.lat + b.lat) / 2)))
    return math.hypot(dlat, dlon) <= km


def place_events(doc: "Doc", drafts: list[EventDraft], analysis: "Analysis") -> None:
    by_token = {i: pm for pm in analysis.place_mentions if not pm.adjectival and not _modifier(doc, pm)
                for i in range(pm.start_token, pm.end_token)}
    in_actor = {i for m in analysis.actor_mentions for i in range(m.start_token, m.end_token)}
    location_actor_place: dict[str, str] = {}
    places = {p.id: p for p in analysis.places}
    for a in analysis.actors:
        if a.kind == "location":
            for p in places.values():
                if p.name == a.name and p.country == a.country:
                    location_actor_place[a.id] = p.id
    for d in drafts:
        clause = _clause(doc, d)
        found: list[int] = []
        for i in sorted(clause):
            for c in doc[i].children:
                if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS:
                    found.extend(p.i for p in c.subtree if p.i in by_token)
        if found:
            # the most specific place the clause names ("a market in the town of Mellit in North Darfur")
            best = min(found, key=lambda t: (_KIND_RANK.get(places[by_token[t].place].kind, 9)
                                             if by_token[t].place in places else 9, t))
            d.place, d.place_tokens = by_token[best].place, [best]
            _lead_town(doc, d, by_token, places, in_actor)
        if d.place is None:
            for target_id in d.target:
                if target_id in location_actor_place:
                    d.place = location_actor_place[target_id]
                    d.place_tokens = [t for t in d.target_tokens if t in by_token][:1]
                    break
        if d.place is None and d.type in _MATERIAL and not d.nominal:
            sent = doc[d.trigger].sent
            cands = {by_token[i].place for i in range(sent.start, sent.end) if i in by_token
                     and doc[i].head.lower_ != "from" and i not in in_actor}
            if len(cands) == 1:
                d.place = cands.pop()
        _narrow(doc, d, by_token, places, in_actor)
