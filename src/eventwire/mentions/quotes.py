"""Stage ``quotes``: direct, partial and indirect quotations with their speaker and cue.

Requires ``doc``, ``actor_mentions``; assigns ``quotes``.

Spans follow the attribution convention of PARC/PolNeAR where it is linguistically sensible:

- direct/partial: text between paired quote marks (straight "…", curly “…”, guillemets «…», low-high „…“,
  single ‘…’ and '…', typewriter ''…'' and ``…''); a quote that is a clause of its own beside a speech verb
  ("…," he said) is direct, one embedded in the reporter's sentence (give the West "something to build on") is
  partial. A quote split by its attribution ("A," she said. "B.") is one quote: its span runs from the first
  half to the last and its text joins the halves with " … ".
- indirect: the complement clause of a speech or cognition verb, its "that" included ("X said that …",
  "… , X said"), a what/whether/how clause ("explained why …"), a to-infinitive of a commitment verb ("vowed
  to …", "called on X to …"), and "according to X". A partial quote inside reported speech ("said the plan was
  “dead on arrival”") is kept as a ``partial`` quote (the quoted words) nested in the ``indirect`` quote of the
  reported clause, both with the same speaker and cue.
  Also a gerund complement ("proposed dropping …"), and what a text or a record shows, finds or reveals
  ("Polls show a close race"). The object of a stance verb is its content, a bare name or a pronoun too
  ("praised Mwakio", "rejected it"), with the cue's complement right after it ("criticized the mayor for
  the delay …"); a passive stance with an agent reports about its subject ("the plan has been endorsed by …");
  any verb that casts its object as quoted words characterizes it ("hails the governor as a “true reformer”").
- extent (checked against PolNeAR's gold spans): the complementizer "that" and an addressed object ("urged X
  to …") are in; quote marks and final punctuation are the scorer's business; a parenthetical attribution's
  content runs from the first reported word to the last, fronted adverbial included ("In May, she said, the
  plan changed"); a content stops at a line break, before a coordinated second speech act ("said A and called
  B …") and before a comma-set aside that holds an attribution of its own ("…, although he refused to …");
  the addressee of "tell"/"assure"/… is out ("told a veterans group that …"); quoted words that follow a
  reported clause of the same cue after only a conjunction are in it ("that the lease is “a disaster” but
  “nobody will admit it”"); a reported clause is clipped to its paragraph before quotes are resolved.
- headline and transcript attributions: "NAME: words" at the start of a line, and "“…” ― NAME".
- speaker: the subject of the verb governing the quote (resolved actors, pronouns included), else the speaker
  of the quote just before when the quote runs on, else the speaker of the next sentence's attribution. A
  pronoun subject coreference left unresolved becomes a mention of that speaker. Sources that are not people
  are kept too: texts and records ("the poll", "a study": unresolved actors of kind "document", whose mentions
  the event and position stages do not see) and shares of people ("63 percent", "a majority of voters"). "I" or
  "we" outside quotation marks is the writer: an unresolved person "the author", whose pronoun mentions the
  event and position stages do not see either.
- cue: the speech verb (with its particle: "called for"), "according to", the colon or the dash.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import ids
from ..document.syntax import subject_tokens
from ..model import Actor, Quote, Span
from .quote_cues import (INDIRECT_VERBS, INFINITIVE_VERBS, OBJECT_VERBS, PARTICLE_CUES, SPEECH_VERBS,
                         extent as _extent, noun_and_adjective_cues)
from .quote_speakers import (DOCUMENT_NOUNS, add_mention, cue_subject, new_speaker, speaker_at, speaker_of_verb,
                             unknown_speaker)
from .spans import doc_text, tokens_within

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis

PERSONISH_PRONOUNS = {"he", "she", "they", "we", "i", "you", "it", "who"}

# straight and curly quotes (a line may open with a mistyped ”, a “ may close with "), guillemets, low-high
# quotes, typewriter '' and ``''; single quotes may hold apostrophes ("‘we don’t know’"); a straight single
# quote opens only after a non-word character.
_QUOTE_RE = re.compile(
    r"“[^”\n]{2,}?”"
    r"|(?<![^\n])”[^”“\n]{2,}?”"
    r"|“[^”“\"\n]{2,}?\""
    r"|\"[^\"\n]{2,}?\""
    r"|''(?:[^'\n]|'(?!'))+?''"
    r"|``[^`\n]+?''"
    r"|«[^»\n]{2,}?»"
    r"|„[^“\n]{2,}?“"
    r"|‘(?:[^’\n]|’(?=[a-z]))+?’(?![a-z])"
    r"|(?<![\w'])'(?=\S)(?:[^'\n]|'(?=[a-z]))+?(?<=\S)'(?![\w'])")
_DASH_RE = re.compile(r"[\s\u00a0]*[―—–-]+[\s\u00a0]*")
_LINE_COLON_RE = re.compile(r"(?m)^[\"“]?([A-Z][\w.’'-]*(?:[ \u00a0][A-Z][\w.’'-]*){0,6}):[ \u00a0]+(\S[^\n]*)$")
# labels before a colon that are not speakers ("UPDATE: …", "Photo: …")
_LINE_NOT_NAMES = {"update", "updated", "note", "abstract", "photo", "photos", "video", "watch", "related",
                   "correction", "text", "full", "read", "more", "breaking", "live", "opinion", "analysis",
                   "exclusive", "source", "sources", "credit", "caption", "warning", "editor’s", "editor's",
                   "q", "a", "question", "answer", "subject", "re", "fwd", "from", "to", "date", "sent", "cc",
                   "tags", "topics", "location", "when", "where", "what", "why", "how", "who", "time", "see"}


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    kind: str
    verb: int | None            # token index of the cue verb, if any
    cue: Span | None
    speaker: tuple[str, ...]
    mark_start: int = -1        # extent with quote marks (direct/partial only)
    mark_end: int = -1
    parts: list[tuple[int, int]] = field(default_factory=list)


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


def _trailing_attribution(doc: "Doc", mark_end: int) -> "Token | None":
    """'“…?” Macron asked.': an attribution the parser split off into a short sentence of its own."""
    after = tokens_within(doc, mark_end, len(doc_text(doc)))
    nxt = after[0] if after else None
    if nxt is None or "\n" in doc_text(doc)[mark_end:nxt.idx] or nxt.i == 0 or nxt.sent.start != nxt.i and \
            doc[nxt.i - 1].sent == nxt.sent:
        return None
    sent = nxt.sent
    if len(sent) > 14:
        return None
    for t in sent[:7]:
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and not any(
                c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > t.i for c in t.children):
            return t
    return None


def _as_attribution(doc: "Doc", first: int) -> "Token | None":
    """'As Mr. Lee observed, “…”' / 'as she put it, …': a fronted as-clause attributes the sentence it opens."""
    for t in doc[doc[first].sent.start:first]:
        low = t.lemma_.lower()
        if t.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) and (
                low in SPEECH_VERBS or (low == "put" and any(c.lower_ == "it" and c.dep_ == "dobj"
                                                              for c in t.children))):
            return t
    return None


def _cue_span(verb: "Token") -> Span:
    """The verb, with a particle or preposition that makes the speech act ("called for", "pointed to")."""
    end = verb.idx + len(verb.text)
    for c in verb.children:
        if c.i == verb.i + 1 and c.dep_ in ("prt", "prep") and (verb.lemma_.lower(), c.lower_) in PARTICLE_CUES:
            end = c.idx + len(c.text)
    return Span(verb.idx, end, doc_text(verb.doc)[verb.idx:end])


def _tokens_in(doc: "Doc", start: int, end: int) -> list[int]:
    return [t.i for t in tokens_within(doc, start, end)]


def _quote_marks(text: str) -> list[tuple[int, int, int, int]]:
    """(mark start, inner start, inner end, mark end) of every quoted stretch, in text order."""
    out = []
    for m in _QUOTE_RE.finditer(text):
        width = 2 if m.group().startswith(("''", "``")) else 1
        out.append((m.start(), m.start() + width, m.end() - width, m.end()))
    return out


def _dash_speaker(doc: "Doc", text: str, mark_end: int, analysis: "Analysis") -> tuple[tuple[str, ...], Span | None]:
    """“…” ― Name: the actor named right after a dash that follows the closing mark."""
    m = _DASH_RE.match(text, mark_end)
    if m is None or "\n" in m.group() or not m.group().strip():
        return (), None
    dash = m.group().strip()
    ds = text.index(dash, mark_end)
    cue = Span(ds, ds + len(dash), dash)
    for mention in analysis.actor_mentions:
        if mention.span.start == m.end():
            return (mention.actor,), cue
    # a signature the actor stage did not know: the name right after the dash, up to the end of its line
    rest = tokens_within(doc, m.end(), len(doc_text(doc)))
    first = rest[0] if rest else None
    if first is None or first.idx != m.end() or not first.text[:1].isupper():
        return (), None
    name = [first]
    while name[-1].i + 1 < len(doc) and len(name) < 6 and doc[name[-1].i + 1].text[:1].isupper() and \
            "\n" not in doc[name[-1].i].whitespace_:
        name.append(doc[name[-1].i + 1])
    if not any(t.pos_ == "PROPN" for t in name):
        return (), None
    aid = new_speaker(analysis, " ".join(t.text for t in name), "person", name[0], name[-1])
    return (aid,), cue


def _clause_speaker(root: "Token", inside: set[int], analysis: "Analysis") -> tuple[str, ...]:
    """The known actor that is the subject of the clause holding quoted words (the nearest verb above them)."""
    v = root.head
    for _ in range(4):
        if v.i not in inside and v.pos_ in ("VERB", "AUX"):
            return tuple(speaker_at(subject_tokens(v), analysis))
        if v.head is v:
            break
        v = v.head
    return ()


def _direct_quotes(doc: "Doc", analysis: "Analysis", extra: list[_Draft]) -> list[_Draft]:
    """Quoted stretches; a characterizing verb's object with its quoted words goes to ``extra``."""
    text = doc_text(doc)
    out: list[_Draft] = []
    last_speaker: tuple[str, ...] = ()
    last_end = -1
    for ms, qs, qe, me in _quote_marks(text):
        inner = text[qs:qe]
        stripped = inner.rstrip(" ,.;:\u00a0")
        lead = len(stripped) - len(stripped.lstrip(" \u00a0"))
        qs, stripped = qs + lead, stripped.lstrip(" \u00a0")
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
        if verb is None:
            verb = _trailing_attribution(doc, me)
        if verb is None:
            verb = _as_attribution(doc, toks[0])
        speaker = tuple(speaker_of_verb(verb, analysis)) if verb is not None else ()
        cue = _cue_span(verb) if verb is not None else None
        if not speaker:
            dash_speaker, dash_cue = _dash_speaker(doc, text, me, analysis)
            if dash_speaker:
                speaker, cue, verb = dash_speaker, dash_cue, None
        if not speaker and verb is None and roots:
            # quoted words inside a clause with no speech verb ("Trump attacked “the hateful ideology …”"):
            # a known actor who is the subject of that clause used them
            speaker = _clause_speaker(roots[0], inside, analysis)
        if not speaker and last_end >= 0 and ms - last_end < 200:
            speaker = last_speaker
        sentence_like = first.text[:1].isupper() and len(stripped.split()) >= 5 and (
            verb is None or verb.i > lastt.i or text[me:me + 2].strip().startswith((",", "")))
        before = text[:ms].rstrip()
        opens_clause = not before or before[-1] in ".:,;!?\n" or first.i == first.sent.start
        kind = "direct" if sentence_like and opens_clause else "partial"
        if kind == "partial" and _is_title(doc, _Draft(qs, qe_clean, kind, None, None, (), ms, me)):
            continue
        if kind == "partial":
            found = _argument_start(doc, toks)
            if found is not None and (verb is None or found[0].i == verb.i):
                argv, arg_start = found
                if verb is None:
                    verb, cue = argv, _cue_span(argv)
                    speaker = tuple(speaker_of_verb(argv, analysis)) or speaker
                if ms - arg_start > 1:
                    # the characterized object and the quoted words are one reported content
                    extra.append(_Draft(arg_start, me, "indirect", argv.i, cue, speaker,
                                        parts=[(arg_start, me)]))
        out.append(_Draft(qs, qe_clean, kind, verb.i if verb is not None else None, cue, speaker, ms, me,
                          [(qs, qe_clean)]))
        if speaker:
            last_speaker, last_end = speaker, me
    return _merge_split(doc, out)


# what a poll, a study or a video does with its findings: "Polls show a close race", "the audit found errors"
EVIDENCE_VERBS = {"show", "find", "reveal", "indicate", "suggest", "confirm", "document", "depict", "record",
                  "capture", "give", "put", "project", "predict", "estimate", "forecast", "detail", "list"}

# verbs that characterize their object with the quoted words: "called the plan “a disaster”", "described him
# as “reckless”", "praised the mayor for her “steady hand”"
NAMING_VERBS = {"call", "label", "brand", "dub", "term", "name", "deem", "consider", "characterize",
                "characterise", "describe", "portray", "depict", "paint", "cast", "refer", "praise", "criticize",
                "criticise", "attack", "slam", "blast", "accuse", "hail", "mock", "decry", "denounce", "dismiss",
                "tout", "laud", "commend", "thank", "blame", "fault", "ridicule", "deride", "lambaste"}
# verbs whose object is the person addressed, not the content
ADDRESSEE_VERBS = {"tell", "inform", "remind", "assure", "reassure", "warn", "notify", "ask", "urge", "convince",
                   "persuade", "promise", "advise", "caution", "brief", "email", "text", "write"}
_ARG_DEPS = {"dobj", "dative", "oprd", "prep", "attr", "acomp", "xcomp", "ccomp"}


def _argument_start(doc: "Doc", quote_toks: list[int]) -> tuple["Token", int] | None:
    """For quoted words inside an argument of a speech or naming verb, the verb and the character where its
    arguments begin: 'called [Mexican immigrants “rapists”]', 'described [the senator as a “liar”]',
    '[what] she called a “rant”'."""
    inside = set(quote_toks)
    root = next((doc[i] for i in quote_toks if doc[i].head.i not in inside), None)
    if root is None:
        return None
    arg, verb = root, root.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or arg is verb:
            break
        arg, verb = verb, verb.head
    low = verb.lemma_.lower()
    # "hails the governor as a “true reformer”", "dismissed the plan as a “fantasy …”": any verb that
    # casts its object as the quoted words characterizes it
    casts = arg.dep_ == "prep" and arg.lower_ == "as" and any(
        c.dep_ == "dobj" and verb.i < c.i < arg.i for c in verb.children)
    if arg is verb or verb.pos_ not in ("VERB", "AUX") or arg.i < verb.i or arg.dep_ not in _ARG_DEPS or \
            (low not in NAMING_VERBS | OBJECT_VERBS | SPEECH_VERBS and not casts):
        return None
    args = [c for c in verb.children if verb.i < c.i <= arg.i and c.dep_ in _ARG_DEPS] + \
        [c for c in verb.children if c.i < verb.i and c.dep_ == "dobj" and c.tag_ in ("WP", "WDT")]
    if low in ADDRESSEE_VERBS:
        # "told a veterans group that the army is “depleted”": the addressee is not part of what was said
        args = [c for c in args if c.dep_ not in ("dobj", "dative")] or [arg]
    first = min((c.left_edge for c in args), key=lambda t: t.i)
    while first.i < arg.left_edge.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    if doc_text(doc)[first.idx:doc[min(quote_toks)].idx].count("\n") or first.sent.start != doc[min(quote_toks)].sent.start:
        return None
    return verb, first.idx


_RUN_ON = (",", ";", "—", "-", "?", "!")


def _merge_split(doc: "Doc", drafts: list[_Draft]) -> list[_Draft]:
    """"A," she said. "B." is one quote: join halves whose gap (same paragraph) is only their attribution."""
    text = doc_text(doc)
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and prev.cue is not None and prev.verb is not None:
            gap = text[prev.mark_end:d.mark_start]
            cue_in_gap = prev.mark_end <= prev.cue.start < d.mark_start
            verb = doc[prev.verb]
            own = {t.i for s in subject_tokens(verb) for t in s.subtree} | {verb.i} | _modifiers(verb)
            gap_verbs = [t for t in tokens_within(doc, prev.mark_end, d.mark_start) if t.pos_ == "VERB"
                         and t.i not in own]
            first_half = text[prev.start:prev.mark_end].rstrip("\"”’'»“ ")
            # "“A,” she said. “B.”" and "“A?” she asked. “B.”": the attribution sits between two halves
            runs_on = first_half.endswith(_RUN_ON) or gap.lstrip().startswith(",")
            if cue_in_gap and runs_on and "\n" not in gap and len(gap) <= 250 and not gap_verbs and \
                    (d.verb is None or d.verb == prev.verb or not d.speaker or d.speaker == prev.speaker):
                prev.end, prev.mark_end = d.end, d.mark_end
                prev.parts.extend(d.parts)
                prev.speaker = prev.speaker or d.speaker
                prev.kind = "direct"
                continue
        out.append(d)
    return out


def _modifiers(verb: "Token") -> set[int]:
    """Tokens of the non-finite clauses that elaborate an attribution ("said X, speaking of …", "referring to …"):
    they belong to the attribution between two halves of a quote, not to a new event; a speech verb there ("adding
    …") has a content of its own."""
    out: set[int] = set()
    for c in verb.children:
        if c.i > verb.i and c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ in ("VBG", "VBN") and \
                not _has_own_subject(c) and c.lemma_.lower() not in SPEECH_VERBS:
            out.update(t.i for t in c.subtree)
    return out


def _clause_extent(doc: "Doc", clause: "Token", verb: "Token") -> tuple[int, int] | None:
    """Character extent of a complement clause, its complementizer kept. A speech act coordinated after it
    ("said he had pneumonia and called it …", "said A, and when pressed, she replied …") is the parser's low
    attachment of a second attribution: the content stops before it."""
    cut = min((c.left_edge.i for c in clause.children if c.dep_ == "conj" and c.i > clause.i and
               c.lemma_.lower() in SPEECH_VERBS | OBJECT_VERBS | NAMING_VERBS), default=len(doc))
    cut = min(cut, _second_attribution(clause))
    return _extent([t for t in clause.subtree if not (clause.i < verb.i and t.i >= verb.i) and t.i < cut])


def _second_attribution(head: "Token") -> int:
    """The token where a comma-set modifier holding an attribution of its own begins ("that A, although he
    refused to pledge …", "to discuss X, aside from saying …"): the reporter's aside, not the content."""
    doc = head.doc
    for c in head.children:
        start = c.left_edge.i
        if c.i <= head.i or c.dep_ not in ("advcl", "prep", "advmod", "npadvmod") or start == 0 or \
                doc[start - 1].text not in (",", ";", "—", "–"):
            continue
        if any(t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS | INFINITIVE_VERBS for t in c.subtree):
            return start - 1
    return len(doc)


def _has_own_subject(verb: "Token", before: int | None = None) -> bool:
    """Whether ``verb`` has a subject child of its own (before token ``before``, when given)."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and (before is None or c.i < before)
               for c in verb.children)


def _mistagged_verb(tok: "Token") -> bool:
    """A cue the tagger took for a noun ("The campaign plans to …", "She hopes to …"): a plural-looking or
    third-person form with a subject and a clausal complement of its own."""
    return tok.pos_ == "NOUN" and tok.tag_ in ("NNS", "NN") and any(c.dep_ == "nsubj" for c in tok.children) \
        and any(c.dep_ in ("ccomp", "xcomp") and c.i > tok.i for c in tok.children)


def _has_subject(verb: "Token") -> bool:
    subj = cue_subject(verb)
    return bool(subj) and not (len(subj) == 1 and subj[0].lower_ == "it" and any(
        c.dep_ == "auxpass" for c in verb.children))


# prepositions that continue what a stance verb's object is said about: "blamed X for …", "cited X as …"
_OBJECT_PREPS = {"for", "as", "of", "over", "about", "on", "in", "during", "with"}


def _indirect_quotes(doc: "Doc", analysis: "Analysis", quoted: list[tuple[int, int]]) -> list[_Draft]:
    out: list[_Draft] = []

    def in_quote(tok: "Token") -> bool:
        return any(s <= tok.idx < e for s, e in quoted)

    for tok in doc:
        lemma = tok.lemma_.lower()
        if (tok.pos_ not in ("VERB", "AUX") and not _mistagged_verb(tok)) or in_quote(tok):
            continue
        spans: list[tuple[int, int]] = []
        named: set[int] = set()   # starts of object contents that are a name or a pronoun ("praised Macron")
        if lemma in INDIRECT_VERBS:
            clauses = [c for c in tok.children
                       if c.dep_ == "ccomp" and (c.i > tok.i or c.tag_ != "VBG" or _has_own_subject(c))]
            after = [c for c in clauses if c.i > tok.i]
            if len(after) > 1 and "\n" not in doc_text(doc)[after[0].left_edge.idx:after[-1].right_edge.idx]:
                # "said A, so B": two clauses of one verb, one after the other, are one reported content
                ext = _extent([t for c in after for t in c.subtree])
                if ext is not None:
                    spans.append(ext)
                clauses = [c for c in clauses if c.i < tok.i]
            if not clauses and lemma in ADDRESSEE_VERBS:
                # "told a meeting of island leaders that few people understood …": a that-clause the parser hung
                # on the addressee as a relative clause, its "that" a complementizer, is what was told
                clauses = [r for o in tok.children if o.dep_ in ("dobj", "dative") and o.i > tok.i
                           for r in o.subtree if r.dep_ in ("relcl", "acl") and any(
                               m.dep_ == "mark" and m.lower_ == "that" and m.i == r.left_edge.i for m in r.children)]
            for c in clauses:
                ext = _clause_extent(doc, c, tok)
                if ext is not None:
                    spans.append(ext)
        if lemma in INFINITIVE_VERBS:
            for c in tok.children:
                if c.dep_ == "xcomp" and c.i > tok.i and any(a.lower_ == "to" for a in c.children):
                    objs = [o for o in tok.children if o.dep_ == "dobj" and tok.i < o.i < c.i] + \
                           [o for p in tok.children if p.dep_ == "prep" and tok.i < p.i < c.i and
                            p.lower_ in ("on", "upon") for o in p.children if o.dep_ == "pobj"]
                    toks = [t for o in objs for t in o.subtree] + [t for t in c.subtree
                                                                    if t.i < _second_attribution(c)]
                    # "pledged to triple the army, grow the navy and …": base forms the parser hung on the cue
                    # continue the infinitive
                    toks += [t for v in tok.children if v.dep_ == "conj" and v.tag_ == "VB" and v.i > c.i
                             and not _has_own_subject(v) for t in v.subtree]
                    ext = _extent(toks)
                    if ext is not None:
                        spans.append(ext)
        if lemma in INDIRECT_VERBS and tok.dep_ == "parataxis" and tok.head.i > tok.i - 40:
            # "the weapons, he added, are like …": the clause around a parenthetical attribution
            own = {t.i for t in tok.subtree}
            toks = [t for t in tok.head.subtree if t.i not in own]
            ext = _extent(toks) if any(c.dep_ == "nsubj" for c in tok.children) else None
            if ext is not None:
                spans.append(ext)
        if lemma in NAMING_VERBS:
            # "called the plan a giveaway to the banks": the object with what it is called is the content
            objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
            preds = [c for c in tok.children if c.dep_ == "oprd" and objs and c.i > objs[0].i]
            if objs and preds and not any(in_quote(t) for t in preds[0].subtree):
                ext = _extent(list(objs[0].subtree) + list(preds[0].subtree))
                if ext is not None:
                    spans.append(ext)
        if lemma in OBJECT_VERBS | INFINITIVE_VERBS:
            # "proposed dropping carried interest", "denied taking the money": a gerund complement is the content
            for c in tok.children:
                if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > tok.i and not _has_own_subject(c):
                    ext = _extent(list(c.subtree))
                    if ext is not None:
                        spans.append(ext)
        if lemma in EVIDENCE_VERBS and not any(c.dep_ == "ccomp" for c in tok.children) and any(
                t.lemma_.lower() in DOCUMENT_NOUNS or t.lower_ in DOCUMENT_NOUNS for t in subject_tokens(tok)):
            # "Polls show a close contest", "the video shows him with his hands raised": what a text or a
            # record shows is everything it is said to show
            toks = [t for c in tok.rights if c.dep_ not in ("punct", "cc", "conj") or not _has_own_subject(c)
                    for t in c.subtree]
            ext = _extent(toks)
            if ext is not None:
                spans.append(ext)
        if lemma in OBJECT_VERBS or (lemma, next((c.lower_ for c in tok.children if c.dep_ == "prep"
                                                   and c.i == tok.i + 1), "")) in PARTICLE_CUES:
            for c in tok.children:
                obj = c if c.dep_ == "dobj" and c.i > tok.i else None
                if c.dep_ == "prep" and c.i == tok.i + 1 and (lemma, c.lower_) in PARTICLE_CUES:
                    obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is None:
                    continue
                # the object is the content, a bare name or a pronoun too ("praised Mwakio", "rejected
                # it": PolNeAR annotates the target of a stance as what the stance is about)
                toks = list(obj.subtree)
                if obj.pos_ in ("PROPN", "PRON"):
                    named.add(obj.idx)
                if c.dep_ == "dobj":
                    # "criticized the mayor for the delay …", "cited remarks … as examples of …": the cue's own
                    # complements right after the object belong to what was said; not a date ("on Tuesday"),
                    # and not one holding quoted words (the characterized object with its quoted words is the
                    # content, up to the closing mark: see ``_argument_start``)
                    for pp in tok.children:
                        if pp.i > obj.i and pp.dep_ in ("prep", "oprd", "advcl") and \
                                pp.left_edge.i == obj.right_edge.i + 1 and pp.lower_ in _OBJECT_PREPS and not any(
                                    t.ent_type_ in ("DATE", "TIME") or in_quote(t) for t in pp.subtree):
                            toks += list(pp.subtree)
                ext = _extent(toks)
                if ext is None and len(toks) == 1 and obj.pos_ in ("PROPN", "PRON"):
                    ext = (obj.idx, obj.idx + len(obj.text))
                if ext is not None:
                    spans.append(ext)
        if (lemma in OBJECT_VERBS or lemma in NAMING_VERBS) and \
                any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "agent" for c in tok.children):
            # "the plan has been endorsed by three unions": the passive subject is what the agent's
            # speech act is about
            for c in tok.children:
                if c.dep_ == "nsubjpass" and c.pos_ != "PRON":
                    ext = _extent(list(c.subtree))
                    if ext is not None:
                        spans.append(ext)
        if not spans or not _has_subject(tok):
            continue
        speaker = tuple(speaker_of_verb(tok, analysis))
        for start, end in spans:
            if end - start < 8 and start not in named:
                continue
            out.append(_Draft(start, end, "indirect", tok.i, _cue_span(tok), speaker, parts=[(start, end)]))
    for start, end, cue, speaker, at in noun_and_adjective_cues(doc, analysis, quoted):
        out.append(_Draft(start, end, "indirect", at, cue, speaker, parts=[(start, end)]))
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            sent = tok.sent
            pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            src_end = pobj[0].right_edge.i if pobj else tok.i + 1
            speaker = tuple(speaker_at([t for p in pobj for t in p.subtree], analysis))
            if not speaker and pobj:
                speaker = tuple(a for a in (unknown_speaker(pobj[0], analysis),) if a)
            lead = [t for t in sent if t.i < tok.i and not (t.is_punct or t.is_space)]
            # "According to X, A" reports A; "A, according to X" reports what comes before
            content = [t for t in sent if t.i > src_end and not t.is_space] if not lead else \
                [t for t in sent if t.i < tok.i and not t.is_space]
            # edge punctuation and a leading "And"/"But" or connective are the reporter's
            span = _extent(content)
            if span is None:
                continue
            start, end = span
            cue_end = doc[tok.i + 1].idx + 2
            out.append(_Draft(start, end, "indirect", None, Span(tok.idx, cue_end, doc_text(doc)[tok.idx:cue_end]),
                              speaker, parts=[(start, end)]))
    return out


def _line_attributions(doc: "Doc", analysis: "Analysis") -> list[_Draft]:
    """Headline and transcript style: "Pence: Flowers won't be at the debate" / "WALLACE: Let's start"."""
    out: list[_Draft] = []
    for m in _LINE_COLON_RE.finditer(doc_text(doc)):
        name_s, name_e = m.start(1), m.end(1)
        cs, ce = m.start(2), m.end(2)
        content = doc_text(doc)[cs:ce].rstrip(" \u00a0.\"”")
        if len(content.split()) < 3:
            continue
        speaker = tuple(dict.fromkeys(mm.actor for mm in analysis.actor_mentions
                                      if mm.span.start < name_e and name_s < mm.span.end))
        name = doc.char_span(name_s, name_e, alignment_mode="expand")
        if not speaker and name is not None and not any(
                w.lower().strip(".") in _LINE_NOT_NAMES for w in m.group(1).split()):
            # "WALLACE: …" / "Pollster: …": the name before the colon speaks, known or not
            label = m.group(1) if not m.group(1).isupper() else m.group(1).title()
            speaker = (new_speaker(analysis, label, "person" if len(name) <= 3 else "group", name[0], name[-1]),)
        colon = name_e
        out.append(_Draft(cs, cs + len(content), "direct", None, Span(colon, colon + 1, ":"), speaker,
                          parts=[(cs, cs + len(content))]))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _resolve(doc: "Doc", direct: list[_Draft], indirect: list[_Draft], lines: list[_Draft]) -> list[_Draft]:
    """One quote per attribution: a quoted clause beats the same verb's complement; a reported clause that
    holds a partial quote of the same speaker absorbs it."""
    keep_direct = list(direct)
    keep_indirect: list[_Draft] = []
    seen: set[tuple[int, int]] = set()
    for ind in indirect:
        span = (ind.start, ind.end)
        if span in seen:
            continue
        covered = False
        absorbed: list[_Draft] = []
        for d in keep_direct:
            ov = _overlap((d.mark_start, d.mark_end), span)
            if not ov:
                continue
            if ov >= 0.6 * (ind.end - ind.start):
                # the complement is the quotation itself; its unquoted start ("that", "that Smith") belongs
                # to the content, which is then the reported clause
                covered = True
                if ind.start < d.mark_start and "\n" not in doc_text(doc)[ind.start:d.mark_start]:
                    if d.mark_start - ind.start > 6:
                        d.kind = "indirect"
                    d.start = ind.start
                    d.parts[0] = (ind.start, d.parts[0][1])
                d.speaker = d.speaker or ind.speaker
                if d.cue is None:
                    d.cue, d.verb = ind.cue, ind.verb
                break
            inside = ind.start <= d.mark_start and d.end <= ind.end
            same = d.verb == ind.verb or not d.speaker or set(d.speaker) <= set(ind.speaker)
            if inside and same:
                absorbed.append(d)
        if covered:
            continue
        if absorbed:
            # the reported clause is the indirect quote and keeps the closing mark; the quoted words stay a
            # partial quote of their own (the contract's "something to build on"), nested inside it
            ind.end = max(ind.end, *(d.mark_end for d in absorbed))
            ind.parts = [(ind.start, ind.end)]
            for d in absorbed:
                d.speaker = d.speaker or ind.speaker
                d.cue, d.verb = d.cue or ind.cue, d.verb or ind.verb
        seen.add(span)
        keep_indirect.append(ind)
    # nested complements of one verb ("said that A and that B") and clauses of the same cue: keep the widest
    keep_indirect = [i for i in keep_indirect if not any(
        j is not i and j.verb == i.verb and j.verb is not None and j.start <= i.start and i.end <= j.end
        and (j.start, j.end) != (i.start, i.end) for j in keep_indirect)]
    # a reported clause whose cue lies inside another reported clause ("said that Smith claimed X") is part of
    # the outer attribution, as PolNeAR annotates it: the inner one is not a quote of its own
    keep_indirect = [i for i in keep_indirect if i.cue is None or not any(
        j is not i and j.start <= i.start and i.end <= j.end and (j.start, j.end) != (i.start, i.end)
        and j.start < i.cue.start < j.end for j in keep_indirect)]
    kept = keep_direct + keep_indirect
    _chain_partials(doc, kept)
    for ln in lines:
        over = [d for d in kept if _overlap((ln.start, ln.end), (d.start, d.end))]
        whole = any(d.kind == "direct" and d.end - d.start >= 0.8 * (ln.end - ln.start) for d in over)
        if over and (whole or not all(ln.start <= d.start and d.end <= ln.end for d in over)):
            continue
        # "NAME: words" holds what NAME said; quoted words in it are partial quotes of that line, and a
        # reported clause in it stays only when it has a speaker of its own ("X thinks …")
        for d in over:
            if d.mark_start >= 0:
                d.kind, d.speaker = "partial", d.speaker or ln.speaker
                d.parts = [(d.start, d.end)]
            elif not d.speaker:
                kept.remove(d)
        kept.append(ln)
    return kept


_CHAIN_GAP = {"", "and", "but", "or", "yet", "and then", "but also", "and also"}


def _chain_partials(doc: "Doc", drafts: list[_Draft]) -> None:
    """'claimed that the lease is “a disaster” but “nobody will admit it”': quoted words that continue a
    reported clause of the same cue after only a conjunction are part of that clause, whose content runs on to
    the last of them (the quoted words stay partial quotes nested in it)."""
    text = doc_text(doc)
    for k in sorted((d for d in drafts if d.kind == "indirect" and d.verb is not None), key=lambda d: d.start):
        for p in sorted((d for d in drafts if d.kind == "partial" and d.verb == k.verb and d.mark_start >= 0),
                        key=lambda d: d.mark_start):
            end = max(k.end, k.mark_end)
            if p.mark_start < end:
                continue
            gap = text[end:p.mark_start]
            if "\n" in gap or gap.strip(" \u00a0,\"”’'»").lower() not in _CHAIN_GAP:
                break
            k.end = p.mark_end
            if k.mark_start >= 0:
                k.mark_end = p.mark_end
            k.parts = [(k.parts[0][0], p.mark_end)] if len(k.parts) == 1 else k.parts + [(p.start, p.mark_end)]
            p.speaker = p.speaker or k.speaker


def _borrow_speakers(doc: "Doc", drafts: list[_Draft], analysis: "Analysis") -> None:
    """A quote with no speaker takes the one of an attribution in the next sentence (“… .” He added …)."""
    by_start = sorted(drafts, key=lambda d: d.start)
    for i, d in enumerate(by_start):
        if d.speaker or d.kind == "indirect":
            continue
        nxt = next((x for x in by_start[i + 1:] if x.speaker), None)
        if nxt is not None and nxt.start - d.end < 120 and "\n" not in doc_text(doc)[d.end:nxt.start]:
            d.speaker = nxt.speaker


_PERSONAL = {"he": ("person",), "she": ("person",), "they": ("group", "organization")}


def _pronoun_speakers(doc: "Doc", drafts: list[_Draft], analysis: "Analysis") -> None:
    """A cue whose subject is a pronoun coreference left unresolved ("…,” he said"): when the quote already has
    a speaker (it runs on from the one before), the pronoun is a mention of that speaker; when it has none,
    "he"/"she" (and "they") refer to the speaker of the attribution just before, if that is a person (a group)."""
    kinds = {a.id: a.kind for a in analysis.actors}
    by_start = sorted(drafts, key=lambda d: d.start)
    for i, d in enumerate(by_start):
        if d.verb is None:
            continue
        subj = cue_subject(doc[d.verb])
        if len(subj) != 1 or subj[0].lower_ not in _PERSONAL or speaker_at(subj, analysis):
            continue
        pron = subj[0]
        if not d.speaker:
            prev = next((p for p in reversed(by_start[:i]) if p.speaker), None)
            if prev is None or len(prev.speaker) != 1 or kinds.get(prev.speaker[0]) not in _PERSONAL[pron.lower_] \
                    or pron.idx - prev.end > 400:
                continue
            d.speaker = prev.speaker
        if len(d.speaker) == 1:
            add_mention(analysis, d.speaker[0], pron, pron, "coref")


def _author_speakers(doc: "Doc", drafts: list[_Draft], analysis: "Analysis") -> None:
    """'I think …', 'we should remember that …' outside quotation marks: the writer speaks. The author is an
    unresolved person whose mentions are the pronouns; they are kept on the actor for the quote only, not
    listed for the event and position stages."""
    aid = None
    for d in drafts:
        if d.speaker or d.verb is None:
            continue
        subj = cue_subject(doc[d.verb])
        if len(subj) != 1 or subj[0].lower_ not in ("i", "we") or d.mark_start >= 0 and \
                d.mark_start <= subj[0].idx < d.mark_end:
            continue
        if aid is None:
            aid = ids.actor_id(None, "the author", None, ())
            if not any(a.id == aid for a in analysis.actors):
                analysis.actors.append(Actor(id=aid, name="the author", kind="person", resolved=False, mentions=()))
        add_mention(analysis, aid, subj[0], subj[0], "speaker", listed=False)
        d.speaker = (aid,)


_EDGE = set(" \t\n\u00a0\"'“”‘’«»„.,;:!?")


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotation marks, punctuation and spaces at its edges."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _within_paragraph(text: str, d: _Draft) -> None:
    """A content never runs over a line break (a sentence the parser did not end at a paragraph, a quote with
    no closing mark): keep the line nearest the cue (the first line when there is no cue)."""
    if "\n" not in text[d.start:d.end]:
        return
    lines: list[tuple[int, int]] = []
    at = d.start
    for piece in text[d.start:d.end].split("\n"):
        if piece.strip():
            lines.append((at, at + len(piece)))
        at += len(piece) + 1
    if not lines:
        return
    if d.cue is None:
        s, e = lines[0]
    else:
        cue = d.cue
        s, e = min(lines, key=lambda ln: max(0, ln[0] - cue.end, cue.start - ln[1]))
    while s < e and text[s] in " \t\u00a0":
        s += 1
    while e > s and text[e - 1] in " \t\u00a0":
        e -= 1
    d.start, d.end = s, e
    d.parts = [(max(ps, s), min(pe, e)) for ps, pe in d.parts if ps < e and pe > s] or [(s, e)]
    if d.mark_start >= 0:
        d.mark_start, d.mark_end = max(d.mark_start, s - 1), min(d.mark_end, e + 1)


_TITLE_SMALL = {"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "from"}
_TITLE_WORD_RE = re.compile(r"[\w’']+")


def _is_title(doc: "Doc", d: _Draft) -> bool:
    """A quoted name of a show or a work (on “Face the Nation”, NBC’s “Today Show”) or a heading: a short
    Title Case phrase after "on"/"of"/"in", after an organization's possessive, or alone on its line."""
    words = _TITLE_WORD_RE.findall(doc_text(doc)[d.start:d.end])
    if not 2 <= len(words) <= 9 or not words[0][:1].isupper() or not all(
            w[:1].isupper() or w.lower() in _TITLE_SMALL or not w[:1].isalpha() for w in words):
        return False
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, d.mark_start) + 1
    line_end = text.find("\n", d.mark_end)
    if not text[line_start:d.mark_start].strip() and not text[d.mark_end:line_end if line_end >= 0 else None
                                                               ].strip(" .\u00a0"):
        return True   # a section heading: a line that is only a quoted Title Case phrase
    before = tokens_within(doc, max(0, d.mark_start - 200), d.mark_start)[-2:]
    if not before:
        return False
    if before[-1].lower_ in ("on", "of", "in"):
        return True
    return len(before) == 2 and before[-1].tag_ == "POS" and before[0].ent_type_ == "ORG"


def quote_stage(analysis: "Analysis") -> None:
    doc = analysis.doc
    assert doc is not None
    extra: list[_Draft] = []
    direct = _direct_quotes(doc, analysis, extra)
    quoted = [(d.mark_start, d.mark_end) for d in direct]
    indirect = _indirect_quotes(doc, analysis, quoted)
    for d in indirect:
        # a reported clause never runs over a paragraph break (the parser does not always end a sentence
        # there): clipped before resolving, it can neither swallow nor hide the next paragraph's attribution
        _within_paragraph(doc_text(doc), d)
    drafts = _resolve(doc, direct, indirect, _line_attributions(doc, analysis))
    for e in extra:
        # "called the offer “a serious step”": the characterized object with its quoted words is the reported
        # content; the quoted words stay a partial quote nested in it
        if not any(d.kind == "indirect" and d.start <= e.start and e.end <= d.end for d in drafts):
            drafts = [d for d in drafts if not (d.kind == "indirect" and e.start <= d.start and d.end <= e.end)]
            drafts.append(e)
    _borrow_speakers(doc, drafts, analysis)
    _pronoun_speakers(doc, drafts, analysis)
    _author_speakers(doc, drafts, analysis)
    for d in drafts:
        _within_paragraph(doc_text(doc), d)
    # two contents clipped to one line are one quote (its id is made from the span): the first with a speaker
    unique: dict[tuple[int, int], _Draft] = {}
    for d in sorted(drafts, key=lambda d: (not d.speaker, d.mark_start < 0)):
        if d.end - d.start >= 2:
            unique.setdefault(_core(doc_text(doc), d.start, d.end), d)
    drafts = list(unique.values())
    # a few quoted words with neither cue nor speaker are a title, a nickname or scare quotes, not a quotation
    drafts = [d for d in drafts if not (d.mark_start >= 0 and d.cue is None and not d.speaker
                                        and len(doc_text(doc)[d.start:d.end].split()) <= 3)]
    quotes: list[Quote] = []
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        text = " … ".join(doc_text(doc)[s:e] for s, e in d.parts) if len(d.parts) > 1 else doc_text(doc)[d.start:d.end]
        quotes.append(Quote(id=ids.quote_id(analysis.article.id, d.start, d.end), text=text, start=d.start,
                            end=d.end, kind=d.kind, speaker=d.speaker, cue=d.cue))
    analysis.quotes = quotes
