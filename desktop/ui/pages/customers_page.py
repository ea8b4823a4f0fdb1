"""The Customers page: search as you type, filters, the big table, the profile panel, and
add / edit / delete / reveal as the role allows (the dialogs: ``customer_actions``).

Everything shown comes from ``CustomerService`` already masked for the session; the page
adds nothing. Service calls run on the task runner; the table model fetches row windows on
the GUI thread (see ``customers_model``).

Register in the window with a factory such as::

    lambda ctx: CustomersPage(ctx.workspace, ctx.session, ctx.tasks, ctx.clipboard)

and connect ``window.search_requested`` to ``page.search``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.roles import Permission
from desktop.services.consents import ConsentService
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import (
    CustomerFilter,
    CustomerProfile,
    FilterChoices,
)
from desktop.services.customers import CustomerService
from desktop.services.export_api import ReportKind
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.error_text import describe_error
from desktop.ui.models.customers_model import CustomersModel
from desktop.ui.pages.customer_actions import CustomerActions
from desktop.ui.pages.customer_dialog import CustomerDialog
from desktop.ui.pages.customer_filters import CustomerFilterBar
from desktop.ui.pages.customer_list_status import count_text, empty_note, profile_placeholder
from desktop.ui.pages.customer_profile import CustomerProfilePanel
from desktop.ui.pages.customer_profile_loader import ProfileData, ProfileLoader
from desktop.ui.pages.customer_table import CustomerTable
from desktop.ui.pages.export_entry import ExportAccess, ExportButton, may_copy_subject
from desktop.ui.pages.export_scope import ExportScope
from desktop.ui.pages.reveal_dialog import RevealDialog
from desktop.ui.pages.search_pacing import SearchPacer
from desktop.ui.tasks import TaskSubmitter

PROFILE_DELAY_MS = 60
class CustomersPage(QWidget):
    """See the module docstring. ``clear_sensitive()`` on lock, ``restore_after_unlock()``
    when the same user is back, ``search(text)`` for the window's global search box."""

    open_order = Signal(int)
    """An order id the user double-clicked in the profile's orders tab."""
    status_message = Signal(str)
    """A short note for the window's status bar ("Copied.", "Customer added.")."""

    def __init__(
        self,
        workspace: Workspace,
        session: Session,
        runner: TaskSubmitter,
        clipboard: ClipboardGuard,
        parent: QWidget | None = None,
        *,
        service: CustomerServiceApi | None = None,
        exports: ExportAccess | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customersPage")
        self._session = session
        self._runner = runner
        self._clipboard = clipboard
        self._exports = exports
        self._service: CustomerServiceApi = service or CustomerService(workspace)
        self._profile_loader = ProfileLoader(workspace, self._service, session, runner)
        self._profile: CustomerProfile | None = None
        self._profile_id: int | None = None
        self._select_after_load: int | None = None
        self._levels: list[str] = []
        self._consents = ConsentService(workspace)
        self.customer_actions = CustomerActions(self._service, session, runner, clipboard, self)

        self.model = CustomersModel(self._service, session, runner, self)
        self.model.reload()  # the first screen is read on the worker while the page is built
        self.export_button = ExportButton(exports, session, runner, self.export_scope)
        self._build()
        self._connect()
        self.retranslateUi()
        self._apply_permissions()
        if self.model.loading:
            self._load_choices()
        else:  # a synchronous runner answered before the page could listen: ask again
            self.reload()

    # ------------------------------------------------------------------------- building

    def _build(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("customerSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.add_button = self._button("addCustomer", "primary")
        self.edit_button = self._button("editCustomer")
        self.delete_button = self._button("deleteCustomer")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.export_button)

        self.filters = CustomerFilterBar()
        self.count_label = self.filters.count_label

        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        self.table = CustomerTable(self.model)

        # The profile panel (~150 widgets, a third of the page) is built when the first
        # profile is loaded, after the list's first screen is painted; an empty card holds
        # its place until then.
        self._profile_panel: CustomerProfilePanel | None = None
        self._profile_slot = profile_placeholder()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("customersSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._profile_slot)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 440])  # the Orders tab fits a 19-digit order number

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.error_label)
        layout.addWidget(self.splitter, 1)

        self._search_pacer = SearchPacer(self)
        self._profile_timer = QTimer(self)
        self._profile_timer.setSingleShot(True)
        self._profile_timer.setInterval(PROFILE_DELAY_MS)

    def _button(self, name: str, role: str = "secondary") -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setProperty("role", role)
        button.setAutoDefault(False)
        return button

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._search_pacer.changed)
        self.search_edit.returnPressed.connect(self._apply_filter)
        self._search_pacer.due.connect(self._apply_filter)
        self.filters.changed.connect(self._apply_filter)
        self.model.first_screen_ready.connect(self._first_screen_ready)
        self.model.loading_changed.connect(self._update_count)
        self.model.count_known.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.model.failed.connect(self._show_error)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.copy_requested.connect(self.copy_current)
        self._profile_timer.timeout.connect(self._load_profile)
        self.add_button.clicked.connect(self.add_customer)
        self.edit_button.clicked.connect(self.edit_customer)
        self.delete_button.clicked.connect(self.delete_customer)
        self.customer_actions.added.connect(self._added)
        self.customer_actions.edited.connect(self._edited)
        self.customer_actions.deleted.connect(self._deleted)
        self.customer_actions.revealed.connect(self._revealed)
        self.customer_actions.failed.connect(self._show_error)

    @property
    def profile_panel(self) -> CustomerProfilePanel:
        """The profile panel, built the first time it is needed."""
        if self._profile_panel is None:
            self._profile_panel = self._build_profile_panel()
        return self._profile_panel

    def _build_profile_panel(self) -> CustomerProfilePanel:
        panel = CustomerProfilePanel()
        panel.allow_reveal = self._session.allows(Permission.REVEAL_FIELD)
        panel.allow_subject_copy = may_copy_subject(self._exports, self._session)
        panel.subject_copy_requested.connect(self._copy_subject)
        panel.consents_tab.attach(self._consents, self._session, self._runner)
        panel.reveal_requested.connect(self.reveal_field)
        panel.order_activated.connect(self.open_order)
        panel.consents_tab.changed.connect(self._consents_changed)
        self.splitter.replaceWidget(1, panel)  # same geometry as the card it replaces
        self._profile_slot.deleteLater()
        return panel

    def _apply_permissions(self) -> None:
        allows = self._session.allows
        self.add_button.setVisible(allows(Permission.ADD_RECORDS))
        self.edit_button.setVisible(allows(Permission.EDIT_RECORDS))
        self.delete_button.setVisible(allows(Permission.DELETE_RECORDS))
        self._update_actions()

    def _update_actions(self) -> None:
        profile = self._profile
        self.edit_button.setEnabled(profile is not None and profile.can_edit)
        self.delete_button.setEnabled(profile is not None and profile.can_delete)

    # ------------------------------------------------------------------- page interface

    @Slot(str)
    def search(self, text: str) -> None:
        """Search for ``text`` now (the window's global search box)."""
        self.search_edit.blockSignals(True)
        self.search_edit.setText(text)
        self.search_edit.blockSignals(False)
        self._apply_filter()
        self.search_edit.setFocus()

    def reload(self) -> None:
        """Query the list, the filter choices and the selected profile again."""
        self.error_label.setVisible(False)
        flt = self._current_filter()
        if flt != self.model.current_filter:
            self.model.set_filter(flt)
        else:
            self.model.reload()
        self._load_choices()  # after the list's first screen, which the user waits for

    def clear_sensitive(self) -> None:
        """The window locks: forget rows, profile and any revealed value; keep the text of
        an open add/edit form (hidden until the same user is back)."""
        self._search_pacer.stop()
        self._profile_timer.stop()
        self._profile_loader.cancel()
        self._profile_id = None
        self._select_after_load = None
        self.model.clear()
        self._show_no_profile()
        self.error_label.setVisible(False)
        self.customer_actions.hide_for_lock()
        if self._profile_panel is not None:
            self._profile_panel.consents_tab.hide_for_lock()

    def restore_after_unlock(self) -> None:
        self.reload()
        self.customer_actions.restore_after_unlock()
        if self._profile_panel is not None:
            self._profile_panel.consents_tab.restore_after_unlock()

    # The open dialogs (tests and the window look at them).
    @property
    def customer_dialog(self) -> CustomerDialog | None:
        return self.customer_actions.customer_dialog

    @property
    def reveal_dialog(self) -> RevealDialog | None:
        return self.customer_actions.reveal_dialog

    @property
    def delete_confirmation(self) -> QMessageBox | None:
        return self.customer_actions.delete_confirmation

    @Slot()
    def clear_filters(self) -> None:
        self.filters.clear()

    # ------------------------------------------------------------------------ searching

    def _current_filter(self) -> CustomerFilter:
        return CustomerFilter(text=self.search_edit.text().strip(), **self.filters.parts())

    @Slot()
    def _apply_filter(self) -> None:
        self._search_pacer.stop()
        self.error_label.setVisible(False)
        self.model.set_filter(self._current_filter())
        self._update_count()

    def _filtering(self) -> bool:
        return self.model.current_filter != CustomerFilter()

    @Slot()
    def _update_count(self) -> None:
        filtering = self._filtering()
        self.count_label.setText(count_text(self.model, filtering))
        self.table.show_empty_note(empty_note(self.model, filtering))

    def _first_screen_ready(self) -> None:
        self.error_label.setVisible(False)
        wanted = self._select_after_load
        self._select_after_load = None
        row = self.model.row_of(wanted) if wanted is not None else None
        if self.model.rowCount() == 0:
            if wanted is None:
                self._show_no_profile()
            return
        self.table.selectRow(row if row is not None else 0)
        self.table.scrollTo(self.model.index(row or 0, 0))
        # Paint the new rows now, before the model starts streaming the rest of the ids:
        # that worker would otherwise share the GIL (and the 2 cores) with this paint, which
        # calls back into Python ~1,500 times (bench_keystroke: "paintspeed").
        self.table.viewport().repaint()

    def _load_choices(self) -> None:
        service, session = self._service, self._session
        self._runner.submit(
            lambda _ctx: service.filter_choices(session),
            on_success=self._show_choices,
            on_failure=self._show_error,
        )

    def _show_choices(self, choices: FilterChoices) -> None:
        self._levels = list(choices.levels)
        self.filters.set_choices(choices)  # a chosen value gone from the lists re-queries

    # -------------------------------------------------------------------------- profile

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        customer_id = self.model.customer_id(current.row()) if current.isValid() else None
        if customer_id == self._profile_id:
            return
        self._profile_id = customer_id
        if customer_id is None:
            self._show_no_profile()
            return
        if self._profile_panel is not None:  # else built when the profile is asked for
            self._profile_panel.show_loading()
        self._profile_timer.start()

    def selected_customer_id(self) -> int | None:
        return self._profile_id

    @Slot(int)
    def show_customer(self, customer_id: int) -> None:
        """Show ``customer_id`` (e.g. opened from an order): selected in the list when it is
        there, its profile shown either way."""
        row = self.model.row_of(customer_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        if self._profile_id != customer_id or self._profile is None:
            self._profile_id = customer_id
            self.profile_panel.show_loading()
            self._load_profile()

    @Slot()
    def _load_profile(self) -> None:
        customer_id = self._profile_id
        if customer_id is None:
            return

        def loaded(data: ProfileData) -> None:
            if customer_id == self._profile_id:
                self._show_profile(data)

        def failed(exc: BaseException) -> None:
            if customer_id == self._profile_id:
                self._show_no_profile()
                self._show_error(exc)

        if self._profile_panel is None:
            self.profile_panel.show_loading()
        self._profile_loader.load(customer_id, loaded, failed)

    def _show_profile(self, data: ProfileData) -> None:
        self._profile = data.profile
        self.profile_panel.show_profile(data.profile, data.history)
        self.profile_panel.show_orders(data.orders)
        self.profile_panel.show_feedback(data.feedback)
        self.profile_panel.show_consents(data.consents)
        self._update_actions()

    def _show_no_profile(self) -> None:
        self._profile = None
        if self._profile_panel is not None:  # a panel not built yet has nothing to clear
            self._profile_panel.clear()
        self._update_actions()

    # -------------------------------------------------------------------------- actions

    @Slot()
    def copy_current(self) -> None:
        """Copy the current cell as shown (masked for roles that see it masked)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        text = self.model.data(index, Qt.ItemDataRole.DisplayRole)
        if text:
            self._clipboard.copy(str(text), sensitive=False)
            self.status_message.emit(self.tr("Copied."))

    @Slot()
    def add_customer(self) -> None:
        self.customer_actions.open_form(None, self._levels)

    @Slot()
    def edit_customer(self) -> None:
        if self._profile is not None and self._profile.can_edit:
            self.customer_actions.open_form(self._profile, self._levels)

    def _added(self, customer_id: int) -> None:
        self.status_message.emit(self.tr("Customer added."))
        self._select_after_load = customer_id
        self._profile_id = customer_id
        self._load_profile()
        self._load_choices()
        self.model.reload()

    def _edited(self, customer_id: int) -> None:
        self.status_message.emit(self.tr("Changes saved."))
        self.model.refresh_rows()
        self._load_choices()
        if customer_id == self._profile_id:
            self._load_profile()

    @Slot()
    def delete_customer(self) -> None:
        profile = self._profile
        if profile is not None and profile.can_delete:
            self.customer_actions.confirm_delete(profile)

    def _deleted(self, customer_id: int) -> None:
        row = self.model.row_of(customer_id)
        self.model.remove_customer(customer_id)
        if self._profile_id == customer_id:
            self._profile_id = None
            self._show_no_profile()
        if row is not None and self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self.status_message.emit(self.tr("Customer deleted."))

    @Slot(str)
    def reveal_field(self, field: str) -> None:
        profile = self._profile
        if profile is None:
            return
        values = self.profile_panel.field_values
        shown = values[field].text() if field in values else ""
        self.customer_actions.reveal(profile, field, shown)

    def _revealed(self, customer_id: int, _field: str) -> None:
        if customer_id == self._profile_id:
            self._load_profile()  # the history tab shows the reveal

    def export_scope(self) -> ExportScope:
        """The list as shown, for the export dialog."""
        service, session, flt = self._service, self._session, self.model.current_filter
        return ExportScope(ReportKind.CUSTOMERS, customers=flt,
                           customer_sort=self.model.current_sort,
                           count=lambda: service.count(session, flt))

    def _copy_subject(self, customer_id: int) -> None:
        profile = self._profile
        if profile is not None and profile.id == customer_id:
            who = " · ".join(part for part in (profile.name, profile.member_no) if part)
            self.export_button.open_subject_copy(customer_id, who, profile.member_no)

    def _consents_changed(self, customer_id: int) -> None:
        self.status_message.emit(self.tr("Consent register updated."))
        if customer_id == self._profile_id:
            self._load_profile()  # the consents and history tabs show the change

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(describe_error(exc))
        self.error_label.setVisible(True)

    # ---------------------------------------------------------------------- translation

    def retranslateUi(self) -> None:
        self.search_edit.setPlaceholderText(self.tr(
            "Search: phone, last 4 digits, name, pinyin (zhangsan, zs), member no., e-mail, "
            "WeChat"))
        self.add_button.setText(self.tr("Add customer"))
        self.edit_button.setText(self.tr("Edit"))
        self.delete_button.setText(self.tr("Delete"))
        self.table.copy_action.setText(self.tr("Copy"))
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
