"""One open shop database: the connection, its repositories and whole-file operations."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from desktop.core.errors import InvalidInputError
from desktop.core.models import Customer
from desktop.store import connection as sqlc
from desktop.store.audit import AuditRepository
from desktop.store.bulk import BulkResult, FeedbackFor, OrdersFor, bulk_load
from desktop.store.consents import ConsentRepository
from desktop.store.customers import CustomerRepository
from desktop.store.feedback import FeedbackRepository
from desktop.store.migrations import migrate
from desktop.store.orders import OrderRepository
from desktop.store.search_keys import refresh_stale
from desktop.store.settings import SettingsRepository
from desktop.store.users import LoginThrottleRepository, UserRepository
from desktop.store.wal_checkpoint import Checkpointer

READER_CACHE_MIB = 8
"""Page cache of each per-thread read connection (the writer keeps the default 64 MiB).
Since the id stream reads through its own connection (:meth:`ShopDatabase.scanning`) a
reader's cache is no longer emptied at every search, so it stays full: 8 MiB keep what the
searches reuse (bench_keystroke's worker part as fast as with 32) and the window's memory
after typing where it was (bench/README.md "keypaint"; 32 MiB full: +50 MiB)."""
SCAN_CACHE_MIB = 2
"""Page cache of the connection that reads one long list through (:meth:`ShopDatabase.scanning`)."""

ReaderFactory = Callable[[], sqlc.Connection]


class ShopDatabase:
    def __init__(
        self, conn: sqlc.Connection, path: Path, open_reader: ReaderFactory | None = None
    ) -> None:
        """``open_reader`` opens one more connection to the same database for
        :meth:`reader`; without it, readers are refused."""
        self.conn = conn
        self.path = path
        self._open_reader = open_reader
        self._readers: list[sqlc.Connection] = []
        # By OS thread id, not threading.local: a Qt pool thread gets a fresh Python thread
        # state (and so fresh thread-locals) for every task it runs, which opened one more
        # connection per background task, never closed. An id reused after its thread ended
        # takes over that thread's connection, which nothing else uses any more.
        self._by_thread: dict[int, sqlc.Connection] = {}
        self._scanners_by_thread: dict[int, sqlc.Connection] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._checkpointer = Checkpointer(open_reader) if open_reader is not None else None
        self.users = UserRepository(conn)
        self.login_throttle = LoginThrottleRepository(conn)
        self.audit = AuditRepository(conn)
        self.settings = SettingsRepository(conn)
        self.customers = CustomerRepository(conn)
        self.orders = OrderRepository(conn)
        self.feedback = FeedbackRepository(conn)
        self.consents = ConsentRepository(conn)

    @classmethod
    def create(cls, path: Path, key: bytes) -> ShopDatabase:
        conn = sqlc.create_database(path, key)
        migrate(conn)
        return cls(conn, path, _reader_factory(path, key))

    @classmethod
    def open(cls, path: Path, key: bytes) -> ShopDatabase:
        conn = sqlc.open_database(path, key)
        try:
            migrate(conn)
            with sqlc.transaction(conn):
                refresh_stale(conn)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, _reader_factory(path, key))

    def reader(self) -> sqlc.Connection:
        """This thread's read-only connection (opened on first use, with the same key).

        WAL lets readers run beside the writer; each statement sees the last commit. For the
        UI thread and background tasks at once: a connection is never shared between threads.
        """
        return self._thread_reader(self._by_thread, READER_CACHE_MIB)

    @contextlib.contextmanager
    def scanning(self) -> Iterator[sqlc.Connection]:
        """This thread's *scan* reader, for one long read through a list (every id of the
        customers, in chunks): a second read-only connection with a small page cache.

        Such a read visits each page once: at 1,000,000 customers its ~35 MB of index pages
        would fill a search reader's cache (``READER_CACHE_MIB``) with pages nothing reads
        again. Shrinking that cache for the read instead would empty it, and the next search
        typed (the list's first screen, on the same thread) would decrypt every page it reads
        again — about twice its time (bench/README.md "keypaint"). The scan reader keeps the
        long read apart; its cache holds at most ``SCAN_CACHE_MIB``.
        """
        yield self._thread_reader(self._scanners_by_thread, SCAN_CACHE_MIB)

    def _thread_reader(self, by_thread: dict[int, sqlc.Connection],
                       cache_mib: int) -> sqlc.Connection:
        thread = threading.get_ident()
        conn = by_thread.get(thread)
        if conn is not None and not self._closed:
            return conn
        with self._lock:
            if self._closed:
                raise RuntimeError("the shop database is closed")
            if self._open_reader is None:
                raise RuntimeError("this database has no reader connections")
            conn = self._open_reader()
            try:
                conn.execute("PRAGMA query_only = ON")
                if cache_mib != READER_CACHE_MIB:
                    conn.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
            except BaseException:
                conn.close()
                raise
            self._readers.append(conn)
            by_thread[thread] = conn
        return conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with sqlc.transaction(self.conn):
            yield

    @contextlib.contextmanager
    def large_transaction(self) -> Iterator[None]:
        """:meth:`transaction` for a write of many pages (an import): its commit leaves
        folding the WAL back into the file to a background connection
        (desktop.store.wal_checkpoint) instead of doing it in the commit."""
        checkpointer = self._checkpointer
        if checkpointer is None:
            with self.transaction():
                yield
            return
        pages = int(self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            with self.transaction():
                yield
        finally:
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {pages}")
        checkpointer.start()

    def wait_for_checkpoint(self) -> None:
        """Return once no background checkpoint (:meth:`large_transaction`) runs."""
        if self._checkpointer is not None:
            self._checkpointer.wait()

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
        """Close every reader (from any thread), then checkpoint and close the writer."""
        self.wait_for_checkpoint()
        with self._lock:
            self._closed = True
            readers, self._readers = self._readers, []
            self._by_thread = {}
            self._scanners_by_thread = {}
        for reader in readers:
            reader.close()
        sqlc.checkpoint_and_close(self.conn)


def _reader_factory(path: Path, key: bytes) -> ReaderFactory:
    def open_reader() -> sqlc.Connection:
        return sqlc.open_database(path, key, cache_mib=READER_CACHE_MIB)

    return open_reader
