"""A read-only list tab of the customer profile: a small table, or a calm message in its
place when there is nothing to show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _read_only_table(columns: int) -> QTableWidget:
    """A small read-only list; the last column stretches into the room left. The other
    columns are sized to their contents, so a panel too narrow for them scrolls sideways
    instead of cutting a value."""
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    return table


class ListTab(QWidget):
    """A table with a calm message in its place when there is nothing (or no service)."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = _read_only_table(columns)
        self.message = QLabel()
        self.message.setObjectName("hint")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.setContentsMargins(8, 8, 8, 8)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())

    def set_headers(self, headers: Sequence[str]) -> None:
        self.table.setHorizontalHeaderLabels(list(headers))

    def show_message(self, text: str) -> None:
        self.table.setRowCount(0)
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_rows(
        self,
        rows: Sequence[Sequence[str]],
        empty_text: str,
        ids: Sequence[int] = (),
        right_aligned: frozenset[int] | set[int] = frozenset(),
    ) -> None:
        """``ids``: one per row, kept in the first cell's user role (e.g. order ids). The
        last column takes the room left (elided, or wrapped if the table wraps)."""
        if not rows:
            self.show_message(empty_text)
            return
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0 and r < len(ids):
                    item.setData(Qt.ItemDataRole.UserRole, ids[r])
                if c in right_aligned:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        for column in range(self.table.columnCount() - 1):  # a few dozen rows at most
            self.table.resizeColumnToContents(column)
        self._fit_rows()
        self.stack.setCurrentWidget(self.table)

    def _fit_rows(self) -> None:
        if self.table.wordWrap() and self.table.rowCount():
            self.table.resizeRowsToContents()

    def texts(self) -> list[str]:
        """Every cell and the message (tests check nothing unmasked is here)."""
        cells = [self.message.text()]
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is not None:
                    cells += [item.text(), item.toolTip()]
        return cells
