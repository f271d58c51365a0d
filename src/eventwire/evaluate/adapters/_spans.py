"""Helpers the span-level adapters (geo, tempeval, meantime) share: running the pipeline up to a stage, matching
spans, and mapping offsets between the gold text and eventwire's cleaned text (``clean`` may trim or normalise)."""
from __future__ import annotations

import bisect
import difflib
from collections.abc import Sequence

from ...model import Article, DateValue
from ...pipeline import Analysis, Pipeline
from ..core import EvalContext


def pipeline_until(ctx: EvalContext, last_stage: str) -> Pipeline:
    """The context's pipeline cut after ``last_stage``: later stages cannot change what it assigns, so the
    result equals the full run's for that field, at a fraction of the cost."""
    stages = list(ctx.pipeline.stages)
    names = [s.name for s in stages]
    if last_stage not in names:
        return ctx.pipeline
    return Pipeline(stages[: names.index(last_stage) + 1])


def run(pipeline: Pipeline, identifier: str, text: str, published: DateValue | None = None) -> Analysis:
    return pipeline.run(Analysis(article=Article(id=identifier, text=text, published=published)))


class OffsetMap:
    """Character offsets between a gold ``raw`` text and eventwire's ``cleaned`` text of it."""

    def __init__(self, raw: str, cleaned: str) -> None:
        self.identity = raw == cleaned
        self._blocks: list[tuple[int, int, int]] = []   # (raw_start, clean_start, size) of equal runs
        if not self.identity:
            matcher = difflib.SequenceMatcher(None, raw, cleaned, autojunk=False)
            self._blocks = [(b.a, b.b, b.size) for b in matcher.get_matching_blocks() if b.size]
        self._raw_starts = [b[0] for b in self._blocks]
        self._clean_starts = [b[1] for b in self._blocks]

    def _map(self, pos: int, to_clean: bool) -> int | None:
        if self.identity:
            return pos
        starts = self._raw_starts if to_clean else self._clean_starts
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return None
        a, b, size = self._blocks[i]
        src, dst = (a, b) if to_clean else (b, a)
        if pos - src <= size:
            return dst + (pos - src)
        return None

    def to_clean(self, start: int, end: int) -> tuple[int, int] | None:
        s, e = self._map(start, True), self._map(end, True)
        return None if s is None or e is None or e <= s else (s, e)

    def to_raw(self, start: int, end: int) -> tuple[int, int] | None:
        s, e = self._map(start, False), self._map(end, False)
        return None if s is None or e is None or e <= s else (s, e)


def match_spans(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]],
                exact: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: equal spans, or (``exact=False``) overlapping ones,
    the largest overlap first."""
    pairs: list[tuple[int, int, int]] = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            if exact:
                if (gs, ge) == (ps, pe):
                    pairs.append((ge - gs, gi, pi))
            elif gs < pe and ps < ge:
                pairs.append((min(ge, pe) - max(gs, ps), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def context(text: str, start: int, end: int, width: int = 80) -> str:
    """The text around a span, with the span marked by [[ ]] (for error records)."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).replace("\n", " ")
