"""CoNLL-2003 English test set (eng.testb, BIO tags): NER of the spaCy model eventwire loads (``load_nlp``).

Each sentence is given to the pipeline pre-tokenised (a ``Doc`` of the CoNLL tokens, one space between them), so
entities are compared on the CoNLL tokens: entity-level exact match of span and type, micro P/R/F1 (conlleval).
Label mapping (OntoNotes -> CoNLL): PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP, EVENT, WORK_OF_ART,
LAW, LANGUAGE, PRODUCT -> MISC; DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL -> dropped.
``--limit`` counts documents (``-DOCSTART-``).
"""
from __future__ import annotations

import gzip
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ...document.parse import load_nlp
from ..core import EvalContext, EvalResult
from ..metrics import prf

LABELS = ("PER", "ORG", "LOC", "MISC")
SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
                  "EVENT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC"}

Sentence = tuple[list[str], list[str]]   # tokens, BIO tags


def read_conll(data_dir: Path, limit: int | None) -> list[list[Sentence]]:
    path = next((p for p in (data_dir / "eng.testb.txt.gz", data_dir / "eng.testb", data_dir / "test.txt")
                 if p.is_file()), None)
    if path is None:
        found = sorted(data_dir.glob("*.gz")) + sorted(data_dir.glob("*.txt"))
        if not found:
            raise FileNotFoundError(f"no CoNLL file in {data_dir}")
        path = found[0]
    opener = gzip.open if path.suffix == ".gz" else open
    docs: list[list[Sentence]] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            if not docs:
                docs.append([])
            docs[-1].append((list(tokens), list(tags)))
            tokens.clear()
            tags.clear()

    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("-DOCSTART-"):
                flush()
                docs.append([])
                continue
            if not line:
                flush()
                continue
            parts = line.split()
            tokens.append(parts[0])
            tags.append(parts[-1])
    flush()
    docs = [d for d in docs if d]
    return docs if limit is None else docs[:limit]


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) of BIO or IOB1 tags."""
    spans: set[tuple[int, int, str]] = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if len(tag) > 2 else None
        begins = tag.startswith("B-") or (tag.startswith("I-") and kind != label)
        if start is not None and (tag == "O" or begins):
            assert label is not None
            spans.add((start, i, label))
            start, label = None, None
        if begins or (tag.startswith("I-") and start is None):
            start, label = i, kind
    return spans


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    from spacy.tokens import Doc

    t0 = time.perf_counter()
    docs = read_conll(data_dir, limit)
    nlp = load_nlp()
    sentences = [s for d in docs for s in d]
    inputs = [Doc(nlp.vocab, words=toks, spaces=[True] * (len(toks) - 1) + [False]) for toks, _ in sentences]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for (toks, tags), doc in zip(sentences, nlp.pipe(inputs, batch_size=256)):
        gold = bio_spans(tags)
        pred = {(e.start, e.end, SPACY_TO_CONLL[e.label_]) for e in doc.ents if e.label_ in SPACY_TO_CONLL}
        text = " ".join(toks)
        for s, e, lab in gold & pred:
            tp[lab] += 1
        for s, e, lab in gold - pred:
            fn[lab] += 1
            same = [p for p in pred if p[0] == s and p[1] == e]
            errors.append({"dataset": ctx.name, "kind": "wrong_type" if same else "missed", "gold":
                           f"{' '.join(toks[s:e])}/{lab}", "predicted": [
                               f"{' '.join(toks[p[0]:p[1]])}/{p[2]}" for p in pred if p[0] < e and s < p[1]],
                           "text": text})
        for s, e, lab in pred - gold:
            fp[lab] += 1
            if not any(g[0] == s and g[1] == e for g in gold):
                errors.append({"dataset": ctx.name, "kind": "spurious_or_boundary", "gold": [
                    f"{' '.join(toks[g[0]:g[1]])}/{g[2]}" for g in gold if g[0] < e and s < g[1]],
                    "predicted": f"{' '.join(toks[s:e])}/{lab}", "text": text})
    metrics: dict[str, float | int | None] = {}
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    metrics.update({"ner_f1": round(f, 4), "ner_p": round(p, 4), "ner_r": round(r, 4)})
    for lab in LABELS:
        metrics[f"ner_f1_{lab}"] = round(prf(tp[lab], fp[lab], fn[lab])[2], 4)
    metrics["n_gold_entities"] = sum(tp.values()) + sum(fn.values())
    metrics["n_sentences"] = len(sentences)
    metrics["seconds"] = round(time.perf_counter() - t0, 1)
    return EvalResult(dataset=ctx.name, n=len(docs), metrics=metrics, errors=errors,
                      notes={"mapping": SPACY_TO_CONLL})
