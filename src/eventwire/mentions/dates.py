"""Stage ``dates``: the publication date and every temporal expression, normalised against it.

Requires ``article`` and ``doc``; assigns ``timexes`` and ``reference`` (and fills ``article.published`` when
the caller did not give it). Spans come from spaCy's DATE/TIME entities and from patterns for what the small
model misses ("last fall", "the day after", "weeks ago"); ``timex_rules`` normalises each span. A publication
date known only to the year is refined to the latest explicit calendar day in the text within that year
(the article was written on or after it), and the expressions are read a second time against it.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import PipelineError
from ..model import DateValue, Precision, Span, Timex
from .published import publication_date
from .timex_rules import NUM, UNIT, Reference, anchor_of, is_calendar_day, read
from .timex_values import shift

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..pipeline import Analysis

__all__ = ["AnchorOffset", "anchor_offset", "date_stage", "document_reference", "find_timexes",
           "publication_date", "shift"]

REQUIRES = ("article", "doc")
ASSIGNS = ("timexes", "reference")


@dataclass(frozen=True, slots=True)
class AnchorOffset:
    """How an anchored expression places the event it governs relative to the anchor event.

    ``days`` is the distance, never negative ("two days later" 2, "the day before" 1, "that day" 0);
    ``relation`` gives the direction: after (governed = shift(anchor, +days)), before (shift(anchor, -days))
    or same. ``precision`` is coarser than "day" for months, years and vague amounts ("days later").
    """

    days: int
    relation: str
    precision: Precision = "day"


def anchor_offset(timex: Timex) -> AnchorOffset | None:
    """The offset of an anchor timex ("the day after" -> 1 day, after); None for other kinds."""
    if timex.kind != "anchor":
        return None
    found = anchor_of(timex.span.text)
    if found is None:
        return None
    relation, days, precision = found
    return AnchorOffset(days, relation, precision)


# -------------------------------------------------------------------------------------------- detection

_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
      r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)")
_W = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"\d{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:1[6-9]\d\d|20\d\d)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_END = r"(?![\w'])"
_DATEISH = (rf"(?:(?:{_W},?\s+)?(?:{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)|{_M}(?:\s+{_Y})?"
            rf"|{_Y}|{_W})")


@functools.cache
def _finders() -> tuple[re.Pattern[str], ...]:
    """Patterns over the raw text; a group ``t`` (when present) is the span, else the whole match."""
    c = re.compile
    num, unit = f"(?:{NUM})", f"(?:{UNIT})"
    return (
        c(rf"\b(?:(?i:last|next|this past|this coming|this|coming|past)\s+)?{_W}(?:\s+(?i:morning|afternoon|"
          rf"evening|night))?(?:,?\s+(?:{_M}\s+{_D}|{_D}\s+(?:of\s+)?{_M})(?:,?\s+{_Y})?)?"
          rf"(?:\s+(?i:last|next|this)\s+week)?{_END}"),
        c(rf"\b(?:(?i:early|mid|late)[- ])?{_M}\s+{_D}(?:\s*[-\u2013]\s*\d{{1,2}})?(?:,?\s+{_Y})?{_END}"),
        c(rf"\b{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?{_END}"),
        c(rf"\b{_M},?\s+(?:of\s+)?{_Y}{_END}"),
        c(rf"\b(?i:early|mid|late|last|next|this)[- ]{_M}{_END}"),
        c(rf"\b(?i:in|since|until|by|during|through|throughout|from|before|after|of)\s+"
          rf"(?P<t>{_M}(?:\s+(?i:last|this|next)\s+year)?){_END}"),
        c(rf"\b(?i:(?:last|next|this past|this coming|this|early|late)\s+{_SEASON}(?:\s+(?:of\s+)?{_Y})?)\b"),
        c(rf"\b(?i:in|during|since|by|until|over|through|throughout)\s+(?P<t>(?i:the\s+(?:(?:early|late)\s+)?"
          rf"{_SEASON})(?:\s+(?:of\s+)?{_Y})?)\b(?!\s+of\s+(?!{_Y})[A-Za-z])"),
        c(rf"\b(?i:{_SEASON}(?:\s+of)?)\s+{_Y}\b"),
        c(r"\b(?i:(?:early|late|earlier|later)\s+)?(?i:today|tonight|yesterday|tomorrow|last night|"
          r"this (?:morning|afternoon|evening)|the day before yesterday|the day after tomorrow)"
          r"(?:\s+(?i:morning|afternoon|evening|night))?\b"),
        c(r"\b(?i:(?:(?:early|mid|late|earlier|later)[- ](?:in\s+)?|the (?:end|beginning|start|middle) of\s+)?"
          r"(?:this|last|next|the current) (?:fiscal )?(?:week|weekend|month|year|quarter|decade)"
          r"(?: before last| after next)?)\b"),
        c(r"\b(?i:(?:earlier|later) in the (?:week|month|year)|the (?:end|beginning|start|middle) of the "
          r"(?:week|month|year)|the (?:week|month|year) (?:before last|after next))\b"),
        c(rf"\b(?i:between|from)\s+{_DATEISH}\s+(?i:and|to|until|through)\s+{_DATEISH}{_END}"),
        c(r"\b(?i:over|during|at|on|this past|last|next|this)\s+(?P<t>(?i:the\s+)?weekend)\b"),
        c(rf"\b(?i:(?:{num}\s+)?{unit}\s+ago)\b"),
        c(rf"\b(?P<t>(?i:the\s+(?:past|last|previous|preceding|next|coming|upcoming)\s+(?:{num}\s+)?{unit}))\b"),
        c(rf"\b(?i:(?:past|last)\s+{num}\s+{unit}|recent\s+(?:days|weeks|months|years))\b"),
        c(rf"\b(?i:the\s+(?:very\s+)?(?:next|following|subsequent|previous|preceding|prior)\s+(?:day|morning|"
          rf"afternoon|evening|night|week|month|year)|the\s+(?:day|morning|night|evening|week|month|year)\s+"
          rf"(?:after|before)|(?:{num}\s+|the\s+)?{unit}\s+(?:later|earlier|afterwards|afterward|thereafter|"
          rf"before|after|prior|previously|beforehand)|(?:the same|that same|that|(?:later|earlier) that)\s+"
          rf"(?:day|morning|afternoon|evening|night)|the eve of)\b(?!\s+(?i:day|week|month|year)\b)"),
        c(r"\b(?i:the\s+(?:(?:early|mid|late)[- ]?)?(?:(?:1[5-9]|20)\d0|'?\d0)'?s)(?![\w'])"),
        c(r"\b(?i:the\s+(?:(?:early|mid|late)[- ]?)?(?:nineteen[- ])?(?:twenties|thirties|forties|fifties|"
          r"sixties|seventies|eighties|nineties))\b"),
        c(rf"\b(?i:in|since|by|until|during|from|through|before|after|between)\s+(?P<t>{_Y}"
          rf"(?:\s*[-\u2013]\s*(?:{_Y}|\d{{2}}))?)(?!\s*(?:%|percent)|[\d,.]\d)"),
        c(rf"\b(?i:early|late|mid)[- ]?{_Y}\b"),
        c(rf"\b(?i:(?:the\s+)?(?:first|second|third|fourth|final)\s+(?:fiscal\s+)?quarter(?:\s+of\s+(?:the\s+)?"
          rf"(?:fiscal\s+)?(?:year\s+)?(?:{_Y}|last year|this year|next year))?)\b"),
        c(rf"\bQ[1-4](?:\s+{_Y})?\b"),
        c(rf"\b(?i:the\s+)?(?:first|second) half of (?:{_Y}|(?i:last|this|next) year|the year)\b"),
        c(rf"\b(?:Christmas(?: Eve| Day)?|New Year's (?:Day|Eve)|Halloween)(?:,?\s+{_Y})?\b"),
        c(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b"),
        c(rf"\b(?i:for|over|within|in|after)\s+(?P<t>(?i:(?:about|approximately|nearly|almost|roughly|some|"
          rf"more than|less than|at least|around|a mere|just|only|another|a further)\s+)?{num}\s+"
          rf"(?i:(?:straight|consecutive|successive|more|further|additional|full)\s+)?{unit})\b"),
        c(rf"\b(?i:{num})-(?i:day|week|month|year|hour)(?:-long)?\b(?!-)"),
        c(rf"\b(?i:every(?: other)?\s+(?:day|week|month|year|morning|night|weekend)|every\s+{_W}|each\s+"
          r"(?:day|week|month|year))\b"),
        # deictic words (PRESENT_REF, PAST_REF, FUTURE_REF); not "the future of ...", "now-defunct"
        c(r"\b(?i:(?:right\s+)?now|currently|presently|nowadays|at\s+present|the\s+time\s+being|"
          r"(?:more\s+|most\s+|very\s+|only\s+)?recently|lately|formerly|"
          rf"the\s+(?:(?:distant\s+)?past|(?:near\s+|distant\s+|foreseeable\s+)?future)(?!\s+{num}\b|"
          rf"\s+(?:[a-z]+\s+)?{unit}\b)|"
          r"(?<!as\s)(?:very\s+)?soon(?!\s+(?:after|afterwards?|thereafter|as|enough|before)\b)|"
          r"the\s+(?:near|long|medium|short)\s+(?:term|run))\b(?![-\u2019']|\s+of\b)"),
        c(r"\b(?i:since|in|of|until|by)\s+(?P<t>['\u2019]\d\d)\b(?!['\u2019]?s)"),
        c(r"\b(?i:the\s+)?(?i:(?:early|mid|late)[- ])?(?:1[5-9]|2[01])(?:th|st)\s+(?i:century)\b"),
    )


def _candidates(doc: "Doc") -> Iterator[tuple[int, int]]:
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            yield ent.start_char, ent.end_char
    text = doc.text
    for pattern in _finders():
        for m in pattern.finditer(text):
            if "t" in pattern.groupindex and m.group("t") is not None:
                yield m.start("t"), m.end("t")
            else:
                yield m.start(), m.end()


_FUTURE_AUX = frozenset({"will", "wo", "'ll", "ll", "shall", "would", "may", "might", "could", "can", "ca",
                         "should", "must", "going", "gon"})
_FUTURE_HEAD = frozenset({"due", "set", "schedule", "plan", "expect", "slate", "intend", "aim", "prepare",
                          "poise", "likely", "scheduled", "planned", "slated", "expected", "going"})
_SAY = frozenset({"say", "tell", "report", "announce", "state", "confirm", "add", "note", "claim", "write",
                  "have", "do"})


def _is_future(span: "SpacySpan | None") -> bool:
    """Whether the clause governing the span speaks of the future ("will meet on Wednesday", "is due to"),
    counting the present tense ("meets on Sunday") as the future of a scheduled act."""
    return _tense(span) in ("future", "present")


def _tense(span: "SpacySpan | None") -> str | None:
    """The tense of the clause governing the span: "future" ("will meet", "is due to"), "present" ("meets on
    Sunday", "is meeting"), "past" ("met", "has met", "was held") or None (no verb to go by)."""
    if span is None:
        return None
    tok: Token = span.root
    prep = tok.head if tok.dep_ == "pobj" else None
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    climbed = False
    for _ in range(3):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        if words & _FUTURE_AUX:
            return "future"
        if tok.lemma_.lower() in _FUTURE_HEAD and tok.tag_ in ("JJ", "VBN", "VBG", "VBZ", "VBP"):
            return "future"
        perfect = any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes)
        if prep is not None and prep.lower_ in ("until", "till") and not climbed and (
                perfect or tok.tag_ in ("VBZ", "VBP")):
            return "future"      # a state holding now lasts until then: "has been postponed until Friday"
        present_aux = any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes)
        if present_aux and tok.tag_ in ("VBG", "VBN"):
            return "present"     # "is meeting on Friday", "is held on Sunday"
        if tok.tag_ in ("VBZ", "VBP") and tok.lemma_ not in _SAY and not auxes:
            return "present"     # "the cabinet meets on Sunday", "the vote is on Friday"
        if tok.dep_ == "xcomp" and tok.head.i != tok.i:
            tok = tok.head
            climbed = True
            continue
        if climbed:
            break                # "agreed to meet in June": after the agreement, not before the reference
        if tok.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
            return "past"        # "met", "was held", "has met", "had met"
        if tok.tag_ == "VBN" and not auxes:
            return "past"        # "the plans announced in January"
        break
    return None


def find_timexes(doc: "Doc", reference: DateValue | None) -> list[Timex]:
    """Temporal expressions in ``doc`` normalised against ``reference``, in text order, without overlaps."""
    ref = Reference.of(reference)
    text = doc.text
    readings = []
    for start, end in set(_candidates(doc)):
        while start < end and text[start] in " \t\n,.;:(\"'" and not re.match(r"'\d\d\b", text[start:end]):
            start += 1          # but "since '09" keeps its apostrophe
        while end > start and text[end - 1] in " \t\n,;:)\"":
            end -= 1
        if text[max(start, end - 2):end] in ("'s", "\u2019s"):
            end -= 2          # "last Wednesday's strike": the possessive is not part of the date
        if start >= end:
            continue
        surface = text[start:end]
        tense = _tense(doc.char_span(start, end, alignment_mode="expand"))
        found = read(surface, ref, tense in ("future", "present"), tense)
        if found is not None:
            readings.append((start, end, found))
    chosen: list[tuple[int, int, Timex]] = []
    for start, end, found in sorted(readings, key=lambda r: (r[0] - r[1], r[0])):
        if any(start < e and s < end for s, e, _ in chosen):
            continue
        span = Span(start, end, text[start:end])
        chosen.append((start, end, Timex(span, found.resolved.to_value((span,)), found.kind, found.anchor)))
    return [t for _, _, t in sorted(chosen, key=lambda c: c[0])]


def document_reference(published: DateValue | None, timexes: list[Timex],
                       doc: "Doc | None" = None) -> DateValue | None:
    """``published`` refined to a day when it is known only to the month or year: the latest explicit
    calendar day within its range (skipping, when ``doc`` is given, days the text puts in the future)."""
    if published is None or published.precision == "day":
        return published
    ref = Reference.of(published)
    if ref is None:
        return published
    best: Timex | None = None
    for timex in timexes:
        value = timex.value
        if timex.kind != "date" or value.precision != "day" or not value.value or "/" in value.value:
            continue
        if not (ref.earliest.isoformat() <= value.value <= ref.latest.isoformat()):
            continue
        if not is_calendar_day(timex.span.text):
            continue
        if doc is not None and _is_future(doc.char_span(timex.span.start, timex.span.end,
                                                        alignment_mode="expand")):
            continue
        if best is None or value.value > (best.value.value or ""):
            best = timex
    if best is None:
        return published
    return dataclasses.replace(best.value, evidence=(best.span,))


def date_stage(analysis: "Analysis") -> None:
    """Publication date (when not given), timexes and the reference they are resolved against."""
    doc = analysis.doc
    if doc is None:
        raise PipelineError("stage dates", "no parsed document", "run the parse stage before dates")
    article = analysis.article
    published = article.published
    if published is None:
        published = publication_date(article.text, article.raw_text)
        if published is not None:
            analysis.article = dataclasses.replace(article, published=published)
    timexes = find_timexes(doc, published)
    reference = document_reference(published, timexes, doc)
    if reference is not published:
        timexes = find_timexes(doc, reference)
    analysis.timexes = timexes
    analysis.reference = reference
