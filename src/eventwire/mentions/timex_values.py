"""Calendar arithmetic and TIMEX3-like values for the ``dates`` stage.

Pure functions over ``datetime.date``; no state. A ``Resolved`` is a normalised date before it becomes a
``DateValue`` (bounds still ``date`` objects, so rules can compare and combine them).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..model import DateValue, Precision, Span

SEASONS: tuple[str, ...] = ("SP", "SU", "FA", "WI")
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised date: TIMEX3-like ``value`` with inclusive day bounds (both None when unknown)."""

    value: str | None
    precision: Precision
    earliest: dt.date | None = None
    latest: dt.date | None = None

    def to_value(self, evidence: tuple[Span, ...] = ()) -> DateValue:
        return DateValue(self.value, self.precision,
                         self.earliest.isoformat() if self.earliest else None,
                         self.latest.isoformat() if self.latest else None, evidence)


UNKNOWN = Resolved(None, "unknown")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: dt.date, years: int) -> dt.date:
    return add_months(d, 12 * years)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day(d: dt.date) -> Resolved:
    return Resolved(d.isoformat(), "day", d, d)


def week(d: dt.date) -> Resolved:
    """The ISO week containing ``d`` ("2024-W18", Monday to Sunday)."""
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return Resolved(f"{iso.year}-W{iso.week:02d}", "week", monday, monday + dt.timedelta(days=6))


def weekend(d: dt.date) -> Resolved:
    """The weekend (Saturday and Sunday) of the ISO week containing ``d``."""
    iso = d.isocalendar()
    saturday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Resolved(f"{iso.year}-W{iso.week:02d}-WE", "week", saturday, saturday + dt.timedelta(days=1))


def month(year: int, month_number: int) -> Resolved:
    return Resolved(f"{year:04d}-{month_number:02d}", "month", dt.date(year, month_number, 1),
                    month_end(year, month_number))


def year(y: int) -> Resolved:
    return Resolved(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def half(y: int, which: int) -> Resolved:
    """First or second half of a year; TIMEX3 writes "2023-H1" (precision year, bounds narrowed)."""
    start = dt.date(y, 1 if which == 1 else 7, 1)
    return Resolved(f"{y:04d}-H{which}", "year", start, month_end(y, 6 if which == 1 else 12))


def quarter(y: int, q: int) -> Resolved:
    first = 3 * (q - 1) + 1
    return Resolved(f"{y:04d}-Q{q}", "quarter", dt.date(y, first, 1), month_end(y, first + 2))


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def season(y: int, code: str) -> Resolved:
    """Meteorological seasons; winter carries the year of its December ("2023-WI" is Dec 2023 to Feb 2024)."""
    start_month = SEASON_START_MONTH[code]
    start = dt.date(y, start_month, 1)
    end = add_months(start, 2)
    return Resolved(f"{y:04d}-{code}", "season", start, month_end(end.year, end.month))


def season_of(d: dt.date) -> tuple[int, str]:
    if d.month == 12:
        return d.year, "WI"
    if d.month <= 2:
        return d.year - 1, "WI"
    return d.year, SEASONS[(d.month - 3) // 3]


def decade(start_year: int) -> Resolved:
    start = start_year - start_year % 10
    return Resolved(f"{start // 10:03d}X", "decade", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))


def narrow(r: Resolved, part: str) -> Resolved:
    """Bounds cut to the early/mid/late third (or the start/end sixth) of ``r``; value and precision kept."""
    if r.earliest is None or r.latest is None:
        return r
    if r.precision in ("year", "month", "decade") and r.value and "/" not in r.value and "-H" not in r.value:
        return _narrow_calendar(r, part)
    length = (r.latest - r.earliest).days + 1
    third = max(1, length // 3)
    if part == "early":
        return Resolved(r.value, r.precision, r.earliest, r.earliest + dt.timedelta(days=third - 1))
    if part == "mid":
        return Resolved(r.value, r.precision, r.earliest + dt.timedelta(days=third),
                        r.latest - dt.timedelta(days=third))
    if part == "late":
        return Resolved(r.value, r.precision, r.latest - dt.timedelta(days=third - 1), r.latest)
    return r


def _narrow_calendar(r: Resolved, part: str) -> Resolved:
    """Thirds on calendar lines: a year's Jan-Apr / May-Aug / Sep-Dec, a month's 1-10 / 11-20 / 21-end."""
    assert r.earliest is not None and r.latest is not None
    index = {"early": 0, "mid": 1, "late": 2}.get(part)
    if index is None:
        return r
    if r.precision == "decade":
        start = r.earliest.year
        first = dt.date(start + (0, 4, 7)[index], 1, 1)
        last = dt.date(start + (3, 6, 9)[index], 12, 31)
    elif r.precision == "year":
        first = dt.date(r.earliest.year, 1 + 4 * index, 1)
        last = month_end(r.earliest.year, 4 + 4 * index)
    else:
        first = r.earliest.replace(day=1 + 10 * index)
        last = r.latest if index == 2 else r.earliest.replace(day=10 + 10 * index)
    return Resolved(r.value, r.precision, first, last)


def granular(d: dt.date, precision: Precision) -> Resolved:
    """The unit of ``precision`` that contains ``d``."""
    if precision == "week":
        return week(d)
    if precision == "month":
        return month(d.year, d.month)
    if precision == "year":
        return year(d.year)
    return day(d)


def interval(first: dt.date, last: dt.date, precision: Precision) -> Resolved:
    """A stretch of time written as an ISO 8601 interval of two values of ``precision`` ("2023-11/2024-05")."""
    a, b = granular(first, precision), granular(last, precision)
    if a.value == b.value:
        return Resolved(a.value, precision, first, last)
    return Resolved(f"{a.value}/{b.value}", precision, first, last)


def clip(r: Resolved, earliest: dt.date | None = None, latest: dt.date | None = None) -> Resolved:
    """``r`` with its bounds tightened (never widened, never crossed)."""
    lo, hi = r.earliest, r.latest
    if earliest is not None and lo is not None and hi is not None and lo < earliest <= hi:
        lo = earliest
    if latest is not None and lo is not None and hi is not None and lo <= latest < hi:
        hi = latest
    return Resolved(r.value, r.precision, lo, hi)


def shift(d: DateValue, days: int) -> DateValue:
    """A day-precision value moved by ``days`` (negative: earlier). Other precisions come back unchanged."""
    if d.precision != "day" or d.value is None:
        return d
    moved = dt.date.fromisoformat(d.value) + dt.timedelta(days=days)
    return DateValue(moved.isoformat(), "day", moved.isoformat(), moved.isoformat(), d.evidence)
