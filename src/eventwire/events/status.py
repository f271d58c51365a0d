"""Did it happen? An event's status from the words that govern its trigger.

PLOVER's auxiliary modes made concrete: attempted ("tried to"), failed ("failed to", "unsuccessfully"),
intended ("plans to", "will", "a planned invasion"), threatened ("vowed to enter"), refused, denied
("denied carrying out"), hypothetical ("would", "if", "urged X not to", what someone is dissuaded from),
negated ("did not attack", "neither the police nor the army was deployed"), an ability denied ("were not
able to arrest") as failed. The nearest governing cue wins; walking stops at a reporting verb, so
"Israel said it struck" stays actual (attributed, not doubted).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

ATTEMPT = {"try", "attempt", "strive", "endeavor", "endeavour"}
FAIL = {"fail", "failure", "inability"}
INTEND = {"agree", "plan", "intend", "prepare", "aim", "plot", "expect", "hope", "decide", "seek", "want", "wish",
          "mean", "propose", "set", "schedule", "consider", "scheme", "offer", "volunteer"}
THREAT = {"vow", "threaten", "pledge", "promise", "swear", "warn"}
REFUSE = {"refuse", "decline"}
DENY = {"deny"}
READY = {"ready", "willing", "prepared", "eager", "determined", "keen", "set", "poised", "due", "likely", "unlikely"}
HYPOTHETICAL_GOVERNORS = {"face", "risk", "urge", "ask", "call", "press", "dissuade", "persuade", "prevent", "stop", "deter",
                          "avoid", "forbid", "prohibit", "demand", "want", "pressure", "implore", "oppose",
                          "warn", "necessary", "need", "lobby", "campaign", "plead", "appeal", "request", "plea",
                          "proposal"}
REPORTING = {"say", "tell", "report", "announce", "state", "claim", "confirm", "add", "note", "acknowledge",
             "admit", "stress", "insist"}
INTENT_MODIFIERS = {"planned", "proposed", "possible", "potential", "expected", "imminent", "future",
                    "intended", "threatened", "looming", "anticipated"}
ASSEMBLY = {"gather", "assemble", "rally", "march", "converge", "congregate", "meet", "come", "take", "turn",
            "stage", "hold", "block", "occupy", "walk", "go", "flock", "pour", "join", "mass"}
DEMONSTRATE = {"protest", "demonstrate", "demand", "denounce", "condemn", "oppose", "reject", "express", "voice",
               "call", "decry", "show", "press", "mark", "commemorate", "rally", "march", "chant"}
FAIL_ADVERBS = {"unsuccessfully", "vainly", "fruitlessly"}
WILL = {"will", "shall", "'ll", "wo"}
WOULD = {"would", "could", "might", "may", "should", "must", "'d"}
CONDITION_MARKS = {"if", "unless"}
ABSOLUTE_PREPS = {"with", "after", "before", "since", "despite", "amid", "following", "as", "while", "when"}
# "reiterated its demand that Israel ease restrictions": the clause is what is demanded, not what happened
DEMAND_NOUNS = {"demand", "call", "appeal", "request", "plea", "insistence", "ultimatum", "proposal", "suggestion"}
GOAL_NOUNS = {"goal", "aim", "plan", "intention", "objective", "bid", "effort", "attempt", "purpose", "mission"}


def _negated(tok: "Token") -> bool:
    """"did not attack"; also a complement denied by "no": "no arrests were made", "made no arrests", "no action
    was taken"."""
    return any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ in ("nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in tok.children) or any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ in ("preconj", "det") and d.lower_ == "neither"
                                                     for d in c.children)
        for c in tok.children)   # "neither the police nor the army was deployed"


def _unable(head: "Token") -> bool:
    """"unable to stop", "were not able to arrest", "could not (be able to)": an ability denied, which is a
    failure to do it."""
    if head.lower_ == "unable" or head.lemma_.lower() == "incapable":
        return True
    return head.lower_ == "able" and (_negated(head) or _negated(head.head) and head.dep_ == "acomp")


def _modal(tok: "Token") -> str | None:
    for c in tok.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            if c.lower_ in WILL:
                return "intended"
            if c.lower_ == "would" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING \
                    and not any(m.lower_ in CONDITION_MARKS for m in tok.children):
                return "intended"   # reported speech: "said that Israel would enter Rafah" is a past "will"
            if c.lower_ in WOULD:
                return "hypothetical"
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
            return "hypothetical"
        if c.dep_ == "aux" and c.lower_ == "going":
            return "intended"
    return None


def status_of(trigger: "Token", nominal: bool = False) -> str:
    """The status of the event whose trigger is ``trigger`` (a verb, or the noun of a nominal event)."""
    if nominal:
        for c in trigger.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in INTENT_MODIFIERS:
                return "intended"
            if c.dep_ == "det" and c.lower_ in ("no",):
                return "negated"
    tok = trigger
    for depth in range(6):
        if _negated(tok) and depth == 0:
            return "negated"
        if depth == 0 and any(c.dep_ == "advmod" and c.lower_ in FAIL_ADVERBS for c in tok.children):
            return "failed"
        m = _modal(tok)
        if m is not None:
            return m
        head = tok.head
        if head is tok:
            return "actual"
        if tok.dep_ == "relcl":
            return "actual"   # a relative clause asserts its own event ("a ceasefire, which Kyiv has backed")
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN"):
            return "actual"   # a reduced relative: "will return the weapons seized last year" (seized before)
        lemma = head.lemma_.lower()
        if tok.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_NOUNS for c in head.children):
            return "hypothetical"
        if tok.dep_ in ("pobj", "pcomp") and head.lower_ in ABSOLUTE_PREPS:
            return "actual"
        if tok.dep_ == "pobj" and head.lower_ in ("against", "over") and head.head.lemma_ == "be":
            return "hypothetical"   # "X is against an invasion of Rafah": opposed, not happening  # "with Biden rebuking him", "after the group launched": a fact, not a plan
        if head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in GOAL_NOUNS
                                       for c in head.children):
            return "intended"  # "his goal was to eliminate"
        if tok.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "acl", "advcl", "conj", "prep", "amod",
                        "nsubj", "attr"):
            if tok.dep_ == "conj":
                if tok.tag_ in ("VBD", "VBZ", "VBP"):
                    return "actual"   # a finite conjunct has its own tense: "would not withdraw … and refused"
                tok = head
                continue
            if lemma in FAIL or any(c.lower_ in FAIL_ADVERBS for c in head.children) or _unable(head):
                return "failed"
            if lemma in ATTEMPT:
                return "attempted"
            if lemma in REFUSE:
                return "refused"
            if lemma in DENY:
                return "denied"
            if lemma in THREAT:
                return "threatened"
            if head.pos_ == "NOUN" and tok.dep_ == "acl" and lemma in GOAL_NOUNS:
                return "attempted" if lemma in ("bid", "effort", "attempt") else "intended"
            if lemma in INTEND and head.pos_ == "VERB" or lemma in READY:
                return "intended"
            if lemma in HYPOTHETICAL_GOVERNORS:
                return "hypothetical"
            if lemma in REPORTING:
                return "actual"
            if tok.dep_ in ("advcl", "xcomp") and lemma in ASSEMBLY and trigger.lemma_.lower() in DEMONSTRATE:
                tok = head   # "gathered outside the council to protest": the gathering is the protest
                continue
            if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                return "intended"   # purpose clause: "met … to negotiate"
        tok = head
    return "actual"
