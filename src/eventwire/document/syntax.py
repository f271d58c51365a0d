"""Syntax helpers over spaCy's dependency parse shared by the mention and event stages: coordination,
voice, and who the subject of a verb is (following control up infinitives and conjoined verbs)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJ = ("nsubj", "csubj")


QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores",
                  "million", "millions", "tens", "number", "group", "crowd", "crowds", "handful"}


def expand_conj(tok: "Token") -> list["Token"]:
    """A token and the tokens coordinated with it ("Biden and Blinken"); a quantity stands for what it
    counts ("thousands of dock workers and residents")."""
    if tok.lower_ in QUANTITY_HEADS or tok.lemma_.lower() in QUANTITY_HEADS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for p in prep.children:
                    if p.dep_ == "pobj":
                        return expand_conj(p)
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(expand_conj(c))
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ in ("PROPN",):
            out.append(c)
    return out


WHEN_MARKS = ("when", "as", "after")


def is_when_clause(clause: "Token") -> bool:
    """An adverbial clause of time ("when the police opened fire", "as a bomb went off", "after …")."""
    return any(m.dep_ in ("mark", "advmod") and m.lower_ in WHEN_MARKS for m in clause.children)


def coordinated_verbs(verb: "Token") -> list["Token"]:
    """The verbs coordinated with ``verb``: its conjuncts and, for a conjunct, the verb it joins ("was killed
    and four were hurt")."""
    return [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])


def when_clauses(verbs: list["Token"]) -> list["Token"]:
    """The "when" clauses (``is_when_clause``) hanging on any of ``verbs``."""
    return [c for v in verbs for c in v.children if c.dep_ == "advcl" and is_when_clause(c)]


def _is_passive(verb: "Token") -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_tokens(verb: "Token", depth: int = 0) -> list["Token"]:
    """The agent of a verb: its subject, the by-phrase of a passive, or the controller up the tree."""
    if depth > 6:
        return []
    if _is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                return [t for p in c.children if p.dep_ == "pobj" for t in expand_conj(p)]
        return _operation_agent(verb)
    for c in verb.children:
        if c.dep_ in _SUBJ:
            if c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return expand_conj(verb.head)
            return expand_conj(c)
    fronted = _fronted_subject(verb)
    if fronted:
        return fronted
    dep = verb.dep_
    head = verb.head
    if head is verb:
        return []
    if dep == "xcomp" and head.lemma_ == "be":
        # "his goal was to eliminate …": the goal's owner acts
        for c in head.children:
            if c.dep_ == "nsubj" and c.lemma_.lower() in _GOAL_NOUNS:
                return [p for p in c.children if p.dep_ == "poss"]
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "conj") and head.head is not head:
        return subject_tokens(head.head, depth + 1)   # "was ready to continue contacts"
    if dep == "conj" and head.dep_ == "ccomp" and verb.lemma_.lower() in _COMMUNICATIVE \
            and head.head.lemma_.lower() in _REPORTING:
        # "The group said an army warplane had dropped bombs … and accused the military of …": the group accuses
        return subject_tokens(head.head, depth + 1)
    if dep in ("xcomp", "conj", "advcl", "pcomp"):
        # object control: "urged Hamas to accept" -> Hamas accepts
        if dep == "xcomp":
            for c in head.children:
                if c.dep_ == "dobj" and head.lemma_ in _OBJECT_CONTROL:
                    return expand_conj(c)
                if c.dep_ == "nsubjpass" and _is_passive(head):
                    return expand_conj(c)   # "the police were forced to open fire": the police fire
        return subject_tokens(head, depth + 1)
    if dep == "acl" and verb.tag_ == "VBG" and verb.i == head.i + 1 and head.pos_ in ("NOUN", "PROPN"):
        return expand_conj(head)   # "police firing", "gunmen firing at the crowd": the noun fires
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.i > head.i and not _has_finite_verb(verb):
        return expand_conj(head)   # "militants abducted four people in Damboa." parsed as a noun phrase
    if dep == "acl" and head.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "dative") \
            and head.pos_ in ("NOUN", "PROPN") and (verb.tag_ == "VBD" or any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in head.children)):
        return expand_conj(head)   # misparsed relative: "an attack that a local aid group blamed on …"
    if dep == "acl" and head.pos_ in ("NOUN",):
        # "efforts to dissuade": the owner of the effort is the subject of the verb governing it
        for c in head.children:
            if c.dep_ == "poss":
                return expand_conj(c)
        if head.dep_ in ("dobj", "pobj", "attr") and head.head is not head:
            gov = head.head if head.dep_ != "pobj" else head.head.head
            return subject_tokens(gov, depth + 1)
    return []


_OPERATION_PREPS = {"during", "in", "after", "following", "amid", "amidst"}
_OPERATION_AGENTS = {"police", "army", "military", "troops", "security", "forces", "gendarmerie", "navy",
                     "militants", "rebels"}


def _operation_agent(verb: "Token") -> list["Token"]:
    """The agent of a passive told through the operation it happened in: "7 militants were killed during an
    operation by ANDSF forces", "a suspect was killed in a police raid"."""
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in _OPERATION_PREPS:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            for q in p.children:
                if q.dep_ == "prep" and q.lower_ == "by":
                    return [t for o in q.children if o.dep_ == "pobj" for t in expand_conj(o)]
            for q in p.children:
                if q.dep_ in ("compound", "amod") and q.lemma_.lower() in _OPERATION_AGENTS:
                    return [q]
    return []


def _has_finite_verb(tok: "Token") -> bool:
    """Whether the sentence of ``tok`` has a finite verb (or modal) anywhere: without one the parser has read a
    clause as a noun phrase with a reduced relative."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not t.text.isupper() and t.i != tok.i
               for t in tok.sent)   # "IS" in capitals is a name


def _fronted_subject(verb: "Token") -> list["Token"]:
    """"On 6 May, in Iztapalapa, around 40 health workers protested": after fronted date and place phrases
    the parser often hangs the real subject on the place as an apposition. A common noun in apposition to
    the object of a preposition before the verb, with no subject of its own, is the verb's subject."""
    found: list["Token"] = []
    for c in verb.children:
        if c.dep_ != "prep" or c.i > verb.i:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            found += [a for a in p.subtree if a.dep_ == "appos" and a.i < verb.i and (
                a.pos_ == "NOUN" or (a.pos_ == "PROPN" and a.ent_type_ in ("ORG", "NORP")))]
    return expand_conj(max(found, key=lambda a: a.i)) if found else []


_COMMUNICATIVE = {"accuse", "condemn", "urge", "call", "deny", "blame", "demand", "warn", "criticize", "criticise",
                  "reject", "denounce", "vow", "threaten", "praise", "welcome"}
_REPORTING = {"say", "tell", "state", "announce", "add", "claim", "report", "write"}
_GOAL_NOUNS = {"goal", "aim", "objective", "intention", "mission", "purpose", "plan", "priority"}
_OBJECT_CONTROL = {"urge", "ask", "press", "persuade", "dissuade", "call", "force", "order", "tell", "pressure",
                   "implore", "encourage", "invite", "allow", "help", "compel"}


