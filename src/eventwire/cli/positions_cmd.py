"""``eventwire positions --db FILE``: the actor × issue matrix of stored positions."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from .options import add_store_filters

EXAMPLES = """examples:
  eventwire positions --db news.db --issue ceasefire
  eventwire positions --db news.db --since 2024-01 --format csv > positions.csv
  eventwire positions --db news.db --history Hamas ceasefire

Each cell is an actor's latest stance on an issue, the number of positions seen, the date of the latest and,
when the stance changed over time, the earlier stances ("was reject"); a second table points to the evidence.
--issue keeps issues whose wording contains all the given words (case-insensitive).
--history ACTOR ISSUE lists one cell's positions oldest first (ACTOR: id or part of the name; ISSUE: words)."""


def register(subparsers: Any) -> None:
    from ..store.matrix import POSITION_FORMATS
    from .ingest_cmd import DEFAULT_DB

    p = subparsers.add_parser("positions", help="actor x issue matrix of stored positions",
                              description="Show where actors stand on issues, from the store.",
                              epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_store_filters(p, DEFAULT_DB)
    p.add_argument("--issue", metavar="WORDS", help="only issues mentioning these words")
    p.add_argument("--history", nargs=2, metavar=("ACTOR", "ISSUE"),
                   help="one actor's positions on one issue over time, oldest first")
    p.add_argument("--format", choices=POSITION_FORMATS, default="table", help="table (default), csv or json")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store.matrix import position_history, position_matrix, write_history, write_matrix
    from ..store.sqlite import Store

    with Store.open(args.db, create=False) as store:
        rows = store.positions(issue=args.issue, since=args.since, until=args.until)
    if args.history:
        write_history(position_history(rows, *args.history), args.format, sys.stdout)
    else:
        write_matrix(position_matrix(rows), args.format, sys.stdout)
    return 0
