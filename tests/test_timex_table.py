"""A table of temporal expressions and their TIMEX3-like values, through the real spaCy model.

Every sentence is written for this table. Each row gives the publication date the expression is read
against (a day, or a year when only the year is known), the kind of the timex, its value and, for dates,
its precision. Publication days used: Wednesday 2024-05-08, Monday 2023-11-20, Friday 2025-02-14.
"""
from __future__ import annotations

import pytest

from eventwire.mentions.dates import find_timexes
from eventwire.model import DateValue, Timex

WED = "2024-05-08"
MON = "2023-11-20"
FRI = "2025-02-14"

# (sentence, expression as found, publication date, kind, value, precision or None when not a date)
TABLE: list[tuple[str, str, str, str, str | None, str | None]] = [
    # absolute dates
    ("The accord was signed on 17 September 2019 in Oslo.", "17 September 2019", WED, "date", "2019-09-17",
     "day"),
    ("Negotiators first met in October 2021.", "October 2021", WED, "date", "2021-10", "month"),
    ("The regional council was dissolved in 2008.", "2008", WED, "date", "2008", "year"),
    ("The border crossing reopened on Aug. 3, 2022.", "Aug. 3, 2022", WED, "date", "2022-08-03", "day"),
    ("The strike was called on 2021-06-30.", "2021-06-30", WED, "date", "2021-06-30", "day"),
    ("The province was annexed in the late 1990s.", "the late 1990s", WED, "date", "199X", "decade"),
    ("The fortress was built in the 18th century.", "the 18th century", WED, "date", "17", "unknown"),
    ("Unemployment is at its highest since '09.", "'09", WED, "date", "2009", "year"),
    # weekdays: the last one before publication, unless the tense says future
    ("Gunmen stormed the checkpoint on Tuesday.", "Tuesday", WED, "date", "2024-05-07", "day"),
    ("The envoy said on Sunday that talks would resume.", "Sunday", WED, "date", "2024-05-05", "day"),
    ("Parliament will debate the motion on Thursday.", "Thursday", WED, "date", "2024-05-09", "day"),
    ("The tribunal is expected to rule on Monday.", "Monday", WED, "date", "2024-05-13", "day"),
    ("Villagers fled their homes on Saturday.", "Saturday", MON, "date", "2023-11-18", "day"),
    ("The foreign minister arrives in Ankara on Thursday.", "Thursday", MON, "date", "2023-11-23", "day"),
    ("The rebels regrouped last Tuesday.", "last Tuesday", FRI, "date", "2025-02-11", "day"),
    ("The two sides last spoke on Friday.", "Friday", FRI, "date", "2025-02-14", "day"),
    ("The tender has been postponed until Thursday.", "Thursday", FRI, "date", "2025-02-20", "day"),
    # weekday with a calendar day: the year in which they agree
    ("The troops withdrew on Friday, Nov. 17.", "Friday, Nov. 17", MON, "date", "2023-11-17", "day"),
    ("Protesters marched on Sunday, March 3.", "Sunday, March 3", "2019", "date", "2019-03-03", "day"),
    ("The first round was held on Thursday, Oct. 13.", "Thursday, Oct. 13", WED, "date", "2022-10-13", "day"),
    ("Rockets fell on Monday, May 6.", "Monday, May 6", WED, "date", "2024-05-06", "day"),
    # days, weeks, months and years relative to publication
    ("Police detained the organisers yesterday.", "yesterday", MON, "date", "2023-11-19", "day"),
    ("Ten days ago the army shelled the port.", "Ten days ago", FRI, "date", "2025-02-04", "day"),
    ("The mayor resigned three weeks ago.", "three weeks ago", FRI, "date", "2025-W04", "week"),
    ("The ministry published the figures last week.", "last week", MON, "date", "2023-W46", "week"),
    ("Four convoys were attacked in the last week.", "the last week", MON, "date", "2023-W46", "week"),
    ("The embassy closed this week.", "this week", MON, "date", "2023-W47", "week"),
    ("Demonstrators gathered over the weekend.", "the weekend", FRI, "date", "2025-W06-WE", "week"),
    ("The union called off the strike earlier this month.", "earlier this month", MON, "date", "2023-11",
     "month"),
    ("The cabinet reshuffle happened last month.", "last month", WED, "date", "2024-04", "month"),
    ("Heavy fighting resumed earlier this year.", "earlier this year", WED, "date", "2024", "year"),
    ("Elections are due next year.", "next year", FRI, "date", "2026", "year"),
    ("The treaty lapsed the year before last.", "the year before last", FRI, "date", "2023", "year"),
    ("Fuel shortages peaked at the end of the year.", "the end of the year", FRI, "date", "2024", "year"),
    ("Food prices have climbed over the past several months.", "the past several months", FRI, "date",
     "2024-08/2025-02", "month"),
    # seasons
    ("The rebels retook the town last fall.", "last fall", MON, "date", "2022-FA", "season"),
    ("Aid deliveries stalled last summer.", "last summer", WED, "date", "2023-SU", "season"),
    ("Power cuts spread this winter.", "this winter", FRI, "date", "2024-WI", "season"),
    ("The harvest failed in the autumn of 2020.", "the autumn of 2020", WED, "date", "2020-FA", "season"),
    ("The offensive is planned for next spring.", "next spring", WED, "date", "2025-SP", "season"),
    # a month or day without a year: the tense decides, else the nearer instance
    ("The election will be held in March.", "March", MON, "date", "2024-03", "month"),
    ("The ceasefire collapsed in July.", "July", MON, "date", "2023-07", "month"),
    ("The measures announced in December were reversed.", "December", MON, "date", "2022-12", "month"),
    ("The trial opens on Dec. 4.", "Dec. 4", MON, "date", "2023-12-04", "day"),
    ("A June 10 deadline looms over the talks.", "June 10", WED, "date", "2024-06-10", "day"),
    ("As of February, the agency employs 300 staff.", "February", WED, "date", "2024-02", "month"),
    ("Ministers agreed to meet in March.", "March", FRI, "date", "2025-03", "month"),
    # quarters and ranges
    ("Output fell in the first quarter of 2023.", "the first quarter of 2023", WED, "date", "2023-Q1",
     "quarter"),
    ("Profits are forecast to rise in the fourth quarter.", "the fourth quarter", MON, "date", "2023-Q4",
     "quarter"),
    ("The border stayed shut from March to June 2023.", "from March to June 2023", WED, "date",
     "2023-03/2023-06", "month"),
    ("Shelling was reported May 2-4.", "May 2-4", WED, "date", "2024-05-02/2024-05-04", "day"),
    ("The siege lasted from 2016 to 2018.", "from 2016 to 2018", FRI, "date", "2016/2018", "year"),
    ("Between June and August, the militia regrouped.", "Between June and August", MON, "date",
     "2023-06/2023-08", "month"),
    # durations (ISO 8601 periods; X where the amount is left open)
    ("The curfew remained in force for three years.", "three years", WED, "duration", "P3Y", None),
    ("He was held for 18 months without charge.", "18 months", WED, "duration", "P18M", None),
    ("The truce held for several days.", "several days", WED, "duration", "PXD", None),
    ("She spent two and a half years in exile.", "two and a half years", WED, "duration", "P2.5Y", None),
    ("The factions agreed a ten-day ceasefire.", "ten-day", WED, "duration", "P10D", None),
    ("The blockade has lasted nearly a decade.", "nearly a decade", WED, "duration", "P10Y", None),
    ("Polling stations stayed open for 12 hours.", "12 hours", WED, "duration", "PT12H", None),
    ("The market fell for six straight days.", "six straight days", WED, "duration", "P6D", None),
    # sets
    ("Inspectors visit the site every week.", "every week", WED, "set", "P1W", None),
    ("The council meets every Monday.", "every Monday", WED, "set", "XXXX-WXX-1", None),
    # the present, the past and the future as such
    ("The envoy is currently in Cairo.", "currently", WED, "date", "PRESENT_REF", "reported"),
    ("The committee now includes two opposition members.", "now", WED, "date", "PRESENT_REF", "reported"),
    ("Tensions have eased recently.", "recently", WED, "date", "PAST_REF", "unknown"),
    ("The region may become a flashpoint in the future.", "the future", WED, "date", "FUTURE_REF", "unknown"),
    ("Aid will arrive soon.", "soon", WED, "date", "FUTURE_REF", "unknown"),
    # anchored to another event: the amount is a duration, the date comes later from the anchor
    ("The militia withdrew two weeks later.", "two weeks later", WED, "anchor", "P2W", None),
]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.document.parse import load_nlp
    return load_nlp()


def reference(published: str) -> DateValue:
    if len(published) == 4:
        return DateValue(published, "year", f"{published}-01-01", f"{published}-12-31")
    return DateValue(published, "day", published, published)


def found(nlp, sentence: str, expression: str, published: str) -> Timex:  # type: ignore[no-untyped-def]
    timexes = find_timexes(nlp(sentence), reference(published))
    matches = [t for t in timexes if t.span.text == expression]
    assert matches, f"{expression!r} not found in {sentence!r}; got {[t.span.text for t in timexes]}"
    return matches[0]


def test_table_is_large_and_unique() -> None:
    assert len(TABLE) >= 50
    assert len({(row[0], row[1]) for row in TABLE}) == len(TABLE)


@pytest.mark.parametrize(("sentence", "expression", "published", "kind", "value", "precision"), TABLE,
                         ids=[f"{i:02d}-{row[1]}" for i, row in enumerate(TABLE)])
def test_timex(nlp, sentence: str, expression: str, published: str,  # type: ignore[no-untyped-def]
               kind: str, value: str | None, precision: str | None) -> None:
    timex = found(nlp, sentence, expression, published)
    assert sentence[timex.span.start:timex.span.end] == expression
    assert (timex.kind, timex.value.value) == (kind, value)
    if precision is not None:
        assert timex.value.precision == precision
    if kind == "date" and timex.value.earliest and timex.value.latest:
        assert timex.value.earliest <= timex.value.latest
