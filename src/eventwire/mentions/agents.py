"""Generic agents inside the actor stage: "Israeli troops", "Russian and Ukrainian delegations",
"State Department officials", "police in Lagos", "a regional police commander", "the union".

An agent noun (``agents.tsv``) takes its country from a demonym, country name, possessor or place
modifier, or an in/from/of phrase; an organisation it belongs to ("officials of the ministry",
"a spokesperson for the office", "State Department officials") makes the mention that organisation's;
coordinated demonyms make one agent per country. A bare definite noun naming the kind of an organisation
met earlier ("the union" after "the Coast Port Workers' Union") refers to it, and a bare generic noun
("the police") refers to the last agent of the same kind ("Kenyan police").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..resources.actors import ActorKB, AgentSpec, KBActor
from .spans import Draft

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUANTIFIERS = {"several", "other", "many", "some", "few", "more", "most", "all", "both", "various", "numerous",
               "dozens", "hundreds", "thousands", "millions", "scores", "tens", "least", "about", "nearly",
               "own", "such", "same", "certain"}
MEMBER_NOUNS = {"official", "spokesperson", "spokesman", "spokeswoman", "member", "committee", "delegation",
                "leader", "commander", "negotiator", "representative", "envoy", "chief", "head", "minister",
                "officer", "fighter", "soldier", "troops", "forces", "unit", "spokespeople", "team", "staff",
                "company", "battalion"}   # "two companies of the border police": units of a force
CLASSES = {"protester": "protester", "protestor": "protester", "demonstrator": "protester",
           "marcher": "protester", "crowd": "protester", "rioter": "protester",
           "soldier": "troops", "troops": "troops", "troop": "troops", "force": "troops",
           "officer": "police", "police": "police", "policeman": "police", "policemen": "police"}
GOVERNMENT = {"government", "authorities", "administration", "authority"}
INSTRUMENTS = {"jet", "aircraft", "warplane", "plane", "helicopter", "drone", "tank", "artillery", "gunboat",
               "warship", "missile", "rocket", "bomber"}
SECTOR_WORDS = {"aid": "NGO", "rights": "NGO", "humanitarian": "NGO", "relief": "NGO", "volunteer": "NGO",
                "charity": "NGO", "armed": "REB", "militant": "REB", "rebel": "REB", "jihadist": "REB",
                "health": "HLH", "medical": "HLH", "opposition": "OPP", "student": "EDU", "labour": "LAB",
                "labor": "LAB", "media": "MED", "news": "MED", "religious": "REL", "church": "REL"}
STATE_FORCES = {"COP", "MIL"}
# Words that make an armed group an ethnic or communal one ("Tiv militias", "clan militiamen", "tribesmen"):
# the sector gains ETH, which ACLED calls an identity militia
ETHNIC_WORDS = {"ethnic", "tribal", "communal", "clan", "tribe", "tribesman", "tribesmen", "clansman", "clansmen"}
ARMED_HEADS = {"militia", "militiaman", "militiamen", "gunman", "gunmen", "fighter", "attacker", "assailant"}


def _country_of(tok: "Token", kb: ActorKB, place_country: dict[int, str]) -> str | None:
    return (kb.country_of_demonym(tok.text) or kb.country_of_name(tok.text) or _two_word_country(tok, kb)
            or place_country.get(tok.i) or None)


def _two_word_country(tok: "Token", kb: ActorKB) -> str | None:
    """The country of a two-word demonym or name ending at ``tok`` ("Sri Lankan police", "South African troops")."""
    if tok.i == 0 or not tok.nbor(-1).text[:1].isupper():
        return None
    pair = f"{tok.nbor(-1).text} {tok.text}"
    return kb.country_of_demonym(pair) or kb.country_of_name(pair)


def _ethnic(child: "Token", kb: ActorKB) -> bool:
    """A modifier naming an ethnic or communal group ("Fulani", "Nuer", "clan"), not a state's people and
    not a creed or an ideology ("Islamist", "Maoist")."""
    if child.lower_ in ETHNIC_WORDS:
        return True
    named = child.ent_type_ == "NORP" or (child.pos_ == "PROPN" and not child.is_sent_start)
    return named and child.text[:1].isupper() and not child.lower_.endswith(("ist", "ists")) \
        and kb.country_of_demonym(child.text) is None and kb.country_of_name(child.text) is None


def _kind_key(tok: "Token") -> str:
    lemma = tok.lemma_.lower()
    return CLASSES.get(lemma, CLASSES.get(tok.lower_, lemma))


def _head_lemma(doc: "Doc", d: Draft) -> str:
    return doc[d.end - 1].lemma_.lower()


def agent_drafts(doc: "Doc", kb: ActorKB, taken: set[int], named: list[Draft],
                 place_country: dict[int, str]) -> list[Draft]:
    by_token = {i: d for d in named for i in range(d.start, d.end)}
    drafts: list[Draft] = []
    # members are resolved after what they belong to ("a member of the Ukrainian delegation")
    members = [t for t in doc if t.lemma_.lower() in MEMBER_NOUNS | {"member"} and any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") for c in t.children)]
    member_ids = {t.i for t in members}
    order = [t for t in doc if t.i not in member_ids] + members
    for tok in order:
        for d in drafts[-3:]:   # agents made so far can own later ones ("the union's leaders")
            for i in range(d.start, d.end):
                by_token.setdefault(i, d)
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken:
            continue
        phrase, spec = _agent_phrase(doc, tok, kb, taken)
        if spec is None:
            continue
        if tok.tag_ == "NNS" and _the_two(tok) and not any(
                c.dep_ in ("amod", "compound") and (kb.country_of_demonym(c.text) or kb.country_of_name(c.text))
                for c in tok.children):
            continue   # "the two leaders", "both sides": the pair named before (coreference)
        if tok.lemma_.lower() in INSTRUMENTS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            continue   # "its jets": the owner acts; events read the possessor
        countries: list[tuple[str, str]] = []
        owner: KBActor | Draft | None = None
        words: list["Token"] = []
        nationality = False
        ethnic = tok.lower_ in ETHNIC_WORDS or tok.lemma_.lower() in ETHNIC_WORDS
        start = tok.i
        sector = spec.sector
        for child in sorted(tok.children, key=lambda c: c.i):
            if child.i > tok.i or child.dep_ not in ("amod", "compound", "nmod", "npadvmod", "poss", "det",
                                                     "nummod"):
                continue
            if child.i >= phrase:
                words.append(child)
                start = min(start, child.i)
                continue   # a word of the agent's own name ("main opposition group"): it sets no other sector
            if tok.lemma_.lower() in ARMED_HEADS | ETHNIC_WORDS and child.dep_ in ("amod", "compound") \
                    and _ethnic(child, kb) and not (child.i in by_token and by_token[child.i].actor is not None):
                ethnic = True
            if child.dep_ == "det":
                if child.lower_ in ("the", "a", "an"):
                    start = min(start, child.i)
                continue
            if child.dep_ == "nummod":
                start = min(start, min(t.i for t in child.subtree))
                continue
            if _pro_prefix(child):
                continue   # "pro" and "-" of "pro-Hadi forces": read with the name they introduce
            if child.i in by_token and _pro_named(child):
                d = by_token[child.i]
                # allegiance: "pro-Hadi forces" are forces of the state Hadi leads; "pro-Houthi forces" the Houthis'
                if d.actor is not None and (d.actor.kind in ("person", "country") or set(d.actor.sector) & {
                        "GOV", "MIL"}) and d.actor.country:
                    countries.append((d.actor.country, "pro-" + doc[d.start:d.end].text))
                else:
                    owner = d.actor if d.actor is not None else d
                start = min(start, child.i - 2 if doc[child.i - 1].text == "-" else child.i)
                continue
            if child.i in by_token:
                d = by_token[child.i]
                if d.actor is not None and d.actor.kind == "country":
                    countries.append((d.actor.country or "", doc[d.start:d.end].text))
                else:
                    owner = d.actor if d.actor is not None else d
                start = min(start, d.start)
                continue
            iso = _country_of(child, kb, place_country)
            group = [child] + [c for c in child.children if c.dep_ == "conj"]
            if iso:
                for g in group:
                    g_iso = _country_of(g, kb, place_country)
                    if g_iso:
                        countries.append((g_iso, g.text))
                start = min(start, child.i - 1 if _two_word_country(child, kb) else child.i)
                nationality = True
            elif child.ent_type_ == "NORP":
                words.append(child)
                nationality = True
                start = min(start, child.i)
            elif child.pos_ in ("ADJ", "NOUN", "PROPN") and child.lower_ not in QUANTIFIERS \
                    and not child.like_num and child.dep_ != "poss" or child.lower_ in SECTOR_WORDS:
                words.append(child)
                start = min(start, child.i)
                inner = kb.agent(child.text) or kb.agent(child.lemma_)
                if inner is not None and not (sector == "COP" and inner.sector == "UAF"):
                    sector = inner.sector  # "police commander" is police; "paramilitary police" still police
                word_sector = SECTOR_WORDS.get(child.lower_)   # "aid group" is an NGO
                if word_sector is not None and not (word_sector == "REB" and sector in STATE_FORCES):
                    sector = word_sector   # but "armed policemen" are still the police
        shared = [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i] \
            if tok.dep_ == "conj" and tok.head.pos_ == "NOUN" else []   # "lawmakers and officials in Fornost"
        for child in [*tok.children, *shared]:
            if child.dep_ != "prep" or child.lower_ not in ("in", "from", "of", "for"):
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if tok.lemma_.lower() in ARMED_HEADS and pobj.lemma_.lower() in ETHNIC_WORDS | {"community"}:
                    ethnic = True   # "militiamen from the Leelkayse clan", "gunmen of the Hema community"
                ref = by_token.get(pobj.i) or _refers_back(doc, pobj, named, drafts)
                if ref is not None:
                    d = ref
                    if d.actor is not None and d.actor.kind == "country":
                        countries.append((d.actor.country or "", doc[d.start:d.end].text))
                    elif _head_lemma(doc, d) and tok.lemma_.lower() in MEMBER_NOUNS | GOVERNMENT | {"member"}:
                        owner = d.actor if d.actor is not None else d
                elif pobj.i in place_country and not countries and owner is None:
                    # "police in Lagos"; but "EFF members in Soweto" belong to the EFF, which the place does not change
                    countries.append((place_country[pobj.i], pobj.text))
                if countries and child.lower_ in ("in", "of", "from"):
                    # "lawmakers in Velmar and Ostrava": the lawmakers of each country (also when the parser
                    # hangs the second country on the noun itself)
                    more = [c for c in pobj.children if c.dep_ == "conj"] + [
                        c for c in child.head.children if c.dep_ == "conj" and c.i > pobj.i]
                    for c in more:
                        other = by_token.get(c.i)
                        if other is not None and other.actor is not None and other.actor.kind == "country":
                            countries.append((other.actor.country or "", doc[other.start:other.end].text))
        while start < tok.i and not doc[start].text[:1].isalnum():
            start += 1
        if len({iso for iso, _ in countries}) < len(countries):
            # "in Cosoleacaque, Veracruz, armed men" misparsed as modifiers: one country, one agent
            firsts: dict[str, str] = {}
            for iso, text in countries:
                firsts.setdefault(iso, text)
            countries = list(firsts.items())
        if owner is not None and not countries:
            if isinstance(owner, Draft):
                # an unknown name over an armed noun ("Tiv militias", "Clan militiamen") is an armed group
                armed = owner.actor is None and tok.lemma_.lower() in ARMED_HEADS | ETHNIC_WORDS
                own = (owner.sector or (spec.sector,)) + (("ETH",) if ethnic else ()) if armed else owner.sector
                if owner.actor is None and not own and spec.sector in STATE_FORCES:
                    own = (spec.sector,)   # "the Madhavpura police": a force named after a place we do not know
                drafts.append(Draft(start, tok.i + 1, actor=owner.actor, name=owner.name, kind=owner.kind,
                                    country=owner.country, sector=own, via="generic", head=tok.i))
            else:
                drafts.append(Draft(start, tok.i + 1, actor=owner, via="generic", head=tok.i))
            continue
        if _described(tok, kb, named):
            continue  # "the militant group" after "Hamas": a descriptor, resolved by coreference
        if not countries and not words:
            earlier = _refers_back(doc, tok, named, drafts, spec.sector)
            if earlier is not None:
                drafts.append(Draft(start, tok.i + 1, actor=earlier.actor, name=earlier.name, kind=earlier.kind,
                                    country=earlier.country, sector=earlier.sector, via="descriptor",
                                    head=tok.i))
                continue
        kind = "person" if spec.kind == "person" and tok.tag_ in ("NN", "NNP") else "group"
        sectors = (sector, "ETH") if ethnic and sector != "ETH" else (sector,)
        if not countries:
            name = " ".join([w.text for w in words] + [tok.text])
            drafts.append(Draft(start, tok.i + 1, name=name, kind=kind, sector=sectors, via="generic",
                                head=tok.i, nationality=nationality))
            continue
        for iso, text in countries:
            if tok.lemma_.lower() in GOVERNMENT:
                state = kb.country(iso)
                name = f"Government of {state.name if state else iso}"
                kind = "organization"
            else:
                noun = tok.lemma_ if len(countries) > 1 else tok.text
                name = " ".join([text] + [w.text for w in words] + [noun])
            drafts.append(Draft(start, tok.i + 1, name=name, kind=kind, country=iso, sector=sectors,
                                via="generic", head=tok.i, nationality=True))
    return drafts


def _agent_phrase(doc: "Doc", tok: "Token", kb: ActorKB, taken: set[int]) -> tuple[int, AgentSpec | None]:
    """(first token, agent) of the longest agent name ending at the noun ``tok``: "main opposition group" is
    the main opposition, before "opposition group" and "group"."""
    for k in (3, 2, 1):
        first = tok.i - k
        if first < 0 or any(i in taken or doc[i].head.i not in range(first, tok.i + 1) or doc[i].is_punct
                            for i in range(first, tok.i)):
            continue
        words = [t.text for t in doc[first:tok.i]]
        spec = kb.agent(" ".join([*words, tok.text])) or kb.agent(" ".join([*words, tok.lemma_]))
        if spec is not None:
            return first, spec
    return tok.i, kb.agent(tok.text) or kb.agent(tok.lemma_)


def _the_two(tok: "Token") -> bool:
    """"the two leaders", "both sides": a pair named before; "two armed men" is a new group."""
    kids = {c.lower_ for c in tok.children}
    return "both" in kids or ("two" in kids and bool(kids & {"the", "these", "those"}))


def _pro_prefix(tok: "Token") -> bool:
    """The "pro" or the hyphen of "pro-X" in front of a name."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ == "pro" and nxt is not None and nxt.text == "-":
        return True
    return tok.text == "-" and tok.i > 0 and tok.nbor(-1).lower_ == "pro"


def _pro_named(tok: "Token") -> bool:
    return tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "pro"


def _described(tok: "Token", kb: ActorKB, named: list[Draft]) -> bool:
    """A definite noun phrase that the knowledge base lists as a descriptor of an actor named earlier."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return False
    mods = [c.text for c in sorted(tok.children, key=lambda c: c.i) if c.dep_ in ("amod", "compound") and c.i < tok.i]
    phrases = {" ".join(mods + [tok.text]), tok.text} if mods else {tok.text}
    ids = {a.id for p in phrases for a in kb.with_descriptor(p)}
    return any(d.actor is not None and d.actor.id in ids and d.end <= tok.i for d in named)


def _refers_back(doc: "Doc", tok: "Token", named: list[Draft], made: list[Draft],
                 spec_sector: str | None = None) -> Draft | None:
    """"the union" -> the last organisation whose name ends in "Union"; "the police" -> the last police."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in tok.children)
    lemma = tok.lemma_.lower()
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    if definite or bare or tok.dep_ == "compound":
        for d in sorted(named, key=lambda d: -d.start):
            if d.end <= tok.i and spec_sector is not None and d.actor is not None \
                    and spec_sector in d.actor.sector and spec_sector in ("MIL", "COP"):
                return d
        for d in sorted(named, key=lambda d: -d.start):
            if d.end <= tok.i and (d.kind in ("organization", "group") or (d.actor is not None and d.actor.kind in
                                                                           ("organization", "group"))) \
                    and _head_lemma(doc, d) == lemma:
                return d
    key = _kind_key(tok)
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    for d in sorted(made, key=lambda d: -d.start):
        if mods and d.head is not None and d.name and not any(m in d.name.lower() for m in mods):
            continue
        if d.end <= tok.i and d.via == "generic" and d.head is not None and _kind_key(doc[d.head]) == key \
                and (d.country or definite):
            return d
    return None
