"""The block where a new password is chosen (first run, owner reset): the password with its
strength meter, the second entry, and each one's problem shown under it.

The screens name the two captions (their texts differ) and decide what Enter in the second
entry does (``returnPressed``); the rule itself is ``check_new_password``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.shell.secret_fields import SecretField, StrengthMeter, check_new_password
from desktop.ui.shell.style import add_field_rows, label, show_field_error


class NewPasswordFields(QWidget):
    returnPressed = Signal()
    """Enter in the second entry (Enter in the first moves to the second)."""

    def __init__(
        self,
        password_name: str,
        confirm_name: str,
        *,
        spacing: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        """``password_name``, ``confirm_name``: object names of the two line edits."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)

        def add(caption: QLabel, field: SecretField, error: QLabel) -> None:
            add_field_rows(layout, caption, field, error)
            _clear_on_edit(field.edit, error)

        self.password_caption = label("fieldLabel", wrap=False)
        self.password_error = label("fieldError")
        self.password_field = SecretField(password_name)
        add(self.password_caption, self.password_field, self.password_error)
        self.strength = StrengthMeter()
        layout.addWidget(self.strength)

        self.confirm_caption = label("fieldLabel", wrap=False)
        self.confirm_error = label("fieldError")
        self.confirm_field = SecretField(confirm_name)
        add(self.confirm_caption, self.confirm_field, self.confirm_error)

        self.password_field.textChanged.connect(self.strength.set_password)
        self.password_field.returnPressed.connect(self.confirm_field.setFocus)
        self.confirm_field.returnPressed.connect(self.returnPressed)
        self.setFocusProxy(self.password_field)

    def set_captions(self, password: str, confirm: str) -> None:
        """The two captions, translated by the screen (``&`` marks the shortcut)."""
        self.password_caption.setText(password)
        self.confirm_caption.setText(confirm)

    def password(self) -> str:
        return self.password_field.text()

    def check(self) -> QWidget | None:
        """Show every problem at its field; the first field with one, or None."""
        return check_new_password(
            self.password_field, self.password_error, self.confirm_field, self.confirm_error)

    def show_password_error(self, text: str) -> None:
        show_field_error(self.password_field.edit, self.password_error, text)

    def set_fields_enabled(self, enabled: bool) -> None:
        self.password_field.setEnabled(enabled)
        self.confirm_field.setEnabled(enabled)

    def clear(self) -> None:
        """Forget both entries (and the meter's verdict)."""
        self.password_field.clear()
        self.confirm_field.clear()
        self.strength.set_password("")


def _clear_on_edit(edit: QLineEdit, error: QLabel) -> None:
    edit.textEdited.connect(lambda _text: show_field_error(edit, error, ""))
