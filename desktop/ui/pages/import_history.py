"""Past imports: every batch (file, when, who, what it did, undone?) and "undo this import",
after a confirm that says what will be removed and restored."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.import_api import ImportBatch, ImportCounts, ImportServiceApi
from desktop.services.session import Session
from desktop.ui.error_text import actor_name, describe_error
from desktop.ui.models.orders_model import local_time_text
from desktop.ui.pages import import_texts
from desktop.ui.pages.import_counts import Counted, Words, counts_line, number_text
from desktop.ui.shell.style import button, label, named
from desktop.ui.tasks import TaskSubmitter

translate = QCoreApplication.translate  # lupdate finds translate("Import", "…") calls

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
FILE_NAME, WHEN, WHO, RESULT, STATE = range(5)
COLUMN_COUNT = 5
_UNDONE = QColor("#7b8794")



def counts_text(counts: ImportCounts) -> str:
    """E.g. "12 new · 3 updated · 2 orders · 1 left out"."""
    # lupdate reads translate(…, n) without its plural forms, so the orders' two are spelled out.
    words: Words = {
        Counted.CREATED: lambda n: translate("Import", "{count} new").format(
            count=number_text(n)),
        Counted.UPDATED: lambda n: translate("Import", "{count} updated").format(
            count=number_text(n)),
        Counted.ORDERS: lambda n: translate("Import", "1 order") if n == 1 else
        translate("Import", "{count} orders").format(count=number_text(n)),
        Counted.ORDERS_UPDATED: lambda n: translate("Import", "1 order updated") if n == 1 else
        translate("Import", "{count} orders updated").format(count=number_text(n)),
        Counted.FEEDBACK: lambda n: translate("Import", "{count} feedback").format(
            count=number_text(n)),
        Counted.REJECTED: lambda n: translate("Import", "{count} left out").format(
            count=number_text(n)),
    }
    return counts_line(counts, words, always=(Counted.CREATED, Counted.UPDATED))


def in_effect_text() -> str:
    return translate("Import", "In effect")


def undone_text() -> str:
    return translate("Import", "Undone")


def state_column_width(table: QTableView) -> int:
    """Wide enough for the header and either state, whichever rows are listed, so that
    undoing an import does not move the other columns."""
    probe = QStandardItemModel(1, 1)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.widget = table
    delegate = table.itemDelegate()
    widths = [table.horizontalHeader().sectionSizeHint(STATE)]
    for text in (in_effect_text(), undone_text()):
        probe.setItem(0, 0, QStandardItem(text))
        widths.append(delegate.sizeHint(option, probe.index(0, 0)).width()
                      + (1 if table.showGrid() else 0))
    return max(widths)


def actor_text(actor: str) -> str:
    """How the audit names a user, "wang (owner)", with the role in the UI language."""
    return actor_name(actor)


class BatchesModel(QAbstractTableModel):
    """The shop's imports, newest first as the service lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._batches: list[ImportBatch] = []

    def set_batches(self, batches: Sequence[ImportBatch]) -> None:
        self.beginResetModel()
        self._batches = list(batches)
        self.endResetModel()

    def clear(self) -> None:
        self.set_batches(())

    def batch(self, row: int) -> ImportBatch | None:
        return self._batches[row] if 0 <= row < len(self._batches) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._batches)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            translate("Import", "File"),
            translate("Import", "Imported"),
            translate("Import", "By"),
            translate("Import", "What it did"),
            translate("Import", "State"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        batch = self.batch(index.row()) if index.isValid() else None
        if batch is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STATE:
            return self._state_tip(batch)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts: tuple[Callable[[], str], ...] = (
                lambda: batch.file_name,
                lambda: local_time_text(batch.imported_at),
                lambda: actor_text(batch.imported_by),
                lambda: counts_text(batch.counts),
                lambda: self._state_text(batch),
            )
            return texts[index.column()]() if 0 <= index.column() < COLUMN_COUNT else None
        if role == Qt.ItemDataRole.ForegroundRole and batch.undone_at:
            return _UNDONE
        return None

    @staticmethod
    def _state_text(batch: ImportBatch) -> str:
        # One short word either way: with the time in the cell the column widened when an
        # import was undone and pushed the others aside. The time is in the tooltip.
        return undone_text() if batch.undone_at else in_effect_text()

    @staticmethod
    def _state_tip(batch: ImportBatch) -> str:
        if not batch.undone_at:
            return in_effect_text()
        when = local_time_text(batch.undone_at)
        if batch.undone_by:
            return translate("Import", "Undone on {when} by {who}.").format(
                when=when, who=actor_text(batch.undone_by))
        return translate("Import", "Undone on {when}.").format(when=when)

    def retranslate(self) -> None:
        if self._batches:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._batches) - 1, COLUMN_COUNT - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)


class ImportHistory(QWidget):
    """``ImportHistory(service, session, runner)``; ``reload()`` lists the batches."""

    undone = Signal(int)

    def __init__(self, service: ImportServiceApi, session: Session, runner: TaskSubmitter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importHistory")
        self.service, self.session, self.runner = service, session, runner
        self.busy = False
        self._generation = 0
        self.model = BatchesModel(self)
        self.heading = label("sectionHeading")
        self.hint = label("hint")
        self.table = named(QTableView(), "batchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps the file's suffix
        header = self.table.horizontalHeader()
        # The file name gives way; the time, who and what are read in full, also in a small
        # window. The state has a fixed width that fits either state (state_column_width).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(60)
        self.empty = label("hint")
        self.message = label("formError", selectable=True)
        self.message.hide()
        self.notice = label("success")
        self.notice.hide()
        self.undo_button = button("undoImport")
        self.refresh_button = button("refreshImports")
        self.undo_button.clicked.connect(self.undo_selected)
        self.refresh_button.clicked.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.retranslateUi()

    def selected_batch(self) -> ImportBatch | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.batch(rows[0].row()) if rows else None

    def reload(self) -> None:
        self._run(lambda: self.service.batches(self.session), self._loaded)

    def _loaded(self, batches: list[ImportBatch]) -> None:
        selected = self.selected_batch()
        self.model.set_batches(batches)
        for row, batch in enumerate(batches):
            if selected is not None and batch.batch_id == selected.batch_id:
                self.table.selectRow(row)
        self.empty.setVisible(not batches)

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None or batch.undone_at or self.busy:
            return
        if not import_texts.ask_yes_no(self, self.tr("Undo this import?"),
                                       self.undo_question(batch), self.tr("Undo the import")):
            return
        self.notice.hide()
        self._run(lambda: self.service.undo(self.session, batch.batch_id),
                  lambda counts: self._undone(batch, counts))

    def undo_question(self, batch: ImportBatch) -> str:
        counts = batch.counts
        lines = [self.tr("Import of {file} on {when}:").format(
            file=batch.file_name, when=local_time_text(batch.imported_at))]
        if counts.customers_created:
            lines.append(self.tr("• {count} customer(s) it added will be removed.", "",
                                 counts.customers_created).format(
                                     count=number_text(counts.customers_created)))
        if counts.orders_created:
            lines.append(self.tr("• {count} order(s) it added will be removed.", "",
                                 counts.orders_created).format(
                                     count=number_text(counts.orders_created)))
        if counts.feedback_created:
            lines.append(self.tr("• {count} feedback entry(s) it added will be removed.", "",
                                 counts.feedback_created).format(
                                     count=number_text(counts.feedback_created)))
        if counts.customers_updated:
            lines.append(self.tr("• {count} customer(s) it updated will get back the details "
                                 "they had before.", "", counts.customers_updated).format(
                                     count=number_text(counts.customers_updated)))
        if counts.orders_updated:
            lines.append(self.tr("• {count} order(s) it updated will get back the details "
                                 "they had before.", "", counts.orders_updated).format(
                                     count=number_text(counts.orders_updated)))
        lines.append(self.tr("Records changed since the import are left as they are. The "
                             "undo is recorded in the audit trail."))
        return "\n".join(lines)

    def _undone(self, batch: ImportBatch, counts: ImportCounts) -> None:
        lines = [self.tr("The import of {file} was undone.").format(file=batch.file_name)]
        lines.extend(self.undone_lines(counts))
        self.notice.setText(import_texts.sentences(lines))
        self.notice.show()
        self.undone.emit(batch.batch_id)
        self.reload()

    def undone_lines(self, counts: ImportCounts) -> list[str]:
        """What an undo did, naming only what it did: no "0 orders" after a customer list."""
        def customers(n: int) -> str:
            return self.tr("{count} customer(s)", "", n).format(count=number_text(n))

        removed = []
        if counts.customers_created:
            removed.append(customers(counts.customers_created))
        if counts.orders_created:
            removed.append(self.tr("{count} order(s)", "", counts.orders_created).format(
                count=number_text(counts.orders_created)))
        if counts.feedback_created:
            removed.append(self.tr("{count} feedback entry(s)", "", counts.feedback_created)
                           .format(count=number_text(counts.feedback_created)))
        lines = []
        if removed:
            lines.append(self.tr("Removed: {items}.").format(
                items=self.tr(", ").join(removed)))
        restored = []
        if counts.customers_updated:
            restored.append(customers(counts.customers_updated))
        if counts.orders_updated:
            restored.append(self.tr("{count} order(s)", "", counts.orders_updated).format(
                count=number_text(counts.orders_updated)))
        if restored:
            lines.append(self.tr("Restored: {items}.").format(
                items=self.tr(", ").join(restored)))
        if not lines:
            lines.append(self.tr("Nothing had to be removed or restored."))
        if counts.skipped:
            lines.append(self.tr("{count} record(s) changed since the import were left as they "
                                 "are.", "", counts.skipped).format(
                                     count=number_text(counts.skipped)))
        return lines

    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        generation = self._generation
        self.busy = True
        self.message.hide()
        self._update_buttons()

        def succeeded(value: Any) -> None:
            if generation == self._generation:
                on_success(value)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.message.setText(describe_error(error))
                self.message.show()

        def finished() -> None:
            if generation == self._generation:
                self.busy = False
                self._update_buttons()

        self.runner.submit(lambda _ctx: fn(), on_success=succeeded, on_failure=failed,
                           on_finished=finished)

    def _update_buttons(self) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(not self.busy and batch is not None and not batch.undone_at)
        self.refresh_button.setEnabled(not self.busy)
        # A greyed-out button says why it cannot be clicked.
        if batch is None:
            why = self.tr("Click an import in the list first.")
        elif batch.undone_at:
            why = self.tr("This import has been undone already.")
        else:
            why = ""
        self.undo_button.setToolTip(why)

    def clear_sensitive(self) -> None:
        self._generation += 1
        self.busy = False
        self.model.clear()
        self.message.hide()
        self.notice.hide()

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Past imports"))
        self.hint.setText(self.tr(
            "Each import can be undone as a whole: what it added is removed and what it "
            "updated gets back its earlier details."))
        self.empty.setText(self.tr("Nothing has been imported yet."))
        self.undo_button.setText(self.tr("Undo this import…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.retranslate()
        self._fit_state_column()

    def _fit_state_column(self) -> None:
        self.table.horizontalHeader().resizeSection(STATE, state_column_width(self.table))

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_state_column()  # the style sheet's font is known by now
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_state_column()
        super().changeEvent(event)
