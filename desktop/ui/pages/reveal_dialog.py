"""Reveal one masked field of one customer, with a stated reason (manager / owner).

The service checks the permission and writes the audit entry (who, when, which field, why);
the value is shown here only — never written into the table model or the profile panel —
and forgotten when the dialog closes. "Copy" puts it on the clipboard as a sensitive value,
taken back off after 30 s if it is still ours.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.customer_api import CustomerServiceApi
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.error_text import describe_error
from desktop.ui.pages.customer_profile import field_label
from desktop.ui.tasks import TaskContext, TaskSubmitter


class RevealDialog(QDialog):
    """Asks for a reason, reveals the field through the service, offers a guarded copy."""

    revealed = Signal(int, str)
    """customer id, field — after the service revealed (and audited) it."""

    OTHER = "other"

    def __init__(
        self,
        service: CustomerServiceApi,
        session: Session,
        runner: TaskSubmitter,
        clipboard: ClipboardGuard,
        customer_id: int,
        field: str,
        masked_value: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        self.setModal(True)
        self._service = service
        self._session = session
        self._runner = runner
        self._clipboard = clipboard
        self.customer_id = customer_id
        self.field = field
        self._masked_value = masked_value
        self._revealing = False
        self._dispose_when_done = False

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.intro = QLabel()
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("fieldLabel")
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("revealReason")
        self.other_edit = QLineEdit()
        self.other_edit.setObjectName("revealOtherReason")
        self.other_edit.setMaxLength(200)
        self.other_edit.setVisible(False)
        self.audit_note = QLabel()
        self.audit_note.setObjectName("hint")
        self.audit_note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("revealedValue")
        self.value_edit.setReadOnly(True)
        self.value_edit.setVisible(False)
        font = self.value_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.value_edit.setFont(font)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyRevealed")
        self.copy_button.setAutoDefault(False)
        self.copy_button.setVisible(False)
        self.copy_note = QLabel()
        self.copy_note.setObjectName("hint")
        self.copy_note.setWordWrap(True)
        self.copy_note.setVisible(False)

        self.reveal_button = QPushButton()
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setProperty("role", "primary")
        self.reveal_button.setDefault(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeReveal")
        self.close_button.setAutoDefault(False)

        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.copy_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reveal_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_combo)
        layout.addWidget(self.other_edit)
        layout.addWidget(self.audit_note)
        layout.addWidget(self.error_label)
        layout.addLayout(value_row)
        layout.addWidget(self.copy_note)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.reason_combo.currentIndexChanged.connect(self._reason_changed)
        self.other_edit.textChanged.connect(self._update_buttons)
        self.reveal_button.clicked.connect(self.reveal)
        self.copy_button.clicked.connect(self.copy_value)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self.clear_value)
        self.retranslateUi()
        self.setMinimumWidth(440)

    # ------------------------------------------------------------------------- behaviour

    def reason(self) -> str:
        if self.reason_combo.currentData() == self.OTHER:
            return " ".join(self.other_edit.text().split())
        return self.reason_combo.currentText()

    def reveal(self) -> None:
        reason = self.reason()
        if not reason or self._revealing:
            return
        self.error_label.setVisible(False)
        self.reveal_button.setEnabled(False)
        service, session = self._service, self._session
        customer_id, field = self.customer_id, self.field

        def run(_ctx: TaskContext) -> str:
            return service.reveal(session, customer_id, field, reason)

        self._revealing = True
        self._runner.submit(
            run, on_success=self._show_value, on_failure=self._failed, on_finished=self._done
        )

    def _done(self) -> None:
        self._revealing = False
        if self._dispose_when_done:
            self.deleteLater()
            return
        self._update_buttons()

    def dispose(self) -> None:
        """Delete this closed dialog — once the service has answered, if it is asked."""
        self.clear_value()
        if self._revealing:
            self._dispose_when_done = True
        else:
            self.deleteLater()

    def _show_value(self, value: str) -> None:
        self.revealed.emit(self.customer_id, self.field)
        if not self.isVisible():
            return  # closed (or the window locked) while the service was answering
        self.value_edit.setText(value)
        self.value_edit.setVisible(True)
        self.copy_button.setVisible(True)
        self.copy_note.setVisible(True)
        self.reason_combo.setEnabled(False)
        self.other_edit.setEnabled(False)
        self.reveal_button.setVisible(False)
        self.close_button.setDefault(True)
        self.value_edit.setFocus()
        self.value_edit.selectAll()
        self.adjustSize()

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(describe_error(exc))
        self.error_label.setVisible(True)

    def copy_value(self) -> None:
        value = self.value_edit.text()
        if value:
            self._clipboard.copy(value, sensitive=True)
            self.copy_note.setText(
                self.tr("Copied. The clipboard is cleared in 30 seconds if it still holds it.")
            )

    def clear_value(self) -> None:
        """Forget the revealed value (on close and when the window locks)."""
        self.value_edit.clear()
        self.value_edit.setVisible(False)
        self.copy_button.setVisible(False)
        self.copy_note.setVisible(False)

    def _reason_changed(self) -> None:
        other = self.reason_combo.currentData() == self.OTHER
        self.other_edit.setVisible(other)
        if other:
            self.other_edit.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.reveal_button.setEnabled(not self._revealing and bool(self.reason()))

    # ----------------------------------------------------------------------- translation

    def retranslateUi(self) -> None:
        name = field_label(self.field)
        self.setWindowTitle(self.tr("Reveal a field"))
        self.heading.setText(self.tr("Reveal: {field}").format(field=name))
        intro = self.tr("The full value is shown here, once; the list keeps showing the mask.")
        if self._masked_value:
            intro = self.tr("Shown now: {masked}").format(masked=self._masked_value) + "\n" + intro
        self.intro.setText(intro)
        self.reason_label.setText(self.tr("Why do you need it?"))
        current = self.reason_combo.currentIndex()
        self.reason_combo.blockSignals(True)
        self.reason_combo.clear()
        for text in (
            self.tr("Customer called; verifying identity"),
            self.tr("Shipping"),
            self.tr("After-sales service"),
        ):
            self.reason_combo.addItem(text, "preset")
        self.reason_combo.addItem(self.tr("Other…"), self.OTHER)
        self.reason_combo.setCurrentIndex(max(current, 0))
        self.reason_combo.blockSignals(False)
        self.other_edit.setPlaceholderText(self.tr("Type the reason"))
        self.audit_note.setText(
            self.tr("Your name, the time, the field and the reason are recorded in the "
                    "customer's history.")
        )
        self.copy_button.setText(self.tr("Copy"))
        self.copy_note.setText(
            self.tr("A copied value is cleared from the clipboard after 30 seconds.")
        )
        self.reveal_button.setText(self.tr("Reveal"))
        self.close_button.setText(self.tr("Close"))
        self._reason_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
