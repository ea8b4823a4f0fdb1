"""Exported files name people's roles and audit actions in the file's language, with the
words the UI uses (one table: desktop.core.audit_words), never as raw codes."""

from __future__ import annotations

import json
from pathlib import Path

from defusedxml import ElementTree as ET

from desktop.core.audit_words import AUDIT_ACTION_LABELS, ROLE_LABELS
from desktop.core.roles import Role
from desktop.services.consents import ConsentDraft, ConsentService
from desktop.services.customers import CustomerService
from desktop.services.export_api import ExportRequest, ReportKind
from desktop.services.exports import ExportService
from tests.e2e.export_support import open_workbook, seed, sessions

TS_FILE = Path(__file__).resolve().parents[2] / "resources/translations/shopvault_zh_CN.ts"


def chinese(context: str) -> dict[str, str]:
    """Source → translation of one context of the committed zh_CN catalogue."""
    found: dict[str, str] = {}
    for node in ET.parse(TS_FILE).getroot().iter("context"):
        if node.findtext("name") == context:
            for message in node.iter("message"):
                found[message.findtext("source") or ""] = message.findtext("translation") or ""
    return found


def file_translate(text: str) -> str:
    return chinese("ExportFile").get(text) or text


def cover(path: Path) -> dict[str, str]:
    sheet = open_workbook(path).worksheets[0]
    return {str(row[0].value): str(row[1].value) for row in sheet.iter_rows()
            if row[0].value and len(row) > 1 and row[1].value is not None}


def test_files_use_the_same_role_and_action_words_as_the_ui():
    exported, ui_roles, ui_actions = chinese("ExportFile"), chinese("roles"), chinese("AuditWords")
    for label in ROLE_LABELS.values():
        assert exported[label] == ui_roles[label] != "", label
    for label in AUDIT_ACTION_LABELS.values():
        assert exported[label] == ui_actions[label] != "", label


def test_chinese_cover_names_the_role_in_chinese(shop, tmp_path):
    seed(shop.workspace)
    manager = sessions(shop.workspace)[Role.MANAGER]
    ExportService(shop.workspace).export(manager, ExportRequest(
        ReportKind.CUSTOMERS, tmp_path / "c.xlsx", translate=file_translate))
    assert cover(tmp_path / "c.xlsx")["导出人"] == "user_manager（店长）"
    ExportService(shop.workspace).export(manager, ExportRequest(
        ReportKind.CUSTOMERS, tmp_path / "e.xlsx"))
    assert cover(tmp_path / "e.xlsx")["Exported by"] == "user_manager (Manager)"


def test_subject_copy_labels_every_access_history_action(shop, tmp_path):
    ids = seed(shop.workspace)
    manager = sessions(shop.workspace)[Role.MANAGER]
    CustomerService(shop.workspace).reveal(manager, ids[0], "phone", "客户来电核对")
    ConsentService(shop.workspace).record(shop.owner, ids[0], ConsentDraft(
        purpose="marketing_sms", channel="counter", evidence="纸质表格 #12"))
    ExportService(shop.workspace).export_subject_copy(
        shop.owner, ids[0], tmp_path / "s.xlsx", tmp_path / "s.json",
        translate=file_translate)

    assert cover(tmp_path / "s.xlsx")["导出人"] == "wang（店主）"
    book = open_workbook(tmp_path / "s.xlsx")
    sheet = book[file_translate("Access history")]
    header = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    actions = [row[header.index(file_translate("Action"))] for row in rows]
    who = [row[header.index(file_translate("Who"))] for row in rows]
    assert actions == ["记录了同意", "查看完整信息"]  # newest first
    assert who == ["wang（店主）", "user_manager（店长）"]

    document = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    history = document["access_history"]
    assert [h["action"] for h in history] == ["consent.recorded", "customer.revealed"]
    assert [h["action_label"] for h in history] == actions
    assert history[1]["actor"] == "user_manager (manager)"  # the JSON keeps the codes
