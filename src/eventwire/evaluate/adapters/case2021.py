"""CASE 2021 shared task 2 (case2021-task2): one label per news snippet, 25 ACLED sub-types plus 5 non-ACLED ones.

Each snippet's text alone is coded as one article (no publication date). The predicted label is the ACLED
sub-event type of the snippet's primary event, chosen by the rule of the ACLED adapter
(``acled.primary_acled_event``: the earliest event with an ACLED type and a named source, else the most confident), under the
task's name (``events.ontology.case2021_labels``); no such event is ``NOT_ACLED``, which is also what the 5 unseen
gold labels count as. ``accuracy`` is over all snippets; ``macro_f1`` is the mean F1 over the 25 ACLED labels
(``NOT_ACLED`` is not one of them, so predicting it only costs recall); on a ``--limit`` subset, over
the ACLED labels that occur in its gold or predictions.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...events.ontology.case2021_labels import SEEN_LABELS, case2021_label, gold_case2021_label
from ...model import Article
from ..core import EvalContext, EvalResult
from ..metrics import macro_f1, per_label_f1, safe_div
from .acled import primary_acled_event


def read_items(data_dir: Path, limit: int | None) -> list[tuple[str, str, str]]:
    """(id, snippet, label) rows of the TSV (split on TAB, no quoting)."""
    files = sorted(data_dir.glob("*with_labels*.tsv")) or sorted(data_dir.glob("*.tsv"))
    if not files:
        raise ConfigError(str(data_dir), "no labelled TSV in the folder",
                          "pass --data a folder holding test_set_final_release_with_labels.tsv")
    items: list[tuple[str, str, str]] = []
    with open(files[0], encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            row = dict(zip(header, parts))
            items.append((row.get("id", ""), row.get("EventSnippet", parts[1]), row.get("SubType", parts[-1])))
            if limit is not None and len(items) >= limit:
                break
    return items


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    items = read_items(data_dir, limit)
    gold: list[str] = []
    pred: list[str] = []
    errors: list[dict[str, Any]] = []
    for ident, text, label in items:
        coded = ctx.pipeline.code(Article(id=f"case2021-{ident}", text=text))
        event = primary_acled_event(coded.events)
        g, p = gold_case2021_label(label), case2021_label(event.acled if event else None)
        gold.append(g)
        pred.append(p)
        if g != p:
            errors.append({"id": ident, "gold": g, "gold_raw": label, "predicted": p, "text": text,
                           "events": [f"{e.type}/{e.mode}/{e.status}:{e.acled.sub_event_type}"
                                      for e in coded.events]})
    n = len(items)
    # all 25 on the full set; on a --limit subset, those that occur in it (an absent label has no F1)
    scored = [lab for lab in SEEN_LABELS if lab in gold or lab in pred]
    metrics: dict[str, float | int | None] = {
        "accuracy": safe_div(sum(g == p for g, p in zip(gold, pred)), n),
        "macro_f1": macro_f1(gold, pred, scored) if scored else 0.0,
    }
    notes = {"per_label_f1": per_label_f1(gold, pred, scored)}
    return EvalResult(dataset=ctx.name, n=n, metrics=metrics, errors=errors, notes=notes)
