"""Connections to the shared stores of tests/conftest.py, read-only, for every query test."""
from __future__ import annotations

import duckdb
import pytest


@pytest.fixture(scope="module")
def con(demo_store):
    connection = duckdb.connect(str(demo_store), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def empty(empty_store):
    connection = duckdb.connect(str(empty_store), read_only=True)
    yield connection
    connection.close()
