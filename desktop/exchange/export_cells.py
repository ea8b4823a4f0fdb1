"""What a report's cells are, shared by the .xlsx and .csv writers.

A report is a list of :class:`Sheet` specs and, per sheet, rows of plain Python values whose
meaning the column's :class:`CellKind` gives: text is always written as text (never parsed as
a number or a formula), money is integer cents written as a number with a currency format,
times are naive local datetimes written as real dates.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Final, overload

CellValue = str | int | date | datetime | None
"""A cell: text, a whole number (or cents for MONEY), a date or datetime; None is empty."""

Row = Sequence[CellValue]


class ColumnarRows(Sequence[Row]):
    """A batch's rows kept as the batch's columns (equal-length lists, one per column), so a
    writer working a column at a time (CSV) never builds the rows, and one working a row at
    a time (.xlsx) gets them zipped in C on first use. Made only by :meth:`from_columns`;
    neither the columns nor the rows are changed after. Equal to any sequence of the same
    rows (as tuples)."""

    __slots__ = ("_rows", "columns")

    columns: list[list[CellValue]]

    def __init__(self) -> None:
        self._rows: list[Row] | None = None

    @classmethod
    def from_columns(cls, columns: list[list[CellValue]]) -> ColumnarRows:
        if len({len(column) for column in columns}) > 1:
            raise ValueError("the columns of a batch must be of one length")
        rows = cls()
        rows.columns = columns
        return rows

    def _zipped(self) -> list[Row]:
        if self._rows is None:
            self._rows = list(zip(*self.columns, strict=True))
        return self._rows

    def __len__(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        return self._zipped()[index]

    def __iter__(self) -> Iterator[Row]:
        return iter(self._zipped())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(
            tuple(mine) == tuple(theirs) for mine, theirs in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"ColumnarRows({self._zipped()!r})"


class CellKind(Enum):
    TEXT = "text"
    """Written as a string, always: order numbers, phones, notes."""
    INTEGER = "integer"
    MONEY = "money"
    """Integer cents, written as yuan with the currency format."""
    DATETIME = "datetime"
    """A naive local datetime; a str value (already masked) is written as text."""
    DATE = "date"
    """A date; a str value (masked, or a birthday without a year) is written as text."""


@dataclass(frozen=True, slots=True)
class Column:
    label: str
    kind: CellKind = CellKind.TEXT
    width: float = 14.0
    """In characters (a CJK character counts about two)."""


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]


FORMULA_TRIGGERS: Final = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
"""First characters that make a spreadsheet read a cell as a formula (or a DDE payload):
= + - @, tab, CR/LF, and their full-width forms, which Excel and WPS may fold to ASCII."""

CSV_TEXT_GUARD: Final = "'"


def starts_like_formula(text: str) -> bool:
    return bool(text) and text[0] in FORMULA_TRIGGERS


def csv_safe_text(text: str) -> str:
    """Text for a CSV cell: a leading formula trigger gets a ``'`` in front, so a spreadsheet
    opening the file shows it as text (OWASP's advice for CSV injection)."""
    return CSV_TEXT_GUARD + text if text and text[0] in FORMULA_TRIGGERS else text


def yuan_text(cents: int) -> str:
    """Cents as a plain decimal number for CSV: -1234 → "-12.34" (a number, not text)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def display_width(text: str) -> float:
    """Roughly how many character widths ``text`` takes (CJK and full-width count two)."""
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in text)
