"""``conflibert-cameo``: CAMEO-manual sentences with penta-class labels and BIO source/target spans (test split).

Items are the sentences of ``cameo_class_test.tsv`` (label 0..4) paired line by line with the sentences of
``cameo_ner_test.txt`` (tokens with B/I-S source, B/I-T target, B/I-R reciprocal tags). Each sentence is coded
as an article of its own and compared with eventwire's highest-confidence non-negated event.

* **quad_accuracy**: the penta-class (``events.ontology.penta``: 0 neutral, 1 verbal cooperation, 2 material
  cooperation, 3 verbal conflict, 4 material conflict, by CAMEO root) of the event's ``cameo`` code against
  the gold label. A sentence with no event is predicted 0 (neutral: a statement with nothing coded), so
  neutral gold sentences with no event count as right. ``quad_no_event_rate`` says how often that happened.
* **actor_span_f1**: gold spans are the tagged token runs, located in the sentence by their characters;
  predicted spans are the event's source and target evidence spans (role R when the event is symmetric).
  A predicted span matches one gold span (one-to-one, greedily, in text order) when they overlap and the
  roles are compatible (equal, or either is R): "relaxed" matching, because the gold spans include titles
  and descriptors ("U.S. military chief General Colin Powell") that eventwire's mention keeps shorter.
  ``actor_span_exact_f1`` (extra) asks for identical boundaries. Micro F1 over all sentences.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...events.ontology.penta import penta_class
from ..core import EvalContext, EvalResult
from ..metrics import accuracy, prf, safe_div
from ._common import best_event, code_text

CLASS_FILE = "cameo_class_test.tsv"
NER_FILE = "cameo_ner_test.txt"
Span = tuple[int, int, str]          # start, end, role (S | T | R)


def load_items(data_dir: Path) -> list[tuple[str, int, list[tuple[str, str]]]]:
    """(sentence, label, [(token, tag)]) for each item, in file order."""
    cls, ner = data_dir / CLASS_FILE, data_dir / NER_FILE
    for path in (cls, ner):
        if not path.is_file():
            raise ConfigError(str(path), "ConfliBERT CAMEO test file missing", f"pass --data DIR holding {path.name}")
    rows = []
    for line in cls.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r")
        if "\t" in line:
            text, label = line.rsplit("\t", 1)
            rows.append((text.strip(), int(label)))
    sentences: list[list[tuple[str, str]]] = [[]]
    for line in ner.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r")
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        token, _, tag = line.rpartition(" ")
        sentences[-1].append((token, tag))
    sentences = [s for s in sentences if s]
    if len(sentences) != len(rows):
        raise ConfigError(str(data_dir), f"{len(rows)} labelled sentences but {len(sentences)} tagged ones",
                          "use the two test files of the same release")
    return [(t, lab, toks) for (t, lab), toks in zip(rows, sentences)]


def gold_spans(text: str, tokens: list[tuple[str, str]]) -> list[Span]:
    """The tagged runs as character spans of ``text`` (tokens found left to right)."""
    spans: list[Span] = []
    at = 0
    current: list[int] | None = None
    role = ""
    for token, tag in tokens:
        found = text.find(token, at)
        start, end = (found, found + len(token)) if found >= 0 else (at, at)
        if found >= 0:
            at = end
        kind, _, r = tag.partition("-")
        if kind == "B" or (kind == "I" and (current is None or r != role)):
            if current is not None:
                spans.append((current[0], current[1], role))
            current, role = [start, end], r
        elif kind == "I" and current is not None:
            current[1] = end
        else:
            if current is not None:
                spans.append((current[0], current[1], role))
            current = None
    if current is not None:
        spans.append((current[0], current[1], role))
    return spans


def _compatible(a: str, b: str) -> bool:
    return a == b or "R" in (a, b)


def _match(gold: list[Span], pred: list[Span], exact: bool) -> int:
    used: set[int] = set()
    hits = 0
    for ps, pe, pr in sorted(pred):
        for i, (gs, ge, gr) in enumerate(gold):
            if i in used or not _compatible(pr, gr):
                continue
            if (ps, pe) == (gs, ge) if exact else (ps < ge and gs < pe):
                used.add(i)
                hits += 1
                break
    return hits


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    items = load_items(data_dir)
    if limit is not None:
        items = items[:limit]
    pairs: list[tuple[int, int]] = []
    no_event = 0
    tp = fp = fn = etp = 0
    errors: list[dict[str, Any]] = []
    for n, (text, label, tokens) in enumerate(items):
        coded = code_text(ctx.pipeline, text, f"conflibert-{n}")
        ev = best_event(coded.events)
        pred_class = penta_class(ev.cameo) if ev else 0
        if ev is None:
            no_event += 1
        pred_class = 0 if pred_class is None else pred_class
        pairs.append((label, pred_class))
        if pred_class != label:
            errors.append({"kind": "quad", "index": n, "gold": label, "predicted": pred_class, "text": text,
                           "event": f"{ev.type}/{ev.cameo} {ev.evidence.trigger.text!r}" if ev else None})
        gold = gold_spans(coded.article.text, tokens)   # offsets of the cleaned text, as the predictions
        pred: list[Span] = []
        if ev is not None:
            for role, spans in (("S", ev.evidence.source), ("T", ev.evidence.target)):
                pred.extend((s.start, s.end, "R" if ev.symmetric else role) for s in spans)
        hits = _match(gold, pred, exact=False)
        etp += _match(gold, pred, exact=True)
        tp += hits
        fp += len(pred) - hits
        fn += len(gold) - hits
        if hits < max(len(gold), len(pred)):
            errors.append({"kind": "actor_span", "index": n, "text": text,
                           "gold": [(text[s:e], r) for s, e, r in gold],
                           "predicted": [(coded.article.text[s:e], r) for s, e, r in pred]})
    _, _, f1 = prf(tp, fp, fn)
    n_pred = tp + fp
    n_gold = tp + fn
    _, _, exact_f1 = prf(etp, n_pred - etp, n_gold - etp)
    metrics: dict[str, float | int | None] = {
        "quad_accuracy": accuracy(pairs), "quad_no_event_rate": safe_div(no_event, len(items)),
        "actor_span_f1": f1, "actor_span_precision": safe_div(tp, n_pred), "actor_span_recall": safe_div(tp, n_gold),
        "actor_span_exact_f1": exact_f1,
    }
    return EvalResult(ctx.name, len(items), metrics, errors)
