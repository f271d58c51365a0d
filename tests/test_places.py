"""The offline gazetteer and the places stage. Every sentence here was written for these tests."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from eventwire.model import Place
from eventwire.resources.gazetteer import Gazetteer, index_path, load_gazetteer

DATA = Path(str(resources.files("eventwire.resources").joinpath("data", "places")))


pytestmark = pytest.mark.usefixtures("gazetteer_cache")


def places_of(nlp, gazetteer: Gazetteer, text: str,  # type: ignore[no-untyped-def]
              context: Counter[str] | None = None) -> dict[str, Place]:
    from eventwire.mentions.places import find_places
    places, mentions = find_places(nlp(text), gazetteer, context)
    for mention in mentions:
        assert text[mention.span.start:mention.span.end] == mention.span.text
    by_text = {}
    for place in places:
        for span in place.mentions:
            by_text[span.text] = place
    return by_text


# ------------------------------------------------------------------------------------------------ gazetteer


def test_candidates_rank_regions_countries_and_towns(gazetteer: Gazetteer) -> None:
    gaza = gazetteer.candidates("Gaza")
    assert gaza[0].kind == "region" and gaza[0].name == "Gaza Strip"
    assert any(entry.kind == "city" and entry.geonames_id == 281133 for entry in gaza)  # Gaza City stays a city
    assert gazetteer.candidates("the Gaza Strip")[0].ref == "region:gaza-strip"
    assert gazetteer.candidates("Israel")[0].kind == "country"
    assert gazetteer.candidates("Washington")[0].admin1 == "District of Columbia"
    assert gazetteer.candidates("Kiev")[0] == gazetteer.candidates("Kyiv")[0]


def test_abbreviations_never_match_villages(gazetteer: Gazetteer) -> None:
    for text, country in [("US", "USA"), ("U.S.", "USA"), ("UK", "GBR"), ("UAE", "ARE"), ("DRC", "COD")]:
        found = gazetteer.candidates(text)
        assert [e.kind for e in found] == ["country"] and found[0].country == country, text
    assert gazetteer.candidates("EU")[0].name == "European Union"
    assert gazetteer.candidates("Us") == []


def test_us_counties_have_points_under_their_full_names(gazetteer: Gazetteer) -> None:
    walker = gazetteer.candidates("Walker County")
    assert {e.admin1 for e in walker} >= {"Texas", "Georgia", "Alabama"} and all(e.kind == "admin2" for e in walker)
    texas = next(e for e in walker if e.admin1 == "Texas")
    assert texas.lat is not None and abs(texas.lat - 30.7) < 1 and abs(texas.lon - -95.6) < 1
    assert gazetteer.candidates("Loudon Co.")[0].admin1 == "Tennessee"
    assert gazetteer.candidates("Saint Croix County") == gazetteer.candidates("St. Croix County")
    assert all(e.kind != "admin2" for e in gazetteer.candidates("Walker"))  # never under the bare name


def test_warm_load_under_a_second(gazetteer: Gazetteer) -> None:
    assert index_path().exists()
    code = ("import time; t = time.perf_counter(); from eventwire.resources.gazetteer import load_gazetteer; "
            "g = load_gazetteer(); g.candidates('Gaza'); print(time.perf_counter() - t)")
    src = str(Path(__file__).resolve().parents[1] / "src")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "PYTHONPATH": src})
    assert float(out.stdout.strip()) < 1.0


def test_manifest_matches_the_data_files() -> None:
    if importlib.util.find_spec("eventwire.resources.manifest") is not None:
        from eventwire.resources.manifest import verify
        assert verify(DATA) == []
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == "places-2026.11.25" and manifest["licence"] and manifest["sources"]
    for name, facts in manifest["files"].items():
        blob = (DATA / name).read_bytes()
        assert hashlib.sha256(blob).hexdigest() == facts["sha256"], name
        assert blob.count(b"\n") - 1 == facts["rows"], name
    assert manifest["files"]["regions.tsv"]["rows"] >= 40


# ------------------------------------------------------------------------------------------------ the stage


def test_rafah_tagged_person_is_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "The army said it would storm Rafah soon, and Rafah residents fled toward the coast of Gaza."
    assert [e.label_ for e in nlp(text).ents if e.text == "Rafah"] == ["PERSON"]  # the slip being fixed
    found = places_of(nlp, gazetteer, text)
    rafah = found["Rafah"]
    assert rafah.kind == "city" and rafah.country == "PSE" and rafah.id == "geonames:281102"
    assert len(rafah.mentions) == 2 and rafah.precision == "town"


def test_gaza_is_the_strip(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Aid trucks crossed into Gaza from Egypt on Monday.")
    gaza = found["Gaza"]
    assert gaza.kind == "region" and gaza.precision == "region" and gaza.id == "region:gaza-strip"
    assert gaza.lat == pytest.approx(31.42, abs=0.05) and gaza.lon == pytest.approx(34.36, abs=0.05)


def test_country_has_coordinates(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    israel = places_of(nlp, gazetteer, "Negotiators flew to Israel after the talks.")["Israel"]
    assert israel.kind == "country" and israel.country == "ISR" and israel.precision == "country"
    assert israel.lat == pytest.approx(31.5, abs=1) and israel.lon == pytest.approx(34.9, abs=1)


def test_us_is_a_country_not_a_village(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Officials in the US and the U.K. welcomed the deal.")
    assert found["US"].country == "USA" and found["US"].kind == "country"
    assert found["U.K."].country == "GBR"


def test_paris_texas_and_paris(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    texas = places_of(nlp, gazetteer, "The band played two nights in Paris, Texas, before the tour ended.")
    assert texas["Paris"].country == "USA" and texas["Paris"].admin1 == "Texas"
    france = places_of(nlp, gazetteer, "Thousands marched in Paris on Saturday against the pension reform.")
    assert france["Paris"].country == "FRA"


def test_kyiv_and_kiev_are_one_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Missiles hit Kiev overnight, and the mayor of Kyiv said power was cut in several districts."
    found = places_of(nlp, gazetteer, text)
    assert found["Kiev"] is found["Kyiv"] and found["Kyiv"].name == "Kyiv"
    assert [m.text for m in found["Kyiv"].mentions] == ["Kiev", "Kyiv"]


def test_sudan_focus_picks_the_sudanese_homonym(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    sudan = places_of(nlp, gazetteer, "The army said it had retaken Al Faw from the paramilitaries. "
                                      "Fighting continued in Khartoum and Wad Madani.")
    assert sudan["Al Faw"].country == "SDN"
    iraq = places_of(nlp, gazetteer, "Engineers were sent to Basra and Al Faw after the storm.")
    assert iraq["Al Faw"].country == "IRQ"
    focused = places_of(nlp, gazetteer, "Engineers were sent to Al Faw after the storm.", Counter({"SDN": 3}))
    assert focused["Al Faw"].country == "SDN"


def test_names_of_people_and_groups_are_not_places(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = ("Lloyd Austin met his counterpart on Friday. Austin said the talks were useful. "
            "Hamas and Hezbollah issued statements.")
    assert places_of(nlp, gazetteer, text) == {}


def test_demonyms_are_not_toponyms(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Israeli and Palestinian officials met in Cairo.")
    assert set(found) == {"Cairo"} and found["Cairo"].country == "EGY"


def test_place_stage_assigns_places() -> None:
    from eventwire.document.parse import parse
    from eventwire.mentions.places import place_stage
    from eventwire.model import Article
    from eventwire.pipeline import Analysis

    analysis = Analysis(article=Article(id="a", text="Shelling was reported in northern Gaza and in Khan Younis."))
    parse(analysis)
    place_stage(analysis)
    names = {place.name for place in analysis.places}
    assert names == {"North Gaza", "Khan Yunis"}
    assert {m.place for m in analysis.place_mentions} == {place.id for place in analysis.places}


# ------------------------------------------------------------------------------------------------ localities


def test_town_dash_neighbourhood_is_the_neighbourhood(  # type: ignore[no-untyped-def]
        nlp, gazetteer: Gazetteer) -> None:
    found = places_of(nlp, gazetteer, "Artillery shelled Gaza - Shujaiyya (Gaza City, Gaza Strip) on Monday.")
    shujaiyya = found["Gaza - Shujaiyya"]
    assert shujaiyya.name == "Shuja'iyya" and shujaiyya.country == "PSE" and shujaiyya.precision == "town"
    assert shujaiyya.lat is not None and shujaiyya.lon is not None
    gaza_city = found["Gaza City"]
    assert gaza_city.lat is not None and gaza_city.lon is not None
    from eventwire.resources.gazetteer import haversine_km
    assert haversine_km(shujaiyya.lat, shujaiyya.lon, gaza_city.lat, gaza_city.lon) < 5


def test_town_dash_unknown_part_stands_for_the_town(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Drones struck Rafah - Qizan Zorob (Rafah, Gaza Strip), residents said.")
    assert found["Rafah - Qizan Zorob"].id == "geonames:281102"


def test_parenthesised_parent_contains_the_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Settlers attacked Burin (Nablus, West Bank) at night.")
    assert found["Burin"].country == "PSE"
    gaza = places_of(nlp, gazetteer, "Shells fell on Gaza (Gaza City, Gaza Strip) again.")["Gaza"]
    assert gaza.kind == "city" and gaza.id == "geonames:281133"  # the town, not the Strip, inside Gaza City


def test_camps_and_dotted_short_forms(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Troops raided the Jabalia refugee camp and Nuseirat camp overnight.")
    assert found["Jabalia refugee camp"].name == "Jabalia camp"
    assert found["Nuseirat camp"].name == "Nuseirat camp"
    assert gazetteer.candidates("Gaza Sabra")[0].country == "PSE"
    assert all(e.country != "PSE" for e in gazetteer.candidates("Sabra"))  # alone, Sabra is not Gaza's
    from eventwire.mentions.geocode_spans import geocode_spans
    text = "The family moved from Regina, Sask. to Kingston last year."
    start = text.index("Sask.")
    [entry] = geocode_spans(nlp(text), [(start, start + 5)], gazetteer)
    assert entry is not None and entry.name == "Saskatchewan"


def test_localities_lie_near_their_parent_towns(gazetteer: Gazetteer) -> None:
    import csv
    from eventwire.resources.gazetteer import haversine_km
    rows = list(csv.DictReader((DATA / "localities.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t",
                               quoting=csv.QUOTE_NONE))
    assert len(rows) >= 100
    for row in rows:
        parents = [p for p in row["parent"].split("|") if p]
        if not parents:
            continue
        towns = [e for e in gazetteer.candidates(parents[0]) if e.kind == "city" and e.country == row["country"]]
        if towns:
            limit = 30 if row["kind"] in ("village", "town", "base") else 15  # a village's parent is its district
            assert min(haversine_km(float(row["lat"]), float(row["lon"]), t.lat or 0, t.lon or 0)
                       for t in towns) < limit, row["slug"]


def test_entity_run_over_a_place_and_its_container_is_split(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "On 8 May 2020, citizens protested from their balconies in Nis, Serbia, "
                                      "against the government.")
    assert found["Nis"].country == "SRB" and found["Serbia"].kind == "country"


def test_bracketed_division_of_an_unknown_village_is_a_place_with_a_point(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "On 8 May 2020, 1 policeman was killed in Wardak province.")
    wardak = next(place for text, place in found.items() if text.startswith("Wardak"))
    assert wardak.kind == "admin1" and wardak.lat is not None
    found = places_of(nlp, gazetteer, "On 8 May 2020, gunmen clashed in Kasumbalesa (Sakania, Haut-Katanga).")
    assert found["Haut-Katanga"].country == "COD" and found["Haut-Katanga"].lat is not None


def test_currency_is_not_a_place(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "Traders in Beirut said the US dollar rose again on Monday.")
    assert "US" not in found and found["Beirut"].country == "LBN"


def test_parenthesised_division_that_contains_the_town(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Pakistan's Punjab is the larger, but only India's contains Ludhiana.
    found = places_of(nlp, gazetteer, "On Monday, nurses protested outside a hospital in Ludhiana (Punjab).")
    assert found["Ludhiana"].country == "IND" and found["Punjab"].country == "IND"


def test_particle_the_entity_left_out_and_short_forms(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    found = places_of(nlp, gazetteer, "On Sunday, shells hit homes in Al Azariq district (Ad Dali).")
    assert found["Ad Dali"].country == "YEM"
    found = places_of(nlp, gazetteer, "Troops exchanged fire along the border in Poonch district (J&K).")
    assert found["J&K"].country == "IND" and found["J&K"].kind == "admin1"


def test_bare_county_names_in_a_list_of_counties(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    from eventwire.mentions.geocode_spans import geocode_spans
    text = ("Storms knocked out power in Clarke, Oconee and Madison counties near Athens, Georgia, on Monday, "
            "and crews from Barrow and Jackson counties were sent to help.")
    spans = [(text.index(name), text.index(name) + len(name)) for name in ("Clarke", "Oconee", "Barrow", "Jackson")]
    entries = geocode_spans(nlp(text), spans, gazetteer)
    assert all(e is not None and e.kind == "admin2" and e.admin1 == "Georgia" for e in entries), entries
