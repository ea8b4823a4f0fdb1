"""Reading an .xlsx that passed the safety checks: python-calamine, streaming its rows.

calamine parses a sheet in Rust and hands out one row at a time; each row is turned into the
file layer's cells here (whole numbers as exact ints, empty cells as None, trailing empties
dropped, leading empty columns restored so a column index is the sheet's). Only if calamine
cannot read a workbook that passed the checks does openpyxl (read-only, cached values,
defusedxml active) get a try.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import Any, Final

import python_calamine
from defusedxml import ElementTree  # type: ignore[import-untyped]
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from desktop.core.import_types import Cell
from desktop.exchange.files_cache import SheetCache, SheetKey
from desktop.exchange.files_errors import (
    DAMAGED,
    ENCRYPTED,
    NO_SHEETS,
    UNKNOWN_SHEET,
    UNREADABLE,
    ImportFileError,
)
from desktop.exchange.files_safety import FileLimits, check_entry_count, check_workbook_zip
from desktop.exchange.files_sheets import SheetInfo
from desktop.exchange.files_sniff import content_types_problem, zip_problem

_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError)
# Only a range counts: some writers put a bare "A1" there whatever the sheet holds.
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?(\d+)\"")
_DIMENSION_HEAD = 64 * 1024
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ONE_DAY = timedelta(days=1)


class XlsxWorkbook:
    kind = "xlsx"
    encoding: str | None = None

    def __init__(
        self, path: Path, file_name: str, limits: FileLimits, cache: SheetCache | None = None
    ) -> None:
        self._path = path
        self._file_name = file_name
        self._cache = cache
        before = _identity(path, file_name)
        self._identity = before
        checked_as = (*before, limits)
        dimensions = cache.checked(checked_as) if cache is not None else None
        if dimensions is None:
            dimensions = self._check(limits)
            if cache is not None:
                cache.remember_checked(checked_as, dimensions)
        self._book: CalamineWorkbook | None = None
        try:
            self._book = _calamine_book(path)
        except python_calamine.PasswordError as error:
            raise ImportFileError(file_name, problem=ENCRYPTED) from error
        except BaseException as error:
            if not _calamine_gave_up(error):
                raise
            self.sheets = _openpyxl_sheets(path, file_name, dimensions)
        else:
            self.sheets = tuple(
                SheetInfo(
                    name=meta.name,
                    rows=dimensions.get(meta.name),
                    hidden=meta.visible != SheetVisibleEnum.Visible,
                )
                for meta in self._book.sheets_metadata
                if meta.typ == SheetTypeEnum.WorkSheet
            )
        self._closed = False
        # The checked file must be the file that was read (not swapped in between).
        if _identity(path, file_name) != before:
            self.close()
            raise ImportFileError(file_name, problem=UNREADABLE)
        if not self.sheets:
            self.close()
            raise ImportFileError(file_name, problem=NO_SHEETS)

    def _check(self, limits: FileLimits) -> dict[str, int]:
        """The safety checks; returns each sheet's row count from its ``<dimension>``."""
        try:
            check_entry_count(self._path, self._file_name, limits)
            with zipfile.ZipFile(self._path) as archive:
                problem = zip_problem(archive)
                if problem is not None:
                    raise ImportFileError(self._file_name, problem=problem)
                check_workbook_zip(archive, self._file_name, limits)
                problem = content_types_problem(archive)
                if problem is not None:
                    raise ImportFileError(self._file_name, problem=problem)
                return _sheet_dimensions(archive)
        except ImportFileError:
            raise
        except OSError as error:
            raise ImportFileError(self._file_name, problem=UNREADABLE) from error
        except (*_BROKEN, ElementTree.ParseError) as error:
            raise ImportFileError(self._file_name, problem=DAMAGED) from error

    def rows(self, sheet: str) -> Iterator[tuple[Cell, ...]]:
        if self._closed or sheet not in {info.name for info in self.sheets}:
            raise ImportFileError(self._file_name, problem=UNKNOWN_SHEET)
        return self._rows(sheet)

    def _rows(self, sheet: str) -> Iterator[tuple[Cell, ...]]:
        if self._book is None:
            yield from _openpyxl_rows(self._path, sheet, self._file_name)
            return
        key: SheetKey = (*self._identity, sheet)
        data = self._cache.get(key) if self._cache is not None else None
        if data is None:
            try:
                data = self._book.get_sheet_by_name(sheet)
            except BaseException as error:
                if not _calamine_gave_up(error):
                    raise
                yield from _openpyxl_rows(self._path, sheet, self._file_name)
                return
            if self._cache is not None:
                self._cache.put(key, data)
        # calamine's rows begin at the sheet's first row but at the first *used* column.
        start = data.start
        if start is None:
            # An empty sheet (Excel's unused "Sheet2"): calamine panics iterating it.
            return
        pad: tuple[Cell, ...] = (None,) * start[1]
        for raw in data.iter_rows():
            yield _cells(raw, pad)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            if self._book is not None:
                self._book.close()


_XLSX_SUFFIXES: Final = frozenset({".xlsx", ".xlsm"})


def _calamine_book(path: Path) -> CalamineWorkbook:
    """The workbook by its content: calamine picks its reader by the file's name (for a
    ".xls", Excel 97's), and this file is an .xlsx whatever it is called ("会员.xls" saved by
    a program that kept the old name). Read from memory then: calamine looks at the bytes."""
    if path.suffix.lower() in _XLSX_SUFFIXES:
        return CalamineWorkbook.from_path(str(path))
    with path.open("rb") as handle:
        return CalamineWorkbook.from_filelike(handle)


def _calamine_gave_up(error: BaseException) -> bool:
    """calamine could not read the file: its own errors, anything else it raised, or a Rust
    panic (pyo3's PanicException derives from BaseException, not Exception)."""
    return isinstance(error, Exception) or type(error).__name__ == "PanicException"


def _cells(raw: list[Any], pad: tuple[Cell, ...]) -> tuple[Cell, ...]:
    cells: list[Cell] = [
        (value or None)
        if value.__class__ is str
        else (
            (int(value) if value.is_integer() else value)
            if value.__class__ is float
            else (_duration(value) if value.__class__ is timedelta else value)
        )
        for value in raw
    ]
    while cells and cells[-1] is None:
        cells.pop()
    if pad and cells:
        return pad + tuple(cells)
    return tuple(cells)


def _duration(value: timedelta) -> Cell:
    """A duration cell ([h]:mm): a time of day when below 24 hours, else its text."""
    if timedelta(0) <= value < _ONE_DAY:
        return _time_of(value)
    hours, rest = divmod(int(value.total_seconds()), 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _time_of(value: timedelta) -> time:
    seconds = value.seconds
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60, value.microseconds)


def _identity(path: Path, file_name: str) -> tuple[int, int, int, int]:
    try:
        status = os.stat(path)
    except OSError as error:
        raise ImportFileError(file_name, problem=UNREADABLE) from error
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _sheet_dimensions(archive: zipfile.ZipFile) -> dict[str, int]:
    """Sheet name → last row number, as the sheet's ``<dimension ref="A1:K100001"/>`` says.
    Read from the head of each sheet part only; a sheet without a range there is left out
    (its row count is unknown: None)."""
    names = {info.filename.lower(): info.filename for info in archive.infolist()}
    workbook = names.get("xl/workbook.xml")
    if workbook is None:
        return {}
    folder, base = posixpath.split(workbook)
    rels = names.get(posixpath.join(folder, "_rels", base + ".rels").lower())
    if rels is None:
        return {}
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in ElementTree.fromstring(archive.read(rels)).iter(f"{_PKG_REL_NS}Relationship")
    }
    found: dict[str, int] = {}
    for sheet in ElementTree.fromstring(archive.read(workbook)).iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        target = targets.get(sheet.get(f"{_REL_NS}id"), "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        member = names.get(posixpath.normpath(part).lower())
        if member is None:
            continue
        with archive.open(member) as stream:
            match = _DIMENSION.search(stream.read(_DIMENSION_HEAD))
        if match is not None:
            found[str(sheet.get("name"))] = int(match.group(1))
    return found


def _openpyxl_sheets(
    path: Path, file_name: str, dimensions: dict[str, int]
) -> tuple[SheetInfo, ...]:
    with _openpyxl_book(path, file_name) as book:
        return tuple(
            SheetInfo(
                name=sheet.title,
                rows=dimensions.get(sheet.title),
                hidden=sheet.sheet_state != "visible",
            )
            for sheet in book.worksheets
        )


def _openpyxl_rows(path: Path, sheet: str, file_name: str) -> Iterator[tuple[Cell, ...]]:
    with _openpyxl_book(path, file_name) as book:
        try:
            worksheet = book[sheet]
            for raw in worksheet.iter_rows(values_only=True):
                yield _cells(list(raw), ())
        except ImportFileError:
            raise
        except Exception as error:
            raise ImportFileError(file_name, problem=DAMAGED) from error


@contextlib.contextmanager
def _openpyxl_book(path: Path, file_name: str) -> Iterator[Any]:
    """openpyxl, read-only with the cached values, for the rare workbook calamine cannot read
    (it parses with defusedxml, which is installed). Given the open file, not its name: by
    name openpyxl refuses any file not called .xlsx, .xlsm, .xltx or .xltm."""
    import openpyxl  # type: ignore[import-untyped]

    try:
        handle = path.open("rb")
    except OSError as error:
        raise ImportFileError(file_name, problem=UNREADABLE) from error
    with handle:
        try:
            book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError(file_name, problem=DAMAGED) from error
        try:
            yield book
        finally:
            book.close()
