"""Events told inside quotations: a speaker's demand ("The government must withdraw this lease") and the
threat attached to it ("… or face a strike that will shut down every berth").

The quote's speaker (from the quotes stage) is the source; the subject of the obliged clause the target.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..mentions.spans import tokens_within
from ..model import Quote
from ..resources.events import TriggerSpec
from .draft import EventDraft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DEONTIC = {"must", "should", "ought", "has", "have", "need", "needs"}
THREAT_VERBS = {"face", "risk", "suffer", "pay"}
RESTRICT_NOUNS = {"strike", "boycott", "blockade", "shutdown", "walkout", "sanction", "sanctions", "embargo"}
_REQUEST = TriggerSpec("must", "VERB", "REQUEST", None, "020", frozenset({"obj"}))


def _deontic(verb: "Token") -> bool:
    for c in verb.children:
        if c.dep_ == "aux" and c.lower_ in ("must", "should", "ought"):
            return True
    return False


def _tokens(doc: "Doc", q: Quote) -> list["Token"]:
    return tokens_within(doc, q.start, q.end)


def quoted_demands(doc: "Doc", quotes: list[Quote], taken: set[int]) -> list[EventDraft]:
    out: list[EventDraft] = []
    for q in quotes:
        if q.kind not in ("direct", "partial") or not q.speaker:
            continue
        for verb in _tokens(doc, q):
            if verb.pos_ not in ("VERB", "AUX") or not _deontic(verb):
                continue
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or subj[0].lower_ in ("we", "i"):
                continue
            demand = EventDraft(trigger=verb.i, spec=_REQUEST, type="REQUEST", cameo="100")
            demand.source_tokens = []
            demand.quote_speakers = q.speaker
            demand.target_tokens = [subj[0].i]
            demand.issue_tokens = [t.i for t in verb.subtree if t.i not in {s.i for s in subj[0].subtree}
                                   and t.dep_ != "aux" and not (t.dep_ == "cc" or t.dep_ == "conj"
                                                                and t.lemma_.lower() in THREAT_VERBS)]
            demand.issue_tokens = [verb.i] + [t.i for c in verb.children if c.dep_ in ("dobj", "prep")
                                              for t in c.subtree]
            out.append(demand)
            for c in verb.children:
                if c.dep_ == "conj" and c.lemma_.lower() in THREAT_VERBS:
                    objs = [o for o in c.children if o.dep_ == "dobj"]
                    restrict = any(o.lemma_.lower() in RESTRICT_NOUNS for o in objs)
                    spec = TriggerSpec(c.lemma_.lower(), "VERB", "THREATEN", "restrict" if restrict else
                                       "violence", "130", frozenset({"obj"}))
                    threat = EventDraft(trigger=c.i, spec=spec, type="THREATEN", cameo="130",
                                        mode=spec.mode, status="threatened")
                    threat.quote_speakers = q.speaker
                    threat.target_tokens = [subj[0].i]
                    threat.issue_tokens = [t.i for o in objs for t in o.subtree]
                    out.append(threat)
    return out
