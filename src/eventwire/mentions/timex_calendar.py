"""Expressions that name the calendar (part of the ``dates`` stage): days, months, seasons, quarters,
years and decades, with the year chosen from the reference and the tense when the text omits it; dateparser
for absolute forms the rules do not know, on the span only.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from . import timex_values as tv
from .timex_relative import Ctx, Reading, as_date, modify, relative
from .timex_values import Resolved
from .timex_words import HOLIDAYS, MONTH, MONTHS, ORDINALS, SEASON_CODES, WEEKDAYS, WORD_DECADES, YEAR4

def year_for(month: int, day: int, ctx: Ctx) -> int | None:
    """The year that puts month-day closest to, and not after, the reference (past tense), or not before it
    (future tense); with no tense to go by ("the June 1 deadline", "as of February ... accounts for") the
    nearer of the two (the past one unless the future one is less than half as far: news mostly looks back)."""
    if ctx.ref is None:
        return None
    past = _year_for(month, day, ctx.ref.latest, -1)
    future = _year_for(month, day, ctx.ref.earliest, 1)
    if ctx.tense == "future" or (ctx.future and ctx.tense is None):
        return future
    if ctx.tense == "past" or past is None or future is None or past == future:
        return past
    d_past = tv.safe_date(past, month, day)
    d_future = tv.safe_date(future, month, day)
    if d_past is None or d_future is None:
        return past
    return future if 2 * (d_future - ctx.ref.earliest) < (ctx.ref.latest - d_past) else past


def _year_for(month: int, day: int, now: dt.date, direction: int) -> int | None:
    """The first year from ``now``'s, going back (-1) or forward (1), in which month-day is not after
    (not before) ``now``."""
    y = now.year
    for _ in range(9):
        d = tv.safe_date(y, month, day)
        if d is not None and (d <= now if direction < 0 else d >= now):
            return y
        y += direction
    return None


def day_no_year(month: int, day: int, wd: int | None, ctx: Ctx) -> Resolved:
    y = year_for(month, day, ctx)
    if y is None or ctx.ref is None:
        return tv.UNKNOWN
    d = tv.safe_date(y, month, day)
    if wd is None or (d is not None and d.weekday() == wd):
        return tv.day(d) if d else tv.UNKNOWN
    # The weekday wins over the reference year: the nearest year in which month-day falls on it.
    ref_year = ctx.ref.latest.year
    fits = [c for c in range(ref_year - 14, ref_year + 15)
            if (x := tv.safe_date(c, month, day)) is not None and x.weekday() == wd]
    if not fits:
        return tv.UNKNOWN
    best = min(fits, key=lambda c: (abs(c - ref_year), c > ref_year))
    return tv.day(dt.date(best, month, day))


def year_value(text: str | None, ctx: Ctx) -> int | None | str:
    """A year phrase as a number; "unknown" when it is relative and the reference cannot fix it."""
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    if ctx.ref is None:
        return "unknown"
    step = {"last year": -1, "this year": 0, "next year": 1, "the previous year": -1,
            "the following year": 1}[text]
    if ctx.ref.earliest.year != ctx.ref.latest.year:
        return "unknown"
    return ctx.ref.latest.year + step


def month_day_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    month = MONTHS[m["mon"].rstrip(".")]
    day = int(re.sub(r"\D", "", m["d"]))
    wd = WEEKDAYS[m["wd"].rstrip(".")] if m["wd"] else None
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        d = tv.safe_date(int(m["year"]), month, day)
        return as_date(tv.day(d), True) if d else None
    if tv.safe_date(2024, month, day) is None:
        return None
    return as_date(day_no_year(month, day, wd, ctx), True)


def day_range_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "May 1-3", "1-3 May 2024": an interval of days in one month."""
    month = MONTHS[m["mon"].rstrip(".")]
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not 1 <= d1 < d2 <= 31:
        return None
    y = int(m["year"]) if m["year"] else year_for(month, d1, ctx)
    if y is None:
        return as_date(tv.UNKNOWN)
    a, b = tv.safe_date(y, month, d1), tv.safe_date(y, month, d2)
    if a is None or b is None:
        return None
    return as_date(tv.interval(a, b, "day"))


def holiday_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    month, day = HOLIDAYS[m["h"]]
    if m["year"]:
        return as_date(tv.day(dt.date(int(m["year"]), month, day)))
    return as_date(day_no_year(month, day, None, ctx))


def pick_unit_year(first_month: int, ctx: Ctx, span_months: int) -> int | None:
    """For a bare month/quarter/season starting at ``first_month``: the year of the most recent one begun by
    the reference (past), of the one not yet over at it (future), or, with no tense to go by, the nearer."""
    if ctx.ref is None:
        return None
    now = ctx.ref.earliest
    y = now.year
    end = tv.add_months(dt.date(y, first_month, 1), span_months - 1)
    future = y if tv.month_end(end.year, end.month) >= now else y + 1
    now = ctx.ref.latest
    past = now.year if dt.date(now.year, first_month, 1) <= now else now.year - 1
    if ctx.tense == "future" or (ctx.future and ctx.tense is None):
        return future
    if ctx.tense == "past" or past == future:
        return past
    past_end = tv.add_months(dt.date(past, first_month, 1), span_months - 1)
    gap_past = (ctx.ref.latest - tv.month_end(past_end.year, past_end.month)).days
    gap_future = (dt.date(future, first_month, 1) - ctx.ref.earliest).days
    return future if 2 * gap_future < gap_past else past


def month_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    month = MONTHS[m["mon"].rstrip(".")]
    rel = m["rel"]
    y = year_value(m["year"], ctx)
    if y == "unknown":
        return as_date(tv.UNKNOWN)
    if isinstance(y, int):
        return as_date(modify(tv.month(y, month), m["mod"], None))
    if rel:
        def fn(now: dt.date) -> Resolved:
            if rel in ("last", "past", "this past"):
                year = now.year if month < now.month else now.year - 1
            elif rel in ("next", "coming", "this coming"):
                year = now.year if month > now.month else now.year + 1
            else:
                year = now.year
            return modify(tv.month(year, month), m["mod"], None)
        return relative(ctx, fn)
    year = pick_unit_year(month, ctx, 1)
    if year is None:
        return as_date(tv.UNKNOWN)
    return as_date(modify(tv.month(year, month), m["mod"], None))


def season_instances(now: dt.date, code: str) -> tuple[Resolved, Resolved]:
    """(the most recent instance of the season begun on or before ``now``, the next one after it)."""
    y = now.year if code != "WI" else (now.year if now.month == 12 else now.year - 1)
    current = tv.season(y, code)
    if current.earliest and current.earliest > now:
        current = tv.season(y - 1, code)
    return current, tv.season(int(current.value[:4]) + 1 if current.value else y + 1, code)


def season_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    code = SEASON_CODES[m["s"]]
    mod = m["mod"] or m["mod2"]
    y = year_value(m["year"], ctx)
    if y == "unknown":
        return as_date(tv.UNKNOWN)
    if isinstance(y, int):
        return as_date(modify(tv.season(y, code), mod, None))
    rel = m["rel"]

    def fn(now: dt.date) -> Resolved:
        begun, upcoming = season_instances(now, code)
        ongoing = begun.latest is not None and begun.latest >= now
        if rel in ("last", "past", "this past"):
            r = begun if not ongoing else tv.season(int(begun.value[:4]) - 1, code)  # type: ignore[index]
        elif rel in ("next", "coming", "this coming"):
            r = upcoming
        elif ctx.future:
            r = begun if ongoing else upcoming
        else:
            r = begun
        return modify(r, mod, None)
    if rel is None and ctx.ref is not None and ctx.ref.earliest != ctx.ref.latest:
        # A bare "in the spring" against a year-wide reference: the spring of the reference year.
        now = ctx.ref.earliest if ctx.future else ctx.ref.latest
        return as_date(fn(now))
    return relative(ctx, fn)


def quarter_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    q = int(m["q"]) if m["q"].isdigit() else ORDINALS[m["q"]]
    y = year_value(m["year"], ctx)
    if y == "unknown":
        return as_date(tv.UNKNOWN)
    if isinstance(y, int):
        return as_date(tv.quarter(y, q))
    year = pick_unit_year(3 * (q - 1) + 1, ctx, 3)
    return as_date(tv.quarter(year, q) if year is not None else tv.UNKNOWN)


def half_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    which = 1 if m["h"] == "first" else 2
    if m["year"] == "the year":
        return relative(ctx, lambda now: tv.half(now.year, which))
    y = year_value(m["year"], ctx)
    if not isinstance(y, int):
        return as_date(tv.UNKNOWN)
    return as_date(tv.half(y, which))


def year_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return as_date(modify(tv.year(int(m["y"])), m["mod"], None))


def year_range_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else a - a % 100 + int(m["b"])
    if not a < b <= a + 100:
        return None
    return as_date(tv.interval(dt.date(a, 1, 1), dt.date(b, 12, 31), "year"))


def century_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the 20th century": TIMEX3 writes its first two digits ("19"), the years 1900-1999."""
    hundreds = int(m["n"]) - 1
    start, end = dt.date(hundreds * 100, 1, 1), dt.date(hundreds * 100 + 99, 12, 31)
    return as_date(modify(Resolved(f"{hundreds:02d}", "unknown", start, end), m["mod"], None))


def short_year(yy: int, ctx: Ctx) -> Reading | None:
    """ "'82": the latest year ending so that is not after the reference."""
    if ctx.ref is None:
        return as_date(tv.UNKNOWN)
    base = ctx.ref.latest.year
    y = base - base % 100 + yy
    return as_date(tv.year(y if y <= base else y - 100))


def decade_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    g = m.groupdict()
    if g.get("word"):
        tens = WORD_DECADES[g["word"]]
        century = 1900 if g.get("nineteen") else None
    else:
        digits = g["dec"].lstrip("'")
        if len(digits) == 4:
            return as_date(modify(tv.decade(int(digits)), m["mod"], None))
        tens, century = int(digits), None
    if century is None:
        if ctx.ref is None:
            return as_date(tv.UNKNOWN)
        base = ctx.ref.latest.year
        century = base - base % 100
        if century + tens > base:
            century -= 100
    return as_date(modify(tv.decade(century + tens), m["mod"], None))


def iso_day_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    d = tv.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return as_date(tv.day(d), True) if d else None


def year_month_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    y, mm = int(m["y"]), int(m["m"])
    if mm > y % 100 or not 1 <= mm <= 12:      # "2019-21" is a range of years
        return year_range_rule(re.fullmatch(r"(?P<a>\d{4})-(?P<b>\d{2})", m.string), ctx)  # type: ignore[arg-type]
    return as_date(tv.month(y, mm))



_ABSOLUTE_HINT = re.compile(MONTH.replace(r"\.?", "") + r"|\d{1,4}[/.]\d{1,2}[/.]\d{2,4}")


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date, prefer: str) -> object:
    from dateparser.date import DateDataParser   # slow to import: only when a span needs it
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": prefer, "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "DATE_ORDER": "MDY", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False})


def dateparse(t: str, ctx: Ctx) -> Reading | None:
    """Last resort for absolute forms the rules do not know ("3/5/2021", "the 3rd of June")."""
    if not re.search(r"\b" + _ABSOLUTE_HINT.pattern + r"\b", t) or len(t) > 60:
        return None
    has_year = re.search(r"\b" + YEAR4 + r"\b|\d[/.]\d{2,4}$", t) is not None
    if ctx.ref is None and not has_year:
        return as_date(tv.UNKNOWN)
    base = ctx.ref.earliest if ctx.ref and ctx.future else (ctx.ref.latest if ctx.ref else dt.date(2000, 1, 1))
    data = _parser(base, "future" if ctx.future else "past").get_date_data(t)  # type: ignore[attr-defined]
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return as_date(tv.year(d.year))
    if period == "month":
        return as_date(tv.month(d.year, d.month))
    if period == "week":
        return as_date(tv.week(d))
    return as_date(tv.day(d), True)


def parse_given(text: str) -> Resolved | None:
    """A date given outside the text (CLI, JSONL, HTML meta): precision from what was given."""
    t = text.strip()
    if re.fullmatch(r"\d{4}", t):
        return tv.year(int(t))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", t)
    if m and 1 <= int(m[2]) <= 12:
        return tv.month(int(m[1]), int(m[2]))
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", t)
    if m:
        d = tv.safe_date(int(m[1]), int(m[2]), int(m[3]))
        return tv.day(d) if d else None
    if not re.search(r"\d{4}", t) or len(t) > 80:
        return None
    data = _parser(dt.date(2000, 1, 1), "past").get_date_data(t)  # type: ignore[attr-defined]
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    return {"year": tv.year(d.year), "month": tv.month(d.year, d.month)}.get(data.period or "day", tv.day(d))


_CALENDAR_DAY = re.compile(r"(?:" + MONTH + r")\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + MONTH
                           + r")|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)


def is_calendar_day(text: str) -> bool:
    """Whether the text names a calendar day explicitly (a month and a day), as opposed to a relative one."""
    return _CALENDAR_DAY.search(text) is not None

