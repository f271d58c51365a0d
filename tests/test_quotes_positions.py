"""Quotes (direct, partial, indirect, speaker from an earlier sentence) and positions (support, oppose,
demand, reject, conditions) on short sentences written for these tests."""
from __future__ import annotations

import pytest

DIRECT_CURLY = "“We will not accept any deal that leaves Hamas in power,” Netanyahu said on Monday."
DIRECT_STRAIGHT = '"We will not accept any deal that leaves Hamas in power," Netanyahu said on Monday.'
DIRECT_COLON = "Netanyahu said: “We will not accept any deal that leaves Hamas in power.”"


# --- quotes -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [DIRECT_CURLY, DIRECT_STRAIGHT, DIRECT_COLON])
def test_quoted_sentence_speaker_text_and_cue(code, text: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == "We will not accept any deal that leaves Hamas in power"
    assert text[q.start:q.end] == q.text
    assert c.speakers(q) == {"Benjamin Netanyahu"}
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.parametrize("text", [DIRECT_CURLY, DIRECT_STRAIGHT, DIRECT_COLON])
def test_quoted_sentence_is_direct(code, text: str) -> None:
    (q,) = code(text).result.quotes
    assert q.kind == "direct"


def test_partial_quote_inside_the_reporters_sentence(code) -> None:
    c = code("Blinken called the talks “very productive and serious” on Tuesday.")
    q = next(q for q in c.result.quotes if q.kind == "partial")
    assert q.text == "very productive and serious"
    assert c.speakers(q) == {"Antony Blinken"}
    # the characterized object belongs to the reported content that holds the quoted words
    (r,) = [r for r in c.result.quotes if r.kind == "indirect"]
    assert r.text.startswith("the talks “very") and r.start <= q.start and q.end <= r.end


@pytest.mark.parametrize("text, content, speaker", [
    # the complementizer belongs to the reported content (the PARC/PolNeAR convention)
    ("Erdogan said that Turkey would send aid to Gaza.", "that Turkey would send aid to Gaza",
     "Recep Tayyip Erdoğan"),
    ("Netanyahu said on Monday that Israel would enter Rafah.", "that Israel would enter Rafah",
     "Benjamin Netanyahu"),
    ("Macron said France was against the offensive.", "France was against the offensive", "Emmanuel Macron"),
])
def test_indirect_quote(code, text: str, content: str, speaker: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.kind == "indirect" and q.text == content
    assert c.speakers(q) == {speaker}
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.parametrize("text, speaker", [
    ("Netanyahu spoke to reporters in Jerusalem on Monday. “We will enter Rafah with or without a deal,” he said.",
     "Benjamin Netanyahu"),
    ("Biden met Netanyahu at the White House. “Israel has the right to defend itself,” he said.", "Joe Biden"),
])
def test_speaker_named_in_an_earlier_sentence(code, text: str, speaker: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert c.speakers(q) == {speaker}


def test_speaker_given_by_a_descriptor(code) -> None:
    c = code("Hamas launched rockets at Israel on Saturday. The militant group said the strikes were a response "
             "to raids.")
    (q,) = c.result.quotes
    assert q.kind == "indirect" and q.text == "the strikes were a response to raids"
    assert c.speakers(q) == {"Hamas"}


# --- positions ------------------------------------------------------------------------------------------------

def _stances(c, actor: str) -> set[tuple[str, str]]:
    return {(p.stance, p.issue_key or "") for p in c.positions(actor)}


def test_believes_it_would_be_beneficial_is_support(code) -> None:
    c = code("Netanyahu believes the Rafah operation would be beneficial for Israel.")
    assert _stances(c, "Benjamin Netanyahu") == {("support", "military-operation:rafah")}
    # a head of government speaks for the state
    assert _stances(c, "Israel") == {("support", "military-operation:rafah")}


def test_said_it_would_be_good_is_support(code) -> None:
    c = code("Blinken said the ceasefire deal would be good for Israel.")
    assert _stances(c, "Antony Blinken") == {("support", "ceasefire")}


def test_is_against_with_a_without_condition(code) -> None:
    c = code("Macron is against an invasion of Rafah without a plan to protect civilians.")
    (p,) = c.positions("Emmanuel Macron")
    assert (p.stance, p.issue_key) == ("oppose", "military-operation:rafah")
    assert p.condition == "without a plan to protect civilians"
    assert any(s.text == "against" for s in p.evidence)


@pytest.mark.parametrize("text, actor", [
    ("Macron opposes the Rafah offensive.", "Emmanuel Macron"),
    ("Macron said France was against the offensive.", "France"),
])
def test_oppose(code, text: str, actor: str) -> None:
    c = code(text)
    assert {p.stance for p in c.positions(actor)} == {"oppose"}


@pytest.mark.parametrize("text, actor, issue_key", [
    ("Biden urged Israel to agree to a ceasefire in Gaza.", "Joe Biden", "ceasefire"),
    ("Egypt called on Israel to halt the offensive.", "Egypt", "to-halt-the-offensive"),
])
def test_request_is_a_demand(code, text: str, actor: str, issue_key: str) -> None:
    c = code(text)
    assert _stances(c, actor) == {("demand", issue_key)}
    assert not c.positions("Israel") or all(p.stance != "support" for p in c.positions("Israel"))


def test_welcome_is_support_and_not_agreeing_is_reject(code) -> None:
    assert _stances(code("Hamas welcomed the ceasefire proposal."), "Hamas") == {("support", "ceasefire")}
    assert _stances(code("Hamas did not agree to the ceasefire proposal."), "Hamas") == {("reject", "ceasefire")}


def test_the_urged_party_takes_no_position(code) -> None:
    c = code("Egypt urged Hamas to accept the ceasefire deal.")
    assert _stances(c, "Egypt") == {("demand", "ceasefire")}
    assert c.positions("Hamas") == []


def test_one_rejection_is_one_position(code) -> None:
    c = code("Hamas rejected the Israeli proposal.")
    assert _stances(c, "Hamas") == {("reject", "israeli-proposal")}


def test_demanded_withdrawal_is_a_demand_position(code) -> None:
    c = code("Hamas demanded the withdrawal of Israeli troops from Gaza.")
    assert {p.stance for p in c.positions("Hamas")} == {"demand"}
