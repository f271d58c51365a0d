"""Golden cases: score one article's contract-v1 output against an analyst's ``expected.yaml``.

A golden case codes one article the way a careful analyst would (see ``tests/golden/*/expected.yaml``). The
scoring rules are those of the project's reference scorer (``shared/tools/score_golden.py``), so that a case
scores the same here as there; this module adds a structured ``forbidden:`` section and per-position
``issue_words:`` so new cases need no code.

Matching, in short:

* an output actor *is* an expected actor when its name, or the text of one of its mentions, normalised,
  equals the expected name or one of its aliases of 4+ characters; a stated ``country`` must match too;
* a place matches by name/alias/mention text, then (when the case gives coordinates) within ``tolerance_km``;
* an event matches on type, evidence overlapping the expected text, source/target (swapped too when the case
  says ``symmetric``), status, forbidden statuses, date rules and the place name; ``must_not_be`` types coded
  on the same text count as forbidden findings;
* a quote matches when the first 20 normalised characters of the expected text occur in it and a speaker is
  the expected actor; a position on issue words, actor and an equivalent stance.

Forbidden findings (false positives a case names) come from three places: an event's ``must_not_be`` types
coded on its text; a structured ``forbidden:`` list, whose entries are ``{type: AGREE, text: "..."}`` (no event
of that type with evidence on the text), the same with ``status: actual`` (only events of that status), and
``{one_event: {type: CONSULT, actors: [A, B], status: actual}}`` (a meeting told twice is one event; ``status``
optional); and, for the seed case, its prose ``must_not_appear`` lines, read into the same rules at run time.
A quoted wording in the prose is widened to the expected event text that contains it; one that no event text
contains is used as it stands, a slightly narrower span than the reference's hand-written one.

Requires nothing from the pipeline: it reads plain dicts (the JSON contract), so it scores any implementation.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["GoldenItem", "GoldenResult", "item_labels", "score", "score_files", "load_output", "locate",
           "normalise"]

# ---------------------------------------------------------------------------------------------------------
# results


@dataclass(frozen=True, slots=True)
class GoldenItem:
    """One expected item and whether the output has it; ``why`` says what was wrong (empty when ``ok``)."""

    label: str
    ok: bool
    why: str = ""


@dataclass(slots=True)
class GoldenResult:
    """Every item of a case in file order, plus the forbidden findings (false positives the case names)."""

    items: list[GoldenItem] = field(default_factory=list)
    forbidden_found: list[str] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(1 for i in self.items if i.ok)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def forbidden(self) -> int:
        return len(self.forbidden_found)

    @property
    def failures(self) -> list[str]:
        lines = [f"FAIL {i.label}" + (f": {i.why}" if i.why else "") for i in self.items if not i.ok]
        return lines + [f"FORBIDDEN {f}" for f in self.forbidden_found]

    def item(self, label: str) -> GoldenItem:
        for i in self.items:
            if i.label == label:
                return i
        raise KeyError(label)

    def summary(self, case: str = "") -> str:
        name = f" {case}" if case else ""
        return f"golden{name}: {self.passed}/{self.total} items pass, {self.forbidden} forbidden items found"


# ---------------------------------------------------------------------------------------------------------
# small helpers

_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")


def normalise(text: str) -> str:
    """Lower case, curly apostrophes straightened then every character but [a-z0-9 ] dropped; ends trimmed."""
    lowered = text.lower().replace("\u2019", "'")
    return "".join(ch for ch in lowered if ch in _KEEP).strip()


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    earth = 6371.0
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * earth * math.asin(math.sqrt(h))


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _evidence_spans(node: Any) -> Iterator[tuple[int, int]]:
    """Every ``{start, end}`` pair nested anywhere in an event's evidence."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            s, e = cur.get("start"), cur.get("end")
            if isinstance(s, int) and isinstance(e, int):
                yield s, e
            stack.extend(v for v in cur.values() if isinstance(v, (dict, list)))
        elif isinstance(cur, list):
            stack.extend(v for v in cur if isinstance(v, (dict, list)))


def _touches(event: dict[str, Any], span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    lo, hi = span
    return any(s < hi and e > lo for s, e in _evidence_spans(event.get("evidence")))


def locate(text: str, snippet: str) -> tuple[int, int] | None:
    """Where an expected snippet sits in the article: its part before any "...", without edge quotes;
    exact case first, then ignoring case. ``None`` when the article does not contain it."""
    needle = snippet.split("...", 1)[0].strip().strip('"')
    at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower())
    if at < 0:
        return None
    return at, at + len(needle)


def _iso(value: Any) -> str:
    """YAML turns an unquoted 2025-03-15 into a date; compare everything as ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# ---------------------------------------------------------------------------------------------------------
# the output, indexed for matching


class _Output:
    def __init__(self, expected: dict[str, Any], output: dict[str, Any]) -> None:
        self.raw = output
        self.text: str = (output.get("article") or {}).get("text") or ""
        self.actors: dict[Any, dict[str, Any]] = {a.get("id"): a for a in output.get("actors") or []}
        self.places: dict[Any, dict[str, Any]] = {p.get("id"): p for p in output.get("places") or []}
        self.events: list[dict[str, Any]] = list(output.get("events") or [])
        self.quotes: list[dict[str, Any]] = list(output.get("quotes") or [])
        self.positions: list[dict[str, Any]] = list(output.get("positions") or [])
        # the names an expected actor may go by: canonical name plus aliases long enough to be unambiguous
        self.known: dict[str, frozenset[str]] = {}
        for a in expected.get("actors") or []:
            names = {normalise(a["name"])}
            names.update(normalise(x) for x in a.get("aliases") or [] if len(x) >= 4)
            self.known[normalise(a["name"])] = frozenset(names)
        self._names_cache: dict[Any, frozenset[str]] = {}

    def names_of(self, actor_id: Any) -> frozenset[str]:
        if actor_id not in self._names_cache:
            actor = self.actors.get(actor_id) or {}
            names = {normalise(actor.get("name") or "")}
            names.update(normalise(m["text"]) for m in actor.get("mentions") or []
                         if isinstance(m, dict) and m.get("text"))
            names.discard("")
            self._names_cache[actor_id] = frozenset(names)
        return self._names_cache[actor_id]

    def denotes(self, actor_id: Any, expected_name: str) -> bool:
        key = normalise(expected_name)
        return not self.names_of(actor_id).isdisjoint(self.known.get(key, frozenset({key})))

    def any_denotes(self, actor_ids: Any, expected_names: Any) -> bool:
        return any(self.denotes(i, n) for i in _listed(actor_ids) for n in _listed(expected_names))

    def actor_name(self, actor_id: Any) -> Any:
        return (self.actors.get(actor_id) or {}).get("name")

    def span(self, snippet: str) -> tuple[int, int] | None:
        return locate(self.text, snippet)


Check = Callable[[_Output], tuple[bool, str]]

# ---------------------------------------------------------------------------------------------------------
# item checks, one builder per section; each yields (label, check)


def _article_checks(expected: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    art = expected.get("article") or {}
    for bad in art.get("body_must_not_include") or []:
        def excluded(out: _Output, bad: str = bad) -> tuple[bool, str]:
            return bad not in out.text, ""
        yield f"article text excludes {bad!r}", excluded
    year = art.get("publication_year")
    if year:
        def has_year(out: _Output, year: Any = year) -> tuple[bool, str]:
            pub = (out.raw.get("article") or {}).get("published") or {}
            value = pub.get("value") if isinstance(pub, dict) else pub
            return str(value or "").startswith(str(year)), f"got {value!r}"
        yield f"publication year {year}", has_year


def _actor_checks(expected: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    for want in expected.get("actors") or []:
        def found(out: _Output, want: dict[str, Any] = want) -> tuple[bool, str]:
            hits = [i for i in out.actors if out.denotes(i, want["name"])]
            if not hits:
                return False, "not found"
            country = want.get("country")
            if country and not any((out.actors[i].get("country") or "") == country for i in hits):
                got = sorted({str(out.actors[i].get("country")) for i in hits})
                return False, f"country != {country} (got {', '.join(got)})"
            return True, ""
        yield f"actor {want['name']}", found


def _place_checks(expected: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    for want in expected.get("places") or []:
        def found(out: _Output, want: dict[str, Any] = want) -> tuple[bool, str]:
            names = {normalise(want["name"])} | {normalise(x) for x in want.get("aliases") or []}
            hits = [p for p in out.places.values()
                    if normalise(p.get("name") or "") in names
                    or any(isinstance(m, dict) and normalise(m.get("text", "")) in names
                           for m in p.get("mentions") or [])]
            if not hits:
                return False, "not found"
            if "lat" not in want:
                return True, ""
            tolerance = want.get("tolerance_km", 25)
            distances = [_great_circle_km(want["lat"], want["lon"], p["lat"], p["lon"])
                         for p in hits if _number(p.get("lat")) and _number(p.get("lon"))]
            if not distances:
                return False, "no coordinates"
            nearest = min(distances)
            return nearest <= tolerance, f"nearest {nearest:.0f} km > {tolerance} km"
        yield f"place {want['name']}", found


def _date_problem(want: dict[str, Any], got: dict[str, Any]) -> str:
    value = str(got.get("value") or "")
    if want.get("value") and want.get("precision") == "day" and value != _iso(want["value"]):
        return f"date {value!r} != {_iso(want['value'])}"
    if want.get("acceptable_range"):
        lo, hi = (_iso(x) for x in want["acceptable_range"])
        earliest = str(got.get("earliest") or value)[:10]
        latest = str(got.get("latest") or value)[:10]
        if not value or earliest < lo or latest > hi:
            return f"date {value!r} outside {lo}..{hi}"
    if want.get("before") and value and value[:10] >= _iso(want["before"]):
        return f"date {value!r} not before {_iso(want['before'])}"
    return ""


def _event_problem(out: _Output, want: dict[str, Any], ev: dict[str, Any]) -> str:
    """Empty when ``ev`` is the expected event; else the first reason it is not."""
    if ev.get("type") not in _listed(want.get("type")):
        return f"type {ev.get('type')}"
    span = out.span(want["text"])
    if span is not None and not _touches(ev, span):
        return "evidence does not overlap the expected text"
    src, tgt = ev.get("source") or [], ev.get("target") or []
    ws, wt = want.get("source"), want.get("target")

    def roles_fit(a: Any, b: Any) -> bool:
        return (not ws or out.any_denotes(a, ws)) and (not wt or out.any_denotes(b, wt))

    if not (roles_fit(src, tgt) or (want.get("symmetric") and roles_fit(tgt, src))):
        return (f"source {[out.actor_name(i) for i in _listed(src)]} "
                f"target {[out.actor_name(i) for i in _listed(tgt)]}")
    status = ev.get("status")
    if want.get("status") and status not in _listed(want["status"]):
        return f"status {status}"
    if status in _listed(want.get("must_not_be_status")):
        return f"forbidden status {status}"
    if isinstance(want.get("date"), dict):
        problem = _date_problem(want["date"], ev.get("date") or {})
        if problem:
            return problem
    if isinstance(want.get("place"), str):
        # a dict place ({country: ...}) records what the text implies; like the reference, it is not scored
        place = out.places.get(ev.get("place")) or {}
        if normalise(place.get("name") or "") != normalise(want["place"]):
            return f"place {place.get('name')!r}"
    return ""


def _event_checks(expected: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    for want in expected.get("events") or []:
        def found(out: _Output, want: dict[str, Any] = want) -> tuple[bool, str]:
            reasons = []
            for ev in out.events:
                problem = _event_problem(out, want, ev)
                if not problem:
                    return True, ""
                reasons.append(problem)
            # reasons from events of another type or on other text say nothing useful
            near = [r for r in reasons if not r.startswith("type") and "overlap" not in r]
            return False, "; ".join(near[:3]) or "no event of that type on that text"
        yield f"event {want['id']}", found


def _quote_checks(expected: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    for want in expected.get("quotes") or []:
        def found(out: _Output, want: dict[str, Any] = want) -> tuple[bool, str]:
            # an editor's [insertion] ends the part of the quote that must match
            key = normalise(want["text"].split("[", 1)[0])[:20]
            hits = [q for q in out.quotes if key and key in normalise(q.get("text") or "")]
            if not hits:
                return False, "not found"
            if any(out.any_denotes(q.get("speaker"), want["speaker"]) for q in hits):
                return True, ""
            return False, "speaker wrong"
        yield f"quote {want['text'][:30]!r}", found


# The seed case predates ``issue_words``; these stems give its four issues the reference treatment.
_LEGACY_ISSUE_WORDS: dict[str, tuple[str, ...]] = {
    "temporary ceasefire deal / hostage release": ("ceasefire", "cease", "truce", "deal", "hostage"),
    "permanent end to the fighting": ("permanent", "end", "fighting"),
    "Rafah ground operation": ("rafah",),
    "eliminating Hamas from Gaza": ("eliminat", "destroy", "eradicat"),
}
# an expected stance is met by any of these
_STANCE_FITS: dict[str, frozenset[str]] = {
    "support": frozenset({"support", "demand"}),
    "demand": frozenset({"support", "demand"}),
    "oppose": frozenset({"oppose", "reject"}),
    "reject": frozenset({"oppose", "reject"}),
}


def _issue_words(want: dict[str, Any]) -> list[str]:
    if want.get("issue_words"):
        return [normalise(str(w)) for w in want["issue_words"] if normalise(str(w))]
    legacy = _LEGACY_ISSUE_WORDS.get(want["issue"])
    return list(legacy) if legacy else normalise(want["issue"]).split()


def _position_checks(expected: dict[str, Any]) -> Iterator[tuple[str, Check]]:
    for want in expected.get("positions") or []:
        words = _issue_words(want)
        stances = _STANCE_FITS.get(want["stance"], frozenset({want["stance"]}))

        def found(out: _Output, want: dict[str, Any] = want, words: list[str] = words,
                  stances: frozenset[str] = stances) -> tuple[bool, str]:
            on_issue = [p for p in out.positions if any(w in normalise(p.get("issue") or "") for w in words)]
            if not on_issue:
                return False, "no position on that issue"
            by_actor = [p for p in on_issue if out.any_denotes(p.get("actor"), want["actor"])]
            if not by_actor:
                return False, "no position of that actor on that issue"
            if any(p.get("stance") in stances for p in by_actor):
                return True, ""
            return False, f"stance {sorted({str(p.get('stance')) for p in by_actor})}"
        actor = want["actor"] if isinstance(want["actor"], str) else " | ".join(want["actor"])
        yield f"position {actor} / {want['issue']} / {want['stance']}", found


def _checks(expected: dict[str, Any]) -> list[tuple[str, Check]]:
    sections = (_article_checks, _actor_checks, _place_checks, _event_checks, _quote_checks, _position_checks)
    return [c for section in sections for c in section(expected)]


def item_labels(expected: dict[str, Any]) -> list[str]:
    """The labels of a case's items, in the order ``score`` reports them (no output needed)."""
    return [label for label, _ in _checks(expected)]


# ---------------------------------------------------------------------------------------------------------
# forbidden findings


@dataclass(frozen=True, slots=True)
class _Forbid:
    """No event of ``type`` (with ``status``, when given) may have evidence on ``text``."""

    type: str
    text: str
    status: str | None = None


@dataclass(frozen=True, slots=True)
class _OneEvent:
    """At most one event of ``type`` (with ``status``, when given) may involve all of ``actors``: a meeting told
    twice is one meeting."""

    type: str
    actors: tuple[str, ...]
    status: str | None = None


def _structured_rules(entries: Iterable[Any]) -> list[_Forbid | _OneEvent]:
    rules: list[_Forbid | _OneEvent] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        if "one_event" in entry:
            spec = entry["one_event"]
            rules.append(_OneEvent(spec["type"], tuple(_listed(spec.get("actors"))), spec.get("status")))
            continue
        for text in _listed(entry.get("text")):
            rules.append(_Forbid(entry["type"], text, entry.get("status")))
    return rules


_QUOTED = re.compile(r"'([^']+)'")
_UPPER_TYPE = re.compile(r"\b([A-Z]{4,})\b")


def _prose_rules(expected: dict[str, Any]) -> list[_Forbid | _OneEvent]:
    """Rules read from a case's prose ``must_not_appear`` (the seed case's form).

    "an AGREE event ... (from 'refused to agree')" forbids an AGREE on that wording; "... with status actual
    (from 'a', 'b')" adds the status; "two separate CONSULT events for the one X-Y meeting" limits the events
    of that type among X and Y to one. A quoted wording is widened to the expected event text containing it,
    which is how the analyst marked that clause.
    """
    rules: list[_Forbid | _OneEvent] = []
    events = expected.get("events") or []
    for line in expected.get("must_not_appear") or []:
        if not isinstance(line, str):
            continue
        types = _UPPER_TYPE.findall(line)
        if not types:
            continue
        etype = types[0]
        two = re.search(r"\btwo\b.*\bevents?\b", line)
        if two:
            words = set(normalise(line.replace("-", " ")).split())
            for ev in events:
                if etype not in _listed(ev.get("type")):
                    continue
                parties = _listed(ev.get("source"))[:1] + _listed(ev.get("target"))[:1]
                if len(parties) == 2 and all(words & set(normalise(p).split()) for p in parties):
                    rules.append(_OneEvent(etype, tuple(parties)))
            continue
        status = re.search(r"\bstatus (\w+)", line)
        for phrase in _QUOTED.findall(line):
            wider = [ev["text"] for ev in events if phrase.lower() in str(ev.get("text", "")).lower()]
            for text in wider or [phrase]:
                rules.append(_Forbid(etype, text, status.group(1) if status else None))
    return rules


def _forbidden_findings(expected: dict[str, Any], out: _Output, matched: dict[str, bool]) -> list[str]:
    found: list[str] = []
    # must_not_be on an event the output has: another coding of the same text is a false positive
    for want in expected.get("events") or []:
        if not (matched.get(f"event {want['id']}") and want.get("must_not_be")):
            continue
        span = out.span(want["text"])
        bad = [ev for ev in out.events if ev.get("type") in _listed(want["must_not_be"]) and _touches(ev, span)]
        if bad:
            found.append(f"{want['id']}: also coded as {bad[0].get('type')}")
    rules = _structured_rules(expected.get("forbidden") or []) + _prose_rules(expected)
    for rule in rules:
        if isinstance(rule, _Forbid):
            span = out.span(rule.text)
            for ev in out.events:
                # a missing status reads as actual, the contract's default
                if (ev.get("type") == rule.type and _touches(ev, span)
                        and (rule.status is None or ev.get("status", "actual") == rule.status)):
                    what = f"{rule.status} {rule.type}" if rule.status else rule.type
                    found.append(f"{what} coded from {rule.text!r}")
        else:
            same = [ev for ev in out.events if ev.get("type") == rule.type
                    and (rule.status is None or ev.get("status", "actual") == rule.status)
                    and all(out.any_denotes(list(ev.get("source") or []) + list(ev.get("target") or []), a)
                            for a in rule.actors)]
            if len(same) > 1:
                found.append(f"one {rule.type} among {' / '.join(rule.actors)} came out as {len(same)} events")
    return found


# ---------------------------------------------------------------------------------------------------------
# entry points


def score(expected: dict[str, Any], output: dict[str, Any]) -> GoldenResult:
    """Score one article's contract-v1 dict against a parsed ``expected.yaml``."""
    out = _Output(expected, output)
    result = GoldenResult()
    for label, check in _checks(expected):
        ok, why = check(out)
        result.items.append(GoldenItem(label, ok, "" if ok else why))
    matched = {i.label: i.ok for i in result.items}
    result.forbidden_found.extend(_forbidden_findings(expected, out, matched))
    return result


def load_output(path: Path) -> dict[str, Any]:
    """One article's output: a JSON object, a JSON list (its first) or JSON lines (the first line)."""
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        first = next((line for line in raw.splitlines() if line.strip()), "")
        data = json.loads(first) if first else {}
    if isinstance(data, list):
        data = data[0] if data else {}
    return data if isinstance(data, dict) else {}


def score_files(expected_yaml: Path, output_json: Path) -> GoldenResult:
    import yaml  # only reading case files needs it

    expected = yaml.safe_load(Path(expected_yaml).read_text(encoding="utf-8")) or {}
    return score(expected, load_output(Path(output_json)))
