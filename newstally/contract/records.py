"""The small frozen records handed between stages.

ingest -> Article | Rejected
extract(Article) -> Extraction(figures, statements, speakers)

Offsets (start, end) are character offsets into ``Article.text``: ``text[start:end]`` is the
record's ``text``. Speakers here are *local* to one article (``key`` such as ``"p0"``); the
speakers table merges them across the corpus (see ``newstally.rules.speakers.merge``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabulary import Category, Qualifier, Scope, SpeakerType, StatementKind


@dataclass(frozen=True)
class Article:
    article_id: str
    text: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""  # ISO date "YYYY-MM-DD", or "" when unknown
    path: str = ""  # where it came from: a file, or "file.jsonl#12", or "archive.zip!inner.txt"


@dataclass(frozen=True)
class Rejected:
    path: str
    reason: str  # what was expected, what came, and how to fix it


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str
    category: Category
    sentence: str
    rule: str  # the pattern that produced it, so a wrong row can be explained
    place: str = ""  # the territory it counts in ("Gaza", "Ukraine"), "" when the text does not say
    subgroup: str = ""  # who among the counted ("children", "journalists"), "" for everyone
    scope: Scope = ""  # a running total since a start, one event, or "" when unclear
    since: str = ""  # ISO date a cumulative count starts from, "" when the text does not give it


@dataclass(frozen=True)
class Statement:
    start: int
    end: int
    text: str
    kind: StatementKind
    cue: str
    speaker_key: str  # key of a Speaker of the same article, or "" when unresolved
    rule: str


@dataclass(frozen=True)
class Speaker:
    """One speaker as one article names them."""

    key: str
    name: str  # the fullest name the article gives ("Jane Roe", "Israeli army")
    type: SpeakerType
    role: str = ""
    org: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()
    # False for a description the article gives and resolves to no name ("officials", "a source
    # close to the group"): its statements keep the description, and it joins no speakers row.
    named: bool = True


@dataclass(frozen=True)
class Extraction:
    figures: tuple[Figure, ...] = ()
    statements: tuple[Statement, ...] = ()
    speakers: tuple[Speaker, ...] = field(default_factory=tuple)
