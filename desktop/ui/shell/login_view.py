"""Log in to an open shop — also the lock screen ("locked — log in again").

The view only collects the name and secret and shows what happened; the controller runs
the (slow, hashed) check in the background and reports back through ``set_busy``,
``show_error`` and ``show_throttled``.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from desktop.ui.shell.card import CardScreen
from desktop.ui.shell.preferences import LanguageSwitch
from desktop.ui.shell.secret_fields import SecretField
from desktop.ui.shell.style import button, label, named, show_field_error

LOGIN_CARD_WIDTH = 500


class LoginView(CardScreen):
    login_requested = Signal(str, str)
    """(user name, password or PIN)"""
    forgot_password_requested = Signal()

    def __init__(self, languages: LanguageSwitch, parent: QWidget | None = None) -> None:
        super().__init__(languages, card_width=LOGIN_CARD_WIDTH, parent=parent)
        self._shop_name = ""
        self._locked = False
        self._busy = False
        self._reset_done = False
        self._throttled_until = 0.0
        self._throttle_timer = QTimer(self)
        self._throttle_timer.setInterval(250)
        self._throttle_timer.timeout.connect(self._tick)

        self.lock_notice = label("notice")
        self.lock_notice.setVisible(False)
        self.body.addWidget(self.lock_notice)
        self.reset_notice = label("success")
        self.reset_notice.setVisible(False)
        self.body.addWidget(self.reset_notice)

        self.user_caption = label("fieldLabel", wrap=False)
        self.user_edit = named(QLineEdit(), "userEdit")
        self.user_edit.setMaxLength(64)
        self.user_edit.returnPressed.connect(self._focus_secret_or_submit)
        self.add_field(self.user_caption, self.user_edit)

        self.secret_caption = label("fieldLabel", wrap=False)
        self.secret_field = SecretField("secretEdit")
        self.secret_field.returnPressed.connect(self._submit)
        self.secret_hint = label("hint")
        self.add_field(self.secret_caption, self.secret_field)
        self.body.addWidget(self.secret_hint)

        self.error_label = label("formError")
        self.error_label.setVisible(False)
        self.body.addSpacing(4)
        self.body.addWidget(self.error_label)

        self.login_button = button("loginButton", "primary")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._submit)
        self.forgot_button = button("forgotPasswordButton", "link")
        self.forgot_button.clicked.connect(self.forgot_password_requested)
        row = QHBoxLayout()
        row.addWidget(self.forgot_button)
        row.addStretch(1)
        row.addWidget(self.login_button)
        self.body.addSpacing(6)
        self.body.addLayout(row)
        self.retranslateUi()

    # -------------------------------------------------------------- controller API

    @property
    def locked(self) -> bool:
        return self._locked

    def prepare(self, shop_name: str, *, user: str = "", locked: bool = False) -> None:
        """Reset the form for a login (or, with ``locked``, the lock screen)."""
        self._shop_name = shop_name
        self._locked = locked
        self._reset_done = False
        self.user_edit.setText(user)
        self.secret_field.clear()
        show_field_error(None, self.error_label, "")
        self.set_busy(False)
        self.retranslateUi()
        self.focus_first_empty()

    def password_was_reset(self, owner: str) -> None:
        """After "Forgot the owner password?": the owner's name in, ready for the new one."""
        self._reset_done = True
        self._throttled_until = 0.0  # the reset ended the owner's login back-off
        self._throttle_timer.stop()
        self.user_edit.setText(owner)
        self.secret_field.clear()
        show_field_error(None, self.error_label, "")
        self.retranslateUi()
        self.secret_field.setFocus()

    def focus_first_empty(self) -> None:
        (self.secret_field if self.user_edit.text() else self.user_edit).setFocus()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.user_edit.setEnabled(not busy)
        self.secret_field.setEnabled(not busy)
        self.forgot_button.setEnabled(not busy)
        self._update_button()

    def show_error(self, text: str) -> None:
        self.secret_field.clear()
        show_field_error(None, self.error_label, text)
        self.secret_field.setFocus()

    def show_throttled(self, seconds: int) -> None:
        """Count down "try again in N s" with the button disabled until then."""
        self.secret_field.clear()
        self._throttled_until = time.monotonic() + max(1, seconds)
        self._throttle_timer.start()
        self._tick()

    @property
    def throttle_seconds_left(self) -> int:
        return max(0, math.ceil(self._throttled_until - time.monotonic()))

    # ------------------------------------------------------------------ internals

    def _tick(self) -> None:
        left = self.throttle_seconds_left
        if left <= 0:
            self._throttle_timer.stop()
            show_field_error(None, self.error_label, self.tr("You can try again now."))
            self.secret_field.setFocus()
        else:
            show_field_error(
                None,
                self.error_label,
                self.tr("Too many failed attempts. Try again in {seconds} s.").format(
                    seconds=left
                ),
            )
        self._update_button()

    def _update_button(self) -> None:
        self.login_button.setEnabled(not self._busy and self.throttle_seconds_left == 0)
        self.login_button.setText(self.tr("Logging in…") if self._busy else self.tr("Log in"))

    def _focus_secret_or_submit(self) -> None:
        if self.secret_field.text():
            self._submit()
        else:
            self.secret_field.setFocus()

    def _submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        user = self.user_edit.text().strip()
        secret = self.secret_field.text()
        if not user:
            show_field_error(None, self.error_label, self.tr("Enter your user name."))
            self.user_edit.setFocus()
            return
        if not secret:
            show_field_error(None, self.error_label, self.tr("Enter your password or PIN."))
            self.secret_field.setFocus()
            return
        show_field_error(None, self.error_label, "")
        self.login_requested.emit(user, secret)

    def retranslateUi(self) -> None:
        super().retranslateUi()
        if self._locked:
            self.title_label.setText(self.tr("Locked"))
            self.subtitle_label.setText(
                self.tr("{shop} is locked. Log in again to continue.").format(
                    shop=self._shop_name or self.tr("The shop")
                )
            )
            self.lock_notice.setText(
                self.tr(
                    "Your unsaved edits are kept. Anyone with an account may log in; "
                    "another user starts with a fresh workspace."
                )
            )
        else:
            self.title_label.setText(self.tr("Log in"))
            self.subtitle_label.setText(self._shop_name or self.tr("Your shop"))
        self.lock_notice.setVisible(self._locked)
        self.reset_notice.setText(
            self.tr("The owner password was changed. Log in with the new password.")
        )
        self.reset_notice.setVisible(self._reset_done)
        self.forgot_button.setText(self.tr("Forgot the owner password?"))
        self.forgot_button.setToolTip(
            self.tr("Set a new owner password with the recovery code from set-up")
        )
        self.user_caption.setText(self.tr("&User name"))
        self.secret_caption.setText(self.tr("&Password or PIN"))
        self.secret_hint.setText(self.tr("Staff may use their 4–8 digit PIN."))
        self._update_button()
        if self._throttle_timer.isActive():
            self._tick()
