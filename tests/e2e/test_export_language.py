"""The language of an exported file: English words by default (codes such as ``female`` or
``paid`` written as "Female", "Paid"), and every text an export asks ``translate`` for is in
the translation catalogue (context ``ExportFile``), so a window in 简体中文 writes a file in
简体中文 — a new text in the export service cannot slip through untranslated."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from defusedxml import ElementTree as ET

from desktop.core.roles import Role
from desktop.services.consents import ConsentDraft, ConsentService
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.export_api import ExportFormat, ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.exports_columns import CATALOGUE
from desktop.services.order_views import FeedbackFilter, OrderFilter
from tests.e2e.export_support import csv_rows, open_workbook, seed, sessions
from tests.support.shops import OWNER_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "shopvault_zh_CN.ts"
CONTEXT = "ExportFile"


@dataclass
class Recorder:
    """A ``translate`` that marks what it was asked, so the file shows which texts went
    through it (and the test knows every text that did)."""

    asked: set[str] = field(default_factory=set)

    def __call__(self, text: str) -> str:
        self.asked.add(text)
        return f"«{text}»"


@pytest.fixture
def env(shop, tmp_path: Path):
    ids = seed(shop.workspace)
    roles = sessions(shop.workspace)
    return shop, ExportService(shop.workspace), roles, ids, tmp_path


def catalogue() -> dict[str, str]:
    """Source → translation of the ExportFile context of the zh_CN catalogue."""
    found = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") == CONTEXT:
            for message in context.iter("message"):
                found[message.findtext("source")] = message.findtext("translation") or ""
    return found


def all_columns(kind: ReportKind) -> tuple[str, ...]:
    return tuple(column.key for column in CATALOGUE[kind])


def test_every_text_an_export_writes_is_in_the_catalogue(env) -> None:
    shop, service, roles, ids, tmp = env
    manager = roles[Role.MANAGER]
    ConsentService(shop.workspace).record(shop.owner, ids[0], ConsentDraft(
        purpose="marketing_sms", channel="counter", evidence="纸质表格 #12"))
    tr = Recorder()
    customers = CustomerFilter(text="张", tag="VIP", level="金卡", city="北京市",
                               added_from="2024-01-01", added_to="2024-12-31")
    orders = OrderFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31),
                         status="paid", channel="淘宝", customer_id=ids[0])
    feedback = FeedbackFilter(kind="complaint", status="open", mine_open=True,
                              overdue_only=True, customer_id=ids[0],
                              date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    requests = [
        ExportRequest(ReportKind.CUSTOMERS, tmp / "c.xlsx", columns=all_columns(
            ReportKind.CUSTOMERS), customers=customers, customer_sort=CustomerSort.NAME,
            pseudonymous_key=True, translate=tr),
        ExportRequest(ReportKind.CUSTOMERS, tmp / "all.xlsx", translate=tr),
        ExportRequest(ReportKind.ORDERS, tmp / "o.xlsx", columns=all_columns(ReportKind.ORDERS),
                      orders=orders, translate=tr),
        ExportRequest(ReportKind.ORDERS, tmp / "o.csv", ExportFormat.CSV, orders=orders,
                      translate=tr),
        ExportRequest(ReportKind.FEEDBACK, tmp / "f.xlsx",
                      columns=all_columns(ReportKind.FEEDBACK), translate=tr),
        ExportRequest(ReportKind.FEEDBACK, tmp / "f-filtered.xlsx", feedback=feedback,
                      translate=tr),
    ]
    for request in requests:
        service.export(manager, request)
    service.export_unmasked(shop.owner, ExportRequest(
        ReportKind.CUSTOMERS, tmp / "u.xlsx", purpose="对账", translate=tr), OWNER_PASSWORD)
    service.export_subject_copy(shop.owner, ids[0], tmp / "s.xlsx", tmp / "s.json",
                                translate=tr)

    known = catalogue()
    assert sorted(tr.asked - known.keys()) == []
    assert all(known[text] for text in tr.asked)
    # The words for codes went through translate too (here: marked «…»).
    asked_codes = {"Male", "Female", "Paid", "Complaint", "Open", "Marketing SMS",
                   "Counter (paper form)", "Yes"}
    assert asked_codes <= tr.asked
    book = open_workbook(tmp / "c.xlsx")
    assert book.sheetnames == ["«Cover»", "«Customers»"]
    headers = [cell.value for cell in book.worksheets[1][1]]
    assert headers[:3] == ["«Customer key»", "«Member no.»", "«Name»"]
    cover = " ".join(str(row[0].value) for row in book.worksheets[0].iter_rows() if row[0].value)
    assert "«Exported by»" in cover and "«Filters»" in cover
    started = [e for e in shop.workspace.shop.db.audit.iter_all()
               if e.action == "export.started"]
    assert len(started) == len(requests) + 1
    assert not any("«" in e.details for e in started)  # the audit log stays in English
    logged = [json.loads(e.details) for e in started]
    # The filters are logged as codes, so a history can word them in its reader's language.
    assert {"filter_ordered_from": "2024-01-01", "filter_ordered_to": "2024-12-31",
            "filter_status": "paid", "filter_channel": "淘宝",
            "filter_customer": ids[0]}.items() <= logged[2].items()
    assert {"filter_kind": "complaint", "filter_status": "open", "filter_mine_open": True,
            "filter_overdue_only": True}.items() <= logged[5].items()
    assert logged[0]["sort"] == "name" and logged[0]["filter_tag"] == "VIP"
    subject = json.loads((tmp / "s.json").read_text(encoding="utf-8"))
    assert subject["customer"]["gender"] == "male"  # the JSON keeps the codes
    assert subject["consents"][0]["purpose"] == "marketing_sms"
    assert subject["consents"][0]["channel"] == "counter"


def test_without_translate_a_file_is_in_english_words(env) -> None:
    _shop, service, roles, _ids, tmp = env
    manager = roles[Role.MANAGER]
    service.export(manager, ExportRequest(ReportKind.CUSTOMERS, tmp / "c.xlsx"))
    book = open_workbook(tmp / "c.xlsx")
    assert book.sheetnames == ["Cover", "Customers"]
    sheet = book["Customers"]
    gender = [cell.value for cell in sheet[1]].index("Gender")
    genders = {row[gender].value for row in sheet.iter_rows(min_row=2)}
    assert genders == {"Male", "Female", None}

    service.export(manager, ExportRequest(
        ReportKind.ORDERS, tmp / "o.csv", ExportFormat.CSV,
        orders=OrderFilter(status="paid")))
    rows = csv_rows(tmp / "o.csv")
    status = rows[0].index("Status")
    assert {row[status] for row in rows[1:]} == {"Paid"}
    assert "Amount paid" in rows[0]

    service.export(manager, ExportRequest(
        ReportKind.FEEDBACK, tmp / "f.xlsx", columns=all_columns(ReportKind.FEEDBACK)))
    sheet = open_workbook(tmp / "f.xlsx")["Feedback"]
    headers = [cell.value for cell in sheet[1]]
    first = [cell.value for cell in next(sheet.iter_rows(min_row=2))]
    assert first[headers.index("Kind")] == "Complaint"
    assert first[headers.index("Status")] == "Open"
    assert first[headers.index("Overdue")] == "Yes"  # received in 2024, never resolved
    assert "Resolved at" in headers
