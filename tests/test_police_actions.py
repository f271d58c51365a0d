"""Police actions on sentences written for these tests: forces that did not act told with "lack of" and
"neither … nor", abilities denied, ranks that make a named officer police, units of a force, flag marches,
fearing called apprehending, curfews as a setting, and statements of the police (``police_actions``)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eventwire.events.ontology.police_actions import ANY_ACTION, FAIL, police_labels, statement_labels


def _labels(coded: Any) -> set[str]:
    actors = {a.id: a for a in coded.result.actors}
    found: set[str] = set()
    for e in coded.events():
        found |= police_labels(e, actors)
    for q in coded.result.quotes:
        found |= statement_labels(q, actors)
    return found


@pytest.mark.parametrize("text", [
    "There was a total lack of police action while the shops burned.",
    "Neither the police nor the army was deployed when the mob struck the colony.",
    "The constables have not been able to catch or arrest the smugglers.",
    "The guards chose to stand as passive onlookers while the barns burned.",
    "The police did nothing while the shops burned.",
    "The constables did not do enough to protect the traders.",
    "The police watched as the mob set fire to the bus depot.",
    "The troops sat idly inside their trucks.",
])
def test_forces_that_did_not_act(code: Callable[..., Any], text: str) -> None:
    assert FAIL in _labels(code(text))


def test_able_to_is_done(code: Callable[..., Any]) -> None:
    coded = code("The police were able to arrest the two suspects on Sunday.")
    assert coded.event("COERCE").status == "actual"


def test_unable_to_is_failed(code: Callable[..., Any]) -> None:
    assert code("The police were unable to arrest the suspects.").event("COERCE").status == "failed"


@pytest.mark.parametrize("text", [
    "City police commissioner Rakesh Varma banned all rallies in the old town on Monday.",
    "Twelve companies of the CRPF were sent to the old town on Monday.",
    "About 300 pilgrims have been deported to their home towns.",
    "Paramilitary police staged a flag-march in the old town on Tuesday.",
    "Police said that two groups clashed near the bus stand on Monday.",
])
def test_police_acted(code: Callable[..., Any], text: str) -> None:
    assert ANY_ACTION in _labels(code(text))


def test_a_title_gives_an_unknown_officer_his_force(code: Callable[..., Any]) -> None:
    coded = code("City police commissioner Rakesh Varma banned all rallies in the old town on Monday.")
    assert "COP" in coded.actor("Rakesh Varma").sector


def test_a_spokesman_of_a_named_group_is_not_the_government(code: Callable[..., Any]) -> None:
    coded = code("Tarvin Front spokesman Rami Odel denied the charge on Monday.")
    assert "GOV" not in coded.actor("Rami Odel").sector


def test_a_flag_march_is_a_show_of_force(code: Callable[..., Any]) -> None:
    march = code("Two columns of army troops conducted a flag march through the old city.").event("MOBILIZE")
    assert march.mode == "police" and march.cameo == "150"


@pytest.mark.parametrize("text", [
    "Apprehending trouble, the shopkeepers downed their shutters.",
    "The farmers apprehended a threat to their harvest.",
])
def test_apprehending_trouble_is_no_arrest(code: Callable[..., Any], text: str) -> None:
    assert not any(e.type in ("COERCE", "ASSAULT") for e in code(text).events())


@pytest.mark.parametrize("text", [
    "Schools in the curfew-bound areas will remain closed.",
    "The old quarter remained under curfew for a week.",
])
def test_a_curfew_as_the_setting_is_no_event(code: Callable[..., Any], text: str) -> None:
    assert not any(e.mode == "curfew" for e in code(text).events())


def test_a_deployment_requested_is_not_done(code: Callable[..., Any]) -> None:
    coded = code("The governor sent a request for army deployment to the valley.")
    assert coded.event("MOBILIZE").status == "hypothetical"


def test_a_failure_to_act_is_failed(code: Callable[..., Any]) -> None:
    coded = code("The police drew criticism for their failure to arrest the looters.")
    assert coded.event("COERCE").status == "failed"


def test_an_officer_named_again_by_surname_is_the_same_person(code: Callable[..., Any]) -> None:
    coded = code("Police commissioner Rakesh Varma met traders on Monday. Varma said the market would reopen.")
    (quote,) = coded.result.quotes
    (speaker,) = quote.speaker
    assert {a.name: a.id for a in coded.result.actors}["Rakesh Varma"] == speaker
    assert ANY_ACTION in _labels(coded)


@pytest.mark.parametrize("text, type_, mode", [
    ("The district police made security arrangements for the annual fair.", "MOBILIZE", "police"),
    ("The three smugglers were sent to the county jail.", "COERCE", "arrest"),
])
def test_police_work_in_other_words(code: Callable[..., Any], text: str, type_: str, mode: str) -> None:
    assert code(text).event(type_).mode == mode


@pytest.mark.parametrize("text", [
    "The Kestrel Road police opened fire in the market area.",
    "Police sources said the blast had been caused by fire-crackers.",
    "Security personnel in full riot gear marched through the city.",
    "Two platoons of police have been posted near the temple.",
])
def test_more_police_actions(code: Callable[..., Any], text: str) -> None:
    assert ANY_ACTION in _labels(code(text))


def test_forces_marching_are_no_protest(code: Callable[..., Any]) -> None:
    coded = code("Security personnel in full riot gear marched through the city.")
    assert not coded.events("PROTEST") and coded.event("MOBILIZE").mode == "police"


@pytest.mark.parametrize("text", [
    "The mayor called a meeting to defuse tension between the two clans.",
    "The main gate of the workshop was locked up on Saturday.",
])
def test_no_arrest_or_seizure_in_other_senses(code: Callable[..., Any], text: str) -> None:
    assert not code(text).events("COERCE")


@pytest.mark.parametrize("text", [
    "The man suffered a cardiac arrest on Monday.",
    "The rare turtles have been placed under protection.",
])
def test_no_arrest_in_other_senses(code: Callable[..., Any], text: str) -> None:
    assert not any(e.mode == "arrest" for e in code(text).events())


@pytest.mark.parametrize("text", [
    "The mayor was placed under house arrest on Monday.",
    "The police put six youths behind bars.",
])
def test_arrests_in_other_words(code: Callable[..., Any], text: str) -> None:
    assert code(text).event("COERCE").mode == "arrest"


def test_likely_to_be_arrested_is_not_done(code: Callable[..., Any]) -> None:
    assert not any(e.status == "actual" and e.mode == "arrest"
                   for e in code("The smugglers are likely to be arrested this week.").events())


@pytest.mark.parametrize("text, dead", [
    ("Four persons were killed when the police opened fire to disperse the mob.", 4),
    ("One man was killed and two were hurt when the police fired on the marchers.", 1),
])
def test_the_dead_of_a_firing_told_in_the_main_clause(code: Callable[..., Any], text: str, dead: int) -> None:
    from eventwire.events.ontology.police_actions import KILL

    coded = code(text)
    (firing,) = [e for e in coded.events("ASSAULT")]
    assert firing.fatalities == dead and KILL in _labels(coded)


@pytest.mark.parametrize("text", [
    "Three rounds were fired by a police sergeant to scatter the crowd.",
    "Twelve tear-gas shells were lobbed at the crowd near the mosque.",
    "Police had to lathi-charge the strikers outside the depot.",
])
def test_force_told_in_other_words(code: Callable[..., Any], text: str) -> None:
    from eventwire.events.ontology.police_actions import FORCE

    assert FORCE in _labels(code(text))


def test_militants_throwing_grenades_is_no_crowd_control(code: Callable[..., Any]) -> None:
    coded = code("Militants hurled grenades at the police post in Velmar.")
    assert all(e.mode != "crowd-control" for e in coded.events())


@pytest.mark.parametrize("text, dead", [
    ("The toll rose to nine, including the four people killed in police firing.", 4),
    ("Two men died when the police resorted to firing to scatter the rioters.", 2),
])
def test_deaths_in_police_firing_are_its_toll(code: Callable[..., Any], text: str, dead: int) -> None:
    from eventwire.events.ontology.police_actions import KILL

    coded = code(text)
    assert any(e.fatalities == dead for e in coded.events("ASSAULT")) and KILL in _labels(coded)


@pytest.mark.parametrize("text", [
    "The police did their best to calm the crowd.",
    "Police watched the suspect's house for a week.",
])
def test_forces_that_acted_did_not_fail(code: Callable[..., Any], text: str) -> None:
    assert FAIL not in _labels(code(text))

