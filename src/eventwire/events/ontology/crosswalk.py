"""The one crosswalk between eventwire's PLOVER events and the other ontologies: quad class, CAMEO root,
ACLED event_type/sub_event_type. Documented in docs/ONTOLOGY.md; every mapping is tested.

Decisions on PLOVER's internal inconsistencies (2024-02 manual): the quad of each category follows the
category section headings (REQUEST, ACCUSE, REJECT, THREATEN are VERBAL CONFLICT although the manual's
summary table lists REQUEST as cooperative in places); RETREAT is material cooperation; mediation is
CONSULT with mode ``third-party``; a vow to use force is THREATEN, never ASSAULT + future.
"""
from __future__ import annotations

from ...model import AcledType

QUAD: dict[str, str] = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation", "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict", "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict", "ASSAULT": "material_conflict",
}

# The CAMEO root (2-digit) a PLOVER type falls under when the trigger gives no finer code.
CAMEO_DEFAULT: dict[str, str] = {
    "AGREE": "057", "CONSULT": "040", "SUPPORT": "051", "CONCEDE": "080", "COOPERATE": "060", "AID": "070",
    "RETREAT": "080", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "190",
}

CAMEO_ROOT_TO_PLOVER: dict[str, str] = {
    "01": "SUPPORT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "RETREAT", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}


def quad(plover_type: str) -> str | None:
    return QUAD.get(plover_type)


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code and len(code) >= 2 else None


def cameo_code(plover_type: str, trigger_code: str | None) -> str:
    """The trigger's own CAMEO code when it agrees with the PLOVER type, else the type's default."""
    if trigger_code and CAMEO_ROOT_TO_PLOVER.get(trigger_code[:2]) == plover_type:
        return trigger_code
    return CAMEO_DEFAULT.get(plover_type, "010")


_ASSAULT_MODE_TO_ACLED: dict[str, tuple[str, str]] = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "destroy": ("Strategic developments", "Looting/property destruction"),
    # police dispersing a demonstration is coded by ACLED as the protest, with intervention
    "crowd-control": ("Protests", "Protest with intervention"),
    "unconventional": ("Explosions/Remote violence", "Chemical weapon"),
    "primitive": ("Violence against civilians", "Attack"),
}
_CIVILIAN_SECTORS = {"CVL", "REF", "JRN", "MED", "HLH", "EDU", "REL", "NGO", "LAB", "BUS"}
_ARMED_SECTORS = {"MIL", "REB", "COP", "UAF", "SPY"}


_RETAKE = {"recapture", "retake", "regain", "liberate", "reclaim", "reconquer"}
_TAKE = {"capture", "seize", "overrun", "take", "occupy", "conquer", "control"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}


def acled(plover_type: str, mode: str | None, status: str, target_sectors: set[str],
          source_sectors: set[str], *, weapon: str | None = None, lemma: str | None = None,
          intervened: bool = False, symmetric: bool = False) -> AcledType:
    """ACLED's event_type/sub_event_type for the events ACLED codes (only events that happened). ``weapon`` is
    the weapon class of ``events.weapons`` (it tells a grenade or a chemical weapon from other explosives),
    ``lemma`` the trigger's lemma (it tells a recapture from a capture), ``intervened`` whether the police or
    army acted against a protest's crowd, ``symmetric`` whether both sides fired (an exchange of fire)."""
    if status not in ("actual", "attempted", "failed"):
        return AcledType()
    if plover_type == "ASSAULT":
        if weapon == "grenade":
            return AcledType("Explosions/Remote violence", "Grenade")
        if weapon == "chemical":
            return AcledType("Explosions/Remote violence", "Chemical weapon")
        if lemma in _RETAKE | _TAKE and not target_sectors:   # the target is a place: territory changes hands
            if lemma in _RETAKE and source_sectors & _STATE_SECTORS:
                return AcledType("Battles", "Government regains territory")
            if lemma in _TAKE and source_sectors and not source_sectors & _STATE_SECTORS:
                return AcledType("Battles", "Non-state actor overtakes territory")
        if source_sectors and source_sectors <= _CIVILIAN_SECTORS | {"OPP", "PTY"} and mode in (None, "primitive",
                                                                                               "beat", "destroy"):
            return AcledType("Riots", "Mob violence")   # villagers, mobs, party youths fighting: no armed group
        if symmetric and mode in (None, "heavy-weapons", "firearms"):
            return AcledType("Battles", "Armed clash")   # "exchanged artillery with …": two sides fighting
        if mode in _ASSAULT_MODE_TO_ACLED:
            et, st = _ASSAULT_MODE_TO_ACLED[mode]
            return AcledType(et, st)
        if target_sectors & _CIVILIAN_SECTORS and not target_sectors & _ARMED_SECTORS:
            return AcledType("Violence against civilians", "Attack")
        if mode in ("torture", "beat", "targeted") and not target_sectors & _ARMED_SECTORS:
            return AcledType("Violence against civilians", "Attack")   # one-sided violence on the unarmed
        return AcledType("Battles", "Armed clash")
    if plover_type == "PROTEST":
        if mode == "riot":
            return AcledType("Riots", "Violent demonstration")
        if intervened:
            return AcledType("Protests", "Protest with intervention")
        return AcledType("Protests", "Peaceful protest")
    if plover_type == "AGREE":
        return AcledType("Strategic developments", "Agreement")
    if plover_type == "MOBILIZE" and lemma in ("set", "establish", "build", "erect", "open", "create") \
            and source_sectors:
        return AcledType("Strategic developments", "Headquarters or base established")   # set up a base
    if plover_type == "COERCE" and mode == "seize" and weapon is not None and (
            source_sectors & _STATE_SECTORS or not source_sectors):
        return AcledType("Strategic developments", "Disrupted weapons use")   # police seized explosives
    if plover_type == "COERCE" and mode == "seize" and source_sectors and not source_sectors & {"GOV", "COP", "JUD", "MIL", "SPY"}:
        return AcledType("Strategic developments", "Looting/property destruction")   # armed men seized a vehicle
    if plover_type == "COERCE" and mode == "arrest":
        return AcledType("Strategic developments", "Arrests")
    if plover_type == "RETREAT" and mode in ("disarm", "release"):
        return AcledType("Strategic developments", "Agreement")   # a surrender, a prisoner exchange
    if plover_type == "RETREAT" and mode == "withdraw":
        return AcledType("Strategic developments", "Non-violent transfer of territory")
    return AcledType()
