"""Password entry pieces: a field with show/hide, and a strength meter.

Strength is a hint for people; the rule that refuses a password is ``password_problems``
(the same check the services make), and its reasons are what the form shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.core.password_policy import password_problems
from desktop.ui.error_text import joined_problems
from desktop.ui.shell.style import button, label, named, set_property, show_field_error

MAX_STRENGTH = 4


def password_strength(password: str) -> int:
    """0 (refused) … 4 (strong): length and variety, after the policy's own problems."""
    if not password or password_problems(password):
        return 0
    kinds = sum(
        (
            any(ch.islower() for ch in password),
            any(ch.isupper() for ch in password),
            any(ch.isdigit() for ch in password),
            any(not ch.isalnum() for ch in password),
            any(not ch.isascii() for ch in password),
        )
    )
    score = 1
    if len(password) >= 12:
        score += 1
    if len(password) >= 16:
        score += 1
    if kinds >= 3:
        score += 1
    return min(score, MAX_STRENGTH)


def strength_text(strength: int) -> str:
    texts = (
        QCoreApplication.translate("PasswordStrength", "Too weak"),
        QCoreApplication.translate("PasswordStrength", "Fair"),
        QCoreApplication.translate("PasswordStrength", "Good"),
        QCoreApplication.translate("PasswordStrength", "Strong"),
        QCoreApplication.translate("PasswordStrength", "Very strong"),
    )
    return texts[max(0, min(strength, MAX_STRENGTH))]


class SecretField(QWidget):
    """A password (or recovery code) line edit with a "Show" toggle beside it."""

    textChanged = Signal(str)
    returnPressed = Signal()

    def __init__(self, name: str, *, hidden: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = named(QLineEdit(), name)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password if hidden else QLineEdit.EchoMode.Normal)
        self.edit.textChanged.connect(self.textChanged)
        self.edit.returnPressed.connect(self.returnPressed)
        self.show_button: QPushButton = button(f"{name}Show", "link")
        self.show_button.setCheckable(True)
        self.show_button.setVisible(hidden)
        self.show_button.toggled.connect(self._on_show_toggled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)
        self.setFocusProxy(self.edit)
        self.retranslateUi()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()
        self.show_button.setChecked(False)

    def _on_show_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        shown = self.show_button.isChecked()
        self.show_button.setText(
            QCoreApplication.translate("SecretField", "Hide")
            if shown
            else QCoreApplication.translate("SecretField", "Show")
        )
        self.show_button.setToolTip(
            QCoreApplication.translate("SecretField", "Show or hide what you typed")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class StrengthMeter(QWidget):
    """A short bar and a word: Too weak / Fair / Good / Strong / Very strong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = named(QProgressBar(), "strengthBar")
        self.bar.setRange(0, MAX_STRENGTH)
        self.bar.setTextVisible(False)
        self.text_label = label("strengthLabel", wrap=False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.bar, 1)
        row.addWidget(self.text_label)
        self._password = ""
        self.set_password("")

    @property
    def strength(self) -> int:
        return password_strength(self._password)

    def set_password(self, password: str) -> None:
        self._password = password
        strength = self.strength
        # An empty field shows an empty bar and no verdict yet.
        self.bar.setValue(max(strength, 1) if password else 0)
        set_property(self.bar, "strength", str(strength))
        set_property(self.text_label, "strength", str(strength))
        self.text_label.setText(strength_text(strength) if password else "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_password(self._password)
        super().changeEvent(event)


def check_new_password(
    password_field: SecretField,
    password_error: QLabel,
    confirm_field: SecretField,
    confirm_error: QLabel,
) -> QWidget | None:
    """Show at their fields what is wrong with a new password and its second entry (first
    run, owner reset); the first field with a problem, or None when both are fine."""
    password = password_field.text()
    problems = password_problems(password)
    show_field_error(password_field.edit, password_error, joined_problems(problems))
    mismatch = not problems and confirm_field.text() != password
    show_field_error(
        confirm_field.edit,
        confirm_error,
        QCoreApplication.translate("NewPassword", "The two passwords are not the same.")
        if mismatch else "",
    )
    if problems:
        return password_field
    return confirm_field if mismatch else None
