"""Stage ``clean``: boilerplate goes, the body and its dateline stay. Inputs are written by hand."""
from __future__ import annotations

import pytest

from eventwire.document.clean import clean, clean_text
from eventwire.model import Article
from eventwire.pipeline import Analysis


@pytest.mark.parametrize("trailer", [
    "Copyright 2024 The Daily Ledger",
    "© 2024 Ledger Media",
    "All rights reserved.",
    "Share this article",
    "Share on Facebook",
    "Subscribe to our newsletter",
    "Sign up for breaking news alerts",
    "Follow us on X",
    "Read more: Talks stall in Doha",
    "Related stories",
    "Advertisement",
    "Click here to see the map",
])
def test_trailer_lines_are_dropped(trailer: str) -> None:
    body = "Troops left the town on Monday.\n\nResidents returned on Tuesday."
    assert clean_text(f"{body}\n\n{trailer}") == body


def test_share_line_inside_the_body_is_dropped() -> None:
    text = "Troops left the town on Monday.\nShare this article\nResidents returned on Tuesday."
    assert clean_text(text) == "Troops left the town on Monday.\nResidents returned on Tuesday."


@pytest.mark.parametrize("text, expected", [
    ("(Reuters) – Israel struck the camp.", "Israel struck the camp."),
    ("(AP) — The talks ended.", "The talks ended."),
    ("( – Israel took the town.", "Israel took the town."),
    ("() - Israel took the town.", "Israel took the town."),
])
def test_dateline_remnants_are_stripped(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_dateline_city_is_kept() -> None:
    text = "GAZA CITY, May 2 (Reuters) – Israel struck the camp."
    assert clean_text(text) == text


def test_only_the_first_paragraph_loses_a_dateline_remnant() -> None:
    text = "(AP) — The talks ended.\n\n(AP) — quoted inside the body"
    assert clean_text(text) == "The talks ended.\n\n(AP) — quoted inside the body"


def test_line_endings_spaces_and_blank_runs_are_normalised() -> None:
    text = "First line.  \r\n\r\n\r\n\r\nSecond\u00a0line.\rThird line.\n\n"
    assert clean_text(text) == "First line.\n\nSecond line.\nThird line."


@pytest.mark.parametrize("line", [
    "Copyright disputes between the two publishers reached the court in March.",
    "Advertisement spending by both parties doubled before the vote.",
])
def test_body_sentence_starting_with_a_trailer_word_is_kept(line: str) -> None:
    text = f"The board met on Monday.\n\n{line}\n\nIt adjourned at noon."
    assert clean_text(text) == text


def test_clean_stage_keeps_the_original_as_raw_text() -> None:
    original = "(Reuters) – Israel struck the camp.\n\nCopyright 2024 Reuters"
    analysis = Analysis(article=Article(id="a1", text=original))
    clean(analysis)
    assert analysis.article.text == "Israel struck the camp."
    assert analysis.article.raw_text == original
    assert analysis.article.id == "a1"


def test_clean_stage_does_not_overwrite_an_existing_raw_text() -> None:
    analysis = Analysis(article=Article(id="a1", text="Body.\nShare this article", raw_text="<p>Body.</p>"))
    clean(analysis)
    assert analysis.article.text == "Body."
    assert analysis.article.raw_text == "<p>Body.</p>"
