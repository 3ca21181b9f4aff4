"""The one loader for language data: every word list the rules use lives in a file here.

File kinds (parsed by ``newstally.contract.datafiles``):
- ``NAME.txt``: one entry per line; ``#`` starts a comment; blank lines are ignored.
- ``NAME.tsv``: tab-separated rows; the first line names the columns.

Users may extend a lexicon by editing its file, or by pointing ``NEWSTALLY_LEXICON`` at a folder
holding files of the same names, which are read *in addition* to the bundled ones. Every file is
read once per process, and what was read is what ``fingerprint`` hashes: a user's added word
changes the extractor version, so a rebuild extracts again with it.

Each rules package reads its lists through one object of its own (``figures.words``,
``statements.words``, ``speakers.words``); ``alternation`` and ``alternatives`` turn a list
into a regex.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from newstally.contract import datafiles

HERE = Path(__file__).resolve().parent
USER_FOLDER = "NEWSTALLY_LEXICON"  # the environment variable naming a folder of the user's additions
SUFFIXES = (".txt", ".tsv")

# (bundled | user, file name) -> sha256 of the bytes read: what this process's rules were built from.
_read: dict[tuple[str, str], str] = {}


def bundled_files() -> list[Path]:
    """The bundled lexicon files, sorted by name."""
    return sorted(p for p in HERE.iterdir() if p.suffix in SUFFIXES)


def _texts(filename: str) -> list[str]:
    """The text of the bundled ``filename`` and, when the user's folder has one, of theirs."""
    sources = [("bundled", HERE / filename)]
    folder = os.environ.get(USER_FOLDER)
    if folder and (Path(folder) / filename).is_file():
        sources.append(("user", Path(folder) / filename))
    texts = []
    for origin, path in sources:
        data = path.read_bytes()  # a bundled file missing from disk is a bug: let it fail
        _read[(origin, filename)] = hashlib.sha256(data).hexdigest()
        texts.append(data.decode("utf-8"))
    return texts


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt``, in file order (the user's after the bundled ones)."""
    return tuple(entry for text in _texts(f"{name}.txt") for entry in datafiles.entries(text))


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a lower-cased set."""
    return frozenset(e.lower() for e in entries(name))


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``NAME.tsv`` as dicts keyed by its header (the user's after the bundled ones)."""
    return tuple(row for text in _texts(f"{name}.tsv") for row in datafiles.rows(text))


def fingerprint() -> str:
    """A short hash of every lexicon file the rules read: each bundled file and each file of the
    same name in the user's folder, as this process read them (a file not read yet is read now,
    so the hash covers them all whatever the rules have asked for so far)."""
    for path in bundled_files():
        (entries if path.suffix == ".txt" else rows)(path.stem)
    digest = hashlib.sha256()
    for (origin, filename), sha in sorted(_read.items()):
        digest.update(f"{origin}/{filename}:{sha}\n".encode())
    return digest.hexdigest()[:10]


def reset() -> None:
    """Forgets every file read, so the next read sees the files and ``NEWSTALLY_LEXICON`` as they
    are now. Rules built at import keep what they read: tests call this around a change."""
    _read.clear()
    for cached in (entries, words, rows):
        cached.cache_clear()


def alternatives(phrases: Iterable[str], space: str = r"\s+") -> str:
    """A regex matching any of ``phrases`` literally, tried in the order given (the order a file
    lists them), a space in a phrase matching ``space`` (any run of whitespace unless given)."""
    return "|".join(re.escape(p).replace(r"\-", "-").replace(r"\ ", space) for p in phrases)


def alternation(phrases: Iterable[str], fold_first: bool = False) -> str:
    """A regex matching any of the literal ``phrases``, spaces matching any whitespace, for long
    lists scanned often: the phrases are merged into a prefix tree ("seven(?:t(?:een|y))?"), so the
    engine rejects a position after one character instead of trying every phrase. ``fold_first``:
    the first letter may also be upper-case ("Twenty trucks"), without the cost of IGNORECASE.
    """
    phrases = [p for p in phrases if p]
    if fold_first:
        # separate literal branches, not "[tT]": the engine rejects a literal branch fastest
        phrases += [p[0].upper() + p[1:] for p in phrases]
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        atom = r"\s+" if char == " " else re.escape(char)
        branches.append(atom + _trie_regex(node[char]))
    if not branches:
        return ""
    optional = "" in node
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    return body + ("?" if optional else "")
