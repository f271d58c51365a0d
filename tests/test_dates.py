"""Publication dates and temporal expressions, through the real spaCy model (loaded once per module).

Every sentence here is written for these tests. Unless a case says otherwise the article was published on
Wednesday 2024-05-08 (ISO week 2024-W19).
"""
from __future__ import annotations

import dataclasses

import pytest

from eventwire.errors import ConfigError
from eventwire.mentions.dates import (AnchorOffset, anchor_offset, date_stage, document_reference, find_timexes,
                                      publication_date, shift)
from eventwire.model import Article, DateValue, Span, Timex

PUBLISHED = DateValue("2024-05-08", "day", "2024-05-08", "2024-05-08")
YEAR_2024 = DateValue("2024", "year", "2024-01-01", "2024-12-31")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from eventwire.document.parse import load_nlp
    return load_nlp()


def timex_for(nlp, sentence: str, expression: str,  # type: ignore[no-untyped-def]
              reference: DateValue | None = PUBLISHED) -> Timex:
    found = find_timexes(nlp(sentence), reference)
    matches = [t for t in found if t.span.text == expression]
    assert matches, f"{expression!r} not found in {sentence!r}; got {[t.span.text for t in found]}"
    timex = matches[0]
    assert sentence[timex.span.start:timex.span.end] == expression
    return timex


# (sentence, expression as it should be found, value, precision)
DATES: list[tuple[str, str, str, str]] = [
    ("The two leaders met on Wednesday, May 1, in Jerusalem.", "Wednesday, May 1", "2024-05-01", "day"),
    ("The rebels attacked the base on Monday.", "Monday", "2024-05-06", "day"),
    ("The minister will travel to Cairo on Friday.", "Friday", "2024-05-10", "day"),
    ("The court ruled on Wednesday.", "Wednesday", "2024-05-08", "day"),
    ("The minister is due to visit the border on Saturday.", "Saturday", "2024-05-11", "day"),
    ("The president spoke to reporters last Friday.", "last Friday", "2024-05-03", "day"),
    ("The summit opens next Monday.", "next Monday", "2024-05-13", "day"),
    ("Refugees crossed the border on Thursday night.", "Thursday night", "2024-05-02", "day"),
    ("Last Wednesday's strike killed five soldiers.", "Last Wednesday", "2024-05-01", "day"),
    ("The budget grew this fiscal year.", "this fiscal year", "2024", "year"),
    ("Protesters gathered outside parliament yesterday.", "yesterday", "2024-05-07", "day"),
    ("The envoy arrives in Doha tomorrow.", "tomorrow", "2024-05-09", "day"),
    ("Officials said today that the talks had stalled.", "today", "2024-05-08", "day"),
    ("Air strikes hit the northern district last night.", "last night", "2024-05-07", "day"),
    ("The committee met last week to review the budget.", "last week", "2024-W18", "week"),
    ("Voters go to the polls next week.", "next week", "2024-W20", "week"),
    ("Talks resumed this week in Geneva.", "this week", "2024-W19", "week"),
    ("Clashes erupted along the border over the weekend.", "the weekend", "2024-W18-WE", "week"),
    ("The two leaders will meet this weekend.", "this weekend", "2024-W19-WE", "week"),
    ("The government resigned last month.", "last month", "2024-04", "month"),
    ("The treaty expires next month.", "next month", "2024-06", "month"),
    ("The talks collapsed earlier this month.", "earlier this month", "2024-05", "month"),
    ("Inflation rose sharply last year.", "last year", "2023", "year"),
    ("The army plans a new offensive next year.", "next year", "2025", "year"),
    ("Unrest spread to the provinces earlier this year.", "earlier this year", "2024", "year"),
    ("The plan was first announced the year before last.", "the year before last", "2022", "year"),
    ("The militants launched a surprise attack last fall.", "last fall", "2023-FA", "season"),
    ("Crops failed across the region last summer.", "last summer", "2023-SU", "season"),
    ("Heavy snow cut off the mountain villages last winter.", "last winter", "2023-WI", "season"),
    ("The offensive is expected to begin next spring.", "next spring", "2025-SP", "season"),
    ("Negotiations stalled this spring.", "this spring", "2024-SP", "season"),
    ("The coup took place in the spring of 2021.", "the spring of 2021", "2021-SP", "season"),
    ("The accord was struck in the summer of last year.", "the summer of last year", "2023-SU", "season"),
    ("The dam was finished in March 2019.", "March 2019", "2019-03", "month"),
    ("Parliament will vote on the bill in June.", "June", "2024-06", "month"),
    ("Fighting intensified in February.", "February", "2024-02", "month"),
    ("The ceasefire broke down in December.", "December", "2023-12", "month"),
    ("Soldiers were deployed in January of last year.", "January of last year", "2023-01", "month"),
    ("Troops withdrew from the valley in mid-April.", "mid-April", "2024-04", "month"),
    ("The agreement was signed on 12 March 2022.", "12 March 2022", "2022-03-12", "day"),
    ("The bombing took place on Jan. 5.", "Jan. 5", "2024-01-05", "day"),
    ("The verdict came on Dec. 28.", "Dec. 28", "2023-12-28", "day"),
    ("The election is scheduled for Nov. 5.", "Nov. 5", "2024-11-05", "day"),
    ("The treaty was signed on June 4, 1995, in Paris.", "June 4, 1995", "1995-06-04", "day"),
    ("Rebels seized the town on 2023-11-02.", "2023-11-02", "2023-11-02", "day"),
    ("The strike began on 03/15/2024.", "03/15/2024", "2024-03-15", "day"),
    ("Elections were held on Christmas Day.", "Christmas Day", "2023-12-25", "day"),
    ("The city fell three days ago.", "three days ago", "2024-05-05", "day"),
    ("Two weeks ago, the rebels regrouped in the hills.", "Two weeks ago", "2024-W17", "week"),
    ("The company was founded five years ago.", "five years ago", "2019", "year"),
    ("The crisis began months ago.", "months ago", "2023-11/2024-03", "month"),
    ("Over the past several months, mediators tried to broker a truce.", "the past several months",
     "2023-11/2024-05", "month"),
    ("Hundreds of families fled in the past two weeks.", "the past two weeks", "2024-W17/2024-W19", "week"),
    ("Attacks on convoys have increased in recent weeks.", "recent weeks", "2024-W13/2024-W19", "week"),
    ("The law takes effect in the coming months.", "the coming months", "2024-05/2024-11", "month"),
    ("Aid flowed freely in the 1990s.", "the 1990s", "199X", "decade"),
    ("The movement was banned in the '80s.", "the '80s", "198X", "decade"),
    ("Elections were last held in the early 2000s.", "the early 2000s", "200X", "decade"),
    ("He first won office in 2019.", "2019", "2019", "year"),
    ("The peninsula was annexed in late 2014.", "late 2014", "2014", "year"),
    ("The reform passed in fiscal 2021.", "fiscal 2021", "2021", "year"),
    ("The siege lasted from 2014 to 2016.", "from 2014 to 2016", "2014/2016", "year"),
    ("Shelling continued between May 1 and May 3.", "between May 1 and May 3", "2024-05-01/2024-05-03", "day"),
    ("Exports fell in the first quarter of 2023.", "the first quarter of 2023", "2023-Q1", "quarter"),
    ("Growth slowed in the third quarter.", "the third quarter", "2023-Q3", "quarter"),
    ("Prices rose in the second half of 2022.", "the second half of 2022", "2022-H2", "year"),
]


@pytest.mark.parametrize(("sentence", "expression", "value", "precision"), DATES,
                         ids=[f"{i:02d}-{c[1]}" for i, c in enumerate(DATES)])
def test_date_expression(nlp, sentence: str, expression: str,  # type: ignore[no-untyped-def]
                         value: str, precision: str) -> None:
    timex = timex_for(nlp, sentence, expression)
    assert timex.kind == "date"
    assert (timex.value.value, timex.value.precision) == (value, precision)
    assert timex.value.earliest and timex.value.latest and timex.value.earliest <= timex.value.latest
    assert timex.value.evidence == (timex.span,)


@pytest.mark.parametrize(("sentence", "expression", "earliest", "latest"), [
    ("The militants launched a surprise attack last fall.", "last fall", "2023-09-01", "2023-11-30"),
    ("Heavy snow cut off the mountain villages last winter.", "last winter", "2023-12-01", "2024-02-29"),
    ("The talks collapsed earlier this month.", "earlier this month", "2024-05-01", "2024-05-08"),
    ("Troops withdrew from the valley in mid-April.", "mid-April", "2024-04-11", "2024-04-20"),
    ("The peninsula was annexed in late 2014.", "late 2014", "2014-09-01", "2014-12-31"),
    ("Over the past several months, mediators tried to broker a truce.", "the past several months",
     "2023-11-08", "2024-05-08"),
    ("Clashes erupted along the border over the weekend.", "the weekend", "2024-05-04", "2024-05-05"),
    ("Talks resumed this week in Geneva.", "this week", "2024-05-06", "2024-05-12"),
])
def test_bounds(nlp, sentence: str, expression: str,  # type: ignore[no-untyped-def]
                earliest: str, latest: str) -> None:
    value = timex_for(nlp, sentence, expression).value
    assert (value.earliest, value.latest) == (earliest, latest)


@pytest.mark.parametrize(("sentence", "expression", "value"), [
    ("The delegation stayed in the capital for two weeks.", "two weeks", "P2W"),
    ("He ended a three-day visit to the region.", "three-day", "P3D"),
    ("The talks lasted approximately 2.5 hours.", "approximately 2.5 hours", "PT2.5H"),
])
def test_durations_are_not_dates(nlp, sentence: str, expression: str,  # type: ignore[no-untyped-def]
                                 value: str) -> None:
    timex = timex_for(nlp, sentence, expression)
    assert timex.kind == "duration"
    assert (timex.value.value, timex.value.precision) == (value, "unknown")
    assert (timex.value.earliest, timex.value.latest) == (None, None)


def test_sets(nlp) -> None:  # type: ignore[no-untyped-def]
    timex = timex_for(nlp, "Patrols cross the river every Friday.", "every Friday")
    assert timex.kind == "set" and timex.value.value == "XXXX-WXX-5"


def test_recently_is_past_ref_not_a_day(nlp) -> None:  # type: ignore[no-untyped-def]
    timex = timex_for(nlp, "Recently, the envoy met the prime minister.", "Recently")
    assert timex.value == DateValue("PAST_REF", "unknown", None, "2024-05-08", (timex.span,))


@pytest.mark.parametrize("sentence", [
    "A 42-year-old man was arrested at the scene.",
    "Prices fall when the harvest is good.",
    "He said he may resign.",
])
def test_not_dates(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t in find_timexes(nlp(sentence), PUBLISHED) if t.kind == "date"] == []


@pytest.mark.parametrize(("sentence", "expression", "days", "relation", "precision"), [
    ("The meeting came the day after the vote.", "the day after", 1, "after", "day"),
    ("The ceasefire collapsed two days later.", "two days later", 2, "after", "day"),
    ("The raid happened a week before the election.", "a week before", 7, "before", "day"),
    ("Rockets were fired that same day.", "that same day", 0, "same", "day"),
    ("They met again the following month.", "the following month", 30, "after", "month"),
    ("The envoy had left the day before.", "the day before", 1, "before", "day"),
    ("The town was shelled the next morning.", "the next morning", 1, "after", "day"),
])
def test_anchors(nlp, sentence: str, expression: str, days: int,  # type: ignore[no-untyped-def]
                 relation: str, precision: str) -> None:
    timex = timex_for(nlp, sentence, expression)
    assert timex.kind == "anchor" and timex.anchor == relation
    # the amount of "two days later" is a duration; "the day after" names none
    assert timex.value.value == {"two days later": "P2D", "a week before": "P1W"}.get(expression)
    assert anchor_offset(timex) == AnchorOffset(days, relation, precision)


def test_anchor_offset_of_other_kinds_is_none(nlp) -> None:  # type: ignore[no-untyped-def]
    assert anchor_offset(timex_for(nlp, "The court ruled on Wednesday.", "Wednesday")) is None


def test_shift() -> None:
    d = DateValue("2024-05-01", "day", "2024-05-01", "2024-05-01")
    assert shift(d, -1) == DateValue("2024-04-30", "day", "2024-04-30", "2024-04-30")
    assert shift(d, 31).value == "2024-06-01"
    month = DateValue("2024-05", "month", "2024-05-01", "2024-05-31")
    assert shift(month, 3) == month


# ----------------------------------------------------------------------------- weekday consistency, references

def test_weekday_fits_reference_year(nlp) -> None:  # type: ignore[no-untyped-def]
    timex = timex_for(nlp, "They met on Wednesday, May 1, in the capital.", "Wednesday, May 1", YEAR_2024)
    assert timex.value.value == "2024-05-01"


def test_weekday_wins_over_reference_year(nlp) -> None:  # type: ignore[no-untyped-def]
    # May 1 was a Tuesday in 2018 and 2029; 2029 is the nearer to 2024.
    timex = timex_for(nlp, "They met on Tuesday, May 1, in the capital.", "Tuesday, May 1", YEAR_2024)
    assert timex.value.value == "2029-05-01"
    timex = timex_for(nlp, "They met on Tuesday, May 1, in the capital.", "Tuesday, May 1",
                      DateValue("2020", "year", "2020-01-01", "2020-12-31"))
    assert timex.value.value == "2018-05-01"


def test_explicit_year_beats_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    timex = timex_for(nlp, "They met on Tuesday, May 1, 2024.", "Tuesday, May 1, 2024")
    assert timex.value.value == "2024-05-01"


def test_year_reference_relative_known_and_unknown(nlp) -> None:  # type: ignore[no-untyped-def]
    assert timex_for(nlp, "Fighting resumed last year.", "last year", YEAR_2024).value.value == "2023"
    monday = timex_for(nlp, "Talks began on Monday.", "Monday", YEAR_2024).value
    assert (monday.value, monday.precision) == (None, "unknown")
    assert (monday.earliest, monday.latest) == ("2024-01-01", "2024-12-30")


def test_month_reference_without_bounds(nlp) -> None:  # type: ignore[no-untyped-def]
    may = DateValue("2024-05", "month")
    assert timex_for(nlp, "The envoys met on May 3.", "May 3", may).value.value == "2024-05-03"
    assert timex_for(nlp, "Fighting resumed last year.", "last year", may).value.value == "2023"


def test_no_reference(nlp) -> None:  # type: ignore[no-untyped-def]
    signed = timex_for(nlp, "The treaty was signed on June 4, 1995.", "June 4, 1995", None)
    assert signed.value.value == "1995-06-04"
    assert timex_for(nlp, "He first won office in 2019.", "2019", None).value.value == "2019"
    for sentence, expression in [("He resigned yesterday.", "yesterday"), ("The vote was held on May 1.", "May 1"),
                                 ("The militants struck last fall.", "last fall")]:
        value = timex_for(nlp, sentence, expression, None).value
        assert (value.value, value.precision) == (None, "unknown")


# ------------------------------------------------------------------------------------------- publication date

def test_dateline_without_year_takes_trailer_year() -> None:
    text = "GAZA CITY, May 2 (Reuters) \u2013 Israeli tanks pushed into the south of the city on Thursday."
    raw = text + "\n\nCopyright 2024 Reuters. All rights reserved."
    found = publication_date(text, raw)
    assert found is not None
    assert (found.value, found.precision, found.earliest, found.latest) == ("2024-05-02", "day", "2024-05-02",
                                                                            "2024-05-02")
    assert [e.text for e in found.evidence] == ["May 2"]
    assert text[found.evidence[0].start:found.evidence[0].end] == "May 2"


def test_dateline_without_year_and_no_trailer_is_unknown() -> None:
    assert publication_date("GAZA CITY, May 2 (Reuters) \u2013 Israeli tanks pushed south.") is None


@pytest.mark.parametrize(("text", "value", "cue"), [
    ("WASHINGTON, Jan. 5, 2024 (AP) \u2014 The Senate passed the bill.", "2024-01-05", "Jan. 5, 2024"),
    ("May 2, 2024 \u2014 Officials in the capital confirmed the talks.", "2024-05-02", "May 2, 2024"),
    ("Talks Stall in Doha\n\nDOHA, Qatar, March 14, 2023 (AFP) - Mediators paused.", "2023-03-14",
     "March 14, 2023"),
])
def test_dateline_with_year(text: str, value: str, cue: str) -> None:
    found = publication_date(text)
    assert found is not None and (found.value, found.precision) == (value, "day")
    assert [e.text for e in found.evidence] == [cue]


def test_story_is_from_line() -> None:
    text = "This story is from March 10, 2002.\n\nThe ministers met in the capital to discuss the border."
    found = publication_date(text)
    assert found is not None and (found.value, found.precision) == ("2002-03-10", "day")
    assert found.evidence[0].text == "March 10, 2002"


def test_copyright_trailer_only_in_raw_text() -> None:
    text = "The ministers met in the capital to discuss the border."
    found = publication_date(text, text + "\n\nCopyright 2024, The Daily Example")
    assert found == DateValue("2024", "year", "2024-01-01", "2024-12-31")


def test_copyright_sign_in_text_has_evidence() -> None:
    text = "The ministers met in the capital.\n\n\u00a9 2019-2023 Example Media"
    found = publication_date(text)
    assert found is not None and (found.value, found.precision) == ("2023", "year")
    assert found.evidence[0].text == "\u00a9 2019-2023"


@pytest.mark.parametrize(("given", "value", "precision", "earliest", "latest"), [
    ("2024", "2024", "year", "2024-01-01", "2024-12-31"),
    ("2024-05", "2024-05", "month", "2024-05-01", "2024-05-31"),
    ("2024-05-01", "2024-05-01", "day", "2024-05-01", "2024-05-01"),
    ("May 1, 2024", "2024-05-01", "day", "2024-05-01", "2024-05-01"),
    ("May 2024", "2024-05", "month", "2024-05-01", "2024-05-31"),
])
def test_given_value(given: str, value: str, precision: str, earliest: str, latest: str) -> None:
    text = "WASHINGTON, Jan. 5, 2020 (AP) \u2014 The Senate passed the bill."
    found = publication_date(text, given=given, metadata="2021-01-01")
    assert found == DateValue(value, precision, earliest, latest)


def test_given_value_that_is_not_a_date() -> None:
    with pytest.raises(ConfigError):
        publication_date("Text.", given="sometime soon")


def test_metadata_beats_dateline() -> None:
    text = "WASHINGTON, Jan. 5, 2020 (AP) \u2014 The Senate passed the bill."
    found = publication_date(text, metadata="2024-05-01T09:30:00+00:00")
    assert found is not None and (found.value, found.precision) == ("2024-05-01", "day")
    found = publication_date(text, metadata="Wed, 01 May 2024 10:00:00 GMT")
    assert found is not None and found.value == "2024-05-01"


def test_nothing_to_go_on() -> None:
    assert publication_date("The ministers met in the capital.") is None


# ------------------------------------------------------------------------------------------ document reference

def test_document_reference_refines_year_to_latest_calendar_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The talks began on March 3. The envoys met again on Wednesday, May 1. "
            "A vote is planned for Nov. 5.")
    doc = nlp(text)
    timexes = find_timexes(doc, YEAR_2024)
    reference = document_reference(YEAR_2024, timexes, doc)
    assert reference is not None
    assert (reference.value, reference.precision) == ("2024-05-01", "day")
    assert [e.text for e in reference.evidence] == ["Wednesday, May 1"]


def test_document_reference_keeps_day_and_unknown(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The envoys met on May 1.")
    assert document_reference(PUBLISHED, find_timexes(doc, PUBLISHED), doc) is PUBLISHED
    assert document_reference(None, find_timexes(doc, None), doc) is None
    nothing = nlp("The envoys met last week.")
    assert document_reference(YEAR_2024, find_timexes(nothing, YEAR_2024), nothing) is YEAR_2024


def test_date_stage_end_to_end(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Analysis
    text = ("Fighting began after a surprise raid last fall. The foreign ministers met on Wednesday, May 1, "
            "for three hours. The meeting came the day after the army vowed to advance.")
    article = Article(id="a1", text=text, raw_text=text + "\n\nCopyright 2024, Example News")
    analysis = Analysis(article=article, doc=nlp(text))
    date_stage(analysis)
    assert analysis.article.published == DateValue("2024", "year", "2024-01-01", "2024-12-31")
    assert analysis.reference is not None and analysis.reference.value == "2024-05-01"
    by_text = {t.span.text: t for t in analysis.timexes}
    assert by_text["last fall"].value.value == "2023-FA"
    assert by_text["Wednesday, May 1"].value.value == "2024-05-01"
    assert by_text["three hours"].kind == "duration"
    assert by_text["the day after"].kind == "anchor"


def test_date_stage_keeps_a_given_date(nlp) -> None:  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Analysis
    text = "The ministers met yesterday."
    article = dataclasses.replace(Article(id="a2", text=text), published=PUBLISHED)
    analysis = Analysis(article=article, doc=nlp(text))
    date_stage(analysis)
    assert analysis.article.published is PUBLISHED and analysis.reference is PUBLISHED
    assert [t.value.value for t in analysis.timexes] == ["2024-05-07"]


def test_spans_are_offsets_into_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday, May 6, the envoy left; two days later he returned, and talks resume next week."
    for timex in find_timexes(nlp(text), PUBLISHED):
        assert text[timex.span.start:timex.span.end] == timex.span.text
        assert isinstance(timex.span, Span)
