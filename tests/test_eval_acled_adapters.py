"""The ACLED-style evaluation adapters (ACLED exports, CASE 2021 task 2, IndiaPoliceEvents) and their mappings.

The mapping tests build actors and events by hand. The adapter tests run the real pipeline on the first items of
each gold set in ../shared/data (read at run time, never copied into the repository) and skip when it is absent.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.evaluate.adapters.acled import gold_actor_country, gold_date, primary_acled_event
from eventwire.evaluate.core import default_data_dir, evaluate
from eventwire.events.ontology.acled_actors import (CIVILIANS, EXTERNAL, IDENTITY_MILITIA, POLITICAL_MILITIA,
                                                     PROTESTERS, REBEL, RIOTERS, STATE, AcledActor, acled_actor_pair, acled_inter,
                                                     normalise_inter)
from eventwire.events.ontology.case2021_labels import NOT_ACLED, case2021_label, gold_case2021_label
from eventwire.events.ontology.police_actions import police_labels
from eventwire.model import AcledType, Actor, Event, EventEvidence, Span
from eventwire.pipeline import Pipeline

# ------------------------------------------------------------------------------------------------ builders


def actor(ident: str, kind: str = "group", country: str | None = None, *sector: str) -> Actor:
    return Actor(id=ident, name=ident, kind=kind, country=country, sector=tuple(sector))


def event(type_: str, source: tuple[str, ...] = (), target: tuple[str, ...] = (), *, mode: str | None = None,
          status: str = "actual", acled: AcledType = AcledType(), confidence: float = 0.5, start: int = 0,
          trigger: str = "attacked", fatalities: int | None = None) -> Event:
    span = Span(start, start + len(trigger), trigger)
    return Event(id=f"e{start}", type=type_, source=source, target=target, mode=mode, status=status, acled=acled,
                 confidence=confidence, fatalities=fatalities, evidence=EventEvidence(trigger=span, sentence=span))


ARMY_ISR = actor("army-isr", "group", "ISR", "MIL")
POLICE_IND = actor("police-ind", "group", "IND", "COP")
CROWD = actor("crowd", "group", None, "CVL")
GUNMEN = actor("gunmen", "person", "MEX", "UAF")
REBELS = actor("rebels", "group", "COL", "REB")
TOWN = actor("town", "location", "PSE")
UNKNOWN_GROUP = actor("brigades", "organization", "PSE")
OFFICIALS = actor("officials", "group", "IND", "GOV")
ACTORS = {a.id: a for a in (ARMY_ISR, POLICE_IND, CROWD, GUNMEN, REBELS, TOWN, UNKNOWN_GROUP, OFFICIALS)}

# ------------------------------------------------------------------------------------------------ ACLED actors


@pytest.mark.parametrize("raw, expected", [
    ("1", STATE), ("8", EXTERNAL), ("State forces", STATE), ("External/Other forces", EXTERNAL),
    ("Rebel Groups", REBEL), ("Political militia", POLITICAL_MILITIA), ("0", None), ("", None),
])
def test_normalise_inter_reads_codes_and_words(raw: str, expected: str | None) -> None:
    assert normalise_inter(raw) == expected


@pytest.mark.parametrize("who, role, event_type, where, expected", [
    (ARMY_ISR, 1, "Battles", "ISR", STATE),
    (ARMY_ISR, 1, "Explosions/Remote violence", "PSE", EXTERNAL),   # a state's army abroad
    (ARMY_ISR, 1, "Battles", None, STATE),                          # no place: assume at home
    (POLICE_IND, 2, "Protests", "IND", STATE),
    (REBELS, 1, "Battles", "COL", REBEL),
    (GUNMEN, 1, "Violence against civilians", "MEX", POLITICAL_MILITIA),
    (CROWD, 1, "Protests", "IND", PROTESTERS),
    (CROWD, 1, "Riots", "IND", RIOTERS),
    (CROWD, 2, "Violence against civilians", "IND", CIVILIANS),
    (UNKNOWN_GROUP, 1, "Battles", "PSE", POLITICAL_MILITIA),        # unknown armed actor
    (UNKNOWN_GROUP, 2, "Battles", "PSE", CIVILIANS),
    (actor("ew:hamas", "group", "PSE", "REB"), 1, "Battles", "PSE", POLITICAL_MILITIA),
    (actor("ew:houthis", "group", "YEM", "REB"), 1, "Battles", "YEM", STATE),
    (actor("un", "organization", None, "IGO"), 1, "Battles", "MLI", EXTERNAL),
    (actor("israel", "country", "ISR"), 1, "Battles", "LBN", EXTERNAL),
    (CROWD, 1, "Violence against civilians", "IND", POLITICAL_MILITIA),   # "two men shot a driver"
    (CROWD, 1, "Battles", "IND", POLITICAL_MILITIA),
    (actor("tiv", "group", None, "UAF", "ETH"), 1, "Violence against civilians", "NGA", IDENTITY_MILITIA),
    (actor("tribesmen", "group", None, "CVL", "ETH"), 2, "Battles", "YEM", IDENTITY_MILITIA),
    (actor("tribesmen", "group", None, "CVL", "ETH"), 2, "Violence against civilians", "YEM", CIVILIANS),
    (actor("ew:popular-mobilization-forces", "organization", "IRQ", "UAF"), 1, "Battles", "IRQ", STATE),
    (actor("ew:saudi-led-coalition", "group", "SAU", "MIL"), 1, "Explosions/Remote violence", "SAU", EXTERNAL),
])
def test_acled_inter(who: Actor, role: int, event_type: str, where: str | None, expected: str) -> None:
    assert acled_inter(who, role=role, event_type=event_type, location_country=where) == expected


def test_actor_pair_skips_places_and_names_crowds_by_the_event_country() -> None:
    e = event("ASSAULT", ("army-isr",), ("town", "crowd"),
              acled=AcledType("Violence against civilians", "Attack"))
    assert acled_actor_pair(e, ACTORS, "PSE") == (AcledActor(EXTERNAL, "ISR"), AcledActor(CIVILIANS, "PSE"))


def test_peaceful_protest_has_no_actor2() -> None:
    e = event("PROTEST", ("crowd",), ("police-ind",), acled=AcledType("Protests", "Peaceful protest"))
    assert acled_actor_pair(e, ACTORS, "IND") == (AcledActor(PROTESTERS, "IND"), None)


def test_protest_with_intervention_puts_the_protesters_first() -> None:
    e = event("ASSAULT", ("police-ind",), ("crowd",), mode="crowd-control",
              acled=AcledType("Protests", "Protest with intervention"))
    assert acled_actor_pair(e, ACTORS, "IND") == (AcledActor(PROTESTERS, "IND"), AcledActor(STATE, "IND"))

@pytest.mark.parametrize("acled_type, expected", [
    (AcledType("Protests", "Peaceful protest"), AcledActor(PROTESTERS, "MEX")),   # police officers on strike
    (AcledType("Riots", "Violent demonstration"), AcledActor(RIOTERS, "MEX")),
])
def test_the_crowd_of_a_protest_or_riot_is_actor1_whoever_leads_it(acled_type: AcledType,
                                                                    expected: AcledActor) -> None:
    police_mex = actor("police-mex", "group", "MEX", "COP")
    e = event("PROTEST", ("police-mex",), (), acled=acled_type)
    assert acled_actor_pair(e, {"police-mex": police_mex}, "MEX")[0] == expected
    # a crowd the text gives no country is named by where it gathers
    e = event("PROTEST", ("crowd",), (), acled=acled_type)
    assert acled_actor_pair(e, ACTORS, "GTM")[0] == AcledActor(expected.inter, "GTM")


@pytest.mark.parametrize(("acled_type", "expected"), [
    (AcledType("Protests", "Peaceful protest"), PROTESTERS),
    (AcledType("Riots", "Violent demonstration"), RIOTERS),
    (AcledType("Violence against civilians", "Attack"), POLITICAL_MILITIA),
])
def test_unnamed_side_is_named_by_kind_and_place(acled_type: AcledType, expected: str) -> None:
    e = event("PROTEST" if acled_type.event_type != "Violence against civilians" else "ASSAULT", (), (),
              acled=acled_type)
    assert acled_actor_pair(e, ACTORS, "YEM")[0] == AcledActor(expected, "YEM")


def test_a_clash_with_no_parsed_side_takes_the_first_armed_actor_named() -> None:
    army = Actor(id="army", name="army", kind="group", country="COL", sector=("MIL",),
                 mentions=(Span(40, 44, "army"),))
    rebels = Actor(id="rebels", name="rebels", kind="group", country="COL", sector=("REB",),
                   mentions=(Span(10, 16, "rebels"),))
    villagers = Actor(id="villagers", name="villagers", kind="group", country="COL", sector=("CVL",),
                      mentions=(Span(0, 9, "villagers"),))
    found = {a.id: a for a in (army, rebels, villagers)}
    e = event("ASSAULT", (), ("army",), acled=AcledType("Battles", "Armed clash"))
    assert acled_actor_pair(e, found, "COL")[0] == AcledActor(REBEL, "COL")   # the target is not its own foe
    e = event("ASSAULT", (), (), acled=AcledType("Battles", "Armed clash"))
    assert acled_actor_pair(e, found, "COL")[0] == AcledActor(REBEL, "COL")   # civilians never fight


def test_unnamed_side_of_a_battle_is_an_unidentified_armed_group() -> None:
    # "a shoot-out broke out in a suburb": ACLED's unidentified armed group of the country
    e = event("ASSAULT", (), (), acled=AcledType("Battles", "Armed clash"))
    assert acled_actor_pair(e, ACTORS, "YEM") == (AcledActor(POLITICAL_MILITIA, "YEM"), None)


def _said(type_: str, sentence: str, acled: AcledType, source: tuple[str, ...] = (),
          target: tuple[str, ...] = ()) -> Event:
    span = Span(0, len(sentence), sentence)
    trig = Span(0, len(sentence.split()[0]), sentence.split()[0])
    return Event(id="e", type=type_, source=source, target=target, acled=acled,
                 evidence=EventEvidence(trigger=trig, sentence=span))


def test_unattributed_fire_at_a_front_line_settlement_is_fired_from_across_the_line() -> None:
    shelling = AcledType("Explosions/Remote violence", "Shelling/artillery/missile attack")
    held_by_separatists = _said("ASSAULT", "observed 15 explosions involving unknown weapons near Sokilnyky.",
                                shelling)
    assert acled_actor_pair(held_by_separatists, {}, "RUS") == (AcledActor(STATE, "UKR"), None)
    held_by_kyiv = _said("ASSAULT", "observed 6 explosions near Svitlodarsk.", shelling)
    assert acled_actor_pair(held_by_kyiv, {}, None) == (AcledActor(REBEL, "UKR"), None)
    clash = _said("ASSAULT", "observed 81 shots involving small arms near Molodizhne.",
                  AcledType("Battles", "Armed clash"))
    assert acled_actor_pair(clash, {}, "UKR") == (AcledActor(STATE, "UKR"), AcledActor(REBEL, "UKR"))
    elsewhere = _said("ASSAULT", "observed 6 explosions near Kharkiv.", shelling)
    assert acled_actor_pair(elsewhere, {}, "UKR") == (AcledActor(POLITICAL_MILITIA, "UKR"), None)


def test_a_repelled_attack_has_the_attacker_as_actor1() -> None:
    army = Actor(id="army", name="Afghan forces", kind="group", country="AFG", sector=("MIL",),
                 mentions=(Span(0, 13, "Afghan forces"),))
    taliban = Actor(id="taliban", name="Taliban", kind="group", country="AFG", sector=("REB",),
                    mentions=(Span(40, 47, "Taliban"),))
    e = _said("ASSAULT", "repelled an assault by Taliban militants", AcledType("Battles", "Armed clash"),
              source=("army",))
    assert acled_actor_pair(e, {"army": army, "taliban": taliban}, "AFG") == (
        AcledActor(REBEL, "AFG"), AcledActor(STATE, "AFG"))


def test_forces_acting_on_their_own_country_are_at_home_wherever_the_place_was_read() -> None:
    army = actor("army-afg", "group", "AFG", "MIL")
    taliban = actor("taliban", "group", "AFG", "REB")
    e = event("ASSAULT", ("army-afg",), ("taliban",), acled=AcledType("Battles", "Armed clash"))
    assert acled_actor_pair(e, {"army-afg": army, "taliban": taliban}, "PAK")[0] == AcledActor(STATE, "AFG")
    e = event("ASSAULT", ("army-isr",), ("town",), acled=AcledType("Battles", "Armed clash"))
    assert acled_actor_pair(e, ACTORS, "PSE")[0] == AcledActor(EXTERNAL, "ISR")


# ------------------------------------------------------------------------------------------------ gold parsing


@pytest.mark.parametrize("name, expected", [
    ("Military Forces of Chile (2022-)", "CHL"),
    ("Military Forces of Chile (2022-) Navy", "CHL"),
    ("Police Forces of the Philippines (2016-)", "PHL"),
    ("Government of Kenya (2013-)", "KEN"),
    ("Civilians (Palestine)", "PSE"),
    ("Protesters (South Korea)", "KOR"),
    ("Unidentified Armed Group (Democratic Republic of Congo)", "COD"),
    ("Hamas Movement", "PSE"),
    ("PIJ: Palestinian Islamic Jihad", "PSE"),
    ("Taliban", "AFG"),
    ("Unidentified Armed Group (International)", None),
    ("Some Local Brigade", None),
    ("", None),
])
def test_gold_actor_country(name: str, expected: str | None) -> None:
    assert gold_actor_country(name) == expected


@pytest.mark.parametrize("raw, expected", [("6-Jun-25", "2025-06-06"), ("9-May-20", "2020-05-09"),
                                           ("2020-05-09", "2020-05-09"), ("soon", None)])
def test_gold_date(raw: str, expected: str | None) -> None:
    assert gold_date(raw) == expected


def test_primary_event_is_the_most_confident_typed_one_then_the_earliest() -> None:
    typed = AcledType("Battles", "Armed clash")
    untyped = event("CONSULT", confidence=0.99, start=0)
    early = event("ASSAULT", acled=typed, confidence=0.7, start=10)
    late = event("ASSAULT", acled=typed, confidence=0.7, start=50)
    best = event("ASSAULT", acled=typed, confidence=0.9, start=90)
    assert primary_acled_event([untyped, late, early]) is early
    assert primary_acled_event([untyped, late, early, best]) is best
    assert primary_acled_event([untyped]) is None

# ------------------------------------------------------------------------------------------------ CASE 2021


@pytest.mark.parametrize("acled, expected", [
    (AcledType("Explosions/Remote violence", "Air/drone strike"), "AIR_STRIKE"),
    (AcledType("Protests", "Protest with intervention"), "PROTEST_WITH_INTER"),
    (AcledType("Strategic developments", "Looting/property destruction"), "PROPERTY_DISTRUCT"),
    (AcledType(), NOT_ACLED), (None, NOT_ACLED),
])
def test_case2021_label(acled: AcledType | None, expected: str) -> None:
    assert case2021_label(acled) == expected


def test_unseen_case2021_labels_are_not_acled_events() -> None:
    assert gold_case2021_label("DIPLO") == NOT_ACLED
    assert gold_case2021_label("NATURAL_DISASTER") == NOT_ACLED
    assert gold_case2021_label("ARREST") == "ARREST"

# ------------------------------------------------------------------------------------------------ police


@pytest.mark.parametrize("e, expected", [
    (event("COERCE", ("police-ind",), ("crowd",), mode="arrest", trigger="arrested"), {"ANY_ACTION", "ARREST"}),
    (event("COERCE", (), ("crowd",), mode="arrest", trigger="arrested"), {"ANY_ACTION", "ARREST"}),
    (event("ASSAULT", ("police-ind",), ("crowd",), mode="firearms", trigger="fired"), {"ANY_ACTION", "FORCE"}),
    (event("ASSAULT", ("police-ind",), ("crowd",), trigger="shot dead"), {"ANY_ACTION", "FORCE", "KILL"}),
    (event("ASSAULT", ("police-ind",), ("crowd",), trigger="fired", fatalities=3), {"ANY_ACTION", "FORCE", "KILL"}),
    (event("ASSAULT", ("army-isr",), ("crowd",), trigger="fired"), {"ANY_ACTION", "FORCE"}),
    (event("COERCE", ("police-ind",), ("crowd",), mode="arrest", status="failed"), {"FAIL"}),
    (event("COERCE", ("police-ind",), ("crowd",), mode="arrest", status="refused"), {"FAIL"}),
    (event("CONSULT", ("police-ind",), ("crowd",), trigger="met"), {"ANY_ACTION"}),
    (event("ASSAULT", ("police-ind",), ("crowd",), status="threatened"), set()),
    (event("ASSAULT", ("crowd",), ("police-ind",), trigger="killed"), set()),   # the police as victims
    (event("MOBILIZE", (), ("police-ind",), mode="troops", trigger="deployed"), {"ANY_ACTION"}),   # forces deployed
    (event("COERCE", (), (), mode="curfew", trigger="imposed"), {"ANY_ACTION"}),   # "curfew was imposed"
    (event("COERCE", (), (), mode="restrict", trigger="prohibits"), set()),   # "the act prohibits transfers"
    (event("COERCE", (), (), mode="seize", trigger="seized"), {"ANY_ACTION"}),   # "weapons were seized"
    (event("COERCE", ("officials",), ("town",), mode="restrict", trigger="sealed"), {"ANY_ACTION"}),
    (event("MOBILIZE", ("officials",), (), mode="police", trigger="tightened"), {"ANY_ACTION"}),
    (event("CONSULT", ("officials",), ("crowd",), trigger="met"), set()),   # the administration talking: no police act
    (event("MOBILIZE", (), ("crowd",), trigger="mobilised"), set()),   # a crowd mobilised: not the police
    (event("MOBILIZE", (), (), mode="police", trigger="intensified"), {"ANY_ACTION"}),   # "patrolling intensified"
    (event("MOBILIZE", (), (), mode="troops", trigger="deployed"), set()),   # whose troops: not known to be police
    (event("COERCE", ("police-ind",), ("crowd",), mode="restrict", status="negated", trigger="stop"), {"FAIL"}),
])
def test_police_labels(e: Event, expected: set[str]) -> None:
    assert police_labels(e, ACTORS) == expected

# ------------------------------------------------------------------------------------------------ adapters

ADAPTER_KEYS = {
    "acled-gaza-2023-2025": ["event_type_accuracy", "sub_event_type_macro_f1", "actor1_accuracy", "actor2_accuracy",
                             "location_within_10km", "location_within_161km", "median_km", "date_exact",
                             "fatalities_exact"],
    "case2021-task2": ["accuracy", "macro_f1"],
    "indiapoliceevents": ["sentence_macro_f1", "sentence_f1_KILL", "sentence_f1_ARREST", "sentence_f1_FAIL",
                          "sentence_f1_FORCE", "sentence_f1_ANY_ACTION"],
}
ADAPTER_KEYS["acled-global-2020-05"] = ADAPTER_KEYS["acled-gaza-2023-2025"]
LIMIT = {"indiapoliceevents": 5}   # documents, each of many sentences


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from eventwire.coder import default_pipeline

    return default_pipeline()


@pytest.mark.parametrize("name", sorted(ADAPTER_KEYS))
def test_adapter_on_the_first_items_and_on_a_copy(name: str, pipeline: Pipeline, tmp_path: Path) -> None:
    folder = default_data_dir(name)
    if not folder.is_dir():
        pytest.skip(f"gold data for {name} not found at {folder} (put ../shared beside the checkout)")
    limit = LIMIT.get(name, 20)
    result = evaluate(name, limit=limit, pipeline=pipeline)
    summary = result.summary()
    assert summary["n"] >= limit
    for key in ADAPTER_KEYS[name]:
        assert key in summary, key
        value = summary[key]
        if key == "median_km":
            assert value is None or value >= 0
        else:
            assert isinstance(value, float) and 0.0 <= value <= 1.0, (key, value)
    for err in result.errors:
        assert {"gold", "predicted", "text"} <= set(err)
    copy = tmp_path / name
    shutil.copytree(folder, copy)
    assert evaluate(name, data=copy, limit=limit, pipeline=pipeline).summary() == summary
