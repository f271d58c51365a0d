"""Options several commands share (thin: argument definitions and building the pipeline they ask for)."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Pipeline


def add_inputs(p: Any) -> None:
    """The input options of the commands that read articles (code, ingest), actor files included."""
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a .txt, .html/.htm or .jsonl file, a folder of them, or - for stdin")
    p.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD); overrides any found")
    p.add_argument("--encoding", metavar="ENC", help="force the inputs' text encoding, e.g. latin-1")
    add_actor_files(p)


def add_store_filters(p: Any, default_db: str) -> None:
    """The store and date-window options of the commands that query the store (events, positions)."""
    p.add_argument("--db", default=default_db, metavar="FILE", help=f"database file (default: {default_db})")
    p.add_argument("--since", metavar="DATE", help="on or after this date")
    p.add_argument("--until", metavar="DATE", help="on or before this date")


def add_actor_files(p: Any) -> None:
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="extra actors: a YAML overlay or a CAMEO/PETRARCH dictionary (repeatable)")


def pipeline_for(args: argparse.Namespace) -> "Pipeline | None":
    """The default pipeline with the user's actor files added; None (the default pipeline) without any."""
    if not args.actors:
        return None
    from ..coder import default_pipeline
    from ..resources.overlay import kb_with

    return default_pipeline(kb=kb_with(args.actors))
