"""The crosswalk from PLOVER types to the quad classes, CAMEO codes and ACLED types."""
from __future__ import annotations

import pytest

from eventwire.events.ontology.crosswalk import QUAD, acled, cameo_code, cameo_root, quad
from eventwire.model import STATUSES, AcledType

EXPECTED_QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation", "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict", "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict", "ASSAULT": "material_conflict",
}


def test_the_crosswalk_covers_exactly_the_sixteen_plover_types() -> None:
    assert set(QUAD) == set(EXPECTED_QUAD)
    assert len(EXPECTED_QUAD) == 16


@pytest.mark.parametrize("plover, expected", sorted(EXPECTED_QUAD.items()))
def test_quad(plover: str, expected: str) -> None:
    assert quad(plover) == expected


def test_quad_of_an_unknown_type_is_none() -> None:
    assert quad("PARADE") is None


@pytest.mark.parametrize("plover, trigger, expected", [
    ("ASSAULT", "195", "195"),       # air strike: root 19 is ASSAULT
    ("ASSAULT", "182", "182"),       # root 18 is ASSAULT too
    ("ASSAULT", "204", "204"),
    ("CONSULT", "043", "043"),
    ("REQUEST", "100", "100"),       # root 10 (demand) is REQUEST
    ("ACCUSE", "111", "111"),
    ("RETREAT", "0874", "0874"),
    ("CONSULT", "195", "040"),       # the trigger's code disagrees with the type: fall back
    ("REJECT", "057", "120"),        # "refused to agree": the AGREE code must not survive
    ("THREATEN", "190", "130"),      # a vow to attack is not coded as the attack
    ("PROTEST", None, "140"),
    ("SANCTION", "", "160"),
    ("PARADE", "195", "010"),        # unknown type
])
def test_cameo_code(plover: str, trigger: str | None, expected: str) -> None:
    assert cameo_code(plover, trigger) == expected


def test_cameo_root() -> None:
    assert cameo_root("0874") == "08"
    assert cameo_root("1") is None
    assert cameo_root(None) is None


@pytest.mark.parametrize("args, expected", [
    (("ASSAULT", "aerial", "actual", {"MIL"}, {"MIL"}),
     AcledType("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", "drone", "attempted", set(), {"MIL"}),
     AcledType("Explosions/Remote violence", "Air/drone strike")),
    (("ASSAULT", "heavy-weapons", "actual", set(), {"MIL"}),
     AcledType("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (("ASSAULT", "abduct", "actual", {"EDU"}, {"UAF"}),
     AcledType("Violence against civilians", "Abduction/forced disappearance")),
    (("ASSAULT", None, "actual", {"CVL"}, {"MIL"}), AcledType("Violence against civilians", "Attack")),
    (("ASSAULT", None, "actual", {"JRN"}, {"COP"}), AcledType("Violence against civilians", "Attack")),
    # a target that is partly armed is a battle, not violence against civilians
    (("ASSAULT", None, "actual", {"CVL", "MIL"}, {"REB"}), AcledType("Battles", "Armed clash")),
    (("ASSAULT", None, "failed", {"MIL"}, {"REB"}), AcledType("Battles", "Armed clash")),
    (("PROTEST", "demo", "actual", {"GOV"}, {"CVL"}), AcledType("Protests", "Peaceful protest")),
    (("PROTEST", None, "actual", set(), {"CVL"}), AcledType("Protests", "Peaceful protest")),
    (("PROTEST", "riot", "actual", set(), {"CVL"}), AcledType("Riots", "Violent demonstration")),
    (("COERCE", "arrest", "actual", {"CVL"}, {"COP"}), AcledType("Strategic developments", "Arrests")),
    (("AGREE", None, "actual", set(), set()), AcledType("Strategic developments", "Agreement")),
    # ACLED: a withdrawal no one takes over is a change in the force's activity; a handover transfers territory
    (("RETREAT", "withdraw", "actual", set(), {"MIL"}),
     AcledType("Strategic developments", "Change to group/activity")),
    (("COERCE", "seize", "actual", set(), {"MIL"}), AcledType()),   # not an arrest: ACLED has no type
    # armed men seizing a vehicle: looting; villagers fighting villagers: mob violence
    (("COERCE", "seize", "actual", set(), {"UAF"}), AcledType("Strategic developments", "Looting/property destruction")),
    (("ASSAULT", None, "actual", {"CVL"}, {"CVL"}), AcledType("Riots", "Mob violence")),
    (("ASSAULT", None, "actual", {"MIL"}, {"CVL", "OPP"}), AcledType("Riots", "Mob violence")),
    (("CONSULT", None, "actual", set(), set()), AcledType()),
    (("ACCUSE", None, "actual", set(), set()), AcledType()),
])
def test_acled(args: tuple, expected: AcledType) -> None:
    assert acled(*args) == expected


@pytest.mark.parametrize("status", [s for s in STATUSES if s not in ("actual", "attempted", "failed")])
@pytest.mark.parametrize("plover, mode", [("ASSAULT", "aerial"), ("ASSAULT", None), ("PROTEST", "demo"),
                                          ("PROTEST", "riot"), ("COERCE", "arrest"), ("AGREE", None)])
def test_events_that_did_not_happen_get_no_acled_type(status: str, plover: str, mode: str | None) -> None:
    assert acled(plover, mode, status, {"CVL"}, {"MIL"}) == AcledType(None, None)


@pytest.mark.parametrize("args, kwargs, expected", [
    # withdrawals: taken over by another side, or handed over, is a transfer of territory
    (("RETREAT", "withdraw", "actual", set(), {"MIL"}), {"taken_over": True},
     AcledType("Strategic developments", "Non-violent transfer of territory")),
    (("RETREAT", "withdraw", "actual", set(), {"MIL"}), {"lemma": "handover"},
     AcledType("Strategic developments", "Non-violent transfer of territory")),
    # security measures and movements of forces
    (("COERCE", "curfew", "actual", set(), {"GOV"}), {"lemma": "curfew"},
     AcledType("Strategic developments", "Change to group/activity")),
    (("COERCE", "restrict", "actual", set(), {"GOV"}), {"lemma": "seal"},
     AcledType("Strategic developments", "Change to group/activity")),
    # the forces dispersing a gathering: ACLED's protest with intervention
    (("COERCE", "restrict", "actual", {"CVL"}, {"COP"}), {"lemma": "disperse"},
     AcledType("Protests", "Protest with intervention")),
    (("COERCE", "restrict", "actual", {"CVL"}, {"COP"}), {"lemma": "suppress"}, AcledType()),
    # crowd control on a crowd that rioted is the riot; demonstrators who attack, a violent demonstration
    (("ASSAULT", "crowd-control", "actual", {"CVL"}, {"COP"}), {"rioting": True},
     AcledType("Riots", "Violent demonstration")),
    (("ASSAULT", None, "actual", {"COP"}, {"CVL"}), {"protesting": True},
     AcledType("Riots", "Violent demonstration")),
    (("ASSAULT", None, "actual", {"COP"}, {"CVL"}), {}, AcledType("Riots", "Mob violence")),
    # a grenade answered with fire by the armed target is a clash; armed individuals firing on police too
    (("ASSAULT", "explosives", "actual", {"MIL"}, {"REB"}), {"weapon": "grenade", "direct_fire": True},
     AcledType("Battles", "Armed clash")),
    (("ASSAULT", "explosives", "actual", {"MIL"}, {"REB"}), {"weapon": "grenade"},
     AcledType("Explosions/Remote violence", "Grenade")),
    (("ASSAULT", "firearms", "actual", {"COP"}, {"CVL"}), {}, AcledType("Battles", "Armed clash")),
    # harmed people with soldiers among them are not one-sided violence
    (("ASSAULT", None, "actual", set(), {"REB"}), {"objects": frozenset({"man", "woman"})},
     AcledType("Violence against civilians", "Attack")),
    (("ASSAULT", None, "actual", set(), {"REB"}), {"objects": frozenset({"man", "soldier"})},
     AcledType("Battles", "Armed clash")),
    (("MOBILIZE", "troops", "actual", set(), {"MIL"}), {"lemma": "deploy"},
     AcledType("Strategic developments", "Change to group/activity")),
    (("MOBILIZE", "troops", "actual", set(), {"REB"}), {"lemma": "set", "objects": frozenset({"base", "up"})},
     AcledType("Strategic developments", "Headquarters or base established")),
    (("MOBILIZE", None, "actual", set(), {"COP"}), {"lemma": "intervene"}, AcledType()),
    (("AID", None, "actual", {"CVL"}, {"CRM"}), {},
     AcledType("Strategic developments", "Change to group/activity")),
    (("AID", None, "actual", {"CVL"}, {"GOV"}), {}, AcledType()),
    # releases: captives freed, an exchange, or a place freed
    (("RETREAT", "release", "actual", set(), {"REB"}), {"lemma": "release", "objects": frozenset({"hostage"})},
     AcledType("Strategic developments", "Other")),
    (("RETREAT", "release", "actual", set(), {"GOV"}), {"lemma": "exchange", "objects": frozenset({"prisoner"})},
     AcledType("Strategic developments", "Agreement")),
    (("RETREAT", "release", "actual", set(), {"MIL"}), {"lemma": "release", "objects": frozenset({"footage"})},
     AcledType()),
    (("RETREAT", "release", "actual", {"REB"}, {"MIL"}), {"lemma": "free", "objects": frozenset({"village"})},
     AcledType("Battles", "Government regains territory")),
    # territory taken by state forces is regained, by others overtaken
    (("ASSAULT", None, "actual", set(), {"MIL"}), {"lemma": "capture", "objects": frozenset({"village"})},
     AcledType("Battles", "Government regains territory")),
    (("ASSAULT", None, "actual", set(), {"REB"}), {"lemma": "recapture"},
     AcledType("Battles", "Non-state actor overtakes territory")),
    (("COERCE", "seize", "actual", set(), {"REB"}), {"lemma": "seize", "objects": frozenset({"town"})},
     AcledType("Battles", "Non-state actor overtakes territory")),
    # seizures: weapons disrupted, goods confiscated, people intercepted are no ACLED event
    (("COERCE", "seize", "actual", set(), {"COP"}), {"lemma": "confiscate", "objects": frozenset({"drug"})},
     AcledType("Strategic developments", "Looting/property destruction")),
    (("COERCE", "seize", "actual", set(), {"MIL"}), {"lemma": "intercept", "objects": frozenset({"missile"})},
     AcledType("Strategic developments", "Disrupted weapons use")),
    (("COERCE", "seize", "actual", set(), {"COP"}), {"lemma": "intercept", "objects": frozenset({"smuggler"})},
     AcledType()),
    (("ASSAULT", "drone", "actual", set(), {"REB"}), {"lemma": "shoot", "objects": frozenset({"down", "drone"})},
     AcledType("Strategic developments", "Disrupted weapons use")),
    (("ASSAULT", "firearms", "actual", set(), {"REB"}), {"lemma": "shoot", "objects": frozenset({"drone"})},
     AcledType("Battles", "Armed clash")),
    # remote fire the target can answer (small arms, both ways) is a clash; on the unarmed an attack
    (("ASSAULT", "heavy-weapons", "actual", set(), {"MIL"}), {"direct_fire": True},
     AcledType("Battles", "Armed clash")),
    (("ASSAULT", "heavy-weapons", "actual", set(), {"MIL"}), {},
     AcledType("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    (("ASSAULT", "firearms", "actual", set(), {"UAF"}), {"direct_fire": True, "objects": frozenset({"villager"})},
     AcledType("Violence against civilians", "Attack")),
    (("ASSAULT", None, "actual", set(), {"UAF"}), {"lemma": "attack", "objects": frozenset({"village"})},
     AcledType("Violence against civilians", "Attack")),
    (("ASSAULT", None, "actual", {"MIL"}, {"UAF"}), {"lemma": "attack", "objects": frozenset({"village"})},
     AcledType("Battles", "Armed clash")),
    # ACLED: "arrests" by a non-state armed group are abductions
    (("COERCE", "arrest", "actual", {"CVL"}, {"REB"}), {"lemma": "arrest"},
     AcledType("Violence against civilians", "Abduction/forced disappearance")),
    (("ASSAULT", None, "actual", {"REB"}, {"MIL"}), {"lemma": "recapture", "objects": frozenset({"place"})},
     AcledType("Battles", "Government regains territory")),
    (("COERCE", "seize", "actual", set(), {"MIL"}), {"lemma": "recover", "weapon": "firearm",
                                                     "objects": frozenset({"territory"})},
     AcledType("Battles", "Government regains territory")),
])
def test_acled_from_lemma_objects_and_fire(args: tuple, kwargs: dict, expected: AcledType) -> None:
    assert acled(*args, **kwargs) == expected

