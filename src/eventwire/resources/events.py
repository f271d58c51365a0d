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


def _rows(name: str) -> list[tuple[str, str, str, str | None, str, frozenset[str]]]:
    """The rows of a lexicon file: six tab-separated columns (the last, the frame, split on commas)."""
    out: list[tuple[str, str, str, str | None, str, frozenset[str]]] = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + [""] * 6
        key, second, type_, mode, cameo, frame = cols[:6]
        out.append((key, second, type_, mode or None, cameo, frozenset(f.strip() for f in frame.split(",")
                                                                       if f.strip())))
    return out


@functools.cache
def load_lexicon() -> Lexicon:
    triggers = {(lemma.lower(), pos): TriggerSpec(lemma.lower(), pos, type_, mode, cameo, flags)
                for lemma, pos, type_, mode, cameo, flags in _rows("triggers.tsv")}
    # phrases: verb, complement(s) separated by "|", then the same columns as a trigger
    phrases = {(verb.lower(), comp): TriggerSpec(verb.lower(), "VERB", type_, mode, cameo, flags)
               for verb, complements, type_, mode, cameo, flags in _rows("phrases.tsv")
               for comp in complements.lower().split("|")}
    return Lexicon(triggers, phrases)
