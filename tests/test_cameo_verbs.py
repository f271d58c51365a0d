"""CAMEO verb dictionaries: the importer (three dialects) and events coded with a user's dictionary, on
dictionaries and sentences written for these tests (invented states Freedonia, Sylvania and Osterlich)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from eventwire.model import Article, CodedArticle, DateValue

if TYPE_CHECKING:
    from spacy.language import Language
from eventwire.resources.cameo_verbs import event_code, parse_verb_dictionary

ACTORS = """\
FREEDONIA [FRD]
SYLVANIA [SYL]
OSTERLICH [OST]
RUFUS_FIREFLY [FRD]
"""

# PETRARCH-2 style: synonym set, block header, verb forms, a multi-word verb, patterns with a target slot
PETRARCH2 = """\
&TIEKINDS
+TRADE
+CULTURAL
+MILITARY

&MONEY_
+HARD CASH
+GOLD_BARS

--- RESTORE  [064] ---
RESTORE {RESTORES RESTORED RESTORING}
REINSTATE
- * &TIEKINDS TIES  [0641]   # a synonym set before a noun
- * CONTACTS_WITH_+  [0642]  # "_" joins words; "+" is the target
- SAID WOULD *  [0643]

--- DONATE  [070] ---
DONATE
- * &MONEY  [071]

--- PONDER  [---] ---
PONDER
- * SANCTIONS  [163]

--- SCOLD  [111] ---
SCOLD
TICK OFF
- HARSHLY_*  [112]
"""

# TABARI / PETRARCH-1 style: a verb line with its code opens a block; forms on their own line; {A | B}
TABARI = """\
SCOLD  [111] ;comment
{ SCOLDS SCOLDED }
- * OVER { TARIFFS | QUOTAS }  [112]
IGNORE  [---]
- * ULTIMATUM  [139:138]
"""


def test_petrarch2_dialect() -> None:
    vd = parse_verb_dictionary(PETRARCH2)
    restore = vd.lookup("restored")
    assert [e.verb for e in restore] == ["restore"] and restore[0].code == "064"
    assert [e.verb for e in vd.lookup("reinstate")] == ["reinstate"]          # a synonym shares the block
    assert {p.code for p in vd.lookup("reinstate")[0].patterns} == {"0641", "0642", "0643"}
    assert [[e.text for e in m] for m in vd.members("&TIEKINDS")] == [["trade"], ["cultural"], ["military"]]
    assert vd.members("&TIEKINDS_") == vd.members("&TIEKINDS")     # defined or used with a trailing "_"
    tick = vd.lookup("tick")[0]
    assert tick.after == ("off",) and tick.code == "111"
    contacts = next(p for p in restore[0].patterns if p.code == "0642")
    assert [e.text for e in contacts.after] == ["*", "contacts", "with", "+"]
    assert contacts.after[1].joined and not contacts.after[0].joined
    assert next(p for p in restore[0].patterns if p.code == "0643").words == 2


def test_tabari_dialect() -> None:
    vd = parse_verb_dictionary(TABARI)
    scold = vd.lookup("scolded")[0]
    assert scold.code == "111" and {"scolds", "scolded"} <= scold.forms
    assert sorted(tuple(e.text for e in p.after) for p in scold.patterns) == [
        ("*", "over", "quotas"), ("*", "over", "tariffs")]
    assert vd.lookup("ignore")[0].code == "---"


@pytest.mark.parametrize("raw, code", [("064", "064"), ("---", None), ("", None), ("139:138", "139"),
                                       (":173", "173"), ("031!", "031"), ("+++", None)])
def test_event_code(raw: str, code: str | None) -> None:
    assert event_code(raw) == code


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., CodedArticle]:
    from eventwire.coder import default_pipeline
    from eventwire.resources.actors import load_kb
    from eventwire.resources.cameo_dictionaries import import_actors

    kb = load_kb().add(import_actors([ACTORS]))
    vd = parse_verb_dictionary(PETRARCH2)
    pipelines = {only: default_pipeline(kb=kb, verbs=vd, verbs_only=only) for only in (True, False)}

    def run(text: str, only: bool = True) -> CodedArticle:
        day = DateValue("2024-03-01", "day", "2024-03-01", "2024-03-01")
        return pipelines[only].code(Article(id="verbs-test", text=text, published=day))

    return run


def _triples(coded: CodedArticle) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in coded.actors}
    return {(names[s], names[t], e.cameo or "") for e in coded.events if e.status != "negated"
            for s in e.source for t in e.target}


def test_most_specific_pattern_wins(coder: Callable[..., CodedArticle]) -> None:
    assert _triples(coder("Freedonia will restore military ties with Sylvania.")) == {
        ("Freedonia", "Sylvania", "0641")}
    assert _triples(coder("Freedonia restored relations with Sylvania on Monday.")) == {
        ("Freedonia", "Sylvania", "064")}                           # no pattern: the verb's default code


def test_target_slot_binds_the_target(coder: Callable[..., CodedArticle]) -> None:
    coded = coder("Freedonia restored contacts with Osterlich despite objections from Sylvania.")
    assert _triples(coded) == {("Freedonia", "Osterlich", "0642")}


def test_null_code_is_no_event_unless_a_pattern_codes_it(coder: Callable[..., CodedArticle]) -> None:
    assert _triples(coder("Freedonia pondered its options on Sylvania.")) == set()
    assert _triples(coder("Freedonia pondered sanctions against Sylvania.")) == {("Freedonia", "Sylvania", "163")}


def test_pattern_words_before_the_verb_and_joined_words(coder: Callable[..., CodedArticle]) -> None:
    assert _triples(coder("Freedonia harshly scolded Sylvania.")) == {("Freedonia", "Sylvania", "112")}
    assert _triples(coder("Freedonia scolded Sylvania harshly.")) == {("Freedonia", "Sylvania", "111")}


def test_synonym_set_phrases(coder: Callable[..., CodedArticle]) -> None:
    """Words of a set's phrase apart ("HARD CASH") may have others between them; joined ones may not."""
    assert _triples(coder("Freedonia donated hard and clean cash to Osterlich.")) == {
        ("Freedonia", "Osterlich", "071")}
    assert _triples(coder("Freedonia donated gold and bars to Osterlich.")) == {("Freedonia", "Osterlich", "070")}


def test_dictionary_alone_or_on_top_of_eventwire(coder: Callable[..., CodedArticle]) -> None:
    text = "Freedonia scolded Sylvania. Osterlich bombed Sylvania."
    alone = coder(text, only=True)
    assert [e.cameo for e in alone.events] == ["111"]               # "bomb" is not in the dictionary
    both = coder(text, only=False)
    assert {e.cameo for e in both.events} >= {"111"} and any(e.type == "ASSAULT" for e in both.events)


def test_a_report_of_a_coded_event_is_not_an_event(coder: Callable[..., CodedArticle]) -> None:
    vd_codes = {e.cameo for e in coder("Freedonia will restore trade ties with Sylvania, an official said.").events}
    assert vd_codes == {"0641"}


def test_a_title_before_a_known_name_gives_its_sector(coder: Callable[..., CodedArticle]) -> None:
    titled = coder("Freedonian President Rufus Firefly scolded Sylvania.")
    assert {a.name: a.sector for a in titled.actors}["Rufus Firefly"] == ("GOV",)
    bare = coder("Rufus Firefly scolded Sylvania.")
    assert {a.name: a.sector for a in bare.actors}["Rufus Firefly"] == ()


def test_cli_codes_with_a_verb_dictionary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from eventwire.cli.main import main

    (tmp_path / "verbs.txt").write_text(PETRARCH2, encoding="utf-8")
    (tmp_path / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "story.txt").write_text("Freedonia harshly scolded Sylvania on Tuesday.", encoding="utf-8")
    code = main(["code", str(tmp_path / "story.txt"), "--published", "2024-03-01", "--actors",
                 str(tmp_path / "actors.txt"), "--verbs", str(tmp_path / "verbs.txt"), "--verbs-only",
                 "--format", "json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    events = out["events"] if isinstance(out, dict) else out[0]["events"]
    assert [e["cameo"] for e in events] == ["112"]


def test_cli_names_a_missing_verb_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from eventwire.cli.main import main

    (tmp_path / "story.txt").write_text("Freedonia scolded Sylvania.", encoding="utf-8")
    code = main(["code", str(tmp_path / "story.txt"), "--verbs", str(tmp_path / "missing.txt")])
    assert code != 0
    assert "missing.txt" in capsys.readouterr().err


def test_names_coordinated_inside_one_entity_are_two_actors(nlp: "Language") -> None:
    """A tagger may label "Freedonia and Sylvania" one place; each conjunct is still an actor of its own."""
    from spacy.tokens import Span

    from eventwire.mentions.actors import _kb_drafts
    from eventwire.resources.actors import load_kb
    from eventwire.resources.cameo_dictionaries import import_actors

    kb = load_kb().add(import_actors([ACTORS]))
    doc = nlp("Talks resumed with Freedonia and Sylvania.")
    doc.ents = [Span(doc, 3, 6, label="FAC")]
    found = {doc[d.start:d.end].text for d in _kb_drafts(doc, kb, {})}
    assert {"Freedonia", "Sylvania"} <= found
