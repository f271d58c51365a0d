"""Writing results for the CLI: coded articles (table, contract JSON, JSONL) and stored events (table, JSONL, CSV).

Library code: it writes to the streams it is given and returns counts; the CLI picks the exit code.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ..model import CodedArticle
from .contract import to_contract
from .table import grid, render_table

CODE_FORMATS = ("table", "json", "jsonl")
EVENT_FORMATS = ("table", "jsonl", "csv")
EVENT_CSV_FIELDS = ("date", "date_precision", "type", "mode", "status", "source_names", "target_names",
                    "symmetric", "place_name", "trigger", "cameo", "quad", "acled_event_type",
                    "acled_sub_event_type", "fatalities", "confidence", "article_title", "article_published",
                    "id", "article_id", "source", "target", "place", "sentence")


@dataclass(frozen=True, slots=True)
class CodeSummary:
    coded: int
    failed: int


def _dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))


def write_coded(items: Iterable[object], fmt: str, out: TextIO, err: TextIO) -> CodeSummary:
    """Write each CodedArticle in ``fmt``; anything else in ``items`` is a failure, reported on ``err``.

    ``json`` writes one object for a single article and an array for several; ``jsonl`` and ``table``
    stream as the articles come.
    """
    held: list[CodedArticle] = []
    coded = failed = 0
    for item in items:
        if not isinstance(item, CodedArticle):
            failed += 1
            err.write(f"eventwire: {getattr(item, 'message', item)}\n")
            err.flush()
            continue
        coded += 1
        if fmt == "jsonl":
            out.write(_dumps(to_contract(item)) + "\n")
        elif fmt == "table":
            out.write(("\n" if coded > 1 else "") + render_table(item))
        else:
            held.append(item)
        out.flush()
    if fmt == "json" and held:
        payload: Any = to_contract(held[0]) if len(held) == 1 else [to_contract(c) for c in held]
        out.write(_dumps(payload, indent=2) + "\n")
    return CodeSummary(coded=coded, failed=failed)


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return _dumps(value)
    return value


def write_rows_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(row.get(k)) for k in fields})


def write_events(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO) -> None:
    """Stored events (``Store.events`` rows) as a table, JSONL or CSV."""
    if fmt == "jsonl":
        for row in rows:
            out.write(_dumps(row) + "\n")
    elif fmt == "csv":
        write_rows_csv(rows, EVENT_CSV_FIELDS, out)
    else:
        table = [(r["date"] or f"({r['article_published'] or 'no date'})", r["type"], r["status"],
                  " → ".join((", ".join(r["source_names"]) or "-", ", ".join(r["target_names"]) or "-")),
                  r["place_name"] or "-", r["trigger"], r["article_title"]) for r in rows]
        out.write(f"{len(rows)} event(s)\n"
                  + grid(("date", "type", "status", "source → target", "place", "trigger", "article"), table,
                         width=40) + "\n")
