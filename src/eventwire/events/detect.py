"""Event detection: every predicate that is a political event, verbal or nominal, with its argument tokens.

Three kinds of evidence, checked in this order:
1. frames that change what an embedded predicate means: refusals ("refused to agree" is a REJECT, never an
   AGREE), threats and vows over a coercive act ("vowed to enter Rafah" is a THREATEN, never an ASSAULT),
   reported demands ("stressed that they should take the deal" is a REQUEST to them) and reported blame
   ("said the only obstacle is X" is an ACCUSE of X);
2. light verbs with an event noun ("took the offensive", "launched an attack", "held talks");
3. trigger words from the lexicon, verbs and nouns, with their argument frame.
Negated cooperation ("did not agree") becomes a REJECT.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..document.syntax import coordinated_verbs, is_when_clause, when_clauses
from ..resources.events import Lexicon, TriggerSpec
from .draft import EventDraft
from .frames import (accidental, adjectival_noun, carried_roles, civic_mobilization, fold_riot_acts,
                     joint_exercises, other_frame, peacekeeping_aid, retype_intended, threat_mode, threatened_content,
                     to_clause)
from .roles import AGENT_COMPOUNDS, expand_conj, nominal_args, object_tokens, subject_tokens
from .status import status_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LIGHT_VERBS = {"take", "launch", "carry", "conduct", "hold", "stage", "mount", "wage", "begin", "start",
               "continue", "make", "have", "lead", "unleash", "resume", "step", "intensify", "escalate",
               "expand", "order", "claim", "impose", "inflict", "announce", "slap", "reimpose", "extend", "perform",
               "organize", "organise", "issue", "speed", "accelerate", "hasten", "complete", "reiterate",
               "renew", "reaffirm", "institute"}
SPEECH = {"say", "stress", "insist", "tell", "add", "argue", "emphasize", "emphasise", "reiterate", "state",
          "declare", "note", "acknowledge", "maintain", "contend", "suggest", "believe", "think", "write",
          "warn", "urge", "demand", "repeat", "assert", "announce", "admit", "concede", "explain", "conclude",
          "recommend"}
DEONTIC = {"should", "must", "ought"}
BLAME_NOUNS = {"obstacle", "culprit", "barrier", "impediment", "aggressor", "problem", "threat", "obstruction"}
BLAME_ADJ = {"responsible", "culpable", "guilty"}
PROPOSAL_NOUNS = {"deal", "proposal", "plan", "offer", "agreement", "framework", "initiative", "ceasefire",
                  "truce", "roadmap", "settlement", "accord", "package", "draft", "compromise", "exchange"}
COERCIVE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}
COERCIVE_VERBS = {"enter", "seize", "occupy", "take", "attack", "retaliate", "strike", "invade", "destroy",
                  "crush", "eliminate", "eradicate", "hit", "punish", "respond", "annihilate", "wipe", "bomb",
                  "sweep", "storm", "capture", "expel", "sanction", "cut"}
TERRITORY_VERBS = {"enter", "seize", "occupy", "take", "invade", "capture", "annex", "sweep", "storm"}
COOPERATIVE_NEGATES_TO_REJECT = {"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "RETREAT", "CONCEDE", "AID"}
# PLOVER's future rule: cooperation announced for the future is AGREE (CAMEO "express intent to …" codes),
# a future retreat is CONCEDE, announced coercion a THREATEN whose mode is the threatened content
PROMISED_TO_AGREE = {"AID": "033", "COOPERATE": "031", "CONSULT": "036", "SUPPORT": "030"}
RESTRICTIVE_PROTESTS = {"strike", "boycott", "obstruct"}
OCCUR_VERBS = {"erupt", "break", "occur", "happen", "continue", "resume", "intensify", "escalate", "rage",
               "take", "begin", "start", "flare", "ensue", "spread"}
IDIOM_OBJECTS = {"chance", "opportunity", "moment", "initiative", "occasion", "floor", "lead", "heart", "note",
                 "stock", "place", "part", "credit", "balance", "chord", "tone", "pose", "nerve", "match", "root",
                 "toll", "shutter"}   # "downed their shutters": shops closed
LIVE_FIRE = {"round", "rounds", "shot", "shots"}   # "fired 45 rounds": shooting, not crowd control
TEAR_GAS = {"gas", "teargas", "tear-gas"}
CROWD_WEAPONS = {"gas", "teargas", "tear-gas", "bullet", "bullets", "cannon", "cannons", "grenade", "grenades",
                 "pellet", "pellets"} | LIVE_FIRE
ACCUSATION_NOUNS = {"accusation", "allegation", "claim", "report", "charge"}
EVENT_NOUNS = {"strike", "airstrike", "attack", "bombing", "blast", "explosion", "shelling", "raid", "assault",
               "ambush", "offensive", "bomb", "missile", "drone", "shell", "rocket"}
MUNITIONS = {"bomb", "missile", "rocket", "shell", "barrel", "mortar", "round", "grenade", "projectile", "ied",
             "explosive", "device", "chlorine", "sarin", "gas", "molotov", "cocktail", "petrol", "stone", "rock",
             "brick", "firebomb"}
EFFORTS = {"effort", "bid", "attempt", "campaign", "drive", "initiative", "mission", "push", "process"}
PARTITIVES = {"state", "part", "series", "number", "lot", "portion", "some", "most", "all", "wave", "round",
              "set", "package", "batch", "total", "dozen", "dozens", "hundreds", "scores", "handful", "couple",
              "string", "network", "chain", "host",
              # measures: "25,000 tons of food aid", "5.1 million dollars of aid", "700 kg of medicine"
              "ton", "tonne", "kg", "kilogram", "kilo", "pound", "litre", "liter", "gallon", "barrel", "dollar",
              "euro", "yen", "yuan", "rupee", "franc", "million", "billion", "worth", "amount", "quantity",
              "shipment", "consignment", "cargo", "load", "truckload", "planeload", "convoy", "supply", "dose",
              "unit", "battalion", "company", "contingent", "brigade", "squad", "platoon", "regiment", "team",
              "mission", "group", "day", "week"}
HARM_VERBS = {"kill", "wound", "injure", "hit", "destroy", "damage", "claim"}
ATTACK_VERBS = HARM_VERBS | {"attack", "ambush", "target", "strike", "raid", "storm", "shoot", "bomb"}
# "an evacuation order", "evacuation warnings": forces ordering people out of an area (a coercive measure)
ORDER_NOUNS = {"order", "warning", "notice", "directive", "instruction"}
EVACUATION_ORDER = TriggerSpec("evacuation", "NOUN", "COERCE", "restrict", "172", frozenset({"for", "to"}))
# measures told as the time frame of another event ("during the lockdown", "amid the curfew") are background
BACKGROUND_PREPS = {"during", "amid", "amidst", "despite", "since", "throughout"}
# natural hazards and accidents: what they kill or destroy was not attacked
HAZARDS = {"earthquake", "quake", "tremor", "tsunami", "flood", "flooding", "landslide", "mudslide", "avalanche",
           "storm", "cyclone", "hurricane", "typhoon", "tornado", "volcano", "eruption", "drought", "heatwave",
           "lightning", "accident", "crash", "collision", "stampede", "wildfire", "blizzard", "rain", "rains",
           "downpour", "epidemic", "outbreak", "virus", "disease", "collapse"}
TENSIONS = {"tension", "tensions", "crisis", "situation", "row", "standoff", "stand-off", "dispute", "anger",
            "conflict", "confrontation", "controversy"}
THINGS_LOCKED = {"gate", "door", "shop", "office", "house", "building", "premises", "room", "shutter", "entrance",
                 "store", "warehouse", "school"}
# what one apprehends when apprehending means fearing it, not arresting
FORESEEN = {"trouble", "threat", "danger", "violence", "attack", "act", "tension", "problem", "clash", "unrest",
            "disturbance", "backlash", "retaliation", "flare-up", "outbreak", "riot", "breach"}


def _evacuation_order(tok: "Token") -> TriggerSpec | None:
    if tok.lemma_.lower() in ORDER_NOUNS and any(
            c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in ("evacuation", "evacuate")
            for c in tok.children):
        return EVACUATION_ORDER
    return None


def _air_raid(tok: "Token") -> bool:
    """"an air raid", "drone raids": an air strike, not a police raid."""
    return tok.lemma_.lower() == "raid" and any(c.dep_ in ("compound", "amod") and c.lower_ in (
        "air", "aerial", "drone") for c in tok.children)


def _new(tok: "Token", spec: TriggerSpec, *, type_: str | None = None, cameo: str | None = None,
         mode: str | None = None, nominal: bool = False) -> EventDraft:
    return EventDraft(trigger=tok.i, spec=spec, type=type_ or spec.type, cameo=cameo or spec.cameo,
                      mode=mode if mode is not None else spec.mode, nominal=nominal)


def _xcomp(tok: "Token") -> "Token | None":
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            return c
    return None


def _frame_spec(lemma: str, type_: str, cameo: str, mode: str | None = None) -> TriggerSpec:
    return TriggerSpec(lemma, "VERB", type_, mode, cameo, frozenset({"obj"}))


def _refusal(tok: "Token", lex: Lexicon, consumed: set[int]) -> EventDraft | None:
    if tok.lemma_.lower() not in ("refuse", "decline"):
        return None
    x = _xcomp(tok)
    if x is None:
        return None
    spec = _phrase(x, lex) or lex.trigger(x.lemma_, "VERB")
    ev = _new(tok, _frame_spec(tok.lemma_.lower(), "REJECT", "120"))
    ev.extra_triggers.append(x.i)
    consumed.add(x.i)
    ev.source_tokens = [t.i for t in subject_tokens(tok)]
    if spec is not None:
        ev.target_tokens = [t.i for t in object_tokens(x, spec)]
        if spec.type == "CONSULT":
            ev.cameo = "125"  # reject proposal to meet or negotiate
    ev.issue_tokens = [t.i for t in x.subtree]
    return ev


def _threat(tok: "Token", lex: Lexicon, consumed: set[int]) -> EventDraft | None:
    lemma = tok.lemma_.lower()
    if lemma not in ("vow", "threaten", "pledge", "promise", "swear", "warn"):
        return None
    x = _xcomp(tok) or to_clause(tok)
    if x is None:
        return None
    spec = threatened_content(x, lex, _phrase)
    coercive = spec is not None or x.lemma_.lower() in COERCIVE_VERBS
    if not coercive:
        return None
    mode = threat_mode(spec.type, spec.mode, x.lemma_.lower()) if spec is not None else (
        "territory" if x.lemma_.lower() in TERRITORY_VERBS else "violence")
    ev = _new(tok, _frame_spec(lemma, "THREATEN", "138" if mode == "violence" else "138", mode))
    ev.status = "threatened"
    ev.extra_triggers.append(x.i)
    consumed.add(x.i)
    consumed.update(c.i for c in x.children if c.dep_ == "dobj" and lex.trigger(c.lemma_, "NOUN"))
    ev.source_tokens = [t.i for t in subject_tokens(tok)]
    xs = _phrase(x, lex) or lex.trigger(x.lemma_, "VERB") or _frame_spec(x.lemma_, "ASSAULT", "190")
    ev.target_tokens = [t.i for t in object_tokens(x, xs)] or [
        t.i for c in x.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "at", "into")
        for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
    ev.issue_tokens = [t.i for t in x.subtree]
    return ev


def _clauses(tok: "Token") -> list["Token"]:
    """Complement clauses of a reporting verb, with their conjuncts ("that …, and that …")."""
    out: list["Token"] = []
    for c in tok.children:
        if c.dep_ == "ccomp":
            out.append(c)
            out.extend(cc for cc in c.children if cc.dep_ == "conj" and cc.pos_ in ("VERB", "AUX"))
    return out


def _reported_demand(tok: "Token") -> EventDraft | None:
    if tok.lemma_.lower() not in SPEECH:
        return None
    for clause in _clauses(tok):
        if not any(c.dep_ == "aux" and c.lower_ in DEONTIC for c in clause.children):
            continue
        subj = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        ev = _new(tok, _frame_spec(tok.lemma_.lower(), "REQUEST", "020"))
        ev.extra_triggers.append(clause.i)
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for t in expand_conj(subj[0])]
        ev.issue_tokens = [t.i for c in clause.children if c.dep_ in ("dobj", "xcomp") for t in c.subtree]
        return ev
    return None


def _reported_blame(tok: "Token") -> EventDraft | None:
    if tok.lemma_.lower() not in SPEECH:
        return None
    for clause in _clauses(tok):
        if clause.lemma_ != "be":
            continue
        subj = [c for c in clause.children if c.dep_ == "nsubj"]
        attr = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
        if not subj or not attr:
            continue
        s, a = subj[0], attr[0]
        if s.lemma_.lower() in BLAME_NOUNS:
            accused = a
        elif a.lemma_.lower() in BLAME_NOUNS or a.lemma_.lower() in BLAME_ADJ:
            accused = s
        else:
            continue
        ev = _new(tok, _frame_spec(tok.lemma_.lower(), "ACCUSE", "112", "allege"))
        ev.extra_triggers.append(clause.i)
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for t in expand_conj(accused)]
        return ev
    return None


def _want(tok: "Token", spec: TriggerSpec) -> EventDraft | None:
    """"wanted an agreement that Israel would end …": a demand on the subject of the agreement's clause."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs:
        return None
    ev = _new(tok, spec)
    ev.source_tokens = [t.i for t in subject_tokens(tok)]
    obj = objs[0]
    for c in obj.children:
        if c.dep_ in ("relcl", "acl", "ccomp"):
            ev.target_tokens = [t.i for s in c.children if s.dep_ == "nsubj" for t in expand_conj(s)]
    ev.issue_tokens = [t.i for t in obj.subtree]
    return ev


def _strike_noun(tok: "Token") -> bool:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if mods & {"hunger", "general", "labor", "labour", "workers", "teachers", "nationwide", "indefinite"}:
        return False   # "a hunger strike", "a general strike": a protest
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep" and not any(
        p.ent_type_ in ("DATE", "TIME") for p in c.children)}   # not "on Monday"
    return bool(mods & {"air", "drone", "missile", "rocket", "israeli", "military", "naval", "artillery"}) \
        or bool(preps & {"on", "against"})


def _verb_event(tok: "Token", spec: TriggerSpec, lex: Lexicon, consumed: set[int]) -> EventDraft | None:
    lemma = tok.lemma_.lower()
    children = list(tok.children)
    if spec.has("prt:down") and not any(c.dep_ == "prt" and c.lower_ == "down" for c in children):
        return None
    if lemma == "call" and not spec.has("phrase") and spec.type == "REQUEST" and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "for", "upon") and not any(
            p.ent_type_ in ("DATE", "TIME") for p in c.children) for c in children):
        return None   # "called on Hamas to …", "called for a ceasefire"; not "called the talks productive on Tuesday"
    if lemma == "fire" and not any(c.dep_ == "prep" and c.lower_ in ("on", "at", "upon") for c in children) \
            and not _crowd_weapon(tok):
        return None
    if lemma == "present" and not any(
            (c.dep_ == "prep" and c.lower_ == "with" and any(p.lemma_.lower() in PROPOSAL_NOUNS for p in c.children))
            or (c.dep_ == "dobj" and c.lemma_.lower() in PROPOSAL_NOUNS) for c in children):
        return None
    if lemma == "apprehend" and any(c.dep_ == "ccomp" or c.dep_ == "dobj" and c.lemma_.lower() in FORESEEN
                                    for c in children):
        return None   # "apprehending trouble", "apprehended a threat to his life": foreseen, not arrested
    if lemma == "defuse" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in TENSIONS for c in children):
        return None   # "to defuse tension": calming, not disarming
    if spec.type == "COERCE" and spec.mode == "arrest" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in THINGS_LOCKED for c in children):
        return None   # "the gate has been locked up": a place closed, nobody held
    if spec.type == "ASSAULT" and any(t.lemma_.lower() in HAZARDS for t in _causes(tok)):
        return None   # "an earthquake killed 20 people", "floods damaged homes": no one attacked
    if lemma == "want":
        return _want(tok, spec)
    if any(c.dep_ == "dobj" and c.lemma_.lower() in IDIOM_OBJECTS and not any(
            m.dep_ in ("amod", "prep", "compound", "nummod") for m in c.children) for c in children):
        return None   # "seize the chance", "take part"; not "shelled eastern parts of the city"
    if lemma == "blame" and any(c.dep_ == "prep" and c.lower_ == "on" for c in children):
        ev = _new(tok, spec)
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for c in children if c.dep_ == "prep" and c.lower_ == "on"
                            for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        return ev
    if lemma in ("refuse", "decline") and _xcomp(tok) is not None:
        return None
    ev = _new(tok, spec)
    ev.source_tokens = [t.i for t in subject_tokens(tok)]
    ev.target_tokens = [t.i for t in object_tokens(tok, spec)]
    if spec.type == "ASSAULT" and ev.mode is None:
        ev.mode = _instrument_mode(doc_subjects(tok))
    if spec.type == "ACCUSE":
        holders = children + [g for c in children if c.dep_ == "dobj" for g in c.children]
        for c in holders:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "over"):
                for p in c.children:
                    if p.dep_ in ("pcomp", "pobj"):
                        consumed.update(t.i for t in p.subtree if t.pos_ in ("VERB", "NOUN"))
                        ev.issue_tokens = [t.i for t in p.subtree]
    if spec.type == "REQUEST":
        x = _xcomp(tok)
        issue = [p for c in children if c.dep_ == "prep" and c.lower_ in ("from", "for")
                 for p in c.children if p.dep_ in ("pobj", "pcomp")]
        issue += [c for c in children if c.dep_ in ("ccomp", "dobj")]
        ev.issue_tokens = [t.i for t in x.subtree] if x is not None else [t.i for p in issue for t in p.subtree]
    elif spec.type in ("REJECT", "AGREE", "SUPPORT", "ACCUSE"):
        ev.issue_tokens = [t.i for c in children if c.dep_ in ("dobj", "xcomp") for t in c.subtree]
    ev.symmetric = spec.has("sym")
    if lemma in ("kill", "massacre", "execute", "murder"):
        ev.fatalities = _count([c for c in children if c.dep_ in ("dobj", "nsubjpass")])
    return ev


AERIAL = {"jet": "aerial", "aircraft": "aerial", "warplane": "aerial", "plane": "aerial", "helicopter": "aerial",
          "bomber": "aerial", "drone": "drone", "artillery": "heavy-weapons", "tank": "heavy-weapons",
          "gunboat": "heavy-weapons", "warship": "heavy-weapons", "missile": "heavy-weapons",
          "rocket": "heavy-weapons", "mortar": "heavy-weapons"}


def doc_subjects(tok: "Token") -> list["Token"]:
    subj = [c for c in tok.children if c.dep_ == "nsubj"] + [
        p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return subj + [a for s in subj for a in s.children if a.dep_ == "appos"]


def _instrument_mode(subjects: list["Token"]) -> str | None:
    """"Israeli jets struck …", "its aircraft had struck …": the weapon gives the mode."""
    for s in subjects:
        mode = AERIAL.get(s.lemma_.lower())
        if mode:
            return mode
    return None


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12}


def _count(objs: list["Token"]) -> int | None:
    """The number of victims an object names: "14 people", "five civilians", "a child" (1)."""
    for o in objs:
        for c in o.children:
            if c.dep_ == "nummod":
                word = c.lower_.replace(",", "")
                if word.isdigit():
                    return int(word)
                if word in _NUMBER_WORDS:
                    return _NUMBER_WORDS[word]
        if o.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in o.children):
            return 1
    return None


def _crowd_weapon(tok: "Token", gas_only: bool = False) -> bool:
    """"fired tear gas", "fired rubber bullets", "fired 45 rounds", "fired teargas shells", "five rounds were
    fired", "tear-gas shells were lobbed" (not "fired shells at the town": artillery)."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (
        c.lower_ in (TEAR_GAS if gas_only else CROWD_WEAPONS) or c.lemma_.lower() in ("shell", "canister") and any(
            m.lower_ in TEAR_GAS or m.lower_ == "tear" or m.lower_ == "-" and tok.doc[m.i - 1].lower_ == "tear"
            for m in c.children)) for c in tok.children)


INACTION_NOUNS = {"spectator", "onlooker", "bystander", "witness"}
INACTION_ADJ = {"mute", "silent", "passive", "mere", "helpless"}


FORCE_NOUNS = {"police", "policeman", "policemen", "force", "troops", "troop", "army", "soldier", "official",
               "authority", "administration", "guard", "cop", "officer", "personnel", "jawan", "constable"}


def _inaction(tok: "Token") -> bool:
    """Idioms of forces standing by: "the police remained (mute) spectators", "stood by", "looked the other
    way", "did nothing", "watched as …", "sat idly" (only with the police, troops or officials as subject)."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    if not any(s.lemma_.lower() in FORCE_NOUNS or s.lower_ in FORCE_NOUNS for s in subject_tokens(tok)):
        return False   # "the police stood by", "the guards chose to stand as passive onlookers"
    if lemma in ("remain", "stand", "be", "become", "act") and any(
            c.dep_ in ("attr", "oprd", "acomp", "prep", "advcl", "dobj", "npadvmod") and (
                c.lemma_.lower() in INACTION_NOUNS or any(
                    m.lemma_.lower() in INACTION_NOUNS and any(a.lower_ in INACTION_ADJ for a in m.children)
                    for m in c.subtree)) for c in kids):
        return any(a.lower_ in INACTION_ADJ for c in kids for a in c.subtree) or lemma in ("remain", "stand")
    if lemma == "stand" and any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "by" for c in kids):
        return not any(p.dep_ == "pobj" for c in kids if c.lower_ == "by" for p in c.children)   # not "stood by X"
    if lemma == "look" and any(c.dep_ == "npadvmod" and c.lemma_.lower() == "way" and any(
            a.lower_ == "other" for a in c.children) for c in kids):
        return True
    if lemma == "do" and any(c.dep_ == "dobj" and (c.lower_ in ("nothing", "little") or c.lower_ in (
            "anything", "enough", "much") and any(n.dep_ == "neg" for n in kids)) for c in kids):
        return True   # "the police did nothing", "did not do enough"
    if lemma == "watch" and any(c.dep_ == "advcl" and any(m.lower_ in ("as", "while") for m in c.children)
                                or c.dep_ in ("ccomp", "dobj") and any(v.pos_ == "VERB" for v in c.children)
                                for c in kids):
        return True   # "the police watched as the mob burned the shops", "watched a mob beat two men"
    return lemma == "sit" and any(c.dep_ == "advmod" and c.lower_ in ("idly", "quietly", "silently", "back")
                                  for c in kids)   # "the police sat idly"


FAILURE_NOUNS = {"inaction", "failure", "apathy", "negligence", "laxity", "lapse", "complicity", "connivance",
                 "indifference", "passivity", "inertia"}


LACK_NOUNS = {"lack", "absence"}
ACTION_NOUNS = {"action", "intervention", "response", "protection", "help"}


def _pobjs(tok: "Token", prep: str) -> list["Token"]:
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == prep for p in c.children if p.dep_ == "pobj"]


def _owners(tok: "Token") -> list["Token"]:
    """Whose inaction or action: "police inaction", "the army's apathy", "the failure of the police", "inaction
    on the part of the police"."""
    owners = [c for c in tok.children if c.dep_ in ("compound", "poss")] + _pobjs(tok, "of")
    return owners + [o for part in _pobjs(tok, "on") if part.lemma_.lower() == "part" for o in _pobjs(part, "of")]


def _acts(tok: "Token") -> list["Token"]:
    """The acts a noun of lack governs: "lack of police action", "the absence of any intervention"."""
    return [p for p in _pobjs(tok, "of") if p.lemma_.lower() in ACTION_NOUNS]


def _inaction_noun(tok: "Token") -> EventDraft | None:
    """"The police inaction", "the failure of the police", "the army's apathy", "a total lack of police action":
    forces that did not act, told with a noun (a negated act of restraint by them, as the idioms of
    ``_inaction``)."""
    lemma = tok.lemma_.lower()
    if lemma not in FAILURE_NOUNS and not (lemma in LACK_NOUNS and _acts(tok)):
        return None
    forces = [o for o in _owners(tok) if o.lemma_.lower() in FORCE_NOUNS or o.lower_ in FORCE_NOUNS]
    if lemma in LACK_NOUNS:   # "a total lack of police action": the owners of the action
        forces = [o for a in _acts(tok) for o in _owners(a)
                  if o.lemma_.lower() in FORCE_NOUNS or o.lower_ in FORCE_NOUNS]
    if not forces:
        return None
    ev = _new(tok, TriggerSpec(lemma, "NOUN", "COERCE", "restrict", "170", frozenset()), nominal=True)
    ev.source_tokens = [f.i for f in forces]
    ev.status = "negated"
    return ev


DUTY_VERBS = {"protect", "act", "respond", "prevent", "stop", "control", "curb", "contain"}
DUTY_HOLDERS = FORCE_NOUNS | {"government", "state"}


def _duty(tok: "Token") -> bool:
    """A verb of keeping order that the police, the forces or the administration did not do ("failed to
    protect", "did not act", "was not acting to stop the riots")."""
    if tok.lemma_.lower() not in DUTY_VERBS or status_of(tok) not in ("negated", "failed", "refused"):
        return False
    return any(t.lemma_.lower() in DUTY_HOLDERS or t.lower_ in DUTY_HOLDERS for t in subject_tokens(tok))


GATHER_VERBS = {"gather", "assemble", "converge", "congregate", "rally"}
GRIEVANCE_VERBS = {"demand", "protest", "condemn", "denounce", "reject", "voice", "chant", "demonstrate", "call",
                   "express", "decry", "oppose", "criticize", "criticise", "urge", "ask", "request"}
GRIEVANCE_NOUNS = {"protest", "rejection", "solidarity", "opposition", "support", "denunciation", "anger"}
PROTEST_SPEC = TriggerSpec("gather", "VERB", "PROTEST", "demo", "141", frozenset({"against"}))


def _gathering(tok: "Token") -> bool:
    """People who gathered to demand, and demanded, or in protest, and crowds that "took to the streets":
    a demonstration told without a protest word."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    if lemma == "take" and any(c.lemma_.lower() == "street" for c in kids if c.dep_ == "dobj") or (
            lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                p.lemma_.lower() == "street" for p in c.children) for c in kids)):
        return True
    if lemma not in GATHER_VERBS:
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in CROWD_SUBJECTS - {"they", "crowd", "youth"} for c in kids):
        return True
    if any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in GRIEVANCE_VERBS for c in kids):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("in", "for") and any(
        p.lemma_.lower() in GRIEVANCE_NOUNS for p in c.children) for c in kids)


FIRE_KINDS = {"artillery", "mortar", "rocket", "tank", "gun", "machine-gun", "machinegun", "sniper", "small-arms",
              "cannon", "howitzer", "automatic", "heavy", "live", "machine"}
ARMED_FIRE = TriggerSpec("fire", "NOUN", "ASSAULT", None, "193", frozenset({"on", "at"}))
LANDING_VERBS = {"fall", "land", "impact", "rain", "slam", "crash"}
LANDING_MUNITIONS = {"shell", "rocket", "mortar", "missile", "projectile", "katyusha", "round"}
REMAINS = {"body", "corpse", "remains", "head", "skeleton", "skull", "cadaver"}


def _found_dead(tok: "Token") -> bool:
    """"was found dead", "bodies … were found", "human remains were found": a passive "find" of the dead."""
    if tok.lemma_.lower() not in ("find", "discover", "recover", "dump", "throw") or not any(
            c.dep_ == "auxpass" for c in tok.children):
        return False
    if any(t.lemma_.lower() in ("grave", "exhumation", "exhume") for t in tok.sent):
        return False   # a mass grave uncovered is a development of its own, not a killing told here
    dead = any(c.dep_ in ("oprd", "acomp", "advmod", "xcomp") and c.lower_ == "dead" for c in tok.children) or any(
        c.dep_ == "nsubjpass" and any(a.dep_ == "amod" and a.lower_ == "dead" for a in c.children)
        for c in tok.children)   # "a body was dumped from a truck"
    return dead or any(c.dep_ == "nsubjpass" and c.lemma_.lower() in REMAINS for c in tok.children) and \
        tok.lemma_.lower() in ("find", "discover", "dump")


def _special_verb(tok: "Token") -> EventDraft | None:
    """Verbs whose event type depends on their object: "fired/used tear gas" (crowd control),
    "called the accusations baseless" (a rejection), "dropped bombs" (an air strike)."""
    lemma = tok.lemma_.lower()
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if _gathering(tok):
        ev = _new(tok, PROTEST_SPEC)
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"
                            for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        return ev
    if lemma in ("fire", "use") and _crowd_weapon(tok) or (
            lemma in ("lob", "burst", "explode", "hurl") and _crowd_weapon(tok, gas_only=True)):
        live = any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in LIVE_FIRE for c in tok.children)
        spec = TriggerSpec(lemma, "VERB", "ASSAULT", "firearms" if live else "crowd-control", "193" if live else "175",
                           frozenset({"obj", "against", "at", "on"}))
        ev = _new(tok, spec)
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("against", "at", "on")
                            for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        return ev
    if lemma in ("march", "parade") and any(
            t.lemma_.lower() in FORCE_NOUNS or t.lower_ in FORCE_NOUNS for t in subject_tokens(tok)):
        # "security personnel marched through the city": forces showing their strength, not a protest
        ev = _new(tok, TriggerSpec(lemma, "VERB", "MOBILIZE", "police", "150", frozenset({"in", "through"})))
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        return ev
    if _inaction(tok):
        # "police remained mute spectators", "the police looked the other way", "stood by": forces that did not
        # act -- a negated act of restraint, so that what the police failed to do is on record
        ev = _new(tok, TriggerSpec(lemma, "VERB", "COERCE", "restrict", "170", frozenset()))
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.status = "negated"
        return ev
    if _duty(tok):
        # "the police failed to protect the passengers", "the authorities did not act": the forces' duty to
        # keep order, not done (a failed or negated act of restraint, as the idioms of ``_inaction``)
        ev = _new(tok, TriggerSpec(lemma, "VERB", "COERCE", "restrict", "170", frozenset({"obj"})))
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for t in object_tokens(tok, ev.spec)]
        return ev
    if lemma in ("call", "describe", "label", "brand", "term") and any(
            o.lemma_.lower() in ACCUSATION_NOUNS for o in objs):
        ev = _new(tok, _frame_spec(lemma, "REJECT", "120"))
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.issue_tokens = [t.i for o in objs for t in o.subtree]
        return ev
    shells = [c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in LANDING_MUNITIONS]
    if lemma in LANDING_VERBS and shells:
        # "shells fired by the northern army fell in Velmar", "two rockets fell near the port":
        # fire from afar, its shooter (if told) the agent of the munition's "fired by"
        ev = _new(tok, TriggerSpec(lemma, "VERB", "ASSAULT", "heavy-weapons", "194", frozenset({"on"})))
        ev.source_tokens = [t.i for s in shells for a in s.children if a.dep_ == "acl" and a.lemma_.lower() in (
            "fire", "launch") for g in a.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
            for t in expand_conj(p)]
        return ev
    if _found_dead(tok):
        # "a man was found dead", "the bodies of two civilians were found": a killing whose perpetrator is
        # unknown (ACLED codes it as an attack on civilians)
        ev = _new(tok, TriggerSpec(lemma, "VERB", "ASSAULT", None, "190", frozenset()))
        ev.target_tokens = [t.i for c in tok.children if c.dep_ == "nsubjpass" for t in expand_conj(c)]
        return ev
    if lemma in ("open", "exchange") and any(o.lemma_.lower() in ("fire", "gunfire", "artillery", "shell", "rocket")
                                             for o in objs):
        heavy = any(o.lemma_.lower() in ("artillery", "shell", "rocket") for o in objs)
        spec = TriggerSpec(lemma, "VERB", "ASSAULT", "heavy-weapons" if heavy else "firearms",
                           "194" if heavy else "193", frozenset({"on", "at", "towards", "toward", "with"}))
        ev = _new(tok, spec)
        ev.mode = _instrument_mode(doc_subjects(tok)) or spec.mode
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in spec.preps()
                            for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        ev.symmetric = lemma == "exchange"
        return ev
    mines = [o for o in objs if o.lemma_.lower() in ("mine", "landmine", "ied", "bomb")] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "over") for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in ("mine", "landmine", "ied", "bomb")]
    if lemma in ("hit", "strike", "step", "drive", "run") and mines:
        # "their truck hit a landmine laid by the rebels": a mine attack by those who laid it
        ev = _new(tok, TriggerSpec(lemma, "VERB", "ASSAULT", "explosives", "183", frozenset()))
        ev.source_tokens = [p.i for m in mines for a in m.children if a.dep_ == "acl"
                            for g in a.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"]
        ev.target_tokens = [t.i for t in subject_tokens(tok)]
        return ev
    thrown_objs = objs + [c for c in tok.children if c.dep_ == "nsubjpass"]   # "grenades were hurled at"
    if lemma in ("drop", "fire", "launch", "throw", "hurl", "lob", "plant", "detonate", "toss") and any(
            o.lemma_.lower() in MUNITIONS for o in thrown_objs):
        objs = thrown_objs
        thrown = lemma in ("throw", "hurl", "lob", "plant", "detonate", "toss")
        mode = "explosives" if thrown else "aerial" if any(o.lemma_.lower() in ("bomb", "barrel", "chlorine", "gas")
                                                           for o in objs) else "heavy-weapons"
        if thrown and all(o.lemma_.lower() in ("stone", "rock", "brick", "bottle") for o in objs
                          if o.lemma_.lower() in MUNITIONS | {"bottle"}):
            mode = "primitive"   # "hurled rocks at the police": stones, not explosives
        mode = _instrument_mode(doc_subjects(tok)) or mode
        cameo = {"aerial": "195", "explosives": "183", "primitive": "180"}.get(mode, "194")
        ev = _new(tok, TriggerSpec(lemma, "VERB", "ASSAULT", mode, cameo, frozenset({"on", "at"})))
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        ev.target_tokens = [t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "into")
                            for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        return ev
    return None


def _phrase(tok: "Token", lex: Lexicon) -> TriggerSpec | None:
    """A verb whose event depends on its complement: "restored ties", "expressed hope", "called off",
    "broke with" (the phrase lexicon); passive objects count ("ties were restored")."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EFFORTS:
            # "ended mediation efforts", "launched a peace initiative": the effort's kind decides
            for m in c.children:
                spec = lex.phrase(tok.lemma_, m.lemma_) if m.dep_ == "compound" else None
                if spec is not None:
                    return spec
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in PROPOSAL_NOUNS:
            # "violated the ceasefire agreement": the agreement's kind decides
            for m in c.children:
                spec = lex.phrase(tok.lemma_, m.lemma_) if m.dep_ == "compound" else None
                if spec is not None:
                    return spec
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in PARTITIVES:
            inner = [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children
                     if p.dep_ == "pobj"]
            spec = lex.phrase(tok.lemma_, inner[0].lemma_) if inner else None
            if spec is not None:
                return spec
        if c.dep_ in ("dobj", "nsubjpass"):
            key = c.lemma_
        elif c.dep_ == "prt":
            key = "prt:" + c.lower_
            for o in tok.children:   # "called off the strike": the particle and the object
                spec = lex.phrase(tok.lemma_, f"{c.lower_}:{o.lemma_.lower()}") if o.dep_ in (
                    "dobj", "nsubjpass") else None
                if spec is not None:
                    return spec
        elif c.dep_ == "prep":
            key = "prep:" + c.lower_
            for p in c.children:   # "taken into custody": the preposition and its object
                spec = lex.phrase(tok.lemma_, f"{c.lower_}:{p.lemma_.lower()}") if p.dep_ in ("pobj", "pcomp") \
                    else None   # and a gerund: "resorted to firing"
                if spec is not None:
                    return spec
        else:
            continue
        spec = lex.phrase(tok.lemma_, key)
        if spec is not None:
            return spec
    return None


def verb_lemmas(tok: "Token") -> list[str]:
    """The lemma, then the surface form's regular de-inflections, for the lemmatizer's slips ("staged" ->
    "stag"): "staged" -> "stage", "shelled" -> "shell", "gathering" -> "gather"."""
    word = tok.lower_
    out = [tok.lemma_.lower()]
    if word.endswith("ed"):
        out += [word[:-1], word[:-2], word[:-3] if len(word) > 5 and word[-3] == word[-4] else word[:-2]]
    elif word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e", word[:-4] if len(word) > 6 and word[-4] == word[-5] else word[:-3]]
    elif word.endswith("s") and not word.endswith("ss"):
        out += [word[:-1], word[:-2] if word.endswith("es") else word[:-1]]
    return list(dict.fromkeys(out))


def _light_event(tok: "Token", lex: Lexicon, consumed: set[int]) -> EventDraft | None:
    if not set(verb_lemmas(tok)) & LIGHT_VERBS:
        return None
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        joined = _hyphenated(c)
        spec = _evacuation_order(c) or (lex.trigger(joined, "NOUN") if joined else None) or lex.trigger(
            c.lemma_, "NOUN") or lex.trigger(c.lower_, "NOUN")
        if _air_raid(c):
            spec = lex.trigger("airstrike", "NOUN")
        if c.lemma_.lower() in PLURAL_ONLY and c.tag_ != "NNS" and not any(m.dep_ == "nummod" for m in c.children):
            continue   # "took a shot at the title"
        if spec is None and c.lemma_.lower() in EFFORTS:
            # "launched a mediation effort": the compound names the event
            inner = [m for m in c.children if m.dep_ == "compound" and lex.trigger(m.lemma_, "NOUN") is not None]
            if inner:
                spec = lex.trigger(inner[0].lemma_, "NOUN")
        if c.lemma_.lower() == "strike":
            spec = lex.trigger("airstrike", "NOUN") if _strike_noun(c) or tok.lemma_.lower() in (
                "launch", "carry", "conduct") else spec
        if spec is None:
            continue
        ev = _new(c, spec, nominal=False)
        ev.extra_triggers.append(tok.i)
        consumed.add(c.i)
        weapon = _instrument_mode(doc_subjects(tok))
        if weapon is not None and spec.type in ("ASSAULT", "COERCE"):
            ev.type, ev.mode = "ASSAULT", weapon   # "warplanes launched raids": air strikes
        ev.source_tokens = [t.i for t in subject_tokens(tok)]
        _, tgt = nominal_args(c, spec)
        ev.target_tokens = [t.i for t in object_tokens(c, spec, verb=tok)] + [t.i for t in tgt]
        ev.symmetric = spec.has("sym")
        return ev
    return None


# nouns that are an attack only as counted or plural acts of firing ("12 shots", "projectiles were fired"),
# not in their other senses ("a shot at the title")
PLURAL_ONLY = {"shot", "projectile"}


def _hyphenated(tok: "Token") -> str | None:
    """"shoot-out", "fire-fight", "flag march": the word the tokenizer split at its hyphen, or a compound
    written as two words, rejoined."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].head.i == tok.i:
        return doc[tok.i - 2].lower_ + tok.lemma_.lower()
    if tok.i >= 1 and doc[tok.i - 1].dep_ == "compound" and doc[tok.i - 1].head.i == tok.i:
        return doc[tok.i - 1].lower_ + tok.lemma_.lower()   # "flag march", written apart
    return None


def _causes(tok: "Token") -> list["Token"]:
    """What did it: the subject (or passive agent) of the verb, or of the clause a participle of result hangs
    from ("a volcano erupted, killing five"), or what a passive happened in ("were killed in a crash")."""
    causes = [c for c in tok.children if c.dep_ == "nsubj"]
    causes += [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not causes and tok.dep_ in ("advcl", "xcomp", "conj") and tok.tag_ == "VBG":
        causes = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if not causes and any(c.dep_ == "nsubjpass" for c in tok.children):
        causes = _pobjs(tok, "in")   # "two men were killed in a crash"
    return causes


def _modifier_word(tok: "Token") -> bool:
    """A noun that only modifies another word: "the curfew-bound areas", "curfew hours"."""
    doc = tok.doc
    return tok.dep_ in ("compound", "amod", "nmod") or (
        tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].pos_ in ("ADJ", "VERB")
        and doc[tok.i + 2].head.i != tok.i)


def _noun_event(tok: "Token", lex: Lexicon) -> EventDraft | None:
    lemma = tok.lemma_.lower()
    joined = _hyphenated(tok)
    spec = _evacuation_order(tok) or (lex.trigger(joined, "NOUN") if joined else None) or lex.trigger(
        lemma, "NOUN") or lex.trigger(tok.lower_, "NOUN")
    if lemma in PLURAL_ONLY and tok.tag_ != "NNS" and not any(c.dep_ == "nummod" for c in tok.children):
        return None
    if (lemma == "strike" and _strike_noun(tok)) or _air_raid(tok):
        spec = lex.trigger("airstrike", "NOUN")
    if spec is None and lemma == "fire" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in FIRE_KINDS
                                                for c in tok.children):
        spec = ARMED_FIRE   # "heavy artillery fire was reported", "sniper fire"; not "a fire broke out"
    if spec is None:
        return None
    if spec.type == "MOBILIZE" and lemma in ("patrol", "patrolling", "convoy") and (
            tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on", "upon", "against")
            or tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in ATTACK_VERBS):
        return None   # "grenades were hurled at a police patrol": the patrol is the target, not an event told
    if spec.type == "COERCE" and spec.mode == "arrest" and (lemma == "arrest" and any(
            c.lower_ in ("cardiac", "heart", "respiratory") for c in tok.children) or tok.dep_ == "compound"):
        return None   # "a cardiac arrest"; "an arrest warrant" (the warrant is what is told)
    if spec.type == "COERCE" and spec.mode == "curfew" and (
            tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS | {"under"} or _modifier_word(tok)):
        # "protested during the lockdown", "remained under curfew", "the curfew-bound areas": the curfew is the
        # setting, not an event told here
        return None
    ev = _new(tok, spec, nominal=True)
    src, tgt = nominal_args(tok, spec)
    if not src and not tgt and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in OCCUR_VERBS:
        # "clashes erupted between X and Y": the phrase on the verb belongs to the event noun
        src, tgt = nominal_args(tok.head, spec)
    if not src and spec.type in ("CONSULT", "AID", "COOPERATE", "AGREE") and tok.dep_ == "pobj" \
            and tok.head.head.pos_ == "VERB" and tok.head.lower_ in ("on", "for"):
        # "arrived in Gondor on an official visit", "flew to Cairo for talks": the traveller visits the place
        verb = tok.head.head
        src = subject_tokens(verb)
        tgt = tgt or [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "at")
                      for p in c.children if p.dep_ == "pobj"]
    ev.source_tokens = [t.i for t in src]
    ev.target_tokens = [t.i for t in tgt]
    ev.symmetric = spec.has("sym")
    ev.confidence = 0.5
    _toll(ev, tok)
    return ev


DEATH_VERBS = frozenset({"die", "perish", "succumb"})


def _toll(ev: EventDraft, phrase: "Token") -> None:
    """"Two men died in the police firing", "the four men killed in police firing": the dead are the attack's
    toll and victims."""
    prep = phrase.head if phrase.dep_ == "pobj" else None
    died = prep.head if prep is not None and prep.lower_ in ("in", "during", "from", "after") else None
    if prep is not None and prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.lemma_.lower() in (
            "result", "consequence"):
        died = prep.head.head.head   # "died as a result of torture" (the cause of a death)
    killed = died is not None and died.lemma_.lower() == "kill" and died.tag_ == "VBN"   # "six killed in police firing"
    if ev.type == "ASSAULT" and died is not None and (died.lemma_.lower() in DEATH_VERBS or killed):
        victims = [c for c in died.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not victims and died.dep_ in ("acl", "amod") and died.head.pos_ in ("NOUN", "PROPN", "NUM"):
            victims = [died.head]   # "the four men killed in police firing"
        ev.fatalities = _count(victims) or 1
        ev.target_tokens += [t.i for v in victims for t in expand_conj(v)]


def _nominal_gerund(tok: "Token") -> bool:
    """A gerund standing as a noun phrase ("in the police firing", "the shelling continued"): a determiner
    or noun modifier and no clause of its own (not "by firing shots at them"); also the gerund the parser
    hangs on the noun before it ("the police firing near the market" read as police <-acl- firing)."""
    if tok.tag_ != "VBG" or any(c.dep_ in ("dobj", "nsubj", "aux", "prt") for c in tok.children):
        return False
    if tok.dep_ == "acl":
        return tok.head.i == tok.i - 1 and tok.head.pos_ == "NOUN"
    return tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass") and any(
        c.dep_ in ("det", "compound", "amod", "poss") for c in tok.children)


def _gerund_event(tok: "Token", lex: Lexicon) -> EventDraft | None:
    ev = _noun_event(tok, lex)
    if ev is not None and tok.dep_ == "acl":   # "the police firing": the force before it is its agent
        if tok.head.lemma_.lower() in AGENT_COMPOUNDS:
            ev.source_tokens = ev.source_tokens or [tok.head.i]
        _toll(ev, tok.head)
    return ev


def detect(doc: "Doc", lex: Lexicon) -> list[EventDraft]:
    """Event drafts in text order, with status set and argument tokens found (actors not yet attached)."""
    drafts: list[EventDraft] = []
    consumed: set[int] = set()
    triggers: set[int] = set()
    # 1. frames
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        for frame in (_refusal(tok, doc_lex := lex, consumed), _threat(tok, doc_lex, consumed),
                      _reported_demand(tok), _reported_blame(tok)):
            if frame is not None and frame.trigger not in triggers:
                if frame.status == "actual":
                    frame.status = status_of(tok)
                drafts.append(frame)
                triggers.add(frame.trigger)
                break
        else:
            frame = other_frame(tok, lex, consumed, _phrase)   # permissions, orders, ruled-out acts (status set)
            if frame is not None and frame.trigger not in triggers:
                drafts.append(frame)
                triggers.add(frame.trigger)
    # 2. light verbs, 3. lexicon verbs and nouns
    for tok in doc:
        if tok.i in consumed or tok.i in triggers:
            continue
        ev: EventDraft | None = None
        if tok.pos_ == "VERB" and _nominal_gerund(tok):
            ev = _gerund_event(tok, lex)   # "died in the police firing": a gerund used as a noun
            if ev is not None:
                ev.status = status_of(tok, nominal=True)
        elif tok.pos_ == "VERB" and adjectival_noun(tok):
            continue   # "evacuated the wounded"
        elif tok.pos_ == "VERB":
            ev = _special_verb(tok) or _light_event(tok, lex, consumed)
            if ev is None:
                phrased = _phrase(tok, lex)
                joined = _hyphenated(tok)   # "lathi-charge": the verb split at its hyphen
                spec = phrased or (lex.trigger(joined, "VERB") if joined else None) or next(
                    (found for v in verb_lemmas(tok) if (found := lex.trigger(v, "VERB")) is not None), None)
                if spec is not None:
                    ev = _verb_event(tok, spec, lex, consumed)
                    if ev is not None and phrased is not None:
                        # "lifted the curfew", "defied the ban": the complement is part of the phrase's event
                        consumed.update(c.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass"))
            if ev is not None and ev.status != "negated":   # an inaction idiom is negated already
                ev.status = status_of(tok)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed:
            ev = _inaction_noun(tok)
            if ev is None:
                ev = _noun_event(tok, lex)
                if ev is not None:
                    ev.status = status_of(tok, nominal=True)
        if ev is None:
            continue
        if not ev.nominal and not _purpose(doc[ev.trigger]):
            retype_intended(ev, doc[ev.trigger])   # willingness, conditional coercion, promised cooperation
        if ev.type == "PROTEST":
            ev.mode = _protest_mode(doc[ev.trigger], ev.mode)
            if ev.status == "intended" and _protest_act(doc[ev.trigger]):
                ev.status = "actual"
        if ev.status == "intended" and not ev.nominal and not _purpose(doc[ev.trigger]):
            _future(ev)
        elif ev.status == "failed" and ev.type == "AGREE":
            ev.type, ev.cameo, ev.mode, ev.status = "REJECT", "120", None, "actual"   # "failed to reach a deal"
        if ev.status in ("negated", "refused") and ev.type in COOPERATIVE_NEGATES_TO_REJECT:
            ev.type, ev.cameo, ev.mode, ev.status = "REJECT", "120", None, "actual"
            if not ev.issue_tokens:   # "would not withdraw the lease": the refused act is the issue
                ev.issue_tokens = [t.i for t in doc[ev.trigger].subtree
                                   if t.dep_ not in ("nsubj", "aux", "neg") and t.i not in
                                   {x.i for c in doc[ev.trigger].children if c.dep_ in ("nsubj", "conj", "cc")
                                    for x in c.subtree}]
        drafts.append(ev)
        triggers.add(ev.trigger)
    drafts = [d for d in drafts if d.trigger not in consumed or d.extra_triggers]
    drafts = _fold_harm(doc, drafts)
    _deaths_when(doc, drafts)
    drafts = _fold_protest_demands(doc, drafts)
    drafts = fold_riot_acts(doc, drafts)
    drafts = accidental(doc, drafts)
    peacekeeping_aid(doc, drafts)
    joint_exercises(doc, drafts)
    civic_mobilization(doc, drafts)
    carried_roles(doc, drafts)
    drafts.sort(key=lambda d: d.trigger)
    return drafts


PROTEST_ACTS = {"bang", "gather", "assemble", "march", "block", "burn", "carry", "do", "hold", "stage", "form",
                "close", "occupy", "chant", "shout", "wave", "raise", "display", "light", "walk", "drive", "park",
                "take", "sit", "stand", "strike", "stop", "lie"}


def _protest_act(tok: "Token") -> bool:
    """"banged pots to protest", "carried out a motorcade to protest against the probe": the act done was the
    protest (an infinitive of purpose under an act that happened), not a protest planned."""
    head = tok.head
    return _purpose(tok) and head.lemma_.lower() in PROTEST_ACTS and status_of(head) == "actual"


def _purpose(tok: "Token") -> bool:
    """An infinitive of purpose under an act ("fired tear gas to disperse the mob"): what the act was for, not
    an announced plan, so PLOVER's future rule does not retype it."""
    return tok.dep_ == "advcl" and tok.head.pos_ == "VERB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _future(ev: EventDraft) -> None:
    """Retype an event told as intended by PLOVER's rules (manual, AGREE/CONCEDE/THREATEN): "will visit",
    "will give a grant" -> AGREE; "will withdraw troops" -> CONCEDE; "will extend the curfew", "will expel
    the envoy", "unions will strike" -> THREATEN with the threatened content as mode."""
    if ev.type in PROMISED_TO_AGREE:
        ev.type, ev.cameo, ev.mode = "AGREE", PROMISED_TO_AGREE[ev.type], None
    elif ev.type == "RETREAT":
        ev.type, ev.cameo, ev.mode = "CONCEDE", "080", None
    elif ev.type in ("COERCE", "SANCTION") or (ev.type == "PROTEST" and ev.mode in RESTRICTIVE_PROTESTS):
        content = threat_mode(ev.type, ev.mode, "")
        ev.type, ev.mode, ev.status = "THREATEN", content, "threatened"
        ev.cameo = {"arrest": "137", "expel": "132", "relations": "132"}.get(content, "131")


def _protest_mode(tok: "Token", mode: str | None) -> str | None:
    """"a hunger strike" is PLOVER's hunger mode; a protest called violent, or one that turned violent, a riot."""
    near = [c for c in tok.children] + ([tok.head] if tok.dep_ in ("nsubj", "dobj") else [])
    words = {c.lemma_.lower() for c in near} | {g.lemma_.lower() for c in near for g in c.children
                                                if c.dep_ in ("acomp", "xcomp", "oprd")}
    if "hunger" in words:
        return "hunger"
    if words & {"violent", "violently"} or (tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "turn"
                                            and any(c.lower_ == "violent" for c in tok.head.children)):
        return "riot"
    if mode in (None, "demo", "obstruct") and _protesters_turn_violent(tok):
        return "riot"
    return mode


RIOT_ACTS = {"burn", "torch", "pelt", "stone", "vandalise", "vandalize", "smash", "loot", "ransack", "hurl",
             "throw", "damage", "clash", "attack", "storm", "set", "destroy", "assault", "injure", "light"}
RIOT_TOOLS = {"stone", "rock", "brick", "tyre", "tire", "molotov", "petrol", "firebomb"}
RIOT_OBJECTS = {"tyre", "tire", "stone", "rock", "brick", "vehicle", "car", "bus", "shop", "office", "building",
                "fire", "effigy", "property", "window", "police", "policeman", "officer", "molotov", "petrol"}


CROWD_SUBJECTS = {"protester", "protestor", "demonstrator", "rioter", "crowd", "mob", "marcher", "they", "participant",
                  "youth", "agitator", "striker"}
FORCE_SUBJECTS = {"police", "force", "soldier", "officer", "policeman", "troop", "army", "gendarme", "guard"}
GUN_OBJECTS = {"gunshot", "shot", "firearm", "gun", "weapon", "rifle", "round"}


def _riot_act(t: "Token", linked: bool) -> bool:
    """A verb of violence done by the crowd: burning tyres, throwing stones, smashing shops, clashing, firing
    guns into the air. ``linked``: the verb's agent is the protest's own crowd (or it names none)."""
    if t.pos_ != "VERB" or not linked:
        return False
    lemma = t.lemma_.lower()
    if lemma == "fire":
        return any(c.lemma_.lower() in GUN_OBJECTS for c in t.subtree)   # soldiers protesting by firing guns
    if lemma not in RIOT_ACTS:
        return False
    return any(c.lemma_.lower() in RIOT_OBJECTS for c in t.subtree) or lemma in (
        "clash", "loot", "vandalise", "vandalize", "ransack", "pelt")


IMPUTING = {"accuse", "suspect", "charge", "allege", "convict", "blame"}


def _imputed(t: "Token") -> bool:
    """An act told as what someone is accused or suspected of ("the arrest of students accused of
    throwing a petrol bomb at a bank branch"): not the protesters' act at this protest."""
    return any(a.lemma_.lower() in IMPUTING for a in t.ancestors)


def _protesters_turn_violent(tok: "Token") -> bool:
    """The protesters themselves burn, throw, smash or clash, in the protest's sentence ("blocked the road by
    burning tyres", "demonstrated and pelted the police with stones") or in the next two, told of the crowd
    ("They threw stones at the police") or with no agent ("Tyres were burned"): a violent demonstration."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    if any((t.lemma_.lower() in RIOT_TOOLS or (t.lower_ == "burning" and t.dep_ == "amod")) and not _imputed(t)
           for t in tok.subtree):
        return True   # "blocked roads with stones", "barricaded the entrance with burning tyres"
    for t in tok.sent:
        if t.i == tok.i or _imputed(t):
            continue
        if t.pos_ == "NOUN" and t.lemma_.lower() == "clash" and any(
                c.lower_ == "with" and any(p.lemma_.lower() in FORCE_SUBJECTS for p in c.subtree) for c in t.children):
            return True   # "injured in a clash with police during their demonstration"
        own_subject = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(c.lemma_.lower() in FORCE_SUBJECTS for c in own_subject):
            continue
        linked = t.head.i in (tok.i, verb.i) or (t.dep_ == "conj" and t.head.i == verb.i) or not own_subject or any(
            c.lemma_.lower() in CROWD_SUBJECTS or tok in c.subtree for c in own_subject)
        if _riot_act(t, linked):
            return True
    doc = tok.doc
    after = [s for s in doc.sents if s.start >= tok.sent.end][:2]
    for s in after:
        for t in s:
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            linked = not subj or any(c.lemma_.lower() in CROWD_SUBJECTS for c in subj)
            if _riot_act(t, linked):
                return True
    return False


def _fold_protest_demands(doc: "Doc", drafts: list[EventDraft]) -> list[EventDraft]:
    """"staged demonstrations to demand reforms", "demonstrated calling for independence": the demand is what
    the protest is about (its issue), not an event of its own."""
    protests = {i: d for d in drafts if d.type == "PROTEST" for i in [d.trigger, *d.extra_triggers]}
    out: list[EventDraft] = []
    for d in drafts:
        tok = doc[d.trigger]
        host = protests.get(tok.head.i) if tok.dep_ in ("advcl", "xcomp", "acl", "conj") else None
        if d.type == "REQUEST" and host is not None and not any(c.dep_ == "nsubj" for c in tok.children):
            host.issue_tokens = host.issue_tokens or list(d.issue_tokens)
            host.extra_triggers.append(d.trigger)
            continue
        out.append(d)
    return out


def _assault_before(doc: "Doc", d: EventDraft, kept: list[EventDraft]) -> EventDraft | None:
    """The last attack with an agent told before ``d`` in its sentence (already kept)."""
    sent = doc[d.trigger].sent
    for e in reversed(kept):
        if e.type == "ASSAULT" and e.source_tokens and sent.start <= e.trigger < d.trigger and not e.nominal:
            return e
    return None


def _deaths_when(doc: "Doc", drafts: list[EventDraft]) -> None:
    """"Three men died when the police resorted to firing": the dead of the main clause are the toll and victims
    of the attack its "when" clause tells."""
    for d in drafts:
        tok = doc[d.trigger]
        head = tok.head
        if d.type != "ASSAULT" or d.fatalities or tok.dep_ != "advcl" or head.lemma_.lower() not in DEATH_VERBS:
            continue
        if not is_when_clause(tok):
            continue
        victims = [c for c in head.children if c.dep_ == "nsubj"]
        d.fatalities = _count(victims) or 1
        d.target_tokens += [t.i for v in victims for t in expand_conj(v)]


def _fold_harm(doc: "Doc", drafts: list[EventDraft]) -> list[EventDraft]:
    """"An air strike on a market killed at least 14 people": the killing is the strike, whose victims and
    toll it gives."""
    by_trigger = {d.trigger: d for d in drafts}
    for d in drafts:
        for x in d.extra_triggers:
            by_trigger.setdefault(x, d)
    out: list[EventDraft] = []
    for d in drafts:
        host, as_subject = _harm_host(doc, d, by_trigger, out)
        if host is None:
            out.append(d)
            continue
        host.extra_triggers.append(d.trigger)
        if not as_subject or doc[host.trigger].lemma_.lower() in EVENT_NOUNS:   # an incident, not a whole war
            host.target_tokens += d.target_tokens
        host.fatalities = host.fatalities or d.fatalities
        if as_subject:
            host.nominal = False   # "the strike killed …": told with a verb of its own
    return out


def _harm_host(doc: "Doc", d: EventDraft, by_trigger: dict[int, EventDraft],
               kept: list[EventDraft]) -> tuple[EventDraft | None, bool]:
    """The attack a killing or wounding describes, if it describes one, and whether that attack is the
    killing's subject ("an air strike … killed")."""
    tok = doc[d.trigger]
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in HARM_VERBS:
        return None, False
    own_subject = any(c.dep_ == "nsubj" for c in tok.children)
    agentless = not own_subject and not any(c.dep_ == "agent" for c in tok.children)
    host = by_trigger.get(tok.head.i) if tok.dep_ == "advcl" and tok.tag_ == "VBG" else None
    if host is not None and host is not d and host.type == "ASSAULT" and not own_subject:
        return host, False   # "targeted a house, killing a child": the killing is what the strike did
    if agentless:
        # "targeted a house … killing 1 person", "struck a home, resulting in one person being killed":
        # harm with no agent of its own is what the attack told before it in the sentence did
        host = _assault_before(doc, d, kept)
        if host is not None:
            return host, False
        # "two men were killed in police firing": the victims and toll of the firing
        in_host = [by_trigger[x.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
                   for p in c.children if p.dep_ == "pobj"
                   for x in [p, *(a for a in p.children if a.dep_ == "acl")]
                   if x.i in by_trigger and by_trigger[x.i].type == "ASSAULT"]
        if in_host and in_host[0] is not d:
            return in_host[0], False
        # "two men were killed (and four hurt) when the troops opened fire": the harm the attack of its
        # clause did
        when_host = [by_trigger[c.i] for c in when_clauses([tok, *coordinated_verbs(tok)])
                     if c.i in by_trigger and by_trigger[c.i].type == "ASSAULT"]
        if when_host and when_host[0] is not d:
            return when_host[0], False
    subj = [c for c in tok.children if c.dep_ == "nsubj" and c.i in by_trigger and by_trigger[c.i].nominal]
    return (by_trigger[subj[0].i], True) if subj else (None, False)
