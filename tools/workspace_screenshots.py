"""Screenshots of every workspace screen, in English and 简体中文, as owner, manager and staff.

Run under a real X server so that the screen grab shows dialogs over the window:

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python tools/workspace_screenshots.py \\
        --out /work/shots/workspace

Each language and role runs in a process of its own (a clean QApplication, the language
installed as the app does at start). The shop is a throw-away one in a temporary folder:
demo customers, an owner, a manager and a staff member; its key sits in a file-backed test
keyring there, so no real keyring is touched.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.keystroke_shop import FileKeyring

SHOP_NAME = "老王杂货店"
USERS = {"owner": ("wang", "Correct-horse-42"), "manager": ("zhao", "Manager-pass-99"),
         "staff": ("li", "Counter-staff-7")}
LANGUAGES = {"en": "en", "zh": "zh_CN"}
DEMO_CUSTOMERS = 400
WIDTH, HEIGHT = 1280, 800


def prepare_shop(home: Path) -> None:
    from desktop.core.roles import Role
    from desktop.services.demo import load_demo_data
    from desktop.services.paths import ShopPaths
    from desktop.services.workspace import new_workspace

    workspace, owner, _code = new_workspace(
        ShopPaths(home / "shop"), SHOP_NAME, *USERS["owner"],
        keyring=FileKeyring(home / "keyring.json"), remember=True)
    try:
        workspace.accounts.add_user(owner, *USERS["manager"][:1], Role.MANAGER,
                                    USERS["manager"][1])
        workspace.accounts.add_user(owner, *USERS["staff"][:1], Role.STAFF, USERS["staff"][1])
        load_demo_data(workspace, owner, DEMO_CUSTOMERS)
    finally:
        workspace.close()


class Shooter:
    def __init__(self, out: Path, prefix: str, language: str) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.ui import i18n
        from desktop.ui.shell.style import apply_style

        self.app = QApplication.instance() or QApplication(["shopvault-screenshots"])
        self.language = i18n.install_translators(self.app, language)
        apply_style(self.app)
        self.out, self.prefix = out, prefix
        self.taken: list[str] = []

    def wait(self, done: Callable[[], bool], timeout_s: float = 20.0) -> bool:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + timeout_s
        while not done():
            if time.monotonic() > deadline:
                print(f"  (timed out waiting in {self.prefix})", flush=True)
                return False
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)
        return True

    def settle(self, seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        self.wait(lambda: time.monotonic() > end)

    def shot(self, name: str, widget: Any = None) -> None:
        """The whole screen (dialogs over the window), or one widget."""
        from PySide6.QtGui import QGuiApplication

        self.settle()
        path = self.out / f"{self.prefix}-{name}.png"
        if widget is not None:
            pixmap = widget.grab()
        else:
            pixmap = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, WIDTH, HEIGHT)
        pixmap.save(str(path))
        self.taken.append(path.name)

    def controller(self, home: Path, keyring: Any, prefs: Path) -> Any:
        from PySide6.QtCore import QSettings

        from desktop.services.paths import ShopPaths
        from desktop.ui.clipboard_guard import ClipboardGuard
        from desktop.ui.idle_lock import IdleWatcher
        from desktop.ui.shell.controller import AppController
        from desktop.ui.shell.preferences import LanguageSwitch, Preferences
        from desktop.ui.tasks import TaskRunner

        preferences = Preferences(QSettings(str(prefs), QSettings.Format.IniFormat))
        controller = AppController(
            ShopPaths(home), runner=TaskRunner(), clipboard=ClipboardGuard(),
            idle=IdleWatcher(timeout_seconds=0), languages=LanguageSwitch(preferences,
                                                                           self.language),
            preferences=preferences, keyring=keyring)
        controller.window.setGeometry(0, 0, WIDTH, HEIGHT)
        controller.window.show()
        return controller


# ------------------------------------------------------------------ first run, unlock, login

def gate_screens(s: Shooter, work: Path) -> None:
    from desktop.ui.shell import first_run
    from desktop.ui.shell.controller import State

    home = work / f"first-{s.language}"
    keyring = FileKeyring(work / f"first-{s.language}-keyring.json")
    c = s.controller(home / "shop", keyring, work / f"first-{s.language}.ini")
    c.start()
    wizard = c.wizard
    s.wait(lambda: c.state is State.FIRST_RUN)
    s.shot("firstrun-1-language")
    wizard.next_button.click()
    wizard.shop_edit.setText(SHOP_NAME)
    wizard.owner_edit.setText("wang")
    wizard.password_field.setText("abc123")
    wizard.confirm_field.setText("abc124")
    wizard.next_button.click()
    s.shot("firstrun-2-shop-weak-password")
    wizard.password_field.setText(USERS["owner"][1])
    wizard.confirm_field.setText(USERS["owner"][1])
    s.shot("firstrun-2-shop-strong-password")
    wizard.next_button.click()
    s.wait(lambda: wizard.step == first_run.THIS_PC)
    wizard.demo_check.setChecked(True)
    s.shot("firstrun-3-this-pc")
    wizard.next_button.click()
    s.wait(lambda: wizard.step == first_run.RECOVERY)
    s.shot("firstrun-4-recovery-code-demo-loading")
    s.wait(lambda: not wizard._demo_pending, 60)
    s.shot("firstrun-4-recovery-code")
    wizard.recovery_panel.written_check.setChecked(True)
    wizard.next_button.click()
    s.wait(lambda: c.state is State.MAIN)
    s.shot("firstrun-5-main-window")
    c.shutdown()
    c.window.close()

    # The same shop on a PC that does not remember its key: unlock, then log in.
    c = s.controller(home / "shop", FileKeyring(work / f"empty-{s.language}.json"),
                     work / f"first-{s.language}.ini")
    c.start()
    s.wait(lambda: c.state is State.UNLOCK)
    s.shot("unlock")
    c.unlock_view.password_field.setText("Wrong-password-1")
    c.unlock_view.unlock_button.click()
    s.wait(lambda: bool(c.unlock_view.field_error.text() or c.unlock_view.error_label.text()),
           30)
    s.shot("unlock-wrong-password")
    c.unlock_view.code_mode.click()
    s.shot("unlock-recovery-code")
    c.unlock_view.password_mode.click()
    c.unlock_view.password_field.setText(USERS["owner"][1])
    c.unlock_view.unlock_button.click()
    s.wait(lambda: c.state is State.LOGIN, 30)
    s.shot("login")
    c.login_view.user_edit.setText("wang")
    c.login_view.secret_field.setText("not-the-password")
    c.login_view.login_button.click()
    s.wait(lambda: c.login_view.login_button.isEnabled(), 30)
    s.shot("login-wrong-password")
    c.shutdown()
    c.window.close()


# ------------------------------------------------------------------ the workspace, per role

def workspace_screens(s: Shooter, work: Path, role: str) -> None:
    from PySide6.QtWidgets import QPushButton

    from desktop.ui.pages.customers_page import CustomersPage
    from desktop.ui.shell.controller import State

    c = s.controller(work / "shop", FileKeyring(work / "keyring.json"),
                     work / f"{s.prefix}.ini")
    c.start()
    s.wait(lambda: c.state is State.LOGIN)
    user, secret = USERS[role]
    c.login_view.user_edit.setText(user)
    c.login_view.secret_field.setText(secret)
    c.login_view.login_button.click()
    s.wait(lambda: c.state is State.MAIN, 30)
    window = c.main_window
    page = window.page("customers")
    assert isinstance(page, CustomersPage)
    s.wait(lambda: page.model.complete and page.profile_panel.profile is not None)
    s.shot("customers")
    page.search_edit.setText("张")
    s.wait(lambda: page.model.current_filter.text == "张" and page.model.complete)
    s.wait(lambda: page.profile_panel.profile is not None)
    s.shot("customers-search")
    tabs = page.profile_panel.tabs
    for number, name in enumerate(("basics", "orders", "feedback", "consents", "history")):
        if number < tabs.count():
            tabs.setCurrentIndex(number)
            s.shot(f"profile-{name}")
    tabs.setCurrentIndex(0)
    export_screens(s, page, work)

    if page.add_button.isVisible():
        page.add_button.click()
        dialog = page.customer_dialog
        dialog.set_value("name", "")
        dialog.set_value("phone", "138 1234")
        dialog.set_value("email", "wang@")
        dialog.set_value("birthday", "1990-13-45")
        dialog.set_value("points", "-5")
        dialog.save_button.click()
        s.wait(lambda: bool(dialog.field_errors()))
        s.shot("customer-add-errors")
        dialog.reject()
        s.settle()
    if page.edit_button.isVisible() and page.edit_button.isEnabled():
        page.edit_customer()
        s.wait(lambda: page.customer_dialog is not None)
        s.shot("customer-edit")
        page.customer_dialog.reject()
        s.settle()
    reveal = page.profile_panel.reveal_buttons.get("phone")
    if reveal is not None and reveal.isVisible():  # what a manager clicks; never the owner
        reveal.click()
        s.wait(lambda: page.reveal_dialog is not None)
        s.shot("reveal")
        dialog = page.reveal_dialog
        dialog.reason_combo.setCurrentIndex(min(1, dialog.reason_combo.count() - 1))
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()
                   and b.property("role") == "primary"]
        if buttons:
            buttons[0].click()
            s.wait(lambda: bool(dialog.value_edit.text()), 10)
            s.shot("reveal-shown")
        dialog.reject()
        s.settle()
        tabs.setCurrentIndex(4)
        s.shot("profile-history-after-reveal")
        tabs.setCurrentIndex(0)

    orders = window.open_page("orders")
    if orders is not None:
        s.wait(lambda: orders.model.rowCount() > 0)
        orders.table.selectRow(0)
        s.wait(lambda: orders.detail.detail is not None)
        s.shot("orders")
        if orders.detail.edit_button.isVisible():  # as the user would: through "Edit…"
            orders.detail.edit_button.click()
            s.wait(lambda: orders.dialog is not None)
            s.shot("order-dialog")
            orders.dialog.reject()
            s.settle()
    feedback = window.open_page("feedback")
    if feedback is not None:
        s.wait(lambda: feedback.model.rowCount() > 0)
        feedback.table.selectRow(0)
        s.wait(lambda: feedback.detail.detail is not None)
        s.shot("feedback")
        if feedback.detail.edit_button.isVisible():
            feedback.detail.edit_button.click()
            s.wait(lambda: feedback.dialog is not None)
            s.shot("feedback-dialog")
            feedback.dialog.reject()
            s.settle()
        if feedback.add_button.isVisible():
            feedback.add_feedback()
            s.wait(lambda: feedback.dialog is not None)
            s.shot("feedback-add")
            feedback.dialog.reject()
            s.settle()
    import_screens(s, window, work)
    window.open_page("customers")
    window.lock_button.click()
    s.wait(lambda: c.state is State.LOCKED)
    s.shot("locked")
    c.shutdown()
    c.window.close()


def export_screens(s: Shooter, page: Any, work: Path) -> None:
    """The export dialog on the customer list as the role sees it, a masked export run to
    its end, the owner's unmasked export (confirmation, then the file's password shown
    once) and the owner's data-subject copy of the customer shown. Files go to ``work``."""
    from desktop.ui.pages.export_subject import SubjectCopyDialog

    entry = page.export_button
    if not entry.isVisible():  # staff, auditor
        return
    dialog = entry.open_dialog()
    s.wait(lambda: dialog.count is not None, 10)
    s.shot("export")
    dialog.form.path_edit.setText(str(work / f"{s.prefix}-客户.xlsx"))
    dialog.form.purpose_combo.setCurrentIndex(1)  # the first preset purpose
    dialog.export_masked()
    s.wait(lambda: not dialog.running and dialog.last_result is not None, 60)
    s.shot("export-done")
    if dialog.unmasked_button.isVisible():
        dialog.form.path_edit.setText(str(work / f"{s.prefix}-客户-完整.xlsx"))
        dialog.ask_unmasked()
        confirm = dialog.confirm_dialog
        confirm.password_edit.setText(USERS["owner"][1])
        confirm.purpose_edit.setText("年终对账")
        s.shot("export-unmasked-confirm")
        confirm.confirm_button.click()
        s.wait(lambda: dialog.password_dialog is not None, 120)
        s.shot("export-unmasked-password")
        dialog.password_dialog.noted_button.click()
        s.settle()
    dialog.reject()
    s.settle()
    panel = page.profile_panel
    if panel.subject_copy_button.isVisible():
        panel.subject_copy_button.click()
        s.wait(lambda: isinstance(entry.dialog, SubjectCopyDialog))
        subject = entry.dialog
        subject.folder_edit.setText(str(work))
        s.shot("subject-copy")
        subject.start()
        s.wait(lambda: not subject.running and subject.last_result is not None, 60)
        s.shot("subject-copy-done")
        subject.reject()
        s.settle()


def membership_workbook(path: Path) -> Path:
    """A hand-kept membership sheet: a title row, a duplicate, a row without any contact,
    a blank row and a total row — so the check step shows every kind of count."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "会员"
    sheet.append(["老王杂货店会员登记表 2024"])
    sheet.append(["会员卡号", "姓名", "性别", "手机号", "生日", "积分", "备注"])
    sheet.append(["V9001", "张三", "男", "13812345678", "1990-03-07", 120, "老顾客"])
    sheet.append(["V9002", "李四", "女", 13987654321, "1985-05-01", 80, None])
    sheet.append(["V9001", "张三", "男", "13812345678", None, None, "重复登记"])
    sheet.append([None, "钱七", None, None, None, None, "没有联系方式"])
    sheet.append([])
    sheet.append(["合计", None, None, None, None, 200, None])
    book.save(path)
    return path


def import_screens(s: Shooter, window: Any, work: Path) -> None:
    """The import wizard up to its check (nothing is imported), and the past imports."""
    from desktop.ui.pages.import_wizard import CHECK, HEADER, MAPPING, SHEET

    page = window.open_page("import")
    if page is None:  # staff: no import page
        return
    wizard = page.wizard
    wizard.start_over()
    s.shot("import")
    wizard.open_file(membership_workbook(work / f"{s.prefix}-会员登记表.xlsx"))
    for step, name in ((SHEET, "sheet"), (HEADER, "header"), (MAPPING, "mapping"),
                       (CHECK, "check")):
        s.wait(lambda step=step: wizard.step == step and not wizard.busy, 30)
        s.shot(f"import-{name}")
        if step != CHECK:
            wizard.next_button.click()
    wizard.start_over()
    page.show_history()
    s.wait(lambda: not page.history.busy, 10)
    s.shot("import-history")


def child(out: Path, work: Path, language: str, role: str) -> list[str]:
    s = Shooter(out, f"{language}-{role}", LANGUAGES[language])
    if role == "gate":
        gate_screens(s, work)
    else:
        workspace_screens(s, work, role)
    return s.taken


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES))
    parser.add_argument("--roles", nargs="+", default=["gate", *USERS])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        work, language, role = args.child
        print(json.dumps(child(args.out, Path(work), language, role)))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="shopvault-shots-"))
    try:
        prepare_shop(work)
        for language in args.languages:
            for role in args.roles:
                print(f"{language} / {role} …", flush=True)
                done = subprocess.run(  # noqa: S603 - this script, our arguments
                    [sys.executable, __file__, "--out", str(args.out), "--child", str(work),
                     language, role], capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    print(done.stderr[-4000:], flush=True)
                else:
                    print("  " + ", ".join(json.loads(done.stdout.strip().splitlines()[-1])))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
