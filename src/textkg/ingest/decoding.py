"""Bytes to document text: refuse binary data, detect the encoding, normalise what spaCy sees.

The normalised text is the document text: every offset textkg stores indexes it, so nothing
downstream needs to know what the bytes looked like.

>>> decode_bytes("Montréal".encode("cp1252")).text
'Montréal'
>>> normalise_text("a\\r\\nb\\x00c")
NormalisedText(text='a\\nbc', removed_controls=1)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

SNIFF_BYTES = 8192

# Signatures of the binary files most often found among text inputs.
MAGIC_NUMBERS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# C0 controls other than tab and line breaks, DEL, and C1 controls: never meant as text.
STRAY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Line and page breaks in their legacy spellings, as a newline.
LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85]")
LONE_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes; ``warning`` says why it may not be what the author wrote."""

    text: str
    encoding: str
    warning: str | None = None


@dataclass(frozen=True)
class NormalisedText:
    text: str
    removed_controls: int


def byte_order_mark(data: bytes) -> str | None:
    """The codec named by the byte order mark ``data`` starts with, if any."""
    for mark, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return codec
    return None


def binary_reason(head: bytes) -> str | None:
    """Why the file starting with ``head`` is not text, or None if it may be text."""
    for magic, what in MAGIC_NUMBERS:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    codec = byte_order_mark(head)
    if codec in (None, "utf-8-sig") and b"\x00" in head[:SNIFF_BYTES]:
        return "binary file (contains NUL bytes), not text"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode by byte order mark, else as UTF-8, else as mostly-UTF-8 with the bad bytes
    replaced, else as Windows-1252 (which WHATWG uses for Latin-1 too), else as Latin-1."""
    codec = byte_order_mark(data)
    if codec is not None:
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as exc:
            return Decoded(
                data.decode(codec, errors="replace"), codec, f"invalid {codec.upper()} at byte {exc.start}; replaced by U+FFFD"
            )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    well_formed = sum(1 for char in lenient if ord(char) > 0x7F and char != "\ufffd")
    if well_formed > replaced:  # real UTF-8 with a few bad bytes: legacy decoding would garble the rest
        return Decoded(lenient, "utf-8", f"not valid UTF-8 at byte {first_bad}; {replaced} bad byte(s) replaced by U+FFFD")
    try:
        return Decoded(data.decode("cp1252"), "cp1252", f"not valid UTF-8 (byte {first_bad}); decoded as Windows-1252")
    except UnicodeDecodeError:  # one of the five bytes Windows-1252 leaves undefined
        return Decoded(data.decode("latin-1"), "latin-1", f"not valid UTF-8 (byte {first_bad}); decoded as Latin-1")


def normalise_text(text: str) -> NormalisedText:
    """Line breaks as ``\\n``, stray control characters removed, lone surrogates replaced, NFC."""
    text = LINE_BREAKS.sub("\n", text)
    text, removed = STRAY_CONTROLS.subn("", text)
    text = LONE_SURROGATES.sub("\ufffd", text)
    return NormalisedText(unicodedata.normalize("NFC", text), removed)


def clean_field(value: str) -> str:
    """A metadata string (id, title, url) safe to encode: lone surrogates and controls removed."""
    return STRAY_CONTROLS.sub("", LONE_SURROGATES.sub("\ufffd", value))
