"""The golden scorer on tiny hand-made cases, and (when ../shared is present) its agreement with the
reference scorer ``shared/tools/score_golden.py`` on pass and forbidden counts."""
from __future__ import annotations

import copy
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from eventwire.evaluate.golden import locate, normalise, score, score_files

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFERENCE = SHARED / "tools" / "score_golden.py"
SEED = SHARED / "golden" / "seed-article"
OWN_CASES = sorted((REPO / "tests" / "golden").glob("*/expected.yaml"))

TEXT = ("The foreign minister of Norland met her Sudland counterpart in Porto on Monday. "
        "Sudland refused to sign the fishing accord. Norland threatened to close its ports.")
EXPECTED: dict[str, Any] = {
    "actors": [{"name": "Norland", "country": "NOR", "aliases": ["Norland", "NL"]},
               {"name": "Sudland", "country": "SUD", "aliases": ["Sudland"]}],
    "places": [{"name": "Porto", "country": "PRT", "lat": 41.15, "lon": -8.61, "tolerance_km": 10}],
    "events": [
        {"id": "meeting", "text": "met her Sudland counterpart in Porto", "type": ["CONSULT"],
         "source": "Norland", "target": "Sudland", "symmetric": True,
         "date": {"value": "2025-01-06", "precision": "day"}, "place": "Porto"},
        {"id": "refusal", "text": "Sudland refused to sign the fishing accord", "type": ["REJECT"],
         "source": "Sudland", "must_not_be": ["AGREE"]},
        {"id": "threat", "text": "Norland threatened to close its ports", "type": ["THREATEN"],
         "source": "Norland", "status": ["threatened"], "must_not_be_status": ["actual"]},
    ],
    "quotes": [],
    "positions": [{"actor": "Sudland", "issue": "fishing accord", "stance": "reject",
                   "issue_words": ["fish", "accord"]}],
    "forbidden": [{"type": "AGREE", "text": "refused to sign"},
                  {"one_event": {"type": "CONSULT", "actors": ["Norland", "Sudland"]}}],
}


def _ev(etype: str, snippet: str, source: list[str], target: list[str], **extra: Any) -> dict[str, Any]:
    start = TEXT.index(snippet)
    return {"type": etype, "source": source, "target": target, "status": extra.pop("status", "actual"),
            "evidence": {"trigger": {"start": start, "end": start + len(snippet), "text": snippet}}, **extra}


def _output(events: list[dict[str, Any]], positions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"article": {"text": TEXT, "published": {"value": "2025-01-07", "precision": "day"}},
            "actors": [{"id": "n", "name": "Norland", "country": "NOR", "mentions": [{"text": "Norland"}]},
                       {"id": "s", "name": "Sudland", "country": "SUD", "mentions": []}],
            "places": [{"id": "p", "name": "Porto", "lat": 41.16, "lon": -8.63, "mentions": []}],
            "events": events,
            "positions": positions if positions is not None else
            [{"actor": "s", "issue": "the fishing accord", "stance": "oppose"}]}


GOOD_EVENTS = [
    _ev("CONSULT", "met", ["n"], ["s"], date={"value": "2025-01-06", "precision": "day"}, place="p"),
    _ev("REJECT", "refused to sign", ["s"], []),
    _ev("THREATEN", "threatened", ["n"], [], status="threatened"),
]


def test_a_complete_output_passes_every_item() -> None:
    result = score(EXPECTED, _output(GOOD_EVENTS))
    assert (result.passed, result.total, result.forbidden) == (7, 7, 0), result.failures
    assert [i.label for i in result.items][:2] == ["actor Norland", "actor Sudland"]


def test_a_wrong_type_fails_that_item_only() -> None:
    events = copy.deepcopy(GOOD_EVENTS)
    events[2]["type"] = "ASSAULT"
    result = score(EXPECTED, _output(events))
    assert not result.item("event threat").ok
    assert result.passed == 6 and result.forbidden == 0


def test_an_actual_status_is_refused_where_the_case_forbids_it() -> None:
    events = copy.deepcopy(GOOD_EVENTS)
    events[2]["status"] = "actual"
    assert "status actual" in score(EXPECTED, _output(events)).item("event threat").why


def test_a_symmetric_event_matches_with_roles_swapped() -> None:
    events = copy.deepcopy(GOOD_EVENTS)
    events[0]["source"], events[0]["target"] = ["s"], ["n"]
    assert score(EXPECTED, _output(events)).item("event meeting").ok
    asym = copy.deepcopy(EXPECTED)
    asym["events"][0]["symmetric"] = False
    assert not score(asym, _output(events)).item("event meeting").ok


def test_date_place_and_evidence_are_checked() -> None:
    events = copy.deepcopy(GOOD_EVENTS)
    events[0]["date"] = {"value": "2025-01-07", "precision": "day"}
    assert "date" in score(EXPECTED, _output(events)).item("event meeting").why
    events = copy.deepcopy(GOOD_EVENTS)
    events[0]["evidence"]["trigger"] = {"start": 0, "end": 3, "text": "The"}
    assert not score(EXPECTED, _output(events)).item("event meeting").ok


def test_a_forbidden_agree_is_found_twice_over() -> None:
    # once as the refusal's must_not_be, once as the case's structured `forbidden:` entry
    result = score(EXPECTED, _output(GOOD_EVENTS + [_ev("AGREE", "sign", ["s"], ["n"])]))
    assert result.passed == 7
    assert result.forbidden == 2, result.forbidden_found
    assert any("AGREE" in f for f in result.failures)


def test_two_consults_for_one_meeting_are_forbidden() -> None:
    second = _ev("CONSULT", "counterpart", ["s"], ["n"])
    result = score(EXPECTED, _output(GOOD_EVENTS + [second]))
    assert result.passed == 7 and result.forbidden == 1
    assert "2 events" in result.forbidden_found[0]


def test_one_event_rule_can_be_limited_to_a_status() -> None:
    expected = copy.deepcopy(EXPECTED)
    expected["forbidden"] = [{"one_event": {"type": "CONSULT", "status": "actual", "actors": ["Norland", "Sudland"]}}]
    planned = _ev("CONSULT", "counterpart", ["s"], ["n"], status="intended")
    assert score(expected, _output(GOOD_EVENTS + [planned])).forbidden == 0


def test_positions_use_issue_words_and_stance_equivalents() -> None:
    assert score(EXPECTED, _output(GOOD_EVENTS)).item("position Sudland / fishing accord / reject").ok
    wrong = [{"actor": "s", "issue": "the fishing accord", "stance": "support"}]
    assert not score(EXPECTED, _output(GOOD_EVENTS, wrong)).item("position Sudland / fishing accord / reject").ok


def test_short_aliases_do_not_identify_an_actor() -> None:
    out = _output(GOOD_EVENTS)
    out["actors"][0] = {"id": "n", "name": "NL", "country": "NOR", "mentions": [{"text": "NL"}]}
    assert not score(EXPECTED, out).item("actor Norland").ok


def test_place_distance_tolerance() -> None:
    out = _output(GOOD_EVENTS)
    out["places"][0]["lat"] = 38.72   # Lisbon, ~270 km away
    assert "km" in score(EXPECTED, out).item("place Porto").why


def test_helpers() -> None:
    assert normalise("  Hamas\u2019 hands! ") == "hamas hands"
    assert locate("A said \u201cx\u201d.", "said") == (2, 6)
    assert locate("abc", "ABC ... more") == (0, 3)
    assert locate("abc", "zzz") is None


def test_score_files_reads_json_lines(tmp_path: Path) -> None:
    exp = tmp_path / "expected.yaml"
    exp.write_text(yaml.safe_dump(EXPECTED))
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(_output(GOOD_EVENTS)) + "\n" + json.dumps({}) + "\n")
    assert score_files(exp, out).passed == 7


# --- agreement with the reference scorer -------------------------------------------------------------------

needs_shared = pytest.mark.skipif(not REFERENCE.exists(),
                                  reason=f"reference scorer not found at {REFERENCE} (../shared is absent)")


def _synthesise(expected: dict[str, Any], text: str, rng: random.Random | None) -> dict[str, Any]:
    """An output built from a case itself (every item right), then, given ``rng``, spoilt at random."""
    actors: dict[str, dict[str, Any]] = {}

    def actor(name: str) -> str:
        if name not in actors:
            known = next((a for a in expected.get("actors") or [] if a["name"] == name), {})
            actors[name] = {"id": f"a{len(actors)}", "name": name, "country": known.get("country"),
                            "mentions": []}
        return actors[name]["id"]

    def first(v: Any) -> Any:
        return v[0] if isinstance(v, list) else v

    for a in expected.get("actors") or []:
        actor(a["name"])
    places = [{"id": f"p{i}", "name": p["name"], "country": p.get("country"), "lat": p.get("lat"),
               "lon": p.get("lon"), "mentions": []} for i, p in enumerate(expected.get("places") or [])]
    events = []
    for want in expected.get("events") or []:
        span = locate(text, want["text"])
        ev: dict[str, Any] = {"type": first(want["type"]), "status": first(want.get("status")) or "actual",
                              "source": [actor(first(want["source"]))] if want.get("source") else [],
                              "target": [actor(first(want["target"]))] if want.get("target") else [],
                              "evidence": {"trigger": {"start": span[0], "end": span[1]} if span else {}}}
        d = want.get("date")
        if isinstance(d, dict):
            lo, hi = (d.get("acceptable_range") or [d.get("value"), d.get("value")])
            ev["date"] = {"value": str(d.get("value") or lo or ""), "earliest": lo, "latest": hi}
        if isinstance(want.get("place"), str):
            ev["place"] = next((p["id"] for p in places if p["name"] == want["place"]), None)
        events.append(ev)
    quotes = [{"text": q["text"].split("[")[0], "speaker": [actor(first(q["speaker"]))]}
              for q in expected.get("quotes") or []]
    positions = [{"actor": actor(first(p["actor"])), "issue": p["issue"], "stance": p["stance"]}
                 for p in expected.get("positions") or []]
    year = (expected.get("article") or {}).get("publication_year", 2000)
    out = {"article": {"text": text, "published": {"value": f"{year}-06-01"}},
           "actors": list(actors.values()), "places": places, "events": events, "quotes": quotes,
           "positions": positions}
    if rng is None:
        return out
    for a in out["actors"]:
        if rng.random() < 0.2:
            a["country"] = "XXX"
        if rng.random() < 0.2:
            a["name"] = a["name"][::-1]
    for p in places:
        if rng.random() < 0.2 and isinstance(p["lat"], (int, float)):
            p["lat"] += rng.choice([0.05, 1.0])
    for ev in list(events):
        r = rng.random()
        if r < 0.15:
            ev["type"] = rng.choice(["AGREE", "ASSAULT", "CONSULT", "REQUEST"])
        elif r < 0.3:
            ev["status"] = rng.choice(["actual", "denied", "intended"])
        elif r < 0.4:
            ev["source"], ev["target"] = ev["target"], ev["source"]
        elif r < 0.5 and "date" in ev:
            ev["date"]["value"] = ev["date"]["earliest"] = "1999-01-01"
    for want, ev in zip(expected.get("events") or [], list(events)):
        if rng.random() < 0.4:   # a second coding of the same text: "refused to agree" as AGREE, a meeting twice
            kinds = list(want.get("must_not_be") or []) + [ev["type"], "AGREE", "ASSAULT", "CONSULT"]
            events.append({**copy.deepcopy(ev), "type": rng.choice(kinds),
                           "status": rng.choice(["actual", "actual", "threatened"])})
    # codings of the wordings a case's prose or `forbidden:` names
    phrases = [m for line in expected.get("must_not_appear") or [] for m in re.findall(r"'([^']+)'", str(line))]
    phrases += [f["text"] for f in expected.get("forbidden") or [] if isinstance(f.get("text"), str)]
    for phrase in phrases:
        span = locate(text, phrase)
        if span and rng.random() < 0.6:
            events.append({"type": rng.choice(["AGREE", "ASSAULT", "CONSULT", "PROTEST", "RETREAT"]),
                           "status": rng.choice(["actual", "intended"]), "source": [], "target": [],
                           "evidence": {"source": [{"start": span[0], "end": span[0] + 3}]}})
    for q in quotes:
        if rng.random() < 0.3:
            q["speaker"] = []
    for p in positions:
        if rng.random() < 0.3:
            p["stance"] = rng.choice(["support", "oppose", "neutral"])
    return out


def _reference(expected_path: Path, output: dict[str, Any], tmp_path: Path) -> tuple[int, int, int]:
    out = tmp_path / "out.json"
    out.write_text(json.dumps(output))
    proc = subprocess.run([sys.executable, str(REFERENCE), str(expected_path), str(out)],
                          capture_output=True, text=True, timeout=60)
    m = re.search(r"(\d+)/(\d+) items pass, (\d+) forbidden", proc.stdout.strip().splitlines()[-1])
    assert m, proc.stdout + proc.stderr
    return int(m[1]), int(m[2]), int(m[3])


def _cases_for_agreement() -> list[Any]:
    cases = [pytest.param(SEED / "expected.yaml", SEED / "article.txt", id="seed-article")]
    for exp in OWN_CASES:
        cases.append(pytest.param(exp, REPO / "examples" / f"{exp.parent.name}.txt", id=exp.parent.name))
    return cases


@needs_shared
@pytest.mark.parametrize(("expected_path", "article_path"), _cases_for_agreement())
def test_agrees_with_the_reference_scorer(expected_path: Path, article_path: Path, tmp_path: Path) -> None:
    if not expected_path.exists():
        pytest.skip(f"{expected_path} is absent")
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    # the reference reads only prose must_not_appear; our structured `forbidden:` is compared without it
    structured = bool(expected.get("forbidden"))
    plain = dict(expected)
    plain.pop("forbidden", None)
    plain_path = tmp_path / "expected.yaml"
    plain_path.write_text(yaml.safe_dump(plain, allow_unicode=True), encoding="utf-8")
    body = article_path.read_text(encoding="utf-8").partition("\n")[2].strip()
    text = re.sub(r"\n+Copyright \d{4}.*$", "", body)   # the trailer is boilerplate, not article text
    outputs = [{"article": {"text": text}}, _synthesise(expected, text, None)]
    outputs += [_synthesise(expected, text, random.Random(seed)) for seed in range(12)]
    assert sum(score(expected, o).forbidden > 0 for o in outputs) >= 3, "the spoilt outputs should test forbidden"
    for n, output in enumerate(outputs):
        mine = score(plain, output)
        ref = _reference(plain_path, output, tmp_path)
        assert (mine.passed, mine.total, mine.forbidden) == ref, f"output {n}: {mine.failures}"
        if n == 1:
            assert mine.passed == mine.total, mine.failures
        if not structured:
            continue
        full = score(expected, output)
        assert full.passed == mine.passed and full.forbidden >= mine.forbidden
