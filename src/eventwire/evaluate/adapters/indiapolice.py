"""IndiaPoliceEvents (indiapoliceevents): sentence labels KILL, ARREST, FAIL, FORCE, ANY_ACTION on Times of India
articles of March 2002.

An item is a document: each is coded whole (so that "they" and "the force" can resolve across sentences), with
its publication date from ``metadata_slim.jsonl`` (the labels are not dates, so the date is not the answer);
``--limit N`` scores the sentences of the first N documents. A gold sentence gets label L when an event whose
trigger, or one of its other mentions (a retelling merged into it), lies in it maps to L under
``events.ontology.police_actions.police_labels``, and the sentence of a police statement's cue gets ANY_ACTION
(``statement_labels``). Offsets of the coded
(cleaned) text are mapped back to the document text by a character alignment, since cleaning may drop lines.
Metrics: per-label F1 over sentences (``sentence_f1_<LABEL>``) and their mean (``sentence_macro_f1``).
"""
from __future__ import annotations

import bisect
import difflib
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from ...events.ontology.police_actions import LABELS, police_labels, statement_labels
from ...model import Article, DateValue
from ..core import EvalContext, EvalResult
from ..metrics import prf, safe_div


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _find(data_dir: Path, stem: str) -> Path:
    for name in (f"{stem}.jsonl.gz", f"{stem}.jsonl"):
        if (data_dir / name).is_file():
            return data_dir / name
    raise ConfigError(str(data_dir / f"{stem}.jsonl.gz"), "file not found",
                      "pass --data a folder holding docs.jsonl.gz, sents.jsonl.gz and metadata_slim.jsonl")


def read_corpus(data_dir: Path, limit: int | None) -> list[tuple[dict[str, Any], list[dict[str, Any]], str | None]]:
    """(document, its sentences in order, publication date) for the first ``limit`` documents."""
    docs: list[dict[str, Any]] = []
    for doc in _jsonl(_find(data_dir, "docs")):
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    wanted = {d["doc_id"] for d in docs}
    sents: dict[Any, list[dict[str, Any]]] = {d: [] for d in wanted}
    for sent in _jsonl(_find(data_dir, "sents")):
        if sent["doc_id"] in wanted:
            sents[sent["doc_id"]].append(sent)
    dates: dict[Any, str | None] = {}
    meta = data_dir / "metadata_slim.jsonl"
    if meta.is_file():
        dates = {m["doc_id"]: m.get("date") for m in _jsonl(meta) if m["doc_id"] in wanted}
    return [(d, sorted(sents[d["doc_id"]], key=lambda s: s["sent_id"]), dates.get(d["doc_id"])) for d in docs]


def sentence_starts(doc_text: str, sentences: list[dict[str, Any]]) -> list[int]:
    """Start offset of each sentence in the document text (searched from the end of the previous one)."""
    starts: list[int] = []
    cursor = 0
    for sent in sentences:
        at = doc_text.find(sent["sent_text"], cursor)
        if at < 0:
            at = doc_text.find(sent["sent_text"].strip(), cursor)
        at = max(at, cursor) if at >= 0 else cursor
        starts.append(at)
        cursor = at + len(sent["sent_text"]) if doc_text.startswith(sent["sent_text"], at) else at
    return starts


def offset_map(coded_text: str, raw_text: str) -> list[int]:
    """For each offset of ``coded_text`` the matching offset of ``raw_text`` (identity where they agree)."""
    if coded_text == raw_text:
        return list(range(len(coded_text) + 1))
    mapping = [0] * (len(coded_text) + 1)
    matcher = difflib.SequenceMatcher(None, coded_text, raw_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            mapping[k] = j1 + min(k - i1, max(j2 - j1 - 1, 0)) if tag != "equal" else j1 + (k - i1)
    mapping[len(coded_text)] = len(raw_text)
    return mapping


def _sentence_of(offset: int, starts: list[int], to_raw: list[int]) -> int:
    """The index of the gold sentence holding ``offset`` of the coded text."""
    return max(bisect.bisect_right(starts, to_raw[min(offset, len(to_raw) - 1)]) - 1, 0)


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    corpus = read_corpus(data_dir, limit)
    tp = dict.fromkeys(LABELS, 0)
    fp = dict.fromkeys(LABELS, 0)
    fn = dict.fromkeys(LABELS, 0)
    errors: list[dict[str, Any]] = []
    n_sents = 0
    for doc, sentences, published in corpus:
        raw = doc["doc_text"]
        pub = DateValue(published, "day", published, published) if published else None
        coded = ctx.pipeline.code(Article(id=f"ipe-{doc['doc_id']}", text=raw, published=pub))
        actors = {a.id: a for a in coded.actors}
        starts = sentence_starts(raw, sentences)
        to_raw = offset_map(coded.article.text, raw)
        predicted: list[set[str]] = [set() for _ in sentences]
        why: list[list[str]] = [[] for _ in sentences]
        for event in coded.events:
            labels = police_labels(event, actors)
            if not labels or not sentences:
                continue
            # the trigger's sentence and those of the event's other mentions (merged retellings)
            spans = [event.evidence.trigger, *event.evidence.mentions]
            for k in {_sentence_of(sp.start, starts, to_raw) for sp in spans}:
                predicted[k] |= labels
                why[k].append(f"{event.type}/{event.mode}/{event.status}:{event.evidence.trigger.text}")
        for quote in coded.quotes:
            labels = statement_labels(quote, actors)
            if labels and sentences:
                k = _sentence_of(quote.cue.start if quote.cue is not None else quote.start, starts, to_raw)
                predicted[k] |= labels
                why[k].append(f"statement:{quote.kind}")
        for k, sent in enumerate(sentences):
            n_sents += 1
            gold = set(sent.get("sent_labels") or ())
            pred = predicted[k]
            for lab in LABELS:
                tp[lab] += lab in gold and lab in pred
                fp[lab] += lab in pred and lab not in gold
                fn[lab] += lab in gold and lab not in pred
            if gold != pred:
                errors.append({"doc_id": doc["doc_id"], "sent_id": sent["sent_id"], "gold": sorted(gold),
                               "predicted": sorted(pred), "events": why[k], "text": sent["sent_text"]})
    f1 = {lab: prf(tp[lab], fp[lab], fn[lab])[2] for lab in LABELS}
    metrics: dict[str, float | int | None] = {"sentence_macro_f1": safe_div(sum(f1.values()), len(f1))}
    metrics.update({f"sentence_f1_{lab}": f1[lab] for lab in LABELS})
    notes = {"documents": len(corpus), "sentences": n_sents,
             "counts": {lab: {"tp": tp[lab], "fp": fp[lab], "fn": fn[lab]} for lab in LABELS}}
    return EvalResult(dataset=ctx.name, n=n_sents, metrics=metrics, errors=errors, notes=notes)
