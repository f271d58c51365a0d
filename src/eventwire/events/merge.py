"""Within-article event coreference: one event told twice is one event with both evidence spans.

Two drafts merge when they have the same type and status, their participants overlap (one's set contains
the other's), and their dates do not conflict; a definite nominal mention with no participants of its own
("the meeting") is merged into the most recent event of its type. Merging is limited to the types whose
retellings are the same happening (meetings, attacks, protests, agreements, arrests, …); two accusations by
the same speaker are two statements.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .draft import EventDraft

if TYPE_CHECKING:
    from spacy.tokens import Doc

MERGEABLE = {"CONSULT", "ASSAULT", "PROTEST", "AGREE", "COERCE", "MOBILIZE", "AID", "RETREAT", "SANCTION"}
_DEFINITE = {"the", "this", "that"}


def _participants(d: EventDraft) -> set[str]:
    return set(d.source) | set(d.target)


def _dates_agree(a: EventDraft, b: EventDraft) -> bool:
    """Dates agree unless both are known and their ranges cannot overlap ("last year" vs "on Saturday")."""
    if a.date is None or b.date is None or not a.date.value or not b.date.value:
        return True
    if "reported" in (a.date.precision, b.date.precision):
        return True
    if a.date.precision == "day" and b.date.precision == "day":
        return a.date.value == b.date.value
    ae, al, be, bl = a.date.earliest, a.date.latest, b.date.earliest, b.date.latest
    if ae and al and be and bl:
        return not (al < be or bl < ae)
    return True


def _anaphoric(doc: "Doc", d: EventDraft) -> bool:
    """"the meeting", "Saturday's clashes": a definite event noun with nothing of its own to tell it apart
    (no participants, no other qualifier such as "the protests against a finance bill")."""
    tok = doc[d.trigger]
    if not d.nominal or _participants(d):
        return False
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children) or any(
        c.dep_ == "poss" and c.ent_type_ == "DATE" for c in tok.children)
    qualified = any(c.dep_ == "prep" and c.lower_ not in ("of", "in", "at", "on") for c in tok.children)
    return definite and not qualified


def _same_side_generic(a: EventDraft, b: EventDraft, sectors: dict[str, tuple[bool, frozenset[str]]]) -> bool:
    """Same source, and targets that are unnamed groups of the same kind ("protesters" / "crowds")."""
    if not a.source or set(a.source) != set(b.source) or a.mode != b.mode:
        return False
    ta = [sectors.get(t, (True, frozenset())) for t in a.target]
    tb = [sectors.get(t, (True, frozenset())) for t in b.target]
    if not ta or not tb or any(res for res, _ in ta + tb):
        return False
    return bool(frozenset().union(*[s for _, s in ta]) & frozenset().union(*[s for _, s in tb]))


def _compatible(doc: "Doc", keep: EventDraft, d: EventDraft,
                sectors: dict[str, tuple[bool, frozenset[str]]]) -> bool:
    if keep.type != d.type or keep.type not in MERGEABLE:
        return False
    if keep.status != d.status:
        return False
    if keep.type == "COERCE" and keep.mode != d.mode and keep.mode and d.mode:
        return False   # a raid and the arrests made in it are two acts of coercion
    if _anaphoric(doc, d):
        known = d.date is not None and d.date.precision not in ("reported", "unknown")
        kept_known = keep.date is not None and keep.date.precision not in ("reported", "unknown")
        return _dates_agree(keep, d) and (kept_known or not known)
    pk, pd = _participants(keep), _participants(d)
    if not pk or not pd:
        return False
    if not (pk <= pd or pd <= pk) and not _same_side_generic(keep, d, sectors):
        return False
    if not keep.symmetric and keep.source and d.source and set(keep.source) != set(d.source):
        return False
    if keep.type == "ASSAULT" and (bool(keep.target) != bool(d.target)) and keep.place != d.place:
        return False  # "dropped bombs on the market" and "struck positions near El Fasher" are two strikes
    return _dates_agree(keep, d)


def _absorb(keep: EventDraft, d: EventDraft) -> None:
    keep.merged.append(d)
    keep.merged.extend(d.merged)
    for a in d.source + d.target:
        if a not in keep.source and a not in keep.target:
            (keep.target if keep.source else keep.source).append(a)
    if d.date is not None and (keep.date is None or _finer(d.date.precision, keep.date.precision)):
        keep.date = d.date
        keep.date_tokens = d.date_tokens
    if keep.place is None and d.place is not None:
        keep.place, keep.place_tokens = d.place, d.place_tokens
    keep.confidence = min(0.95, keep.confidence + 0.05)


_ORDER = ["day", "week", "month", "season", "quarter", "year", "decade", "reported", "unknown"]


def _finer(a: str, b: str) -> bool:
    return _ORDER.index(a) < _ORDER.index(b) if a in _ORDER and b in _ORDER else False


def _governed_by(doc: "Doc", d: EventDraft, keep: EventDraft) -> bool:
    """"met … for their first direct peace talks": an event noun inside the clause of a verbal event of
    the same type is that event."""
    if not d.nominal or keep.type != d.type or keep.status != d.status:
        return False
    tok = doc[d.trigger]
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False   # "discussed a possible meeting" is not that meeting
    head = tok.head.head
    return head.i == keep.trigger or head.i in keep.extra_triggers


def _claim(doc: "Doc", d: EventDraft, keep: EventDraft) -> bool:
    """"The group later claimed the attack": responsibility for an event already told, not a new one."""
    if keep.type != d.type or not d.extra_triggers:
        return False
    light = doc[d.extra_triggers[0]]
    tok = doc[d.trigger]
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their", "yesterday")
                   for c in tok.children)
    return light.lemma_.lower() in ("claim", "acknowledge", "admit", "deny") and definite


def merge_drafts(doc: "Doc", drafts: list[EventDraft],
                 sectors: dict[str, tuple[bool, frozenset[str]]] | None = None) -> list[EventDraft]:
    """``sectors``: actor id -> (resolved, sector codes), to tell unnamed groups of one kind."""
    kept: list[EventDraft] = []
    for d in drafts:
        claimed = next((k for k in reversed(kept) if _claim(doc, d, k)), None)
        if claimed is not None:
            if not claimed.source:
                claimed.source = list(d.source)
            _absorb(claimed, d)
            continue
        target = next((k for k in reversed(kept) if _governed_by(doc, d, k)), None) or \
            next((k for k in reversed(kept) if _compatible(doc, k, d, sectors or {})), None)
        if target is None:
            kept.append(d)
        else:
            _absorb(target, d)
    return kept
