"""The SQLite store: a hand-built coded article round-trips; re-adding adds nothing; one transaction per article."""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire import ids
from eventwire.errors import ConfigError, EmptyInput, StoreError
from eventwire.model import (AcledType, Actor, Article, CodedArticle, DateValue, Event, EventEvidence, Place,
                             Position, Quote, Span)
from eventwire.store.matrix import position_matrix
from eventwire.store.schema import SCHEMA_VERSION
from eventwire.store.sqlite import Store

TEXT = ("Valmora's mayor Ana Kessel met union leaders in Valmora on Monday. "
        "Kessel said the city backs \"a fair wage deal\" for dock workers.")


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def coded_article(text: str = TEXT, published: str = "2024-05-06", suffix: str = "") -> CodedArticle:
    art_id = ids.article_id(text + suffix)
    article = Article(id=art_id, text=text, title="Mayor meets dock union" + suffix, source="Coast Ledger",
                      published=DateValue(published, "day"), origin=f"mem:{suffix or 'one'}")
    mayor = Actor(id="ew:mayor-kessel", name="Ana Kessel", kind="person", country="XVM", sector=("GOV",),
                  role="Mayor of Valmora", mentions=(_span(text, "Ana Kessel"), _span(text, "Kessel", 1)))
    union = Actor(id="ew:dock-union", name="Valmora Dockers' Union", kind="organization", country="XVM",
                  sector=("LAB",), resolved=False, mentions=(_span(text, "union leaders"),))
    city = Place(id="geonames:1234567", name="Valmora", kind="city", country="XVM", lat=10.5, lon=20.25,
                 mentions=(_span(text, "Valmora", 1),))
    trigger = _span(text, "met")
    event = Event(id=ids.event_id(art_id, "CONSULT", trigger.start, trigger.end), type="CONSULT",
                  source=(mayor.id,), target=(union.id,), mode="meet", context=("economic",), cameo="043",
                  quad="verbal_cooperation", acled=AcledType(None, None), symmetric=True, status="actual",
                  date=DateValue(published, "day", published, published, (_span(text, "Monday"),)),
                  place=city.id, confidence=0.9,
                  evidence=EventEvidence(trigger=trigger, sentence=Span(0, 67, text[:67]),
                                         source=(_span(text, "Ana Kessel"),), target=(_span(text, "union leaders"),),
                                         date=(_span(text, "Monday"),), place=(_span(text, "Valmora", 1),)))
    quoted = _span(text, "a fair wage deal")
    quote = Quote(id=ids.quote_id(art_id, quoted.start, quoted.end), text=quoted.text, start=quoted.start,
                  end=quoted.end, kind="partial", speaker=(mayor.id,), cue=_span(text, "said"))
    position = Position(id=ids.position_id(art_id, mayor.id, "wage deal", "support", quoted.start),
                        actor=mayor.id, issue="a fair wage deal", issue_key="wage deal", stance="support",
                        evidence=(_span(text, "backs \"a fair wage deal\""),), date=DateValue(published, "day"))
    return CodedArticle(article=article, actors=(mayor, union), places=(city,), events=(event,),
                        quotes=(quote,), positions=(position,))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "test.db") as s:
        yield s


def test_open_sets_wal_foreign_keys_and_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.db") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.schema_version() == SCHEMA_VERSION
        assert [r[0] for r in s.conn.execute("SELECT version FROM migrations")] == [SCHEMA_VERSION]
    with Store.open(tmp_path / "x.db") as again:   # reopening migrates nothing twice
        assert again.conn.execute("SELECT COUNT(*) FROM migrations").fetchone()[0] == 1


def test_open_missing_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="eventwire ingest"):
        Store.open(tmp_path / "absent.db", create=False)


def test_round_trip(store: Store) -> None:
    coded = coded_article()
    assert store.add(coded) is True
    counts = store.counts()
    assert counts["articles"] == 1 and counts["actors"] == 2 and counts["actor_mentions"] == 3
    assert counts["places"] == 1 and counts["place_mentions"] == 1
    assert counts["events"] == 1 and counts["event_actors"] == 2
    assert counts["quotes"] == 1 and counts["positions"] == 1
    assert counts["evidence"] == 6   # trigger, sentence, source, target, date, place

    [event] = store.events()
    e = coded.events[0]
    assert event["id"] == e.id and event["type"] == "CONSULT" and event["mode"] == "meet"
    assert event["context"] == ["economic"] and event["cameo"] == "043" and event["quad"] == "verbal_cooperation"
    assert event["source"] == ["ew:mayor-kessel"] and event["target"] == ["ew:dock-union"]
    assert event["source_names"] == ["Ana Kessel"] and event["target_names"] == ["Valmora Dockers' Union"]
    assert event["symmetric"] is True and event["status"] == "actual"
    assert (event["date"], event["date_precision"], event["date_earliest"]) == ("2024-05-06", "day", "2024-05-06")
    assert event["place"] == "geonames:1234567" and event["place_name"] == "Valmora"
    assert event["confidence"] == 0.9 and event["fatalities"] is None
    assert event["trigger"] == "met"
    assert event["evidence"]["trigger"] == [{"start": e.evidence.trigger.start, "end": e.evidence.trigger.end,
                                             "text": "met"}]
    assert event["evidence"]["date"][0]["text"] == "Monday"

    [pos] = store.positions()
    assert pos["actor_name"] == "Ana Kessel" and pos["stance"] == "support"
    assert pos["issue"] == "a fair wage deal" and pos["issue_key"] == "wage deal"
    assert pos["evidence"][0]["text"] == "backs \"a fair wage deal\""

    row = store.conn.execute("SELECT speaker, cue_text, kind FROM quotes").fetchone()
    assert tuple(row) == ('["ew:mayor-kessel"]', "said", "partial")
    art = store.conn.execute("SELECT title, published, published_precision, schema, text FROM articles").fetchone()
    assert tuple(art) == ("Mayor meets dock union", "2024-05-06", "day", "eventwire/1", TEXT)


def test_readding_adds_nothing(store: Store) -> None:
    coded = coded_article()
    assert store.add(coded) is True
    before = store.counts()
    assert store.add(coded) is False
    assert store.counts() == before


def test_queries_filter(store: Store) -> None:
    store.add(coded_article())
    store.add(coded_article(published="2024-03-01", suffix=" (earlier)"))
    assert len(store.events()) == 2
    assert len(store.events(type="consult")) == 2
    assert store.events(type="ASSAULT") == []
    assert len(store.events(actor="kessel")) == 2          # actor name, case-insensitive substring
    assert len(store.events(actor="union leaders")) == 2   # mention text
    assert store.events(actor="nobody") == []
    [may] = store.events(since="2024-05")
    assert may["date"] == "2024-05-06"
    [march] = store.events(until="2024-04-30")
    assert march["date"] == "2024-03-01"
    assert store.events(since="2024-05-07") == []
    assert len(store.positions(issue="wage")) == 2
    assert len(store.positions(issue="fair deal")) == 2     # all words, any order
    assert store.positions(issue="ceasefire") == []
    assert len(store.positions(since="2024-05-01", until="2024-05-31")) == 1
    with pytest.raises(ConfigError, match="--since"):
        store.events(since="soon")


def test_undated_event_placed_by_publication_date(store: Store) -> None:
    coded = coded_article()
    undated = dataclasses.replace(coded, events=(dataclasses.replace(coded.events[0], date=None),))
    store.add(undated)
    [event] = store.events(since="2024-05-01")
    assert event["date"] is None                    # the event keeps saying it has no date
    assert store.events(until="2024-04-30") == []


def test_position_matrix(store: Store) -> None:
    store.add(coded_article(published="2024-03-01", suffix=" (earlier)"))
    later = coded_article(published="2024-05-06")
    pos = dataclasses.replace(later.positions[0], stance="reject")
    store.add(dataclasses.replace(later, positions=(pos,)))
    matrix = position_matrix(store.positions())
    assert matrix.issues == ("wage deal",)
    cell = matrix.cell("ew:mayor-kessel", "wage deal")
    assert cell is not None
    assert (cell.actor_name, cell.stance, cell.count, cell.latest) == ("Ana Kessel", "reject", 2, "2024-05-06")


def test_failure_recorded(store: Store) -> None:
    store.add_failure("news/empty.txt", EmptyInput("news/empty.txt", "it is empty", "pass a file"))
    store.add_failure("news/odd.txt", ValueError("boom"))
    rows = store.failures()
    assert [(r["origin"], r["code"]) for r in rows] == [("news/empty.txt", "EW101"), ("news/odd.txt", "EW000")]
    assert "news/empty.txt" in rows[0]["message"] and "ValueError: boom" in rows[1]["message"]
    assert store.counts()["failures"] == 2


def test_one_transaction_per_article(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "_write_quotes", explode)   # after articles, actors, places, events
    with pytest.raises(RuntimeError):
        store.add(coded_article())
    assert all(n == 0 for n in store.counts().values())
    monkeypatch.undo()
    assert store.add(coded_article()) is True               # nothing half-written blocks a retry
    assert store.counts()["quotes"] == 1


def test_sqlite_error_rolls_back_and_is_coded(store: Store) -> None:
    coded = coded_article()
    twice = dataclasses.replace(coded, events=coded.events * 2)   # duplicate event id -> IntegrityError
    with pytest.raises(StoreError) as info:
        store.add(twice)
    assert info.value.code == "EW400"
    assert isinstance(info.value.__cause__, sqlite3.IntegrityError)
    assert all(n == 0 for n in store.counts().values())


def test_full_text_search(store: Store) -> None:
    store.add(coded_article())
    hits = store.search("wage")
    assert [h["title"] for h in hits] == ["Mayor meets dock union"]
    assert store.search("ceasefire") == []


def test_search_without_fts(tmp_path: Path) -> None:
    with Store.open(tmp_path / "nofts.db") as s:
        s.fts = False   # as on an SQLite built without FTS5
        s.add(coded_article())
        assert [h["title"] for h in s.search("wage deal")] == ["Mayor meets dock union"]
