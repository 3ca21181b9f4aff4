"""The vocabularies of the tables (docs/conventions.md), declared once for every side.

The figure categories come from ``categories.tsv`` (name, key category or not, people count or
not, colour, meaning), in the order charts offer them; the units that measure rather than count
from ``measured_units.tsv``. The ``Literal`` types name the values a record may hold; a test
checks that ``Category`` lists exactly the categories of the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

from .datafiles import read_rows

HERE = Path(__file__).resolve().parent

Category = Literal[
    "killed",
    "injured",
    "casualties",
    "displaced",
    "detained",
    "hostages",
    "missing",
    "projectiles",
    "strikes",
    "aid",
    "military",
    "people",
    "money",
    "duration",
    "other",
]
Qualifier = Literal["exact", "approximately", "more_than", "less_than"]
StatementKind = Literal["direct", "mixed", "indirect"]
# What stretch of time a figure counts over: a running total since a start, one event, or unclear.
Scope = Literal["cumulative", "event", ""]
SpeakerType = Literal["person", "organization"]

QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
STATEMENT_KINDS: tuple[StatementKind, ...] = get_args(StatementKind)
SPEAKER_TYPES: tuple[SpeakerType, ...] = get_args(SpeakerType)
SCOPES: tuple[Scope, ...] = get_args(Scope)


@dataclass(frozen=True)
class CategoryInfo:
    """One figure category as categories.tsv describes it."""

    name: Category
    key: bool  # a key category: followed over time, scored apart
    people: bool  # a count of people the words around a figure may give it ("killing 3,700 people")
    color: str
    meaning: str


def _categories() -> tuple[CategoryInfo, ...]:
    return tuple(
        CategoryInfo(
            cast(Category, row["name"]),  # a test checks that Category lists the names of the file
            row["key"] == "yes",
            row["people"] == "yes",
            row["color"],
            row["meaning"],
        )
        for row in read_rows(HERE / "categories.tsv")
    )


CATEGORIES: tuple[CategoryInfo, ...] = _categories()
CATEGORY_NAMES: tuple[str, ...] = tuple(c.name for c in CATEGORIES)
# The key categories in chart order.
KEY_CATEGORIES: tuple[str, ...] = tuple(c.name for c in CATEGORIES if c.key)
PEOPLE_CATEGORIES: frozenset[str] = frozenset(c.name for c in CATEGORIES if c.people)
CATEGORY_COLORS: dict[str, str] = {c.name: c.color for c in CATEGORIES}
OTHER: Category = "other"  # the category of a figure nothing else describes

# What a figure's value measures: a count, a share, or an amount in a unit of money or time.
COUNT = "count"
PERCENT = "percent"  # the unit of a share, as FORMAT.md names it
MEASURED_UNITS: frozenset[str] = frozenset(row["unit"] for row in read_rows(HERE / "measured_units.tsv"))
