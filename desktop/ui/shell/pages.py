"""How pages plug into the main window: what they get, what they may implement, and the
pages the window shows today (placeholders until the real ones are registered).

A page is any QWidget made by a factory ``(PageContext) -> QWidget``, registered with
``MainWindow.register_page(key, title, widget_factory, permission)``. It is created the
first time it is shown, lives as long as its user's session (across locks), and is
destroyed on log-out or when another user logs in.

Rules for pages:
* Call the workspace only through ``context.tasks`` (one background task at a time), or on
  the GUI thread while ``context.tasks.busy`` is False.
* Implement ``clear_sensitive()`` (:class:`ClearsSensitiveData`): on lock, drop every
  personal value on screen or in caches and cancel the page's queries. Keep unsaved form
  edits, and do not delete widgets: the same user may log straight back in.
* Optionally implement ``restore_after_unlock()`` (:class:`RestoresAfterUnlock`) to refill
  the data views when that same user is back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.core.roles import Permission
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.shell.style import label, named
from desktop.ui.shell.workspace_tasks import WorkspaceTasks

if TYPE_CHECKING:
    from desktop.ui.shell.main_window import MainWindow

CUSTOMERS = "customers"
ORDERS = "orders"
FEEDBACK = "feedback"
IMPORT = "import"
AUDIT = "audit"

TitleFn = Callable[[], str]


@runtime_checkable
class ClearsSensitiveData(Protocol):
    def clear_sensitive(self) -> None:
        """The window is locking: forget what is shown (rows, profile, caches); keep unsaved
        form edits and the widgets themselves."""


@runtime_checkable
class RestoresAfterUnlock(Protocol):
    def restore_after_unlock(self) -> None:
        """The same user logged back in after a lock: refill the data views."""


@dataclass(frozen=True)
class PageContext:
    """What a page factory gets: the open shop, who is logged in, and the shared tools."""

    workspace: Workspace
    session: Session
    tasks: WorkspaceTasks
    clipboard: ClipboardGuard
    window: MainWindow
    """``window.search_requested`` (str) is the global search box; ``window.show_status``
    writes to the status bar; ``window.open_page(key)`` switches page and returns it."""


PageFactory = Callable[[PageContext], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: TitleFn
    factory: PageFactory
    permission: Permission | None


class PlaceholderPage(QWidget):
    """A calm "not here yet" page; it shows no data, so it has nothing to clear."""

    def __init__(self, title: TitleFn, text: TitleFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "placeholderPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._title, self._text = title, text
        self.title_label = label("placeholderTitle")
        self.text_label = label("placeholderText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 36, 40, 36)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addStretch(1)
        self.retranslateUi()

    def clear_sensitive(self) -> None:
        return None

    def retranslateUi(self) -> None:
        self.title_label.setText(self._title())
        self.text_label.setText(self._text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def customers_title() -> str:
    return QCoreApplication.translate("Navigation", "Customers")


def orders_title() -> str:
    return QCoreApplication.translate("Navigation", "Orders")


def feedback_title() -> str:
    return QCoreApplication.translate("Navigation", "Feedback")


def import_title() -> str:
    return QCoreApplication.translate("Navigation", "Import")


def audit_title() -> str:
    return QCoreApplication.translate("Navigation", "Audit")


def coming_soon() -> str:
    return QCoreApplication.translate("Navigation", "This page is being built.")


def audit_placeholder_text() -> str:
    return QCoreApplication.translate(
        "Navigation",
        "The audit trail will appear here: who did what, and when, with no personal data. "
        "Until then, check it from a terminal with: uv run main.py --user NAME audit verify",
    )


def placeholder_factory(title: TitleFn, text: TitleFn = coming_soon) -> PageFactory:
    return lambda _context: PlaceholderPage(title, text)


def default_page_specs() -> list[PageSpec]:
    """The pages of the window, in navigation order, as placeholders (the real ones are
    swapped in by ``page_factories.workspace_page_specs``). Customers, orders and feedback
    hold personal data (auditors never see them); the audit page needs ``VIEW_AUDIT``."""
    return [
        PageSpec(CUSTOMERS, customers_title, placeholder_factory(customers_title),
                 Permission.VIEW_CUSTOMERS),
        PageSpec(ORDERS, orders_title, placeholder_factory(orders_title),
                 Permission.VIEW_CUSTOMERS),
        PageSpec(FEEDBACK, feedback_title, placeholder_factory(feedback_title),
                 Permission.VIEW_CUSTOMERS),
        PageSpec(AUDIT, audit_title, placeholder_factory(audit_title, audit_placeholder_text),
                 Permission.VIEW_AUDIT),
    ]
