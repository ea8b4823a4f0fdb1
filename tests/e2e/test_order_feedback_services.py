"""OrderService and FeedbackService against a real shop: filters, keyset paging, masking per
role, validation, the feedback status flow, the overdue rule and the audit trail."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.core.errors import FieldErrors, InvalidInputError, PermissionDeniedError
from desktop.core.models import Customer, Feedback, FeedbackKind, FeedbackStatus
from desktop.core.roles import Role
from desktop.services.demo import load_demo_data
from desktop.services.feedback import COMPLAINT_OVERDUE_AFTER, FeedbackService
from desktop.services.order_views import (
    FeedbackDraft,
    FeedbackFilter,
    OrderDraft,
    OrderFilter,
    OrderItemDraft,
)
from desktop.services.orders import OrderService
from desktop.services.session import Session

PHONE = "+8613812345678"
SHOWN_PHONE = "138 1234 5678"
ADDRESS = "北京市朝阳区建国路88号院3号楼1201"
CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
NOTES = "（急）客户电话：13812345678，请尽快"


@dataclasses.dataclass
class Shop:
    orders: OrderService
    feedback: FeedbackService
    owner: Session
    manager: Session
    staff: Session
    staff2: Session
    auditor: Session
    customer_id: int
    workspace: object


@pytest.fixture
def s(shop) -> Shop:
    db = shop.workspace.shop.db
    with db.transaction():
        users = {
            name: Session(db.users.add(name, role, "unused-hash"))
            for name, role in (("zhao", Role.MANAGER), ("li", Role.STAFF), ("chen", Role.STAFF),
                               ("audit", Role.AUDITOR))
        }
    customer_id = db.customers.add(Customer(id=None, name="王芳", phone=PHONE, member_no="M1"))
    clock = lambda: NOW  # noqa: E731
    return Shop(
        OrderService(shop.workspace, tz=CST, clock=clock),
        FeedbackService(shop.workspace, tz=CST, clock=clock),
        shop.owner, users["zhao"], users["li"], users["chen"], users["audit"], customer_id,
        shop.workspace,
    )


def draft(customer_id=None, **changes) -> OrderDraft:
    base = OrderDraft(
        order_no="4001234567890123456", channel="淘宝", status="paid",
        ordered_at="2026-03-01 09:30", customer_id=customer_id, ship_name="王芳",
        ship_phone="138 1234 5678", ship_address=ADDRESS, notes=NOTES,
        discount="¥5.00", shipping="8",
        items=(OrderItemDraft("保温杯 500ml", "2", "89.00", "CUP-500"),
               OrderItemDraft("手机壳", "1", "¥29.90")),
    )
    return dataclasses.replace(base, **changes)


def strings(value) -> list[str]:
    """Every string inside a view object (dataclasses, tuples, lists, sets)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) for t in strings(getattr(value, f.name))]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [t for v in value for t in strings(v)]
    return []


def leaks(value) -> list[str]:
    found = []
    for text in strings(value):
        digits = "".join(c for c in text if c.isdigit())
        if "13812345678" in digits or "建国路" in text or "王芳" in text:
            found.append(text)
    return found


def audit_entries(s: Shop, action: str):
    return [e for e in s.workspace.shop.db.audit.iter_all() if e.action == action]


# ------------------------------------------------------------------------------ orders


def test_add_order_computes_amounts_normalises_phone_and_audits_to_customer(s):
    order_id = s.orders.add(s.staff, draft(s.customer_id))
    detail = s.orders.detail(s.owner, order_id)
    assert detail.total_cents == 2 * 8900 + 2990
    assert detail.payable_cents == detail.total_cents - 500 + 800
    assert detail.paid_cents == detail.payable_cents  # empty "paid" = payable for paid orders
    assert detail.ship_phone == SHOWN_PHONE and detail.ship_address == ADDRESS
    assert stored_ship_phone(s, order_id) == PHONE
    assert detail.ordered_at == "2026-03-01T01:30:00.000000+00:00"  # 09:30 in UTC+8
    assert [i.amount_cents for i in detail.items] == [17_800, 2_990]
    (entry,) = audit_entries(s, "order.added")
    assert entry.target == f"customer:{s.customer_id}"
    assert "王芳" not in entry.details and "138" not in entry.details


def test_staff_and_manager_see_masked_orders_everywhere(s):
    order_id = s.orders.add(s.owner, draft(s.customer_id))
    for session in (s.staff, s.manager):
        views = [
            s.orders.page(session, OrderFilter()), s.orders.rows(session, [order_id]),
            s.orders.detail(session, order_id), s.orders.lookup_customers(session, PHONE),
            s.orders.customer_ref(session, s.customer_id),
        ]
        assert leaks(views) == []
        detail = s.orders.detail(session, order_id)
        assert detail.ship_phone == "138****5678"
        assert detail.ship_address.startswith("北京市朝阳区") and "****" in detail.ship_address
        assert detail.customer.name == "王*"
        assert {"ship_phone", "ship_address", "ship_name", "notes"} <= detail.masked
    assert leaks(s.orders.detail(s.owner, order_id)) != []  # the owner sees in clear
    with pytest.raises(PermissionDeniedError):
        s.orders.page(s.auditor, OrderFilter())


def test_staff_can_find_the_customer_by_the_full_phone_but_sees_it_masked(s):
    (ref,) = s.orders.lookup_customers(s.staff, "138-1234-5678")
    assert ref.id == s.customer_id and ref.phone == "138****5678"
    assert [r.id for r in s.orders.lookup_customers(s.staff, "5678")] == [s.customer_id]


def test_manager_edit_of_masked_order_keeps_stored_personal_data(s):
    order_id = s.orders.add(s.owner, draft(s.customer_id))
    form = s.orders.draft_for_edit(s.manager, order_id)
    assert form.ship_phone == "138****5678" and form.paid
    s.orders.update(s.manager, order_id, dataclasses.replace(form, status="shipped"))
    detail = s.orders.detail(s.owner, order_id)
    assert detail.status == "shipped"
    assert (detail.ship_phone, detail.ship_address) == (SHOWN_PHONE, ADDRESS)
    assert stored_ship_phone(s, order_id) == PHONE
    assert detail.notes == NOTES  # full-width punctuation kept
    assert detail.ordered_at == "2026-03-01T01:30:00.000000+00:00"
    (entry,) = audit_entries(s, "order.updated")
    assert entry.target == f"customer:{s.customer_id}" and '"fields": "status"' in entry.details
    with pytest.raises(PermissionDeniedError):
        s.orders.update(s.staff, order_id, form)


def test_owner_sees_the_ship_phone_formatted_and_saves_the_form_back_unchanged(s):
    order_id = s.orders.add(s.owner, draft(s.customer_id, ship_phone="+44 20 7946 0958"))
    form = s.orders.draft_for_edit(s.owner, order_id)
    assert form.ship_phone == "+44 20 7946 0958"
    assert s.orders.customer_ref(s.owner, s.customer_id).phone == SHOWN_PHONE
    s.orders.update(s.owner, order_id, dataclasses.replace(form, status="shipped"))
    assert stored_ship_phone(s, order_id) == "+442079460958"
    (entry,) = audit_entries(s, "order.updated")
    assert '"fields": "status"' in entry.details


def stored_ship_phone(s: Shop, order_id: int) -> str | None:
    order = s.workspace.shop.db.orders.get(order_id)
    assert order is not None
    return order.ship_phone


def test_edit_replaces_items_in_one_change(s):
    order_id = s.orders.add(s.owner, draft(s.customer_id))
    form = s.orders.draft_for_edit(s.owner, order_id)
    s.orders.update(s.owner, order_id, dataclasses.replace(
        form, items=(OrderItemDraft("纯棉T恤", "3", "59"),), discount="0", paid=""))
    detail = s.orders.detail(s.owner, order_id)
    assert [(i.product_name, i.quantity) for i in detail.items] == [("纯棉T恤", 3)]
    assert detail.total_cents == 17_700 and detail.paid_cents == 17_700 + 800


def test_validation_names_every_bad_field(s):
    bad = draft(
        order_no=" ", status="lost", ordered_at="2026-02-30", ship_phone="12ab", discount="x",
        shipping="-3", customer_id=999_999,
        items=(OrderItemDraft("", "0", "1,23.4"), OrderItemDraft("", "", "", ""),
               OrderItemDraft("帆布包", "2", "abc")),
    )
    with pytest.raises(FieldErrors) as caught:
        s.orders.add(s.staff, bad)
    assert set(caught.value.errors) == {
        "order_no", "status", "ordered_at", "ship_phone", "discount", "shipping", "customer",
        "item.0.product_name", "item.0.quantity", "item.0.unit_price", "item.2.unit_price",
    }
    with pytest.raises(FieldErrors) as caught:
        s.orders.add(s.staff, draft(items=()))
    assert caught.value.errors == {"items": "Add at least one item."}
    s.orders.add(s.staff, draft())
    with pytest.raises(FieldErrors) as caught:
        s.orders.add(s.staff, draft())
    assert set(caught.value.errors) == {"order_no"}  # same channel and number


def test_filters_count_and_keyset_pages_newest_first(shop, s):
    load_demo_data(shop.workspace, shop.owner, 300)
    everything = OrderFilter()
    total = s.orders.count(s.staff, everything)
    seen, cursor = [], None
    while True:
        page = s.orders.page(s.staff, everything, cursor, limit=97)
        seen += page.rows
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == total == len({r.id for r in seen})
    keys = [(r.ordered_at, r.id) for r in seen]
    assert keys == sorted(keys, reverse=True)
    channels = s.orders.channels(s.staff)
    assert "淘宝" in channels and channels == sorted(channels)
    flt = OrderFilter(status="completed", channel="淘宝", date_from=date(2020, 1, 1),
                      date_to=date(2023, 12, 31))
    rows = s.orders.page(s.staff, flt, limit=1000).rows
    assert rows and len(rows) == s.orders.count(s.staff, flt)
    assert all(r.status == "completed" and r.channel == "淘宝" for r in rows)
    assert all("2019-12-31T16" <= r.ordered_at < "2023-12-31T16" for r in rows)  # UTC+8 days
    assert leaks(rows) == [] and all("****" in r.ship_phone or not r.ship_phone for r in rows)
    with pytest.raises(FieldErrors):
        s.orders.count(s.staff, OrderFilter(date_from=date(2024, 2, 1), date_to=date(2024, 1, 1)))


# ---------------------------------------------------------------------------- feedback


def add_complaint(s: Shop, session: Session, hours_ago: float, **changes) -> int:
    received = (NOW - timedelta(hours=hours_ago)).astimezone(CST).strftime("%Y-%m-%d %H:%M")
    base = FeedbackDraft(kind="complaint", content="快递没到，请回电 13812345678", rating="1",
                         channel="电话", received_at=received, customer_id=s.customer_id)
    return s.feedback.add(session, dataclasses.replace(base, **changes))


def test_overdue_rule_is_48_hours_for_unresolved_complaints(s):
    assert timedelta(hours=48) == COMPLAINT_OVERDUE_AFTER
    old = add_complaint(s, s.staff, 49)
    fresh = add_complaint(s, s.staff, 47)
    inquiry = add_complaint(s, s.staff, 100, kind="inquiry")
    rows = {r.id: r for r in s.feedback.page(s.staff, FeedbackFilter()).rows}
    assert (rows[old].overdue, rows[fresh].overdue, rows[inquiry].overdue) == (True, False, False)
    assert s.feedback.overdue_count(s.staff) == 1
    only = s.feedback.page(s.staff, FeedbackFilter(overdue_only=True)).rows
    assert [r.id for r in only] == [old]
    s.feedback.set_status(s.manager, old, "resolved", resolution="已补发")
    assert s.feedback.overdue_count(s.staff) == 0


def test_status_flow_permissions_and_audit(s):
    item = add_complaint(s, s.staff, 1)
    detail = s.feedback.detail(s.staff, item)
    assert not detail.can_handle and detail.can_take and detail.next_statuses == ()
    with pytest.raises(PermissionDeniedError):
        s.feedback.set_status(s.staff, item, "in_progress")
    s.feedback.take(s.staff, item)
    detail = s.feedback.detail(s.staff, item)
    assert detail.can_handle and detail.next_statuses == ("in_progress", "resolved")
    s.feedback.set_status(s.staff, item, "in_progress")
    with pytest.raises(FieldErrors) as caught:  # a complaint needs a resolution note
        s.feedback.set_status(s.staff, item, "resolved")
    assert set(caught.value.errors) == {"resolution"}
    s.feedback.set_status(s.staff, item, "resolved", resolution="已退款")
    stored = s.workspace.shop.db.feedback.get(item)
    assert stored.status is FeedbackStatus.RESOLVED and stored.resolved_at == NOW.isoformat(
        timespec="microseconds")
    with pytest.raises(InvalidInputError):  # staff cannot reopen
        s.feedback.set_status(s.staff, item, "open")
    s.feedback.set_status(s.manager, item, "in_progress")
    assert s.workspace.shop.db.feedback.get(item).resolved_at is None
    steps = [(e.target, e.details) for e in audit_entries(s, "feedback.status_changed")]
    assert [t for t, _ in steps] == [f"customer:{s.customer_id}"] * 3
    assert '"from": "in_progress"' in steps[1][1] and '"to": "resolved"' in steps[1][1]
    assert all("13812345678" not in d and "快递" not in d for _, d in steps)
    assert audit_entries(s, "feedback.added")[0].target == f"customer:{s.customer_id}"


def test_staff_handles_only_their_own_items(s):
    item = add_complaint(s, s.staff, 1, assignee_id=s.staff2.user.id)
    with pytest.raises(PermissionDeniedError):
        s.feedback.set_resolution(s.staff, item, "x")
    with pytest.raises(PermissionDeniedError):
        s.feedback.assign(s.staff, item, s.staff.user.id)
    s.feedback.set_resolution(s.staff2, item, "已电话回访")
    s.feedback.assign(s.staff2, item, s.staff.user.id)  # hands it over
    assert s.feedback.detail(s.staff, item).can_handle
    assert not s.feedback.detail(s.staff2, item).can_handle
    with pytest.raises(FieldErrors):
        s.feedback.assign(s.manager, item, s.auditor.user.id)  # auditors take no feedback
    names = [u.username for u in s.feedback.assignable_users(s.staff)]
    assert names == ["wang", "zhao", "li", "chen"]


def test_my_open_items_filter(s):
    mine = add_complaint(s, s.staff, 1, assignee_id=s.staff.user.id)
    done = add_complaint(s, s.staff, 2, assignee_id=s.staff.user.id, kind="inquiry")
    add_complaint(s, s.staff, 3, assignee_id=s.staff2.user.id)
    add_complaint(s, s.staff, 4)
    s.feedback.set_status(s.staff, done, "resolved")
    flt = FeedbackFilter(mine_open=True)
    assert [r.id for r in s.feedback.page(s.staff, flt).rows] == [mine]
    assert s.feedback.count(s.staff, flt) == 1
    kinds = s.feedback.page(s.staff, FeedbackFilter(kind="inquiry")).rows
    assert [r.id for r in kinds] == [done]
    assert [r.id for r in s.feedback.page(s.staff, FeedbackFilter(status="resolved")).rows] \
        == [done]


def test_feedback_masked_for_staff_and_masked_resolution_kept_on_save(s):
    order_id = s.orders.add(s.owner, draft(s.customer_id))
    item = add_complaint(s, s.owner, 1, order_id=order_id, assignee_id=s.staff.user.id)
    s.feedback.set_resolution(s.owner, item, "已回电 13812345678")
    detail = s.feedback.detail(s.staff, item)
    views = [detail, s.feedback.page(s.staff, FeedbackFilter()), s.feedback.rows(s.staff, [item]),
             s.feedback.order_choices(s.staff, s.customer_id)]
    assert leaks(views) == []
    assert detail.order_no == "4001234567890123456" and "138****5678" in detail.content
    s.feedback.set_status(s.staff, item, "resolved", resolution=detail.resolution)
    stored = s.workspace.shop.db.feedback.get(item)
    assert stored.resolution == "已回电 13812345678"  # the masked text did not overwrite it


def test_feedback_validation_and_order_link(s):
    other = s.workspace.shop.db.customers.add(Customer(id=None, name="李雷"))
    other_order = s.orders.add(s.owner, draft(other, order_no="X1"))
    bad = FeedbackDraft(kind="praise", rating="6", received_at="soon", customer_id=s.customer_id,
                        order_id=other_order, assignee_id=s.auditor.user.id)
    with pytest.raises(FieldErrors) as caught:
        s.feedback.add(s.staff, bad)
    assert set(caught.value.errors) == {"kind", "rating", "received_at", "order"}
    with pytest.raises(FieldErrors) as caught:
        s.feedback.add(s.staff, FeedbackDraft(kind="review"))
    assert set(caught.value.errors) == {"content"}
    item = s.feedback.add(s.staff, FeedbackDraft(kind="review", rating="5"))
    assert s.workspace.shop.db.feedback.get(item).rating == 5
    own = s.orders.add(s.owner, draft(s.customer_id, order_no="X2"))
    item = add_complaint(s, s.staff, 1)
    s.feedback.link_order(s.manager, item, own)
    assert s.feedback.detail(s.staff, item).order_no == "X2"
    with pytest.raises(FieldErrors):
        s.feedback.link_order(s.manager, item, other_order)
    form = s.feedback.draft_for_edit(s.manager, item)
    s.feedback.update(s.manager, item, dataclasses.replace(form, kind="inquiry"))
    stored = s.workspace.shop.db.feedback.get(item)
    assert stored.kind is FeedbackKind.INQUIRY and "13812345678" in stored.content
    updates = audit_entries(s, "feedback.updated")
    assert [e.details.count("fields") for e in updates] == [1, 1]


def test_feedback_without_customer_is_audited_under_its_own_id(s):
    item = s.feedback.add(s.staff, FeedbackDraft(kind="suggestion", content="多些颜色"))
    (entry,) = audit_entries(s, "feedback.added")
    assert entry.target == f"feedback:{item}"
    assert isinstance(s.workspace.shop.db.feedback.get(item), Feedback)
