"""Build a sheet the way shops' files look (a title row above the header, blank and total rows
inside) and read it through header detection, layout recognition and row parsing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta, timezone

from desktop.core.import_types import Cell, ColumnMapping, ParsedRow
from desktop.exchange.header import find_header_row
from desktop.exchange.layouts import LayoutGuess, recognise
from desktop.exchange.rows import parse_rows

CST = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class ReadSheet:
    header_row: int  # 0-based
    guess: LayoutGuess
    rows: dict[int, ParsedRow]  # by 1-based spreadsheet row number

    def field_of(self, header: str) -> str | None:
        return next(entry.field for entry in self.guess.mapping if entry.header == header)

    def mapped(self) -> dict[str, str | None]:
        return {entry.header: entry.field for entry in self.guess.mapping}


def sheet(title: str | None, headers: Sequence[str], *rows: Sequence[Cell]) -> list[list[Cell]]:
    """A title row (merged cells read as the title then empties) and a blank row above the
    header when ``title`` is given."""
    width = len(headers)
    top: list[list[Cell]] = []
    if title is not None:
        top = [[title] + [None] * (width - 1), [None] * width]
    return [*top, list(headers), *(list(row) + [None] * (width - len(row)) for row in rows)]


def read(rows: list[list[Cell]], mapping: Sequence[ColumnMapping] | None = None) -> ReadSheet:
    header_row = find_header_row(rows)
    assert header_row is not None
    headers = [str(cell) if cell is not None else "" for cell in rows[header_row]]
    guess = recognise(headers)
    parsed = parse_rows(
        rows[header_row + 1 :],
        first_row_number=header_row + 2,
        mapping=mapping or guess.mapping,
        target=guess.target,
        layout=guess.layout,
        local_zone=CST,
    )
    return ReadSheet(header_row, guess, {row.row: row for row in parsed})
