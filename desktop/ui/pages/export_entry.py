"""How the list pages offer exports: an "Export…" button that opens the export dialog on
what the page shows, and the owner's data-subject copy of one customer.

A page gets an :class:`ExportAccess` (the export service and the clipboard guard) from the
window, or None where exports are not wired; the button hides itself for roles that may not
export (staff, auditor), so a page only adds it to its bar and says what it shows::

    self.export_button = ExportButton(exports, session, runner, self.export_scope)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desktop.core.roles import Permission
from desktop.services.export_api import ExportServiceApi
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.export_dialog import ExportDialog
from desktop.ui.pages.export_scope import ExportScope
from desktop.ui.pages.export_subject import SubjectCopyDialog
from desktop.ui.tasks import TaskSubmitter


@dataclass(frozen=True)
class ExportAccess:
    service: ExportServiceApi
    clipboard: ClipboardGuard


def may_export(access: ExportAccess | None, session: Session) -> bool:
    return access is not None and access.service.can_export(session)


def may_copy_subject(access: ExportAccess | None, session: Session) -> bool:
    return access is not None and session.allows(Permission.EXPORT_SUBJECT_COPY)


class ExportButton(QPushButton):
    """"Export…" for a list page; hidden unless the session may export. One dialog at a
    time: pressing it again brings the open one to the front."""

    last_folder: Path | None = None
    """Where the last export since the app started went; the next one starts there."""

    def __init__(self, access: ExportAccess | None, session: Session, runner: TaskSubmitter,
                 scope: Callable[[], ExportScope], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportButton")
        self.setProperty("role", "secondary")
        self.setAutoDefault(False)
        self._access, self._session, self._runner, self._scope = access, session, runner, scope
        self.dialog: QDialog | None = None
        self.setVisible(may_export(access, session))
        self.clicked.connect(self.open_dialog)
        self.retranslateUi()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible and may_export(self._access, self._session))

    def open_dialog(self) -> ExportDialog | None:
        access = self._access
        if access is None or not may_export(access, self._session):
            return None
        if isinstance(self.dialog, ExportDialog):
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ExportDialog(access.service, self._session, self._runner, access.clipboard,
                              self._scope(), self, folder=self._start_folder())
        self._show(dialog)
        return dialog

    def open_subject_copy(self, customer_id: int, who: str,
                          member_no: str = "") -> SubjectCopyDialog | None:
        """The owner's "Export everything we hold about this person…"."""
        access = self._access
        if access is None or not may_copy_subject(access, self._session):
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return None
        dialog = SubjectCopyDialog(access.service, self._session, self._runner, customer_id,
                                   who, member_no, self, folder=self._start_folder())
        self._show(dialog)
        return dialog

    def _show(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if isinstance(dialog, ExportDialog | SubjectCopyDialog) and dialog.last_result:
            ExportButton.last_folder = dialog.last_result.path.parent
        dialog.deleteLater()

    @staticmethod
    def _start_folder() -> Path | None:
        folder = ExportButton.last_folder
        return folder if folder is not None and folder.is_dir() else None

    def retranslateUi(self) -> None:
        self.setText(self.tr("Export…"))
        self.setToolTip(self.tr("Save what this list shows as an Excel or CSV file "
                                "(personal data masked)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
