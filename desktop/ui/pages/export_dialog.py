"""The export dialog: one report (customers, orders with items, feedback) as the page had it
on screen, to .xlsx or .csv, masked — or, for the owner, unmasked after a confirmation.

The dialog says what will leave the shop ("The 1,234 customers matching ‘张’, in 北京."),
asks for the columns, the format, a purpose (required) and where to save, then runs the
export service in the background with a progress bar and Cancel (a cancelled export leaves
no file). Success says how many rows went where, with "Open folder"; an error is shown
translated and every choice stays as it was, so the user can fix it and try again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QProgressBar, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.services.export_api import (
    ExportFormat,
    ExportRequest,
    ExportResult,
    ExportServiceApi,
)
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.error_text import describe_error
from desktop.ui.pages.export_form import ExportForm, grow_to_fit
from desktop.ui.pages.export_scope import ExportScope, file_text, kind_title, scope_sentence
from desktop.ui.pages.export_unmasked import FilePasswordDialog, UnmaskedConfirmDialog
from desktop.ui.pages.fitting_dialog import FittingDialog
from desktop.ui.shell.style import button, label, named
from desktop.ui.tasks import Cancellable, TaskContext, TaskSubmitter

DIALOG_WIDTH = 600
ExportCall = Callable[[Callable[[int, int], None]], ExportResult]


def default_folder() -> Path:
    """Where exports go unless the user chooses: Documents (else the home folder)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def breakable(path: Path | str) -> str:
    """A path that a word-wrapping label may break after each separator."""
    return str(path).replace("/", "/\u200b").replace("\\", "\\\u200b")


class ExportDialog(FittingDialog):
    """``ExportDialog(service, session, runner, clipboard, scope)``; open with ``open()``."""

    def __init__(
        self,
        service: ExportServiceApi,
        session: Session,
        runner: TaskSubmitter,
        clipboard: ClipboardGuard,
        scope: ExportScope,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "exportDialog")
        self.setModal(True)
        self._service, self._session, self._runner = service, session, runner
        self._clipboard = clipboard
        self.scope = scope
        self.count: int | None = None
        self.last_result: ExportResult | None = None
        self._task: Cancellable | None = None
        self._running = False
        self._cancelling = False
        self.confirm_dialog: UnmaskedConfirmDialog | None = None
        self.password_dialog: FilePasswordDialog | None = None
        self.replace_box: QMessageBox | None = None
        self.open_folder: Callable[[Path], object] = lambda folder: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder)))

        self.heading = label("sectionHeading")
        self.scope_label = label("exportScope", selectable=True)
        self.masked_notice = label("notice")
        self.form = ExportForm(scope.kind, service.columns(scope.kind),
                               folder or default_folder(), today or date.today())
        self.problem_label = label("hint")
        self.progress_bar = named(QProgressBar(), "exportProgress")
        self.progress_label = label("hint")
        self.error_label = label("formError")
        self.result_label = label("success", selectable=True)
        self.open_folder_button = button("openFolder", "link")
        self.unmasked_button = button("exportUnmasked")
        self.unmasked_button.setVisible(service.can_export_unmasked(session))
        self.close_button = button("closeExport")
        self.cancel_button = button("cancelExport")
        self.export_button = button("startExport", "primary")
        self.export_button.setDefault(True)
        self._build()
        self._connect()
        self.retranslateUi()
        self._set_running(False)
        for widget in (self.error_label, self.result_label, self.open_folder_button):
            widget.setVisible(False)
        self.setMinimumWidth(DIALOG_WIDTH)
        self._start_count()

    def _build(self) -> None:
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unmasked_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        for widget in (self.close_button, self.cancel_button, self.export_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.masked_notice)
        layout.addSpacing(4)
        layout.addWidget(self.form)
        layout.addSpacing(4)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.error_label)
        layout.addLayout(result_row)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.form.changed.connect(self._update_buttons)
        self.export_button.clicked.connect(self.export_masked)
        self.unmasked_button.clicked.connect(self.ask_unmasked)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        self.open_folder_button.clicked.connect(self._open_folder)

    # --------------------------------------------------------------------- counting

    def _start_count(self) -> None:
        count = self.scope.count
        if count is None:
            return

        def counted(number: int) -> None:
            if isValid(self):
                self.count = number
                self.retranslateUi()

        # Without a count the sentence still names the filter; nothing else depends on it.
        self._runner.submit(lambda _ctx: count(), on_success=counted,
                            on_failure=lambda _error: None)

    # --------------------------------------------------------------------- requests

    def request(self, out: Path) -> ExportRequest:
        form, scope = self.form, self.scope
        return ExportRequest(
            kind=scope.kind, out=out, fmt=form.fmt(), columns=form.chosen_columns(),
            purpose=form.purpose(), customers=scope.customers,
            customer_sort=scope.customer_sort, orders=scope.orders, feedback=scope.feedback,
            csv_encoding=form.encoding(), pseudonymous_key=form.pseudonymous_key(),
            translate=file_text,
        )

    def problem(self, *, purpose_needed: bool = True) -> str:
        """Why the export cannot start yet ("" when it can). The unmasked confirmation
        asks for the purpose itself."""
        form = self.form
        if not form.chosen_columns():
            return self.tr("Choose at least one column.")
        if purpose_needed and not form.purpose():
            return self.tr("Choose or type the purpose of this export.")
        out = form.out_path()
        if out is None:
            return self.tr("Choose where to save the file.")
        if not out.parent.is_dir():
            return self.tr("The folder {folder} does not exist. Choose another place.").format(
                folder=out.parent)
        return ""

    def export_masked(self) -> None:
        if self.running or self.problem():
            self._update_buttons()
            return
        out = self.form.out_path()
        assert out is not None
        request = self.request(out)
        service, session = self._service, self._session
        self._when_replace_ok(out, lambda: self._run(
            lambda progress: service.export(session, request, progress)))

    def ask_unmasked(self) -> None:
        """The owner's "Export unmasked…": confirm with the password and the purpose."""
        if self.running or not self._service.can_export_unmasked(self._session):
            return
        if self.problem(purpose_needed=False):
            self._update_buttons()
            return
        dialog = UnmaskedConfirmDialog(self.form.purpose(), self)
        dialog.confirmed.connect(self.export_unmasked)
        dialog.finished.connect(lambda _result: self._confirm_closed(dialog))
        self.confirm_dialog = dialog
        dialog.open()

    def _confirm_closed(self, dialog: UnmaskedConfirmDialog) -> None:
        if self.confirm_dialog is dialog:
            self.confirm_dialog = None
        dialog.deleteLater()

    def export_unmasked(self, owner_password: str, purpose: str) -> None:
        """Unmasked exports are password-protected workbooks: the format becomes .xlsx."""
        if self.running:
            return
        self.form.set_format(ExportFormat.XLSX)
        self.form.choose_purpose(purpose)
        out = self.form.out_path()
        if out is None or self.problem():
            self._update_buttons()
            return
        request = self.request(out)
        service, session = self._service, self._session
        self._when_replace_ok(out, lambda: self._run(
            lambda progress: service.export_unmasked(session, request, owner_password,
                                                     progress)))

    def _when_replace_ok(self, out: Path, then: Callable[[], None]) -> None:
        if not out.exists():
            then()
            return
        box = QMessageBox(self)
        named(box, "replaceExport")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace file?"))
        box.setText(self.tr("{name} already exists. Replace it?").format(name=out.name))
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)

        def answered(_result: int) -> None:
            confirmed = box.clickedButton() is replace
            self.replace_box = None
            box.deleteLater()
            if confirmed and isValid(self):
                then()

        box.finished.connect(answered)
        self.replace_box = box
        box.open()

    # --------------------------------------------------------------------- running

    @property
    def running(self) -> bool:
        return self._running

    def _run(self, call: ExportCall) -> None:
        self.error_label.setVisible(False)
        self.result_label.setVisible(False)
        self.open_folder_button.setVisible(False)
        self.last_result = None
        self._cancelling = False
        self._running = True
        self._set_running(True)
        self._show_progress(0, 0)

        def work(ctx: TaskContext) -> ExportResult:
            def progress(done: int, total: int) -> None:
                ctx.check_cancelled()  # raising here makes the service stop and clean up
                ctx.report_progress(done, total)

            return call(progress)

        self._task = self._runner.submit(
            work, on_success=self._guard(self._succeeded), on_failure=self._guard(self._failed),
            on_cancelled=self._guard(self._cancelled), on_progress=self._guard(
                self._show_progress), on_finished=self._guard(self._finished))
        if not self._running:  # a synchronous runner has finished it already
            self._task = None
            return
        task = self._task
        self.destroyed.connect(lambda: task.cancel())

    def _guard(self, callback: Callable[..., None]) -> Callable[..., None]:
        """Callbacks arriving after the dialog was deleted (log-out) do nothing."""
        def guarded(*args: object) -> None:
            if isValid(self):
                callback(*args)
        return guarded

    def cancel_export(self) -> None:
        if self._task is not None and not self._cancelling:
            self._cancelling = True
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _show_progress(self, done: int, total: int) -> None:
        if self._cancelling:
            return
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))
            self.progress_label.setText(self.tr("Exporting… {done} of {total} rows").format(
                done=f"{done:,}", total=f"{total:,}"))
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(self.tr("Preparing the export…"))

    def _succeeded(self, result: ExportResult) -> None:
        self.last_result = result
        self._show_result()
        if result.file_password:
            dialog = FilePasswordDialog(result.file_password, self._clipboard,
                                        breakable(result.path), self)
            dialog.finished.connect(lambda _r: self._password_closed(dialog))
            self.password_dialog = dialog
            dialog.open()

    def _password_closed(self, dialog: FilePasswordDialog) -> None:
        if self.password_dialog is dialog:
            self.password_dialog = None
        dialog.deleteLater()

    def _failed(self, error: BaseException) -> None:
        self.error_label.setText(describe_error(error))
        self.error_label.setVisible(True)
        grow_to_fit(self)

    def _cancelled(self) -> None:
        self.error_label.setText(self.tr("Export cancelled. No file was written."))
        self.error_label.setVisible(True)
        grow_to_fit(self)

    def _finished(self) -> None:
        self._task = None
        self._running = False
        self._cancelling = False
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        self.form.set_enabled_while_running(running)
        self.progress_bar.setVisible(running)
        self.progress_label.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        self.export_button.setVisible(not running)
        self._update_buttons()
        grow_to_fit(self)

    def _update_buttons(self) -> None:
        problem = "" if self.running else self.problem()
        self.export_button.setEnabled(not self.running and not problem)
        self.export_button.setToolTip(problem)
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.unmasked_button.setEnabled(not self.running)

    def _show_result(self) -> None:
        result = self.last_result
        if result is None:
            return
        path = breakable(result.path)
        one = result.rows == 1
        if result.masked:
            text = self.tr("Exported 1 row to {path}.") if one else self.tr(
                "Exported {rows} rows to {path}.")
        else:
            text = self.tr("Exported 1 row, unmasked and password-protected, to {path}.") if (
                one) else self.tr(
                "Exported {rows} rows, unmasked and password-protected, to {path}.")
        text = text.format(rows=f"{result.rows:,}", path=path)
        text += " " + self.tr("Recorded in the audit log as entry {seq}.").format(
            seq=result.audit_seq)
        self.result_label.setText(text)
        self.result_label.setToolTip(str(result.path))
        self.result_label.setVisible(True)
        self.open_folder_button.setVisible(True)
        self.close_button.setFocus()
        grow_to_fit(self)

    def _open_folder(self) -> None:
        if self.last_result is not None:
            self.open_folder(self.last_result.path.parent)

    def reject(self) -> None:
        """Esc or closing while an export runs asks it to stop; the dialog stays until it
        has (so the user learns that no file was left)."""
        if self.running:
            self.cancel_export()
            return
        super().reject()

    # --------------------------------------------------------------------- texts

    def retranslateUi(self) -> None:
        title = kind_title(self.scope.kind)
        self.setWindowTitle(title)
        self.heading.setText(title)
        sentence = scope_sentence(self.scope, self.count)
        if self.count == 0:
            sentence += " " + self.tr("Nothing matches: the file will hold only the headers.")
        self.scope_label.setText(sentence)
        self.masked_notice.setText(self.tr(
            "Personal data is masked in the file: 138****5678, 张*, a****@example.com."))
        self.unmasked_button.setText(self.tr("Export unmasked…"))
        self.unmasked_button.setToolTip(self.tr(
            "Owner only: full personal data in a password-protected workbook"))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.close_button.setText(self.tr("Close"))
        self.cancel_button.setText(self.tr("Cancel export"))
        self.export_button.setText(self.tr("Export"))
        self._show_result()
        self._update_buttons()
