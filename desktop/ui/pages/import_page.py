"""The Import page (owner and manager): the wizard for a new file, and the past imports
with undo, on two tabs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.services.import_api import ImportServiceApi
from desktop.services.session import Session
from desktop.ui.pages.import_history import ImportHistory
from desktop.ui.pages.import_wizard import ImportWizard
from desktop.ui.shell.style import named
from desktop.ui.tasks import TaskSubmitter

WIZARD_TAB, HISTORY_TAB = range(2)


class ImportPage(QWidget):
    """``ImportPage(service, session, runner)``; emits ``open_records(target)`` (show the
    customers, orders or feedback just imported) and ``data_changed`` (an import or an undo
    changed the shop's records)."""

    open_records = Signal(object)  # ImportTarget
    data_changed = Signal()

    def __init__(self, service: ImportServiceApi, session: Session, runner: TaskSubmitter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.wizard = ImportWizard(service, session, runner)
        self.history = ImportHistory(service, session, runner)
        self.tabs = named(QTabWidget(), "importTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.wizard, "")
        self.tabs.addTab(self.history, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.wizard.open_records.connect(self.open_records)
        self.wizard.imported.connect(lambda _batch: self._changed())
        self.history.undone.connect(lambda _batch: self.data_changed.emit())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.retranslateUi()

    def _changed(self) -> None:
        self.history.reload()
        self.data_changed.emit()

    def _tab_changed(self, index: int) -> None:
        if index == HISTORY_TAB and not self.history.busy:
            self.history.reload()

    def show_history(self) -> None:
        self.tabs.setCurrentIndex(HISTORY_TAB)

    def clear_sensitive(self) -> None:
        self.wizard.clear_sensitive()
        self.history.clear_sensitive()

    def restore_after_unlock(self) -> None:
        self.wizard.restore_after_unlock()
        if self.tabs.currentIndex() == HISTORY_TAB:
            self.history.reload()

    def retranslateUi(self) -> None:
        self.tabs.setTabText(WIZARD_TAB, self.tr("Import a file"))
        self.tabs.setTabText(HISTORY_TAB, self.tr("Past imports"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
