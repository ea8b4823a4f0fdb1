"""The profile's Consents tab driven like a user would, over the real consent service and a
real shop: record (with errors at the field), withdraw, the history entry, masking per role,
lock, and the tab in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.roles import Role
from desktop.services.consents import ConsentDraft, ConsentService
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.session import Session
from desktop.ui import i18n
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.consent_dialogs import RecordConsentDialog, WithdrawConsentDialog
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.tasks import SynchronousTaskRunner

PHONE_IN_EVIDENCE = "13900001111"


@pytest.fixture
def customer_id(shop) -> int:
    return CustomerService(shop.workspace).add(
        shop.owner, CustomerDraft(name="王小明", phone="138 1234 5678"))


def staff(shop) -> Session:
    return Session(shop.workspace.accounts.add_user(shop.owner, "li", Role.STAFF,
                                                    "Some-pass-4242"))


@pytest.fixture
def open_tab(qtbot):
    def open_(shop, session: Session):
        page = CustomersPage(shop.workspace, session, SynchronousTaskRunner(), ClipboardGuard())
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        qtbot.waitUntil(lambda: page.profile_panel.profile is not None)
        panel = page.profile_panel
        panel.tabs.setCurrentIndex(panel.CONSENTS)
        return page, panel.consents_tab

    return open_


def check_model(model: QAbstractItemModel) -> None:
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def history_texts(page: CustomersPage) -> list[str]:
    return page.profile_panel.history_tab.texts()


def test_staff_records_a_consent_with_errors_at_the_field_and_it_shows_in_history(
    shop, customer_id, open_tab, qtbot
):
    page, tab = open_tab(shop, staff(shop))
    check_model(tab.list.table.model())
    assert tab.record_button.isVisible() and tab.record_button.isEnabled()
    assert "No consents recorded yet." in tab.texts()
    tab.record_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, RecordConsentDialog) and dialog.isVisible()

    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("other"))
    assert dialog.purpose_text_edit.isVisible()
    dialog.save_button.click()
    assert set(dialog.field_errors()) == {"purpose_text", "evidence"}
    assert dialog.errors["evidence"].text().startswith("Say where the proof is kept")
    assert dialog.inputs["evidence"].property("invalid") == "true"
    assert dialog.isVisible()

    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("marketing_sms"))
    assert not dialog.purpose_text_edit.isVisible()
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("phone"))
    dialog.evidence_edit.setText(f"电话确认 {PHONE_IN_EVIDENCE}")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    qtbot.waitUntil(lambda: len(tab.consents) == 1)
    texts = " ".join(tab.texts())
    assert "Marketing SMS" in texts and "Granted" in texts and "Phone" in texts
    assert "139****1111" in texts and PHONE_IN_EVIDENCE not in texts  # staff: masked
    assert "li" in texts
    assert any("Recorded a consent" in text and "Marketing SMS" in text
               for text in history_texts(page))
    assert tab.dialog is None


def test_withdraw_keeps_the_entry_marked_withdrawn_and_is_in_history(
    shop, customer_id, open_tab, qtbot
):
    ConsentService(shop.workspace).record(shop.owner, customer_id, ConsentDraft(
        purpose="delivery_partner", channel="counter", evidence="纸质同意书 123号"))
    page, tab = open_tab(shop, staff(shop))
    assert len(tab.consents) == 1
    assert not tab.withdraw_button.isEnabled()  # nothing selected yet
    tab.list.table.selectRow(0)
    assert tab.withdraw_button.isEnabled()
    tab.withdraw_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, WithdrawConsentDialog)
    assert "Sharing with a delivery partner" in dialog.heading.text()
    dialog.save_button.click()
    assert set(dialog.field_errors()) == {"note"} and dialog.isVisible()

    dialog.note_edit.setText("顾客来电要求停止共享")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.consents and tab.consents[0].withdrawn_at is not None)
    assert any(text.startswith("Withdrawn") for text in tab.texts())
    tab.list.table.selectRow(0)
    assert not tab.withdraw_button.isEnabled()
    assert any("Consent withdrawn" in text and "顾客来电要求停止共享" in text
               for text in history_texts(page))


def test_the_owner_sees_evidence_as_written(shop, customer_id, open_tab):
    ConsentService(shop.workspace).record(shop.owner, customer_id, ConsentDraft(
        purpose="membership", channel="online", evidence=f"回访 {PHONE_IN_EVIDENCE}"))
    _page, tab = open_tab(shop, shop.owner)
    assert any(PHONE_IN_EVIDENCE in text for text in tab.texts())


def test_lock_hides_an_open_form_with_what_was_typed_and_clears_the_list(
    shop, customer_id, open_tab, qtbot
):
    ConsentService(shop.workspace).record(shop.owner, customer_id, ConsentDraft(
        purpose="membership", channel="online", evidence="网上勾选"))
    page, tab = open_tab(shop, shop.owner)
    tab.record_button.click()
    dialog = tab.dialog
    dialog.evidence_edit.setText("半填的凭证")
    page.clear_sensitive()
    assert not dialog.isVisible() and tab.consents == []
    assert not any("网上勾选" in text for text in tab.texts())
    page.restore_after_unlock()
    assert dialog.isVisible() and dialog.evidence_edit.text() == "半填的凭证"
    qtbot.waitUntil(lambda: len(tab.consents) == 1)


def test_the_tab_and_its_errors_in_chinese(shop, customer_id, open_tab, qapp, qtbot):
    _page, tab = open_tab(shop, shop.owner)
    assert i18n.install_translators(qapp, i18n.CHINESE) == i18n.CHINESE
    qtbot.waitUntil(lambda: tab.record_button.text() == "记录同意…")  # LanguageChange
    tab.record_button.click()
    dialog = tab.dialog
    assert dialog.purpose_combo.itemText(0) == "营销短信"
    dialog.save_button.click()
    assert dialog.field_errors()["evidence"].startswith("请说明凭证存放在哪里")
