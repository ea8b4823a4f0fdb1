"""A migrated, encrypted shop database on its own (no workspace, no keys file): for the
store's repository tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from desktop.store.connection import Connection, create_database
from desktop.store.migrations import migrate


@pytest.fixture
def conn(tmp_path) -> Iterator[Connection]:
    """A real SQLCipher file under ``tmp_path`` with a random key, migrated to the latest
    schema; closed after the test."""
    connection = create_database(tmp_path / "shop.db", os.urandom(32))
    migrate(connection)
    yield connection
    connection.close()
