"""``eventwire actors search NAME [--on DATE]``: what a name resolves to, and why (thin wrapper)."""
from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from .options import add_actor_files

from ..errors import ConfigError

EXAMPLES = """examples:
  eventwire actors search Blinken
  eventwire actors search "Israeli prime minister" --on 2022-09-01
  eventwire actors search "the militant group"
  eventwire actors search "Rapid Support Forces" --actors my_actors.yaml
"""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("actors", help="look up the actor knowledge base",
                              description="Query the actor knowledge base.", epilog=EXAMPLES,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="actors_command", required=True)
    s = sub.add_parser("search", help="what a name resolves to on a date, and why", epilog=EXAMPLES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("name", metavar="NAME")
    s.add_argument("--on", metavar="DATE", help="the date roles are read on (YYYY-MM-DD; default: today)")
    add_actor_files(s)
    s.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..resources.actor_search import search
    from ..resources.overlay import kb_with

    try:
        on = date.fromisoformat(args.on) if args.on else None
    except ValueError as exc:
        raise ConfigError(args.on, "not a date", "write it as YYYY-MM-DD") from exc
    matches = search(kb_with(args.actors), args.name, on)
    if not matches:
        print(f"{args.name!r}: no match; in an article it would be kept as an unresolved actor with the country "
              "and sector its phrase gives")
        return 1
    for m in matches:
        a = m.actor
        if a is None:
            print(f"- (generic) country={m.country or '-'} sector={','.join(m.sector) or '-'}  <- {m.how}")
            continue
        role = f" role={m.role.title} ({m.role.start}..{m.role.end or 'now'})" if m.role else ""
        print(f"- {a.name} [{a.id}] kind={a.kind} country={a.country or '-'} sector={','.join(a.sector) or '-'}"
              f"{role}{' wikidata=' + a.wikidata if a.wikidata else ''}  <- {m.how}")
    return 0
