"""The customer report's stored values a column at a time, in one statement per batch.

:meth:`ExportQueries.customer_records` hands back one tuple per customer, so the sqlite
module builds a Python object per cell while holding the GIL. Here one aggregate statement
joins each wanted column of the batch into one text (the ids' order kept by walking a JSON
array of them), so SQLite does the page reads, decryption and joining in one
``sqlite3_step`` — with the GIL released, beside another thread masking the batch before
— and ``str.split`` cuts the columns apart in C.

The result is the records' columns exactly (``tests/unit/test_export_customer_columns.py``),
or None when it cannot be told apart safely: a value holding the separator, a value of a
type the join would change (a blob, a real), an id missing or repeated, the rows not in the
ids' order. The caller then reads the batch as records.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Sequence
from typing import Final

from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository

SEPARATOR: Final = "\x1e"
"""Between the values of a text column (record separator; tags use \\x1f). Written into the
statement as a literal: ``char(30)`` there is called again for every row."""
_TAGS: Final = (
    "(SELECT group_concat(tag, '\x1f') FROM"
    " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag))"
)
_INTEGER_COLUMNS: Final = frozenset(("id", "points", "balance_cents"))
_FLAG_BITS: Final = 12
"""NULL flags of this many columns share one character a row (code points 48 to 4143)."""

Columns = list[list[object]]
"""One list per position of a stored record (:attr:`CustomerRepository.columns`, then the
tags); a position not asked for is a list of None."""
TAGS: Final = "tags"
"""The tags' name in ``empty_for_null`` (:class:`CustomerColumns`)."""


class CustomerColumns:
    """Reads batches of customers as columns (see the module text). One per export: it
    learns once which columns may hold NULL.

    ``empty_for_null``: columns (and :data:`TAGS` for a customer without tags) whose NULL
    the caller shows as it shows "" — there a NULL is read as "", which spares telling the
    two apart (a flag a row, a pass over the column)."""

    def __init__(self, conn: Connection, wanted: Collection[str], tags: bool,
                 empty_for_null: Collection[str] = ()) -> None:
        self._conn = conn
        nullable = {str(row[1]) for row in conn.execute("PRAGMA table_info(customers)")
                    if not row[3]} - set(empty_for_null)
        self._read = [name for name in CustomerRepository.columns
                      if name in wanted and name != "id"]
        self._tags = tags
        self._tags_marked = TAGS not in empty_for_null
        parts = ["group_concat(c.id, ',')", "count(*)"]
        odd: list[str] = []
        texts: list[str] = []
        self._nullable: list[str] = []
        for name in self._read:
            if name in _INTEGER_COLUMNS:
                parts.append(f"group_concat(c.{name}, ',')")
                odd.append(f"typeof(c.{name}) != 'integer'")
                continue
            parts.append(f"group_concat(coalesce(c.{name}, ''), '{SEPARATOR}')")
            texts.append(name)
            if name in nullable:
                self._nullable.append(name)
        if tags and self._tags_marked:
            # "" for none (NULL), else the joined tags after a \x1f: one subquery a row.
            parts.append(f"group_concat(coalesce('\x1f' || {_TAGS}, ''), '{SEPARATOR}')")
        elif tags:
            parts.append(f"group_concat(coalesce({_TAGS}, ''), '{SEPARATOR}')")
        # Which columns are NULL: one character a row per _FLAG_BITS columns, "0" + the bits.
        for first in range(0, len(self._nullable), _FLAG_BITS):
            bits = " + ".join(f"{1 << bit} * (c.{name} IS NULL)" for bit, name in
                              enumerate(self._nullable[first : first + _FLAG_BITS]))
            parts.append(f"group_concat(char(48 + {bits}), '')")
        # A TEXT column holds text, NULL or a blob (numbers become text), and every blob
        # sorts after every text, the empty blob first: ">= x''" holds for a blob alone
        # (NULL gives NULL). A comparison a column, no function call a row.
        odd += [f"c.{name} >= x''" for name in texts]
        parts.append(f"total({' OR '.join(odd)})" if odd else "0")
        self._sql = (
            f"SELECT {', '.join(parts)} FROM json_each(?) j"
            " JOIN customers c ON c.id = j.value"
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
        row = self._conn.execute(self._sql, (f"[{listed}]",)).fetchone()
        joined_ids, found, *rest = row
        if found != count or rest[-1] or joined_ids != listed:
            return None  # an id missing, a value of another type, rows out of order
        values = iter(rest[:-1])
        parts: list[tuple[str, str]] = []
        for name in self._read:
            joined = next(values)
            if not _joined_right(joined, "," if name in _INTEGER_COLUMNS else SEPARATOR,
                                 count):
                return None
            parts.append((name, joined))
        tags: str | None = None
        if self._tags:
            tags = next(values)
            if not _joined_right(tags, SEPARATOR, count):
                return None
        nulls: dict[str, str] = {}
        for first in range(0, len(self._nullable), _FLAG_BITS):
            flags = str(next(values))
            if flags.count("0") != count:  # some NULL: a "0"/"1" string per column
                for bit, name in enumerate(self._nullable[first : first + _FLAG_BITS]):
                    nulls[name] = flags.translate(_flag_table(bit))
        return JoinedColumns(list(ids), parts, nulls, tags, self._tags_marked)


@functools.cache
def _flag_table(bit: int) -> dict[int, str]:
    """Maps each flags character to "1" where ``bit`` is set, else "0"."""
    return {48 + bits: "1" if bits & (1 << bit) else "0" for bits in range(1 << _FLAG_BITS)}


def _joined_right(joined: object, separator: str, count: int) -> bool:
    """``joined`` is text of ``count`` values (none holding ``separator``)."""
    return isinstance(joined, str) and joined.count(separator) == count - 1


class JoinedColumns:
    """One batch as :meth:`CustomerColumns.read` found it: checked, still joined."""

    __slots__ = ("_ids", "_nulls", "_parts", "_tags", "_tags_marked")

    def __init__(self, ids: list[int], parts: list[tuple[str, str]], nulls: dict[str, str],
                 tags: str | None, tags_marked: bool = True) -> None:
        self._ids = ids
        self._parts = parts
        self._nulls = nulls
        self._tags = tags
        self._tags_marked = tags_marked

    def __len__(self) -> int:
        return len(self._ids)

    def columns(self) -> Columns:
        """The batch's stored records as columns (see :data:`Columns`)."""
        count = len(self._ids)
        by_name: dict[str, list[object]] = {"id": list(self._ids)}
        for name, joined in self._parts:
            if name in _INTEGER_COLUMNS:  # SQLite's decimal integers: a JSON array, in C
                by_name[name] = json.loads(f"[{joined}]")
                continue
            values: list[object] = joined.split(SEPARATOR)  # type: ignore[assignment]
            nulls = self._nulls.get(name)
            if nulls is not None and "1" in nulls:
                values = [None if flag == "1" else value
                          for value, flag in zip(values, nulls, strict=True)]
            by_name[name] = values
        empty: list[object] = [None] * count
        columns = [by_name.get(name, empty) for name in CustomerRepository.columns]
        if self._tags is None:
            columns.append(empty)
        elif not self._tags_marked:  # "" where a customer has no tags
            columns.append(self._tags.split(SEPARATOR))  # type: ignore[arg-type]
        else:  # "" where a customer has no tags (NULL), else \x1f and the joined tags
            columns.append([value[1:] if value else None
                            for value in self._tags.split(SEPARATOR)])
        return columns
