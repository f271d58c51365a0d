"""The actor × issue position matrix: for each (actor, issue) the latest stance, how many positions, when, the
evidence of the latest, and how the stance moved over time; and one cell's full history.

Rows are ``Store.positions`` dicts (oldest first). Issues are grouped by their normalised ``issue_key``
(falling back to the wording); "latest" is by the position's date, else its article's publication date.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, TextIO

from .dates import earliest
from .output import write_rows_csv
from .table import grid

POSITION_FORMATS = ("table", "csv", "json")


@dataclass(frozen=True, slots=True)
class Cell:
    actor: str
    actor_name: str
    issue: str
    stance: str
    count: int
    latest: str | None   # the date of the latest position (its own date, else its article's publication date)
    evidence: str = ""   # pointer to the latest position's evidence: "article title [start-end] “text”"
    trail: tuple[str, ...] = ()   # the stance each time it changed, oldest first ("reject", "support")

    @property
    def changed(self) -> bool:
        return len(self.trail) > 1


@dataclass(frozen=True, slots=True)
class Step:
    """One stored position of an (actor, issue) cell, for ``--history``."""

    date: str | None
    stance: str
    issue: str
    condition: str | None
    article: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Matrix:
    actors: tuple[tuple[str, str], ...]   # (actor id, name), by number of positions
    issues: tuple[str, ...]               # by number of positions
    cells: tuple[Cell, ...]

    def cell(self, actor: str, issue: str) -> Cell | None:
        for c in self.cells:
            if c.actor == actor and c.issue == issue:
                return c
        return None


def position_matrix(rows: Sequence[dict[str, Any]]) -> Matrix:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    names: dict[str, str] = {}
    for row in rows:
        issue = row.get("issue_key") or row["issue"]
        groups.setdefault((row["actor"], issue), []).append(row)
        names.setdefault(row["actor"], row.get("actor_name") or row["actor"])
    cells = []
    for (actor, issue), members in groups.items():
        # stable sort: among equal dates the later-stored position wins
        ordered = sorted(members, key=lambda r: earliest(r.get("effective_date")) or "")
        last = ordered[-1]
        trail: list[str] = []
        for r in ordered:
            if not trail or trail[-1] != r["stance"]:
                trail.append(r["stance"])
        cells.append(Cell(actor, names[actor], issue, last["stance"], len(members), last.get("effective_date"),
                          evidence_pointer(last), tuple(trail)))
    actor_total: dict[str, int] = {}
    issue_total: dict[str, int] = {}
    for c in cells:
        actor_total[c.actor] = actor_total.get(c.actor, 0) + c.count
        issue_total[c.issue] = issue_total.get(c.issue, 0) + c.count
    actors = tuple(sorted(((a, names[a]) for a in actor_total), key=lambda x: (-actor_total[x[0]], x[1])))
    issues = tuple(sorted(issue_total, key=lambda i: (-issue_total[i], i)))
    return Matrix(actors=actors, issues=issues, cells=tuple(cells))


def evidence_pointer(row: dict[str, Any]) -> str:
    """Where a stored position's evidence sits: its article (title, else id) and first evidence span."""
    where = row.get("article_title") or row.get("article_id") or "?"
    spans = row.get("evidence") or []
    if not spans:
        return str(where)
    first = spans[0]
    return f"{where} [{first.get('start')}-{first.get('end')}] “{first.get('text', '')}”"


def _matches_actor(row: dict[str, Any], actor: str) -> bool:
    want = actor.casefold()
    return row["actor"] == actor or want in (row.get("actor_name") or "").casefold()


def _matches_issue(row: dict[str, Any], words: str) -> bool:
    hay = f"{row.get('issue') or ''} {row.get('issue_key') or ''}".casefold()
    return all(w in hay for w in words.casefold().split())


def position_history(rows: Sequence[dict[str, Any]], actor: str, issue: str) -> list[Step]:
    """Every stored position of one actor (id, or part of its name) on one issue (its key, else words of its
    wording or key), oldest first: how the stance moved over time."""
    chosen = [r for r in rows if _matches_actor(r, actor) and _matches_issue(r, issue)]
    exact = [r for r in chosen if (r.get("issue_key") or r["issue"]).casefold() == issue.casefold()]
    chosen = exact or chosen   # "ceasefire" is that key, not also "permanent-ceasefire"
    chosen.sort(key=lambda r: earliest(r.get("effective_date")) or "")
    return [Step(r.get("effective_date"), r["stance"], r.get("issue_key") or r["issue"], r.get("condition"),
                 str(r.get("article_title") or r.get("article_id") or ""), evidence_pointer(r)) for r in chosen]


def write_history(steps: Sequence[Step], fmt: str, out: TextIO) -> None:
    """One cell's history as a table (with "changed" marks), CSV or JSON."""
    if fmt == "json":
        out.write(json.dumps([asdict(s) for s in steps], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        write_rows_csv([asdict(s) for s in steps], ("date", "stance", "issue", "condition", "article", "evidence"),
                       out)
    else:
        rows: list[list[object]] = []
        prev: str | None = None
        for s in steps:
            mark = f"changed (was {prev})" if prev is not None and s.stance != prev else ""
            rows.append([s.date or "no date", s.stance, mark, s.issue, s.condition or "", s.evidence])
            prev = s.stance
        out.write(f"{len(steps)} position(s), oldest first\n"
                  + grid(("date", "stance", "change", "issue", "condition", "evidence"), rows, width=70) + "\n")


def write_matrix(matrix: Matrix, fmt: str, out: TextIO) -> None:
    """The matrix as a table (actors down, issues across), CSV (one row per cell) or JSON."""
    base = ("actor", "actor_name", "issue", "stance", "count", "latest")
    if fmt == "json":
        # "cells" keep their v1 fields; where each stance came from and how it moved sit beside them
        payload = {"actors": [{"id": a, "name": n} for a, n in matrix.actors], "issues": list(matrix.issues),
                   "cells": [{k: getattr(c, k) for k in base} for c in matrix.cells],
                   "detail": [{"actor": c.actor, "issue": c.issue, "evidence": c.evidence, "trail": list(c.trail),
                               "changed": c.changed} for c in matrix.cells]}
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        write_rows_csv([asdict(c) for c in matrix.cells],
                       ("actor_name", "issue", "stance", "count", "latest", "actor"), out)
    else:
        rows = []
        for actor, name in matrix.actors:
            row: list[object] = [name]
            for issue in matrix.issues:
                c = matrix.cell(actor, issue)
                if c is None:
                    row.append("")
                    continue
                was = f"; was {' > '.join(c.trail[:-1])}" if c.changed else ""
                row.append(f"{c.stance} ({c.count}, {c.latest or 'no date'}{was})")
            rows.append(row)
        evidence = [[c.actor_name, c.issue, c.evidence] for c in matrix.cells]
        out.write(f"{len(matrix.actors)} actor(s) × {len(matrix.issues)} issue(s); "
                  "cell = latest stance (positions, date of latest; was = earlier stances when it changed)\n"
                  + grid(("actor", *matrix.issues), rows, width=48) + "\n\n"
                  "Evidence of each latest stance\n" + grid(("actor", "issue", "evidence"), evidence, width=90)
                  + "\n")
