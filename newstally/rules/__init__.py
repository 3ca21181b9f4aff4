"""Language: what a text says. ``extract(text)`` gives an article's figures, statements and
speakers, a pure function of its text, the same in every engine.

Packages: ``figures`` (numbers that count or measure), ``statements`` (who said what),
``speakers`` (who a speaker phrase names, per article and merged across the corpus), ``lexicon``
(the word lists, as data files, and their one loader). Nothing here imports the build or the
read side.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from newstally.contract.records import Extraction

from . import lexicon
from .figures.extract import extract_figures
from .figures.reading import SCANNER
from .statements.attribution import CueIndex
from .statements.extract import LONGEST_TEXT, extract_statements
from .statements.quotes import paragraphs, quotes, sentences
from .syntax import Syntax

HERE = Path(__file__).resolve().parent
CONTRACT = HERE.parent / "contract"
# The corpus-wide speaker merge has a version of its own: a change to it merges the stored
# articles' speakers again, without extracting a single article again.
MERGE = HERE / "speakers" / "merge.py"


def _rule_files() -> list[Path]:
    """Every file the extraction's output depends on, bar the lexicons (``lexicon.fingerprint``)
    and the merge: the code and data under rules/ (whatever modules and models it holds) and
    the contract it reads (records, vocabularies). Walked, not listed, so a new module counts."""

    def counts(path: Path) -> bool:
        return (
            path.is_file()
            and "__pycache__" not in path.parts
            and not path.name.startswith(".")
            and path.suffix != ".pyc"
            and path != MERGE
            and not (path.parent == lexicon.HERE and path.suffix in lexicon.SUFFIXES)
        )

    return sorted(p for folder in (HERE, CONTRACT) for p in folder.rglob("*") if counts(p))


def _files_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(f"{path.relative_to(HERE.parent)}\n".encode())  # a rename counts too
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


@cache
def speakers_version() -> str:
    """A name for the corpus-wide speaker merge in force: a build whose articles are all unchanged
    still merges the speakers again when it differs from the store's."""
    return f"speakers-{_files_hash([MERGE])}"


@cache
def extractor_version() -> str:
    """A name for the rules in force: it changes whenever a file of the rules or the contract
    changes, or a lexicon file they read, bundled or the user's (``NEWSTALLY_LEXICON``).

    Stored with every article; a rebuild re-extracts articles whose stored version differs, and
    reuses the rows of the others.
    """
    return f"rules-{_files_hash(_rule_files())}-lex-{lexicon.fingerprint()}"


# Sentences parsed per article at most: a longer text keeps the rules over bare words past it.
MOST_PARSED_SENTENCES = 2_000
_QUOTE_MARK = re.compile('["“”„«»]')


def sentences_to_parse(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text`` that need a parse: those with a number, a quotation
    mark or a cue word; the others are never read by a rule that uses the parse."""
    cues = CueIndex(text, LONGEST_TEXT)
    out: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        if start >= LONGEST_TEXT or len(out) >= MOST_PARSED_SENTENCES:
            break
        for s, e in sentences(text, start, end, quotes(text, start, end)):
            if SCANNER.search(text, s, e) or _QUOTE_MARK.search(text, s, e) or cues.between(s, e):
                out.append((s, e))
    return out[:MOST_PARSED_SENTENCES]


def extract(text: str) -> Extraction:
    """Figures, statements and the article's speakers found in ``text``. The sentences that need
    it are parsed once, and both the statement and the figure rules read that parse."""
    syntax = Syntax(text, sentences_to_parse(text))
    statements, speakers = extract_statements(text, syntax)
    figures = extract_figures(text, syntax)
    return Extraction(figures=tuple(figures), statements=tuple(statements), speakers=tuple(speakers))
