"""The geoparsing, NER and time adapters of ``eventwire evaluate`` on small limits of the gold sets in ../shared
(skipped when it is absent), and ``geocode_spans`` on sentences written for these tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eventwire.evaluate.core import default_data_dir, evaluate, shared_root

HAVE_SHARED = (shared_root() / "data").is_dir()
needs_shared = pytest.mark.skipif(not HAVE_SHARED, reason="../shared/data is absent: the gold sets are read "
                                  "from there at run time and never copied into the repository")

CASES = [
    ("tr-news", 3, ("toponym_f1", "toponym_f1_overlap", "acc_161km", "median_km", "auc", "e2e_acc_161km")),
    ("geovirus", 3, ("toponym_f1", "acc_161km", "median_km", "auc", "e2e_acc_161km")),
    ("lgl", 5, ("toponym_f1", "acc_161km", "auc")),
    ("geowebnews", 2, ("toponym_f1", "acc_161km", "auc")),
    ("conll2003-test", 3, ("ner_f1", "ner_f1_PER", "ner_f1_ORG", "ner_f1_LOC", "ner_f1_MISC")),
    ("tempeval3-platinum", 3, ("timex_span_f1", "timex_value_accuracy", "timex_value_f1")),
    ("meantime-en", 3, ("event_coref_b3_f1", "timex_value_accuracy")),
]
UNBOUNDED = {"median_km", "e2e_median_km", "seconds"}


@needs_shared
@pytest.mark.parametrize(("name", "limit", "keys"), CASES, ids=[c[0] for c in CASES])
def test_adapter_keys_in_range(name: str, limit: int, keys: tuple[str, ...]) -> None:
    result = evaluate(name, limit=limit)
    assert result.n == limit
    for key in keys:
        assert key in result.metrics, f"{name}: no {key} in {sorted(result.metrics)}"
        value = result.metrics[key]
        if key in UNBOUNDED:
            assert value is None or value >= 0
        else:
            assert value is not None and 0.0 <= value <= 1.0, (key, value)
    for err in result.errors[:50]:
        assert {"kind", "gold", "predicted", "text"} <= set(err), err


@needs_shared
@pytest.mark.parametrize("name", ["tr-news", "tempeval3-platinum", "meantime-en", "conll2003-test"])
def test_data_copy_gives_same_numbers(name: str, tmp_path: Path) -> None:
    copy = tmp_path / name
    shutil.copytree(default_data_dir(name), copy)
    a = evaluate(name, limit=2).summary()
    b = evaluate(name, data=copy, limit=2).summary()
    a.pop("seconds", None)
    b.pop("seconds", None)
    assert a == b


@needs_shared
def test_limit_counts_documents() -> None:
    assert evaluate("tr-news", limit=1).n == 1
    assert evaluate("tempeval3-platinum", limit=1).n == 1


# ---------------------------------------------------------------------------------- geocode_spans, unit level


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for name in names:
        start = text.index(name)
        out.append((start, start + len(name)))
    return out


def _geocode(text: str, *names: str) -> list:
    from eventwire.document.parse import load_nlp
    from eventwire.mentions.geocode_spans import geocode_spans

    return geocode_spans(load_nlp()(text), _spans(text, *names))


def test_geocode_spans_resolves_each_given_span() -> None:
    text = "Troops moved from Kharkiv toward the border while officials in Kyiv met reporters."
    kharkiv, kyiv = _geocode(text, "Kharkiv", "Kyiv")
    assert kharkiv is not None and kharkiv.country == "UKR"
    assert kyiv is not None and kyiv.country == "UKR"


def test_geocode_spans_uses_the_article_context() -> None:
    # Alone "Alexandria" is the Egyptian city; among northern Virginia places it is Alexandria, Virginia.
    text = "Flooding closed roads in Alexandria, while Arlington and Fairfax in Virginia were also hit."
    (virginia,) = _geocode(text, "Alexandria")
    assert virginia is not None and virginia.country == "USA"
    (egypt,) = _geocode("Police in Alexandria said the fire began near the port.", "Alexandria")
    assert egypt is not None and egypt.country == "EGY"
    # "Paris, Texas": the container restricts the given span
    (paris,) = _geocode("The storm hit Paris, Texas, on Monday.", "Paris")
    assert paris is not None and paris.country == "USA" and paris.admin1 == "Texas"


def test_geocode_spans_span_the_ner_misses_and_unknown_names() -> None:
    # a span given by the caller is resolved even where recognition would not take it
    text = "Aid workers said Rafah was quiet. Zzyzxqton stayed calm."
    rafah, unknown = _geocode(text, "Rafah", "Zzyzxqton")
    assert rafah is not None and rafah.country == "PSE"
    # a name the gazetteer does not know lies in the article's main place; without places it stays unknown
    assert unknown is not None and unknown.ref == f"within:{rafah.geonames_id or rafah.ref}"
    assert (unknown.lat, unknown.lon) == (rafah.lat, rafah.lon)
    (alone,) = _geocode("Zzyzxqton stayed calm.", "Zzyzxqton")
    assert alone is None


def test_geocode_spans_unknown_site_named_after_a_place() -> None:
    # the town named inside a site's name places it; a street with none inside lies in the main town
    text = ("Runners gathered in Dubai before the Dubai Harbour Fun Run. In Perth, the Hay Street market "
            "reopened; Perth police said Hay Street was busy.")
    run, street = _geocode(text, "Dubai Harbour Fun Run", "Hay Street")
    assert run is not None and run.country == "ARE" and run.name == "Dubai Harbour Fun Run"
    assert street is not None and street.country == "AUS"


def test_geocode_spans_exact_characters_of_a_token() -> None:
    # "U.S." inside the token "U.S.-led", "Alta." whose period the span keeps
    text = "The U.S.-led coalition met. Fires burned near Hinton, Alta. on Monday."
    us, alberta = _geocode(text, "U.S.", "Alta.")
    assert us is not None and us.country == "USA" and us.kind == "country"
    assert alberta is not None and alberta.name == "Alberta"


def test_geocode_spans_demonym_and_possessive() -> None:
    text = "Syria's army and Turkish troops clashed."
    syria, turkish = _geocode(text, "Syria's", "Turkish")
    assert syria is not None and syria.kind == "country" and syria.country == "SYR"
    assert turkish is not None and turkish.country == "TUR"


def test_offset_map_round_trip() -> None:
    from eventwire.evaluate.adapters._spans import OffsetMap, match_spans

    raw = "  Hello\u00a0world. Gaza is here.\r\n"
    cleaned = "Hello world. Gaza is here."
    omap = OffsetMap(raw, cleaned)
    start = raw.index("Gaza")
    clean_span = omap.to_clean(start, start + 4)
    assert clean_span is not None and cleaned[clean_span[0]:clean_span[1]] == "Gaza"
    assert omap.to_raw(*clean_span) == (start, start + 4)
    assert match_spans([(0, 4), (10, 14)], [(0, 4), (11, 13)], exact=True) == [(0, 0)]
    assert sorted(match_spans([(0, 4), (10, 14)], [(0, 4), (11, 13)], exact=False)) == [(0, 0), (1, 1)]


def test_b_cubed_and_timex_lenient() -> None:
    from eventwire.evaluate.adapters.meantime import b_cubed
    from eventwire.evaluate.adapters.tempeval import lenient_equal

    gold = {"a": "1", "b": "1", "c": "2"}
    assert b_cubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = b_cubed(gold, {"a": "x", "b": "y", "c": "z"})
    assert p == 1.0 and r == pytest.approx(2 / 3)
    assert lenient_equal("2013-W11", "2013-W11/2013-W12", "2013-03-22")
    assert lenient_equal("PRESENT_REF", "2013-03-22", "2013-03-22")
    assert lenient_equal("2013-03-22TAF", "2013-03-22", "2013-03-22")
    assert not lenient_equal("2013-03", "2013-03-22", "2013-03-22")
