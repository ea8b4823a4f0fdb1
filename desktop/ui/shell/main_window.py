"""The workspace frame: top bar (search, user, lock, log out), navigation, pages, status.

Pages are registered with :meth:`MainWindow.register_page`; the window shows only those
the logged-in role may see and creates each the first time it is opened. The title names
the product and the shop, never a customer.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.roles import Permission
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui import i18n
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.error_text import role_name
from desktop.ui.shell.pages import (
    CUSTOMERS,
    ClearsSensitiveData,
    PageContext,
    PageFactory,
    PlaceholderPage,
    RestoresAfterUnlock,
    TitleFn,
    coming_soon,
)
from desktop.ui.shell.preferences import LanguageSwitch
from desktop.ui.shell.style import button, label, named, window_title
from desktop.ui.shell.workspace_tasks import WorkspaceTasks

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole
SIDEBAR_WIDTH = 196
NAV_ITEM_HEIGHT = 38
STATUS_MESSAGE_MS = 6000


def _fixed_text(text: str) -> TitleFn:
    return lambda: text


class MainWindow(QMainWindow):
    search_requested = Signal(str)
    lock_requested = Signal()
    logout_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        workspace: Workspace,
        session: Session,
        tasks: WorkspaceTasks,
        clipboard: ClipboardGuard,
        languages: LanguageSwitch,
        *,
        shop_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "mainWindow")
        self._session = session
        self._languages = languages
        self._shop_name = shop_name
        self._auto_lock_minutes = 0
        self.context = PageContext(workspace, session, tasks, clipboard, self)
        self._titles: dict[str, TitleFn] = {}
        self._factories: dict[str, PageFactory] = {}
        self._pages: dict[str, QWidget] = {}
        self._build_top_bar()
        self._build_body()
        self._build_actions()
        self.retranslateUi()

    # ----------------------------------------------------------------- building

    def _build_top_bar(self) -> None:
        bar = named(QToolBar(), "topBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        bar.setIconSize(QSize(16, 16))
        self.brand_label = label("topBrand", wrap=False)
        self.brand_label.setText("ShopVault")
        self.shop_label = label("topShop", wrap=False)
        self.shop_label.setText(self._shop_name)
        self.search_edit = named(QLineEdit(), "globalSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(220)
        self.search_edit.setMaximumWidth(420)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_edit.textEdited.connect(self._on_search_edited)
        self.search_edit.returnPressed.connect(
            lambda: self.search_requested.emit(self.search_edit.text())
        )
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.user_label = label("userBadge", wrap=False)
        self.user_label.setText(self._session.user.username)
        self.role_label = label("roleBadge", wrap=False)
        self.lock_button = button("lockButton")
        self.lock_button.clicked.connect(self.lock_requested)
        self.logout_button = button("logoutButton")
        self.logout_button.clicked.connect(self.logout_requested)
        self.menu_button = named(QToolButton(), "menuButton")
        self.menu_button.setText("⋯")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        bar.addWidget(self.brand_label)
        bar.addWidget(self.shop_label)
        self.search_action = bar.addWidget(self.search_edit)
        gap = QWidget()
        gap.setFixedWidth(6)
        for widget in (spacer, self.user_label, self.role_label, gap, self.lock_button,
                       self.logout_button, self.menu_button):
            bar.addWidget(widget)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.top_bar = bar

    def _build_body(self) -> None:
        sidebar = named(QFrame(), "sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        self.sidebar_heading = label("sidebarHeading", wrap=False)
        self.nav_list = named(QListWidget(), "navList")
        self.nav_list.setFrameShape(QFrame.Shape.NoFrame)
        self.nav_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.nav_list.setSpacing(1)
        self.nav_list.currentItemChanged.connect(self._on_nav_changed)
        side.addWidget(self.sidebar_heading)
        side.addWidget(self.nav_list, 1)

        self.page_stack = named(QStackedWidget(), "pageStack")
        self.empty_page = PlaceholderPage(self._no_pages_title, self._no_pages_text)
        self.page_stack.addWidget(self.empty_page)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(self.page_stack, 1)
        self.setCentralWidget(central)
        self.status_label = label("statusNote", wrap=False)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().setSizeGripEnabled(False)

    def _build_actions(self) -> None:
        self.search_shortcut = QAction(self)
        self.search_shortcut.setShortcuts(
            [QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_K),
             QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_F)]
        )
        self.search_shortcut.triggered.connect(self.focus_search)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.triggered.connect(self.lock_requested)
        self.logout_action = QAction(self)
        self.logout_action.triggered.connect(self.logout_requested)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.quit_requested)
        for action in (self.search_shortcut, self.lock_action, self.quit_action):
            self.addAction(action)

        self.language_menu = QMenu(self.menu)
        self._language_group = QActionGroup(self)
        self._language_actions: dict[str, QAction] = {}
        for code in i18n.SUPPORTED_LANGUAGES:
            action = QAction(i18n.LANGUAGE_NAMES[code], self._language_group)
            action.setCheckable(True)
            action.setChecked(code == self._languages.language)
            action.triggered.connect(lambda _checked=False, c=code: self._languages.switch(c))
            self.language_menu.addAction(action)
            self._language_actions[code] = action
        self._languages.changed.connect(self._sync_language_actions)
        self.menu.addMenu(self.language_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.lock_action)
        self.menu.addAction(self.logout_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)

    # ------------------------------------------------------------- page registry

    @property
    def session(self) -> Session:
        return self._session

    def register_page(
        self,
        key: str,
        title: TitleFn | str,
        widget_factory: PageFactory,
        permission: Permission | None = None,
    ) -> bool:
        """Add a page to the navigation if the logged-in role may see it; return whether
        it was added. ``title`` is a function returning the translated title (or a fixed
        text); ``widget_factory(context)`` builds the page the first time it is opened.
        Registering a key again replaces its factory (if the page was not built yet)."""
        if permission is not None and not self._session.allows(permission):
            return False
        title_fn: TitleFn = title if callable(title) else _fixed_text(title)
        self._titles[key] = title_fn
        self._factories[key] = widget_factory
        if self._nav_item(key) is None:
            item = QListWidgetItem(title_fn())
            item.setData(KEY_ROLE, key)
            item.setSizeHint(QSize(0, NAV_ITEM_HEIGHT))
            self.nav_list.addItem(item)
        self._update_search_visibility()
        if self.nav_list.currentItem() is None:
            self.nav_list.setCurrentRow(0)
        return True

    def page_keys(self) -> list[str]:
        """Registered pages in navigation order (those this role may see)."""
        return [self.nav_list.item(row).data(KEY_ROLE) for row in range(self.nav_list.count())]

    def page(self, key: str) -> QWidget | None:
        """The page widget if it has been built."""
        return self._pages.get(key)

    def built_pages(self) -> dict[str, QWidget]:
        return dict(self._pages)

    def current_key(self) -> str | None:
        item = self.nav_list.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else None

    def open_page(self, key: str) -> QWidget | None:
        """Show the page (building it if needed) and return it; None if not registered."""
        item = self._nav_item(key)
        if item is None:
            return None
        self.nav_list.setCurrentItem(item)
        return self._pages.get(key)

    # ------------------------------------------------------------ lock and logout

    def clear_sensitive(self) -> None:
        """Locking: every built page forgets its personal data; the search box empties."""
        self.search_edit.clear()
        for key, page in self._pages.items():
            if isinstance(page, ClearsSensitiveData):
                try:
                    page.clear_sensitive()
                except Exception as exc:  # noqa: BLE001 — one page must not stop the lock
                    log.error("Page %s failed to clear: %s", key, type(exc).__qualname__)

    def restore_after_unlock(self) -> None:
        for key, page in self._pages.items():
            if isinstance(page, RestoresAfterUnlock):
                try:
                    page.restore_after_unlock()
                except Exception as exc:  # noqa: BLE001 — logged by type only
                    log.error("Page %s failed to restore: %s", key, type(exc).__qualname__)

    def destroy_pages(self) -> None:
        """Log-out: delete every page widget (and with it unsaved edits and caches)."""
        self.clear_sensitive()
        for page in self._pages.values():
            self.page_stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()

    # ------------------------------------------------------------------ chrome

    def focus_search(self) -> None:
        if self.search_edit.isVisible():
            self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_edit.selectAll()

    def show_status(self, text: str, timeout_ms: int = STATUS_MESSAGE_MS) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self._auto_lock_minutes = minutes
        self.retranslateUi()

    def _on_search_edited(self, text: str) -> None:
        if text.strip() and self.current_key() != CUSTOMERS and CUSTOMERS in self._titles:
            self.open_page(CUSTOMERS)
            QTimer.singleShot(0, lambda: self.search_edit.setFocus())
        self.search_requested.emit(text)

    def _update_search_visibility(self) -> None:
        self.search_action.setVisible(CUSTOMERS in self._titles)

    def _nav_item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.nav_list.count()):
            item = self.nav_list.item(row)
            if item.data(KEY_ROLE) == key:
                return item
        return None

    def _on_nav_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            self.page_stack.setCurrentWidget(self.empty_page)
            return
        key = item.data(KEY_ROLE)
        page = self._pages.get(key)
        if page is None:
            page = self._factories[key](self.context)
            self._pages[key] = page
            self.page_stack.addWidget(page)
        self.page_stack.setCurrentWidget(page)

    def _sync_language_actions(self, language: str) -> None:
        action = self._language_actions.get(language)
        if action is not None:
            action.setChecked(True)

    def _no_pages_title(self) -> str:
        return self.tr("Nothing to show for your role yet")

    def _no_pages_text(self) -> str:
        return coming_soon()

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self.setWindowTitle(window_title(self._shop_name))
        self.search_edit.setPlaceholderText(self.tr("Search customers…  Ctrl+K"))
        self.search_edit.setToolTip(
            self.tr("Find a customer by phone (or its last 4 digits), name, pinyin, member "
                    "number, e-mail or WeChat ID")
        )
        self.role_label.setText(role_name(self._session.user.role))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the window now (Ctrl+L)"))
        self.logout_button.setText(self.tr("Log out"))
        self.menu_button.setToolTip(self.tr("More"))
        self.language_menu.setTitle(self.tr("Language"))
        self.lock_action.setText(self.tr("Lock"))
        self.logout_action.setText(self.tr("Log out"))
        self.quit_action.setText(self.tr("Quit ShopVault"))
        self.sidebar_heading.setText(self.tr("WORKSPACE"))
        for row in range(self.nav_list.count()):
            item = self.nav_list.item(row)
            item.setText(self._titles[item.data(KEY_ROLE)]())
        if self._auto_lock_minutes > 0:
            self.status_label.setText(
                self.tr("Encrypted · locks after {minutes} min without use").format(
                    minutes=self._auto_lock_minutes
                )
            )
        else:
            self.status_label.setText(self.tr("Encrypted · auto-lock is off"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
