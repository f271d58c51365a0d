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
    add_verb_files(p)


def add_store_filters(p: Any, default_db: str) -> None:
    """The store and date-window options of the commands that query the store (events, positions)."""
    p.add_argument("--db", default=default_db, metavar="FILE", help=f"database file (default: {default_db})")
    p.add_argument("--since", metavar="DATE", help="on or after this date")
    p.add_argument("--until", metavar="DATE", help="on or before this date")


def add_actor_files(p: Any) -> None:
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="extra actors: a YAML overlay or a CAMEO/PETRARCH dictionary (repeatable)")


def add_verb_files(p: Any) -> None:
    p.add_argument("--verbs", action="append", default=[], metavar="FILE",
                   help="a CAMEO/PETRARCH verb dictionary whose codes win on the verbs it knows (repeatable)")
    p.add_argument("--verbs-only", action="store_true",
                   help="code events with the --verbs dictionaries alone, as PETRARCH does")


def pipeline_for(args: argparse.Namespace) -> "Pipeline | None":
    """The default pipeline with the user's actor and verb files added; None (the default pipeline) without
    any."""
    verbs_files = getattr(args, "verbs", [])
    if not args.actors and not verbs_files:
        return None
    from ..coder import default_pipeline
    from ..resources.overlay import kb_with, verbs_from

    verbs = verbs_from(verbs_files) if verbs_files else None
    return default_pipeline(kb=kb_with(args.actors) if args.actors else None, verbs=verbs,
                            verbs_only=bool(verbs) and bool(getattr(args, "verbs_only", False)))
