"""The weapon an attack used, read from the words around its trigger, and the PLOVER mode it gives.

PLOVER's ASSAULT modes are kinds of weapon or method (manual, "ASSAULT modes"); ACLED's sub-event types split
some of them further (a grenade, a chemical weapon). The weapon is looked for in the trigger itself ("the
bombing"), its compound modifiers ("a grenade attack", "a suicide bombing"), its subject ("an IED exploded",
"warplanes struck"), its object when the trigger is a firing verb ("threw a grenade", "fired mortars"), its
instrument phrases ("with machetes", "by sniper fire", "using drones") and the "involving" clause of a counted
incident ("a dozen bursts of fire involving heavy machineguns"). Weapons in other clauses are not read; "unknown
weapons" name none.
When several are named the most specific wins (a suicide car bomb is a suicide attack, not a car bomb).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..document.syntax import coordinated_verbs, is_when_clause, when_clauses

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .draft import EventDraft

# weapon class -> PLOVER mode
MODE_OF_WEAPON: dict[str, str] = {
    "suicide": "suicide-attack", "chemical": "unconventional", "grenade": "explosives", "drone": "drone",
    "aerial": "aerial", "heavy": "heavy-weapons", "explosive": "explosives", "firearm": "firearms",
    "primitive": "primitive",
}
# most specific first
PRECEDENCE = ("suicide", "chemical", "grenade", "drone", "aerial", "heavy", "explosive", "firearm", "primitive")

WEAPON_WORDS: dict[str, str] = {
    "suicide": "suicide", "self-immolation": "suicide",
    "chemical": "chemical", "chlorine": "chemical", "sarin": "chemical", "nerve": "chemical",
    "poison": "chemical", "phosgene": "chemical", "tabun": "chemical", "vx": "chemical",
    "grenade": "grenade", "hand-grenade": "grenade",
    "drone": "drone", "uav": "drone", "quadcopter": "drone",
    "airstrike": "aerial", "air": "aerial", "warplane": "aerial", "jet": "aerial", "aircraft": "aerial",
    "helicopter": "aerial", "gunship": "aerial", "bomber": "aerial", "airplane": "aerial", "plane": "aerial",
    "artillery": "heavy", "mortar": "heavy", "shell": "heavy", "shelling": "heavy", "rocket": "heavy",
    "missile": "heavy", "howitzer": "heavy", "tank": "heavy", "launcher": "heavy", "cannon": "heavy",
    "projectile": "heavy", "katyusha": "heavy", "grad": "heavy", "barrage": "heavy", "ifv": "heavy",
    "bmp": "heavy", "atgm": "heavy", "recoilless": "heavy", "howitzers": "heavy",
    "ied": "explosive", "explosive": "explosive", "minefield": "explosive", "gunbattle": "firearm",
    "shootout": "firearm", "firefight": "firearm", "explosives": "explosive", "landmine": "explosive",
    "mine": "explosive", "bomb": "explosive", "car-bomb": "explosive", "detonator": "explosive",
    "dynamite": "explosive", "tnt": "explosive", "rcied": "explosive", "vbied": "explosive",
    "gun": "firearm", "gunfire": "firearm", "rifle": "firearm", "pistol": "firearm", "sniper": "firearm",
    "bullet": "firearm", "ak-47": "firearm", "kalashnikov": "firearm", "machine-gun": "firearm",
    "firearm": "firearm", "gunshot": "firearm", "shotgun": "firearm",
    "arms": "firearm", "weapon": "firearm", "weaponry": "firearm", "ammunition": "firearm", "munition": "firearm",
    "ammo": "firearm",
    "machete": "primitive", "knife": "primitive", "axe": "primitive", "stone": "primitive", "rock": "primitive",
    "stick": "primitive", "club": "primitive", "sword": "primitive", "acid": "primitive", "arrow": "primitive",
    "spear": "primitive", "dagger": "primitive", "hammer": "primitive", "rod": "primitive",
}
FIRING_VERBS = {"fire", "throw", "hurl", "lob", "launch", "plant", "detonate", "drop", "use", "deploy", "toss",
                "explode", "set", "trigger"}
INSTRUMENT_PREPS = {"with", "by", "using", "via", "through"}
_OTHER_CLAUSES = {"ccomp", "relcl", "advcl", "conj", "parataxis", "acl", "xcomp"}


_GUNS = {"gun", "machinegun", "machine-gun", "weapon", "weaponry", "arm", "gunfire", "fire"}
_CALIBRE = re.compile(r"^(\d+(?:\.\d+)?)\s*mm$")


def _heavy_gun(tok: "Token") -> bool:
    """"heavy machine guns", "heavy weapons", "12.7mm machine guns": weapons fired from a distance, which ACLED
    counts with artillery (a calibre of 12.7 mm or more is a heavy machine gun)."""
    for c in tok.children:
        if c.dep_ in ("amod", "conj") and c.lower_ == "heavy":
            return True
        if c.dep_ in ("compound", "nummod", "nmod", "amod"):
            text = c.lower_ if c.lower_ != "mm" else "".join(n.text for n in c.children if n.dep_ == "nummod") + "mm"
            m = _CALIBRE.match(text)
            if m and float(m.group(1)) >= 12:
                return True
    return False


PAYLOAD_VERBS = {"contain", "load", "fill", "lace", "pack", "stuff", "carry", "arm"}
POISONS = {"poison", "poisonous", "toxic", "nerve", "mustard", "chlorine", "sarin", "chemical", "noxious", "lethal"}
_GENERIC_ARMS = {"weapon", "weaponry", "arm", "munition"}
_UNKNOWN = {"unknown", "unidentified", "unspecified", "undetermined"}


def _classify(tok: "Token") -> str | None:
    word = tok.lemma_.lower()
    if word in _GENERIC_ARMS and any(c.dep_ == "amod" and c.lower_ in _UNKNOWN for c in tok.children):
        return None   # "involving unknown weapons": no weapon named
    if word in _GUNS and _heavy_gun(tok):
        return "heavy"
    if word == "gas" and any(c.lower_ in POISONS for c in tok.children):
        return "chemical"   # "poison gas", "toxic gas"; not tear gas
    if word in WEAPON_WORDS:
        return WEAPON_WORDS[word]
    return WEAPON_WORDS.get(tok.lower_)


INCIDENTS = {"attack", "strike", "ambush", "raid", "explosion", "blast", "gunbattle", "shootout", "firefight",
             "bombing", "assault", "clash", "exchange", "incident"}
ATTACKERS = {"gunman": "firearm", "gunmen": "firearm", "sniper": "firearm", "bomber": "explosive",
             "suicide": "suicide"}


def _attacker(tok: "Token") -> str | None:
    return ATTACKERS.get(tok.lemma_.lower()) or ATTACKERS.get(tok.lower_)


def _phrase(head: "Token") -> list["Token"]:
    """A noun phrase without its prepositional phrases (but partitives: "dozens of rockets") and clauses
    ("mortars and rifles at the positions of …"), but for the payload ("shells containing poison gas")."""
    out = [head]
    for c in head.children:
        if c.dep_ not in _OTHER_CLAUSES and c.dep_ != "prep" or c.dep_ == "conj" or c.lower_ == "of":
            out += _phrase(c)
        elif c.dep_ == "acl" and c.lemma_.lower() in PAYLOAD_VERBS:
            out += [t for t in c.subtree if t.dep_ not in _OTHER_CLAUSES]   # "shells containing poison gas"
    return out


def _words(trigger: "Token") -> list["Token"]:
    """The tokens of the trigger's own clause that may name its weapon."""
    out: list["Token"] = [trigger]
    out += [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if trigger.pos_ == "VERB" and trigger.dep_ in ("advcl", "conj", "xcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        # "Israeli warplanes targeted the area, killing several people": the subject of the verb it continues
        out += [t for c in trigger.head.children if c.dep_ == "nsubj"
                for t in c.subtree if t.dep_ not in _OTHER_CLAUSES or t.dep_ == "conj"]
    if trigger.pos_ == "VERB" and trigger.dep_ == "acl":
        # "shells fired by …", "warplanes targeted …" (a subject the parse hung the verb on): the noun it modifies
        out += [trigger.head] + [c for c in trigger.head.children if c.dep_ in ("compound", "amod", "conj")]
    # "a total of 20 explosions/shots involving small arms": the weapons of a counted incident, told in an
    # "involving" clause on the incident noun (or on the last of a slash-joined list of them)
    noun = trigger
    while noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
        noun = noun.head
    if noun.pos_ == "NOUN":   # "bursts of fire involving …": the clause may hang on the partitive's object
        nouns = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj"]
        out += [t for n in nouns for c in n.children if c.dep_ == "acl" and c.lemma_.lower() == "involve"
                for o in c.children if o.dep_ == "dobj" for t in _phrase(o)]
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent"):
            # "Israeli artillery and warplanes targeted …": conjoined attackers too
            out += [t for t in c.subtree if t.dep_ not in _OTHER_CLAUSES or t.dep_ == "conj"]
        elif c.dep_ == "dobj" and trigger.lemma_.lower() in FIRING_VERBS:
            # "fired 82mm mortars, grenade launchers and small arms": every weapon of the object phrase
            out += _phrase(c)
        elif c.dep_ == "conj" and c.pos_ == "NOUN" and trigger.lemma_.lower() in FIRING_VERBS:
            out += _phrase(c)   # a parse slip: the second weapon read as a conjoined verb
        elif c.dep_ == "dobj" and trigger.pos_ == "VERB":
            out += [c] + [m for m in c.children if m.dep_ in ("compound", "amod", "conj")]
            # "found a depot containing weapons", "a cache of ammunition": the payload or contents name the weapon
            out += [t for a in c.children if a.dep_ == "acl" and a.lemma_.lower() in PAYLOAD_VERBS
                    for t in a.subtree if t.dep_ not in _OTHER_CLAUSES]
            out += [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children
                    if p.dep_ == "pobj"]
            # "targeted Israeli troops … with 60mm shells": the instrument read as the object's modifier
            out += [t for p in c.children if p.dep_ == "prep" and p.lower_ in ("with", "using")
                    for t in p.subtree if t.dep_ not in _OTHER_CLAUSES]
        elif c.dep_ == "prep" and c.lower_ in INSTRUMENT_PREPS:
            out += [t for t in c.subtree if t.dep_ not in _OTHER_CLAUSES]
        elif c.dep_ == "advcl" and c.lemma_.lower() == "use":
            out += [t for t in c.subtree]
        elif c.dep_ == "advcl" and trigger.lemma_.lower() in HARMS and is_when_clause(c):
            out += _when_weapon(c)   # "were killed when a roadside bomb exploded"
        elif c.dep_ == "prep" and c.lower_ in ("in", "during"):
            # "wounded two soldiers in a bomb attack", "killed in a gunbattle"
            out += [m for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in INCIDENTS
                    for m in [p, *p.children] if m.dep_ in ("pobj", "compound", "amod", "nmod")]
    if trigger.lemma_.lower() in HARMS:   # "was killed and two were wounded when a bomb went off": both harms
        out += [t for c in when_clauses(coordinated_verbs(trigger)) for t in _when_weapon(c)]
    return out


HARMS = {"kill", "wound", "injure", "die", "hurt", "maim"}


def _when_weapon(clause: "Token") -> list["Token"]:
    """The weapon words of a "when" clause: its head (a noun, when the parser made the clause a noun phrase)
    with its modifiers, and its subject ("when an IED exploded")."""
    out = [clause] + [m for m in clause.children if m.dep_ in ("compound", "amod")]
    for c in clause.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            out += [c] + [m for m in c.children if m.dep_ in ("compound", "amod")]
    return out


def weapon_of(trigger: "Token") -> str | None:
    """The most specific weapon class named in the trigger's clause, or None."""
    words = _words(trigger)
    found = {w for w in (_classify(t) for t in words) if w is not None}
    if any(t.lemma_.lower() == "launcher" for t in words):
        found.discard("grenade")   # "grenade launchers" are heavy weapons
    if "aerial" in found and any(t.lower_ == "air" for t in words) and not any(
            t.lemma_.lower() in ("strike", "raid", "attack", "bombardment", "force") for t in words):
        found.discard("aerial")   # "fired in the air" is not an air strike
    for w in PRECEDENCE:
        if w in found:
            return w
    return None


# modes a named weapon may refine: the generic ones a trigger word gives ("attack", "shoot", "bomb")
REFINABLE = {None, "firearms", "destroy", "beat", "targeted", "explosives", "heavy-weapons", "aerial", "primitive"}


DEMOLITION_VERBS = {"blow", "demolish", "bulldoze", "raze", "torch", "burn", "destroy", "detonate", "dynamite",
                    "flatten", "level", "blast"}
STRUCTURES = {"house", "home", "building", "structure", "bridge", "tower", "school", "mosque", "church", "shop",
              "store", "property", "farm", "crop", "field", "vehicle", "car", "truck", "road", "well", "office",
              "factory", "warehouse", "apartment", "block", "residence", "infrastructure", "facility", "village",
              "complex", "tunnel", "shaft", "hall", "stadium", "clinic", "hospital", "bakery", "workshop"}


KILLING_VERBS = {"kill", "murder", "assassinate", "execute", "gun", "slay", "eliminate", "behead"}
LEADERS = {"chief", "leader", "commander", "head", "official", "mayor", "governor", "minister", "deputy", "judge",
           "lawmaker", "senator", "mp", "general", "colonel", "cleric", "imam", "activist", "journalist",
           "candidate", "councillor", "councilor", "spokesman", "president", "emir", "founder", "chairman"}


def _targeted(doc: "Doc", d: "EventDraft") -> bool:
    """A killing whose victim is a named person or a leader: PLOVER's targeted mode (assassinations)."""
    if doc[d.trigger].lemma_.lower() not in KILLING_VERBS:
        return False
    return any(doc[i].lemma_.lower() in LEADERS or doc[i].ent_type_ == "PERSON" for i in d.target_tokens)


def _demolition(trigger: "Token") -> bool:
    """A destroying verb whose object is a structure, not people: "blew up homes", "torched shops", "targeted
    and destroyed residential buildings"."""
    verbs = [trigger] + [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if not any(v.lemma_.lower() in DEMOLITION_VERBS or v.lower_ in ("blew", "burnt") for v in verbs):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in STRUCTURES for v in verbs for c in v.children)


def _direct_fire(sent: "Span") -> bool:
    """Fire the target could answer: small arms named, fire "in both directions", fire returned ("fired back",
    "returned fire"). ACLED codes such fire as an armed clash even where artillery was used too."""
    for t in sent:
        low, lemma = t.lower_, t.lemma_.lower()
        if lemma == "arm" and any(c.lower_ == "small" for c in t.children) or low in ("small-arms", "smallarms"):
            return True
        if low == "small" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lemma_.lower() == "arm":
            return True   # "small arms/unknown weapons": the parse hangs "small" on the last noun
        if lemma == "direction" and any(c.lower_ == "both" for c in t.children):
            return True
        if lemma == "fire" and t.pos_ == "VERB" and any(c.lower_ == "back" for c in t.children):
            return True
        if lemma == "return" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "gunfire") for c in t.children):
            return True
    return False


_FIRE_NOUNS = {"fire", "gunfire", "shelling", "shell", "attack", "shot", "assault", "bombardment"}


def _answered(sent: "Span") -> bool:
    """The fire was answered, told in the attack's sentence or the next: "fired back", "returned fire",
    "responded to the fire", "opened gunfire in response": two sides fighting (ACLED's armed clash)."""
    if _direct_fire(sent) and not any(t.lemma_.lower() == "arm" or t.lower_ in ("small", "both") for t in sent):
        return True   # fire back / returned fire (small arms alone count only in the attack's own sentence)
    for t in sent:
        if t.lemma_.lower() == "respond" and t.pos_ == "VERB" and any(
                p.dep_ == "prep" and p.lower_ == "to" and any(o.lemma_.lower() in _FIRE_NOUNS for o in p.subtree)
                for p in t.children):
            return True
        if t.lower_ == "response" and t.head.lower_ == "in" and t.head.head.lemma_.lower() in ("fire", "open",
                                                                                          "shoot", "shell"):
            return True
    return False


def _unnamed_explosions(trigger: "Token") -> str:
    """Explosions with no device named: several counted ones ("observed 12 explosions") are fire from afar
    (artillery, mortars); a single one is an explosive device; controlled ones a demolition."""
    if any(c.lower_ == "controlled" for c in trigger.children):
        return "destroy"   # "in controlled explosions": a demolition
    counted = trigger.tag_ == "NNS" or any(c.dep_ == "nummod" for c in trigger.children)
    return "heavy-weapons" if counted else "explosives"


def arm(doc: "Doc", drafts: list["EventDraft"]) -> None:
    """Give each attack and each seizure the weapon its clause names; a more specific weapon refines the
    trigger's mode ("attacked … with a grenade": explosives; "a suicide bombing": suicide-attack)."""
    for d in drafts:
        if d.type not in ("ASSAULT", "COERCE"):
            continue
        if d.type == "ASSAULT" and any(c.dep_ == "amod" and c.lemma_.lower() == "sexual"
                                       for c in doc[d.trigger].children):
            d.mode = "sexual"   # "sexual assault", "sexual violence"
            continue
        if d.type == "ASSAULT" and _demolition(doc[d.trigger]) and not d.fatalities:
            d.mode = "destroy"   # "blew up residential homes", "bulldozed houses": property destroyed
            continue
        if d.type == "ASSAULT" and d.mode is None and _targeted(doc, d):
            d.mode = "targeted"   # "killed the deputy chief", "assassinated the mayor"
        sent = doc[d.trigger].sent
        if d.type == "ASSAULT" and (_direct_fire(sent) or _answered(sent) or (
                sent.end < len(doc) and _answered(doc[sent.end].sent))):
            d.direct_fire = True
        found = [w for w in (weapon_of(doc[i]) for i in [d.trigger, *d.extra_triggers]) if w is not None]
        # the attacker's own name: "a suicide bomber", "gunmen", "snipers"
        found += [w for i in d.source_tokens for t in [doc[i], *doc[i].children]
                  if t.dep_ in ("compound", "amod", "ROOT", "nsubj", "nsubjpass", "pobj", "conj", "dobj", "appos")
                  or t.i == i for w in [_attacker(t)] if w is not None]
        if not found:
            if d.type == "ASSAULT" and d.mode is None and doc[d.trigger].lemma_.lower() == "explosion":
                d.mode = _unnamed_explosions(doc[d.trigger])
            continue
        w = min(found, key=PRECEDENCE.index)
        d.weapon = w
        if d.type != "ASSAULT" or d.mode not in REFINABLE:
            continue
        if d.mode == "targeted" and w in ("firearm", "primitive"):
            continue   # "gunmen killed the deputy mayor": an assassination, whatever the gun
        new = MODE_OF_WEAPON[w]
        rank = {m: i for i, m in enumerate(MODE_OF_WEAPON[x] for x in PRECEDENCE)}
        if d.mode is None or rank.get(new, 99) < rank.get(d.mode, 99):
            d.mode = new


__all__ = ["MODE_OF_WEAPON", "arm", "weapon_of"]
