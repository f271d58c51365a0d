"""The ``eventwire`` console script: a thin argparse front; each subcommand lives in its own module."""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..errors import EventwireError

# subcommand name -> module under eventwire.cli that defines register(subparsers) and run(args) -> int
COMMANDS = ("code", "ingest", "events", "positions", "evaluate", "actors")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventwire",
        description="Evidence-linked political event data from news articles.",
        epilog="example: eventwire code examples/harbour-protest.txt",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"eventwire.cli.{name}_cmd")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except EventwireError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
