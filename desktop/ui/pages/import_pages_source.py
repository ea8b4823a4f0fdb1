"""The wizard's first steps: choose the file (button or drop), the sheet, the header row.

Steps are views: they show what the wizard hands them and say what the user chose; the
wizard makes the service calls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.import_api import FileOverview, SheetPreview
from desktop.ui.pages.import_counts import number_text
from desktop.ui.pages.import_mapping_model import column_letter
from desktop.ui.pages.import_texts import kind_text, looks_like_text
from desktop.ui.shell.style import button, label, named

SHEET_ROLE = Qt.ItemDataRole.UserRole
HEADER_BACKGROUND = QBrush(QColor("#e8effc"))
MAX_PREVIEW_COLUMN_WIDTH = 220


def choose_file_path(parent: QWidget, caption: str, filters: str) -> Path | None:
    """The open-file dialog (tests replace this function)."""
    name, _selected = QFileDialog.getOpenFileName(parent, caption, "", filters)
    return Path(name) if name else None


def dropped_file(event: QDropEvent | QDragEnterEvent) -> Path | None:
    """The one local file being dragged or dropped; None for anything else."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    return Path(urls[0].toLocalFile()) if len(urls) == 1 else None


class Step(QWidget):
    """A wizard step: a heading, a hint under it, then its own content."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.heading = label("sectionHeading")
        self.hint = label("hint")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(10)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.hint)

    def focus_target(self) -> QWidget:
        """What the keyboard starts on when the step is shown."""
        return self

    def retranslateUi(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class FileStep(Step):
    """A drop zone with a "Choose a file…" button; emits ``file_chosen(Path)``."""

    file_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("importFileStep", parent)
        self.drop_zone = named(QFrame(), "dropZone")
        self.drop_text = label("dropText")
        self.drop_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = button("chooseFile", "primary")
        self.choose_button.clicked.connect(self.choose)
        zone = QVBoxLayout(self.drop_zone)
        zone.setContentsMargins(24, 36, 24, 36)
        zone.setSpacing(14)
        zone.addWidget(self.drop_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        zone.addLayout(row)
        self.formats = label("hint")
        self.body.addWidget(self.drop_zone)
        self.body.addWidget(self.formats)
        self.body.addStretch(1)
        self.retranslateUi()

    def focus_target(self) -> QWidget:
        return self.choose_button

    def choose(self) -> None:
        filters = ";;".join((
            self.tr("Spreadsheets (*.xlsx *.csv *.txt *.tsv)"),
            self.tr("Excel workbooks (*.xlsx)"),
            self.tr("CSV and text files (*.csv *.txt *.tsv)"),
            self.tr("All files (*)"),
        ))
        path = choose_file_path(self, self.tr("Choose the file to import"), filters)
        if path is not None:
            self.file_chosen.emit(path)

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Choose the file to import"))
        self.hint.setText(self.tr(
            "A membership list kept by hand, or a customer, order or review export from an "
            "online store (Taobao / Tmall, JD, Pinduoduo, Shopify, WooCommerce …)."))
        self.drop_text.setText(self.tr("Drop a spreadsheet here"))
        self.choose_button.setText(self.tr("Choose a file…"))
        self.formats.setText(self.tr(
            "Excel workbooks (.xlsx) and CSV or tab-separated text in any common encoding "
            "(UTF-8, GBK/GB18030, UTF-16). Nothing is imported before you have checked every "
            "row."))


class SheetStep(Step):
    """The file's kind and encoding and its sheets, the suggested one selected;
    ``sheet_activated`` when one is double-clicked."""

    sheet_activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("importSheetStep", parent)
        self.overview: FileOverview | None = None
        self.file_label = label("fieldLabel")
        self.kind_label = label("hint")
        self.sheets = named(QListWidget(), "sheetList")
        self.sheets.setAlternatingRowColors(True)
        self.sheets.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.sheets.itemDoubleClicked.connect(lambda _item: self.sheet_activated.emit())
        self.body.addWidget(self.file_label)
        self.body.addWidget(self.kind_label)
        self.body.addWidget(self.sheets, 1)
        self.retranslateUi()

    def set_overview(self, overview: FileOverview | None) -> None:
        self.overview = overview
        self._fill()

    def focus_target(self) -> QWidget:
        return self.sheets

    def selected_sheet(self) -> str | None:
        item = self.sheets.currentItem()
        return str(item.data(SHEET_ROLE)) if item is not None else None

    def _fill(self) -> None:
        current = self.selected_sheet()
        self.sheets.clear()
        overview = self.overview
        if overview is None:
            self.file_label.clear()
            self.kind_label.clear()
            return
        self.file_label.setText(overview.file_name)
        self.kind_label.setText(kind_text(overview.kind, overview.encoding))
        wanted = current or overview.suggested_sheet
        for sheet in overview.sheets:
            parts = [sheet.name]
            if sheet.rows is not None:
                parts.append(self.tr("{count} row(s)", "", sheet.rows).format(
                    count=number_text(sheet.rows)))
            parts.append(looks_like_text(sheet.looks_like))
            if sheet.name == overview.suggested_sheet:
                parts.append(self.tr("suggested"))
            item = QListWidgetItem(" — ".join(parts))
            item.setData(SHEET_ROLE, sheet.name)
            item.setToolTip(sheet.name)
            self.sheets.addItem(item)
            if sheet.name == wanted:
                self.sheets.setCurrentItem(item)
        if self.sheets.currentItem() is None and self.sheets.count():
            self.sheets.setCurrentRow(0)

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Which sheet holds the records?"))
        self.hint.setText(self.tr(
            "The sheet that looks most like a customer, order or feedback list is selected."))
        self._fill()


class HeaderStep(Step):
    """The sheet's first rows; the header row is highlighted and a click picks another."""

    header_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("importHeaderStep", parent)
        self.preview: SheetPreview | None = None
        self.chosen_row = 0
        self.table = named(QTableWidget(), "headerTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.chosen_label = label("fieldLabel")
        self.body.addWidget(self.chosen_label)
        self.body.addWidget(self.table, 1)
        self.retranslateUi()

    def set_preview(self, preview: SheetPreview | None) -> None:
        self.preview = preview
        self.chosen_row = preview.header_row if preview is not None else 0
        rows = preview.top_rows if preview is not None else ()
        width = max((len(row) for row in rows), default=0)
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(width)
        self.table.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        self.table.setVerticalHeaderLabels([str(r + 1) for r in range(len(rows))])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for column in range(width):
            if self.table.columnWidth(column) > MAX_PREVIEW_COLUMN_WIDTH:
                self.table.setColumnWidth(column, MAX_PREVIEW_COLUMN_WIDTH)
        self._mark()

    def focus_target(self) -> QWidget:
        return self.table

    def choose_row(self, row: int) -> None:
        if self.preview is None or not 0 <= row < len(self.preview.top_rows):
            return
        if row != self.chosen_row:
            self.chosen_row = row
            self._mark()
            self.header_changed.emit(row)

    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) == 1:
            self.choose_row(rows.pop())

    def _mark(self) -> None:
        plain, bold = QFont(self.table.font()), QFont(self.table.font())
        bold.setBold(True)
        for r in range(self.table.rowCount()):
            header = r == self.chosen_row
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem("")
                    self.table.setItem(r, c, item)
                item.setFont(bold if header else plain)
                item.setBackground(HEADER_BACKGROUND if header else QBrush())
        self._update_label()

    def _update_label(self) -> None:
        if self.preview is None:
            self.chosen_label.clear()
            return
        self.chosen_label.setText(
            self.tr("Column names are in row {row}.").format(row=self.chosen_row + 1))

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Which row holds the column names?"))
        self.hint.setText(self.tr(
            "Title rows above the column names are left out. If the highlighted row is not "
            "the one with the column names, click the right row."))
        self._update_label()
