"""Zip archives read entry by entry in memory: never unpacked to disk, and refused when hostile.

Refused, each with a reason: an archive that is not a zip; more entries than
``Limits.max_entries`` or more than ``Limits.max_total_uncompressed`` bytes unpacked (the whole
archive); and per entry, names that are absolute or climb out with "..", archives inside the
archive, symbolic links, encrypted entries, and entries that unpack to more than
``Limits.max_ratio`` times their packed size (zip bombs). The ratio is only checked for entries
of at least 1 MB unpacked: small entries cannot do harm, and short repetitive files compress far
more than 100 times.
The sizes checked are those the archive declares; Python's zipfile never unpacks more than the
declared size of an entry, so a lying header cannot get past them.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Generator, Iterator
from pathlib import Path, PurePosixPath

from newstally.contract.records import Article, Rejected

from .options import MB, FieldMap, Limits, human_size, os_reason
from .readers import source_articles
from .sources import MANIFEST_NAME, Source, is_hidden, manifest_metadata

_RATIO_CHECKED_FROM_BYTES = 1 * MB
_DRIVE = re.compile(r"[A-Za-z]:")
_MAX_TAIL_BYTES = 22 + 0xFFFF  # the end record and the longest archive comment
_UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


def zip_articles(source: Source, fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    """The Articles and Rejected of every entry of the zip archive on disk at ``source``."""
    disk_path = source.disk_path
    assert disk_path is not None  # only files on disk come here: an archive inside one is refused
    try:
        declared = _declared_entry_count(disk_path)
        if declared > limits.max_entries:
            yield Rejected(source.path, _too_many_entries(declared, limits))
            return
        archive = zipfile.ZipFile(disk_path)
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        yield Rejected(
            source.path,
            f"not a valid zip archive: {error}; the file may be cut short "
            "or be another kind of file named .zip, so create the archive "
            "again",
        )
        return
    except OSError as error:
        yield Rejected(source.path, f"could not be read: {os_reason(error)}")
        return
    with archive:
        problem = _archive_problem(archive.infolist(), limits)
        if problem:
            yield Rejected(source.path, problem)
            return
        entries = sorted((e for e in archive.infolist() if not e.is_dir() and not is_hidden(_name(e))), key=_name)
        metadata, manifests = yield from _manifests(archive, entries, source, fields, limits)
        n_read = 0
        for entry in entries:
            if _name(entry) in manifests:
                continue
            n_read += 1
            entry_source = _entry_source(archive, entry, source, metadata.get(_name(entry)))
            problem = _entry_problem(entry, limits)
            if problem:
                yield Rejected(entry_source.path, problem)
            else:
                yield from source_articles(entry_source, fields, limits)
        if not n_read:
            yield Rejected(
                source.path,
                "no files to read: the archive is empty, or holds only "
                "folders, hidden files and a manifest; add the articles",
            )


def _manifests(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], source: Source, fields: FieldMap, limits: Limits
) -> Generator[Rejected, None, tuple[dict[str, dict[str, str]], set[str]]]:
    # Yields the manifests' problems; returns the metadata by entry name and the names of the
    # manifests read, which are not articles.
    by_folder: dict[str, list[zipfile.ZipInfo]] = defaultdict(list)
    for entry in entries:
        by_folder[str(PurePosixPath(_name(entry)).parent)].append(entry)
    metadata: dict[str, dict[str, str]] = {}
    manifests: set[str] = set()
    for folder, members in by_folder.items():
        manifest = next((e for e in members if PurePosixPath(_name(e)).name.lower() == MANIFEST_NAME), None)
        if manifest is None or _entry_problem(manifest, limits):
            continue
        manifests.add(_name(manifest))
        names = [PurePosixPath(_name(e)).name for e in members if e is not manifest]
        manifest_source = _entry_source(archive, manifest, source)
        try:
            by_name, problems = manifest_metadata(manifest_source, names, fields, limits)
        except _UNPACK_ERRORS as error:
            yield Rejected(manifest_source.path, f"manifest could not be unpacked: {error}")
            continue
        yield from problems
        for name, values in by_name.items():
            metadata[f"{folder}/{name}" if folder != "." else name] = values
    return metadata, manifests


def _declared_entry_count(path: Path) -> int:
    # The count the end-of-archive record declares, read before zipfile builds an object per
    # entry: an archive of millions of empty entries is refused without using the memory.
    with open(path, "rb") as stream:
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - _MAX_TAIL_BYTES))
        tail = stream.read()
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or len(tail) < end + 22:
            return 0  # not a zip: zipfile says so in its own words
        count = struct.unpack("<H", tail[end + 10 : end + 12])[0]
        locator = end - 20
        if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == b"PK\x06\x07":
            stream.seek(struct.unpack("<Q", tail[locator + 8 : locator + 16])[0])
            record = stream.read(40)
            if record[:4] != b"PK\x06\x06" or len(record) < 40:
                return 0  # data before the archive shifts its offsets: leave it to zipfile
            count = struct.unpack("<Q", record[32:40])[0]
    return count


def _entry_source(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, source: Source, metadata: dict[str, str] | None = None
) -> Source:
    return Source(
        path=f"{source.path}!{entry.filename}",
        name=_name(entry),
        size=entry.file_size,
        open=lambda: archive.open(entry),
        metadata=metadata or {},
    )


def _name(entry: zipfile.ZipInfo) -> str:
    return entry.filename.replace("\\", "/")


def _too_many_entries(count: int, limits: Limits) -> str:
    return (
        f"zip archive has {count:,} entries, over the limit of {limits.max_entries:,}; "
        "split it into smaller archives, or raise Limits.max_entries"
    )


def _archive_problem(entries: list[zipfile.ZipInfo], limits: Limits) -> str:
    if len(entries) > limits.max_entries:
        return _too_many_entries(len(entries), limits)
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_total_uncompressed:
        return (
            f"zip archive would unpack to {human_size(total)}, over the "
            f"{human_size(limits.max_total_uncompressed)} limit; split it into smaller "
            "archives, or raise Limits.max_total_uncompressed"
        )
    return ""


def _entry_problem(entry: zipfile.ZipInfo, limits: Limits) -> str:
    name = _name(entry)
    if name.startswith("/") or _DRIVE.match(name):
        return (
            "unsafe entry name: it is an absolute path, which a crafted archive uses to "
            "write outside the folder it is unpacked in; newstally does not read such "
            "entries, so rename it to a relative path inside the archive"
        )
    if ".." in PurePosixPath(name).parts:
        return (
            "unsafe entry name: it climbs out of the archive with '..', which a crafted "
            "archive uses to write outside the folder it is unpacked in; newstally does "
            "not read such entries, so rename it to a path inside the archive"
        )
    if PurePosixPath(name).suffix.lower() == ".zip":
        return (
            "archive inside an archive: newstally reads one level of zip only; unpack the "
            "inner archive and add its files, or give it as a corpus of its own"
        )
    if (entry.external_attr >> 16) & 0o170000 == 0o120000:  # a Unix symbolic link, stored as its target
        return (
            "symbolic link inside the archive: its content is the path it points to, not an "
            "article; newstally does not follow links in archives, so put the file itself in"
        )
    if entry.flag_bits & 0x1:
        return "encrypted entry: newstally cannot read password-protected archives; zip it again without a password"
    if entry.file_size >= _RATIO_CHECKED_FROM_BYTES:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > limits.max_ratio:
            return (
                f"looks like a zip bomb: {human_size(entry.compress_size)} would unpack to "
                f"{human_size(entry.file_size)}, {ratio:,.0f} times its packed size, where "
                f"text packs at most about {limits.max_ratio:g} times; if the file is genuine, "
                "give it unzipped, or raise Limits.max_ratio"
            )
    return ""
