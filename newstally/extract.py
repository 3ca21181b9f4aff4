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
                 "numbers.py", "statements.py", "text.py", "quotes.py", "attribution.py", "clauses.py",
                 "mentions.py", "roster.py")


@lru_cache(maxsize=None)
def extractor_version() -> str:
    """A name for the rules in force: it changes whenever extraction code or a lexicon changes.

    Stored with every figure and statement; a rebuild re-extracts articles whose stored version
    differs, and reuses the rows of the others.
    """
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _RULE_MODULES:
        path = here / name
        if path.is_file():
            digest.update(path.read_bytes())
    return f"rules-{digest.hexdigest()[:8]}-lex-{lexicon.fingerprint()}"


def extract(text: str) -> Extraction:
    """Figures, statements and the article's speakers found in ``text``."""
    statements, speakers = extract_statements(text)
    figures = extract_figures(text)
    return Extraction(figures=tuple(figures), statements=tuple(statements), speakers=tuple(speakers))
