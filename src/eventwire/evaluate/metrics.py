"""Metrics shared by the adapters: accuracy, precision/recall/F1, macro-F1, great-circle distance, and the
geoparsing AUC (area under the curve of log-distance errors, as in Gritta et al. 2018)."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence


def safe_div(a: float, b: float) -> float:
    return a / b if b else 0.0


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    items = list(pairs)
    return safe_div(sum(1 for g, p in items if g == p), len(items))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = safe_div(tp, tp + fp), safe_div(tp, tp + fn)
    return p, r, safe_div(2 * p * r, p + r)


def per_label_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] | None = None) -> dict[str, float]:
    """F1 of each label over paired single-label predictions."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    labs = set(labels) if labels is not None else set(gold) | set(pred)
    return {lab: prf(tp[lab], fp[lab], fn[lab])[2] for lab in sorted(labs)}


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] | None = None) -> float:
    """Mean per-label F1 over ``labels`` (default: the labels present in the gold)."""
    scores = per_label_f1(gold, pred, labels if labels is not None else set(gold))
    return safe_div(sum(scores.values()), len(scores))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def geo_auc(distances_km: Sequence[float]) -> float:
    """Gritta et al.'s AUC: mean of ln(1 + d) / ln(20039) over errors (lower is better, 0..1)."""
    if not distances_km:
        return 0.0
    cap = math.log(20039 + 1)
    return sum(math.log(1 + min(d, 20039)) / cap for d in distances_km) / len(distances_km)


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
