"""The import wizard: file → sheet → header row → columns → check → import → done.

Every service call runs through the task runner (``import_wizard_calls``), so the window
never waits on a file or the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from desktop.core.errors import CheckAgainError
from desktop.core.import_types import ImportTarget
from desktop.services.import_api import (
    DryRunReport,
    FileOverview,
    ImportRequest,
    ImportResult,
    ImportServiceApi,
    ProgressCallback,
    RowIssue,
    SheetPreview,
)
from desktop.services.session import Session
from desktop.ui.error_text import describe_error, translate_text
from desktop.ui.pages import import_texts
from desktop.ui.pages.import_counts import number_text
from desktop.ui.pages.import_pages_mapping import MappingStep
from desktop.ui.pages.import_pages_result import CheckStep, RunStep, SummaryStep
from desktop.ui.pages.import_pages_source import FileStep, HeaderStep, SheetStep, Step
from desktop.ui.pages.import_texts import source_text
from desktop.ui.pages.import_wizard_calls import WizardCalls
from desktop.ui.pages.import_wizard_input import (
    CHECK,
    DONE,
    FILE,
    HEADER,
    MAPPING,
    RUN,
    SHEET,
    WizardInput,
)
from desktop.ui.pages.import_wizard_templates import TemplateActions
from desktop.ui.shell.style import button, label, named, set_property
from desktop.ui.tasks import TaskSubmitter


class ImportWizard(WizardInput):
    """``ImportWizard(service, session, runner)``; emits ``imported(batch_id)`` after an
    import and ``open_records(target)`` when the user asks to see what it imported."""

    imported = Signal(int)
    open_records = Signal(object)  # ImportTarget

    def __init__(self, service: ImportServiceApi, session: Session, runner: TaskSubmitter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setAcceptDrops(True)
        self.service = service
        self.session = session
        self.runner = runner
        self.fields = service.fields()
        self.path: Path | None = None
        self.overview: FileOverview | None = None
        self.preview: SheetPreview | None = None
        self.request: ImportRequest | None = None  # the one the shown dry run checked
        self.report: DryRunReport | None = None
        self.result: ImportResult | None = None
        self.busy = False
        self.locked = False  # between clear_sensitive and restore_after_unlock
        self.calls = WizardCalls(
            runner, set_busy=self._set_busy, is_busy=lambda: self.busy,
            show_error=lambda error: self.show_notice(describe_error(error), error=True),
            show_progress=self._show_busy_progress)
        self.file_step = FileStep()
        self.sheet_step = SheetStep()
        self.header_step = HeaderStep()
        self.mapping_step = MappingStep(self.fields)
        self.check_step = CheckStep()
        self.run_step = RunStep()
        self.summary_step = SummaryStep()
        self.steps = named(QStackedWidget(), "importSteps")
        for step in (self.file_step, self.sheet_step, self.header_step, self.mapping_step,
                     self.check_step, self.run_step, self.summary_step):
            self.steps.addWidget(step)
        self.step_labels = [label("step", wrap=False) for _ in range(self.steps.count())]
        self.error = label("formError", selectable=True)
        self.notice = label("notice")
        self.busy_label = label("hint", wrap=False)
        self.busy_bar = named(QProgressBar(), "busyProgress")
        self.stop_button = button("stopWork")
        self.back_button = button("wizardBack")
        self.next_button = button("wizardNext", "primary")
        self._build()
        self._connect()
        self.template_actions = TemplateActions(self)
        self._go(FILE)
        self.retranslateUi()

    def _build(self) -> None:
        indicator = QHBoxLayout()
        indicator.setSpacing(14)
        for step_label in self.step_labels:
            indicator.addWidget(step_label)
        indicator.addStretch(1)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        busy_row.addWidget(self.stop_button)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(indicator)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addLayout(busy_row)
        layout.addLayout(nav)
        self.error.hide()
        self.notice.hide()
        self._set_busy(False)

    def _connect(self) -> None:
        self.file_step.file_chosen.connect(self.open_file)
        self.sheet_step.sheet_activated.connect(self.next_step)
        self.mapping_step.model.mapping_changed.connect(self._update_nav)
        self.check_step.back_to_mapping.connect(lambda: self._go(MAPPING))
        self.check_step.save_errors.connect(self.save_error_workbook)
        self.check_step.ready_changed.connect(lambda _ready: self._update_nav())
        self.run_step.cancel_requested.connect(self.cancel_work)
        self.summary_step.save_errors.connect(self.save_error_workbook)
        self.summary_step.open_records.connect(self.open_records)
        self.summary_step.start_over.connect(self.start_over)
        self.stop_button.clicked.connect(self.cancel_work)
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)

    # ------------------------------------------------------------------ navigation

    @property
    def step(self) -> int:
        return self.steps.currentIndex()

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        for index, step_label in enumerate(self.step_labels):
            state = "current" if index == step else "done" if index < step else "todo"
            set_property(step_label, "state", state)
        self._update_nav()
        self._focus_step()

    def _focus_step(self) -> None:
        """Keyboard focus to what the new step is about, so arrows and Enter work at once;
        only when the focus is in the wizard already."""
        focused, step = self.window().focusWidget(), self.steps.currentWidget()
        in_wizard = focused is None or self.isAncestorOf(focused)
        if self.isVisible() and in_wizard and isinstance(step, Step):
            step.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_nav(self) -> None:
        step = self.step
        in_flow = step in (SHEET, HEADER, MAPPING, CHECK)
        self.back_button.setVisible(in_flow)
        self.next_button.setVisible(in_flow)
        can_go = not self.busy
        if step == MAPPING:
            can_go = can_go and not self.mapping_step.blocking_problem()
        elif step == CHECK:
            can_go = can_go and self.check_step.ready()
        elif step == SHEET:
            can_go = can_go and self.sheet_step.selected_sheet() is not None
        self.next_button.setEnabled(can_go)
        self.back_button.setEnabled(not self.busy)
        self._retranslate_nav()

    def previous_step(self) -> None:
        if not self.busy and self.step in (SHEET, HEADER, MAPPING, CHECK):
            self._clear_messages()
            self._go(self.step - 1)

    def next_step(self) -> None:
        if self.busy or not self.next_button.isEnabled():
            return
        self._clear_messages()
        step = self.step
        if step == SHEET:
            self._load_preview(None)
        elif step == HEADER:
            assert self.preview is not None
            if self.header_step.chosen_row != self.preview.header_row:
                self._load_preview(self.header_step.chosen_row)
            else:
                self._go(MAPPING)
        elif step == MAPPING:
            self.check_rows()
        elif step == CHECK:
            self.run_import()

    def start_over(self) -> None:
        """Forget the file and everything read from it; back to the first step."""
        self.calls.forget()
        self.cancel_work()
        self.service.forget_file()  # the parsed sheet the service keeps between the steps
        self._set_busy(False)
        self.path = self.overview = self.preview = self.request = None
        self.report = self.result = None
        self.sheet_step.set_overview(None)
        self.header_step.set_preview(None)
        self.mapping_step.set_preview(None)
        self.check_step.set_report(None, {})
        self.summary_step.set_result(None, False)
        self._clear_messages()
        self._go(FILE)

    # ------------------------------------------------------------------ the calls

    def open_file(self, path: Path) -> None:
        if self.busy or self.step == RUN:
            return
        self.start_over()
        self.path = path
        self.calls.call(self.tr("Reading the file…"),
                   lambda _progress: self.service.inspect(self.session, path),
                   self._inspected)

    def _inspected(self, overview: FileOverview) -> None:
        self.overview = overview
        self.sheet_step.set_overview(overview)
        self._go(SHEET)

    def _load_preview(self, header_row: int | None) -> None:
        path, sheet = self.path, self.sheet_step.selected_sheet()
        if path is None or sheet is None:
            return

        def load(_progress: ProgressCallback) -> tuple[SheetPreview, list[str]]:
            preview = self.service.preview(self.session, path, sheet, header_row)
            # a sheet shaped like one a template was saved from gets that template
            fitting = self.service.matching_template(self.session, preview)
            if fitting is not None:
                preview = self.service.apply_template(self.session, fitting, preview)
            return preview, self.service.templates(self.session)

        self.calls.call(self.tr("Reading the sheet…"), load,
                   lambda loaded: self._previewed(*loaded, header_row is None))

    def _previewed(self, preview: SheetPreview, templates: list[str], fresh: bool) -> None:
        if not any(cell.strip() for row in preview.top_rows for cell in row):
            # Not a header table and a mapping with nothing in them: say it here.
            self.show_notice(self.tr(
                "The sheet {sheet} is empty: there is nothing in it to import. Choose another "
                "sheet or another file.").format(sheet=preview.sheet), error=True)
            return
        self.preview = preview
        self.mapping_step.set_preview(preview)
        self.mapping_step.set_templates(templates)
        if fresh:
            self.header_step.set_preview(preview)
            self._go(HEADER)
        else:
            self._go(MAPPING)

    def current_request(self) -> ImportRequest | None:
        if self.path is None or self.preview is None:
            return None
        return ImportRequest(
            path=self.path, sheet=self.preview.sheet, header_row=self.preview.header_row,
            target=self.mapping_step.chosen_target(), mapping=self.mapping_step.mapping(),
            policy=self.mapping_step.policy())

    def check_rows(self, notice: str = "") -> None:
        """Check every row; ``notice`` is shown with the result."""
        request = self.current_request()
        if request is None:
            return

        def checked(report: DryRunReport) -> None:
            self._checked(request, report)
            if notice:
                self.show_notice(notice)

        self.calls.call(self.tr("Checking every row…"),
                   lambda progress: self.service.dry_run(self.session, request, progress),
                   checked, cancellable=True,
                   on_cancelled=lambda: self.show_notice(self.tr(
                       "Checking stopped. Nothing was imported; click \"Check the rows\" "
                       "to check them again.")))

    def _checked(self, request: ImportRequest, report: DryRunReport) -> None:
        self.request, self.report = request, report
        self.check_step.set_report(report, self.field_labels(), request.target)
        self._go(CHECK)

    def run_import(self) -> None:
        request = self.request
        if request is None or not self.check_step.ready():
            return
        self.run_step.start()
        self._go(RUN)
        self.calls.call("", lambda progress: self.service.run(self.session, request, progress),
                   self._imported, cancellable=True, on_progress=self.run_step.set_progress,
                   on_cancelled=self._run_cancelled, on_failure=self._run_failed)

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        if self.locked:  # finished behind the lock screen: keep the counts only
            self.report = None
            self.check_step.set_report(None, {})
        target = self.request.target if self.request is not None else ImportTarget.CUSTOMERS
        self.summary_step.set_result(result, self._errors_saveable(), target)
        self._go(DONE)
        self.imported.emit(result.batch_id)

    def _run_cancelled(self) -> None:
        self._go(CHECK)
        self.show_notice(self.tr("The import was cancelled. Nothing was changed."))

    def _run_failed(self, error: BaseException) -> None:
        if isinstance(error, CheckAgainError) and not self.locked:
            # The file changed since its rows were checked: check what it holds now, and
            # let the owner look at that before importing.
            self._go(MAPPING)
            self.check_rows(self.tr(
                "The file was changed after its rows were checked, so nothing was imported. "
                "These are its rows as they are now: look them over, then import."))
            return
        text = import_texts.sentences([describe_error(error), self.tr("Nothing was changed.")])
        if self.locked:
            self.start_over()
        else:
            self._go(CHECK)
        self.show_notice(text, error=True)

    def cancel_work(self) -> None:
        """Stop the running call (it may already be past its last progress report)."""
        self.calls.stop()

    def _errors_saveable(self) -> bool:
        return self.report is not None and self.check_step.errors() > 0

    def save_error_workbook(self) -> None:
        request, report = self.request, self.report
        if request is None or report is None or self.busy:
            return
        suggested = self.tr("{file}-errors.xlsx").format(file=request.path.stem)
        labels = self.field_labels()

        def describe(issues: Sequence[RowIssue]) -> str:  # as the check step words them
            # The row's warnings come after its errors, marked "Warning —", so the owner
            # fixes the whole row at once.
            return import_texts.reasons_text(
                [import_texts.issue_text(issue, labels) for issue in issues])

        out = import_texts.choose_save_path(self, self.tr("Save the rows with errors"),
                                            suggested, self.tr("Excel workbooks (*.xlsx)"))
        if out is None:
            return
        self.calls.call(self.tr("Saving…"),
                   lambda _progress: self.service.write_error_workbook(
                       self.session, request, report, out, translate=translate_text,
                       describe=describe),
                   lambda count: self.show_notice(self.tr(
                       "Saved {count} row(s) with their reasons to {file}.", "", count).format(
                           count=number_text(count), file=out.name)))

    def field_labels(self) -> dict[str, str]:
        return {info.key: source_text(info.label) for info in self.fields}

    # ------------------------------------------------------------------ busy and messages

    def _set_busy(self, busy: bool, text: str = "", stoppable: bool = False) -> None:
        self.busy = busy
        shown = busy and bool(text)
        self.busy_label.setText(text if shown else "")
        self.busy_label.setVisible(shown)
        self.busy_bar.setVisible(shown)
        self.busy_bar.setRange(0, 0)
        self.stop_button.setVisible(shown and stoppable)
        self.stop_button.setEnabled(True)
        self.file_step.choose_button.setEnabled(not busy)
        self._update_nav()

    def _show_busy_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.busy_bar.setRange(0, total)
            self.busy_bar.setValue(min(done, total))

    def show_notice(self, text: str, *, error: bool = False) -> None:
        shown, hidden = (self.error, self.notice) if error else (self.notice, self.error)
        hidden.hide()
        shown.setText(text)
        shown.show()

    def _clear_messages(self) -> None:
        self.error.hide()
        self.notice.hide()

    # ------------------------------------------------------------------ lock

    def clear_sensitive(self) -> None:
        """Lock: forget what was read from the file. A running import goes on (what it
        shows when it ends is only counts); a finished one keeps only its counts."""
        self.locked = True
        if self.step == RUN:
            return
        if self.step == DONE:
            self.report = None
            self.check_step.set_report(None, {})
            self.summary_step.set_result(self.result, False, self.summary_step.target)
            return
        self.start_over()

    def restore_after_unlock(self) -> None:
        self.locked = False

    # ------------------------------------------------------------------ texts

    def _retranslate_nav(self) -> None:
        self.back_button.setText(self.tr("Back"))
        texts = {MAPPING: self.tr("Check the rows"), CHECK: self.tr("Import now")}
        self.next_button.setText(texts.get(self.step, self.tr("Next")))

    def retranslateUi(self) -> None:
        names = (self.tr("File"), self.tr("Sheet"), self.tr("Header row"), self.tr("Columns"),
                 self.tr("Check"), self.tr("Import"), self.tr("Done"))
        for index, (step_label, name) in enumerate(zip(self.step_labels, names, strict=True)):
            step_label.setText(f"{index + 1}  {name}")
        self.stop_button.setText(self.tr("Stop"))
        self._retranslate_nav()
        self.check_step.model.set_labels(self.field_labels())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
