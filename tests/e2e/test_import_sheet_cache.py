"""The import service parses a sheet once for inspect, preview, dry run and run — but a file
changed in between is read again, never from the parse of its old content."""

from __future__ import annotations

import os
from pathlib import Path

import xlsxwriter  # type: ignore[import-untyped]

from desktop.services.import_api import ImportCounts
from desktop.services.imports import ImportService
from tests.e2e.test_import_files import EXPECTED_MEMBERS, membership_xlsx, request_for
from tests.support.shops import ShopFixture


def two_members(path: Path) -> Path:
    """The same layout as membership_xlsx, other content: two new members."""
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("说明").write_row(0, 0, ["本表由店长维护"])
    sheet = book.add_worksheet("会员")
    sheet.write_row(0, 0, ["老王杂货店会员登记表"])
    sheet.write_row(1, 0, ["会员卡号", "姓名", "性别", "手机号", "生日", "积分", "储值余额",
                           "备注"])
    sheet.write_row(2, 0, ["VIP101", "钱七", "女", "13800000101"])
    sheet.write_row(3, 0, ["VIP102", "孙八", "男", "13800000102"])
    book.close()
    return path


def test_run_reads_the_file_as_it_is_now(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "会员登记表.xlsx")
    request = request_for(service, shop.owner, path)
    assert service.dry_run(shop.owner, request).counts == EXPECTED_MEMBERS
    two_members(path)
    os.utime(path, ns=(1, 1))  # another modification time whatever the clock's resolution
    result = service.run(shop.owner, request)
    assert result.counts == ImportCounts(created=2, customers_created=2)
    conn = shop.workspace.shop.db.conn
    assert conn.execute("SELECT member_no FROM customers ORDER BY member_no").fetchall() == [
        ("VIP101",), ("VIP102",)]


def test_steps_after_forget_file_and_after_a_run_read_the_file_again(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "会员登记表.xlsx")
    request = request_for(service, shop.owner, path)
    service.forget_file()
    assert service.dry_run(shop.owner, request).counts == EXPECTED_MEMBERS
    assert service.run(shop.owner, request).counts == EXPECTED_MEMBERS
    assert service.dry_run(shop.owner, request).counts == ImportCounts(
        skipped=4, duplicates=1, rejected=1, skipped_blank=1, skipped_summary=1)
