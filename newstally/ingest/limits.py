"""Bounds the parsers cannot be trusted to keep by themselves: JSON nesting, JSON number size, and
the size of a CSV cell.

Python's ``json`` recurses once per level of nesting and converts every integer, so a record
nested 100,000 deep exhausts the stack and one of 5,000 digits trips the interpreter's
integer-conversion guard; both would end the build, not the record. Here the nesting is measured
first, in one linear pass that also finds where the value ends (so a JSON list can step over a bad
record and read on), and integers pass through a converter that refuses oversized ones with a
reason. ``sys.set_int_max_str_digits`` is left alone: it is state of the whole process.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable

from .options import Limits, RejectedInput

# What the nesting scan stops at: brackets, and the quote that opens a string (whose brackets
# do not count). The rest of a string is skipped by _STRING_REST in one step.
_STRUCTURE = re.compile(r'[\[\]{}"]')
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_OPENING = frozenset("[{")


class SkippedValue(RejectedInput):
    """A JSON value was refused, and the reader is already past it: the records after it can be read."""


def json_extent(text: str, start: int) -> tuple[int, int | None]:
    """(deepest nesting, end) of the JSON value at ``text[start]``; end is None when ``text`` stops
    before the value does. A scalar has depth 0 and no end found here (the parser finds it).

    Linear in the length scanned; malformed JSON is not judged here, only measured.
    """
    if start >= len(text) or text[start] not in _OPENING:
        return 0, None
    depth = deepest = 0
    position = start
    while True:
        found = _STRUCTURE.search(text, position)
        if found is None:
            return deepest, None
        char = found.group()
        if char == '"':
            rest = _STRING_REST.match(text, found.end())
            if rest is None:
                return deepest, None  # the string goes on past the end of the text
            position = rest.end()
            continue
        position = found.end()
        if char in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
            if depth <= 0:
                return deepest, position


def too_deep_reason(what: str, depth: int, limits: Limits) -> str:
    """Why a JSON value nested ``depth`` levels is refused, and what to do about it."""
    return (f"{what} is nested {depth:,} levels deep, more than the {limits.max_json_depth:,} "
            "newstally reads (an article record needs a few); it is likely generated or damaged "
            "data: check the file, or raise Limits.max_json_depth")


def bounded_int(limits: Limits) -> Callable[[str], int]:
    """A ``parse_int`` for ``json`` that refuses integers longer than ``limits.max_number_digits``."""

    def parse(digits: str) -> int:
        n_digits = len(digits.lstrip("-"))
        if n_digits > limits.max_number_digits:
            raise RejectedInput(_long_number(n_digits, limits))
        try:
            return int(digits)
        except ValueError:  # the interpreter's own digit limit was set lower than ours
            raise RejectedInput(_long_number(n_digits, limits)) from None

    return parse


def json_decoder(limits: Limits) -> json.JSONDecoder:
    """A decoder whose integers are bounded by ``limits`` (nesting is checked with ``json_extent``)."""
    return json.JSONDecoder(parse_int=bounded_int(limits))


def bounded_loads(text: str, limits: Limits, what: str) -> object:
    """``json.loads(text)`` within ``limits``; raises RejectedInput (with ``what`` named) past them
    and json.JSONDecodeError for text that is not JSON."""
    start = len(text) - len(text.lstrip(" \t\n\r"))
    depth, _ = json_extent(text, start)
    if depth > limits.max_json_depth:
        raise RejectedInput(too_deep_reason(what, depth, limits))
    try:
        return json_decoder(limits).decode(text)
    except RejectedInput as error:
        raise RejectedInput(f"{what} {error.reason}") from None
    except RecursionError:  # only when the caller's own stack is nearly used up
        raise RejectedInput(too_deep_reason(what, depth, limits)) from None


def csv_field_limit(limits: Limits) -> None:
    """Raises csv's cell-size limit (one setting for the whole process) to ``max_record_bytes``.

    Called before every CSV read, manifests included, so a large cell is judged the same way
    whichever file happens to be read first; the limit is only ever raised, never lowered
    under a reader that may still be running.
    """
    if csv.field_size_limit() < limits.max_record_bytes:
        csv.field_size_limit(limits.max_record_bytes)


def _long_number(n_digits: int, limits: Limits) -> str:
    return (f"holds a number of {n_digits:,} digits, more than the {limits.max_number_digits:,} "
            "newstally reads; no article field needs such a number, so write it as a string "
            '("...") or leave it out')
