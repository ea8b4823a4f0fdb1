"""Unlocking a shop on a PC without its key, and logging in (wrong, right, throttled)."""

from __future__ import annotations

import shutil

import pytest

from desktop.services.paths import ShopPaths
from desktop.ui.shell.controller import State
from desktop.ui.shell.unlock_view import RECOVERY_CODE
from tests.ui.shell_support import (
    OWNER,
    OWNER_PASSWORD,
    SHOP_NAME,
    STAFF,
    STAFF_PASSWORD,
    WAIT_MS,
    audit_actions,
    log_in,
    wait_for_state,
)


@pytest.fixture
def copy_of_shop(shared, tmp_path):
    """A private copy of the shared shop's files (for tests that damage them)."""
    home = tmp_path / "copy"
    home.mkdir()
    for source in (shared.paths.db, shared.paths.keyfile):
        shutil.copy2(source, home / source.name)
    return ShopPaths(home)


def start_at_unlock(qtbot, new_controller, paths):
    controller = new_controller(paths)
    controller.start()
    wait_for_state(qtbot, controller, State.UNLOCK)
    return controller


def unlock(qtbot, controller, mode, secret):
    view = controller.unlock_view
    view.set_mode(mode)
    field = view.code_field if mode == RECOVERY_CODE else view.password_field
    field.setText(secret)
    view.unlock_button.click()
    assert not view.unlock_button.isEnabled()  # busy: no second request meanwhile
    qtbot.waitUntil(lambda: view.unlock_button.isEnabled() or controller.state is State.LOGIN,
                    timeout=WAIT_MS)


def test_no_key_on_this_pc_unlocks_with_the_owner_password(
    qtbot, shared, no_keyring, new_controller
):
    controller = start_at_unlock(qtbot, new_controller, shared.paths)
    view = controller.unlock_view
    assert not view.remember_check.isEnabled()
    assert "no keyring" in view.remember_note.text()
    assert str(shared.paths.home) in view.folder_label.text()

    unlock(qtbot, controller, "password", OWNER_PASSWORD)

    assert controller.state is State.LOGIN
    assert controller.window.current_screen() is controller.login_view
    assert controller.login_view.subtitle_label.text() == SHOP_NAME
    assert controller.window.windowTitle() == f"ShopVault 客户保险箱 — {SHOP_NAME}"


def test_no_key_on_this_pc_unlocks_with_the_recovery_code(
    qtbot, shared, no_keyring, new_controller
):
    controller = start_at_unlock(qtbot, new_controller, shared.paths)
    typed = shared.recovery_code.lower().replace("-", " ")  # as people type it
    unlock(qtbot, controller, RECOVERY_CODE, typed)
    assert controller.state is State.LOGIN


def test_wrong_password_and_wrong_code_each_say_so(qtbot, shared, no_keyring, new_controller):
    controller = start_at_unlock(qtbot, new_controller, shared.paths)
    view = controller.unlock_view

    unlock(qtbot, controller, "password", "Not-the-password-1")
    assert controller.state is State.UNLOCK
    assert view.error_label.text() == "The owner password is not correct."
    assert view.password_field.edit.property("invalid") == "true"

    unlock(qtbot, controller, RECOVERY_CODE, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF")
    assert controller.state is State.UNLOCK
    assert view.error_label.text().startswith("This recovery code is not correct.")

    view.set_mode("password")
    view.password_field.setText("")
    view.unlock_button.click()
    assert view.field_error.text() == "Enter the owner password."


def test_damaged_and_missing_files_get_their_own_messages(
    qtbot, copy_of_shop, no_keyring, new_controller
):
    copy_of_shop.keyfile.write_bytes(b"{ not a key file")
    controller = new_controller(copy_of_shop)
    controller.start()
    wait_for_state(qtbot, controller, State.PROBLEM)
    problem = controller.problem_view
    assert problem.message_label.text() == (
        "The file shop.key is damaged and cannot be opened. It was left untouched."
    )
    assert "Restore the shop from a backup" in problem.advice_label.text()
    assert "Traceback" not in problem.message_label.text()

    copy_of_shop.keyfile.unlink()  # shop.db without its key file
    problem.retry_button.click()
    wait_for_state(qtbot, controller, State.PROBLEM)
    qtbot.waitUntil(lambda: "missing" in problem.message_label.text(), timeout=WAIT_MS)
    assert problem.message_label.text() == "The file shop.key is missing."
    assert "shop.db and shop.key" in problem.advice_label.text()


def test_login_wrong_then_right(qtbot, shared, new_controller):
    controller = new_controller(shared.paths, keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)  # the keyring holds the key: no unlock
    view = controller.login_view

    view.user_edit.setText(STAFF)
    view.secret_field.setText("wrong-password")
    view.login_button.click()
    qtbot.waitUntil(view.error_label.isVisible, timeout=WAIT_MS)
    assert view.error_label.text() == "Unknown user name or wrong password."
    assert view.secret_field.text() == ""

    view.user_edit.setText("nobody-here")
    view.secret_field.setText("wrong-password")
    view.login_button.click()
    qtbot.waitUntil(lambda: view.login_button.isEnabled(), timeout=WAIT_MS)
    assert view.error_label.text() == "Unknown user name or wrong password."  # same answer

    log_in(qtbot, controller, STAFF, STAFF_PASSWORD)
    assert controller.session.user.username == STAFF
    assert controller.main_window.page_keys() == ["customers", "orders", "feedback"]
    assert controller.preferences.last_user(shared.paths.home) == STAFF
    assert "login.ok" in audit_actions(controller)


def test_throttled_login_counts_down_with_the_button_disabled(
    qtbot, shared, new_controller
):
    controller = new_controller(shared.paths, keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    view = controller.login_view
    user = "throttle-probe"

    def attempt():
        qtbot.waitUntil(view.login_button.isEnabled, timeout=WAIT_MS)
        view.user_edit.setText(user)
        view.secret_field.setText("still-wrong-1")
        view.login_button.click()
        qtbot.waitUntil(lambda: not view._busy, timeout=WAIT_MS)

    for _ in range(3):  # three free attempts; the third sets a 1 s back-off
        attempt()
    attempt()  # within that second: throttled

    assert "Try again in" in view.error_label.text()
    assert view.throttle_seconds_left >= 1
    assert not view.login_button.isEnabled()
    qtbot.waitUntil(view.login_button.isEnabled, timeout=WAIT_MS)
    assert view.error_label.text() == "You can try again now."

    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    assert controller.session.user.username == OWNER
