"""PLOVER 0.5b1 (2016, the labels of the PLOVER gold-standard records) to the pinned 2024-02 manual.

Event types follow the manual's own CAMEO-to-PLOVER table (INVESTIGATE and DISAPPROVE merged into ACCUSE,
DEMAND renamed REQUEST, FIGHT merged into ASSAULT). Modes and contexts are matched to the 2024 names by
meaning; a 2016 value with no 2024 counterpart maps to ``None`` and is not scored.
"""
from __future__ import annotations

TYPE_2016_TO_2024: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

# 2016 modes that changed name; every other 2016 mode already is a 2024 mode name.
MODE_2016_TO_2024: dict[str, str | None] = {
    "host": "visit",                                   # CAMEO 043 "host a visit": the manual merges host/visit
    "strike-hun": "hunger", "strike-gen": "strike",
    "riot-spon": "riot", "demo-org": "demo", "demo-spon": "demo",
    "assassinate": "targeted", "confiscate": "seize", "detain": "arrest", "ban": "restrict",
    "other": None, "political": None,
}

MODES_2024: frozenset[str] = frozenset({
    "visit", "third-party", "multilateral", "phone",
    "withdraw", "release", "disarm", "ceasefire", "access", "resign",
    "assist", "change", "yield", "meet", "disapprove", "investigate", "allege",
    "restrict", "arrest", "relations", "expel", "territory", "violence",
    "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize",
    "convict", "discontinue", "troops", "weapons", "police", "militia",
    "seize", "censor", "curfew", "martial-law", "deport", "withhold", "misinformation", "cyber",
    "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
    "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
})

CONTEXTS_2024: frozenset[str] = frozenset({
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "human_rights", "rights_freedoms", "repression",
    "human_security", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "health",
    "asylum", "migration", "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn",
    "cyber", "misinformation", "crime", "corruption",
})

# 2016 context -> the 2024 contexts that count as the same (any one of them is a match).
CONTEXT_2016_TO_2024: dict[str, tuple[str, ...]] = {
    "refugee": ("migration", "asylum"), "refugees": ("migration", "asylum"),
    "political": ("political_institutions",), "politics": ("political_institutions",),
    "government": ("executive",), "resource": ("natural_resource",), "resources": ("natural_resource",),
    "rights": ("human_rights", "rights_freedoms"), "discrimination": ("inequality",),
    "religion": ("religion_ethnicity",), "assets": ("economic",),
    "historical": (), "foreign": (), "unknown": (),
}


def type_2024(event_2016: str) -> str:
    return TYPE_2016_TO_2024.get(event_2016, event_2016)


def mode_2024(mode_2016: str | None) -> str | None:
    if not mode_2016:
        return None
    key = mode_2016.strip().lower()
    if key in MODE_2016_TO_2024:
        return MODE_2016_TO_2024[key]
    return key if key in MODES_2024 else None


def contexts_2024(context_2016: str | None) -> frozenset[str]:
    """The 2024 contexts a 2016 context field ("diplomatic, military") stands for."""
    out: set[str] = set()
    for part in (context_2016 or "").split(","):
        key = part.strip().lower()
        if not key:
            continue
        if key in CONTEXT_2016_TO_2024:
            out.update(CONTEXT_2016_TO_2024[key])
        elif key in CONTEXTS_2024:
            out.add(key)
    return frozenset(out)
