"""The data-subject copy (owner only): everything the shop holds about one person — profile,
orders, feedback, consents, and who accessed or revealed their data — as an .xlsx for
reading and a .json for machines (PIPL Art. 45, GDPR Art. 15/20).

The owner chooses a folder and a base name; the two files are written in the background
with progress and Cancel, then a short confirmation names them. Nothing about the person
goes into the window title.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.services.export_api import ExportResult, ExportServiceApi
from desktop.services.session import Session
from desktop.ui.error_text import describe_error
from desktop.ui.pages.export_dialog import breakable, default_folder
from desktop.ui.pages.export_form import grow_to_fit
from desktop.ui.pages.export_scope import file_text, subject_base_name
from desktop.ui.pages.fitting_dialog import FittingDialog
from desktop.ui.shell.style import button, label, named
from desktop.ui.tasks import Cancellable, TaskContext, TaskSubmitter

_UNSAFE = set('\\/:*?"<>|')


class SubjectCopyDialog(FittingDialog):
    """``SubjectCopyDialog(service, session, runner, customer_id, who, member_no)``."""

    def __init__(
        self,
        service: ExportServiceApi,
        session: Session,
        runner: TaskSubmitter,
        customer_id: int,
        who: str,
        member_no: str = "",
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        named(self, "subjectCopyDialog")
        self.setModal(True)
        self._service, self._session, self._runner = service, session, runner
        self.customer_id = customer_id
        self._who = who
        self._task: Cancellable | None = None
        self._running = False
        self._folder_dialog: QFileDialog | None = None
        self.last_result: ExportResult | None = None
        self.written: tuple[Path, Path] | None = None
        self.open_folder: Callable[[Path], object] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path)))

        self.heading = label("sectionHeading")
        self.who_label = label("fieldLabel", selectable=True)
        self.intro = label("hint")
        self.folder_label = label("fieldLabel", wrap=False)
        self.folder_edit = named(QLineEdit(), "subjectFolder")
        self.folder_edit.setText(str(folder or default_folder()))
        self.browse_button = button("chooseSubjectFolder")
        self.name_label = label("fieldLabel", wrap=False)
        self.name_edit = named(QLineEdit(), "subjectBaseName")
        self.name_edit.setText(subject_base_name(member_no, today or date.today()))
        self.files_note = label("hint")
        self.audit_note = label("hint")
        self.progress_bar = named(QProgressBar(), "subjectProgress")
        self.progress_label = label("hint")
        self.error_label = label("formError")
        self.result_label = label("success", selectable=True)
        self.open_folder_button = button("openSubjectFolder", "link")
        self.close_button = button("closeSubject")
        self.cancel_button = button("cancelSubject")
        self.export_button = button("startSubject", "primary")
        self.export_button.setDefault(True)
        self._build()
        self.folder_label.setBuddy(self.folder_edit)
        self.name_label.setBuddy(self.name_edit)
        self.folder_edit.textChanged.connect(lambda _t: self._update())
        self.name_edit.textChanged.connect(lambda _t: self._update())
        self.browse_button.clicked.connect(self.choose_folder)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.open_folder_button.clicked.connect(self._open_folder)
        for widget in (self.error_label, self.result_label, self.open_folder_button):
            widget.setVisible(False)
        self.retranslateUi()
        self._set_running(False)
        self.setMinimumWidth(560)

    def _build(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.addWidget(self.folder_label, 0, 0)
        grid.addLayout(folder_row, 0, 1)
        grid.addWidget(self.name_label, 1, 0)
        grid.addWidget(self.name_edit, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        for widget in (self.close_button, self.cancel_button, self.export_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(8)
        for part in (self.heading, self.who_label, self.intro):
            layout.addWidget(part)
        layout.addSpacing(4)
        layout.addLayout(grid)
        for line in (self.files_note, self.audit_note, self.progress_bar,
                     self.progress_label, self.error_label, self.result_label):
            layout.addWidget(line)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ choices

    def base_name(self) -> str:
        name = self.name_edit.text().strip()
        return "" if not name or _UNSAFE & set(name) or name in {".", ".."} else name

    def targets(self) -> tuple[Path, Path] | None:
        folder_text, name = self.folder_edit.text().strip(), self.base_name()
        folder = Path(folder_text).expanduser() if folder_text else None
        if folder is None or not name or not folder.is_absolute() or not folder.is_dir():
            return None
        return folder / f"{name}.xlsx", folder / f"{name}.json"

    def choose_folder(self) -> None:
        if self._folder_dialog is not None:
            self._folder_dialog.raise_()
            return
        dialog = QFileDialog(self, self.tr("Choose a folder"), self.folder_edit.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder_edit.setText)
        dialog.finished.connect(lambda _r: self._folder_dialog_closed(dialog))
        self._folder_dialog = dialog
        dialog.open()

    def _folder_dialog_closed(self, dialog: QFileDialog) -> None:
        self._folder_dialog = None
        dialog.deleteLater()

    # ------------------------------------------------------------------ running

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        targets = self.targets()
        if targets is None or self.running:
            return
        out_xlsx, out_json = targets
        service, session, customer_id = self._service, self._session, self.customer_id

        def work(ctx: TaskContext) -> ExportResult:
            def progress(done: int, total: int) -> None:
                ctx.check_cancelled()
                ctx.report_progress(done, total)

            return service.export_subject_copy(session, customer_id, out_xlsx, out_json,
                                               progress, translate=file_text)

        def succeeded(result: ExportResult) -> None:
            self.last_result, self.written = result, targets
            self._show_result()

        self.error_label.setVisible(False)
        self.result_label.setVisible(False)
        self.open_folder_button.setVisible(False)
        self._running = True
        self._set_running(True)
        self._task = self._runner.submit(
            work, on_success=self._guard(succeeded), on_failure=self._guard(self._failed),
            on_cancelled=self._guard(self._cancelled), on_progress=self._guard(self._progress),
            on_finished=self._guard(self._finished))
        if not self._running:  # a synchronous runner has finished it already
            self._task = None
            return
        task = self._task
        self.destroyed.connect(lambda: task.cancel())

    def _guard(self, callback: Callable[..., None]) -> Callable[..., None]:
        def guarded(*args: object) -> None:
            if isValid(self):
                callback(*args)
        return guarded

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0 and self.cancel_button.isEnabled():
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    def _failed(self, error: BaseException) -> None:
        self.error_label.setText(describe_error(error))
        self.error_label.setVisible(True)
        grow_to_fit(self)

    def _cancelled(self) -> None:
        self.error_label.setText(self.tr("Cancelled. No file was written."))
        self.error_label.setVisible(True)
        grow_to_fit(self)

    def _finished(self) -> None:
        self._task = None
        self._running = False
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        for widget in (self.folder_edit, self.browse_button, self.name_edit):
            widget.setEnabled(not running)
        self.progress_bar.setVisible(running)
        self.progress_label.setVisible(running)
        if running:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(self.tr("Collecting everything about this person…"))
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)
        self.export_button.setVisible(not running)
        self._update()
        grow_to_fit(self)

    def _update(self) -> None:
        self.export_button.setEnabled(not self.running and self.targets() is not None)
        name = self.base_name() or "…"
        self.files_note.setText(self.tr("Writes {xlsx} and {json}.").format(
            xlsx=f"{name}.xlsx", json=f"{name}.json"))

    def _show_result(self) -> None:
        if self.written is None:
            return
        xlsx, json_file = self.written
        self.result_label.setText(self.tr("Saved {xlsx} and {json} in {folder}.").format(
            xlsx=xlsx.name, json=json_file.name, folder=breakable(xlsx.parent)))
        self.result_label.setVisible(True)
        self.open_folder_button.setVisible(True)
        grow_to_fit(self)

    def _open_folder(self) -> None:
        if self.written is not None:
            self.open_folder(self.written[0].parent)

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Copy of a person's data"))
        self.heading.setText(self.tr("Everything we hold about this person"))
        self.who_label.setText(self._who)
        self.intro.setText(self.tr(
            "Their profile, orders, feedback and consents, and who looked at or revealed "
            "their data — unmasked, as a workbook to read and a JSON file for other "
            "software. This is the copy a person may ask for under PIPL Art. 45 and GDPR "
            "Art. 15 and 20. Hand it only to that person."))
        self.folder_label.setText(self.tr("Folder"))
        self.browse_button.setText(self.tr("Choose…"))
        self.name_label.setText(self.tr("File name"))
        self.audit_note.setText(self.tr("The copy is recorded in the audit log."))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.close_button.setText(self.tr("Close"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Save copy"))
        self._update()
        self._show_result()
