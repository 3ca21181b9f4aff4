"""Bytes to article text: encoding detection, binary refusal, line endings and front matter.

Decisions a caller may want to know:
- Encodings are tried in this order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32) wins; a
  file without one that has NUL bytes in every other position is read as UTF-16 without a mark;
  then UTF-8 strictly, then Windows-1252, then Latin-1 (which never fails).
- Stray NUL bytes in otherwise readable text (left by PDF or Word converters) are removed and the
  article is kept; a file made mostly of NULs or control codes is refused as binary.
- Line endings become "\\n" and a leading byte-order mark is dropped; nothing else in the text
  changes, because figures and statements are located by character offsets into it.
"""

from __future__ import annotations

import codecs
import re

from .options import RejectedInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its mark starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")

# C0 controls other than tab, newline, vertical tab, form feed and carriage return; DEL; C1.
_CONTROL_CODES = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.05
# Small files get slack: three stray control codes in a one-line file are not binary data.
_MIN_SAMPLE_CHARS = 64
_MAX_NUL_SHARE = 0.5

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
# The key is matched possessively (*+): a lazy key beside "[ \t]*" tried every split of a long
# run of spaces, time growing with the square of the line. Key and value are stripped by the caller.
_FRONT_MATTER_LINE = re.compile(r"([A-Za-z_][\w \-]*+)[ \t]*:[ \t]*(.*)")
_MAX_FRONT_MATTER_LINES = 200


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` declares, or None."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decoded_text(data: bytes) -> str:
    """The text in ``data``, with line endings normalised; raises RejectedInput if it is not text.

    The result may still be empty or whitespace only; ``article_text`` checks that.
    """
    encoding = bom_encoding(data) or _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise RejectedInput(
                f"not valid {encoding.upper()} text although it starts like it ({error.reason} at "
                f"byte {error.start}); save it again as UTF-8"
            ) from None
    else:
        text = _decoded_by_fallback(data)
        refuse_binary(text)
    return normalised_text(text)


def normalised_text(text: str) -> str:
    """``text`` with a leading byte-order mark and NUL characters removed and line endings as "\\n"."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\0" in text:
        text = text.replace("\0", "")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def article_text(text: str, what: str = "file") -> str:
    """``text`` unchanged if it holds something to read; raises RejectedInput if it is blank."""
    if not text:
        raise RejectedInput(f"empty {what}: no text to read")
    if text.isspace():
        raise RejectedInput(f"empty {what}: no text to read (it holds only whitespace)")
    return text


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` pairs of a leading ``---`` block and the text after it.

    Only simple YAML is understood: one ``key: value`` per line, optional quotes, ``#`` comments,
    indented lines continuing the value above. A leading ``---`` that is not followed by such a
    block (a horizontal rule, say) is left in the text, and ``({}, text)`` comes back.
    Blank lines between the block and the text are dropped.
    """
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text
    values: dict[str, str] = {}
    last_key = None
    position = opening.end()
    for _ in range(_MAX_FRONT_MATTER_LINES):
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        next_position = len(text) if end < 0 else end + 1
        if _FRONT_MATTER_CLOSE.fullmatch(line):
            return values, text[next_position:].lstrip("\n")
        if end < 0:
            break
        pair = _FRONT_MATTER_LINE.fullmatch(line)
        if pair:
            last_key = pair.group(1).strip()
            values[last_key] = _yaml_scalar(pair.group(2) or "")
        elif line[:1] in (" ", "\t") and line.strip() and last_key:
            values[last_key] = f"{values[last_key]} {_yaml_scalar(line.strip())}".strip()
        elif line.strip() and not line.lstrip().startswith("#"):
            break
        position = next_position
    return {}, text


def _yaml_scalar(raw: str) -> str:
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    if value.startswith("#"):
        return ""
    if " #" in value:
        value = value.split(" #", 1)[0].rstrip()
    return "" if value in ("~", "null", "Null", "NULL") else value


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in UTF-16 has a NUL in nearly every other byte; which half says the byte order.
    sample = data[:4096]
    # Curly quotes and dashes have no NUL half, hence the slack; binary data has NULs anywhere.
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _decoded_by_fallback(data: bytes) -> str:
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def refuse_binary(text: str) -> None:
    """Raises RejectedInput when ``text`` (decoded without a byte-order mark) is binary data."""
    n_chars = max(len(text), _MIN_SAMPLE_CHARS)
    nul_share = text.count("\0") / n_chars
    control_share = len(_CONTROL_CODES.findall(text)) / n_chars
    if nul_share > _MAX_NUL_SHARE or control_share > _MAX_CONTROL_SHARE:
        share = max(nul_share, control_share)
        raise RejectedInput(
            f"looks like binary data, not text: {share:.0%} of its bytes are control codes that "
            "text never holds (expected UTF-8, UTF-16 or Windows-1252 text); if it is a document "
            "such as a PDF or Word file, save or convert it as plain text first"
        )
