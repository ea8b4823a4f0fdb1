"""Reports as .csv: one table, UTF-8 with BOM (Excel then reads Chinese correctly) or GB18030
for older Chinese Excel/WPS set-ups.

Text that starts like a formula gets a ``'`` in front; numbers stay numbers (money as plain
decimals such as ``-12.50``, so a spreadsheet sums them); times as ``YYYY-MM-DD HH:MM``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from itertools import repeat
from typing import BinaryIO, Final, cast

from desktop.exchange.export_cells import (
    FORMULA_TRIGGERS,
    CellKind,
    CellValue,
    ColumnarRows,
    Row,
    Sheet,
    csv_safe_text,
    yuan_text,
)

_Cell = Callable[[CellValue], str]


def _text(value: CellValue) -> str:
    return csv_safe_text(value if isinstance(value, str) else str(value))


def _integer(value: CellValue) -> str:
    return str(value) if isinstance(value, int) else _text(value)


def _money(value: CellValue) -> str:
    return yuan_text(value) if isinstance(value, int) else _text(value)


def _moment(value: CellValue) -> str:
    if isinstance(value, datetime):
        return value.isoformat(" ", "minutes")
    if isinstance(value, date):
        return value.isoformat()
    return _text(value)


def _column(cell: _Cell, values: Sequence[CellValue]) -> list[str | int]:
    """What :meth:`CsvReport.write` gives each value, a column at a time: the common value of
    each kind converted inline (plain text as it is; an int as the csv module writes it,
    ``str``), anything else by ``cell``."""
    if cell is _text:
        return [v if v.__class__ is str and v[:1] not in FORMULA_TRIGGERS
                else ("" if v is None else _text(v)) for v in values]
    if cell is _integer:
        return [v if v.__class__ is int else ("" if v is None else _integer(v))
                for v in values]
    if cell is _money:
        return [
            (f"{v // 100}.{v % 100:02d}" if v >= 0 else f"-{-v // 100}.{-v % 100:02d}")
            if v.__class__ is int else ("" if v is None else _money(v)) for v in values
        ]
    if cell is _moment:  # (a masked birthday is text in a date column)
        return [v.isoformat(" ", "minutes") if v.__class__ is datetime
                else (v if v.__class__ is str and v[:1] not in FORMULA_TRIGGERS
                      else ("" if v is None else _moment(v))) for v in values]
    return ["" if v is None else cell(v) for v in values]


_FORMULA_START: Final = re.compile(
    "\n[" + re.escape("".join(sorted(FORMULA_TRIGGERS - {"\n"}))) + "]")
"""In a column joined by newlines: a value after the first that starts like a formula (one
starting with a newline holds one, which the count of newlines tells). One search for a
newline and a look at the character after it: ~4 times quicker than a substring test per
trigger (ten two-character needles, each a scan of the whole column)."""
_QUOTED: Final = ('"', ",", "\r")
"""What the csv module quotes a field for, but LF (told by counting). (Substring tests, not
a regular expression: each is a fast scan in C, ~60 times quicker over a batch.)"""
_NONE: Final = type(None)


REPEATING: Final = 4
"""A text column whose batch has at most one distinct value in this many is looked up in
its :class:`_KnownFields` (levels, cities, tags, notes, masked birthdays)."""
KNOWN_LIMIT: Final = 16_384
"""Distinct values a column's :class:`_KnownFields` holds before it starts afresh."""
_LOOKED_AT: Final = 256
"""A batch at least this long that is nearly all distinct values ends the look-ups for its
column (names, phones, e-mails: a set of them would only cost)."""


class _KnownFields:
    """For one text column: each distinct value (str or None) the column has had, with its
    field as :meth:`CsvReport.write` writes it, when the csv module writes that as it is (no
    quotes). A batch of repeating values then becomes its fields by one look-up each, in C,
    instead of being joined and searched again."""

    __slots__ = ("_fields", "_unique")

    def __init__(self) -> None:
        self._fields: dict[str | None, str] = {}
        self._unique = False

    def fields(self, cell: _Cell, values: Sequence[str | None]) -> list[str] | None:
        """The field of each value, or None when the column does not repeat enough or a
        value's field needs quotes (the caller then looks at the batch itself)."""
        if self._unique:
            return None
        distinct = set(values)
        if len(distinct) * REPEATING > len(values):
            self._unique = len(values) >= _LOOKED_AT
            return None
        known = self._fields
        missing = distinct.difference(known)
        if missing:
            if len(known) + len(missing) > KNOWN_LIMIT:
                known.clear()
                missing = distinct
            for value in missing:
                field = "" if value is None else cell(value)
                if any(ch in field for ch in _NEEDS_QUOTES):
                    return None
                known[value] = field
        return list(map(known.__getitem__, values))


_NEEDS_QUOTES: Final = ('"', ",", "\r", "\n")


def _plain_column(cell: _Cell, values: Sequence[CellValue],
                  known: _KnownFields | None = None) -> list[str] | None:
    """The column as :meth:`CsvReport.write` gives it, when every field is then text the csv
    module writes as it is (no quotes: the batch can be joined with commas) and the column
    is of a kind converted whole here; else None. ``known``: the column's fields so far."""
    kinds = set(map(type, values))
    if cell is _integer or cell is _money:
        if kinds == {int}:
            return list(map(str, values)) if cell is _integer else _column(cell, values)  # type: ignore[return-value]
        return None
    if cell is _moment and kinds == {datetime}:
        return list(map(datetime.isoformat, values, repeat(" "), repeat("minutes")))  # type: ignore[arg-type]
    if cell is _moment and kinds == {date}:
        return list(map(date.isoformat, values))  # type: ignore[arg-type]
    if (cell is _text or cell is _moment) and kinds and kinds <= {str, _NONE}:
        fields = None if known is None else known.fields(
            cell, cast("Sequence[str | None]", values))
        if fields is not None:
            return fields
        texts = cast("Sequence[str]", values if _NONE not in kinds else [
            "" if v is None else v for v in values])
        joined = "\n".join(texts)
        if joined.count("\n") != len(texts) - 1 or any(ch in joined for ch in _QUOTED):
            return None
        if texts[0][:1] in FORMULA_TRIGGERS or _FORMULA_START.search(joined):
            return [v if v[:1] not in FORMULA_TRIGGERS else csv_safe_text(v) for v in texts]
        return texts if isinstance(texts, list) else list(texts)
    return None


_CELLS: dict[CellKind, _Cell] = {
    CellKind.TEXT: _text,
    CellKind.INTEGER: _integer,
    CellKind.MONEY: _money,
    CellKind.DATETIME: _moment,
    CellKind.DATE: _moment,
}


class CsvReport:
    """Rows of one sheet spec written to ``out`` (an open binary file the caller renames
    into place) in ``encoding`` ("utf-8-sig" writes the BOM)."""

    def __init__(self, out: BinaryIO, encoding: str, spec: Sheet) -> None:
        self._text = io.TextIOWrapper(out, encoding=encoding, newline="", write_through=False)
        self._csv = csv.writer(self._text, lineterminator="\r\n")
        self._cells = [_CELLS[column.kind] for column in spec.columns]
        self._known = [_KnownFields() for _ in spec.columns]
        self._csv.writerow([csv_safe_text(column.label) for column in spec.columns])
        self._batch = io.StringIO()
        self._batch_csv = csv.writer(self._batch, lineterminator="\r\n")
        self.rows = 0

    def write(self, row: Row) -> None:
        self._csv.writerow(
            ["" if value is None else cell(value) for cell, value in zip(self._cells, row,
                                                                         strict=True)]
        )
        self.rows += 1

    def write_rows(self, rows: Sequence[Row]) -> None:
        """A batch of rows, converted a column at a time (the same conversions as
        :meth:`write`; text that already reads as plain text is passed through)."""
        if not rows:
            return
        width = len(self._cells)
        columns = rows.columns if isinstance(rows, ColumnarRows) else None
        if columns is not None:
            if len(columns) != width:
                raise ValueError("a row must have one value per column")
        elif set(map(len, rows)) != {width}:
            raise ValueError("a row must have one value per column")
        batch = self._batch
        batch.seek(0)
        batch.truncate()
        if not width:
            self._batch_csv.writerows([] for _ in rows)
        else:
            stored = columns if columns is not None else list(zip(*rows, strict=True))
            plain = [_plain_column(cell, values, known) for cell, values, known
                     in zip(self._cells, stored, self._known, strict=True)]
            if width > 1 and None not in plain:
                # Nothing to quote (and not a lone empty field, which csv writes as ""):
                # the lines the csv module would write, joined in C.
                lines = zip(*cast("list[list[str]]", plain), strict=True)
                self._text.write("\r\n".join(map(",".join, lines)))
                self._text.write("\r\n")
                self.rows += len(rows)
                return
            converted = [_column(cell, values)
                         for cell, values in zip(self._cells, stored, strict=True)]
            self._batch_csv.writerows(zip(*converted, strict=True))
        self._text.write(batch.getvalue())  # encoded once per batch, not once per row
        self.rows += len(rows)

    def finish(self) -> None:
        """Flush everything into the underlying file (which stays open for the caller)."""
        self._text.flush()
        self._text.detach()
