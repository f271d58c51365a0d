"""Roles the text implies but does not state, inferred from the other events of the sentence.

- symmetric events with a coordinated subject and no object ("Blinken and Netanyahu met"): the first
  participant is the source, the others the target (``symmetric`` marks that the order carries no meaning);
- retaliation: an attack with no stated target, told beside an attack on its perpetrator ("Israel took the
  offensive against Hamas after the militant group launched an attack"), targets that other attacker;
- an arrest with no agent was made by the police (else the security forces) acting earlier in the story;
- a refusal with no stated target answers the demand told just before it in the same sentence ("Hamas
  wanted …, something to which Netanyahu refused to agree"): its target is the demander and its issue the
  demanded thing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .draft import EventDraft

if TYPE_CHECKING:
    from spacy.tokens import Doc

_JOINT = {"AGREE", "CONSULT", "COOPERATE"}
_CONFLICT = {"ASSAULT", "COERCE", "THREATEN", "MOBILIZE"}


def _same_sentence(doc: "Doc", a: EventDraft, b: EventDraft) -> bool:
    return doc[a.trigger].sent.start == doc[b.trigger].sent.start


def infer_roles(doc: "Doc", drafts: list[EventDraft], sectors: dict[str, frozenset[str]] | None = None) -> None:
    for d in drafts:
        if (d.symmetric or d.type in _JOINT) and not d.target and len(d.source) >= 2:
            d.symmetric = True
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
        if not earlier:
            # a refusal of what was demanded earlier in the story ("the lease be scrapped" … "would not
            # withdraw the lease"): the demand shares a noun with the refusal
            mine = {doc[i].lemma_.lower() for i in d.issue_tokens if doc[i].pos_ == "NOUN"}
            earlier = [e for e in drafts if e.type == "REQUEST" and e.trigger < d.trigger and e.source
                       and set(e.source) != set(d.source)
                       and mine & {doc[i].lemma_.lower() for i in e.issue_tokens if doc[i].pos_ == "NOUN"}]
        if earlier:
            req = earlier[-1]
            d.target = [a for a in req.source if a not in d.source]
            if not any(doc[i].pos_ in ("NOUN", "PROPN") for i in d.issue_tokens):
                d.issue_tokens = list(req.issue_tokens)
    _arrester(drafts, sectors or {})
    _repression(doc, drafts, sectors or {})
    _retaliation(drafts)
    for d in drafts:
        d.target = [a for a in d.target if a not in d.source]


_REPRESSIVE = {"ASSAULT", "COERCE"}
_FORCES = {"COP", "MIL"}


def _repression(doc: "Doc", drafts: list[EventDraft], sectors: dict[str, frozenset[str]]) -> None:
    """Police or troops using force or arresting, told in the same sentence as a protest, act on the
    protesters ("police fired tear gas and arrested 37 people as thousands marched")."""
    protests = [p for p in drafts if p.type == "PROTEST" and p.source]
    for d in drafts:
        if d.type not in _REPRESSIVE or not d.source:
            continue
        if not any(s & _FORCES for s in (sectors.get(a, frozenset()) for a in d.source)):
            continue
        if d.target and any(sectors.get(t, frozenset()) - {"CVL"} for t in d.target):
            continue
        for p in protests:
            if _same_sentence(doc, d, p):
                d.target = list(p.source)
                break


def _arrester(drafts: list[EventDraft], sectors: dict[str, frozenset[str]]) -> None:
    """"… during an operation by the police. A man was arrested.": an arrest told with no agent was made by the
    police (else the security forces) the story named before it."""
    for n, d in enumerate(drafts):
        if d.type != "COERCE" or d.mode != "arrest" or d.source:
            continue
        for sector in ("COP", "MIL"):
            earlier = [a for e in drafts[:n] for a in e.source if sector in sectors.get(a, frozenset())]
            if earlier:
                d.source = [earlier[-1]]
                d.target = [t for t in d.target if t != earlier[-1]]
                break


def _retaliation(drafts: list[EventDraft]) -> None:
    """A vow to retaliate with no one named targets the last side that attacked someone else."""
    for n, d in enumerate(drafts):
        if d.type != "THREATEN" or d.target or not d.source:
            continue
        for e in reversed(drafts[:n]):
            if e.type == "ASSAULT" and e.status == "actual" and e.source and not set(e.source) & set(d.source):
                d.target = list(e.source)
                break
