"""The wizard's last steps: check every row (the dry run), import with progress and cancel,
and the summary."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop.core.import_types import ImportTarget, MatchPolicy, RowAction
from desktop.services.import_api import DryRunReport, ImportCounts, ImportResult
from desktop.ui.pages.import_counts import Counted, Words, count_lines, counts_line, number_text
from desktop.ui.pages.import_pages_source import Step
from desktop.ui.pages.import_preview_model import REASONS, WHO, DryRunModel
from desktop.ui.pages.import_texts import action_hint, action_text, policy_text
from desktop.ui.shell.style import button, label, named


class CheckStep(Step):
    """Counts as filter chips, every row with its reason, and the confirm that the rows
    with errors are left out. ``save_errors`` asks for the error workbook."""

    back_to_mapping = Signal()
    save_errors = Signal()
    ready_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("importCheckStep", parent)
        self.report: DryRunReport | None = None
        self.model = DryRunModel(self)
        self.chips: dict[RowAction, QPushButton] = {}
        chip_row = QHBoxLayout()
        chip_row.setSpacing(8)
        for action in RowAction:
            chip = named(QPushButton(), f"chip_{action.value}")
            chip.setProperty("role", "chip")
            chip.setProperty("action", action.value)
            chip.setCheckable(True)
            chip.setAutoDefault(False)
            chip.toggled.connect(lambda _on: self._filter_changed())
            chip_row.addWidget(chip)
            self.chips[action] = chip
        chip_row.addStretch(1)
        self.extra_label = label("hint")
        self.table = named(QTableView(), "dryRunTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 64)
        self.table.setColumnWidth(1, 96)
        self.table.setColumnWidth(2, 180)
        # The whole reason of the row clicked: in a small window the column cuts it off.
        self.detail = label("hint", selectable=True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.model.modelReset.connect(self._show_detail)
        self.errors_note = label("notice")
        self.nothing_note = label("notice")
        self.accept_errors = named(QCheckBox(), "acceptErrors")
        self.accept_errors.toggled.connect(lambda _on: self.ready_changed.emit(self.ready()))
        self.fix_button = button("backToMapping")
        self.fix_button.clicked.connect(self.back_to_mapping)
        self.save_button = button("saveErrorsEarly")
        self.save_button.clicked.connect(self.save_errors)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix_button)
        fix_row.addWidget(self.save_button)
        fix_row.addStretch(1)
        self.body.addLayout(chip_row)
        self.body.addWidget(self.extra_label)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.detail)
        self.body.addWidget(self.nothing_note)
        self.body.addWidget(self.errors_note)
        self.body.addLayout(fix_row)
        self.body.addWidget(self.accept_errors)
        self.retranslateUi()

    def set_report(self, report: DryRunReport | None, field_labels: Mapping[str, str],
                   target: ImportTarget = ImportTarget.CUSTOMERS) -> None:
        self.report = report
        self.model.set_target(target)
        for chip in self.chips.values():
            chip.blockSignals(True)
            chip.setChecked(False)
            chip.blockSignals(False)
        self.model.set_filter(())
        self.model.set_rows(report.rows if report is not None else (), field_labels)
        if report is not None and report.rows:
            self.table.resizeColumnToContents(WHO)
            self.table.setColumnWidth(WHO, min(max(self.table.columnWidth(WHO), 160), 360))
        self.accept_errors.setChecked(False)
        self.retranslateUi()
        self.ready_changed.emit(self.ready())

    def focus_target(self) -> QWidget:
        return self.table

    def errors(self) -> int:
        return self.model.count(RowAction.ERROR)

    def importable(self) -> int:
        return self.model.count(RowAction.CREATE) + self.model.count(RowAction.UPDATE)

    def has_work(self) -> bool:
        """Some row would add or change something in the shop."""
        if self.report is None:
            return False
        counts = self.report.counts
        return bool(self.importable() or counts.orders_created or counts.feedback_created)

    def ready(self) -> bool:
        """Something to import, and any rows with errors knowingly left out."""
        return self.has_work() and (self.errors() == 0 or self.accept_errors.isChecked())

    def _show_detail(self) -> None:
        index = self.table.selectionModel().currentIndex()
        outcome = self.model.outcome(index.row()) if index.isValid() else None
        reason = self.model.index(index.row(), REASONS).data() if outcome is not None else ""
        if outcome is None:
            text = self.tr("Click a row to read all of its reason here.")
        elif reason:
            text = self.tr("Row {row}: {reason}").format(row=outcome.row, reason=reason)
        else:
            text = self.tr("Row {row}: {action}").format(row=outcome.row,
                                                         action=action_hint(outcome.action))
        self.detail.setText(text)

    def _filter_changed(self) -> None:
        self.model.set_filter([a for a, chip in self.chips.items() if chip.isChecked()])

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Check every row before importing"))
        self.hint.setText(self.tr(
            "Nothing has been saved yet. Click a count to see only those rows; click it again "
            "to see all."))
        for action, chip in self.chips.items():
            chip.setText(self.tr("{count}  {action}").format(
                count=number_text(self.model.count(action)), action=action_text(action)))
            chip.setToolTip(action_hint(action))
        self.extra_label.setText(self._extra_text())
        self.extra_label.setVisible(bool(self.extra_label.text()))
        errors, good, has_work = self.errors(), self.importable(), self.has_work()
        self.errors_note.setVisible(errors > 0)
        self.accept_errors.setVisible(errors > 0 and has_work)
        self.save_button.setVisible(errors > 0)
        # With nothing to fix it would only repeat "Back" beside it.
        self.fix_button.setVisible(errors > 0 or not has_work)
        self.nothing_note.setVisible(self.report is not None and not has_work)
        self.nothing_note.setText(self.tr(
            "Nothing to import: no row of this file adds or changes anything in the shop. "
            "Perhaps it was imported before, or every row has an error. To update customers "
            "the shop already has from this file, go back to the columns and choose "
            "\"{policy}\".").format(policy=policy_text(MatchPolicy.OVERWRITE)))
        if has_work:
            errors_text = self.tr(
                "Rows with errors: {count}. They cannot be imported. Fix them in the column "
                "mapping or in the file and check again, or import the other rows without "
                "them.")
        else:
            errors_text = self.tr(
                "Rows with errors: {count}. They cannot be imported. Fix them in the column "
                "mapping or in the file and check again.")
        self.errors_note.setText(errors_text.format(count=number_text(errors)))
        self.accept_errors.setText(self.tr(
            "Import the good rows ({good}) and leave out the rows with errors ({bad})").format(
                good=number_text(good), bad=number_text(errors)))
        self._show_detail()
        self.fix_button.setText(self.tr("Back to the mapping"))
        self.save_button.setText(self.tr("Save the rows with errors…"))
        self.model.retranslate()

    def _extra_text(self) -> str:
        if self.report is None:
            return ""
        words: Words = {
            Counted.ORDERS: lambda n: self.tr("{count} new order(s)", "", n).format(
                count=number_text(n)),
            Counted.ORDERS_UPDATED: lambda n: self.tr("{count} order(s) updated", "", n).format(
                count=number_text(n)),
            Counted.FEEDBACK: lambda n: self.tr("{count} new feedback entry(s)", "", n).format(
                count=number_text(n)),
            Counted.BLANK: lambda n: self.tr("{count} blank, total or heading row(s) left out", "",
                                             n).format(count=number_text(n)),
        }
        return counts_line(self.report.counts, words)


class RunStep(Step):
    """The progress of the import, with cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("importRunStep", parent)
        self.bar = named(QProgressBar(), "importProgress")
        self.bar.setRange(0, 0)
        self.progress_label = label("hint")
        self.cancel_button = button("cancelImport")
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_note = label("hint")
        row = QHBoxLayout()
        row.addWidget(self.progress_label, 1)
        row.addWidget(self.cancel_button)
        self.body.addSpacing(12)
        self.body.addWidget(self.bar)
        self.body.addLayout(row)
        self.body.addWidget(self.cancel_note)
        self.body.addStretch(1)
        self._done = self._total = 0
        self.retranslateUi()

    def focus_target(self) -> QWidget:
        return self.cancel_button

    def start(self) -> None:
        self._done = self._total = 0
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.retranslateUi()

    def set_progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        self._update_progress_text()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()

    def _update_progress_text(self) -> None:
        if not self.cancel_button.isEnabled():
            return
        if self._total > 0:
            # A share of the whole work (reading, checking and saving), not a row count.
            percent = min(100, self._done * 100 // self._total)
            self.progress_label.setText(self.tr("{percent}% done").format(percent=percent))
        else:
            self.progress_label.setText(self.tr("Starting…"))

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Importing…"))
        self.hint.setText(self.tr("You can keep using ShopVault while this runs."))
        self.cancel_button.setText(self.tr("Cancel import"))
        self.cancel_note.setText(self.tr(
            "Cancelling stops the import and leaves the shop's data exactly as it was: "
            "nothing of this file is kept."))
        self._update_progress_text()


class SummaryStep(Step):
    """What the import did, with the error workbook and the way to what was imported:
    ``open_records(target)`` asks for the customers, orders or feedback page."""

    save_errors = Signal()
    open_records = Signal(object)  # ImportTarget
    start_over = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("importSummaryStep", parent)
        self.result: ImportResult | None = None
        self.target = ImportTarget.CUSTOMERS
        self.done_label = label("success")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        self.grid.setVerticalSpacing(6)
        self.count_labels: list[tuple[QLabel, QLabel]] = []
        self.undo_note = label("hint")
        self.save_button = button("saveErrorWorkbook")
        self.open_button = button("openImported", "primary")
        self.again_button = button("importAnother")
        self.save_button.clicked.connect(self.save_errors)
        self.open_button.clicked.connect(lambda: self.open_records.emit(self.target))
        self.again_button.clicked.connect(self.start_over)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.open_button)
        self.body.addWidget(self.done_label)
        self.body.addLayout(self.grid)
        self.body.addWidget(self.undo_note)
        self.body.addStretch(1)
        self.body.addLayout(buttons)
        self.retranslateUi()

    def focus_target(self) -> QWidget:
        return self.open_button

    def set_result(self, result: ImportResult | None, errors_saveable: bool,
                   target: ImportTarget = ImportTarget.CUSTOMERS) -> None:
        self.result = result
        self.target = target
        # Hidden rather than greyed out: with no rows left out there is nothing to save.
        self.save_button.setVisible(errors_saveable)
        self.retranslateUi()

    def count_lines(self, counts: ImportCounts) -> list[tuple[str, int]]:
        words: Words = {
            Counted.CREATED: lambda _n: self.tr("New customers added"),
            Counted.UPDATED: lambda _n: self.tr("Customers updated"),
            Counted.DUPLICATES: lambda _n: self.tr("Rows merged into an earlier row of the file"),
            Counted.SKIPPED: lambda _n: self.tr("Existing customers left as they were"),
            Counted.ORDERS: lambda _n: self.tr("Orders added"),
            Counted.ORDERS_UPDATED: lambda _n: self.tr("Orders updated"),
            Counted.FEEDBACK: lambda _n: self.tr("Feedback entries added"),
            Counted.BLANK: lambda _n: self.tr("Blank, total and heading rows left out"),
            Counted.REJECTED: lambda _n: self.tr("Rows with errors left out"),
        }
        return count_lines(counts, words,
                           always=(Counted.CREATED, Counted.UPDATED, Counted.REJECTED))

    def retranslateUi(self) -> None:
        self.heading.setText(self.tr("Import finished"))
        self.hint.setText("")
        self.hint.hide()
        self.done_label.setText(self.tr("The file was imported. Everything was saved at once."))
        self.undo_note.setText(self.tr(
            "Changed your mind? Under \"Past imports\" the whole import can be undone: what it "
            "added is removed and what it updated is restored."))
        self.save_button.setText(self.tr("Save error workbook…"))
        self.save_button.setToolTip(self.tr(
            "An Excel file with the rows that were left out, as they were in your file, and a "
            "column with the reason"))
        open_texts = {
            ImportTarget.CUSTOMERS: self.tr("View customers"),
            ImportTarget.ORDERS: self.tr("View orders"),
            ImportTarget.FEEDBACK: self.tr("View feedback"),
        }
        self.open_button.setText(open_texts[self.target])
        self.again_button.setText(self.tr("Import another file"))
        while self.count_labels:
            for old in self.count_labels.pop():
                # Out of the grid and out of sight now: deleteLater alone leaves the old
                # counts painted under the new ones until the event loop deletes them.
                self.grid.removeWidget(old)
                old.hide()
                old.deleteLater()
        if self.result is None:
            return
        for row, (text, count) in enumerate(self.count_lines(self.result.counts)):
            name, value = label("fieldLabel"), label("countValue", wrap=False)
            name.setText(text)
            value.setText(number_text(count))
            self.grid.addWidget(value, row, 0)
            self.grid.addWidget(name, row, 1)
            self.count_labels.append((name, value))
        self.grid.setColumnStretch(1, 1)
