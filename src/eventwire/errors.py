"""Coded errors with a remedy. Library code raises these; only the CLI prints them and picks the exit code."""
from __future__ import annotations


class EventwireError(Exception):
    """Base error: ``code`` (EWnnn), the input it concerns, what went wrong, and what to do about it."""

    code = "EW000"

    def __init__(self, source: str, problem: str, remedy: str = "") -> None:
        self.source = source
        self.problem = problem
        self.remedy = remedy
        text = f"{self.code} cannot read {source!r}: {problem}"
        if remedy:
            text += f"; {remedy}"
        super().__init__(text)


class InputError(EventwireError):
    """The input could not be turned into an article (generic)."""

    code = "EW100"


class EmptyInput(InputError):
    code = "EW101"


class BinaryInput(InputError):
    code = "EW102"


class EncodingProblem(InputError):
    code = "EW103"


class TooLarge(InputError):
    code = "EW104"


class NotEnglish(InputError):
    code = "EW105"


class MalformedHTML(InputError):
    code = "EW106"


class MalformedJSONL(InputError):
    code = "EW107"


class UnsupportedInput(InputError):
    code = "EW108"


class ConfigError(EventwireError):
    """Bad configuration, resource or argument."""

    code = "EW200"


class PipelineError(EventwireError):
    """The pipeline was built with stages whose requirements are not met."""

    code = "EW300"


class StoreError(EventwireError):
    code = "EW400"
