"""MEANTIME (NewsReader), English, intra- and cross-document annotation: event coreference and TIMEX3 values.

Text: the CAT tokens of each document, detokenised (no space before closing punctuation and clitics), one line
per sentence; the DCT (``functionInDocument="CREATION_TIME"``) is the publication date.

Event coreference (``event_coref_b3_f1``, B-cubed over the gold mentions, cross-document): gold mentions are the
EVENT_MENTIONs that REFERS_TO an EVENT with a cross-document ``instance_id``; gold chains group them by
``instance_id``. eventwire has no cross-document event coreference yet, so the response is a **baseline**:
a gold mention takes the eventwire event whose trigger (or a merged further trigger) overlaps it, and events
of one topic folder (corpus_airbus, …) are one chain when they have the same PLOVER type and share a
participant (source or target actor id); within an article eventwire's own merging applies. Gold mentions with no
overlapping eventwire event are singletons. ``event_coref_b3_f1_singletons`` is the all-singletons response for
scale, and ``event_mention_recall`` the share of gold mentions an eventwire event overlaps.

TIMEX3 (``timex_value_accuracy``): as in the tempeval adapter (relaxed one-to-one span match, exact value),
over the in-text TIMEX3s other than the DCT; predictions overlapping the DCT's own tokens, and predictions after
the last annotated markable (MEANTIME annotates only the title and the first sentences), are ignored.
"""
from __future__ import annotations

import tarfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..core import EvalContext, EvalResult
from ..metrics import prf
from ._spans import OffsetMap, context, run
from .tempeval import GoldTimex, TimexScore, predicted, reference_value

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", ")", "]", "'s", "’s", "n't", "%", "'", "''", "'re",
                             "'ve", "'ll", "'d", "'m"})
NO_SPACE_AFTER = frozenset({"(", "[", "$", "``", "US$"})


@dataclass(slots=True)
class MTDoc:
    topic: str
    id: str
    text: str
    dct: str
    dct_span: tuple[int, int] | None
    annotated_end: int = 0      # MEANTIME annotates the title and first sentences only: end of the last markable
    events: dict[str, list[tuple[int, int]]] = field(default_factory=dict)   # gold mention -> token char spans
    instance: dict[str, str] = field(default_factory=dict)                   # gold mention -> instance_id
    timexes: list[GoldTimex] = field(default_factory=list)


def _parse(topic: str, fh: IO[bytes]) -> MTDoc:
    root = ET.parse(fh).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length = 0
    prev_sentence: str | None = None
    prev_token = ""
    for tok in root.iter("token"):
        word = tok.text or ""
        sentence = tok.get("sentence")
        if parts:
            sep = "\n" if sentence != prev_sentence else (
                "" if word in NO_SPACE_BEFORE or prev_token in NO_SPACE_AFTER else " ")
            parts.append(sep)
            length += len(sep)
        spans[tok.get("t_id", "")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        prev_sentence, prev_token = sentence, word
    text = "".join(parts)

    def anchors(node: ET.Element) -> list[tuple[int, int]]:
        return [spans[a.get("t_id", "")] for a in node.findall("token_anchor") if a.get("t_id", "") in spans]

    markables = root.find("Markables")
    doc = MTDoc(topic, root.get("doc_id", ""), text, "", None)
    instances: dict[str, str] = {}
    for node in markables if markables is not None else []:
        m_id = node.get("m_id", "")
        doc.annotated_end = max([doc.annotated_end, *(e for _, e in anchors(node))])
        if node.tag == "EVENT_MENTION":
            found = anchors(node)
            if found:
                doc.events[m_id] = found
        elif node.tag == "EVENT" and node.get("instance_id"):
            instances[m_id] = node.get("instance_id", "")
        elif node.tag == "TIMEX3":
            found = anchors(node)
            if node.get("functionInDocument") == "CREATION_TIME":
                doc.dct = node.get("value", "")
                if found:
                    doc.dct_span = (found[0][0], found[-1][1])
            elif found and node.get("value"):
                doc.timexes.append(GoldTimex(found[0][0], found[-1][1], node.get("type", ""),
                                             node.get("value", "")))
    relations = root.find("Relations")
    for rel in relations.findall("REFERS_TO") if relations is not None else []:
        targets = [t.get("m_id", "") for t in rel.findall("target")]
        instance = next((instances[t] for t in targets if t in instances), None)
        if instance is None:
            continue
        for source in rel.findall("source"):
            m_id = source.get("m_id", "")
            if m_id in doc.events:
                doc.instance[m_id] = instance
    doc.timexes.sort(key=lambda g: g.start)
    return doc


def read_meantime(data_dir: Path, limit: int | None) -> list[MTDoc]:
    docs: list[MTDoc] = []
    archive = data_dir / "meantime_english_intra_cross-doc.tar.gz"
    if archive.is_file():
        with tarfile.open(archive) as tar:
            members = sorted((m for m in tar.getmembers() if m.isfile() and m.name.endswith(".xml")),
                             key=lambda m: m.name)
            for member in members[:limit] if limit is not None else members:
                fh = tar.extractfile(member)
                assert fh is not None
                docs.append(_parse(Path(member.name).parent.name, fh))
        return docs
    files = sorted(data_dir.rglob("*.xml"))
    for path in files[:limit] if limit is not None else files:
        with open(path, "rb") as fh:
            docs.append(_parse(path.parent.name, fh))
    return docs


def b_cubed(gold: dict[str, str], response: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed P/R/F1 over the mentions of ``gold`` (mention -> chain id in each)."""
    gold_sets: dict[str, set[str]] = defaultdict(set)
    resp_sets: dict[str, set[str]] = defaultdict(set)
    for mention, chain in gold.items():
        gold_sets[chain].add(mention)
        resp_sets[response[mention]].add(mention)
    p = r = 0.0
    for mention, chain in gold.items():
        g, s = gold_sets[chain], resp_sets[response[mention]]
        common = len(g & s)
        p += common / len(s)
        r += common / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    t0 = time.perf_counter()
    docs = read_meantime(data_dir, limit)
    pipeline = ctx.pipeline
    score = TimexScore()
    errors: list[dict[str, Any]] = []
    gold_chain: dict[str, str] = {}
    mention_event: dict[str, str] = {}
    mention_text: dict[str, tuple[MTDoc, tuple[int, int]]] = {}
    events_by_topic: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
    for doc in docs:
        analysis = run(pipeline, f"meantime:{doc.id}", doc.text, reference_value(doc.dct) if doc.dct else None)
        omap = OffsetMap(doc.text, analysis.article.text)
        preds = [p for p in predicted(analysis.timexes, omap)
                 if p[0] < doc.annotated_end
                 and (doc.dct_span is None or not (p[0] < doc.dct_span[1] and doc.dct_span[0] < p[1]))]
        score.add(ctx.name, doc.id, doc.text, doc.dct, doc.timexes, preds, errors)
        triggers: list[tuple[int, int, str]] = []
        for event in analysis.events:
            node = f"{doc.id}/{event.id}"
            events_by_topic[doc.topic].append((node, event.type, frozenset(event.source) | frozenset(event.target)))
            for span in (event.evidence.trigger, *event.evidence.mentions):
                raw = omap.to_raw(span.start, span.end)
                if raw is not None:
                    triggers.append((raw[0], raw[1], node))
        for m_id, instance in doc.instance.items():
            key = f"{doc.id}#{m_id}"
            gold_chain[key] = f"{doc.topic}/{instance}"
            tokens = doc.events[m_id]
            mention_text[key] = (doc, (tokens[0][0], tokens[-1][1]))
            hit = next((node for s, e, node in triggers if any(s < te and ts < e for ts, te in tokens)), None)
            if hit is not None:
                mention_event[key] = hit
    union = _Union()
    for items in events_by_topic.values():
        for i, (a, type_a, parts_a) in enumerate(items):
            union.find(a)
            for b, type_b, parts_b in items[i + 1:]:
                if type_a == type_b and parts_a & parts_b:
                    union.union(a, b)
    response = {m: (union.find(mention_event[m]) if m in mention_event else f"single:{m}") for m in gold_chain}
    p, r, f = b_cubed(gold_chain, response)
    _, _, f_single = b_cubed(gold_chain, {m: m for m in gold_chain})
    # errors: gold chains eventwire splits, and response chains that join different gold chains
    members: dict[str, list[str]] = defaultdict(list)
    for m, chain in gold_chain.items():
        members[chain].append(m)
    for chain, ms in members.items():
        docs_of = {m.split("#")[0] for m in ms}
        if len(docs_of) < 2:
            continue
        responses = {response[m] for m in ms}
        if len(responses) > 1:
            errors.append({"dataset": ctx.name, "kind": "coref_split", "gold": chain,
                           "predicted": f"{len(responses)} response chains for {len(ms)} mentions",
                           "unmatched_mentions": sum(1 for m in ms if m not in mention_event),
                           "text": [context(mention_text[m][0].text, *mention_text[m][1], width=40) for m in ms]})
    resp_members: dict[str, list[str]] = defaultdict(list)
    for m, chain in response.items():
        resp_members[chain].append(m)
    for chain, ms in resp_members.items():
        golds = {gold_chain[m] for m in ms}
        if len(golds) > 1:
            errors.append({"dataset": ctx.name, "kind": "coref_merge", "gold": sorted(golds), "predicted": chain,
                           "text": [context(mention_text[m][0].text, *mention_text[m][1], width=40) for m in ms]})
    metrics: dict[str, float | int | None] = {
        "event_coref_b3_f1": round(f, 4), "event_coref_b3_p": round(p, 4), "event_coref_b3_r": round(r, 4),
        "event_coref_b3_f1_singletons": round(f_single, 4),
        "event_mention_recall": round(len(mention_event) / len(gold_chain), 4) if gold_chain else 0.0,
        "n_gold_event_mentions": len(gold_chain),
        "n_gold_event_chains": len(set(gold_chain.values())),
    }
    timex = score.metrics()
    metrics.update({k: timex[k] for k in ("timex_value_accuracy", "timex_value_accuracy_lenient",
                                          "timex_value_accuracy_date_time", "timex_span_f1",
                                          "timex_value_f1", "n_gold_timex")})
    metrics["seconds"] = round(time.perf_counter() - t0, 1)
    return EvalResult(dataset=ctx.name, n=len(docs), metrics=metrics, errors=errors,
                      notes={"coref": "baseline: same PLOVER type + shared participant within a topic"})


__all__ = ["evaluate", "b_cubed", "read_meantime", "prf"]
