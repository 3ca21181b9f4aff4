"""What the last completed build of a store read, kept beside it, so that a damaged or lost store
can be built again from the same corpus without asking the user where it was.

The record is a small JSON file, ``<store>.corpus.json``, written after the store was replaced
(not inside it: a damaged store cannot be read, and this is when the record is wanted).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from .ingest import FieldMap


@dataclass(frozen=True)
class LastCorpus:
    """The corpus of the last completed build: its paths (those still there) and field mapping."""

    paths: tuple[Path, ...]
    fields: FieldMap
    built_at: str


def corpus_record(store: Path) -> Path:
    """The file beside ``store`` that records the corpus of its last completed build."""
    return store.with_name(store.name + ".corpus.json")


def record_corpus(store: Path, paths: list[Path], fields: FieldMap, built_at: str) -> None:
    """Records ``paths`` (made absolute) and ``fields`` as the corpus the store was built from.

    Best effort: the store is already built, so a record that cannot be written (a full disk)
    is left out rather than reported as a failed build.
    """
    record = {"paths": [os.path.abspath(p) for p in paths], "fields": asdict(fields), "built_at": built_at}
    target = corpus_record(store)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(json.dumps(record, ensure_ascii=True), encoding="ascii")
        os.replace(partial, target)  # a build killed while writing leaves the old record whole
    except OSError:
        partial.unlink(missing_ok=True)


def last_corpus(store: str | Path) -> LastCorpus | None:
    """The corpus the store at ``store`` was last built from, keeping only the paths that still
    exist; None when there is no record or none of its paths is left (uploads are temporary)."""
    try:
        record = json.loads(corpus_record(Path(store)).read_text(encoding="ascii"))
        paths = tuple(Path(p) for p in record["paths"] if os.path.exists(p))
        fields = FieldMap(**{k: v for k, v in record.get("fields", {}).items() if k in FieldMap.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return LastCorpus(paths, fields, str(record.get("built_at", ""))) if paths else None
