"""Actor overlays (YAML and CAMEO dictionaries), `eventwire actors search`, and `--actors` on `code`."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.cli.main import main
from eventwire.errors import ConfigError
from eventwire.resources.actor_search import search
from eventwire.resources.actors import load_kb
from eventwire.resources.overlay import kb_with, read_overlay

OVERLAY = """\
- id: ew:lakeshore-fishers-union
  name: Lakeshore Fishers Union
  kind: organization
  country: KEN
  sector: [LAB]
  aliases: [LFU, the fishers' union]
"""

CAMEO = """\
NORTHERN_VALLEY_FRONT [KENREB]
+NVF
"""


def test_yaml_overlay_adds_an_actor(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(OVERLAY, encoding="utf-8")
    kb = kb_with([f])
    hit = kb.lookup("LFU")
    assert hit and hit[0].name == "Lakeshore Fishers Union" and hit[0].country == "KEN"
    assert not load_kb().lookup("LFU"), "the bundled KB is not changed"


def test_cameo_dictionary_overlay(tmp_path: Path) -> None:
    f = tmp_path / "extra.actors.txt"
    f.write_text(CAMEO, encoding="utf-8")
    actors = read_overlay(f)
    assert any(a.country == "KEN" and "REB" in a.sector for a in actors)


@pytest.mark.parametrize("text", ["- [unclosed", "just a string"])
def test_bad_overlay_is_a_coded_error(tmp_path: Path, text: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_overlay(f)
    assert "bad.yaml" in str(err.value) and err.value.code == "EW200"


@pytest.mark.parametrize(("text", "on", "name"), [
    ("Israeli prime minister", date(2022, 9, 1), "Yair Lapid"),
    ("Israeli prime minister", date(2021, 12, 1), "Naftali Bennett"),
    ("the prime minister of Israel", date(2024, 5, 1), "Benjamin Netanyahu"),
    ("US secretary of state", date(2024, 5, 1), "Antony Blinken"),
    ("Blinken", None, "Antony Blinken"),
])
def test_search_reads_roles_on_the_date(text: str, on: date | None, name: str) -> None:
    matches = search(load_kb(), text, on)
    assert matches and matches[0].actor is not None and matches[0].actor.name == name


def test_search_explains_demonyms_capitals_and_agents() -> None:
    kb = load_kb()
    assert any(m.actor is not None and m.actor.country == "RUS" and "capital" in m.how for m in search(kb, "Moscow"))
    agents = [m for m in search(kb, "Nigerian soldiers") if m.actor is None]
    assert agents and agents[0].country == "NGA" and agents[0].sector == ("MIL",)


def test_actors_search_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "search", "Israeli prime minister", "--on", "2022-09-01"]) == 0
    assert "Yair Lapid" in capsys.readouterr().out
    assert main(["actors", "search", "Qwxz Unheard Of"]) == 1


def test_code_with_actor_overlay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(OVERLAY, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The LFU blocked the harbour road in Kisumu on Monday, demanding lower fuel taxes.\n",
                       encoding="utf-8")
    assert main(["code", str(article), "--format", "json", "--published", "2025-04-09",
                 "--actors", str(overlay)]) == 0
    out = json.loads(capsys.readouterr().out)
    names = {a["name"]: a for a in out["actors"]}
    assert "Lakeshore Fishers Union" in names and names["Lakeshore Fishers Union"]["resolved"]
