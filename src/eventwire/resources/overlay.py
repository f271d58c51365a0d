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
from .cameo_verbs import VerbDictionary


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
    """The bundled knowledge base plus every overlay, in order (later files win on the same id); a CAMEO
    agent dictionary (a file named ``*agents*``) adds its agents instead."""
    kb = load_kb()
    for p in paths:
        path = Path(p)
        if "agents" in path.name.lower() and not path.name.lower().endswith((".yaml", ".yml")):
            from .cameo_dictionaries import import_agent_files

            _exists(path, "agent")
            kb = kb.add_agents(import_agent_files([path]))
        else:
            kb = kb.add(read_overlay(path, on))
    return kb


def _exists(path: Path, what: str) -> None:
    if not path.is_file():
        raise ConfigError(str(path), f"{what} file not found", f"pass an existing CAMEO {what} dictionary file")


def verbs_from(paths: Sequence[str | Path]) -> VerbDictionary:
    """One verb dictionary from a user's CAMEO/PETRARCH verb files (``--verbs``)."""
    from .cameo_verbs import import_verb_files

    for p in paths:
        _exists(Path(p), "verb")
    vd = import_verb_files(Path(p) for p in paths)
    if not len(vd):
        raise ConfigError(", ".join(str(p) for p in paths), "no verbs found",
                          "pass a CAMEO verb dictionary: VERB [code] lines and '- * WORDS [code]' patterns")
    return vd
