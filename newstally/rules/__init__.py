"""Language: what a text says. ``extract(text)`` gives an article's figures, statements and
speakers, a pure function of its text, the same in every engine.

Packages: ``figures`` (numbers that count or measure), ``statements`` (who said what),
``speakers`` (who a speaker phrase names, per article and merged across the corpus), ``lexicon``
(the word lists, as data files, and their one loader). Nothing here imports the build or the
read side.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from newstally.contract.records import Extraction

from . import lexicon
from .figures.extract import extract_figures
from .statements.extract import extract_statements

_RULE_MODULES = ("__init__.py", "figures/extract.py", "figures/reading.py", "figures/context.py",
                 "figures/not_figures.py", "figures/numbers.py", "statements/extract.py", "statements/quotes.py",
                 "statements/attribution.py", "statements/clauses.py", "speakers/words.py", "speakers/naming.py",
                 "speakers/mentions.py", "speakers/roster.py")


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
    return f"speakers-{_source_hash(('speakers/merge.py',))}"


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
