"""What reaches the import wizard other than its buttons: a file dragged onto it, and the
Enter key. The wizard (``import_wizard.ImportWizard``) is built on this."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.ui.pages.import_pages_source import FileStep, dropped_file
from desktop.ui.shell.style import set_property

FILE, SHEET, HEADER, MAPPING, CHECK, RUN, DONE = range(7)


class WizardInput(QWidget):
    """Drop a file to open it (not while a call runs or the import is running); Enter goes
    on as "Next" does from the sheet list, the header rows and the mapping (their views pass
    Enter on). Not on the check step: an import starts only from a click on "Import now"."""

    busy: bool
    file_step: FileStep
    next_button: QPushButton

    @property
    def step(self) -> int:
        raise NotImplementedError

    def next_step(self) -> None:
        raise NotImplementedError

    def open_file(self, path: Path) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.step in (SHEET, HEADER, MAPPING) and self.next_button.isVisible():
            if self.next_button.isEnabled():
                self.next_step()
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None and not self.busy and self.step != RUN:
            event.acceptProposedAction()
            set_property(self.file_step.drop_zone, "active", "true")
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        set_property(self.file_step.drop_zone, "active", "false")
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        set_property(self.file_step.drop_zone, "active", "false")
        path = dropped_file(event)
        if path is None or self.busy or self.step == RUN:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)
