"""Where exports start: the "Export…" button of the Customers, Orders and Feedback pages
(real pages over a real shop, an in-test export service) opens the dialog on what the page
shows; staff and auditors never see it; the owner's data-subject copy of one customer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop.core.models import Customer, User
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerFilter
from desktop.services.export_api import ReportKind
from desktop.services.order_views import FeedbackFilter, OrderFilter
from desktop.services.session import Session
from desktop.ui.clipboard_guard import ClipboardGuard
from desktop.ui.pages.customers_page import CustomersPage
from desktop.ui.pages.export_dialog import ExportDialog
from desktop.ui.pages.export_entry import ExportAccess, ExportButton
from desktop.ui.pages.export_scope import ExportScope
from desktop.ui.pages.export_subject import SubjectCopyDialog
from desktop.ui.pages.feedback_page import FeedbackPage
from desktop.ui.pages.orders_page import OrdersPage
from desktop.ui.tasks import SynchronousTaskRunner
from tests.ui.export_fakes import FakeExportService

ROLE_PASSWORD = "Some-pass-4242"


@dataclass
class Shop:
    workspace: object
    sessions: dict[Role, Session]
    zhang_id: int


@pytest.fixture
def ui_shop(shop) -> Iterator[Shop]:
    db = shop.workspace.shop.db
    with db.transaction():
        zhang_id = db.customers.add(Customer(id=None, name="张三", member_no="M000001",
                                             phone="+8613812345678", city="北京"))
        db.customers.add(Customer(id=None, name="张伟", phone="+8613912345678", city="上海"))
        db.customers.add(Customer(id=None, name="李四", phone="+8613712345678", city="北京"))
    sessions = {Role.OWNER: shop.owner}
    for name, role in (("zhao", Role.MANAGER), ("li", Role.STAFF), ("shen", Role.AUDITOR)):
        sessions[role] = Session(shop.workspace.accounts.add_user(shop.owner, name, role,
                                                                  ROLE_PASSWORD))
    yield Shop(shop.workspace, sessions, zhang_id)


@pytest.fixture
def access(qapp) -> ExportAccess:
    return ExportAccess(FakeExportService(), ClipboardGuard())


def customers_page(qtbot, shop: Shop, role: Role, access: ExportAccess | None) -> CustomersPage:
    page = CustomersPage(shop.workspace, shop.sessions[role], SynchronousTaskRunner(),
                         ClipboardGuard(), exports=access)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


@pytest.mark.parametrize(("role", "shown"), [
    (Role.OWNER, True), (Role.MANAGER, True), (Role.STAFF, False), (Role.AUDITOR, False)])
def test_the_export_button_is_only_for_roles_that_may_export(qtbot, access, role, shown):
    session = Session(User(1, "someone", role))
    export_button = ExportButton(access, session, SynchronousTaskRunner(),
                                 lambda: ExportScope(ReportKind.CUSTOMERS))
    qtbot.addWidget(export_button)
    export_button.show()
    assert export_button.isVisible() is shown
    assert (export_button.open_dialog() is not None) is shown


def test_no_export_service_no_button(qtbot):
    owner = Session(User(1, "wang", Role.OWNER))
    export_button = ExportButton(None, owner, SynchronousTaskRunner(),
                                 lambda: ExportScope(ReportKind.CUSTOMERS))
    qtbot.addWidget(export_button)
    export_button.show()
    assert not export_button.isVisible() and export_button.open_dialog() is None


def test_customers_export_opens_on_the_search_shown(qtbot, ui_shop, access):
    page = customers_page(qtbot, ui_shop, Role.MANAGER, access)
    assert page.export_button.isVisible()
    page.search("张")

    page.export_button.click()

    dialog = page.export_button.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    assert dialog.scope.customers == CustomerFilter(text="张")
    assert dialog.scope.customer_sort is page.model.current_sort
    assert dialog.scope_label.text() == "The 2 customers matching ‘张’."

    page.export_button.click()  # one dialog at a time
    assert page.export_button.dialog is dialog


@pytest.mark.parametrize("role", [Role.STAFF])
def test_staff_see_no_export_action_anywhere(qtbot, ui_shop, access, role):
    page = customers_page(qtbot, ui_shop, role, access)
    page.show_customer(ui_shop.zhang_id)
    assert not page.export_button.isVisible()
    assert not page.profile_panel.subject_copy_button.isVisible()
    for other in (OrdersPage(ui_shop.workspace, ui_shop.sessions[role], SynchronousTaskRunner(),
                             exports=access),
                  FeedbackPage(ui_shop.workspace, ui_shop.sessions[role],
                               SynchronousTaskRunner(), exports=access)):
        qtbot.addWidget(other)
        other.show()
        assert not other.export_button.isVisible()


def test_orders_and_feedback_export_their_filters(qtbot, ui_shop, access):
    manager = ui_shop.sessions[Role.MANAGER]
    orders = OrdersPage(ui_shop.workspace, manager, SynchronousTaskRunner(), exports=access)
    qtbot.addWidget(orders)
    orders.show()
    orders.status.setCurrentIndex(orders.status.findData("paid"))
    orders.reload()
    orders.export_button.click()
    dialog = orders.export_button.dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.scope.kind is ReportKind.ORDERS
    assert dialog.scope.orders == OrderFilter(status="paid")
    assert dialog.scope_label.text().startswith(
        "The 0 orders (with their items) with status Paid. Nothing matches")

    feedback = FeedbackPage(ui_shop.workspace, manager, SynchronousTaskRunner(), exports=access)
    qtbot.addWidget(feedback)
    feedback.show()
    feedback.overdue_only.setChecked(True)
    feedback.export_button.click()
    dialog = feedback.export_button.dialog
    assert isinstance(dialog, ExportDialog)
    assert dialog.scope.feedback == FeedbackFilter(overdue_only=True)
    assert dialog.windowTitle() == "Export feedback"


def test_only_the_owner_gets_the_data_subject_copy(qtbot, ui_shop, access, tmp_path):
    manager_page = customers_page(qtbot, ui_shop, Role.MANAGER, access)
    manager_page.show_customer(ui_shop.zhang_id)
    assert manager_page.profile_panel.profile is not None
    assert not manager_page.profile_panel.subject_copy_button.isVisible()

    page = customers_page(qtbot, ui_shop, Role.OWNER, access)
    page.show_customer(ui_shop.zhang_id)
    link = page.profile_panel.subject_copy_button
    assert link.isVisible() and link.text() == "Export everything we hold about this person…"
    link.click()

    dialog = page.export_button.dialog
    assert isinstance(dialog, SubjectCopyDialog) and dialog.isVisible()
    assert dialog.customer_id == ui_shop.zhang_id
    assert dialog.who_label.text() == "张三 · M000001"
    assert "张" not in dialog.windowTitle()
    assert dialog.name_edit.text() == f"data-copy-M000001-{date.today().isoformat()}"


# ------------------------------------------------------------------ the subject copy dialog


def subject_dialog(qtbot, tmp_path, service: FakeExportService,
                   runner: SynchronousTaskRunner | None = None) -> SubjectCopyDialog:
    owner = Session(User(1, "wang", Role.OWNER))
    dialog = SubjectCopyDialog(service, owner, runner or SynchronousTaskRunner(), 7,
                               "张三 · M000001", "M000001", folder=tmp_path,
                               today=date(2026, 11, 29))
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_the_subject_copy_writes_xlsx_and_json_and_says_so(qtbot, tmp_path):
    service = FakeExportService()
    dialog = subject_dialog(qtbot, tmp_path, service)
    assert dialog.files_note.text() == (
        "Writes data-copy-M000001-2026-11-29.xlsx and data-copy-M000001-2026-11-29.json.")

    dialog.export_button.click()

    xlsx, json_file = (tmp_path / "data-copy-M000001-2026-11-29.xlsx",
                       tmp_path / "data-copy-M000001-2026-11-29.json")
    assert service.subject_calls == [(7, xlsx, json_file)]
    assert xlsx.is_file() and json_file.is_file()
    assert dialog.result_label.text().replace("\u200b", "") == (
        f"Saved {xlsx.name} and {json_file.name} in {tmp_path}.")
    opened: list = []
    dialog.open_folder = opened.append
    dialog.open_folder_button.click()
    assert opened == [tmp_path]


def test_the_subject_copy_can_be_cancelled_and_needs_a_usable_name(qtbot, tmp_path):
    service = FakeExportService()
    runner = SynchronousTaskRunner(deferred=True)
    dialog = subject_dialog(qtbot, tmp_path, service, runner)
    for bad in ("", "a/b", "x:y"):
        dialog.name_edit.setText(bad)
        assert not dialog.export_button.isEnabled()
    dialog.name_edit.setText("copy")
    service.on_step = dialog.cancel_button.click

    dialog.export_button.click()
    assert dialog.progress_bar.isVisible() and not dialog.name_edit.isEnabled()
    runner.run_pending()

    assert dialog.error_label.text() == "Cancelled. No file was written."
    assert list(tmp_path.iterdir()) == []
    assert dialog.name_edit.text() == "copy" and dialog.export_button.isEnabled()


def test_the_next_export_starts_in_the_folder_of_the_last(qtbot, access, tmp_path,
                                                          monkeypatch):
    monkeypatch.setattr(ExportButton, "last_folder", None)
    manager = Session(User(2, "zhao", Role.MANAGER))
    export_button = ExportButton(access, manager, SynchronousTaskRunner(),
                                 lambda: ExportScope(ReportKind.CUSTOMERS, count=lambda: 3))
    qtbot.addWidget(export_button)
    chosen = tmp_path / "reports"
    chosen.mkdir()
    dialog = export_button.open_dialog()
    assert dialog is not None
    dialog.form.purpose_combo.setCurrentIndex(1)
    dialog.form.path_edit.setText(str(chosen / "list.xlsx"))
    dialog.export_button.click()
    dialog.close_button.click()

    again = export_button.open_dialog()
    assert again is not None and again is not dialog
    assert Path(again.form.path_edit.text()).parent == chosen
