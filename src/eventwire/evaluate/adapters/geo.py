"""Geoparsing gold sets: geowebnews, lgl, tr-news, geovirus (the XML files of Gritta et al.'s collection).

Metrics
- ``toponym_f1`` (and ``_p``/``_r``): recognition, eventwire's place mentions vs the gold toponym spans, **exact**
  span match (same start and end); ``toponym_f1_overlap``: the same with one-to-one overlapping match.
  Gold toponyms: every annotated span, except in GeoWebNews, where only the toponym types of its taxonomy count
  (Literal, Literal_Modifier, Metonymic, Mixed, Coercion, Non_Literal_Modifier, Embedded_Literal,
  Embedded_Non_Lit; not Demonym, Homonym, Language, Non_Toponym or the *_Expression phrases).
- ``acc_161km``, ``median_km``, ``auc``: **resolution alone** on the gold spans that have coordinates (the
  protocol of Mordecai3's figures): each gold span is resolved by ``mentions.geocode_spans``. A span the
  gazetteer cannot resolve counts as a miss at 20,039 km (half the Earth's circumference) in all three.
  ``resolved_share``: the share of those spans resolved at all.
- ``e2e_acc_161km``: end to end, over the same gold spans: recognised (overlapping a place mention) and resolved
  within 161 km; ``e2e_acc_161km_recognised``: the same over the recognised ones only; ``e2e_median_km``.

Gold offsets: TR-News and GeoVirus carry offsets shifted by a character in some articles; a gold span whose
offsets do not cover its name is moved to the nearest occurrence of the name within 40 characters, else dropped
(``notes['dropped_gold']``).
"""
from __future__ import annotations

import gzip
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...mentions.geocode_spans import geocode_spans
from ...resources.gazetteer import load_gazetteer
from ..core import EvalContext, EvalResult
from ..metrics import geo_auc, haversine_km, median, prf
from ._spans import OffsetMap, context, match_spans, pipeline_until, run

FILES = {"geowebnews": "GeoWebNews.xml.gz", "lgl": "lgl.xml.gz", "tr-news": "TR-News.xml.gz",
         "geovirus": "GeoVirus.xml.gz"}
GWN_TOPONYM_TYPES = frozenset({"Literal", "Literal_Modifier", "Metonymic", "Mixed", "Coercion",
                               "Non_Literal_Modifier", "Embedded_Literal", "Embedded_Non_Lit"})
MISS_KM = 20039.0
WINDOW = 40


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: list[GoldToponym]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int] | None:
    if 0 <= start < end <= len(text) and text[start:end] == name:
        return start, end
    if not name:
        return None
    best: tuple[int, int] | None = None
    lo = max(0, start - WINDOW)
    pos = text.find(name, lo)
    while pos != -1 and pos <= start + WINDOW:
        if best is None or abs(pos - start) < abs(best[0] - start):
            best = (pos, pos + len(name))
        pos = text.find(name, pos + 1)
    return best


def _data_file(data_dir: Path, name: str) -> Path:
    expected = data_dir / FILES.get(name, "")
    if expected.is_file():
        return expected
    found = sorted(data_dir.glob("*.xml.gz")) + sorted(data_dir.glob("*.xml"))
    if not found:
        raise FileNotFoundError(f"no .xml(.gz) gold file in {data_dir}")
    return found[0]


def read_gold(path: Path, limit: int | None) -> tuple[list[GoldDoc], int]:
    """The articles of one file (any of the four formats) and how many gold spans could not be aligned."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        root = ET.parse(fh).getroot()
    docs: list[GoldDoc] = []
    dropped = 0
    for number, article in enumerate(root.findall("article")):
        if limit is not None and len(docs) >= limit:
            break
        text = article.findtext("text") or ""
        ident = article.get("docid") or article.get("file") or article.findtext("source") or str(number)
        toponyms: list[GoldToponym] = []
        container = article.find("toponyms")
        if container is None:
            container = article.find("locations")
        for node in container if container is not None else []:
            if node.find("type") is not None and node.findtext("type") not in GWN_TOPONYM_TYPES:
                continue
            name = node.findtext("extractedName") or node.findtext("phrase") or node.findtext("name") or ""
            gaztag = node.find("gaztag")
            if gaztag is not None:
                lat, lon = _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon"))
            else:
                lat = _float(node.findtext("latitude") or node.findtext("lat"))
                lon = _float(node.findtext("longitude") or node.findtext("lon"))
            try:
                start, end = int(node.findtext("start") or -1), int(node.findtext("end") or -1)
            except ValueError:
                start = end = -1
            span = _align(text, start, end, name)
            if span is None:
                dropped += 1
                continue
            toponyms.append(GoldToponym(span[0], span[1], name, lat, lon))
        docs.append(GoldDoc(str(ident), text, toponyms))
    return docs, dropped


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    t0 = time.perf_counter()
    docs, dropped = read_gold(_data_file(data_dir, ctx.name), limit)
    pipeline = pipeline_until(ctx, "places")
    gazetteer = load_gazetteer()
    errors: list[dict[str, Any]] = []
    counts = {"tp": 0, "fp": 0, "fn": 0, "otp": 0, "ofp": 0, "ofn": 0}
    distances: list[float] = []
    resolved = 0
    e2e: list[float | None] = []
    for gd in docs:
        analysis = run(pipeline, f"{ctx.name}:{gd.id}", gd.text)
        assert analysis.doc is not None
        cleaned = analysis.article.text
        omap = OffsetMap(gd.text, cleaned)
        places = {p.id: p for p in analysis.places}
        pred: list[tuple[int, int]] = []
        pred_place: list[str] = []
        for mention in analysis.place_mentions:
            span = omap.to_raw(mention.span.start, mention.span.end)
            if span is not None:
                pred.append(span)
                pred_place.append(mention.place)
        gold = [(t.start, t.end) for t in gd.toponyms]
        # recognition
        exact = match_spans(gold, pred, exact=True)
        overlap = match_spans(gold, pred, exact=False)
        counts["tp"] += len(exact)
        counts["fp"] += len(pred) - len(exact)
        counts["fn"] += len(gold) - len(exact)
        counts["otp"] += len(overlap)
        counts["ofp"] += len(pred) - len(overlap)
        counts["ofn"] += len(gold) - len(overlap)
        matched_gold = {gi: pi for gi, pi in overlap}
        exact_gold = {gi for gi, _ in exact}
        exact_pred = {pi for _, pi in exact}
        matched_pred = set(matched_gold.values())
        for gi, t in enumerate(gd.toponyms):
            if gi not in exact_gold:
                pi = matched_gold.get(gi)
                errors.append({"dataset": ctx.name, "doc": gd.id, "kind": "recognition_fn" if pi is None
                               else "recognition_boundary", "gold": t.name,
                               "predicted": None if pi is None else gd.text[pred[pi][0]:pred[pi][1]],
                               "text": context(gd.text, t.start, t.end)})
        for pi, (ps, pe) in enumerate(pred):
            if pi not in matched_pred and pi not in exact_pred:
                place = places.get(pred_place[pi])
                errors.append({"dataset": ctx.name, "doc": gd.id, "kind": "recognition_fp", "gold": None,
                               "predicted": gd.text[ps:pe],
                               "predicted_place": None if place is None else f"{place.name} ({place.kind}, "
                               f"{place.country})", "text": context(gd.text, ps, pe)})
        # resolution alone, on the gold spans with coordinates
        geo = [(gi, t) for gi, t in enumerate(gd.toponyms) if t.lat is not None and t.lon is not None]
        clean_spans = [omap.to_clean(t.start, t.end) or (0, 0) for _, t in geo]
        entries = geocode_spans(analysis.doc, clean_spans, gazetteer) if geo else []
        for (gi, t), entry in zip(geo, entries):
            assert t.lat is not None and t.lon is not None
            if entry is None or entry.lat is None or entry.lon is None:
                km = MISS_KM
            else:
                resolved += 1
                km = haversine_km(t.lat, t.lon, entry.lat, entry.lon)
            distances.append(km)
            if km > 161:
                errors.append({"dataset": ctx.name, "doc": gd.id,
                               "kind": "resolution_unresolved" if entry is None else "resolution_far",
                               "gold": f"{t.name} ({t.lat:.3f},{t.lon:.3f})",
                               "predicted": None if entry is None else
                               f"{entry.name} ({entry.kind}, {entry.country}, {entry.lat},{entry.lon})",
                               "km": None if entry is None else round(km, 1),
                               "text": context(gd.text, t.start, t.end)})
            # end to end: the place eventwire gave the overlapping mention
            pi = matched_gold.get(gi)
            place = places.get(pred_place[pi]) if pi is not None else None
            if pi is None:
                e2e.append(None)
            elif place is None or place.lat is None or place.lon is None:
                e2e.append(MISS_KM)
            else:
                e2e.append(haversine_km(t.lat, t.lon, place.lat, place.lon))
    p, r, f = prf(counts["tp"], counts["fp"], counts["fn"])
    op, orr, of = prf(counts["otp"], counts["ofp"], counts["ofn"])
    recognised = [d for d in e2e if d is not None]
    metrics: dict[str, float | int | None] = {
        "toponym_f1": f, "toponym_p": p, "toponym_r": r,
        "toponym_f1_overlap": of, "toponym_p_overlap": op, "toponym_r_overlap": orr,
        "n_gold_toponyms": counts["tp"] + counts["fn"], "n_geocoded_gold": len(distances),
        "acc_161km": sum(1 for d in distances if d <= 161) / len(distances) if distances else 0.0,
        "median_km": median(distances), "auc": geo_auc(distances),
        "resolved_share": resolved / len(distances) if distances else 0.0,
        "e2e_acc_161km": sum(1 for d in recognised if d <= 161) / len(e2e) if e2e else 0.0,
        "e2e_acc_161km_recognised": (sum(1 for d in recognised if d <= 161) / len(recognised)
                                     if recognised else 0.0),
        "e2e_median_km": median(recognised),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    if metrics["median_km"] is not None:
        metrics["median_km"] = round(float(metrics["median_km"]), 2)
    if metrics["e2e_median_km"] is not None:
        metrics["e2e_median_km"] = round(float(metrics["e2e_median_km"]), 2)
    for key, value in list(metrics.items()):
        if isinstance(value, float) and not math.isnan(value) and key not in ("seconds",):
            metrics[key] = round(value, 4)
    return EvalResult(dataset=ctx.name, n=len(docs), metrics=metrics, errors=errors,
                      notes={"dropped_gold": dropped, "match": "toponym_f1 exact; *_overlap one-to-one overlap"})
