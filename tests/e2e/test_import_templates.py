"""Saved import templates on a real shop, through the service and the ``import`` command: a
sheet of the same shape finds its template, a sheet missing one of its columns says which, a
sheet with none of them is refused, names ignore case, and a template can be deleted."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from desktop.core.import_types import ColumnMapping
from desktop.services.import_api import ImportRequest, SheetPreview
from desktop.services.imports import ImportService
from desktop.services.imports_templates import TemplateDoesNotFitError, TemplateNotFoundError
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, cli_env, run_cli

HEADERS = ["序号", "xm", "dh", "sr", "操作员"]


def write_sheet(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "登记"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def pinyin_sheet(path: Path, headers: list[str] = HEADERS) -> Path:
    values = {"序号": 1, "xm": "周八", "dh": "13512345678", "sr": "1991-02-03",
              "操作员": "店长", "备注": "老客"}
    return write_sheet(path, headers, [[values.get(header) for header in headers]])


def fields(preview: SheetPreview) -> dict[str, str | None]:
    return {m.header: m.field for m in preview.mapping}


def save_as(service: ImportService, shop: ShopFixture, name: str, path: Path,
            change: dict[str, str | None]) -> SheetPreview:
    preview = service.preview(shop.owner, path, "登记")
    mapping = tuple(ColumnMapping(m.column, m.header, change.get(m.header, m.field))
                    for m in preview.mapping)
    service.save_template(shop.owner, name, ImportRequest(
        path, preview.sheet, preview.header_row, preview.target, mapping))
    return preview


def test_a_sheet_of_the_same_shape_finds_its_template(shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    first = pinyin_sheet(tmp_path / "五月.xlsx")
    save_as(service, shop, "登记表", first, {"sr": None})
    june = service.preview(shop.owner, pinyin_sheet(tmp_path / "六月.xlsx"), "登记")
    assert service.matching_template(shop.owner, june) == "登记表"
    applied = service.apply_template(shop.owner, "登记表", june)
    assert fields(applied) == {"序号": None, "xm": "customer.name", "dh": "customer.phone",
                               "sr": None, "操作员": None}
    assert (applied.template, applied.template_missing, applied.unsure_columns) == (
        "登记表", (), ())
    other = service.preview(shop.owner, pinyin_sheet(tmp_path / "x.xlsx", ["xm", "dh"]), "登记")
    assert service.matching_template(shop.owner, other) is None


def test_missing_columns_are_named_and_a_sheet_with_none_is_refused(
        shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    save_as(service, shop, "登记表", pinyin_sheet(tmp_path / "a.xlsx"), {})
    short = service.preview(shop.owner, pinyin_sheet(tmp_path / "b.xlsx", ["xm", "dh", "备注"]),
                            "登记")
    applied = service.apply_template(shop.owner, "登记表", short)
    assert applied.template_missing == ("sr",)
    assert fields(applied) == {"xm": "customer.name", "dh": "customer.phone", "备注": None}
    unrelated = write_sheet(tmp_path / "c.xlsx", ["姓名", "手机号"], [["张三", "13800000001"]])
    with pytest.raises(TemplateDoesNotFitError) as refused:
        service.apply_template(shop.owner, "登记表", service.preview(shop.owner, unrelated, "登记"))
    assert refused.value.text() == (
        "None of the columns of the template 登记表 are in the sheet 登记. Choose another "
        "template, or choose each column's field by hand.")


def test_names_ignore_case_and_a_template_can_be_deleted(
        shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    path = pinyin_sheet(tmp_path / "a.xlsx")
    save_as(service, shop, "Monthly", path, {})
    save_as(service, shop, "monthly", path, {"dh": None})
    assert service.templates(shop.owner) == ["monthly"]  # replaced, not a second one
    preview = service.preview(shop.owner, path, "登记")
    assert fields(service.apply_template(shop.owner, "MONTHLY", preview))["dh"] is None
    service.delete_template(shop.owner, "MONTHLY")
    assert service.templates(shop.owner) == []
    with pytest.raises(TemplateNotFoundError):
        service.delete_template(shop.owner, "monthly")
    actions = [row[0] for row in shop.workspace.shop.db.conn.execute(
        "SELECT action FROM audit_log ORDER BY seq")]
    assert actions[-3:] == ["import.template_saved", "import.template_saved",
                            "import.template_deleted"]


def test_the_command_applies_a_saved_template_and_names_missing_columns(
        shop: ShopFixture, tmp_path: Path) -> None:
    service = ImportService(shop.workspace)
    save_as(service, shop, "登记表", pinyin_sheet(tmp_path / "a.xlsx"), {})
    shop.workspace.close()
    short = pinyin_sheet(tmp_path / "六月.xlsx", ["xm", "dh", "备注"])

    def dry_run(*args: str):  # type: ignore[no-untyped-def]
        return run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                       "import", str(short), "--dry-run", "--json", *args,
                       stdin=OWNER_PASSWORD + "\n", env=cli_env())

    done = dry_run("--template", "登记表")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert (found["created"], found["rejected"], found["errors"]) == (1, 0, [])
    assert "Template 登记表: columns not in this sheet: sr; their fields stay empty." in (
        done.stderr)
    text = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                   "import", str(short), "--dry-run", "--template", "登记表",
                   stdin=OWNER_PASSWORD + "\n", env=cli_env())
    assert text.stdout.startswith("六月.xlsx, sheet 登记 (template 登记表, customers) — dry run")
    unknown = dry_run("--template", "没有这个")
    assert unknown.returncode != 0
    assert "There is no import template called 没有这个." in unknown.stderr
