"""Unmasked exports (owner, password re-entered, purpose, password-protected .xlsx, audited
with columns, rows and file hash) and the data-subject copy."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest

from desktop.core.errors import LoginThrottledError, PermissionDeniedError
from desktop.core.roles import Role
from desktop.services.consents import ConsentDraft, ConsentService
from desktop.services.customers import CustomerService
from desktop.services.export_api import ExportFormat, ExportRequest, ReportKind
from desktop.services.exports import (
    ExportService,
    PurposeRequiredError,
    UnmaskedCsvRefusedError,
    WrongOwnerPasswordError,
)
from desktop.services.session import Session
from tests.e2e.export_support import (
    PEOPLE,
    assert_no_live_formula,
    assert_types,
    leaks,
    open_workbook,
    seed,
    sessions,
    workbook_cells,
)
from tests.support.shops import OWNER_PASSWORD


@pytest.fixture
def env(shop, tmp_path: Path):
    ids = seed(shop.workspace)
    roles = sessions(shop.workspace)
    return shop, ExportService(shop.workspace), roles, ids, tmp_path


def _audit(shop) -> list:
    return list(shop.workspace.shop.db.audit.iter_all())


@pytest.mark.parametrize("kind", list(ReportKind))
def test_owner_unmasked_export_is_password_protected_and_audited(env, kind: ReportKind) -> None:
    shop, service, _roles, _ids, tmp = env
    out = tmp / f"{kind.value}.xlsx"
    result = service.export_unmasked(
        shop.owner, ExportRequest(kind, out, purpose="年度审计 for the accountant"),
        OWNER_PASSWORD)
    assert not result.masked and result.file_password and len(result.file_password) >= 20
    with pytest.raises(zipfile.BadZipFile):  # encrypted: an OLE container, not a zip
        openpyxl.load_workbook(out)
    with out.open("rb") as handle:
        assert msoffcrypto.OfficeFile(handle).is_encrypted()
    book = open_workbook(out, result.file_password)
    cells = list(workbook_cells(book))
    assert leaks(str(cell.value) for cell in cells)  # clear data: the scanner sees it
    assert_no_live_formula(cells)
    assert_types(book, kind)
    cover = {row[0].value: row[1].value for row in book["Cover"].iter_rows(min_row=3)
             if row[0].value}
    assert "NOT MASKED" in cover["Masking"]
    assert cover["Purpose"] == "年度审计 for the accountant"
    entries = _audit(shop)
    started = next(e for e in entries if e.seq == result.audit_seq)
    finished = entries[-1]
    assert started.action == "export.started" and '"masked": false' in started.details
    assert "columns" in json.loads(started.details)
    details = json.loads(finished.details)
    assert finished.action == "export.finished" and details["export_seq"] == result.audit_seq
    assert details["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest() == result.sha256
    assert details["rows"] == result.rows > 0
    assert not any(result.file_password in e.details for e in entries)
    assert list((shop.paths.home / "tmp").iterdir()) == []  # the plaintext copy is gone


def test_unmasked_needs_the_right_password_and_counts_failures(env) -> None:
    shop, service, _roles, _ids, tmp = env
    out = tmp / "c.xlsx"
    request = ExportRequest(ReportKind.CUSTOMERS, out, purpose="p")
    with pytest.raises(WrongOwnerPasswordError):
        service.export_unmasked(shop.owner, request, "not-the-password")
    assert not out.exists()
    assert any(e.action == "login.failed" for e in _audit(shop))
    with pytest.raises((WrongOwnerPasswordError, LoginThrottledError)):
        service.export_unmasked(shop.owner, request, "still-wrong")
    state = shop.workspace.shop.db.login_throttle.state(shop.owner.user.username)
    assert state.failures == 2


def test_unmasked_refuses_csv_missing_purpose_and_other_roles(env) -> None:
    shop, service, roles, _ids, tmp = env
    with pytest.raises(UnmaskedCsvRefusedError):
        service.export_unmasked(shop.owner, ExportRequest(
            ReportKind.CUSTOMERS, tmp / "c.csv", ExportFormat.CSV, purpose="p"), OWNER_PASSWORD)
    with pytest.raises(PurposeRequiredError):
        service.export_unmasked(shop.owner, ExportRequest(
            ReportKind.CUSTOMERS, tmp / "c.xlsx", purpose="  "), OWNER_PASSWORD)
    for role in (Role.MANAGER, Role.STAFF, Role.AUDITOR):
        with pytest.raises(PermissionDeniedError):
            service.export_unmasked(roles[role], ExportRequest(
                ReportKind.CUSTOMERS, tmp / "c.xlsx", purpose="p"), OWNER_PASSWORD)
    assert not (tmp / "c.csv").exists() and not (tmp / "c.xlsx").exists()


def test_subject_copy_holds_everything_about_one_person(env) -> None:
    shop, service, roles, ids, tmp = env
    customer_id = ids[0]
    person = PEOPLE[0].customer
    manager: Session = roles[Role.MANAGER]
    CustomerService(shop.workspace).reveal(manager, customer_id, "phone", "客户来电核对")
    ConsentService(shop.workspace).record(shop.owner, customer_id, ConsentDraft(
        purpose="marketing_sms", channel="counter", evidence="纸质表格 #12"))
    xlsx, js = tmp / "copy.xlsx", tmp / "copy.json"
    with pytest.raises(PermissionDeniedError):
        service.export_subject_copy(manager, customer_id, xlsx, js)
    result = service.export_subject_copy(shop.owner, customer_id, xlsx, js)
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert doc["format"] == "shopvault.subject-copy" and doc["version"] == 1
    assert doc["customer"]["phone"] == person.phone
    assert doc["customer"]["address_detail"] == person.address_detail
    assert doc["customer"]["balance"] == {"amount": "1234.56", "currency": "CNY"}
    assert len(doc["orders"]) == 1 and len(doc["orders"][0]["items"]) == 2
    assert doc["orders"][0]["payable"] == {"amount": "147.90", "currency": "CNY"}
    assert len(doc["feedback"]) == 1
    assert [(c["purpose"], c["granted"], c["evidence"], c["recorded_by"])
            for c in doc["consents"]] == [("marketing_sms", True, "纸质表格 #12", "wang")]
    reveal = next(h for h in doc["access_history"] if h["action"] == "customer.revealed")
    assert reveal["actor"] == manager.actor and reveal["details"]["field"] == "phone"
    book = open_workbook(xlsx)
    assert book.sheetnames == ["Cover", "Profile", "Orders", "Order items", "Feedback",
                               "Consents", "Access history"]
    assert_no_live_formula(workbook_cells(book))
    profile = {row[0].value: row[1].value for row in book["Profile"].iter_rows(min_row=2)}
    assert profile["phone"] == person.phone and profile["notes"] == person.notes
    audit = [e for e in shop.workspace.shop.db.audit.for_target(f"customer:{customer_id}")]
    assert any(e.action == "export.subject_copy" and e.seq == result.audit_seq for e in audit)


def test_the_audit_log_never_holds_what_was_typed_in_clear(env) -> None:
    from desktop.services.customer_views import CustomerFilter

    shop, service, roles, _ids, tmp = env
    search = CustomerFilter(text="13812345678")
    service.export_unmasked(shop.owner, ExportRequest(
        ReportKind.CUSTOMERS, tmp / "one.xlsx", customers=search,
        purpose="客户 13812345678 要求，寄到建国路88号院3号楼1201"), OWNER_PASSWORD)
    service.export(roles[Role.MANAGER], ExportRequest(
        ReportKind.CUSTOMERS, tmp / "one.csv", ExportFormat.CSV, customers=search,
        purpose="zhangsf@example.com"))
    assert leaks(entry.details for entry in _audit(shop)) == []


def test_a_report_of_one_customers_orders_shows_in_their_history(env) -> None:
    from desktop.services.order_views import OrderFilter

    shop, service, roles, ids, tmp = env
    service.export(roles[Role.MANAGER], ExportRequest(
        ReportKind.ORDERS, tmp / "o.xlsx", orders=OrderFilter(customer_id=ids[1])))
    history = CustomerService(shop.workspace).history(shop.owner, ids[1])
    assert [h.action for h in history[:2]] == ["export.finished", "export.started"]
    assert history[1].actor == roles[Role.MANAGER].actor
