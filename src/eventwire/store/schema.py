"""The SQLite store's schema as numbered migrations; ``migrations`` records which ones a database has.

Rows hang off ``articles`` (``ON DELETE CASCADE``), so an article is added or removed whole. List-valued
contract fields (context, sector, source, target, speaker, position evidence) are JSON text; ``event_actors``
and ``evidence`` spell the links out as rows so queries need no JSON functions.
"""
from __future__ import annotations

SCHEMA_VERSION = 1

_V1 = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY, origin TEXT, title TEXT, url TEXT, source TEXT, language TEXT,
    published TEXT, published_precision TEXT, text TEXT NOT NULL, coded_at TEXT NOT NULL,
    schema TEXT NOT NULL);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT NOT NULL DEFAULT '[]', role TEXT, wikidata TEXT,
    resolved INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (article_id, id));
CREATE INDEX actors_id ON actors(id);
CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL, actor_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, id) ON DELETE CASCADE);
CREATE INDEX actor_mentions_actor ON actor_mentions(article_id, actor_id);
CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, id TEXT NOT NULL,
    name TEXT NOT NULL, kind TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, precision TEXT,
    PRIMARY KEY (article_id, id));
CREATE TABLE place_mentions (
    article_id TEXT NOT NULL, place_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (article_id, place_id) REFERENCES places(article_id, id) ON DELETE CASCADE);
CREATE TABLE events (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type TEXT NOT NULL, mode TEXT, context TEXT NOT NULL DEFAULT '[]', cameo TEXT, quad TEXT,
    acled_event_type TEXT, acled_sub_event_type TEXT, source TEXT NOT NULL DEFAULT '[]',
    target TEXT NOT NULL DEFAULT '[]', symmetric INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,
    date_value TEXT, date_precision TEXT, date_earliest TEXT, date_latest TEXT, place TEXT,
    confidence REAL, fatalities INTEGER);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type);
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, article_id TEXT NOT NULL,
    actor_id TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN ('source', 'target')));
CREATE INDEX event_actors_event ON event_actors(event_id);
CREATE TABLE evidence (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, field TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE INDEX evidence_event ON evidence(event_id);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT,
    speaker TEXT NOT NULL DEFAULT '[]', cue_start INTEGER, cue_end INTEGER, cue_text TEXT);
CREATE TABLE positions (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor TEXT NOT NULL, issue TEXT NOT NULL, issue_key TEXT, stance TEXT NOT NULL, condition TEXT,
    date_value TEXT, date_precision TEXT, evidence TEXT NOT NULL DEFAULT '[]');
CREATE INDEX positions_issue ON positions(issue_key);
CREATE TABLE failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL,
    at TEXT NOT NULL)
"""

# version -> (name, statements); applied in order, each in one transaction.
MIGRATIONS: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("initial schema", tuple(s.strip() for s in _V1.split(";") if s.strip())),
}

MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"""

# Full-text search over title + body, kept in step by Store.add; optional (not every SQLite has FTS5).
FTS_TABLE = ("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
             "content_rowid='rowid')")
FTS_REBUILD = "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"
