"""Ingest, step two: checks on decoded text (empty, not English) and parsing of user-given publication dates.

The language check is a cheap heuristic, no model: English prose is 30-45% function words ("the", "of",
"and", ...); French, German or Spanish prose has almost none of this list. Short texts are not judged.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import EmptyInput, NotEnglish
from ..model import DateValue

MIN_WORDS = 40
MIN_FUNCTION_SHARE = 0.05
MIN_LATIN_SHARE = 0.5
MIN_LETTERS = 200
# Frequent English function words that are rare as words in the other major European languages
# (so no "a", "in", "an", "so", "was", "will", "die": they are common words elsewhere).
FUNCTION_WORDS = frozenset("""
the of and to that for is with as on by at from it this be are were has have had not but he she his her
their they its which who would said been or than more about into over after also there what when
""".split())
_WORD = re.compile(r"[^\W\d_]+")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def function_word_share(text: str) -> tuple[float, int]:
    """(share of FUNCTION_WORDS among alphabetic tokens, number of tokens)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in FUNCTION_WORDS) / len(words), len(words)


def _latin_share(text: str) -> tuple[float, int]:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0, 0
    return sum(1 for c in letters if c < "\u0250") / len(letters), len(letters)


def check_text(text: str, origin: str) -> None:
    """Raise EmptyInput for blank text and NotEnglish for text that is clearly in another language."""
    if not text.strip():
        raise EmptyInput(origin, "it has no text", "pass a file with the article's text")
    if not any(c.isalpha() for c in text):
        raise EmptyInput(origin, "it has no words, only digits or symbols", "pass a file with the article's text")
    latin, letters = _latin_share(text)
    if letters >= MIN_LETTERS and latin < MIN_LATIN_SHARE:
        raise NotEnglish(origin, f"it is mostly written in a non-Latin script ({1 - latin:.0%} of its letters)",
                         "eventwire codes English news only; translate the article first")
    share, words = function_word_share(text)
    if words >= MIN_WORDS and share < MIN_FUNCTION_SHARE:
        raise NotEnglish(origin, f"it does not look like English (only {share:.1%} of its {words} words are "
                         "common English words)", "eventwire codes English news only; translate the article first")


def parse_date(value: str) -> DateValue | None:
    """An ISO date ("2024-05-01", "2024-05", "2024") or ISO timestamp as a DateValue; None if it is none."""
    value = value.strip()
    if "T" in value or " " in value:
        try:
            stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return DateValue(stamp.date().isoformat(), "day")
    match = _ISO_DATE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            date(int(year), int(month), int(day))
            return DateValue(value, "day")
        if month:
            date(int(year), int(month), 1)
            return DateValue(value, "month")
    except ValueError:
        return None
    return DateValue(value, "year")
