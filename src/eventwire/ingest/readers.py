"""Ingest: paths (files, folders, ``-`` for stdin) -> ``Article`` records, or ``InputFailure`` for bad inputs.

Assigns ``Article`` fields id, text (the raw body: the pipeline's ``clean`` stage cleans it), title, url,
source, published, origin. A bad input never stops the others: it becomes one ``InputFailure`` carrying a
coded ``InputError`` (EW1xx) that names the input and says what to do.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .. import ids
from ..errors import ConfigError, EmptyInput, InputError, MalformedJSONL, UnsupportedInput
from ..model import Article, DateValue
from .decode import MAX_BYTES, check_size, decode_bytes
from .html import extract_html
from .validate import check_text, parse_date

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS = 25
_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)+")
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up vs with".split())


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input that could not become an article: where it came from and the coded error why."""

    origin: str
    error: InputError


Item = Article | InputFailure


def parse_published(value: str | None) -> DateValue | None:
    """The CLI's ``--published`` value as a DateValue (ConfigError when it is not an ISO date)."""
    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise ConfigError("--published", f"{value!r} is not a date",
                          "write it as YYYY-MM-DD, YYYY-MM or YYYY, e.g. --published 2024-05-01")
    return parsed


def read_inputs(paths: Sequence[str], published: str | None = None, encoding: str | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles from each path in order: a folder (recursive, sorted), .txt, .html/.htm, .jsonl, or ``-``.

    ``published`` (ISO date) overrides every date found in the inputs; ``encoding`` forces a codec.
    """
    forced = parse_published(published)
    for path in paths:
        for item in _read_path(path, encoding, stdin):
            if forced is not None and isinstance(item, Article):
                item = replace(item, published=forced)
            yield item


def _read_path(path: str, encoding: str | None, stdin: BinaryIO | None) -> Iterator[Item]:
    if path == "-":
        yield _guarded(path, lambda: _from_stdin(stdin, encoding))
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        if not files:
            yield InputFailure(path, UnsupportedInput(path, "the folder holds no .txt, .html, .htm or .jsonl "
                                                      "files", "point to a folder of articles"))
        for f in files:
            yield from _read_file(f, encoding)
    elif p.is_file():
        yield from _read_file(p, encoding)
    else:
        yield InputFailure(path, InputError(path, "no such file or folder", "check the path"))


def _guarded(origin: str, read: Callable[[], Article]) -> Item:
    try:
        article = read()
    except InputError as exc:
        return InputFailure(origin, exc)
    return article


def _read_file(path: Path, encoding: str | None) -> Iterator[Item]:
    origin = str(path)
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, encoding)
        return
    yield _guarded(origin, lambda: _from_file(path, origin, encoding))


def _from_file(path: Path, origin: str, encoding: str | None) -> Article:
    try:
        check_size(path.stat().st_size, origin)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot read it ({exc.strerror or exc})", "check the file's permissions") \
            from None
    suffix = path.suffix.lower()
    is_html = suffix in HTML_SUFFIXES
    text = decode_bytes(data, origin, encoding, html=is_html or suffix != ".txt")
    if is_html or (suffix != ".txt" and _HTML_START.match(text)):
        return _from_html(text, origin)
    return _from_text(text, origin)


def _from_stdin(stream: BinaryIO | None, encoding: str | None) -> Article:
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(MAX_BYTES + 1)
    text = decode_bytes(data, "-", encoding, html=True)
    if _HTML_START.match(text):
        return _from_html(text, "-")
    return _from_text(text, "-")


def _from_html(html: str, origin: str) -> Article:
    page = extract_html(html, origin)
    check_text(page.text, origin)
    return Article(id=ids.article_id(page.text, page.url), text=page.text, title=page.title, url=page.url,
                   source=page.sitename, published=page.published, origin=origin)


def _from_text(text: str, origin: str) -> Article:
    check_text(text, origin)
    title, body = split_title(text)
    return Article(id=ids.article_id(body), text=body, title=title, origin=origin)


def _title_cased(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and sum(1 for w in words if w[0].isupper()) / len(words) >= 0.8


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body): a first line that reads like a headline is the title, the rest the body.

    A headline is short, does not end in a period (or comma, colon, semicolon), and is either followed by a
    blank line or written in title case. Otherwise there is no title and the whole text is the body.
    """
    stripped = text.lstrip("\ufeff").lstrip("\r\n")
    first, sep, rest = stripped.replace("\r\n", "\n").partition("\n")
    line = first.strip()
    if not sep or not line or not rest.strip():
        return None, text
    if len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS or line[-1] in ".,;:":
        return None, text
    blank_after = rest.split("\n", 1)[0].strip() == ""
    if not (blank_after or _title_cased(line)):
        return None, text
    return line, _LEADING_BLANK_LINES.sub("", rest)


def _read_jsonl(path: Path, encoding: str | None) -> Iterator[Item]:
    base = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputFailure(base, InputError(base, f"cannot open it ({exc.strerror})", "check the path"))
        return
    with handle:
        n_articles = 0
        for number, raw in enumerate(handle, start=1):
            origin = f"{base}:{number}"
            if not raw.strip():
                continue
            n_articles += 1
            yield _guarded(origin, lambda: _from_jsonl_line(raw, origin, encoding))
        if n_articles == 0:
            yield InputFailure(base, EmptyInput(base, "it holds no lines", "write one JSON object per line"))


def _from_jsonl_line(raw: bytes, origin: str, encoding: str | None) -> Article:
    line = decode_bytes(raw, origin, encoding)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedJSONL(origin, f"line is not valid JSON ({exc.msg} at column {exc.colno})",
                             'write one JSON object per line, e.g. {"text": "...", "title": "..."}') from None
    if not isinstance(record, dict):
        raise MalformedJSONL(origin, f"line is a JSON {type(record).__name__}, not an object",
                             'write one JSON object per line, e.g. {"text": "...", "title": "..."}')
    text = record.get("text")
    if not isinstance(text, str):
        problem = "it has no \"text\" field" if text is None else "its \"text\" field is not a string"
        raise MalformedJSONL(origin, problem, 'give each line the article body as "text": "..."')
    fields = {name: _optional_str(record, name, origin) for name in ("title", "url", "source", "id", "published")}
    check_text(text, origin)
    published = None
    if fields["published"]:
        published = parse_date(fields["published"])
        if published is None:
            raise MalformedJSONL(origin, f"its \"published\" value {fields['published']!r} is not a date",
                                 'write it as "YYYY-MM-DD", "YYYY-MM" or "YYYY", or leave it out')
    return Article(id=fields["id"] or ids.article_id(text, fields["url"]), text=text, title=fields["title"],
                   url=fields["url"], source=fields["source"], published=published, origin=origin)


def _optional_str(record: dict[str, Any], name: str, origin: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise MalformedJSONL(origin, f"its \"{name}\" field is a {type(value).__name__}, not a string",
                         f'give "{name}" as a string or leave it out')


def count_files(paths: Sequence[str]) -> int:
    """How many input files ``paths`` name (folders counted recursively): a progress bar's total."""
    total = 0
    for path in paths:
        if os.path.isdir(path):
            total += sum(1 for f in Path(path).rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            total += 1
    return total
