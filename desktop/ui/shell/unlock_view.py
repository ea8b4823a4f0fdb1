"""Unlock this shop on a PC whose keyring does not hold its key: with the owner password or
the recovery code, optionally remembering the key on this PC afterwards."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QStackedWidget,
    QWidget,
)

from desktop.ui.shell.card import CardScreen
from desktop.ui.shell.preferences import LanguageSwitch
from desktop.ui.shell.secret_fields import SecretField
from desktop.ui.shell.style import (
    CHECKBOX_TEXT_INDENT,
    button,
    label,
    named,
    show_field_error,
)

PASSWORD = "password"  # noqa: S105 — the name of a mode, not a secret
RECOVERY_CODE = "recovery_code"


class _FieldStack(QStackedWidget):
    """Focus goes to the field on show (a stacked widget takes no focus itself)."""

    def setFocus(self) -> None:  # type: ignore[override]
        current = self.currentWidget()
        if current is not None:
            current.setFocus()


class UnlockView(CardScreen):
    unlock_requested = Signal(str, str, bool)
    """(PASSWORD or RECOVERY_CODE, the secret, remember on this PC)"""

    def __init__(self, languages: LanguageSwitch, parent: QWidget | None = None) -> None:
        super().__init__(languages, parent=parent)
        self._busy = False
        self._can_remember = True
        self._folder = ""

        self.password_mode = button("passwordMode")
        self.code_mode = button("recoveryCodeMode")
        switch = QHBoxLayout()
        switch.setSpacing(0)
        self._modes = QButtonGroup(self)
        for index, (mode_button, edge) in enumerate(
            ((self.password_mode, "first"), (self.code_mode, "last"))
        ):
            mode_button.setCheckable(True)
            mode_button.setProperty("segment", True)
            mode_button.setProperty("edge", edge)
            self._modes.addButton(mode_button, index)
            switch.addWidget(mode_button)
        switch.addStretch(1)
        self.password_mode.setChecked(True)
        self._modes.idToggled.connect(self._on_mode_toggled)
        self.body.addLayout(switch)
        self.body.addSpacing(10)

        self.secret_caption = label("fieldLabel", wrap=False)
        self.password_field = SecretField("ownerPasswordEdit")
        self.code_field = SecretField("recoveryCodeEdit", hidden=False)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.code_field.edit.setFont(mono)
        self.code_field.edit.setMaxLength(64)
        self.fields = named(_FieldStack(), "unlockFields")
        self.fields.addWidget(self.password_field)
        self.fields.addWidget(self.code_field)
        self.fields.setSizePolicy(self.password_field.sizePolicy())
        for field in (self.password_field, self.code_field):
            field.returnPressed.connect(self._submit)
            field.textChanged.connect(lambda _text: self._clear_error())
        self.secret_hint = label("hint")
        self.field_error = label("fieldError")
        self.add_field(self.secret_caption, self.fields, self.field_error)
        self.body.addWidget(self.secret_hint)

        self.remember_check = named(QCheckBox(), "rememberCheck")
        self.remember_note = label("hint")
        self.remember_note.setIndent(CHECKBOX_TEXT_INDENT)
        self.body.addSpacing(6)
        self.body.addWidget(self.remember_check)
        self.body.addWidget(self.remember_note)

        self.error_label = label("formError", selectable=True)
        self.advice_label = label("hint")
        self.error_label.setVisible(False)
        self.advice_label.setVisible(False)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.advice_label)

        self.folder_label = label("folder", selectable=True)
        self.unlock_button = button("unlockButton", "primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.unlock_button)
        self.body.addSpacing(6)
        self.body.addLayout(row)
        self.retranslateUi()

    # -------------------------------------------------------------- controller API

    @property
    def mode(self) -> str:
        return RECOVERY_CODE if self.code_mode.isChecked() else PASSWORD

    def set_mode(self, mode: str) -> None:
        (self.code_mode if mode == RECOVERY_CODE else self.password_mode).setChecked(True)

    def prepare(self, *, folder: str, can_remember: bool) -> None:
        self._can_remember = can_remember
        self._folder = folder
        self.remember_check.setEnabled(can_remember)
        self.remember_check.setChecked(can_remember)
        self.password_field.clear()
        self.code_field.clear()
        self._clear_error()
        self.set_busy(False)
        self.retranslateUi()
        self.fields.setFocus()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.password_mode, self.code_mode, self.fields):
            widget.setEnabled(not busy)
        self.remember_check.setEnabled(not busy and self._can_remember)
        self.unlock_button.setEnabled(not busy)
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("Unlock"))

    def show_error(self, text: str, advice: str = "") -> None:
        field = self.fields.currentWidget()
        assert isinstance(field, SecretField)
        show_field_error(field.edit, self.error_label, text)
        self.advice_label.setText(advice)
        self.advice_label.setVisible(bool(advice))
        field.edit.selectAll()
        field.setFocus()

    # ------------------------------------------------------------------ internals

    def _clear_error(self) -> None:
        for field in (self.password_field, self.code_field):
            show_field_error(field.edit, self.error_label, "")
        show_field_error(None, self.field_error, "")
        self.advice_label.setVisible(False)

    def _on_mode_toggled(self, mode_id: int, checked: bool) -> None:
        if checked:
            self.fields.setCurrentIndex(mode_id)
            self._clear_error()
            self.retranslateUi()
            self.fields.setFocus()

    def _submit(self) -> None:
        if self._busy:
            return
        field = self.fields.currentWidget()
        assert isinstance(field, SecretField)
        secret = field.text()
        if not secret.strip():
            message = (
                self.tr("Enter the recovery code.")
                if self.mode == RECOVERY_CODE
                else self.tr("Enter the owner password.")
            )
            show_field_error(field.edit, self.field_error, message)
            field.setFocus()
            return
        remember = self.remember_check.isEnabled() and self.remember_check.isChecked()
        self.unlock_requested.emit(self.mode, secret, remember)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        self.title_label.setText(self.tr("Unlock this shop"))
        self.subtitle_label.setText(
            self.tr(
                "This computer does not hold the key to this shop yet. Unlock it with the "
                "owner password or the recovery code."
            )
        )
        self.password_mode.setText(self.tr("Owner password"))
        self.code_mode.setText(self.tr("Recovery code"))
        if self.mode == RECOVERY_CODE:
            self.secret_caption.setText(self.tr("&Recovery code"))
            self.secret_hint.setText(
                self.tr("The code you wrote down when the shop was set up. Dashes and case "
                        "do not matter.")
            )
        else:
            self.secret_caption.setText(self.tr("&Owner password"))
            self.secret_hint.setText(self.tr("The password of the shop owner's account."))
        self.remember_check.setText(self.tr("&Remember on this PC (staff can then log in "
                                            "without the owner password)"))
        if self._can_remember:
            self.remember_note.setText(
                self.tr("The key is kept in this computer's keyring, never in a file.")
            )
        else:
            self.remember_note.setText(
                self.tr("This computer has no keyring available, so the key cannot be "
                        "remembered: the shop will ask to be unlocked again next time.")
            )
        self.folder_label.setText(self.tr("Shop folder: {folder}").format(folder=self._folder))
        self.set_busy(self._busy)
