"""The column mapping as a table: each column of the sheet, what its next rows hold, and the
field it goes to (or "ignore"), chosen in a combo whose fields are grouped by what they
describe (customer, order, feedback)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.core.import_types import ColumnMapping, FieldInfo, ImportTarget
from desktop.ui.pages.import_texts import source_text, target_text

translate = QCoreApplication.translate  # lupdate finds translate("Import", "…") calls

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

COLUMN, SAMPLES, FIELD = range(3)
COLUMN_COUNT = 3
SAMPLE_COUNT = 3
IGNORE = ""  # the combo's data for "ignore this column"
_SHARED = QColor("#8a5a00")
_IGNORED = QColor("#7b8794")
_UNSURE = QColor("#fff1c7")  # behind a column whose field was only guessed


def column_letter(column: int) -> str:
    """0 → A, 25 → Z, 26 → AA: as the spreadsheet names its columns."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


_EXCEL_TEXT_WRAPPER = re.compile(r'="(.*)"', re.DOTALL)


def sample_value(text: str) -> str:
    """A cell as it will be read, not as the export spelled it: 千牛's ="3712…" and a
    leading ' that keeps digits text are not part of the value (the reader drops them too)."""
    value = text.strip()
    wrapped = _EXCEL_TEXT_WRAPPER.fullmatch(value)
    if wrapped:
        return wrapped.group(1).strip()
    return value[1:].strip() if value.startswith("'") else value


def sample_values(rows: Sequence[Sequence[str]], column: int, limit: int = SAMPLE_COUNT) -> str:
    values = []
    for row in rows:
        value = sample_value(row[column]) if column < len(row) else ""
        if value:
            values.append(value)
            if len(values) == limit:
                break
    return "  |  ".join(values)



class MappingModel(QAbstractTableModel):
    """``set_mapping(mapping, sample_rows, unsure)``; ``mapping()`` gives it back as edited.
    The ``unsure`` columns (a guessed field) are highlighted until the user picks a field
    for them."""

    mapping_changed = Signal()

    def __init__(self, fields: Sequence[FieldInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self._fields = {info.key: info for info in fields}
        self._mapping: list[ColumnMapping] = []
        self._samples: list[str] = []
        self._uses: Counter[str] = Counter()
        self._unsure: set[int] = set()  # rows

    def set_mapping(self, mapping: Sequence[ColumnMapping],
                    sample_rows: Sequence[Sequence[str]],
                    unsure: Collection[int] = ()) -> None:
        self.beginResetModel()
        self._mapping = list(mapping)
        self._unsure = {row for row, m in enumerate(self._mapping) if m.column in unsure}
        self._samples = [sample_values(sample_rows, m.column) for m in self._mapping]
        self._count_uses()
        self.endResetModel()
        self.mapping_changed.emit()

    def clear(self) -> None:
        self.set_mapping((), ())

    def mapping(self) -> tuple[ColumnMapping, ...]:
        return tuple(self._mapping)

    def field_label(self, key: str | None) -> str:
        if not key:
            return translate("Import", "Ignore this column")
        info = self._fields.get(key)
        return source_text(info.label) if info is not None else key

    def restrict_to(self, allowed: Collection[str]) -> None:
        """Ignore the columns mapped to a field not in ``allowed`` (another target's)."""
        changed = False
        for row, mapping in enumerate(self._mapping):
            if mapping.field and mapping.field not in allowed:
                self._mapping[row] = ColumnMapping(mapping.column, mapping.header, None)
                changed = True
        if changed:
            self._count_uses()
            self.dataChanged.emit(self.index(0, FIELD),
                                  self.index(len(self._mapping) - 1, FIELD))
            self.mapping_changed.emit()

    def conflicts(self) -> list[str]:
        """Field keys chosen for more than one column."""
        return sorted(key for key, uses in self._uses.items() if uses > 1)

    def is_unsure(self, row: int) -> bool:
        return row in self._unsure and bool(self._mapping[row].field)

    def unsure_columns(self) -> list[str]:
        """The highlighted columns, as the table names them (``B · 手机1``)."""
        return [self._column_name(row) for row in range(len(self._mapping))
                if self.is_unsure(row)]

    def _column_name(self, row: int) -> str:
        mapping = self._mapping[row]
        header = mapping.header.strip() or translate("Import", "(no name)")
        return f"{column_letter(mapping.column)} · {header}"

    def mapped_count(self) -> int:
        return sum(1 for m in self._mapping if m.field)

    def _count_uses(self) -> None:
        self._uses = Counter(m.field for m in self._mapping if m.field)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._mapping)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (translate("Import", "Column in the file"),
                  translate("Import", "First values"),
                  translate("Import", "Goes to"))
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == FIELD:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._mapping):
            return None
        mapping = self._mapping[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COLUMN:
                return self._column_name(index.row())
            if column == SAMPLES:
                return self._samples[index.row()]
            return self.field_label(mapping.field)
        if role == Qt.ItemDataRole.EditRole and column == FIELD:
            return mapping.field or IGNORE
        unsure = column != FIELD and self.is_unsure(index.row())
        if role == Qt.ItemDataRole.BackgroundRole and unsure:
            return _UNSURE
        if role == Qt.ItemDataRole.ToolTipRole:
            if unsure and column == COLUMN:
                return translate("Import", "The field for this column was guessed from its "
                                           "name: check it.")
            if column == SAMPLES:
                return self._samples[index.row()] or None
            if column == FIELD and mapping.field and self._uses[mapping.field] > 1:
                return translate("Import", "This field is chosen for more than one column: "
                                           "notes and addresses are joined, other fields "
                                           "keep one value per row.")
        if role == Qt.ItemDataRole.ForegroundRole and column == FIELD:
            if not mapping.field:
                return _IGNORED
            if self._uses[mapping.field] > 1:
                return _SHARED
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != FIELD or not 0 <= index.row() < len(self._mapping)):
            return False
        key = str(value) if value else None
        if key is not None and key not in self._fields:
            return False
        old = self._mapping[index.row()]
        if old.field == key:
            if index.row() in self._unsure:  # the user confirmed the guess
                self._unsure.discard(index.row())
                self.dataChanged.emit(self.index(index.row(), 0),
                                      self.index(index.row(), COLUMN_COUNT - 1))
                self.mapping_changed.emit()
            return True
        self._mapping[index.row()] = ColumnMapping(old.column, old.header, key)
        self._unsure.discard(index.row())  # the user chose
        self._count_uses()
        self.dataChanged.emit(self.index(0, 0),
                              self.index(len(self._mapping) - 1, COLUMN_COUNT - 1))
        self.mapping_changed.emit()
        return True

    def retranslate(self) -> None:
        if self._mapping:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._mapping) - 1, COLUMN_COUNT - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)


def allowed_fields(fields: Sequence[FieldInfo], target: ImportTarget) -> list[FieldInfo]:
    """What a sheet of ``target`` may map: a customer sheet customer fields; an order or
    feedback sheet also the customer's (the buyer, the author)."""
    wanted = {ImportTarget.CUSTOMERS, target}
    return [info for info in fields if info.target in wanted]


def fill_field_combo(combo: QComboBox, fields: Sequence[FieldInfo]) -> None:
    """"Ignore", then the fields of each target under a heading that cannot be chosen."""
    combo.clear()
    combo.addItem(translate("Import", "Ignore this column"), IGNORE)
    items = combo.model()
    bold = QFont(combo.font())
    bold.setBold(True)
    for target in ImportTarget:
        group = [info for info in fields if info.target is target]
        if not group:
            continue
        combo.insertSeparator(combo.count())
        combo.addItem(target_text(target), None)
        heading = combo.count() - 1
        if isinstance(items, QStandardItemModel):
            item = items.item(heading)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            item.setFont(bold)
        for info in group:
            marker = " ★" if info.identifier else ""
            combo.addItem(source_text(info.label) + marker, info.key)


class FieldDelegate(QStyledItemDelegate):
    """The "Goes to" cell's combo (the fields ``target()`` allows); a choice is written to
    the model at once."""

    def __init__(self, fields: Sequence[FieldInfo], target: Callable[[], ImportTarget],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._target = target

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("fieldCombo")
        combo.setToolTip(translate(
            "Import", "★ identifies a customer: each row needs at least one of them"))
        fill_field_combo(combo, allowed_fields(self._fields, self._target()))
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole) or IGNORE)
            editor.setCurrentIndex(max(0, position))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or IGNORE, Qt.ItemDataRole.EditRole)
