"""Speakers of quotes: the actor at the subject of a cue, relative pronouns linked to their antecedent, and
unresolved actors for speakers the actor stage did not find ("Mr. Tanner said", "a campaign aide said", "a
new poll shows": kind "document")."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from .. import ids
from ..document.syntax import subject_tokens
from ..model import Actor, ActorMention, Span
from .spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..pipeline import Analysis

# heads that name a person or a group able to speak; anything else ("the poll", "a study") is not an actor
SPEAKER_NOUNS = {"source", "official", "aide", "adviser", "advisor", "critic", "expert", "analyst", "spokesman",
                 "spokeswoman", "spokesperson", "people", "person", "witness", "campaign", "committee", "group",
                 "party", "company", "firm", "agency", "government", "administration", "police", "union",
                 "council", "board", "department", "ministry", "office", "commission", "team", "staff",
                 "family", "friend", "colleague", "ally", "rival", "activist", "lawyer", "attorney", "doctor",
                 "scientist", "economist", "diplomat", "minister", "president", "chairman", "chairwoman",
                 "chair", "director", "chief", "head", "leader", "member", "candidate", "nominee", "senator",
                 "governor", "mayor", "authority", "authorities", "military", "army", "coalition",
                 "alliance", "network", "newspaper", "paper", "magazine", "outlet", "organization",
                 "organisation", "association", "federation", "movement", "mother", "father", "wife",
                 "husband", "son", "daughter", "woman", "man", "resident", "student", "executive", "owner",
                 "host", "anchor", "reporter", "journalist", "correspondent", "commentator", "columnist",
                 "editor", "historian", "strategist", "pollster", "lawmaker", "legislator", "politician",
                 "representative", "delegate", "envoy", "ambassador", "mediator", "negotiator", "general",
                 "commander", "officer", "soldier", "insider", "observer", "participant", "bank", "court",
                 "judge", "justice", "prosecutor", "bureau", "institute", "university", "foundation", "station",
                 "broadcaster", "website", "regulator", "watchdog", "panel", "caucus", "congress", "parliament",
                 "senate", "house", "cabinet", "embassy", "consulate", "ministry", "secretary", "professor",
                 "researcher", "advocate", "protester", "protestor", "demonstrator", "voter", "supporter",
                 "opponent", "republican", "democrat", "conservative", "liberal", "manager", "employee",
                 "worker", "victim", "parent", "child", "teacher", "citizen", "neighbor", "neighbour",
                 "surrogate", "operative", "consultant", "donor", "nurse", "physician", "priest", "cleric",
                 "administrator", "industry", "corporation", "business", "school", "hospital", "city"}
# heads of texts and records that PolNeAR-style attribution treats as sources ("the poll shows", "a study
# found", "according to the report", "the ad claims"): kept as unresolved actors of kind "document", so they
# are told apart from people and groups (coreference and event roles look only at those)
DOCUMENT_NOUNS = {"poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis",
                  "analyses", "review", "audit", "investigation", "inquiry", "probe", "research", "data",
                  "figures", "numbers", "statistics", "estimate", "estimates", "projection", "projections",
                  "forecast", "model", "index", "average", "tally", "count", "census", "results", "findings",
                  "record", "records", "document", "documents", "memo", "memorandum", "letter", "email", "emails",
                  "filing", "complaint", "lawsuit", "suit", "ruling", "opinion", "decision", "order", "verdict",
                  "statement", "release", "transcript", "testimony", "ad", "ads", "advertisement", "commercial",
                  "video", "footage", "recording", "tape", "book", "memoir", "article", "story", "piece",
                  "editorial", "column", "op-ed", "essay", "blog", "tweet", "tweets", "post", "message",
                  "website", "site", "page", "paper", "brief", "bill", "law", "legislation", "resolution",
                  "platform", "plan", "proposal", "policy", "bylaws", "rules", "guidelines", "constitution",
                  "charter", "treaty", "agreement", "accord", "contract", "warrant", "indictment", "evidence",
                  "questionnaire", "banner", "headline", "caption", "map", "chart",
                  "graphic", "textbook", "manual", "guide", "handbook", "speech", "interview", "broadcast",
                  "show", "program", "programme", "documentary", "film", "movie", "song", "poster", "flyer",
                  "leaflet", "pamphlet", "petition", "manifesto", "campaign", "assessment", "evaluation",
                  "calculation", "calculations", "simulation", "test", "tests", "experiment", "trial"}
# what a text can do as a source: report, show or argue; not aim, plan or agree (a resolution "that aims to
# …" is the object of an event, and is left to the event stage)
DOCUMENT_VERBS = {"say", "state", "show", "find", "reveal", "indicate", "suggest", "confirm", "conclude",
                  "report", "claim", "allege", "argue", "assert", "note", "warn", "predict", "project",
                  "estimate", "forecast", "describe", "detail", "list", "document", "depict", "record", "read",
                  "put", "write", "call", "accuse", "charge", "question", "mention", "cite", "declare",
                  "announce", "explain", "recommend", "propose", "urge", "demand", "insist", "contend",
                  "highlight", "stress", "underscore", "emphasize", "emphasise", "acknowledge", "admit",
                  "add", "tell", "ask", "give", "capture", "blame", "criticize", "criticise", "praise"}
_AGENT_SUFFIX = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ent", "ents", "ant", "ants")
_NOT_AGENTS = {"paper", "letter", "order", "number", "member", "computer", "chapter", "matter", "counter",
               "quarter", "border", "center", "centre", "corner", "factor", "sector", "error", "monitor",
               "document", "statement", "comment", "argument", "agreement", "report", "event", "percent",
               "moment", "government", "element", "amount", "content", "document", "requirement", "poster",
               "filter", "meter", "register", "trailer", "printer", "tweeter", "thriller", "disaster",
               "payment", "investment", "treatment", "development", "environment", "management", "movement",
               "incident", "accident", "extent", "talent", "assessment", "announcement", "endorsement",
               "settlement", "department", "parliament", "establishment", "majority", "minority"}
_TITLES = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sen.", "rep.", "gov.", "gen.", "prof.", "sen",
           "rep", "gov", "gen", "prof", "lt.", "col.", "capt.", "sgt.", "rev.", "judge", "president",
           "senator", "governor", "secretary", "chairman", "chancellor", "minister", "mayor", "sir", "lady"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "today", "yesterday", "tomorrow", "tonight", "update", "note", "abstract",
              "photo", "video", "watch", "related", "correction", "editor", "text", "source", "read", "more",
              "breaking", "live", "opinion", "analysis", "exclusive", "full", "transcript", "q", "a"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


def speaker_at(tokens: list["Token"], analysis: "Analysis") -> list[str]:
    """The actors with a mention over any of ``tokens``, in order."""
    idx = {t.i for t in tokens}
    out: list[str] = []
    for m in analysis.actor_mentions:
        if any(m.start_token <= i < m.end_token for i in idx) and m.actor not in out:
            out.append(m.actor)
    return out


def add_mention(analysis: "Analysis", aid: str, start: "Token", end: "Token", via: str,
                listed: bool = True) -> None:
    """Give actor ``aid`` a mention over tokens ``start``…``end`` (inclusive), in the actor and (when
    ``listed``) in the list of actor mentions the later stages read."""
    doc = start.doc
    span = Span(start.idx, end.idx + len(end.text), doc_text(doc)[start.idx:end.idx + len(end.text)])
    k = next((i for i, a in enumerate(analysis.actors) if a.id == aid), None)
    if k is not None and span not in analysis.actors[k].mentions:
        a = analysis.actors[k]
        analysis.actors[k] = dataclasses.replace(
            a, mentions=tuple(sorted((*a.mentions, span), key=lambda s: s.start)))
    if listed and not any(m.span == span and m.actor == aid for m in analysis.actor_mentions):
        analysis.actor_mentions.append(ActorMention(span=span, actor=aid, start_token=start.i,
                                                    end_token=end.i + 1, head=end.i, via=via))


def _agent_sector(analysis: "Analysis", start: "Token", end: "Token") -> tuple[str, ...]:
    """The sector an agent word in a speaker's phrase gives it ("police sources": police; "military sources":
    the military); the leftmost agent word rules, as in "police commissioner"."""
    kb = analysis.resources.actor_kb()
    for tok in start.doc[start.i:end.i + 1]:
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") and not (tok.lower_ == "general" and tok.head.i > tok.i):
            spec = kb.agent(tok.text) or kb.agent(tok.lemma_)   # not the "general" of "general manager"
            if spec is not None and spec.sector:
                return (spec.sector,)
    return ()


def new_speaker(analysis: "Analysis", name: str, kind: str, start: "Token", end: "Token") -> str:
    """An unresolved actor named ``name`` with a mention over ``start``…``end`` (reused when it exists). A
    text (kind "document") is a source of quotes only: its mention is kept on the actor but not listed for the
    event and position stages, for which a report or a poll is no party to what it reports."""
    sector = _agent_sector(analysis, start, end)
    aid = ids.actor_id(None, name, None, sector)
    if not any(a.id == aid for a in analysis.actors):
        analysis.actors.append(Actor(id=aid, name=name, kind=kind, sector=sector, resolved=False, mentions=()))
    add_mention(analysis, aid, start, end, "speaker", listed=kind != "document")
    return aid


def _name_tokens(tok: "Token") -> list["Token"]:
    """A proper name around its head: compounds and flat names ("Mr. Jim King", "Stumpf")."""
    left = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return sorted(left + [tok], key=lambda t: t.i)


def unknown_speaker(tok: "Token", analysis: "Analysis", documents: bool = True) -> str | None:
    """A speaker the actor stage did not find ("Mr. Tanner said", "a campaign aide said") is kept as an
    unresolved actor with its own words as name; pronouns and things that cannot speak are not, and a text
    ("the poll") only where ``documents``."""
    low = tok.lemma_.lower()
    if tok.pos_ == "PROPN":
        span = _name_tokens(tok)
        words = [t.text for t in span if t.lower_ not in _TITLES]
        titled = any(t.lower_ in _TITLES for t in span) or any(
            t.lower_ in _TITLES for t in tok.lefts if t.dep_ in ("compound", "amod"))
        if not words or tok.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL") or \
                any(w.lower().rstrip(".") in _NOT_NAMES for w in words):
            return None
        # spaCy often takes a surname for a place or a date ("Last week Stumpf said"); as the subject of a
        # speech act the name speaks, so only the label for the kind is used
        kind = "person" if tok.ent_type_ == "PERSON" or titled else \
            "organization" if tok.ent_type_ in ("ORG", "NORP") else "group"
        return new_speaker(analysis, " ".join(words), kind, span[0], span[-1])
    if tok.pos_ == "NOUN" and (low in SPEAKER_NOUNS or (low.endswith(_AGENT_SUFFIX) and low not in _NOT_AGENTS
                                                        and len(low) > 5)):
        mods = [t for t in tok.lefts if t.dep_ in ("compound", "amod") and t.i == tok.i - 1]
        start = mods[0] if mods else tok
        name = " ".join(t.lower_ if t.pos_ != "PROPN" else t.text for t in (mods + [tok]))
        return new_speaker(analysis, name, "group", start, tok)
    if documents and tok.pos_ == "NOUN" and (low in DOCUMENT_NOUNS or tok.lower_ in DOCUMENT_NOUNS):
        mods = [t for t in tok.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i < tok.i
                and not t.is_punct]
        # a known actor's name in front ("a U.N. Security Council resolution") stays that actor's mention
        covered = [m.end_token for m in analysis.actor_mentions if m.start_token < tok.i and m.end_token <= tok.i
                   and any(m.start_token <= t.i < m.end_token for t in mods)]
        mods = [t for t in mods if t.i >= max(covered, default=0)]
        start = min(mods, key=lambda t: t.i) if mods else tok
        name = " ".join(t.lower_ if t.pos_ != "PROPN" else t.text for t in tok.doc[start.i:tok.i + 1])
        return new_speaker(analysis, name, "document", start, tok)
    return None


def _relative_pronoun(verb: "Token") -> "Token | None":
    """The relative pronoun that is the subject of ``verb`` or of the relative clause it continues
    ("officials who met and said …", "many of whom say …")."""
    v = verb
    for _ in range(4):
        if v.dep_ == "relcl":
            for c in v.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS:
                    return c
                if c.dep_ == "nsubj":   # "many of whom"
                    for p in c.children:
                        if p.dep_ == "prep":
                            rel = next((o for o in p.children if o.lower_ in ("whom", "which")), None)
                            if rel is not None:
                                return c
            return None
        if v.dep_ not in ("xcomp", "conj") or v.head is v:
            return None
        v = v.head
    return None


def cue_subject(verb: "Token") -> list["Token"]:
    """The subject of a cue verb, through a by-gerund ("responded … by saying …")."""
    subj = subject_tokens(verb)
    if not subj and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        subj = subject_tokens(verb.head.head)
    if not subj and verb.i > 0 and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "In a meeting with the editors of the Daily Nation Mwakio said that …": the parser took the name just
        # before a finite root verb for the object of a preposition; it is the verb's subject
        prev = verb.doc[verb.i - 1]
        if prev.pos_ == "PROPN" and prev.dep_ == "pobj" and prev.head.i < prev.i and "\n" not in prev.whitespace_:
            subj = [prev]
    return subj


# a share of people as the holder of a view: "63 percent said …", "a majority of voters expect …", "some note …"
SHARE_WORDS = {"percent", "%", "majority", "minority", "most", "many", "some", "few", "several", "each", "both",
               "others", "half", "third", "quarter", "all", "none", "plurality"}
OPINION_VERBS = {"believe", "think", "expect", "feel", "prefer", "support", "back", "favor", "favour",
                 "oppose", "approve", "disapprove", "agree", "disagree", "want", "fear", "worry", "doubt",
                 "know", "choose", "view", "see", "consider", "trust", "distrust", "like", "dislike", "rate"}


def _share_speaker(tok: "Token", analysis: "Analysis") -> str | None:
    """An unresolved group for a share of people that holds a view ("Twelve percent", "some", "each")."""
    if tok.lower_ not in SHARE_WORDS or tok.pos_ not in ("NOUN", "PRON", "ADJ", "DET", "NUM", "SYM"):
        return None
    if any(c.dep_ == "prep" and any(o.lower_ in ("whom", "which") for o in c.children) for c in tok.children):
        return None   # "many of whom": the relative clause's antecedent speaks
    words = [t for t in tok.doc[tok.left_edge.i:tok.i + 1] if not t.is_punct]
    for c in tok.children:   # "a majority of voters"
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1:
            words += [t for t in c.subtree if not t.is_punct]
    if not words:
        return None
    name = " ".join(t.text for t in words)
    return new_speaker(analysis, name[:1].lower() + name[1:] if not words[0].pos_ == "PROPN" else name, "group",
                       words[0], words[-1])


def speaker_of_verb(verb: "Token", analysis: "Analysis") -> list[str]:
    subj = cue_subject(verb)
    found = speaker_at(subj, analysis)
    if not found and subj:
        texts = verb.lemma_.lower() in DOCUMENT_VERBS
        found = [a for a in (unknown_speaker(t, analysis, texts) for t in subj) if a]
    if not found and len(subj) == 1 and verb.lemma_.lower() in DOCUMENT_VERBS | OPINION_VERBS:
        found = [a for a in (_share_speaker(subj[0], analysis),) if a]
    rel = _relative_pronoun(verb)
    if not found and rel is not None and rel.lower_ in ("who", "whom") and subj and subj[0].pos_ == "NOUN":
        # "an architect who said …": "who" refers to a person, whatever the noun
        head = subj[0]
        mods = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i == head.i - 1]
        name = " ".join(t.lower_ for t in mods + [head])
        found = [new_speaker(analysis, name, "person", (mods or [head])[0], head)]
    if not found and rel is not None and rel.lower_ not in RELATIVE_PRONOUNS:
        # "senators, many of whom say …": the antecedent of the relative clause speaks
        v = verb
        while v.dep_ != "relcl" and v.head is not v:
            v = v.head
        if v.dep_ == "relcl":
            found = speaker_at([v.head], analysis) or [a for a in (unknown_speaker(v.head, analysis),) if a]
    if rel is not None:
        # "the senator, who said …": the pronoun is a mention of its antecedent
        end = max((t for t in rel.subtree), key=lambda t: t.i)
        for aid in found:
            add_mention(analysis, aid, rel, end, "relative")
    return found
