"""parse_rows on real files (an .xlsx written with openpyxl and read back with calamine, a CSV
in GB18030) and on the row-level rules: row numbers, several columns for one field."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from desktop.core.import_types import (
    Cell,
    ColumnMapping,
    CustomerFields,
    ImportTarget,
    ParsedRow,
    RowIssue,
    RowKind,
)
from desktop.exchange import cells
from desktop.exchange.header import find_header_row
from desktop.exchange.layouts import recognise
from desktop.exchange.rows import ORDER_NO_MISSING, parse_rows
from tests.unit.exchange.layout_support import CST


def _as_reader_cells(row: list[object]) -> tuple[Cell, ...]:
    """What the file layer hands over: whole numbers as int, empty strings as None."""
    out: list[Cell] = []
    for value in row:
        if isinstance(value, float) and value.is_integer():
            out.append(int(value))
        elif value == "":
            out.append(None)
        else:
            out.append(value)  # type: ignore[arg-type]
    return tuple(out)


def _parse_all(rows: list[tuple[Cell, ...]]) -> tuple[str | None, list[ParsedRow]]:
    header = find_header_row(rows)
    assert header is not None
    guess = recognise([str(cell or "") for cell in rows[header]])
    parsed = parse_rows(
        rows[header + 1 :], first_row_number=header + 2, mapping=guess.mapping,
        target=guess.target, layout=guess.layout, local_zone=CST,
    )
    return guess.layout, list(parsed)


def test_real_xlsx_cells_read_back_with_calamine(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "会员"
    sheet.append(["XX 茶行会员表"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["会员卡号", "姓名", "手机号", "生日", "积分", "储值余额", "身份证号"])
    sheet.append([800001, "张三", 13812345678, date(1990, 1, 5), 1200, 88.5,
                  "11010519491231002X"])
    sheet.append(["000802", "＝李四", "139 8765 4321", "1990年2月3日", "300", "¥12.00",
                  4.40106199001011e17])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["合计", None, None, None, 1500, 100.5])
    path = tmp_path / "members.xlsx"
    book.save(path)

    workbook = CalamineWorkbook.from_path(str(path))
    raw = workbook.get_sheet_by_name("会员").to_python(skip_empty_area=False)
    rows = [_as_reader_cells(list(row)) for row in raw]
    layout, parsed = _parse_all(rows)

    assert layout == "membership_sheet"
    assert [row.row for row in parsed] == [4, 5, 6, 7]
    assert parsed[0].customer == CustomerFields(
        member_no="800001", name="张三", phone="+8613812345678", birthday="1990-01-05",
        points=1200, balance_cents=8850, id_number="11010519491231002X",
    )
    assert parsed[1].customer is not None
    assert parsed[1].customer.member_no == "000802"
    assert parsed[1].customer.name == "=李四"  # NFKC, kept as text, never evaluated
    assert parsed[1].issues == (RowIssue(5, "customer.id_number", cells.EXCEL_ROUNDED),)
    assert [row.kind for row in parsed[2:]] == [RowKind.BLANK, RowKind.SUMMARY]


def test_real_gb18030_csv(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    with path.open("w", encoding="gb18030", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["订单号", "下单时间", "客户姓名", "手机", "商品名称", "数量", "金额"])
        writer.writerow(["\t4401061990010112345", "2024/3/1 14:30", "周八", "13812345678",
                         "茶叶", "2", "￥60.00"])
        writer.writerow(["", "2024/3/2", "吴九", "13812345679", "茶杯", "1", "10"])
    with path.open(encoding="gb18030", newline="") as handle:
        rows = [_as_reader_cells(list(row)) for row in csv.reader(handle)]
    layout, parsed = _parse_all(rows)
    assert layout is None
    first = parsed[0]
    assert first.order is not None
    assert first.order.order_no == "4401061990010112345"
    assert first.order.ordered_at == datetime(2024, 3, 1, 6, 30).isoformat(
        timespec="microseconds") + "+00:00"
    assert first.order.total_cents == 6000
    assert first.customer == CustomerFields(name="周八", phone="+8613812345678")
    second = parsed[1]
    assert second.order is None
    assert second.issues == (RowIssue(3, "order.order_no", ORDER_NO_MISSING),)
    assert second.customer == CustomerFields(name="吴九", phone="+8613812345679")


def test_row_numbers_follow_the_spreadsheet() -> None:
    mapping = (ColumnMapping(0, "手机号", "customer.phone"),)
    rows: list[list[Cell]] = [["13812345678"], [None], ["bad"]]
    parsed = list(parse_rows(rows, first_row_number=10, mapping=mapping,
                             target=ImportTarget.CUSTOMERS))
    assert [row.row for row in parsed] == [10, 11, 12]
    assert parsed[2].issues[0].row == 12 and parsed[2].has_errors


def test_several_columns_for_one_field() -> None:
    mapping = (
        ColumnMapping(0, "手机", "customer.phone"),
        ColumnMapping(1, "电话", "customer.phone"),
        ColumnMapping(2, "省", "customer.address_detail"),
        ColumnMapping(3, "详细地址", "customer.address_detail"),
        ColumnMapping(4, "标签1", "customer.tags"),
        ColumnMapping(5, "标签2", "customer.tags"),
        ColumnMapping(6, "姓", "customer.last_name"),
        ColumnMapping(7, "名", "customer.first_name"),
        ColumnMapping(8, "备注", "customer.notes"),
        ColumnMapping(9, "说明", "customer.notes"),
    )
    rows: list[list[Cell]] = [
        [None, "13812345678", "广东省", "深圳市南山区科技园", "VIP", "VIP，团购", "欧阳", "小明",
         "爱喝绿茶", "周末到店"],
    ]
    (parsed,) = parse_rows(rows, first_row_number=2, mapping=mapping,
                           target=ImportTarget.CUSTOMERS)
    assert parsed.customer == CustomerFields(
        name="欧阳小明", phone="+8613812345678", address_detail="广东省 深圳市南山区科技园",
        tags=("VIP", "团购"), notes="爱喝绿茶; 周末到店",
    )


def test_rows_shorter_than_the_header_and_unknown_field_keys() -> None:
    mapping = (
        ColumnMapping(0, "姓名", "customer.name"),
        ColumnMapping(1, "手机", "customer.phone"),
        ColumnMapping(2, "旧字段", "customer.no_such_field"),  # e.g. from an old template
    )
    (parsed,) = parse_rows([["张三"]], first_row_number=2, mapping=mapping,
                           target=ImportTarget.CUSTOMERS)
    assert parsed.customer == CustomerFields(name="张三")


def test_customer_rows_always_carry_a_customer_even_without_identifiers() -> None:
    mapping = (ColumnMapping(0, "姓名", "customer.name"), ColumnMapping(1, "备注", None))
    (parsed,) = parse_rows([[None, "只写了备注"]], first_row_number=2, mapping=mapping,
                           target=ImportTarget.CUSTOMERS)
    # Only the unmapped column is filled: nothing to import, so the row counts as blank.
    assert parsed.kind is RowKind.BLANK
    (named,) = parse_rows([["张三", None]], first_row_number=2, mapping=mapping,
                          target=ImportTarget.CUSTOMERS)
    assert named.customer == CustomerFields(name="张三")
    assert named.customer is not None and not named.customer.has_identifier()


def test_repeated_values_keep_their_own_row_numbers_and_types() -> None:
    mapping = (
        ColumnMapping(0, "性别", "customer.gender"),
        ColumnMapping(1, "会员卡号", "customer.member_no"),
    )
    rows: list[list[Cell]] = [["男", 1], ["未知性别", 1.0], ["未知性别", True], ["男", "1"]]
    parsed = list(parse_rows(rows, first_row_number=5, mapping=mapping,
                             target=ImportTarget.CUSTOMERS))
    assert [row.customer.member_no if row.customer else None for row in parsed] == [
        "1", "1", "TRUE", "1",
    ]
    assert [row.customer.gender if row.customer else None for row in parsed] == [
        "male", None, None, "male",
    ]
    assert [issue.row for row in parsed for issue in row.issues] == [6, 7]


def test_nothing_mapped_rows_with_content_are_data_not_blank() -> None:
    mapping = (ColumnMapping(0, "姓名", None), ColumnMapping(1, "手机", None))
    parsed = list(parse_rows([["张三", "13812345678"], [None, None]], first_row_number=2,
                             mapping=mapping, target=ImportTarget.ORDERS))
    assert [row.kind for row in parsed] == [RowKind.DATA, RowKind.BLANK]
    assert parsed[0].order is None and parsed[0].customer is None
    assert parsed[0].issues == (RowIssue(2, "order.order_no", ORDER_NO_MISSING),)
