"""Import CAMEO verb dictionaries in the TABARI, PETRARCH and PETRARCH-2 syntax, so users who code with their
own verb dictionaries (and the PETRARCH validation suite) get their codes from eventwire.

The three dialects read here::

    ABANDON  [345]                      # TABARI/PETRARCH-1: a verb line with its default code opens a block
    { ABANDONS ABANDONED }              # irregular forms of the verb above
    - * EFFORT  [987]                   # a pattern: words before/after the verb ("*"), then the code

    --- ABANDON  [345] ---              # PETRARCH-2 / Phoenix: a block header with the default code,
    ABANDON {ABANDONED ABANDONING}      # then the block's verbs (synonyms) with their forms,
    KLM_NOP_+RST [002]                  # a multi-word verb ("+" marks the verb word) with its own code,
    - SAID WILL_*_TALKS  [102]          # and patterns; "_" joins adjacent words
    &TIETYPES                           # a synonym set, used as "&TIETYPES" in patterns
    +MILITARY

In patterns ``$`` is the source, ``+`` the target, ``%`` a compound actor and ``^`` a skipped phrase; ``(`` ``)``
group words; ``{A | B}`` (TABARI) are alternatives, ``{A B}`` (Phoenix) a phrase. A code ``[---]`` means "no
event"; ``[A:B]`` keeps ``A`` (``B`` when ``A`` is empty). Codes are kept as written ("174K", "0344"): the
WEIS-era codes of the validation dictionaries are not CAMEO and are passed through unchanged.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .actor_codes import NULL_CODES
from .cameo_dictionaries import _strip_comments, read_text

_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_HEADER = re.compile(r"^---\s*(.*?)\s*\[([^\]]*)\].*---\s*$")
SLOTS = frozenset({"$", "+", "%", "^"})
MAX_VARIANTS = 16


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: a word (lower case), ``&SET``, a slot (``$ + % ^``) or ``*`` (the verb);
    ``joined`` when the next element must follow it immediately."""

    text: str
    joined: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """The elements before the verb ending with ``*``, and those after it starting with ``*``."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str

    @property
    def words(self) -> int:
        """How specific the pattern is: its literal words and sets (slots and the verb do not count)."""
        return sum(e.text not in SLOTS and e.text != "*" for e in (*self.before, *self.after))


@dataclass(slots=True)
class VerbEntry:
    """One verb of a dictionary: its forms, default code, required neighbouring words and patterns."""

    verb: str
    code: str
    forms: set[str] = field(default_factory=set)
    before: tuple[str, ...] = ()       # words of a multi-word verb before the verb word ("KLM_NOP_+RST")
    after: tuple[str, ...] = ()        # and after it ("LASH OUT")
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(slots=True)
class VerbDictionary:
    entries: list[VerbEntry] = field(default_factory=list)
    synsets: dict[str, list[str]] = field(default_factory=dict)
    _by_form: dict[str, list[VerbEntry]] = field(default_factory=dict)
    _members: dict[str, list[tuple[Element, ...]]] = field(default_factory=dict)

    def index(self) -> "VerbDictionary":
        self._by_form, self._members = {}, {}
        for entry in self.entries:
            for form in {entry.verb, *entry.forms}:
                self._by_form.setdefault(form, []).append(entry)
        return self

    def lookup(self, *forms: str) -> list[VerbEntry]:
        """Entries whose verb or a listed form is one of ``forms`` (lemma, word as written)."""
        out: list[VerbEntry] = []
        for form in forms:
            for entry in self._by_form.get(form.lower(), ()):
                if entry not in out:
                    out.append(entry)
        return out

    def members(self, name: str, depth: int = 0) -> list[tuple[Element, ...]]:
        """The phrases of a synonym set as pattern elements (words joined by "_" must be adjacent, words
        apart may have others between them), nested sets expanded; read once per set."""
        key = set_name(name)
        if depth == 0 and key in self._members:
            return self._members[key]
        out: list[tuple[Element, ...]] = []
        for raw in self.synsets.get(set_name(name), ()):
            elements = tuple(_elements(raw))
            if len(elements) == 1 and elements[0].text.startswith("&") and depth < 4:
                out.extend(self.members(elements[0].text, depth + 1))
            elif elements:
                out.append(elements)
        if depth == 0:
            self._members[key] = out
        return out

    def __len__(self) -> int:
        return len(self.entries)


def set_name(name: str) -> str:
    """A synonym set's key: "&PREPOSIT1_" (as defined) and "&PREPOSIT1" (as used) are one set."""
    return name.strip().upper().rstrip("_")


def event_code(raw: str) -> str | None:
    """The event code of a bracket's content; None for the null code (no event)."""
    first, _, second = raw.strip().partition(":")
    code = (first.strip() or second.strip()).rstrip("!")
    return None if not code or code in NULL_CODES or set(code) <= {"-", "+"} else code


def paired_code(raw: str) -> str | None:
    """The second code of a paired code ``[A:B]`` (TABARI/PETRARCH paired events: the source does A to the
    target and the target B back to the source, "left for X" [032:033] is a visit and its reception); None when
    the bracket holds one code or either half is empty or null."""
    first, sep, second = raw.strip().partition(":")
    if not sep or not first.strip():
        return None
    return event_code(second)


def _words(raw: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", raw.strip().strip("=")) if w]


def _verb_line(raw: str, default: str) -> VerbEntry | None:
    codes = _CODE.findall(raw)
    forms = [f for m in _FORMS.findall(raw) for f in m.replace("|", " ").split()]
    text = _FORMS.sub(" ", _CODE.sub(" ", raw)).strip()
    words = _words(text)
    if not words:
        return None
    marked = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+").lower() for w in words]
    verb = words[marked]
    return VerbEntry(verb=verb, code=codes[0] if codes else default,
                     forms={w for f in forms if (w := _form_word(f))},
                     before=tuple(words[:marked]), after=tuple(words[marked + 1:]))


def _form_word(form: str) -> str:
    """The verb word of a listed form: "{+CORDONED_OFF}" is "cordoned" (the "+" word of a multi-word verb),
    "{ABANDONED}" "abandoned"."""
    words = [w for w in form.split("_") if w]
    if not words:
        return ""
    return next((w for w in words if w.startswith("+")), words[0]).lstrip("+").lower()


def _alternatives(text: str) -> list[str]:
    """TABARI ``{ A | B }`` alternatives expanded into whole pattern texts (at most MAX_VARIANTS)."""
    parts = re.split(r"(\{[^}]*\})", text)
    options: list[list[str]] = []
    for part in parts:
        if part.startswith("{") and "|" in part:
            options.append([alt.strip() for alt in part[1:-1].split("|")])
        else:
            options.append([part.strip("{}")])
    return ["".join(combo) for combo in itertools.islice(itertools.product(*options), MAX_VARIANTS)]


def _elements(text: str) -> list[Element]:
    out: list[Element] = []
    for chunk in text.replace("(", " ").replace(")", " ").split():
        pieces = chunk.split("_")
        for k, piece in enumerate(pieces):
            joined = k < len(pieces) - 1 and bool(pieces[k + 1])
            if piece:
                word = piece if piece in SLOTS or piece == "*" or piece.startswith("&") else piece.lower()
                out.append(Element(word, joined))
    return out


def _patterns(raw: str) -> list[VerbPattern]:
    codes = _CODE.findall(raw)
    if not codes:
        return []
    code = codes[-1]
    body = _CODE.sub(" ", raw).strip()[1:]   # drop the leading "-"
    out: list[VerbPattern] = []
    for variant in _alternatives(body):
        elements = _elements(variant)
        star = next((i for i, e in enumerate(elements) if e.text == "*"), None)
        if star is None:
            continue
        out.append(VerbPattern(tuple(elements[:star + 1]), tuple(elements[star:]), code))
    return out


def parse_verb_dictionary(text: str) -> VerbDictionary:
    lines = _strip_comments(text)
    headed = any(_HEADER.match(line.strip()) for line in lines)
    vd = VerbDictionary()
    synset: str | None = None
    default = "---"
    block: list[VerbEntry] = []
    for line in lines:
        s = line.strip()
        if not s:
            synset = None
            continue
        header = _HEADER.match(s)
        if header:
            synset, default, block = None, header.group(2), []
            continue
        if s.startswith("&") and not _CODE.search(s) and " " not in s:
            synset = set_name(s)
            vd.synsets.setdefault(synset, [])
            continue
        if synset is not None and s.startswith("+"):
            vd.synsets[synset].append(s[1:].strip())
            continue
        synset = None
        if s.startswith("-"):
            found = _patterns(s)
            for entry in block:
                entry.patterns.extend(found)
            continue
        if s.startswith("{") and block:   # TABARI: forms of the verb above on their own line
            block[-1].forms.update(w for f in s.strip("{} ").replace("|", " ").split() if (w := _form_word(f)))
            continue
        verb = _verb_line(s, default)
        if verb is None:
            continue
        if headed:
            block.append(verb)
        else:
            default, block = verb.code, [verb]
        vd.entries.append(verb)
    return vd.index()


def import_verb_files(paths: Iterable[Path]) -> VerbDictionary:
    """One dictionary from several files (their entries and synonym sets together)."""
    merged = VerbDictionary()
    for path in paths:
        vd = parse_verb_dictionary(read_text(path))
        merged.entries.extend(vd.entries)
        for name, members in vd.synsets.items():
            merged.synsets.setdefault(name, []).extend(members)
    return merged.index()
