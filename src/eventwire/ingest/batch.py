"""Batch runs: read inputs, code each article, and store it (``ingest``) or hand it on (``code_inputs``).

A bad input or an article whose coding raises is recorded as a failure and the run goes on; an article
already in the store is skipped before coding, so a second run over the same folder is cheap and adds nothing.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..errors import EventwireError
from ..model import Article, CodedArticle
from .readers import InputFailure, count_files, parse_published, read_inputs

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store.sqlite import Store


class Failure(NamedTuple):
    """One input or article that did not make it: (origin, code, message); unpacks like a tuple."""

    origin: str
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    articles_added: int
    articles_skipped: int
    failures: tuple[Failure, ...]


def _failure(origin: str, error: BaseException) -> Failure:
    if isinstance(error, EventwireError):
        return Failure(origin, error.code, str(error))
    return Failure(origin, "EW000", f"coding failed: {type(error).__name__}: {error}")


def code_inputs(paths: Sequence[str], published: str | None = None, encoding: str | None = None,
                pipeline: "Pipeline | None" = None) -> Iterator[CodedArticle | Failure]:
    """Each input coded in order, or a Failure for an input that could not be read or coded."""
    from ..coder import default_pipeline

    pipe = pipeline or default_pipeline()
    for item in read_inputs(paths, published=published, encoding=encoding):
        if isinstance(item, InputFailure):
            yield _failure(item.origin, item.error)
            continue
        try:
            yield pipe.code(item)
        except Exception as exc:  # one article's bug must not stop a batch
            yield _failure(item.origin, exc)


def ingest(paths: Sequence[str], db_path: str, published: str | None = None, progress: bool = True,
           encoding: str | None = None, pipeline: "Pipeline | None" = None) -> IngestReport:
    """Read, code and store every article under ``paths`` into the SQLite database ``db_path``."""
    from tqdm import tqdm

    from ..coder import default_pipeline
    from ..store.sqlite import Store

    parse_published(published)  # a bad --published fails before the database is created
    added = skipped = 0
    failures: list[Failure] = []
    show = progress and sys.stderr.isatty()
    with Store.open(db_path) as store, tqdm(total=count_files(paths), unit="file", file=sys.stderr,
                                            disable=not show, desc="ingest") as bar:
        pipe = pipeline or default_pipeline()
        files_seen: set[str] = set()
        for item in read_inputs(paths, published=published, encoding=encoding):
            file = _file_of(item.origin)
            if file not in files_seen:  # the bar counts files; a .jsonl file holds many articles
                bar.update(1 if files_seen else 0)
                files_seen.add(file)
            outcome = _store_one(store, pipe, item)
            if outcome == "added":
                added += 1
            elif outcome == "skipped":
                skipped += 1
            elif isinstance(outcome, Failure):
                failures.append(outcome)
        bar.update(1 if files_seen else 0)
    return IngestReport(articles_added=added, articles_skipped=skipped, failures=tuple(failures))


def _file_of(origin: str) -> str:
    head, sep, line = origin.rpartition(":")
    return head if sep and line.isdigit() and head.lower().endswith(".jsonl") else origin


def _store_one(store: "Store", pipe: "Pipeline", item: Article | InputFailure) -> str | Failure:
    """"added", "skipped" (already stored), or a Failure that is also recorded in the store."""
    if isinstance(item, InputFailure):
        store.add_failure(item.origin, item.error)
        return _failure(item.origin, item.error)
    if store.has(item.id):
        return "skipped"
    try:
        return "added" if store.add(pipe.code(item)) else "skipped"
    except Exception as exc:  # one article's bug must not stop a batch
        store.add_failure(item.origin, exc)
        return _failure(item.origin, exc)


def format_report(report: IngestReport, db_path: str) -> str:
    """The summary a person reads after ``eventwire ingest``: counts, then each failure with its reason."""
    lines = [f"{report.articles_added} added, {report.articles_skipped} already stored, "
             f"{len(report.failures)} failed  ({db_path})"]
    lines += [f"  failed: {f.message}" for f in report.failures]
    return "\n".join(lines)
