"""The headless-sentence repair: a clause after fronted date and place phrases gets a verbal root again."""
from __future__ import annotations

from eventwire.document.parse import load_nlp
from eventwire.document.reparse import repair_headless


def test_clause_after_fronted_place_chain_gets_its_verb_back() -> None:
    nlp = load_nlp()
    text = "On 3 June 2021, in Puerto Lempira, Gracias a Dios, dozens of fishermen protested over fuel prices."
    doc = repair_headless(nlp(text), nlp)
    root = next(doc.sents).root
    assert root.text == "protested"
    assert any(c.dep_ == "nsubj" for c in root.children)
    assert doc.text == text and len(list(doc.sents)) == 1


def test_well_parsed_sentences_are_untouched() -> None:
    nlp = load_nlp()
    text = "Farmers blocked the highway near Nakuru on Monday. Police dispersed them."
    before = [(t.dep_, t.head.i) for t in nlp(text)]
    after = [(t.dep_, t.head.i) for t in repair_headless(nlp(text), nlp)]
    assert before == after
