"""Who did it to whom: source and target tokens of an event trigger, read off the dependency parse.

Handles active and passive voice ("was shelled by"), coordination ("Biden and Blinken", "rebuking and
warning him"), subject control through infinitives, purpose clauses and conjoined verbs ("met … to try to
dissuade", "continuing efforts to dissuade"), the absolute "with X doing", possessors and of/by/against
phrases of nominal events ("Israel's invasion of Rafah", "an attack by gunmen on a village").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..document.syntax import expand_conj, subject_tokens
from ..resources.events import TriggerSpec

if TYPE_CHECKING:
    from spacy.tokens import Token

def object_tokens(trigger: "Token", spec: TriggerSpec, verb: "Token | None" = None) -> list["Token"]:
    """The target of an event: direct object, passive subject, dative, or a frame preposition's object.
    ``verb`` is the light verb governing a nominal trigger ("took the offensive against Hamas")."""
    out: list["Token"] = []
    heads = [trigger] + ([verb] if verb is not None else [])
    preps = spec.preps() | ({"with"} if spec.has("sym") else set())
    for h in heads:
        for c in h.children:
            if c.dep_ == "nsubjpass" and h.pos_ == "VERB":
                out.extend(expand_conj(c))
            elif c.dep_ in ("dobj", "dative") and h is trigger and trigger.pos_ == "VERB":
                if c.pos_ == "ADP":   # "give a grant … to Moldova" parsed with "to" as the dative
                    out.extend(t for p in c.children if p.dep_ == "pobj" for t in expand_conj(p))
                else:
                    out.extend(expand_conj(c))
            elif c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(expand_conj(p))
    if trigger.pos_ == "VERB" and not out:
        # right-node raising: "rebuking and warning him"
        for c in trigger.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(s.dep_ in ("nsubj", "nsubjpass")
                                                                 for s in c.children):
                for cc in c.children:
                    if cc.dep_ == "dobj":
                        out.extend(expand_conj(cc))
        if trigger.dep_ == "conj" and not out:
            pass
    return out


def nominal_args(noun: "Token", spec: TriggerSpec) -> tuple[list["Token"], list["Token"]]:
    """Source and target of a nominal event: possessor / "by" phrase, and "of"/"on"/"against" phrase or
    a compound modifier ("Rafah invasion")."""
    src: list["Token"] = []
    tgt: list["Token"] = []
    for c in noun.children:
        if c.dep_ == "poss":
            src.extend(expand_conj(c))
        elif c.dep_ == "prep":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            objs = [p for p in objs if p.ent_type_ not in ("DATE", "TIME")]   # not "on 9 May"
            if c.lower_ == "by":
                src.extend(t for p in objs for t in expand_conj(p))
            elif c.lower_ == "between":
                for p in objs:
                    both = expand_conj(p)
                    src.extend(both[:1])
                    tgt.extend(both[1:])
            elif c.lower_ in spec.preps() or c.lower_ in ("against", "on"):
                tgt.extend(t for p in objs for t in expand_conj(p))
        elif c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC", "PERSON", "ORG", ""):
            tgt.append(c)
        elif c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in AGENT_COMPOUNDS:
            src.append(c)   # "police firing", "army shelling": the force acts
    return src, tgt


AGENT_COMPOUNDS = {"police", "army", "military", "troop", "militant", "rebel", "army", "navy", "settler", "mob",
                   "government", "regime", "coalition", "insurgent", "guerrilla", "security"}

# Prepositions that introduce the party an event is directed at, inside its object or its own phrases:
# "welcomed a resumption of ties with X", "asked for sanctions against X", "warned of X", "condemned an
# attack by X" (the attacker is the one condemned), "took up the issue with X".
DEEP_PREPS = {"with", "against", "toward", "towards", "on", "upon", "to", "of", "by", "between", "over", "from"}
_DEEP_SKIP = {"nsubj", "nsubjpass", "advcl", "ccomp", "relcl", "acl", "punct", "cc", "mark", "aux", "neg",
              "advmod", "npadvmod", "appos", "parataxis", "xcomp"}


def deep_targets(trigger: "Token", objects: list[int]) -> list["Token"]:
    """Candidates for the target of an event whose object is not itself an actor: the objects of the
    directional prepositions inside the object phrase or after the trigger, nearest first, two phrases
    deep at most. Time and place phrases ("in", "at", "during") are not searched."""
    out: list["Token"] = []
    frontier: list[tuple["Token", int]] = []
    for c in trigger.children:
        if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in DEEP_PREPS | {"for", "about"}):
            frontier.append((c, 0))
    frontier += [(trigger.doc[i], 0) for i in objects if trigger.doc[i].head == trigger]
    seen: set[int] = set()
    while frontier:
        tok, depth = frontier.pop(0)
        if tok.i in seen or depth > 3:
            continue
        seen.add(tok.i)
        if tok.dep_ == "prep":
            if tok.lower_ not in DEEP_PREPS | {"for", "about"}:
                continue
            for p in tok.children:
                if p.dep_ == "pobj":
                    if tok.lower_ in DEEP_PREPS:
                        out.extend(x for x in expand_conj(p) if x not in out)
                    frontier.append((p, depth + 1))
            continue
        for c in tok.children:
            if c.dep_ == "prep" or (c.dep_ in ("dobj", "pobj") and depth < 3):
                frontier.append((c, depth + 1))
    return out


__all__ = ["deep_targets", "expand_conj", "nominal_args", "object_tokens", "subject_tokens"]
