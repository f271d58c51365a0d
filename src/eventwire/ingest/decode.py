"""Ingest, step one: raw bytes -> text, or a coded error saying why not.

Order of trust: a codec the user forces (``--encoding``); a byte-order mark; UTF-8; the charset an HTML page
declares; what charset-normalizer detects with low chaos. Binary files (NUL bytes, many control bytes), empty
inputs and inputs over ``MAX_BYTES`` are refused before any decoding.
"""
from __future__ import annotations

import codecs
import re

from ..errors import BinaryInput, EmptyInput, EncodingProblem, TooLarge

MAX_BYTES = 10 * 1024 * 1024
_SNIFF_BYTES = 65_536
_MAX_CONTROL_SHARE = 0.05
# C0 control bytes that never occur in text (tab, newline, form feed, carriage return and ESC are allowed).
_CONTROL = frozenset(set(range(0x00, 0x09)) | {0x0B} | set(range(0x0E, 0x1B)) | set(range(0x1C, 0x20)) | {0x7F})
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: they share a prefix
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Single-byte Western codecs charset-normalizer cannot tell apart on English text; cp1252 is by far the most
# common of them on the web (and a superset of latin-1's printable range), so it wins a tie.
_PREFERRED_TIE = "cp1252"


def check_size(size: int, origin: str) -> None:
    if size > MAX_BYTES:
        raise TooLarge(origin, f"{size / 1_048_576:.1f} MB is over the {MAX_BYTES // 1_048_576} MB limit for "
                       "one article", "split it into several articles (e.g. one per line of a .jsonl file)")


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def check_binary(data: bytes, origin: str) -> None:
    """Refuse data that is not text: NUL bytes, or a high share of control bytes in its first 64 KiB."""
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        raise BinaryInput(origin, "it contains NUL bytes, so it is a binary file, not text",
                          "pass a .txt, .html or .jsonl file (convert PDFs or documents to text first)")
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls / len(head) > _MAX_CONTROL_SHARE:
        raise BinaryInput(origin, f"{controls / len(head):.0%} of its first bytes are control characters",
                          "pass a .txt, .html or .jsonl file (convert PDFs or documents to text first)")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if it names a codec Python knows."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _forced(data: bytes, origin: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise EncodingProblem(origin, f"{encoding!r} is not a known text encoding",
                              "pass a codec name Python knows, e.g. --encoding latin-1") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingProblem(origin, f"it is not valid {encoding} (byte {exc.start})",
                              "pass the file's real encoding with --encoding, or leave it out to detect it") \
            from None


def _detected(data: bytes) -> tuple[str, str] | None:
    """(text, codec) from charset-normalizer when it finds a decoding with low chaos, else None."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best]
    for match in tied:
        if _PREFERRED_TIE in match.could_be_from_charset:
            try:
                return data.decode(_PREFERRED_TIE), _PREFERRED_TIE
            except UnicodeDecodeError:
                break
    return str(tied[0]), tied[0].encoding


def decode_bytes(data: bytes, origin: str, encoding: str | None = None, html: bool = False) -> str:
    """Text of ``data``; raises EmptyInput, TooLarge, BinaryInput or EncodingProblem naming ``origin``."""
    check_size(len(data), origin)
    if not data.strip():
        raise EmptyInput(origin, "it is empty" if not data else "it holds only whitespace",
                         "pass a file with the article's text")
    if encoding:
        return _forced(data, origin, encoding)
    bom = _bom_codec(data)
    if bom:
        return data.decode(bom, errors="replace")
    check_binary(data, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data) if html else None
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    found = _detected(data)
    if found is None:
        raise EncodingProblem(origin, "it is not UTF-8 and no other encoding decodes it cleanly",
                              "pass its encoding with --encoding (e.g. --encoding latin-1)")
    return found[0]
