"""Small dialogs of the profile's Consents tab: record a consent (or a refusal) and withdraw
one. The service validates; each problem it names is shown at its field, translated, and
nothing typed is lost. Success emits ``saved(consent_id)`` and closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.consent_types import ConsentChannel, ConsentPurpose
from desktop.core.errors import FieldErrors
from desktop.services.consents import (
    MAX_EVIDENCE,
    MAX_NOTE,
    MAX_PURPOSE_TEXT,
    ConsentDraft,
    ConsentService,
    ConsentView,
)
from desktop.services.session import Session
from desktop.ui.error_text import describe_error, translate_text
from desktop.ui.pages.consent_words import channel_name, consent_purpose, purpose_name
from desktop.ui.tasks import TaskContext, TaskSubmitter

_INVALID_STYLE = """
QLineEdit[invalid="true"], QComboBox[invalid="true"] {
    border: 1px solid #b42318;
    border-radius: 7px;
    background: #fffafa;
}
QLabel#fieldError { color: #b42318; }
"""


class ConsentForm(QDialog):
    """Fields with an error line under each, a form-level error, and a save in the
    background that may outlive the dialog (then it is deleted once answered)."""

    saved = Signal(int)
    """The consent id recorded or withdrawn."""

    def __init__(self, service: ConsentService, session: Session, runner: TaskSubmitter,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setStyleSheet(_INVALID_STYLE)
        self._service = service
        self._session = session
        self._runner = runner
        self._saving = False
        self._dispose_when_done = False
        self.captions: dict[str, QLabel] = {}
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(2)
        self.form_error = QLabel()
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        self.save_button = QPushButton()
        self.save_button.setProperty("role", "primary")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        self.form_layout = QVBoxLayout(self)
        self.form_layout.setContentsMargins(20, 18, 20, 16)
        self.form_layout.setSpacing(8)
        self.form_layout.addLayout(self.grid)
        self.form_layout.addWidget(self.form_error)
        self.form_layout.addStretch(1)
        self.form_layout.addLayout(buttons)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(460)

    def add_field(self, key: str, widget: QLineEdit | QComboBox) -> None:
        row = 3 * len(self.inputs)
        caption = QLabel()
        caption.setObjectName("fieldLabel")
        caption.setBuddy(widget)
        widget.setObjectName(f"consent_{key}")
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setVisible(False)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _="", k=key: self.set_field_error(k, ""))
        else:
            widget.currentIndexChanged.connect(lambda _=0, k=key: self.set_field_error(k, ""))
        self.grid.addWidget(caption, row, 0)
        self.grid.addWidget(widget, row + 1, 0)
        self.grid.addWidget(error, row + 2, 0)
        self.captions[key], self.inputs[key], self.errors[key] = caption, widget, error

    def set_field_error(self, key: str, problem: str) -> None:
        """Show ``problem`` (already translated) under the field; "" clears it."""
        label, widget = self.errors[key], self.inputs[key]
        label.setText(problem)
        label.setVisible(bool(problem))
        invalid = "true" if problem else "false"
        if widget.property("invalid") != invalid:
            widget.setProperty("invalid", invalid)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def field_errors(self) -> dict[str, str]:
        """Shown problems by field (for tests)."""
        return {key: label.text() for key, label in self.errors.items() if label.text()}

    def _job(self) -> Callable[[TaskContext], int]:
        """The save to run on the task runner, with the form's values read now."""
        raise NotImplementedError

    def submit(self) -> None:
        if self._saving:
            return
        job = self._job()
        for key in self.inputs:
            self.set_field_error(key, "")
        self.form_error.setVisible(False)
        self.save_button.setEnabled(False)
        self._saving = True
        self._runner.submit(
            job, on_success=self._saved, on_failure=self._failed, on_finished=self._idle
        )

    def _saved(self, consent_id: int) -> None:
        self.saved.emit(consent_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        unplaced: list[str] = []
        if isinstance(exc, FieldErrors):
            for key, problem in exc.errors.items():
                if key in self.inputs and self.inputs[key].isVisible():
                    self.set_field_error(key, translate_text(problem))
                else:
                    unplaced.append(translate_text(problem))
            first = next((key for key in self.inputs if key in exc.errors), None)
            if first is not None:
                self.inputs[first].setFocus()
            if not unplaced:
                return
        self.form_error.setText(" ".join(unplaced) or describe_error(exc))
        self.form_error.setVisible(True)

    def _idle(self) -> None:
        self._saving = False
        if self._dispose_when_done:
            self.deleteLater()
            return
        self.save_button.setEnabled(True)

    def dispose(self) -> None:
        """Delete this closed dialog — once a save in flight has been answered."""
        if self._saving:
            self._dispose_when_done = True
        else:
            self.deleteLater()

    def retranslateUi(self) -> None:
        # The context is named: self.tr would look it up under the subclass's name.
        self.cancel_button.setText(QCoreApplication.translate("ConsentForm", "Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class RecordConsentDialog(ConsentForm):
    """Record what a customer agreed to (or declined), how, and where the proof is."""

    def __init__(self, service: ConsentService, session: Session, runner: TaskSubmitter,
                 customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(service, session, runner, parent)
        self.setObjectName("recordConsentDialog")
        self.customer_id = customer_id
        self.purpose_combo = QComboBox()
        for purpose in ConsentPurpose:
            self.purpose_combo.addItem("", purpose.value)
        self.purpose_text_edit = QLineEdit()
        self.purpose_text_edit.setMaxLength(MAX_PURPOSE_TEXT)
        self.answer_combo = QComboBox()
        self.answer_combo.addItem("", True)
        self.answer_combo.addItem("", False)
        self.channel_combo = QComboBox()
        for channel in ConsentChannel:
            self.channel_combo.addItem("", channel.value)
        self.evidence_edit = QLineEdit()
        self.evidence_edit.setMaxLength(MAX_EVIDENCE)
        self.add_field("purpose", self.purpose_combo)
        self.add_field("purpose_text", self.purpose_text_edit)
        self.add_field("granted", self.answer_combo)
        self.add_field("channel", self.channel_combo)
        self.add_field("evidence", self.evidence_edit)
        self.audit_note = QLabel()
        self.audit_note.setObjectName("hint")
        self.audit_note.setWordWrap(True)
        self.form_layout.insertWidget(1, self.audit_note)
        self.save_button.setObjectName("saveConsent")
        self.purpose_combo.currentIndexChanged.connect(self._purpose_changed)
        self.retranslateUi()
        self._purpose_changed()

    def draft(self) -> ConsentDraft:
        return ConsentDraft(
            purpose=str(self.purpose_combo.currentData()),
            channel=str(self.channel_combo.currentData()),
            evidence=self.evidence_edit.text(),
            granted=bool(self.answer_combo.currentData()),
            purpose_text=self.purpose_text_edit.text() if self._other() else "",
        )

    def _other(self) -> bool:
        return bool(self.purpose_combo.currentData() == ConsentPurpose.OTHER.value)

    def _purpose_changed(self) -> None:
        other = self._other()
        for widget in (self.captions["purpose_text"], self.purpose_text_edit):
            widget.setVisible(other)
        if not other:
            self.set_field_error("purpose_text", "")

    def _job(self) -> Callable[[TaskContext], int]:
        service, session, customer_id, draft = (
            self._service, self._session, self.customer_id, self.draft()
        )
        return lambda _ctx: service.record(session, customer_id, draft)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.setWindowTitle(self.tr("Record consent"))
        for index in range(self.purpose_combo.count()):
            self.purpose_combo.setItemText(index, purpose_name(
                str(self.purpose_combo.itemData(index))))
        for index in range(self.channel_combo.count()):
            self.channel_combo.setItemText(index, channel_name(
                str(self.channel_combo.itemData(index))))
        self.answer_combo.setItemText(0, self.tr("The customer agrees"))
        self.answer_combo.setItemText(1, self.tr("The customer declines"))
        self.captions["purpose"].setText(self.tr("&Purpose"))
        self.captions["purpose_text"].setText(self.tr("Purpose in your words"))
        self.captions["granted"].setText(self.tr("&Answer"))
        self.captions["channel"].setText(self.tr("&How it was given"))
        self.captions["evidence"].setText(self.tr("&Evidence"))
        self.purpose_text_edit.setPlaceholderText(self.tr("e.g. birthday coupon by SMS"))
        self.evidence_edit.setPlaceholderText(self.tr("e.g. signed paper form no. 123"))
        self.audit_note.setText(self.tr(
            "Recorded with your name and the time, and shown in the customer's history."))
        self.save_button.setText(self.tr("Record"))


class WithdrawConsentDialog(ConsentForm):
    """The customer takes a consent back; the row stays, marked withdrawn."""

    def __init__(self, service: ConsentService, session: Session, runner: TaskSubmitter,
                 consent: ConsentView, parent: QWidget | None = None) -> None:
        super().__init__(service, session, runner, parent)
        self.setObjectName("withdrawConsentDialog")
        self.consent = consent
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.form_layout.insertWidget(0, self.heading)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE)
        self.add_field("note", self.note_edit)
        self.save_button.setObjectName("withdrawConsent")
        self.retranslateUi()

    def _job(self) -> Callable[[TaskContext], int]:
        service, session, consent_id, note = (
            self._service, self._session, self.consent.id, self.note_edit.text()
        )

        def withdraw(_ctx: TaskContext) -> int:
            service.withdraw(session, consent_id, note)
            return consent_id

        return withdraw

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.setWindowTitle(self.tr("Withdraw consent"))
        self.heading.setText(self.tr("Withdraw: {purpose}").format(
            purpose=consent_purpose(self.consent)))
        self.captions["note"].setText(self.tr("&How did the customer withdraw it?"))
        self.note_edit.setPlaceholderText(self.tr("e.g. phone call, asked to stop SMS"))
        self.save_button.setText(self.tr("Withdraw consent"))
