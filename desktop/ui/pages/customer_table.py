"""The customers table view: uniform row heights, SQL sorting through the model, a calm
note when nothing matches, and Ctrl+C routed through the page's clipboard guard."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop.ui.models.customer_columns import COLUMNS, column_for
from desktop.ui.models.customers_model import CustomersModel

COLUMN_WIDTHS = {"member_no": 84, "name": 104, "phone": 128, "city": 76, "level": 56,
                 "points": 64, "balance": 90, "created_at": 90, "tags": 120}

# In the palette of resources/styles/app.qss (which styles the rest of the window).
TABLE_STYLE = """
QTableView#customersTable {
    background: #ffffff;
    alternate-background-color: #f7f9fc;
    border: 1px solid #dde2ea;
    border-radius: 8px;
    selection-background-color: #dce7fb;
    selection-color: #13202d;
}
QTableView#customersTable::item { padding-left: 5px; }
QTableView#customersTable QHeaderView::section {
    background: #f6f8fb;
    color: #3e4c59;
    font-weight: 600;
    border: none;
    border-bottom: 1px solid #dde2ea;
    padding: 5px 8px;
}
QLabel#emptyList { color: #52606d; font-size: 11pt; background: transparent; }
"""


class CustomerTable(QTableView):
    """Shows a :class:`CustomersModel`. Never sizes columns to contents (that would read
    every row); a header click asks the model for a new SQL sort.

    While a search streams in its ids, rows are appended below the screen up to 30 times a
    second. Qt lays the view out again after each append and repaints every visible cell
    (~10 ms, ~1,500 calls into the model); here an append that lands below the last
    visible row only updates the scroll bar."""

    copy_requested = Signal()
    """Ctrl+C or the context menu's Copy: the page copies what the current cell shows."""

    _only_appended_below: bool | None = None
    """Since the last layout: None nothing, True only rows appended out of sight, False
    anything else (Qt lays the view out from inside setModel, before __init__ is done)."""

    def __init__(self, model: CustomersModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customersTable")
        self.setStyleSheet(TABLE_STYLE)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform row heights
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ToContents
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for number, column in enumerate(COLUMNS):
            self.setColumnWidth(number, COLUMN_WIDTHS.get(column.key, 100))
        header.setSortIndicator(*column_for(model.current_sort))
        self.setSortingEnabled(True)  # after the indicator: sorts by what is already shown
        model.sort_applied.connect(self.show_sort)
        model.rowsInserted.connect(self._rows_appended)
        for changed in (model.modelReset, model.rowsRemoved, model.rowsMoved,
                        model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            changed.connect(self._rows_changed)

        self.empty_label = QLabel(self.viewport())
        self.empty_label.setObjectName("emptyList")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setVisible(False)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_requested)
        self.addAction(self.copy_action)

    def show_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Put the header's indicator where the model really sorted (a one-way column, or a
        click on a column that cannot be sorted, ends up elsewhere than clicked)."""
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)
        header.viewport().update()

    def _rows_appended(self, _parent: QModelIndex | QPersistentModelIndex, first: int,
                       last: int) -> None:
        appended = last == self.model().rowCount() - 1
        last_shown = self.rowAt(self.viewport().height() - 1)
        out_of_sight = appended and 0 <= last_shown < first
        if self._only_appended_below is None or not out_of_sight:
            self._only_appended_below = out_of_sight

    def _rows_changed(self) -> None:
        self._only_appended_below = False

    def doItemsLayout(self) -> None:
        only_appended_below = self._only_appended_below
        self._only_appended_below = None
        if only_appended_below:
            self.updateGeometries()  # the scroll bar's range; every row shown is unchanged
            return
        super().doItemsLayout()

    def show_empty_note(self, text: str) -> None:
        """A note in the middle of the empty table; "" hides it."""
        if text != self.empty_label.text():
            self.empty_label.setText(text)
        if text:
            self._place_note()  # asked at every change of the list: only when shown
        self.empty_label.setVisible(bool(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Qt's own Ctrl+C would put the cell on the clipboard behind the guard's back.
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_note()

    def _place_note(self) -> None:
        self.empty_label.setGeometry(self.viewport().rect().adjusted(24, 24, -24, -24))
