"""The one loader for language data: every word list the extractors use lives in a file here.

File kinds:
- ``NAME.txt``: one entry per line; ``#`` starts a comment; blank lines are ignored.
- ``NAME.tsv``: tab-separated rows; the first line names the columns.

Users may extend a lexicon by editing its file (or by pointing ``NEWSTALLY_LEXICON`` at a folder
holding files of the same names, which are read *in addition* to the bundled ones).
"""
from __future__ import annotations

import csv
import hashlib
import os
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _paths(filename: str) -> list[Path]:
    paths = [HERE / filename]
    extra = os.environ.get("NEWSTALLY_LEXICON")
    if extra and (Path(extra) / filename).is_file():
        paths.append(Path(extra) / filename)
    return paths


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt``, in file order, without comments or blanks."""
    out: list[str] = []
    for path in _paths(f"{name}.txt"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                out.append(line)
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a lower-cased set."""
    return frozenset(e.lower() for e in entries(name))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``NAME.tsv`` as dicts keyed by its header."""
    out: list[dict[str, str]] = []
    for path in _paths(f"{name}.tsv"):
        with path.open(encoding="utf-8", newline="") as f:
            lines = (l for l in f if l.strip() and not l.lstrip().startswith("#"))
            for row in csv.DictReader(lines, delimiter="\t"):
                out.append({k: (v or "").strip() for k, v in row.items()})
    return tuple(out)


def fingerprint() -> str:
    """A short hash of every lexicon file: part of the extractor version, so edits invalidate caches."""
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("*.*")):
        if path.suffix in {".txt", ".tsv"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
