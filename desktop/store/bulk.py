"""The fast path for loading many customers (with their orders and feedback) at once.

Technique: inside ONE write transaction, drop the secondary indexes of the tables a load
writes (those of migration 0002 and every later one), insert with ``executemany`` in batches,
recreate exactly those indexes from the SQL the database itself held for them, table by table,
and commit. The page cache is enlarged for the duration.

Search keys (migration 0003) come along: each row is written with its pinyin columns; its
name grams (computed once per distinct name) are staged in a temporary table in memory and
written in key order at the end, so that every page of ``customer_name_grams`` is written once
(inserted in arrival order, its pages were read back, and decrypted, again and again); the
trigram index is filled with one ``INSERT … SELECT`` over the new rows.

Guarantee: all or nothing. Any exception (bad row, duplicate member number found when the
unique indexes are rebuilt, an exception from a caller's generator or ``progress`` callback —
the way to cancel) rolls the whole load back, dropped indexes included; a crash or kill
mid-way leaves the database as it was, because nothing is committed before the end.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Final

from desktop.core.models import Customer, Feedback, Order, utc_now_iso
from desktop.store.connection import Connection, transaction
from desktop.store.customers import CustomerRepository, customer_row, normalised_tags
from desktop.store.feedback import INSERT_FEEDBACK, feedback_row
from desktop.store.migrations import _statements, available_migrations, schema_version
from desktop.store.orders import INSERT_ITEM, INSERT_ORDER, item_row, order_row
from desktop.store.search_keys import fill_after_bulk_load, name_grams, name_keys

DEFAULT_CACHE_MIB: Final = 1024
"""Page cache cap during a load. Only pages actually touched are allocated (a 10,000-customer
import stays near 10 MiB), and the cap is restored afterwards. Large enough that the index
rebuild finds the customers table of a million-row load in memory: when it does not, every
``CREATE INDEX`` re-reads the table from disk and SQLCipher decrypts each page again."""
INDEX_MIGRATION: Final = 2
"""The migration of the everyday lookup indexes (:func:`bulk_index_names`)."""
SEARCH_MIGRATION: Final = 3
"""The migration with the search columns and tables, which a load fills: the least schema
version a load accepts."""
LOADED_TABLES: Final = ("customers", "customer_tags", "orders", "order_items", "feedback")
"""Tables a load writes rows to; their secondary indexes are dropped and rebuilt."""
_STAGE_GRAMS: Final = (
    "CREATE TEMP TABLE sv_bulk_grams (gram TEXT, created_at TEXT, customer_id INTEGER)"
)
_INSERT_GRAM: Final = "INSERT INTO temp.sv_bulk_grams VALUES (?, ?, ?)"
_WRITE_GRAMS: Final = (
    "INSERT INTO customer_name_grams (gram, created_at, customer_id)"
    " SELECT gram, created_at, customer_id FROM temp.sv_bulk_grams"
    " ORDER BY gram, created_at, customer_id"
)

_CREATE_INDEX = re.compile(r"^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)\s", re.IGNORECASE)

OrdersFor = Callable[[Sequence[int]], Iterable[Order]]
"""Given the ids just assigned to a batch of customers, the orders to store for them."""
FeedbackFor = Callable[[Sequence[int], Sequence[Order]], Iterable[Feedback]]
"""Given a batch's customer ids and its stored orders (with ids), the feedback to store."""


@dataclasses.dataclass(frozen=True, slots=True)
class BulkResult:
    customers: int = 0
    orders: int = 0
    order_items: int = 0
    feedback: int = 0

    @property
    def rows(self) -> int:
        """Rows written to the four tables (tags not counted)."""
        return self.customers + self.orders + self.order_items + self.feedback


def bulk_index_names() -> tuple[str, ...]:
    """Names of the indexes created by migration 0002, in creation order."""
    sql = dict(available_migrations())[INDEX_MIGRATION]
    names = []
    for statement in _statements(sql):
        match = _CREATE_INDEX.match(statement)
        if match is None:
            raise RuntimeError(f"migration {INDEX_MIGRATION} holds more than indexes")
        names.append(match.group(1))
    return tuple(names)


def search_index_names() -> tuple[str, ...]:
    """Names of the indexes created by migration 0003, in creation order."""
    sql = dict(available_migrations())[SEARCH_MIGRATION]
    return tuple(
        match.group(1)
        for match in map(_CREATE_INDEX.match, _statements(sql))
        if match is not None
    )


def bulk_load(
    conn: Connection,
    customers: Iterable[Customer],
    orders_for: OrdersFor | None = None,
    feedback_for: FeedbackFor | None = None,
    *,
    batch: int = 50_000,
    cache_mib: int = DEFAULT_CACHE_MIB,
    progress: Callable[[int], None] | None = None,
) -> BulkResult:
    """Insert ``customers`` (ids must be ``None``; they are assigned) and, batch by batch,
    the orders and feedback the callbacks give for them. All or nothing (see module doc).

    ``progress`` receives the number of customers written so far after every batch; raising
    from it cancels the load. Returns how many rows were written.
    """
    if batch < 1 or cache_mib < 1:
        raise ValueError("batch and cache_mib must be positive")
    if conn.in_transaction:
        raise RuntimeError("bulk_load needs its own transaction; commit or roll back first")
    if schema_version(conn) < SEARCH_MIGRATION:
        raise RuntimeError("migrate the database before a bulk load")
    saved_cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{int(cache_mib) * 1024}")
    try:
        with transaction(conn):
            indexes = _drop_indexes(conn)
            conn.execute(_STAGE_GRAMS)
            loader = _Loader(conn, orders_for, feedback_for)
            first_id = loader.next_customer_id
            for chunk in _chunks(customers, batch):
                loader.load(chunk)
                if progress is not None:
                    progress(loader.result.customers)
            fill_after_bulk_load(conn, first_id)
            for sql in indexes:
                conn.execute(sql)
            conn.execute(_WRITE_GRAMS)
            conn.execute("DROP TABLE temp.sv_bulk_grams")
        return loader.result
    finally:
        conn.execute(f"PRAGMA cache_size = {saved_cache}")


def _drop_indexes(conn: Connection) -> list[str]:
    """Drop the indexes of :data:`LOADED_TABLES` that migrations created; return the SQL that
    recreates them as they were, grouped by table (each table is then read back while its
    pages are still in the cache)."""
    marks = ", ".join("?" for _ in LOADED_TABLES)
    stored = conn.execute(
        "SELECT name, tbl_name, sql FROM sqlite_master"
        f" WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})"
        " ORDER BY rowid",
        LOADED_TABLES,
    ).fetchall()
    stored.sort(key=lambda row: LOADED_TABLES.index(row[1]))
    for name, _, _ in stored:
        conn.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _, _, sql in stored]


def _chunks(items: Iterable[Customer], size: int) -> Iterator[list[Customer]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Loader:
    """Assigns ids and writes one batch at a time inside the caller's transaction."""

    def __init__(
        self, conn: Connection, orders_for: OrdersFor | None, feedback_for: FeedbackFor | None
    ) -> None:
        self._conn = conn
        self._orders_for = orders_for
        self._feedback_for = feedback_for
        self._now = utc_now_iso()
        self._next_customer = self._next_id("customers")
        self._next_order = self._next_id("orders")
        self._next_item = self._next_id("order_items")
        self._next_feedback = self._next_id("feedback")
        self._name_keys: dict[str, tuple[tuple[str, str], frozenset[str]]] = {}
        self.result = BulkResult()

    @property
    def next_customer_id(self) -> int:
        return self._next_customer

    def _next_id(self, table: str) -> int:
        row = self._conn.execute(f"SELECT max(id) FROM {table}").fetchone()
        return int(row[0] or 0) + 1

    def load(self, chunk: Sequence[Customer]) -> None:
        ids = self._write_customers(chunk)
        orders: list[Order] = []
        items = feedback = 0
        if self._orders_for is not None:
            orders, items = self._write_orders(self._orders_for(ids))
        if self._feedback_for is not None:
            feedback = self._write_feedback(self._feedback_for(ids, orders))
        self.result = BulkResult(
            customers=self.result.customers + len(ids),
            orders=self.result.orders + len(orders),
            order_items=self.result.order_items + items,
            feedback=self.result.feedback + feedback,
        )

    def _write_customers(self, chunk: Sequence[Customer]) -> list[int]:
        first = self._next_customer
        ids = list(range(first, first + len(chunk)))
        rows: list[tuple[object, ...]] = []
        tags: list[tuple[int, str]] = []
        grams: list[tuple[str, str, int]] = []
        for customer_id, customer in zip(ids, chunk, strict=True):
            if customer.id is not None:
                raise ValueError("bulk_load assigns customer ids; pass customers with id=None")
            row = customer_row(customer)
            created = customer.created_at or self._now
            keys, name_grams_ = self._keys(customer.name)
            rows.append((customer_id, *row[1:-2], created, customer.updated_at or created, *keys))
            tags.extend((customer_id, tag) for tag in normalised_tags(customer.tags))
            grams.extend((gram, created, customer_id) for gram in name_grams_)
        self._conn.executemany(CustomerRepository.INSERT, rows)
        self._conn.executemany(CustomerRepository.INSERT_TAG, tags)
        self._conn.executemany(_INSERT_GRAM, grams)
        self._next_customer += len(chunk)
        return ids

    def _keys(self, name: str) -> tuple[tuple[str, str], frozenset[str]]:
        """Pinyin columns and grams of ``name``, computed once per distinct name in a load
        (pinyin costs ~30 µs a name; a million demo customers have ~320,000 names)."""
        found = self._name_keys.get(name)
        if found is None:
            found = self._name_keys[name] = (name_keys(name), name_grams(name))
        return found

    def _write_orders(self, orders: Iterable[Order]) -> tuple[list[Order], int]:
        """Write ``orders`` and their items; return the orders with their new ids (items keep
        ``id=None``) when feedback will need them, and the number of items."""
        keep = self._feedback_for is not None
        stored: list[Order] = []
        order_rows: list[tuple[object, ...]] = []
        item_rows: list[tuple[object, ...]] = []
        for order in orders:
            order_id = self._next_order
            self._next_order += 1
            order_rows.append(order_row(order, order_id, self._now))
            for item in order.items:
                item_rows.append(item_row(item, self._next_item, order_id))
                self._next_item += 1
            stored.append(dataclasses.replace(order, id=order_id) if keep else order)
        self._conn.executemany(INSERT_ORDER, order_rows)
        self._conn.executemany(INSERT_ITEM, item_rows)
        return stored, len(item_rows)

    def _write_feedback(self, items: Iterable[Feedback]) -> int:
        rows = []
        for item in items:
            rows.append(feedback_row(item, self._next_feedback, self._now))
            self._next_feedback += 1
        self._conn.executemany(INSERT_FEEDBACK, rows)
        return len(rows)
