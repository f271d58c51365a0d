"""Cue lexicons of the quote stage, the extent of a content phrase, and nominal and adjectival cues
("his claim that …", "her determination to …", "is confident that …", "remains critical of …")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..document.syntax import subject_tokens
from ..model import Span
from .quote_speakers import speaker_at, speaker_of_verb, unknown_speaker
from .spans import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import Analysis

SPEECH_VERBS = {"say", "tell", "add", "state", "declare", "announce", "stress", "insist", "argue", "warn",
                "note", "acknowledge", "admit", "claim", "believe", "think", "write", "explain", "reiterate",
                "emphasize", "emphasise", "describe", "call", "urge", "demand", "ask", "reply", "respond",
                "suggest", "assert", "maintain", "vow", "pledge", "promise", "threaten", "accuse", "deny",
                "confirm", "report", "tweet", "post", "predict", "hope", "fear", "concede", "recall", "quote",
                "contend", "remark", "observe", "comment", "charge", "caution", "complain", "lament", "boast",
                "allege", "agree", "answer", "assure", "cite", "conclude", "continue", "counter",
                "disclose", "estimate", "exclaim", "expect", "find", "indicate", "joke", "know", "mention",
                "proclaim", "propose", "recommend", "reveal", "show", "testify", "worry", "wonder", "question",
                "retort", "shout", "signal", "speculate", "swear", "underscore", "underline", "point", "feel",
                "doubt", "guarantee", "concur", "advise", "brag", "scoff", "quip", "muse", "recount",
                "rule", "read", "highlight", "forecast", "project", "calculate", "reckon", "guess", "imagine",
                "posit", "theorize", "theorise", "surmise", "object", "whisper", "mutter", "yell",
                "scream", "chant", "plead", "emphasize", "repeat", "clarify", "specify", "announce", "advertise",
                "pronounce", "decree", "proclaim", "preach", "lecture", "opine", "insinuate", "infer",
                "acknowledge", "confess", "grumble", "fret", "marvel", "rail", "rant", "sneer", "snap",
                "interject", "interrupt", "begin", "conclude", "demur", "persist", "recognize", "recognise"}
# verbs whose complement clause is reported speech or a reported belief
INDIRECT_VERBS = (SPEECH_VERBS | {"learn", "realize", "realise", "understand", "assume", "suspect", "hear",
                                 "see", "decide", "determine", "hint", "imply", "figure", "sense", "worry",
                                 "trust", "presume", "bet", "gather", "notice", "discover", "convince",
                                 "persuade", "remind", "inform", "notify", "assure", "warn", "contend"}) \
    - {"call", "quote", "describe", "cite", "continue", "begin", "interrupt"}
# commitment and appeal verbs whose to-infinitive is what was said: "vowed to …", "urged X to …"
INFINITIVE_VERBS = {"vow", "pledge", "promise", "threaten", "urge", "call", "ask", "demand", "agree",
                    "refuse", "decline", "offer", "propose", "plan", "want", "intend", "swear", "encourage",
                    "implore", "exhort", "warn", "tell", "advise", "press", "push", "beg", "invite", "hope",
                    "expect", "decide", "vote", "aim", "wish", "claim", "order", "instruct", "request",
                    "beseech", "challenge", "dare", "convince", "persuade", "prefer", "resolve"}
# speech-act verbs whose direct object is the content: "cited the polls", "called for a recount"
OBJECT_VERBS = {"cite", "propose", "promise", "pledge", "demand", "deny", "mention", "announce",
                "recommend", "predict", "urge", "endorse", "question", "criticize", "criticise",
                "praise", "condemn", "dispute", "reject", "acknowledge", "admit", "concede", "blame", "accuse",
                "oppose", "blast", "slam", "champion", "echo", "support", "back", "note",
                "mock", "lambaste", "tout", "promote", "advocate", "applaud", "hail", "welcome",
                "decry", "denounce", "discuss", "reference", "reiterate", "voice", "express",
                "favor", "favour", "deride", "ridicule", "disparage", "chastise", "rebuke", "scold",
                "assail", "berate", "castigate", "denigrate", "describe", "outline",
                "detail", "unveil", "report", "highlight", "stress", "emphasize",
                "emphasise", "underscore", "downplay", "suggest", "forecast", "claim", "allege",
                # stances PolNeAR annotates with their object as the content: "offered a deal", "views it as …"
                "offer", "view", "examine", "embrace", "reject"}
PARTICLE_CUES = {("call", "for"), ("call", "on"), ("point", "to"), ("point", "out"), ("speak", "of"),
                 ("talk", "about"), ("speak", "about"), ("speak", "out"), ("warn", "against"),
                 ("warn", "of"), ("complain", "about"), ("argue", "for"), ("argue", "against"),
                 ("lay", "out"), ("rail", "against"), ("speak", "against"),
                 ("lash", "out"), ("hit", "out"), ("weigh", "in"), ("insist", "on"), ("comment", "on"),
                 ("advocate", "for"), ("campaign", "for"), ("campaign", "against"), 
                 ("vote", "against"), ("agree", "with"), ("disagree", "with"), ("object", "to"),
                 ("ask", "about"), ("ask", "for"), ("boast", "about"), ("brag", "about"), ("joke", "about")}

# nouns that report what someone said, believes or wants: "his claim that …", "her determination to …"
NOUN_CUES = {"claim", "statement", "assertion", "argument", "warning", "promise", "pledge", "vow", "threat",
             "demand", "call", "suggestion", "insistence", "allegation", "accusation", "charge", "concern",
             "fear", "hope", "worry", "belief", "view", "position", "determination", "announcement", "admission", "assurance", "conviction", "contention", "pronouncement",
             "prediction", "proposal", "remark", "comment", "complaint", "criticism", "message",
             "recommendation", "report", "speculation", "suspicion", "testimony", "doubt", "expectation",
             "confidence", "commitment", "intention", "desire", "refusal", "appeal", "plea",
             "offer", "ruling", "finding", "conclusion", "estimate", "verdict", "denial", "acknowledgment",
             "acknowledgement", "confirmation", "disclosure", "revelation", "observation", "explanation",
             "reminder", "boast", "opinion", "stance", "insinuation", "implication", "suggestion",
             "guarantee", "assessment", "forecast", "projection", "prediction", "agreement", "insistence",
             "reassurance", "announcement", "declaration", "proclamation", "contention", "rhetoric",
             "idea", "ideas", "notion", "theory", "thinking", "feeling", "sense", "impression",
             "perception", "understanding", "realization", "skepticism", "scepticism", "optimism",
             "pessimism", "outrage", "anger", "frustration", "disappointment", "praise", "opposition", "objection", "pushback", "questions", "question", "attacks",
             "disdain", "contempt", "admiration", "vision",
             "pitch", "case", "argument", "defense", "defence", "response", "reply",
             "answer", "retort", "rebuttal", "insistence", "emphasis", "focus", "comments", "remarks",
             "statements", "claims", "promises", "threats", "demands", "calls", "warnings", "concerns",
             "fears", "hopes", "worries", "views", "doubts", "reports"}
# of those, the ones whose to-infinitive is what was said or wanted: "her pledge to …"
INFINITIVE_NOUNS = {"promise", "pledge", "vow", "threat", "demand", "call", "determination", "commitment", "intention", "desire", "refusal", "appeal", "plea", "offer",
                    "proposal", "hope", "calls", "demands",
                    "promises", "threats", "agreement", "willingness", "eagerness", "readiness",
                    "reluctance", "unwillingness"}
# and those whose prepositional object is the topic spoken about: "her criticism of …", "concerns about …"
TOPIC_NOUNS = {"criticism", "comment", "comments", "remark", "remarks", "concern", "concerns", "worry",
               "worries", "fear", "fears", "question", "questions", "complaint", "complaints", "praise",
               "announcement", "warning", "warnings", "statement", "statements", "view", "views", "idea",
               "ideas", "opposition", "objection", "objections", "attacks", "disdain",
               "contempt", "admiration", "doubts", "skepticism", "scepticism", "outrage",
               "anger", "frustration", "defense", "defence", "denunciation", "condemnation", "rejection",
               "demand", "demands", "call", "calls", "testimony", "assessment", "position"}
_TOPIC_PREPS = {"of", "about", "on", "over", "against", "for", "regarding", "toward", "towards"}
# adjectives whose clause, infinitive or object is a stance: "is confident that …", "is critical of …"
ADJ_CUES = {"confident", "sure", "certain", "convinced", "adamant", "aware", "worried", "concerned",
            "afraid", "fearful", "hopeful", "optimistic", "pessimistic", "skeptical", "sceptical", "doubtful",
            "determined", "eager", "willing", "unwilling", "ready", "reluctant", "keen", "critical",
            "supportive", "opposed", "insistent", "unsure", "uncertain", "wary", "suspicious",
            "dismissive", "contemptuous", "scornful", "proud", "ashamed", "angry", "upset", "furious",
            "outraged", "frustrated", "disappointed", "unhappy", "happy", "pleased", "satisfied",
            "dissatisfied", "enthusiastic", "vocal", "outspoken", "clear", "emphatic", "explicit",
            "hesitant", "nervous",
            "anxious", "alarmed", "troubled", "grateful", "thankful", "intent", "committed"}
_ADJ_PREPS = {"of", "about", "to", "with", "on", "over", "toward", "towards", "in"}

_OPEN = ("“", '"', "‘", "``", "''", "«")
_CLOSE = ("”", '"', "’", "''", "»")
# sentence connectives that link the reporter's text, not the content: "However, growth is …, he said"
_CONNECTIVES = {"however", "still", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless",
                "indeed", "instead", "besides", "thus", "therefore", "hence", "consequently", "likewise",
                "similarly", "additionally"}


def extent(tokens: list["Token"]) -> tuple[int, int] | None:
    """Character extent of a content phrase: a leading or trailing conjunction ("But …", "… and") and edge
    punctuation dropped, and a trailing comma-set modifier cut ("…, forcing them to …", "…, who is 70")."""
    toks = sorted(tokens, key=lambda t: t.i)
    ids_ = {t.i for t in toks}
    for t in toks[1:]:
        if t.is_punct and t.text == "," and t.i + 1 in ids_:
            nxt = t.doc[t.i + 1]
            trailing = [x for x in toks if x.i > t.i]
            heads = [x for x in trailing if x.head.i not in {y.i for y in trailing}]
            if len(heads) == 1 and (heads[0].dep_ in ("relcl", "appos") or (
                    heads[0].dep_ == "advcl" and heads[0].tag_ == "VBG")) and \
                    (nxt.lower_ in ("who", "which", "whose") or heads[0].dep_ != "relcl"):
                toks = [x for x in toks if x.i < t.i]
                break
    while toks and ((toks[-1].is_punct and toks[-1].text not in _CLOSE) or toks[-1].is_space
                    or (toks[-1].dep_ == "cc" and len(toks) > 1)):
        toks = toks[:-1]
    while toks and ((toks[0].is_punct and toks[0].text not in _OPEN) or toks[0].is_space
                    or (toks[0].dep_ == "cc" and toks[0].lower_ in ("but", "and", "yet", "so", "or"))
                    or (toks[0].lower_ in _CONNECTIVES and toks[0].dep_ in ("advmod", "cc") and len(toks) > 3)):
        toks = toks[1:]
    if len(toks) < 2:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)




def _clause_of(tok: "Token", infinitive: bool, topic_preps: set[str] | None) -> list[tuple[int, int]]:
    """Content phrases hanging off a nominal or adjectival cue: a that/whether clause, a to-infinitive (when
    ``infinitive``), the object of a topic preposition (when ``topic_preps``)."""
    out: list[tuple[int, int]] = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        ext = None
        if c.dep_ in ("acl", "ccomp", "relcl", "appos", "xcomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            marked = any(x.dep_ == "mark" and x.lower_ in ("that", "whether", "if") for x in c.children)
            to_inf = any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) and c.tag_ == "VB"
            bare = c.dep_ == "ccomp" and tok.pos_ == "ADJ"   # "is confident the deal will hold"
            if marked or bare or (infinitive and to_inf):
                ext = extent(list(c.subtree))
        elif c.dep_ == "prep" and topic_preps is not None and c.lower_ in topic_preps:
            ext = extent([t for o in c.children if o.dep_ in ("pobj", "pcomp") for t in o.subtree])
        if ext is not None and ext[1] - ext[0] >= 8:
            out.append(ext)
    return out


def _noun_speaker(noun: "Token", analysis: "Analysis") -> list[str]:
    """Who holds a nominal cue: its possessor ("Trump's claim", "his view"), a speaker compound ("media
    reports"), or the subject of the verb taking it ("expressed concern that …", "made the promise to …")."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.i == noun.i - 1):
            found = speaker_at(list(c.subtree), analysis)
            if not found and c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
                found = [a for a in (unknown_speaker(c, analysis),) if a]
            if found:
                return found
            if c.dep_ == "poss":
                return []
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and head is not noun:
        return speaker_of_verb(head, analysis)
    return []


def noun_and_adjective_cues(doc: "Doc", analysis: "Analysis", quoted: list[tuple[int, int]]
                            ) -> list[tuple[int, int, Span, tuple[str, ...], int]]:
    """(start, end, cue, speaker, cue token) of each content introduced by a noun or an adjective."""
    out: list[tuple[int, int, Span, tuple[str, ...], int]] = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "ADJ") or any(s <= tok.idx < e for s, e in quoted):
            continue
        low = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and (low in NOUN_CUES or tok.lower_ in NOUN_CUES):
            topic = _TOPIC_PREPS if (low in TOPIC_NOUNS or tok.lower_ in TOPIC_NOUNS) else None
            spans = _clause_of(tok, low in INFINITIVE_NOUNS or tok.lower_ in INFINITIVE_NOUNS, topic)
            speaker = tuple(_noun_speaker(tok, analysis)) if spans else ()
        elif tok.pos_ == "ADJ" and low in ADJ_CUES and tok.dep_ in ("acomp", "xcomp", "oprd"):
            spans = _clause_of(tok, True, _ADJ_PREPS)
            verb = tok.head
            speaker = tuple(speaker_of_verb(verb, analysis)) if spans and verb.pos_ in ("VERB", "AUX") else ()
            if subject_tokens(verb) and subject_tokens(verb)[0].lower_ == "it":
                continue   # "it is clear that …": no holder
        else:
            continue
        cue = Span(tok.idx, tok.idx + len(tok.text), tok.text)
        for start, end in spans:
            clause = doc_text(doc)[start:end].split(None, 1)[0].lower()
            if not speaker and clause not in ("that", "whether"):
                continue   # a topic or an infinitive with nobody behind it is not an attribution
            out.append((start, end, cue, speaker, tok.i))
    return out
