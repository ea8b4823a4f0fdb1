"""What the customers list says about itself: the count beside the filters while a search
streams in, and the note an empty table shows (no customers yet, or none match)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from desktop.ui.models.customers_model import CustomersModel

_PLACEHOLDER_STYLE = """
#customerProfileSlot { background: #ffffff; border: 1px solid #dde2ea; border-radius: 8px; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("CustomersPage", text)


def count_text(model: CustomersModel, filtering: bool) -> str:
    count = model.rowCount()
    if model.waiting_first_screen:
        return _tr("Searching…")
    if model.loading:
        return _tr("{count}+ customers, counting…").format(count=f"{count:,}")
    if count == 0:
        return _tr("No customers match.") if filtering else _tr("No customers yet.")
    if count == 1:
        return _tr("1 customer")
    return _tr("{count} customers").format(count=f"{count:,}")


def empty_note(model: CustomersModel, filtering: bool) -> str:
    if model.rowCount() or not model.complete:
        return ""
    if filtering:
        return _tr("No customers match. Check the spelling, try the last 4 digits of the phone, "
                   "or clear the filters.")
    return _tr("No customers yet. Add the first one with “Add customer”.")


def profile_placeholder() -> QWidget:
    """An empty card where the profile panel goes until the first profile is loaded."""
    slot = QWidget()
    slot.setObjectName("customerProfileSlot")
    slot.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    slot.setStyleSheet(_PLACEHOLDER_STYLE)
    return slot
