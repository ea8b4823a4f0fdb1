"""The Feedback page over a real shop, driven with pytest-qt."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from desktop.core.models import Customer
from desktop.core.roles import Role
from desktop.security.keyring_vault import DISABLE_ENV
from desktop.services.demo import load_demo_data
from desktop.services.feedback import FeedbackService
from desktop.services.order_views import FeedbackDraft
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.workspace import Workspace, default_keyring, new_workspace
from desktop.ui.models.feedback_model import OVERDUE_BACKGROUND, STATUS_COLUMN
from desktop.ui.pages.feedback_page import FeedbackPage
from desktop.ui.tasks import SynchronousTaskRunner

PHONE_DIGITS = "13712345566"
ROLES = [r for r in Qt.ItemDataRole if r.value <= Qt.ItemDataRole.UserRole.value]


@dataclass
class UiShop:
    workspace: Workspace
    owner: Session
    staff: Session
    other: Session
    customer_id: int


def received(hours_ago: float) -> str:
    return (datetime.now() - timedelta(hours=hours_ago)).strftime("%Y-%m-%d %H:%M")


@pytest.fixture(scope="module")
def ui_shop(tmp_path_factory) -> Iterator[UiShop]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DISABLE_ENV, "none")
        paths = ShopPaths(tmp_path_factory.mktemp("feedback") / "shop")
        workspace, owner, _code = new_workspace(
            paths, "测试店", "wang", "Correct-horse-42", keyring=default_keyring(),
            remember=False)
        load_demo_data(workspace, owner, 200)
        db = workspace.shop.db
        with db.transaction():
            staff = Session(db.users.add("li", Role.STAFF, "unused"))
            other = Session(db.users.add("chen", Role.STAFF, "unused"))
        customer_id = db.customers.add(Customer(id=None, name="孙丽", phone="+86" + PHONE_DIGITS))
        yield UiShop(workspace, owner, staff, other, customer_id)
        workspace.close()


def complaint(shop: UiShop, hours_ago: float, assignee: Session | None = None, **more) -> int:
    return FeedbackService(shop.workspace).add(shop.owner, FeedbackDraft(
        kind=more.pop("kind", "complaint"), content=f"没收到货，请回电 {PHONE_DIGITS}",
        received_at=received(hours_ago), customer_id=shop.customer_id,
        assignee_id=assignee.user.id if assignee else None, **more))


def make_page(qtbot, shop: UiShop, session: Session) -> FeedbackPage:
    page = FeedbackPage(shop.workspace, session, SynchronousTaskRunner())
    qtbot.addWidget(page)
    page.model_tester = QAbstractItemModelTester(
        page.model, QAbstractItemModelTester.FailureReportingMode.Warning, page)
    page.reload()
    return page


def rows(page):
    return [page.model.row_at(r) for r in range(page.model.rowCount())]


def select(page, feedback_id: int) -> None:
    position = page.model.position_of(feedback_id)
    assert position >= 0
    page.table.selectRow(position)
    assert page.detail.detail.id == feedback_id


def no_tester_failures(qtlog) -> None:
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []


def test_overdue_complaints_are_highlighted_not_by_colour_alone(qtbot, qtlog, ui_shop):
    late = complaint(ui_shop, 72)
    fresh = complaint(ui_shop, 2)
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    model = page.model
    late_row, fresh_row = model.position_of(late), model.position_of(fresh)
    status = model.index(late_row, STATUS_COLUMN)
    assert model.data(status, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert "Overdue" in model.data(status)
    assert not model.data(status, Qt.ItemDataRole.DecorationRole).isNull()
    assert "48 hours" in model.data(status, Qt.ItemDataRole.ToolTipRole)
    fresh_status = model.index(fresh_row, STATUS_COLUMN)
    assert model.data(fresh_status, Qt.ItemDataRole.BackgroundRole) is None
    assert "Overdue" not in model.data(fresh_status)
    assert page.banner.isVisibleTo(page) and "48 hours" in page.banner.text()
    select(page, late)
    assert page.detail.overdue.isVisibleTo(page)
    page.overdue_only.click()
    assert rows(page) and all(r.overdue and r.kind == "complaint" for r in rows(page))
    assert not page.banner.isVisibleTo(page)
    no_tester_failures(qtlog)


def test_filter_changes_reload(qtbot, qtlog, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    page.kind.setCurrentIndex(page.kind.findData("inquiry"))
    page.kind.activated.emit(page.kind.currentIndex())
    assert rows(page) and all(r.kind == "inquiry" for r in rows(page))
    page.status.setCurrentIndex(page.status.findData("resolved"))
    page.status.activated.emit(page.status.currentIndex())
    assert rows(page) and all(r.kind == "inquiry" and r.status == "resolved" for r in rows(page))
    shown = len(rows(page))
    assert page.count_label.text() == ("1 item" if shown == 1 else f"{shown:,} items")
    no_tester_failures(qtlog)


def test_my_open_items_and_the_status_flow(qtbot, qtlog, ui_shop):
    mine = complaint(ui_shop, 5, ui_shop.staff)
    complaint(ui_shop, 6, ui_shop.other)
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    page.mine.click()
    assert [r.id for r in rows(page)] == [mine]
    select(page, mine)
    detail = page.detail
    assert detail.start_button.isVisibleTo(page) and not detail.reopen_button.isVisibleTo(page)
    detail.start_button.click()
    assert detail.detail.status == "in_progress"
    assert page.model.row_at(0).status == "in_progress"
    detail.resolve_button.click()  # a complaint needs a note first
    assert detail.resolution_error.isVisibleTo(page) and detail.detail.status == "in_progress"
    detail.resolution.setPlainText("已补发，客户确认收到")
    detail.resolve_button.click()
    assert detail.detail.status == "resolved" and detail.detail.resolution.startswith("已补发")
    assert not detail.resolution_error.isVisibleTo(page)
    page.reload()
    assert rows(page) == []  # resolved items leave "my open items"
    no_tester_failures(qtlog)


def test_staff_takes_an_unassigned_item_and_cannot_handle_others(qtbot, ui_shop):
    free = complaint(ui_shop, 1)
    taken = complaint(ui_shop, 1.5, ui_shop.other)
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    select(page, taken)
    assert not page.detail.start_button.isVisibleTo(page)
    assert page.detail.resolution.isReadOnly() and not page.detail.assignee.isVisibleTo(page)
    select(page, free)
    assert page.detail.take_button.isVisibleTo(page)
    page.detail.take_button.click()
    assert page.detail.detail.assignee == "li" and page.detail.start_button.isVisibleTo(page)
    assert page.model.row_at(page.model.position_of(free)).assignee == "li"


def test_staff_model_never_holds_the_full_phone(qtbot, qtlog, ui_shop):
    item = complaint(ui_shop, 3)
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    values = [
        str(page.model.data(page.model.index(r, c), role))
        for r in range(page.model.rowCount()) for c in range(page.model.columnCount())
        for role in ROLES
    ]
    assert not [v for v in values if PHONE_DIGITS in v.replace(" ", "") or "孙丽" in v]
    select(page, item)
    shown = page.detail.content.text() + " ".join(v.text() for v in page.detail.values.values())
    assert PHONE_DIGITS not in shown and "137****5566" in shown and "孙*" in shown
    no_tester_failures(qtlog)


def test_clear_sensitive_empties_the_model_and_keeps_the_unsaved_note(qtbot, qtlog, ui_shop):
    item = complaint(ui_shop, 4, ui_shop.staff)
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    select(page, item)
    page.detail.resolution.setPlainText("正在联系快递")
    page.clear_sensitive()
    assert page.model.rowCount() == 0 and page.detail.detail is None
    assert page.detail.content.text() == "" and page.detail.resolution.toPlainText() == ""
    page.restore_after_unlock()
    select(page, item)
    assert page.detail.resolution.toPlainText() == "正在联系快递"
    no_tester_failures(qtlog)


def test_add_feedback_in_the_dialog(qtbot, ui_shop):
    page = make_page(qtbot, ui_shop, ui_shop.staff)
    page.add_feedback()
    dialog = page.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("review"))
    dialog.received_at.setText("2024-02-30")
    dialog.save_button.click()
    assert page.dialog is dialog
    assert dialog.errors["content"].isVisibleTo(dialog)
    assert dialog.errors["received_at"].isVisibleTo(dialog)
    dialog.customer_find.setText(PHONE_DIGITS[-4:])
    dialog.find_button.click()
    assert dialog.customer.currentData() == ui_shop.customer_id
    assert PHONE_DIGITS not in dialog.customer.currentText()
    dialog.received_at.setText("")
    dialog.rating.setCurrentIndex(dialog.rating.findData("4"))
    dialog.content.setPlainText("包装很好")
    dialog.save_button.click()
    assert page.dialog is None
    assert page.detail.detail.kind == "review" and page.detail.detail.rating == 4


def test_link_the_order_a_complaint_is_about(qtbot, ui_shop):
    from desktop.services.order_views import OrderDraft, OrderItemDraft
    from desktop.services.orders import OrderService

    order_id = OrderService(ui_shop.workspace).add(ui_shop.owner, OrderDraft(
        order_no="FB-LINK-1", channel="门店", customer_id=ui_shop.customer_id,
        items=(OrderItemDraft("帆布包", "1", "45"),)))
    item = complaint(ui_shop, 2, ui_shop.staff)
    page = make_page(qtbot, ui_shop, ui_shop.staff)  # staff handles items assigned to them
    select(page, item)
    assert page.detail.change_order.isVisibleTo(page)
    page.detail.change_order.click()
    combo = page.detail.order
    assert combo.isVisibleTo(page) and combo.findData(order_id) > 0
    combo.setCurrentIndex(combo.findData(order_id))
    combo.activated.emit(combo.currentIndex())
    assert page.detail.detail.order_no == "FB-LINK-1"
    shown = page.detail.values["order"]
    assert not combo.isVisibleTo(page) and shown.isVisibleTo(page) and shown.text() == "FB-LINK-1"
