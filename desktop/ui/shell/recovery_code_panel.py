"""The recovery code, shown once: large monospace groups, Copy (cleared from the clipboard
after a while), Print, and the required "I have written it down"."""

from __future__ import annotations

import html
import logging
from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.shell.style import button, label, named

log = logging.getLogger(__name__)

GROUPS_PER_ROW = 3


class RecoveryCodePanel(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(self, clipboard: ClipboardGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clipboard = clipboard
        self._code = ""
        self._shop_name = ""
        self._copied = False

        self.code_panel = named(QFrame(), "codePanel")
        self._grid = QGridLayout(self.code_panel)
        self._grid.setContentsMargins(0, 4, 0, 4)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(10)

        self.copy_button = button("copyCodeButton")
        self.print_button = button("printCodeButton")
        self.copy_button.clicked.connect(self.copy_code)
        self.print_button.clicked.connect(self.print_code)
        self.copy_note = label("hint")
        self.copy_note.setVisible(False)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)

        self.written_check = named(QCheckBox(), "writtenDownCheck")
        self.written_check.toggled.connect(self.confirmed_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.code_panel)
        layout.addLayout(actions)
        layout.addWidget(self.copy_note)
        layout.addSpacing(6)
        layout.addWidget(self.written_check)
        clipboard.sensitive_cleared.connect(self._on_clipboard_cleared)
        self.retranslateUi()

    @property
    def code(self) -> str:
        return self._code

    @property
    def confirmed(self) -> bool:
        return self.written_check.isChecked()

    def group_labels(self) -> list[str]:
        texts = []
        for index in range(self._grid.count()):
            item = self._grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def show_code(self, code: str, shop_name: str) -> None:
        self.forget()
        self._code = code
        self._shop_name = shop_name
        mono = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        mono.setPointSize(20)
        mono.setWeight(QFont.Weight.DemiBold)
        for index, group in enumerate(code.split("-")):
            group_label = label("codeGroup", wrap=False, selectable=True)
            group_label.setFont(mono)
            group_label.setText(group)
            group_label.setAccessibleName(self.tr("Group {number}").format(number=index + 1))
            self._grid.addWidget(group_label, index // GROUPS_PER_ROW, index % GROUPS_PER_ROW)

    def forget(self) -> None:
        """Remove the code from the screen (after Finish); the clipboard keeps its timer."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self._code = ""
        self._copied = False
        self.copy_note.setVisible(False)
        self.written_check.setChecked(False)

    def copy_code(self) -> None:
        if not self._code:
            return
        self._clipboard.copy(self._code, sensitive=True)
        self._copied = True
        self._update_copy_note()

    def print_code(self) -> None:
        """Print on paper (or to a PDF file, which the print dialog offers)."""
        if not self._code:
            return
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:  # a PySide6 build without print support
            log.warning("Qt print support is not available")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("ShopVault recovery code"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery code"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.recovery_document().print_(printer)

    def recovery_document(self) -> QTextDocument:
        """What is printed: shop, date, the code, and where to keep it."""
        groups = self._code.split("-")
        rows = [" - ".join(groups[i : i + GROUPS_PER_ROW]) for i in range(0, len(groups), 3)]
        code_html = "<br/>".join(html.escape(row) for row in rows)
        heading = html.escape(self.tr("ShopVault recovery code"))
        shop = html.escape(self._shop_name)
        when = html.escape(datetime.now().strftime("%Y-%m-%d %H:%M"))
        created = html.escape(self.tr("Printed on {date}").format(date=when))
        advice = html.escape(
            self.tr(
                "This code unlocks the shop's data if the owner password is lost. Keep "
                "this sheet somewhere safe, away from the computer. Anyone who has it and the "
                "shop's files can read the customer records."
            )
        )
        document = QTextDocument()
        document.setHtml(
            f"<h1>{heading}</h1><h2>{shop}</h2><p>{created}</p>"
            f"<p style='font-family: monospace; font-size: 24pt; font-weight: 600'>"
            f"{code_html}</p><p>{advice}</p>"
        )
        return document

    def _on_clipboard_cleared(self) -> None:
        if self._copied:
            self._copied = False
            self._update_copy_note(cleared=True)

    def _update_copy_note(self, *, cleared: bool = False) -> None:
        seconds = round(self._clipboard.clear_after_seconds)
        if cleared:
            self.copy_note.setText(self.tr("The code was cleared from the clipboard."))
        else:
            text = self.tr("Copied. It will be cleared from the clipboard in {seconds} seconds.")
            self.copy_note.setText(text.format(seconds=seconds))
        self.copy_note.setVisible(True)

    def retranslateUi(self) -> None:
        self.copy_button.setText(self.tr("&Copy"))
        self.print_button.setText(self.tr("&Print…"))
        self.written_check.setText(
            self.tr("I have &written the recovery code down and put it somewhere safe")
        )
        if self.copy_note.isVisible():
            self._update_copy_note()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
