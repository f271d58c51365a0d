"""Frames that decide what an embedded act means, beside those of ``events.detect`` (PLOVER typing, issue 5).

* permissions: "allowed the mayor to stand again", "permitted the opposition to hold a rally" are CONCEDE (easing a
  restriction), the permitted act part of it;
* orders: "ordered the minister to appear before the court" is a REQUEST to the one ordered (as the manual counts orders
  among requests); an order to stop publishing is COERCE censor ("ordered the weekly to stop
  printing"); orders to forces ("ordered troops to attack") are left to the act itself;
* ruled-out acts: "removing the sanctions is out of the question" is a REJECT of that act;
* threat content: what a threat, a vow or a conditional announcement threatens gives THREATEN's mode
  (manual, THREATEN modes: restrict, arrest, relations, expel, territory, violence);
* PLOVER's future rule refined: willingness ("is ready to pull back", "is prepared to ease the embargo", "offered
  to hand over") is AGREE, as the manual counts offers and shown willingness; a firm announcement of a
  retreat stays CONCEDE; a cooperative act promised or vowed ("promised to continue aid") is AGREE; a coercive
  act announced under a condition ("will withdraw its force unless ...", "may halt mediation if ...") is a
  THREATEN;
* riots told with their acts: "inmates rioted, burning bedding" is one riot, not an arson.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..resources.events import Lexicon, TriggerSpec
from .draft import EventDraft
from .roles import expand_conj, subject_tokens
from .status import INTEND, READY, status_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PhraseFn = Callable[["Token", Lexicon], "TriggerSpec | None"]

PERMIT = {"allow", "permit", "authorize", "authorise", "let"}
ORDER = {"order", "instruct", "direct", "command"}
STOP_VERBS = {"suspend", "stop", "cease", "halt", "close", "shut", "end"}
MEDIA_WORDS = {"publication", "publishing", "broadcast", "broadcasting", "newspaper", "paper", "station",
               "channel", "transmission", "printing"}
FORCE_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "RETREAT", "THREATEN"}
RULED_OUT = {"question"}   # "out of the question"
OFFER_VERBS = {"offer", "volunteer", "propose"}
TERRITORY_VERBS = {"enter", "seize", "occupy", "take", "invade", "capture", "annex", "sweep", "storm"}
CONDITION_MARKS = {"if", "unless"}
RESTRICTIVE_PROTESTS = {"strike", "boycott", "obstruct"}
COOPERATION = {"AID", "COOPERATE", "CONSULT", "SUPPORT"}


def _spec(tok: "Token", lex: Lexicon, phrase: PhraseFn) -> TriggerSpec | None:
    return phrase(tok, lex) or lex.trigger(tok.lemma_, "VERB")


def to_clause(tok: "Token") -> "Token | None":
    """The infinitive an act governs: "allowed X to run" (xcomp, or ccomp with its own subject), or the
    purpose-like advcl the parser sometimes gives a control verb ("have sworn to fight")."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > tok.i and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def _embedded_nouns(x: "Token", lex: Lexicon) -> list[int]:
    """Event nouns the embedded act governs ("to bring out a rally"): part of the framed act."""
    return [c.i for c in x.children if c.dep_ in ("dobj", "nsubjpass") and lex.trigger(c.lemma_, "NOUN")]


def _frame_roles(ev: EventDraft, tok: "Token", x: "Token", told: list["Token"], lex: Lexicon,
                 consumed: set[int]) -> None:
    """The framed act ``x`` joins the frame's event (its trigger and event nouns are used up); the frame's
    subject is the source, the ones allowed or ordered the target, the act the issue."""
    ev.extra_triggers.append(x.i)
    consumed.add(x.i)
    consumed.update(_embedded_nouns(x, lex))
    ev.source_tokens = [t.i for t in subject_tokens(tok)]
    ev.target_tokens = [t.i for a in told for t in expand_conj(a)]
    ev.issue_tokens = [t.i for t in x.subtree]


def permission(tok: "Token", lex: Lexicon, consumed: set[int], phrase: PhraseFn) -> EventDraft | None:
    if tok.lemma_.lower() not in PERMIT or phrase(tok, lex) is not None:
        return None   # "allowed aid convoys in" is a phrase of its own (RETREAT access)
    x = to_clause(tok)
    if x is None:
        return None
    allowed = [c for c in tok.children if c.dep_ == "dobj"] or [c for c in x.children if c.dep_ == "nsubj"]
    if not allowed:
        return None
    inner = _spec(x, lex, phrase)
    refused = status_of(tok) == "negated"
    if not refused and inner is not None and (inner.type in ("RETREAT", "AID") or inner.type in CONFLICT_TYPES):
        return None   # "allowed the convoys to deliver aid", "allowed Daesh to seize it": the act itself says it
    ev = EventDraft(trigger=tok.i, spec=TriggerSpec(tok.lemma_.lower(), "VERB", "CONCEDE", None, "0811",
                                                    frozenset({"obj"})),
                    type="CONCEDE", cameo="0811")
    _frame_roles(ev, tok, x, allowed, lex, consumed)
    if refused:
        # "chose not to let traders open their stalls": a restriction imposed, not a concession withheld
        ev.type, ev.cameo, ev.mode = "COERCE", "172", "restrict"
        ev.status = "intended" if tok.head.lemma_.lower() in INTEND and tok.dep_ in ("xcomp", "ccomp") else "actual"
    return ev


def order(tok: "Token", lex: Lexicon, consumed: set[int], phrase: PhraseFn) -> EventDraft | None:
    if tok.lemma_.lower() not in ORDER:
        return None
    x = to_clause(tok)
    if x is None:
        return None
    ordered = [c for c in tok.children if c.dep_ == "dobj"] or [c for c in x.children if c.dep_ == "nsubj"]
    if not ordered:
        return None
    inner = _spec(x, lex, phrase)
    objects = {c.lemma_.lower() for c in x.children if c.dep_ == "dobj"}
    media = x.lemma_.lower() in STOP_VERBS and (objects | {o.lemma_.lower() for o in ordered}) & MEDIA_WORDS
    if not media and inner is not None and inner.type in FORCE_TYPES:
        return None   # "ordered troops to attack": the attack is the event
    if media:
        spec = TriggerSpec(tok.lemma_.lower(), "VERB", "COERCE", "censor", "1721", frozenset({"obj"}))
    else:
        spec = TriggerSpec(tok.lemma_.lower(), "VERB", "REQUEST", None, "100", frozenset({"obj"}))
    ev = EventDraft(trigger=tok.i, spec=spec, type=spec.type, cameo=spec.cameo, mode=spec.mode)
    _frame_roles(ev, tok, x, ordered, lex, consumed)
    return ev


def ruled_out(tok: "Token", lex: Lexicon, consumed: set[int], phrase: PhraseFn) -> EventDraft | None:
    """"(said that) removing the sanctions is out of the question": a REJECT of the act, by the speaker."""
    if tok.lemma_ != "be":
        return None
    out = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "out"]
    if not out or not any(p.lemma_.lower() in RULED_OUT for c in out[0].children if c.lower_ == "of"
                          for p in c.children):
        return None
    acts = [c for c in tok.children if c.dep_ in ("csubj", "nsubj")]
    if not acts:
        return None
    ev = EventDraft(trigger=tok.i, spec=TriggerSpec("rule", "VERB", "REJECT", None, "120", frozenset()),
                    type="REJECT", cameo="120")
    speaker = tok.head if tok.dep_ == "ccomp" else tok
    ev.source_tokens = [t.i for t in subject_tokens(speaker)] if speaker is not tok else []
    for a in acts:
        consumed.update(t.i for t in a.subtree if t.pos_ in ("VERB", "NOUN"))
    ev.issue_tokens = [t.i for a in acts for t in a.subtree]
    if speaker is not tok:
        ev.extra_triggers.append(speaker.i)
    return ev


COMMITTED = {"committed", "dedicated"}
CONFLICT_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST", "REJECT", "ACCUSE"}


def commitment(tok: "Token", lex: Lexicon, consumed: set[int], phrase: PhraseFn) -> EventDraft | None:
    """"Arnor is committed to freer trade with its neighbours": a stated commitment to cooperate is AGREE (the
    manual's AGREE covers commitments to cooperate); a commitment to fight is not."""
    if tok.lemma_ == "be":
        adj = [c for c in tok.children if c.dep_ == "acomp" and c.lower_ in COMMITTED]
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
    elif tok.lower_ in COMMITTED and any(c.dep_ == "auxpass" for c in tok.children):
        adj, subj = [tok], [c for c in tok.children if c.dep_ == "nsubjpass"]   # "is committed to"
    else:
        return None
    if not adj:
        return None
    acts = [p for c in adj[0].children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
            if p.dep_ in ("pcomp", "pobj")]
    if not acts:
        return None
    act = acts[0]
    inner = _spec(act, lex, phrase) if act.pos_ == "VERB" else lex.trigger(act.lemma_, "NOUN")
    if inner is not None and inner.type in CONFLICT_TYPES:
        return None
    ev = EventDraft(trigger=adj[0].i, spec=TriggerSpec("commit", "VERB", "AGREE", None, "030", frozenset()),
                    type="AGREE", cameo="030")
    if tok.i != adj[0].i:
        ev.extra_triggers.append(tok.i)
    ev.source_tokens = [t.i for c in subj for t in expand_conj(c)]
    ev.issue_tokens = [t.i for t in act.subtree]
    consumed.add(act.i)
    return ev


FRAMES = (permission, order, ruled_out, commitment)


def other_frame(tok: "Token", lex: Lexicon, consumed: set[int], phrase: PhraseFn) -> EventDraft | None:
    if tok.i in consumed:
        return None   # "refused to allow X to land": the refusal's act
    for frame in FRAMES:
        ev = frame(tok, lex, consumed, phrase)
        if ev is not None:
            if not (frame is permission and ev.type == "COERCE"):   # a refused permission has its status
                ev.status = status_of(tok)
            return ev
    return None


def threat_mode(type_: str, mode: str | None, lemma: str) -> str:
    """THREATEN's mode: the content of the threat (manual, THREATEN modes)."""
    if type_ == "COERCE":
        return "arrest" if mode == "arrest" else "restrict"
    if type_ == "SANCTION":
        return {"expel": "expel", "discontinue": "relations", "withdraw": "relations",
                "break": "relations"}.get(mode or "", "restrict")
    if type_ == "PROTEST":
        return "restrict"
    if type_ == "RETREAT":
        return "relations"
    if type_ == "ASSAULT" and lemma in TERRITORY_VERBS:
        return "territory"
    return "violence"


def threatened_content(x: "Token", lex: Lexicon, phrase: PhraseFn) -> TriggerSpec | None:
    """What "threatened/vowed to X" threatens, when it is coercive: the verb's own event, or the event noun of a
    light verb ("threatened to launch an offensive", "to hold a general strike", "to institute a curfew")."""
    spec = _spec(x, lex, phrase)
    if spec is None:
        for c in x.children:
            if c.dep_ == "dobj":
                spec = lex.trigger(c.lemma_, "NOUN")
                if spec is not None:
                    break
    if spec is None:
        return None
    if spec.type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE") or (
            spec.type == "PROTEST" and spec.mode in RESTRICTIVE_PROTESTS):
        return spec
    return None


def _governor_cue(tok: "Token") -> "Token | None":
    """The word that makes an act intended: the control verb or adjective above it ("is willing to withdraw",
    "offered to hand over"), through conjuncts."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ in ("xcomp", "ccomp", "advcl") and cur.head is not cur:
            return cur.head
        return None
    return None


def willing(tok: "Token") -> bool:
    """"is willing/prepared/ready to withdraw", "offered to hand over": willingness, not an announcement."""
    gov = _governor_cue(tok)
    if gov is None:
        return False
    lemma = gov.lemma_.lower()
    if lemma in OFFER_VERBS or gov.lower_ in READY - {"set", "due", "poised", "determined"}:
        return True
    return False


COUNTERFACTUAL = {"would", "could", "might", "'d"}


def conditioned(tok: "Token") -> bool:
    """An act announced with its own condition ("will withdraw ... unless X arranged a ceasefire", "may halt
    mediation if cooperation founders"): the condition clause hangs on the act or on the verb that governs it.
    A counterfactual ("would attack Iran if Tehran launched missiles") is a hypothesis, not a threat made."""
    if any(c.dep_ == "aux" and c.lower_ in COUNTERFACTUAL for c in tok.children):
        return False
    for t in (tok, tok.head if tok.dep_ in ("xcomp", "conj") else tok):
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
               for c in t.children):
            return True
    return False


def retype_intended(ev: EventDraft, tok: "Token") -> bool:
    """PLOVER's future rules that depend on how the intent is told; True when ``ev`` was retyped."""
    if ev.type in ("RETREAT", "CONCEDE") and ev.status == "intended" and willing(tok):
        ev.type, ev.cameo, ev.mode = "AGREE", "035", None    # CAMEO 035 "express intent to yield"
        return True
    if ev.status in ("intended", "hypothetical") and conditioned(tok) and (
            ev.type in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE")
            or (ev.type == "PROTEST" and ev.mode in RESTRICTIVE_PROTESTS)
            or (ev.type == "RETREAT" and ev.mode == "withdraw")):
        ev.mode = threat_mode(ev.type, ev.mode, tok.lemma_.lower())
        ev.type, ev.status, ev.cameo = "THREATEN", "threatened", "130"
        return True
    if ev.status == "threatened" and ev.type in COOPERATION:
        ev.type, ev.cameo, ev.mode, ev.status = "AGREE", "030", None, "intended"   # "promised to continue aid"
        return True
    return False


def adjectival_noun(tok: "Token") -> bool:
    """"evacuated the wounded", "buried the dead": a participle used as a noun names people, not an act."""
    return tok.tag_ == "VBN" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
        c.dep_ in ("dobj", "nsubjpass", "agent", "aux", "auxpass") for c in tok.children)


PEACEKEEPERS = {"peacekeeper", "peacekeeping", "blue-helmet", "peace-keeper", "peace-keeping"}


def peacekeeping_aid(doc: "Doc", drafts: list[EventDraft]) -> None:
    """A deployment of peacekeepers is AID (manual, AID: "military and police assistance including ...
    personnel"; CAMEO 0744 "provide military protection or peacekeeping"), not a mobilisation against anyone."""
    for d in drafts:
        if d.type != "MOBILIZE":
            continue
        tok = doc[d.trigger]
        near = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prep", "compound", "amod")]
        words = {t.lemma_.lower() for c in near for t in c.subtree} | {t.lower_ for c in near for t in c.subtree}
        if words & PEACEKEEPERS:
            d.type, d.mode, d.cameo = "AID", None, "074"


SPEECH_NOUNS = {"declaration", "statement", "letter", "resolution", "communique", "communiqué", "note", "message",
                "appeal", "report", "memorandum", "petition", "decree"}
SUPPORT_VERBS = {"engage", "involve", "participate", "indulge"}


def carrier_source(tok: "Token") -> list["Token"]:
    """The actor behind an act told through a carrier: "issued a declaration demanding ..." (the declaration's
    issuer demands), "were engaged in ethnic cleansing" (the engaged act)."""
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in SPEECH_NOUNS and tok.head.dep_ in ("dobj", "nsubjpass") \
            and tok.head.head.pos_ == "VERB":
        return subject_tokens(tok.head.head)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in SUPPORT_VERBS:
        verb = tok.head.head
        return [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in expand_conj(c)]
    return []


def demanded_of(tok: "Token") -> list["Token"]:
    """"demanding that the government provide information": the demand is made of the clause's subject."""
    return [t for c in tok.children if c.dep_ in ("ccomp", "acl") for s in c.children if s.dep_ == "nsubj"
            for t in expand_conj(s)]


def carried_roles(doc: "Doc", drafts: list[EventDraft]) -> None:
    for d in drafts:
        tok = doc[d.trigger]
        if not d.source_tokens and not d.symmetric:   # "engaged in clashes": both sides, left to role inference
            d.source_tokens = [t.i for t in carrier_source(tok)]
            if d.source_tokens and tok.dep_ == "pobj" and not d.target_tokens:
                verb = tok.head.head   # "engaged in cleansing ... against the population"
                d.target_tokens = [t.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"
                                   for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        if d.type == "REQUEST" and not d.target_tokens:
            # "demanding that X ...", "reiterated its demand that X ..." (the clause hangs on the light verb)
            d.target_tokens = [t.i for h in [tok, *(doc[i] for i in d.extra_triggers)] for t in demanded_of(h)]


CIVIC = {"supporter", "voter", "opinion", "public", "lobby", "diaspora", "community", "citizen", "electorate",
         "constituency", "follower", "sympathizer", "sympathiser", "donor"}
CIVIC_GROUPS = {"pressure", "lobby", "interest", "advocacy", "civic", "community", "support", "solidarity"}


def civic_mobilization(doc: "Doc", drafts: list[EventDraft]) -> None:
    """"mobilized pressure groups to support the Palestinians", "mobilised its supporters": rallying civilian
    backing is SUPPORT (CAMEO 053 "rally support on behalf of"), not a military mobilisation (manual, MOBILIZE:
    "military or police moves")."""
    for d in drafts:
        tok = doc[d.trigger]
        if d.type != "MOBILIZE" or tok.lemma_.lower() not in ("mobilize", "mobilise"):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if any(o.lemma_.lower() in CIVIC or (o.lemma_.lower() in ("group", "organization", "organisation") and any(
                m.dep_ in ("compound", "amod") and m.lemma_.lower() in CIVIC_GROUPS for m in o.children))
               for o in objs):
            d.type, d.mode, d.cameo = "SUPPORT", None, "053"


EXERCISES = {"exercise", "drill", "manoeuvre", "maneuver", "wargame", "game"}


def joint_exercises(doc: "Doc", drafts: list[EventDraft]) -> None:
    """Joint military exercises are COOPERATE, single-country ones MOBILIZE (manual, MOBILIZE ambiguities):
    joint when called so, held with a partner, or held by two or more sides ("Velmari and Arnorian warships")."""
    for d in drafts:
        if d.type != "MOBILIZE" or d.cameo != "150":
            continue
        tok = doc[d.trigger]
        words = {t.lemma_.lower() for t in tok.subtree}
        if not words & EXERCISES:
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        several = any(len(expand_conj(s)) > 1 or any(a.dep_ == "amod" and any(x.dep_ == "conj" for x in a.children)
                                                        for a in s.children) for s in subj)
        if "joint" in words or several or any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            d.type, d.mode, d.cameo, d.symmetric = "COOPERATE", None, "062", True


ACCIDENTS = {"accident", "crash", "collision", "stampede", "earthquake", "flood", "landslide", "storm", "cyclone",
             "hurricane", "avalanche", "derailment", "mishap"}


def accidental(doc: "Doc", drafts: list[EventDraft]) -> list[EventDraft]:
    """"Two students killed in a road accident": a death in an accident or a disaster is no attack."""
    out = []
    for d in drafts:
        tok = doc[d.trigger]
        if d.type == "ASSAULT" and tok.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ in ("in", "during", "after") and any(
                    p.lemma_.lower() in ACCIDENTS for p in c.children if p.dep_ == "pobj") for c in tok.children):
            continue
        out.append(d)
    return out


RIOT_TYPES = {"ASSAULT"}
RIOT_MODES = {"destroy", "primitive", "beat", None}


def fold_riot_acts(doc: "Doc", drafts: list[EventDraft]) -> list[EventDraft]:
    """"Inmates rioted, burning bedding and breaking doors": the burning and breaking
    (a participle clause or conjunct of the riot verb, with no subject of its own) are the riot's acts."""
    riots = {d.trigger: d for d in drafts if d.type == "PROTEST" and d.mode == "riot" and not d.nominal}
    if not riots:
        return drafts
    out: list[EventDraft] = []
    for d in drafts:
        tok = doc[d.trigger]
        verb = tok
        while verb.dep_ == "conj" and verb.head.i not in riots:
            verb = verb.head
        host = riots.get(verb.head.i) if verb.dep_ in ("advcl", "conj") else None
        if (host is not None and d.type in RIOT_TYPES and d.mode in RIOT_MODES and tok.pos_ == "VERB"
                and not any(c.dep_ == "nsubj" for c in tok.children)):
            host.extra_triggers.append(d.trigger)
            continue
        out.append(d)
    return out
