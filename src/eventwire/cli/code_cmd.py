"""``eventwire code PATH...``: code articles and print them (a table for people, or the JSON contract)."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from .options import add_inputs, pipeline_for

EXAMPLES = """examples:
  echo "Protesters marched on parliament in the capital on Monday." | eventwire code -
  eventwire code article.txt --published 2024-05-01
  eventwire code page.html --format json
  eventwire code ./news/ --format jsonl > coded.jsonl

exit status: 0 all coded; 1 some inputs failed (reported on stderr); 2 nothing could be coded"""


def register(subparsers: Any) -> None:
    from ..store.output import CODE_FORMATS

    p = subparsers.add_parser("code", help="code articles: events, actors, places, quotes, positions",
                              description="Code articles and print what was found.", epilog=EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    add_inputs(p)
    p.add_argument("--format", choices=CODE_FORMATS, default="table",
                   help="table (for people, default), json (the output contract) or jsonl (one per line)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ingest.batch import code_inputs
    from ..store.output import write_coded

    pipeline = pipeline_for(args)
    items = code_inputs(args.paths, published=args.published, encoding=args.encoding, pipeline=pipeline)
    summary = write_coded(items, args.format, sys.stdout, sys.stderr)
    if not summary.failed:
        return 0
    return 2 if not summary.coded else 1
