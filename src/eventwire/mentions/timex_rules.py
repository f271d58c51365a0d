"""Normalisation rules for temporal expressions (used by the ``dates`` stage).

``read(text, reference, future)`` turns the text of one detected span into a ``Reading``: a date with a
TIMEX3-like value and bounds, a duration, a set ("every week"), or an anchor ("the day after") that a later
stage resolves against an event. Rules are tried in order; each is a full match over the cleaned, lower-cased
span. Explicit calendar forms are parsed by our rules (the year of "May 1" depends on the reference and the
tense); other absolute forms go to dateparser, on the span only.

Relative expressions are resolved at both ends of the reference's range; when the two disagree (a reference
known only to the year cannot say which Wednesday "on Wednesday" was) the value is unknown, with bounds.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from ..model import Precision
from . import timex_calendar as cal
from . import timex_relative as rel
from . import timex_values as tv
from .timex_calendar import dateparse, is_calendar_day, parse_given
from .timex_relative import (ANCHOR_EVE, ANCHOR_NEXT, ANCHOR_NUM, ANCHOR_SAME, ANCHOR_THE, Ctx, Reading,
                             Reference, Rule, anchor_of, as_date, relative)
from .timex_values import Resolved
from .timex_words import (AGE, DAYNUM, HOLIDAYS, MOD, MONTH, NOT_DATES, NUM, PART, RELYEAR, UNIT, WEEKDAY,
                          WORD_DECADES, YEAR4, alt, clean_span, strip_leading)

__all__ = ["Reading", "Reference", "anchor_of", "is_calendar_day", "parse_given", "read", "NUM", "UNIT"]

def _rules() -> tuple[Rule, ...]:
    c = re.compile
    num_unit = r"(?:(?P<num>" + NUM + r")[- ])?(?P<unit>" + UNIT + r")"
    return (
        (c(r"(?:every|each)(?: other| single)? (?:day|week|month|year|morning|night|evening|weekend|"
           + WEEKDAY + "|" + MONTH + r")|daily|weekly|monthly|annually|annual|yearly|nightly|biweekly|"
           r"quarterly|fortnightly|(?:once|twice|\w+ times) (?:a|per|each|every) (?:day|week|month|year)"),
         rel.set_rule),
        (c(r"the day before yesterday"), rel.day_word(-2)),
        (c(r"the day after tomorrow"), rel.day_word(2)),
        (ANCHOR_NEXT, rel.anchor_rule), (ANCHOR_THE, rel.anchor_rule), (ANCHOR_NUM, rel.anchor_rule),
        (ANCHOR_SAME, rel.anchor_rule), (ANCHOR_EVE, rel.anchor_rule),
        (c(r"(?:just )?(?:(?P<num>" + NUM + r") )?(?P<unit>" + UNIT + r") ago"), rel.ago_rule),
        (c(r"(?:(?P<num>" + NUM + r") )?(?P<unit>" + UNIT + r") from (?:now|today)"), rel.later_from_now),
        (c(r"in (?P<num>" + NUM + r") (?P<unit>" + UNIT + r")(?:'s?)? time"), rel.later_from_now),
        (c(r"(?:the )?(?:(?:early|late|latter) (?:part of the )?)?(?:(?:past|last|previous|preceding) )"
           + num_unit.replace("[- ]", " ")), _past_range_guard),
        (c(r"(?:the )?(?:next|coming|upcoming) " + num_unit.replace("[- ]", " ")), _future_range_guard),
        (c(r"recent (?P<num>)(?P<unit>days|weeks|months|years)"), rel.past_range),
        (c(r"(?:early |late |earlier |later )?(?:today|tonight|this (?:morning|afternoon|evening))"),
         rel.day_word(0)),
        (c(r"(?:early |late |earlier |later )?(?:yesterday" + PART + r"|last night)"), rel.day_word(-1)),
        (c(r"(?:early |late |later )?tomorrow" + PART), rel.day_word(1)),
        (c(r"(?:(?P<mod>" + MOD + r"|earlier|later)[- ](?:in |of )?)?(?P<rel>this|last|next|the current|"
           r"current|the)? ?(?:fiscal )?(?P<unit>week|weekend|month|year|quarter|decade)"
           r"(?P<suffix> before last| after next)?"),
         _calendar_guard),
        (c(r"(?:the )?(?P<rel>last|next|this|this past|this coming|past|coming)? ?(?P<wd>" + WEEKDAY + r")"
           + PART + r"(?: (?P<wkrel>last|next|this) week)?"), rel.weekday_rule),
        (c(r"(?:(?P<wd>" + WEEKDAY + r")" + PART + r",? )?(?:the )?(?P<mon>" + MONTH + r") (?:the )?(?P<d>"
           + DAYNUM + r")(?:,? (?P<year>" + YEAR4 + r"))?"), cal.month_day_rule),
        (c(r"(?:(?P<wd>" + WEEKDAY + r")" + PART + r",? )?(?:the )?(?P<d>" + DAYNUM + r")(?: of)? (?P<mon>"
           + MONTH + r")(?:,? (?P<year>" + YEAR4 + r"))?"), cal.month_day_rule),
        (c(r"(?P<mon>" + MONTH + r") (?P<d1>\d{1,2})(?:st|nd|rd|th)? ?(?:-|to|through|and) ?(?P<d2>\d{1,2})"
           r"(?:st|nd|rd|th)?(?:,? (?P<year>" + YEAR4 + r"))?"), cal.day_range_rule),
        (c(r"(?P<d1>\d{1,2})(?:st|nd|rd|th)? ?(?:-|to|and) ?(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?P<mon>" + MONTH
           + r")(?:,? (?P<year>" + YEAR4 + r"))?"), cal.day_range_rule),
        (c(r"(?P<h>" + alt(HOLIDAYS) + r")(?:,? (?P<year>" + YEAR4 + r"))?"), cal.holiday_rule),
        (c(r"(?:(?P<mod>" + MOD + r")[- ](?:in )?)?(?P<rel>last|next|this|this past|this coming|coming)? ?"
           r"(?P<mon>" + MONTH + r")(?:,? (?:of )?(?P<year>" + RELYEAR + r"))?"), cal.month_rule),
        (c(r"(?:(?P<mod>early|mid|late)[- ])?(?P<rel>last|next|this|this past|this coming|past|coming)? ?"
           r"(?:the )?(?:(?P<mod2>early|mid|late)[- ])?(?P<s>spring|summer|fall|autumn|winter)"
           r"(?:,? (?:of )?(?P<year>" + RELYEAR + r"))?"), cal.season_rule),
        (c(r"(?:the )?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th) (?:fiscal |calendar )?quarter"
           r"(?: of (?:the )?(?:fiscal |calendar )?(?:year )?(?P<year>" + RELYEAR + r"))?"), cal.quarter_rule),
        (c(r"q(?P<q>[1-4])(?: (?:of )?(?P<year>" + YEAR4 + r"))?"), cal.quarter_rule),
        (c(r"(?P<year>" + YEAR4 + r") q(?P<q>[1-4])"), cal.quarter_rule),
        (c(r"(?:the )?(?P<h>first|second|latter) half of (?P<year>" + RELYEAR + r"|the year)"), cal.half_rule),
        (c(r"(?:(?P<mod>" + MOD + r")[- ](?:in )?)?(?:the year |(?:the )?fiscal (?:year )?|fy ?)?(?P<y>"
           + YEAR4 + r")"), cal.year_rule),
        (c(r"(?:between |from )?(?P<a>" + YEAR4 + r") ?(?:-|to|and|through|until) ?(?P<b>\d{2}|" + YEAR4 + ")"),
         cal.year_range_rule),
        (c(r"(?:the )?(?:(?P<mod>early|mid|late)[- ]?)?(?P<dec>(?:1[5-9]|20)\d0|'?\d0)'?s"), cal.decade_rule),
        (c(r"(?:the )?(?:(?P<mod>early|mid|late)[- ])?(?P<n>1[5-9]|2[01])(?:th|st) century"), cal.century_rule),
        (c(r"(?:the )?(?:(?P<mod>early|mid|late)[- ]?)?(?P<nineteen>nineteen[- ])?(?P<word>"
           + alt(WORD_DECADES) + r")"), cal.decade_rule),
        (c(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:t.*)?"), cal.iso_day_rule),
        (c(r"(?P<y>\d{4})-(?P<m>\d{2})"), cal.year_month_rule),
        (c(r"(?:(?P<num>" + NUM + r")[- ])?(?:" + UNIT + r")(?:-long)?|(?P<n2>" + NUM + r") (?:" + rel.AMOUNT_ADJ
           + r" )?(?:" + UNIT
           + r")(?: and (?:a half|" + NUM + " " + UNIT + r"))?"), rel.duration_rule),
    )


def _past_range_guard(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the past several months" is a range; bare "last week" / "last year" is the calendar unit."""
    if not m.string.startswith("the") and not m["num"] and not m["unit"].endswith("s"):
        return None
    if m.string.startswith(("the previous", "the preceding")) and not m["num"]:
        return None   # "the previous week": anchored, handled above
    unit = m["unit"]
    if m.string.startswith("the last ") and not m["num"] and unit in ("week", "month", "year", "decade"):
        return rel.calendar_unit(unit, -1, None, ctx)   # "in the last week": the calendar week before this
    return rel.past_range(m, ctx)


def _future_range_guard(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if not m.string.startswith("the") and not m["num"] and not m["unit"].endswith("s"):
        return None
    return rel.future_range(m, ctx)


def _calendar_guard(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if m["rel"] in (None, "the") and not m["mod"] and not m["suffix"]:
        # "the weekend" is the nearest one; "the week", "the year" alone are no date.
        return _weekend_bare(ctx) if m["unit"] == "weekend" else None
    return rel.calendar_rule(m, ctx)


def _weekend_bare(ctx: Ctx) -> Reading | None:
    def fn(now: dt.date) -> Resolved:
        this = tv.weekend(now)
        if ctx.future or (this.earliest is not None and this.earliest <= now):
            return this
        return tv.weekend(now - dt.timedelta(days=7))
    return relative(ctx, fn)


@functools.cache
def _compiled() -> tuple[Rule, ...]:
    return _rules()


def read(text: str, reference: Reference | None, future: bool = False,
         tense: str | None = None) -> Reading | None:
    """The meaning of one detected span, or None when it is not a date, duration, set or anchor.

    ``future``: the clause is in the future or present tense; ``tense`` ("future", "present", "past" or
    None) lets a month or day without a year be the nearer instance when the tense does not decide."""
    t = clean_span(text)
    if not t or AGE.fullmatch(t):
        return None
    ctx = Ctx(reference, future, tense)
    short = re.fullmatch(r"\s*['\u2019](\d\d)\s*", text)
    if short:
        return cal.short_year(int(short[1]), ctx)     # "since '82"
    ranged = _range(t, ctx)
    if ranged is not None:
        return ranged
    t = strip_leading(t)
    deictic = rel.deictic_rule(t, ctx)
    if deictic is not None:
        return deictic
    if NOT_DATES.fullmatch(t):
        return None
    for pattern, handler in _compiled():
        m = pattern.fullmatch(t)
        if m:
            found = handler(m, ctx)
            if found is not None:
                return found
    return dateparse(t, ctx)


def _range(t: str, ctx: Ctx) -> Reading | None:
    """ "between May 1 and May 3", "from March to June 2023": an interval when both ends are dates."""
    m = re.fullmatch(r"(?:between (?P<a1>.+?) and (?P<b1>.+)|from (?P<a2>.+?) (?:to|until|till|through) "
                     r"(?P<b2>.+))", t)
    if not m:
        return None
    a_text, b_text = (m["a1"], m["b1"]) if m["a1"] else (m["a2"], m["b2"])
    b = read(b_text, ctx.ref, ctx.future, ctx.tense)
    if b is None or b.kind != "date":
        return None
    year = re.search(YEAR4 + r"$", b_text)
    a = read(a_text + (" " + year.group() if year and not re.search(YEAR4, a_text) else ""), ctx.ref,
             ctx.future, ctx.tense)
    if a is None or a.kind != "date":
        return None
    ra, rb = a.resolved, b.resolved
    if ra.earliest is None or rb.latest is None or ra.value is None or rb.value is None:
        return as_date(tv.UNKNOWN)
    if ra.earliest > rb.latest:
        return None
    order: tuple[Precision, ...] = ("day", "week", "month", "season", "quarter", "year", "decade")
    coarse = max(ra.precision, rb.precision, key=lambda p: order.index(p) if p in order else 0)
    return as_date(Resolved(f"{ra.value}/{rb.value}", coarse, ra.earliest, rb.latest))


