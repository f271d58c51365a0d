"""``eventwire evaluate NAME``: reproducible accuracy on a public gold set (thin wrapper over evaluate())."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXAMPLES = """examples:
  eventwire evaluate seed-article
  eventwire evaluate plover-gsr --limit 200 --json
  eventwire evaluate acled-gaza-2023-2025 --errors misses.jsonl
  eventwire evaluate lgl --data /path/to/a/copy/of/lgl --json
"""


def register(subparsers: Any) -> None:
    from ..evaluate.core import REGISTRY

    p = subparsers.add_parser("evaluate", help="accuracy on a public gold set",
                              description="Score eventwire on a gold set from ../shared/data (or --data DIR).",
                              epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", choices=sorted(REGISTRY), metavar="NAME", help="dataset: " + ", ".join(sorted(REGISTRY)))
    p.add_argument("--data", type=Path, metavar="DIR", help="a folder in the same format (default: ../shared/data/NAME)")
    p.add_argument("--limit", type=int, metavar="N", help="score only the first N items")
    p.add_argument("--json", action="store_true", help="print one JSON object on the last line")
    p.add_argument("--errors", type=Path, metavar="FILE", help="write every miss as JSONL for error analysis")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluate.core import evaluate

    result = evaluate(args.name, data=args.data, limit=args.limit, errors_path=args.errors)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, default=str))
    else:
        for key, value in summary.items():
            print(f"{key:28} {value:.4f}" if isinstance(value, float) else f"{key:28} {value}")
    return 0
