"""User actor overlays: a YAML file in the knowledge base's own schema, or CAMEO/PETRARCH/Phoenix actor
dictionaries (``.txt``, ``.txt.gz``), added on top of the bundled knowledge base.

``kb_with(paths)`` is what ``eventwire code/ingest/actors --actors FILE`` use; an added actor replaces a
bundled one with the same id.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ..errors import ConfigError
from .actors import ActorKB, KBActor, load_kb, parse_actor


def read_overlay(path: Path, on: date | None = None) -> list[KBActor]:
    """The actors in one overlay file; ``on`` picks the code valid on that date in dated CAMEO entries."""
    if not path.exists():
        raise ConfigError(str(path), "actor file not found", "pass an existing .yaml or CAMEO .txt file")
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        import yaml

        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise ConfigError(str(path), f"not valid YAML ({exc.__class__.__name__})",
                              "write a YAML list of actors, e.g. - {id: ew:x, name: X, kind: group}") from exc
        if not isinstance(raw, list):
            raise ConfigError(str(path), "the YAML is not a list of actors", "write one '- {...}' item per actor")
        try:
            return [parse_actor(item) for item in raw]
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(str(path), f"an actor entry is malformed ({exc})",
                              "each actor needs at least id and name") from exc
    if name.endswith((".txt", ".txt.gz", ".gz")):
        from .cameo_dictionaries import import_actor_files

        return import_actor_files([path], on)
    raise ConfigError(str(path), "unknown actor file type", "use .yaml/.yml or a CAMEO dictionary .txt(.gz)")


def kb_with(paths: Sequence[str | Path], on: date | None = None) -> ActorKB:
    """The bundled knowledge base plus every overlay, in order (later files win on the same id)."""
    kb = load_kb()
    for p in paths:
        kb = kb.add(read_overlay(Path(p), on))
    return kb
