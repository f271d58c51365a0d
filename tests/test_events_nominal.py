"""Nominal events written as gerunds, on sentences written for these tests: "in the police firing" is an
attack by the police, and those who died in it are its toll."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


@pytest.mark.parametrize("text, fatalities", [
    ("More villagers died in the police firing near the market.", 1),
    ("Three students died in the police firing outside the college.", 3),
])
def test_death_in_a_gerund_attack(code: Callable[..., Any], text: str, fatalities: int) -> None:
    coded = code(text)
    attack = coded.event("ASSAULT")
    assert coded.sources(attack) == {"police"}
    assert attack.fatalities == fatalities
    assert attack.evidence.trigger.text == "firing"


def test_a_gerund_with_its_own_object_is_not_a_noun(code: Callable[..., Any]) -> None:
    """"by firing shots in the air" keeps its verb reading (the police fired; no nominal attack)."""
    coded = code("The police dispersed the crowd by firing shots in the air.")
    assert all(e.evidence.trigger.text != "firing" or not e.fatalities for e in coded.events())


@pytest.mark.parametrize("text", [
    "Residents blamed the police inaction for the looting.",
    "The failure of the police allowed the mob to burn the shops.",
])
def test_forces_that_did_not_act_told_with_a_noun(code: Callable[..., Any], text: str) -> None:
    from eventwire.events.ontology.police_actions import FAIL, police_labels

    coded = code(text)
    actors = {a.id: a for a in coded.result.actors}
    failed = [e for e in coded.events() if FAIL in police_labels(e, actors)]
    assert failed and all(coded.sources(e) == {"police"} for e in failed)


def test_an_inaction_noun_needs_the_forces(code: Callable[..., Any]) -> None:
    coded = code("The failure of the talks angered the unions.")
    assert not any(e.evidence.trigger.text == "failure" and e.status == "negated" for e in coded.events())


def test_taken_into_custody_is_an_arrest(code: Callable[..., Any]) -> None:
    coded = code("Twelve traders were taken into custody on Friday.")
    arrest = coded.event("COERCE")
    assert arrest.mode == "arrest" and arrest.evidence.trigger.text == "taken"


def test_troops_stationed_are_mobilized(code: Callable[..., Any]) -> None:
    assert any(e.type == "MOBILIZE" for e in code("Two companies of troops were stationed in the old town.").events())


@pytest.mark.parametrize("text, status", [
    ("The district police failed to protect the traders.", "failed"),
    ("The authorities did not act to stop the looting.", "negated"),
])
def test_a_duty_not_done_is_a_failure_of_the_forces(code: Callable[..., Any], text: str, status: str) -> None:
    from eventwire.events.ontology.police_actions import FAIL, police_labels

    coded = code(text)
    actors = {a.id: a for a in coded.result.actors}
    assert any(FAIL in police_labels(e, actors) and e.status == status for e in coded.events())


def test_a_duty_done_is_not_coded_as_one(code: Callable[..., Any]) -> None:
    assert not code("The police protected the shrine on Friday.").events()


def test_forced_to_act_the_forced_party_acts(code: Callable[..., Any]) -> None:
    """Control through a passive: "the guards were forced to fire tear gas" -- the guards fire."""
    coded = code("The guards were forced to fire tear gas at the crowd.")
    assert coded.sources(coded.event("ASSAULT")) == {"guards"}


@pytest.mark.parametrize("text, mode", [
    ("The police fired 45 rounds at the rioters.", "firearms"),
    ("The police fired teargas shells at the rioters.", "crowd-control"),
    ("The army fired shells at the town.", "heavy-weapons"),
])
def test_what_was_fired_gives_the_mode(code: Callable[..., Any], text: str, mode: str) -> None:
    assert code(text).event("ASSAULT").mode == mode


def test_a_purpose_is_not_a_threat(code: Callable[..., Any]) -> None:
    """"fired tear gas to disperse the crowd": the dispersal is what the firing was for, not an announced
    coercion (no THREATEN)."""
    coded = code("The police fired tear gas to disperse the crowd.")
    assert not coded.events("THREATEN") and coded.events("ASSAULT")
