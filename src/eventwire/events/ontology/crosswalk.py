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


_RETAKE = {"recapture", "retake", "regain", "liberate", "reclaim", "reconquer", "recover"}
_TAKE = {"capture", "seize", "overrun", "take", "occupy", "conquer", "control"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY"}
_NON_STATE_ARMED = {"REB", "UAF", "CRM", "INS", "SEP"}
# people and places that are not armed: an attack on them is one-sided (ACLED "Attack"), not a battle
_UNARMED = {"man", "woman", "boy", "girl", "child", "people", "person", "civilian", "villager", "resident", "farmer",
            "herder", "herdsman", "driver", "teacher", "student", "pupil", "worker", "trader", "merchant", "vendor",
            "passenger", "family", "youth", "teenager", "baby", "infant", "wife", "husband", "son", "daughter",
            "father", "mother", "brother", "sister", "priest", "pastor", "imam", "cleric", "journalist", "reporter",
            "doctor", "nurse", "businessman", "shopkeeper", "fisherman", "miner", "pilgrim", "worshipper",
            "activist", "councillor", "councilor", "chairman", "chairperson", "candidate", "politician", "deacon",
            "sarpanch", "owner", "victim", "body", "pedestrian", "motorist", "rider", "villager", "relative",
            "village", "hamlet", "settlement", "homestead", "house", "home", "camp", "market", "school", "church",
            "mosque", "farm", "shop", "neighbourhood", "neighborhood", "community", "household", "compound",
            "hotel", "restaurant", "bar", "cafe", "nightclub", "hospital", "clinic", "bus", "population", "tourist",
            "guest", "shopper", "mourner", "wedding", "funeral", "temple", "shrine", "synagogue", "parishioner"}
# people who are armed: an attack that hit them as well as civilians is not one-sided
_ARMED_PEOPLE = {"soldier", "troop", "police", "policeman", "policemen", "officer", "militant", "fighter", "rebel",
                 "guard", "gunman", "militiaman", "militia", "insurgent", "jihadist", "army", "force", "personnel",
                 "commander", "trafficker", "gang", "gangster", "sniper", "recruit", "conscript", "marine"}
# what an interception or a defusal stops: ACLED "Disrupted weapons use"
_PROJECTILES = {"drone", "uav", "quadcopter", "missile", "rocket", "projectile", "shell", "mortar", "bomb", "ied",
                "explosive", "device", "mine", "landmine"}
# equipment taken or downed that is not itself a weapon in use: property (ACLED "Looting/property destruction")
_EQUIPMENT = {"drone", "uav", "quadcopter", "vehicle", "tank", "truck", "jeep", "bulldozer", "equipment", "camera",
              "car", "boat", "weapon", "ammunition", "arm"}
_UNARMED_DRONES = {"surveillance", "reconnaissance", "spy", "scout", "observation"}
_DISRUPT = {"intercept", "defuse", "dismantle", "down", "shoot", "destroy", "clear", "neutralize", "neutralise",
            "disable", "deactivate"}   # "destroyed 300 mines", "cleared landmines": weapons stopped
_TAKING = _RETAKE | _TAKE | {"enter", "invade", "free", "release", "storm", "overrun"}
_CONFISCATE = {"seize", "confiscate", "impound", "requisition", "expropriate", "seizure", "confiscation"}
# repression of a crowd or of opponents is not a security measure (the protest or the arrests are the event)
_REPRESSION = {"disperse", "suppress", "repress", "repression", "quell", "crackdown", "clampdown", "crack", "clamp",
               "persecute", "persecution", "oppress", "purge", "harass", "harassment", "censor", "censorship",
               "muzzle", "besiege", "siege", "encircle", "blockade", "stop", "prevent"}
_BASES = {"base", "headquarters", "headquarter", "hq", "camp", "outpost", "post", "position", "office", "garrison",
          "point", "checkpoint", "barrack", "barracks"}
# what a capture or a liberation takes: a place, or control of one
_TERRITORY = {"village", "town", "city", "area", "region", "district", "neighbourhood", "neighborhood", "territory",
              "hill", "locality", "county", "province", "road", "highway", "crossing", "airport", "port", "bridge",
              "control", "base", "position", "outpost", "front", "frontline", "island", "valley", "mountain",
              "place"}   # "place": an object named as a place (a town's name)
# whom a release frees: captives (a release of footage or funds is no event ACLED codes)
_CAPTIVES = {"hostage", "prisoner", "captive", "detainee", "abductee", "inmate", "soldier", "national", "citizen",
             "worker", "crew", "sailor", "fisherman", "journalist", "engineer", "kidnap", "abduct", "kidnapped",
             "abducted", "hold", "held"}
# a crowd the forces act on: the event ACLED codes is the protest they met
_CROWDS = {"protester", "protestor", "demonstrator", "marcher", "protest", "demonstration", "rally", "sit-in"}
_HANDOVER = {"handover", "hand", "cede", "transfer"}
_PARTS = {"exchange", "swap"}
_SIGNING = {"sign", "ratify", "countersign", "signing", "ratification", "ink", "conclude", "finalize", "finalise"}


def acled(plover_type: str, mode: str | None, status: str, target_sectors: set[str],
          source_sectors: set[str], *, weapon: str | None = None, lemma: str | None = None,
          intervened: bool = False, excessive: bool = False, symmetric: bool = False, direct_fire: bool = False,
          objects: frozenset[str] = frozenset(), taken_over: bool = False, rioting: bool = False,
          protesting: bool = False) -> AcledType:
    """ACLED's event_type/sub_event_type for the events ACLED codes (only events that happened). ``weapon`` is
    the weapon class of ``events.weapons`` (it tells a grenade or a chemical weapon from other explosives),
    ``lemma`` the trigger's lemma (it tells a recapture from a capture), ``intervened`` whether the police or
    army acted against a protest's crowd, ``excessive`` whether with lethal force, ``symmetric`` whether both sides fired (an exchange of fire),
    ``direct_fire`` whether the fire was one the target could answer (small arms, fire both ways), ``objects``
    the lemmas of what the trigger acted on (its object, particle, modifiers and target words), ``taken_over``
    whether another side took the place a withdrawal left, ``rioting`` whether the crowd that crowd control met
    rioted (ACLED codes the riot), ``protesting`` whether the attackers were demonstrating (a violent
    demonstration, not mob violence)."""
    if status not in ("actual", "attempted", "failed"):
        return AcledType()
    if plover_type == "ASSAULT" and mode == "crowd-control" and rioting:
        return AcledType("Riots", "Violent demonstration")
    if plover_type == "ASSAULT":
        found = _assault(mode, target_sectors, source_sectors, weapon=weapon, lemma=lemma, symmetric=symmetric,
                         direct_fire=direct_fire, objects=objects)
        if protesting and found.sub_event_type == "Mob violence":
            return AcledType("Riots", "Violent demonstration")   # demonstrators who turned violent
        return found
    if plover_type == "PROTEST":
        if mode == "riot":
            return AcledType("Riots", "Violent demonstration")
        if excessive:
            return AcledType("Protests", "Excessive force against protesters")
        if intervened:
            return AcledType("Protests", "Protest with intervention")
        return AcledType("Protests", "Peaceful protest")
    if plover_type == "AGREE" or (plover_type == "SUPPORT" and lemma in _SIGNING):
        return AcledType("Strategic developments", "Agreement")   # signing a treaty is PLOVER's SUPPORT
    if plover_type == "MOBILIZE":
        if lemma in ("set", "establish", "build", "erect", "open", "create") and source_sectors and (
                objects & _BASES or not objects):
            return AcledType("Strategic developments", "Headquarters or base established")   # set up a base
        if lemma != "intervene":
            # deployments, reinforcements, patrols, checkpoints: a movement of forces
            return AcledType("Strategic developments", "Change to group/activity")
        return AcledType()
    if plover_type == "COERCE":
        return _coerce(mode, source_sectors, weapon=weapon, lemma=lemma, objects=objects)
    if plover_type == "RETREAT" and mode == "release":
        if objects & _TERRITORY and not objects & _CAPTIVES:   # "freed three villages from IS"
            return _territory(lemma, source_sectors, regained=True) or AcledType()
        if lemma in _PARTS or objects & _PARTS:
            return AcledType("Strategic developments", "Agreement")   # a prisoner exchange
        if objects & (_CAPTIVES | _UNARMED) and not objects & _TERRITORY:
            return AcledType("Strategic developments", "Other")   # hostages or prisoners freed
        return AcledType()
    if plover_type == "RETREAT" and mode == "disarm":
        return AcledType("Strategic developments", "Agreement")   # a surrender
    if plover_type == "RETREAT" and mode == "withdraw":
        if lemma in _HANDOVER or taken_over:
            return AcledType("Strategic developments", "Non-violent transfer of territory")
        return AcledType("Strategic developments", "Change to group/activity")   # forces pulled out, no one took over
    if plover_type == "AID" and source_sectors & _NON_STATE_ARMED and not source_sectors & _STATE_SECTORS:
        return AcledType("Strategic developments", "Change to group/activity")   # an armed group hands out food
    return AcledType()


def _assault(mode: str | None, target_sectors: set[str], source_sectors: set[str], *, weapon: str | None,
             lemma: str | None, symmetric: bool, direct_fire: bool, objects: frozenset[str]) -> AcledType:
    if lemma in _DISRUPT and objects & _PROJECTILES and (lemma != "shoot" or "down" in objects):
        if objects & _UNARMED_DRONES:   # a surveillance drone downed: property, no weapon stopped
            return AcledType("Strategic developments", "Looting/property destruction")
        return AcledType("Strategic developments", "Disrupted weapons use")   # "shot down an armed drone"
    if lemma in _TAKE and objects & _EQUIPMENT and not objects & _TERRITORY:
        return AcledType("Strategic developments", "Looting/property destruction")   # "captured an army drone"
    if weapon == "grenade" and not (direct_fire and target_sectors & _ARMED_SECTORS):
        return AcledType("Explosions/Remote violence", "Grenade")   # a grenade answered with fire: a clash
    if weapon == "chemical":
        return AcledType("Explosions/Remote violence", "Chemical weapon")
    if lemma in _RETAKE | _TAKE and (not target_sectors or objects & _TERRITORY):   # a place changes hands
        found = _territory(lemma, source_sectors)
        if found is not None:
            return found
    if source_sectors and source_sectors <= _CIVILIAN_SECTORS | {"OPP", "PTY"} and mode in (None, "primitive",
                                                                                           "beat", "destroy"):
        return AcledType("Riots", "Mob violence")   # villagers, mobs, party youths fighting: no armed group
    if objects & _CROWDS and source_sectors & _STATE_SECTORS and mode not in _ASSAULT_MODE_TO_ACLED:
        if lemma in ("kill", "shoot", "murder", "massacre") or mode == "firearms":
            return AcledType("Protests", "Excessive force against protesters")   # protesters shot or killed
        return AcledType("Protests", "Protest with intervention")   # protesters beaten, charged
    if source_sectors and source_sectors <= _CIVILIAN_SECTORS and mode == "firearms" and not (
            target_sectors & _ARMED_SECTORS):
        return AcledType("Violence against civilians", "Attack")   # armed individuals, no organised side
    unarmed = bool(target_sectors & (_CIVILIAN_SECTORS | {"PTY", "OPP"}) and not target_sectors & _ARMED_SECTORS) or (
        not target_sectors & _ARMED_SECTORS and bool(objects & _UNARMED) and not objects & _ARMED_PEOPLE
        and lemma not in _TAKING)
    if symmetric and mode in (None, "heavy-weapons", "firearms"):
        return AcledType("Battles", "Armed clash")   # "exchanged artillery with …": two sides fighting
    if direct_fire and (mode in (None, "heavy-weapons", "firearms") or weapon == "grenade") and not unarmed:
        return AcledType("Battles", "Armed clash")   # small arms, fire both ways: the sides are in contact
    if mode in _ASSAULT_MODE_TO_ACLED:
        et, st = _ASSAULT_MODE_TO_ACLED[mode]
        return AcledType(et, st)
    if unarmed:
        return AcledType("Violence against civilians", "Attack")
    if mode in ("torture", "beat", "targeted") and not target_sectors & _ARMED_SECTORS:
        return AcledType("Violence against civilians", "Attack")   # one-sided violence on the unarmed
    return AcledType("Battles", "Armed clash")


def _territory(lemma: str | None, source_sectors: set[str], *, regained: bool = False) -> AcledType | None:
    """A place taken: by state forces it is regained (ACLED counts any state capture from a non-state actor so),
    by a non-state actor overtaken."""
    if source_sectors & _STATE_SECTORS and (regained or lemma in _RETAKE | _TAKE):
        return AcledType("Battles", "Government regains territory")
    if lemma in _RETAKE | _TAKE and source_sectors and not source_sectors & _STATE_SECTORS:
        return AcledType("Battles", "Non-state actor overtakes territory")
    return None


def _coerce(mode: str | None, source_sectors: set[str], *, weapon: str | None, lemma: str | None,
            objects: frozenset[str]) -> AcledType:
    if mode == "seize":
        if objects & _TERRITORY:   # "seized control of the town", "recovered territory"
            return _territory(lemma, source_sectors) or AcledType()
        if lemma in _DISRUPT and lemma != "shoot" and (weapon or objects & _PROJECTILES):
            return AcledType("Strategic developments", "Disrupted weapons use")   # intercepted, defused
        if weapon is not None and (source_sectors & _STATE_SECTORS or not source_sectors):
            return AcledType("Strategic developments", "Disrupted weapons use")   # police seized explosives
        if source_sectors and not source_sectors & {"GOV", "COP", "JUD", "MIL", "SPY"}:
            return AcledType("Strategic developments", "Looting/property destruction")   # armed men seized a car
        if lemma in _CONFISCATE:
            return AcledType("Strategic developments", "Looting/property destruction")   # goods confiscated
        return AcledType()
    if mode == "arrest" and source_sectors & _NON_STATE_ARMED and not source_sectors & _STATE_SECTORS:
        return AcledType("Violence against civilians", "Abduction/forced disappearance")   # "arrests" by rebels
    if mode == "arrest" and objects & _CROWDS:
        return AcledType("Protests", "Protest with intervention")   # protesters arrested
    if mode == "arrest":
        return AcledType("Strategic developments", "Arrests")
    if mode == "restrict" and lemma == "disperse" and source_sectors & _STATE_SECTORS:
        return AcledType("Protests", "Protest with intervention")   # the forces dispersed a gathering
    if mode in ("curfew", "martial-law") or (mode == "restrict" and lemma not in _REPRESSION):
        return AcledType("Strategic developments", "Change to group/activity")   # a security measure
    return AcledType()
