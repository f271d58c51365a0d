"""Quote styles, split and partial quotes, indirect speech, headline/transcript attributions and stance cues,
on sentences written for these tests (none taken from any corpus)."""
from __future__ import annotations

import pytest

CONTENT = "We will not sign a deal that leaves the border closed"

# --- every quote-mark style around one direct quote --------------------------------------------------------

STYLES = [
    f"“{CONTENT},” Macron said on Tuesday.",
    f'"{CONTENT}," Macron said on Tuesday.',
    f"«{CONTENT}», Macron said on Tuesday.",
    f"‘{CONTENT},’ Macron said on Tuesday.",
    f"'{CONTENT},' Macron said on Tuesday.",
    f"''{CONTENT},'' Macron said on Tuesday.",
    f"„{CONTENT}“, Macron said on Tuesday.",
    f"Macron said on Tuesday: “{CONTENT}.”",
    f'Macron told reporters: "{CONTENT}."',
]


@pytest.mark.parametrize("text", STYLES)
def test_every_quote_mark_style(code, text: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == CONTENT and text[q.start:q.end] == CONTENT
    assert q.kind == "direct"
    assert c.speakers(q) == {"Emmanuel Macron"}
    assert q.cue is not None and q.cue.text in ("said", "told")


@pytest.mark.parametrize("text, content", [
    ("‘We don’t accept this offer,’ Erdogan said.", "We don’t accept this offer"),
    ("'We won't accept this offer,' Erdogan said.", "We won't accept this offer"),
])
def test_single_quotes_may_hold_apostrophes(code, text: str, content: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == content and c.speakers(q) == {"Recep Tayyip Erdoğan"}


def test_apostrophes_alone_are_not_quotes(code) -> None:
    assert code("Erdogan's aides said nothing about the farmers' protest.").result.quotes == () or all(
        "'" not in q.text for q in code("Erdogan's aides said nothing about the farmers' protest.").result.quotes)


# --- split and multi-sentence quotes -----------------------------------------------------------------------

@pytest.mark.parametrize("text, halves", [
    ("“The talks were useful,” Blinken said, “but nothing is agreed yet.”",
     ("The talks were useful", "but nothing is agreed yet")),
    ('"The talks were useful," Blinken said. "Nothing is agreed yet. We will be back next week."',
     ("The talks were useful", "Nothing is agreed yet. We will be back next week")),
    ("''The talks were useful,'' he said, ''but nothing is agreed yet.''",
     ("The talks were useful", "but nothing is agreed yet")),
])
def test_split_quote_is_one_quote_with_its_speaker(code, text: str, halves: tuple[str, str]) -> None:
    c = code("Blinken met Netanyahu in Jerusalem on Monday. " + text)
    (q,) = c.result.quotes
    assert q.text == " … ".join(halves)
    body = "Blinken met Netanyahu in Jerusalem on Monday. " + text
    assert body[q.start:].startswith(halves[0]) and body[:q.end].endswith(halves[1])
    assert c.speakers(q) == {"Antony Blinken"}
    assert q.kind == "direct"


def test_split_quote_over_an_elaborated_attribution(code) -> None:
    # "speaking of …" elaborates the attribution between the halves; the halves are one quote
    c = code("Blinken met Netanyahu on Monday. “The talks were useful,” Blinken said, speaking of the ceasefire. "
             "“Nothing is agreed yet.”")
    (q,) = [q for q in c.result.quotes if q.kind == "direct"]
    assert q.text == "The talks were useful … Nothing is agreed yet" and c.speakers(q) == {"Antony Blinken"}


def test_split_quote_not_merged_over_a_second_cue(code) -> None:
    # "adding that …" is an attribution of its own: the quote after it is not the first quote's second half
    c = code("Blinken met Netanyahu on Monday. “The talks were useful,” Blinken said, adding that nothing was "
             "agreed. “We will be back next week.”")
    texts = {q.text for q in c.result.quotes}
    assert "The talks were useful" in texts and "that nothing was agreed" in texts


def test_two_speakers_are_not_merged(code) -> None:
    c = code("“The border stays closed,” Netanyahu said. “Then there is no deal,” Erdogan replied.")
    assert [c.speakers(q) for q in c.result.quotes] == [{"Benjamin Netanyahu"}, {"Recep Tayyip Erdoğan"}]


def test_multi_sentence_quote_after_a_colon(code) -> None:
    c = code("Macron said: “France wants a ceasefire. It wants it now.”")
    (q,) = c.result.quotes
    assert q.text == "France wants a ceasefire. It wants it now" and c.speakers(q) == {"Emmanuel Macron"}


# --- partial quotes --------------------------------------------------------------------------------------

def test_partial_quote_in_the_reporters_sentence(code) -> None:
    c = code("Erdogan called the offer “a serious step” on Friday.")
    q = next(q for q in c.result.quotes if q.kind == "partial")
    assert q.text == "a serious step" and c.speakers(q) == {"Recep Tayyip Erdoğan"}
    (r,) = [r for r in c.result.quotes if r.kind == "indirect"]
    assert r.text.startswith("the offer “a serious step") and c.speakers(r) == {"Recep Tayyip Erdoğan"}


@pytest.mark.parametrize("text, content", [
    ("Macron said the plan was “dead on arrival” and should be withdrawn.",
     "the plan was “dead on arrival” and should be withdrawn"),
    ("Blinken said that Hamas held “the key to a deal.”", "that Hamas held “the key to a deal"),
])
def test_partial_quote_inside_reported_speech_is_nested_in_it(code, text: str, content: str) -> None:
    c = code(text)
    quotes = sorted(c.result.quotes, key=lambda q: q.end - q.start)
    assert [q.kind for q in quotes] == ["partial", "indirect"]
    part, clause = quotes
    assert clause.text.rstrip(".”") == content.rstrip(".”")
    assert clause.start <= part.start and part.end <= clause.end and part.text in content
    for q in quotes:
        assert c.speakers(q) in ({"Emmanuel Macron"}, {"Antony Blinken"})


# --- indirect speech ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Macron said that France would host the next round.", "that France would host the next round",
     "Emmanuel Macron", "said"),
    ("Erdogan insisted that Turkey had never closed the crossing.", "that Turkey had never closed the crossing",
     "Recep Tayyip Erdoğan", "insisted"),
    ("Blinken warned that time was running out for a deal.", "that time was running out for a deal",
     "Antony Blinken", "warned"),
    ("Hamas believes the offer does not go far enough.", "the offer does not go far enough", "Hamas", "believes"),
    ("The offer does not go far enough, Hamas said on Sunday.", "The offer does not go far enough", "Hamas",
     "said"),
    ("Netanyahu vowed to continue the operation in Rafah.", "to continue the operation in Rafah",
     "Benjamin Netanyahu", "vowed"),
    ("Egypt called on Hamas to release the remaining hostages.", "Hamas to release the remaining hostages",
     "Egypt", "called on"),
    ("Macron called for an immediate halt to the fighting.", "an immediate halt to the fighting",
     "Emmanuel Macron", "called for"),
])
def test_indirect_speech(code, text: str, content: str, speaker: str, cue: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.kind == "indirect" and q.text == content and c.speakers(q) == {speaker}
    assert q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize("text, content", [
    ("According to Egypt, the two sides are close to a deal.", "the two sides are close to a deal"),
    ("The two sides are close to a deal, according to Egypt.", "The two sides are close to a deal"),
])
def test_according_to(code, text: str, content: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == content and c.speakers(q) == {"Egypt"}
    assert q.cue is not None and q.cue.text.lower() == "according to"


def test_parenthetical_attribution(code) -> None:
    c = code("The new proposal, Blinken added, was the best chance in months.")
    (q,) = c.result.quotes
    assert q.text.startswith("The new proposal") and q.text.endswith("the best chance in months")
    assert c.speakers(q) == {"Antony Blinken"}


# --- speaker named earlier, by pronoun, or unknown to the knowledge base -----------------------------------

@pytest.mark.parametrize("text, speaker", [
    ("Erdogan arrived in Cairo on Monday. “We came to listen,” he said.", "Recep Tayyip Erdoğan"),
    ("Macron spoke after the summit. He said that Europe would pay for the reconstruction.", "Emmanuel Macron"),
])
def test_speaker_by_pronoun(code, text: str, speaker: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert c.speakers(q) == {speaker}


@pytest.mark.parametrize("text, name", [
    ("A senior diplomat said the talks had stalled over the map.", "senior diplomat"),
    ("Mr. Okonkwo said the talks had stalled over the map.", "Okonkwo"),
])
def test_unknown_speaker_is_kept(code, text: str, name: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert c.speakers(q) == {name}
    assert not c.actor(name).resolved


def test_a_poll_is_a_document_source_not_a_person(code) -> None:
    # PolNeAR annotates polls, studies and reports as sources; they are kept apart from people and groups
    c = code("A new poll shows that most voters want a deal.")
    (q,) = c.result.quotes
    assert [a.kind for a in c.result.actors if a.id in q.speaker] == ["document"]


# --- headline, transcript and dash attributions ------------------------------------------------------------

def test_headline_colon_attribution(code) -> None:
    c = code("Macron: Europe Must Pay For Its Own Defence\n\nThe French president spoke in Paris on Monday.")
    q = c.result.quotes[0]
    assert q.text == "Europe Must Pay For Its Own Defence" and c.speakers(q) == {"Emmanuel Macron"}
    assert q.cue is not None and q.cue.text == ":"


def test_dash_attribution(code) -> None:
    c = code("“Nobody here wants another winter of war.” ― Erdogan")
    (q,) = c.result.quotes
    assert q.text == "Nobody here wants another winter of war" and c.speakers(q) == {"Recep Tayyip Erdoğan"}


# --- stance cues -------------------------------------------------------------------------------------------

def _stances(c, actor: str) -> set[str]:
    return {p.stance for p in c.positions(actor)}


@pytest.mark.parametrize("text, actor, stance", [
    ("Hamas rejected the truce proposal on Monday.", "Hamas", "reject"),
    ("Hamas accepted the truce proposal on Thursday.", "Hamas", "support"),
    ("Israel welcomed the ceasefire plan.", "Israel", "support"),
    ("Egypt demanded a permanent ceasefire.", "Egypt", "demand"),
    ("Macron opposes the Rafah operation.", "Emmanuel Macron", "oppose"),
    ("Qatar backs the revised proposal.", "Qatar", "support"),
    ("Erdogan said the truce would be good for the region.", "Recep Tayyip Erdoğan", "support"),
    ("Blinken believes the offensive would be a mistake.", "Antony Blinken", "oppose"),
])
def test_stance_cues(code, text: str, actor: str, stance: str) -> None:
    assert stance in _stances(code(text), actor)


def test_refusing_to_agree_is_never_support(code) -> None:
    c = code("Hamas refused to agree to the truce proposal.")
    assert "support" not in _stances(c, "Hamas")


# --- round 2: relative pronouns, unknown names, nominal and adjectival cues, clause boundaries -----------------

def _quote(c, content: str):
    return next(q for q in c.result.quotes if q.text == content)


@pytest.mark.parametrize("text, content, speaker", [
    ("The talks were praised by Erdogan, who said the two sides had never been closer.",
     "the two sides had never been closer", "Recep Tayyip Erdoğan"),
    ("Blinken, who met the families on Sunday, warned that the window was closing.",
     "that the window was closing", "Antony Blinken"),
])
def test_relative_pronoun_is_a_mention_of_its_antecedent(code, text: str, content: str, speaker: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker}
    if ", who said" in text:
        assert any(m.text == "who" for m in c.actor(speaker).mentions)


@pytest.mark.parametrize("text, name, content", [
    ("Last week Varnholt said the shipyard would close in the spring.", "Varnholt",
     "the shipyard would close in the spring"),
    ("According to Ms. Quillfeather, the audit found no missing funds.", "Quillfeather",
     "the audit found no missing funds"),
])
def test_names_the_actor_stage_missed_still_speak(code, text: str, name: str, content: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {name} and not c.actor(name).resolved


def test_dash_signature_of_an_unknown_writer(code) -> None:
    c = code("“Nobody in this town asked for a second runway.” ― Margit Olaway")
    (q,) = c.result.quotes
    assert c.speakers(q) == {"Margit Olaway"} and q.cue is not None and q.cue.text == "―"


def test_transcript_line_holds_the_whole_answer(code) -> None:
    c = code("The interview went on.\n\nDORNBACH: Well, look, the council thinks this is a 'done deal' already.\n")
    q = next(q for q in c.result.quotes if q.kind == "direct")
    assert q.text == "Well, look, the council thinks this is a 'done deal' already"
    assert c.speakers(q) == {"Dornbach"} and q.cue is not None and q.cue.text == ":"


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Macron repeated his view that Europe must build its own defence.",
     "that Europe must build its own defence", "Emmanuel Macron", "view"),
    ("Erdogan's claim that the border had been open all week drew laughter.",
     "that the border had been open all week", "Recep Tayyip Erdoğan", "claim"),
    ("Blinken expressed concern that the ceasefire would not hold.", "that the ceasefire would not hold",
     "Antony Blinken", "concern"),
    ("Netanyahu made clear his determination to finish the operation before winter.",
     "to finish the operation before winter", "Benjamin Netanyahu", "determination"),
])
def test_nominal_cues(code, text: str, content: str, speaker: str, cue: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker} and q.cue is not None and q.cue.text == cue


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Macron is confident that the summit will produce a deal.", "that the summit will produce a deal",
     "Emmanuel Macron", "confident"),
    ("Erdogan remains critical of the new trade rules for steel.", "the new trade rules for steel",
     "Recep Tayyip Erdoğan", "critical"),
    ("Hamas was willing to release the remaining hostages in stages.",
     "to release the remaining hostages in stages", "Hamas", "willing"),
])
def test_adjectival_cues(code, text: str, content: str, speaker: str, cue: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker} and q.cue is not None and q.cue.text == cue


def test_it_is_clear_has_no_holder(code) -> None:
    c = code("It is clear that the harbour will stay closed until June.")
    assert all(not q.speaker for q in c.result.quotes)


@pytest.mark.parametrize("text, content", [
    # a fronted adverbial before a parenthetical attribution belongs to the content, which runs from the
    # first reported word to the last, over the attribution (PolNeAR's extent convention)
    ("During the long winter, Macron said, the farmers had kept the country fed.",
     "During the long winter, Macron said, the farmers had kept the country fed"),
    # a fronted progressive clause is reported speech too
    ("Those negotiations are continuing, Blinken said.", "Those negotiations are continuing"),
])
def test_parenthetical_boundaries(code, text: str, content: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == content


def test_quoted_clause_takes_its_unquoted_subject(code) -> None:
    c = code("Macron suggested that Erdogan “does not want a settlement at all.”")
    (q,) = c.result.quotes
    assert q.text.startswith("that Erdogan") and q.text.rstrip(".”").endswith("does not want a settlement at all")
    assert q.kind == "indirect" and c.speakers(q) == {"Emmanuel Macron"}


# --- round 3: characterized objects, nested reported clauses, scare quotes, clause subjects ----------------

@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Macron called the new tariffs “a betrayal of our farmers” on Tuesday.",
     "the new tariffs “a betrayal of our farmers", "Emmanuel Macron", "called"),
    ("Erdogan described the blockade as “a crime against the whole region.”",
     "the blockade as “a crime against the whole region", "Recep Tayyip Erdoğan", "described"),
    ("Blinken praised the negotiators for their “patient and careful work” in Doha.",
     "the negotiators for their “patient and careful work", "Antony Blinken", "praised"),
])
def test_characterized_object_belongs_to_the_content(code, text: str, content: str, speaker: str,
                                                      cue: str) -> None:
    c = code(text)
    q = next(q for q in c.result.quotes if q.kind == "indirect")
    assert q.text.rstrip(".”") == content.rstrip("”")
    assert c.speakers(q) == {speaker} and q.cue is not None and q.cue.text == cue


def test_what_x_called_starts_at_what(code) -> None:
    c = code("The minister rejected what Macron called “a plan written for the lobbyists.”")
    q = next(q for q in c.result.quotes if q.kind == "indirect" and "Macron called" in q.text)
    assert q.text.startswith("what Macron called") and c.speakers(q) == {"Emmanuel Macron"}


def test_nested_reported_clause_is_part_of_the_outer_one(code) -> None:
    c = code("Macron said that Erdogan had claimed the border crossings were open again.")
    reported = [q for q in c.result.quotes if q.kind == "indirect"]
    assert len(reported) == 1
    assert reported[0].text.startswith("that Erdogan had claimed") and c.speakers(reported[0]) == {"Emmanuel Macron"}


@pytest.mark.parametrize("text", [
    "The committee will meet at the “Blue House” next week to review the budget.",
    "Fans of the series “Night Watch” gathered outside the theatre on Sunday.",
])
def test_short_scare_quotes_and_titles_are_not_quotes(code, text: str) -> None:
    assert code(text).result.quotes == ()


def test_quoted_words_take_the_subject_of_their_clause(code) -> None:
    c = code("Erdogan attacked “the cowardly silence of the European capitals” during his visit.")
    (q,) = c.result.quotes
    assert q.text == "the cowardly silence of the European capitals"
    assert c.speakers(q) == {"Recep Tayyip Erdoğan"}


@pytest.mark.parametrize("text, content", [
    ("However, the ceasefire is holding in most districts, Blinken said.",
     "the ceasefire is holding in most districts"),
    ("Macron said that, moreover, the talks would resume in Geneva next month.",
     "that, moreover, the talks would resume in Geneva next month"),
])
def test_leading_connective_is_the_reporters(code, text: str, content: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == content


# --- round 4: questions and exclamations split by their attribution, stance objects, naming, as-clauses ------

@pytest.mark.parametrize("text, halves, speaker", [
    ("“Why would we wait another year?” Macron asked. “The farmers need an answer before the harvest.”",
     ("Why would we wait another year?", "The farmers need an answer before the harvest"), "Emmanuel Macron"),
    ("“We will not give up!” Erdogan said. “The talks must go on until the border is open.”",
     ("We will not give up!", "The talks must go on until the border is open"), "Recep Tayyip Erdoğan"),
])
def test_question_or_exclamation_split_by_its_attribution_is_one_quote(code, text: str,
                                                                        halves: tuple[str, str],
                                                                        speaker: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == " … ".join(halves) and q.kind == "direct"
    assert c.speakers(q) == {speaker}


def test_attribution_after_a_question_mark_still_speaks(code) -> None:
    # the parser puts "Blinken asked." into a sentence of its own
    c = code("“Is the border open again?” Blinken asked.")
    (q,) = c.result.quotes
    assert q.text == "Is the border open again?" and c.speakers(q) == {"Antony Blinken"}
    assert q.cue is not None and q.cue.text == "asked"


@pytest.mark.parametrize("text, content, speaker, cue", [
    ("Macron supports the new pension reform for public workers.", "the new pension reform for public workers",
     "Emmanuel Macron", "supports"),
    ("Blinken backed the proposed ceasefire plan for the region.", "the proposed ceasefire plan for the region",
     "Antony Blinken", "backed"),
    ("Erdogan noted the sharp rise in grain prices during the interview.",
     "the sharp rise in grain prices during the interview", "Recep Tayyip Erdoğan", "noted"),
    # a naming verb with an object predicate: the object and what it is called
    ("Macron called the pension proposal a giveaway to the banks.", "the pension proposal a giveaway to the banks",
     "Emmanuel Macron", "called"),
])
def test_stance_objects_and_naming(code, text: str, content: str, speaker: str, cue: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker} and q.cue is not None and q.cue.text == cue


def test_calling_a_meeting_is_not_naming(code) -> None:
    c = code("Macron called the meeting because the farmers wanted answers.")
    assert not any(q.cue is not None and q.cue.text == "called" for q in c.result.quotes)


@pytest.mark.parametrize("text, content, speaker", [
    ("As Macron put it in an interview, the summit was ''a waste of everyone's time.''",
     "a waste of everyone's time", "Emmanuel Macron"),
    ("Yet, as Blinken observed, in the first weeks of the crisis -- ''who would you even call?''",
     "who would you even call?", "Antony Blinken"),
])
def test_fronted_as_clause_attributes_the_quote(code, text: str, content: str, speaker: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker}


def test_who_makes_any_noun_a_speaker(code) -> None:
    c = code("A pilot who said the runway lights had failed twice was interviewed on Monday.")
    q = _quote(c, "the runway lights had failed twice")
    assert c.speakers(q) == {"pilot"}
    assert "who" in {m.text for m in c.actor("pilot").mentions}


@pytest.mark.parametrize("text, content", [
    ("Macron told NBC’s “Meet the Press” that the talks would go on.", "that the talks would go on"),
    ("On “Face the Nation,” Blinken said the talks were useful.", "the talks were useful"),
])
def test_quoted_show_titles_are_not_quotes(code, text: str, content: str) -> None:
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == content


def test_according_to_content_drops_a_leading_conjunction(code) -> None:
    c = code("And the ruling party now holds a lead of 12 points over the opposition, according to the poll.")
    (q,) = c.result.quotes
    assert q.text == "the ruling party now holds a lead of 12 points over the opposition"


def test_a_quoted_heading_line_is_not_a_quote(code) -> None:
    c = code("The talks ended on Monday.\n\n‘A Long Road Ahead.’\n\nMacron said the farmers would have to wait.")
    assert [q.text for q in c.result.quotes] == ["the farmers would have to wait"]


@pytest.mark.parametrize("text, content", [
    # base forms the parser hangs on the cue continue the infinitive
    ("Macron pledged to triple the size of the army, grow the navy and create a new reserve force.",
     "to triple the size of the army, grow the navy and create a new reserve force"),
    # two clauses of one verb, one after the other, are one content
    ("Macron said one strike may have more than one victim, so thousands of victims does not mean thousands "
     "of strikes.",
     "one strike may have more than one victim, so thousands of victims does not mean thousands of strikes"),
])
def test_coordinated_continuations_belong_to_the_content(code, text: str, content: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {"Emmanuel Macron"}


# --- round 4: document sources, coordinated second attributions --------------------------------------------

@pytest.mark.parametrize("text, content, speaker, cue", [
    ("A new Reuters poll released on Friday shows that Macron leads the race by five points.",
     "that Macron leads the race by five points", "poll", "shows"),
    ("According to the report, the harbour will stay closed until June.",
     "the harbour will stay closed until June", "report", "According to"),
    ("The study found that most farmers had lost money in the drought.",
     "that most farmers had lost money in the drought", "study", "found"),
])
def test_texts_and_records_are_sources(code, text: str, content: str, speaker: str, cue: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker} and q.cue is not None and q.cue.text == cue
    (actor,) = [a for a in c.result.actors if a.id in q.speaker]
    assert actor.kind == "document" and not actor.resolved


def test_coordinated_speech_act_is_a_second_attribution(code) -> None:
    # the parser hangs "called" on the reported clause; it is Macron's second speech act, not part of the first
    c = code("Macron said the farmers had lost money twice and called it a national scandal.")
    first = _quote(c, "the farmers had lost money twice")
    second = _quote(c, "it a national scandal")
    assert c.speakers(first) == c.speakers(second) == {"Emmanuel Macron"}
    assert second.cue is not None and second.cue.text == "called"


@pytest.mark.parametrize("text, content, speaker", [
    ("Polls show a close contest in the northern provinces.", "a close contest in the northern provinces", "polls"),
    ("The audit found serious errors in the ministry accounts.", "serious errors in the ministry accounts", "audit"),
])
def test_what_a_record_shows_is_its_content(code, text: str, content: str, speaker: str) -> None:
    c = code(text)
    assert c.speakers(_quote(c, content)) == {speaker}


def test_a_text_that_aims_or_plans_is_not_a_source(code) -> None:
    # the resolution is the object of Hungary's support, not a speaker: no actor is made for it
    c = code("Hungary will support a Security Council resolution that aims to tighten the sanctions.")
    assert not [a for a in c.result.actors if a.kind == "document"]


def test_a_person_showing_something_is_not_an_attribution(code) -> None:
    c = code("The guard showed the visitors the old harbour wall.")
    assert not c.result.quotes


@pytest.mark.parametrize("text, content, cue", [
    ("Macron proposed dropping the fuel tax before the summer.", "dropping the fuel tax before the summer", "proposed"),
    ("Erdogan denied taking any money from the shipping firm.", "taking any money from the shipping firm", "denied"),
    # a by-gerund's cue takes the subject of the clause it modifies
    ("Macron courted the farmers by telling them that the subsidies would stay.",
     "that the subsidies would stay", "telling"),
])
def test_gerund_complements_and_by_gerund_cues(code, text: str, content: str, cue: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert q.cue is not None and q.cue.text == cue
    assert c.speakers(q) == ({"Emmanuel Macron"} if text.startswith("Macron") else {"Recep Tayyip Erdoğan"})


def test_a_cue_the_tagger_took_for_a_noun(code) -> None:
    # "plans" is often tagged a plural noun; with a subject and a to-infinitive of its own it is the verb
    c = code("The Clinton campaign plans to employ Mr. Macron as much as possible in the coming weeks.")
    q = _quote(c, "to employ Mr. Macron as much as possible in the coming weeks")
    assert q.cue is not None and q.cue.text == "plans"



def test_mistagged_verb_rule_on_a_hand_built_parse() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.mentions.quotes import _mistagged_verb

    words = ["The", "campaign", "plans", "to", "visit", "farms"]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 4, 2, 4], deps=["det", "nsubj", "ROOT", "aux", "xcomp", "dobj"],
              pos=["DET", "NOUN", "NOUN", "PART", "VERB", "NOUN"], tags=["DT", "NN", "NNS", "TO", "VB", "NNS"])
    assert _mistagged_verb(doc[2]) and not _mistagged_verb(doc[5])


def test_unresolved_pronoun_takes_the_speaker_just_before() -> None:
    # coreference usually links "She" itself; here its link is taken away to test the quote stage's fallback:
    # the attribution just before supplies the speaker, and "She" becomes a mention of that speaker
    from eventwire.coder import default_pipeline
    from eventwire.mentions.quotes import _Draft, _pronoun_speakers
    from eventwire.model import Article
    from eventwire.pipeline import Analysis

    text = "Mr. Tanner said the harbour would reopen in June. She added that the fuel tax would be cut."
    analysis = default_pipeline().run(Analysis(Article(id="t", text=text)))
    doc = analysis.doc
    assert doc is not None
    she = next(t for t in doc if t.text == "She")
    added = next(t for t in doc if t.text == "added")
    analysis.actor_mentions = [m for m in analysis.actor_mentions if not m.start_token <= she.i < m.end_token]
    (tanner,) = [a.id for a in analysis.actors if a.name == "Tanner"]
    first = _Draft(16, 48, "indirect", None, None, (tanner,))
    second = _Draft(60, 90, "indirect", added.i, None, ())
    _pronoun_speakers(doc, [first, second], analysis)
    assert second.speaker == (tanner,)
    assert any(m.actor == tanner and m.start_token == she.i for m in analysis.actor_mentions)


@pytest.mark.parametrize("text, content", [
    ("Macron said the farmers would be paid in full by the ministry\nThe harbour reopened on Monday after the strike.",
     "the farmers would be paid in full by the ministry"),
    ("According to the ministry, the farmers would be paid in full\nThe harbour reopened on Monday after the strike.",
     "the farmers would be paid in full"),
])
def test_a_content_stops_at_a_line_break(code, text: str, content: str) -> None:
    # the parser runs the sentence over a paragraph that has no final stop; the content keeps the cue's line
    c = code(text)
    (q,) = c.result.quotes
    assert q.text == content


@pytest.mark.parametrize("text, content", [
    ("Macron claimed that the subsidies were fair, although he again refused to publish the figures.",
     "that the subsidies were fair"),
    ("Erdogan refuses to discuss the new tariffs, aside from saying that they are temporary.",
     "to discuss the new tariffs"),
])
def test_a_comma_set_aside_with_its_own_attribution_ends_the_content(code, text: str, content: str) -> None:
    c = code(text)
    assert _quote(c, content).speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("In the survey, 63 percent said the harbour should stay open.", "the harbour should stay open", "63 percent"),
    ("A majority of farmers expect the subsidies to rise next year.", "the subsidies to rise next year",
     "a majority of farmers"),
])
def test_a_share_of_people_holds_the_view(code, text: str, content: str, speaker: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {speaker}
    assert [a.kind for a in c.result.actors if a.id in q.speaker] == ["group"]


def test_many_of_whom_speaks_for_the_antecedent(code) -> None:
    text = "The bill was opposed by several senators, many of whom say the claims about retaliation are unfounded."
    c = code(text)
    q = _quote(c, "the claims about retaliation are unfounded")
    assert c.speakers(q) == {"senators"}
    (actor,) = [a for a in c.result.actors if a.name == "senators"]
    assert any(text[m.start:m.end] == "many of whom" for m in actor.mentions)


def test_the_addressee_is_not_part_of_the_content(code) -> None:
    c = code("Macron told a veterans group that the army is “depleted.”")
    q = next(q for q in c.result.quotes if q.kind == "indirect")
    assert q.text.startswith("that the army is") and c.speakers(q) == {"Emmanuel Macron"}


def test_a_line_opened_with_a_mistyped_closing_mark(code) -> None:
    c = code("Readers wrote in.\n”Fear. I am truly afraid that the harbour will close for good.” ― "
             "Edwin G. Monroy\n")
    (q,) = c.result.quotes
    assert q.text == "Fear. I am truly afraid that the harbour will close for good"
    assert c.speakers(q) == {"Edwin G. Monroy"}


def test_a_curly_quote_closed_by_a_straight_mark(code) -> None:
    c = code('“The harbour must stay open to every ship," Macron said on Tuesday.')
    (q,) = c.result.quotes
    assert q.text == "The harbour must stay open to every ship" and c.speakers(q) == {"Emmanuel Macron"}


# --- round 3 (issue 7): paragraphs, chained partial quotes, stance objects, passives, the author -------------

def test_a_reported_clause_stops_at_the_paragraph_and_spares_the_next_attribution(code) -> None:
    # the parser runs the first sentence on into the next paragraph; the second attribution must survive
    text = ("“If he thinks the harbour is safe,” the union’s leaflet says, “what does he think of the dockers?”\n\n"
            "The Coast Port Workers’ Union says the leaflet will be handed out at every gate.")
    c = code(text)
    q = _quote(c, "the leaflet will be handed out at every gate")
    assert q.kind == "indirect" and q.cue is not None and q.cue.text == "says"
    assert all("\n" not in text[x.start:x.end] for x in c.result.quotes)


def test_quoted_words_chained_after_a_reported_clause_belong_to_it(code) -> None:
    c = code("Mwakio is claiming that the lease is “a disaster for this city” but “nobody in Nairobi will admit it.”")
    q = next(q for q in c.result.quotes if q.kind == "indirect")
    assert q.text.startswith("that the lease is") and q.text.rstrip("”.").endswith("nobody in Nairobi will admit it")
    assert q.cue is not None and q.cue.text == "claiming"


def test_a_name_the_parser_hung_on_a_preposition_is_the_subject_of_the_root_cue(code) -> None:
    c = code("In a meeting with the editors of the Daily Nation Mwakio said that the port lease must be withdrawn.")
    q = _quote(c, "that the port lease must be withdrawn")
    assert any("Mwakio" in n for n in c.speakers(q))


@pytest.mark.parametrize("text, content", [
    ("Erdogan praised Macron.", "Macron"),
    ("Erdogan rejected it.", "it"),
    ("Erdogan offered a ceasefire along the whole front.", "a ceasefire along the whole front"),
])
def test_the_object_of_a_stance_verb_is_the_content_even_a_bare_name_or_pronoun(code, text: str, content: str) -> None:
    c = code(text)
    q = _quote(c, content)
    assert c.speakers(q) == {"Recep Tayyip Erdoğan"}


def test_the_cue_complement_after_the_object_is_part_of_the_content(code) -> None:
    c = code("Erdogan criticized the European Union for its silence on the refugee camps.")
    q = next(q for q in c.result.quotes if q.cue is not None and q.cue.text == "criticized")
    assert q.text == "the European Union for its silence on the refugee camps"


def test_any_verb_that_casts_its_object_as_quoted_words_characterizes_it(code) -> None:
    c = code("Erdogan openly admires the harbour master as a “true patriot.”")
    q = next(q for q in c.result.quotes if q.kind == "indirect")
    assert q.text.rstrip(".”").startswith("the harbour master as a “true patriot")
    assert q.cue is not None and q.cue.text == "admires" and c.speakers(q) == {"Recep Tayyip Erdoğan"}


def test_a_passive_stance_with_an_agent_reports_about_its_subject(code) -> None:
    c = code("The harbour plan has been endorsed by the Coast Port Workers’ Union.")
    q = _quote(c, "The harbour plan")
    assert q.cue is not None and q.cue.text == "endorsed" and q.speaker


@pytest.mark.parametrize("text, pronoun", [
    ("I think the harbour lease is a mistake.", "I"),
    ("We believe that the harbour was built by the dockers.", "We"),
])
def test_the_writer_speaks_in_the_first_person(code, text: str, pronoun: str) -> None:
    c = code(text)
    (q,) = [q for q in c.result.quotes if q.kind == "indirect"]
    (actor,) = [a for a in c.result.actors if a.id in q.speaker]
    assert actor.name == "the author" and actor.kind == "person"
    assert [text[m.start:m.end] for m in actor.mentions] == [pronoun]


def test_the_author_of_a_quoted_first_person_is_not_the_writer(code) -> None:
    c = code("“I think the harbour lease is a mistake,” Mwakio said.")
    assert all(a.name != "the author" for a in c.result.actors)


def test_a_that_clause_hung_on_the_addressee_is_what_was_told(code) -> None:
    c = code("At the depot on Friday, Mwakio told a crowd of dockers that the union would fight the lease in "
             "every court.")
    q = next(q for q in c.result.quotes if q.kind == "indirect")
    assert q.text.startswith("that the union would fight the lease") and q.cue is not None and q.cue.text == "told"
