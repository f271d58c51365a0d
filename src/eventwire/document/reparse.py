"""Repair of headless sentences: a clause after fronted adverbials that the parser read as a noun phrase.

News and event notes often open with stacked date and place phrases ("On 9 May 2020, in Ciudad Mante,
Tamaulipas, hundreds of musicians protested …"). The small English model then tends to hang the clause on the
place as an apposition and leave the sentence without a verbal root. When a sentence's root is not a verb but a
past or present-tense verb follows a comma, the text after the last such comma is parsed again on its own and
its analysis (heads, labels, tags) replaces the old one there; the fronted phrases keep their own analysis and
hang on the clause's root, as adverbials do. Applied only to such sentences, so well-parsed text is untouched.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

_FINITE = ("VBD", "VBZ", "VBP", "VBN")
MAX_SENT_TOKENS = 120


def _split_point(sent: "Span") -> int | None:
    """The token index where the clause starts: after the last comma that precedes the sentence's first
    verb, when the fronted part holds a preposition or a date."""
    first_verb = next((t for t in sent if t.tag_ in _FINITE and t.pos_ in ("VERB", "AUX")), None)
    if first_verb is None:
        return None
    commas = [t for t in sent if t.text == "," and t.i < first_verb.i]
    if not commas:
        return None
    start = commas[-1].i + 1
    front = sent.doc[sent.start:start]
    if not any(t.pos_ == "ADP" or t.ent_type_ in ("DATE", "TIME") for t in front):
        return None
    if start >= first_verb.i or start - sent.start < 2:
        return None
    return start


def repair_headless(doc: "Doc", nlp: "Language") -> "Doc":
    """Re-parse the clause of each headless sentence (see the module docstring); returns ``doc`` itself."""
    import numpy
    from spacy.attrs import DEP, HEAD, POS, TAG  # type: ignore[import-not-found]

    todo: list[tuple[int, int]] = []
    for sent in doc.sents:
        if sent.root.pos_ in ("VERB", "AUX") or len(sent) > MAX_SENT_TOKENS:
            continue
        start = _split_point(sent)
        if start is not None:
            todo.append((start, sent.end))
    if not todo:
        return doc
    attrs = [HEAD, DEP, TAG, POS]
    arr = doc.to_array(attrs)   # uint64: string hashes, and relative heads in two's complement

    def rel(offset: int) -> "numpy.uint64":
        return numpy.uint64(offset % (1 << 64))

    changed = False
    strings = doc.vocab.strings
    for start, end in todo:
        text = doc[start:end].text
        sub = nlp(text)
        if len(sub) != end - start or any(a.text != b.text for a, b in zip(sub, doc[start:end])):
            continue   # tokenised differently: leave the sentence as it was
        sub_root = next((t for t in sub if t.dep_ == "ROOT"), None)
        if sub_root is None or sub_root.pos_ not in ("VERB", "AUX") or any(
                t.dep_ == "ROOT" and t.i != sub_root.i for t in sub):
            continue
        root_i = start + sub_root.i
        for t in sub:
            i = start + t.i
            arr[i, 0] = rel((start + t.head.i) - i)
            arr[i, 1] = strings.add(t.dep_)
            arr[i, 2] = strings.add(t.tag_)
            arr[i, 3] = strings.add(t.pos_)
        sent_start = doc[start].sent.start
        for i in range(sent_start, start):   # the fronted phrases' own heads, their root on the clause
            tok = doc[i]
            if tok.head.i >= start or tok.head.i == i:
                arr[i, 0] = rel(root_i - i)
                arr[i, 1] = strings.add("prep" if tok.pos_ == "ADP" else "punct" if tok.is_punct else "npadvmod")
        changed = True
    if changed:
        ents = list(doc.ents)
        doc.from_array(attrs, cast(Any, arr))
        doc.ents = ents
    return doc


__all__ = ["repair_headless"]
