"""Manifests of the versioned data folders: each ``data/<name>/manifest.json`` records, for every data file, its
sha256 and row count beside the folder's version, licence and sources. A test runs ``verify`` on every folder,
so an edit that forgets the manifest fails loudly instead of shipping silently.

Rows are counted the way a reader sees them: for ``.tsv``/``.jsonl`` the non-empty lines that are not ``#``
comments (minus the header for ``.tsv``), for ``.yaml`` the items of the top-level list.

Update after editing data::

    python -m eventwire.resources.manifest update src/eventwire/resources/data/actors
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import yaml

MANIFEST = "manifest.json"
DATA_SUFFIXES = (".tsv", ".yaml", ".yml", ".jsonl")


def data_files(folder: Path) -> list[Path]:
    """The data files of a folder that a manifest must list, in name order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in DATA_SUFFIXES)


def count_rows(path: Path) -> int:
    """Rows of one data file (see the module docstring for what counts)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yaml", ".yml"):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        doc: Any = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        return len(doc) if isinstance(doc, list) else 0
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return max(len(lines) - 1, 0) if path.suffix == ".tsv" else len(lines)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify(folder: Path) -> list[str]:
    """Problems with ``folder``'s manifest: a listed file missing, a sha256 or row count that differs, or a data
    file the manifest does not list. An empty list means the manifest matches the data."""
    folder = Path(folder)
    path = folder / MANIFEST
    if not path.is_file():
        return [f"{path}: no manifest; run python -m eventwire.resources.manifest update {folder}"]
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    for key in ("version", "licence", "sources"):
        if not manifest.get(key):
            problems.append(f"{path}: '{key}' is missing or empty")
    listed: dict[str, dict[str, Any]] = manifest.get("files", {})
    for name, facts in sorted(listed.items()):
        file = folder / name
        if not file.is_file():
            problems.append(f"{name}: listed in the manifest but missing")
            continue
        if _sha256(file) != facts.get("sha256"):
            problems.append(f"{name}: sha256 differs from the manifest")
        rows = count_rows(file)
        if rows != facts.get("rows"):
            problems.append(f"{name}: {rows} rows, the manifest says {facts.get('rows')}")
    for file in data_files(folder):
        if file.name not in listed:
            problems.append(f"{file.name}: data file not listed in the manifest")
    return problems


def update(folder: Path) -> dict[str, Any]:
    """Rewrite the ``files`` entries of ``folder``'s manifest from the data, keeping version, licence and sources."""
    folder = Path(folder)
    path = folder / MANIFEST
    manifest: dict[str, Any] = (json.loads(path.read_text(encoding="utf-8")) if path.is_file()
                                else {"version": "", "licence": "", "sources": []})
    manifest["files"] = {f.name: {"sha256": _sha256(f), "rows": count_rows(f)} for f in data_files(folder)}
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in ("update", "verify"):
        sys.stderr.write("usage: python -m eventwire.resources.manifest update|verify FOLDER\n"
                         "  e.g. python -m eventwire.resources.manifest update src/eventwire/resources/data/actors\n")
        return 2
    folder = Path(args[1])
    if args[0] == "update":
        manifest = update(folder)
        sys.stdout.write(f"{folder / MANIFEST}: {len(manifest['files'])} files\n")
        return 0
    problems = verify(folder)
    for problem in problems:
        sys.stdout.write(problem + "\n")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
