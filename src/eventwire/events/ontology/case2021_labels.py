"""ACLED sub-event types under the labels of the CASE 2021 shared task 2 (fine-grained event classification).

Not a pipeline stage: a mapping used by the ``case2021-task2`` adapter of ``eventwire evaluate``. The task's 25
"seen" labels are ACLED sub-event types under short names; its 5 "unseen" labels (MAN_MADE_DISASTER, DIPLO,
NATURAL_DISASTER, ORG_CRIME, ATTRIB) are not ACLED events, so they and an event with no ACLED type all become
``NOT_ACLED``. Documented in docs/ONTOLOGY.md; tested in ``tests/test_eval_acled_adapters.py``.
"""
from __future__ import annotations

from ...model import AcledType

NOT_ACLED = "NOT_ACLED"

CASE2021_SUBTYPE: dict[str, str] = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
SEEN_LABELS: tuple[str, ...] = tuple(sorted(CASE2021_SUBTYPE))
_LABEL_OF_SUBTYPE = {sub.lower(): label for label, sub in CASE2021_SUBTYPE.items()}


def case2021_label(acled: AcledType | None) -> str:
    """The task label of an ACLED type; ``NOT_ACLED`` for none or a sub-type the task does not use."""
    if acled is None or not acled.sub_event_type:
        return NOT_ACLED
    return _LABEL_OF_SUBTYPE.get(acled.sub_event_type.lower(), NOT_ACLED)


def gold_case2021_label(label: str) -> str:
    """A gold label as scored: seen labels as they are, the unseen (non-ACLED) ones as ``NOT_ACLED``."""
    return label if label in CASE2021_SUBTYPE else NOT_ACLED
