"""Reports as .csv: one table, UTF-8 with BOM (Excel then reads Chinese correctly) or GB18030
for older Chinese Excel/WPS set-ups.

Text that starts like a formula gets a ``'`` in front; numbers stay numbers (money as plain
decimals such as ``-12.50``, so a spreadsheet sums them); times as ``YYYY-MM-DD HH:MM``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from typing import BinaryIO

from desktop.exchange.export_cells import CellKind, CellValue, Row, Sheet, csv_safe_text, yuan_text

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
        self._csv.writerow([csv_safe_text(column.label) for column in spec.columns])
        self.rows = 0

    def write(self, row: Row) -> None:
        self._csv.writerow(
            ["" if value is None else cell(value) for cell, value in zip(self._cells, row,
                                                                         strict=True)]
        )
        self.rows += 1

    def finish(self) -> None:
        """Flush everything into the underlying file (which stays open for the caller)."""
        self._text.flush()
        self._text.detach()
