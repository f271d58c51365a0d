"""Reading inputs: .txt title detection, HTML metadata, JSONL lines, folders and stdin."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire import ids
from eventwire.errors import ConfigError, MalformedJSONL
from eventwire.ingest.readers import InputFailure, read_inputs, split_title
from eventwire.model import Article, DateValue

BODY = ("Dock workers in the port city of Valmora walked off the job on Monday, demanding higher wages from "
        "the harbour authority. The union leader said the strike would continue until the authority agreed "
        "to talks.\n")

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Valmora dock workers strike over pay | Coast Ledger</title>
<meta property="og:site_name" content="Coast Ledger">
<meta property="article:published_time" content="2023-03-14T08:00:00Z">
<link rel="canonical" href="https://ledger.example/valmora-strike">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Valmora dock workers strike over pay</h1>
<p>Dock workers in the port city of Valmora walked off the job on Monday, demanding higher wages from the
harbour authority, which runs the container terminal.</p>
<p>The union leader said the strike would continue until the authority agreed to talks with the workers.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""


def _one(paths: list[str], **kw: object) -> Article:
    items = list(read_inputs(paths, **kw))  # type: ignore[arg-type]
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Article), item
    return item


@pytest.mark.parametrize("text,title", [
    ("Harbour Workers Strike Over Pay\n\n" + BODY, "Harbour Workers Strike Over Pay"),
    ("Harbour workers strike over pay\n\n" + BODY, "Harbour workers strike over pay"),   # blank line after
    ("Harbour Workers Strike Over Pay\n" + BODY, "Harbour Workers Strike Over Pay"),     # title case
    ("Why are the docks closed?\n\n" + BODY, "Why are the docks closed?"),
])
def test_txt_headline_becomes_title(text: str, title: str) -> None:
    got_title, body = split_title(text)
    assert got_title == title
    assert body == BODY


@pytest.mark.parametrize("text", [
    BODY,                                                             # first line is a long sentence
    "Dock workers walked off the job.\n\n" + BODY,                    # ends with a period
    "Dock workers in the port city walked\noff the job on Monday and more.\n",  # wrapped prose line
    "Only One Line Here",                                             # nothing after it
])
def test_txt_without_headline_has_no_title(text: str) -> None:
    title, body = split_title(text)
    assert title is None
    assert body == text


def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "strike.txt"
    path.write_text("Harbour Workers Strike Over Pay\n\n" + BODY, encoding="utf-8")
    article = _one([str(path)])
    assert article.title == "Harbour Workers Strike Over Pay"
    assert article.text == BODY
    assert article.origin == str(path)
    assert article.id == ids.article_id(BODY, None)
    assert article.published is None


def test_published_flag_wins(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert _one([str(path)], published="2024-05-01").published == DateValue("2024-05-01", "day")
    assert _one([str(path)], published="2024-05").published == DateValue("2024-05", "month")
    with pytest.raises(ConfigError, match="--published"):
        list(read_inputs([str(path)], published="last Tuesday"))


def test_html_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _one([str(path)])
    assert article.title == "Valmora dock workers strike over pay"
    assert article.url == "https://ledger.example/valmora-strike"
    assert article.source == "Coast Ledger"
    assert article.published == DateValue("2023-03-14", "day")
    assert article.text.startswith("Dock workers in the port city of Valmora")
    assert "Subscribe" not in article.text and "Home" not in article.text
    assert "\n\n" in article.text   # paragraphs kept apart
    assert article.id == ids.article_id(article.text, article.url)


def test_html_without_date_has_no_published(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE.replace('<meta property="article:published_time" content="2023-03-14T08:00:00Z">', ""),
                    encoding="utf-8")
    assert _one([str(path)]).published is None


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": BODY, "title": "Strike", "url": "https://x.example/1", "published": "2023-03-13",
                    "source": "Coast Ledger"}),
        "{not json",
        "",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": BODY + " Second story.", "id": "my-own-id"}),
        json.dumps({"text": 42}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputFailure", "InputFailure", "Article",
                                                 "InputFailure"]
    first, bad_json, no_text, own_id, bad_text = items
    assert isinstance(first, Article) and isinstance(own_id, Article)
    assert first.origin == f"{path}:1"
    assert first.title == "Strike" and first.source == "Coast Ledger"
    assert first.published == DateValue("2023-03-13", "day")
    assert first.id == ids.article_id(BODY, "https://x.example/1")
    assert own_id.id == "my-own-id" and own_id.origin == f"{path}:5"
    for failure, line in ((bad_json, 2), (no_text, 4), (bad_text, 6)):
        assert isinstance(failure, InputFailure)
        assert failure.origin == f"{path}:{line}"
        assert isinstance(failure.error, MalformedJSONL)
        assert f"{path}:{line}" in str(failure.error)


def test_folder_recursive_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second Story Title\n\n" + BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("First Story Title\n\n" + BODY.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.origin for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]
    assert all(isinstance(i, Article) for i in items)


def test_stdin_text_and_html() -> None:
    article = _one(["-"], stdin=io.BytesIO(("Harbour Workers Strike Over Pay\n\n" + BODY).encode()))
    assert article.origin == "-"
    assert article.title == "Harbour Workers Strike Over Pay"
    assert article.text == BODY
    page = _one(["-"], stdin=io.BytesIO(PAGE.encode()))
    assert page.source == "Coast Ledger"


def test_stdin_from_sys(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(BODY.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    assert _one(["-"]).text == BODY


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(good)]))
    assert isinstance(items[0], InputFailure) and items[0].error.code == "EW100"
    assert "nope.txt" in str(items[0].error)
    assert isinstance(items[1], Article)


def test_batch_ingest_goes_on_after_a_coding_error(tmp_path: Path) -> None:
    from eventwire.ingest.batch import ingest
    from eventwire.pipeline import Analysis, Pipeline, Stage
    from eventwire.store.sqlite import Store

    def fragile(analysis: Analysis) -> None:
        if "EXPLODE" in analysis.article.text:
            raise ValueError("stage bug")

    pipe = Pipeline([Stage("fragile", fragile, requires=("article",), assigns=())])
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(BODY + " EXPLODE\n", encoding="utf-8")
    (tmp_path / "news" / "c.txt").write_text(BODY + " Later.\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    report = ingest([str(tmp_path / "news")], db, progress=False, pipeline=pipe)
    assert report.articles_added == 2 and report.articles_skipped == 0
    [(origin, code, message)] = report.failures
    assert origin.endswith("b.txt") and code == "EW000" and "ValueError: stage bug" in message
    with Store.open(db) as store:
        assert [(f["origin"], f["code"]) for f in store.failures()] == [(origin, "EW000")]
        assert store.counts()["articles"] == 2
    again = ingest([str(tmp_path / "news")], db, progress=False, pipeline=pipe)
    assert (again.articles_added, again.articles_skipped, len(again.failures)) == (0, 2, 1)


def test_batch_ingest_bad_published_creates_no_db(tmp_path: Path) -> None:
    from eventwire.ingest.batch import ingest

    with pytest.raises(ConfigError):
        ingest([str(tmp_path)], str(tmp_path / "x.db"), published="soon", progress=False)
    assert not (tmp_path / "x.db").exists()
