"""Words and patterns of temporal expressions (part of the ``dates`` stage), and span clean-up.

Calendar facts only: month and weekday names, number words, the amounts vague words stand for.
"""
from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "hundred": 100, "a hundred": 100,
}
# Vague amounts as (low, high).
VAGUE: dict[str, tuple[int, int]] = {
    "a couple of": (2, 2), "couple of": (2, 2), "a couple": (2, 2), "a few": (2, 4), "few": (2, 4),
    "several": (3, 6), "some": (2, 6), "many": (4, 12), "a number of": (2, 6), "dozens of": (24, 60),
}
BARE_PLURAL = (2, 6)   # "weeks ago"
SEASON_CODES: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS: dict[str, int] = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
                            "4th": 4, "final": 4}
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
}
WORD_DECADES: dict[str, int] = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                                "seventies": 70, "eighties": 80, "nineties": 90}

alt = "|".join
MONTH = r"(?:" + alt(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?:" + alt(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
DAYNUM = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
RELYEAR = r"(?:" + YEAR4 + r"|last year|this year|next year|the previous year|the following year)"
NUM = (r"(?:\d+(?:\.\d+)?|" + alt(sorted(VAGUE, key=len, reverse=True)) + "|"
       + alt(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?: and a half)?")
UNIT = r"(?:day|week|fortnight|month|year|decade|hour|minute|night|morning|evening|afternoon)s?"
PART = r"(?: (?:morning|afternoon|evening|night|overnight))?"
MOD = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of)"

LEADING = re.compile(
    r"^(?:on|in|at|by|since|until|till|through|throughout|during|for|over|of|as of|as early as|as late as|"
    r"around|about|approximately|approx\.|roughly|nearly|almost|some|more than|less than|at least|up to|"
    r"just|only|within|circa|c\.|sometime|some time|from|starting|as recently as|"
    r"the whole of|all of|a mere|a full|a further|an additional|an extra|another)\s+")
NOT_DATES = re.compile(
    r"(?:recently|now|right now|currently|lately|nowadays|the past|the future|once|then|soon|previously|"
    r"the time|the moment|time|times|the day|the week|the month|the year|the decade|the era|that time|"
    r"the period|ages|the same time|overnight|the age of \d+|these days|those days|one day|some day|someday|"
    r"the other day|the old days|(?:last|next|this) time|the early days|the days|the weeks|the months|"
    r"the years|the decades|midnight|noon|dawn|dusk|morning|afternoon|evening|night)")
AGE = re.compile(r".*\b(?:years?|months?)[- ]old\b.*|.*\byear-olds?\b.*|aged? .*|.*\bbirthday\b.*")


def clean_span(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t).strip(" ,;:()[]\"'")
    t = re.sub(r"'s?$", "", t)
    t = re.sub(r"\s*-\s*", "-", t) if re.search(r"\d\s+-\s+\d", t) else t
    return t.rstrip(".,")


def strip_leading(t: str) -> str:
    while True:
        s = LEADING.sub("", t, count=1)
        if s == t:
            return t
        t = s


