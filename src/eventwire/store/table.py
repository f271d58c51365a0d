"""Plain-text tables for people: one coded article (``render_table``) and generic rows (``grid``).

Ids never appear in these tables: actors and places are shown by name.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..model import CodedArticle, DateValue

MAX_CELL = 60


def _cell(value: object, width: int = MAX_CELL) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def grid(headers: Sequence[str], rows: Sequence[Sequence[object]], width: int = MAX_CELL) -> str:
    """Rows as aligned columns under a header line; ``(none)`` when there are no rows."""
    if not rows:
        return "  (none)"
    cells = [[_cell(v, width) for v in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    lines = ["  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  " + "  ".join("-" * w for w in widths)]
    lines += ["  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def _date(d: DateValue | None) -> str:
    if d is None or not d.value:
        return "(no date)"
    return d.value if d.precision in ("day", "unknown") else f"{d.value} ({d.precision})"


def render_table(coded: CodedArticle) -> str:
    """A readable summary of one article: header, then Events, Actors, Places, Quotes, Positions."""
    a = coded.article
    actor = {x.id: x.name for x in coded.actors}
    place = {p.id: p.name for p in coded.places}

    def names(ids: Sequence[str]) -> str:
        return ", ".join(actor.get(i, i) for i in ids) or "-"

    published = _date(a.published) if a.published else "unknown"
    head = [f"{a.title or '(untitled)'}", f"published: {published}   source: {a.source or '-'}   "
            f"origin: {a.origin}"]
    events = [(e.type, e.status, f"{names(e.source)} → {names(e.target)}" + (" (mutual)" if e.symmetric else ""),
               _date(e.date), place.get(e.place, e.place) if e.place else "-", e.evidence.trigger.text)
              for e in coded.events]
    actors = [(x.name, x.country or "-", ", ".join(x.sector) or "-", x.role or "-", len(x.mentions))
              for x in coded.actors]
    places = [(p.name, p.kind, p.country or "-", len(p.mentions)) for p in coded.places]
    quotes = [(names(q.speaker), f"“{q.text}”") for q in coded.quotes]
    positions = [(actor.get(p.actor, p.actor), p.stance, p.issue, p.condition or "-", _date(p.date))
                 for p in coded.positions]
    sections = [
        "\n".join(head),
        f"Events ({len(events)})\n" + grid(("type", "status", "source → target", "date", "place", "trigger"),
                                           events),
        f"Actors ({len(actors)})\n" + grid(("name", "country", "sector", "role", "mentions"), actors),
        f"Places ({len(places)})\n" + grid(("name", "kind", "country", "mentions"), places),
        f"Quotes ({len(quotes)})\n" + grid(("speaker", "text"), quotes, width=100),
        f"Positions ({len(positions)})\n" + grid(("actor", "stance", "issue", "condition", "date"), positions),
    ]
    return "\n\n".join(sections) + "\n"
