"""Adapter ``polnear``: quote attribution on the PolNeAR **test** split (Newell et al., LREC 2018).

Gold: BRAT standoff (``test/attributions/*.ann``) over ``test/text/*.txt``; each ``E`` line is one attribution
relation linking a Content span, a Cue span and (unless ``Attribution-no-source``) a Source span. Spans may be
discontinuous (``Content 752 760;769 800``); a span is scored by its extent (first start, last end). Several
articles were annotated by more than one annotator (file names end in the annotator id); we score each article
once, against the annotation file that sorts first, so the result does not depend on directory order.

eventwire's ``CodedArticle.quotes`` give text/start/end, a cue span and speaker actor ids, in offsets of the
*cleaned* text; they are mapped back onto the gold text (the clean stage only deletes characters) before scoring.
A partial quote nested in a reported clause (``said the plan was “dead on arrival”``) is part of that clause's
attribution, as PolNeAR annotates it, and is not scored on its own.

Metrics (precision/recall/F1 over one-to-one matches, pairs taken greedily by largest character overlap):

* ``content_overlap_f1`` — a predicted quote matches a gold Content span when they share a character;
* ``content_exact_f1`` — both boundaries equal after trimming, at each end, whitespace, quotation marks and the
  punctuation ``.,;:!?`` (gold Content spans keep the quote marks and the comma before "he said"; eventwire's
  direct quotes do not, and neither is a real disagreement about the content);
* ``cue_f1`` — distinct predicted cue spans against distinct gold Cue spans, matched by any character overlap
  (gold cues can be multi-word, "to emphatically endorse"; eventwire's cue is the verb);
* ``speaker_f1`` — attribution-level: a content-matched (overlap) pair counts when the predicted speaker is the
  gold Source. Speaker matching: some mention of some predicted speaker actor overlaps the gold Source span.
  Pronouns and descriptors ("he", "the newspaper") therefore match when eventwire's coreference has put that
  mention into the predicted actor (PolNeAR has no gold coreference, so a correct actor whose mention at the
  Source span was not resolved counts as a miss). Precision is over predicted quotes that have a speaker,
  recall over gold attributions that have a Source.

``n`` is the number of articles scored; ``notes`` holds the raw counts. Every miss goes to ``errors``.
"""
from __future__ import annotations

import csv
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import ids
from ...errors import ConfigError
from ...model import Actor, Article, CodedArticle, DateValue
from ..core import EvalContext, EvalResult
from ..metrics import prf

_TRIM = set(" \t\n\r\u00a0\"'“”‘’«»„.,;:!?")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: GoldSpan
    cue: GoldSpan | None
    source: GoldSpan | None


@dataclass(frozen=True, slots=True)
class PredQuote:
    start: int
    end: int
    text: str
    cue: tuple[int, int] | None
    speaker_spans: tuple[tuple[int, int], ...]  # every mention of every predicted speaker actor (gold offsets)
    speaker_names: tuple[str, ...]


# -------------------------------------------------------------------------------------------------- reading


def _span(offsets: str, text: str) -> GoldSpan:
    """A BRAT span; a discontinuous one covers its fragments, which may be listed out of order."""
    parts = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
    return GoldSpan(min(p[0] for p in parts), max(p[1] for p in parts), text)


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attribution relations of one BRAT ``.ann`` file."""
    spans: dict[str, tuple[str, GoldSpan]] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = (label, _span(offsets, cols[2] if len(cols) > 2 else ""))
        elif line.startswith("E") and len(cols) >= 2:
            args: dict[str, str] = {}
            for arg in cols[1].split():
                role, _, tid = arg.partition(":")
                args.setdefault(role, tid)
            relations.append(args)
    out: list[GoldAttribution] = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        cue, source = spans.get(rel.get("Cue", "")), spans.get(rel.get("Source", ""))
        out.append(GoldAttribution(content[1], cue[1] if cue else None, source[1] if source else None))
    return out


def _published(data_dir: Path) -> dict[str, str]:
    meta = data_dir / "metadata.tsv"
    if not meta.exists():
        return {}
    with open(meta, encoding="utf-8", newline="") as fh:
        return {r["filename"]: r["publication_date"] for r in csv.DictReader(fh, delimiter="\t")
                if r.get("publication_date", "None") not in ("", "None")}


def documents(data_dir: Path, limit: int | None = None) -> list[tuple[str, Path, Path]]:
    """(article name, text file, chosen annotation file) for the test split, in name order."""
    split = data_dir / "test"
    text_dir, ann_dir = split / "text", split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise ConfigError(str(data_dir), "not a PolNeAR folder (test/text and test/attributions expected)",
                          "point --data at a copy of shared/data/polnear")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(name, ann)
    docs = [(name, text_dir / f"{name}.txt", ann) for name, ann in sorted(anns.items())
            if (text_dir / f"{name}.txt").exists()]
    return docs[:limit] if limit is not None else docs


# -------------------------------------------------------------------------------------------------- alignment


def offset_map(cleaned: str, raw: str) -> list[int]:
    """For each index of ``cleaned`` (and its end), the index of the same character in ``raw``.

    The clean stage only deletes characters (trailers, CRs, leading space) and swaps NBSP for a space, so
    the cleaned text is a subsequence of the raw one; aligned blocks come from difflib, gaps are interpolated.
    """
    if cleaned == raw:
        return list(range(len(raw) + 1))
    shift = raw.find(cleaned)
    if shift >= 0:
        return [i + shift for i in range(len(cleaned) + 1)]
    norm_raw = raw.replace("\u00a0", " ")
    out: list[int | None] = [None] * (len(cleaned) + 1)
    matcher = difflib.SequenceMatcher(None, cleaned, norm_raw, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            out[a + k] = b + k
    out[len(cleaned)] = len(raw)
    last = 0
    for i, v in enumerate(out):  # unaligned characters take the next raw index after the last aligned one
        if v is None:
            out[i] = min(last + 1, len(raw)) if i else 0
        last = out[i] or 0
    return [v or 0 for v in out]


def _map_span(m: Sequence[int], start: int, end: int) -> tuple[int, int]:
    start = max(0, min(start, len(m) - 1))
    end = max(start, min(end, len(m) - 1))
    if end == start:
        return m[start], m[start]
    return m[start], m[end - 1] + 1


def predictions(coded: CodedArticle, raw: str) -> list[PredQuote]:
    """eventwire's quotes in gold (raw text) offsets, each with the mentions of its speakers."""
    m = offset_map(coded.article.text, raw)
    actors: dict[str, Actor] = {a.id: a for a in coded.actors}
    out: list[PredQuote] = []
    for q in coded.quotes:
        if q.kind == "partial" and any(o is not q and o.start <= q.start and q.end <= o.end for o in coded.quotes):
            continue   # quoted words inside a reported clause: one attribution, the clause's
        start, end = _map_span(m, q.start, q.end)
        cue = _map_span(m, q.cue.start, q.cue.end) if q.cue is not None else None
        spans: list[tuple[int, int]] = []
        names: list[str] = []
        for aid in q.speaker:
            actor = actors.get(aid)
            if actor is None:
                continue
            names.append(actor.name)
            spans.extend(_map_span(m, s.start, s.end) for s in actor.mentions)
        out.append(PredQuote(start, end, raw[start:end], cue, tuple(spans), tuple(names)))
    return out


# -------------------------------------------------------------------------------------------------- scoring


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without whitespace, quotation marks and end punctuation at either edge."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_overlap(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs sharing characters, largest overlap first."""
    cands = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if _overlap(g, p) > 0), key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def speaker_matches(source: GoldSpan, pred: PredQuote) -> bool:
    return any(_overlap((source.start, source.end), s) > 0 for s in pred.speaker_spans)


@dataclass(slots=True)
class Counts:
    """True positives on each side and the totals, per metric (gold-side tp = pred-side tp for one-to-one)."""

    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0

    def f1(self) -> float:
        return prf(self.tp, self.n_pred - self.tp, self.n_gold - self.tp)[2]

    def add(self, tp: int, n_gold: int, n_pred: int) -> None:
        self.tp += tp
        self.n_gold += n_gold
        self.n_pred += n_pred


def _unique(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(set(spans))


def score_document(name: str, raw: str, gold: list[GoldAttribution], pred: list[PredQuote],
                   counts: dict[str, Counts], errors: list[dict[str, Any]]) -> None:
    """Add one article's counts to ``counts`` and its misses to ``errors``."""
    gold_content = _unique((g.content.start, g.content.end) for g in gold)
    pred_content = [(p.start, p.end) for p in pred]

    # content, any overlap
    pairs = match_overlap(gold_content, pred_content)
    counts["content_overlap"].add(len(pairs), len(gold_content), len(pred_content))
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold_content):
        if gi not in matched_g:
            errors.append({"doc": name, "kind": "content_missed", "gold": raw[g[0]:g[1]], "gold_span": g,
                           "predicted": None})
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            errors.append({"doc": name, "kind": "spurious_quote", "gold": None, "predicted": p.text,
                           "predicted_span": (p.start, p.end), "speaker": list(p.speaker_names)})

    # content, exact after trimming
    gold_exact = {trimmed(raw, *gs) for gs in gold_content}
    pred_exact = {trimmed(raw, *ps) for ps in pred_content}
    tp = len(gold_exact & pred_exact)
    counts["content_exact"].add(tp, len(gold_exact), len(pred_exact))
    for gi, pi in pairs:
        gs, ps = gold_content[gi], pred_content[pi]
        if trimmed(raw, *gs) != trimmed(raw, *ps):
            errors.append({"doc": name, "kind": "content_boundary", "gold": raw[gs[0]:gs[1]],
                           "predicted": raw[ps[0]:ps[1]]})

    # cue, any overlap between distinct spans
    gold_cues = _unique((g.cue.start, g.cue.end) for g in gold if g.cue is not None)
    pred_cues = _unique(p.cue for p in pred if p.cue is not None)
    cue_pairs = match_overlap(gold_cues, pred_cues)
    counts["cue"].add(len(cue_pairs), len(gold_cues), len(pred_cues))
    got = {gi for gi, _ in cue_pairs}
    for gi, c in enumerate(gold_cues):
        if gi not in got:
            errors.append({"doc": name, "kind": "cue_missed", "gold": raw[c[0]:c[1]], "gold_span": c})

    # speaker: attribution-level, on content pairs (by overlap) between gold relations with a Source and
    # predicted quotes with a speaker
    gold_src = [g for g in gold if g.source is not None]
    pred_spk = [p for p in pred if p.speaker_spans or p.speaker_names]
    spk_pairs = match_overlap([(g.content.start, g.content.end) for g in gold_src],
                              [(p.start, p.end) for p in pred_spk])
    ok = 0
    for gi, pi in spk_pairs:
        attr, quote = gold_src[gi], pred_spk[pi]
        assert attr.source is not None
        if speaker_matches(attr.source, quote):
            ok += 1
        else:
            errors.append({"doc": name, "kind": "speaker_wrong", "gold": attr.source.text,
                           "gold_span": (attr.source.start, attr.source.end), "content": attr.content.text,
                           "predicted": list(quote.speaker_names)})
    counts["speaker"].add(ok, len(gold_src), len(pred_spk))


def _article(name: str, raw: str, published: str | None) -> Article:
    pub = DateValue(published, "day", published, published) if published else None
    return Article(id=ids.article_id(raw), text=raw, published=pub, origin=name)


def evaluate(data_dir: Path, limit: int | None, ctx: EvalContext) -> EvalResult:
    docs = documents(data_dir, limit)
    dates = _published(data_dir)
    counts = {k: Counts() for k in ("speaker", "content_exact", "content_overlap", "cue")}
    errors: list[dict[str, Any]] = []
    pipeline = ctx.pipeline
    for name, text_path, ann_path in docs:
        raw = text_path.read_text(encoding="utf-8")
        coded = pipeline.code(_article(name, raw, dates.get(name)))
        score_document(name, raw, read_ann(ann_path), predictions(coded, raw), counts, errors)
    metrics: dict[str, float | int | None] = {f"{k}_f1": round(c.f1(), 4) for k, c in counts.items()}
    notes = {k: {"tp": c.tp, "gold": c.n_gold, "predicted": c.n_pred} for k, c in counts.items()}
    notes["annotation_files"] = [a.name for _, _, a in docs]  # type: ignore[assignment]
    return EvalResult(dataset=ctx.name, n=len(docs), metrics=metrics, errors=errors, notes=notes)
