"""Stage ``clean``: strip boilerplate so that every offset refers to the article body a reader sees.

Requires ``article``; assigns ``article`` (``text`` cleaned, the original kept in ``raw_text``).
Removed: copyright/rights trailers, share/subscribe/follow lines, "Read more"/"Related" lines, and dateline
remnants left when an outlet's name was stripped ("( –", "(AP) —" with nothing before it). Kept: the
dateline city when present ("GAZA CITY, May 2 (Reuters) – …" keeps its text; the date is read from it later).
"""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import Analysis

_TRAILER_LINE = re.compile(
    r"""^\s*(?:
        (?:copyright|\(c\)|©)\s*(?:\d{4}|©)[^.!?]{0,80}  # Copyright 2024, The Outlet (short, no sentence)
      | all\s+rights\s+reserved.*
      | (?:share|tweet|email|print)\s+(?:this|on)\b.*    # Share this article / Share on Facebook
      | (?:subscribe|sign\s+up)\s+(?:to|for|now)\b.*
      | follow\s+(?:us|@\w+)\b.*
      | (?:read\s+more|related(?:\s+(?:stories|articles|coverage))?)\s*:.{0,80}
      | (?:read\s+more|related\s+(?:stories|articles|coverage)|advertisement)\s*
      | click\s+here\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# "( – Israel took…": an outlet name stripped from "(Reuters) –" leaves "(" + dash.
_DATELINE_REMNANT = re.compile(r"^\s*\(\s*\)?\s*[–—-]+\s*")
_EMPTY_WIRE = re.compile(r"^\s*\((?:AP|AFP|Reuters|UPI|dpa|Xinhua)\)\s*[–—-]+\s*", re.IGNORECASE)


def clean_text(text: str) -> str:
    """The body without boilerplate; paragraphs kept (blank-line separated), trailing space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.split("\n")
    # Trailers: drop boilerplate lines at the end (and anywhere for share/subscribe lines).
    kept: list[str] = []
    for line in lines:
        if _TRAILER_LINE.match(line):
            continue
        kept.append(line.rstrip())
    # Dateline remnants at the start of the first non-empty paragraph.
    for i, line in enumerate(kept):
        if line.strip():
            kept[i] = _EMPTY_WIRE.sub("", _DATELINE_REMNANT.sub("", line))
            break
    body = "\n".join(kept).strip()
    return re.sub(r"\n{3,}", "\n\n", body)


def clean(analysis: "Analysis") -> None:
    a = analysis.article
    cleaned = clean_text(a.text)
    analysis.article = dataclasses.replace(a, text=cleaned, raw_text=a.raw_text or a.text)
