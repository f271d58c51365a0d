"""Stage ``positions``: where each actor stands on each issue, with evidence.

Requires ``doc``, ``events``, ``actors``, ``actor_mentions``, ``place_mentions``; assigns ``positions``.

Sources of a stance:
- events that express one: REQUEST → demand, REJECT → reject, AGREE/SUPPORT → support, a THREATEN over an
  action → support for that action;
- statements: "X believes Y would prove beneficial / is necessary" (support) or "… is dangerous" (oppose);
  "X is against Y" / "X opposes Y" (oppose), "X backs Y" (support), with a condition kept from a
  "without …" / "unless …" / "if …" phrase; "X's goal is to Y" (support).
A stance voiced by a government official (or a state institution) is also recorded for the country.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .. import ids
from ..model import Actor, DateValue, Position, Span
from .draft import EventDraft
from .issues import Issue, is_bare, normalise
from ..mentions.spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis

POSITIVE = {"beneficial", "good", "necessary", "important", "essential", "crucial", "vital", "helpful",
            "positive", "right", "useful", "welcome", "acceptable", "needed", "key", "critical", "justified"}
NEGATIVE = {"harmful", "dangerous", "unacceptable", "wrong", "catastrophic", "disastrous", "counterproductive",
            "illegal", "unjustified", "reckless", "mistake", "bad", "irresponsible"}
COGNITION = {"believe", "think", "say", "argue", "insist", "consider", "feel", "stress", "maintain", "contend",
             "warn", "acknowledge", "claim", "state", "add"}
SUPPORT_VERBS = {"support", "back", "favor", "favour", "endorse", "welcome", "embrace", "champion"}
OPPOSE_VERBS = {"oppose", "condemn", "denounce", "resist", "object"}   # "reject" is a REJECT event
GOAL_NOUNS = {"goal", "aim", "objective", "priority", "intention", "mission", "purpose"}
CONDITION_PREPS = {"without", "unless", "absent"}
EVENT_STANCE = {"REQUEST": "demand", "REJECT": "reject", "AGREE": "support", "SUPPORT": "support",
                "THREATEN": "support"}
_GOV_SECTORS = {"GOV", "MIL", "LEG", "COP"}


class _Collector:
    def __init__(self, analysis: "Analysis") -> None:
        self.analysis = analysis
        doc = analysis.doc
        assert doc is not None
        self.doc: "Doc" = doc
        self.actors = {a.id: a for a in analysis.actors}
        self.names = {a.id: a.name for a in analysis.actors}
        self.out: list[Position] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.recent: list[tuple[str, Issue]] = []  # (raw text, issue) in order, for bare "the deal"

    def actors_at(self, tokens: list[int]) -> list[str]:
        out: list[str] = []
        for t in tokens:
            for m in self.analysis.actor_mentions:
                if m.start_token <= t < m.end_token and m.actor not in out:
                    out.append(m.actor)
        return out

    def core(self, tokens: list[int]) -> list[int]:
        """The issue phrase without what only times or conditions it ("… before any ceasefire took effect"),
        and with a relative pronoun replaced by what it stands for ("which Kyiv has backed")."""
        doc = self.doc
        toks = set(tokens)
        for t in list(toks):
            tok = doc[t]
            if tok.dep_ == "advcl" and tok.head.i in toks:
                toks -= {x.i for x in tok.subtree}
        if len(toks) == 1:
            tok = doc[next(iter(toks))]
            if tok.lower_ in ("which", "that") and tok.head.dep_ == "relcl":
                noun = tok.head.head
                toks = {x.i for x in noun.subtree} - {x.i for x in tok.head.subtree}
        return sorted(toks)

    def issue(self, tokens: list[int]) -> tuple[Issue, Span] | None:
        if not tokens:
            return None
        toks = self.core(tokens)
        if not toks:
            return None
        start, end = self.doc[toks[0]].idx, self.doc[toks[-1]].idx + len(self.doc[toks[-1]].text)
        text = doc_text(self.doc)[start:end]
        places: list[str] = []
        pl = {p.id: p for p in self.analysis.places}
        found_places = [pl[pm.place] for pm in self.analysis.place_mentions
                        if any(pm.start_token <= t < pm.end_token for t in toks) and pm.place in pl]
        # the most specific place named in the phrase first ("Israel's invasion of Rafah" is about Rafah)
        for p in sorted(found_places, key=lambda p: p.kind == "country"):
            if p.name not in places:
                places.append(p.name)
        for a in self.actors_at(toks):
            if self.actors.get(a) is not None and self.actors[a].kind == "location":
                places.append(self.actors[a].name)
        actor_names = [self.names[a] for a in self.actors_at(toks) if a in self.names
                       and self.actors[a].kind != "location"]
        if is_bare(text):
            noun = text.lower().split()[-1]
            for raw, iss in reversed(self.recent):
                if noun in raw.lower():
                    return iss, Span(start, end, text)
            for chunk in self.doc.noun_chunks:
                if chunk.end <= toks[0] and chunk.root.lower_ == noun and len(chunk) > 2:
                    iss = normalise(chunk.text, [], [])
                    return iss, Span(start, end, text)
        iss = normalise(text, places, actor_names)
        self.recent.append((text, iss))
        return iss, Span(start, end, text)

    def add(self, actor: str, stance: str, found: tuple[Issue, Span] | None, evidence: list[Span],
            condition: str | None = None, when: DateValue | None = None) -> None:
        if found is None:
            return
        issue, issue_span = found
        key = (actor, issue.key, stance)
        if key in self.seen:
            return
        self.seen.add(key)
        ev = tuple(sorted({*evidence, issue_span}, key=lambda s: s.start))
        self.out.append(Position(
            id=ids.position_id(self.analysis.article.id, actor, issue.key, stance, ev[0].start),
            actor=actor, issue=issue.label, stance=stance, evidence=ev, condition=condition,
            date=when or self.analysis.reference, issue_key=issue.key))


def _tok_span(tok: "Token") -> Span:
    return Span(tok.idx, tok.idx + len(tok.text), tok.text)


def _condition(head: "Token") -> str | None:
    for c in head.children:
        if c.dep_ in ("prep", "advcl", "mark") and c.lower_ in CONDITION_PREPS:
            sub = list(c.subtree)
            return doc_text(head.doc)[sub[0].idx:sub[-1].idx + len(sub[-1].text)]
        if c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark"):
            sub = list(c.subtree)
            return doc_text(head.doc)[sub[0].idx:sub[-1].idx + len(sub[-1].text)]
    return None


DISSUADE = {"dissuade", "deter", "prevent", "stop", "discourage", "warn"}


def _from_events(col: _Collector, drafts: list[EventDraft]) -> None:
    for d in drafts:
        stance = EVENT_STANCE.get(d.type)
        if d.status in ("negated", "denied") or (d.status == "hypothetical" and d.type != "REQUEST"):
            continue   # "urged Hamas to accept the deal" says nothing of Hamas's own stance
        if d.type == "REQUEST" and col.doc[d.trigger].lemma_.lower() in DISSUADE:
            stance = "oppose"  # "dissuade X from another invasion": against the invasion
        if d.type == "REJECT" and col.doc[d.trigger].lemma_.lower() in OPPOSE_VERBS:
            stance = "oppose"  # "opposes the offensive" is a standing position, not the refusal of an offer
        if stance is None or not d.issue_tokens or not d.source:
            continue
        for clause_tokens in _clauses(col.doc, col.core(d.issue_tokens)):
            clause_stance, tokens = _removal(col.doc, clause_tokens, stance)
            found = col.issue(tokens)
            for a in d.source:
                col.add(a, clause_stance, found, [_tok_span(col.doc[d.trigger])], when=d.date)


REMOVAL = {"withdraw", "scrap", "cancel", "abandon", "drop", "repeal", "reverse", "revoke", "lift", "suspend",
           "annul", "shelve", "rescind", "remove"}
FORCES = {"troops", "troop", "forces", "force", "soldiers", "army", "fighters", "personnel", "units"}
FLIP = {"demand": "oppose", "reject": "support", "support": "oppose"}


def _removal(doc: "Doc", tokens: list[int], stance: str) -> tuple[str, list[int]]:
    """A demand to withdraw or scrap something opposes it ("must withdraw this lease", "the lease be
    scrapped"); refusing to withdraw it supports it. Not for forces: "withdraw its troops" stays a demand."""
    toks = set(tokens)
    for t in sorted(toks):
        verb = doc[t]
        if verb.lemma_.lower() not in REMOVAL or stance not in FLIP:
            continue
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i in toks]
        if not objs or objs[0].lemma_.lower() in FORCES:
            continue
        return FLIP[stance], [x.i for x in objs[0].subtree]
    return stance, tokens


def _clauses(doc: "Doc", tokens: list[int]) -> list[list[int]]:
    """"demanded that the lease be scrapped and that the plan be put to a public inquiry": two issues."""
    toks = set(tokens)
    heads = [doc[t] for t in toks if doc[t].dep_ == "ccomp" and doc[t].head.i not in toks]
    if len(heads) != 1:
        return [tokens]
    conjs = [c for c in heads[0].children if c.dep_ == "conj" and c.i in toks]
    if not conjs:
        return [tokens]
    rest = toks - {x.i for c in conjs for x in c.subtree}
    return [sorted(rest)] + [sorted(x.i for x in c.subtree) for c in conjs]


def _from_statements(col: _Collector) -> None:
    doc = col.doc
    for tok in doc:
        lemma = tok.lemma_.lower()
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        # "X believes Y would prove beneficial" / "X believes sweeping Rafah is necessary"
        if lemma in COGNITION and subj:
            for clause in (c for c in tok.children if c.dep_ == "ccomp"):
                adj = [c for c in clause.children if c.dep_ in ("acomp", "attr") and
                       (c.lower_ in POSITIVE or c.lower_ in NEGATIVE)]
                topic = [c for c in clause.children if c.dep_ in ("nsubj", "csubj")]
                if not adj or not topic:
                    continue
                stance = "support" if adj[0].lower_ in POSITIVE else "oppose"
                found = col.issue([t.i for t in topic[0].subtree])
                for a in col.actors_at([s.i for s in subj for s in _conj(s)]):
                    col.add(a, stance, found, [_tok_span(tok), _tok_span(adj[0])])
        # "X is against Y (without Z)" / "X is in favour of Y"
        if lemma == "be" and subj:
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ in ("against", "for"):
                    objs = [c for c in p.children if c.dep_ == "pobj"]
                    if not objs:
                        continue
                    stance = "oppose" if p.lower_ == "against" else "support"
                    found = col.issue([t.i for t in objs[0].subtree])
                    for a in col.actors_at([s.i for s in subj for s in _conj(s)]):
                        col.add(a, stance, found, [_tok_span(p)], condition=_condition(tok))
        # "X opposes / backs Y"
        if tok.pos_ == "VERB" and (lemma in SUPPORT_VERBS or lemma in OPPOSE_VERBS) and subj:
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs and not any(c.dep_ == "neg" for c in tok.children):
                stance = "support" if lemma in SUPPORT_VERBS else "oppose"
                found = col.issue([t.i for t in objs[0].subtree])
                for a in col.actors_at([s.i for s in subj for s in _conj(s)]):
                    col.add(a, stance, found, [_tok_span(tok)], condition=_condition(tok))
        # "his goal was to eliminate Hamas"
        if lemma == "be":
            goal = [c for c in tok.children if c.dep_ == "nsubj" and c.lemma_.lower() in GOAL_NOUNS]
            x = [c for c in tok.children if c.dep_ in ("xcomp", "attr", "ccomp")]
            if goal and x:
                owners = [c for c in goal[0].children if c.dep_ == "poss"]
                found = col.issue([t.i for t in x[0].subtree if t.dep_ != "aux"])
                for a in col.actors_at([o.i for o in owners]):
                    col.add(a, "support", found, [_tok_span(goal[0])])


def _conj(tok: "Token") -> list["Token"]:
    return [tok] + [c for c in tok.children if c.dep_ == "conj"]


def _country_voice(col: _Collector) -> None:
    """Officials speak for their state: copy each official's stance to the country actor."""
    kb = col.analysis.resources.actor_kb()
    for p in list(col.out):
        actor = col.actors.get(p.actor)
        if actor is None or actor.country is None or actor.kind == "country":
            continue
        if not (set(actor.sector) & _GOV_SECTORS) or not actor.resolved:
            continue
        country = kb.country(actor.country)
        if country is None:
            continue
        if country.id not in col.actors:
            rec = Actor(id=country.id, name=country.name, kind="country", country=country.country,
                        wikidata=country.wikidata)
            col.actors[country.id] = rec
            col.analysis.actors.append(rec)
        key = (country.id, p.issue_key or p.issue, p.stance)
        if key in col.seen:
            continue
        col.seen.add(key)
        col.out.append(Position(id=ids.position_id(col.analysis.article.id, country.id, p.issue_key or "",
                                                   p.stance, p.evidence[0].start),
                                actor=country.id, issue=p.issue, stance=p.stance, evidence=p.evidence,
                                condition=p.condition, date=p.date, issue_key=p.issue_key))


def position_stage(analysis: "Analysis") -> None:
    col = _Collector(analysis)
    drafts: list[EventDraft] = analysis.notes.get("event_drafts", [])
    _from_events(col, drafts)
    _from_statements(col)
    _country_voice(col)
    analysis.positions = col.out


def _unused(_: date) -> None:  # pragma: no cover - keeps the date import for type readers
    return None
