"""Roles the text implies but does not state, inferred from the other events of the sentence.

- symmetric events with a coordinated subject and no object ("Blinken and Netanyahu met"): the first
  participant is the source, the others the target (``symmetric`` marks that the order carries no meaning);
- retaliation: an attack with no stated target, told beside an attack on its perpetrator ("Israel took the
  offensive against Hamas after the militant group launched an attack"), targets that other attacker;
- a refusal with no stated target answers the demand told just before it in the same sentence ("Hamas
  wanted …, something to which Netanyahu refused to agree"): its target is the demander and its issue the
  demanded thing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .draft import EventDraft

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}


def _same_sentence(doc: "Doc", a: EventDraft, b: EventDraft) -> bool:
    return doc[a.trigger].sent.start == doc[b.trigger].sent.start


def infer_roles(doc: "Doc", drafts: list[EventDraft]) -> None:
    for d in drafts:
        if d.symmetric and not d.target and len(d.source) >= 2:
            d.source, d.target = d.source[:1], d.source[1:]
    for d in drafts:
        if d.type == "ASSAULT" and d.source and not d.target:
            for e in drafts:
                if e is d or e.type not in _CONFLICT or not _same_sentence(doc, d, e):
                    continue
                if set(d.source) & set(e.target) and e.source:
                    d.target = [a for a in e.source if a not in d.source]
                    break
    for d in drafts:
        if d.type != "REJECT" or d.target:
            continue
        earlier = [e for e in drafts if e.type == "REQUEST" and e.trigger < d.trigger and _same_sentence(doc, d, e)
                   and e.source and set(e.source) != set(d.source)]
        if earlier:
            req = earlier[-1]
            d.target = [a for a in req.source if a not in d.source]
            if not any(doc[i].pos_ in ("NOUN", "PROPN") for i in d.issue_tokens):
                d.issue_tokens = list(req.issue_tokens)
    for d in drafts:
        d.target = [a for a in d.target if a not in d.source]
