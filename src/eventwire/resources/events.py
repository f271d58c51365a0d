"""Loader for the event lexicons: trigger words (verbs and nouns) with their PLOVER type, mode, CAMEO code and
argument frame, and the cue words that set an event's status (modality, negation, attempts, refusals)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    lemma: str
    pos: str                    # VERB | NOUN
    type: str                   # PLOVER event type
    mode: str | None
    cameo: str
    frame: frozenset[str]       # sym, obj, with, to, against, on, ... light, ctrl, movement, prt:down, ...

    def has(self, flag: str) -> bool:
        return flag in self.frame

    def preps(self) -> set[str]:
        """Prepositions that introduce the target ("attack on", "talks with")."""
        skip = {"sym", "obj", "light", "ctrl", "movement", "dative"}
        return {f for f in self.frame if f not in skip and ":" not in f}


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[tuple[str, str], TriggerSpec]
    # (verb lemma, complement) -> spec; the complement is the lemma of the direct object ("restore" + "tie"),
    # "prt:WORD" for a particle ("call" + "prt:off") or "prep:WORD" for a preposition ("break" + "prep:with")
    phrases: dict[tuple[str, str], TriggerSpec] = field(default_factory=dict)

    def trigger(self, lemma: str, pos: str) -> TriggerSpec | None:
        return self.triggers.get((lemma.lower(), pos))

    def phrase(self, verb: str, complement: str) -> TriggerSpec | None:
        return self.phrases.get((verb.lower(), complement.lower()))


def _read(name: str) -> str:
    return resources.files("eventwire.resources").joinpath("data", "events", name).read_text(encoding="utf-8")


@functools.cache
def load_lexicon() -> Lexicon:
    triggers: dict[tuple[str, str], TriggerSpec] = {}
    for line in _read("triggers.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        cols += [""] * (6 - len(cols))
        lemma, pos, type_, mode, cameo, frame = cols[:6]
        flags = frozenset(f.strip() for f in frame.split(",") if f.strip())
        triggers[(lemma.lower(), pos)] = TriggerSpec(lemma.lower(), pos, type_, mode or None, cameo, flags)
    phrases: dict[tuple[str, str], TriggerSpec] = {}
    for line in _read("phrases.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        cols += [""] * (6 - len(cols))
        verb, complement, type_, mode, cameo, frame = (c.strip() for c in cols[:6])
        flags = frozenset(f.strip() for f in frame.split(",") if f.strip())
        for comp in complement.lower().split("|"):
            phrases[(verb.lower(), comp)] = TriggerSpec(verb.lower(), "VERB", type_, mode or None, cameo, flags)
    return Lexicon(triggers, phrases)
