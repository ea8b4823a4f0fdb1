""""Forgot the owner password?": the recovery code written down at set-up lets the owner
choose a new password (DESIGN §2).

The dialog only collects and checks what was typed; the flow in ``owner_reset.py`` runs the
slow reset (Argon2id, twice) on the workspace queue and reports back through ``set_busy``,
``show_code_error``, ``show_password_error`` and ``show_error``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.shell.new_password_fields import NewPasswordFields
from desktop.ui.shell.secret_fields import SecretField
from desktop.ui.shell.style import add_field_rows, button, label, named, show_field_error

DIALOG_WIDTH = 560
# The longest code people might paste with extra spaces or dashes; the service keeps only
# letters and digits.
MAX_CODE_LENGTH = 64


class OwnerResetDialog(QDialog):
    reset_requested = Signal(str, str)
    """(recovery code as typed, new owner password)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownerResetDialog")
        self.setModal(True)
        # A fixed width lets the wrapped texts take their height for it; the dialog grows
        # when errors appear (see _refit) instead of squeezing the text above them.
        self.setFixedWidth(DIALOG_WIDTH)
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(6)

        self.title_label = label("title")
        self.intro_label = label("subtitle")
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addSpacing(10)

        def add(caption: QLabel, field: QWidget, error: QLabel) -> None:
            add_field_rows(layout, caption, field, error)

        self.code_caption, self.code_error = label("fieldLabel", wrap=False), label("fieldError")
        self.code_field = SecretField("resetCodeEdit", hidden=False)
        self.code_field.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_field.edit.setMaxLength(MAX_CODE_LENGTH)
        self.code_hint = label("hint")
        add(self.code_caption, self.code_field, self.code_error)
        layout.addWidget(self.code_hint)
        layout.addSpacing(6)

        self.new_password = NewPasswordFields("resetPasswordEdit", "resetConfirmEdit")
        layout.addWidget(self.new_password)
        layout.addSpacing(6)
        # The flow and the tests reach the pieces by these names.
        self.password_field = self.new_password.password_field
        self.password_error = self.new_password.password_error
        self.confirm_field = self.new_password.confirm_field
        self.confirm_error = self.new_password.confirm_error
        self.strength = self.new_password.strength

        self.keep_note = label("hint")
        layout.addWidget(self.keep_note)

        self.error_label = label("formError")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.busy_bar = named(QProgressBar(), "resetBusyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(6)
        self.busy_text = label("hint")
        for widget in (self.busy_bar, self.busy_text):
            widget.setVisible(False)
            layout.addWidget(widget)

        self.cancel_button = button("resetCancelButton")
        self.cancel_button.clicked.connect(self.reject)
        self.reset_button = button("resetButton", "primary")
        self.reset_button.setDefault(True)
        self.reset_button.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.reset_button)
        layout.addSpacing(8)
        layout.addLayout(row)

        self._clear_on_edit(self.code_field.edit, self.code_error)
        self.code_field.returnPressed.connect(self.password_field.setFocus)
        self.new_password.returnPressed.connect(self._submit)
        self.retranslateUi()
        self.code_field.setFocus()

    # ------------------------------------------------------------ flow API

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.code_field, self.cancel_button):
            widget.setEnabled(not busy)
        self.new_password.set_fields_enabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_text.setVisible(busy)
        self._update_button()
        self._refit()

    def show_code_error(self, text: str) -> None:
        self.set_busy(False)
        show_field_error(self.code_field.edit, self.code_error, text)
        self._refit()
        self.code_field.setFocus()
        self.code_field.edit.selectAll()

    def show_password_error(self, text: str) -> None:
        self.set_busy(False)
        self.new_password.show_password_error(text)
        self._refit()
        self.password_field.setFocus()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        show_field_error(None, self.error_label, text)
        self._refit()

    def forget(self) -> None:
        """Clear every secret typed (after success, on cancel)."""
        self.code_field.clear()
        self.new_password.clear()

    # ------------------------------------------------------------ internals

    @staticmethod
    def _clear_on_edit(edit: QLineEdit, error: QLabel) -> None:
        edit.textEdited.connect(lambda _text: show_field_error(edit, error, ""))

    def _refit(self) -> None:
        self.layout().activate()
        self.adjustSize()

    def _update_button(self) -> None:
        self.reset_button.setEnabled(not self._busy)
        self.reset_button.setText(
            self.tr("Setting it…") if self._busy else self.tr("Set new password")
        )

    def _submit(self) -> None:
        if self._busy:
            return
        show_field_error(None, self.error_label, "")
        code = self.code_field.text()
        password = self.new_password.password()
        first_bad: QWidget | None = None
        if not any(ch.isalnum() for ch in code):
            show_field_error(self.code_field.edit, self.code_error,
                             self.tr("Enter the recovery code from your paper copy."))
            first_bad = self.code_field
        bad_password = self.new_password.check()  # always: every problem shows at once
        first_bad = first_bad or bad_password
        if first_bad is not None:
            self._refit()
            first_bad.setFocus()
            return
        self.set_busy(True)
        self.reset_requested.emit(code, password)

    def reject(self) -> None:
        if self._busy:  # the reset is running: it finishes either way, so wait for it
            return
        self.forget()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a field moves on or submits (connected above); it must not also press
        # the default button behind the field's back.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Forgot the owner password"))
        self.title_label.setText(self.tr("Set a new owner password"))
        self.intro_label.setText(
            self.tr("Use the recovery code you wrote down when the shop was set up. Your "
                    "customer records stay as they are.")
        )
        self.code_caption.setText(self.tr("&Recovery code"))
        self.code_hint.setText(
            self.tr("Capital or small letters, spaces and dashes do not matter.")
        )
        self.new_password.set_captions(self.tr("&New owner password"),
                                       self.tr("&Type the new password again"))
        self.keep_note.setText(
            self.tr("Your recovery code stays the same. Keep the paper copy in a safe place: "
                    "it still works if you forget the password again.")
        )
        self.busy_text.setText(
            self.tr("Setting the new password. This takes a few seconds…")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self._update_button()
