"""PLOVER contexts (the "why" of an event) from the words of its sentence, plus a default by type.

A deliberately simple keyword classifier: contexts are optional in PLOVER and usually coded at sentence or
paragraph level; this gives the common ones with high precision.
"""
from __future__ import annotations

import re

_KEYWORDS: dict[str, tuple[str, ...]] = {
    "military": ("military", "army", "troops", "soldier", "invasion", "invade", "offensive", "defense forces",
                 "defence forces", "idf", "airstrike", "air strike", "shelling", "artillery", "missile"),
    "ceasefire": ("ceasefire", "cease-fire", "truce", "armistice"),
    "diplomatic": ("diplomat", "ambassador", "secretary of state", "foreign minister", "talks", "negotiat",
                   "summit", "mediat", "envoy", "ceasefire", "cease-fire", "truce"),
    "humanitarian": (),
    "human_security": ("aid", "food", "water", "hunger", "famine", "shelter", "electricity"),
    "migration": ("refugee", "displaced", "migrant", "asylum"),
    "terrorism": ("terror", "jihadist", "suicide bomb"),
    "election": ("election", "ballot", "vote", "campaign", "polls"),
    "legislative": ("parliament", "lawmaker", "legislat", "congress", "senate", "knesset"),
    "legal": ("court", "judge", "prosecutor", "lawsuit", "indict", "trial"),
    "economic": ("economy", "economic", "trade", "tariff", "inflation", "sanction", "gdp"),
    "repression": ("tear gas", "crackdown", "riot police", "detained protesters", "water cannon"),
    "health": ("hospital", "disease", "epidemic", "outbreak", "vaccine"),
    "cbrn": ("nuclear", "chemical weapon", "biological weapon"),
    "corruption": ("corruption", "bribe", "embezzle"),
    "territory": ("annex", "territor", "occupied", "border"),
}
_DEFAULT: dict[str, tuple[str, ...]] = {
    "CONSULT": ("diplomatic",), "AGREE": ("diplomatic",), "REQUEST": ("diplomatic",),
    "ASSAULT": ("military",), "MOBILIZE": ("military",),
}
_VALID = {k for k in _KEYWORDS if _KEYWORDS[k]} | {"ceasefire"}


def contexts_for(sentence: str, event_type: str) -> tuple[str, ...]:
    text = sentence.lower()
    found = [ctx for ctx, words in _KEYWORDS.items() if words and any(re.search(r"\b" + re.escape(w), text)
                                                                      for w in words)]
    for ctx in _DEFAULT.get(event_type, ()):
        if ctx not in found:
            found.append(ctx)
    return tuple(c for c in found if c in _VALID)
