"""Evaluation framework: one adapter per gold format, a registry of dataset names, and the result record.

An adapter is a function ``(data_dir, limit, ctx) -> EvalResult``. It reads the gold set in its own format,
runs eventwire (through ``ctx.pipeline``), maps eventwire's output to the gold label set with functions from
``eventwire.events.ontology`` (never ad hoc), computes the metrics and records every miss in
``result.errors`` (gold vs predicted, with the text) for ``--errors``.
"""
from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..pipeline import Pipeline

# dataset NAME -> "module:function" under eventwire.evaluate.adapters
REGISTRY: dict[str, str] = {
    "seed-article": "golden_case:evaluate_seed",
    "plover-gsr": "plover_gsr:evaluate",
    "petrarch-validation": "petrarch:evaluate",
    "acled-gaza-2023-2025": "acled:evaluate",
    "acled-global-2020-05": "acled:evaluate",
    "case2021-task2": "case2021:evaluate",
    "indiapoliceevents": "indiapolice:evaluate",
    "conflibert-cameo": "conflibert:evaluate",
    "tempeval3-platinum": "tempeval:evaluate",
    "geowebnews": "geo:evaluate",
    "lgl": "geo:evaluate",
    "tr-news": "geo:evaluate",
    "geovirus": "geo:evaluate",
    "polnear": "polnear:evaluate",
    "conll2003-test": "conll:evaluate",
    "meantime-en": "meantime:evaluate",
}


@dataclass(slots=True)
class EvalResult:
    dataset: str
    n: int
    metrics: dict[str, float | int | None]
    errors: list[dict[str, Any]] = field(default_factory=list)
    notes: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The one JSON object ``evaluate --json`` prints: dataset, n and the metrics."""
        return {"dataset": self.dataset, "n": self.n, **self.metrics}


@dataclass(slots=True)
class EvalContext:
    """What adapters share: the dataset name (several share one adapter) and a lazily built pipeline."""

    name: str
    _pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from ..coder import default_pipeline

            self._pipeline = default_pipeline()
        return self._pipeline


def shared_root() -> Path:
    """``../shared`` beside the checkout (the working directory's, else the package source's)."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[3]):
        cand = base.parent / "shared"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared"


def default_data_dir(name: str) -> Path:
    root = shared_root()
    return root / "golden" / name if name == "seed-article" else root / "data" / name


def _adapter(name: str) -> Callable[[Path, int | None, EvalContext], EvalResult]:
    if name not in REGISTRY:
        raise ConfigError(name, f"unknown dataset; known: {', '.join(sorted(REGISTRY))}",
                          "pass one of the names above (the folder name in ../shared/data)")
    module_name, func = REGISTRY[name].split(":")
    module = importlib.import_module(f"eventwire.evaluate.adapters.{module_name}")
    fn: Callable[[Path, int | None, EvalContext], EvalResult] = getattr(module, func)
    return fn


def evaluate(name: str, data: Path | None = None, limit: int | None = None,
             errors_path: Path | None = None, pipeline: Pipeline | None = None) -> EvalResult:
    """Evaluate eventwire on one gold set; write every miss as JSONL to ``errors_path`` when given."""
    folder = data or default_data_dir(name)
    if not folder.exists():
        raise ConfigError(str(folder), "gold data folder not found",
                          "put ../shared beside the checkout or pass --data DIR")
    result = _adapter(name)(folder, limit, EvalContext(name=name, _pipeline=pipeline))
    if errors_path is not None:
        with open(errors_path, "w", encoding="utf-8") as fh:
            for err in result.errors:
                fh.write(json.dumps(err, ensure_ascii=False, default=str) + "\n")
    return result
