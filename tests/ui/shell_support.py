"""Helpers for the window-flow tests: a controller on a real shop, an in-memory keyring,
and a page that behaves like a real one on lock (data view cleared, unsaved edit kept)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.roles import Permission, Role
from desktop.security.keyring_vault import KeyringVault
from desktop.services.paths import ShopPaths
from desktop.services.workspace import new_workspace
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.idle_lock import IdleWatcher
from desktop.ui.shell.controller import AppController, State
from desktop.ui.shell.pages import PageContext, PageSpec, default_page_specs
from desktop.ui.shell.preferences import LanguageSwitch, Preferences
from desktop.ui.tasks import TaskRunner

SHOP_NAME = "老王杂货店"
OWNER, OWNER_PASSWORD = "wang", "Correct-horse-42"
STAFF, STAFF_PASSWORD = "li", "Counter-staff-7"
AUDITOR, AUDITOR_PASSWORD = "shen", "Audit-only-2024"
MANAGER, MANAGER_PASSWORD = "zhao", "Manager-pass-99"
WAIT_MS = 10_000


class MemoryKeyring(KeyringVault):
    """A working keyring that lives in this object only (no D-Bus, nothing left behind)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, str] = {}

    def available(self) -> bool:
        return True

    def get_vault_key(self, shop_id: str) -> bytes | None:
        value = self.entries.get(shop_id)
        return value.encode("latin-1") if value is not None else None

    def set_vault_key(self, shop_id: str, key: bytes) -> bool:
        self.entries[shop_id] = key.decode("latin-1")
        return True

    def delete_vault_key(self, shop_id: str) -> None:
        self.entries.pop(shop_id, None)

    def get_text(self, shop_id: str, name: str) -> str | None:
        return self.entries.get(f"{shop_id}/{name}")

    def set_text(self, shop_id: str, name: str, value: str) -> bool:
        self.entries[f"{shop_id}/{name}"] = value
        return True

    def delete_text(self, shop_id: str, name: str) -> None:
        self.entries.pop(f"{shop_id}/{name}", None)


@dataclass
class SharedShop:
    paths: ShopPaths
    recovery_code: str
    keyring: MemoryKeyring = field(repr=False)


def create_shared_shop(home: Path) -> SharedShop:
    """A shop with an owner, a staff member, a manager and an auditor; its key is in a
    MemoryKeyring (so a controller given that keyring goes straight to the login screen)."""
    keyring = MemoryKeyring()
    paths = ShopPaths(home)
    workspace, owner, code = new_workspace(
        paths, SHOP_NAME, OWNER, OWNER_PASSWORD, keyring=keyring, remember=True
    )
    try:
        for name, role, secret in (
            (STAFF, Role.STAFF, STAFF_PASSWORD),
            (AUDITOR, Role.AUDITOR, AUDITOR_PASSWORD),
            (MANAGER, Role.MANAGER, MANAGER_PASSWORD),
        ):
            workspace.accounts.add_user(owner, name, role, secret)
    finally:
        workspace.close()
    return SharedShop(paths, code, keyring)


def make_controller(
    qtbot,
    tmp_path: Path,
    paths: ShopPaths,
    *,
    keyring: KeyringVault | None = None,
    page_specs: list[PageSpec] | None = None,
    demo: bool = False,
) -> AppController:
    preferences = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    controller = AppController(
        paths,
        runner=TaskRunner(),
        clipboard=ClipboardGuard(),
        idle=IdleWatcher(),
        languages=LanguageSwitch(preferences, "en"),
        preferences=preferences,
        page_specs=page_specs,
        keyring=keyring,
        demo=demo,
    )
    qtbot.addWidget(controller.window)
    controller.window.resize(1024, 700)
    controller.window.show()
    return controller


def controller_factory(qtbot, tmp_path):
    """Body of a ``new_controller`` fixture: yields ``make(paths, **options)``; every
    controller made is shut down afterwards. Use as ``yield from controller_factory(...)``."""
    made: list[AppController] = []

    def make(paths: ShopPaths, **options) -> AppController:
        controller = make_controller(qtbot, tmp_path, paths, **options)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        controller.idle.stop()


def wait_for_state(qtbot, controller: AppController, state: State, timeout: int = WAIT_MS):
    qtbot.waitUntil(lambda: controller.state is state, timeout=timeout)


def log_in(qtbot, controller: AppController, user: str, secret: str) -> None:
    view = controller.login_view
    qtbot.waitUntil(view.login_button.isEnabled, timeout=WAIT_MS)
    view.user_edit.setText(user)
    view.secret_field.setText(secret)
    view.login_button.click()
    wait_for_state(qtbot, controller, State.MAIN)


def audit_actions(controller: AppController) -> list[str]:
    assert controller.workspace is not None
    controller.tasks.wait_until_idle(WAIT_MS)
    return [record.action for record in controller.workspace.shop.db.audit.iter_all()]


class FakeCustomersPage(QWidget):
    """Behaves like a real page: a data view that lock clears, a form edit that it keeps."""

    instances: ClassVar[list[FakeCustomersPage]] = []

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.data_view = QLabel("138****5678  张*")
        self.draft_edit = QLineEdit()
        self.cleared = 0
        self.restored = 0
        self.searches: list[str] = []
        context.window.search_requested.connect(self.searches.append)
        layout = QVBoxLayout(self)
        layout.addWidget(self.data_view)
        layout.addWidget(self.draft_edit)
        FakeCustomersPage.instances.append(self)

    def clear_sensitive(self) -> None:
        self.cleared += 1
        self.data_view.clear()

    def restore_after_unlock(self) -> None:
        self.restored += 1
        self.data_view.setText("138****5678  张*")


def specs_with_fake_customers() -> list[PageSpec]:
    specs = [s for s in default_page_specs() if s.key != "customers"]
    fake = PageSpec("customers", lambda: "Customers", FakeCustomersPage,
                    Permission.VIEW_CUSTOMERS)
    return [fake, *specs]
