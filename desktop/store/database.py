"""One open shop database: the connection, its repositories and whole-file operations."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from desktop.store import connection as sqlc
from desktop.store.audit import AuditRepository
from desktop.store.migrations import migrate
from desktop.store.settings import SettingsRepository
from desktop.store.users import LoginThrottleRepository, UserRepository


class ShopDatabase:
    def __init__(self, conn: sqlc.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.users = UserRepository(conn)
        self.login_throttle = LoginThrottleRepository(conn)
        self.audit = AuditRepository(conn)
        self.settings = SettingsRepository(conn)

    @classmethod
    def create(cls, path: Path, key: bytes) -> ShopDatabase:
        conn = sqlc.create_database(path, key)
        migrate(conn)
        return cls(conn, path)

    @classmethod
    def open(cls, path: Path, key: bytes) -> ShopDatabase:
        conn = sqlc.open_database(path, key)
        try:
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with sqlc.transaction(self.conn):
            yield

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check plus SQLCipher's per-page HMAC check; empty when sound."""
        problems = [
            str(row[0]) for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"
        ]
        problems += [str(row[0]) for row in self.conn.execute("PRAGMA cipher_integrity_check")]
        return problems

    def export_copy(self, target: Path, key: bytes) -> None:
        """A consistent copy of the whole database at ``target``, encrypted with ``key``."""
        sqlc.export_with_new_key(self.conn, target, key)

    def close(self) -> None:
        sqlc.checkpoint_and_close(self.conn)
