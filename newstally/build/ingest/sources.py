"""Where input comes from: files on disk, folders walked in order, and manifests beside them."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

from newstally.contract.records import Rejected

from .fields import field_key, metadata_values
from .limits import csv_field_limit
from .links import Links
from .options import FieldMap, Limits, RejectedInput, human_size, os_reason
from .text import decoded_text

MANIFEST_NAME = "manifest.csv"
NOT_A_FILE = "not a regular file (a device, pipe or broken link); give a file or a folder of files instead"
# Columns of a manifest that name the file a row describes; an id column alone matches file stems.
_MANIFEST_FILE_COLUMNS = ("file", "filename", "file_name", "path")
# Files other tools leave beside a corpus; never articles, never worth a rejection.
_IGNORED_NAMES = ("__MACOSX", "Thumbs.db", "desktop.ini")


@dataclass(frozen=True)
class Source:
    """One input file, on disk or inside an archive, not yet read."""

    path: str  # as the user sees it: "corpus/a.txt", "corpus.zip!inner/a.txt"
    name: str  # the file's own name, with folders inside an archive: "inner/a.txt"
    size: int
    open: Callable[[], IO[bytes]]
    metadata: Mapping[str, str] = field(default_factory=dict)  # a manifest row, if any
    disk_path: Path | None = None  # set for files on disk, which an archive reader needs

    @property
    def extension(self) -> str:
        """The lower-case extension with its dot (".txt"), or ""."""
        return PurePosixPath(self.name).suffix.lower()

    @property
    def stem(self) -> str:
        """The file name without folders and extension: the article id of a one-article file."""
        return PurePosixPath(self.name).stem


def disk_source(path: Path, display: str, metadata: Mapping[str, str] | None = None) -> Source:
    """A Source for the file at ``path``, shown to the user as ``display``."""
    return Source(
        path=display,
        name=path.name,
        size=path.stat().st_size,
        open=lambda: open(path, "rb"),
        metadata=metadata or {},
        disk_path=path,
    )


def is_hidden(name: str) -> bool:
    """Whether any part of ``name`` is a hidden file or folder, or one other tools leave behind."""
    return any(
        part.startswith(".") or part in _IGNORED_NAMES
        for part in PurePosixPath(name).parts
        if part not in (".", "..", "/")
    )


def whole_file(source: Source, limit: int, limit_name: str = "max_file_bytes") -> bytes:
    """All bytes of ``source``; raises RejectedInput when it holds more than ``limit`` bytes."""
    if source.size > limit:
        raise RejectedInput(_too_big(source.size, limit, limit_name))
    with source.open() as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise RejectedInput(_too_big(len(data), limit, limit_name))
    return data


def folder_sources(folder: Path, display: str, fields: FieldMap, limits: Limits) -> Iterator[Source | Rejected]:
    """Every file under ``folder`` in sorted order, hidden ones left out, with manifest metadata.

    A ``manifest.csv`` is not a source itself; its problems come back as Rejected, as do
    folders and files that cannot be opened.
    """
    unreadable: list[OSError] = []
    links = Links(folder, is_hidden)
    # Links are followed by the walk only where ``links`` lets them through (see ``links``).
    for directory, subdirectories, file_names in os.walk(folder, onerror=unreadable.append, followlinks=True):
        while unreadable:
            error = unreadable.pop(0)
            yield Rejected(
                _shown(Path(error.filename or folder), folder, display), f"folder could not be read: {os_reason(error)}"
            )
        here = Path(directory)
        shown = _shown(here, folder, display)
        followed = []
        for name in sorted(d for d in subdirectories if not is_hidden(d)):
            problem = links.problem(here / name, "folder")
            if problem:
                yield Rejected(os.path.join(shown, name), problem)
            else:
                followed.append(name)
        subdirectories[:] = followed
        names = sorted(n for n in file_names if not is_hidden(n))
        manifest_name = next((n for n in names if n.lower() == MANIFEST_NAME), None)
        by_name: dict[str, dict[str, str]] = {}
        if manifest_name:
            names.remove(manifest_name)
            problem = links.problem(here / manifest_name, "manifest")
            if problem:
                yield Rejected(os.path.join(shown, manifest_name), f"manifest not read: {problem}")
            else:
                by_name = yield from _folder_manifest(
                    here / manifest_name, os.path.join(shown, manifest_name), names, fields, limits
                )
        for name in names:
            path = here / name
            try:
                problem = links.problem(path, "file")
                if problem:
                    yield Rejected(os.path.join(shown, name), problem)
                    continue
                if not path.is_file():
                    yield Rejected(os.path.join(shown, name), NOT_A_FILE)
                    continue
                yield disk_source(path, os.path.join(shown, name), by_name.get(name))
            except OSError as error:
                yield Rejected(os.path.join(shown, name), f"could not be read: {os_reason(error)}")
    for walk_error in unreadable:
        yield Rejected(
            _shown(Path(walk_error.filename or folder), folder, display),
            f"folder could not be read: {os_reason(walk_error)}",
        )


def manifest_metadata(
    manifest: Source, file_names: Iterable[str], fields: FieldMap, limits: Limits
) -> tuple[dict[str, dict[str, str]], list[Rejected]]:
    """Metadata per file name from a manifest, and a Rejected for each row that fits no file.

    A row names its file in a ``file`` column, or by article id (the file name without its
    extension) in an ``id``/``article_id`` column; title, published, source and url columns (or
    their usual names) give the metadata, and an id column beside a file column the article id.
    """
    csv_field_limit(limits)  # as for a CSV corpus file, whichever of the two is read first
    try:
        rows = list(csv.DictReader(io.StringIO(decoded_text(whole_file(manifest, limits.max_file_bytes)))))
    except (RejectedInput, csv.Error, OSError) as error:
        reason = getattr(error, "reason", str(error))
        return {}, [Rejected(manifest.path, f"manifest could not be read: {reason}")]
    if not rows:
        return {}, []
    columns = list(rows[0].keys())
    file_column = next((c for c in columns if c and field_key(c) in _MANIFEST_FILE_COLUMNS), None)
    values = [metadata_values(row, fields) for row in rows]
    if file_column is None and not any(v["id"] for v in values):
        return {}, [
            Rejected(
                manifest.path,
                (
                    "manifest has no column naming the files it describes (columns found: "
                    f"{', '.join(c for c in columns if c)}); add a 'file' column with each file name, "
                    "or an 'article_id' column with each file name without its extension"
                ),
            )
        ]
    by_stem: dict[str, str] = {}
    for file_name in file_names:
        by_stem.setdefault(PurePosixPath(file_name).stem, file_name)
    names = set(file_names)
    by_name: dict[str, dict[str, str]] = {}
    problems: list[Rejected] = []
    for number, (row, row_values) in enumerate(zip(rows, values), start=1):
        key = (row.get(file_column) or "").strip() if file_column else row_values["id"]
        name = key if key in names else by_stem.get(key)
        if name is None:
            problems.append(
                Rejected(
                    f"{manifest.path}#{number}",
                    (
                        f"manifest row {number} describes '{key}', but no such file is beside the "
                        "manifest; correct the name or add the file"
                    ),
                )
            )
            continue
        by_name[name] = row_values
    return by_name, problems


def _folder_manifest(
    path: Path, shown: str, names: list[str], fields: FieldMap, limits: Limits
) -> Generator[Rejected, None, dict[str, dict[str, str]]]:
    # Yields the manifest's problems and returns its metadata by file name.
    try:
        by_name, problems = manifest_metadata(disk_source(path, shown), names, fields, limits)
    except OSError as error:
        by_name, problems = {}, [Rejected(shown, f"manifest could not be read: {os_reason(error)}")]
    yield from problems
    return by_name


def _shown(path: Path, folder: Path, display: str) -> str:
    return display if path == folder else os.path.join(display, os.path.relpath(path, folder))


def _too_big(size: int, limit: int, limit_name: str) -> str:
    return (
        f"file is {human_size(size)}, over the {human_size(limit)} limit for one article; "
        f"split it into smaller files, or raise Limits.{limit_name}"
    )
