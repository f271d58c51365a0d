"""The actor × issue position matrix: for each (actor, issue) the latest stance, how many positions, and when.

Rows are ``Store.positions`` dicts. Issues are grouped by their normalised ``issue_key`` (falling back to the
wording); "latest" is by the position's date, else its article's publication date.
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
        last = sorted(members, key=lambda r: earliest(r.get("effective_date")) or "")[-1]
        cells.append(Cell(actor, names[actor], issue, last["stance"], len(members), last.get("effective_date")))
    actor_total: dict[str, int] = {}
    issue_total: dict[str, int] = {}
    for c in cells:
        actor_total[c.actor] = actor_total.get(c.actor, 0) + c.count
        issue_total[c.issue] = issue_total.get(c.issue, 0) + c.count
    actors = tuple(sorted(((a, names[a]) for a in actor_total), key=lambda x: (-actor_total[x[0]], x[1])))
    issues = tuple(sorted(issue_total, key=lambda i: (-issue_total[i], i)))
    return Matrix(actors=actors, issues=issues, cells=tuple(cells))


def write_matrix(matrix: Matrix, fmt: str, out: TextIO) -> None:
    """The matrix as a table (actors down, issues across), CSV (one row per cell) or JSON."""
    if fmt == "json":
        payload = {"actors": [{"id": a, "name": n} for a, n in matrix.actors], "issues": list(matrix.issues),
                   "cells": [asdict(c) for c in matrix.cells]}
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
                row.append(f"{c.stance} ({c.count}, {c.latest or 'no date'})" if c else "")
            rows.append(row)
        out.write(f"{len(matrix.actors)} actor(s) × {len(matrix.issues)} issue(s); "
                  "cell = latest stance (positions, date of latest)\n"
                  + grid(("actor", *matrix.issues), rows, width=36) + "\n")
