"""The import service parses a sheet once for inspect, preview, dry run and run — but a file
changed in between is read again, never from the parse of its old content."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from desktop.exchange import files_errors as problems
from desktop.exchange import files_xlsx
from desktop.exchange.source_files import FileLimits, ImportFileError
from desktop.services.import_api import ImportCounts
from desktop.services.imports import ImportService
from tests.e2e.test_import_files import EXPECTED_MEMBERS, membership_xlsx, request_for
from tests.support.shops import ShopFixture
from tests.unit.exchange.files_support import rewrite_zip


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


def test_a_file_changed_after_the_dry_run_is_checked_and_run_as_it_is_now(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "会员登记表.xlsx")
    request = request_for(service, shop.owner, path)
    assert service.dry_run(shop.owner, request).counts == EXPECTED_MEMBERS
    two_members(path)
    os.utime(path, ns=(1, 1))  # another modification time whatever the clock's resolution
    with pytest.raises(ImportFileError) as caught:  # not imported unseen
        service.run(shop.owner, request)
    assert caught.value.problem == problems.CHANGED_SINCE_CHECK
    assert service.dry_run(shop.owner, request).counts == ImportCounts(
        created=2, customers_created=2)  # the new content, not the parse of the old
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


def test_an_unchanged_file_is_safety_checked_once_a_changed_one_again(
    shop: ShopFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str] = []
    real_check = files_xlsx.check_workbook_zip

    def counted(archive: zipfile.ZipFile, file_name: str, limits: FileLimits) -> None:
        checks.append(file_name)
        real_check(archive, file_name, limits)

    monkeypatch.setattr(files_xlsx, "check_workbook_zip", counted)
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "会员登记表.xlsx")
    request = request_for(service, shop.owner, path)  # inspect and preview
    assert service.dry_run(shop.owner, request).counts == EXPECTED_MEMBERS
    assert len(checks) == 1

    # The same name, size and content, another modification time: checked again.
    os.utime(path, ns=(1, 1))
    assert service.dry_run(shop.owner, request).counts == EXPECTED_MEMBERS
    assert len(checks) == 2
    service.forget_file()
    assert service.run(shop.owner, request).counts == EXPECTED_MEMBERS
    assert len(checks) == 3


def test_a_file_turned_into_a_zip_bomb_after_the_preview_is_refused(
    shop: ShopFixture, tmp_path: Path
) -> None:
    service = ImportService(shop.workspace)
    path = membership_xlsx(tmp_path / "会员登记表.xlsx")
    request = request_for(service, shop.owner, path)
    bomb = rewrite_zip(path, tmp_path / "bomb.xlsx",
                       add={"xl/media/padding.xml": b"<a/>" + bytes(8 << 20)})
    bomb.replace(path)
    with pytest.raises(ImportFileError) as caught:
        service.run(shop.owner, request)
    assert caught.value.problem == problems.UNSAFE_WORKBOOK
    assert shop.workspace.shop.db.conn.execute("SELECT count(*) FROM customers").fetchone() == (0,)
