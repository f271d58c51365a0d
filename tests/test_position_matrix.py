"""A negotiation told over five days (examples/negotiation/, articles written for this test) ingested into a
real SQLite store; ``eventwire positions`` shows the actor × issue matrix and one actor's change of stance."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventwire.cli.main import main

FOLDER = Path(__file__).resolve().parents[1] / "examples" / "negotiation"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("negotiation") / "talks.db"
    assert main(["ingest", str(FOLDER), "--db", str(path)]) == 0
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["positions", *args]) == 0
    return capsys.readouterr().out


def test_the_folder_is_a_negotiation_over_several_days() -> None:
    files = sorted(FOLDER.glob("*.txt"))
    assert len(files) >= 5
    datelines = {f.read_text(encoding="utf-8").split("\n\n")[1].split(" – ")[0] for f in files}
    assert len(datelines) == len(files)   # each article has its own dateline and day


def test_matrix_json_has_cells_with_count_date_evidence_and_change(db: Path, capsys) -> None:
    out = json.loads(_run(capsys, "--db", str(db), "--format", "json"))
    names = {a["name"] for a in out["actors"]}
    assert {"Hamas", "Israel", "Egypt"} <= names
    assert "ceasefire" in out["issues"]
    cell = next(c for c in out["cells"] if c["actor_name"] == "Hamas" and c["issue"] == "ceasefire")
    assert cell["stance"] == "support" and cell["latest"] == "2025-08-08"
    assert cell["count"] >= 2
    detail = next(d for d in out["detail"] if d["actor"] == cell["actor"] and d["issue"] == "ceasefire")
    # rejected on day 1, accepted on day 4
    assert detail["trail"][0] == "reject" and detail["trail"][-1] == "support" and detail["changed"]
    assert "Hamas Accepts Revised Ceasefire Deal" in detail["evidence"] and "accepted" in detail["evidence"]


def test_matrix_table_shows_latest_stance_and_what_it_was(db: Path, capsys) -> None:
    out = _run(capsys, "--db", str(db))
    hamas = next(line for line in out.splitlines() if line.strip().startswith("Hamas"))
    assert "support (" in hamas and "2025-08-08; was reject" in hamas
    assert "Evidence of each latest stance" in out


def test_history_shows_the_change_over_time(db: Path, capsys) -> None:
    out = _run(capsys, "--db", str(db), "--history", "Hamas", "ceasefire")
    lines = [line for line in out.splitlines() if line.strip().startswith("2025-")]
    assert lines[0].split()[:2] == ["2025-08-04", "reject"]
    assert lines[-1].split()[:2] == ["2025-08-08", "support"]
    assert "changed (was reject)" in lines[-1]
    steps = json.loads(_run(capsys, "--db", str(db), "--history", "hamas", "ceasefire", "--format", "json"))
    assert (steps[0]["date"], steps[0]["stance"]) == ("2025-08-04", "reject")
    assert (steps[-1]["date"], steps[-1]["stance"]) == ("2025-08-08", "support")
    assert all(s["issue"] == "ceasefire" for s in steps)


def test_issue_and_date_window_filters(db: Path, capsys) -> None:
    out = _run(capsys, "--db", str(db), "--issue", "ceasefire", "--since", "2025-08-05", "--until", "2025-08-08",
               "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("ceasefire" in r["issue"] for r in rows)
    assert all("2025-08-05" <= r["latest"] <= "2025-08-08" for r in rows)
    hamas = next(r for r in rows if r["actor_name"] == "Hamas" and r["issue"] == "ceasefire")
    assert hamas["stance"] == "support" and hamas["latest"] == "2025-08-08"
    early = json.loads(_run(capsys, "--db", str(db), "--until", "2025-08-04", "--format", "json"))
    cell = next(c for c in early["cells"] if c["actor_name"] == "Hamas" and c["issue"] == "ceasefire")
    assert cell["stance"] == "reject"
