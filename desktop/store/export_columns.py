"""The customer report's stored values a column at a time, in one statement per batch.

:meth:`ExportQueries.customer_records` hands back one tuple per customer, so the sqlite
module builds a Python object per cell while holding the GIL. Here one aggregate statement
joins the whole batch into one text — each customer's wanted values joined by a separator
(``concat_ws``), the customers joined by the same separator, in the order of a JSON array of
their ids — so SQLite does the page reads, decryption and joining in one ``sqlite3_step``,
with the GIL released (beside another thread masking the batch before); ``str.split`` and
slices cut the columns apart in C.

The result is the records' columns exactly (``tests/unit/test_export_customer_columns.py``),
or None when it cannot be told apart safely: a value holding the separator, a value of a
type the join would change (a blob, a real), an id missing or repeated, the rows not in the
ids' order. The caller then reads the batch as records.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Sequence
from typing import Final, cast

from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository

SEPARATOR: Final = "\x1e"
"""Between the values of a text column (record separator; tags use \\x1f)."""
_TAGS: Final = (
    "(SELECT group_concat(tag, char(31)) FROM"
    " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag))"
)
_INTEGER_COLUMNS: Final = frozenset(("id", "points", "balance_cents"))
_FLAG_BITS: Final = 12
"""NULL flags of this many columns share one character a row (code points 48 to 4143)."""

Columns = list[list[object]]
"""One list per position of a stored record (:attr:`CustomerRepository.columns`, then the
tags); a position not asked for is a list of None."""


class CustomerColumns:
    """Reads batches of customers as columns (see the module text). One per export: it
    learns once which columns may hold NULL."""

    def __init__(self, conn: Connection, wanted: Collection[str], tags: bool) -> None:
        self._conn = conn
        nullable = {str(row[1]) for row in conn.execute("PRAGMA table_info(customers)")
                    if not row[3]}
        self._read = [name for name in CustomerRepository.columns
                      if name in wanted and name != "id"]
        self._tags = tags
        fields: list[str] = []
        odd: list[str] = []
        texts: list[str] = []
        self._nullable: list[str] = []
        for name in self._read:
            if name in _INTEGER_COLUMNS:
                fields.append(f"c.{name}")
                odd.append(f"typeof(c.{name}) != 'integer'")
                continue
            fields.append(f"coalesce(c.{name}, '')")
            texts.append(fields[-1])
            if name in nullable:
                self._nullable.append(name)
        if tags:
            # "" for none (NULL), else the joined tags after a \x1f: one subquery a row.
            fields.append(f"coalesce(char(31) || {_TAGS}, '')")
        # Which columns are NULL: one character per _FLAG_BITS columns, "0" + the bits.
        for first in range(0, len(self._nullable), _FLAG_BITS):
            bits = " + ".join(f"{1 << bit} * (c.{name} IS NULL)" for bit, name in
                              enumerate(self._nullable[first : first + _FLAG_BITS]))
            fields.append(f"char(48 + {bits})")
        if texts:
            # A TEXT column holds text, NULL or a blob (numbers become text), and a blob sorts
            # after any text: a row holds a blob when the greatest of its texts is one (one
            # call a row instead of one a column; one argument would make max() aggregate).
            greatest = f"max({', '.join(texts)})" if len(texts) > 1 else texts[0]
            odd.append(f"typeof({greatest}) = 'blob'")
        self._width = len(fields)
        values = (f"group_concat(concat_ws(char(30), {', '.join(fields)}), char(30))"
                  if fields else "''")
        checked = f"total({' OR '.join(odd)})" if odd else "0"
        self._sql = (
            f"SELECT group_concat(c.id, ','), count(*), {values}, {checked}"
            " FROM json_each(?) j JOIN customers c ON c.id = j.value"
        )

    def read(self, ids: Sequence[int]) -> JoinedColumns | None:
        """The columns of :meth:`ExportQueries.customer_records` for ``ids`` (ints, in the
        report's order), still joined (checked here, cut apart by the caller's
        :meth:`JoinedColumns.columns`, which may run on another thread), or None when this
        form cannot give them exactly."""
        count = len(ids)
        if not count or len(set(ids)) != count or set(map(type, ids)) != {int}:
            return None
        listed = ",".join(map(str, ids))  # also the JSON array's inside
        joined_ids, found, joined, odd = self._conn.execute(
            self._sql, (f"[{listed}]",)).fetchone()
        if found != count or odd or joined_ids != listed:
            return None  # an id missing, a value of another type, rows out of order
        if not isinstance(joined, str) or (
                self._width and joined.count(SEPARATOR) != self._width * count - 1):
            return None  # a value holds the separator
        return JoinedColumns(self, list(ids), joined)

    def columns(self, ids: list[int], joined: str) -> Columns:
        """The batch's stored records as columns (see :data:`Columns`), from what
        :meth:`read` checked."""
        count, width = len(ids), self._width
        flat = joined.split(SEPARATOR) if width else []
        by_name: dict[str, list[object]] = {"id": list(ids)}
        for at, name in enumerate(self._read):
            if name in _INTEGER_COLUMNS:  # SQLite's decimal integers: a JSON array, in C
                by_name[name] = json.loads(f"[{','.join(flat[at::width])}]")
            else:
                by_name[name] = cast("list[object]", flat[at::width])
        at = len(self._read)
        tags: list[object] | None = None
        if self._tags:
            tags = [value[1:] if value else None for value in flat[at::width]]
            at += 1
        for first in range(0, len(self._nullable), _FLAG_BITS):
            flags = "".join(flat[at::width])
            at += 1
            if flags.count("0") == count:
                continue  # no NULL in these columns
            for bit, name in enumerate(self._nullable[first : first + _FLAG_BITS]):
                nulls = flags.translate(_flag_table(bit))
                if "1" in nulls:
                    by_name[name] = [None if flag == "1" else value for value, flag
                                     in zip(by_name[name], nulls, strict=True)]
        empty: list[object] = [None] * count
        columns = [by_name.get(name, empty) for name in CustomerRepository.columns]
        columns.append(tags if tags is not None else empty)
        return columns


@functools.cache
def _flag_table(bit: int) -> dict[int, str]:
    """Maps each flags character to "1" where ``bit`` is set, else "0"."""
    return {48 + bits: "1" if bits & (1 << bit) else "0" for bits in range(1 << _FLAG_BITS)}


class JoinedColumns:
    """One batch as :meth:`CustomerColumns.read` found it: checked, still joined."""

    __slots__ = ("_ids", "_joined", "_reader")

    def __init__(self, reader: CustomerColumns, ids: list[int], joined: str) -> None:
        self._reader = reader
        self._ids = ids
        self._joined = joined

    def __len__(self) -> int:
        return len(self._ids)

    def columns(self) -> Columns:
        """The batch's stored records as columns (see :data:`Columns`)."""
        return self._reader.columns(self._ids, self._joined)
