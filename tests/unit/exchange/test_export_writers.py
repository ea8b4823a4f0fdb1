"""The .xlsx and .csv report writers on their own: typed cells, formula-looking text kept as
inert text, money and dates, encodings, sheet names."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.exchange.export_cells import (
    CellKind,
    Column,
    Sheet,
    csv_safe_text,
    starts_like_formula,
    yuan_text,
)
from desktop.exchange.export_csv import CsvReport
from desktop.exchange.export_xlsx import XlsxReport

SHEET = Sheet("客户", (
    Column("Text"), Column("Number", CellKind.INTEGER), Column("Money", CellKind.MONEY),
    Column("When", CellKind.DATETIME), Column("Day", CellKind.DATE),
))
NASTY = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠x",
         '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0"]


def _write_xlsx(path: Path, rows: list[list[object]]) -> None:
    with path.open("wb") as handle:
        report = XlsxReport(handle, path.parent, "Cover")
        writer = report.sheet(SHEET)
        for row in rows:
            writer.write(row)
        report.finish("Title", [("Label", "=not a formula"), ("Rows", "3")])


def test_xlsx_writes_every_formula_trigger_as_guarded_text(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    _write_xlsx(path, [[text, None, None, None, None] for text in NASTY])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cover", "客户"]
    cells = [row[0] for row in book["客户"].iter_rows(min_row=2)]
    # A CR is stored as the OOXML escape _x000D_ (Excel shows a line break; openpyxl does
    # not unescape inline strings).
    assert [c.value.replace("_x000D_", "\r") for c in cells] == NASTY
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix
    cover = book["Cover"]
    assert cover["B3"].value == "=not a formula" and cover["B3"].data_type == "s"


def test_xlsx_numbers_money_and_dates_keep_their_types(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    _write_xlsx(path, [
        ["13812345678", 42, -1250, datetime(2024, 1, 5, 10, 30), date(1990, 3, 7)],
        ["2024010512345678901", 0, 123456, "masked", "1990-**-**"],
    ])
    sheet = openpyxl.load_workbook(path)["客户"]
    first, second = list(sheet.iter_rows(min_row=2))
    assert first[0].value == "13812345678" and first[0].data_type == "s"
    assert first[1].value == 42 and first[1].data_type == "n"
    assert first[2].value == -12.5 and first[2].number_format == "¥#,##0.00"
    assert first[3].value == datetime(2024, 1, 5, 10, 30) and first[3].is_date
    assert first[4].value == datetime(1990, 3, 7) and first[4].number_format == "yyyy-mm-dd"
    assert second[0].value == "2024010512345678901" and second[0].data_type == "s"
    assert second[2].value == 1234.56
    assert second[3].value == "masked" and second[4].value == "1990-**-**"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:E1"
    assert sheet["A1"].font.bold


def test_xlsx_sheet_names_are_made_valid_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    with path.open("wb") as handle:
        report = XlsxReport(handle, tmp_path, "Cover")
        for name in ("a/b:c*?", "cover", "x" * 40, "x" * 40):
            report.sheet(Sheet(name, (Column("A"),)))
        report.finish("t", [])
    names = openpyxl.load_workbook(path).sheetnames
    assert names[:3] == ["Cover", "a_b_c__", "cover (2)"]
    assert len(set(names)) == 5 and all(len(n) <= 31 for n in names)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_guards_text_and_keeps_numbers(encoding: str) -> None:
    out = io.BytesIO()
    report = CsvReport(out, encoding, SHEET)
    for text in NASTY:
        report.write([text, -3, -1250, datetime(2024, 1, 5, 10, 30), date(1990, 3, 7)])
    report.write(["张三 ，“引号”\n换行", None, 0, None, "1990-**-**"])
    report.finish()
    raw = out.getvalue()
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw.decode(encoding), newline="")))
    assert rows[0] == ["Text", "Number", "Money", "When", "Day"]
    for row, text in zip(rows[1:], NASTY, strict=False):
        assert row == ["'" + text, "-3", "-12.50", "2024-01-05 10:30", "1990-03-07"]
    assert rows[-1] == ["张三 ，“引号”\n换行", "", "0.00", "", "1990-**-**"]


def test_cell_helpers() -> None:
    assert all(starts_like_formula(t) for t in NASTY)
    assert not starts_like_formula("") and not starts_like_formula("张=")
    assert csv_safe_text("=1") == "'=1" and csv_safe_text("ok") == "ok"
    assert yuan_text(-1) == "-0.01" and yuan_text(123456) == "1234.56" and yuan_text(0) == "0.00"
