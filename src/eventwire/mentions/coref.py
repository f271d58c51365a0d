"""Reference resolution inside the actor stage: pronouns, descriptors ("the militant group", "the Israeli
leader", "the Secretary of State") and plural summaries ("the two", "both").

Rules, in the spirit of Hobbs and of centering: a subject pronoun prefers the previous sentence's subject;
an object pronoun never takes its own clause's subject (binding); agreement by person/number/gender from the
knowledge base; a descriptor takes the most recent mention whose knowledge-base entry carries that
descriptor or holds that role on the article date, else the role's holder on that date.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..resources.actors import ActorKB, KBActor
from .spans import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_NEUTER = {"it", "its", "itself"}
_DETERMINERS = {"the", "this", "that", "these", "those"}
_GROUP_HEADS = {"group", "movement", "organization", "organisation", "militia", "faction", "militants",
                "rebels", "insurgents", "alliance", "bloc", "party", "army", "military", "force", "forces",
                "government", "administration", "regime", "country", "nation", "kingdom", "republic", "state"}
_SUBJ = ("nsubj", "nsubjpass")
PAIR_NOUNS = {"side", "party", "country", "delegation", "government", "leader", "man", "woman", "president",
              "minister", "nation", "state", "army", "group", "rival", "foe", "ally", "neighbour", "neighbor",
              "official", "diplomat", "envoy", "team"}
WINDOW = 5  # sentences a pronoun looks back
DESCRIPTOR_WINDOW = 15  # sentences a descriptor ("the police", "the militant group") looks back


def _kind(d: Draft) -> str:
    return d.actor.kind if d.actor is not None else (d.kind or "group")


def _is_plural(d: Draft, doc: "Doc") -> bool:
    return doc[d.end - 1].tag_ in ("NNS", "NNPS")


def _gender(d: Draft) -> str | None:
    return d.actor.gender if d.actor is not None else None


def _compatible(d: Draft, pron: str, doc: "Doc") -> bool:
    kind = _kind(d)
    if pron in _MALE:
        return kind == "person" and _gender(d) in ("m", None)
    if pron in _FEMALE:
        return kind == "person" and _gender(d) in ("f", None)
    if pron in _PLURAL:
        return kind != "person"
    if pron in _NEUTER:
        return kind in ("organization", "country", "group") and not _is_plural(d, doc)
    return False


def _clause_subject(tok: "Token") -> "Token | None":
    """The subject of the clause a token belongs to (following conj chains up to the shared subject)."""
    verb = tok.head
    for _ in range(4):
        for c in verb.children:
            if c.dep_ in _SUBJ:
                return c
        if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
            verb = verb.head
            continue
        break
    return None


def _sent_index(doc: "Doc") -> list[int]:
    idx = [0] * len(doc)
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            idx[i] = n
    return idx


class _History:
    def __init__(self, doc: "Doc", drafts: list[Draft]) -> None:
        self.doc = doc
        self.sent = _sent_index(doc)
        self.drafts = sorted(drafts, key=lambda d: d.start)
        self._covered = {i for d in drafts for i in range(d.start, d.end)}

    def before(self, i: int, window: int = WINDOW) -> list[Draft]:
        """Mentions before token i within the window (in sentences), most recent first."""
        s = self.sent[i]
        return [d for d in reversed(self.drafts) if d.end <= i and s - self.sent[d.start] <= window]

    def add(self, d: Draft) -> None:
        self.drafts.append(d)
        self.drafts.sort(key=lambda x: x.start)
        self._covered.update(range(d.start, d.end))

    def covered(self, i: int) -> bool:
        return i in self._covered


def _same(a: Draft, b: Draft) -> bool:
    if a.actor is not None and b.actor is not None:
        return a.actor.id == b.actor.id
    return a.actor is None and b.actor is None and (a.name or "").lower() == (b.name or "").lower()


def _copy(src: Draft, start: int, end: int, via: str, head: int | None = None) -> Draft:
    return Draft(start, end, actor=src.actor, name=src.name, kind=src.kind, country=src.country,
                 sector=src.sector, via=via, head=head)


def _partners(d: Draft, tok: "Token", hist: _History) -> list[Draft]:
    """"their" for "Russian and Ukrainian delegations": every actor of the phrase the pronoun took."""
    if tok.lower_ not in _PLURAL:
        return []
    src = [x for x in hist.drafts if x.end <= tok.i and x.actor is d.actor and x.name == d.name]
    if not src:
        return []
    last = src[-1]
    doc = hist.doc
    head = doc[last.end - 1]
    # coordinated with it: "Hamas and Islamic Jihad met … They rejected …"
    linked = {c.i for c in head.children if c.dep_ == "conj"} | ({head.head.i} if head.dep_ == "conj" else set())
    return [_copy(x, tok.i, tok.i + 1, "pronoun") for x in hist.drafts
            if ((x.start, x.end) == (last.start, last.end) or any(x.start <= i < x.end for i in linked))
            and not _same(x, d) and x.end <= tok.i]


def _pronoun(tok: "Token", hist: _History) -> Draft | None:
    pron = tok.lower_
    cands = [d for d in hist.before(tok.i) if _compatible(d, pron, hist.doc)]
    if not cands:
        return None
    doc = hist.doc
    sent = doc[tok.i].sent
    if tok.dep_ in _SUBJ and pron not in _NEUTER:
        # previous sentence's subject first, when nothing compatible intervenes in this sentence
        here = [d for d in cands if d.start >= sent.start]
        if not here:
            prev_sents = [d for d in cands if doc[d.head or d.start].dep_ in _SUBJ]
            if prev_sents and hist.sent[prev_sents[0].start] == hist.sent[cands[0].start]:
                return _copy(prev_sents[0], tok.i, tok.i + 1, "pronoun")
        return _copy(cands[0], tok.i, tok.i + 1, "pronoun")
    if tok.dep_ in ("dobj", "pobj", "dative", "iobj"):
        subj = _clause_subject(tok)
        subj_drafts = [d for d in hist.drafts if subj is not None and d.start <= subj.i < d.end]
        for d in cands:
            if not any(_same(d, s) for s in subj_drafts):
                return _copy(d, tok.i, tok.i + 1, "pronoun")
        return None
    return _copy(cands[0], tok.i, tok.i + 1, "pronoun")


def _descriptor_phrase(tok: "Token") -> tuple[int, str, str | None] | None:
    """For a definite noun ("the militant group", "the Israeli leader"): (start token, phrase, demonym)."""
    dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in _DETERMINERS]
    if not dets:
        return None
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    start = min([dets[0].i] + [m.i for m in mods])
    words = [m.text for m in sorted(mods, key=lambda m: m.i)]
    demonym = next((m.text for m in mods if m.ent_type_ == "NORP" or m.text[:1].isupper()), None)
    phrase = " ".join([w for w in words if w != demonym] + [tok.text])
    return start, phrase, demonym


def _resolve_descriptor(tok: "Token", hist: _History, kb: ActorKB, on: date | None) -> list[Draft]:
    found = _descriptor_phrase(tok)
    if found is None:
        return []
    start, phrase, demonym = found
    iso = kb.country_of_demonym(demonym) if demonym else None
    role = kb.role_key(phrase) or kb.role_key(tok.text)
    earlier = hist.before(start, DESCRIPTOR_WINDOW)
    if role is not None:
        key, _ = role
        for d in earlier:
            a = d.actor
            if a is None or a.kind != "person" or (iso and a.country != iso):
                continue
            spell = kb.role_on(a, on)
            if spell is not None and _role_matches(spell.key, key):
                return [_copy(d, start, tok.i + 1, "descriptor", tok.i)]
        if iso:
            holders = kb.holders(key, iso, on)
            if holders:
                return [Draft(start, tok.i + 1, actor=holders[0], via="descriptor", head=tok.i)]
        return []
    described = {a.id for a in kb.with_descriptor(phrase)} | {a.id for a in kb.with_descriptor(tok.text)}
    if tok.lemma_.lower() not in _GROUP_HEADS and tok.lower_ not in _GROUP_HEADS and not described:
        return []
    for d in earlier:
        if d.actor is not None and d.actor.id in described and (iso is None or d.actor.country == iso):
            return [_copy(d, start, tok.i + 1, "descriptor", tok.i)]
    return []


def _role_matches(held: str, wanted: str) -> bool:
    if wanted == "leader_any":
        return held in ("head_of_government", "head_of_state", "leader")
    return held == wanted


def _the_two(tok: "Token", hist: _History) -> list[Draft]:
    """"The two", "both": the two most recent distinct people (or parties) mentioned."""
    sides = tok.tag_ == "NNS" and tok.lemma_.lower() in PAIR_NOUNS and any(
        c.lower_ in ("both", "two") for c in tok.children)
    if not sides:
        if not ((tok.lower_ == "two" and any(c.lower_ == "the" for c in tok.children)) or tok.lower_ == "both"):
            return []
        if tok.dep_ not in _SUBJ:
            return []
    subj = _clause_subject(tok) if tok.dep_ not in _SUBJ else None
    subj_drafts = [d for d in hist.drafts if subj is not None and d.start <= subj.i < d.end]
    banned = {(d.actor.id if d.actor else d.name) for d in subj_drafts}
    banned_countries = {(d.actor.country if d.actor else d.country) for d in subj_drafts} - {None}
    earlier = [d for d in hist.before(tok.i) if _kind(d) in ("person", "country", "organization", "group")
               and (d.actor.id if d.actor else d.name) not in banned
               and (d.actor.country if d.actor else d.country) not in banned_countries]
    picked: list[Draft] = []
    # a pair told together first: one phrase for two actors, or two coordinated names
    for d in earlier:
        mates = [x for x in earlier if (x.start, x.end) == (d.start, d.end) and not _same(x, d)]
        if mates:
            picked = [d, mates[0]]
            break
    if not picked:
        for d in earlier:
            if any(_same(d, p) for p in picked):
                continue
            picked.append(d)
            if len(picked) == 2:
                break
    if len(picked) < 2:
        return []
    start = min([c.i for c in tok.children if c.dep_ in ("det", "predet", "nummod")] + [tok.i])
    return [_copy(p, start, tok.i + 1, "descriptor", tok.i) for p in picked]


def _role_descriptor(doc: "Doc", start: int, end: int, phrase: str, hist: _History, kb: ActorKB,
                     on: date | None) -> list[Draft]:
    """A title used without a name: "the Secretary of State", "the Israeli prime minister"."""
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return []  # a title before a name belongs to that name
    first = start
    iso: str | None = None
    if first > 0 and (doc[first - 1].ent_type_ == "NORP" or kb.country_of_demonym(doc[first - 1].text)):
        iso = kb.country_of_demonym(doc[first - 1].text) or kb.country_of_name(doc[first - 1].text)
        first -= 1
    if first == 0 or doc[first - 1].lower_ not in _DETERMINERS:
        return []
    role = kb.role_key(phrase)
    if role is None:
        return []
    key, _ = role
    for d in hist.before(first):
        a = d.actor
        if a is None or a.kind != "person" or (iso and a.country != iso):
            continue
        spell = kb.role_on(a, on)
        if spell is not None and _role_matches(spell.key, key):
            return [_copy(d, first - 1, end, "descriptor", end - 1)]
    if iso:
        holders = kb.holders(key, iso, on)
        if holders:
            return [Draft(first - 1, end, actor=holders[0], via="descriptor", head=end - 1)]
    return []


def resolve_references(doc: "Doc", drafts: list[Draft], kb: ActorKB, on: date | None,
                       roles: list[tuple[int, int, str]] | None = None) -> list[Draft]:
    """Add drafts for pronouns, descriptors and plural summaries, left to right (each may feed the next)."""
    hist = _History(doc, drafts)
    role_at = {s: (e, key) for s, e, key in roles or []}
    for tok in doc:
        if hist.covered(tok.i):
            continue
        new: list[Draft] = []
        if tok.i in role_at:
            end, phrase = role_at[tok.i]
            new = _role_descriptor(doc, tok.i, end, phrase, hist, kb, on)
        elif tok.pos_ == "PRON" or tok.lower_ in _MALE | _FEMALE | _PLURAL | _NEUTER:
            if tok.lower_ in _MALE | _FEMALE | _PLURAL | _NEUTER:
                d = _pronoun(tok, hist)
                if d is not None:
                    new = [d] + _partners(d, tok, hist)
        elif tok.pos_ in ("NOUN", "PROPN"):
            new = _the_two(tok, hist) or _resolve_descriptor(tok, hist, kb, on)
        elif tok.pos_ == "NUM" or tok.lower_ == "both":
            new = _the_two(tok, hist)
        for d in new:
            hist.add(d)
    return hist.drafts
