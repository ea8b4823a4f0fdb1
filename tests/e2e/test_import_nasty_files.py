"""The ``import`` command (a real subprocess, a real shop) on files a QA pass found mishandled:
each either imports exactly or ends with one line naming the file and the problem."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from desktop.exchange.files_errors import EMPTY, NO_SHEETS
from desktop.exchange.source_files import ImportFileError
from desktop.services.import_api import ImportRequest
from desktop.services.imports import ImportService
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, cli_env, run_cli
from tests.unit.exchange.test_files_nasty import workbook_with_unused_sheets

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


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("bom.csv", b"\xef\xbb\xbf", EMPTY),
    ("blank.csv", b"\r\n\n  \n", EMPTY),
    ("tabs.txt", b"\t\t\n\t\t\n", EMPTY),
    ("utf16.txt", "\n\n".encode("utf-16"), EMPTY),
])
def test_a_text_file_without_any_data_is_refused_as_empty(
    shop: ShopFixture, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        ImportService(shop.workspace).inspect(shop.owner, path)
    assert (caught.value.file, caught.value.problem) == (name, problem)


def test_a_workbook_of_empty_sheets_is_refused_in_one_line(
    shop: ShopFixture, tmp_path: Path
) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "空表.xlsx"))
    book.add_worksheet("Sheet1")
    book.add_worksheet("Sheet2").write_row(0, 0, ["", " "])
    book.close()
    line = one_line_refusal(import_cli(shop, str(tmp_path / "空表.xlsx"), "--dry-run", "--json"),
                            "空表.xlsx")
    assert line.endswith(NO_SHEETS)
