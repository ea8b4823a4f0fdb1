""""Forgot the owner password?" from the login screen: the dialog, the reset on the
workspace queue (two Argon2id runs — the window stays responsive), and back to the login
screen with the owner's name filled in.

The recovery code is not replaced: ``AccountService.reset_owner_password`` re-wraps the keys
under the new password and leaves the recovery slot as it was, so the paper copy keeps
working (the dialog says so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.errors import InvalidInputError, WrongSecretError
from desktop.ui.error_text import describe_error, translate_text
from desktop.ui.shell.owner_reset_dialog import OwnerResetDialog

if TYPE_CHECKING:
    from desktop.ui.shell.controller import AppController


class OwnerResetFlow(QObject):
    def __init__(self, controller: AppController) -> None:
        super().__init__(controller)
        self._c = controller
        self.dialog: OwnerResetDialog | None = None
        controller.login_view.forgot_password_requested.connect(self.open_dialog)

    def open_dialog(self) -> OwnerResetDialog:
        if self.dialog is None:
            self.dialog = OwnerResetDialog(self._c.window)
            self.dialog.reset_requested.connect(self._reset)
        self.dialog.forget()
        self.dialog.open()
        self.dialog.code_field.setFocus()
        return self.dialog

    def _reset(self, code: str, new_password: str) -> None:
        workspace = self._c.workspace
        dialog = self.dialog
        if workspace is None or dialog is None:
            return

        def done(owner: str) -> None:
            dialog.set_busy(False)
            dialog.forget()
            dialog.accept()
            self._c.login_view.password_was_reset(owner)

        def failed(error: BaseException) -> None:
            if isinstance(error, WrongSecretError):
                dialog.show_code_error(self.tr(
                    "This recovery code is not correct. Check it against your paper copy."))
            elif isinstance(error, InvalidInputError) and error.params.get("field") == "password":
                problem = error.params.get("problem")
                dialog.show_password_error(
                    translate_text(problem) if isinstance(problem, str) else describe_error(error)
                )
            else:
                dialog.show_error(describe_error(error))

        self._c.tasks.submit(
            lambda _ctx: workspace.accounts.reset_owner_password(code, new_password).username,
            on_success=done,
            on_failure=failed,
        )
