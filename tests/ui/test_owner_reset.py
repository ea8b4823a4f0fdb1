""""Forgot the owner password?" on the login screen: the dialog, the reset in the background
and the login with the new password — on a real copy of a shop."""

from __future__ import annotations

import shutil

import pytest

from desktop.services.paths import ShopPaths
from desktop.ui.shell.controller import State
from desktop.ui.shell.owner_reset_dialog import OwnerResetDialog
from tests.ui.shell_support import (
    OWNER,
    OWNER_PASSWORD,
    WAIT_MS,
    audit_actions,
    log_in,
    wait_for_state,
)

NEW_PASSWORD = "Fresh-start-2026"
WRONG_CODE = "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"




@pytest.fixture
def at_login(qtbot, shared, tmp_path, new_controller):
    """A controller on the login screen of a private copy of the shared shop."""
    home = tmp_path / "copy"
    home.mkdir()
    for source in (shared.paths.db, shared.paths.keyfile):
        shutil.copy2(source, home / source.name)
    controller = new_controller(ShopPaths(home), keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    return controller


def open_dialog(qtbot, controller) -> OwnerResetDialog:
    controller.login_view.forgot_button.click()
    dialog = controller.owner_reset.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def fill(dialog: OwnerResetDialog, code: str, password: str, confirm: str | None = None) -> None:
    dialog.code_field.setText(code)
    dialog.password_field.setText(password)
    dialog.confirm_field.setText(password if confirm is None else confirm)


def test_a_wrong_code_is_shown_at_the_code_field_and_changes_nothing(qtbot, at_login) -> None:
    dialog = open_dialog(qtbot, at_login)
    fill(dialog, WRONG_CODE, NEW_PASSWORD)
    dialog.reset_button.click()
    assert dialog.busy and dialog.busy_bar.isVisible()  # runs in the background
    assert not dialog.reset_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.isVisible()
    assert dialog.code_error.isVisible()
    assert "not correct" in dialog.code_error.text()
    assert not dialog.password_error.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
    assert dialog.password_field.text() == ""  # nothing typed is kept after cancel
    assert "key.password_reset" not in audit_actions(at_login)
    log_in(qtbot, at_login, OWNER, OWNER_PASSWORD)  # the old password still works


def test_a_weak_or_mismatched_password_is_refused_at_its_field(qtbot, shared, at_login) -> None:
    dialog = open_dialog(qtbot, at_login)
    requests: list[tuple[str, str]] = []
    dialog.reset_requested.connect(lambda code, new: requests.append((code, new)))
    fill(dialog, shared.recovery_code, "short")
    assert dialog.strength.strength == 0
    assert dialog.strength.text_label.text() == "Too weak"
    dialog.reset_button.click()
    assert dialog.password_error.isVisible()
    assert "8 characters" in dialog.password_error.text()
    assert not dialog.busy

    fill(dialog, shared.recovery_code, NEW_PASSWORD, "Fresh-start-2025")
    assert dialog.strength.strength >= 3
    dialog.reset_button.click()
    assert not dialog.password_error.isVisible()
    assert dialog.confirm_error.text() == "The two passwords are not the same."

    fill(dialog, "  - - ", NEW_PASSWORD)
    dialog.reset_button.click()
    assert dialog.code_error.text() == "Enter the recovery code from your paper copy."
    assert requests == []  # nothing was sent to the reset


def test_the_right_code_sets_the_new_password_and_returns_to_login(
    qtbot, shared, at_login
) -> None:
    view = at_login.login_view
    view.user_edit.setText("someone")
    view.show_throttled(600)  # the owner ran into the back-off before remembering the code
    assert view.forgot_button.isEnabled() and not view.login_button.isEnabled()
    dialog = open_dialog(qtbot, at_login)
    # typed as people copy it from paper: small letters, spaces for dashes
    fill(dialog, shared.recovery_code.lower().replace("-", " "), NEW_PASSWORD)
    dialog.reset_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert dialog.password_field.text() == "" and dialog.code_field.text() == ""
    assert at_login.window.current_screen() is view
    assert at_login.state is State.LOGIN
    assert view.reset_notice.isVisible()
    assert "Log in with the new password" in view.reset_notice.text()
    assert view.user_edit.text() == OWNER
    assert view.throttle_seconds_left == 0 and view.login_button.isEnabled()
    assert "key.password_reset" in audit_actions(at_login)

    view.secret_field.setText(OWNER_PASSWORD)
    view.login_button.click()
    qtbot.waitUntil(lambda: view.error_label.isVisible(), timeout=WAIT_MS)
    assert at_login.state is State.LOGIN  # the old password no longer works
    log_in(qtbot, at_login, OWNER, NEW_PASSWORD)
