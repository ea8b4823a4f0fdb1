"""The error workbook of an import: the sheet's header row and every rejected row, cells as
they were in the file, plus a column with the reasons — so a shop can fix them and import
just those rows again.

Built in memory (no temp file ever holds the personal data in the rows) and written
atomically. Text cells are always written as text, never as formulas; one that starts like a
formula (= + - @ tab CR) also gets Excel's quote prefix, so editing it keeps it text.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Final

import xlsxwriter  # type: ignore[import-untyped]
from xlsxwriter.format import Format  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from desktop.core.atomic_files import atomic_write_bytes
from desktop.core.import_types import Cell

SHEET_NAME: Final = "Errors"
UNSAFE_START: Final = ("=", "+", "-", "@", "\t", "\r")
EXACT_DIGITS: Final = 15
"""Whole numbers longer than this lose digits as an Excel number; they are written as text."""


def write(
    rows: Iterable[Sequence[Cell]], header_row: int, reasons: Mapping[int, str], out: Path,
    reasons_header: str, sheet_name: str = SHEET_NAME,
) -> int:
    """``rows``: the sheet from its first row; ``header_row`` 0-based; ``reasons`` by 1-based
    row number. Returns how many rejected rows were written."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
        "strings_to_urls": False,
    })
    sheet = book.add_worksheet(_valid_sheet_name(sheet_name))
    formats = (book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"}),
               book.add_format({"quote_prefix": True}))
    written = out_row = width = 0
    for number, cells in enumerate(rows, 1):
        if number == header_row + 1:
            reason = reasons_header
            width = len(cells)
        elif number in reasons:
            reason = reasons[number]
            written += 1
        else:
            continue
        _write_cells(sheet, out_row, cells, *formats)
        # Under the header's reason column, also when the row's last cells are empty (a
        # reader drops them); a row wider than the header puts it after its own cells.
        sheet.write_string(out_row, max(len(cells), width, 1), reason)
        out_row += 1
    book.close()
    atomic_write_bytes(out, buffer.getvalue())
    return written


def _valid_sheet_name(wanted: str) -> str:
    """Excel's rules for a sheet name (a translated one too): no []:*?/\\, at most 31."""
    name = "".join("_" if ch in "[]:*?/\\" else ch for ch in wanted).strip("'")[:31]
    return name.strip() or SHEET_NAME


def _write_cells(
    sheet: Worksheet, row: int, cells: Sequence[Cell], stamp: Format, quoted: Format
) -> None:
    for column, cell in enumerate(cells):
        if cell is None:
            continue
        if isinstance(cell, bool):
            sheet.write_boolean(row, column, cell)
        elif isinstance(cell, int) and len(str(abs(cell))) > EXACT_DIGITS:
            sheet.write_string(row, column, str(cell))
        elif isinstance(cell, int | float):
            sheet.write_number(row, column, cell)
        elif isinstance(cell, datetime):
            sheet.write_datetime(row, column, cell.replace(tzinfo=None), stamp)
        elif isinstance(cell, date | time):
            sheet.write_string(row, column, cell.isoformat())
        else:
            text = str(cell)
            sheet.write_string(row, column, text, quoted if text.startswith(UNSAFE_START) else None)
