"""Small helpers shared by the mention stages: token ranges to character spans, entity trimming, drafts."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan, Token

    from ..resources.actors import KBActor

_LEADING = {"the", "a", "an"}
_TRAILING = {"'s", "’s", "'", "’"}


@dataclass(slots=True)
class Draft:
    """An actor mention being built inside the actor stage (mutable; never leaves the stage)."""

    start: int
    end: int
    actor: "KBActor | None" = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()
    via: str = "kb"
    head: int | None = None
    nationality: bool = False   # the phrase itself says whose it is ("Arab mediators"): no focus country


def token_span(doc: "Doc", start: int, end: int) -> Span:
    """The character span of tokens [start, end) (trailing whitespace excluded)."""
    sp = doc[start:end]
    return Span(sp.start_char, sp.end_char, sp.text)


def entity_core(ent: "SpacySpan") -> tuple[int, int]:
    """Token range of an entity without a leading article and a trailing possessive marker."""
    s, e = ent.start, ent.end
    doc = ent.doc
    while s < e and doc[s].lower_ in _LEADING:
        s += 1
    while e > s and doc[e - 1].text in _TRAILING:
        e -= 1
    return s, e


def tokens_within(doc: "Doc", start: int, end: int) -> list["Token"]:
    """The tokens lying wholly inside the characters ``[start, end)`` (spaCy's contracting alignment, without
    a scan of the document)."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def doc_text(doc: "Doc") -> str:
    """``doc.text``, kept on the Doc after its first use (spaCy joins every token each time it is asked)."""
    cached = doc.user_data.get("eventwire_text")
    if not isinstance(cached, str):
        cached = doc.text
        doc.user_data["eventwire_text"] = cached
    return cached
