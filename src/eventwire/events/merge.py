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
    if a.date is None or b.date is None or not a.date.value or not b.date.value:
        return True
    if a.date.precision == "day" and b.date.precision == "day":
        return a.date.value == b.date.value
    return True


def _anaphoric(doc: "Doc", d: EventDraft) -> bool:
    tok = doc[d.trigger]
    return d.nominal and not _participants(d) and any(c.dep_ == "det" and c.lower_ in _DEFINITE
                                                      for c in tok.children)


def _compatible(doc: "Doc", keep: EventDraft, d: EventDraft) -> bool:
    if keep.type != d.type or keep.type not in MERGEABLE:
        return False
    if keep.status != d.status:
        return False
    if _anaphoric(doc, d):
        return True
    pk, pd = _participants(keep), _participants(d)
    if not pk or not pd or not (pk <= pd or pd <= pk):
        return False
    if not keep.symmetric and keep.source and d.source and set(keep.source) != set(d.source):
        return False
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


def merge_drafts(doc: "Doc", drafts: list[EventDraft]) -> list[EventDraft]:
    kept: list[EventDraft] = []
    for d in drafts:
        target = next((k for k in reversed(kept) if _compatible(doc, k, d)), None)
        if target is None:
            if _anaphoric(doc, d):
                continue  # "the meeting" with nothing to refer to carries no event of its own
            kept.append(d)
        else:
            _absorb(target, d)
    return kept
