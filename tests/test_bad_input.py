"""Bad inputs become one coded InputFailure each, naming the input and saying what to do; the rest goes on."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import (BinaryInput, EmptyInput, EncodingProblem, InputError, MalformedHTML, MalformedJSONL,
                              NotEnglish, TooLarge)
from eventwire.ingest.decode import MAX_BYTES
from eventwire.ingest.readers import InputFailure, read_inputs
from eventwire.model import Article

ENGLISH = ("The regional council voted on Thursday to postpone the election after opposition parties said "
           "they had not been given enough time to register their candidates. The governor, who has led the "
           "province since 2019, told reporters that a new date would be announced within a month.\n")
FRENCH = ("Le conseil régional a voté jeudi le report de l'élection, après que les partis d'opposition ont "
          "déclaré ne pas avoir eu assez de temps pour inscrire leurs candidats. Le gouverneur, qui dirige la "
          "province depuis 2019, a indiqué aux journalistes qu'une nouvelle date serait annoncée d'ici un mois. "
          "Les syndicats ont appelé à manifester samedi devant la préfecture pour exiger des explications.\n")
GERMAN = ("Der Regionalrat hat am Donnerstag beschlossen, die Wahl zu verschieben, nachdem die "
          "Oppositionsparteien erklärt hatten, sie hätten nicht genug Zeit gehabt, ihre Kandidaten anzumelden. "
          "Der Gouverneur, der die Provinz seit 2019 führt, sagte vor Journalisten, ein neuer Termin werde "
          "innerhalb eines Monats bekanntgegeben. Die Gewerkschaften riefen für Samstag zu Protesten auf.\n")


def _fail(path: Path, **kw: object) -> InputError:
    items = list(read_inputs([str(path)], **kw))  # type: ignore[arg-type]
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, InputFailure), item
    assert item.origin == str(path)
    assert str(path) in str(item.error)          # the message names the input
    assert str(item.error).startswith(item.error.code + " ")
    assert item.error.remedy                     # and says what to do
    return item.error


def test_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert isinstance(_fail(path), EmptyInput)
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    err = _fail(blank)
    assert isinstance(err, EmptyInput) and err.code == "EW101"


def test_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = _fail(path)
    assert isinstance(err, BinaryInput) and err.code == "EW102"
    controls = tmp_path / "controls.txt"
    controls.write_bytes(b"text \x01\x02\x03\x04\x05\x06\x07\x08 more " * 50)
    assert isinstance(_fail(controls), BinaryInput)


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    text = ("The café in Zürich was closed on Monday. Señor Müller said the naïve résumé of the "
            "talks was wrong.\n")
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("latin-1"))
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert article.text == text


def test_cp1252_html_with_declared_charset(tmp_path: Path) -> None:
    page = ("<html><head><meta charset=\"windows-1252\"><title>Talks in Zürich</title></head><body><article>"
            "<p>Delegates met in Zürich on Monday for talks on the river dispute — the first since 2021.</p>"
            "<p>The mediator’s office said the café meeting was a step forward for both governments.</p>"
            "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    [article] = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert "Zürich" in article.text and "mediator’s" in article.text


def _undecodable() -> bytes:
    # ASCII words mixed with scattered high bytes: neither UTF-8 nor any single code page reads it cleanly.
    return b"".join(b"word " + bytes([0x80 + (i * 37) % 128, 0x80 + (i * 53 + 7) % 128, 0x80 + (i * 71 + 3) % 128])
                    for i in range(200))


def test_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    path.write_bytes(_undecodable())
    err = _fail(path)
    assert isinstance(err, EncodingProblem) and err.code == "EW103"
    assert "--encoding" in err.remedy


def test_forced_encoding(tmp_path: Path) -> None:
    text = "Talks in Zürich ended on Monday without an agreement, officials said.\n"
    path = tmp_path / "forced.txt"
    path.write_bytes(text.encode("latin-1"))
    [article] = list(read_inputs([str(path)], encoding="latin-1"))
    assert isinstance(article, Article) and article.text == text
    assert isinstance(_fail(path, encoding="utf-8"), EncodingProblem)
    assert isinstance(_fail(path, encoding="no-such-codec"), EncodingProblem)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    err = _fail(path)
    assert isinstance(err, TooLarge) and err.code == "EW104"


@pytest.mark.parametrize("text", [FRENCH, GERMAN])
def test_not_english(tmp_path: Path, text: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    err = _fail(path)
    assert isinstance(err, NotEnglish) and err.code == "EW105"


def test_english_and_short_texts_pass(tmp_path: Path) -> None:
    for name, text in (("en.txt", ENGLISH), ("short.txt", "Grève au port de Valmora.\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        [item] = list(read_inputs([str(path)]))
        assert isinstance(item, Article), item


@pytest.mark.parametrize("html", [
    "<html><head><title>Nothing</title></head><body></body></html>",
    "<html><body><script>var a = 1;</script><div><<<>>></div></body></html>",
])
def test_malformed_html(tmp_path: Path, html: str) -> None:
    path = tmp_path / "broken.html"
    path.write_text(html, encoding="utf-8")
    err = _fail(path)
    assert isinstance(err, MalformedHTML) and err.code == "EW106"


def test_malformed_jsonl_names_line_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps({"text": ENGLISH}), '{"text": "unterminated', "[1, 2]",
                               json.dumps({"text": ENGLISH + " More.", "published": "yesterday"}),
                               json.dumps({"text": FRENCH})]) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    codes = [(i.origin, i.error.code) for i in items[1:] if isinstance(i, InputFailure)]
    assert codes == [(f"{path}:2", "EW107"), (f"{path}:3", "EW107"), (f"{path}:4", "EW107"),
                     (f"{path}:5", "EW105")]
    for item in items[1:]:
        assert isinstance(item, InputFailure)
        assert item.origin in str(item.error)
        assert isinstance(item.error, (MalformedJSONL, NotEnglish))


def test_empty_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert isinstance(_fail(path), EmptyInput)


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c_french.txt").write_text(FRENCH, encoding="utf-8")
    kinds = [type(i).__name__ for i in read_inputs([str(tmp_path)])]
    assert kinds == ["InputFailure", "Article", "InputFailure"]
