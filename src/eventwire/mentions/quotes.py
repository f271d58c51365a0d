"""Stage ``quotes``: direct, partial and indirect quotations with their speaker and cue.

Requires ``doc``, ``actor_mentions``; assigns ``quotes``.

- direct/partial: text between paired quote marks (straight, curly, guillemets, single curly); a quote that
  is a clause of its own beside a speech verb ("…," he said) is direct, one embedded in the reporter's
  sentence (give the West "something to build on") is partial; a split quote's halves share the speaker;
- indirect: a speech verb with a that-clause ("X said that …"), and "according to X";
- speaker: the subject of the speech or cognition verb governing the quote (resolved actors, pronouns
  included), else the speaker of the quote just before when the quote runs on, else the speaker of the
  next sentence's attribution ("… ." He added …).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import ids
from ..document.syntax import subject_tokens
from ..model import Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis

SPEECH_VERBS = {"say", "tell", "add", "state", "declare", "announce", "stress", "insist", "argue", "warn",
                "note", "acknowledge", "admit", "claim", "believe", "think", "write", "explain", "reiterate",
                "emphasize", "emphasise", "describe", "call", "urge", "demand", "ask", "reply", "respond",
                "suggest", "assert", "maintain", "vow", "pledge", "promise", "threaten", "accuse", "deny",
                "confirm", "report", "tweet", "post", "predict", "hope", "fear", "concede", "recall", "quote",
                "contend", "remark", "observe", "comment", "charge", "caution", "complain", "lament", "boast"}
INDIRECT_VERBS = SPEECH_VERBS - {"call", "describe", "quote", "ask", "think", "believe", "hope", "fear",
                                 "predict", "recall"}
_PAIRS = {"“": "”", '"': '"', "«": "»", "‘": "’", "„": "“"}
_QUOTE_RE = re.compile(r"“[^”]{2,}?”|\"[^\"\n]{2,}?\"|«[^»]{2,}?»|‘[^’]{3,}?’(?![a-z])|„[^“]{2,}?“")


def _speaker_of_verb(verb: "Token", analysis: "Analysis") -> list[str]:
    out: list[str] = []
    for t in subject_tokens(verb):
        for m in analysis.actor_mentions:
            if m.start_token <= t.i < m.end_token and m.actor not in out:
                out.append(m.actor)
    return out


def _governing_speech_verb(tok: "Token") -> "Token | None":
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS:
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def _attribution_near(doc: "Doc", start: int, end: int) -> "Token | None":
    """A speech verb just after or before the quote in the same sentence: '"…," he said' / 'She said: "…"'."""
    sent = doc[start].sent
    for i in list(range(end, min(sent.end, end + 6))) + list(range(max(sent.start, start - 6), start))[::-1]:
        t = doc[i]
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS:
            return t
    return None


def _tokens_in(doc: "Doc", start: int, end: int) -> list[int]:
    return [t.i for t in doc if t.idx >= start and t.idx + len(t.text) <= end]


def _direct_quotes(doc: "Doc", analysis: "Analysis") -> list[Quote]:
    text = doc.text
    out: list[Quote] = []
    last_speaker: tuple[str, ...] = ()
    last_end = -1
    for m in _QUOTE_RE.finditer(text):
        qs, qe = m.start() + 1, m.end() - 1
        inner = text[qs:qe]
        stripped = inner.rstrip(" ,.;:")
        qe_clean = qs + len(stripped)
        toks = _tokens_in(doc, qs, qe)
        if not toks or (len(stripped.split()) < 2 and not (stripped.isalpha() and len(stripped) >= 4)):
            continue
        first, lastt = doc[toks[0]], doc[toks[-1]]
        # inside the quote, the token whose head lies outside is its attachment point
        inside = set(toks)
        roots = [doc[i] for i in toks if doc[i].head.i not in inside]
        verb = None
        for r in roots:
            verb = _governing_speech_verb(r.head if r.head.i not in inside else r)
            if verb is not None and verb.i not in inside:
                break
            verb = None
        if verb is None:
            verb = _attribution_near(doc, toks[0], toks[-1] + 1)
        speaker = tuple(_speaker_of_verb(verb, analysis)) if verb is not None else ()
        if not speaker and last_end >= 0 and m.start() - last_end < 200:
            speaker = last_speaker
        sentence_like = first.text[:1].isupper() and len(stripped.split()) >= 5 and (
            verb is None or verb.i > lastt.i or text[m.end():m.end() + 2].strip().startswith((",", "")))
        before = text[:m.start()].rstrip()
        opens_clause = not before or before[-1] in ".:,;!?\n" or first.i == first.sent.start
        kind = "direct" if sentence_like and opens_clause else "partial"
        cue = Span(verb.idx, verb.idx + len(verb.text), verb.text) if verb is not None else None
        out.append(Quote(id=ids.quote_id(analysis.article.id, qs, qe_clean), text=stripped, start=qs,
                         end=qe_clean, kind=kind, speaker=speaker, cue=cue))
        if speaker:
            last_speaker, last_end = speaker, m.end()
    return out


def _indirect_quotes(doc: "Doc", analysis: "Analysis", taken: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in INDIRECT_VERBS:
            continue
        for c in tok.children:
            if c.dep_ != "ccomp" or c.i < tok.i:
                continue
            sub = list(c.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
            while sub and sub[0].dep_ == "mark":
                sub = sub[1:]
            if not sub:
                continue
            start = sub[0].idx
            if any(s < end and start < e for s, e in taken):
                continue
            speaker = tuple(_speaker_of_verb(tok, analysis))
            if not speaker:
                continue
            text = doc.text[start:end].rstrip(" ,.;:")
            out.append(Quote(id=ids.quote_id(analysis.article.id, start, start + len(text)), text=text,
                             start=start, end=start + len(text), kind="indirect", speaker=speaker,
                             cue=Span(tok.idx, tok.idx + len(tok.text), tok.text)))
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            sent = tok.sent
            pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            speaker = tuple(a for p in pobj for m in analysis.actor_mentions
                            if m.start_token <= p.i < m.end_token for a in [m.actor])
            if not speaker:
                continue
            content = [t for t in sent if not (tok.i <= t.i <= (pobj[0].right_edge.i if pobj else tok.i + 1))
                       and not t.is_punct]
            if not content:
                continue
            start, end = content[0].idx, content[-1].idx + len(content[-1].text)
            if any(s < end and start < e for s, e in taken):
                continue
            out.append(Quote(id=ids.quote_id(analysis.article.id, start, end), text=doc.text[start:end],
                             start=start, end=end, kind="indirect", speaker=speaker,
                             cue=Span(tok.idx, doc[tok.i + 1].idx + 2, doc.text[tok.idx:doc[tok.i + 1].idx + 2])))
    return out


def quote_stage(analysis: "Analysis") -> None:
    doc = analysis.doc
    assert doc is not None
    direct = _direct_quotes(doc, analysis)
    taken = [(q.start, q.end) for q in direct]
    analysis.quotes = sorted(direct + _indirect_quotes(doc, analysis, taken), key=lambda q: q.start)
