"""The only module that makes ids: sha256 over a canonical, order-sensitive encoding of the parts."""
from __future__ import annotations

import hashlib
import json
from typing import Any


def digest(*parts: Any, length: int = 16) -> str:
    """Hex digest of ``parts`` encoded as canonical JSON (order matters: (a, b) != (b, a))."""
    blob = json.dumps(list(parts), ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


def article_id(text: str, url: str | None = None) -> str:
    return "art:" + digest("article", url or "", text)


def actor_id(kb_id: str | None, name: str, country: str | None, sectors: tuple[str, ...]) -> str:
    """A resolved actor keeps its knowledge-base id; an unresolved one gets a stable eventwire id."""
    if kb_id:
        return kb_id
    return "ew:" + digest("actor", name.lower(), country or "", list(sectors), length=12)


def event_id(article: str, type_: str, trigger_start: int, trigger_end: int) -> str:
    return "ev:" + digest("event", article, type_, trigger_start, trigger_end)


def quote_id(article: str, start: int, end: int) -> str:
    return "q:" + digest("quote", article, start, end)


def position_id(article: str, actor: str, issue_key: str, stance: str, start: int) -> str:
    return "pos:" + digest("position", article, actor, issue_key, stance, start)


def place_id(geonames_id: int | str | None, name: str, country: str | None) -> str:
    if geonames_id is not None and str(geonames_id).isdigit():
        return f"geonames:{geonames_id}"
    if geonames_id:
        return str(geonames_id)
    return "ewplace:" + digest("place", name.lower(), country or "", length=12)
