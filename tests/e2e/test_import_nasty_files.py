"""The ``import`` command (a real subprocess, a real shop) on files a QA pass found mishandled:
each either imports exactly or ends with one line naming the file and the problem."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from desktop.exchange.files_errors import (
    CHANGED_SINCE_CHECK,
    COLUMNS_CHANGED,
    MISSING,
    SHEET_TOO_FAR,
)
from desktop.exchange.source_files import ImportFileError
from desktop.services.import_api import ImportRequest
from desktop.services.imports import ImportService
from desktop.services.session import Session
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, cli_env, run_cli
from tests.unit.exchange.test_files_nasty import (
    workbook_with_a_stray_cell,
    workbook_with_unused_sheets,
)

JSON_KEYS = {"created", "updated", "duplicates", "rejected", "skipped_blank", "skipped_summary",
             "orders_created", "feedback_created", "errors"}


def import_cli(shop: ShopFixture, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                   "import", *args, stdin=OWNER_PASSWORD + "\n", env=cli_env(RUST_BACKTRACE="0"))


def one_line_refusal(result: subprocess.CompletedProcess[str], file_name: str) -> str:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"shopvault: Cannot import {file_name}: ")
    return lines[0]


def customers_in(shop: ShopFixture) -> int:
    count = shop.workspace.shop.db.conn.execute("SELECT count(*) FROM customers").fetchone()
    return int(count[0])


def test_a_workbook_with_excels_unused_sheets_imports(shop: ShopFixture, tmp_path: Path) -> None:
    path = workbook_with_unused_sheets(tmp_path / "会员 登记表.xlsx")
    dry = import_cli(shop, str(path), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert dry.stderr == ""
    found = json.loads(dry.stdout)
    assert found.keys() >= JSON_KEYS
    assert (found["created"], found["rejected"], found["errors"]) == (1, 0, [])
    done = import_cli(shop, str(path))
    assert done.returncode == 0, done.stderr
    assert "created 1," in done.stdout
    assert customers_in(shop) == 1


MEMBERS_HEADER = ["会员卡号", "姓名", "性别", "手机号"]
MEMBERS = [["VIP001", "张三", "男", "13800000001"], ["VIP002", "李四", "女", "13800000002"]]


def members_after_blank_rows(path: Path, blank_rows: int) -> Path:
    """A title, then ``blank_rows`` empty rows, then the header and two members."""
    rows = [["老王杂货店会员登记表"], *([[]] * blank_rows), MEMBERS_HEADER, *MEMBERS]
    if path.suffix == ".csv":
        path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
        return path
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("会员")
    for number, row in enumerate(rows):
        sheet.write_row(number, 0, row)
    book.close()
    return path


@pytest.mark.parametrize("name", ["members.xlsx", "members.csv"])
def test_a_header_below_many_blank_rows_is_found(shop: ShopFixture, tmp_path: Path,
                                                 name: str) -> None:
    path = members_after_blank_rows(tmp_path / name, 40)
    service = ImportService(shop.workspace)
    preview = service.preview(shop.owner, path, service.inspect(shop.owner, path).suggested_sheet)
    assert preview.header_row == 41
    assert preview.top_rows[41][:2] == ("会员卡号", "姓名")
    request = ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                            preview.mapping, layout=preview.layout)
    report = service.dry_run(shop.owner, request)
    assert (report.counts.created, report.counts.rejected) == (2, 0)


@pytest.mark.parametrize(("name", "content"), [
    ("bom.csv", b"\xef\xbb\xbf"),
    ("blank.csv", b"\r\n\n  \n"),
    ("tabs.txt", b"\t\t\n\t\t\n"),
    ("utf16.txt", "\n\n".encode("utf-16")),
])
def test_a_text_file_without_any_data_is_refused_in_one_line(
    shop: ShopFixture, tmp_path: Path, name: str, content: bytes
) -> None:
    (tmp_path / name).write_bytes(content)
    for args in (("--dry-run", "--json"), ()):
        result = import_cli(shop, str(tmp_path / name), *args)
        assert result.returncode == 1 and result.stdout == "", result.stdout
        assert result.stderr == (f"shopvault: The sheet {Path(name).stem} of {name} is empty: "
                                 "there is nothing in it to import. Choose another sheet or "
                                 "another file.\n")
    assert customers_in(shop) == 0


def test_a_workbook_of_empty_sheets_is_refused_in_one_line(
    shop: ShopFixture, tmp_path: Path
) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "空表.xlsx"))
    book.add_worksheet("Sheet1")
    book.add_worksheet("Sheet2").write_row(0, 0, ["", " "])
    book.close()
    result = import_cli(shop, str(tmp_path / "空表.xlsx"), "--dry-run", "--json")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "shopvault: The sheet Sheet1 of 空表.xlsx is empty: there is nothing in it to import. "
        "Choose another sheet or another file."]


def members_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    path.write_text("".join(",".join(row) + "\n" for row in [header, *rows]), encoding="utf-8")
    return path


def checked_request(service: ImportService, session: Session, path: Path) -> ImportRequest:
    preview = service.preview(session, path, service.inspect(session, path).suggested_sheet)
    return ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                         preview.mapping, layout=preview.layout)


def test_a_file_changed_after_the_dry_run_is_not_imported_unseen(
    shop: ShopFixture, tmp_path: Path
) -> None:
    path = members_csv(tmp_path / "会员.csv", MEMBERS_HEADER, MEMBERS)
    service = ImportService(shop.workspace)
    request = checked_request(service, shop.owner, path)
    assert service.dry_run(shop.owner, request).counts.created == 2
    members_csv(path, MEMBERS_HEADER, [*MEMBERS, ["VIP003", "王五", "", "13800000003"]])
    with pytest.raises(ImportFileError) as caught:
        service.run(shop.owner, request)
    assert (caught.value.file, caught.value.problem) == ("会员.csv", CHANGED_SINCE_CHECK)
    assert customers_in(shop) == 0
    assert service.dry_run(shop.owner, request).counts.created == 3  # checked again: fine
    assert service.run(shop.owner, request).counts.created == 3


def test_a_file_deleted_after_the_dry_run_changes_nothing(
    shop: ShopFixture, tmp_path: Path
) -> None:
    path = members_csv(tmp_path / "会员.csv", MEMBERS_HEADER, MEMBERS)
    service = ImportService(shop.workspace)
    request = checked_request(service, shop.owner, path)
    service.dry_run(shop.owner, request)
    path.unlink()
    with pytest.raises(ImportFileError) as caught:
        service.run(shop.owner, request)
    assert (caught.value.file, caught.value.problem) == ("会员.csv", MISSING)
    assert customers_in(shop) == 0


def test_columns_moved_after_matching_are_refused_not_imported_into_wrong_fields(
    shop: ShopFixture, tmp_path: Path
) -> None:
    path = members_csv(tmp_path / "会员.csv", MEMBERS_HEADER, MEMBERS)
    service = ImportService(shop.workspace)
    request = checked_request(service, shop.owner, path)
    # Edited in Excel after the columns were matched: 姓名 moved to the front.
    members_csv(path, ["姓名", "会员卡号", "性别", "手机号"],
                [[name, number, sex, phone] for number, name, sex, phone in MEMBERS])
    for step in (service.dry_run, service.run):
        with pytest.raises(ImportFileError) as caught:
            step(shop.owner, request)
        assert (caught.value.file, caught.value.problem) == ("会员.csv", COLUMNS_CHANGED)
    assert customers_in(shop) == 0


def test_an_unmapped_column_may_change_its_name(shop: ShopFixture, tmp_path: Path) -> None:
    path = members_csv(tmp_path / "会员.csv", [*MEMBERS_HEADER, "杂项"], MEMBERS)
    service = ImportService(shop.workspace)
    request = checked_request(service, shop.owner, path)
    assert [column.field for column in request.mapping][-1] is None
    members_csv(path, [*MEMBERS_HEADER, "其他"], MEMBERS)
    assert service.run(shop.owner, request).counts.created == 2


def test_an_unclosed_quote_is_refused_by_the_command_with_its_row(
    shop: ShopFixture, tmp_path: Path
) -> None:
    path = tmp_path / "会员 2024.csv"
    path.write_text("会员卡号,姓名,手机号\nVIP001,\"张三,13800000001\nVIP002,李四,13800000002\n",
                    encoding="gb18030")
    for args in (("--dry-run", "--json"), ()):
        line = one_line_refusal(import_cli(shop, str(path), *args), "会员 2024.csv")
        assert "row 2 " in line
    assert customers_in(shop) == 0


def test_a_cell_bomb_is_refused_in_one_line_not_a_crash(shop: ShopFixture, tmp_path: Path) -> None:
    path = workbook_with_a_stray_cell(tmp_path / "会员.xlsx", 1_048_575, 16_383)
    line = one_line_refusal(import_cli(shop, str(path), "--dry-run", "--json"), "会员.xlsx")
    assert line.endswith(SHEET_TOO_FAR)
