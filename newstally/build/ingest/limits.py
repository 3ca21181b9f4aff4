"""Bounds the parsers cannot be trusted to keep by themselves: JSON nesting, JSON number size, and
the size of a CSV cell.

Python's ``json`` recurses once per level of nesting and converts every integer, so a record
nested 100,000 deep raises RecursionError and one of 5,000 digits trips the interpreter's
integer-conversion guard; both ended the build, not the record. Here both are refused with a
reason: integers pass through a converter that refuses oversized ones, and the nesting of a value
is measured by ``json_extent``, one linear pass that also finds where the value ends (so a JSON
list can step over a bad record and read on). The measuring is done only when it can matter:
after the parser gave up on the recursion, or when the value holds more brackets than the limit
(a str.count, far cheaper than the scan). ``sys.set_int_max_str_digits`` is left alone: it is
state of the whole process.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable

from .options import Limits, RejectedInput

# What the nesting scan stops at: a run of opening or of closing brackets (a run costs one step,
# so 100,000 levels cost little), and the quote that opens a string (whose brackets do not
# count). The rest of a string is skipped by _STRING_REST in one step.
_STRUCTURE = re.compile(r'[\[{]+|[\]}]+|"')
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
        run = found.group()
        if run == '"':
            rest = _STRING_REST.match(text, found.end())
            if rest is None:
                return deepest, None  # the string goes on past the end of the text
            position = rest.end()
            continue
        position = found.end()
        if run[0] in _OPENING:
            depth += len(run)
            deepest = max(deepest, depth)
        elif len(run) >= depth:
            return deepest, found.start() + depth  # the value ends inside this run
        else:
            depth -= len(run)


def too_deep_reason(what: str, depth: int, limits: Limits) -> str:
    """Why a JSON value nested ``depth`` levels is refused, and what to do about it."""
    return (
        f"{what} is nested {depth:,} levels deep, more than the {limits.max_json_depth:,} "
        "newstally reads (an article record needs a few); it is likely generated or damaged "
        "data: check the file, or raise Limits.max_json_depth"
    )


def recursion_reason(what: str, depth: int, limits: Limits) -> str:
    """Why a value the parser could not recurse into is refused (its depth measured after)."""
    if depth > limits.max_json_depth:
        return too_deep_reason(what, depth, limits)
    # within the limit, yet the stack ran out: the caller's own stack was nearly used up
    return (
        f"{what} is nested {depth:,} levels deep, more than the parser could follow here; "
        "newstally should have read it, so please report this input"
    )


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


def too_deep(text: str, start: int, end: int, limits: Limits) -> int:
    """The depth of the JSON value at ``text[start:end]`` when it is past ``limits``, else 0."""
    if text.count("[", start, end) + text.count("{", start, end) <= limits.max_json_depth:
        return 0  # cannot be deeper than it has brackets
    depth, _ = json_extent(text, start)
    return depth if depth > limits.max_json_depth else 0


def bounded_loads(text: str, decoder: json.JSONDecoder, limits: Limits, what: str) -> object:
    """``decoder.decode(text)`` (a ``json_decoder``) within ``limits``; raises RejectedInput
    (with ``what`` named) past them and json.JSONDecodeError for text that is not JSON."""
    start = len(text) - len(text.lstrip(" \t\n\r"))
    try:
        value = decoder.decode(text)
    except RejectedInput as error:
        raise RejectedInput(f"{what} {error.reason}") from None
    except RecursionError:
        raise RejectedInput(recursion_reason(what, json_extent(text, start)[0], limits)) from None
    depth = too_deep(text, start, len(text), limits)
    if depth:
        raise RejectedInput(too_deep_reason(what, depth, limits))
    return value


def csv_field_limit(limits: Limits) -> None:
    """Raises csv's cell-size limit (one setting for the whole process) to ``max_record_bytes``.

    Called before every CSV read, manifests included, so a large cell is judged the same way
    whichever file happens to be read first; the limit is only ever raised, never lowered
    under a reader that may still be running.
    """
    if csv.field_size_limit() < limits.max_record_bytes:
        csv.field_size_limit(limits.max_record_bytes)


def _long_number(n_digits: int, limits: Limits) -> str:
    return (
        f"holds a number of {n_digits:,} digits, more than the {limits.max_number_digits:,} "
        "newstally reads; no article field needs such a number, so write it as a string "
        '("...") or leave it out'
    )
