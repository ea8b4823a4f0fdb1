"""The import pipeline from parsed rows on, against real SQLCipher shops: all or nothing,
re-import creates nothing, undo restores exactly, search finds imported customers, roles."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

import pytest

from desktop.core.errors import PermissionDeniedError
from desktop.core.import_types import (
    CustomerFields,
    FeedbackFields,
    ImportTarget,
    ItemFields,
    MatchPolicy,
    OrderFields,
    ParsedRow,
    RowAction,
    RowKind,
)
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerDraft, CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.import_api import ImportCounts
from desktop.services.imports_run import (
    BatchAlreadyUndoneError,
    RowSource,
    dry_run_rows,
    run_rows,
    undo,
)
from desktop.services.session import Session
from tests.support.shops import ShopFixture

PASSWORD = "Another-horse-77"
TABLES = ("customers", "customer_tags", "customer_name_grams", "customer_accounts", "orders",
          "order_items", "feedback")


@pytest.fixture
def sessions(shop: ShopFixture) -> dict[Role, Session]:
    accounts = shop.workspace.accounts
    made = {Role.OWNER: shop.owner}
    for role in (Role.MANAGER, Role.STAFF, Role.AUDITOR):
        made[role] = Session(accounts.add_user(shop.owner, f"{role.value}1", role, PASSWORD))
    return made


def snapshot(shop: ShopFixture) -> dict[str, list[tuple[object, ...]]]:
    conn = shop.workspace.shop.db.conn
    return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in TABLES}


def members(rows: Sequence[tuple[int, str, str, str]]) -> list[ParsedRow]:
    """(row, name, phone, member_no) → membership rows."""
    return [ParsedRow(row, RowKind.DATA, customer=CustomerFields(
        name=name, phone=phone or None, member_no=member or None, points=100,
        tags=("会员",))) for row, name, phone, member in rows]


SHEET = members([
    (2, "张三", "+8613800000001", "M001"),
    (3, "李四", "+8613800000002", "M002"),
    (4, "张三", "+8613800000001", ""),  # duplicate of row 2
    (5, "王五", "", ""),  # no identifier
    (6, "赵六", "", "M006"),
])


def source(rows: Sequence[ParsedRow], name: str = "会员.xlsx") -> RowSource:
    return RowSource(name, "Sheet1", list(rows), len(rows))


def customers_run(shop: ShopFixture, session: Session, rows: Sequence[ParsedRow],
                  policy: MatchPolicy = MatchPolicy.FILL_EMPTY) -> ImportCounts:
    return run_rows(shop.workspace, session, source(rows), ImportTarget.CUSTOMERS, policy).counts


def test_import_then_the_same_file_again_creates_nothing(
    shop: ShopFixture, sessions: dict[Role, Session]
) -> None:
    first = customers_run(shop, shop.owner, SHEET)
    assert first == ImportCounts(created=3, duplicates=1, rejected=1, customers_created=3)
    after_first = snapshot(shop)
    second = customers_run(shop, shop.owner, SHEET)
    assert second == ImportCounts(skipped=3, duplicates=1, rejected=1)
    assert snapshot(shop) == after_first
    overwrite = customers_run(shop, shop.owner, SHEET, MatchPolicy.OVERWRITE)
    assert overwrite.created == overwrite.updated == 0


def test_dry_run_labels_rows_masked_for_a_manager_and_writes_nothing(
    shop: ShopFixture, sessions: dict[Role, Session]
) -> None:
    before = snapshot(shop)
    report = dry_run_rows(shop.workspace, sessions[Role.MANAGER], source(SHEET),
                          ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY)
    assert snapshot(shop) == before
    assert [(r.row, r.action, r.same_as_row) for r in report.rows] == [
        (2, RowAction.CREATE, None), (3, RowAction.CREATE, None),
        (4, RowAction.DUPLICATE, 2), (5, RowAction.ERROR, None), (6, RowAction.CREATE, None),
    ]
    assert report.rows[0].label == "张* 138****0001"
    assert report.rows[3].issues[0].text() == (
        "This row has no phone, member number, e-mail or platform account.")
    owner_report = dry_run_rows(shop.workspace, shop.owner, source(SHEET),
                                ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY)
    assert owner_report.rows[0].label == "张三 138 0000 0001"  # as the shop reads it


@pytest.mark.parametrize("role", [Role.STAFF, Role.AUDITOR])
def test_staff_and_auditor_may_not_import(
    shop: ShopFixture, sessions: dict[Role, Session], role: Role
) -> None:
    with pytest.raises(PermissionDeniedError):
        dry_run_rows(shop.workspace, sessions[role], source(SHEET), ImportTarget.CUSTOMERS,
                     MatchPolicy.FILL_EMPTY)
    with pytest.raises(PermissionDeniedError):
        customers_run(shop, sessions[role], SHEET)
    with pytest.raises(PermissionDeniedError):
        undo(shop.workspace, sessions[role], 1)


def test_imported_customers_are_found_like_added_ones(shop: ShopFixture) -> None:
    customers_run(shop, shop.owner, [ParsedRow(2, RowKind.DATA, customer=CustomerFields(
        name="欧阳娜娜", phone="+8613912345678", email="nana@example.com", member_no="VIP77",
        wechat_id="nana_wx"))])
    service = CustomerService(shop.workspace)
    for text in ("欧阳", "娜", "ouyang", "oynn", "nana@example", "VIP77", "5678",
                 "139 1234 5678", "nana_wx"):
        page = service.ids(shop.owner, CustomerFilter(text=text), CustomerSort.NEWEST, 10)
        assert len(page.ids) == 1, text


def test_cancel_from_progress_leaves_the_shop_as_it_was(shop: ShopFixture) -> None:
    before = snapshot(shop)
    audit_before = shop.workspace.shop.db.audit.count()
    rows = members([(n + 2, f"客户{n}", f"+86137{n:08d}", "") for n in range(5_000)])

    def cancel(done: int, total: int) -> None:
        if done > 700:  # writing has started
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_rows(shop.workspace, shop.owner, source(rows), ImportTarget.CUSTOMERS,
                 MatchPolicy.FILL_EMPTY, cancel)
    assert snapshot(shop) == before
    assert shop.workspace.shop.db.audit.count() == audit_before
    assert shop.workspace.shop.db.conn.execute(
        "SELECT count(*) FROM import_batches").fetchone()[0] == 0


def _existing(shop: ShopFixture) -> tuple[int, int]:
    service = CustomerService(shop.workspace)
    kept = service.add(shop.owner, CustomerDraft(name="张三", phone="13800000001",
                                                 member_no="M001", tags="老客"))
    other = service.add(shop.owner, CustomerDraft(name="钱七", phone="13800000009"))
    return kept, other


def test_undo_restores_every_table_exactly_and_is_audited(
    shop: ShopFixture,
) -> None:
    _existing(shop)
    before = snapshot(shop)
    rows = [*SHEET, ParsedRow(7, RowKind.DATA, customer=CustomerFields(
        phone="+8613800000009", name="钱七七", city="杭州", platform="taobao",
        platform_account="qian7", tags=("淘宝",)))]
    result = run_rows(shop.workspace, shop.owner, source(rows), ImportTarget.CUSTOMERS,
                      MatchPolicy.OVERWRITE)
    assert (result.counts.created, result.counts.updated) == (2, 2)
    assert snapshot(shop) != before
    counts = undo(shop.workspace, shop.owner, result.batch_id)
    assert (counts.customers_created, counts.customers_updated, counts.skipped) == (2, 2, 0)
    assert snapshot(shop) == before
    service = CustomerService(shop.workspace)

    def found(text: str) -> int:
        return len(service.ids(shop.owner, CustomerFilter(text=text), CustomerSort.NEWEST, 5).ids)

    assert (found("钱七七"), found("钱七"), found("qian7")) == (0, 1, 0)
    with pytest.raises(BatchAlreadyUndoneError):
        undo(shop.workspace, shop.owner, result.batch_id)
    trail = shop.workspace.trail
    assert trail.verify().ok
    actions = [r.action for r in shop.workspace.shop.db.audit.iter_all()]
    assert actions[-2:] == ["import.completed", "import.undone"]
    details = json.loads(list(shop.workspace.shop.db.audit.iter_all())[-2].details)
    assert details["created"] == 2 and details["file"] == "会员.xlsx"
    assert "张三" not in json.dumps(details, ensure_ascii=False)


def test_undo_leaves_records_changed_since_and_reports_them(shop: ShopFixture) -> None:
    kept, _ = _existing(shop)
    result = run_rows(shop.workspace, shop.owner, source(SHEET), ImportTarget.CUSTOMERS,
                      MatchPolicy.OVERWRITE)
    service = CustomerService(shop.workspace)
    new_ids = service.ids(shop.owner, CustomerFilter(text="李四"), CustomerSort.NEWEST, 5).ids
    service.update(shop.owner, new_ids[0], CustomerDraft(name="李四", phone="13800000002",
                                                         member_no="M002", notes="改过"))
    counts = undo(shop.workspace, shop.owner, result.batch_id)
    assert counts.skipped == 1
    assert service.profile(shop.owner, new_ids[0]).notes == "改过"
    assert service.profile(shop.owner, kept).points == 0, "the update was restored"


def order_rows() -> Iterator[ParsedRow]:
    buyer = CustomerFields(name="买家甲", phone="+8613500000001", platform="taobao",
                           platform_account="buyer_a")
    for row, order_no, item in ((2, "4402367891234567890", "茶叶"),
                                (3, "4402367891234567890", "茶杯"),
                                (4, "A-2", "茶壶")):
        yield ParsedRow(row, RowKind.DATA, customer=buyer, order=OrderFields(
            order_no=order_no, channel="taobao", status="paid",
            ordered_at="2025-05-01T02:00:00+00:00", total_cents=9900,
            items=(ItemFields(item, 2, "", 1000),)))


def test_orders_then_feedback_link_up_and_reimport_creates_nothing(shop: ShopFixture) -> None:
    workspace = shop.workspace
    first = run_rows(workspace, shop.owner, source(list(order_rows())), ImportTarget.ORDERS,
                     MatchPolicy.FILL_EMPTY).counts
    assert first == ImportCounts(created=2, duplicates=1, orders_created=2, customers_created=1)
    again = run_rows(workspace, shop.owner, source(list(order_rows())), ImportTarget.ORDERS,
                     MatchPolicy.FILL_EMPTY).counts
    assert again == ImportCounts(skipped=2, duplicates=1)
    conn = workspace.shop.db.conn
    assert conn.execute("SELECT order_no, (SELECT count(*) FROM order_items i WHERE"
                        " i.order_id = o.id) FROM orders o ORDER BY id").fetchall() == [
        ("4402367891234567890", 2), ("A-2", 1)]
    reviews = [ParsedRow(2, RowKind.DATA, customer=CustomerFields(platform="taobao",
                                                                  platform_account="buyer_a"),
                         feedback=FeedbackFields(kind="review", content="好茶", rating=5,
                                                 received_at="2025-05-09T00:00:00+00:00",
                                                 order_no="A-2"))]
    made = run_rows(workspace, shop.owner, source(reviews), ImportTarget.FEEDBACK,
                    MatchPolicy.FILL_EMPTY).counts
    assert (made.created, made.feedback_created) == (1, 1)
    assert conn.execute(
        "SELECT f.customer_id = o.customer_id, o.order_no FROM feedback f"
        " JOIN orders o ON o.id = f.order_id").fetchall() == [(1, "A-2")]
    repeat = run_rows(workspace, shop.owner, source(reviews), ImportTarget.FEEDBACK,
                      MatchPolicy.FILL_EMPTY).counts
    assert (repeat.created, repeat.skipped) == (0, 1)


def test_a_large_import_drops_and_rebuilds_the_indexes_exactly(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.store.imports.BULK_LOAD_FROM", 3)
    conn = shop.workspace.shop.db.conn
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    before = conn.execute(indexes).fetchall()
    counts = customers_run(shop, shop.owner, SHEET)
    assert counts.customers_created == 3
    assert conn.execute(indexes).fetchall() == before
    plan = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM customers WHERE phone = ?",
                        ("+8613800000001",)).fetchall()
    assert "ix_customers_phone" in str(plan)
    service = CustomerService(shop.workspace)
    assert len(service.ids(shop.owner, CustomerFilter(text="赵六"), CustomerSort.NAME, 5).ids) == 1


def test_undo_of_orders_and_feedback_imports(shop: ShopFixture) -> None:
    workspace = shop.workspace
    before = snapshot(shop)
    orders = run_rows(workspace, shop.owner, source(list(order_rows())), ImportTarget.ORDERS,
                      MatchPolicy.FILL_EMPTY)
    reviews = [ParsedRow(2, RowKind.DATA, customer=CustomerFields(phone="+8613500000001"),
                         feedback=FeedbackFields(kind="review", content="好茶", rating=5,
                                                 received_at="2025-05-09T00:00:00+00:00",
                                                 order_no="A-2"))]
    feedback = run_rows(workspace, shop.owner, source(reviews), ImportTarget.FEEDBACK,
                        MatchPolicy.FILL_EMPTY)
    # the orders' import cannot take its buyer away while the later feedback refers to them
    kept = undo(workspace, shop.owner, orders.batch_id)
    assert (kept.orders_created, kept.customers_created, kept.skipped) == (1, 0, 2)
    assert undo(workspace, shop.owner, feedback.batch_id).feedback_created == 1
    assert snapshot(shop) != before
    conn = workspace.shop.db.conn
    assert conn.execute("SELECT order_no FROM orders").fetchall() == [("A-2",)]


def test_undo_in_reverse_order_restores_exactly(shop: ShopFixture) -> None:
    workspace = shop.workspace
    before = snapshot(shop)
    orders = run_rows(workspace, shop.owner, source(list(order_rows())), ImportTarget.ORDERS,
                      MatchPolicy.FILL_EMPTY)
    reviews = [ParsedRow(2, RowKind.DATA, customer=CustomerFields(phone="+8613500000001"),
                         feedback=FeedbackFields(kind="review", content="好茶",
                                                 received_at="2025-05-09T00:00:00+00:00",
                                                 order_no="A-2"))]
    feedback = run_rows(workspace, shop.owner, source(reviews), ImportTarget.FEEDBACK,
                        MatchPolicy.FILL_EMPTY)
    assert undo(workspace, shop.owner, feedback.batch_id).skipped == 0
    counts = undo(workspace, shop.owner, orders.batch_id)
    assert (counts.orders_created, counts.customers_created, counts.skipped) == (2, 1, 0)
    assert snapshot(shop) == before
