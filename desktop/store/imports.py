"""Imports in the database: writing an :class:`ImportPlan` set-wise, and the record of each
import (``import_batches`` / ``import_changes``, migration 0005) that undo works from
(``desktop.store.import_undo``). The file's identifiers are looked up by
``desktop.store.import_lookup``.

Everything runs in the caller's transaction: the service wraps the whole import, its audit
entry included, in one, so a failure, a cancel or a kill leaves the database as it was.

Speed (100,000 rows in seconds): new records get consecutive ids assigned here; new
customers are inserted chunk by chunk, with their trigram entries, while a second thread makes
the next chunk's rows in Python (``desktop.store.import_writer``: SQLite works without the
GIL, so the two use both cores); other rows go in with ``executemany`` in chunks (each chunk a short
C call, so a UI thread waiting for the GIL is not starved); pinyin and name grams are computed
once per distinct name, the grams are staged in memory and written in key order (their JSON
id lists made on the second thread while this one rebuilds the indexes).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Final, TypeVar

from desktop.core.import_records import (
    ColumnValue,
    CustomerChange,
    ImportPlan,
    OrderChange,
    Ref,
    new_index,
)
from desktop.core.packed_customers import PackedCustomers
from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, int_column, opt_str
from desktop.store.feedback import INSERT_FEEDBACK, feedback_row
from desktop.store.import_order_items import ITEMS_KEY, recorded_items, replace_items
from desktop.store.import_rows import NewCustomerRows
from desktop.store.import_search import NewNameGrams, write_name_grams
from desktop.store.import_writer import RowMaker, insert_chunk
from desktop.store.orders import INSERT_ITEM, INSERT_ORDER, item_row, order_row
from desktop.store.search_keys import Indexed, SearchKeys, indexed_row

WRITE_CHUNK: Final = 2_000
"""Rows per ``executemany``: big enough to be fast, short enough not to hold the GIL long."""

INSERT_CHUNK: Final = 1_500
"""New customers per chunk: one insert statement each (``desktop.store.import_writer``)."""

BULK_LOAD_FROM: Final = 10_000
"""From this many new customers — when they also outnumber the stored ones — the customers'
secondary indexes are dropped for the load and rebuilt after it (each then built from sorted
keys instead of taking 100,000 random inserts: a 100,000-row import into an empty shop writes
~30 % faster). Inside the import's transaction, so a failure or kill rolls the drop back."""

IMPORT_CACHE_KIB: Final = 32 * 1024

Progress = Callable[[int], None]
"""Receives how many records were written so far; raising from it cancels (rolls back)."""

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class BatchRow:
    id: int
    file_name: str
    sheet: str
    target: str
    imported_at: str
    imported_by: str
    counts: str
    undone_at: str | None
    undone_by: str | None


def chunked(items: Iterable[_T], size: int = WRITE_CHUNK) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def drop_indexes(conn: Connection, tables: Sequence[str]) -> list[str]:
    """Drop the secondary indexes the migrations made on ``tables``; return the SQL that
    recreates each as it was (in the caller's transaction)."""
    marks = ", ".join("?" for _ in tables)
    stored = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) ORDER BY rowid", tuple(tables),
    ).fetchall()
    for name, _ in stored:
        conn.execute(f'DROP INDEX "{name}"')
    return [str(sql) for _, sql in stored]


# ---------------------------------------------------------------------- writing


_INSERT_CHANGE: Final = (
    "INSERT INTO import_changes (batch_id, entity, entity_id, action, before, after)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_INSERT_ACCOUNT: Final = (
    "INSERT OR IGNORE INTO customer_accounts (id, customer_id, platform, account)"
    " VALUES (?, ?, ?, ?)"
)


def as_json(values: Mapping[str, object]) -> str:
    return json.dumps(dict(values), ensure_ascii=False, sort_keys=True)


class PlanWriter:
    """Writes one plan in the caller's transaction and records it under a new batch."""

    def __init__(self, conn: Connection, now: str) -> None:
        self._conn = conn
        self._now = now
        self._new_rows = NewCustomerRows(now)
        self.written = 0
        self.first_customer = 0
        """The id of the plan's first new customer (set by :meth:`write`)."""

    def start_batch(self, file_name: str, sheet: str, target: str, actor: str) -> int:
        cursor = self._conn.execute(
            "INSERT INTO import_batches (file_name, sheet, target, imported_at, imported_by)"
            " VALUES (?, ?, ?, ?, ?)",
            (file_name, sheet, target, self._now, actor),
        )
        return int(cursor.lastrowid)

    def finish_batch(self, batch_id: int, counts: Mapping[str, int]) -> None:
        self._conn.execute(
            "UPDATE import_batches SET counts = ? WHERE id = ?", (as_json(counts), batch_id)
        )

    def write(self, batch_id: int, plan: ImportPlan, progress: Progress | None = None) -> None:
        """Write ``plan``. Its new customers are consumed (the list is emptied chunk by chunk
        as they are written, so a big import does not hold them all to the end)."""
        first_customer = self.first_customer = self._next_id("customers")
        saved_cache = int(self._conn.execute("PRAGMA cache_size").fetchone()[0])
        # Smaller than the connection's usual cache, which would fill up with pages the
        # import writes once (memory the import's peak adds); big enough that the index
        # builds and the search fill after the load re-read most of the table from the cache
        # rather than decrypting it again (100,000 rows: 16 MiB → 32 MiB saves ~0.3 s and
        # stays below the peak reached while reading).
        self._conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
        try:
            self._write_customers(batch_id, plan.new_customers, progress)
        finally:
            self._conn.execute(f"PRAGMA cache_size = {saved_cache}")

        def resolve(ref: Ref | None) -> int | None:
            if ref is None:
                return None
            return ref if ref > 0 else first_customer + new_index(ref)

        self._update_customers(batch_id, plan.customer_changes, progress)
        self._write_accounts(batch_id, plan, resolve)
        order_ids = self._write_orders(batch_id, plan, resolve, progress)
        self._update_orders(batch_id, plan.order_changes)
        self._write_feedback(batch_id, plan, resolve, order_ids, progress)

    def _next_id(self, table: str) -> int:
        row = self._conn.execute(f"SELECT max(id) FROM {table}").fetchone()
        return int(row[0] or 0) + 1

    def _advance(self, count: int, progress: Progress | None) -> None:
        self.written += count
        if progress is not None:
            progress(self.written)

    def _changes(
        self, batch_id: int, entity: str, ids: Iterable[int], action: str = "created"
    ) -> None:
        self._conn.executemany(
            _INSERT_CHANGE, [(batch_id, entity, eid, action, None, None) for eid in ids]
        )

    def _write_customers(
        self, batch_id: int, customers: PackedCustomers, progress: Progress | None
    ) -> None:
        """A second thread makes each chunk's rows in Python while this one inserts the chunk
        before, with its trigram entries (``desktop.store.import_writer``): the two halves of
        the work overlap on two cores. The grams go in last, in key order; their id lists are
        made on the second thread while this one rebuilds the indexes."""
        if not customers:
            return
        first = self._next_id("customers")
        rebuild = (
            drop_indexes(self._conn, ("customers", "customer_tags"))
            if len(customers) >= BULK_LOAD_FROM and len(customers) >= first else []
        )
        new_grams = NewNameGrams(self._now)
        with RowMaker(self._new_rows, first, customers, new_grams, INSERT_CHUNK) as made:
            for chunk in made:
                insert_chunk(self._conn, chunk)
                self._advance(chunk[0], progress)
            # Every customer from ``first`` on is this import's: one statement records them all.
            self._conn.execute(
                "INSERT INTO import_changes (batch_id, entity, entity_id, action, before, after)"
                " SELECT ?, 'customer', id, 'created', NULL, NULL FROM customers WHERE id >= ?"
                " ORDER BY id",
                (batch_id, first),
            )
            for sql in rebuild:
                self._conn.execute(sql)
            write_name_grams(self._conn, made.gram_rows())

    def _update_customers(
        self, batch_id: int, changes: Sequence[CustomerChange], progress: Progress | None
    ) -> None:
        search = SearchKeys(self._conn)
        for chunk in chunked(changes):
            records: list[tuple[object, ...]] = []
            for change in chunk:
                old = self._indexed_with_stamp(change.customer_id)
                if old is None:
                    continue
                indexed, stamp = old
                after: dict[str, ColumnValue] = dict(change.after)
                before: dict[str, ColumnValue] = dict(change.before)
                after["updated_at"], before["updated_at"] = self._now, stamp
                assignments = dict(after)
                if "name" in after:
                    pinyin, initials = self._new_rows.name_keys(str(after["name"]))
                    assignments |= {"name_pinyin": pinyin, "name_initials": initials}
                self._conn.execute(
                    "UPDATE customers SET "
                    + ", ".join(f"{column} = ?" for column in assignments)
                    + " WHERE id = ?",
                    (*assignments.values(), change.customer_id),
                )
                self._conn.executemany(
                    "INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)",
                    [(change.customer_id, tag) for tag in change.added_tags],
                )
                if change.added_tags:
                    after["tags+"] = "\x1f".join(change.added_tags)
                search.replace(indexed, _changed_index(indexed, after))
                records.append((batch_id, "customer", change.customer_id, "updated",
                                as_json(before), as_json(after)))
            self._conn.executemany(_INSERT_CHANGE, records)
            self._advance(len(chunk), progress)

    def _indexed_with_stamp(self, customer_id: int) -> tuple[Indexed, str] | None:
        row = self._conn.execute(
            "SELECT id, name, created_at, email, wechat_id, member_no, updated_at"
            " FROM customers WHERE id = ?", (customer_id,),
        ).fetchone()
        return (indexed_row(row[:6]), str(row[6])) if row else None

    def _write_accounts(
        self, batch_id: int, plan: ImportPlan, resolve: Callable[[Ref | None], int | None]
    ) -> None:
        first = self._next_id("customer_accounts")
        rows = [
            (first + number, resolve(account.customer), account.platform, account.account)
            for number, account in enumerate(plan.new_accounts)
        ]
        for chunk in chunked(rows):
            self._conn.executemany(_INSERT_ACCOUNT, chunk)
        stored = {
            int_column(row[0]) for chunk in chunked([row[0] for row in rows], IN_CHUNK)
            for row in self._conn.execute(
                "SELECT id FROM customer_accounts WHERE id IN"
                f" ({', '.join('?' for _ in chunk)})", chunk,
            )
        }
        self._changes(batch_id, "account", sorted(stored))

    def _write_orders(
        self, batch_id: int, plan: ImportPlan, resolve: Callable[[Ref | None], int | None],
        progress: Progress | None,
    ) -> list[int]:
        first_order, first_item = self._next_id("orders"), self._next_id("order_items")
        ids: list[int] = []
        for offset in range(0, len(plan.new_orders), WRITE_CHUNK):
            orders, items = [], []
            for number, new in enumerate(plan.new_orders[offset:offset + WRITE_CHUNK],
                                         first_order + offset):
                row = order_row(new.order, number, self._now)
                orders.append((*row[:3], resolve(new.customer), *row[4:]))
                for item in new.order.items:
                    items.append(item_row(item, first_item, number))
                    first_item += 1
                ids.append(number)
            self._conn.executemany(INSERT_ORDER, orders)
            self._conn.executemany(INSERT_ITEM, items)
            self._changes(batch_id, "order", ids[-len(orders):])
            self._advance(len(orders), progress)
        return ids

    def _update_orders(self, batch_id: int, changes: Sequence[OrderChange]) -> None:
        for change in changes:
            row = self._conn.execute(
                "SELECT updated_at FROM orders WHERE id = ?", (change.order_id,)
            ).fetchone()
            if row is None:
                continue
            after: dict[str, object] = {**change.after, "updated_at": self._now}
            before: dict[str, object] = {**change.before, "updated_at": str(row[0])}
            self._conn.execute(
                "UPDATE orders SET " + ", ".join(f"{column} = ?" for column in after)
                + " WHERE id = ?",
                (*after.values(), change.order_id),
            )
            if change.items_after is not None:
                # What is stored now is what undo puts back (the summary flag included).
                before[ITEMS_KEY] = recorded_items(self._conn, change.order_id)
                replace_items(self._conn, change.order_id, change.items_after)
                after[ITEMS_KEY] = recorded_items(self._conn, change.order_id)
            self._conn.execute(_INSERT_CHANGE, (batch_id, "order", change.order_id, "updated",
                                                as_json(before), as_json(after)))

    def _write_feedback(
        self, batch_id: int, plan: ImportPlan, resolve: Callable[[Ref | None], int | None],
        order_ids: Sequence[int], progress: Progress | None,
    ) -> None:
        first = self._next_id("feedback")
        for offset in range(0, len(plan.new_feedback), WRITE_CHUNK):
            rows = []
            chunk = plan.new_feedback[offset:offset + WRITE_CHUNK]
            for number, new in enumerate(chunk, first + offset):
                order_id = new.order
                if order_id is not None and order_id < 0:
                    order_id = order_ids[new_index(order_id)]
                row = feedback_row(new.feedback, number, self._now)
                rows.append((row[0], resolve(new.customer), order_id, *row[3:]))
            self._conn.executemany(INSERT_FEEDBACK, rows)
            self._changes(batch_id, "feedback", [int_column(row[0]) for row in rows])
            self._advance(len(rows), progress)


def _changed_index(old: Indexed, after: Mapping[str, ColumnValue]) -> Indexed:
    def pick(column: str, current: str | None) -> str | None:
        return opt_str(after[column]) if column in after else current

    return Indexed(
        old.id, pick("name", old.name) or "", old.created_at, pick("email", old.email),
        pick("wechat_id", old.wechat_id), pick("member_no", old.member_no),
    )


# ---------------------------------------------------------------------- batches


_BATCH_COLUMNS: Final = (
    "id, file_name, sheet, target, imported_at, imported_by, counts, undone_at, undone_by"
)


def _batch(row: Sequence[object]) -> BatchRow:
    return BatchRow(
        int_column(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]),
        str(row[6]), opt_str(row[7]), opt_str(row[8]),
    )


def list_batches(conn: Connection, limit: int = 200) -> list[BatchRow]:
    rows = conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM import_batches ORDER BY id DESC LIMIT {int(limit)}"
    ).fetchall()
    return [_batch(row) for row in rows]


def get_batch(conn: Connection, batch_id: int) -> BatchRow | None:
    row = conn.execute(
        f"SELECT {_BATCH_COLUMNS} FROM import_batches WHERE id = ?", (batch_id,)
    ).fetchone()
    return _batch(row) if row else None
