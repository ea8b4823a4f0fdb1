"""The workspace frame on its own: navigation per role, title, search, page registry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.roles import Permission
from desktop.services.session import Session
from desktop.services.workspace import Workspace, open_with_keyring
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.pages import PlaceholderPage, default_page_specs
from desktop.ui.shell.preferences import LanguageSwitch, Preferences
from desktop.ui.shell.workspace_tasks import WorkspaceTasks
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.shell_support import (
    AUDITOR,
    MANAGER,
    OWNER,
    SHOP_NAME,
    STAFF,
    FakeCustomersPage,
    create_shared_shop,
    specs_with_fake_customers,
)


@pytest.fixture(scope="module")
def open_shop(tmp_path_factory):
    shared = create_shared_shop(tmp_path_factory.mktemp("main") / "shop")
    workspace = open_with_keyring(shared.paths, shared.keyring)
    yield workspace
    workspace.close()


def session_of(workspace: Workspace, username: str) -> Session:
    user = workspace.shop.db.users.by_name(username)
    assert user is not None
    return Session(user)


@pytest.fixture
def make_window(qtbot, tmp_path, open_shop):
    def make(username: str, specs=None) -> MainWindow:
        prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
        window = MainWindow(
            open_shop, session_of(open_shop, username),
            WorkspaceTasks(SynchronousTaskRunner()), ClipboardGuard(),
            LanguageSwitch(prefs, "en"), shop_name=SHOP_NAME,
        )
        for spec in specs if specs is not None else default_page_specs():
            window.register_page(spec.key, spec.title, spec.factory, spec.permission)
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav_list.item(i).text() for i in range(window.nav_list.count())]


@pytest.mark.parametrize(
    ("user", "keys"),
    [
        (OWNER, ["customers", "orders", "feedback", "audit"]),
        (MANAGER, ["customers", "orders", "feedback", "audit"]),
        (STAFF, ["customers", "orders", "feedback"]),
        (AUDITOR, ["audit"]),
    ],
)
def test_navigation_shows_only_what_the_role_may_see(make_window, user, keys):
    window = make_window(user)
    assert window.page_keys() == keys


def test_staff_sees_the_three_record_pages_and_the_auditor_none(make_window):
    staff = make_window(STAFF)
    assert nav_texts(staff) == ["Customers", "Orders", "Feedback"]
    assert staff.search_edit.isVisible()
    assert staff.role_label.text() == "Staff"
    assert staff.user_label.text() == STAFF

    auditor = make_window(AUDITOR)
    assert nav_texts(auditor) == ["Audit"]
    assert not auditor.search_edit.isVisible()  # nothing personal to search for
    assert auditor.current_key() == "audit"
    page = auditor.page("audit")
    assert isinstance(page, PlaceholderPage)
    assert "audit trail" in page.text_label.text()
    for denied in ("customers", "orders", "feedback"):
        assert auditor.open_page(denied) is None
    assert auditor.register_page("customers", "Customers", FakeCustomersPage,
                                 Permission.VIEW_CUSTOMERS) is False


def test_title_names_the_product_and_shop_only(make_window):
    window = make_window(STAFF, specs_with_fake_customers())
    page = window.page("customers")
    assert isinstance(page, FakeCustomersPage)
    page.draft_edit.setText("13812345678")
    for key in window.page_keys():
        window.open_page(key)
        assert window.windowTitle() == f"ShopVault 客户保险箱 — {SHOP_NAME}"
    title = window.windowTitle()
    assert "138" not in title and STAFF not in title


def test_ctrl_k_and_ctrl_f_focus_the_search_box(qtbot, make_window):
    window = make_window(STAFF, specs_with_fake_customers())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search_edit.setText("li")
    window.page("customers").draft_edit.setFocus()
    assert not window.search_edit.hasFocus()

    qtbot.keyClick(window.page("customers").draft_edit, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)
    assert window.search_edit.selectedText() == "li"

    window.page("customers").draft_edit.setFocus()
    qtbot.keyClick(window.page("customers").draft_edit, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_edit.hasFocus)


def test_typing_in_search_goes_to_customers_and_emits(qtbot, make_window):
    window = make_window(OWNER, specs_with_fake_customers())
    page = window.page("customers")
    window.open_page("orders")

    qtbot.keyClicks(window.search_edit, "5678")
    assert window.current_key() == "customers"
    assert page.searches == ["5", "56", "567", "5678"]  # the page debounces, not the box
    assert window.search_edit.text() == "5678"


def test_pages_are_built_lazily_and_cleared_without_being_destroyed(make_window):
    built = []

    def factory(context):
        built.append(context)
        return QLabel("orders")

    window = make_window(OWNER, specs_with_fake_customers())
    window.register_page("orders", "Orders", factory, Permission.VIEW_CUSTOMERS)  # replaces
    assert built == []
    assert window.open_page("orders") is not None
    assert built[0].session.user.username == OWNER
    assert built[0].window is window

    page = window.page("customers")
    page.draft_edit.setText("unsaved note")
    window.search_edit.setText("13812345678")
    window.clear_sensitive()
    assert page.cleared == 1 and page.data_view.text() == ""
    assert page.draft_edit.text() == "unsaved note"
    assert window.search_edit.text() == ""
    assert window.page("customers") is page

    window.destroy_pages()
    assert window.built_pages() == {}


def test_a_failing_page_does_not_stop_the_others_from_clearing(make_window):
    class Broken(QLabel):
        def clear_sensitive(self):
            raise RuntimeError("boom 13812345678")

    window = make_window(OWNER, specs_with_fake_customers())
    window.register_page("broken", "Broken", lambda _c: Broken(), None)
    window.open_page("broken")
    window.clear_sensitive()
    assert window.page("customers").cleared == 1


def test_language_menu_switches_and_remembers(qapp, make_window):
    window = make_window(STAFF)
    languages = window._languages
    window._language_actions["zh_CN"].trigger()
    assert languages.language == "zh_CN"
    assert window._language_actions["zh_CN"].isChecked()
    window._language_actions["en"].trigger()
    assert languages.language == "en"
