"""Publication date of an article (part of the ``dates`` stage).

Cues in order of trust: a value given by the caller, a metadata date, a dateline at the start of the body,
a "This story is from <date>" line, a "Copyright YEAR" / "© YEAR" trailer. Evidence spans point into the
cleaned text; a cue found only in the raw text has none.
"""
from __future__ import annotations

import re

from ..errors import ConfigError
from ..model import DateValue, Span
from . import timex_values as tv
from .timex_calendar import parse_given
from .timex_words import MONTHS

_MONTH_CAP = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DATE = rf"(?P<mon>{_MONTH_CAP})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
# "GAZA CITY, May 2 (Reuters) –", "WASHINGTON, Jan. 5, 2024 (AP) —", "Kyiv, Ukraine, May 2 -", "May 2, 2024 —"
_DATELINE = re.compile(
    r"[ \t]*(?:[A-Z][A-Za-z.'\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.' ]{1,30}?)?,\s+)?"
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    + _DATE + r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:[-\u2013\u2014]+|:)")
_PUBLISHED_LINE = re.compile(r"[ \t]*(?:Published|Posted|Updated|First published)(?:\s+on)?:?\s+"
                             r"(?:[A-Za-z]+,?\s+)?" + _DATE)
_STORY_FROM = re.compile(r"This (?:story|article) (?:is|was) (?:from|published(?: on)?)\s+" + _DATE)
_COPYRIGHT = re.compile(r"(?:copyright|\(c\)|\u00a9)\s*(?:\u00a9\s*)?(?:(?:19|20)\d\d\s*[-\u2013]\s*)?"
                        r"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_HEAD_CHARS = 600


def publication_date(text: str, raw_text: str | None = None, given: str | None = None,
                     metadata: str | None = None) -> DateValue | None:
    """The article's publication date with its precision, or None when nothing in or about it says."""
    if given:
        found = parse_given(given)
        if found is None:
            raise ConfigError(f"published date {given!r}", "not a date",
                              "give an ISO date such as 2024-05-01, 2024-05 or 2024")
        return found.to_value()
    if metadata:
        found = parse_given(metadata)
        if found is not None:
            return found.to_value()
    copyright_year = _copyright(text, raw_text)
    story = _story_line(text, raw_text)
    fallback_year = story.value[:4] if story and story.value else (copyright_year.value if copyright_year else None)
    dateline = _dateline(text, raw_text, fallback_year)
    return dateline or story or copyright_year


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _day_value(m: re.Match[str], text: str | None, year: str | None) -> DateValue | None:
    y = m["year"] or year
    if y is None:
        return None
    d = tv.safe_date(int(y), MONTHS[m["mon"].rstrip(".").lower()], int(m["day"]))
    if d is None:
        return None
    evidence = (_span(text, m.start("mon"), m.end("year") if m["year"] else m.end("day")),) if text else ()
    return tv.day(d).to_value(evidence)


def _dateline(text: str, raw_text: str | None, year: str | None) -> DateValue | None:
    for source, with_evidence in ((text, True), (raw_text, False)):
        if not source:
            continue
        offset = 0
        for line in source[:_HEAD_CHARS].split("\n")[:6]:
            if line.strip():
                m = _DATELINE.match(source, offset) or _PUBLISHED_LINE.match(source, offset)
                if m:
                    return _day_value(m, source if with_evidence else None, year)
            offset += len(line) + 1
    return None


def _story_line(text: str, raw_text: str | None) -> DateValue | None:
    for source, with_evidence in ((text, True), (raw_text, False)):
        if source:
            m = _STORY_FROM.search(source)
            if m and m["year"]:
                return _day_value(m, source if with_evidence else None, None)
    return None


def _copyright(text: str, raw_text: str | None) -> DateValue | None:
    for source, with_evidence in ((text, True), (raw_text, False)):
        if not source:
            continue
        found = list(_COPYRIGHT.finditer(source))
        if found:
            m = found[-1]
            evidence = (_span(source, m.start(), m.end()),) if with_evidence else ()
            return tv.year(int(m["year"])).to_value(evidence)
    return None
