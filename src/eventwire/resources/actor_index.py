"""Text keys and file parsing for the actor knowledge base (``resources/actors.py``).

Kept apart from the loader so that the rules for when two spellings are "the same name" live in one place:
``name_key`` folds case, quotes, dots, possessives and a leading "the"; ``is_acronym`` marks the short all-caps
aliases ("US", "DRC", "IDF") that never match text written all in lower case, so that "us" or "car" never
resolve to a country while "Nato" still finds NATO.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_QID = re.compile(r"^(?:wd:)?(Q[1-9][0-9]*)$")
ACRONYM_MAX = 5


def _core(text: str) -> str:
    """The text with quotes straightened, whitespace folded, possessive, dots and a leading "the" dropped;
    case kept (``is_acronym`` needs it)."""
    text = _SPACES.sub(" ", text.translate(_QUOTES)).strip()
    text = _POSSESSIVE.sub("", text).replace(".", "")
    return _THE.sub("", _SPACES.sub(" ", text).strip())


def name_key(text: str) -> str:
    """The lookup key of a name or alias: "The U.S.'s" -> "us", "Israel’s" -> "israel"."""
    return _core(text).casefold()


def is_acronym(text: str) -> bool:
    """Whether a (dot-free) name is a short all-caps abbreviation: "US", "U.S.", "DRC", "UAE"."""
    core = _core(text).replace(" ", "")
    return 0 < len(core) <= ACRONYM_MAX and core.isalpha() and core.isupper()


def has_capitals(text: str) -> bool:
    """Whether text may stand for an abbreviation: "US", "Nato" may; "us", "car", "who" may not."""
    return any(c.isupper() for c in text)


def phrase_key(text: str) -> str:
    """Key of a role phrase or descriptor: case-folded, whitespace folded, leading article dropped."""
    return _ARTICLE.sub("", _SPACES.sub(" ", text.translate(_QUOTES)).strip()).casefold()


def word_key(text: str) -> str:
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip().casefold()


def qid_of(actor_id: str) -> str | None:
    """The Wikidata id an actor id carries ("Q76" or "wd:Q76"), else None."""
    found = _QID.match(actor_id)
    return found.group(1) if found else None


def split_multi(field: str | None) -> tuple[str, ...]:
    """A ``|``-separated TSV field as a tuple of its non-empty parts."""
    return tuple(part.strip() for part in (field or "").split("|") if part.strip())


def as_strings(value: Any) -> tuple[str, ...]:
    """A YAML scalar-or-list field as a tuple of non-empty strings."""
    if value is None:
        return ()
    items = value if isinstance(value, (list, tuple)) else [value]
    return tuple(str(item).strip() for item in items if item is not None and str(item).strip())


def as_date(value: Any) -> date | None:
    """A YAML date (PyYAML already parses ``2021-06-13``) or ISO string; None for null or empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


def tsv_rows(text: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV file with a header, skipping blank lines and ``#`` comments."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {k: (v or "").strip() for k, v in row.items() if k is not None}


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order without repeats."""
    return tuple(dict.fromkeys(items))
