"""Import CAMEO actor and agent dictionaries in the TABARI/PETRARCH/Phoenix syntax.

Actor dictionaries (``*.actors.txt``)::

    GONDOR [GON]                       # name, code, comment
    ARNOR_ [ARN]                       # a trailing "_" ends the word (no stemming); "_" inside is a space
    +ARNOR_KINGDOM                     # "+" lines are aliases of the entry above
    SAM_GAMGEE                         # a name with no code on its line: the codes follow, indented
        [HOBCIV <20080120]             # date-restricted codes: "<D" before, ">D" after, "D1-D2" between
        [HOBGOV 20121109-20130119]     # (YYYYMMDD, or YYMMDD read as 19YY from 31 up, 20YY below)
        [HOB]                          # an unrestricted code is the default
    <!-- a comment block, possibly over several lines -->

Agent dictionaries (``*.agents.txt``)::

    !PERSON! = MAN, MEN, WOMAN        # a substitution set, expanded where !PERSON! appears
    FOREIGN_MINISTER [~GOVFRM]        # "~XXX": sectors joined to the actor's country ("Israeli minister")
    POLICE {} [~COP]                  # "{PLURALS}": its plural forms; "{}": none (no braces: the regular plural)
    MSF {} [NGO~]                     # "XXX~": the agent is itself a primary actor code

``import_actors`` turns actor entries into ``KBActor`` records for ``load_kb().add(...)``: the code valid on
``on`` (the default code when ``on`` is None or no restriction covers it) is split into country and sectors
by ``actor_codes.split_actor_code`` and kept whole in the id, ``cameo:<CODE>:<name-slug>``; every
date-restricted code is also kept as a ``RoleSpell`` (title = the code, no role key). Entries whose code is
the null code ``---`` are skipped. Stemmed names ("ARGENTIN" matching "Argentina") are kept as written:
eventwire matches whole names only, and a one-word stem also by its plural ("ROHAN": "the Rohans"). Names are
stored title-cased (short ones also as written, all capitals)
so the KB's case rules apply.

Agents come back as ``CameoAgent`` records; ``agent_specs`` converts them to the KB's ``AgentSpec`` form.
"""
from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .actor_codes import NULL_CODES, split_actor_code
from .actors import AgentSpec, KBActor, RoleSpell

_BLOCK_COMMENT = re.compile(r"<!.*?-->", re.DOTALL)
_CODE = re.compile(r"\[([^\]]*)\]")
_PLURALS = re.compile(r"\{([^}]*)\}")
_SUBST = re.compile(r"^\s*(![A-Z_]+!)\s*=\s*(.+)$")
CAMEO_ID_PREFIX = "cameo:"          # ids of actors imported from a CAMEO dictionary
_SMALL = frozenset({"of", "the", "and", "for", "in", "on", "de", "al"})


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One bracketed code with its optional validity interval (both ends inclusive)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(slots=True)
class ActorEntry:
    """One actor entry as written: its name, aliases and codes."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)

    def code_on(self, on: date | None) -> str | None:
        """The code valid on ``on``: the first restricted code covering it, else the first unrestricted one;
        with no date and no unrestricted code, the last restricted one (the most recent in these files)."""
        if on is not None:
            for c in self.codes:
                if c.restricted and c.holds_on(on):
                    return c.code
        for c in self.codes:
            if not c.restricted:
                return c.code
        if on is None and self.codes:
            return self.codes[-1].code
        return None


@dataclass(frozen=True, slots=True)
class CameoAgent:
    """One agent entry: the phrase, its plural forms, its code parts and whether it is a primary actor."""

    phrase: str
    plurals: tuple[str, ...]
    code: str
    primary: bool
    no_plural: bool = False     # "POLICE {}": empty braces, the phrase has no plural ("polices" is not an agent)


# ----------------------------------------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    """A dictionary file's text (``.gz`` files decompressed); undecodable bytes read as Latin-1."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _strip_comments(text: str) -> list[str]:
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return [_uncomment(line) for line in text.splitlines()]


def _uncomment(line: str) -> str:
    """The line up to a ``#`` or ``;`` comment outside brackets ("[###]" is a code, not a comment)."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch in "#;" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def _parse_date(token: str) -> date | None:
    digits = token.strip()
    try:
        if len(digits) == 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            yy = int(digits[:2])
            return date((1900 if yy > 30 else 2000) + yy, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


def parse_code(inner: str) -> DatedCode | None:
    """``USAGOV >20090120`` -> DatedCode("USAGOV", 2009-01-20, None); None when a date cannot be read."""
    inner = inner.strip()
    if not inner:
        return None
    code, _, rest = inner.partition(" ")
    rest = rest.replace(" ", "")
    if not rest:
        return DatedCode(code)
    if rest.startswith("<"):
        end = _parse_date(rest[1:])
        return DatedCode(code, None, end) if end else None
    if rest.startswith(">"):
        start = _parse_date(rest[1:])
        return DatedCode(code, start, None) if start else None
    if "-" in rest:
        a, _, b = rest.partition("-")
        start, end = _parse_date(a), _parse_date(b)
        return DatedCode(code, start, end) if start and end else None
    return None


def _name(raw: str) -> str:
    """``ARNOR_KINGDOM_`` -> "ARNOR KINGDOM" (still as written; ``display`` cases it)."""
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip(" +=")   # "MOUSE=": the name as written


def _stemmed(raw: str) -> list[str]:
    """A name and, for a one-word name not closed by "_" (a TABARI stem: "ROHAN" matches "Rohans"), its
    plural; "ARNOR_" is that word only."""
    name = _name(raw)
    stem = not raw.strip().rstrip("=").endswith("_") and " " not in name and name.isalpha()
    return [name, plural(name.lower()).upper()] if stem else [name]


def parse_actor_dictionary(text: str) -> list[ActorEntry]:
    """Every actor entry of an actor dictionary, in file order."""
    entries: list[ActorEntry] = []
    pending: list[ActorEntry] = []     # entries still waiting for their codes (consecutive code-less names)

    def add_codes(codes: list[DatedCode]) -> None:
        if not codes:
            return
        for entry in pending:
            entry.codes.extend(codes)

    for line in _strip_comments(text):
        stripped = line.strip()
        if not stripped:
            continue
        codes = [c for c in (parse_code(m) for m in _CODE.findall(stripped)) if c is not None]
        before = _CODE.split(stripped, maxsplit=1)[0]
        if stripped.startswith("+"):
            if pending and _name(before):
                pending[-1].aliases.extend(_stemmed(before))
                add_codes(codes)
        elif stripped.startswith("[") or (line[:1].isspace() and not _name(before)):
            add_codes(codes)
        else:
            name = _name(before)
            if not name:
                continue
            if pending and pending[-1].codes:
                pending = []            # the previous block is complete: a new one starts
            entry = ActorEntry(name, _stemmed(before)[1:], codes)
            entries.append(entry)
            pending.append(entry)
    return entries


def parse_agent_dictionary(text: str) -> list[CameoAgent]:
    """Every agent entry of an agent dictionary, substitution sets expanded."""
    lines = _strip_comments(text)
    sets: dict[str, list[str]] = {}
    for line in lines:
        m = _SUBST.match(line)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
    agents: list[CameoAgent] = []
    for line in lines:
        if not line.strip() or _SUBST.match(line):
            continue
        code_match = _CODE.search(line)
        if code_match is None:
            continue
        raw_code = code_match.group(1).strip().replace(" ", "")
        head = line[:code_match.start()]
        plural_match = _PLURALS.search(head)
        plurals = tuple(_name(p) for p in plural_match.group(1).split(",") if p.strip()) if plural_match else ()
        no_plural = plural_match is not None and not plurals
        phrase = _PLURALS.sub("", head).strip()
        primary = raw_code.endswith("~") and not raw_code.startswith("~")
        code = raw_code.strip("~")
        if not phrase or code in NULL_CODES:
            continue
        for expanded in _expand(phrase, sets):
            agents.append(CameoAgent(_name(expanded), plurals, code, primary, no_plural))
    return agents


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    for marker, words in sets.items():
        if marker in phrase:
            return [x for w in words for x in _expand(phrase.replace(marker, w, 1), sets)]
    return [phrase]


# ----------------------------------------------------------------------------------------------- to the KB


def display(name: str) -> list[str]:
    """Forms of an all-capitals dictionary name to index: title case, plus the capitals for short names."""
    words = name.split()
    titled = " ".join(w.lower() if i and w.lower() in _SMALL else _title(w) for i, w in enumerate(words))
    forms = [titled]
    if len(name.replace(" ", "").replace(".", "")) <= 4 and name not in forms:
        forms.append(name)          # "UN", "IMF", "NATO": acronyms match as written
    return forms


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _kind(country: str | None, sectors: tuple[str, ...]) -> str:
    if country and not sectors:
        return "country"
    if country is None and sectors[:1] and sectors[0] in ("IGO", "NGO", "MNC", "NGM"):
        return "organization"
    return "group"


def entry_actor(entry: ActorEntry, on: date | None = None) -> KBActor | None:
    """One entry as a KBActor (None for the null code or no code)."""
    code = entry.code_on(on)
    if not code or code.strip("~") in NULL_CODES:
        return None
    country, sectors = split_actor_code(code)
    if country is None and not sectors:
        return None
    names: list[str] = []
    for raw in (entry.name, *entry.aliases):
        for form in display(raw):
            if form not in names:
                names.append(form)
    spells = []
    for c in entry.codes:
        if c.restricted and c.code not in NULL_CODES:
            sc, ss = split_actor_code(c.code)
            spells.append(RoleSpell(title=c.code, key="", country=sc, sector=ss, start=c.start, end=c.end))
    return KBActor(id=f"{CAMEO_ID_PREFIX}{code.upper()}:{slug(entry.name)}", name=names[0], kind=_kind(country, sectors),
                   country=country, sector=sectors, aliases=tuple(names[1:]), wikidata=None, gender=None,
                   roles=tuple(spells), descriptors=())


def import_actors(texts: Iterable[str], on: date | None = None) -> list[KBActor]:
    """KBActors from the texts of actor dictionaries (later files win on a repeated id)."""
    out: dict[str, KBActor] = {}
    for text in texts:
        for entry in parse_actor_dictionary(text):
            actor = entry_actor(entry, on)
            if actor is not None:
                out[actor.id] = actor
    return list(out.values())


def compound_codes(actor_id: str) -> list[str]:
    """The member codes of an imported actor whose CAMEO code is compound ("THE_SHIRE [FRO/BIL/SAM]" names
    three actors at once); empty for any other actor."""
    if not actor_id.startswith(CAMEO_ID_PREFIX):
        return []
    code = actor_id[len(CAMEO_ID_PREFIX):].split(":", 1)[0]
    return [part for part in code.split("/") if part] if "/" in code else []


def import_actor_files(paths: Iterable[Path], on: date | None = None) -> list[KBActor]:
    return import_actors((read_text(p) for p in paths), on)


def agent_specs(agents: Iterable[CameoAgent]) -> list[tuple[AgentSpec, tuple[str, ...]]]:
    """Agents that attach to a country ("~GOV"), in the KB's ``agents`` form (lemma, first sector). A
    multi-word agent is known by its whole name only, as PETRARCH matches it ("jailed opposition leader" is
    OPP, "leaders" alone nothing): ``mentions.agents`` reads the longest agent name ending at a noun."""
    out: list[tuple[AgentSpec, tuple[str, ...]]] = []
    for a in agents:
        if a.primary:
            continue
        first = a.code[:3]
        # the plurals listed, else the regular plural; "{}" (no plural listed at all) none
        forms = [p.lower() for p in a.plurals] or ([] if a.no_plural else [plural(a.phrase.lower())])
        out.append((AgentSpec(a.phrase.lower(), first, "group"), tuple(dict.fromkeys(forms))))
    return out


def plural(phrase: str) -> str:
    """The regular English plural of a noun phrase's last word ("policy" -> "policies", "box" -> "boxes")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        word = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head} {word}" if head else word


def import_agent_files(paths: Iterable[Path]) -> list[tuple[AgentSpec, tuple[str, ...]]]:
    return agent_specs(a for p in paths for a in parse_agent_dictionary(read_text(p)))
