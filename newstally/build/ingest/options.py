"""What the caller can set for one read: which fields hold what, and how much input is too much."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
GB = 1024 * MB

# The extensions read, in the order a user is told about them. A .gz or .bz2 file is read as the
# file inside it, named by the extension before (articles.jsonl.gz is read as articles.jsonl).
EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".htm", ".zip", ".gz", ".bz2")

# The command-line flag that names each field, quoted in reasons so a user knows how to fix a file.
FIELD_FLAGS: dict[str, str] = {
    "id": "--id-field",
    "text": "--text-field",
    "title": "--title-field",
    "published": "--published-field",
    "source": "--source-field",
    "url": "--url-field",
}


@dataclass(frozen=True)
class FieldMap:
    """Which column or field holds what; None means: recognise it by its usual names.

    Applies to JSON and JSONL fields, CSV columns, front matter keys and manifest columns alike.
    Names match case-insensitively, with spaces and hyphens read as underscores.
    """

    id: str | None = None
    text: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Limits:
    """How much input is too much; anything over a limit becomes a Rejected that names the limit.

    A .txt, .md or .html file is one article and is read whole, so it is held to
    ``max_file_bytes``. A .json, .jsonl or .csv file is streamed one record at a time, so memory
    is bounded by ``max_record_bytes`` and the file itself only by ``max_stream_bytes``.
    Zip archives are read in memory, entry by entry, never unpacked to disk; .gz and .bz2 files
    are unpacked as a stream, held to ``max_total_uncompressed`` and ``max_ratio`` like a zip.
    JSON is refused past ``max_json_depth`` levels of nesting or a number of more than
    ``max_number_digits`` digits: news records need neither, and both cost a parser its stack or
    its time.
    """

    max_file_bytes: int = 50 * MB
    max_record_bytes: int = 50 * MB
    max_stream_bytes: int = 64 * GB
    max_entries: int = 10_000
    max_total_uncompressed: int = 1 * GB
    max_ratio: float = 100.0
    max_json_depth: int = 100
    max_number_digits: int = 4300


def human_size(n_bytes: int) -> str:
    """``n_bytes`` as a user reads it: "512 bytes", "3.2 KB", "50 MB", "1.5 GB"."""
    for unit, size in (("GB", GB), ("MB", MB), ("KB", 1024)):
        if n_bytes >= size:
            return f"{n_bytes / size:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{n_bytes} bytes"


def os_reason(error: BaseException) -> str:
    """What went wrong reading a file, in lower case: "permission denied", "is a directory"."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def unexpected_reason(error: BaseException) -> str:
    """The reason for an input that broke a reader in a way no check foresaw: a bug to report."""
    return (
        f"could not be read ({type(error).__name__}: {error}); newstally should have said why, so "
        "please report this input; the rest of the build went on without it"
    )


class RejectedInput(Exception):
    """Raised inside the readers when an input cannot be read; carries the reason a user sees."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
