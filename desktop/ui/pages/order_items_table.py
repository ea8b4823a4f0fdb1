"""The items of an order in the order detail panel."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


class ItemsTable(QTableWidget):
    """An order's items, read-only. A long product name wraps onto more lines rather than
    being cut in the narrow panel; the table is as tall as its first eight rows (more
    scroll)."""

    SHOWN_ROWS = 8

    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def fit_rows(self) -> None:
        self.resizeRowsToContents()
        shown = sum(self.rowHeight(row) for row in range(min(self.rowCount(), self.SHOWN_ROWS)))
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + shown
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # The stretched name column takes its new width after this event: fit after it.
            QTimer.singleShot(0, self, self.fit_rows)
