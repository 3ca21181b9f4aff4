"""The syntactic layer: a dependency parse of the sentences that need one.

The parser is a spaCy pipeline (tokenizer, tagger with Penn Treebank tags, dependency parser with
Universal Dependencies labels) that this project trains from the UD English Web Treebank
(``newstally train-parser``; recipe in ``train.py``, settings in ``parser.cfg``). It ships in
``model/`` with its licence and its scores, and loads once per process, offline.

An article is parsed once: ``Syntax(text, spans)`` parses the sentences ``spans`` (the ones with a
figure, a quote or a cue; the others are never looked at) in one batch, and the figure and
statement rules both read the same trees through ``token_at``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads only when a parse is first asked for
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODEL = Path(__file__).resolve().parent / "model"
# Components the rules never read: left out at load time.
_UNUSED = ("senter", "ner", "lemmatizer", "attribute_ruler")
# A sentence longer than this (characters) is not prose (a table, a dump): it is not parsed.
LONGEST_SENTENCE = 2_000
# Curly quotes become straight ones for the parser: the treebank it learnt from writes them
# straight. One character for one, so offsets are kept. A no-break or thin space would be a token
# of its own ("camps for\xa01.5 million civilians") and derail the parse: it becomes a plain space.
_STRAIGHT = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "\n": " "}
    | dict.fromkeys("\xa0\u2009\u202f", " ")
)


class ModelMissing(RuntimeError):
    """The parser model is not in the package (it is built by ``newstally train-parser``)."""


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The parser, loaded once per process from the package (never from a network)."""
    if not (MODEL / "meta.json").is_file():
        raise ModelMissing(f"no parser model in {MODEL}: run `make model` to train one")
    import spacy

    return spacy.load(MODEL, exclude=list(_UNUSED))


@lru_cache(maxsize=1)
def model_hash() -> str:
    """A short hash of every file of the model: part of the extractor version."""
    digest = hashlib.sha256()
    for path in sorted(p for p in MODEL.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(MODEL)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


@dataclass(frozen=True)
class Sentence:
    """One parsed sentence: ``doc`` is the parse of ``text[start:start + len(doc.text)]``."""

    start: int
    doc: Doc

    def offset(self, token: Token) -> int:
        """Where ``token`` starts in the article."""
        return self.start + token.idx

    def span(self, first: Token, last: Token) -> tuple[int, int]:
        """(start, end) in the article of the words from ``first`` to ``last``."""
        return self.start + first.idx, self.start + last.idx + len(last.text)


class Syntax:
    """The parses of one article's sentences, looked up by character offset."""

    def __init__(self, text: str, spans: Iterable[tuple[int, int]]):
        chosen = sorted((s, e) for s, e in spans if 0 < e - s <= LONGEST_SENTENCE)
        self.sentences: list[Sentence] = []
        if chosen:
            docs = nlp().pipe((text[s:e].translate(_STRAIGHT) for s, e in chosen), batch_size=64)
            self.sentences = [Sentence(s, doc) for (s, _), doc in zip(chosen, docs)]
        self._starts = [s.start for s in self.sentences]
        self._token_starts: dict[int, list[int]] = {}

    def sentence_at(self, pos: int) -> Sentence | None:
        """The parsed sentence holding the character at ``pos``, or None when it was not parsed."""
        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return None
        sentence = self.sentences[k]
        return sentence if pos < sentence.start + len(sentence.doc.text) else None

    def token_at(self, pos: int) -> tuple[Sentence, Token] | None:
        """The word holding the character at ``pos`` (or the word before it, when ``pos`` is a space),
        with its sentence; None when that sentence was not parsed."""
        k = bisect_right(self._starts, pos) - 1
        sentence = self.sentence_at(pos)
        if sentence is None:
            return None
        starts = self._token_starts.get(k)
        if starts is None:
            starts = self._token_starts[k] = [t.idx for t in sentence.doc]
        i = bisect_right(starts, pos - sentence.start) - 1
        return (sentence, sentence.doc[i]) if i >= 0 else None


NO_SYNTAX = Syntax("", ())  # for callers that have no parse: every lookup says "not parsed"
