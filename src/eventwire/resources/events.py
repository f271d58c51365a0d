"""Loader for the event lexicons: trigger words (verbs and nouns) with their PLOVER type, mode, CAMEO code and
argument frame, and the cue words that set an event's status (modality, negation, attempts, refusals)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
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

    def trigger(self, lemma: str, pos: str) -> TriggerSpec | None:
        return self.triggers.get((lemma.lower(), pos))


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
    return Lexicon(triggers)
