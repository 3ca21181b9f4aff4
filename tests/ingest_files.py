"""Helpers of the ingest tests: read paths into records, and write the files they read."""

from __future__ import annotations

import zipfile
from pathlib import Path

from newstally.build.ingest import FieldMap, Limits, read_corpus
from newstally.contract.records import Article, Rejected


def read(*paths, fields: FieldMap = FieldMap(), limits: Limits = Limits()) -> list[Article | Rejected]:
    """Every record ``read_corpus`` gives for ``paths``."""
    return list(read_corpus([str(p) for p in paths], fields, limits))


def one(*paths, **options) -> Article | Rejected:
    """The one record ``paths`` give (the test fails when they give another number)."""
    records = read(*paths, **options)
    assert len(records) == 1, records
    return records[0]


def by_suffix(records: list[Article | Rejected]) -> dict[str, Article | Rejected]:
    """``records`` by the last part of their path ("file.jsonl#3")."""
    return {r.path.split("/")[-1]: r for r in records}


def write(path: Path, content: str | bytes) -> Path:
    """Writes ``content`` (text as UTF-8, newlines as given) to ``path``, making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def make_zip(path: Path, entries: dict[str, str | bytes]) -> Path:
    """A zip archive at ``path`` holding ``entries`` (name -> content)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return path


def assert_storable(records: list[Article | Rejected]) -> None:
    """Fails unless every string of ``records`` is one the store can hold (valid UTF-8: no lone
    surrogates)."""
    for record in records:
        for value in vars(record).values():
            value.encode("utf-8")
