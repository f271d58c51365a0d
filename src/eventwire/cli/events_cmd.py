"""``eventwire events --db FILE``: query stored events by type, actor and date."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from .options import add_store_filters

EXAMPLES = """examples:
  eventwire events --db news.db --actor Hamas --since 2024-04-01
  eventwire events --db news.db --type ASSAULT --until 2024-05 --format csv > assaults.csv

--actor matches actor names and the words used for them (case-insensitive, part of a word is enough).
--since/--until take YYYY-MM-DD, YYYY-MM or YYYY; an event with no date of its own is placed by its
article's publication date."""


def register(subparsers: Any) -> None:
    from ..store.output import EVENT_FORMATS
    from .ingest_cmd import DEFAULT_DB

    p = subparsers.add_parser("events", help="list stored events", description="List events from the store.",
                              epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_store_filters(p, DEFAULT_DB)
    p.add_argument("--type", metavar="T", help="PLOVER event type, e.g. CONSULT, ASSAULT, PROTEST")
    p.add_argument("--actor", metavar="NAME", help="source or target actor (name or mention text)")
    p.add_argument("--format", choices=EVENT_FORMATS, default="table", help="table (default), jsonl or csv")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store.output import write_events
    from ..store.sqlite import Store

    with Store.open(args.db, create=False) as store:
        rows = store.events(type=args.type, actor=args.actor, since=args.since, until=args.until)
    write_events(rows, args.format, sys.stdout)
    return 0
