"""The ratchet's ``ci`` tier as tests: one per dataset entry of benchmarks/baseline.json, failing when a metric
falls below its floor (the same check as ``python benchmarks/ratchet.py --tier ci``).

Opt-in, because it codes a few thousand gold items (minutes, not seconds): CI runs it with
``EVENTWIRE_RATCHET=1 pytest tests/test_ratchet_ci.py``. Datasets whose adapter is not written yet, or whose
data (../shared) is absent, are skipped with the reason; floors of null ("not yet measured") never fail.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import ratchet as r
from eventwire.evaluate.core import shared_root

REPO = Path(__file__).resolve().parent.parent
BASELINE = REPO / "benchmarks" / "baseline.json"
ENTRIES = r.entries(r.load_baseline(BASELINE), "ci")

pytestmark = [
    pytest.mark.skipif(os.environ.get("EVENTWIRE_RATCHET") != "1",
                       reason="the ci ratchet takes minutes: run with EVENTWIRE_RATCHET=1"),
    pytest.mark.skipif(not (shared_root() / "data").is_dir(),
                       reason="../shared is absent: the gold sets are read at run time, never shipped"),
]


@pytest.fixture(scope="module")
def pipeline() -> Any:
    from eventwire.coder import default_pipeline

    return default_pipeline()


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "evaluate"], ids=lambda e: e.dataset)
def test_ci_floor(entry: r.Entry, pipeline: Any) -> None:
    why = r.skip_reason(entry)
    if why:
        pytest.skip(why)
    checks = r.compare(entry, r.measure(entry, pipeline=pipeline))
    print("\n" + r.format_table(checks))
    assert not r.failed(checks), "below floor:\n" + r.format_table([c for c in checks if c.failed])


@pytest.mark.skipif(os.environ.get("EVENTWIRE_RATCHET_THROUGHPUT") != "1",
                    reason="timing on a shared CI machine is noisy: the throughput floor is checked by "
                           "`python benchmarks/ratchet.py --tier full` (set EVENTWIRE_RATCHET_THROUGHPUT=1 to run it here)")
@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind == "throughput"], ids=lambda e: e.dataset)
def test_ci_throughput_ratio(entry: r.Entry) -> None:
    cmd = [sys.executable, str(REPO / "benchmarks" / "throughput.py"), "--articles",
           str(entry.options.get("articles", 60)), "--processes", str(entry.options.get("processes", 1)), "--json"]
    lines = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        pytest.skip(lines[-1] if lines else "throughput benchmark printed nothing")
    checks = r.compare(entry, json.loads(lines[-1]))
    assert not r.failed(checks), r.format_table(checks)
