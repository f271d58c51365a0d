"""``plover-gsr``: the PLOVER gold-standard records (CAMEO-manual sentences recoded in PLOVER 0.5b1, 2016).

Each record (one sentence, rarely two) is coded as an article of its own; the ``DOCUMENT`` header record is
skipped. Decisions:

* **Labels.** The gold uses 2016 PLOVER names; they are mapped to the pinned 2024 manual with
  ``events.ontology.plover_versions`` (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
  ASSAULT; modes and contexts by meaning, unmappable ones not scored).
* **Which predicted event.** A record has one gold event. It is compared with eventwire's
  highest-confidence event that is not negated (ties: the earliest trigger); the record is the sentence, so
  every trigger lies in it. No event means the prediction ``NONE``, which is wrong. The gold event text
  is *not* used to pick the event (that would leak gold into the prediction). ``event_type_any_accuracy``
  (extra) says how often the gold type is among *all* the record's events: the gap to
  ``event_type_accuracy`` is the cost of the choice.
* **event_type_macro_f1**: mean F1 over the gold labels (NONE counts as a wrong label, never as a class).
* **mode_accuracy**: only records whose gold mode maps to a 2024 mode; right when the picked event's mode
  equals it (no event or no mode: wrong).
* **context_accuracy**: only records with a mappable gold context; right when the picked event's contexts
  share one with the gold's ("diplomatic, military" is right with either).
* **actor_code_accuracy**: over every gold actor (source and target entries) with a code. Gold codes are cut
  to country + first sector (``actor_codes.compose_code``: {"code": "USA", "sector": "GOV"} -> "USAGOV",
  "IGO" + "MIL" -> "IGO"); a predicted actor's code is ``actor_codes.actor_code(country, sector)``. A gold
  actor is right when an actor of the picked event in the same role has its code; for reciprocal records
  (``SRC/TAR`` in the markup) or symmetric events, either role counts. No event: every gold actor wrong.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...resources.actor_codes import actor_code, compose_code
from ...events.ontology.plover_versions import contexts_2024, mode_2024, type_2024
from ..core import EvalContext, EvalResult
from ..metrics import accuracy, macro_f1, safe_div
from ._common import actors_by_id, best_event, code_text, role_actors

FILE = "PLOVER_GSR_CAMEO.json"
NONE = "NONE"


def load_records(data_dir: Path) -> list[dict[str, Any]]:
    path = data_dir / FILE
    if not path.is_file():
        raise ConfigError(str(path), "PLOVER gold-standard file missing", f"pass --data DIR holding {FILE}")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if isinstance(r, dict) and r.get("event") != "DOCUMENT" and r.get("text")]


def _gold_actors(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(role, comparable code, text) of every gold actor with a code."""
    out = []
    for role in ("source", "target"):
        value = record.get(role)
        if not isinstance(value, list):
            continue
        for entry in value:
            if isinstance(entry, dict):
                code = compose_code(entry.get("code"), entry.get("sector"))
                if code:
                    out.append((role, code, str(entry.get("actorText") or "")))
    return out


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    records = load_records(data_dir)[:limit] if limit is not None else load_records(data_dir)
    gold_types: list[str] = []
    pred_types: list[str] = []
    any_hits = 0
    modes: list[tuple[str, str | None]] = []
    contexts_ok: list[bool] = []
    actor_ok: list[bool] = []
    errors: list[dict[str, Any]] = []
    for rec in records:
        text, gold_type = rec["text"], type_2024(str(rec["event"]))
        coded = code_text(ctx.pipeline, text, str(rec.get("id")))
        ev = best_event(coded.events)
        actors = actors_by_id(coded)
        pred_type = ev.type if ev else NONE
        gold_types.append(gold_type)
        pred_types.append(pred_type)
        all_types = sorted({e.type for e in coded.events if e.status != "negated"})
        any_hits += gold_type in all_types
        base = {"id": rec.get("id"), "text": text}
        if pred_type != gold_type:
            errors.append({**base, "kind": "event_type", "gold": gold_type, "predicted": pred_type,
                           "all_predicted": all_types, "gold_2016": rec["event"],
                           "trigger": ev.evidence.trigger.text if ev else None, "gold_text": rec.get("eventText")})
        gold_mode = mode_2024(rec.get("mode"))
        if gold_mode is not None:
            pred_mode = ev.mode if ev else None
            modes.append((gold_mode, pred_mode))
            if pred_mode != gold_mode:
                errors.append({**base, "kind": "mode", "gold": gold_mode, "predicted": pred_mode,
                               "gold_type": gold_type, "predicted_type": pred_type})
        gold_ctx = contexts_2024(rec.get("context"))
        if gold_ctx:
            pred_ctx = set(ev.context) if ev else set()
            ok = bool(pred_ctx & gold_ctx)
            contexts_ok.append(ok)
            if not ok:
                errors.append({**base, "kind": "context", "gold": sorted(gold_ctx), "predicted": sorted(pred_ctx)})
        info = rec.get("textInfo")
        reciprocal = "SRC/TAR" in str(info.get("markup") if isinstance(info, dict) else info or "")
        src, tgt = role_actors(ev, actors) if ev else ([], [])
        codes = {"source": {actor_code(a.country, a.sector) for a in src},
                 "target": {actor_code(a.country, a.sector) for a in tgt}}
        either = reciprocal or bool(ev and ev.symmetric)
        for role, code, actor_text in _gold_actors(rec):
            found = codes["source"] | codes["target"] if either else codes[role]
            ok = code in found
            actor_ok.append(ok)
            if not ok:
                errors.append({**base, "kind": f"actor_{role}", "gold": code, "gold_text": actor_text,
                               "predicted": sorted(found - {""}) if ev else NONE,
                               "predicted_actors": [f"{a.name} ({a.country}/{','.join(a.sector)})"
                                                    for a in (src + tgt if either else
                                                              (src if role == "source" else tgt))]})
    metrics: dict[str, float | int | None] = {
        "event_type_accuracy": accuracy(zip(gold_types, pred_types)),
        "event_type_macro_f1": macro_f1(gold_types, pred_types),
        "event_type_any_accuracy": safe_div(any_hits, len(records)),
        "mode_accuracy": accuracy(modes) if modes else None,
        "mode_n": len(modes),
        "context_accuracy": safe_div(sum(contexts_ok), len(contexts_ok)) if contexts_ok else None,
        "context_n": len(contexts_ok),
        "actor_code_accuracy": safe_div(sum(actor_ok), len(actor_ok)) if actor_ok else None,
        "actor_code_n": len(actor_ok),
        "no_event_rate": safe_div(pred_types.count(NONE), len(records)),
    }
    return EvalResult(ctx.name, len(records), metrics, errors)
