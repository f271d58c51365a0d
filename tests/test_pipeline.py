"""The Pipeline checks stage order at build time and runs stages in order. Stages here are hand-made stubs."""
from __future__ import annotations

import pytest

from eventwire.coder import default_pipeline, default_stages
from eventwire.errors import PipelineError
from eventwire.model import Article, CodedArticle, Event, EventEvidence, Span
from eventwire.pipeline import Analysis, Pipeline, Stage


def _noop(_: Analysis) -> None:
    return None


def test_a_requirement_no_earlier_stage_assigns_is_an_error_at_build_time() -> None:
    stages = [Stage("parse", _noop, requires=("article",), assigns=("doc",)),
              Stage("events", _noop, requires=("doc", "actor_mentions"), assigns=("events",))]
    with pytest.raises(PipelineError) as err:
        Pipeline(stages)
    assert err.value.code == "EW300"
    assert err.value.source == "stage events"
    assert "actor_mentions" in err.value.problem and "doc" not in err.value.problem
    assert str(err.value).startswith("EW300 ")


def test_a_requirement_assigned_only_by_a_later_stage_is_an_error() -> None:
    stages = [Stage("actors", _noop, requires=("doc",), assigns=("actor_mentions",)),
              Stage("parse", _noop, requires=("article",), assigns=("doc",))]
    with pytest.raises(PipelineError, match="stage actors"):
        Pipeline(stages)


def test_article_is_available_before_any_stage() -> None:
    Pipeline([Stage("clean", _noop, requires=("article",), assigns=("article",))])


def test_every_missing_requirement_is_named() -> None:
    with pytest.raises(PipelineError) as err:
        Pipeline([Stage("quotes", _noop, requires=("doc", "actor_mentions"))])
    assert "doc" in err.value.problem and "actor_mentions" in err.value.problem


def test_stages_run_in_order_and_are_timed() -> None:
    calls: list[str] = []

    def first(a: Analysis) -> None:
        calls.append("first")
        a.notes["seen"] = True

    def second(a: Analysis) -> None:
        calls.append("second")
        assert a.notes["seen"]
        a.events.append(Event(id="e1", type="CONSULT", source=(), target=(),
                              evidence=EventEvidence(trigger=Span(0, 3, "met"), sentence=Span(0, 4, "met."))))

    pipe = Pipeline([Stage("first", first, assigns=("notes",)), Stage("second", second, requires=("notes",))])
    coded = pipe.code(Article(id="a", text="met."))
    assert calls == ["first", "second"]
    assert isinstance(coded, CodedArticle)
    assert [e.id for e in coded.events] == ["e1"]
    assert set(pipe.timings) == {"first", "second"}
    assert all(t >= 0.0 for t in pipe.timings.values())


def test_code_many_codes_each_article() -> None:
    pipe = Pipeline([Stage("noop", _noop)])
    out = list(pipe.code_many([Article(id="a", text="x"), Article(id="b", text="y")]))
    assert [c.article.id for c in out] == ["a", "b"]


def test_default_stages_build_in_the_documented_order() -> None:
    stages = default_stages()
    assert [s.name for s in stages] == ["clean", "parse", "dates", "places", "actors", "quotes", "events",
                                        "positions"]
    pipe = default_pipeline()
    assert [s.name for s in pipe.stages] == [s.name for s in stages]


def test_default_stages_cannot_be_reordered_freely() -> None:
    stages = default_stages()
    events = next(s for s in stages if s.name == "events")
    with pytest.raises(PipelineError, match="stage events"):
        Pipeline([events] + [s for s in stages if s is not events])
