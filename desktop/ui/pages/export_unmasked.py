"""The two small dialogs of an unmasked export (owner only).

:class:`UnmaskedConfirmDialog` says what an unmasked file is, asks for the owner password
again and the purpose, and hands both to the export dialog (``confirmed``); it keeps the
password only until it closes. :class:`FilePasswordDialog` shows the file's password once,
after the export, with a guarded copy (the clipboard is cleared after 30 s if it still
holds it) and an "I have noted it" button; the password is forgotten when it closes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.fitting_dialog import FittingDialog
from desktop.ui.shell.style import button, label, named

DIALOG_WIDTH = 480


def _button_row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in buttons:
        row.addWidget(widget)
    return row


class UnmaskedConfirmDialog(FittingDialog):
    """Asks for the owner password and the purpose; emits ``confirmed(password, purpose)``."""

    confirmed = Signal(str, str)

    def __init__(self, purpose: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "unmaskedConfirmDialog")
        self.setModal(True)
        self.heading = label("sectionHeading")
        self.explanation = label("notice")
        self.password_label = label("fieldLabel", wrap=False)
        self.password_edit = named(QLineEdit(), "ownerPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.purpose_label = label("fieldLabel", wrap=False)
        self.purpose_edit = named(QLineEdit(), "unmaskedPurpose")
        self.purpose_edit.setMaxLength(200)
        self.purpose_edit.setText(purpose)
        self.audit_note = label("hint")
        self.confirm_button = button("confirmUnmasked", "primary")
        self.confirm_button.setDefault(True)
        self.cancel_button = button("cancelUnmasked")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(4)
        layout.addWidget(self.password_label)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.purpose_edit)
        layout.addWidget(self.audit_note)
        layout.addStretch(1)
        layout.addLayout(_button_row(self.cancel_button, self.confirm_button))

        self.password_label.setBuddy(self.password_edit)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.password_edit.textChanged.connect(self._update_button)
        self.purpose_edit.textChanged.connect(self._update_button)
        self.confirm_button.clicked.connect(self._confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.finished.connect(lambda _result: self.password_edit.clear())
        self.retranslateUi()
        self.setMinimumWidth(DIALOG_WIDTH)
        self._update_button()
        self.password_edit.setFocus()

    def purpose(self) -> str:
        return " ".join(self.purpose_edit.text().split())

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden by a lock (or closed): a typed owner password does not wait behind it.
        self.password_edit.clear()
        super().hideEvent(event)

    def _update_button(self) -> None:
        self.confirm_button.setEnabled(bool(self.password_edit.text()) and bool(self.purpose()))

    def _confirm(self) -> None:
        password, purpose = self.password_edit.text(), self.purpose()
        if not password or not purpose:
            return
        self.password_edit.clear()
        self.accept()
        self.confirmed.emit(password, purpose)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Export unmasked data"))
        self.heading.setText(self.tr("Export with full personal data"))
        self.explanation.setText(self.tr(
            "The file will contain full names, phone numbers, addresses and the other "
            "personal data, unmasked. It is saved as a password-protected Excel workbook "
            "(.xlsx); its password is shown once when the export is done. Anyone with the "
            "file and its password can read everything in it."))
        self.password_label.setText(self.tr("Your owner password"))
        self.password_edit.setPlaceholderText(self.tr("Type it again to confirm"))
        self.purpose_label.setText(self.tr("Why does this data leave the shop?"))
        self.purpose_edit.setPlaceholderText(self.tr("Required, e.g. annual tax audit"))
        self.audit_note.setText(self.tr(
            "Your name, the time, the purpose, the columns, the row count and a fingerprint "
            "of the file are recorded in the audit log."))
        self.confirm_button.setText(self.tr("Export unmasked"))
        self.cancel_button.setText(self.tr("Cancel"))


class FilePasswordDialog(FittingDialog):
    """Shows a file password once: copy (guarded) and "I have noted it"."""

    def __init__(self, password: str, clipboard: ClipboardGuard, path_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "filePasswordDialog")
        self.setModal(True)
        self._clipboard = clipboard
        self._path_text = path_text
        self.heading = label("sectionHeading")
        self.intro = label("hint")
        self.password_edit = named(QLineEdit(), "filePassword")
        self.password_edit.setReadOnly(True)
        self.password_edit.setText(password)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.3)
        self.password_edit.setFont(font)
        self.password_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = button("copyFilePassword")
        self.copy_note = label("hint")
        self.warning = label("notice")
        self.noted_button = button("notedFilePassword", "primary")
        self.noted_button.setDefault(True)

        value_row = QHBoxLayout()
        value_row.addWidget(self.password_edit, 1)
        value_row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(value_row)
        layout.addWidget(self.copy_note)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addLayout(_button_row(self.noted_button))

        self.copy_button.clicked.connect(self.copy_password)
        self.noted_button.clicked.connect(self.accept)
        self.finished.connect(lambda _result: self.password_edit.clear())
        self.copied = False
        self.retranslateUi()
        self.setMinimumWidth(DIALOG_WIDTH)

    def copy_password(self) -> None:
        value = self.password_edit.text()
        if value:
            self._clipboard.copy(value, sensitive=True)
            self.copied = True
            self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("File password"))
        self.heading.setText(self.tr("Note the file's password now"))
        intro = self.tr("The workbook is protected with this password. It is shown only "
                        "this once and is not kept anywhere.")
        if self._path_text:
            intro = self.tr("File: {path}").format(path=self._path_text) + "\n" + intro
        self.intro.setText(intro)
        self.copy_button.setText(self.tr("Copy"))
        self.copy_note.setText(
            self.tr("Copied. The clipboard is cleared in 30 seconds if it still holds it.")
            if self.copied else
            self.tr("A copied password is cleared from the clipboard after 30 seconds."))
        self.warning.setText(self.tr(
            "Give the password to the recipient another way than the file (for example by "
            "phone, not in the same e-mail). Without it the file cannot be opened."))
        self.noted_button.setText(self.tr("I have noted it"))
