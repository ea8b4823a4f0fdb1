"""Rows of a constant_memory worksheet put straight into XlsxWriter's row table.

A 100,000-customer report is 1.6 million cells. Through ``_write_string`` and its siblings,
each cell costs XlsxWriter a bounds and dimensions check, a "has the row changed" check and
a named tuple; here a whole row is built as the dict of those same named tuples that the
methods would have made and handed over at once, with the same row flush (the previous row
goes to the row file when the next one starts) and the sheet's dimensions updated once per
batch. The sheet XML is byte for byte what the per-cell methods write
(``tests/unit/exchange/test_export_xlsx_rows.py``); a row holding anything else (a date, a
value in a column not made for it, a text long enough to need XlsxWriter's truncation) is
written through the per-cell path, and a sheet or XlsxWriter version without these internals
does not use this at all.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Final

from xlsxwriter.format import Format  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from desktop.exchange.export_cells import FORMULA_TRIGGERS, CellKind, Row

try:
    from xlsxwriter.worksheet import (
        CellDatetimeTuple,
        CellNumberTuple,
        CellRichStringTuple,
        CellStringTuple,
    )
except ImportError:  # pragma: no cover - a later XlsxWriter may rename them
    CellStringTuple = CellNumberTuple = CellDatetimeTuple = CellRichStringTuple = None

_INTERNALS: Final = ("table", "previous_row", "_write_single_row", "_check_dimensions",
                     "_convert_date_time", "xls_rowmax", "xls_strmax", "dim_colmin",
                     "constant_memory")

SlowRow = Callable[[int, Row], None]
"""Writes one row at a row number through the per-cell methods."""

RICH_START: Final = "<"
"""First character of text that XlsxWriter may take for rich-string XML (below)."""


def looks_like_rich_xml(text: str) -> bool:
    """XlsxWriter (constant_memory) writes a string that starts with ``<r>`` and ends with
    ``</r>`` into the sheet XML *unescaped*, as rich-string markup: a note typed as
    ``<r><t>a</t></r></is></c><c r="B2"><f>…</f></c>…<r><t>b</t></r>`` would put a live
    formula in the export, or break the file."""
    return text.startswith("<r>") and text.endswith("</r>")


def literal_text_cell(text: str, fmt: Format | None) -> object:
    """The cell for such text: a rich string of one run holding the text itself, escaped,
    so the cell shows exactly ``text`` (XlsxWriter still escapes its control characters)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return CellRichStringTuple(f"<r><t>{escaped}</t></r>", fmt, text)


def write_literal_text(sheet: Worksheet, row: int, col: int, text: str,
                       fmt: Format | None) -> None:
    """``sheet.write_string`` for text that :func:`looks_like_rich_xml`: the cell it made is
    replaced by :func:`literal_text_cell`; without those internals, two plain rich-string
    runs (the first character, the rest) show the same text."""
    sheet.write_string(row, col, text, fmt)
    table: Any = getattr(sheet, "table", None)
    if CellRichStringTuple is not None and table is not None and col in table.get(row, ()):
        table[row][col] = literal_text_cell(text, fmt)
        return
    fragments: list[object] = [text[:1], text[1:]]  # pragma: no cover - other XlsxWriter
    sheet.write_rich_string(row, col, *fragments, *([fmt] if fmt is not None else []))


_SPECIAL_START: Final = FORMULA_TRIGGERS | {RICH_START}


class RowFiller:
    """Fills rows of one worksheet; ``kinds`` are its columns' cell kinds, ``guarded`` the
    quote-prefix format of text starting like a formula, ``money`` / ``moment`` the formats
    of MONEY and DATETIME columns."""

    def __init__(self, sheet: Worksheet, kinds: Sequence[CellKind], guarded: Format,
                 money: Format, moment: Format) -> None:
        self._sheet = sheet
        self._guarded = guarded
        self._integers = [kind is CellKind.INTEGER for kind in kinds]
        self._money = [money if kind is CellKind.MONEY else None for kind in kinds]
        self._moments = [moment if kind is CellKind.DATETIME else None for kind in kinds]

    @staticmethod
    def usable(sheet: Worksheet) -> bool:
        """Whether ``sheet`` is a constant_memory sheet of an XlsxWriter with the internals
        this relies on, its header written (so its column span is known)."""
        return (CellStringTuple is not None and CellRichStringTuple is not None
                and all(hasattr(sheet, name) for name in _INTERNALS)
                and bool(sheet.constant_memory) and sheet.dim_colmin is not None)

    def fill(self, first: int, rows: Sequence[Row], slow_row: SlowRow) -> None:
        """Rows ``first``, ``first + 1``, … of the sheet (rows already checked to have one
        value per column)."""
        sheet: Any = self._sheet
        if first + len(rows) > sheet.xls_rowmax or first <= sheet.previous_row:
            for index, row in enumerate(rows, start=first):
                slow_row(index, row)
            return
        table, flush, convert = sheet.table, sheet._write_single_row, sheet._convert_date_time
        text, number, moment = CellStringTuple, CellNumberTuple, CellDatetimeTuple
        guarded, longest = self._guarded, sheet.xls_strmax // 2
        special, triggers = _SPECIAL_START, FORMULA_TRIGGERS
        integers, money, moments = self._integers, self._money, self._moments
        last = -1
        for index, row in enumerate(rows, start=first):
            cells: dict[int, object] = {}
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                kind = value.__class__
                if kind is str and len(value) <= longest:  # type: ignore[arg-type]
                    lead: str = value[0]  # type: ignore[index]
                    if lead not in special:
                        cells[col] = text(value, None)
                    elif lead in triggers:
                        cells[col] = text(value, guarded)
                    else:
                        cells[col] = (literal_text_cell(value, None)  # type: ignore[arg-type]
                                      if looks_like_rich_xml(value)  # type: ignore[arg-type]
                                      else text(value, None))
                elif kind is int and integers[col]:
                    cells[col] = number(value, None)
                elif kind is int and money[col] is not None:
                    cells[col] = number(value / 100, money[col])  # type: ignore[operator]
                elif kind is datetime and moments[col] is not None:
                    cells[col] = moment(convert(value), moments[col])
                else:
                    cells = {}
                    slow_row(index, row)
                    last = index
                    break
            if cells:
                if index > sheet.previous_row:
                    flush(index)
                table[index] = cells
                last = index
        if last >= 0:
            sheet._check_dimensions(last, 0)


class RowFile:
    """A constant_memory sheet's row file, written through a write-only text file.

    XlsxWriter opens it for reading and writing (``"w+"``); a text file that can be read
    resets its decoder — two Python calls — on every write, and XlsxWriter writes once or
    more per cell. It reads the rows back only once, when the workbook is stored: the first
    ``seek`` closes the writing side and reads from the start (the same encoding and newline
    handling as ``"w+"``)."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._out = open(name, "w", encoding="utf-8")  # noqa: SIM115 - closed by close()
        self._in: Any = None
        self.write = self._out.write

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._in is None:
            self._out.close()
            self._in = open(self._name, encoding="utf-8")  # noqa: SIM115
        return int(self._in.seek(offset, whence))

    def read(self, size: int = -1) -> str:
        return str(self._in.read(size)) if self._in is not None else ""

    def close(self) -> None:
        (self._in if self._in is not None else self._out).close()

    @staticmethod
    def install(sheet: Worksheet) -> bool:
        """Put a :class:`RowFile` in place of a new constant_memory sheet's row file (before
        anything is written to it); False, leaving the sheet as it is, if it is not one."""
        handle = getattr(sheet, "row_data_fh", None)
        name = getattr(sheet, "row_data_filename", None)
        if not name or not isinstance(handle, io.TextIOWrapper) or handle.tell() != 0 \
                or sheet.fh is not handle:
            return False
        handle.close()
        sheet.row_data_fh = sheet.fh = RowFile(name)
        return True
