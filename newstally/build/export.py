"""``export``: the public tables as CSV (safe to open in a spreadsheet) or Parquet files."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import pandas as pd

from newstally.contract.errors import NewstallyError
from newstally.contract.schema import PUBLIC_TABLES, columns

from .store import connect, damage_reported

FORMATS = ("csv", "parquet")
# Columns a user has no use for in an export (the store's own join keys).
_INTERNAL = {"mention_id"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# After blanks and invisible format characters, which a spreadsheet may drop before it looks:
# the characters that start a formula, as NFKC folds their look-alikes (full-width ＝＋－＠, small
# ﹦﹢﹣﹫, superscript ⁼⁺⁻), and the minus sign.
_FORMULA_AFTER_BLANKS = ("=", "+", "-", "@", "\u2212")


def export_columns(table: str) -> list[str]:
    """The columns ``table`` is exported with (DESIGN.md's names, then the rule behind a row)."""
    return [c for c in columns(table) if c not in _INTERNAL]


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every text cell that a spreadsheet would run as a formula prefixed by ``'``."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name]):
            out[name] = out[name].map(_neutral_cell)
    return out


def _neutral_cell(value: object) -> object:
    if isinstance(value, str):
        return _neutral_text(value)
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist"):
        return "; ".join(_neutral_text(str(v)) for v in list(cast(Iterable[object], value)))  # or a numpy array
    return value


def _neutral_text(text: str) -> str:
    return "'" + text if _formula_like(text) else text


def _formula_like(value: str) -> bool:
    if value.startswith(_FORMULA_START):
        return True
    start = 0
    while start < len(value) and (value[start].isspace() or unicodedata.category(value[start]) == "Cf"):
        start += 1
    if start == len(value):
        return False
    return unicodedata.normalize("NFKC", value[start]).startswith(_FORMULA_AFTER_BLANKS)


def table_frame(store: str | Path, table: str) -> pd.DataFrame:
    """The public ``table`` from the store, with its export columns."""
    cols = ", ".join(f'"{c}"' for c in export_columns(table))
    with connect(store) as con, damage_reported(store):
        return con.execute(f"SELECT {cols} FROM {table}").df()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV with formulas neutralised: the one CSV writer of newstally."""
    return neutralise_formulas(frame).to_csv(index=False).encode("utf-8")


def export(store: str | Path, directory: str | Path, fmt: str = "csv") -> list[Path]:
    """Writes every public table to ``directory/<table>.<fmt>``; returns the files written."""
    if fmt not in FORMATS:
        raise NewstallyError(f"unknown export format {fmt!r}; choose csv or parquet")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in PUBLIC_TABLES:
        frame = table_frame(store, table)
        target = directory / f"{table}.{fmt}"
        if fmt == "csv":
            target.write_bytes(csv_bytes(frame))
        else:
            frame.to_parquet(target, index=False)
        written.append(target)
    return written
