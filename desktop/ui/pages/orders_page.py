"""The Orders page: filters (date range, status, channel), the list (keyset pages loaded as
the user scrolls), a detail panel with items and amounts, and the add/edit dialog.

Every service call runs through the task runner; results of calls a newer one superseded,
or that finish after :meth:`clear_sensitive`, are dropped. The page shows only what the
service returned for the role (masked values), and on lock forgets all of it while an open
dialog is hidden with its unsaved edits and shown again after unlock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import FieldErrors
from desktop.core.roles import Permission
from desktop.services.export_api import ReportKind
from desktop.services.order_views import OrderCursor, OrderDraft, OrderFilter
from desktop.services.orders import OrderService
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.error_text import describe_error
from desktop.ui.models.orders_model import (
    OrdersModel,
    order_status_text,
)
from desktop.ui.pages.detail_scroll import DetailScrollArea
from desktop.ui.pages.export_entry import ExportAccess, ExportButton
from desktop.ui.pages.export_scope import ExportScope
from desktop.ui.pages.order_detail_panel import OrderDetailPanel
from desktop.ui.pages.order_dialog import OrderDialog
from desktop.ui.shell.style import button, label
from desktop.ui.tasks import TaskSubmitter

T = TypeVar("T")
ANY_DATE = QDate(2000, 1, 1)
FILTER_DELAY_MS = 300


class PageWork:
    """This page's background calls. A call made again in the same ``slot`` supersedes the
    earlier one (its result is dropped); :meth:`drop_all` drops every pending result except
    those run with ``keep=True`` (a dialog's save: its outcome carries no personal data, and
    the dialog must learn whether it was saved)."""

    def __init__(self, runner: TaskSubmitter, owner: QObject,
                 on_error: Callable[[BaseException], None]) -> None:
        self._runner = runner
        self._on_error = on_error
        self._epoch = 0
        self._tokens: dict[str, int] = {}
        self._handles: list[Any] = []
        self._alive = True
        owner.destroyed.connect(self._dead)

    def _dead(self) -> None:
        self._alive = False
        self.drop_all()

    def run(self, slot: str | None, fn: Callable[[], T], on_success: Callable[[T], None],
            on_failure: Callable[[BaseException], None] | None = None, *,
            keep: bool = False) -> None:
        epoch = self._epoch
        token = 0
        if slot is not None:
            token = self._tokens[slot] = self._tokens.get(slot, 0) + 1

        def current() -> bool:
            return self._alive and (keep or epoch == self._epoch) and (
                slot is None or self._tokens.get(slot) == token)

        def succeeded(value: T) -> None:
            if current():
                on_success(value)

        def failed(error: BaseException) -> None:
            if current():
                (on_failure or self._on_error)(error)

        handle = self._runner.submit(lambda _ctx: fn(), on_success=succeeded, on_failure=failed)
        self._handles = [h for h in self._handles if not getattr(h, "finished", False)]
        self._handles.append(handle)

    def drop_all(self) -> None:
        self._epoch += 1
        for handle in self._handles:
            handle.cancel()  # a started task runs to its end; only queued ones are skipped
        self._handles = []


def configure_table(view: QTableView) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(False)  # sorted in SQL, newest first
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(30)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


def fit_columns(view: QTableView, cap: int = 220) -> None:
    """Columns as wide as their content (the loaded rows), none wider than ``cap``."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(header.sectionSize(column) + 12, cap))


class OrdersPage(QWidget):
    """``OrdersPage(workspace, session, runner)``; emits ``open_customer(customer_id)``.

    ``runner`` needs only ``submit`` (handles with ``cancel``): in the window, pass the serial
    ``WorkspaceTasks`` so no two calls share the connection at once; in tests, a
    ``SynchronousTaskRunner``. Implements ``reload``, ``clear_sensitive`` and
    ``restore_after_unlock`` (= reload; also re-shows a dialog hidden by the lock)."""

    open_customer = Signal(int)

    def __init__(self, workspace: Workspace, session: Session, runner: TaskSubmitter,
                 parent: QWidget | None = None, *, exports: ExportAccess | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ordersPage")
        self.session = session
        self.service = OrderService(workspace)
        self.work = PageWork(runner, self, self._show_error)
        self.filter = OrderFilter()
        self.channels: list[str] = []
        self.dialog: OrderDialog | None = None
        self._dialog_hidden = False
        self._select_id: int | None = None
        self._columns_fitted = False
        self._locked = False
        self.model = OrdersModel(self._load_page, self._load_rows, self)
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.status = QComboBox()
        self.channel = QComboBox()
        self.add_button = button("addOrder", "primary")
        self.add_button.setVisible(session.allows(Permission.ADD_RECORDS))
        self.count_label = label("hint", wrap=False)
        self.export_button = ExportButton(exports, session, runner, self.export_scope)
        self.message = label("formError")
        self.message.hide()
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table)
        self.detail = OrderDetailPanel()
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._build()
        self._connect()
        self.retranslateUi()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(ANY_DATE)
        edit.setDate(ANY_DATE)
        return edit

    def _build(self) -> None:
        self.from_caption, self.to_caption = label("fieldLabel", wrap=False), label(
            "fieldLabel", wrap=False)
        bar = QHBoxLayout()
        for widget in (self.from_caption, self.date_from, self.to_caption, self.date_to,
                       self.status, self.channel):
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
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.date_from.dateChanged.connect(lambda _d: self._filter_timer.start())
        self.date_to.dateChanged.connect(lambda _d: self._filter_timer.start())
        self._filter_timer.timeout.connect(self._apply_filters)
        self.status.activated.connect(lambda _i: self._apply_filters())
        self.channel.activated.connect(lambda _i: self._apply_filters())
        self.add_button.clicked.connect(self.add_order)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_chosen(current.row()))
        self.detail.open_customer.connect(self.open_customer)
        self.detail.edit_requested.connect(self.edit_order)

    def retranslateUi(self) -> None:
        self.from_caption.setText(self.tr("From"))
        self.to_caption.setText(self.tr("To"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("Any date"))
        self.add_button.setText(self.tr("Add order"))
        current = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("All statuses"), None)
        for status in self.service.statuses():
            self.status.addItem(order_status_text(status), status)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self._fill_channels(self.channels)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def _filters_from_widgets(self) -> OrderFilter:
        def day(edit: QDateEdit) -> Any:
            return None if edit.date() == ANY_DATE else edit.date().toPython()

        return OrderFilter(date_from=day(self.date_from), date_to=day(self.date_to),
                           status=self.status.currentData(), channel=self.channel.currentData())

    def _apply_filters(self) -> None:
        self._filter_timer.stop()
        self.reload()

    def reload(self) -> None:
        """Load the first page for the current filters (and the count, and channels)."""
        self.filter = flt = self._filters_from_widgets()
        self._locked = False
        self.message.hide()
        self.count_label.setText(self.tr("Loading…"))
        self.work.run(
            "list",
            lambda: (self.service.page(self.session, flt), self.service.channels(self.session)),
            self._first_page_loaded,
        )
        self.work.run("count", lambda: self.service.count(self.session, flt), self._counted)
        if self._dialog_hidden and self.dialog is not None:
            self._dialog_hidden = False
            self.dialog.show()

    restore_after_unlock = reload

    def _first_page_loaded(self, result: tuple[Any, list[str]]) -> None:
        page, channels = result
        self._fill_channels(channels)
        self.model.reset(page.rows, page.next_cursor)
        if page.rows and not self._columns_fitted:
            fit_columns(self.table)
            self._columns_fitted = True
        wanted, self._select_id = self._select_id, None
        position = self.model.position_of(wanted) if wanted is not None else -1
        if position >= 0:
            self.table.selectRow(position)
        elif wanted is not None:
            self._load_detail(wanted)
        elif self.detail.detail is not None and self.model.position_of(
                self.detail.detail.id) >= 0:
            self.table.selectRow(self.model.position_of(self.detail.detail.id))
        else:
            self.detail.clear()

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("1 order") if count == 1 else self.tr(
            "{count} orders").format(count=f"{count:,}"))

    def _fill_channels(self, channels: Sequence[str]) -> None:
        self.channels = list(channels)
        current = self.channel.currentData()
        self.channel.clear()
        self.channel.addItem(self.tr("All channels"), None)
        for channel in self.channels:
            self.channel.addItem(channel, channel)
        self.channel.setCurrentIndex(max(0, self.channel.findData(current)))

    def _load_page(self, cursor: OrderCursor, deliver: Callable[[Any, Any], None]) -> None:
        flt = self.filter
        self.work.run("more", lambda: self.service.page(self.session, flt, cursor),
                      lambda page: deliver(page.rows, page.next_cursor))

    def _load_rows(self, ids: list[int], deliver: Callable[[Any], None]) -> None:
        self.work.run(None, lambda: self.service.rows(self.session, ids), deliver)

    def _row_chosen(self, position: int) -> None:
        order_id = self.model.id_at(position)
        if order_id is not None:
            self._load_detail(order_id)

    def _load_detail(self, order_id: int) -> None:
        self.work.run("detail", lambda: self.service.detail(self.session, order_id),
                      self.detail.show_detail)

    def export_scope(self) -> ExportScope:
        """The list as shown, for the export dialog."""
        service, session, flt = self.service, self.session, self.filter
        return ExportScope(ReportKind.ORDERS, orders=flt,
                           count=lambda: service.count(session, flt))

    def _show_error(self, error: BaseException) -> None:
        self.message.setText(describe_error(error))
        self.message.show()

    # ------------------------------------------------------------------ lock

    def clear_sensitive(self) -> None:
        """Forget every loaded row and the detail; hide an open dialog, keeping its edits."""
        self._locked = True
        self.work.drop_all()
        self.model.clear()
        self.detail.clear()
        self.count_label.clear()
        self.message.hide()
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.hide()
            self._dialog_hidden = True

    # ------------------------------------------------------------------ add / edit

    def add_order(self) -> None:
        now = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        self._open_dialog(OrderDraft(order_no="", status="paid", ordered_at=now), None)

    def edit_order(self, order_id: int) -> None:
        self.work.run("edit", lambda: self.service.draft_for_edit(self.session, order_id),
                      lambda draft: self._open_dialog(draft, order_id))

    def _open_dialog(self, draft: OrderDraft, order_id: int | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            return
        customer = None
        if order_id is not None and self.detail.detail is not None:
            customer = self.detail.detail.customer
        dialog = OrderDialog(draft, editing=order_id is not None, channels=self.channels,
                             statuses=self.service.statuses(), customer=customer, parent=self)
        dialog.submitted.connect(lambda d: self._save(dialog, order_id, d))
        dialog.customer_lookup.connect(lambda text: self.work.run(
            "lookup", lambda: self.service.lookup_customers(self.session, text),
            dialog.set_customer_choices))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: OrderDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._dialog_hidden = False
        dialog.deleteLater()

    def _save(self, dialog: OrderDialog, order_id: int | None, draft: OrderDraft) -> None:
        dialog.set_busy(True)

        def save() -> int:
            if order_id is None:
                return self.service.add(self.session, draft)
            self.service.update(self.session, order_id, draft)
            return order_id

        def failed(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                dialog.show_errors(error.errors)
            else:
                dialog.set_busy(False)
                dialog.show_form_error(describe_error(error))

        self.work.run("save", save, lambda saved: self._saved(dialog, saved), failed, keep=True)

    def _saved(self, dialog: OrderDialog, order_id: int) -> None:
        dialog.done(QDialog.DialogCode.Accepted)
        self._select_id = order_id
        if not self._locked:  # else the reload after unlock shows it
            self.reload()
