"""Folding a large commit's WAL back into the database file on a thread of its own.

SQLite checkpoints inside the committing call once the WAL holds more than
``wal_autocheckpoint`` pages: after a 100,000-row import (~89 MB of WAL) that copy and its
fsync were ~0.2 s of the import's 0.4 s commit. A large write turns the automatic checkpoint
off for its transaction (:meth:`desktop.store.database.ShopDatabase.large_transaction`) and a
:class:`Checkpointer` runs it right after the commit, on a connection of its own: readers and
the writer go on meanwhile (WAL), and the commit was durable before it starts
(``synchronous = FULL`` syncs the WAL at commit), so a kill during the checkpoint loses
nothing — the next open reads what the WAL holds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.store.connection import Connection, DatabaseError


class Checkpointer:
    """Runs ``PRAGMA wal_checkpoint(PASSIVE)`` on a connection from ``open_conn``, on a
    thread; one at a time."""

    def __init__(self, open_conn: Callable[[], Connection]) -> None:
        self._open_conn = open_conn
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Checkpoint in the background (after one still running: it may have begun before
        the frames of the latest commit)."""
        with self._lock:
            self._join()
            self._thread = threading.Thread(target=self._run, name="wal-checkpoint",
                                            daemon=True)
            self._thread.start()

    def wait(self) -> None:
        """Return once no checkpoint runs (before the database is closed)."""
        with self._lock:
            self._join()

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        try:
            conn = self._open_conn()
        except DatabaseError:
            return  # the writer's next automatic checkpoint folds the WAL back instead
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except DatabaseError:
            pass  # as above: a checkpoint is never needed for correctness
        finally:
            conn.close()
