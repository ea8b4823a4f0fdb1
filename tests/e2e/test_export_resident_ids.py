"""Resident IDs in exports: a masked report (owner or manager) holds only the masked form;
the owner's unmasked report and data-subject copy hold the whole ID, opened with the owner
password those exports ask for; without it the copy refuses rather than mask silently."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from desktop.core.roles import Role
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.export_api import ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.exports_sensitive import FieldKeyNotOpenError
from desktop.services.session import Session
from tests.e2e.export_support import open_workbook, workbook_cells
from tests.support.shops import OWNER_PASSWORD

IDS = ("11010119900307002X", "110101199003071233")
MASKED = ("110101********002X", "110101********1233")
COLUMNS = ("customer.name", "customer.resident_id")


@pytest.fixture
def env(shop, tmp_path: Path):
    manager = Session(shop.workspace.accounts.add_user(
        shop.owner, "li", Role.MANAGER, "Manager-pass-99"))
    customers = CustomerService(shop.workspace)
    ids = [customers.add(manager, CustomerDraft(name=f"客户{n}", phone=f"1380000000{n}",
                                                resident_id=resident_id))
           for n, resident_id in enumerate(IDS, start=1)]
    customers.add(manager, CustomerDraft(name="无证件", phone="13800000009"))
    shop.workspace.field_keys.forget()  # as after a restart: the owner's key is shut
    return shop, ExportService(shop.workspace), manager, ids, tmp_path


def texts(book) -> list[str]:
    return [str(cell.value) for cell in workbook_cells(book)]


def digits_leak(values: list[str]) -> list[str]:
    return [v for v in values for resident_id in IDS if resident_id in v.replace(" ", "")]


def test_masked_exports_hold_only_the_masked_form(env) -> None:
    shop, service, manager, _ids, tmp = env
    for session in (manager, shop.owner):
        out = tmp / f"{session.user.username}.xlsx"
        service.export(session, ExportRequest(ReportKind.CUSTOMERS, out, columns=COLUMNS))
        values = texts(openpyxl.load_workbook(out))
        assert not digits_leak(values)
        assert set(MASKED) <= set(values)
        sheet = openpyxl.load_workbook(out)["Customers"]
        assert [c.value for c in sheet[1]] == ["Name", "Resident ID"]


def test_owner_unmasked_export_holds_the_whole_id(env) -> None:
    shop, service, _manager, _ids, tmp = env
    out = tmp / "all.xlsx"
    result = service.export_unmasked(
        shop.owner, ExportRequest(ReportKind.CUSTOMERS, out, columns=COLUMNS, purpose="审计"),
        OWNER_PASSWORD)
    values = texts(open_workbook(out, result.file_password))
    assert set(IDS) <= set(values)
    started = next(e for e in shop.workspace.shop.db.audit.iter_all()
                   if e.seq == result.audit_seq)
    assert "customer.resident_id" in json.loads(started.details)["columns"]
    assert not any(resident_id in started.details for resident_id in IDS)


def test_subject_copy_holds_the_whole_id_and_needs_the_key(env) -> None:
    shop, service, _manager, ids, tmp = env
    xlsx, js = tmp / "copy.xlsx", tmp / "copy.json"
    with pytest.raises(FieldKeyNotOpenError):
        service.export_subject_copy(shop.owner, ids[0], xlsx, js)
    assert not xlsx.exists() and not js.exists()
    service.export_subject_copy(shop.owner, ids[0], xlsx, js, owner_password=OWNER_PASSWORD)
    assert json.loads(js.read_text(encoding="utf-8"))["customer"]["resident_id"] == IDS[0]
    profile = {row[0].value: row[1].value for row in openpyxl.load_workbook(xlsx)["Profile"]
               .iter_rows(min_row=2)}
    assert profile["Resident ID"] == IDS[0]
