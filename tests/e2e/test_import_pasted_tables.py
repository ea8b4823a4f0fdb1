"""A hand-kept sheet made of monthly tables pasted one under another — each with its title
("二月") and its header row again — imports the members of every month: the repeated header
rows and their titles are skipped with a note, not rejected as bad phones or stored as a
customer whose member number is "二月"."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desktop.core.import_types import RowAction
from desktop.exchange.plan_reasons import HEADER_AGAIN, SUMMARY_ROW, TABLE_TITLE
from desktop.services.import_api import ImportCounts
from desktop.services.imports import ImportService
from tests.e2e.test_import_platform_exports import _request
from tests.support.shops import ShopFixture

HEADER = ["会员卡号", "姓名", "手机号", "积分", "备注"]


def _monthly_tables(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "会员"
    sheet.append(["2024年会员登记表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["一月"])
    sheet.append(HEADER)  # row 3: the header found
    sheet.append(["V001", "张三", "13800000001", 10, None])
    sheet.append(["V002", "李四", "13800000002", 20, None])
    sheet.append([])  # row 6
    sheet.append(["二月"])  # row 7, merged across the table like the first title
    sheet.merge_cells("A7:E7")
    sheet.append(HEADER)  # row 8
    sheet.append(["V003", "王五", "13800000003", 30, "二月新会员"])
    sheet.append(["合计", None, None, 60, None])  # row 10
    book.save(path)
    return path


def test_monthly_tables_pasted_together_import_every_member(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    request = _request(service, shop, _monthly_tables(tmp_path / "月度会员.xlsx"))
    assert request.header_row == 2

    report = service.dry_run(shop.owner, request)
    expected = ImportCounts(created=3, skipped_blank=1, skipped_summary=3, customers_created=3)
    assert report.counts == expected
    skipped = {row.row: [issue.reason for issue in row.issues]
               for row in report.rows if row.action is RowAction.SKIP}
    assert skipped == {6: skipped[6], 7: [TABLE_TITLE], 8: [HEADER_AGAIN], 10: [SUMMARY_ROW]}

    assert service.run(shop.owner, request).counts == expected
    members = shop.workspace.shop.db.conn.execute(
        "SELECT member_no FROM customers ORDER BY member_no").fetchall()
    assert [member for (member,) in members] == ["V001", "V002", "V003"]
