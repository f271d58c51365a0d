"""The event lexicons (triggers.tsv, phrases.tsv): schema checks on every row, and sentences written for these
tests that show the words of each family coded as a careful analyst would code them."""
from __future__ import annotations

import re

import pytest

from eventwire.events.ontology.crosswalk import CAMEO_ROOT_TO_PLOVER, QUAD
from eventwire.events.ontology.plover_versions import MODES_2024
from eventwire.resources.events import _read, load_lexicon

PLOVER_TYPES = set(QUAD)
CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)\d{1,2}$")
FRAME_FLAGS = {"sym", "obj", "light", "ctrl", "movement", "dative"}
PREPOSITIONS = {"with", "to", "against", "on", "at", "from", "of", "for", "into", "in", "between", "over", "about",
                "toward", "towards", "upon", "behind", "around", "by", "under"}


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 6, f"{name}: expected 6 tab-separated columns: {line!r}"
        rows.append(cols)
    return rows


@pytest.mark.parametrize("name", ["triggers.tsv", "phrases.tsv"])
def test_every_row_is_well_formed(name: str) -> None:
    for word, pos_or_comp, type_, mode, cameo, frame in _rows(name):
        where = f"{name}: {word} {pos_or_comp}"
        assert word == word.strip().lower() and " " not in word, where
        if name == "triggers.tsv":
            assert pos_or_comp in ("VERB", "NOUN"), where
        else:
            assert all(c and " " not in c for c in pos_or_comp.split("|")), where
        assert type_ in PLOVER_TYPES, where
        assert not mode or mode in MODES_2024, f"{where}: mode {mode!r} is not a 2024 PLOVER mode"
        assert CAMEO.match(cameo), f"{where}: CAMEO code {cameo!r}"
        for flag in filter(None, (f.strip() for f in frame.split(","))):
            head = flag.split(":")[0]
            assert flag in FRAME_FLAGS or flag in PREPOSITIONS or head in ("prt", "prep", "with"), \
                f"{where}: frame flag {flag!r}"


def test_no_duplicate_keys() -> None:
    seen: set[tuple[str, str]] = set()
    for word, pos, *_ in _rows("triggers.tsv"):
        assert (word, pos) not in seen, f"duplicate trigger {word} {pos}"
        seen.add((word, pos))
    seen = set()
    for verb, comps, *_ in _rows("phrases.tsv"):
        for comp in comps.split("|"):
            assert (verb, comp) not in seen, f"duplicate phrase {verb} + {comp}"
            seen.add((verb, comp))


def test_cameo_root_agrees_with_the_type_where_the_crosswalk_keeps_it() -> None:
    """A code whose root maps to another PLOVER type is replaced by the type's default: allowed only where
    CAMEO itself files the act elsewhere (convictions under 11, property destruction under 17/19 ...)."""
    allowed = {("SANCTION", "11"), ("ASSAULT", "17"), ("CONSULT", "03"), ("CONCEDE", "08"), ("AGREE", "05"),
               ("CONCEDE", "05"), ("COERCE", "19"), ("THREATEN", "13"), ("REJECT", "01"), ("AID", "03")}
    for name in ("triggers.tsv", "phrases.tsv"):
        for word, comp, type_, _mode, cameo, _frame in _rows(name):
            root_type = CAMEO_ROOT_TO_PLOVER[cameo[:2]]
            assert root_type == type_ or (type_, cameo[:2]) in allowed, f"{name}: {word} {comp} {type_} {cameo}"


def test_lexicon_size() -> None:
    lex = load_lexicon()
    assert len(lex.triggers) >= 600
    assert len(_rows("phrases.tsv")) >= 150


# --- sentences ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, type_, mode", [
    ("Gunmen abducted a local journalist in Kaduna on Sunday.", "ASSAULT", "abduct"),
    ("Suspected militants detonated a roadside bomb near an army convoy.", "ASSAULT", "explosives"),
    ("Police arrested twelve opposition activists in Harare on Monday.", "COERCE", "arrest"),
    ("Rioters looted shops and torched vehicles in the city centre.", "ASSAULT", "destroy"),
    ("Thousands of teachers picketed the education ministry.", "PROTEST", "demo"),
    ("Mali expelled the French ambassador on Monday.", "SANCTION", "expel"),
    ("The rebels released forty hostages on Saturday.", "RETREAT", "release"),
    ("Pakistan deployed additional troops to the border.", "MOBILIZE", "troops"),
    ("Security forces raided the offices of the newspaper.", "COERCE", "seize"),
])
def test_verb_triggers(code, text: str, type_: str, mode: str) -> None:
    c = code(text)
    e = c.event(type_)
    assert e.status == "actual" and e.mode == mode


@pytest.mark.parametrize("text, type_", [
    ("Egypt and Qatar reached an agreement on the reconstruction plan.", "AGREE"),
    ("Israel and Jordan struck a deal on water sharing.", "AGREE"),
    ("The government lifted the curfew in the capital on Friday.", "CONCEDE"),
    ("The European Union lifted sanctions on Belarus.", "RETREAT"),
    ("Japan provided humanitarian aid to the flood victims.", "AID"),
    ("The minister expressed condolences to the families of the victims.", "SUPPORT"),
    ("Protesters set fire to a police station in the north of the country.", "ASSAULT"),
    ("Morocco recalled its ambassador from Algeria.", "SANCTION"),
    ("The president received a delegation from the African Union.", "CONSULT"),
    ("The opposition leader lambasted the government over the fuel price rise.", "ACCUSE"),
    ("The ministry denied the allegations of torture.", "REJECT"),
])
def test_phrases_and_words(code, text: str, type_: str) -> None:
    c = code(text)
    assert c.events(type_), c.summary()


@pytest.mark.parametrize("text, type_, mode", [
    ("The police lathicharged the stone-pelting mob near the station.", "ASSAULT", "crowd-control"),
    ("Soldiers defused a bomb planted outside the market.", "COERCE", "seize"),
    ("Police found a cache of weapons in a house in the village.", "COERCE", "seize"),
    ("The authorities sealed the border crossing on Monday.", "COERCE", "restrict"),
    ("Turkish forces set up a new observation post near the town.", "MOBILIZE", "troops"),
    ("Israel strengthened its forces along the northern border.", "MOBILIZE", "troops"),
    ("The United Nations reduced food supplies to the camp.", "SANCTION", "discontinue"),
    ("The government forced the aid agency out of the country.", "SANCTION", "expel"),
    ("Hackers tried to hack into the computers of the defence ministry.", "COERCE", "cyber"),
])
def test_round_two_rows_with_modes(code, text: str, type_: str, mode: str) -> None:
    c = code(text)
    assert any(e.mode == mode for e in c.events(type_)), c.summary()


@pytest.mark.parametrize("text, type_", [
    ("The court cancelled restrictions on the use of the minority language.", "CONCEDE"),
    ("The Sudanese government shortened the nightly curfew by one hour.", "CONCEDE"),
    ("The intelligence service shared evidence with its allies.", "COOPERATE"),
    ("Government forces regained control of the town after a week of fighting.", "ASSAULT"),
    ("The police registered a case against the organisers of the rally.", "ACCUSE"),
    ("France will contribute 4,000 troops to the peacekeeping force.", "AGREE"),
    ("Half a million workers stopped work on the first day of the strike.", "PROTEST"),
])
def test_round_two_phrases(code, text: str, type_: str) -> None:
    c = code(text)
    assert c.events(type_), c.summary()


@pytest.mark.parametrize("text, type_, mode, status", [
    ("Security has been stepped up around the parliament building in the capital.", "MOBILIZE", "police", "actual"),
    ("The city police clamped restrictions on public meetings in Pune.", "COERCE", "restrict", "actual"),
    ("The police prevented the marchers from entering the square.", "COERCE", "restrict", "actual"),
    ("The police did not stop the mob from burning the shops.", "COERCE", "restrict", "negated"),
    ("The police brought the situation under control within hours.", "COERCE", "restrict", "actual"),
    ("Troops guarded the polling stations in the north.", "MOBILIZE", "police", "actual"),
])
def test_round_three_public_order(code, text: str, type_: str, mode: str, status: str) -> None:
    c = code(text)
    assert any(e.mode == mode and e.status == status for e in c.events(type_)), c.summary()


@pytest.mark.parametrize("text, forbidden", [
    ("The company took action to cut its costs.", "COERCE"),
    ("Rising prices prevented families from saving money.", "COERCE"),
    ("The minister set up a committee to study the reform.", "COERCE"),
])
def test_round_three_non_event_senses(code, text: str, forbidden: str) -> None:
    c = code(text)
    assert not c.events(forbidden), c.summary()


@pytest.mark.parametrize("text, forbidden", [
    ("Diplomats sealed the agreement with a handshake.", "COERCE"),
    ("The police found the body of the missing student.", "COERCE"),
    ("The minister set up a committee to study the reform.", "MOBILIZE"),
])
def test_round_two_non_event_senses(code, text: str, forbidden: str) -> None:
    c = code(text)
    assert not c.events(forbidden), c.summary()


@pytest.mark.parametrize("text, forbidden", [
    ("The minister delivered a speech to parliament.", "AID"),
    ("Kenya and Uganda struck a deal on the border dispute.", "ASSAULT"),
    ("The government said it would take the proposal into account.", "COERCE"),
    ("Officials laid down new rules for the election.", "RETREAT"),
])
def test_non_event_senses(code, text: str, forbidden: str) -> None:
    c = code(text)
    assert not c.events(forbidden), c.summary()
