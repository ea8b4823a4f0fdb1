"""Numbered schema migrations, tracked in ``PRAGMA user_version``.

Each migration is a file ``NNNN_name.sql`` in this package. They run in order, each inside
one transaction together with the ``user_version`` bump, so a crash never leaves half a
migration. Never edit a released migration; add the next number.
"""

from __future__ import annotations

import re
from importlib import resources

from desktop.store.connection import Connection, transaction

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available_migrations() -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for entry in resources.files(__package__).iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [number for number, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {numbers}")
    return found


def latest_version() -> int:
    return len(available_migrations())


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, up_to: int | None = None) -> int:
    """Bring the schema up to date, or up to version ``up_to`` (the tests build a shop as an
    older version of the program left it); return the version reached."""
    current = schema_version(conn)
    migrations = available_migrations()
    if current > len(migrations):
        raise RuntimeError(
            f"database schema version {current} is newer than this program knows "
            f"({len(migrations)}); update ShopVault"
        )
    for number, sql in migrations[current:up_to]:
        with transaction(conn):
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    return schema_version(conn)


def _statements(sql: str) -> list[str]:
    """Split a migration on ';' at line ends (migrations contain no triggers with bodies)."""
    cleaned = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return [part.strip() for part in cleaned.split(";\n") if part.strip().rstrip(";")]
