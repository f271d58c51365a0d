"""Expressions read relative to the reference or to an anchor event (part of the ``dates`` stage).

"yesterday", "last week", "earlier this month", "on Wednesday", "three days ago", "over the past several
months", "this weekend" against the reference; "the day after", "two days later" as anchors. Every handler
takes the rule's match and a ``Ctx`` (reference and tense) and returns a ``Reading`` or None (not this rule).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import DateValue, Precision
from . import timex_values as tv
from .timex_values import Resolved
from .timex_words import BARE_PLURAL, NUM, NUMBER_WORDS, UNIT, VAGUE, WEEKDAYS, clean_span, strip_leading


@dataclass(frozen=True, slots=True)
class Reference:
    """The range within which the article was written (one day when the publication day is known)."""

    earliest: dt.date
    latest: dt.date

    @staticmethod
    def of(value: DateValue | None) -> "Reference | None":
        if value is None:
            return None
        if value.earliest and value.latest:
            return Reference(dt.date.fromisoformat(value.earliest), dt.date.fromisoformat(value.latest))
        if value.value and value.precision == "day":
            d = dt.date.fromisoformat(value.value)
            return Reference(d, d)
        if value.value and value.precision == "year" and value.value.isdigit():
            return Reference(dt.date(int(value.value), 1, 1), dt.date(int(value.value), 12, 31))
        if value.value and value.precision == "month" and len(value.value) == 7:
            m = tv.month(int(value.value[:4]), int(value.value[5:]))
            assert m.earliest is not None and m.latest is not None
            return Reference(m.earliest, m.latest)
        return None


@dataclass(frozen=True, slots=True)
class Reading:
    """What one span means: ``kind`` date | duration | set | anchor, with its resolution."""

    kind: str
    resolved: Resolved
    anchor: str | None = None       # after | before | same (anchors only)
    offset_days: int | None = None  # distance to the anchor event in days (direction in ``anchor``)
    calendar_day: bool = False      # an explicit month and day ("May 1", "Wednesday, May 1, 2024")


@dataclass(frozen=True, slots=True)
class Ctx:
    """The reference and the tense of the clause governing the span.

    ``future`` is true for future and present tense ("will meet", "meets on Friday"); ``tense`` is "future",
    "present", "past" or None (no finite verb: "the June 1 deadline"), for rules that pick the nearer of
    a past and a future instance when the tense does not decide.
    """

    ref: Reference | None
    future: bool
    tense: str | None = None


Rule = tuple[re.Pattern[str], Callable[[re.Match[str], Ctx], "Reading | None"]]


def as_date(r: Resolved, calendar_day: bool = False) -> Reading:
    return Reading("date", r, calendar_day=calendar_day)


def relative(ctx: Ctx, fn: Callable[[dt.date], Resolved | None]) -> Reading | None:
    """Resolve at both ends of the reference; unknown (with the union of bounds) where they disagree."""
    if ctx.ref is None:
        return as_date(tv.UNKNOWN)
    a = fn(ctx.ref.earliest)
    if a is None:
        return None
    if ctx.ref.earliest == ctx.ref.latest:
        return as_date(a)
    b = fn(ctx.ref.latest)
    if b is None or a.value == b.value:
        return as_date(a)
    lows = [x for x in (a.earliest, b.earliest) if x is not None]
    highs = [x for x in (a.latest, b.latest) if x is not None]
    return as_date(Resolved(None, "unknown", min(lows) if lows else None, max(highs) if highs else None))


def amount_of(text: str | None) -> tuple[float, float] | None:
    """(low, high) for a number phrase; None when there is none."""
    if not text:
        return None
    text = text.strip()
    extra = 0.5 if text.endswith(" and a half") else 0.0
    text = text.removesuffix(" and a half")
    if text in VAGUE:
        return VAGUE[text]
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] + extra, NUMBER_WORDS[text] + extra
    try:
        value = float(text)
    except ValueError:
        return None
    return value + extra, value + extra


def unit_of(text: str) -> str:
    text = text.rstrip("s")
    return {"night": "day", "morning": "day", "evening": "day", "afternoon": "day"}.get(text, text)


UNIT_PRECISION: dict[str, Precision] = {"day": "day", "hour": "day", "minute": "day", "week": "week",
                                        "fortnight": "week", "month": "month", "year": "year",
                                        "decade": "year"}
UNIT_DAYS: dict[str, int] = {"minute": 0, "hour": 0, "day": 1, "week": 7, "fortnight": 14, "month": 30,
                             "year": 365, "decade": 3652}


def move(d: dt.date, unit: str, amount: float) -> dt.date:
    """``d`` moved by ``amount`` units (negative: back); fractions of months and years rounded."""
    if unit in ("day", "week", "fortnight"):
        return d + dt.timedelta(days=round(amount * UNIT_DAYS[unit]))
    if unit in ("hour", "minute"):
        return d
    months = {"month": 1, "year": 12, "decade": 120}[unit]
    return tv.add_months(d, round(amount * months))



ANCHOR_NEXT = re.compile(r"the (?:very )?(?P<dir>next|following|subsequent|previous|preceding|prior) "
                          r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)")
ANCHOR_THE = re.compile(r"the (?:very )?(?P<unit>day|morning|night|evening|week|month|year) (?P<dir>after|before)")
ANCHOR_NUM = re.compile(r"(?:(?P<num>" + NUM + r"|the) )?(?P<unit>" + UNIT + r") "
                         r"(?P<dir>later|after|afterwards|afterward|thereafter|earlier|before|prior|"
                         r"previously|beforehand)")
ANCHOR_SAME = re.compile(r"(?:the same|that same|that|(?:later|earlier) that|later the same|earlier the same)"
                          r" (?:day|morning|afternoon|evening|night)")
ANCHOR_EVE = re.compile(r"the eve(?: of)?")


_DURATION_CODE: dict[str, str] = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
                                  "hour": "H", "minute": "M"}


def duration_value(num: str | None, unit: str) -> str | None:
    """The ISO 8601 / TIMEX3 duration of an amount of units: "three years" P3Y, "2.5 hours" PT2.5H,
    "a decade" P10Y, "several days" and bare "weeks" PXD / PXW (X: an amount the text leaves open)."""
    plural = unit.endswith("s")
    u = unit_of(unit)
    if u not in _DURATION_CODE and u != "fortnight":
        return None
    amount = amount_of(num) if num else ((0.0, 1.0) if plural else (1.0, 1.0))
    if amount is None:
        return None
    lo, hi = amount
    if u == "fortnight":
        u, lo, hi = "week", 2 * lo, 2 * hi
    if u == "decade" and lo == hi:
        u, lo, hi = "year", 10 * lo, 10 * hi
    n = "X" if lo != hi else (str(int(lo)) if lo == int(lo) else f"{lo:g}")
    return ("PT" if u in ("hour", "minute") else "P") + n + _DURATION_CODE[u]


AMOUNT_ADJ = r"(?:straight|consecutive|successive|more|further|additional|full)"


def _duration_of(text: str) -> str | None:
    """The duration of the first "<amount> <unit>" in ``text`` ("about two and a half years" P2.5Y)."""
    m = re.search(r"(?:(?<![\w-])(?P<num>" + NUM + r")[- ](?:" + AMOUNT_ADJ + r" )?)?(?P<unit>" + UNIT
                  + r")\b", text)
    if m is None:
        return None
    first = duration_value(m["num"], m["unit"])
    rest = re.fullmatch(r"(?:-long)? and (?P<num>" + NUM + r") (?P<unit>" + UNIT + ")", text[m.end():])
    if first is None or rest is None:
        return first
    more = duration_value(rest["num"], rest["unit"])
    if more is None or "X" in first + more or "T" in first + more:
        return first
    return first + more.removeprefix("P")     # "two years and six months" P2Y6M


_SET_WORDS: dict[str, str] = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
                              "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
                              "annual": "P1Y", "yearly": "P1Y"}
_PART_CODE: dict[str, str] = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def set_value(text: str) -> str | None:
    """TIMEX3 value of a set: the period ("every week" P1W, "twice a year" P1Y, "every other day" P2D) or the
    recurring point ("every Friday" XXXX-WXX-5, "every morning" XXXX-XX-XXTMO)."""
    if text in _SET_WORDS:
        return _SET_WORDS[text]
    last = text.rsplit(" ", 1)[-1].rstrip(".")
    if last in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[last] + 1}"
    if last in _PART_CODE:
        return "XXXX-XX-XX" + _PART_CODE[last]
    if last == "weekend":
        return "XXXX-WXX-WE"
    unit = {"day": "D", "week": "W", "month": "M", "year": "Y"}.get(last)
    if unit is None:
        return None
    return f"P{2 if ' other ' in f' {text} ' else 1}{unit}"


_PRESENT = re.compile(r"(?:right |just |even |until |by |for |from |as of )?now|currently|presently|nowadays|"
                      r"at present|the present|(?:for )?the time being|at the moment|these days")
_PAST = re.compile(r"(?:more |most |very |only |as )?recently|lately|(?:in )?the (?:distant |recent )?past|"
                   r"formerly|in former times")
_FUTURE = re.compile(r"(?:in )?the (?:near |distant |foreseeable )?future|(?:very |quite )?soon|"
                     r"(?:in |over )?the (?:near|long|medium|short) (?:term|run)")


def deictic_rule(t: str, ctx: Ctx) -> Reading | None:
    """ "now", "currently" (TIMEX3 PRESENT_REF: the time of reporting); "recently", "in the past" (PAST_REF:
    some time before it); "in the future", "soon" (FUTURE_REF: some time after it)."""
    lo = ctx.ref.earliest if ctx.ref else None
    hi = ctx.ref.latest if ctx.ref else None
    if _PRESENT.fullmatch(t):
        return as_date(Resolved("PRESENT_REF", "reported", lo, hi))
    if _PAST.fullmatch(t):
        return as_date(Resolved("PAST_REF", "unknown", None, hi))
    if _FUTURE.fullmatch(t):
        return as_date(Resolved("FUTURE_REF", "unknown", lo, None))
    return None


def set_rule(m: re.Match[str], ctx: Ctx) -> Reading:
    return Reading("set", Resolved(set_value(m.string), "unknown"))


def duration_rule(m: re.Match[str], ctx: Ctx) -> Reading:
    return Reading("duration", Resolved(_duration_of(m.string), "unknown"))


def anchor_of(text: str) -> tuple[str, int, Precision] | None:
    """(relation, days, precision) for an anchored expression: "two days later" -> (after, 2, day),
    "the day before" -> (before, 1, day), "that day" -> (same, 0, day). ``days`` is never negative."""
    t = strip_leading(clean_span(text))
    m = ANCHOR_NEXT.fullmatch(t)
    if m:
        unit = unit_of(m["unit"])
        return ("after" if m["dir"] in ("next", "following", "subsequent") else "before",
                UNIT_DAYS[unit],
                anchor_precision(unit, whole=True))
    m = ANCHOR_THE.fullmatch(t)
    if m:
        unit = unit_of(m["unit"])
        after = m["dir"] == "after"
        return ("after" if after else "before", UNIT_DAYS[unit], anchor_precision(unit, whole=True))
    m = ANCHOR_NUM.fullmatch(t)
    if m:
        unit = unit_of(m["unit"])
        amount = amount_of(m["num"]) if m["num"] else BARE_PLURAL
        if amount is None:
            return None
        after = m["dir"] in ("later", "after", "afterwards", "afterward", "thereafter", "on")
        days = round((amount[0] + amount[1]) / 2 * UNIT_DAYS[unit])
        precision = anchor_precision(unit)
        if amount[0] != amount[1]:   # "days later": a week-wide guess, not a day
            precision = COARSER.get(precision, precision)
        return ("after" if after else "before", days, precision)
    if ANCHOR_SAME.fullmatch(t):
        return ("same", 0, "day")
    if ANCHOR_EVE.fullmatch(t):
        return ("before", 1, "day")
    return None


COARSER: dict[Precision, Precision] = {"day": "week", "week": "month", "month": "year"}
UNIT_WHOLE: dict[str, Precision] = {"month": "month", "year": "year", "decade": "year"}


def anchor_precision(unit: str, whole: bool = False) -> Precision:
    """ "two weeks later" is a day; "the following week" is a week."""
    if whole and unit == "week":
        return "week"
    return UNIT_WHOLE.get(unit, "day")


def anchor_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if ctx.future and m.string.startswith("the next "):
        return None   # "will stay the next week": a range from the reference, not an anchor
    found = anchor_of(m.string)
    if found is None:
        return None
    relation, days, precision = found
    # "a month earlier", "days before": the amount is a duration (TIMEX3 annotates it so); others have none
    value = _duration_of(m.string) if m.re is ANCHOR_NUM and m["num"] != "the" else None
    return Reading("anchor", Resolved(value, precision), anchor=relation, offset_days=days)


def ago_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    unit = unit_of(m["unit"])
    amount = amount_of(m["num"]) if m["num"] else (BARE_PLURAL if m["unit"].endswith("s") else (1.0, 1.0))
    if amount is None:
        return None
    lo, hi = amount
    precision = UNIT_PRECISION[unit]

    def fn(now: dt.date) -> Resolved:
        if lo == hi:
            return tv.granular(move(now, unit, -lo), precision)
        return tv.interval(move(now, unit, -hi), move(now, unit, -lo), precision)
    return relative(ctx, fn)


def later_from_now(m: re.Match[str], ctx: Ctx) -> Reading | None:
    unit = unit_of(m["unit"])
    amount = amount_of(m["num"])
    if amount is None:
        return None
    return relative(ctx, lambda now: tv.granular(move(now, unit, amount[0]), UNIT_PRECISION[unit]))


def past_range(m: re.Match[str], ctx: Ctx) -> Reading | None:
    unit = unit_of(m["unit"])
    amount = amount_of(m["num"]) if m["num"] else (BARE_PLURAL if m["unit"].endswith("s") else (1.0, 1.0))
    if amount is None:
        return None
    precision = UNIT_PRECISION[unit]
    return relative(ctx, lambda now: tv.interval(move(now, unit, -amount[1]), now, precision))


def future_range(m: re.Match[str], ctx: Ctx) -> Reading | None:
    unit = unit_of(m["unit"])
    amount = amount_of(m["num"]) if m["num"] else (BARE_PLURAL if m["unit"].endswith("s") else (1.0, 1.0))
    if amount is None:
        return None
    precision = UNIT_PRECISION[unit]
    return relative(ctx, lambda now: tv.interval(now, move(now, unit, amount[1]), precision))


def day_word(offset: int) -> Callable[[re.Match[str], Ctx], Reading | None]:
    def handler(m: re.Match[str], ctx: Ctx) -> Reading | None:
        return relative(ctx, lambda now: tv.day(now + dt.timedelta(days=offset)))
    return handler


def calendar_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """this/last/next week, month, year, quarter, decade, weekend; with early/late/earlier/later/end of."""
    step = {"last": -1, "next": 1}.get(m["rel"] or "this", 0)
    if m["suffix"]:
        step = -2 if "before" in m["suffix"] else 2   # "the year before last"
    return calendar_unit(m["unit"], step, m["mod"], ctx, bare=m["rel"] in (None, "the"))


def calendar_unit(unit: str, step: int, mod: str | None, ctx: Ctx, bare: bool = False) -> Reading | None:
    """The calendar ``unit`` ``step`` units from the reference's own. ``bare`` ("the end of the year", no
    this/last/next): outside the future tense, a part not yet begun at the reference is the previous unit's."""

    def unit_at(now: dt.date, k: int) -> Resolved:
        if unit == "week":
            return tv.week(now + dt.timedelta(days=7 * k))
        if unit == "weekend":
            return tv.weekend(now + dt.timedelta(days=7 * k))
        if unit == "month":
            d = tv.add_months(now.replace(day=1), k)
            return tv.month(d.year, d.month)
        if unit == "quarter":
            d = tv.add_months(now.replace(day=1), 3 * k)
            return tv.quarter(*tv.quarter_of(d))
        if unit == "decade":
            return tv.decade(now.year + 10 * k)
        return tv.year(now.year + k)

    def fn(now: dt.date) -> Resolved:
        r = modify(unit_at(now, step), mod, now)
        if bare and mod and not ctx.future and r.earliest is not None and r.earliest > now:
            r = modify(unit_at(now, step - 1), mod, now)
        return r
    return relative(ctx, fn)


def modify(r: Resolved, mod: str | None, now: dt.date | None) -> Resolved:
    if not mod:
        return r
    mod = mod.replace("the ", "")
    if mod in ("earlier", "earlier in", "earlier in the"):
        return tv.clip(r, latest=now) if now else r
    if mod in ("later", "later in"):
        return tv.clip(r, earliest=now) if now else r
    part = {"end of": "late", "beginning of": "early", "start of": "early", "middle of": "mid"}.get(mod, mod)
    return tv.narrow(r, part)


def weekday_in(now: dt.date, wd: int, rel: str | None, week_rel: str | None, future: bool) -> dt.date:
    if week_rel:
        monday = now - dt.timedelta(days=now.weekday()) + dt.timedelta(
            days=7 * {"last": -1, "this": 0, "next": 1}[week_rel])
        return monday + dt.timedelta(days=wd)
    back = (now.weekday() - wd) % 7
    ahead = (wd - now.weekday()) % 7
    if rel in ("last", "past", "this past"):
        return now - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return now + dt.timedelta(days=ahead or 7)
    return now + dt.timedelta(days=ahead) if future else now - dt.timedelta(days=back)


def weekday_rule(m: re.Match[str], ctx: Ctx) -> Reading | None:
    wd = WEEKDAYS[m["wd"].rstrip(".")]
    return relative(ctx, lambda now: tv.day(weekday_in(now, wd, m["rel"], m["wkrel"], ctx.future)))


