"""An organisation the knowledge base does not know, named for what it is, has the sector of its head noun
(sentences written for these tests)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


def test_unknown_police_unit_is_police(code: Callable[..., Any]) -> None:
    coded = code("The Northern Reserve Police arrested twelve smugglers on Monday.")
    arrest = coded.event("COERCE")
    (source,) = arrest.source
    actor = next(a for a in coded.result.actors if a.id == source)
    assert "Police" in actor.name and actor.sector == ("COP",)


def test_unknown_organisation_with_no_agent_head_has_no_sector(code: Callable[..., Any]) -> None:
    coded = code("The Harbour Heritage Trust criticised the new tariffs on Monday.")
    trust = [a for a in coded.result.actors if "Trust" in a.name]
    assert trust and trust[0].sector == ()


def test_armed_police_are_still_police(code: Callable[..., Any]) -> None:
    coded = code("Armed policemen and armed men clashed near the depot.")
    sectors = {a.name.lower(): a.sector for a in coded.result.actors}
    assert sectors["armed policemen"] == ("COP",) and sectors["armed men"] == ("REB",)
