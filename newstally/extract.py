"""The extraction of one article: a pure function of its text, the same in every engine."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from . import lexicon
from .figures import extract_figures
from .records import Extraction
from .statements import extract_statements

_RULE_MODULES = ("extract.py", "figures.py", "figures_read.py", "figures_context.py", "figures_filters.py",
                 "numbers.py", "statements.py", "quotes.py", "attribution.py", "clauses.py",
                 "words.py", "naming.py", "mentions.py", "roster.py")


def _source_hash(names: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in names:
        digest.update((here / name).read_bytes())  # a module missing from disk is a bug: let it fail
    return digest.hexdigest()[:8]


@lru_cache(maxsize=None)
def speakers_version() -> str:
    """A name for the corpus-wide speaker merge in force: a build whose articles are all unchanged
    still merges the speakers again when it differs from the store's."""
    return f"speakers-{_source_hash(('speakers.py',))}"


@lru_cache(maxsize=None)
def extractor_version() -> str:
    """A name for the rules in force: it changes whenever extraction code or a lexicon changes.

    Stored with every figure and statement; a rebuild re-extracts articles whose stored version
    differs, and reuses the rows of the others.
    """
    return f"rules-{_source_hash(_RULE_MODULES)}-lex-{lexicon.fingerprint()}"


def extract(text: str) -> Extraction:
    """Figures, statements and the article's speakers found in ``text``."""
    statements, speakers = extract_statements(text)
    figures = extract_figures(text)
    return Extraction(figures=tuple(figures), statements=tuple(statements), speakers=tuple(speakers))
