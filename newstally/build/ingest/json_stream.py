"""JSON values read from a text stream one at a time: a .json file of many records is streamed,
never held whole, and a value too big or too deep is refused or stepped over on its own."""

from __future__ import annotations

import json
import re
from typing import TextIO

from .limits import SkippedValue, json_decoder, json_extent, recursion_reason, too_deep, too_deep_reason
from .options import Limits, RejectedInput, human_size

CHUNK_CHARS = 1 << 16  # characters read at a time
_NON_SPACE = re.compile(r"\S")


def record_too_long(what: str, limits: Limits) -> str:
    """Why a record of ``what`` (a line, a value) is refused for its length, and the way on."""
    return (
        f"{what} is longer than the {human_size(limits.max_record_bytes)} limit for one "
        "record; split the record, or raise Limits.max_record_bytes"
    )


class JsonReader:
    """JSON values read from a text stream one at a time, holding at most one in memory."""

    def __init__(self, stream: TextIO, limits: Limits):
        self._stream = stream
        self._limit = limits.max_record_bytes
        self._decoder = json_decoder(limits)
        self._buffer = ""
        self._position = 0
        self._ended = False

    def next_char(self) -> str:
        """The next character that is not white space, left unread; "" at the end."""
        while True:
            found = _NON_SPACE.search(self._buffer, self._position)
            if found:
                self._position = found.start()
                return found.group()
            self._position = len(self._buffer)
            if not self._read_more(CHUNK_CHARS):
                return ""

    def skip_char(self) -> None:
        """Steps over the character ``next_char`` returned."""
        self._position += 1

    def value(self, what: str, limits: Limits) -> object:
        """The JSON value at the reading position; raises RejectedInput if it is invalid or too big,
        and SkippedValue (reading may go on) if it is nested too deep or holds too long a number."""
        while True:
            unread = len(self._buffer) - self._position
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._position)
            except json.JSONDecodeError as error:
                if unread > self._limit:
                    raise RejectedInput(record_too_long(what, limits)) from None
                if self._read_more(unread):
                    continue  # the value may only be cut off by the end of the buffer
                raise RejectedInput(f"{what} is not valid JSON: {error.msg}") from None
            except (RejectedInput, RecursionError) as error:  # a number too long; nesting too deep
                depth, extent = json_extent(self._buffer, self._position)
                if extent is None and unread <= self._limit and self._read_more(unread):
                    continue  # read on to find where the refused value ends, to step over it
                refused = (
                    f"{what} {error.reason}"
                    if isinstance(error, RejectedInput)
                    else recursion_reason(what, depth, limits)
                )
                if extent is None:
                    raise RejectedInput(refused) from None
                self._position = extent
                raise SkippedValue(refused) from None
            if end == len(self._buffer) and self._read_more(CHUNK_CHARS):
                continue  # a number touching the end of the buffer may go on in the next chunk
            depth = too_deep(self._buffer, self._position, end, limits)
            self._position = end
            if depth:
                raise SkippedValue(too_deep_reason(what, depth, limits))
            return value

    def _read_more(self, at_least: int) -> bool:
        if self._ended:
            return False
        chunk = self._stream.read(max(at_least, CHUNK_CHARS))
        if not chunk:
            self._ended = True
            return False
        if self._position > len(self._buffer) // 2:
            self._buffer = self._buffer[self._position :]
            self._position = 0
        self._buffer += chunk
        return True
