"""Customers and their tags."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from typing import Final

from desktop.core.models import Customer, Gender, utc_now_iso
from desktop.store.connection import Connection, transaction
from desktop.store.search_keys import Indexed, SearchKeys, name_keys

TAG_SEPARATOR: Final = "\x1f"
"""Joins a customer's tags inside one query (``group_concat``); never allowed in a tag."""

IN_CHUNK: Final = 500
"""Values per ``IN (…)`` list when looking many keys up (well under SQLite's 32,766)."""

_savepoints: Iterator[int] = iter(range(1, 2**62))


@contextlib.contextmanager
def atomic(conn: Connection) -> Iterator[Connection]:
    """One all-or-nothing unit: its own transaction, or a savepoint inside the caller's."""
    if not conn.in_transaction:
        with transaction(conn):
            yield conn
        return
    name = f"sv_atomic_{next(_savepoints)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield conn
    except BaseException:
        conn.execute(f"ROLLBACK TO {name}")
        conn.execute(f"RELEASE {name}")
        raise
    conn.execute(f"RELEASE {name}")


class CustomerRepository:
    columns: Final = (
        "id", "member_no", "name", "gender", "birthday", "phone", "email", "wechat_id",
        "province", "city", "district", "address_detail", "level", "points", "balance_cents",
        "notes", "source", "created_at", "updated_at",
    )
    """Columns of ``customers`` mapped to :class:`Customer`, in select/insert order."""

    _SELECT: Final = (
        "SELECT " + ", ".join(f"c.{name}" for name in columns)
        + ", (SELECT group_concat(tag, char(31)) FROM"
        " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag))"
        " FROM customers c"
    )
    search_columns: Final = ("name_pinyin", "name_initials")
    """Written after :attr:`columns`: :func:`desktop.store.search_keys.name_keys` of the name."""
    INSERT: Final = (
        f"INSERT INTO customers ({', '.join(columns + search_columns)})"
        f" VALUES ({', '.join('?' for _ in columns + search_columns)})"
    )
    """Inserts one :func:`customer_row` followed by the two :attr:`search_columns`."""
    INSERT_TAG: Final = "INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)"
    _UPDATE: Final = (
        "UPDATE customers SET "
        + ", ".join(f"{name} = ?" for name in columns[1:] + search_columns)
        + " WHERE id = ?"
    )

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._search = SearchKeys(conn)

    def add(self, customer: Customer) -> int:
        """Insert ``customer`` (its ``id`` is ignored) with its tags; return the new id.

        Empty ``created_at``/``updated_at`` are set to now.
        """
        now = utc_now_iso()
        stamped = dataclasses.replace(
            customer,
            id=None,
            created_at=customer.created_at or now,
            updated_at=customer.updated_at or customer.created_at or now,
        )
        tags = normalised_tags(customer.tags)
        with atomic(self._conn):
            cursor = self._conn.execute(
                self.INSERT, (*customer_row(stamped), *name_keys(stamped.name))
            )
            customer_id = int(cursor.lastrowid)
            self._write_tags(customer_id, tags)
            self._search.add(_indexed(customer_id, stamped))
        return customer_id

    def get(self, customer_id: int) -> Customer | None:
        row = self._conn.execute(f"{self._SELECT} WHERE c.id = ?", (customer_id,)).fetchone()
        return _customer(row) if row else None

    def get_many(self, ids: Sequence[int]) -> list[Customer]:
        """The customers with these ids (missing ones left out), in id order."""
        found: list[Customer] = []
        for start in range(0, len(ids), IN_CHUNK):
            chunk = list(ids[start:start + IN_CHUNK])
            marks = ", ".join("?" for _ in chunk)
            found += self._many(f"WHERE c.id IN ({marks})", chunk)
        found.sort(key=lambda customer: customer.id or 0)
        return found

    def records(self, ids: Sequence[int]) -> list[tuple[object, ...]]:
        """Stored rows for ``ids``, in that order (ids that do not exist are left out): the
        :attr:`columns`, then the tags joined by :data:`TAG_SEPARATOR` (or None). Plain
        tuples, for streaming exports of 100,000 rows (no objects built per row)."""
        found: dict[object, tuple[object, ...]] = {}
        wanted = list(dict.fromkeys(int(i) for i in ids))
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" for _ in part)
            for row in self._conn.execute(f"{self._SELECT} WHERE c.id IN ({marks})", part):
                found[row[0]] = tuple(row)
        return [found[i] for i in wanted if i in found]

    def update(self, customer: Customer) -> None:
        """Replace every field and the tag set of an existing customer; stamp ``updated_at``.

        Raises ``LookupError`` when no customer has ``customer.id``.
        """
        if customer.id is None:
            raise ValueError("customer has no id")
        stamped = dataclasses.replace(customer, updated_at=utc_now_iso())
        tags = normalised_tags(customer.tags)
        row = customer_row(stamped)
        with atomic(self._conn):
            old = self._search.stored(customer.id)
            if old is None:
                raise LookupError(f"no customer with id {customer.id}")
            self._conn.execute(
                self._UPDATE, (*row[1:], *name_keys(stamped.name), customer.id)
            )
            self._conn.execute("DELETE FROM customer_tags WHERE customer_id = ?", (customer.id,))
            self._write_tags(customer.id, tags)
            self._search.replace(old, _indexed(customer.id, stamped))

    def delete(self, customer_id: int) -> bool:
        """Delete a customer with its search entries (tags cascade; orders and feedback keep
        a NULL customer) and what imports recorded about them for undo: an update's record
        holds the values before and after it, which must not outlive the customer."""
        with atomic(self._conn):
            old = self._search.stored(customer_id)
            if old is None:
                return False
            self._search.remove(old)
            self._forget_import_changes(customer_id)
            self._conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
        return True

    def _forget_import_changes(self, customer_id: int) -> None:
        # The batch ids lead the key: one seek per import instead of a scan of every change.
        batches = "SELECT id FROM import_batches"
        self._conn.execute(
            f"DELETE FROM import_changes WHERE batch_id IN ({batches})"
            " AND entity = 'account' AND entity_id IN"
            " (SELECT id FROM customer_accounts WHERE customer_id = ?)", (customer_id,),
        )
        self._conn.execute(
            f"DELETE FROM import_changes WHERE batch_id IN ({batches})"
            " AND entity = 'customer' AND entity_id = ?", (customer_id,),
        )

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM customers").fetchone()[0])

    def find_by_phone(self, e164: str) -> list[Customer]:
        return self._many("WHERE c.phone = ? ORDER BY c.id", (e164,))

    def find_by_phone_last4(self, last4: str, limit: int = 50) -> list[Customer]:
        """Customers whose phone ends in ``last4``; served by ``ix_customers_phone_last4``."""
        if len(last4) != 4 or not last4.isascii() or not last4.isdigit():
            raise ValueError("last4 must be exactly four digits")
        return self._many(
            "WHERE substr(c.phone, -4) = ? AND c.phone IS NOT NULL ORDER BY c.id"
            f" LIMIT {limit_clause(limit)}",
            (last4,),
        )

    def ids_by_phone_last4(self, last4: str, limit: int = 50) -> list[int]:
        """Ids of the customers whose phone ends in ``last4``, lowest first: one seek in
        ``ix_customers_phone_last4`` and no table rows read. This is what the customers
        table needs first; it loads the rows of the visible window separately."""
        if len(last4) != 4 or not last4.isascii() or not last4.isdigit():
            raise ValueError("last4 must be exactly four digits")
        rows = self._conn.execute(
            "SELECT id FROM customers INDEXED BY ix_customers_phone_last4"
            " WHERE substr(phone, -4) = ? AND phone IS NOT NULL ORDER BY id"
            f" LIMIT {limit_clause(limit)}",
            (last4,),
        ).fetchall()
        return [int(row[0]) for row in rows]

    def find_by_member_no(self, member_no: str) -> Customer | None:
        found = self._many("WHERE c.member_no = ?", (member_no,))
        return found[0] if found else None

    def find_by_email(self, email: str) -> list[Customer]:
        """Case-insensitive (ASCII) match, served by ``ix_customers_email``."""
        return self._many(
            "WHERE c.email = ? COLLATE NOCASE AND c.email IS NOT NULL ORDER BY c.id", (email,)
        )

    def _many(self, where: str, params: Sequence[object]) -> list[Customer]:
        rows = self._conn.execute(f"{self._SELECT} {where}", tuple(params)).fetchall()
        return [_customer(row) for row in rows]

    def _write_tags(self, customer_id: int, tags: Sequence[str]) -> None:
        self._conn.executemany(self.INSERT_TAG, [(customer_id, tag) for tag in tags])


def limit_clause(limit: int) -> int:
    """``limit`` checked for inlining into SQL.

    A bound ``LIMIT ?`` makes SQLite 3.5x (as bundled with SQLCipher, built with STAT4) re-plan
    the statement on every call, which costs more than the lookup itself.
    """
    if type(limit) is not int or limit < 1:
        raise ValueError("limit must be a positive integer")
    return limit


def normalised_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags as stored: stripped, empty ones dropped, duplicates removed, sorted."""
    cleaned = {tag.strip() for tag in tags} - {""}
    if any(TAG_SEPARATOR in tag for tag in cleaned):
        raise ValueError("a tag may not contain the unit-separator character")
    return tuple(sorted(cleaned))


def _indexed(customer_id: int, c: Customer) -> Indexed:
    return Indexed(customer_id, c.name, c.created_at, c.email, c.wechat_id, c.member_no)


def customer_row(c: Customer) -> tuple[object, ...]:
    """``c`` as a parameter tuple in :attr:`CustomerRepository.columns` order."""
    return (
        c.id, c.member_no, c.name, c.gender.value, c.birthday, c.phone, c.email, c.wechat_id,
        c.province, c.city, c.district, c.address_detail, c.level, c.points, c.balance_cents,
        c.notes, c.source, c.created_at, c.updated_at,
    )


def _customer(row: Sequence[object]) -> Customer:
    (
        customer_id, member_no, name, gender, birthday, phone, email, wechat_id, province, city,
        district, address_detail, level, points, balance_cents, notes, source, created_at,
        updated_at, tags,
    ) = row
    return Customer(
        id=int_column(customer_id),
        name=str(name),
        member_no=opt_str(member_no),
        gender=Gender(str(gender)),
        birthday=opt_str(birthday),
        phone=opt_str(phone),
        email=opt_str(email),
        wechat_id=opt_str(wechat_id),
        province=str(province),
        city=str(city),
        district=str(district),
        address_detail=str(address_detail),
        level=str(level),
        points=int_column(points),
        balance_cents=int_column(balance_cents),
        tags=tuple(str(tags).split(TAG_SEPARATOR)) if tags else (),
        notes=str(notes),
        source=str(source),
        created_at=str(created_at),
        updated_at=str(updated_at),
    )


def int_column(value: object) -> int:
    """An INTEGER column value, checked (mypy sees ``object`` from the driver)."""
    if not isinstance(value, int):
        raise TypeError(f"expected an integer column, got {type(value).__name__}")
    return value


def opt_str(value: object) -> str | None:
    return None if value is None else str(value)
