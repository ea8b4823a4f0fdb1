"""Reading real .xlsx workbooks (written here with xlsxwriter and openpyxl) through
``open_source``: sheets, cached formula values, exact numbers, dates, merged titles."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
import python_calamine
import xlsxwriter

from desktop.exchange import files_xlsx
from desktop.exchange.source_files import ImportFileError, SheetInfo, open_source
from tests.unit.exchange.files_support import simple_xlsx


def membership_workbook(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    clock = book.add_format({"num_format": "hh:mm"})
    members = book.add_worksheet("会员登记表")
    members.merge_range("A1:F1", "老王杂货店 会员登记表")
    members.write_row(2, 0, ["会员卡号", "姓名", "手机号", "生日", "储值余额", "积分合计"])
    members.write_string(3, 0, "M0001")
    members.write_string(3, 1, "张三")
    members.write_number(3, 2, 13812345678)
    members.write_datetime(3, 3, datetime(1990, 3, 7), dates)
    members.write_number(3, 4, 88.5)
    members.write_formula(3, 5, "=100+20", None, 120)
    members.write_string(4, 0, "M0002")
    members.write_string(4, 1, "  李四 ")
    members.write_number(4, 2, 13998765432)
    members.write_datetime(4, 3, datetime(2024, 1, 5, 10, 30), stamp)
    members.write_number(4, 4, 1.5)
    members.write_formula(4, 5, '="V"&"IP"', None, "VIP")
    members.write_datetime(4, 6, datetime(1899, 12, 31, 9, 15), clock)
    orders = book.add_worksheet("订单")
    orders.write_row(0, 0, ["订单编号", "金额"])
    orders.write_string(1, 0, "1234567890123456789")
    orders.write_number(1, 1, 100)
    notes = book.add_worksheet("说明")
    notes.hide()
    notes.write(0, 0, "内部备注")
    book.add_chartsheet("图表").set_chart(_chart(book))
    book.close()
    return path


def _chart(book: xlsxwriter.Workbook) -> object:
    chart = book.add_chart({"type": "column"})
    chart.add_series({"values": "='订单'!$B$2:$B$2"})
    return chart


def test_sheets_with_visibility_and_row_counts_chart_sheets_left_out(tmp_path):
    with open_source(membership_workbook(tmp_path / "会员.xlsx")) as source:
        assert source.kind == "xlsx"
        assert source.encoding is None
        assert source.file_name == "会员.xlsx"
        assert source.sheets == (
            SheetInfo("会员登记表", rows=5, hidden=False),
            SheetInfo("订单", rows=2, hidden=False),
            SheetInfo("说明", rows=None, hidden=True),  # dimension "A1": unknown
        )


def test_cells_cached_formulas_exact_numbers_dates_merged_title(tmp_path):
    with open_source(membership_workbook(tmp_path / "会员.xlsx")) as source:
        rows = list(source.rows("会员登记表"))
    assert rows == [
        ("老王杂货店 会员登记表",),  # merged A1:F1: the value sits in the top-left cell only
        (),
        ("会员卡号", "姓名", "手机号", "生日", "储值余额", "积分合计"),
        ("M0001", "张三", 13812345678, date(1990, 3, 7), 88.5, 120),
        ("M0002", "  李四 ", 13998765432, datetime(2024, 1, 5, 10, 30), 1.5, "VIP", time(9, 15)),
    ]
    phone = rows[3][2]
    assert type(phone) is int  # not 13812345678.0
    assert type(rows[3][5]) is int  # a whole cached formula value


def test_order_numbers_stay_text_and_rows_can_be_read_again(tmp_path):
    with open_source(membership_workbook(tmp_path / "会员.xlsx")) as source:
        first = list(source.rows("订单"))
        again = list(source.rows("订单"))
    assert first == again == [("订单编号", "金额"), ("1234567890123456789", 100)]


def test_hidden_sheet_is_readable(tmp_path):
    with open_source(membership_workbook(tmp_path / "会员.xlsx")) as source:
        assert list(source.rows("说明")) == [("内部备注",)]


def test_leading_empty_columns_and_rows_keep_sheet_positions(tmp_path):
    book = xlsxwriter.Workbook(str(tmp_path / "offset.xlsx"))
    sheet = book.add_worksheet("客户")
    sheet.write_row(2, 2, ["姓名", "手机"])
    sheet.write_row(3, 2, ["王五", 13700000000])
    sheet.write(5, 3, "only D6")
    book.close()
    with open_source(tmp_path / "offset.xlsx") as source:
        assert list(source.rows("客户")) == [
            (),
            (),
            (None, None, "姓名", "手机"),
            (None, None, "王五", 13700000000),
            (),
            (None, None, None, "only D6"),
        ]


def test_ragged_rows_trailing_empties_dropped_and_text_kept_verbatim(tmp_path):
    path = simple_xlsx(
        tmp_path / "ragged.xlsx",
        [["a", "b", "c", "d"], ["x", None, None, None], [None, "=HYPERLINK(1)", None, "-2+3"]],
    )
    with open_source(path) as source:
        rows = list(source.rows("Sheet1"))
    assert rows == [("a", "b", "c", "d"), ("x",), (None, "=HYPERLINK(1)", None, "-2+3")]


def test_workbook_written_by_openpyxl(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Customers"
    sheet.append(["Name", "Phone", "Joined", "Spent"])
    sheet.append(["Ann", 15912345678, datetime(2023, 5, 6), 12.25])
    second = book.create_sheet("Hidden")
    second.sheet_state = "hidden"
    book.save(tmp_path / "openpyxl.xlsx")
    with open_source(tmp_path / "openpyxl.xlsx") as source:
        assert [s.name for s in source.sheets] == ["Customers", "Hidden"]
        assert source.sheets[1].hidden
        rows = list(source.rows("Customers"))
    assert rows[1][:2] == ("Ann", 15912345678)
    assert rows[1][2] in (datetime(2023, 5, 6), date(2023, 5, 6))
    assert rows[1][3] == 12.25


def test_a_csv_named_xlsx_is_read_as_csv(tmp_path):
    path = tmp_path / "导出.xlsx"
    path.write_text("姓名,手机\n张三,13812345678\n", encoding="utf-8")
    with open_source(path) as source:
        assert source.kind == "csv"
        assert list(source.rows(source.sheets[0].name)) == [
            ("姓名", "手机"),
            ("张三", "13812345678"),
        ]


def test_unknown_sheet_is_a_clear_error(tmp_path):
    with (
        open_source(simple_xlsx(tmp_path / "a.xlsx", [["x"]])) as source,
        pytest.raises(ImportFileError) as caught,
    ):
        source.rows("Nope")
    assert "a.xlsx" in str(caught.value)


def test_openpyxl_reads_when_calamine_cannot(tmp_path, monkeypatch):
    path = membership_workbook(tmp_path / "会员.xlsx")

    def refuse(self, name):
        raise python_calamine.CalamineError("calamine cannot read this one")

    with open_source(path) as source:
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", refuse)
        rows = list(source.rows("订单"))
    assert rows == [("订单编号", "金额"), ("1234567890123456789", 100)]


def test_damaged_sheet_after_checks_is_one_clear_error(tmp_path, monkeypatch):
    path = membership_workbook(tmp_path / "会员.xlsx")

    def refuse(self, name):
        raise python_calamine.XmlError("broken")

    def openpyxl_fails(*args, **kwargs):
        raise KeyError("no such part")

    with open_source(path) as source:
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", refuse)
        monkeypatch.setattr(openpyxl, "load_workbook", openpyxl_fails)
        with pytest.raises(ImportFileError) as caught:
            list(source.rows("订单"))
    assert caught.value.problem.startswith("the file is damaged")


def test_durations_become_times_or_text():
    from datetime import timedelta

    assert files_xlsx._cells([timedelta(hours=9, minutes=15)], ()) == (time(9, 15),)
    assert files_xlsx._cells([timedelta(days=1, hours=6)], ()) == ("30:00:00",)


def test_row_counts_for_sheet_names_with_markup_characters(tmp_path):
    book = xlsxwriter.Workbook(str(tmp_path / "names.xlsx"))
    for index, name in enumerate(["会员&积分", "<订单>", "客户 'A' 表"]):
        sheet = book.add_worksheet(name)
        for row in range(index + 2):
            sheet.write(row, 0, f"r{row}")
    book.close()
    with open_source(tmp_path / "names.xlsx") as source:
        assert [(s.name, s.rows) for s in source.sheets] == [
            ("会员&积分", 2),
            ("<订单>", 3),
            ("客户 'A' 表", 4),
        ]
        assert list(source.rows("<订单>")) == [("r0",), ("r1",), ("r2",)]


def test_row_count_unknown_when_the_dimension_is_a_bare_cell(tmp_path):
    source_path = simple_xlsx(tmp_path / "a.xlsx", [["x"], ["y"], ["z"]])
    import re
    import zipfile

    from tests.unit.exchange.files_support import rewrite_zip

    with zipfile.ZipFile(source_path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    bare = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', sheet)
    assert bare != sheet
    path = rewrite_zip(source_path, tmp_path / "b.xlsx", replace={"xl/worksheets/sheet1.xml": bare})
    with open_source(path) as source:
        assert source.sheets[0].rows is None
        assert list(source.rows("Sheet1")) == [("x",), ("y",), ("z",)]


def test_openpyxl_opens_what_calamine_cannot(tmp_path, monkeypatch):
    path = membership_workbook(tmp_path / "会员.xlsx")

    class CalamineRefuses:
        @classmethod
        def from_path(cls, path):
            raise python_calamine.CalamineError("calamine cannot open this one")

    monkeypatch.setattr(files_xlsx, "CalamineWorkbook", CalamineRefuses)
    with open_source(path) as source:
        assert source.sheets == (
            SheetInfo("会员登记表", rows=5, hidden=False),
            SheetInfo("订单", rows=2, hidden=False),
            SheetInfo("说明", rows=None, hidden=True),
        )
        rows = list(source.rows("会员登记表"))
    assert rows[3] == ("M0001", "张三", 13812345678, datetime(1990, 3, 7), 88.5, 120)
    assert type(rows[3][2]) is int
    assert rows[0] == ("老王杂货店 会员登记表",)


@pytest.mark.parametrize("name", ["会员.xls", "会员.XLS", "会员.xlsb", "会员.ods", "会员"])
def test_an_xlsx_under_another_name_is_read_by_its_content(tmp_path, name):
    """A program that saved an .xlsx under an old name ("会员.xls"): the content decides."""
    expected = membership_workbook(tmp_path / "会员.xlsx")
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    path = renamed / name
    path.write_bytes(expected.read_bytes())
    with open_source(expected) as source:
        sheets, rows = source.sheets, list(source.rows("会员登记表"))
    with open_source(path) as source:
        assert source.kind == "xlsx"
        assert source.sheets == sheets
        assert list(source.rows("会员登记表")) == rows
    assert rows[3][:3] == ("M0001", "张三", 13812345678)


def test_openpyxl_reads_an_xlsx_named_xls_when_calamine_cannot(tmp_path, monkeypatch):
    path = tmp_path / "会员.xls"
    path.write_bytes(membership_workbook(tmp_path / "会员.xlsx").read_bytes())

    class CalamineRefuses:
        @classmethod
        def from_filelike(cls, handle):
            raise python_calamine.CalamineError("calamine cannot open this one")

    monkeypatch.setattr(files_xlsx, "CalamineWorkbook", CalamineRefuses)
    with open_source(path) as source:
        assert [sheet.name for sheet in source.sheets] == ["会员登记表", "订单", "说明"]
        assert list(source.rows("会员登记表"))[3][:3] == ("M0001", "张三", 13812345678)


def test_when_neither_reader_can_open_it_the_file_is_damaged(tmp_path, monkeypatch):
    path = membership_workbook(tmp_path / "会员.xlsx")

    class CalamineRefuses:
        @classmethod
        def from_path(cls, path):
            raise python_calamine.CalamineError("no")

    def openpyxl_fails(*args, **kwargs):
        raise KeyError("no such part")

    monkeypatch.setattr(files_xlsx, "CalamineWorkbook", CalamineRefuses)
    monkeypatch.setattr(openpyxl, "load_workbook", openpyxl_fails)
    with pytest.raises(ImportFileError) as caught:
        open_source(path)
    assert caught.value.problem.startswith("the file is damaged")


class PanicException(BaseException):
    """Stands in for pyo3's PanicException: a Rust panic surfaces as a BaseException."""


def test_a_calamine_panic_falls_back_but_ctrl_c_does_not(tmp_path, monkeypatch):
    path = membership_workbook(tmp_path / "会员.xlsx")

    def panic(self, name):
        raise PanicException("index out of bounds")

    with open_source(path) as source:
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", panic)
        assert list(source.rows("订单"))[1] == ("1234567890123456789", 100)

        def interrupted(self, name):
            raise KeyboardInterrupt

        monkeypatch.setattr(python_calamine.CalamineWorkbook, "get_sheet_by_name", interrupted)
        with pytest.raises(KeyboardInterrupt):
            list(source.rows("订单"))
