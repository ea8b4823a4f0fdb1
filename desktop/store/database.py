"""One open shop database: the connection, its repositories and whole-file operations."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.core.errors import InvalidInputError
from desktop.core.models import Customer
from desktop.store import connection as sqlc
from desktop.store.audit import AuditRepository
from desktop.store.bulk import BulkResult, FeedbackFor, OrdersFor, bulk_load
from desktop.store.customers import CustomerRepository
from desktop.store.feedback import FeedbackRepository
from desktop.store.migrations import migrate
from desktop.store.orders import OrderRepository
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
        self.customers = CustomerRepository(conn)
        self.orders = OrderRepository(conn)
        self.feedback = FeedbackRepository(conn)

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

    def bulk_load(
        self,
        customers: Iterable[Customer],
        orders_for: OrdersFor | None = None,
        feedback_for: FeedbackFor | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> BulkResult:
        """Many records at once, all or nothing (see desktop.store.bulk)."""
        try:
            return bulk_load(self.conn, customers, orders_for, feedback_for, progress=progress)
        except sqlc.IntegrityError as exc:
            raise InvalidInputError(
                field="records",
                problem="Some records clash with existing ones (member or order numbers); "
                "nothing was added.",
            ) from exc

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
