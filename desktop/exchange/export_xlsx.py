"""Reports as .xlsx, streamed with XlsxWriter's ``constant_memory`` mode (rows go to disk as
they are written, so 100,000 customers never sit in memory).

The first sheet is the cover (who, when, why, what, masking, the audit id); it is written
last, when the row counts are known, but added first so it opens first. Data sheets get a
styled, frozen header row with autofilter, column widths, money as numbers in ``¥#,##0.00``,
times as real dates. Every text cell is written with ``write_string`` — never ``write``, which
would turn ``=HYPERLINK(...)`` into a live formula — and a text starting like a formula also
gets Excel's quote prefix, so editing the cell later still keeps it text.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Final

import xlsxwriter  # type: ignore[import-untyped]
from xlsxwriter.exceptions import FileCreateError  # type: ignore[import-untyped]
from xlsxwriter.format import Format  # type: ignore[import-untyped]
from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

from desktop.exchange.export_cells import (
    FORMULA_TRIGGERS,
    CellKind,
    CellValue,
    Row,
    Sheet,
    display_width,
    starts_like_formula,
)
from desktop.exchange.export_xlsx_rows import (
    RICH_START,
    RowFile,
    RowFiller,
    looks_like_rich_xml,
    write_literal_text,
)

MONEY_FORMAT: Final = "¥#,##0.00"
DATETIME_FORMAT: Final = "yyyy-mm-dd hh:mm"
DATE_FORMAT: Final = "yyyy-mm-dd"
MAX_SHEET_NAME: Final = 31
_HEADER_COLOUR: Final = "#DCE6F1"

CoverLine = tuple[str, str]


class XlsxReport:
    """One workbook being written to ``out`` (an open binary file; the caller owns renaming
    it into place). XlsxWriter's row files go to ``tmpdir``, which the caller removes."""

    def __init__(self, out: BinaryIO, tmpdir: Path, cover_name: str) -> None:
        self._book = xlsxwriter.Workbook(
            out,  # XlsxWriter accepts any seekable binary file as well as a file name
            {"constant_memory": True, "tmpdir": str(tmpdir), "strings_to_formulas": False,
             "strings_to_numbers": False, "strings_to_urls": False},
        )
        self._cover = self._book.add_worksheet(_sheet_name(cover_name, set()))
        self._names = {self._cover.name}
        self._header = self._book.add_format(
            {"bold": True, "bg_color": _HEADER_COLOUR, "border": 1, "text_wrap": True,
             "valign": "top"}
        )
        self._guarded = self._book.add_format({"quote_prefix": True})
        self._money = self._book.add_format({"num_format": MONEY_FORMAT})
        self._datetime = self._book.add_format({"num_format": DATETIME_FORMAT})
        self._date = self._book.add_format({"num_format": DATE_FORMAT})
        self._title = self._book.add_format({"bold": True, "font_size": 14})
        self._label = self._book.add_format({"bold": True, "valign": "top"})
        self._wrapped = self._book.add_format({"text_wrap": True, "valign": "top"})
        self.rows: dict[str, int] = {}

    def sheet(self, spec: Sheet) -> SheetWriter:
        name = _sheet_name(spec.name, self._names)
        self._names.add(name)
        sheet = self._book.add_worksheet(name)
        RowFile.install(sheet)
        self.rows[name] = 0
        for col, column in enumerate(spec.columns):
            width = max(column.width, display_width(column.label) + 2)
            sheet.set_column(col, col, min(width, 60))
            sheet.write_string(0, col, column.label, self._header)
        sheet.freeze_panes(1, 0)
        if spec.columns:
            sheet.autofilter(0, 0, 0, len(spec.columns) - 1)
        filler = RowFiller(sheet, [c.kind for c in spec.columns], self._guarded, self._money,
                           self._datetime) if RowFiller.usable(sheet) else None
        return SheetWriter(self, name, sheet, [self._writer(sheet, c.kind) for c in spec.columns],
                           self._guarded, filler)

    def finish(self, title: str, lines: Sequence[CoverLine]) -> None:
        """Write the cover (title, then label/value lines) and close the workbook."""
        cover = self._cover
        cover.set_column(0, 0, max([display_width(label) for label, _ in lines] + [16]) + 2)
        cover.set_column(1, 1, 80)
        cover.write_string(0, 0, title, self._title)
        for row, (label, value) in enumerate(lines, start=2):
            self._text(cover, row, 0, label, self._label)
            self._text(cover, row, 1, value, self._wrapped)
        cover.activate()
        try:
            self._book.close()
        except FileCreateError as exc:  # XlsxWriter wraps the OSError of the final write
            cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
            raise cause or OSError(errno.EIO, str(exc)) from exc

    def abandon(self) -> None:
        """Drop the workbook without writing it (cancel, error)."""
        self._book.fileclosed = True

    # ------------------------------------------------------------------ cells

    def _text(self, sheet: Worksheet, row: int, col: int, value: str,
              fmt: Format | None = None) -> None:
        if starts_like_formula(value):
            sheet.write_string(row, col, value, self._guarded)
        elif looks_like_rich_xml(value):
            write_literal_text(sheet, row, col, value, fmt)
        else:
            sheet.write_string(row, col, value, fmt)

    def _writer(self, sheet: Worksheet, kind: CellKind) -> Callable[[int, int, CellValue], None]:
        text = self._text
        write_number = _cell_method(sheet, "write_number")
        write_datetime = _cell_method(sheet, "write_datetime")

        def write_text(row: int, col: int, value: CellValue) -> None:
            text(sheet, row, col, value if isinstance(value, str) else str(value))

        if kind is CellKind.TEXT:
            return write_text
        if kind is CellKind.INTEGER:
            def write_integer(row: int, col: int, value: CellValue) -> None:
                if isinstance(value, int):
                    write_number(row, col, value)
                else:
                    write_text(row, col, value)
            return write_integer
        if kind is CellKind.MONEY:
            money = self._money

            def write_money(row: int, col: int, value: CellValue) -> None:
                if isinstance(value, int):
                    write_number(row, col, value / 100, money)
                else:
                    write_text(row, col, value)
            return write_money
        fmt = self._datetime if kind is CellKind.DATETIME else self._date

        def write_moment(row: int, col: int, value: CellValue) -> None:
            if isinstance(value, date):  # a datetime is a date too
                moment = value if isinstance(value, datetime) else datetime(
                    value.year, value.month, value.day)
                write_datetime(row, col, moment, fmt)
            else:
                write_text(row, col, value)
        return write_moment


class SheetWriter:
    def __init__(self, report: XlsxReport, name: str, sheet: Worksheet,
                 writers: list[Callable[[int, int, CellValue], None]], guarded: Format,
                 filler: RowFiller | None = None) -> None:
        self._report = report
        self.name = name
        self._writers = writers
        self._sheet = sheet
        self._write_string = _cell_method(sheet, "write_string")
        self._guarded = guarded
        self._filler = filler
        self._next = 1

    def write(self, row: Row) -> None:
        """One data row. Text — most cells, whatever the column's kind — is written here
        directly; other values by their column's writer."""
        if len(row) != len(self._writers):
            raise ValueError("a row must have one value per column")
        self._write_at(self._next, row)
        self._next += 1
        self._report.rows[self.name] = self._next - 1

    def _write_at(self, index: int, row: Row) -> None:
        write_string, guarded, triggers = self._write_string, self._guarded, FORMULA_TRIGGERS
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if value.__class__ is str:
                if value[0] == RICH_START and looks_like_rich_xml(value):
                    write_literal_text(self._sheet, index, col, value, None)
                else:
                    write_string(index, col, value, guarded if value[0] in triggers else None)
            else:
                self._writers[col](index, col, value)

    def write_rows(self, rows: Sequence[Row]) -> None:
        """A batch of rows, as :meth:`write` writes each: straight into XlsxWriter's row
        table when it can (``export_xlsx_rows``: the same XML, the per-cell calls saved —
        this runs for a million cells per 100,000 customers), else row by row."""
        width = len(self._writers)
        if any(len(row) != width for row in rows):
            raise ValueError("a row must have one value per column")
        if self._filler is not None:
            self._filler.fill(self._next, rows, self._write_at)
        else:
            for index, row in enumerate(rows, start=self._next):
                self._write_at(index, row)
        self._next += len(rows)
        self._report.rows[self.name] = self._next - 1


def _cell_method(sheet: Worksheet, name: str) -> Callable[..., object]:
    """XlsxWriter's own undecorated form of a row/column cell method (``_write_string`` for
    ``write_string``: the public one only adds the A1-notation check, a Python call per cell
    we never need); the public method if a later XlsxWriter drops it."""
    method: Callable[..., object] = getattr(sheet, "_" + name, None) or getattr(sheet, name)
    return method


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in wanted).strip("'") or "Sheet"
    base = base[:MAX_SHEET_NAME]
    name, counter = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({counter})"
        name, counter = base[: MAX_SHEET_NAME - len(suffix)] + suffix, counter + 1
    return name
