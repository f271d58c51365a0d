"""Part of stage ``events``: how the forces met a protest (ACLED's protest sub-types).

Requires event drafts with actors attached and roles inferred; sets ``intervened`` and ``excessive`` on
protest drafts. ACLED codes a demonstration the police or army dispersed, arrested or fired on as a protest
with intervention, and one met with lethal force (live fire, killings) as excessive force against protesters.
A report tells the protest first and what the forces did after it ("… staged a sit-in. Police dispersed
them."), so the forces' act is looked for in the protest's sentence and the two after it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .draft import EventDraft

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Actor

CROWD_WORDS = ("protester", "protestor", "demonstrator", "marcher", "crowd", "rioter", "mob", "participant",
               "striker", "picketer")
FORCE_SECTORS = {"COP", "MIL", "SPY"}
# acts of the forces on a crowd that need no named agent to be theirs ("twelve were arrested")
FORCE_LEMMAS = {"arrest", "detain", "disperse", "teargas", "lathicharge", "baton", "beat", "evict", "remove",
                "break", "intervene", "fire", "shoot"}
PRONOUNS = {"they", "them", "some", "many", "several", "dozen", "dozens", "hundred", "hundreds", "all"}
SOFT_ROUNDS = {"rubber", "plastic", "blank", "pellet", "pellets"}
WINDOW = 2   # sentences after the protest's own


def _lethal(doc: "Doc", d: EventDraft) -> bool:
    """Force that kills or fires live rounds at the crowd ("shot dead two marchers", "fired live bullets at the
    protesters"); rubber bullets and pellets are crowd control, shots in the air a warning."""
    if d.type != "ASSAULT":
        return False
    if d.fatalities or doc[d.trigger].lemma_.lower() in ("kill", "murder", "massacre"):
        return True
    words = {t.lower_ for t in doc[d.trigger].sent}
    live = d.weapon == "firearm" or d.mode == "firearms"
    return live and bool(d.target) and not words & SOFT_ROUNDS and "air" not in words


def mark_interventions(doc: "Doc", drafts: list[EventDraft], actors: dict[str, "Actor"]) -> None:
    sent_of = {s.start: n for n, s in enumerate(doc.sents)}

    def sent(d: EventDraft) -> int:
        return sent_of.get(doc[d.trigger].sent.start, 0)

    def by_forces(d: EventDraft) -> bool:
        if doc[d.trigger].dep_ == "amod":
            return False   # "the arrested president", "detained migrants": a description, not the forces' act here
        if d.status != "actual" or not (d.type in ("COERCE", "ASSAULT") or doc[d.trigger].lemma_.lower() == "intervene"):
            return False
        if any(set(actors[a].sector) & FORCE_SECTORS for a in d.source if a in actors):
            return True
        return not d.source and doc[d.trigger].lemma_.lower() in FORCE_LEMMAS

    def on_the_crowd(d: EventDraft, p: EventDraft) -> bool:
        if set(d.target) & set(p.source):
            return True
        if d.target_tokens and all(doc[i].lower_ in PRONOUNS for i in d.target_tokens):
            return True   # "dispersed them", whoever the pronoun was resolved to
        named = [actors[t] for t in d.target if t in actors]
        if any(any(w in a.name.lower() for w in CROWD_WORDS) for a in named):
            return True
        if p.trigger in d.target_tokens or any(doc[i].lemma_.lower() in ("protest", "demonstration", "rally",
                                                                          "march", "sit-in", "gathering")
                                                 for i in d.target_tokens):
            return True   # "dispersed the protest"
        # "they were arrested", "police arrested 12": no one else is named as the target ("he was arrested",
        # "his arrest" are someone else's)
        if named or (d.nominal and not d.target_tokens):
            return False
        return all(doc[i].lower_ in PRONOUNS or doc[i].pos_ == "NUM" for i in d.target_tokens)

    forces = [d for d in drafts if by_forces(d)]
    for p in drafts:
        if p.type != "PROTEST" or not p.source:
            continue
        issue = {t.i for t in doc[p.trigger].subtree}   # "protested against the arrest of …": what it is about
        met = [d for d in forces if d is not p and d.trigger not in issue and (
            set(d.target) & set(p.source) or 0 <= sent(d) - sent(p) <= WINDOW) and on_the_crowd(d, p)]
        p.intervened = bool(met)
        p.excessive = p.mode != "riot" and any(_lethal(doc, d) and (set(d.target) & set(p.source) or any(
            any(w in actors[t].name.lower() for w in CROWD_WORDS) for t in d.target if t in actors)) for d in met)
