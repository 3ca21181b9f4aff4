"""Compressed files, .gz and .bz2, read as the file they hold: ``articles.jsonl.gz`` is read as
``articles.jsonl`` and ``story.txt.bz2`` as ``story.txt``, on disk or inside a zip archive.

They are unpacked as a stream, never to disk, and held to the limits of a zip entry: never more
than ``Limits.max_total_uncompressed`` bytes, and, once past 1 MB, never more than
``Limits.max_ratio`` times the packed size (a decompression bomb packs gigabytes of one repeated
byte into a few kilobytes; text packs at most about ten times). Going past a limit stops the
reading with a Rejected that names it; the records of a .jsonl or .csv read before that point
are kept. The size of the unpacked data is not known beforehand (gzip stores it modulo 4 GB,
bzip2 not at all), which is why the limits are kept while reading.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from pathlib import PurePosixPath
from typing import IO, BinaryIO

from .options import EXTENSIONS, MB, Limits, RejectedInput, human_size
from .sources import Source

# extension -> (opener of a packed binary stream, the format's name as users know it)
COMPRESSIONS = {
    ".gz": (lambda packed: gzip.GzipFile(fileobj=packed, mode="rb"), "gzip"),
    ".bz2": (lambda packed: bz2.BZ2File(packed, mode="rb"), "bzip2"),
}
# As for zip entries: below this, no ratio is suspicious (short repetitive files pack very well).
_RATIO_CHECKED_FROM_BYTES = 1 * MB
_READ_BYTES = 1 << 16


def inner_name(name: str) -> str:
    """``name`` without its compression extension: "a/articles.jsonl.gz" -> "a/articles.jsonl"."""
    path = PurePosixPath(name)
    return str(path.with_suffix("")) if path.suffix.lower() in COMPRESSIONS else name


def inner_problem(name: str) -> str:
    """Why the file inside the compressed file ``name`` cannot be read, or "" when it can."""
    inner = PurePosixPath(inner_name(name)).suffix.lower()
    outer = PurePosixPath(name).suffix.lower()
    if inner in COMPRESSIONS:
        return f"compressed twice ({inner}{outer}); unpack it once and give the {inner} file, which newstally reads"
    if inner == ".zip":
        return (
            f"a zip archive compressed again with {outer}; unpack the {outer} and give the .zip, which newstally reads"
        )
    if inner == ".tar":
        return (
            f"a tar archive ({inner}{outer}); newstally reads zip archives but not tar: unpack "
            "it and give the folder, or zip its files"
        )
    readable = [e for e in EXTENSIONS if e not in COMPRESSIONS and e != ".zip"]
    if inner not in readable:
        what = f"a {inner} file" if inner else "a file without an extension"
        return (
            f"{what} compressed with {outer}; a compressed file must hold one of "
            f"{', '.join(readable)} and be named after it, like articles.jsonl{outer}"
        )
    return ""


def unpacked_source(source: Source, limits: Limits) -> Source:
    """The file inside the compressed ``source``, read through the unpacking limits; raises
    RejectedInput when it is nothing newstally reads."""
    problem = inner_problem(source.name)
    if problem:
        raise RejectedInput(problem)
    opener, format_name = COMPRESSIONS[source.extension]
    by_ratio = max(_RATIO_CHECKED_FROM_BYTES, int(limits.max_ratio * source.size))
    allowed = min(limits.max_total_uncompressed, by_ratio)
    if by_ratio < limits.max_total_uncompressed:
        too_much = (
            f"looks like a decompression bomb: {human_size(source.size)} of {format_name} "
            f"unpacks to more than {human_size(allowed)}, over {limits.max_ratio:g} times its "
            f"packed size where text packs at most about ten times; reading stopped there "
            "(records before it were read); if the file is genuine, give it unpacked, or "
            "raise Limits.max_ratio"
        )
    else:
        too_much = (
            f"unpacks to more than {human_size(allowed)}, the limit for one compressed "
            "file; reading stopped there (records before it were read): split it into "
            "smaller files, or raise Limits.max_total_uncompressed"
        )

    def open_unpacked() -> BinaryIO:
        unpacked = _Unpacked(source.open(), opener, format_name, source.extension, allowed, too_much)
        return io.BufferedReader(unpacked, _READ_BYTES)

    # size is the packed size: the unpacked one is unknown, and only ever larger
    return Source(
        path=source.path,
        name=inner_name(source.name),
        size=source.size,
        open=open_unpacked,
        metadata=source.metadata,
        disk_path=None,
    )


class _Unpacked(io.RawIOBase):
    """The unpacked bytes of a packed stream, refused past ``allowed`` bytes."""

    def __init__(self, packed: IO[bytes], opener, format_name: str, extension: str, allowed: int, too_much: str):
        self._packed = packed
        self._stream = opener(packed)
        self._format = format_name
        self._extension = extension
        self._left = allowed
        self._too_much = too_much

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            n = self._stream.readinto(buffer)
        except (OSError, EOFError, zlib.error) as error:
            raise RejectedInput(
                f"not valid {self._format} data ({error}); the file may be cut short, damaged, or "
                f"another kind of file named {self._extension}: compress it again"
            ) from None
        self._left -= n
        if self._left < 0:
            raise RejectedInput(self._too_much)
        return n

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            self._packed.close()
            super().close()
