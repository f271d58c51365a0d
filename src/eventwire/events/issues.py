"""Issue normalisation: the many wordings of one issue meet under one key.

An issue phrase (the tokens a stance is about) is matched against the ordered patterns of
``resources/data/events/issues.tsv``; a pattern that needs a place or an actor takes the one named inside
the phrase ("Israel's planned invasion of Rafah" and "sweeping Rafah" both become ``military-operation:
rafah``). A bare "the deal" / "the agreement" refers back to the last fuller phrase with that noun in the
article. Anything else keeps its own wording, lower-cased and without determiners, as key and label.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

_DETS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "any", "another"}
BARE_NOUNS = {"deal", "agreement", "proposal", "plan", "offer", "accord", "framework", "truce", "settlement"}


@dataclass(frozen=True, slots=True)
class IssueRule:
    key: str
    label: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Issue:
    key: str
    label: str


@functools.cache
def load_issue_rules() -> tuple[IssueRule, ...]:
    text = resources.files("eventwire.resources").joinpath("data", "events", "issues.tsv").read_text("utf-8")
    rules: list[IssueRule] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, label, pattern = line.split("\t")[:3]
        rules.append(IssueRule(key, label, re.compile(pattern)))
    return tuple(rules)


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def plain(text: str) -> str:
    words = [w for w in re.findall(r"[\w'’-]+", text.lower())]
    while words and words[0] in _DETS:
        words = words[1:]
    return " ".join(words)


def normalise(text: str, places: list[str], actors: list[str]) -> Issue:
    """The issue a phrase is about. ``places``/``actors`` are the names mentioned inside the phrase."""
    low = text.lower()
    for rule in load_issue_rules():
        if not rule.pattern.search(low):
            continue
        if "{place}" in rule.key:
            if not places:
                continue
            return Issue(rule.key.replace("{place}", _slug(places[0])), rule.label.replace("{place}", places[0]))
        if "{actor}" in rule.key:
            if not actors:
                continue
            return Issue(rule.key.replace("{actor}", _slug(actors[0])), rule.label.replace("{actor}", actors[0]))
        return Issue(rule.key, rule.label)
    label = plain(text)
    return Issue(_slug(label) or "unspecified", label or "unspecified")


def is_bare(text: str) -> bool:
    words = plain(text).split()
    return len(words) == 1 and words[0] in BARE_NOUNS
