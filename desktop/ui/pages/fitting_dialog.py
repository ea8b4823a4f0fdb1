"""The tail every export dialog shared: fit the window to its texts each time it is shown,
and put every text in the new language when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog

from desktop.ui.pages.export_form import fit_when_shown


class FittingDialog(QDialog):
    """A dialog whose subclass sets its texts in :meth:`retranslateUi`."""

    def retranslateUi(self) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_when_shown(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
