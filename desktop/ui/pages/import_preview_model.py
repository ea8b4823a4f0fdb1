"""The dry run's rows as a table: row number, what happens, who or what (masked), why.

Up to ~100k rows: the model keeps the service's sequence as it is and, for a filter, a
plain list of positions (no proxy model over Python rows). Texts are made when a cell is
asked for, so showing a big report costs only the rows on screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop.core.import_types import ImportTarget, RowAction
from desktop.services.import_api import RowOutcome
from desktop.ui.pages.import_texts import action_hint, action_text, issue_text, reasons_text

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

ROW, ACTION, WHO, REASONS = range(4)
COLUMN_COUNT = 4
OUTCOME_ROLE = Qt.ItemDataRole.UserRole

_ACTION_COLOURS = {
    RowAction.CREATE: QColor("#1e7a44"),
    RowAction.UPDATE: QColor("#1d47a3"),
    RowAction.DUPLICATE: QColor("#8a5a00"),
    RowAction.SKIP: QColor("#616e7c"),
    RowAction.ERROR: QColor("#b42318"),
}
_ERROR_BACKGROUND = QColor("#fdf3f2")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class DryRunModel(QAbstractTableModel):
    """``set_rows(outcomes, field_labels)`` then optionally ``set_filter({actions})``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[RowOutcome] = ()
        self._shown: list[int] | None = None  # positions in _rows; None = all rows
        self._actions: frozenset[RowAction] = frozenset()
        self._counts: Counter[RowAction] = Counter()
        self._labels: Mapping[str, str] = {}
        self._reasons: dict[int, str] = {}
        self._target = ImportTarget.CUSTOMERS

    # ------------------------------------------------------------------ contents

    def set_target(self, target: ImportTarget) -> None:
        """What the rows import: the "who" column holds a customer, or an order number and
        buyer, or a feedback's customer, and its header says which."""
        if target is not self._target:
            self._target = target
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, WHO, WHO)

    @property
    def target(self) -> ImportTarget:
        return self._target

    def set_rows(self, rows: Sequence[RowOutcome], field_labels: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._labels = dict(field_labels)
        self._reasons = {}
        self._counts = Counter(outcome.action for outcome in rows)
        self._shown = self._positions(self._actions)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows((), {})

    def set_filter(self, actions: Collection[RowAction]) -> None:
        """Show only rows with these actions; empty shows every row."""
        self.beginResetModel()
        self._actions = frozenset(actions)
        self._shown = self._positions(self._actions)
        self.endResetModel()

    def _positions(self, actions: frozenset[RowAction]) -> list[int] | None:
        if not actions:
            return None
        return [position for position, row in enumerate(self._rows) if row.action in actions]

    @property
    def active_filter(self) -> frozenset[RowAction]:
        return self._actions

    def count(self, action: RowAction) -> int:
        """Rows of the whole report with this action (whatever the filter shows)."""
        return self._counts[action]

    @property
    def total(self) -> int:
        return len(self._rows)

    def outcome(self, row: int) -> RowOutcome | None:
        if not 0 <= row < self.rowCount():
            return None
        return self._rows[self._shown[row] if self._shown is not None else row]

    def set_labels(self, field_labels: Mapping[str, str]) -> None:
        """Field names in the current language (after a language switch)."""
        self._labels = dict(field_labels)
        self.retranslate()

    def retranslate(self) -> None:
        self._reasons = {}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1,
                                                               COLUMN_COUNT - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid():
            return 0
        return len(self._shown) if self._shown is not None else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("Import", "Row"),
            QCoreApplication.translate("Import", "Result"),
            self._who_title(),
            QCoreApplication.translate("Import", "Reason"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def _who_title(self) -> str:
        titles = {
            ImportTarget.CUSTOMERS: QCoreApplication.translate("Import", "Who"),
            ImportTarget.ORDERS: QCoreApplication.translate("Import", "Order"),
            ImportTarget.FEEDBACK: QCoreApplication.translate("Import", "Feedback"),
        }
        return titles[self._target]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        outcome = self.outcome(index.row())
        if outcome is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(outcome, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REASONS:
                return self._reason_text(outcome) or None
            if column == ACTION:
                return action_hint(outcome.action)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == ACTION:
            return _ACTION_COLOURS[outcome.action]
        if role == Qt.ItemDataRole.BackgroundRole and outcome.action is RowAction.ERROR:
            return _ERROR_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROW:
            return _RIGHT
        if role == OUTCOME_ROLE:
            return outcome
        return None

    def _display(self, outcome: RowOutcome, column: int) -> str:
        if column == ROW:
            return str(outcome.row)
        if column == ACTION:
            return action_text(outcome.action)
        if column == WHO:
            return outcome.label
        return self._reason_text(outcome)

    def _reason_text(self, outcome: RowOutcome) -> str:
        key = id(outcome)
        text = self._reasons.get(key)
        if text is None:
            # "Warning" only where the row is imported anyway; a skipped or merged row's
            # note is just why.
            imported = outcome.action in (RowAction.CREATE, RowAction.UPDATE)
            parts = [issue_text(issue, self._labels, mark_warning=imported)
                     for issue in outcome.issues]
            if (outcome.action is RowAction.DUPLICATE and outcome.same_as_row is not None
                    and not parts):
                parts.append(QCoreApplication.translate(
                    "Import", "Same as row {row}").format(row=outcome.same_as_row))
            text = reasons_text(parts)
            if len(self._reasons) > 5_000:  # a cache for what is on screen, not a copy
                self._reasons.clear()
            self._reasons[key] = text
        return text
