"""The default pipeline: the ordered stages that turn an Article into a CodedArticle."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .model import Article, CodedArticle
from .pipeline import Pipeline, Stage


def default_stages() -> list[Stage]:
    from .document.clean import clean
    from .document.parse import parse

    return [
        Stage("clean", clean, requires=("article",), assigns=("article",)),
        Stage("parse", parse, requires=("article",), assigns=("doc",)),
    ]


def default_pipeline() -> Pipeline:
    return Pipeline(default_stages())


def code_articles(articles: Iterable[Article], pipeline: Pipeline | None = None) -> Iterator[CodedArticle]:
    """Code each article in turn with one pipeline (built once)."""
    pipe = pipeline or default_pipeline()
    for article in articles:
        yield pipe.code(article)
