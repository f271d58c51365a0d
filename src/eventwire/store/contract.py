"""Export: a ``CodedArticle`` as the output contract v1 (``schema: eventwire/1``) and back to a plain dict."""
from __future__ import annotations

from typing import Any

from ..model import CodedArticle, DateValue, Span

SCHEMA = "eventwire/1"


def _span(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _date(d: DateValue | None, bounds: bool = True) -> dict[str, Any] | None:
    if d is None:
        return None
    out: dict[str, Any] = {"value": d.value, "precision": d.precision}
    if bounds:
        out["earliest"] = d.earliest
        out["latest"] = d.latest
    return out


def to_contract(coded: CodedArticle) -> dict[str, Any]:
    """The JSON-ready dict for one article, field names exactly as in PRODUCT.md's contract."""
    a = coded.article
    return {
        "schema": SCHEMA,
        "article": {"id": a.id, "title": a.title, "url": a.url, "source": a.source, "language": a.language,
                    "published": ({**(_date(a.published, bounds=False) or {}),
                                   "evidence": [_span(s) for s in a.published.evidence]}
                                  if a.published else None),
                    "origin": a.origin, "text": a.text},
        "actors": [{"id": x.id, "name": x.name, "kind": x.kind, "country": x.country, "sector": list(x.sector),
                    "role": x.role, "wikidata": x.wikidata, "resolved": x.resolved,
                    "mentions": [_span(m) for m in x.mentions]} for x in coded.actors],
        "places": [{"id": p.id, "name": p.name, "kind": p.kind, "country": p.country, "admin1": p.admin1,
                    "lat": p.lat, "lon": p.lon, "precision": p.precision,
                    "mentions": [_span(m) for m in p.mentions]} for p in coded.places],
        "events": [{"id": e.id, "type": e.type, "mode": e.mode, "context": list(e.context), "cameo": e.cameo,
                    "quad": e.quad,
                    "acled": {"event_type": e.acled.event_type, "sub_event_type": e.acled.sub_event_type},
                    "source": list(e.source), "target": list(e.target), "symmetric": e.symmetric,
                    "status": e.status, "date": _date(e.date), "place": e.place, "confidence": e.confidence,
                    "fatalities": e.fatalities,
                    "evidence": {"trigger": _span(e.evidence.trigger), "sentence": _span(e.evidence.sentence),
                                 "source": [_span(s) for s in e.evidence.source],
                                 "target": [_span(s) for s in e.evidence.target],
                                 "date": [_span(s) for s in e.evidence.date],
                                 "place": [_span(s) for s in e.evidence.place],
                                 "mentions": [_span(s) for s in e.evidence.mentions]}}
                   for e in coded.events],
        "quotes": [{"id": q.id, "text": q.text, "start": q.start, "end": q.end, "kind": q.kind,
                    "speaker": list(q.speaker), "cue": _span(q.cue) if q.cue else None} for q in coded.quotes],
        "positions": [{"id": p.id, "actor": p.actor, "issue": p.issue, "issue_key": p.issue_key,
                       "stance": p.stance, "condition": p.condition, "date": _date(p.date, bounds=False),
                       "evidence": [_span(s) for s in p.evidence]} for p in coded.positions],
    }
