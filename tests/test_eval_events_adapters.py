"""Event-coding evaluation adapters (seed-article, plover-gsr, petrarch-validation, conflibert-cameo), the
CAMEO actor-code functions and the CAMEO dictionary importer.

The adapter tests read the gold sets from ../shared at run time (never copied into the repository) and skip
with a message when it is absent; the unit tests use small dictionary snippets written for them.
"""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from eventwire.evaluate.core import EvalResult, default_data_dir, evaluate
from eventwire.resources.actor_codes import actor_code, comparable_code, compose_code, split_actor_code
from eventwire.events.ontology.penta import penta_class
from eventwire.events.ontology.plover_versions import contexts_2024, mode_2024, type_2024
from eventwire.resources.actors import ActorKB
from eventwire.resources.cameo_dictionaries import (agent_specs, import_actors, parse_actor_dictionary,
                                                    parse_agent_dictionary, parse_code)

LIMIT = 20
KEYS = {
    "plover-gsr": ("event_type_accuracy", "event_type_macro_f1", "mode_accuracy", "context_accuracy",
                   "actor_code_accuracy"),
    "petrarch-validation": ("triple_precision", "triple_recall", "triple_f1", "cameo_root_accuracy",
                            "actor_code_accuracy"),
    "conflibert-cameo": ("quad_accuracy", "actor_span_f1"),
}
# a rate over zero scorable items (e.g. no gold mode among the first N records) is None, with its count 0
COUNT_OF = {"mode_accuracy": "mode_n", "context_accuracy": "context_n", "actor_code_accuracy": "actor_code_n"}


def _folder(name: str) -> Path:
    folder = default_data_dir(name)
    if not folder.is_dir():
        pytest.skip(f"gold set {name} not found at {folder} (../shared is absent; gold data is not shipped)")
    return folder


_RESULTS: dict[tuple[str, str], EvalResult] = {}


def _run(name: str, data: Path | None = None) -> EvalResult:
    key = (name, str(data))
    if key not in _RESULTS:
        _RESULTS[key] = evaluate(name, data=data, limit=LIMIT)
    return _RESULTS[key]


# ------------------------------------------------------------------------------------------ adapters


@pytest.mark.parametrize("name", sorted(KEYS))
def test_adapter_metrics_present_and_in_range(name: str) -> None:
    _folder(name)
    result = _run(name)
    assert 0 < result.n <= LIMIT
    for key in KEYS[name]:
        assert key in result.metrics, f"{name}: metric {key} missing"
        value = result.metrics[key]
        if value is None:
            assert result.metrics.get(COUNT_OF.get(key, ""), -1) == 0, f"{name}: {key} is None with items"
            continue
        assert 0.0 <= float(value) <= 1.0, f"{name}: {key}={value}"
    for err in result.errors:
        assert {"gold", "predicted", "text"} <= set(err), err


@pytest.mark.parametrize("name", sorted(KEYS))
def test_adapter_same_numbers_on_a_copy(name: str, tmp_path: Path) -> None:
    folder = _folder(name)
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    assert _run(name, copy).summary() == _run(name).summary()


def test_seed_article_adapter() -> None:
    folder = _folder("seed-article")
    result = evaluate("seed-article", data=folder)
    m = result.metrics
    assert isinstance(m["items_passed"], int) and isinstance(m["items_total"], int)
    assert 0 <= m["items_passed"] <= m["items_total"] and m["items_total"] > 0
    assert isinstance(m["forbidden"], int) and m["forbidden"] >= 0
    assert 0.0 <= float(m["items_rate"] or 0) <= 1.0
    assert len(result.errors) == m["items_total"] - m["items_passed"] + m["forbidden"]


# ------------------------------------------------------------------------------------------ actor codes


def test_split_actor_code() -> None:
    assert split_actor_code("USAGOV") == ("USA", ("GOV",))
    assert split_actor_code("PSEREBHMS") == ("PSE", ("REB", "HMS"))
    assert split_actor_code("IGOUNO") == (None, ("IGO", "UNO"))
    assert split_actor_code("~GOV") == (None, ("GOV",))
    assert split_actor_code("---GOV") == (None, ("GOV",))
    assert split_actor_code("zzz") == ("ZZZ", ())          # a fictional state is still a state
    assert split_actor_code("---") == (None, ())
    assert split_actor_code(None) == (None, ())


def test_actor_code_and_comparable_forms() -> None:
    assert actor_code("USA", ("GOV", "MIL")) == "USAGOV"
    assert actor_code("ISR", ()) == "ISR"
    assert actor_code(None, ("IGO",)) == "IGO"
    assert actor_code(None, ()) == ""
    assert comparable_code("PSEREBHMS") == actor_code("PSE", ["REB"]) == "PSEREB"
    assert comparable_code("IGOUNO") == "IGO"
    assert compose_code("HUN", "GOV") == "HUNGOV"
    assert compose_code("IGO", "MIL") == "IGO"
    assert compose_code("ISR", "***") == "ISR"
    assert compose_code("SRB", "CVLalb") == "SRBCVL"


def test_penta_class_and_plover_versions() -> None:
    assert [penta_class(c) for c in ("010", "042", "061", "112", "190", None)] == [0, 1, 2, 3, 4, None]
    assert type_2024("DEMAND") == "REQUEST" and type_2024("FIGHT") == "ASSAULT" and type_2024("AGREE") == "AGREE"
    assert mode_2024("host") == "visit" and mode_2024("heavy-weapons") == "heavy-weapons"
    assert mode_2024("other") is None and mode_2024("") is None
    assert contexts_2024("refugee, military") == {"migration", "asylum", "military"}
    assert contexts_2024("unknown") == frozenset()


# ------------------------------------------------------------------------------------------ dictionary importer

ACTORS = """<!-- a made-up dictionary for the importer test
     spanning two lines -->
# comment line
FREEDONIA_ [FRD]   # a state of our own
+FREEDONIAN_
SYLVANIA [SYL] ; an old-style comment
RUFUS_T._FIREFLY
+PRESIDENT_FIREFLY
    [FRDELI <19300101]
    [FRDGOV 19300101-19331231]
    [FRDELI >19340101]
MARX_BRIGADE [FRDREBMXB]
GHOST_TOWN [---]
PEACE_LEAGUE [IGOPLG]
"""

AGENTS = """!PERSON! = MAN, WOMAN
SPY!PERSON! [~SPY]
AMBASSADOR {AMBASSADORS} [~GOV]
RELIEF_SOCIETY {} [NGO~]
"""


def test_parse_codes() -> None:
    assert parse_code("USAGOV >20090120").start == date(2009, 1, 20)
    assert parse_code("HOB < 950601").end == date(1995, 6, 1)
    both = parse_code("HOBGOV 19950601 - 19990815")
    assert both is not None and (both.start, both.end) == (date(1995, 6, 1), date(1999, 8, 15))
    assert parse_code("IGOUNO 970101-061231").end == date(2006, 12, 31)
    assert parse_code("ABC 2004017-20061201") is None   # an unreadable date never becomes a default code


def test_parse_actor_dictionary() -> None:
    entries = {e.name: e for e in parse_actor_dictionary(ACTORS)}
    assert set(entries) == {"FREEDONIA", "SYLVANIA", "RUFUS T. FIREFLY", "MARX BRIGADE", "GHOST TOWN",
                            "PEACE LEAGUE"}
    assert entries["FREEDONIA"].aliases == ["FREEDONIAN"]
    firefly = entries["RUFUS T. FIREFLY"]
    assert firefly.aliases == ["PRESIDENT FIREFLY"]
    assert firefly.code_on(date(1932, 5, 1)) == "FRDGOV"
    assert firefly.code_on(date(1920, 1, 1)) == firefly.code_on(date(1940, 1, 1)) == "FRDELI"
    assert entries["SYLVANIA"].code_on(None) == "SYL"


def test_import_actors_to_kb() -> None:
    actors = {a.id: a for a in import_actors([ACTORS], on=date(1932, 5, 1))}
    assert "cameo:FRDGOV:rufus-t-firefly" in actors
    firefly = actors["cameo:FRDGOV:rufus-t-firefly"]
    assert (firefly.country, firefly.sector) == ("FRD", ("GOV",))
    assert firefly.name == "Rufus T. Firefly" and "President Firefly" in firefly.aliases
    assert {s.title for s in firefly.roles} == {"FRDELI", "FRDGOV"}
    brigade = actors["cameo:FRDREBMXB:marx-brigade"]
    assert actor_code(brigade.country, brigade.sector) == "FRDREB"
    league = actors["cameo:IGOPLG:peace-league"]
    assert league.country is None and league.kind == "organization"
    assert actors["cameo:FRD:freedonia"].kind == "country"
    assert not any(a.name == "Ghost Town" for a in actors.values())      # the null code is not an actor
    kb = ActorKB([]).add(actors.values())
    assert [a.id for a in kb.lookup("Rufus T. Firefly")] == ["cameo:FRDGOV:rufus-t-firefly"]
    assert [a.id for a in kb.lookup("Freedonian")] == ["cameo:FRD:freedonia"]


def test_parse_agent_dictionary() -> None:
    agents = parse_agent_dictionary(AGENTS)
    phrases = {a.phrase: a for a in agents}
    assert set(phrases) == {"SPYMAN", "SPYWOMAN", "AMBASSADOR", "RELIEF SOCIETY"}
    assert phrases["AMBASSADOR"].plurals == ("AMBASSADORS",) and phrases["AMBASSADOR"].code == "GOV"
    assert phrases["RELIEF SOCIETY"].primary and phrases["RELIEF SOCIETY"].code == "NGO"
    specs = {spec.lemma: (spec.sector, forms) for spec, forms in agent_specs(agents)}
    assert specs["ambassador"] == ("GOV", ("ambassadors",)) and "relief society" not in specs


def test_polnear_discontinuous_span_covers_its_fragments_in_any_order() -> None:
    from eventwire.evaluate.adapters.polnear import _span

    assert (_span("40 52;10 20", "x").start, _span("40 52;10 20", "x").end) == (10, 52)
    assert (_span("3 9", "x").start, _span("3 9", "x").end) == (3, 9)
