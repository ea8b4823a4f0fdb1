"""The one new-password block of the first-run wizard and the owner reset dialog: strength
shown while typing, every problem at its field, Enter moving on, and nothing kept after
clearing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.shell.new_password_fields import NewPasswordFields
from desktop.ui.shell.owner_reset_dialog import OwnerResetDialog

GOOD = "Correct-horse-42"


def test_block_checks_shows_strength_and_forgets(qtbot):
    fields = NewPasswordFields("newEdit", "againEdit")
    qtbot.addWidget(fields)
    fields.set_captions("&Password", "&Again")
    fields.show()
    assert fields.password_caption.buddy() is fields.password_field.edit

    fields.password_field.setText("abc")
    assert fields.strength.text_label.text() == "Too weak"
    assert fields.check() is fields.password_field
    assert fields.password_error.isVisible() and not fields.confirm_error.isVisible()
    qtbot.keyClicks(fields.password_field.edit, "d")  # typing clears the shown problem
    assert not fields.password_error.isVisible()

    fields.password_field.setText(GOOD)
    fields.confirm_field.setText(GOOD + "x")
    assert fields.check() is fields.confirm_field
    assert fields.confirm_error.text() == "The two passwords are not the same."
    fields.confirm_field.setText(GOOD)
    assert fields.check() is None and fields.password() == GOOD
    assert not fields.confirm_error.isVisible()

    fields.password_field.setFocus()
    qtbot.keyClick(fields.password_field.edit, Qt.Key.Key_Return)
    assert fields.focusWidget() is fields.confirm_field.edit
    with qtbot.waitSignal(fields.returnPressed, timeout=1000):
        qtbot.keyClick(fields.confirm_field.edit, Qt.Key.Key_Return)

    fields.clear()
    assert fields.password() == "" and fields.confirm_field.text() == ""
    assert fields.strength.text_label.text() == ""


def test_owner_reset_dialog_disables_the_block_while_busy(qtbot):
    dialog = OwnerResetDialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog.new_password, NewPasswordFields)
    dialog.set_busy(True)
    assert not dialog.password_field.isEnabled() and not dialog.confirm_field.isEnabled()
    dialog.set_busy(False)
    assert dialog.password_field.isEnabled() and dialog.confirm_field.isEnabled()
