"""The flow from start to a logged-in window, and locking.

no shop → first run → (logged in as owner) → workspace
shop + key in this PC's keyring → login → workspace
shop, no key here → unlock (owner password or recovery code) → login → workspace
workspace → Lock (button, Ctrl+L, idle, OS session lock) → lock screen → login → workspace
workspace → Log out → login

Threads: the controller owns the open :class:`Workspace`. Everything that touches it (or
derives keys, or talks to the keyring) runs through one :class:`WorkspaceTasks` queue, so
at most one worker uses the workspace at a time, and the GUI thread only touches it from
a task's callbacks, after that task's work is done. While a gate screen waits for its task
its form is disabled, so it cannot start a second one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from desktop.core.errors import (
    DamagedFileError,
    LoginThrottledError,
    MissingFileError,
    ShopVaultError,
    WrongKeyError,
    WrongSecretError,
)
from desktop.services import ui_support
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.error_text import describe_error
from desktop.ui.field_key_notices import announce_field_key_opened
from desktop.ui.idle_lock import IdleWatcher
from desktop.ui.shell.first_run import FirstRunWizard, NewShopForm
from desktop.ui.shell.login_view import LoginView
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.owner_reset import OwnerResetFlow
from desktop.ui.shell.page_factories import workspace_page_specs
from desktop.ui.shell.pages import PageSpec
from desktop.ui.shell.preferences import LanguageSwitch, Preferences
from desktop.ui.shell.setup_tasks import SetupTasks
from desktop.ui.shell.shell_window import ShellWindow
from desktop.ui.shell.status_views import BusyView, ProblemView
from desktop.ui.shell.unlock_view import RECOVERY_CODE, UnlockView
from desktop.ui.shell.warm_up import settle_garbage_once, warm_up_once
from desktop.ui.shell.workspace_tasks import WorkspaceTasks
from desktop.ui.source_lines import forget_imported_sources
from desktop.ui.tasks import TaskRunnerLike

log = logging.getLogger(__name__)

QUIT_WAIT_MS = 30_000
FIELD_KEY_DELAY_MS = 800  # after the first screen is painted (≈ 100 ms after the login)


class State(Enum):
    STARTING = "starting"
    FIRST_RUN = "first_run"
    UNLOCK = "unlock"
    LOGIN = "login"
    MAIN = "main"
    LOCKED = "locked"
    PROBLEM = "problem"
    CLOSED = "closed"


class AppController(QObject):
    state_changed = Signal(str)

    def __init__(
        self,
        paths: ShopPaths,
        *,
        runner: TaskRunnerLike,
        clipboard: ClipboardGuard,
        idle: IdleWatcher,
        languages: LanguageSwitch,
        preferences: Preferences,
        page_specs: Sequence[PageSpec] | None = None,
        keyring: ui_support.Keyring | None = None,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        forget_imported_sources()  # the workspace's modules are all imported by now
        self.paths = paths
        self.demo = demo
        self.tasks = WorkspaceTasks(runner, self)
        self.clipboard = clipboard
        self.idle = idle
        self.languages = languages
        self.preferences = preferences
        self.page_specs = list(page_specs) if page_specs is not None else workspace_page_specs()
        if keyring is None:
            keyring = ui_support.OffTheRecordKeyring() if demo else ui_support.this_pc_keyring()
        self.keyring = keyring
        self.state = State.STARTING
        self.workspace: Workspace | None = None
        self.session: Session | None = None
        self.shop_name = ""
        self._hidden_windows: list[QWidget] = []
        self._notice_after_login = ""

        self.window = ShellWindow()
        self.busy_view = BusyView(languages)
        self.problem_view = ProblemView(languages)
        self.wizard = FirstRunWizard(languages, clipboard)
        self.unlock_view = UnlockView(languages)
        self.login_view = LoginView(languages)
        for screen in (self.busy_view, self.problem_view, self.wizard, self.unlock_view,
                       self.login_view):
            self.window.add_screen(screen)
        self.setup = SetupTasks(self)
        self.owner_reset = OwnerResetFlow(self)

        self.problem_view.retry_requested.connect(self.start)
        self.problem_view.quit_requested.connect(self.request_quit)
        self.unlock_view.unlock_requested.connect(self._unlock)
        self.login_view.login_requested.connect(self._login)
        self.window.close_requested.connect(self.request_quit)
        idle.idle.connect(lambda: self.lock("inactive or screen locked"))

    @property
    def main_window(self) -> MainWindow | None:
        return self.window.main_window

    # ------------------------------------------------------------------ start

    def start(self) -> None:
        """Decide the first screen: first run, demo, unlock or login."""
        if self.demo:
            self.setup.start_demo()
        elif not self.paths.exists():
            self.setup.start_first_run()
        else:
            self._open_with_keyring()

    def _open_with_keyring(self) -> None:
        self.show_busy(lambda: self.tr("Opening your shop"),
                       lambda: self.tr("Checking this PC's key…"))

        def work(_ctx: object) -> tuple[ui_support.StartupState, str]:
            state = ui_support.open_for_startup(self.paths, self.keyring)
            return state, state.workspace.shop_name if state.workspace else ""

        def done(result: tuple[ui_support.StartupState, str]) -> None:
            state, name = result
            if state.workspace is not None:
                self.workspace_opened(state.workspace, name)
                self.show_login()
            else:
                self._set_state(State.UNLOCK)
                self.unlock_view.prepare(folder=str(self.paths.home),
                                         can_remember=state.can_remember)
                self.window.show_screen(self.unlock_view)

        self.tasks.submit(work, on_success=done, on_failure=self.show_problem)

    def show_busy(self, title: Callable[[], str], text: Callable[[], str]) -> None:
        self.busy_view.show_work(title, text)
        self.window.show_screen(self.busy_view)

    def show_problem(self, error: BaseException) -> None:
        self._set_state(State.PROBLEM)
        self.problem_view.show_problem(
            lambda: describe_error(error), lambda: file_advice(error), str(self.paths.home)
        )
        self.window.show_screen(self.problem_view)

    def workspace_opened(self, workspace: Workspace, shop_name: str) -> None:
        self.workspace = workspace
        self.shop_name = shop_name
        self.window.set_shop_name(shop_name)

    # ----------------------------------------------------------------- unlock

    def _unlock(self, mode: str, secret: str, remember: bool) -> None:
        self.unlock_view.set_busy(True)
        code = secret if mode == RECOVERY_CODE else None
        password = None if mode == RECOVERY_CODE else secret

        def work(_ctx: object) -> tuple[ui_support.Unlocked, str]:
            unlocked = ui_support.unlock(self.paths, self.keyring, password=password,
                                         recovery_code=code, remember=remember)
            return unlocked, unlocked.workspace.shop_name

        def done(result: tuple[ui_support.Unlocked, str]) -> None:
            unlocked, name = result
            if remember and not unlocked.remembered:
                self._notice_after_login = self.tr(
                    "The key could not be remembered on this PC; the shop will ask to be "
                    "unlocked again next time."
                )
            self.workspace_opened(unlocked.workspace, name)
            self.show_login()

        def failed(error: BaseException) -> None:
            self.unlock_view.set_busy(False)
            if isinstance(error, WrongSecretError):
                text = (self.tr("This recovery code is not correct. Check it against your paper "
                            "copy.") if mode == RECOVERY_CODE
                        else self.tr("The owner password is not correct."))
                self.unlock_view.show_error(text)
            else:
                self.unlock_view.show_error(describe_error(error), file_advice(error))

        self.tasks.submit(work, on_success=done, on_failure=failed)

    # ------------------------------------------------------------------ login

    def show_login(self, *, locked: bool = False) -> None:
        self._set_state(State.LOCKED if locked else State.LOGIN)
        user = self.session.user.username if locked and self.session else (
            self.preferences.last_user(self.paths.home))
        self.login_view.prepare(self.shop_name, user=user, locked=locked)
        self.window.show_screen(self.login_view)

    def _login(self, username: str, secret: str) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        self.login_view.set_busy(True)

        def failed(error: BaseException) -> None:
            self.login_view.set_busy(False)
            if isinstance(error, LoginThrottledError):
                self.login_view.show_throttled(error.retry_after)
            else:
                self.login_view.show_error(describe_error(error))

        def done(result: ui_support.LoggedIn) -> None:
            self.login_view.set_busy(False)
            self.logged_in(result.session, result.auto_lock_minutes)
            self.open_field_key(result.session, secret)

        self.tasks.submit(lambda _ctx: ui_support.log_in(workspace, username, secret),
                          on_success=done, on_failure=failed)
        warm_up_once()  # the GUI thread is idle while the password is checked
        settle_garbage_once()

    def logged_in(self, session: Session, auto_lock_minutes: int) -> None:
        """Show the workspace for ``session``: the same one as before a lock if the same
        user is back, else a fresh one."""
        if self.state is State.CLOSED or self.workspace is None:
            return
        if not self.demo:  # a demo leaves nothing behind on this PC
            self.preferences.set_last_user(self.paths.home, session.user.username)
        previous = self.session
        window = self.main_window
        if (self.state is State.LOCKED and window is not None and previous is not None
                and previous.user.id == session.user.id):
            self.session = session
            self.window.show_main_window()
            self._show_hidden_windows()
            window.restore_after_unlock()
        else:
            if previous is not None:
                self.record(previous, "logout", "another user logged in")
            self._close_hidden_windows()
            self.session = session
            window = self._build_main_window(session)
        window.set_auto_lock_minutes(auto_lock_minutes)
        self.idle.set_timeout_seconds(auto_lock_minutes * 60)
        self.idle.reset()
        self._set_state(State.MAIN)
        if self._notice_after_login:
            window.show_status(self._notice_after_login, 15_000)
            self._notice_after_login = ""

    def _build_main_window(self, session: Session) -> MainWindow:
        assert self.workspace is not None
        if self.main_window is not None:
            self.main_window.destroy_pages()
        window = MainWindow(self.workspace, session, self.tasks, self.clipboard,
                            self.languages, shop_name=self.shop_name)
        # Embedded before the first page is built: re-parenting a window that already holds
        # the Customers page re-applies the style sheet to every widget of it (twice).
        self.window.set_main_window(window)
        for spec in self.page_specs:
            window.register_page(spec.key, spec.title, spec.factory, spec.permission)
        window.lock_requested.connect(lambda: self.lock("locked by the user"))
        window.logout_requested.connect(self.logout)
        window.quit_requested.connect(self.request_quit)
        self.window.show_main_window()
        return window

    def open_field_key(self, session: Session, password: str,
                       delay_ms: int | None = None) -> None:
        """The owner's field key (full resident IDs), opened after the first screen is up:
        its Argon2id run goes to a worker outside the workspace queue (it reads through
        that worker's own connection), so searches and saves do not wait for it. Only a shop
        that has no key pair yet (made before this version) goes through the queue, once.
        Once open, it is announced (field_key_notices): a profile or form opened meanwhile
        shows the resident ID masked until then."""
        workspace = self.workspace
        if workspace is None or not ui_support.owns_field_key(session):
            return
        # Started right away, the key derivation's process (Argon2id over both cores) took the
        # CPU from the first paint (owner login → first rows: 140 ms against staff's 75 ms).
        delay = FIELD_KEY_DELAY_MS if delay_ms is None else delay_ms
        QTimer.singleShot(delay, self, lambda: self._open_field_key(session, password))

    def _open_field_key(self, session: Session, password: str) -> None:
        workspace = self.workspace
        if workspace is None or self.session is not session or self.state is not State.MAIN:
            return

        def failed(error: BaseException) -> None:
            log.warning("The owner's field key was not opened: %s", type(error).__qualname__)

        def opened(ready: bool) -> None:
            if ready:
                announce_field_key_opened()
            elif self.session is session:
                self.tasks.submit(
                    lambda _ctx: ui_support.open_field_key(workspace, session, password),
                    on_success=lambda _ok: announce_field_key_opened(), on_failure=failed,
                )

        self.tasks.runner.submit(
            lambda _ctx: ui_support.open_field_key(workspace, session, password, create=False),
            on_success=opened, on_failure=failed,
        )

    # ------------------------------------------------------------ lock, logout

    def lock(self, reason: str = "") -> None:
        """Back to the login screen as a lock screen; data views cleared, edits kept."""
        if self.state is not State.MAIN or self.session is None or self.main_window is None:
            return
        self.main_window.clear_sensitive()
        self.clipboard.clear_now()
        self._forget_field_key()
        self._hide_other_windows()
        self.record(self.session, "session.locked", reason)
        self.show_login(locked=True)

    def logout(self) -> None:
        if self.state not in (State.MAIN, State.LOCKED) or self.session is None:
            return
        self.record(self.session, "logout")
        self._end_session()
        self.show_login()

    def _end_session(self) -> None:
        if self.main_window is not None:
            self.main_window.destroy_pages()
        self.window.remove_main_window()
        self._close_hidden_windows()
        self._close_other_windows()
        self.clipboard.clear_now()
        self._forget_field_key()
        self.session = None

    def _forget_field_key(self) -> None:
        if self.workspace is not None:
            self.workspace.field_keys.forget()

    def record(self, session: Session, action: str, reason: str = "") -> None:
        """Audit a session event in the background (after whatever is running)."""
        workspace = self.workspace
        if workspace is None:
            return

        def failed(error: BaseException) -> None:
            log.error("Could not record %s: %s", action, type(error).__qualname__)

        self.tasks.submit(
            lambda _ctx: ui_support.record_session_event(workspace, session, action, reason),
            on_success=lambda _none: None, on_failure=failed,
        )

    def _hide_other_windows(self) -> None:
        """Locking: dialogs and other windows of the pages go out of sight (shown again
        when the same user is back); menus and tooltips simply close. Pages open dialogs
        with ``open()``, not ``exec()``, so hiding one does not end its flow."""
        transient = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            widget.hide()
            if widget.windowType() not in transient:
                self._hidden_windows.append(widget)

    def _show_hidden_windows(self) -> None:
        for widget in self._hidden_windows:
            if isValid(widget):
                widget.show()
        self._hidden_windows.clear()

    def _close_hidden_windows(self) -> None:
        for widget in self._hidden_windows:
            if isValid(widget):
                widget.close()
        self._hidden_windows.clear()

    def _close_other_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible():
                widget.close()

    # ------------------------------------------------------------------- quit

    def request_quit(self) -> None:
        self.shutdown()
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Let running work finish, audit the log-out, close the shop. Idempotent."""
        if self.state is State.CLOSED:
            return
        self._set_state(State.CLOSED)
        if self.session is not None:
            self.record(self.session, "logout", "application closed")
        if not self.tasks.wait_until_idle(QUIT_WAIT_MS):
            self.tasks.cancel_all()
            if not self.tasks.wait_until_idle(5_000):
                log.warning("Background work did not stop; the shop is closed by the exit")
                self._hide_window()
                return
        self._end_session()
        self.wizard.forget_secrets()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        self._hide_window()

    def _hide_window(self) -> None:
        # hide(), not close(): closing the last window would make Qt quit the application,
        # which the caller decides (request_quit); a quit requested outside the event loop
        # would also make every later event loop return at once.
        self.window.allow_close()
        self.window.hide()

    def _set_state(self, state: State) -> None:
        if self.state is State.CLOSED and state is not State.CLOSED:
            return
        self.state = state
        self.state_changed.emit(state.value)


def file_advice(error: BaseException) -> str:
    """What to do next when the shop's files are damaged, mismatched or missing."""
    if isinstance(error, DamagedFileError | WrongKeyError):
        return QCoreApplication.translate(
            "AppController",
            "The files were not changed. Restore the shop from a backup "
            "(uv run main.py restore BACKUP.svbackup), or ask for help before trying "
            "anything else."
        )
    if isinstance(error, MissingFileError):
        return QCoreApplication.translate(
            "AppController",
            "Put the shop's two files, shop.db and shop.key, back into the folder below, or "
            "restore the shop from a backup."
        )
    if isinstance(error, ShopVaultError):
        return ""
    return QCoreApplication.translate("AppController", "Details were written to the log.")


__all__ = ["AppController", "NewShopForm", "State", "file_advice"]
