"""Locking: idle timeout, OS session lock, Ctrl+L; unsaved edits kept, data views cleared;
another user gets fresh pages; log-out destroys them. Every lock and log-out is audited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from desktop.services.demo import load_demo_data
from desktop.services.workspace import open_with_keyring
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.shell.controller import State
from tests.support.private_dbus import send_signal
from tests.ui.shell_support import (
    OWNER,
    OWNER_PASSWORD,
    STAFF,
    STAFF_PASSWORD,
    WAIT_MS,
    FakeCustomersPage,
    audit_actions,
    create_shared_shop,
    log_in,
    specs_with_fake_customers,
    wait_for_state,
)


@pytest.fixture
def logged_in_staff(qtbot, shared, new_controller):
    FakeCustomersPage.instances.clear()
    controller = new_controller(shared.paths, keyring=shared.keyring,
                                page_specs=specs_with_fake_customers())
    controller.idle.start(watch_os_session=False)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    log_in(qtbot, controller, STAFF, STAFF_PASSWORD)
    page = controller.main_window.page("customers")
    assert isinstance(page, FakeCustomersPage)
    return controller, page


def test_idle_timeout_locks_and_the_same_user_finds_the_unsaved_edit(qtbot, logged_in_staff):
    controller, page = logged_in_staff
    assert controller.idle.timeout_seconds == 5 * 60  # the shop's setting (default 5 min)
    page.draft_edit.setText("Wants the blue one, call back after 3")
    controller.clipboard.copy("13812345678", sensitive=True)

    controller.idle.set_timeout_seconds(0.2)
    wait_for_state(qtbot, controller, State.LOCKED, timeout=5_000)

    view = controller.login_view
    assert controller.window.current_screen() is view
    assert view.locked and view.title_label.text() == "Locked"
    assert view.user_edit.text() == STAFF
    assert view.secret_field.text() == ""
    assert page.cleared == 1
    assert page.data_view.text() == ""
    assert QGuiApplication.clipboard().text() == ""
    assert "session.locked" in audit_actions(controller)

    log_in(qtbot, controller, STAFF, STAFF_PASSWORD)
    assert controller.window.current_screen() is controller.main_window
    assert controller.main_window.page("customers") is page  # not rebuilt
    assert page.draft_edit.text() == "Wants the blue one, call back after 3"
    assert page.restored == 1
    assert len(FakeCustomersPage.instances) == 1
    assert controller.idle.timeout_seconds == 5 * 60  # back to the setting after login


def test_os_session_lock_locks_at_once(qtbot, logged_in_staff):
    controller, page = logged_in_staff
    controller.idle.notify_session_locked()
    assert controller.state is State.LOCKED
    assert page.cleared == 1


LOGIN1 = "/org/freedesktop/login1"
# Signals as the desktop sends them (the private bus's emitter owns each service's name).
OS_LOCK_SIGNALS = {
    "gnome screen saver": ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
                           True),
    "kde / freedesktop screen saver": ("/ScreenSaver", "org.freedesktop.ScreenSaver",
                                       "ActiveChanged", True),
    "logind session lock": (f"{LOGIN1}/session/_32", "org.freedesktop.login1.Session", "Lock"),
    "logind before sleep": (LOGIN1, "org.freedesktop.login1.Manager", "PrepareForSleep", True),
}


@pytest.mark.parametrize("signal", OS_LOCK_SIGNALS.values(), ids=OS_LOCK_SIGNALS.keys())
def test_os_session_lock_on_dbus_locks_the_window_and_keeps_the_draft(
    qtbot, logged_in_staff, private_bus, signal
):
    controller, page = logged_in_staff
    listen, emit = private_bus
    assert len(controller.idle.watch_dbus(system_bus=listen, session_bus=listen,
                                          session_id="2")) == 4
    page.draft_edit.setText("Wants the blue one")

    send_signal(emit, *signal)
    wait_for_state(qtbot, controller, State.LOCKED, timeout=5_000)
    assert controller.window.current_screen() is controller.login_view
    assert controller.login_view.locked
    assert page.cleared == 1 and page.data_view.text() == ""
    assert page.draft_edit.text() == "Wants the blue one"
    assert audit_actions(controller)[-1] == "session.locked"

    log_in(qtbot, controller, STAFF, STAFF_PASSWORD)
    assert page.restored == 1 and page.draft_edit.text() == "Wants the blue one"


def test_screen_saver_lock_clears_the_real_customers_page_and_keeps_the_open_form(
    qtbot, tmp_path, new_controller, private_bus
):
    shop = create_shared_shop(tmp_path / "shop")
    workspace = open_with_keyring(shop.paths, shop.keyring)
    try:
        owner = workspace.accounts.login(OWNER, OWNER_PASSWORD)
        load_demo_data(workspace, owner, 30)
    finally:
        workspace.close()
    controller = new_controller(shop.paths, keyring=shop.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    page = controller.main_window.page("customers")
    assert isinstance(page, CustomersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 30 and page.model.complete,
                    timeout=WAIT_MS)
    page.add_button.click()
    dialog = page.customer_dialog
    dialog.set_value("name", "半填的客户")
    listen, emit = private_bus
    controller.idle.watch_dbus(system_bus=listen, session_bus=listen, session_id="2")

    send_signal(emit, *OS_LOCK_SIGNALS["gnome screen saver"])
    wait_for_state(qtbot, controller, State.LOCKED, timeout=5_000)
    assert controller.window.current_screen() is controller.login_view
    assert page.model.rowCount() == 0
    assert page.profile_panel.profile is None
    assert not dialog.isVisible()
    assert dialog.value("name") == "半填的客户"

    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    qtbot.waitUntil(lambda: page.model.rowCount() == 30, timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.value("name") == "半填的客户"
    dialog.reject()


def test_ctrl_l_locks_and_hides_open_dialogs_until_the_user_is_back(qtbot, logged_in_staff):
    controller, page = logged_in_staff
    dialog = QDialog(controller.main_window)
    dialog.setWindowTitle("Edit customer")
    dialog.show()
    qtbot.waitExposed(dialog)
    controller.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.window)

    qtbot.keyClick(page.draft_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert controller.state is State.LOCKED
    assert not dialog.isVisible()

    log_in(qtbot, controller, STAFF, STAFF_PASSWORD)
    assert dialog.isVisible()
    dialog.close()


def test_another_user_after_a_lock_gets_fresh_pages(qtbot, logged_in_staff):
    controller, page = logged_in_staff
    page.draft_edit.setText("staff's draft")
    controller.main_window.lock_button.click()
    assert controller.state is State.LOCKED

    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    new_page = controller.main_window.page("customers")
    assert new_page is not page
    assert new_page.draft_edit.text() == ""
    assert controller.main_window.page_keys() == ["customers", "orders", "feedback", "audit"]
    actions = audit_actions(controller)
    # The locked session ends once the other user is in.
    assert actions[-3:] == ["session.locked", "login.ok", "logout"]


def test_log_out_destroys_the_pages(qtbot, logged_in_staff):
    controller, page = logged_in_staff
    controller.main_window.logout_button.click()
    assert controller.state is State.LOGIN
    assert controller.main_window is None
    assert controller.session is None
    assert not controller.login_view.locked
    assert controller.login_view.user_edit.text() == STAFF  # the last user, for convenience
    assert audit_actions(controller)[-1] == "logout"
    qtbot.waitUntil(lambda: not _alive(page), timeout=WAIT_MS)


def test_quit_waits_audits_and_closes_the_shop(qtbot, logged_in_staff):
    controller, _page = logged_in_staff
    workspace = controller.workspace
    controller.shutdown()
    assert controller.state is State.CLOSED
    assert controller.workspace is None
    assert not controller.window.isVisible()
    records = list(_reopen_actions(workspace))
    assert records[-2:] == ["logout", "shop.unlocked"]  # the last before reopening


def _reopen_actions(workspace):
    from desktop.services.workspace import open_with_keyring

    reopened = open_with_keyring(workspace.shop.paths, workspace.shop.keyring)
    try:
        return [r.action for r in reopened.shop.db.audit.iter_all()]
    finally:
        reopened.close()


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)
