"""The code, ingest, events and positions commands, in-process and as a real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import ids
from eventwire.cli.main import build_parser, main
from eventwire.model import Actor, Article, CodedArticle, DateValue, Event, EventEvidence, Position, Span
from eventwire.store.sqlite import Store

SRC = str(Path(__file__).resolve().parents[1] / "src")
STORY = ("Harbour Workers Strike Over Pay\n\n"
         "Dock workers in the port city of Valmora walked off the job on Monday, demanding higher wages from "
         "the harbour authority. The union leader said the strike would continue until the authority agreed "
         "to talks with the workers.\n")
OTHER = ("Council Delays Budget Vote\n\n"
         "The city council of Valmora postponed its budget vote on Tuesday after members said they had not "
         "seen the final figures. The mayor told reporters that the vote would take place next week.\n")
FRENCH = ("Le conseil municipal a reporté mardi le vote du budget, après que plusieurs élus ont déclaré ne pas "
          "avoir vu les chiffres définitifs. Le maire a indiqué aux journalistes que le vote aurait lieu la "
          "semaine prochaine, et les syndicats ont annoncé une nouvelle manifestation devant la mairie.\n")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "1-strike.txt").write_text(STORY, encoding="utf-8")
    (folder / "2-budget.txt").write_text(OTHER, encoding="utf-8")
    (folder / "3-empty.txt").write_bytes(b"")
    (folder / "4-french.txt").write_text(FRENCH, encoding="utf-8")
    return folder


def test_every_command_help_has_an_example() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.choices and "code" in a.choices)  # type: ignore[operator]
    for name in ("code", "ingest", "events", "positions"):
        help_text = sub.choices[name].format_help()  # type: ignore[index]
        assert f"eventwire {name} " in help_text, name


def test_code_json_in_process(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(story), "--format", "json", "--published", "2024-05-06"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, dict)
    assert out["schema"] == "eventwire/1"
    assert out["article"]["title"] == "Harbour Workers Strike Over Pay"
    assert out["article"]["published"]["value"] == "2024-05-06"
    assert out["article"]["text"].startswith("Dock workers in the port city of Valmora")
    for key in ("actors", "places", "events", "quotes", "positions"):
        assert isinstance(out[key], list)


def test_code_json_subprocess(story: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "code", str(story), "--format", "json"],
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["article"]["origin"] == str(story)


def test_code_stdin_subprocess() -> None:
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "code", "-", "--format", "jsonl"],
                          input=STORY, capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.splitlines()
    assert json.loads(line)["article"]["title"] == "Harbour Workers Strike Over Pay"


def test_code_table(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(story)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Harbour Workers Strike Over Pay")
    for section in ("Events", "Actors", "Places", "Quotes", "Positions"):
        assert f"\n{section} (" in out


def test_code_several_json_is_an_array(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["code", str(news), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1                                 # some inputs failed
    out = json.loads(captured.out)
    assert [a["article"]["title"] for a in out] == ["Harbour Workers Strike Over Pay", "Council Delays Budget Vote"]
    assert "EW101" in captured.err and "3-empty.txt" in captured.err
    assert "EW105" in captured.err and "4-french.txt" in captured.err


def test_code_single_bad_file_exits_2(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(news / "3-empty.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "EW101" in captured.err and "3-empty.txt" in captured.err


def test_code_bad_published_exits_2(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["code", str(story), "--published", "someday"]) == 2
    assert "--published" in capsys.readouterr().err


def test_ingest_folder_twice(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.db"
    assert main(["ingest", str(news), "--db", str(db), "--no-progress"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("2 added, 0 already stored, 2 failed")
    assert "EW101" in out and "3-empty.txt" in out
    assert "EW105" in out and "4-french.txt" in out
    with Store.open(db) as store:
        counts = store.counts()
        assert counts["articles"] == 2 and counts["failures"] == 2
        titles = {r[0] for r in store.conn.execute("SELECT title FROM articles")}
        assert titles == {"Harbour Workers Strike Over Pay", "Council Delays Budget Vote"}

    assert main(["ingest", str(news), "--db", str(db), "--no-progress"]) == 1
    assert capsys.readouterr().out.startswith("0 added, 2 already stored, 2 failed")
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2


def test_ingest_subprocess(news: Path, tmp_path: Path) -> None:
    db = tmp_path / "sub.db"
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli.main", "ingest", str(news), "--db", str(db)],
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("2 added, 0 already stored, 2 failed")


def _seed(db: Path) -> None:
    text = "Ana Kessel met the dock union in Valmora on Monday and said she backs a wage deal."
    art = ids.article_id(text)

    def span(needle: str) -> Span:
        start = text.index(needle)
        return Span(start, start + len(needle), needle)

    kessel = Actor(id="ew:kessel", name="Ana Kessel", kind="person", mentions=(span("Ana Kessel"),))
    union = Actor(id="ew:union", name="Valmora Dockers' Union", kind="organization",
                  mentions=(span("dock union"),))
    trigger = span("met")
    event = Event(id=ids.event_id(art, "CONSULT", trigger.start, trigger.end), type="CONSULT", source=(kessel.id,),
                  target=(union.id,), date=DateValue("2024-05-06", "day", "2024-05-06", "2024-05-06"),
                  evidence=EventEvidence(trigger=trigger, sentence=Span(0, len(text), text)))
    backs = span("backs a wage deal")
    position = Position(id=ids.position_id(art, kessel.id, "wage deal", "support", backs.start), actor=kessel.id,
                        issue="a wage deal", issue_key="wage deal", stance="support",
                        evidence=(backs,))
    coded = CodedArticle(article=Article(id=art, text=text, title="Mayor meets union",
                                         published=DateValue("2024-05-06", "day")),
                         actors=(kessel, union), events=(event,), positions=(position,))
    with Store.open(db) as store:
        store.add(coded)


def test_events_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "q.db"
    _seed(db)
    assert main(["events", "--db", str(db), "--actor", "kessel", "--since", "2024-05-01", "--format", "jsonl"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["type"] == "CONSULT" and row["source_names"] == ["Ana Kessel"] and row["trigger"] == "met"

    assert main(["events", "--db", str(db), "--type", "ASSAULT", "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == ""

    assert main(["events", "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "Ana Kessel → Valmora Dockers' Union" in table and "ew:kessel" not in table

    assert main(["events", "--db", str(db), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("date,date_precision,type") and "CONSULT" in lines[1]


def test_positions_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "q.db"
    _seed(db)
    assert main(["positions", "--db", str(db), "--issue", "wage", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["issues"] == ["wage deal"]
    assert out["cells"] == [{"actor": "ew:kessel", "actor_name": "Ana Kessel", "issue": "wage deal",
                             "stance": "support", "count": 1, "latest": "2024-05-06"}]
    assert main(["positions", "--db", str(db)]) == 0
    assert "support (1, 2024-05-06)" in capsys.readouterr().out
    assert main(["positions", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Ana Kessel,wage deal,support,1,2024-05-06,ew:kessel"


def test_queries_on_ingested_db_run(news: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.db"
    main(["ingest", str(news), "--db", str(db), "--no-progress"])
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--since", "2024-01-01"]) == 0
    assert main(["positions", "--db", str(db), "--issue", "wages"]) == 0
    assert capsys.readouterr().err == ""


def test_query_missing_db_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", str(tmp_path / "none.db")]) == 2
    assert "EW400" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
