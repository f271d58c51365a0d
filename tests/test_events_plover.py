"""PLOVER typing and modes (issue 5) on short sentences written for these tests: offers and willingness, signing
and ties, permissions, orders, ruled-out acts, threats and their content, conditional announcements, riots, joint
exercises, peacekeepers, civilian mobilisation. Each test runs the real default pipeline (the ``code`` fixture).
"""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, type_", [
    # an offer or a stated willingness is AGREE (the manual counts offers and shown willingness as AGREE)
    ("Arnor offered to mediate between Gondor and Rhun.", "AGREE"),
    ("Gondor is ready to pull its soldiers back from the valley.", "AGREE"),
    # a firm announcement of a retreat stays CONCEDE (manual, CONCEDE: "announced ... would withdraw troops")
    ("Russia announced it will withdraw its troops from the island.", "CONCEDE"),
    # signing a treaty and opening ties are SUPPORT (manual, SUPPORT)
    ("Kenya and Uganda signed a trade treaty on Monday.", "SUPPORT"),
    ("Oman established diplomatic relations with Brazil.", "SUPPORT"),
    ("Kenya's electoral commission allowed Raila Odinga to run in the election.", "CONCEDE"),
    ("A court in Lima ordered the former minister to appear for questioning.", "REQUEST"),
    ("The mayor of Naples was put under investigation for bribery.", "ACCUSE"),
    ("Thai troops were put on alert along the border with Cambodia.", "MOBILIZE"),
    ("The United Nations deployed 500 peacekeepers to South Sudan.", "AID"),
    ("Red Cross teams evacuated the wounded from Mosul.", "AID"),
    ("Indian and French navies held joint exercises in the Indian Ocean.", "COOPERATE"),
    ("The Indian army held exercises near the border.", "MOBILIZE"),
    ("The teachers' union in Kenya called off its strike on Friday.", "CONCEDE"),
    ("Paris denied a permit for the march on Sunday.", "REJECT"),
    ("Ghana is committed to opening its markets to Nigeria.", "AGREE"),
    ("The minister said that lifting the curfew is out of the question.", "REJECT"),
])
def test_plover_type_of_the_main_event(code, text: str, type_: str) -> None:
    c = code(text)
    assert {e.type for e in c.events()} == {type_}, c.summary()


@pytest.mark.parametrize("text, mode", [
    ("The rebels threatened to launch an offensive on the capital.", "violence"),
    ("The workers threatened to hold a general strike.", "restrict"),
    ("Iran threatened to stop the talks with the IAEA.", "relations"),
    # a coercive act announced under a condition is a threat (manual: THREATEN ~ ASSAULT + hypothetical)
    ("The dock workers will block the port unless the government raises wages.", "restrict"),
    ("Germany may suspend aid to Mali if the junta delays the vote.", "relations"),
])
def test_what_a_threat_threatens_is_its_mode(code, text: str, mode: str) -> None:
    c = code(text)
    e = c.event("THREATEN")
    assert e.mode == mode and e.status == "threatened"
    assert not c.events("ASSAULT") and not c.events("PROTEST") and not c.events("SANCTION")


def test_promised_aid_is_an_agreement_not_aid(code) -> None:
    c = code("Japan promised to continue humanitarian aid to Sudan.")
    assert not c.events("AID") and c.events("AGREE")


def test_a_hunger_strike_on_a_weekday_is_a_protest(code) -> None:
    e = code("Forty detainees began a hunger strike on Tuesday.").event("PROTEST")
    assert e.mode == "hunger"


def test_the_acts_of_a_riot_are_the_riot(code) -> None:
    c = code("Inmates rioted at the prison in Kano on Monday, setting fire to cells.")
    assert c.event("PROTEST").mode == "riot" and not c.events("ASSAULT")


def test_a_reduced_relative_is_a_past_act_not_the_announced_one(code) -> None:
    c = code("The rebels said they will return the weapons seized last month from the army.")
    assert c.event("COERCE").status == "actual"
    assert c.event("CONCEDE").status == "intended"


def test_what_a_demand_asks_for_has_not_happened(code) -> None:
    c = code("The UN reiterated its demand that Israel lift the blockade of Gaza.")
    assert c.targets(c.event("REQUEST")) == {"Israel"}
    assert c.event("RETREAT").status == "hypothetical"


def test_a_death_from_torture_is_a_torture(code) -> None:
    e = code("A detainee died as a result of torture in a prison in Velmar.").event("ASSAULT")
    assert e.mode == "torture" and e.target


def test_a_refused_permission_is_one_refusal(code) -> None:
    c = code("The insurgents refused to allow relief flights to land at Ostrava Nova.")
    assert {e.type for e in c.events()} == {"REJECT"}


def test_an_order_to_stop_publishing_is_censorship(code) -> None:
    e = code("The government ordered the daily newspaper to suspend publication.").event("COERCE")
    assert e.mode == "censor"


def test_a_signed_treaty_is_an_acled_agreement(code) -> None:
    e = code("Kenya and Uganda signed a peace agreement in Nairobi on Monday.").event("SUPPORT")
    assert e.acled.sub_event_type == "Agreement"


def test_forces_pushing_into_an_enclave_capture_it(code) -> None:
    c = code("Gondor soldiers forced their way into the insurgent-held hills on Friday, capturing a hamlet.")
    assert all(e.status == "actual" for e in c.events("ASSAULT")) and c.events("ASSAULT")


def test_not_allowing_people_to_move_is_a_restriction(code) -> None:
    c = code("The police did not allow the protesters to enter Delhi.")
    e = c.event("COERCE")
    assert e.mode == "restrict" and e.status == "actual" and not c.events("ASSAULT")


def test_mobilizing_civilian_backing_is_support_not_a_mobilisation(code) -> None:
    c = code("Qatar mobilized pressure groups in Washington to back the Palestinians.")
    assert c.events("SUPPORT") and not c.events("MOBILIZE")
    assert code("Egypt mobilized its troops along the border.").events("MOBILIZE")
