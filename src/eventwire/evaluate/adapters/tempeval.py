"""TempEval-3 platinum (TimeML): temporal expressions found and normalised against the document creation time.

Protocol: the text is the ``<TEXT>`` element with its tags removed; the DCT (``functionInDocument=
"CREATION_TIME"``) is passed as the article's publication date (precision day), as the task prescribes.
Gold: every in-text TIMEX3 of all four types (DATE, TIME, DURATION, SET), as in the task; eventwire's
predictions: every timex of the ``dates`` stage (dates, durations, sets and anchors such as "a month earlier").
Every kind is scored by its TIMEX3 value, as the task scores it: dates ("2013-03-22", "2013-W11", PRESENT_REF),
durations ("P3Y", "PXD"), sets ("P1W", "XXXX-WXX-1"); the ``_date_time`` variants restrict gold and
predictions to DATE/TIME gold types and date predictions.

- ``timex_span_f1``: relaxed (one-to-one overlapping) span F1; ``timex_span_f1_strict``: exact spans.
- ``timex_value_accuracy``: exact string equality of the TIMEX3 ``value`` on relaxed-matched spans.
- ``timex_value_f1``: end to end, value-correct matches over predictions (P) and over gold (R), as TE3's value F1.
- ``*_lenient``: values also equal when (a) the time of day is dropped from both ("2013-03-22TAF" ~
  "2013-03-22"), (b) gold PRESENT_REF meets the DCT's day, or (c) an interval prediction "a/b" has an end equal to
  the gold value ("the last week": gold "2013-W11", eventwire "2013-W11/2013-W12").
"""
from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...model import DateValue, Timex
from ..core import EvalContext, EvalResult
from ..metrics import prf
from ._spans import OffsetMap, context, match_spans, pipeline_until, run


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


def reference_value(dct: str) -> DateValue | None:
    """The DCT as a publication day. One MEANTIME file writes it "03-02-2009" (its dateline: February 3):
    DD-MM-YYYY is read as such; anything else that is not ISO gives no reference."""
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", dct.strip())
    day = f"{m[3]}-{m[2]}-{m[1]}" if m else dct[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return None
    return DateValue(day, "day", day, day)


def value_of(timex: Timex) -> str | None:
    return timex.value.value or None


def lenient_equal(gold: str, pred: str | None, dct: str) -> bool:
    if pred is None:
        return False
    if gold == pred:
        return True
    if gold == "PRESENT_REF" and pred == dct[:10]:
        return True
    candidates = pred.split("/") if "/" in pred else [pred]
    gold_day = gold.split("T")[0]
    return any(c == gold or (c.split("T")[0] == gold_day and gold_day) for c in candidates)


def _flatten(elem: ET.Element) -> tuple[str, list[GoldTimex]]:
    parts: list[str] = []
    spans: list[GoldTimex] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            parts.append(text)
            length += len(text)

    def walk(node: ET.Element) -> None:
        add(node.text)
        for child in node:
            start = length
            walk(child)
            if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
                spans.append(GoldTimex(start, length, child.get("type", ""), child.get("value", "")))
            add(child.tail)

    walk(elem)
    return "".join(parts), spans


def read_tml(path: Path) -> tuple[str, str, list[GoldTimex]]:
    """(DCT value, text, gold timexes) of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = ""
    for node in root.iter("TIMEX3"):
        if node.get("functionInDocument") == "CREATION_TIME":
            dct = node.get("value", "")
            break
    text_node = root.find("TEXT")
    if text_node is None:
        return dct, "", []
    text, spans = _flatten(text_node)
    return dct, text, spans


@dataclass(slots=True)
class TimexScore:
    """Counts shared with the MEANTIME adapter."""

    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    value_ok_lenient: int = 0
    dt_gold: int = 0
    dt_pred: int = 0
    dt_relaxed: int = 0
    dt_value_ok: int = 0
    dt_value_ok_lenient: int = 0

    def add(self, name: str, doc_id: str, text: str, dct: str, gold: list[GoldTimex],
            pred: list[tuple[int, int, Timex]], errors: list[dict[str, Any]]) -> None:
        gspans = [(g.start, g.end) for g in gold]
        pspans = [(s, e) for s, e, _ in pred]
        self.gold += len(gold)
        self.pred += len(pred)
        self.strict += len(match_spans(gspans, pspans, exact=True))
        pairs = match_spans(gspans, pspans, exact=False)
        self.relaxed += len(pairs)
        matched_g = {gi: pi for gi, pi in pairs}
        matched_p = set(matched_g.values())
        dt = {gi for gi, g in enumerate(gold) if g.type in ("DATE", "TIME")}
        self.dt_gold += len(dt)
        self.dt_pred += sum(1 for _, _, t in pred if t.kind == "date")
        for gi, g in enumerate(gold):
            pi = matched_g.get(gi)
            if pi is None:
                errors.append({"dataset": name, "doc": doc_id, "kind": "span_missed", "type": g.type,
                               "gold": f"{text[g.start:g.end]} = {g.value}", "predicted": None,
                               "text": context(text, g.start, g.end)})
                continue
            s, e, timex = pred[pi]
            value = value_of(timex)
            ok, lenient = value == g.value, lenient_equal(g.value, value, dct)
            self.value_ok += ok
            self.value_ok_lenient += lenient
            if gi in dt:
                self.dt_relaxed += 1
                self.dt_value_ok += ok
                self.dt_value_ok_lenient += lenient
            if not ok:
                errors.append({"dataset": name, "doc": doc_id, "kind": "value_wrong", "type": g.type,
                               "gold": f"{text[g.start:g.end]} = {g.value}",
                               "predicted": f"{text[s:e]} = {value} ({timex.kind}, {timex.value.precision})",
                               "lenient_ok": lenient, "dct": dct, "text": context(text, g.start, g.end)})
        for pi, (s, e, timex) in enumerate(pred):
            if pi not in matched_p:
                errors.append({"dataset": name, "doc": doc_id, "kind": "span_spurious", "gold": None,
                               "predicted": f"{text[s:e]} = {value_of(timex)} ({timex.kind})",
                               "text": context(text, s, e)})

    def metrics(self) -> dict[str, float | int | None]:
        def r4(x: float) -> float:
            return round(x, 4)
        out: dict[str, float | int | None] = {
            "timex_span_f1": r4(prf(self.relaxed, self.pred - self.relaxed, self.gold - self.relaxed)[2]),
            "timex_span_f1_strict": r4(prf(self.strict, self.pred - self.strict, self.gold - self.strict)[2]),
            "timex_value_accuracy": r4(self.value_ok / self.relaxed) if self.relaxed else 0.0,
            "timex_value_accuracy_lenient": r4(self.value_ok_lenient / self.relaxed) if self.relaxed else 0.0,
            "timex_value_f1": r4(prf(self.value_ok, self.pred - self.value_ok, self.gold - self.value_ok)[2]),
            "timex_value_f1_lenient": r4(prf(self.value_ok_lenient, self.pred - self.value_ok_lenient,
                                             self.gold - self.value_ok_lenient)[2]),
            "timex_value_accuracy_date_time": r4(self.dt_value_ok / self.dt_relaxed) if self.dt_relaxed else 0.0,
            "timex_value_accuracy_date_time_lenient":
                r4(self.dt_value_ok_lenient / self.dt_relaxed) if self.dt_relaxed else 0.0,
            "timex_value_f1_date_time": r4(prf(self.dt_value_ok, self.dt_pred - self.dt_value_ok,
                                               self.dt_gold - self.dt_value_ok)[2]),
            "n_gold_timex": self.gold, "n_pred_timex": self.pred,
        }
        return out


def predicted(analysis_timexes: list[Timex], omap: OffsetMap) -> list[tuple[int, int, Timex]]:
    out: list[tuple[int, int, Timex]] = []
    for timex in analysis_timexes:
        span = omap.to_raw(timex.span.start, timex.span.end)
        if span is not None:
            out.append((span[0], span[1], timex))
    return out


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    t0 = time.perf_counter()
    folder = data_dir / "te3-platinum" if (data_dir / "te3-platinum").is_dir() else data_dir
    files = sorted(folder.glob("*.tml"))
    if limit is not None:
        files = files[:limit]
    pipeline = pipeline_until(ctx, "dates")
    score = TimexScore()
    errors: list[dict[str, Any]] = []
    for path in files:
        dct, text, gold = read_tml(path)
        analysis = run(pipeline, f"{ctx.name}:{path.stem}", text, reference_value(dct) if dct else None)
        omap = OffsetMap(text, analysis.article.text)
        score.add(ctx.name, path.stem, text, dct, gold, predicted(analysis.timexes, omap), errors)
    metrics = score.metrics()
    metrics["seconds"] = round(time.perf_counter() - t0, 1)
    return EvalResult(dataset=ctx.name, n=len(files), metrics=metrics, errors=errors)
