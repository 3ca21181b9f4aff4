"""Files of many records — .jsonl, .csv and .json — streamed one record at a time.

Memory holds one record (at most ``Limits.max_record_bytes``), never the whole file. Text is read
as UTF-8 unless a byte-order mark says otherwise; a byte that is not UTF-8 is read as
Windows-1252, so one stray byte from a spreadsheet export does not cost the whole file.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
from collections.abc import Generator, Iterator, Mapping
from typing import TextIO

from newstally.contract.records import Article, Rejected

from .fields import json_type, missing_named_fields, no_text_reason, record_article, resolved_fields
from .json_stream import CHUNK_CHARS, JsonReader, record_too_long
from .limits import SkippedValue, bounded_loads, csv_field_limit, json_decoder
from .options import FieldMap, Limits, RejectedInput, human_size, unexpected_reason
from .sources import Source
from .text import bom_encoding, normalised_text, refuse_binary

_SNIFF_BYTES = 8192
_CSV_DELIMITERS = (",", ";", "\t", "|")
# csv's message when a cell outgrows field_size_limit: the reader is then inside a cell, so
# nothing after it can be trusted.
_FIELD_TOO_LARGE = "field larger than field limit"
_BYTE_AS_CP1252 = "newstally-cp1252"


def _bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error  # only ever named when decoding bytes
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error(_BYTE_AS_CP1252, _bytes_as_cp1252)


def jsonl_articles(source: Source, fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    """One Article or Rejected per non-blank line of a JSON Lines file."""
    resolved_by_keys: dict[tuple, dict] = {}
    stem = source.stem
    n_records = 0
    decoder = json_decoder(limits)
    with _opened_text(source, limits) as stream:
        for number, line in enumerate(_lines(stream, limits.max_record_bytes), start=1):
            path = f"{source.path}#{number}"
            if line is not None and not line.strip():
                continue
            n_records += 1
            if line is None:
                yield Rejected(path, record_too_long(f"line {number}", limits))
                continue
            try:
                value = bounded_loads(line.rstrip("\r\n"), decoder, limits, f"line {number}")
            except json.JSONDecodeError as error:
                yield Rejected(
                    path, f"line {number} is not valid JSON: {_json_error(error)}; each line must be one JSON object"
                )
                continue
            except RejectedInput as error:
                yield Rejected(path, error.reason)
                continue
            if not isinstance(value, dict):
                yield Rejected(
                    path,
                    f"line {number} is {json_type(value)}, not a JSON object; each "
                    'line must be one JSON object, such as {"id": "a1", "text": "..."}',
                )
                continue
            yield _record(value, fields, resolved_by_keys, f"{stem}-{number}", path)
    if not n_records:
        yield Rejected(source.path, "empty file: no records to read (expected one JSON object per line)")


def csv_articles(source: Source, fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    """One Article or Rejected per data row of a CSV file with a header row.

    A file whose header has no text column, or lacks a column named in ``fields``, is one
    Rejected. Cells are kept as they are, formulas included: exports neutralise them.
    The delimiter is the one of , ; tab | that the header line uses most.
    """
    csv_field_limit(limits)
    with _opened_text(source, limits) as stream:
        lines = _csv_lines(stream, limits)
        try:
            first = next(lines, "")
            # strict: an unclosed quote is reported, where the default swallows every row after it
            reader = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first), strict=True)
            header = [cell.strip() for cell in next(reader, [])]
        except (csv.Error, RejectedInput) as error:
            yield Rejected(source.path, f"the header row could not be read as CSV: {_why(error)}")
            return
        problem = _header_problem(header, fields)
        if problem:
            yield Rejected(source.path, problem)
            return
        n_rows = yield from _csv_rows(reader, header, source, fields)
    if not n_rows:
        yield Rejected(source.path, f"no articles: the file has a header ({', '.join(header)}) but no rows under it")


def _csv_rows(
    reader: Iterator[list[str]], header: list[str], source: Source, fields: FieldMap
) -> Generator[Article | Rejected, None, int]:
    # Yields one record per non-blank row, and returns how many rows there were.
    resolved = resolved_fields(header, fields)
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return number
        except (csv.Error, RejectedInput) as error:
            number += 1
            path = f"{source.path}#{number}"
            if isinstance(error, csv.Error) and _FIELD_TOO_LARGE not in str(error):
                yield Rejected(
                    path,
                    f"row {number} could not be read as CSV: {error}; a quoted "
                    "cell must end with its closing quote, and quotes inside it "
                    'must be doubled ("")',
                )
                continue  # the reader starts afresh on the next line
            yield Rejected(
                path,
                f"row {number} could not be read as CSV: {_why(error)}; reading "
                "stopped there, so the rows after it are not read either: fix "
                "the row and read the file again",
            )
            return number
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        path = f"{source.path}#{number}"
        if any(cell.strip() for cell in row[len(header) :]):
            yield Rejected(
                path,
                f"row {number} has {len(row)} cells but the header has "
                f"{len(header)} columns; a cell that holds the delimiter must "
                "be quoted, so check the quoting of this row",
            )
            continue
        record = dict(zip(header, row + [""] * (len(header) - len(row))))
        try:
            yield record_article(
                record, resolved, fields, fallback_id=f"{source.stem}-{number}", path=path, key_word="column"
            )
        except RejectedInput as error:
            yield Rejected(path, f"row {number}: {error.reason}")
        except Exception as error:  # noqa: BLE001 - one row's surprise must not cost the rows after it
            yield Rejected(path, unexpected_reason(error))


def json_articles(source: Source, fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    """The articles of a .json file: one object, a list of objects, or an object wrapping a list."""
    resolved_by_keys: dict[tuple, dict] = {}
    with _opened_text(source, limits) as stream:
        reader = JsonReader(stream, limits)
        first = reader.next_char()
        if not first:
            yield Rejected(source.path, "empty file: no text to read")
            return
        if first != "[":
            value = reader.value("the file's one JSON value", limits)
            if reader.next_char():
                raise RejectedInput(
                    "more follows the first JSON value; a file with one JSON object per line should be named .jsonl"
                )
            yield from _top_level(value, source, fields, resolved_by_keys)
            return
        reader.skip_char()
        number = 0
        while True:
            char = reader.next_char()
            if char == "]":
                break
            if number and char == ",":
                reader.skip_char()
                char = reader.next_char()
            elif number or not char:
                yield Rejected(
                    f"{source.path}#{number + 1}",
                    (
                        f"the list is broken after record {number}: expected ',' or ']' but found "
                        f"{repr(char) if char else 'the end of the file'}; fix the JSON and read the "
                        "file again"
                    ),
                )
                return
            number += 1
            path = f"{source.path}#{number}"
            try:
                value = reader.value(f"record {number}", limits)
            except SkippedValue as error:  # the reader is past it: the next record can be read
                yield Rejected(path, error.reason)
                continue
            except RejectedInput as error:
                yield Rejected(path, f"{error.reason}; reading stopped there, so fix the JSON and read the file again")
                return
            yield _element(value, number, source, fields, resolved_by_keys)
        if not number:
            yield Rejected(source.path, "empty list: no records to read")


def _top_level(value: object, source: Source, fields: FieldMap, resolved_by_keys: dict) -> Iterator[Article | Rejected]:
    if not isinstance(value, dict):
        yield Rejected(source.path, f"the file holds {json_type(value)}; expected a JSON object or a list of objects")
        return
    resolved = resolved_fields(value.keys(), fields)
    lists = [
        key for key, item in value.items() if isinstance(item, list) and item and all(isinstance(x, dict) for x in item)
    ]
    if lists and not isinstance(value.get(resolved["text"] or ""), str):
        # {"articles": [{...}, ...]}: an export that wraps its records in an object
        for number, element in enumerate(value[lists[0]], start=1):
            yield _element(element, number, source, fields, resolved_by_keys)
        return
    yield _record(value, fields, resolved_by_keys, source.stem, source.path)


def _element(
    value: object, number: int, source: Source, fields: FieldMap, resolved_by_keys: dict
) -> Article | Rejected:
    path = f"{source.path}#{number}"
    if not isinstance(value, dict):
        return Rejected(
            path,
            f"record {number} is {json_type(value)}, not a JSON object; a list "
            'must hold objects such as {"id": "a1", "text": "..."}',
        )
    return _record(value, fields, resolved_by_keys, f"{source.stem}-{number}", path)


def _record(
    record: Mapping, fields: FieldMap, resolved_by_keys: dict, fallback_id: str, path: str
) -> Article | Rejected:
    keys = tuple(record.keys())
    resolved = resolved_by_keys.get(keys)
    if resolved is None:
        resolved = resolved_by_keys[keys] = resolved_fields(keys, fields)
    try:
        return record_article(record, resolved, fields, fallback_id=fallback_id, path=path)
    except RejectedInput as error:
        return Rejected(path, error.reason)
    except Exception as error:  # noqa: BLE001 - one record's surprise must not cost the records after it
        return Rejected(path, unexpected_reason(error))


def _header_problem(header: list[str], fields: FieldMap) -> str:
    if not any(header):
        return "empty file: no header row and no articles"
    resolved = resolved_fields(header, fields)
    found = ", ".join(header)
    if resolved["text"] is None:
        return "no text column: " + no_text_reason(header, fields, "column")
    missing = missing_named_fields(resolved, fields)
    if missing:
        return (
            f"no column named {' or '.join(missing)} (columns found: {found}); check the "
            "name, which is compared without regard to case"
        )
    return ""


def _opened_text(source: Source, limits: Limits) -> TextIO:
    if source.size > limits.max_stream_bytes:
        raise RejectedInput(
            f"file is {human_size(source.size)}, over the {human_size(limits.max_stream_bytes)} "
            "limit for one file; split it, or raise Limits.max_stream_bytes"
        )
    with source.open() as probe:
        head = probe.read(_SNIFF_BYTES)
    encoding = bom_encoding(head)
    if encoding is None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors=_BYTE_AS_CP1252)
        refuse_binary(decoder.decode(head, final=False))
    errors = "strict" if encoding else _BYTE_AS_CP1252
    return io.TextIOWrapper(source.open(), encoding=encoding or "utf-8", errors=errors, newline="")


def _lines(stream: TextIO, limit: int) -> Iterator[str | None]:
    """Each line of ``stream``; None in place of a line longer than ``limit``, which is skipped."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(("\n", "\r")):
            while line and not line.endswith(("\n", "\r")):
                line = stream.readline(CHUNK_CHARS)
            yield None
            continue
        yield line


def _csv_lines(stream: TextIO, limits: Limits) -> Iterator[str]:
    for line in _lines(stream, limits.max_record_bytes):
        if line is None:
            raise RejectedInput(record_too_long("a line", limits))
        yield normalised_text(line)


def _delimiter(header_line: str) -> str:
    counts = [(header_line.count(d), -i, d) for i, d in enumerate(_CSV_DELIMITERS)]
    return max(counts)[2] if max(counts)[0] else ","


def _json_error(error: json.JSONDecodeError) -> str:
    # json's messages end in "at" when a position follows ("Unterminated string starting at")
    joint = " " if error.msg.endswith(" at") else " at "
    return f"{error.msg}{joint}column {error.colno}"


def _why(error: Exception) -> str:
    return getattr(error, "reason", None) or str(error)
