"""Corpus files to Articles, streamed, with a Rejected (and its reason) for everything else.

    for record in read_corpus(["corpus/"], FieldMap(text="body")):
        ...  # an Article, or a Rejected(path, reason)

Read: .txt (article id = file name; optional front matter), .md (front matter), .json (one
object, a list of objects, or an object wrapping such a list), .jsonl (one object per line),
.csv (one article per row, header row first), .html/.htm (main text), .zip of any of these, any
of them compressed as .gz or .bz2 (articles.jsonl.gz), and folders of all of them, walked in
sorted order with hidden files left out. A ``manifest.csv`` in a folder gives title, published,
source and url (and optionally the article id) per file. Links in a folder are followed only
within it (``links``).

Every file and every record becomes exactly one Article or Rejected, in input order; a
repeated article id makes the later one a Rejected. Fields are found by their usual names
(``fields.SYNONYMS``) unless a ``FieldMap`` names them; the command line's flags
--id-field, --text-field, --title-field, --published-field, --source-field and --url-field fill
a FieldMap. A front matter ``id`` key (or a manifest id column) overrides the file name as id.
Decoding, NUL bytes and line endings: see ``text``; dates: see ``dates``; zip safety: see
``archives``; compressed files: ``compressed``; JSON nesting and number size: ``limits``.
Every string that leaves here can be stored: lone surrogates (from JSON escapes, or file names
that are not UTF-8) are replaced or shown escaped (``printable``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from newstally.contract.records import Article, Rejected

from .archives import zip_articles
from .options import EXTENSIONS, FieldMap, Limits, os_reason, unexpected_reason
from .printable import clean_record
from .readers import source_articles
from .sources import NOT_A_FILE, Source, disk_source, folder_sources
from .uploads import check_upload

__all__ = ["EXTENSIONS", "FieldMap", "Limits", "allowed_extensions", "check_upload", "read_corpus"]


def allowed_extensions() -> tuple[str, ...]:
    """The file extensions newstally reads, lower case with their dot: (".txt", ".md", ...)."""
    return EXTENSIONS


def read_corpus(
    paths: Iterable[str | Path], fields: FieldMap = FieldMap(), limits: Limits = Limits()
) -> Iterator[Article | Rejected]:
    """Each Article found in ``paths`` (files or folders), and a Rejected for whatever is not one.

    A generator: records come one at a time and a large .jsonl or .csv is never held whole.
    Bad input never raises; it comes back as Rejected(path, reason). Paths name records inside
    files as "file.jsonl#12" and entries of archives as "archive.zip!inner/name.txt".
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    first_seen: dict[str, str] = {}
    for record in map(clean_record, _records(paths, fields, limits)):
        if isinstance(record, Article):
            earlier = first_seen.get(record.article_id)
            if earlier is not None:
                yield Rejected(
                    record.path,
                    (
                        f"duplicate article id '{record.article_id}' (first seen in {earlier}); "
                        "each article needs its own id, so remove the copy or give it another id"
                    ),
                )
                continue
            first_seen[record.article_id] = record.path
        yield record


def _records(paths: Iterable[str | Path], fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    for given in paths:
        path = Path(given)
        shown = str(given)
        try:
            if path.is_dir():
                sources = folder_sources(path, shown, fields, limits)
            elif path.is_file():
                sources = iter([disk_source(path, shown)])
            elif path.exists():
                yield Rejected(shown, NOT_A_FILE)
                continue
            else:
                yield Rejected(shown, "no such file or folder; check the path")
                continue
            n_sources = 0
            for source in sources:
                n_sources += 1
                if isinstance(source, Rejected):
                    yield source
                else:
                    yield from _source_records(source, fields, limits)
            if not n_sources:
                yield Rejected(
                    shown,
                    "no files to read: the folder is empty, or holds only hidden "
                    "files (names starting with '.') and a manifest; check the path",
                )
        except OSError as error:
            yield Rejected(shown, f"could not be read: {os_reason(error)}")
        except Exception as error:  # noqa: BLE001 - a surprise in one corpus must not stop the others
            yield Rejected(shown, unexpected_reason(error))


def _source_records(source: Source, fields: FieldMap, limits: Limits) -> Iterator[Article | Rejected]:
    if source.extension == ".zip":
        return zip_articles(source, fields, limits)
    return source_articles(source, fields, limits)
