"""The choices of the export dialog: columns, format (and CSV encoding), purpose, the
pseudonymous key, and where to save. Emits ``changed`` whenever a choice changes; the dialog
decides what to do with them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.services.export_api import CsvEncoding, ExportColumn, ExportFormat, ReportKind
from desktop.ui.pages.export_scope import column_label, default_file_name, purpose_presets
from desktop.ui.shell.style import CHECKBOX_TEXT_INDENT, button, label, named

KEY_ROLE = Qt.ItemDataRole.UserRole
OTHER = "other"
PRESET = "preset"
COLUMN_ROWS_SHOWN = 7


def grow_to_fit(widget: QWidget) -> None:
    """Make a dialog as tall as its wrapped labels need at its current width (Qt sizes a
    top-level window from its plain size hint, which miscounts wrapped text)."""
    layout = widget.layout()
    if layout is None or not isValid(widget):
        return
    layout.activate()
    wanted = (layout.totalHeightForWidth(widget.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if wanted > 0 and widget.height() != wanted:
        widget.resize(widget.width(), wanted)


def fit_when_shown(widget: QWidget) -> None:
    """Fit once the window is laid out and polished (sizes are wrong before that)."""
    QTimer.singleShot(0, widget, lambda: grow_to_fit(widget))


class ExportForm(QWidget):
    changed = Signal()

    def __init__(self, kind: ReportKind, columns: Sequence[ExportColumn], folder: Path,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "exportForm")
        self._kind = kind
        self._columns = tuple(columns)
        self._today = today
        self._file_dialog: QFileDialog | None = None

        self.columns_label = label("fieldLabel", wrap=False)
        self.defaults_button = button("defaultColumns", "link")
        self.columns_list = named(QListWidget(), "exportColumns")
        self.columns_list.setUniformItemSizes(True)
        for column in self._columns:
            item = QListWidgetItem()
            item.setData(KEY_ROLE, column.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if column.default
                               else Qt.CheckState.Unchecked)
            self.columns_list.addItem(item)
        self.columns_hint = label("hint")

        self.format_label = label("fieldLabel", wrap=False)
        self.xlsx_radio = named(QRadioButton(), "formatXlsx")
        self.csv_radio = named(QRadioButton(), "formatCsv")
        self.xlsx_radio.setChecked(True)
        self._formats = QButtonGroup(self)
        self._formats.addButton(self.xlsx_radio)
        self._formats.addButton(self.csv_radio)
        self.encoding_combo = named(QComboBox(), "csvEncoding")
        self.encoding_combo.addItem("", CsvEncoding.UTF8_BOM)
        self.encoding_combo.addItem("", CsvEncoding.GB18030)

        self.purpose_label = label("fieldLabel", wrap=False)
        self.purpose_combo = named(QComboBox(), "exportPurpose")
        self.other_purpose = named(QLineEdit(), "otherPurpose")
        self.other_purpose.setMaxLength(200)
        self.other_purpose.setVisible(False)

        self.pseudonym_check = named(QCheckBox(), "pseudonymousKey")
        self.pseudonym_hint = label("hint")
        self.pseudonym_hint.setContentsMargins(CHECKBOX_TEXT_INDENT, 0, 0, 0)

        self.path_label = label("fieldLabel", wrap=False)
        self.path_edit = named(QLineEdit(), "exportPath")
        self.path_edit.setText(str(folder / default_file_name(kind, "xlsx", today)))
        self.browse_button = button("choosePath")

        self._build()
        self._connect()
        for caption, field in ((self.format_label, self.xlsx_radio),
                               (self.purpose_label, self.purpose_combo),
                               (self.path_label, self.path_edit)):
            caption.setBuddy(field)
        self.retranslateUi()
        self._format_changed()

    def _build(self) -> None:
        columns_head = QHBoxLayout()
        columns_head.addWidget(self.columns_label)
        columns_head.addStretch(1)
        columns_head.addWidget(self.defaults_button)
        row_height = self.columns_list.sizeHintForRow(0) if self._columns else 22
        self.columns_list.setFixedHeight(min(max(len(self._columns), 3), COLUMN_ROWS_SHOWN)
                                         * max(row_height, 22) + 8)
        formats = QHBoxLayout()
        formats.addWidget(self.xlsx_radio)
        formats.addWidget(self.csv_radio)
        formats.addWidget(self.encoding_combo)
        formats.addStretch(1)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.format_label, 0, 0, top)
        grid.addLayout(formats, 0, 1)
        grid.addWidget(self.purpose_label, 1, 0, top)
        purpose = QVBoxLayout()
        purpose.addWidget(self.purpose_combo)
        purpose.addWidget(self.other_purpose)
        grid.addLayout(purpose, 1, 1)
        grid.addWidget(self.path_label, 2, 0, top)
        grid.addLayout(path_row, 2, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(columns_head)
        layout.addWidget(self.columns_list)
        layout.addWidget(self.columns_hint)
        layout.addSpacing(4)
        layout.addLayout(grid)
        layout.addSpacing(2)
        layout.addWidget(self.pseudonym_check)
        layout.addWidget(self.pseudonym_hint)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.columns_list.itemChanged.connect(lambda _item: self.changed.emit())
        self.defaults_button.clicked.connect(self.restore_default_columns)
        self.xlsx_radio.toggled.connect(lambda _on: self._format_changed())
        self.encoding_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.purpose_combo.currentIndexChanged.connect(lambda _i: self._purpose_changed())
        self.other_purpose.textChanged.connect(lambda _t: self.changed.emit())
        self.pseudonym_check.toggled.connect(lambda _on: self.changed.emit())
        self.path_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.browse_button.clicked.connect(self.choose_path)

    # --------------------------------------------------------------------- the choices

    def chosen_columns(self) -> tuple[str, ...]:
        return tuple(
            str(item.data(KEY_ROLE))
            for item in (self.columns_list.item(row) for row in range(self.columns_list.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_columns_checked(self, keys: Sequence[str]) -> None:
        for row in range(self.columns_list.count()):
            item = self.columns_list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(KEY_ROLE) in keys
                               else Qt.CheckState.Unchecked)

    def restore_default_columns(self) -> None:
        self.set_columns_checked([c.key for c in self._columns if c.default])

    def fmt(self) -> ExportFormat:
        return ExportFormat.XLSX if self.xlsx_radio.isChecked() else ExportFormat.CSV

    def set_format(self, fmt: ExportFormat) -> None:
        (self.xlsx_radio if fmt is ExportFormat.XLSX else self.csv_radio).setChecked(True)

    def encoding(self) -> CsvEncoding:
        return CsvEncoding(self.encoding_combo.currentData())

    def purpose(self) -> str:
        """The purpose as chosen or typed; "" while none is given."""
        choice = self.purpose_combo.currentData()
        if choice == OTHER:
            return " ".join(self.other_purpose.text().split())
        return self.purpose_combo.currentText() if choice == PRESET else ""

    def choose_purpose(self, text: str) -> None:
        """Pick a preset with this text, else "Other…" with the text typed in."""
        index = self.purpose_combo.findText(text)
        if index > 0 and self.purpose_combo.itemData(index) == PRESET:
            self.purpose_combo.setCurrentIndex(index)
            return
        self.purpose_combo.setCurrentIndex(self.purpose_combo.findData(OTHER))
        self.other_purpose.setText(text)

    def pseudonymous_key(self) -> bool:
        return self.pseudonym_check.isChecked()

    def out_path(self) -> Path | None:
        """The file to write, or None while the field holds no usable path."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() and path.name else None

    def set_suffix(self, suffix: str) -> None:
        """Give the chosen file this suffix (``xlsx``/``csv``) if it has one of ours."""
        path = self.out_path()
        if path is not None and path.suffix.lower() in {"", ".xlsx", ".csv"}:
            self.path_edit.setText(str(path.with_suffix(f".{suffix}")))

    def choose_path(self) -> None:
        """A save dialog (opened, not exec'd, so a lock can hide it)."""
        if self._file_dialog is not None:
            self._file_dialog.raise_()
            return
        current = self.out_path()
        suffix = self.fmt().value
        dialog = QFileDialog(self.window(), self.tr("Save export as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(suffix)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)") if suffix == "xlsx"
                             else self.tr("CSV file (*.csv)"))
        if current is not None:
            dialog.setDirectory(str(current.parent))
            dialog.selectFile(current.name)
        dialog.fileSelected.connect(self.path_edit.setText)
        dialog.finished.connect(lambda _result: self._file_dialog_closed(dialog))
        self._file_dialog = dialog
        dialog.open()

    def _file_dialog_closed(self, dialog: QFileDialog) -> None:
        self._file_dialog = None
        dialog.deleteLater()

    def set_enabled_while_running(self, running: bool) -> None:
        self.setEnabled(not running)

    # --------------------------------------------------------------------- reactions

    def _format_changed(self) -> None:
        csv = self.csv_radio.isChecked()
        self.encoding_combo.setVisible(csv)
        self.set_suffix(self.fmt().value)
        self.changed.emit()

    def _purpose_changed(self) -> None:
        other = self.purpose_combo.currentData() == OTHER
        self.other_purpose.setVisible(other)
        if other:
            self.other_purpose.setFocus()
        self.changed.emit()

    # --------------------------------------------------------------------- texts

    def retranslateUi(self) -> None:
        self.columns_label.setText(self.tr("Columns"))
        self.defaults_button.setText(self.tr("Restore defaults"))
        for row, column in enumerate(self._columns):
            item = self.columns_list.item(row)
            text = column_label(column)
            if column.personal:
                text = self.tr("{column} · personal").format(column=text)
                item.setToolTip(self.tr("Personal data: masked unless the export is unmasked"))
            item.setText(text)
        self.columns_hint.setText(self.tr(
            "Columns marked “personal” hold personal data; they are masked in the file."))
        self.format_label.setText(self.tr("Format"))
        self.purpose_label.setText(self.tr("Purpose"))
        self.xlsx_radio.setText(self.tr("Excel (.xlsx)"))
        self.csv_radio.setText(self.tr("CSV (.csv)"))
        self.encoding_combo.setItemText(0, self.tr("UTF-8 (for Excel)"))
        self.encoding_combo.setItemText(1, self.tr("GB18030 (for older Chinese software)"))
        self._fill_purposes()
        self.other_purpose.setPlaceholderText(self.tr("Type the purpose"))
        self.pseudonym_check.setText(self.tr("Add a pseudonymous customer key"))
        self.pseudonym_hint.setText(self.tr(
            "The same code for the same customer in every export from this shop, so masked "
            "reports can still be matched up; it cannot be turned back into the customer."))
        self.path_label.setText(self.tr("Save to"))
        self.browse_button.setText(self.tr("Choose…"))

    def _fill_purposes(self) -> None:
        combo = self.purpose_combo
        current = combo.currentIndex()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Choose why the data leaves the shop…"), None)
        for text in purpose_presets():
            combo.addItem(text, PRESET)
        combo.addItem(self.tr("Other…"), OTHER)
        combo.setCurrentIndex(max(current, 0))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
