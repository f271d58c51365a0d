"""The evaluation ratchet: a worse result fails, an equal or better one passes, floors only rise, a drop is
accepted only with a recorded reason; and a deliberately worsened build fails against the real baseline."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import ratchet as r
from eventwire.evaluate.core import REGISTRY

REPO = Path(__file__).resolve().parent.parent
BASELINE = REPO / "benchmarks" / "baseline.json"


def _data(floor_hi: float | None = 0.5, floor_lo: float | None = 10.0) -> dict[str, Any]:
    return {"tiers": {"ci": {"toy": {"limit": 5, "metrics": {
        "f1": {"direction": "higher", "floor": floor_hi},
        "median_km": {"direction": "lower", "floor": floor_lo},
        "total": {"direction": "report", "floor": None}}}}}, "accepted_drops": []}


def _checks(values: dict[str, Any], **kw: Any) -> dict[str, str]:
    entry = r.entries(_data(**kw), "ci")[0]
    return {c.metric: c.status for c in r.compare(entry, values)}


# ------------------------------------------------------------------------------------------ compare


def test_worse_result_fails() -> None:
    assert _checks({"f1": 0.49, "median_km": 10.0})["f1"] == "FAIL"


def test_worse_result_fails_for_a_ceiling() -> None:
    assert _checks({"f1": 0.5, "median_km": 10.5})["median_km"] == "FAIL"


def test_equal_passes() -> None:
    assert _checks({"f1": 0.5, "median_km": 10.0, "total": 3}) == {"f1": "ok", "median_km": "ok", "total": "report"}


def test_better_passes() -> None:
    assert _checks({"f1": 0.6, "median_km": 3.0}) == {"f1": "better", "median_km": "better", "total": "report"}


def test_not_yet_measured_is_reported_not_failed() -> None:
    statuses = _checks({"f1": 0.1, "median_km": 900.0}, floor_hi=None, floor_lo=None)
    assert statuses == {"f1": "unmeasured", "median_km": "unmeasured", "total": "report"}


def test_a_measured_metric_that_vanishes_fails() -> None:
    assert _checks({"median_km": 1.0})["f1"] == "FAIL"
    assert _checks({"median_km": 1.0}, floor_hi=None)["f1"] == "missing"


def test_tolerance_gives_noisy_metrics_room() -> None:
    floor = r.Floor("ratio", "higher", 0.8, tolerance=0.1)
    assert r.check_metric(floor, 0.75) == "ok"
    assert r.check_metric(floor, 0.69) == "FAIL"


def test_failed_and_table() -> None:
    entry = r.entries(_data(), "ci")[0]
    checks = r.compare(entry, {"f1": 0.1, "median_km": 1.0})
    assert r.failed(checks)
    table = r.format_table(checks, {"other": "data absent"})
    assert "FAIL" in table and "skipped: data absent" in table
    assert not r.failed(r.compare(entry, {"f1": 0.9, "median_km": 1.0}))


# ------------------------------------------------------------------------------------------ raise floors


def test_update_raises_floors_and_sets_unmeasured_ones() -> None:
    data = _data(floor_lo=None)
    new, changes = r.raise_floors(data, "ci", "toy", {"f1": 0.7, "median_km": 12.0, "total": 5})
    metrics = new["tiers"]["ci"]["toy"]["metrics"]
    assert metrics["f1"]["floor"] == 0.7 and metrics["median_km"]["floor"] == 12.0
    assert metrics["total"]["floor"] is None  # report-only metrics have no floor
    assert len(changes) == 2
    assert data["tiers"]["ci"]["toy"]["metrics"]["f1"]["floor"] == 0.5  # the input is not mutated


def test_update_never_lowers() -> None:
    new, changes = r.raise_floors(_data(), "ci", "toy", {"f1": 0.3, "median_km": 50.0})
    metrics = new["tiers"]["ci"]["toy"]["metrics"]
    assert metrics["f1"]["floor"] == 0.5 and metrics["median_km"]["floor"] == 10.0
    assert changes == [] and new["accepted_drops"] == []


def test_update_lowers_a_ceiling_metric_only_downwards() -> None:
    new, _ = r.raise_floors(_data(), "ci", "toy", {"f1": 0.5, "median_km": 4.0})
    assert new["tiers"]["ci"]["toy"]["metrics"]["median_km"]["floor"] == 4.0


def test_accept_drop_lowers_and_records_the_reason() -> None:
    new, changes = r.raise_floors(_data(), "ci", "toy", {"f1": 0.3, "median_km": 10.0},
                                  accept_drop="stricter span rule (see #12)", date="2026-01-02")
    assert new["tiers"]["ci"]["toy"]["metrics"]["f1"]["floor"] == 0.3
    assert new["accepted_drops"] == [{"date": "2026-01-02", "tier": "ci", "dataset": "toy", "metric": "f1",
                                      "from": 0.5, "to": 0.3, "reason": "stricter span rule (see #12)"}]
    assert any("LOWERED" in c for c in changes)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    r.save_baseline(path, _data())
    assert r.load_baseline(path) == _data()
    assert '"f1": {"direction": "higher", "floor": 0.5}' in path.read_text(encoding="utf-8")


def test_a_bad_direction_is_refused(tmp_path: Path) -> None:
    data = _data()
    data["tiers"]["ci"]["toy"]["metrics"]["f1"]["direction"] = "up"
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Exception, match="direction"):
        r.load_baseline(path)


# ------------------------------------------------------------------------------------------ the real file


def test_baseline_covers_every_dataset_in_both_tiers() -> None:
    data = r.load_baseline(BASELINE)
    for tier in ("ci", "full"):
        names = {e.dataset for e in r.entries(data, tier)}
        assert set(REGISTRY) | {"throughput"} <= names, f"{tier} lacks {set(REGISTRY) - names}"
    ci = {e.dataset: e for e in r.entries(data, "ci")}
    lower = {(e.dataset, f.metric) for e in ci.values() for f in e.floors if f.direction == "lower"}
    assert ("lgl", "median_km") in lower and ("lgl", "auc") in lower and ("seed-article", "forbidden") in lower


# ------------------------------------------------------------------------------------------ a worsened build


def _pipeline_without(stage_name: str) -> Any:
    """The default pipeline with one stage's output sabotaged (the stage does nothing)."""
    from eventwire.coder import default_stages
    from eventwire.pipeline import Pipeline, Stage

    stages = [Stage(s.name, lambda analysis: None, s.requires, s.assigns) if s.name == stage_name else s
              for s in default_stages()]
    return Pipeline(stages)


def _ci_entry(name: str) -> r.Entry:
    entry = next(e for e in r.entries(r.load_baseline(BASELINE), "ci") if e.dataset == name)
    why = r.skip_reason(entry)
    if why:
        pytest.skip(f"{name}: {why}")
    if all(f.floor is None for f in entry.floors if f.direction != "report"):
        pytest.skip(f"{name}: floors not yet measured (python benchmarks/ratchet.py --only {name} --update)")
    return entry


def test_ratchet_fails_a_build_without_events_on_the_seed_article() -> None:
    entry = _ci_entry("seed-article")
    checks = r.compare(entry, r.measure(entry, pipeline=_pipeline_without("events")))
    assert r.failed(checks), r.format_table(checks)
    assert any(c.metric == "items_passed" and c.failed for c in checks)


def test_ratchet_fails_a_build_without_quotes_on_polnear() -> None:
    entry = _ci_entry("polnear")
    small = r.Entry(entry.tier, entry.dataset, entry.kind, 5, entry.options, entry.floors)
    checks = r.compare(small, r.measure(small, pipeline=_pipeline_without("quotes")))
    assert r.failed(checks), r.format_table(checks)
    assert {c.metric for c in checks if c.failed} == {"speaker_f1", "content_exact_f1", "content_overlap_f1",
                                                      "cue_f1"}


def test_current_build_passes_the_seed_article_floors() -> None:
    entry = _ci_entry("seed-article")
    checks = r.compare(entry, r.measure(entry))
    assert not r.failed(checks), r.format_table(checks)
