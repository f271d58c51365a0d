"""The embedded store: coded articles in one SQLite file (stdlib sqlite3, WAL, foreign keys, FTS5 if present).

Each article is written in one transaction (all its rows or none); an article whose id is already stored is
skipped, so re-ingesting a folder adds nothing. Queries return plain dicts, ready for JSON/CSV/table output.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from types import TracebackType
from typing import Any

from ..errors import ConfigError, StoreError
from ..model import Actor, CodedArticle, Event, Place, Position, Quote, Span
from .contract import SCHEMA
from .dates import earliest, latest
from .schema import FTS_REBUILD, FTS_TABLE, MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION

TABLES = ("articles", "actors", "actor_mentions", "places", "place_mentions", "events", "event_actors",
          "evidence", "quotes", "positions", "failures")
_EVENT_DATE_LO = "COALESCE(ew_earliest(e.date_earliest), ew_earliest(e.date_value), ew_earliest(a.published))"
_EVENT_DATE_HI = "COALESCE(ew_latest(e.date_latest), ew_latest(e.date_value), ew_latest(a.published))"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _fold(value: str | None) -> str | None:
    return value.casefold() if value is not None else None


def _spans(spans: Iterable[Span]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def _date_arg(value: str | None, flag: str, bound: str) -> str | None:
    """A user's --since/--until as an ISO day (the first day of "2024-05" for since, the last for until)."""
    if value is None:
        return None
    day = earliest(value) if bound == "earliest" else latest(value)
    if day is None:
        raise ConfigError(flag, f"{value!r} is not a date", f"write it as YYYY-MM-DD, YYYY-MM or YYYY, "
                          f"e.g. {flag} 2024-05-01")
    return day


class Store:
    """A SQLite database of coded articles. Open with ``Store.open(path)``; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.fts = False

    # -- opening and schema -------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], create: bool = True) -> "Store":
        """Open (and with ``create``, create or migrate) the database at ``path``."""
        name = os.fspath(path)
        if not create and name != ":memory:" and not os.path.exists(name):
            raise StoreError(name, "no database there", f"create one with: eventwire ingest FOLDER --db {name}")
        try:
            conn = sqlite3.connect(name, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(name, f"cannot open the database ({exc})", "check the path and its permissions") \
                from None
        conn.row_factory = sqlite3.Row
        conn.create_function("ew_earliest", 1, earliest, deterministic=True)
        conn.create_function("ew_latest", 1, latest, deterministic=True)
        conn.create_function("ew_fold", 1, _fold, deterministic=True)
        store = cls(conn, name)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA journal_mode = WAL")
            store._migrate()
            store._ensure_fts()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(name, f"not a usable eventwire database ({exc})",
                             "pass another --db file, or move this one away") from None
        except BaseException:
            conn.close()
            raise
        return store

    def _migrate(self) -> None:
        self.conn.execute(MIGRATIONS_TABLE)
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(self.path, f"it has schema version {version}, newer than this eventwire knows "
                             f"({SCHEMA_VERSION})", "upgrade eventwire (pip install -U eventwire)")
        for number in sorted(v for v in MIGRATIONS if v > version):
            name, statements = MIGRATIONS[number]
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version() >= number:  # another process migrated meanwhile
                    self.conn.execute("ROLLBACK")
                    continue
                for statement in statements:
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                  (number, name, _now()))
                self.conn.execute(f"PRAGMA user_version = {int(number)}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    def _ensure_fts(self) -> None:
        if self._has_table("articles_fts"):
            self.fts = True
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(FTS_TABLE)
            self.conn.execute(FTS_REBUILD)
            self.conn.execute("COMMIT")
            self.fts = True
        except sqlite3.OperationalError:  # SQLite built without FTS5: search falls back to LIKE
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.fts = False

    def _has_table(self, name: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        return row is not None

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT MAX(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    # -- lifecycle ------------------------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add(self, coded: CodedArticle) -> bool:
        """Store one coded article in one transaction; False (and nothing written) if its id is stored."""
        a = coded.article
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has(a.id):
                self.conn.execute("ROLLBACK")
                return False
            published = a.published
            cur = self.conn.execute(
                "INSERT INTO articles (id, origin, title, url, source, language, published, published_precision,"
                " text, coded_at, schema) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.origin, a.title, a.url, a.source, a.language, published.value if published else None,
                 published.precision if published else None, a.text, _now(), SCHEMA))
            if self.fts:
                self.conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                                  (cur.lastrowid, a.title or "", a.text))
            self._write_actors(a.id, coded.actors)
            self._write_places(a.id, coded.places)
            self._write_events(a.id, coded.events)
            self._write_quotes(a.id, coded.quotes)
            self._write_positions(a.id, coded.positions)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(a.origin, f"could not store article {a.id} ({exc})",
                             "report this as a bug with the input attached") from exc
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return True

    def _write_actors(self, article_id: str, actors: Sequence[Actor]) -> None:
        for x in actors:
            self.conn.execute(
                "INSERT INTO actors (article_id, id, name, kind, country, sector, role, wikidata, resolved)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, x.id, x.name, x.kind, x.country, json.dumps(list(x.sector)), x.role, x.wikidata,
                 int(x.resolved)))
            self.conn.executemany(
                'INSERT INTO actor_mentions (article_id, actor_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(article_id, x.id, m.start, m.end, m.text) for m in x.mentions])

    def _write_places(self, article_id: str, places: Sequence[Place]) -> None:
        for p in places:
            self.conn.execute(
                "INSERT INTO places (article_id, id, name, kind, country, admin1, lat, lon, precision)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.precision))
            self.conn.executemany(
                'INSERT INTO place_mentions (article_id, place_id, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(article_id, p.id, m.start, m.end, m.text) for m in p.mentions])

    def _write_events(self, article_id: str, events: Sequence[Event]) -> None:
        for e in events:
            d = e.date
            self.conn.execute(
                "INSERT INTO events (id, article_id, type, mode, context, cameo, quad, acled_event_type,"
                " acled_sub_event_type, source, target, symmetric, status, date_value, date_precision,"
                " date_earliest, date_latest, place, confidence, fatalities)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (e.id, article_id, e.type, e.mode, json.dumps(list(e.context)), e.cameo, e.quad,
                 e.acled.event_type, e.acled.sub_event_type, json.dumps(list(e.source)),
                 json.dumps(list(e.target)), int(e.symmetric), e.status, d.value if d else None,
                 d.precision if d else None, d.earliest if d else None, d.latest if d else None, e.place,
                 e.confidence, e.fatalities))
            self.conn.executemany(
                "INSERT INTO event_actors (event_id, article_id, actor_id, role) VALUES (?, ?, ?, ?)",
                [(e.id, article_id, x, "source") for x in e.source]
                + [(e.id, article_id, x, "target") for x in e.target])
            ev = e.evidence
            fields: list[tuple[str, Sequence[Span]]] = [
                ("trigger", (ev.trigger,)), ("sentence", (ev.sentence,)), ("source", ev.source),
                ("target", ev.target), ("date", ev.date), ("place", ev.place), ("mention", ev.mentions)]
            self.conn.executemany(
                'INSERT INTO evidence (event_id, field, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [(e.id, name, s.start, s.end, s.text) for name, spans in fields for s in spans])

    def _write_quotes(self, article_id: str, quotes: Sequence[Quote]) -> None:
        self.conn.executemany(
            'INSERT INTO quotes (id, article_id, text, start, "end", kind, speaker, cue_start, cue_end, cue_text)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(q.id, article_id, q.text, q.start, q.end, q.kind, json.dumps(list(q.speaker)),
              q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None)
             for q in quotes])

    def _write_positions(self, article_id: str, positions: Sequence[Position]) -> None:
        self.conn.executemany(
            "INSERT INTO positions (id, article_id, actor, issue, issue_key, stance, condition, date_value,"
            " date_precision, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.id, article_id, p.actor, p.issue, p.issue_key, p.stance, p.condition,
              p.date.value if p.date else None, p.date.precision if p.date else None,
              json.dumps(_spans(p.evidence), ensure_ascii=False)) for p in positions])

    def add_failure(self, origin: str, error: BaseException) -> None:
        """Record an input or article that could not be coded (code EW000 for unexpected exceptions)."""
        code = str(getattr(error, "code", "EW000"))
        message = str(error) if getattr(error, "code", None) else f"{type(error).__name__}: {error}"
        self.conn.execute("INSERT INTO failures (origin, code, message, at) VALUES (?, ?, ?, ?)",
                          (origin, code, message, _now()))

    # -- reading --------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES}

    def failures(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT origin, code, message, at FROM failures ORDER BY id")]

    def events(self, type: str | None = None, actor: str | None = None, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
        """Events, oldest first, filtered by PLOVER type, actor (name or mention text, case-insensitive
        substring, as source or target) and date range. An event without a date is placed by its article's
        publication date for the range filter only; its own date stays null."""
        sql = [f"SELECT e.*, a.title AS article_title, a.published AS article_published, a.origin AS origin,"
               f" {_EVENT_DATE_LO} AS sort_date FROM events e JOIN articles a ON a.id = e.article_id WHERE 1"]
        params: list[Any] = []
        if type:
            sql.append("AND e.type = ? COLLATE NOCASE")
            params.append(type)
        if actor:
            sql.append("AND EXISTS (SELECT 1 FROM event_actors ea JOIN actors x ON x.article_id = ea.article_id"
                       " AND x.id = ea.actor_id WHERE ea.event_id = e.id AND (instr(ew_fold(x.name), ?) > 0"
                       " OR EXISTS (SELECT 1 FROM actor_mentions m WHERE m.article_id = x.article_id"
                       " AND m.actor_id = x.id AND instr(ew_fold(m.text), ?) > 0)))")
            params += [actor.casefold(), actor.casefold()]
        if since:
            sql.append(f"AND {_EVENT_DATE_HI} >= ?")
            params.append(_date_arg(since, "--since", "earliest"))
        if until:
            sql.append(f"AND {_EVENT_DATE_LO} <= ?")
            params.append(_date_arg(until, "--until", "latest"))
        sql.append("ORDER BY sort_date IS NULL, sort_date, a.published, e.article_id, e.rowid")
        rows = self.conn.execute(" ".join(sql), params).fetchall()
        names = _NameCache(self.conn)
        return [self._event_dict(r, names) for r in rows]

    def _event_dict(self, r: sqlite3.Row, names: "_NameCache") -> dict[str, Any]:
        evidence: dict[str, list[dict[str, Any]]] = {}
        for f in self.conn.execute('SELECT field, start, "end", text FROM evidence WHERE event_id = ?'
                                   " ORDER BY rowid", (r["id"],)):
            evidence.setdefault(f["field"], []).append({"start": f["start"], "end": f["end"], "text": f["text"]})
        source, target = json.loads(r["source"]), json.loads(r["target"])
        art = r["article_id"]
        return {
            "id": r["id"], "article_id": art, "article_title": r["article_title"],
            "article_published": r["article_published"], "origin": r["origin"],
            "type": r["type"], "mode": r["mode"], "context": json.loads(r["context"]), "cameo": r["cameo"],
            "quad": r["quad"], "acled_event_type": r["acled_event_type"],
            "acled_sub_event_type": r["acled_sub_event_type"],
            "source": source, "target": target,
            "source_names": [names.actor(art, x) for x in source],
            "target_names": [names.actor(art, x) for x in target],
            "symmetric": bool(r["symmetric"]), "status": r["status"],
            "date": r["date_value"], "date_precision": r["date_precision"],
            "date_earliest": r["date_earliest"], "date_latest": r["date_latest"],
            "place": r["place"], "place_name": names.place(art, r["place"]) if r["place"] else None,
            "confidence": r["confidence"], "fatalities": r["fatalities"],
            "trigger": (evidence.get("trigger") or [{}])[0].get("text"),
            "sentence": (evidence.get("sentence") or [{}])[0].get("text"),
            "evidence": evidence,
        }

    def positions(self, issue: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
        """Positions, oldest first; ``issue`` words must all occur in the issue or its normalised key.
        ``date`` is the position's own date, ``effective_date`` that or else the article's publication date."""
        sql = ["SELECT p.*, a.title AS article_title, a.published AS article_published,"
               " COALESCE(x.name, p.actor) AS actor_name, COALESCE(p.date_value, a.published) AS effective_date"
               " FROM positions p JOIN articles a ON a.id = p.article_id"
               " LEFT JOIN actors x ON x.article_id = p.article_id AND x.id = p.actor WHERE 1"]
        params: list[Any] = []
        for word in (issue or "").casefold().split():
            sql.append("AND (instr(ew_fold(p.issue), ?) > 0 OR instr(ew_fold(COALESCE(p.issue_key, '')), ?) > 0)")
            params += [word, word]
        if since:
            sql.append("AND ew_latest(COALESCE(p.date_value, a.published)) >= ?")
            params.append(_date_arg(since, "--since", "earliest"))
        if until:
            sql.append("AND ew_earliest(COALESCE(p.date_value, a.published)) <= ?")
            params.append(_date_arg(until, "--until", "latest"))
        sql.append("ORDER BY ew_earliest(effective_date) IS NULL, ew_earliest(effective_date), p.rowid")
        out = []
        for r in self.conn.execute(" ".join(sql), params):
            out.append({"id": r["id"], "article_id": r["article_id"], "article_title": r["article_title"],
                        "actor": r["actor"], "actor_name": r["actor_name"], "issue": r["issue"],
                        "issue_key": r["issue_key"], "stance": r["stance"], "condition": r["condition"],
                        "date": r["date_value"], "date_precision": r["date_precision"],
                        "article_published": r["article_published"], "effective_date": r["effective_date"],
                        "evidence": json.loads(r["evidence"])})
        return out

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text match ``query`` (FTS5 syntax when available, else a substring)."""
        if self.fts:
            sql = ("SELECT a.id, a.title, a.published, a.origin FROM articles_fts f JOIN articles a"
                   " ON a.rowid = f.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
            try:
                return [dict(r) for r in self.conn.execute(sql, (query, limit))]
            except sqlite3.OperationalError as exc:
                raise ConfigError("search", f"{query!r} is not a valid full-text query ({exc})",
                                  'quote phrases, e.g. "\\"ceasefire talks\\""') from None
        like = f"%{query}%"
        return [dict(r) for r in self.conn.execute(
            "SELECT id, title, published, origin FROM articles WHERE title LIKE ? OR text LIKE ? LIMIT ?",
            (like, like, limit))]


class _NameCache:
    """Actor and place names by (article id, record id), fetched once per article."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.actors: dict[str, dict[str, str]] = {}
        self.places: dict[str, dict[str, str]] = {}

    def actor(self, article_id: str, actor_id: str) -> str:
        if article_id not in self.actors:
            self.actors[article_id] = {r[0]: r[1] for r in self.conn.execute(
                "SELECT id, name FROM actors WHERE article_id = ?", (article_id,))}
        return self.actors[article_id].get(actor_id, actor_id)

    def place(self, article_id: str, place_id: str) -> str:
        if article_id not in self.places:
            self.places[article_id] = {r[0]: r[1] for r in self.conn.execute(
                "SELECT id, name FROM places WHERE article_id = ?", (article_id,))}
        return self.places[article_id].get(place_id, place_id)
