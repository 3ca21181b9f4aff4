"""components.data: where the dashboard's store is."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.parametrize(
    "env, expected",
    [
        (None, ROOT / "data" / "newstally.duckdb"),
        ("other/store.duckdb", ROOT / "other" / "store.duckdb"),
        ("/abs/store.duckdb", Path("/abs/store.duckdb")),
    ],
)
def test_data_store_path_is_relative_to_the_repository(monkeypatch, env, expected):
    from components.data import store_path

    if env is None:
        monkeypatch.delenv("NEWSTALLY_STORE", raising=False)
    else:
        monkeypatch.setenv("NEWSTALLY_STORE", env)
    monkeypatch.chdir("/")
    assert store_path() == expected
