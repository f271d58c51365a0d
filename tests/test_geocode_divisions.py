"""Divisions, short forms, demonyms and local homonyms in the gazetteer and in span geocoding.

Every sentence here was written for these tests."""
from __future__ import annotations


import pytest

from eventwire.resources.gazetteer import Gazetteer, dotted_key, haversine_km


pytestmark = pytest.mark.usefixtures("gazetteer_cache")


def test_dotted_key() -> None:
    assert dotted_key("Calif.") == "~calif" and dotted_key("W. Va.") == "~wva"
    assert dotted_key("Miss") is None and dotted_key("Washington, D.C.") is None


def test_divisions_have_points_and_short_forms(gazetteer: Gazetteer) -> None:
    for text, name, country in [("Calif.", "California", "USA"), ("W.Va.", "West Virginia", "USA"),
                                ("Ky.", "Kentucky", "USA"), ("D.C.", "District of Columbia", "USA"),
                                ("B.C.", "British Columbia", "CAN"), ("NSW", "New South Wales", "AUS"),
                                ("Alberta", "Alberta", "CAN"), ("Sichuan", "Sichuan", "CHN"),
                                ("Tamil Nadu", "Tamil Nadu", "IND"), ("Missouri", "Missouri", "USA"),
                                ("Oregon", "Oregon", "USA"), ("Queensland", "Queensland", "AUS")]:
        best = gazetteer.candidates(text)[0]
        assert (best.name, best.country) == (name, country), text
        assert best.lat is not None and best.lon is not None, text
    assert gazetteer.candidates("Miss") == []  # a short form is known only with its dot


def test_geonames_points_of_large_countries(gazetteer: Gazetteer) -> None:
    usa = gazetteer.candidates("United States")[0]
    assert usa.lat is not None and usa.lon is not None
    assert haversine_km(usa.lat, usa.lon, 39.76, -98.5) < 5
    texas = gazetteer.candidates("Texas")[0]
    assert texas.kind == "admin1" and texas.lat is not None and texas.lon is not None
    assert haversine_km(texas.lat, texas.lon, 31.25, -99.25) < 5


def test_demonyms_name_the_largest_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.demonym_entries("American")[0].country == "USA"
    assert gazetteer.demonym_entries("French")[0].country == "FRA"
    assert gazetteer.demonym_entries("European")[0].name == "Europe"
    assert gazetteer.demonym_entries("Welsh")[0].name == "Wales"


def test_counties_know_their_states(gazetteer: Gazetteer) -> None:
    assert [e.name for e in gazetteer.county_states("Cuyahoga County")] == ["Ohio"]


def _geocode(nlp, gazetteer: Gazetteer, text: str, *names: str):  # type: ignore[no-untyped-def]
    from eventwire.mentions.geocode_spans import geocode_spans
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return geocode_spans(nlp(text), spans, gazetteer)


def test_geocode_demonym_before_town(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    canadian, = _geocode(nlp, gazetteer, "The Canadian team arrived late on Sunday.", "Canadian")
    assert canadian is not None and canadian.kind == "country" and canadian.country == "CAN"


def test_geocode_town_of_the_named_state(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Farmers across Kentucky met on Friday; the sale barn in Edmonton drew a crowd, Ky. officials said."
    edmonton, = _geocode(nlp, gazetteer, text, "Edmonton")
    assert edmonton is not None and edmonton.country == "USA" and edmonton.admin1 == "Kentucky"


def test_geocode_county_sits_in_its_state(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    text = "Deputies in Cuyahoga County said the road near Cleveland, Ohio, reopened."
    county, = _geocode(nlp, gazetteer, text, "Cuyahoga County")
    assert county is not None and county.country == "USA" and county.admin1 == "Ohio"
    assert county.lat is not None and county.lon is not None
    assert haversine_km(county.lat, county.lon, 41.5, -81.7) < 60


def test_geocode_county_container_picks_the_town(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    salisbury, wiltshire = _geocode(nlp, gazetteer, "The cathedral in Salisbury, Wiltshire, reopened.",
                                    "Salisbury", "Wiltshire")
    assert wiltshire is not None and wiltshire.kind == "admin2"
    assert salisbury is not None and salisbury.country == "GBR"


def test_local_towns_follow_the_article_state(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # The county the article names puts its towns in that county's state.
    text = "A Paris man was arrested on Sunday. The Henry County sheriff and deputies from Puryear searched the house."
    paris, = _geocode(nlp, gazetteer, text, "Paris")
    assert paris.country == "USA"



def test_home_state_of_local_names(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Each name alone is a larger town elsewhere (Ohio, Virginia); only Nebraska has all three.
    text = "The Columbus city council and the Norfolk school board met in Platte County on Tuesday."
    columbus, norfolk, county = _geocode(nlp, gazetteer, text, "Columbus", "Norfolk", "Platte County")
    assert (columbus.country, columbus.admin1) == ("USA", "Nebraska")
    assert (norfolk.country, norfolk.admin1) == ("USA", "Nebraska")
    assert county.admin1 == "Nebraska"


def test_county_takes_the_state_of_the_towns_around_it(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Boone County is in several states; the town beside it is only in Indiana.
    county, = _geocode(nlp, gazetteer, "Deputies from Boone County and police in Zionsville searched the field.",
                       "Boone County")
    assert county is not None and county.admin1 == "Indiana" and county.kind == "admin2"


def test_states_and_regions_of_large_countries(gazetteer: Gazetteer) -> None:
    for text, name, country in [("Bavaria", "Bavaria", "DEU"), ("Bayern", "Bavaria", "DEU"),
                                ("Sicily", "Sicily", "ITA"), ("Lombardy", "Lombardy", "ITA"),
                                ("Catalonia", "Catalonia", "ESP"), ("Fars Province", "Fars Province", "IRN"),
                                ("Rhineland-Palatinate", "Rhineland-Palatinate", "DEU")]:
        best = gazetteer.candidates(text)[0]
        assert (best.name, best.kind, best.country) == (name, "admin1", country), text
        assert best.lat is not None and best.lon is not None, text
    assert gazetteer.candidates("Munich")[0].admin1 == "Bavaria"  # towns know their state through its capital
    assert gazetteer.candidates("Murcia")[0].kind == "city"       # the region is "Region of Murcia"
    assert gazetteer.demonym_entries("Sicilian")[0].name == "Sicily"


def test_landmarks_before_small_towns_of_their_name(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    heathrow, = _geocode(nlp, gazetteer, "The minister landed at Heathrow on Monday.", "Heathrow")
    assert heathrow is not None and heathrow.country == "GBR"
    white_house, = _geocode(nlp, gazetteer, "The senators were driven to the White House for talks.", "White House")
    assert white_house is not None and haversine_km(white_house.lat, white_house.lon, 38.90, -77.04) < 5


def test_home_state_tie_goes_to_the_larger_town(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Tennessee, Kentucky and Illinois each have a Paris and a Henry County; Tennessee's Paris is the largest.
    text = "A Paris woman was hurt Friday in a crash on a Henry County road, deputies said."
    paris, county = _geocode(nlp, gazetteer, text, "Paris", "Henry County")
    assert (paris.country, paris.admin1) == ("USA", "Tennessee")
    assert county.admin1 == "Tennessee"
