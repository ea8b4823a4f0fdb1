"""The file side of the import service: what a file holds, a sheet's preview, the parsed rows
of a request, and the error workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from typing import Final

from desktop.core.errors import ShopVaultError
from desktop.core.import_types import Cell, ImportTarget, ParsedRow, RowAction, RowIssue
from desktop.exchange import error_workbook
from desktop.exchange.files_errors import COLUMNS_CHANGED, ImportFileError
from desktop.exchange.header import find_header_row
from desktop.exchange.layouts import recognise, suggest_target
from desktop.exchange.rows import parse_rows
from desktop.exchange.source_files import SourceFile
from desktop.exchange.synonyms import header_key
from desktop.services.import_api import (
    DryRunReport,
    FileOverview,
    ImportRequest,
    SheetChoice,
    SheetPreview,
)

HEADER_SCAN: Final = 30  # non-blank rows searched for the header
HEADER_SCAN_LIMIT: Final = 1000  # rows read at most while searching (blank ones included)
PREVIEW_ROWS: Final = 50
ROWS_BELOW_HEADER: Final = 10  # shown in the preview under a header found far down
ERROR_COLUMN: Final = "Problems"
ERROR_SHEET: Final = "Rows with errors"
WARNING_MARK: Final = "Warning: {reason}"


class SheetNotFoundError(ShopVaultError):
    message = "The file {file} has no sheet called {sheet}."


class EmptySheetError(ShopVaultError):
    message = (
        "The sheet {sheet} of {file} is empty: there is nothing in it to import. Choose "
        "another sheet or another file."
    )


class HeaderRowError(ShopVaultError):
    message = "Row {row} is not in the sheet {sheet}; choose a row that holds the column names."


def display(cell: Cell) -> str:
    """A cell as the preview shows it."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ", timespec="seconds")
    if isinstance(cell, date | time):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def header_texts(cells: Sequence[Cell]) -> list[str]:
    return [display(cell).strip() for cell in cells]


def _check_sheet(source: SourceFile, sheet: str) -> None:
    if sheet not in {info.name for info in source.sheets}:
        raise SheetNotFoundError(file=source.file_name, sheet=sheet)


def is_blank(row: Sequence[Cell]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row)


def scan_head(rows: Iterator[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """The top of a sheet as far as the header is looked for: up to ``HEADER_SCAN`` non-blank
    rows, so a header below a title and a run of blank rows is still found."""
    head: list[tuple[Cell, ...]] = []
    filled = 0
    for row in islice(rows, HEADER_SCAN_LIMIT):
        head.append(row)
        filled += not is_blank(row)
        if filled >= HEADER_SCAN:
            break
    return head


def overview(source: SourceFile) -> FileOverview:
    choices: list[SheetChoice] = []
    for info in source.sheets:
        head = scan_head(source.rows(info.name))
        header = find_header_row(head, len(head))
        target, score = (None, 0.0)
        if header is not None:
            target, score = suggest_target(header_texts(head[header]))
        choices.append(SheetChoice(info.name, info.rows, target, score))
    hidden = {info.name for info in source.sheets if info.hidden}
    ranked = sorted(
        choices,
        key=lambda c: (c.name not in hidden, c.looks_like is ImportTarget.CUSTOMERS,
                       c.looks_like is not None, c.score),
        reverse=True,
    )
    suggested = ranked[0].name if ranked else ""
    return FileOverview(source.file_name, source.kind, source.encoding, tuple(choices), suggested)


def preview(source: SourceFile, sheet: str, header_row: int | None) -> SheetPreview:
    _check_sheet(source, sheet)
    if header_row is None:
        scanned = scan_head(source.rows(sheet))
        header_row = find_header_row(scanned, len(scanned)) or 0
    wanted = max(PREVIEW_ROWS, header_row + 1 + ROWS_BELOW_HEADER)
    head = list(islice(source.rows(sheet), wanted))
    if header_row < 0 or (head and header_row >= len(head)):
        raise HeaderRowError(row=header_row + 1, sheet=sheet)
    headers = header_texts(head[header_row]) if head else []
    guess = recognise(headers)
    return SheetPreview(
        sheet=sheet,
        header_row=header_row,
        top_rows=tuple(tuple(display(cell) for cell in row) for row in head),
        layout=guess.layout,
        layout_name=guess.layout_name,
        target=guess.target,
        mapping=guess.mapping,
        unsure_columns=guess.unsure,
    )


def expected_rows(source: SourceFile, request: ImportRequest) -> int:
    for info in source.sheets:
        if info.name == request.sheet and info.rows is not None:
            return max(info.rows - request.header_row - 1, 0)
    return 0


def parsed_rows(source: SourceFile, request: ImportRequest) -> Iterator[ParsedRow]:
    """The rows after the header, parsed. Without ``request.layout`` the layout is
    recognised again from the header row (it tells the platform, time zone, date order)."""
    _check_sheet(source, request.sheet)
    rows = source.rows(request.sheet)
    head = list(islice(rows, request.header_row + 1))
    _check_columns(source, request, head[request.header_row] if len(head) > request.header_row
                   else ())
    layout = request.layout
    if layout is None and len(head) == request.header_row + 1:
        guess = recognise(header_texts(head[-1]))
        layout = guess.layout if guess.target is request.target else None
    return parse_rows(
        rows,
        first_row_number=request.header_row + 2,
        mapping=request.mapping,
        target=request.target,
        layout=layout,
    )


def _check_columns(source: SourceFile, request: ImportRequest, header: Sequence[Cell]) -> None:
    """Every mapped column still has the name it was matched by: a file edited after its
    columns were matched (a column inserted, the header moved) is refused, not imported
    into the wrong fields."""
    names = header_texts(header)
    for column in request.mapping:
        if column.field is None:
            continue
        now = names[column.column] if column.column < len(names) else ""
        if header_key(now) != header_key(column.header):
            raise ImportFileError(source.file_name, problem=COLUMNS_CHANGED)


def write_error_workbook(
    source: SourceFile, request: ImportRequest, report: DryRunReport, out: Path,
    translate: Callable[[str], str] | None = None,
    describe: Callable[[Sequence[RowIssue]], str] | None = None,
) -> int:
    """The header row and every row with an error, cells as they were, plus the reasons:
    the row's errors, then its warnings (``describe`` marks those by ``issue.warning``), so
    that everything in the row can be fixed in one pass. Rows with warnings only were
    imported and are not listed."""
    _check_sheet(source, request.sheet)
    tr = translate or (lambda text: text)

    def plain(issues: Sequence[RowIssue]) -> str:
        texts = [tr(issue.reason).format(**issue.params) for issue in issues]
        return "; ".join(tr(WARNING_MARK).format(reason=text) if issue.warning else text
                         for issue, text in zip(issues, texts, strict=True))

    words = describe or plain
    reasons = {
        # Errors first, warnings after them (sorted is stable: each keeps its column order).
        outcome.row: words(sorted(outcome.issues, key=lambda issue: issue.warning))
        for outcome in report.rows if outcome.action is RowAction.ERROR
    }
    return error_workbook.write(
        source.rows(request.sheet), request.header_row, reasons, out, tr(ERROR_COLUMN),
        sheet_name=tr(ERROR_SHEET),
    )
