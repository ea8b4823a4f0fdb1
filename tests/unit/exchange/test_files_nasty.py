"""Files found in a QA pass over real shops' spreadsheets that the file layer once got wrong:
empty sheets beside the data (Excel's unused Sheet2/Sheet3), a CSV quote never closed."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from desktop.exchange.files_errors import (
    DAMAGED,
    SHEET_TOO_FAR,
    UNCLOSED_QUOTE,
    ImportFileError,
    UnclosedQuoteError,
)
from desktop.exchange.source_files import FileLimits, open_source


def workbook_with_unused_sheets(path: Path) -> Path:
    """What Excel 2007-2010 saves by default: the data on Sheet1, Sheet2 and Sheet3 empty."""
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Sheet1").write_row(0, 0, ["会员卡号", "姓名", "手机号"])
    book.worksheets()[0].write_row(1, 0, ["VIP001", "张三", "13800000001"])
    book.add_worksheet("Sheet2")
    book.add_worksheet("Sheet3")
    book.close()
    return path


def test_an_empty_sheet_has_no_rows(tmp_path: Path) -> None:
    with open_source(workbook_with_unused_sheets(tmp_path / "会员.xlsx")) as source:
        assert [sheet.name for sheet in source.sheets] == ["Sheet1", "Sheet2", "Sheet3"]
        assert list(source.rows("Sheet2")) == []
        assert list(source.rows("Sheet3")) == []
        assert list(source.rows("Sheet1"))[1] == ("VIP001", "张三", "13800000001")


MEMBERS = "会员卡号,姓名,手机号\n"


@pytest.mark.parametrize(("body", "row"), [
    ('VIP001,"张三,13800000001\nVIP002,李四,13800000002\nVIP003,王五,13800000003\n', 2),
    ('VIP001,张三,13800000001\nVIP002,李四,13800000002\n"VIP003,王五,13800000003', 4),
    ('VIP001,张三,"备注\n第二行"\n"VIP002,李四,13800000002\nVIP003,王五,13800000003\n', 3),
])
def test_a_quote_never_closed_is_refused_with_its_row(tmp_path: Path, body: str, row: int) -> None:
    path = tmp_path / "会员.csv"
    path.write_text(MEMBERS + body, encoding="utf-8")
    with pytest.raises(UnclosedQuoteError) as caught:
        open_source(path)
    assert (caught.value.file, caught.value.params["row"]) == ("会员.csv", row)
    assert caught.value.problem == UNCLOSED_QUOTE
    assert "会员.csv" in caught.value.text() and f"row {row} " in caught.value.text()


def test_quoting_excel_reads_leniently_is_still_read(tmp_path: Path) -> None:
    # Text after a closing quote and a quote inside an unquoted cell: Excel reads both.
    path = tmp_path / "会员.csv"
    path.write_text(MEMBERS + 'VIP001,"张"三,13800000001\nVIP002,李"四",13800000002\n',
                    encoding="utf-8")
    with open_source(path) as source:
        assert source.sheets[0].rows == 3
        assert list(source.rows(source.sheets[0].name))[1:] == [
            ("VIP001", "张三", "13800000001"), ("VIP002", '李"四"', "13800000002")]


@pytest.mark.parametrize("garbage", [b"garbage", b"\x00\x01\x02\x03", "乱码".encode("gbk")])
def test_a_garbled_xml_part_is_damaged_not_dangerous(tmp_path: Path, garbage: bytes) -> None:
    good = workbook_with_unused_sheets(tmp_path / "good.xlsx")
    path = tmp_path / "会员.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, garbage if item.filename == "xl/styles.xml"
                            else source.read(item))
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert (caught.value.file, caught.value.problem) == ("会员.xlsx", DAMAGED)


def workbook_with_a_stray_cell(path: Path, row: int, column: int) -> Path:
    """Members in A1:C2 and one value typed far away, at (row, column), 0-based."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("会员")
    sheet.write_row(0, 0, ["会员卡号", "姓名", "手机号"])
    sheet.write_row(1, 0, ["VIP001", "张三", "13800000001"])
    sheet.write_string(row, column, "x")
    book.close()
    return path


def test_a_stray_cell_in_the_far_corner_is_refused_before_calamine_sizes_the_grid(
    tmp_path: Path,
) -> None:
    # 5 KB on disk; calamine would ask for 1,048,576 x 16,384 cells (512 GiB) and abort.
    path = workbook_with_a_stray_cell(tmp_path / "会员.xlsx", 1_048_575, 16_383)
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert (caught.value.file, caught.value.problem) == ("会员.xlsx", SHEET_TOO_FAR)


@pytest.mark.parametrize(("row", "column", "cells"), [
    (1_048_575, 2, 1_048_576 * 26),  # far down, narrow: up to Z the width is taken as 26
    (2, 299, 3 * 300),  # 300 columns wide (KN), three rows
    (99, 701, 100 * 702),  # column ZZ
    (9, 16_383, 10 * 16_384),  # column XFD
])
def test_the_sheet_area_is_measured_from_its_rows_and_farthest_column(
    tmp_path: Path, row: int, column: int, cells: int
) -> None:
    path = workbook_with_a_stray_cell(tmp_path / "会员.xlsx", row, column)
    with open_source(path, limits=FileLimits(max_sheet_cells=cells)) as source:
        assert source.sheets[0].name == "会员"
    with pytest.raises(ImportFileError) as caught:
        open_source(path, limits=FileLimits(max_sheet_cells=cells - 1))
    assert caught.value.problem == SHEET_TOO_FAR
