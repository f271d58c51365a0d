"""The evaluation ratchet: floors for every headline metric, pinned in ``benchmarks/baseline.json``.

A metric below its floor fails the check; ``raise_floors`` only ever moves a floor towards better values; a
drop is accepted only with an explicit reason, which is recorded in the file (and belongs in the commit
message too). Pure functions over plain data, so the rules are unit-tested; running the evaluations is the job
of ``benchmarks/ratchet.py``.

Baseline file::

    {"tiers": {"ci":   {"polnear": {"limit": 30, "metrics": {"speaker_f1": {"direction": "higher",
                                                                             "floor": 0.44}}}, ...},
               "full": {...}},
     "accepted_drops": [{"date": ..., "tier": ..., "dataset": ..., "metric": ..., "from": ..., "to": ...,
                         "reason": ...}]}

``direction`` is ``higher`` (the floor is a minimum), ``lower`` (the floor is a ceiling: median_km, auc,
forbidden findings) or ``report`` (shown, never gated: e.g. items_total). ``floor: null`` means "not yet
measured": reported, never failing, filled in by the next ``--update``. ``tolerance`` (absolute, default 0)
gives a noisy metric (throughput ratios) room before it fails; accuracy metrics are deterministic and have none.
An entry's ``kind`` is ``evaluate`` (default; run ``evaluate(dataset, limit=limit)``) or ``throughput``.
"""
from __future__ import annotations

import copy
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..pipeline import Pipeline

Direction = Literal["higher", "lower", "report"]
Status = Literal["ok", "better", "FAIL", "unmeasured", "missing", "report"]
DIRECTIONS = ("higher", "lower", "report")


@dataclass(frozen=True, slots=True)
class Floor:
    metric: str
    direction: Direction
    floor: float | None
    tolerance: float = 0.0


@dataclass(frozen=True, slots=True)
class Entry:
    tier: str
    dataset: str
    kind: str
    limit: int | None
    options: Mapping[str, Any]
    floors: tuple[Floor, ...]


@dataclass(frozen=True, slots=True)
class Check:
    dataset: str
    metric: str
    direction: str
    floor: float | None
    value: float | None
    status: Status

    @property
    def failed(self) -> bool:
        return self.status == "FAIL"


# ------------------------------------------------------------------------------------------ the file


def load_baseline(path: Path) -> dict[str, Any]:
    """Read and validate the baseline file (ConfigError with a remedy when it is malformed)."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(str(path), f"cannot read the baseline ({exc})",
                          "restore benchmarks/baseline.json from git") from None
    validate(data, str(path))
    return data


def validate(data: Mapping[str, Any], where: str = "baseline") -> None:
    tiers = data.get("tiers")
    if not isinstance(tiers, dict) or not tiers:
        raise ConfigError(where, "no 'tiers' object", "see eventwire.evaluate.ratchet's docstring for the format")
    for tier, entries in tiers.items():
        for dataset, entry in entries.items():
            for metric, spec in entry.get("metrics", {}).items():
                if spec.get("direction") not in DIRECTIONS:
                    raise ConfigError(where, f"{tier}/{dataset}/{metric}: direction must be one of "
                                      f"{', '.join(DIRECTIONS)}", "fix the entry")
                if spec.get("floor") is not None and not isinstance(spec["floor"], (int, float)):
                    raise ConfigError(where, f"{tier}/{dataset}/{metric}: floor must be a number or null",
                                      "fix the entry")


def dumps(value: Any, indent: int = 0) -> str:
    """JSON with one line per flat object (a metric's spec), so diffs of the file show one floor per line."""
    if isinstance(value, dict) and any(isinstance(v, (dict, list)) for v in value.values()):
        pad = "  " * (indent + 1)
        inner = ",\n".join(f"{pad}{json.dumps(k)}: {dumps(v, indent + 1)}" for k, v in value.items())
        return "{\n" + inner + "\n" + "  " * indent + "}"
    if isinstance(value, list) and value:
        pad = "  " * (indent + 1)
        return "[\n" + ",\n".join(pad + dumps(v, indent + 1) for v in value) + "\n" + "  " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def save_baseline(path: Path, data: Mapping[str, Any]) -> None:
    validate(data, str(path))
    path.write_text(dumps(data) + "\n", encoding="utf-8")


def entries(data: Mapping[str, Any], tier: str) -> list[Entry]:
    """The entries of one tier, in file order."""
    if tier not in data["tiers"]:
        raise ConfigError(tier, f"no such tier; the file has {', '.join(data['tiers'])}", "pick one of those")
    out = []
    for dataset, spec in data["tiers"][tier].items():
        floors = tuple(Floor(m, s["direction"], s.get("floor"), float(s.get("tolerance", 0.0)))
                       for m, s in spec.get("metrics", {}).items())
        options = {k: v for k, v in spec.items() if k not in ("kind", "limit", "metrics")}
        out.append(Entry(tier, dataset, spec.get("kind", "evaluate"), spec.get("limit"), options, floors))
    return out


# ------------------------------------------------------------------------------------------ comparing


def check_metric(floor: Floor, value: float | None, present: bool = True) -> Status:
    """One metric against its floor: FAIL only when a measured floor is not met (or the metric vanished)."""
    if floor.direction == "report":
        return "report"
    if not present or value is None:
        return "FAIL" if floor.floor is not None else "missing"
    if floor.floor is None:
        return "unmeasured"
    if floor.direction == "higher":
        if value < floor.floor - floor.tolerance:
            return "FAIL"
        return "better" if value > floor.floor else "ok"
    if value > floor.floor + floor.tolerance:
        return "FAIL"
    return "better" if value < floor.floor else "ok"


def compare(entry: Entry, values: Mapping[str, Any]) -> list[Check]:
    """Every floor of ``entry`` against the measured ``values`` (an evaluation summary)."""
    checks = []
    for f in entry.floors:
        raw = values.get(f.metric)
        value = float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
        checks.append(Check(entry.dataset, f.metric, f.direction, f.floor, value,
                            check_metric(f, value, f.metric in values)))
    return checks


def failed(checks: Sequence[Check]) -> bool:
    return any(c.failed for c in checks)


def _better(direction: str, value: float, floor: float) -> bool:
    return value > floor if direction == "higher" else value < floor


def raise_floors(data: Mapping[str, Any], tier: str, dataset: str, values: Mapping[str, Any],
                 accept_drop: str | None = None, date: str = "") -> tuple[dict[str, Any], list[str]]:
    """A copy of ``data`` with ``dataset``'s floors moved to ``values`` where those are better (or unset).

    Floors never move towards worse values, except with ``accept_drop`` (the reason), which lowers a failing
    floor to the measured value and appends the reason to ``accepted_drops``. Returns (new data, changes).
    """
    new = copy.deepcopy(dict(data))
    metrics = new["tiers"][tier][dataset].get("metrics", {})
    changes: list[str] = []
    for metric, spec in metrics.items():
        raw = values.get(metric)
        if spec["direction"] == "report" or not isinstance(raw, (int, float)) or isinstance(raw, bool):
            continue
        value, floor = (raw if isinstance(raw, int) else float(raw)), spec.get("floor")
        if floor is None:
            spec["floor"] = value
            changes.append(f"{tier}/{dataset}/{metric}: set to {value:g}")
        elif _better(spec["direction"], value, floor):
            spec["floor"] = value
            changes.append(f"{tier}/{dataset}/{metric}: raised {floor:g} -> {value:g}")
        elif value != floor and accept_drop:
            worse_than_tolerated = check_metric(Floor(metric, spec["direction"], floor,
                                                      float(spec.get("tolerance", 0.0))), value) == "FAIL"
            if not worse_than_tolerated:
                continue  # within tolerance: nothing to accept, and the floor stays where it is
            spec["floor"] = value
            new.setdefault("accepted_drops", []).append(
                {"date": date, "tier": tier, "dataset": dataset, "metric": metric, "from": floor, "to": value,
                 "reason": accept_drop})
            changes.append(f"{tier}/{dataset}/{metric}: LOWERED {floor:g} -> {value:g} ({accept_drop})")
    return new, changes


# ------------------------------------------------------------------------------------------ reporting


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x)}"


def format_table(checks: Sequence[Check], skipped: Mapping[str, str] | None = None) -> str:
    """The table ``benchmarks/ratchet.py`` prints: one row per metric, then skipped datasets with why."""
    rows = [("dataset", "metric", "dir", "floor", "value", "status")]
    arrow = {"higher": ">=", "lower": "<=", "report": ""}
    rows += [(c.dataset, c.metric, arrow.get(c.direction, c.direction), _fmt(c.floor), _fmt(c.value), c.status)
             for c in checks]
    rows += [(name, "-", "", "", "", f"skipped: {why}") for name, why in (skipped or {}).items()]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(r[i].ljust(widths[i]) for i in range(5)) + "  " + r[5] for r in rows)


# ------------------------------------------------------------------------------------------ running


def skip_reason(entry: Entry) -> str | None:
    """Why an ``evaluate`` entry cannot run here (its adapter is not written yet, or its data is absent)."""
    import importlib.util

    from .core import REGISTRY, default_data_dir

    if entry.kind != "evaluate":
        return None
    if entry.dataset not in REGISTRY:
        return "not a registered dataset"
    module = REGISTRY[entry.dataset].split(":")[0]
    if importlib.util.find_spec(f"eventwire.evaluate.adapters.{module}") is None:
        return f"adapter eventwire.evaluate.adapters.{module} not written yet"
    if not default_data_dir(entry.dataset).exists():
        return f"data absent ({default_data_dir(entry.dataset)})"
    return None


def measure(entry: Entry, pipeline: "Pipeline | None" = None) -> dict[str, Any]:
    """Run an ``evaluate`` entry and return its summary (dataset, n and the metrics)."""
    from .core import evaluate

    return evaluate(entry.dataset, limit=entry.limit, pipeline=pipeline).summary()
