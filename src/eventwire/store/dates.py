"""Calendar bounds of eventwire date values, for ``--since``/``--until`` filters over mixed precisions.

"2024" spans 2024-01-01..2024-12-31, "2024-05" a month, "2024-W18" an ISO week, "2023-FA" a season
(northern-hemisphere meteorological), "2024-Q2" a quarter. Anything else has no bounds.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_span(year: int, first: int, last: int) -> tuple[str, str]:
    if last > 12:  # winter runs into the next year
        year_end, last = year + 1, last - 12
    else:
        year_end = year
    end_day = calendar.monthrange(year_end, last)[1]
    return date(year, first, 1).isoformat(), date(year_end, last, end_day).isoformat()


def bounds(value: str | None) -> tuple[str | None, str | None]:
    """(earliest, latest) ISO days covered by ``value``; (None, None) when it is not a date eventwire knows."""
    if not value:
        return None, None
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            return day, day
        if m := _MONTH.match(value):
            return _month_span(int(m[1]), int(m[2]), int(m[2]))
        if m := _YEAR.match(value):
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if m := _SEASON.match(value):
            return _month_span(int(m[1]), *_SEASON_MONTHS[m[2]])
        if m := _QUARTER.match(value):
            first = 3 * int(m[2]) - 2
            return _month_span(int(m[1]), first, first + 2)
    except ValueError:
        pass
    return None, None


def earliest(value: str | None) -> str | None:
    return bounds(value)[0]


def latest(value: str | None) -> str | None:
    return bounds(value)[1]
