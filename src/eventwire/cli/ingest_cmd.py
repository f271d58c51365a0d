"""``eventwire ingest PATH... --db FILE``: code a folder of articles into the SQLite store."""
from __future__ import annotations

import argparse
from typing import Any

from .options import add_inputs, pipeline_for

DEFAULT_DB = "eventwire.db"
EXAMPLES = """examples:
  eventwire ingest ./news/ --db news.db
  eventwire ingest feed.jsonl --db news.db --no-progress
  echo "Protesters marched on parliament on Monday." | eventwire ingest - --db news.db

Articles already stored (same id) are skipped, so re-running over a folder adds only new ones.
exit status: 0 all stored; 1 some inputs failed (listed with reasons, and kept in the failures table)"""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("ingest", help="code articles into a SQLite database",
                              description="Code articles and store them with their events.", epilog=EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    add_inputs(p)
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"database file (default: {DEFAULT_DB})")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ingest.batch import format_report, ingest

    pipeline = pipeline_for(args)
    report = ingest(args.paths, args.db, published=args.published, progress=not args.no_progress,
                    encoding=args.encoding, pipeline=pipeline)
    print(format_report(report, args.db))
    return 1 if report.failures else 0
