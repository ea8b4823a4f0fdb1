"""Changing one customer from the Customers page: the add / edit form, the delete
confirmation and the reveal dialog, their service calls on the task runner, and an open form
kept (hidden) across a lock.

The page decides *what* to act on (the selected profile) and reacts to the outcome through
the signals (reload the list, select the new customer, show the history entry).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.roles import Permission
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import CustomerProfile
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.customer_dialog import CustomerDialog
from desktop.ui.pages.reveal_dialog import RevealDialog
from desktop.ui.tasks import TaskSubmitter


class CustomerActions(QObject):
    added = Signal(int)
    edited = Signal(int)
    deleted = Signal(int)
    revealed = Signal(int, str)
    """customer id, field — after the service revealed (and audited) it."""
    failed = Signal(object)
    """A service call failed (the exception), for the page's error line."""

    def __init__(
        self,
        service: CustomerServiceApi,
        session: Session,
        runner: TaskSubmitter,
        clipboard: ClipboardGuard,
        page: QWidget,
    ) -> None:
        super().__init__(page)
        self._service = service
        self._session = session
        self._runner = runner
        self._clipboard = clipboard
        self._page = page
        self.customer_dialog: CustomerDialog | None = None
        self._dialog_hidden_by_lock = False
        self.reveal_dialog: RevealDialog | None = None
        self.delete_confirmation: QMessageBox | None = None

    # ------------------------------------------------------------------------ add, edit

    def open_form(self, profile: CustomerProfile | None, levels: Sequence[str]) -> None:
        """The add form (``profile`` None) or the edit form of ``profile``."""
        if self.customer_dialog is not None and self.customer_dialog.isVisible():
            self.customer_dialog.raise_()
            return
        dialog = CustomerDialog(self._service, self._session, self._runner, profile,
                                levels, self._page)
        dialog.saved.connect(self.added if profile is None else self.edited)
        dialog.finished.connect(lambda _result: self._form_closed(dialog))
        self.customer_dialog = dialog
        dialog.open()

    def _form_closed(self, dialog: CustomerDialog) -> None:
        if self.customer_dialog is dialog and not self._dialog_hidden_by_lock:
            self.customer_dialog = None
            dialog.dispose()

    # ----------------------------------------------------------------------------- delete

    def confirm_delete(self, profile: CustomerProfile) -> None:
        box = QMessageBox(self._page)
        box.setObjectName("deleteConfirmation")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete customer"))
        box.setText(self.tr("Delete {name} ({member_no})?").format(
            name=profile.name, member_no=profile.member_no))
        box.setInformativeText(self.tr(
            "The customer's profile is removed for good; the deletion is recorded in the "
            "audit log. This cannot be undone."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)

        def answered(_result: int) -> None:
            confirmed = box.clickedButton() is delete
            self.delete_confirmation = None
            box.deleteLater()
            if confirmed:
                self._delete(profile.id)

        box.finished.connect(answered)
        self.delete_confirmation = box
        box.open()

    def _delete(self, customer_id: int) -> None:
        service, session = self._service, self._session
        self._runner.submit(
            lambda _ctx: service.delete(session, customer_id),
            on_success=lambda _none: self.deleted.emit(customer_id),
            on_failure=self.failed.emit,
        )

    # ----------------------------------------------------------------------------- reveal

    def reveal(self, profile: CustomerProfile, field: str, shown: str) -> None:
        """Ask for a reason and reveal ``field`` of ``profile`` (``shown``: its mask)."""
        if not profile.can_reveal or not self._session.allows(Permission.REVEAL_FIELD):
            return
        if self.reveal_dialog is not None:
            self.reveal_dialog.reject()
        dialog = RevealDialog(self._service, self._session, self._runner, self._clipboard,
                              profile.id, field, shown, self._page)
        dialog.revealed.connect(self.revealed)
        dialog.finished.connect(lambda _result: self._reveal_closed(dialog))
        self.reveal_dialog = dialog
        dialog.open()

    def _reveal_closed(self, dialog: RevealDialog) -> None:
        if self.reveal_dialog is dialog:
            self.reveal_dialog = None
        dialog.dispose()

    # ------------------------------------------------------------------------------- lock

    def hide_for_lock(self) -> None:
        """The window locks: forget a revealed value, drop a pending confirmation, hide an
        open add/edit form with what was typed in it."""
        if self.reveal_dialog is not None:
            self.reveal_dialog.clear_value()
            self.reveal_dialog.reject()
        if self.delete_confirmation is not None:
            self.delete_confirmation.reject()
        if self.customer_dialog is not None and self.customer_dialog.isVisible():
            self._dialog_hidden_by_lock = True
            self.customer_dialog.hide()

    def restore_after_unlock(self) -> None:
        if self.customer_dialog is not None and self._dialog_hidden_by_lock:
            self._dialog_hidden_by_lock = False
            self.customer_dialog.open()
