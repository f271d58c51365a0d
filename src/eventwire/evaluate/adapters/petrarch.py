"""``petrarch-validation``: PETRARCH/TABARI validation records with gold CAMEO codings.

Each record is coded as an article of its own, published on the record's ``date`` (the date its
date-restricted dictionary codes are resolved against). The actor knowledge base is the packaged one
extended with the record's own actor dictionaries, read by ``resources.cameo_dictionaries``:

* ``petrarch2:`` records (unit tests)  -> ``dictionaries/petrarch2-HEAD/*.actors.txt``
* ``petrarch:`` records (validation)   -> ``dictionaries/petrarch-2014-02-28/*.actors.txt`` (verbs: below)
* ``UniversalPetrarch:`` records (GSR) -> the Phoenix actor dictionaries, ``dictionaries/phoenix/`` when the
  folder has them, else ``../cameo-dictionaries/`` beside it, else ``shared/data/cameo-dictionaries``
  (reference data, not gold: so a copy of this folder alone scores the same).

The record's agent dictionary (``*.agents.txt``, Phoenix.agents.txt) replaces the KB's agents (its codes rule:
"Velmar's militia" is Velmar when the dictionary knows no militia), and its verb
dictionary (``*.verbs.txt``; CAMEO.2.0.txt for the Phoenix set, read by ``resources.cameo_verbs``) codes the
events alone (``verbs_only``), as PETRARCH codes the suite. The 2014 records are coded with their own verb
dictionary (the 2014 snapshot, TABARI syntax: the verb forms and ``{A | B}`` alternatives they test) followed by
the same validation dictionary in its maintained version (``petrarch2-HEAD``): the snapshot has no synonym
sets although its records test them (category SYNSET). The snapshot's entries come first (its default codes
win), the most specific pattern of either codes. The extended KB and the verbs reach the stages
through ``default_pipeline(kb=..., verbs=..., verbs_only=True)``. The same records are also scored
with the packaged KB alone: those metrics carry the prefix ``default_kb_``.

Scoring:

* Records whose only coding is ``error`` (an expected parser error) or that have no coding at all (older
  TABARI records whose codings live only in comments) are not scored (``skipped`` in the notes). A
  ``noevents`` record has the empty set of triples: any predicted triple there is a false positive.
* **Triples** (source code, target code, CAMEO code): gold codes are cut to country + first sector
  (``actor_codes.comparable_code``: "PSEREBHMS" -> "PSEREB", "---GOV" -> "GOV") and 4-digit CAMEO codes to
  their 3-digit parent (eventwire codes 3 digits where it can). Predicted: for every non-negated event,
  each source x each target actor code (``actor_codes.actor_code``) with the event's ``cameo``, for the
  events that have both a source and a target (PETRARCH emits no other triple). A symmetric event goes
  both ways, as PETRARCH codes it: both directions of every pair of its parties, those on the same side
  included ("the US, Russia and Switzerland met" is six triples); a triple neither of whose actors has a code
  (both unknown to the dictionaries) is none, as PETRARCH codes no event between uncoded actors. Sets per
  record; micro precision/recall/F1 over the records.
* **cameo_root_accuracy**: over records with at least one gold event; right when the root of the
  highest-confidence non-negated event's code is one of the gold roots (no event: wrong).
* **actor_code_accuracy**: over every gold source and target code of every gold event. Each gold event is
  aligned with the predicted event of the same 3-digit CAMEO code (highest confidence), else of the same root,
  else the highest-confidence event; a gold code is right when that event has it in the same role (either role
  when the event is symmetric).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...resources.actor_codes import actor_code, comparable_code
from ...events.ontology.crosswalk import cameo_root
from ...model import Actor, Event
from ...pipeline import Pipeline
from ...resources.actors import ActorKB, KBActor
from ...resources.cameo_dictionaries import compound_codes
from ...resources.cameo_verbs import VerbDictionary
from ..core import EvalContext, EvalResult, shared_root
from ..metrics import prf, safe_div
from ._common import actors_by_id, best_event, code_text

FILES = ("PETR.UnitTest.records.jsonl", "PETR.Validate.records.140226.jsonl", "PETR2_GSR_validation.jsonl")
DICTIONARY_SETS = {"petrarch2": "petrarch2-HEAD", "petrarch": "petrarch-2014-02-28",
                   "UniversalPetrarch": "phoenix"}
Triple = tuple[str, str, str]


def load_records(data_dir: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    present = [data_dir / f for f in FILES if (data_dir / f).is_file()]
    if not present:
        raise ConfigError(str(data_dir), "no PETRARCH record files", f"pass --data DIR holding {FILES[0]}")
    for path in present:
        with open(path, encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh if line.strip())
    return records


def _record_date(rec: dict[str, Any]) -> date | None:
    raw = str(rec.get("date") or "")
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])) if len(raw) == 8 else None
    except ValueError:
        return None


PHOENIX_FILES = {"actors": "Phoenix.*.actors.txt*", "agents": "Phoenix.agents.txt*", "verbs": "CAMEO.2.0.txt*"}


def dictionary_files(data_dir: Path, source_file: str, kind: str = "actors") -> list[Path]:
    """The ``kind`` dictionaries (actors, agents, verbs) of a record, by the repository its file came from."""
    key = DICTIONARY_SETS.get(source_file.split(":", 1)[0])
    if key is None:
        return []
    if key != "phoenix":
        own = sorted((data_dir / "dictionaries" / key).glob(f"*.{kind}.txt"))
        if kind == "verbs" and key != DICTIONARY_SETS["petrarch2"]:   # then the maintained version (docstring)
            own += sorted((data_dir / "dictionaries" / DICTIONARY_SETS["petrarch2"]).glob(f"*.{kind}.txt"))
        return own
    for folder in (data_dir / "dictionaries" / "phoenix", data_dir.parent / "cameo-dictionaries",
                   shared_root() / "data" / "cameo-dictionaries"):
        found = sorted(folder.glob(PHOENIX_FILES[kind]))
        if found:
            return found
    return []


def _gold(rec: dict[str, Any]) -> tuple[str, set[Triple], list[dict[str, str]]] | None:
    """("events" | "noevents", gold triples, gold codings) or None when the record is not scored."""
    codings = rec.get("codings") or []
    events = [c for c in codings if "event" in c]
    if events:
        triples = {(comparable_code(c.get("source")), comparable_code(c.get("target")), str(c["event"])[:3])
                   for c in events}
        return "events", triples, events
    if any("noevents" in c for c in codings):
        return "noevents", set(), []
    return None


def _codes(ids: tuple[str, ...], actors: dict[str, Actor]) -> list[str]:
    """Comparable codes of the actors; a compound dictionary actor ("[FRO/BIL/SAM]") gives each member."""
    out: list[str] = []
    for i in ids:
        if i in actors:
            members = compound_codes(i)
            out.extend([comparable_code(m) for m in members] if members
                       else [actor_code(actors[i].country, actors[i].sector)])
    return out or [""]


def _predicted(events: list[Event], actors: dict[str, Actor]) -> set[Triple]:
    out: set[Triple] = set()
    for ev in events:
        if not ev.source or not ev.target:
            continue   # a PETRARCH triple has both a source and a target (its gold codings always do)
        code = (ev.cameo or "")[:3]
        sources, targets = _codes(ev.source, actors), _codes(ev.target, actors)
        for s in sources:
            for t in targets:
                if not ev.symmetric:
                    out.add((s, t, code))
                    continue
                out.update([(s, t, code), (t, s, code)])   # a mutual act goes both ways, as PETRARCH codes it
        if ev.symmetric:   # and between parties on the same side ("the US, Russia and Switzerland met")
            side = [c for c in dict.fromkeys(sources + targets) if c]
            out.update((a, b, code) for a in side for b in side if a != b)
    return {t for t in out if t[0] or t[1]}   # parties none of which has a code: PETRARCH codes no event


def _aligned(events: list[Event], gold_code: str) -> Event | None:
    """The predicted event a gold event is compared with: of the same 3-digit code (a paired visit and its
    reception share a root), else of the same root, else the best event."""
    root = cameo_root(gold_code)
    code = str(gold_code)[:3]
    exact = [e for e in events if (e.cameo or "")[:3] == code]
    same = [e for e in events if cameo_root(e.cameo) == root]
    return best_event(exact) or best_event(same) or best_event(events)


class _Scores:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.root_ok: list[bool] = []
        self.actor_ok: list[bool] = []
        self.errors: list[dict[str, Any]] = []

    def metrics(self, prefix: str = "") -> dict[str, float | int | None]:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return {f"{prefix}triple_precision": p, f"{prefix}triple_recall": r, f"{prefix}triple_f1": f,
                f"{prefix}cameo_root_accuracy": safe_div(sum(self.root_ok), len(self.root_ok)),
                f"{prefix}actor_code_accuracy": safe_div(sum(self.actor_ok), len(self.actor_ok))}


def _score(rec: dict[str, Any], pipeline: Pipeline, scores: _Scores) -> None:
    gold = _gold(rec)
    assert gold is not None
    kind, gold_triples, codings = gold
    raw = str(rec.get("date") or "")
    published = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 else None
    # some texts join a name's words with "_" as the dictionaries do ("the Prince of Dol_Amroth"): read as a space
    coded = code_text(pipeline, str(rec["text"]).replace("_", " "), str(rec.get("id")), published)
    actors = actors_by_id(coded)
    events = [e for e in coded.events if e.status != "negated"]
    pred = _predicted(events, actors)
    tp = len(pred & gold_triples)
    scores.tp += tp
    scores.fp += len(pred - gold_triples)
    scores.fn += len(gold_triples - pred)
    base = {"id": rec.get("id"), "file": rec.get("source_file"), "category": rec.get("category"),
            "text": rec["text"]}
    described = [f"{e.type}/{e.cameo} {e.evidence.trigger.text!r} {_codes(e.source, actors)}->"
                 f"{_codes(e.target, actors)}" for e in events]
    if pred != gold_triples:
        errors_kind = "triple_fp" if kind == "noevents" else "triple"
        scores.errors.append({**base, "kind": errors_kind, "gold": sorted(gold_triples),
                              "predicted": sorted(pred), "events": described})
    if kind != "events":
        return
    gold_roots = {cameo_root(c["event"]) for c in codings}
    best = best_event(events)
    ok = best is not None and cameo_root(best.cameo) in gold_roots
    scores.root_ok.append(ok)
    if not ok:
        scores.errors.append({**base, "kind": "cameo_root", "gold": sorted(r for r in gold_roots if r),
                              "predicted": cameo_root(best.cameo) if best else "NONE", "events": described})
    for c in codings:
        ev = _aligned(events, str(c["event"]))
        for role in ("source", "target"):
            want = comparable_code(c.get(role))
            if ev is None:
                have: set[str] = set()
            else:
                ids = ev.source + ev.target if ev.symmetric else (ev.source if role == "source" else ev.target)
                have = set(_codes(ids, actors))
            hit = want in have
            scores.actor_ok.append(hit)
            if not hit:
                scores.errors.append({**base, "kind": f"actor_{role}", "gold": want, "gold_raw": c.get(role),
                                      "predicted": sorted(have) if ev else "NONE",
                                      "actors": [f"{a.name} ({a.country}/{','.join(a.sector)})"
                                                 for a in coded.actors]})


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    from ...resources.actors import load_kb
    from ...resources.cameo_dictionaries import import_actor_files, import_agent_files
    from ...resources.cameo_verbs import import_verb_files

    records = load_records(data_dir)
    scored = [r for r in records if _gold(r) is not None]
    skipped = len(records) - len(scored)
    if limit is not None:
        scored = scored[:limit]
    pipeline = ctx.pipeline
    default = _Scores()
    for rec in scored:
        _score(rec, pipeline, default)
    # with the records' own dictionaries: one pipeline per distinct set of imported actors and dictionary set
    extended = _Scores()
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    kb_actors: dict[tuple[str, ...], tuple[list[KBActor], str]] = {}
    imported: dict[tuple[tuple[Path, ...], date | None], list[KBActor]] = {}
    missing_dictionaries = 0
    for rec in scored:
        source_file = str(rec.get("source_file") or "")
        files = tuple(dictionary_files(data_dir, source_file))
        missing_dictionaries += not files
        key_in = (files, _record_date(rec))
        if key_in not in imported:
            imported[key_in] = import_actor_files(files, key_in[1]) if files else []
        actors = imported[key_in]
        key = (source_file.split(":", 1)[0], *sorted(f"{a.id}|{a.country}|{a.sector}" for a in actors))
        kb_actors.setdefault(key, (actors, source_file))
        groups.setdefault(key, []).append(rec)
    order = {id(r): i for i, r in enumerate(scored)}
    from ...coder import default_pipeline

    verbs: dict[tuple[Path, ...], VerbDictionary] = {}
    for key, recs in groups.items():
        actors, source_file = kb_actors[key]
        kb = load_kb().add(actors).add_agents(import_agent_files(dictionary_files(data_dir, source_file, "agents")),
                                                replace=True)
        verb_files = tuple(dictionary_files(data_dir, source_file, "verbs"))
        if verb_files and verb_files not in verbs:
            verbs[verb_files] = import_verb_files(verb_files)
        kb_pipeline = default_pipeline(kb=kb, verbs=verbs.get(verb_files), verbs_only=bool(verb_files))
        for rec in recs:
            start = len(extended.errors)
            _score(rec, kb_pipeline, extended)
            for err in extended.errors[start:]:
                err["_order"] = order[id(rec)]
    extended.errors.sort(key=lambda e: e.pop("_order"))   # back in record order (stable within a record)
    metrics = {**extended.metrics(), **default.metrics("default_kb_"),
               "triples_gold": extended.tp + extended.fn, "kb_groups": len(groups)}
    notes = {"skipped_records": skipped, "records_without_dictionaries": missing_dictionaries,
             "default_kb_errors": len(default.errors)}
    for err in default.errors:
        err["kb"] = "default"
    for err in extended.errors:
        err["kb"] = "dictionaries"
    return EvalResult(ctx.name, len(scored), metrics, extended.errors + default.errors, notes)
