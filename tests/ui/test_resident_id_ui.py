"""The resident ID on the Customers page: checked at its field in the add/edit dialog, shown
whole to the owner and masked (with no way to reveal it) to a manager, found by the whole ID."""

from __future__ import annotations

import pytest

from desktop.core.roles import Role
from desktop.core.validation import ID_BIRTH_DATE, ID_CHECKSUM, resident_id_check_char
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerService
from desktop.services.session import Session
from desktop.store.field_keys import FieldKeyRepository
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.pages.search_pacing import SEARCH_DELAY_MS
from desktop.ui.tasks import SynchronousTaskRunner

RESIDENT_ID = "11010119900307002X"
MASKED = "110101********002X"


@pytest.fixture
def open_page(qtbot):
    def open_(shop, session: Session) -> CustomersPage:
        page = CustomersPage(shop.workspace, session, SynchronousTaskRunner(), ClipboardGuard())
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        return page

    return open_


def search(qtbot, page: CustomersPage, text: str) -> None:
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, text)
    qtbot.waitUntil(lambda: page.model.current_filter.text == text,
                    timeout=SEARCH_DELAY_MS * 10)


def test_dialog_shows_id_problems_at_the_field_then_saves_sealed(shop, open_page, qtbot):
    page = open_page(shop, shop.owner)
    page.add_button.click()
    dialog = page.customer_dialog
    assert dialog is not None
    dialog.set_value("name", "王小明")
    dialog.set_value("resident_id", RESIDENT_ID[:-1] + "1")
    dialog.save_button.click()
    assert dialog.field_errors() == {"resident_id": ID_CHECKSUM}
    assert dialog.inputs["resident_id"].property("invalid") == "true"
    assert dialog.errors["resident_id"].isVisible()
    future = "11010120991231001"
    dialog.set_value("resident_id", future + resident_id_check_char(future))
    dialog.save_button.click()
    assert dialog.field_errors() == {"resident_id": ID_BIRTH_DATE}
    dialog.set_value("resident_id", RESIDENT_ID.lower())
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    search(qtbot, page, RESIDENT_ID)
    assert page.model.rowCount() == 1
    customer_id = page.model.customer_id(0)
    qtbot.waitUntil(
        lambda: page.profile_panel.field_values["resident_id"].text() == RESIDENT_ID)
    stored = FieldKeyRepository(shop.workspace.shop.db.conn).resident_id(customer_id)
    assert stored is not None and RESIDENT_ID.encode() not in stored.sealed


def test_manager_sees_masked_id_cannot_reveal_it_and_edit_keeps_it(shop, open_page, qtbot):
    manager = Session(shop.workspace.accounts.add_user(
        shop.owner, "li", Role.MANAGER, "Some-pass-4242"))
    service = CustomerService(shop.workspace)
    customer_id = service.add(manager, CustomerDraft(name="王小明", resident_id=RESIDENT_ID))
    before = FieldKeyRepository(shop.workspace.shop.db.conn).resident_id(customer_id)
    page = open_page(shop, manager)
    search(qtbot, page, RESIDENT_ID)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    shown = page.profile_panel.field_values["resident_id"]
    qtbot.waitUntil(lambda: shown.text() == MASKED)
    assert shown.toolTip()
    assert "resident_id" not in page.profile_panel.reveal_buttons
    qtbot.waitUntil(lambda: page.edit_button.isEnabled())
    page.edit_button.click()
    dialog = page.customer_dialog
    assert dialog.value("resident_id") == MASKED
    dialog.set_value("notes", "喜欢早上来")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    after = FieldKeyRepository(shop.workspace.shop.db.conn).resident_id(customer_id)
    assert after == before
    assert service.profile(shop.owner, customer_id).resident_id == RESIDENT_ID
