"""``eventwire actors search``: what a name resolves to in the knowledge base, on a date, and why.

The same readings the actor stage uses, one per line of evidence: a canonical name or alias, a role held on
the date ("Israeli prime minister" on 2022-09-01 is Yair Lapid), a country name, demonym or capital, a
descriptor ("militant group"), a generic agent composed with a country ("Israeli troops"), a near spelling.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .actor_index import name_key
from .actors import ActorKB, KBActor, RoleSpell


@dataclass(frozen=True, slots=True)
class Match:
    actor: KBActor | None          # None for a generic agent (no KB entry; composed on the fly)
    how: str
    role: RoleSpell | None = None
    country: str | None = None
    sector: tuple[str, ...] = ()


def _role_reading(kb: ActorKB, words: list[str], on: date | None) -> list[Match]:
    """"Israeli prime minister", "US secretary of state", "the prime minister of Israel"."""
    if len(words) < 2:
        return []
    if words[0].lower() == "the":
        words = words[1:]
    text = " ".join(words)
    if " of " in text:
        role_part, _, place = text.rpartition(" of ")
        iso = kb.country_of_name(place) or kb.country_of_demonym(place)
        found = kb.role_key(role_part)
        if iso and found:
            return [Match(a, f"holder of '{role_part}' ({found[0]}) for {iso} on {on or 'today'}",
                          kb.role_on(a, on)) for a in kb.holders(found[0], iso, on)]
    iso = kb.country_of_demonym(words[0]) or kb.country_of_name(words[0])
    found = kb.role_key(" ".join(words[1:]))
    if iso and found:
        return [Match(a, f"holder of '{' '.join(words[1:])}' ({found[0]}) for {iso} on {on or 'today'}",
                      kb.role_on(a, on)) for a in kb.holders(found[0], iso, on)]
    return []


def search(kb: ActorKB, text: str, on: date | None = None) -> list[Match]:
    words = text.split()
    out: list[Match] = []
    seen: set[str] = set()

    def add(m: Match) -> None:
        key = (m.actor.id if m.actor else "") + m.how
        if key not in seen:
            seen.add(key)
            out.append(m)

    for a in kb.lookup(text):
        how = "canonical name" if name_key(a.name) == name_key(text) else f"alias of {a.name!r}"
        add(Match(a, how, kb.role_on(a, on) if a.kind == "person" else None))
    for m in _role_reading(kb, words, on):
        add(m)
    for label, iso in (("demonym", kb.country_of_demonym(text)), ("capital (stands for the government "
                                                                   "when it acts)", kb.country_of_capital(text))):
        country = kb.country(iso) if iso else None
        if country is not None:
            add(Match(country, label))
    for a in kb.with_descriptor(text):
        add(Match(a, f"descriptor '{text}' (resolved to the last such actor mentioned before it)"))
    if len(words) >= 2 and not any("holder of" in m.how for m in out):
        spec = kb.agent(words[-1])
        iso = kb.country_of_demonym(words[0]) or kb.country_of_name(words[0])
        if spec is not None:
            add(Match(None, f"generic agent '{spec.lemma}'" + (f" of {iso}" if iso else ""), None, iso,
                      (spec.sector,)))
    if not out:
        for a, score in kb.fuzzy(text):
            add(Match(a, f"near spelling ({score:.0f}/100)", kb.role_on(a, on) if a.kind == "person" else None))
    return out
