"""Options several commands share (thin: argument definitions and building the pipeline they ask for)."""
from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..pipeline import Pipeline


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
