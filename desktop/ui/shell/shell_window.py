"""The one top-level window: it shows either a gate screen (first run, unlock, login / lock,
busy, problem) or the workspace (:class:`MainWindow`, embedded), so locking never moves or
re-creates the window the user is looking at."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.style import named, window_title

PREFERRED_SIZE = QSize(1180, 780)
MINIMUM_SIZE = QSize(880, 600)


class ShellWindow(QWidget):
    close_requested = Signal()
    """The user closed the window; the controller decides (it quits the application)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "shellRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stack = named(QStackedWidget(), "rootStack")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._main: MainWindow | None = None
        self._closing_allowed = False
        self.setMinimumSize(MINIMUM_SIZE)
        self.set_shop_name("")
        self.resize(self._initial_size())

    @property
    def main_window(self) -> MainWindow | None:
        return self._main

    def add_screen(self, screen: QWidget) -> None:
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)

    def show_screen(self, screen: QWidget) -> None:
        self.add_screen(screen)
        self.stack.setCurrentWidget(screen)

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def set_main_window(self, window: MainWindow) -> None:
        """Embed the workspace (replacing a previous one, which is deleted)."""
        self.remove_main_window()
        window.setWindowFlags(Qt.WindowType.Widget)
        self._main = window
        self.stack.addWidget(window)

    def remove_main_window(self) -> None:
        if self._main is not None:
            self.stack.removeWidget(self._main)
            self._main.deleteLater()
            self._main = None

    def show_main_window(self) -> None:
        if self._main is not None:
            self.stack.setCurrentWidget(self._main)

    def set_shop_name(self, name: str) -> None:
        self.setWindowTitle(window_title(name))

    def allow_close(self) -> None:
        self._closing_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_allowed:
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()

    def _initial_size(self) -> QSize:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return PREFERRED_SIZE
        available = screen.availableGeometry().size()
        return PREFERRED_SIZE.boundedTo(
            QSize(available.width() * 9 // 10, available.height() * 9 // 10)
        )
