"""The profile's Consents tab: the customer's consent register (withdrawn and declined
entries included, newest first) with "Record consent…" and "Withdraw…".

The tab shows what ``ConsentService`` returned for the session (evidence masked per role).
Changes go through the service in small dialogs; after one, ``changed(customer_id)`` asks
the page to load the profile again, so this list and the history tab show it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.core.roles import Permission
from desktop.services.consents import ConsentService, ConsentState, ConsentView
from desktop.services.session import Session
from desktop.ui.models.customer_columns import local_date, local_time
from desktop.ui.pages.consent_dialogs import (
    ConsentForm,
    RecordConsentDialog,
    WithdrawConsentDialog,
)
from desktop.ui.pages.consent_words import channel_name, consent_purpose, state_name
from desktop.ui.pages.profile_list_tab import ListTab
from desktop.ui.tasks import TaskSubmitter

MAX_COLUMN_WIDTH = 170
"""Purpose and state columns wrap beyond this; the evidence column takes the rest."""


class ConsentsTab(QWidget):
    changed = Signal(int)
    """A consent of this customer was recorded or withdrawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: ConsentService | None = None
        self._session: Session | None = None
        self._runner: TaskSubmitter | None = None
        self.customer_id: int | None = None
        self.consents: list[ConsentView] = []
        self.dialog: ConsentForm | None = None
        self._dialog_hidden_by_lock = False

        self.record_button = QPushButton()
        self.record_button.setObjectName("recordConsent")
        self.record_button.setAutoDefault(False)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("withdrawConsentButton")
        self.withdraw_button.setAutoDefault(False)
        self.list = ListTab(3)
        self.list.table.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(6, 6, 6, 0)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)

        self.record_button.clicked.connect(self.record)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.list.table.itemSelectionChanged.connect(self._update_buttons)
        self.retranslateUi()
        self._update_buttons()

    def attach(self, service: ConsentService, session: Session, runner: TaskSubmitter) -> None:
        """Where changes go; without it the tab only lists."""
        self._service, self._session, self._runner = service, session, runner
        self._update_buttons()

    # ----------------------------------------------------------------------- showing

    def show_consents(self, customer_id: int, consents: Sequence[ConsentView]) -> None:
        self.customer_id = customer_id
        self.consents = list(consents)
        # Three columns of two lines each: the profile panel is narrow.
        rows = [
            [
                f"{consent_purpose(c)}\n{channel_name(c.channel)}",
                self._state_text(c),
                f"{self._evidence_text(c)}\n{c.recorded_by or '—'}, {local_time(c.recorded_at)}",
            ]
            for c in self.consents
        ]
        self.list.show_rows(rows, self.tr("No consents recorded yet."),
                            [c.id for c in self.consents])
        table = self.list.table
        for column in range(table.columnCount() - 1):
            table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))
        table.resizeRowsToContents()
        self._update_buttons()

    def _evidence_text(self, consent: ConsentView) -> str:
        if consent.evidence_withheld:
            return self.tr("(withheld)")
        return consent.evidence or "—"

    def _state_text(self, consent: ConsentView) -> str:
        if consent.state is ConsentState.WITHDRAWN and consent.withdrawn_at:
            return f"{state_name(consent.state)}\n{local_date(consent.withdrawn_at)}"
        return f"{state_name(consent.state)}\n{local_date(consent.recorded_at)}"

    def clear(self) -> None:
        self.customer_id = None
        self.consents = []
        self.list.show_message("")
        self._update_buttons()

    def selected(self) -> ConsentView | None:
        rows = {index.row() for index in self.list.table.selectionModel().selectedRows()}
        if len(rows) != 1 or self.list.stack.currentWidget() is not self.list.table:
            return None
        row = rows.pop()
        return self.consents[row] if row < len(self.consents) else None

    def _can_change(self) -> bool:
        return (self._service is not None and self._session is not None
                and self._session.allows(Permission.ADD_RECORDS))

    def _update_buttons(self) -> None:
        can_change = self._can_change()
        self.record_button.setVisible(can_change)
        self.withdraw_button.setVisible(can_change)
        self.record_button.setEnabled(self.customer_id is not None)
        chosen = self.selected()
        self.withdraw_button.setEnabled(chosen is not None and chosen.can_withdraw)

    # ----------------------------------------------------------------------- changing

    def record(self) -> None:
        if not self._can_change() or self.customer_id is None:
            return
        assert self._service is not None and self._session is not None
        assert self._runner is not None
        self._open(RecordConsentDialog(self._service, self._session, self._runner,
                                       self.customer_id, self))

    def withdraw_selected(self) -> None:
        chosen = self.selected()
        if not self._can_change() or chosen is None or not chosen.can_withdraw:
            return
        assert self._service is not None and self._session is not None
        assert self._runner is not None
        self._open(WithdrawConsentDialog(self._service, self._session, self._runner, chosen,
                                         self))

    def _open(self, dialog: ConsentForm) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        customer_id = self.customer_id
        assert customer_id is not None
        dialog.saved.connect(lambda _consent_id: self.changed.emit(customer_id))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: ConsentForm) -> None:
        if self.dialog is dialog and not self._dialog_hidden_by_lock:
            self.dialog = None
            dialog.dispose()

    def hide_for_lock(self) -> None:
        """The window locks: an open form is hidden with what was typed in it."""
        if self.dialog is not None and self.dialog.isVisible():
            self._dialog_hidden_by_lock = True
            self.dialog.hide()

    def restore_after_unlock(self) -> None:
        if self.dialog is not None and self._dialog_hidden_by_lock:
            self._dialog_hidden_by_lock = False
            self.dialog.open()

    # ----------------------------------------------------------------------- translation

    def retranslateUi(self) -> None:
        self.record_button.setText(self.tr("Record consent…"))
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.withdraw_button.setToolTip(self.tr(
            "The customer takes back the selected consent; the entry stays, marked withdrawn."))
        self.list.set_headers([self.tr("Purpose, channel"), self.tr("State"),
                               self.tr("Evidence; recorded by")])
        if self.customer_id is not None:
            self.show_consents(self.customer_id, self.consents)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def texts(self) -> list[str]:
        return self.list.texts()


