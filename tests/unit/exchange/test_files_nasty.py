"""Files found in a QA pass over real shops' spreadsheets that the file layer once got wrong:
empty sheets beside the data (Excel's unused Sheet2/Sheet3), a CSV quote never closed."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from desktop.exchange.source_files import ImportFileError, open_source


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
