"""Ingest of web pages: the article body and metadata (title, date, canonical URL, site name) via trafilatura.

trafilatura is imported on first use, not at import time: it pulls in lxml and htmldate.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ConfigError, MalformedHTML
from ..model import DateValue
from .validate import parse_date


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What a web page yields: the body (paragraphs separated by blank lines) and its metadata."""

    text: str
    title: str | None = None
    url: str | None = None
    sitename: str | None = None
    published: DateValue | None = None  # the page's own date, only when it is a real calendar date


def _body(text: str, title: str | None) -> str:
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    # trafilatura keeps the page's <h1>; it is the title, not the first paragraph of the body.
    if paragraphs and title and paragraphs[0].casefold() == title.strip().casefold():
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def extract_html(html: str, origin: str) -> HtmlArticle:
    """The article in ``html``; MalformedHTML when nothing readable can be extracted."""
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without its html-clean extra
        raise ConfigError(origin, f"cannot read HTML: trafilatura failed to import ({exc})",
                          "reinstall with the README's install command (pip install -e .)") from None
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False,
                                          date_extraction_params={"extensive_search": False,
                                                                  "original_date": True})
    except Exception as exc:  # lxml raises several unrelated types on broken markup
        raise MalformedHTML(origin, f"the HTML could not be parsed ({type(exc).__name__}: {exc})",
                            "check that it is a complete web page, or pass its text as a .txt file") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise MalformedHTML(origin, "no article text could be extracted from the HTML",
                            "check that it is a complete article page, or pass its text as a .txt file")
    title = (getattr(doc, "title", None) or "").strip() or None
    body = _body(text, title)
    if not any(c.isalpha() for c in body):
        raise MalformedHTML(origin, "the page has no readable article text",
                            "check that it is a complete article page, or pass its text as a .txt file")
    date = getattr(doc, "date", None)
    return HtmlArticle(text=body, title=title, url=getattr(doc, "url", None) or None,
                       sitename=getattr(doc, "sitename", None) or None,
                       published=parse_date(date) if isinstance(date, str) and date else None)
