"""Events coded by a user's CAMEO verb dictionary (``resources.cameo_verbs``), the way TABARI and PETRARCH
code with it: a verb of the dictionary, the most specific of its patterns that matches the words around the
verb, and that pattern's code (the verb's default code when none matches; no event for the null code).

Patterns are matched on the sentence: the words before ``*`` in order before the verb, the words after it in
order inside the verb's phrase, with any words between them unless joined by ``_``. ``$`` and ``+`` bind the
source and target to the actor mention they fall on; otherwise the source is the verb's subject (or the
nearest actor mention before the verb) and the target the first actor mention after the verb inside its
phrase, with any actors coordinated with it ("ties with Gondor and Arnor").

With ``replace`` the dictionary is the only source of events (PETRARCH's behaviour: the validation suite is
coded so); without it the dictionary's codes win on the verbs it knows and eventwire's own detection codes
everything else.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..resources.cameo_verbs import SLOTS, Element, VerbDictionary, VerbEntry, VerbPattern, event_code, paired_code
from ..resources.events import Lexicon, TriggerSpec
from .draft import EventDraft
from .ontology.crosswalk import CAMEO_ROOT_TO_PLOVER
from .roles import expand_conj, subject_tokens
from .status import status_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

DICTIONARY_FLAG = "dictionary"      # in a TriggerSpec frame: the event's code is the dictionary's, as written
NEGATIONS = frozenset({"not", "n't", "never", "no"})
Binding = dict[str, int]            # slot ("$", "+") -> token index
WORDS = "#"                         # in a Binding: how many literal words the match used (its specificity)


def _word_at(tokens: list["Token"], i: int, word: str) -> bool:
    tok = tokens[i]
    if word.endswith("~") and len(word) > 1:   # TABARI stem: "NEAT~" is neat, neater, neatest
        return tok.lower_.startswith(word[:-1])
    return word == tok.lower_ or (word == "not" and tok.lower_ == "n't")


def _match(elements: tuple[Element, ...], tokens: list["Token"], start: int, tight: bool, vd: VerbDictionary,
           mentions: dict[int, int], verb: int, binding: Binding) -> int | None:
    """The end of a match of ``elements`` over ``tokens`` from ``start`` (at ``start`` exactly when
    ``tight``), binding slots; None when they do not match. ``*`` matches the verb (token index ``verb``)."""
    if not elements:
        return start
    head, rest = elements[0], elements[1:]
    if head.text == "^":   # skip a noun phrase: an actor mention or words up to a noun ("at ^ with +")
        last = start if tight else len(tokens) - 1
        for i in range(start, min(last, len(tokens) - 1) + 1):
            t = tokens[i]
            if t.i in mentions:
                after = i + mentions[t.i] - t.i
            elif t.tag_[:2] in ("NN", "PR") and t.i != verb:
                after = i + 1
                while after < len(tokens) and tokens[after].tag_[:2] == "NN" and tokens[after].i == t.i + after - i:
                    after += 1
            else:
                continue
            # "the leaders of Velmar": a noun's phrase runs on through "of" (an actor's does not: "at ^ +" in
            # "spoke at the Velmar of the Duke of Ostrava" skips Velmar only)
            while t.i not in mentions and after < len(tokens) and tokens[after].lower_ == "of" \
                    and tokens[after].head.i in (tokens[k].i for k in range(i, after)):
                obj = max((c.right_edge.i for c in tokens[after].children if c.dep_ == "pobj"), default=None)
                if obj is None:
                    break
                after = next((k for k in range(after, len(tokens)) if tokens[k].i > obj), len(tokens))
            found = _match(rest, tokens, after, head.joined, vd, mentions, verb, binding)
            if found is not None:
                return found
        return None
    if head.text.startswith("&"):   # a synonym set: any of its phrases, then the rest
        for member in vd.members(head.text):
            found = _match((*member[:-1], Element(member[-1].text, head.joined), *rest), tokens, start, tight, vd,
                           mentions, verb, binding)
            if found is not None:
                return found
        return None
    last = start if tight else len(tokens) - 1
    for i in range(start, min(last, len(tokens) - 1) + 1):
        if head.text in SLOTS or head.text == "*":
            if head.text == "*":   # the verb itself, nothing else
                end = tokens[i].i + 1 if tokens[i].i == verb else None
            else:                   # a slot: an actor mention, never the verb; "%" a compound one ("X and Y")
                end = mentions.get(tokens[i].i) if tokens[i].i != verb else None
                if end is not None and head.text == "%" and not _compound(tokens[i].doc[tokens[i].i:end]):
                    end = None
            if end is None:
                continue
            found = _match(rest, tokens, i + end - tokens[i].i, head.joined, vd, mentions, verb, binding)
            if found is not None:
                if head.text != "*":
                    binding.setdefault(head.text, tokens[i].i)
                return found
            continue
        if _word_at(tokens, i, head.text):
            found = _match(rest, tokens, i + 1, head.joined, vd, mentions, verb, binding)
            if found is not None:
                binding[WORDS] = binding.get(WORDS, 0) + 1   # words matched: a synonym set's phrase counts its own
                return found
    return None


def _compound(span: "Span") -> bool:
    """An actor coordinated with another: "the Philippines and France", "Gondor and Osgiliath"."""
    root = span.root
    return root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)


def _pattern_matches(p: VerbPattern, tok: "Token", before: list["Token"], after: list["Token"],
                     vd: VerbDictionary, mentions: dict[int, int]) -> Binding | None:
    """Slot bindings when ``p`` matches around the verb ``tok`` (the words before it must end at the verb)."""
    binding: Binding = {}
    if len(p.after) > 1 and _match(p.after, [tok, *after], 0, True, vd, mentions, tok.i, binding) is None:
        return None
    if len(p.before) > 1:
        tokens = [*before, tok]
        if _match(p.before, tokens, 0, False, vd, mentions, tok.i, binding) != len(tokens):
            return None
    return binding


def _verb_ok(entry: VerbEntry, tok: "Token") -> bool:
    """A multi-word verb's other words are there ("lash out", "KLM NOP rst")."""
    doc = tok.doc
    nxt = [t.lower_ for t in doc[tok.i + 1: tok.i + 1 + len(entry.after) + 1]]
    prev = [t.lower_ for t in doc[max(0, tok.i - len(entry.before)): tok.i]]
    return all(w in nxt for w in entry.after) and prev[-len(entry.before):] == list(entry.before) \
        if entry.before else all(w in nxt for w in entry.after)


def code_for(tok: "Token", vd: VerbDictionary, mentions: dict[int, int],
             noun: bool = False) -> tuple[str, Binding, bool] | None:
    """(the code as written in its brackets, slot bindings, negation spelled out by the pattern) for a verb of
    the dictionary; None when ``tok`` is not one of its verbs. A ``noun`` ("raised its voice", a dictionary
    verb the parser reads as a noun) is coded only by a pattern with words before it, never by default."""
    # the verb as written first ("left" is LEFT [032:033] before it is a form of LEAVE [012]), else its lemma
    entries = [e for e in vd.lookup(tok.lower_) if _verb_ok(e, tok)] \
        or [e for e in vd.lookup(tok.lemma_.lower()) if _verb_ok(e, tok)]
    if not entries:
        return None
    sent = tok.sent
    before = [t for t in sent if t.i < tok.i]
    after = [t for t in tok.subtree if t.i > tok.i]
    best: tuple[int, int, int] | None = None
    chosen: tuple[VerbPattern, Binding] | None = None
    for order, p in enumerate(p for e in entries for p in e.patterns):
        if noun and not any(e.text not in SLOTS and e.text != "*" for e in p.before):
            continue
        binding = _pattern_matches(p, tok, before, after, vd, mentions)
        if binding is None:
            continue
        rank = (binding.pop(WORDS, 0), p.words, -order)
        if best is None or rank > best:
            best, chosen = rank, (p, binding)
    if chosen is not None:
        p, binding = chosen
        negated = any(e.text in NEGATIONS or "NEG" in e.text for e in (*p.before, *p.after))
        return p.code, binding, negated
    if noun:
        return None
    default = next((e.code for e in entries if event_code(e.code) is not None), "---")
    return default, {}, False


def _mention_of(i: int, mentions: dict[int, int]) -> list[int]:
    return list(range(i, mentions.get(i, i + 1)))


def _target(tok: "Token", mentions: dict[int, int]) -> list[int]:
    """The first actor mention after the verb inside its phrase (not inside a clause with its own subject),
    with the actors coordinated with it."""
    passive = any(c.dep_ == "agent" for c in tok.children)
    for subject in (c for c in tok.children if c.dep_ == "nsubjpass" and passive):   # "X was opposed by Y"
        found = [k for t in expand_conj(subject) for k in _mention_at(t, mentions)]
        if found:
            return found
    own = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree}
    for t in tok.subtree:
        if t.i <= tok.i or t.i in own or t.i not in mentions or t.tag_ == "PRP$":
            continue   # "postponed their meeting": the owner of the object is not the target
        clause = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX") or a.i == tok.i), tok)
        if clause.i != tok.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        return [k for c in expand_conj(t) for k in _mention_of(c.i, mentions)]
    for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i):   # "believes Dagolath can cope"
        # (a clause told before the verb is not in its phrase: "X will restore ties, an official said")
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            found = [k for t in expand_conj(subject) for k in _mention_at(t, mentions)]
            if found:
                return found
    return _continued(tok, mentions)


def _continued(tok: "Token", mentions: dict[int, int]) -> list[int]:
    """A sentence the parser cut before its end ("would shun an anti- | Velmar march": no final
    punctuation) continues in the next: the verb's phrase runs on into it, and its first actor is the target."""
    doc, sent = tok.doc, tok.sent
    if sent[-1].is_punct or sent.end >= len(doc):
        return []
    nxt = doc[sent.end].sent
    first = next((i for i in range(nxt.start, nxt.end) if i in mentions and doc[i].tag_ != "PRP$"), None)
    return [] if first is None else [k for c in expand_conj(doc[first]) for k in _mention_of(c.i, mentions)]


COORDINATION = frozenset({"conj", "appos"})
MISPARSED = frozenset({"nmod", "compound", "npadvmod", "dep"})


def _conjuncts(tokens: list[int], doc: "Doc", mentions: dict[int, int]) -> list[int]:
    """``tokens`` with the actor mentions coordinated with theirs: conjuncts and appositions of a mention's
    head ("Velmar, the Marches, Ostrava and Lund"), also a name the parser hung on the head as a modifier
    that has a conjunction of its own ("Ostrava and the proud old Velmar")."""
    out = list(tokens)
    seen: set[int] = set()
    todo = [doc[s:e].root for s, e in mentions.items() if any(s <= t < e for t in tokens)]
    while todo:
        node = todo.pop()
        if node.i in seen:
            continue
        seen.add(node.i)
        for c in node.children:
            if c.dep_ in COORDINATION or (c.dep_ in MISPARSED and c.i < node.i and any(
                    g.dep_ in ("cc", "conj") for g in c.children)):
                out.extend(k for k in _mention_at(c, mentions) if k not in out)
                todo.append(c)
    return out


def _mention_at(tok: "Token", mentions: dict[int, int]) -> list[int]:
    """The tokens of the actor mention ``tok`` lies in (empty when none)."""
    return next((list(range(s, e)) for s, e in mentions.items() if s <= tok.i < e), [])


def _source(tok: "Token", mentions: dict[int, int]) -> list[int]:
    """The verb's subject; else the actors inside its subject phrases ("Old foes Gondor and Osgiliath");
    else the nearest actor mention before the verb in its sentence."""
    subject = [t.i for t in subject_tokens(tok)]
    own = {c.i for c in tok.children}
    if subject and not own & set(subject):   # a subject borrowed from a governing verb: an actor right before
        left = [c for c in tok.lefts if c.dep_ in ("npadvmod", "nmod", "dep", "compound") and c.pos_ == "PROPN"]
        found = [k for c in left for t in expand_conj(c) for k in _mention_at(t, mentions)]   # "Estonia armed"
        if found:
            return found
    if any(_mention_at(tok.doc[i], mentions) for i in subject):
        return subject
    inside = [k for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
              for k in _mention_of(t.i, mentions) if t.i in mentions]
    if inside:
        return inside
    before = [s for s in mentions if s < tok.i and s >= tok.sent.start]
    return _mention_of(max(before), mentions) if before else subject


RECIPROCAL_OBJECTS = frozenset({"tie", "relation", "talk", "agreement", "accord", "deal", "treaty", "contact",
                                "negotiation", "pact", "truce", "ceasefire", "cooperation", "dispute", "meeting",
                                "summit"})
RECIPROCAL_VERBS = frozenset({"agree", "meet", "negotiate", "reconcile"})


def _reciprocal(tok: "Token", lex: Lexicon) -> bool:
    """A verb read as mutual when its subject is coordinated: symmetric in eventwire's lexicon ("meet",
    "agree"), or with a mutual object ("renewed diplomatic ties"), or "each other"."""
    spec = lex.trigger(tok.lemma_.lower(), "VERB")
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "attr")}
    return (spec is not None and spec.has("sym")) or tok.lemma_.lower() in RECIPROCAL_VERBS \
        or bool(objects & RECIPROCAL_OBJECTS) or any(
        t.lower_ in ("other", "another") and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one")
        for t in tok.subtree)


def _split_conjuncts(tokens: list[int], mentions: dict[int, int]) -> tuple[list[int], list[int], bool]:
    """Coordinated subjects of a mutual act: the first is the source, the others its counterparts (a
    symmetric event); a single subject stays as it is."""
    starts = sorted({s for s, e in mentions.items() for t in tokens if s <= t < e})
    if len(starts) < 2:
        return tokens, [], False
    return _mention_of(starts[0], mentions), [k for s in starts[1:] for k in _mention_of(s, mentions)], True


def plover_type(code: str, lemma: str, lex: Lexicon) -> str:
    """The PLOVER type of a dictionary code (by its CAMEO root); a non-CAMEO code keeps the type eventwire
    gives the verb, else OTHER."""
    if code[:2].isdigit() and code[:2] in CAMEO_ROOT_TO_PLOVER:
        return CAMEO_ROOT_TO_PLOVER[code[:2]]
    spec = lex.trigger(lemma, "VERB")
    return spec.type if spec is not None else "OTHER"


def dictionary_drafts(doc: "Doc", vd: VerbDictionary, lex: Lexicon,
                      mentions: dict[int, int]) -> list[EventDraft]:
    """Drafts for the verbs of the dictionary (none where its code is the null code)."""
    drafts: list[EventDraft] = []
    for tok in doc:
        noun = tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB"
        if noun and tok.tag_[:2] != "NN":
            continue
        found = code_for(tok, vd, mentions, noun)
        if found is None:
            continue
        raw, binding, negation_in_pattern = found
        code = event_code(raw)
        if code is None:
            continue
        lemma = tok.lemma_.lower()
        spec = TriggerSpec(lemma, "VERB", plover_type(code, lemma, lex), None, code, frozenset({DICTIONARY_FLAG}))
        ev = EventDraft(trigger=tok.i, spec=spec, type=spec.type, cameo=code, paired=paired_code(raw))
        ev.source_tokens = _mention_of(binding["$"], mentions) if "$" in binding else _source(tok, mentions)
        ev.target_tokens = _mention_of(binding["+"], mentions) if "+" in binding else _target(tok, mentions)
        if "+" in binding and "$" not in binding and set(ev.source_tokens) & set(ev.target_tokens) \
                and tok.dep_ == "ccomp" and tok.head.i != tok.i:
            # "Osric noted that Lund regretted" with "NOTED + *": the target is the clause's subject,
            # the source the speaker
            ev.source_tokens = _source(tok.head, mentions)
        ev.source_tokens = _conjuncts(ev.source_tokens, doc, mentions)
        ev.target_tokens = _conjuncts(ev.target_tokens, doc, mentions)
        if not ev.target_tokens and _reciprocal(tok, lex):
            ev.source_tokens, ev.target_tokens, ev.symmetric = _split_conjuncts(ev.source_tokens, mentions)
        ev.status = status_of(tok)
        if negation_in_pattern and ev.status == "negated":
            ev.status = "actual"   # the pattern itself codes the negated verb ("did n't clash over")
        drafts.append(ev)
    return drafts


SPEECH = frozenset({"say", "tell", "report", "announce", "state", "add", "note", "claim", "confirm"})


MODIFIER_DEPS = frozenset({"amod", "acl", "compound", "npadvmod"})


def _governed(tok: "Token", coded: set[int]) -> bool:
    """An infinitive or open complement under a coded verb ("called on Gondor to be allowed to leave"):
    the governing verb's patterns code the whole phrase, as TABARI and PETRARCH do."""
    node = tok
    while node.dep_ in ("xcomp", "advcl", "ccomp") and node.head.i != node.i:
        infinitive = node.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if not infinitive:
            return False
        node = node.head
        if node.i in coded:
            return True
    return False


def _reports_dropped(doc: "Doc", drafts: list[EventDraft]) -> list[EventDraft]:
    """The drafts that are events of their own: not a participle modifying a noun ("the exiled dissidents"),
    not a verb governed by another coded verb, and not a speech verb that reports another coded event of its
    sentence (the report is the evidence: "Arnor will restore ties with Gondor, an official said" is one
    event)."""
    coded = {d.trigger for d in drafts}
    drafts = [d for d in drafts if doc[d.trigger].dep_ not in MODIFIER_DEPS and not _governed(doc[d.trigger], coded)]
    sentences = {doc[d.trigger].sent.start for d in drafts if doc[d.trigger].lemma_.lower() not in SPEECH}
    kept = [d for d in drafts if doc[d.trigger].lemma_.lower() not in SPEECH
            or doc[d.trigger].sent.start not in sentences]
    return kept


def with_dictionary(doc: "Doc", drafts: list[EventDraft], vd: VerbDictionary, lex: Lexicon,
                    mentions: dict[int, int], replace: bool) -> list[EventDraft]:
    """eventwire's drafts combined with the dictionary's (see the module docstring)."""
    coded = _reports_dropped(doc, dictionary_drafts(doc, vd, lex, mentions))
    if replace:
        return coded
    mine = {d.trigger for d in coded}
    kept = [d for d in drafts if d.trigger not in mine and not any(t in mine for t in d.extra_triggers)]
    return sorted(kept + coded, key=lambda d: d.trigger)
