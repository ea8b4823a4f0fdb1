"""The data-subject copy's Access history sheet says what each entry did in words the person
can read ("Field: Phone; Reason: …"), in the copy's language; the JSON keeps the structured
details; nothing about other people appears anywhere in one person's copy."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from desktop.core.roles import Role
from desktop.services.consents import ConsentDraft, ConsentService
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.export_api import ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.order_views import OrderFilter
from tests.e2e.export_support import PEOPLE, open_workbook, seed, sessions, workbook_cells
from tests.e2e.test_export_audit_words import chinese, file_translate

REASON = "客户来电核对"


@pytest.fixture
def history(shop, tmp_path):
    """Customer 0 with a reveal, a consent recorded and withdrawn, an edit and a report of
    their orders in their history; customer 1 with a reveal and an edit of their own."""
    ids = seed(shop.workspace)
    roles = sessions(shop.workspace)
    manager = roles[Role.MANAGER]
    customers, consents = CustomerService(shop.workspace), ConsentService(shop.workspace)
    customers.reveal(manager, ids[0], "phone", REASON)
    consent_id = consents.record(shop.owner, ids[0], ConsentDraft(
        purpose="marketing_sms", channel="counter", evidence="纸质表格 #12"))
    consents.withdraw(shop.owner, consent_id, "客户到店说不要短信")
    customers.update(shop.owner, ids[0], CustomerDraft(name=PEOPLE[0].customer.name,
                                                       phone="13900001111"))
    ExportService(shop.workspace).export(manager, ExportRequest(
        ReportKind.ORDERS, tmp_path / "orders.xlsx", orders=OrderFilter(customer_id=ids[0]),
        purpose="对账"))
    other = PEOPLE[1].customer
    customers.reveal(manager, ids[1], "email", f"{other.name} 的邮件退回")
    customers.update(shop.owner, ids[1], CustomerDraft(name=other.name, phone=other.phone,
                                                       notes="换了新地址"))
    return ids


def access_rows(path: Path, tr=lambda text: text) -> list[dict[str, str]]:
    sheet = open_workbook(path)[tr("Access history")]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, (cell.value for cell in row), strict=True))
            for row in sheet.iter_rows(min_row=2)]


def copy(shop, customer_id: int, folder: Path, translate=None) -> tuple[Path, dict]:
    xlsx, js = folder / f"copy-{customer_id}.xlsx", folder / f"copy-{customer_id}.json"
    ExportService(shop.workspace).export_subject_copy(shop.owner, customer_id, xlsx, js,
                                                      translate=translate)
    return xlsx, json.loads(js.read_text(encoding="utf-8"))


def test_details_are_words_and_the_json_keeps_the_structure(shop, history, tmp_path):
    xlsx, document = copy(shop, history[0], tmp_path)
    details = [(row["Action"], row["Details"]) for row in access_rows(xlsx)]
    assert all(text is None or not text.lstrip().startswith("{") for _action, text in details)
    said = dict(details)
    assert said["Revealed a field"] == f"Field: Phone; Reason: {REASON}"
    assert said["Recorded a consent"] == (
        "Purpose: Marketing SMS; Granted: Yes; Channel: Counter (paper form)")
    assert said["Consent withdrawn"] == "Note: 客户到店说不要短信; Purpose: Marketing SMS"
    assert said["Customer details edited"].startswith("Fields changed: ")
    assert "Phone" in said["Customer details edited"].split(": ", 1)[1].split(", ")
    assert said["Export started"].startswith(
        "Purpose: 对账; Filters: customer record #"
        f"{history[0]}; Format: XLSX; Masked: Yes; "
        "Columns: Order no., Ordered, Channel")
    assert re.fullmatch(r"Rows: \d+; Export entry: #\d+", said["Export finished"])
    assert "sha256" not in " ".join(text or "" for _action, text in details)

    entries = {h["action"]: h["details"] for h in document["access_history"]}
    assert entries["customer.revealed"] == {"field": "phone", "reason": REASON}
    assert entries["consent.recorded"]["purpose"] == "marketing_sms"
    assert set(entries["export.finished"]) >= {"export_seq", "sha256", "rows"}


def test_details_in_chinese_use_the_catalogue(shop, history, tmp_path):
    xlsx, _document = copy(shop, history[0], tmp_path, translate=file_translate)
    words = chinese("ExportFile")
    rows = access_rows(xlsx, file_translate)
    action, details = file_translate("Action"), file_translate("Details")
    said = {row[action]: row[details] for row in rows}
    reveal = said[file_translate("Revealed a field")]
    pair, separator = words["{label}: {value}"], words["; "]
    assert reveal == separator.join((pair.format(label=words["Field"], value=words["Phone"]),
                                     pair.format(label=words["Reason"], value=REASON)))
    assert reveal == f"字段：电话；原因：{REASON}"
    consent = said[file_translate("Recorded a consent")]
    assert words["Marketing SMS"] in consent and "Marketing" not in consent


def test_one_persons_copy_holds_nothing_about_anyone_else(shop, history, tmp_path):
    xlsx, document = copy(shop, history[0], tmp_path)
    texts = [str(cell.value) for cell in workbook_cells(open_workbook(xlsx))]
    texts.append(json.dumps(document, ensure_ascii=False))
    own = {_plain(secret) for secret in PEOPLE[0].secrets}
    others = {_plain(secret): secret for person in PEOPLE[1:] for secret in person.secrets
              if _plain(secret) not in own}
    found = [f"{secret!r} in {text[:80]!r}" for text in texts
             for plain, secret in others.items() if plain in _plain(text)]
    assert found == []


def _plain(text: str) -> str:
    return re.sub(r"[\s\-()]", "", unicodedata.normalize("NFKC", text)).lower()
