"""Stage ``events``: detect events, attach actors, infer missing roles, date, place, merge and type them.

Requires ``doc``, ``actor_mentions``, ``actors``, ``timexes``, ``places``, ``place_mentions``;
assigns ``events`` (and ``actors``: a place that is the target of an event, "enter Rafah", becomes a
location actor).
"""
from __future__ import annotations

from copy import copy
from typing import TYPE_CHECKING

from .. import ids
from ..mentions.actors import argument_actor, civilian_actor
from ..model import AcledType, Actor, Event, EventEvidence, Span
from ..resources.actors import KBActor
from ..resources.events import Lexicon, TriggerSpec, load_lexicon
from .verb_dictionary import DICTIONARY_FLAG, plover_type, with_dictionary
from .contexts import contexts_for
from .dating import date_events, place_events
from .detect import PARTITIVES, detect
from .quoted import quoted_demands
from .draft import EventDraft
from .inference import infer_roles
from .weapons import arm
from .merge import merge_drafts
from .protests import mark_interventions
from .roles import deep_targets
from .ontology.crosswalk import acled, cameo_code, quad

if TYPE_CHECKING:
    from spacy.tokens import Span as SpanType, Token
    from spacy.tokens import Doc

    from ..pipeline import Analysis


_OWNER_PREPS = {"of", "for"}


def _at(t: int, analysis: "Analysis") -> list[str]:
    return [m.actor for m in analysis.actor_mentions if m.start_token <= t < m.end_token]


def _actors_for(tokens: list[int], analysis: "Analysis") -> list[str]:
    """Actors mentioned at the argument tokens; an argument with no actor of its own stands for the actor
    that owns it: "its aircraft" (the possessor), "a government plan", "a Russian proposal" (the modifier),
    "positions of the RSF", "a spokesperson for the office" (the of/for phrase)."""
    doc = analysis.doc
    assert doc is not None
    kb = analysis.resources.actor_kb()
    out: list[str] = []
    for t in tokens:
        found = _at(t, analysis)
        if not found:
            tok = doc[t]
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < t:
                    found += _at(c.i, analysis)
                    if not found and c.dep_ == "amod":
                        iso = kb.country_of_demonym(c.text)
                        country = kb.country(iso) if iso else None
                        if country is not None:
                            found.append(_ensure_country(country, analysis))
            if not found:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found += _at(p.i, analysis)
        for a in found:
            if a not in out:
                out.append(a)
    return out


def _ensure_country(country: "KBActor", analysis: "Analysis") -> str:
    if not any(a.id == country.id for a in analysis.actors):
        analysis.actors.append(Actor(id=country.id, name=country.name, kind="country", country=country.country,
                                     wikidata=country.wikidata))
    return country.id


def _location_actors(tokens: list[int], analysis: "Analysis") -> list[str]:
    """Targets that are places ("enter Rafah", "invasion of Rafah") become location actors."""
    out: list[str] = []
    places = {p.id: p for p in analysis.places}
    for t in tokens:
        for pm in analysis.place_mentions:
            if pm.start_token <= t < pm.end_token and not pm.adjectival:
                place = places.get(pm.place)
                if place is None:
                    continue
                capital_of = analysis.resources.actor_kb().country_of_capital(place.name)
                if capital_of is not None and place.kind == "city":
                    country = analysis.resources.actor_kb().country(capital_of)
                    if country is not None:   # "pressed Moscow to accept": the capital stands for the state
                        aid = _ensure_country(country, analysis)
                        if aid not in out:
                            out.append(aid)
                        continue
                aid = ids.actor_id(None, place.name, place.country, ("LOC",))
                existing = next((a for a in analysis.actors if a.id == aid), None)
                if existing is None:
                    analysis.actors.append(Actor(id=aid, name=place.name, kind="location", country=place.country,
                                                 sector=(), resolved=place.country is not None,
                                                 mentions=place.mentions))
                if aid not in out:
                    out.append(aid)
    return out


def _own(t: int, source: list[str], analysis: "Analysis") -> bool:
    """"refused to withdraw its troops": a target the source possesses is not acted upon by it."""
    doc = analysis.doc
    assert doc is not None
    return any(c.dep_ == "poss" and set(_at(c.i, analysis)) & set(source) for c in doc[t].children)


def _argument_actors(tokens: list[int], analysis: "Analysis", *, singular: bool = False) -> list[str]:
    out: list[str] = []
    for t in tokens:
        aid = argument_actor(analysis, t, singular=singular)
        if aid is not None and aid not in out:
            out.append(aid)
    return out


def _attach(drafts: list[EventDraft], analysis: "Analysis") -> None:
    doc = analysis.doc
    assert doc is not None
    for d in drafts:
        d.source = _actors_for(d.source_tokens, analysis) or _argument_actors(d.source_tokens, analysis)
        if d.type in ("REJECT", "RETREAT", "MOBILIZE", "AGREE", "REQUEST"):
            d.target_tokens = [t for t in d.target_tokens if not _own(t, d.source, analysis)]
        d.target = [a for a in _actors_for(d.target_tokens, analysis) if a not in d.source]
        if not d.target:
            d.target = _location_actors(d.target_tokens, analysis)
        if not d.target and d.type in ("ASSAULT", "COERCE"):
            d.target = [a for a in _argument_actors(d.target_tokens, analysis, singular=True) if a not in d.source]
        if not d.target and not d.nominal and d.type != "CONSULT":   # "discussed a meeting between X": a topic
            deep = deep_targets(doc[d.trigger], d.target_tokens)
            found = [a for a in _actors_for([t.i for t in deep], analysis) if a not in d.source]
            if found:
                d.target = found
                d.target_tokens = [t.i for t in deep]


DWELLINGS = {"house", "home", "building", "tent", "school", "shelter", "hospital", "clinic", "mosque", "church",
             "market", "apartment", "residence", "flat", "bakery", "kitchen", "gathering", "crowd", "homestead",
             "hut", "dwelling"}


def _interventions(drafts: list[EventDraft], analysis: "Analysis") -> None:
    """Protests the police or army dispersed, arrested or fired on (``events.protests``)."""
    assert analysis.doc is not None
    mark_interventions(analysis.doc, drafts, {a.id: a for a in analysis.actors})


def _dwelling_victims(drafts: list[EventDraft], analysis: "Analysis") -> None:
    """An attack that happened on a home, a tent, a school or a gathering, with no one named as its target,
    hits the civilians there ("warplanes struck a residential home in Gaza City"): the target becomes an
    unresolved civilian actor, its evidence the struck place, its country the article's focus."""
    doc = analysis.doc
    assert doc is not None
    for d in drafts:
        if d.type != "ASSAULT" or d.target or d.status != "actual" or d.mode == "crowd-control":
            continue
        hit = [i for i in d.target_tokens if doc[i].lemma_.lower() in DWELLINGS or any(
            c.dep_ == "amod" and c.lower_ == "civilian" for c in doc[i].children)]   # "a civilian vehicle"
        if not hit:
            continue
        struck = {doc[i].lemma_.lower() for i in hit}
        if any(e is not d and e.type == "ASSAULT" and e.target and struck & {
                doc[i].lemma_.lower() for i in e.target_tokens} for e in drafts):
            continue   # the same attack on the market told again ("had dropped bombs on the market")
        aid = civilian_actor(analysis, hit[0])
        if aid not in d.source:
            d.target = [aid]


def _span(doc: "Doc", i: int) -> Span:
    t = doc[i]
    return Span(t.idx, t.idx + len(t.text), t.text)


def _mention_spans(tokens: list[int], analysis: "Analysis") -> tuple[Span, ...]:
    out: list[Span] = []
    for t in tokens:
        for m in analysis.actor_mentions:
            if m.start_token <= t < m.end_token and m.span not in out:
                out.append(m.span)
    return tuple(out)


def _objects(doc: "Doc", d: EventDraft) -> frozenset[str]:
    """Lemmas of what the trigger acted on, for the ACLED crosswalk: its object or passive subject with their
    modifiers, its particle and compounds, and the target words ("shot down a drone", "attacked a village")."""
    t = doc[d.trigger]
    args = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "prt", "compound")]
    # "a number of barracks", "a total of 56 points": the partitive's complement is what was acted on
    args += [p for c in args if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in PARTITIVES
             for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children if p.dep_ == "pobj"]
    found = args + [g for c in args if c.dep_ != "prt" for g in c.children if g.dep_ in ("compound", "amod")]
    found += [doc[i] for i in d.target_tokens]
    if d.type == "ASSAULT" and not d.target_tokens and not any(c.dep_ in ("dobj", "nsubjpass") for c in args):
        found += _victims(t.sent)
    words = {w.lemma_.lower() for w in found if w.ent_type_ not in ("DATE", "TIME")}
    if any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in args):
        words.add("place")   # "recaptured Quissanga": the object is a place
    return frozenset(words)


_HARMED = {"kill", "injure", "wound", "shoot", "stab", "murder", "behead", "hit", "find", "execute", "hurt",
           "abduct", "kidnap"}


def _victims(sent: "SpanType") -> list["Token"]:
    """Who the sentence says was harmed, for an attack told with no target of its own ("a trader was killed by
    gunmen on a motorbike", "the body of a farmer was found with stab wounds", "shot dead two guards"): the
    passive subjects and objects of harm verbs, with their conjuncts and the "of" of "the body of a man"."""
    out: list["Token"] = []
    for tok in sent:
        if tok.lemma_.lower() not in _HARMED or tok.pos_ != "VERB":
            continue
        aux = [c for c in tok.children if c.dep_ == "auxpass"]
        passive = bool(aux)
        if passive and not any(c.dep_ in ("nsubjpass", "nsubj") for c in tok.children) and aux[0].i > sent.start:
            before = tok.doc[aux[0].i - 1]   # "In Velmar, North Province, a driver was killed": a lost subject
            if before.pos_ == "NOUN":
                out.append(before)
        for c in tok.children:
            # "In Velmar, a driver was killed": the parse may hang a fronted passive subject as an apposition
            if c.dep_ in ("nsubjpass", "dobj") or c.pos_ == "NOUN" and (
                    passive and c.dep_ == "appos" or c.dep_ == "npadvmod"):   # "shot dead two guards"
                out += [c, *(g for g in c.children if g.dep_ == "conj")]
                out += [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj"]
    return out


_TAKEOVER = {"enter", "capture", "seize", "take", "occupy", "regain", "retake", "recapture", "overrun", "control",
             "hand", "handover", "advance"}


def _taken_over(doc: "Doc", d: EventDraft, drafts: list[EventDraft]) -> bool:
    """A withdrawal after which another side took the place, told in its sentence or the next ("withdrew,
    allowing Daesh to seize it"): territory transferred without a fight."""
    if d.type != "RETREAT" or d.mode != "withdraw":
        return False
    sents = list(doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= d.trigger < s.end)
    near = range(sents[here].start, sents[min(here + 1, len(sents) - 1)].end)
    return any(e is not d and e.trigger in near and doc[e.trigger].lemma_.lower() in _TAKEOVER
               and not set(e.source) & set(d.source) for e in drafts)


def _claimed(doc: "Doc", drafts: list[EventDraft], analysis: "Analysis") -> None:
    """"A roadside bomb struck an army truck. The Velmar Front claimed responsibility for it.": an attack told
    with no perpetrator was made by the actor that claimed it (the subject of "claimed responsibility" or of
    "claimed the attack")."""
    claimers: list[str] = []
    for tok in doc:
        if tok.lemma_.lower() != "claim" or tok.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in ("responsibility", "attack", "bombing", "killing")
                   for c in tok.children):
            continue
        for c in tok.children:
            if c.dep_ == "nsubj":   # "Al Shabaab militants claimed …": the mention may be the subject's modifier
                span = range(c.left_edge.i, c.right_edge.i + 1)
                claimers += [m.actor for m in analysis.actor_mentions if m.start_token in span]
    if not claimers:
        return
    for d in drafts:
        if d.type == "ASSAULT" and not d.source and d.status == "actual" and claimers[0] not in d.target:
            d.source = [claimers[0]]


def _setting(doc: "Doc", d: EventDraft, drafts: list[EventDraft]) -> bool:
    """A patrol, deployment or security measure told in the sentence of an attack that happened ("officers were
    patrolling when gunmen started shooting", "a police team enforcing the lockdown was attacked", "attacked a
    police patrol"): the setting of the attack, which is the event ACLED codes."""
    if not (d.type == "MOBILIZE" or d.type == "COERCE" and d.mode in ("restrict", "curfew")
            and doc[d.trigger].dep_ in ("acl", "relcl")):   # "a police team enforcing the lockdown was attacked"
        return False
    if doc[d.trigger].lemma_.lower() in ("set", "establish", "build", "erect", "open", "create", "install"):
        return False   # a base set up is an event of its own
    sent = doc[d.trigger].sent
    return any(e.type == "ASSAULT" and e.status == "actual" and e.mode != "crowd-control" and not e.nominal
               and sent.start <= e.trigger < sent.end for e in drafts)


_DEMONSTRATORS = {"demonstrator", "protester", "protestor", "marcher"}


def _protesting(doc: "Doc", d: EventDraft, drafts: list[EventDraft]) -> bool:
    """Violence by people who are demonstrating: the attackers are named as demonstrators, or a protest is
    told in the attack's sentence ("residents demonstrating against the curfew vandalized a police station")."""
    if d.type != "ASSAULT":
        return False
    if any(doc[i].lemma_.lower() in _DEMONSTRATORS or any(
            c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("demonstrate", "protest", "march", "riot")
            for c in doc[i].children) for i in d.source_tokens):
        return True   # "demonstrators", "residents demonstrating against the curfew"
    sent = doc[d.trigger].sent
    return any(e.type == "PROTEST" and e.mode in (None, "demo") and e.status == "actual"
               and sent.start <= e.trigger < sent.end for e in drafts)


def _rioting(doc: "Doc", d: EventDraft, drafts: list[EventDraft]) -> bool:
    """Crowd control used on a crowd that rioted, told in the same sentence ("police fired tear gas to
    disperse workers who had pelted stones"): ACLED codes the riot, not a protest with intervention."""
    if d.type != "ASSAULT" or d.mode != "crowd-control":
        return False
    sent = doc[d.trigger].sent
    return any(e.type == "PROTEST" and e.mode == "riot" and sent.start <= e.trigger < sent.end for e in drafts)


_TAKING_LEMMAS = {"capture", "recapture", "retake", "regain", "seize", "take", "occupy", "control", "liberate",
                  "free", "enter", "overrun", "storm", "invade", "reclaim", "recover", "conquer"}
_REPORTING = {"say", "tell", "report", "announce", "state", "claim", "add", "confirm"}


def _finish(d: EventDraft, analysis: "Analysis", drafts: list[EventDraft]) -> Event:
    doc = analysis.doc
    assert doc is not None
    sent = doc[d.trigger].sent
    sectors = {a.id: set(a.sector) for a in analysis.actors}
    kinds = {a.id: a.kind for a in analysis.actors}
    # a person named with no sector of their own is a civilian ("gunmen shot a sheikh", "attacked Danhono"); not
    # what a capture took (a town the parse read as a person: "recaptured Quissanga")
    person_cvl = doc[d.trigger].lemma_.lower() not in _TAKING_LEMMAS
    tsec = {s for a in d.target
            for s in (sectors.get(a) or ({"CVL"} if person_cvl and kinds.get(a) == "person" else set()))}
    ssec = {s for a in d.source for s in sectors.get(a, set())}
    mentions: list[Span] = [_span(doc, i) for i in d.extra_triggers]
    for m in d.merged:
        mentions.append(_span(doc, m.trigger))
    evidence = EventEvidence(
        trigger=_span(doc, d.trigger),
        sentence=Span(sent.start_char, sent.end_char, sent.text),
        source=_mention_spans(d.source_tokens + [t for m in d.merged for t in m.source_tokens], analysis),
        target=_mention_spans(d.target_tokens + [t for m in d.merged for t in m.target_tokens], analysis),
        date=tuple(d.date.evidence) if d.date else (),
        place=tuple(_span(doc, i) for i in d.place_tokens),
        mentions=tuple(mentions),
    )
    main = any(doc[i].dep_ == "ROOT" or (doc[i].dep_ == "ccomp" and doc[i].head.dep_ == "ROOT"
                                         and doc[i].head.lemma_.lower() in _REPORTING)
               for i in [d.trigger, *d.extra_triggers])
    confidence = 0.4 + 0.15 * bool(d.source) + 0.15 * bool(d.target) + 0.1 * (not d.nominal) \
        + 0.05 * bool(d.merged) + 0.05 * (d.date is not None and d.date.precision not in ("reported", "unknown")) \
        + 0.05 * main - 0.1 * (d.status == "hypothetical") - 0.1 * (d.status == "intended" and not main)
    cameo = d.cameo if d.spec.has(DICTIONARY_FLAG) else cameo_code(d.type, d.cameo)
    return Event(
        id=ids.event_id(analysis.article.id, d.type + ":reply" * d.reply, doc[d.trigger].idx,
                        doc[d.trigger].idx + len(doc[d.trigger].text)),
        type=d.type, mode=d.mode, context=contexts_for(sent.text, d.type), cameo=cameo, quad=quad(d.type),
        acled=AcledType() if _setting(doc, d, drafts) else acled(
            d.type, d.mode, d.status, tsec, ssec, weapon=d.weapon, lemma=doc[d.trigger].lemma_.lower(),
            intervened=d.intervened, excessive=d.excessive, symmetric=d.symmetric,
            direct_fire=d.direct_fire, rioting=_rioting(doc, d, drafts), protesting=_protesting(doc, d, drafts),
            objects=_objects(doc, d), taken_over=_taken_over(doc, d, drafts)),
        source=tuple(d.source), target=tuple(d.target),
        symmetric=d.symmetric, status=d.status, date=d.date, place=d.place, confidence=round(min(confidence, 0.95), 2),
        evidence=evidence, fatalities=d.fatalities,
    )


def _unattributed(doc: "Doc", d: EventDraft) -> bool:
    """Violence, protest, arrests, curfews, seizures and deployments that happened are events even when the
    text names no one ("the protests against a finance bill last year", "an air strike on a market", "shops were
    burned in Kano on Monday", "curfew was imposed in two areas", "weapons were seized")."""
    kept = d.type in ("ASSAULT", "PROTEST", "MOBILIZE") or (d.type == "COERCE" and d.mode in (
        "arrest", "curfew", "restrict", "seize", "martial-law", "deport"))
    return kept and d.status == "actual" and (
        d.date is not None and d.date.precision not in ("reported", "unknown") or d.place is not None
        or bool(d.target_tokens))


def _absorbed_countries(drafts: list[EventDraft], analysis: "Analysis") -> None:
    """In a dictionary-coded event, a country beside an agent of that country is the agent's ("lawmakers in
    Fornost and Gondor": Fornost's and Gondor's lawmakers, not Gondor itself)."""
    actors = {a.id: a for a in analysis.actors}

    def kept(ids: list[str]) -> list[str]:
        agents = {actors[i].country for i in ids if i in actors and actors[i].kind != "country" and actors[i].sector}
        return [i for i in ids if not (i in actors and actors[i].kind == "country" and actors[i].country in agents)]

    for d in drafts:
        if d.spec.has(DICTIONARY_FLAG):
            d.source, d.target = kept(d.source), kept(d.target)


def _paired(drafts: list[EventDraft], lexicon: Lexicon) -> list[EventDraft]:
    """A dictionary's paired code ``[A:B]``: the source does A to the target and the target B back ("left for
    X" [032:033]: a visit and the reception of a visit); the same code both ways is one mutual event."""
    out: list[EventDraft] = []
    for d in drafts:
        out.append(d)
        if not d.paired or not d.source or not d.target:
            continue
        if d.paired == d.cameo:
            d.symmetric = True
            continue
        spec = TriggerSpec(d.spec.lemma, d.spec.pos, plover_type(d.paired, d.spec.lemma, lexicon), None, d.paired,
                           d.spec.frame)
        reply = copy(d)
        reply.spec, reply.type, reply.cameo, reply.paired, reply.reply = spec, spec.type, d.paired, None, True
        reply.source, reply.target = list(d.target), list(d.source)
        reply.source_tokens, reply.target_tokens = list(d.target_tokens), list(d.source_tokens)
        out.append(reply)
    return out


def event_stage(analysis: "Analysis") -> None:
    doc = analysis.doc
    assert doc is not None
    lexicon = load_lexicon()
    drafts = [] if analysis.resources.verbs_only else detect(doc, lexicon)
    verbs = analysis.resources.verbs
    if verbs is not None:
        mentions = {m.start_token: m.end_token for m in analysis.actor_mentions}
        drafts = with_dictionary(doc, drafts, verbs, lexicon, mentions, analysis.resources.verbs_only)
    arm(doc, drafts)
    if not analysis.resources.verbs_only:
        drafts += quoted_demands(doc, analysis.quotes, {d.trigger for d in drafts})
    _attach(drafts, analysis)
    if verbs is not None:
        _absorbed_countries(drafts, analysis)
    for d in drafts:
        if d.quote_speakers and not d.source:
            d.source = list(d.quote_speakers)
    infer_roles(doc, drafts, {a.id: frozenset(a.sector) for a in analysis.actors})
    _claimed(doc, drafts, analysis)
    _interventions(drafts, analysis)
    date_events(doc, drafts, analysis)
    place_events(doc, drafts, analysis)
    drafts = merge_drafts(doc, drafts, {a.id: (a.resolved, frozenset(a.sector)) for a in analysis.actors})
    date_events(doc, drafts, analysis, anchors_only=True)
    _dwelling_victims(drafts, analysis)   # after merging: the same strike told twice must stay one event
    drafts = [d for d in drafts if d.source or d.target or _unattributed(doc, d)]
    drafts = _paired(drafts, lexicon)
    analysis.events = [_finish(d, analysis, drafts) for d in drafts]
    analysis.notes["event_drafts"] = drafts
