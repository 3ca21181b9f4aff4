"""The two formats of newstally's data files, parsed one way wherever they are read.

- ``NAME.txt``: one entry per line; ``#`` starts a comment; blank lines are ignored.
- ``NAME.tsv``: tab-separated rows; the first line that is not a comment names the columns.

The rules' lexicons (``newstally.rules.lexicon``) and the contract's vocabularies
(``newstally.contract.vocabulary``) are both read through these functions.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path


def entries(text: str) -> list[str]:
    """The entries of a ``.txt`` data file's ``text``, in order, without comments or blanks."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def rows(text: str) -> list[dict[str, str]]:
    """The rows of a ``.tsv`` data file's ``text`` as dicts keyed by its header, values stripped."""
    # split as a file opened with newline="" is, which is what the csv module expects
    lines = (line for line in io.StringIO(text, newline="") if line.strip() and not line.lstrip().startswith("#"))
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t")]


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of the ``.tsv`` file at ``path``."""
    return rows(path.read_bytes().decode("utf-8"))
