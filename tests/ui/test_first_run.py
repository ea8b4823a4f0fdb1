"""First run on a fresh PC without a keyring: the wizard, end to end, on a real shop."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from desktop.core.roles import Role
from desktop.services.paths import ShopPaths
from desktop.services.workspace import default_keyring, open_with_recovery_code
from desktop.ui import i18n
from desktop.ui.shell import first_run
from desktop.ui.shell.controller import State
from tests.ui.shell_support import (
    OWNER,
    OWNER_PASSWORD,
    WAIT_MS,
    wait_for_state,
)


def fill_shop_page(wizard, *, shop="老王杂货店", owner=OWNER, password=OWNER_PASSWORD,
                   confirm=None):
    wizard.shop_edit.setText(shop)
    wizard.owner_edit.setText(owner)
    wizard.password_field.setText(password)
    wizard.confirm_field.setText(password if confirm is None else confirm)


def test_weak_password_is_refused_with_the_reason_at_the_field(
    qtbot, tmp_path, no_keyring, new_controller
):
    controller = new_controller(ShopPaths(tmp_path / "shop"))
    controller.start()
    wizard = controller.wizard
    assert controller.state is State.FIRST_RUN
    wizard.next_button.click()
    assert wizard.step == first_run.SHOP

    fill_shop_page(wizard, password="abc")
    wizard.next_button.click()

    assert wizard.step == first_run.SHOP
    assert wizard.password_error.isVisible()
    assert "Use at least 8 characters." in wizard.password_error.text()
    assert wizard.password_field.edit.property("invalid") == "true"
    assert wizard.strength.text_label.text() == "Too weak"

    fill_shop_page(wizard, password="password1")  # long enough, but too common
    wizard.next_button.click()
    assert wizard.step == first_run.SHOP
    assert "too common" in wizard.password_error.text()

    fill_shop_page(wizard, confirm="Correct-horse-43")
    wizard.next_button.click()
    assert wizard.step == first_run.SHOP
    assert not wizard.password_error.isVisible()
    assert wizard.confirm_error.text() == "The two passwords are not the same."

    fill_shop_page(wizard, shop="  ", owner="lao wang")
    wizard.next_button.click()
    assert wizard.step == first_run.SHOP
    assert wizard.shop_error.text() == "Use 1 to 80 characters."
    assert wizard.owner_error.text() == "Use 1 to 64 characters without spaces."
    assert not (tmp_path / "shop").exists()


def test_first_run_creates_the_shop_and_ends_logged_in_as_the_owner(
    qtbot, tmp_path, no_keyring, new_controller
):
    paths = ShopPaths(tmp_path / "shop")
    controller = new_controller(paths)
    controller.start()
    wizard = controller.wizard
    wizard.next_button.click()
    fill_shop_page(wizard)
    assert wizard.strength.strength >= 2
    wizard.next_button.click()
    assert wizard.step == first_run.THIS_PC

    # No keyring on this PC: "remember" is off and says why.
    qtbot.waitUntil(lambda: not wizard.remember_check.isEnabled(), timeout=WAIT_MS)
    assert not wizard.remember_check.isChecked()
    assert "no keyring" in wizard.remember_note.text()

    wizard.demo_check.setChecked(True)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.step == first_run.RECOVERY, timeout=WAIT_MS)

    code = wizard.recovery_panel.code
    groups = wizard.recovery_panel.group_labels()
    assert len(groups) == 6 and "-".join(groups) == code
    assert not wizard.password_field.text()  # the password is not kept in the form
    # Finish needs the "written down" confirmation (and the demo data).
    qtbot.waitUntil(lambda: not wizard._demo_pending, timeout=WAIT_MS)
    assert not wizard.next_button.isEnabled()
    wizard.recovery_panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == code
    assert controller.clipboard.holds_sensitive
    wizard.recovery_panel.written_check.setChecked(True)
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()

    wait_for_state(qtbot, controller, State.MAIN)
    assert controller.session is not None
    assert controller.session.user.username == OWNER
    assert controller.session.user.role is Role.OWNER
    assert controller.main_window is not None
    assert controller.main_window.page_keys() == [
        "customers", "orders", "feedback", "import", "audit"]
    assert controller.window.windowTitle() == "ShopVault 客户保险箱 — 老王杂货店"
    assert paths.db.exists() and paths.keyfile.exists()
    assert wizard.recovery_panel.code == ""  # gone from the screen
    assert wizard.recovery_panel.group_labels() == []
    controller.tasks.wait_until_idle(WAIT_MS)
    assert controller.workspace is not None
    assert controller.workspace.shop.db.customers.count() == first_run.DEMO_CUSTOMERS
    controller.shutdown()

    # The code shown is the one that unlocks the shop.
    workspace = open_with_recovery_code(paths, code.lower(), default_keyring())
    assert workspace.shop_name == "老王杂货店"
    workspace.close()


def test_language_step_switches_live_and_is_remembered(
    qtbot, tmp_path, no_keyring, new_controller
):
    controller = new_controller(ShopPaths(tmp_path / "shop"))
    controller.start()
    wizard = controller.wizard
    names = [b.text() for b in wizard.language_buttons.buttons()]
    assert names == ["简体中文", "English"]

    wizard.language_buttons.button(0).click()
    assert controller.languages.language == i18n.CHINESE
    assert controller.preferences.language() == i18n.CHINESE
    assert wizard.language_buttons.button(0).isChecked()
    assert controller.login_view.language_combo.currentData() == i18n.CHINESE

    wizard.language_buttons.button(1).click()
    assert controller.languages.language == i18n.ENGLISH
    assert controller.preferences.language() == i18n.ENGLISH
