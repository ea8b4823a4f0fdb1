"""The Feedback page: reviews, complaints, inquiries and suggestions with filters (kind,
status, "my open items", overdue complaints), overdue complaints highlighted, and a detail
panel to handle an item: status steps, assignee, resolution note, linked order.

Same rules as the Orders page: service calls run on the task runner, superseded results are
dropped, and :meth:`clear_sensitive` forgets everything shown (an unsaved resolution note is
kept for when that item is shown again; an open dialog is hidden with its edits).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FieldErrors
from desktop.core.roles import Permission
from desktop.services.export_api import ReportKind
from desktop.services.feedback import FeedbackService
from desktop.services.order_views import (
    AssignableUser,
    FeedbackCursor,
    FeedbackDetail,
    FeedbackDraft,
    FeedbackFilter,
    OrderChoice,
)
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.error_text import describe_error
from desktop.ui.models.feedback_model import (
    FeedbackModel,
    feedback_status_text,
    kind_text,
    overdue_hours,
)
from desktop.ui.pages.detail_scroll import DetailScrollArea
from desktop.ui.pages.export_entry import ExportAccess, ExportButton
from desktop.ui.pages.export_scope import ExportScope
from desktop.ui.pages.feedback_dialog import KINDS, FeedbackDetailPanel, FeedbackDialog
from desktop.ui.pages.orders_page import PageWork, configure_table, fit_columns
from desktop.ui.shell.style import button, label
from desktop.ui.tasks import TaskSubmitter

STATUSES = ("open", "in_progress", "resolved")


class FeedbackPage(QWidget):
    """``FeedbackPage(workspace, session, runner)``; emits ``open_customer(customer_id)``.

    ``runner`` needs only ``submit`` (handles with ``cancel``): in the window, pass the serial
    ``WorkspaceTasks`` so no two calls share the connection at once; in tests, a
    ``SynchronousTaskRunner``. Implements ``reload``, ``clear_sensitive`` and
    ``restore_after_unlock`` (= reload; also re-shows a dialog hidden by the lock)."""

    open_customer = Signal(int)

    def __init__(self, workspace: Workspace, session: Session, runner: TaskSubmitter,
                 parent: QWidget | None = None, *, exports: ExportAccess | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedbackPage")
        self.session = session
        self.service = FeedbackService(workspace)
        self.work = PageWork(runner, self, self._show_error)
        self.filter = FeedbackFilter()
        self.users: list[AssignableUser] = []
        self.channels: list[str] = []
        self.dialog: FeedbackDialog | None = None
        self._dialog_hidden = False
        self._select_id: int | None = None
        self._columns_fitted = False
        self._locked = False
        self.model = FeedbackModel(self._load_page, self._load_rows, self)
        self.kind, self.status = QComboBox(), QComboBox()
        self.mine = self._toggle("myOpenItems")
        self.overdue_only = self._toggle("overdueOnly")
        self.add_button = button("addFeedback", "primary")
        self.add_button.setVisible(session.allows(Permission.ADD_RECORDS))
        self.count_label = label("hint", wrap=False)
        self.export_button = ExportButton(exports, session, runner, self.export_scope)
        self.banner = label("notice")
        self.banner.hide()
        self.message = label("formError")
        self.message.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.detail = FeedbackDetailPanel()
        self._build()
        self._connect()
        self.retranslateUi()

    def _toggle(self, name: str) -> QPushButton:
        widget = button(name)
        widget.setCheckable(True)
        widget.setProperty("segment", True)
        return widget

    def _build(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.kind, self.status, self.mine, self.overdue_only):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        bar.addWidget(self.add_button)
        scroll = DetailScrollArea(self.detail)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        for combo in (self.kind, self.status):
            combo.activated.connect(lambda _i: self.reload())
        self.mine.toggled.connect(lambda _on: self.reload())
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        self.add_button.clicked.connect(self.add_feedback)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current.row()))
        d = self.detail
        d.open_customer.connect(self.open_customer)
        d.status_requested.connect(lambda i, status, note: self._act(
            lambda _: self.service.set_status(self.session, i, status, note), i))
        d.assign_requested.connect(lambda i, user: self._act(
            lambda _: self.service.assign(self.session, i, user), i))
        d.resolution_saved.connect(lambda i, note: self._act(
            lambda _: self.service.set_resolution(self.session, i, note), i))
        d.link_requested.connect(lambda i, order: self._act(
            lambda _: self.service.link_order(self.session, i, order), i))
        d.orders_wanted.connect(lambda customer: self.work.run(
            "orders", lambda: self.service.order_choices(self.session, customer),
            d.set_order_choices))
        d.take_requested.connect(lambda i: self._act(
            lambda _: self.service.take(self.session, i), i))
        d.edit_requested.connect(self.edit_feedback)

    def retranslateUi(self) -> None:
        for combo, values, text, everything in (
            (self.kind, KINDS, kind_text, self.tr("All kinds")),
            (self.status, STATUSES, feedback_status_text, self.tr("All statuses")),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(text(value), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.mine.setText(self.tr("My open items"))
        self.overdue_only.setText(self.tr("Overdue complaints"))
        self.add_button.setText(self.tr("Add feedback"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        self.filter = flt = FeedbackFilter(
            kind=self.kind.currentData(), status=self.status.currentData(),
            mine_open=self.mine.isChecked(), overdue_only=self.overdue_only.isChecked())
        self._locked = False
        self.message.hide()
        self.count_label.setText(self.tr("Loading…"))
        s = self.session
        self.work.run("list", lambda: (
            self.service.page(s, flt), self.service.assignable_users(s),
            self.service.channels(s), self.service.overdue_count(s)), self._loaded)
        self.work.run("count", lambda: self.service.count(s, flt), self._counted)
        if self._dialog_hidden and self.dialog is not None:
            self._dialog_hidden = False
            self.dialog.show()

    restore_after_unlock = reload

    def _loaded(self, result: tuple[Any, list[AssignableUser], list[str], int]) -> None:
        page, self.users, self.channels, overdue = result
        self.detail.set_users(self.users)
        self._show_overdue(overdue)
        self.model.reset(page.rows, page.next_cursor)
        if page.rows and not self._columns_fitted:
            fit_columns(self.table, cap=160)
            self._columns_fitted = True
        wanted = self._select_id or (self.detail.detail.id if self.detail.detail else None)
        self._select_id = None
        position = self.model.position_of(wanted) if wanted is not None else -1
        if position >= 0:
            self.table.selectRow(position)
        elif wanted is not None:
            self._load_detail(wanted)
        else:
            self.detail.clear()

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("1 item") if count == 1 else self.tr(
            "{count} items").format(count=f"{count:,}"))

    def _show_overdue(self, count: int) -> None:
        text = self.tr(
            "1 complaint not resolved within {hours} hours. Press “Overdue complaints” to see "
            "it.") if count == 1 else self.tr(
            "{count} complaints not resolved within {hours} hours. Press “Overdue complaints” "
            "to see them.")
        self.banner.setText("⚠ " + text.format(count=count, hours=overdue_hours()))
        self.banner.setVisible(count > 0 and not self.overdue_only.isChecked())

    def _load_page(self, cursor: FeedbackCursor, deliver: Callable[[Any, Any], None]) -> None:
        flt = self.filter
        self.work.run("more", lambda: self.service.page(self.session, flt, cursor),
                      lambda page: deliver(page.rows, page.next_cursor))

    def _load_rows(self, ids: list[int], deliver: Callable[[Any], None]) -> None:
        self.work.run(None, lambda: self.service.rows(self.session, ids), deliver)

    def _row_chosen(self, position: int) -> None:
        feedback_id = self.model.id_at(position)
        if feedback_id is not None:
            self._load_detail(feedback_id)

    def _load_detail(self, feedback_id: int) -> None:
        self.work.run("detail", lambda: self.service.detail(self.session, feedback_id),
                      self.detail.show_detail)

    def _act(self, change: Callable[[int], None], feedback_id: int | None = None) -> None:
        """Run one handling change, then refresh the item, its row and the overdue count."""
        if feedback_id is None:
            if self.detail.detail is None:
                return
            feedback_id = self.detail.detail.id
        item, s = feedback_id, self.session

        def run() -> tuple[FeedbackDetail, list[Any], int]:
            change(item)
            return (self.service.detail(s, item), self.service.rows(s, [item]),
                    self.service.overdue_count(s))

        def done(result: tuple[FeedbackDetail, list[Any], int]) -> None:
            detail, rows, overdue = result
            self.detail.show_detail(detail, saved=True)
            for row in rows:
                self.model.update_row(row)
            self._show_overdue(overdue)

        def failed(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                self.detail.show_field_errors(error.errors)
            else:
                self._show_error(error)

        self.work.run("action", run, done, failed)

    def export_scope(self) -> ExportScope:
        """The list as shown, for the export dialog."""
        service, session, flt = self.service, self.session, self.filter
        return ExportScope(ReportKind.FEEDBACK, feedback=flt,
                           count=lambda: service.count(session, flt))

    def _show_error(self, error: BaseException) -> None:
        self.message.setText(describe_error(error))
        self.message.show()

    def clear_sensitive(self) -> None:
        """Forget rows, the detail and the overdue count; keep unsaved notes and dialogs."""
        self._locked = True
        self.work.drop_all()
        self.model.clear()
        self.detail.clear()
        self.count_label.clear()
        self.banner.hide()
        self.message.hide()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.hide()
            self._dialog_hidden = True

    # ------------------------------------------------------------------ add / edit

    def add_feedback(self) -> None:
        self._open_dialog(FeedbackDraft(kind="complaint"), None)

    def edit_feedback(self, feedback_id: int) -> None:
        self.work.run("edit", lambda: self.service.draft_for_edit(self.session, feedback_id),
                      lambda draft: self._open_dialog(draft, feedback_id))

    def _open_dialog(self, draft: FeedbackDraft, feedback_id: int | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        shown = self.detail.detail if feedback_id is not None else None
        order = None
        if shown is not None and shown.order_id is not None:
            order = OrderChoice(shown.order_id, shown.order_no, "", "", 0)
        dialog = FeedbackDialog(draft, editing=feedback_id is not None, channels=self.channels,
                                users=self.users, customer=shown.customer if shown else None,
                                order=order, parent=self)
        s = self.session
        dialog.submitted.connect(lambda d: self._save(dialog, feedback_id, d))
        dialog.customer_lookup.connect(lambda text: self.work.run(
            "lookup", lambda: self.service.lookup_customers(s, text),
            dialog.set_customer_choices))
        dialog.orders_wanted.connect(lambda customer: self.work.run(
            "dialog-orders", lambda: self.service.order_choices(s, customer),
            lambda choices: dialog.set_order_choices(choices, dialog.draft().order_id)))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()
        if shown is not None and shown.customer is not None:
            dialog.orders_wanted.emit(shown.customer.id)

    def _dialog_closed(self, dialog: FeedbackDialog) -> None:
        if self.dialog is dialog:
            self.dialog, self._dialog_hidden = None, False
        dialog.deleteLater()

    def _save(self, dialog: FeedbackDialog, feedback_id: int | None, draft: FeedbackDraft) -> None:
        dialog.set_busy(True)

        def save() -> int:
            if feedback_id is None:
                return self.service.add(self.session, draft)
            self.service.update(self.session, feedback_id, draft)
            return feedback_id

        def saved(new_id: int) -> None:
            dialog.done(QDialog.DialogCode.Accepted)
            self._select_id = new_id
            if not self._locked:  # else the reload after unlock shows it
                self.reload()

        def failed(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                dialog.show_errors(error.errors)
            else:
                dialog.set_busy(False)
                dialog.show_form_error(describe_error(error))

        self.work.run("save", save, saved, failed, keep=True)
