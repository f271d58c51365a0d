"""CAMEO-style actor codes ("USAGOV", "PSEREBHMS", "IGOUNO") to and from eventwire's country + sectors.

A CAMEO actor code is a run of 3-letter parts. The first part is a country (ISO 3166-1 alpha-3 in PLOVER and
Phoenix data; fictional states such as ``ARN`` in the PETRARCH test suites) unless it is one of the
international or non-state primaries (``IGO``, ``NGO``, ``IMG``, ``MNC``, ``NGM``, ``UIS``) or a bare sector
code (an agent with no country, ``GOV``); every later part is a sector, role, religion or group code.

eventwire keeps ``country`` and ``sector`` apart; the comparable form of both sides is ``actor_code``:
country (or nothing) followed by the *first* sector only. So "PSEREBHMS" and an actor (PSE, [REB]) both read
"PSEREB", "IGOUNO" and (None, [IGO]) both "IGO", "USA" and (USA, []) both "USA". Finer parts (the group
``HMS``, the UN agency ``UNO``) are not compared: eventwire has no code for them.
"""
from __future__ import annotations

from collections.abc import Iterable

# Primary codes that are not states: international and transnational actors.
NON_STATE_PRIMARY: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS"})

# Sector / role codes of the CAMEO actor codebook and eventwire's own sector list; a code that starts with one
# of these has no country ("GOV" alone: a government of unknown state).
SECTOR_CODES: frozenset[str] = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
    "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "JRN", "NGO", "IGO",
    "REL", "MUS", "CHR", "JEW", "BUD", "HIN",
})

NULL_CODES: frozenset[str] = frozenset({"---", "###", ""})


def split_actor_code(code: str | None) -> tuple[str | None, tuple[str, ...]]:
    """(country, sectors) of a CAMEO actor code; ``~`` agent markers and spaces are ignored.

    >>> split_actor_code("USAGOV")
    ('USA', ('GOV',))
    >>> split_actor_code("IGOUNO")
    (None, ('IGO', 'UNO'))
    """
    clean = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    if clean in NULL_CODES or len(clean) < 3:
        return None, ()
    parts = tuple(clean[i:i + 3] for i in range(0, len(clean) - len(clean) % 3, 3))
    if parts[0] in NON_STATE_PRIMARY or parts[0] in SECTOR_CODES:
        return None, parts
    return parts[0], parts[1:]


def actor_code(country: str | None, sectors: Iterable[str] = ()) -> str:
    """The comparable code: country (if any) + first sector (if any); "" when both are missing.

    >>> actor_code("USA", ["GOV", "MIL"])
    'USAGOV'
    """
    first = next((s.strip().upper() for s in sectors if s and s.strip()), "")
    return f"{(country or '').strip().upper()}{first}"


def comparable_code(code: str | None) -> str:
    """A gold CAMEO code cut to the granularity of ``actor_code`` ("PSEREBHMS" -> "PSEREB")."""
    country, sectors = split_actor_code(code)
    return actor_code(country, sectors)


def compose_code(primary: str | None, sector: str | None = None) -> str:
    """The comparable code of a code given as primary + separate sector, as in the PLOVER gold records
    ({"code": "USA", "sector": "GOV"} -> "USAGOV"; {"code": "IGO", "sector": "MIL"} -> "IGO"; a sector that is
    not three letters ("***") is ignored; extra letters ("CVLalb", an ethnic suffix) are dropped)."""
    country, sectors = split_actor_code(primary)
    extra = "".join(ch for ch in (sector or "") if ch.isalpha())[:3].upper()
    if len(extra) == 3:
        sectors = (*sectors, extra)
    return actor_code(country, sectors)
