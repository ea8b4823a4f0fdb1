"""The export dialogs in 简体中文 and English: every text translated, sentences that read
naturally in Chinese word order, and no text so long that it widens a dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from desktop.core.models import User
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerFilter
from desktop.services.export_api import ReportKind
from desktop.services.exports import ExportService
from desktop.services.order_views import OrderFilter
from desktop.services.session import Session
from desktop.ui import i18n
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.export_dialog import ExportDialog
from desktop.ui.pages.export_scope import (
    COLUMN_LABELS,
    ExportScope,
    column_label,
    scope_sentence,
)
from desktop.ui.pages.export_subject import SubjectCopyDialog
from desktop.ui.pages.export_unmasked import FilePasswordDialog, UnmaskedConfirmDialog
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.export_fakes import FakeExportService

OWNER = Session(User(1, "wang", Role.OWNER))
WIDEST = 680
"""No dialog may need more width than this: long texts wrap instead."""


@pytest.fixture
def chinese(qapp):
    i18n.install_translators(qapp, i18n.CHINESE)
    yield
    i18n.install_translators(qapp, i18n.ENGLISH)


def export_dialog(qtbot, tmp_path) -> ExportDialog:
    scope = ExportScope(ReportKind.CUSTOMERS, customers=CustomerFilter(text="张", city="北京"),
                        count=lambda: 1234)
    dialog = ExportDialog(FakeExportService(), OWNER, SynchronousTaskRunner(), ClipboardGuard(),
                          scope, folder=tmp_path, today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    return dialog


def all_dialogs(qtbot, tmp_path) -> list[QDialog]:
    dialogs: list[QDialog] = [
        export_dialog(qtbot, tmp_path),
        UnmaskedConfirmDialog("给会计对账"),
        FilePasswordDialog("kV7-pQ2x-9mRt", ClipboardGuard(), str(tmp_path / "客户.xlsx")),
        SubjectCopyDialog(FakeExportService(), OWNER, SynchronousTaskRunner(), 1,
                          "张三 · M000001", "M000001", folder=tmp_path),
    ]
    for dialog in dialogs[1:]:
        qtbot.addWidget(dialog)
    return dialogs


def test_the_dialog_speaks_chinese(qtbot, tmp_path, chinese):
    dialog = export_dialog(qtbot, tmp_path)

    assert dialog.windowTitle() == "导出客户"
    assert dialog.scope_label.text() == "匹配“张”、位于北京的 1,234 位客户。"
    assert dialog.form.path_edit.text().endswith("客户-2026-11-29.xlsx")
    assert dialog.form.columns_list.item(1).text() == "姓名 · 个人信息"
    assert dialog.form.purpose_combo.itemText(1) == "给会计对账"
    assert dialog.export_button.text() == "导出"


@pytest.mark.parametrize("kind", list(ReportKind))
def test_every_column_the_export_service_offers_is_translated(shop, chinese, kind):
    for column in ExportService(shop.workspace).columns(kind):
        assert column.label in COLUMN_LABELS, f"add {column.label!r} to COLUMN_LABELS"
        assert column_label(column) != column.label or column.label == "SKU", column.label


def test_orders_sentence_in_chinese(qapp, chinese):
    scope = ExportScope(ReportKind.ORDERS, orders=OrderFilter(status="paid", channel="淘宝"))
    assert scope_sentence(scope, 20_000) == (
        "状态为已付款、渠道为淘宝的 20,000 笔订单（含商品明细）。")


def test_switching_language_live_retranslates_an_open_dialog(qtbot, tmp_path, qapp):
    dialog = export_dialog(qtbot, tmp_path)
    dialog.show()
    assert dialog.masked_notice.text().startswith("Personal data is masked")
    i18n.install_translators(qapp, i18n.CHINESE)
    try:
        qtbot.waitUntil(lambda: dialog.masked_notice.text().startswith("文件中的个人信息已脱敏"))
        assert dialog.unmasked_button.text() == "导出未脱敏数据…"
    finally:
        i18n.install_translators(qapp, i18n.ENGLISH)
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Export customers")


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_long_texts_wrap_instead_of_widening_the_dialogs(qtbot, tmp_path, qapp, language):
    i18n.install_translators(qapp, language)
    try:
        for dialog in all_dialogs(qtbot, tmp_path):
            dialog.show()
            QApplication.processEvents()
            assert dialog.minimumSizeHint().width() <= WIDEST, type(dialog).__name__
            assert dialog.width() <= WIDEST, type(dialog).__name__
    finally:
        i18n.install_translators(qapp, i18n.ENGLISH)
