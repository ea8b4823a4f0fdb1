"""The Customers page driven like a user would, over the real customer service and a real
shop with demo customers: search as you type, filters, add / edit / delete, reveal, copy,
lock."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.pinyin import name_pinyin
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerFilter, CustomerRow, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.demo import load_demo_data
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.models.customer_columns import column_of
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.pages.search_pacing import SEARCH_DELAY_MS
from desktop.ui.tasks import SynchronousTaskRunner, TaskHandle

DEMO_CUSTOMERS = 2_000


@pytest.fixture
def demo(shop):
    load_demo_data(shop.workspace, shop.owner, DEMO_CUSTOMERS)
    return shop


def user_session(shop, name: str, role: Role) -> Session:
    return Session(shop.workspace.accounts.add_user(shop.owner, name, role, "Some-pass-4242"))


@pytest.fixture
def open_page(qtbot):
    def open_(shop, session: Session, runner=None) -> CustomersPage:
        page = CustomersPage(
            shop.workspace, session, runner or SynchronousTaskRunner(), ClipboardGuard()
        )
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        return page

    return open_


def all_rows(shop) -> list[CustomerRow]:
    """The owner's (unmasked) view of every customer."""
    service = CustomerService(shop.workspace)
    ids = [i for chunk in service.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST)
           for i in chunk]
    return [row for start in range(0, len(ids), 500)
            for row in service.rows(shop.owner, ids[start : start + 500])]


def a_chinese_customer(shop) -> CustomerRow:
    """The owner sees CN mobiles as a shop reads them: ``138 1234 5678``."""
    return next(r for r in all_rows(shop)
                if re.fullmatch(r"1\d{2} \d{4} \d{4}", r.phone) and len(r.name) == 3)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type like a user: key presses, one character at a time (Chinese as an input method
    commits it: a key event carrying the character)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


def type_search(qtbot, page: CustomersPage, text: str) -> None:
    page.search_edit.clear()
    type_into(qtbot, page.search_edit, text)
    qtbot.waitUntil(lambda: page.model.current_filter.text == text.strip(),
                    timeout=SEARCH_DELAY_MS * 10)
    assert page.model.complete


def found_ids(page: CustomersPage) -> list[int]:
    return [page.model.customer_id(row) for row in range(page.model.rowCount())]


def shown_texts(widget: QWidget) -> list[str]:
    texts: list[str] = [widget.windowTitle()]
    for label in widget.findChildren(QLabel):
        texts += [label.text(), label.toolTip()]
    for edit in widget.findChildren(QLineEdit):
        texts += [edit.text(), edit.placeholderText()]
    for edit in widget.findChildren(QPlainTextEdit):
        texts.append(edit.toPlainText())
    return texts


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


# ----------------------------------------------------------------------------- searching


def test_search_as_you_type_finds_by_phone_name_pinyin_and_member_no(demo, open_page, qtbot):
    target = a_chinese_customer(demo)
    national = target.phone.replace(" ", "")
    page = open_page(demo, demo.owner)
    assert page.model.rowCount() == DEMO_CUSTOMERS
    assert "2,000" in page.count_label.text()

    for spelling in (
        national,
        f"{national[:3]} {national[3:7]} {national[7:]}",
        f"+86 {national[:3]}-{national[3:7]}-{national[7:]}",
    ):
        type_search(qtbot, page, spelling)
        assert found_ids(page) == [target.id], spelling
        assert page.selected_customer_id() == target.id  # the profile follows
    type_search(qtbot, page, national[-4:])
    assert target.id in found_ids(page)
    type_search(qtbot, page, target.name[:2])
    assert target.id in found_ids(page)
    full, initials = name_pinyin(target.name)
    type_search(qtbot, page, initials)
    assert target.id in found_ids(page)
    type_search(qtbot, page, full)
    assert target.id in found_ids(page)
    type_search(qtbot, page, target.member_no)
    assert found_ids(page) == [target.id]
    type_search(qtbot, page, "")
    assert page.model.rowCount() == DEMO_CUSTOMERS


def test_owner_sees_and_copies_the_phone_as_shown(demo, open_page, qtbot):
    target = a_chinese_customer(demo)
    page = open_page(demo, demo.owner)
    type_search(qtbot, page, target.phone)  # the shown spelling finds the customer
    assert found_ids(page) == [target.id]
    index = page.model.index(0, column_of("phone"))
    assert page.model.data(index) == target.phone
    qtbot.waitUntil(lambda: page.profile_panel.profile is not None)
    assert target.phone in page.profile_panel.texts()
    page.table.setFocus()
    page.table.setCurrentIndex(index)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == target.phone


def test_staff_find_a_customer_by_the_full_phone_they_are_told(demo, open_page, qtbot):
    target = a_chinese_customer(demo)
    national = target.phone.replace(" ", "")
    page = open_page(demo, user_session(demo, "xiaoli", Role.STAFF))
    for spelling in (national, f"{national[:3]} {national[3:7]} {national[7:]}"):
        type_search(qtbot, page, spelling)
        assert found_ids(page) == [target.id]
    shown_phone = page.model.data(page.model.index(0, column_of("phone")))
    assert "*" in shown_phone and national not in digits(shown_phone)
    page.search("")
    assert page.model.rowCount() == DEMO_CUSTOMERS


class _CancelIgnoringRunner(SynchronousTaskRunner):
    """Deferred and deaf to cancel: every answer arrives, as from a busy worker thread."""

    def submit(self, fn, **callbacks):
        super().submit(fn, **callbacks)
        return TaskHandle()


def test_typing_fast_runs_only_the_last_query_and_stale_answers_are_dropped(demo, open_page, qtbot):
    page = open_page(demo, demo.owner)
    queries: list[CustomerFilter] = []
    service = page.model._service
    original = service.ids

    def counting(session, flt, sort, limit):
        queries.append(flt)
        return original(session, flt, sort, limit)

    service.ids = counting
    qtbot.keyClicks(page.search_edit, "M00012")
    qtbot.waitUntil(lambda: page.model.current_filter.text == "M00012")
    assert [q.text for q in queries] == ["M00012"]  # debounced: one query, not six

    # An answer that arrives after a newer search was asked for is dropped.
    runner = _CancelIgnoringRunner(deferred=True)
    page = open_page(demo, demo.owner, runner)
    runner.run_pending()
    target = a_chinese_customer(demo)
    page.search(target.member_no)
    page.search(target.name[:2])
    runner.run_pending()  # the member-number answer arrives first, then the name answer
    assert page.model.current_filter.text == target.name[:2]
    names = [page.model.data(page.model.index(row, column_of("name")))
             for row in range(page.model.rowCount())]
    assert names and all(target.name[:2] in name for name in names)
    assert "Searching" not in page.count_label.text()


def test_filters_by_level_city_tag_and_date_added(demo, open_page):
    page = open_page(demo, demo.owner)
    model = page.model

    def column(key: str) -> list[str]:
        return [model.data(model.index(row, column_of(key))) for row in range(model.rowCount())]

    page.filters.level_combo.setCurrentIndex(page.filters.level_combo.findData("金卡"))
    assert 0 < model.rowCount() < DEMO_CUSTOMERS
    assert set(column("level")) == {"金卡"}
    gold = model.rowCount()
    page.filters.city_combo.setCurrentIndex(1)
    city = page.filters.city_combo.currentData()
    assert 0 < model.rowCount() < gold
    assert set(column("city")) == {city}
    page.clear_filters()
    assert model.rowCount() == DEMO_CUSTOMERS

    tag = page.filters.tag_combo.itemData(1)
    page.filters.tag_combo.setCurrentIndex(1)
    assert 0 < model.rowCount() < DEMO_CUSTOMERS
    joined = column("tags")
    assert all(tag in text for text in joined)
    page.clear_filters()

    dates = sorted(column("created_at"))
    middle = dates[len(dates) // 2]
    page.filters.added_from.setDate(QDate.fromString(middle, Qt.DateFormat.ISODate))
    after = column("created_at")
    assert after and min(after) >= middle
    page.filters.added_to.setDate(QDate.fromString(middle, Qt.DateFormat.ISODate))
    assert set(column("created_at")) == {middle}
    assert f"{model.rowCount():,}" in page.count_label.text() or model.rowCount() == 1
    page.clear_filters()
    assert model.rowCount() == DEMO_CUSTOMERS


# ------------------------------------------------------------------------------- editing


def test_add_with_invalid_input_shows_each_problem_at_its_field_then_adds(
    demo, open_page, qtbot
):
    page = open_page(demo, demo.owner)
    page.add_button.click()
    dialog = page.customer_dialog
    assert dialog is not None and dialog.isVisible()
    typed = {"name": "", "phone": "12345", "email": "li@", "birthday": "1990-13-45"}
    for key, text in typed.items():
        dialog.set_value(key, text)
    dialog.save_button.click()

    errors = dialog.field_errors()
    assert {"name", "phone", "email", "birthday"} <= set(errors)
    for key in ("name", "phone", "email", "birthday"):
        assert dialog.inputs[key].property("invalid") == "true"
        assert dialog.errors[key].isVisible()
    assert dialog.isVisible()
    assert {key: dialog.value(key) for key in typed} == typed  # nothing lost

    dialog.set_value("name", "欧阳娜娜")
    dialog.set_value("phone", "139 0011 2233")
    dialog.set_value("email", "nana@example.com")
    dialog.set_value("birthday", "1990年3月7日")
    dialog.set_value("tags", "新客、VIP")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    type_search(qtbot, page, "13900112233")
    assert page.model.rowCount() == 1
    assert page.profile_panel.field_values["name"].text() == "欧阳娜娜"
    assert page.profile_panel.field_values["birthday"].text() == "1990-03-07"
    assert "VIP" in page.profile_panel.field_values["tags"].text()


def test_edit_saves_and_the_table_and_profile_show_it(demo, open_page, qtbot):
    page = open_page(demo, demo.owner)
    page.table.selectRow(3)
    customer_id = page.selected_customer_id()
    qtbot.waitUntil(lambda: page.edit_button.isEnabled())
    page.edit_button.click()
    dialog = page.customer_dialog
    assert dialog.value("name") == page.profile_panel.field_values["name"].text()
    dialog.set_value("level", "钻石卡")
    dialog.set_value("notes", "喜欢早上来")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert page.model.data(page.model.index(3, column_of("level"))) == "钻石卡"
    qtbot.waitUntil(lambda: page.profile_panel.field_values["notes"].text() == "喜欢早上来")
    assert page.selected_customer_id() == customer_id
    history = page.profile_panel.history_tab.texts()
    assert any("Customer details edited" in text for text in history)


def test_delete_asks_first_and_removes_the_customer(demo, open_page, qtbot):
    page = open_page(demo, demo.owner)
    page.table.selectRow(0)
    customer_id = page.selected_customer_id()
    qtbot.waitUntil(lambda: page.delete_button.isEnabled())

    page.delete_button.click()
    box = page.delete_confirmation
    assert box is not None and box.isVisible()
    cancel = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    cancel.click()
    assert page.model.rowCount() == DEMO_CUSTOMERS

    page.delete_button.click()
    box = page.delete_confirmation
    delete = next(b for b in box.buttons()
                  if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    delete.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == DEMO_CUSTOMERS - 1)
    assert page.model.row_of(customer_id) is None
    assert CustomerService(demo.workspace).count(demo.owner, CustomerFilter()) == (
        DEMO_CUSTOMERS - 1
    )


# ----------------------------------------------------------------- masking and revealing


def test_manager_reveals_one_field_with_a_reason_and_it_is_in_the_history(
    demo, open_page, qtbot
):
    target = a_chinese_customer(demo)
    page = open_page(demo, user_session(demo, "lijing", Role.MANAGER))
    type_search(qtbot, page, target.member_no)
    panel = page.profile_panel
    qtbot.waitUntil(lambda: panel.profile is not None and panel.profile.id == target.id)
    masked = panel.field_values["phone"].text()
    assert "*" in masked
    reveal = panel.reveal_buttons["phone"]
    assert reveal.isVisible()

    reveal.click()
    dialog = page.reveal_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.value_edit.isVisible()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findText("Shipping"))
    dialog.reveal_button.click()
    qtbot.waitUntil(lambda: dialog.value_edit.isVisible())
    assert digits(dialog.value_edit.text()).endswith(digits(target.phone)[-11:])

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.value_edit.text()
    assert page._clipboard.holds_sensitive

    # The table and the profile still show the mask; the history shows the reveal.
    assert page.model.data(page.model.index(0, column_of("phone"))) == masked
    qtbot.waitUntil(lambda: any("Shipping" in t for t in panel.history_tab.texts()))
    assert panel.field_values["phone"].text() == masked
    dialog.close_button.click()
    assert dialog.value_edit.text() == ""

    # Another reason, typed in "Other…".
    panel.reveal_buttons["name"].click()
    dialog = page.reveal_dialog
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.count() - 1)
    assert dialog.other_edit.isVisible() and not dialog.reveal_button.isEnabled()
    type_into(qtbot, dialog.other_edit, "客户要求核对姓名")
    assert dialog.reveal_button.isEnabled()
    dialog.reveal_button.click()
    qtbot.waitUntil(lambda: dialog.value_edit.text() == target.name)
    qtbot.waitUntil(lambda: any("客户要求核对姓名" in t for t in panel.history_tab.texts()))
    dialog.reject()


def test_the_owner_sees_everything_and_has_nothing_to_reveal(demo, open_page, qtbot):
    page = open_page(demo, demo.owner)
    qtbot.waitUntil(lambda: page.profile_panel.profile is not None)
    assert page.profile_panel.profile.masked == frozenset()
    assert not any(b.isVisible() for b in page.profile_panel.reveal_buttons.values())
    assert page.edit_button.isVisible() and page.delete_button.isVisible()


def test_staff_sees_masked_values_and_no_reveal_edit_or_delete(demo, open_page, qtbot):
    page = open_page(demo, user_session(demo, "xiaoli", Role.STAFF))
    assert page.add_button.isVisible()
    assert not page.delete_button.isVisible()
    assert not page.edit_button.isVisible()
    nationals = {digits(r.phone)[-10:] for r in all_rows(demo) if r.phone}
    for row in (0, 7, 250, 1999):
        page.table.selectRow(row)
        page.table.scrollTo(page.model.index(row, 0))
        qtbot.waitUntil(
            lambda row=row: page.profile_panel.profile is not None
            and page.profile_panel.profile.id == page.model.customer_id(row)
        )
        assert not any(b.isVisible() for b in page.profile_panel.reveal_buttons.values())
        for tab in range(page.profile_panel.tabs.count()):
            page.profile_panel.tabs.setCurrentIndex(tab)
            for text in [*page.profile_panel.texts(), *shown_texts(page)]:
                found = digits(text)
                assert not any(n in found for n in nationals), text
    page.reveal_field("phone")  # even if asked directly
    assert page.reveal_dialog is None

    # Ctrl+C copies what is shown: the masked phone, as a plain (not sensitive) copy.
    page.table.setFocus()
    index = page.model.index(2, column_of("phone"))
    page.table.setCurrentIndex(index)
    shown = page.model.data(index)
    assert "*" in shown
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == shown
    assert not page._clipboard.holds_sensitive


def test_clear_sensitive_empties_the_table_and_profile_and_keeps_the_form(
    demo, open_page, qtbot
):
    page = open_page(demo, demo.owner)
    qtbot.waitUntil(lambda: page.profile_panel.profile is not None)
    page.add_button.click()
    dialog = page.customer_dialog
    dialog.set_value("name", "半填的客户")

    page.clear_sensitive()
    assert page.model.rowCount() == 0
    assert page.profile_panel.profile is None
    assert all(not label.text() for label in page.profile_panel.field_values.values())
    assert not dialog.isVisible()
    assert dialog.value("name") == "半填的客户"

    page.restore_after_unlock()
    assert page.model.rowCount() == DEMO_CUSTOMERS
    assert dialog.isVisible() and dialog.value("name") == "半填的客户"
