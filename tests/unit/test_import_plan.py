"""Identity and planning rules of an import, on constructed rows (no file, no database: the
shop's side is a small in-memory ShopLookup holding stored records)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from desktop.core.import_records import ShopMatches, new_ref
from desktop.core.import_types import (
    CustomerFields,
    FeedbackFields,
    ImportTarget,
    ItemFields,
    MatchPolicy,
    OrderFields,
    ParsedRow,
    RowAction,
    RowIssue,
    RowKind,
)
from desktop.core.models import (
    Customer,
    Feedback,
    FeedbackKind,
    Order,
    OrderItem,
    OrderStatus,
)
from desktop.exchange import plan as p
from desktop.exchange.identity import contradicts, filled, identity_keys
from desktop.exchange.plan import Planner
from desktop.exchange.plan_reasons import (
    CONFLICT_PHONE_SHOP,
    FIELD_KEPT,
    ORDER_BUYER_SET,
    ORDER_ITEMS_KEPT,
)
from desktop.exchange.plan_records import PlanResult


class MemoryShop:
    """Stored customers, orders and feedback, answering like the store does."""

    def __init__(
        self, customers: Sequence[Customer] = (), accounts: Mapping[int, set[tuple[str, str]]]
        | None = None, orders: Sequence[Order] = (), feedback: Sequence[Feedback] = (),
    ) -> None:
        self.customers = {c.id: c for c in customers if c.id is not None}
        self.accounts = accounts or {}
        self.orders = list(orders)
        self.feedback = list(feedback)
        self.calls = 0

    def customers_matching(self, keys: Collection[tuple[str, ...]]) -> ShopMatches:
        self.calls += 1
        by_phone: dict[str, int] = {}
        by_member: dict[str, int] = {}
        by_email: dict[str, int] = {}
        by_account: dict[tuple[str, str], int] = {}
        for cid, c in sorted(self.customers.items()):
            if c.phone and ("phone", c.phone) in keys:
                by_phone.setdefault(c.phone, cid)
            if c.member_no and ("member", c.member_no) in keys:
                by_member.setdefault(c.member_no, cid)
            if c.email and ("email", c.email.lower()) in keys:
                by_email.setdefault(c.email.lower(), cid)
            for platform, account in self.accounts.get(cid, set()):
                if ("account", platform, account) in keys:
                    by_account[(platform, account)] = cid
        found = {*by_phone.values(), *by_member.values(), *by_email.values(),
                 *by_account.values()}
        return ShopMatches(
            {cid: self.customers[cid] for cid in found}, by_phone, by_member, by_email,
            by_account, {cid: frozenset(self.accounts.get(cid, set())) for cid in found},
        )

    def orders_numbered(self, order_nos: Collection[str]) -> Mapping[str, Order]:
        return {o.order_no: o for o in self.orders if o.order_no in order_nos}

    def feedback_linked(
        self, customer_ids: Collection[int], order_ids: Collection[int]
    ) -> Sequence[Feedback]:
        return [f for f in self.feedback
                if f.customer_id in customer_ids or f.order_id in order_ids]


def person(row: int, **fields: object) -> ParsedRow:
    return ParsedRow(row, RowKind.DATA, customer=CustomerFields(**fields))  # type: ignore[arg-type]


def plan(
    rows: Sequence[ParsedRow], *, target: ImportTarget = ImportTarget.CUSTOMERS,
    policy: MatchPolicy = MatchPolicy.FILL_EMPTY, shop: MemoryShop | None = None,
) -> PlanResult:
    return Planner(target, policy, shop or MemoryShop(), now="2026-01-01T00:00:00+00:00").plan(
        rows
    )


def actions(result: PlanResult) -> list[tuple[int, RowAction, int | None]]:
    return [(v.row, v.action, v.same_as_row) for v in result.rows]


def errors(result: PlanResult) -> dict[int, list[str]]:
    return {v.row: [i.text() for i in v.issues if not i.warning]
            for v in result.rows if v.action is RowAction.ERROR}


PHONE_A, PHONE_B = "+8613800000001", "+8613800000002"


# ---------------------------------------------------------------- identity


def test_keys_come_strongest_first_and_email_is_case_folded() -> None:
    fields = CustomerFields(phone=PHONE_A, member_no="M1", email="Li@Example.com",
                            platform="taobao", platform_account="li_nick")
    assert list(identity_keys(fields)) == [
        ("phone", PHONE_A), ("member", "M1"), ("email", "li@example.com"),
        ("account", "taobao", "li_nick"),
    ]


def test_contradiction_is_another_phone_or_another_member_number() -> None:
    assert contradicts(CustomerFields(phone=PHONE_A), CustomerFields(phone=PHONE_B))
    assert contradicts(CustomerFields(member_no="1"), CustomerFields(member_no="2"))
    assert not contradicts(CustomerFields(phone=PHONE_A), CustomerFields(member_no="2"))


def test_later_row_fills_only_empty_fields_and_unites_tags() -> None:
    first = CustomerFields(name="张三", phone=PHONE_A, tags=("vip",))
    later = CustomerFields(name="张叁", phone=PHONE_A, email="z@x.cn", tags=("vip", "新客"))
    merged = filled(first, later)
    assert (merged.name, merged.email, merged.tags) == ("张三", "z@x.cn", ("vip", "新客"))


# ---------------------------------------------------------------- one file


def test_duplicate_rows_merge_into_the_first() -> None:
    result = plan([
        person(2, name="张三", phone=PHONE_A),
        person(3, name="李四", phone=PHONE_B),
        person(4, name="张三", phone=PHONE_A, email="zhang@example.com", points=120),
        person(5, member_no="M9", email="ZHANG@example.com"),
    ])
    assert actions(result) == [
        (2, RowAction.CREATE, None), (3, RowAction.CREATE, None),
        (4, RowAction.DUPLICATE, 2), (5, RowAction.DUPLICATE, 2),
    ]
    first = result.plan.new_customers[0]
    assert (first.email, first.points, first.member_no) == ("zhang@example.com", 120, "M9")
    assert len(result.plan.new_customers) == 2


def test_same_name_with_another_phone_is_another_person() -> None:
    result = plan([person(2, name="王芳", phone=PHONE_A), person(3, name="王芳", phone=PHONE_B)])
    assert [v.action for v in result.rows] == [RowAction.CREATE, RowAction.CREATE]
    assert len(result.plan.new_customers) == 2


def test_each_identifier_alone_matches_in_order_of_strength() -> None:
    result = plan([
        person(2, member_no="M1", name="甲"),
        person(3, member_no="M1", phone=PHONE_A),
        person(4, email="a@b.cn"),
        person(5, email="A@B.CN", name="乙"),
        person(6, platform="taobao", platform_account="nick"),
        person(7, platform="taobao", platform_account="nick", email="n@b.cn"),
        person(8, platform="jd", platform_account="nick"),
    ])
    assert actions(result) == [
        (2, RowAction.CREATE, None), (3, RowAction.DUPLICATE, 2), (4, RowAction.CREATE, None),
        (5, RowAction.DUPLICATE, 4), (6, RowAction.CREATE, None), (7, RowAction.DUPLICATE, 6),
        (8, RowAction.CREATE, None),
    ]
    assert [(a.platform, a.account) for a in result.plan.new_accounts] == [
        ("taobao", "nick"), ("jd", "nick")]


def test_contradicting_rows_are_errors_naming_the_other_row() -> None:
    result = plan([
        person(2, phone=PHONE_A, member_no="M1"),
        person(3, phone=PHONE_B, member_no="M1"),
    ])
    assert actions(result)[1][1] is RowAction.ERROR
    assert errors(result) == {3: [p.CONFLICT_FILE.format(row="2")]}


def test_row_without_identifier_is_an_error_with_its_reason() -> None:
    result = plan([person(7, name="张三", city="杭州")])
    assert errors(result) == {7: ["This row has no phone, member number, e-mail or platform "
                                  "account."]}


def test_parse_errors_blank_and_total_rows() -> None:
    bad = ParsedRow(4, RowKind.DATA, customer=CustomerFields(name="x"), issues=(
        RowIssue(4, "customer.phone", "Digits were lost: {value}", {"value": "1.38E+10"}),))
    result = plan([
        person(2, phone=PHONE_A), ParsedRow(3, RowKind.BLANK), bad,
        ParsedRow(5, RowKind.SUMMARY),
    ])
    assert [v.action for v in result.rows] == [
        RowAction.CREATE, RowAction.SKIP, RowAction.ERROR, RowAction.SKIP]
    assert (result.rows[1].blank, result.rows[3].summary) == (True, True)
    assert errors(result) == {4: ["Digits were lost: 1.38E+10"]}


def test_resident_id_is_planned_for_sealing_without_a_warning() -> None:
    result = plan([person(2, phone=PHONE_A, id_number="11010119900307002X")])
    assert result.rows[0].action is RowAction.CREATE
    assert not result.rows[0].issues
    assert result.plan.resident_ids == [(-1, "11010119900307002X")]


# ---------------------------------------------------------------- against the shop


STORED = Customer(id=7, name="张三", phone=PHONE_A, member_no="M1", city="", points=0,
                  email="old@example.com", tags=("vip",), updated_at="t0")


def test_policy_skip_leaves_a_match_alone() -> None:
    result = plan([person(2, phone=PHONE_A, city="杭州")], policy=MatchPolicy.SKIP,
                  shop=MemoryShop([STORED]))
    assert actions(result) == [(2, RowAction.SKIP, None)]
    assert result.plan.empty


def test_policy_fill_empty_changes_only_empty_fields() -> None:
    result = plan([person(2, phone=PHONE_A, city="杭州", name="张叁", points=50,
                          email="new@example.com", tags=("vip", "老客"))],
                  shop=MemoryShop([STORED]))
    assert actions(result) == [(2, RowAction.UPDATE, None)]
    (change,) = result.plan.customer_changes
    assert change.customer_id == 7
    # Zero points are a value, not an empty field: they may have been spent.
    assert dict(change.after) == {"city": "杭州"}
    assert dict(change.before) == {"city": ""}
    assert change.added_tags == ("老客",)


def test_fill_empty_never_gives_back_a_spent_balance_or_points() -> None:
    """The customer spent their stored value and points in the shop; the owner imports an
    older membership sheet again: "fill empty" keeps the zeros (and says so), "overwrite"
    is the owner's explicit choice to take the file's."""
    spent = Customer(id=7, name="张三", phone=PHONE_A, points=0, balance_cents=0,
                     updated_at="t0")
    row = person(2, phone=PHONE_A, points=120, balance_cents=50_000)
    kept = plan([row], shop=MemoryShop([spent]))
    assert actions(kept) == [(2, RowAction.SKIP, None)]
    assert kept.plan.empty
    taken = plan([row], policy=MatchPolicy.OVERWRITE, shop=MemoryShop([spent]))
    (change,) = taken.plan.customer_changes
    assert dict(change.after) == {"points": 120, "balance_cents": 50_000}


def test_policy_overwrite_replaces_differing_values_only() -> None:
    result = plan([person(2, member_no="M1", name="张叁", email="OLD@example.com")],
                  policy=MatchPolicy.OVERWRITE, shop=MemoryShop([STORED]))
    (change,) = result.plan.customer_changes
    assert dict(change.after) == {"name": "张叁"}, "an e-mail differing in case is no change"


def test_reimport_with_nothing_new_is_skip_not_update() -> None:
    row = person(2, phone=PHONE_A, name="张三", member_no="M1", tags=("vip",))
    for policy in MatchPolicy:
        result = plan([row], policy=policy, shop=MemoryShop([STORED]))
        assert actions(result) == [(2, RowAction.SKIP, None)], policy
        assert result.plan.empty


def test_two_rows_matching_one_stored_customer_by_different_keys() -> None:
    result = plan([person(2, phone=PHONE_A), person(3, member_no="M1", city="杭州"),
                   person(4, member_no="M1")], shop=MemoryShop([STORED]))
    assert actions(result) == [(2, RowAction.UPDATE, None), (3, RowAction.DUPLICATE, 2),
                               (4, RowAction.DUPLICATE, 2)]
    (change,) = result.plan.customer_changes
    assert dict(change.after) == {"city": "杭州"}, "the later row's details are not lost"


def test_member_number_of_another_stored_customer_is_an_error() -> None:
    result = plan([person(2, phone=PHONE_B, member_no="M1")], shop=MemoryShop([STORED]))
    assert errors(result) == {2: [CONFLICT_PHONE_SHOP]}  # M1's phone is another
    assert result.plan.empty


def test_under_overwrite_a_member_number_with_a_free_new_phone_is_that_member() -> None:
    result = plan([person(2, phone=PHONE_B, member_no="M1")], policy=MatchPolicy.OVERWRITE,
                  shop=MemoryShop([STORED]))
    assert actions(result) == [(2, RowAction.UPDATE, None)]
    (change,) = result.plan.customer_changes
    assert (dict(change.before), dict(change.after)) == ({"phone": PHONE_A}, {"phone": PHONE_B})
    # Not when found by e-mail alone (a family may share one) …
    shared = plan([person(2, phone=PHONE_B, email="old@example.com")],
                  policy=MatchPolicy.OVERWRITE, shop=MemoryShop([STORED]))
    assert errors(shared) == {2: [CONFLICT_PHONE_SHOP]}
    # … and another member number is still another person, whatever the policy.
    other = plan([person(2, phone=PHONE_B, member_no="M2", email="old@example.com")],
                 policy=MatchPolicy.OVERWRITE, shop=MemoryShop([STORED]))
    assert actions(other) == [(2, RowAction.ERROR, None)]


def test_account_match_and_new_account_for_a_stored_customer() -> None:
    shop = MemoryShop([STORED], accounts={7: {("taobao", "zs_nick")}})
    result = plan([person(2, platform="taobao", platform_account="zs_nick", city="杭州"),
                   person(3, phone=PHONE_A, platform="jd", platform_account="zs_jd")],
                  shop=shop)
    assert actions(result) == [(2, RowAction.UPDATE, None), (3, RowAction.DUPLICATE, 2)]


def test_new_account_alone_is_an_update() -> None:
    result = plan([person(2, phone=PHONE_A, platform="jd", platform_account="zs_jd")],
                  shop=MemoryShop([STORED]))
    assert actions(result) == [(2, RowAction.UPDATE, None)]
    assert [(a.customer, a.account) for a in result.plan.new_accounts] == [(7, "zs_jd")]
    assert result.plan.customer_changes == []


# ---------------------------------------------------------------- orders


def order_row(row: int, order_no: str, *items: str, phone: str | None = PHONE_A,
              **order: object) -> ParsedRow:
    return ParsedRow(
        row, RowKind.DATA,
        order=OrderFields(order_no=order_no, items=tuple(ItemFields(i, 1, "", 1000) for i in items),
                          **order),  # type: ignore[arg-type]
        customer=CustomerFields(name="买家", phone=phone) if phone else None,
    )


def test_an_order_over_several_rows_is_one_order_with_all_items() -> None:
    long_no = "4402367891234567890"
    result = plan([
        order_row(2, long_no, "茶叶", channel="taobao", ordered_at="2025-01-02T00:00:00+00:00"),
        order_row(3, long_no, "茶杯"),
        order_row(4, "A2", "茶壶", "茶盘", phone=PHONE_B),
        order_row(5, "A3", "茶巾", phone=None),
    ], target=ImportTarget.ORDERS)
    assert actions(result) == [
        (2, RowAction.CREATE, None), (3, RowAction.DUPLICATE, 2), (4, RowAction.CREATE, None),
        (5, RowAction.CREATE, None),
    ]
    orders = result.plan.new_orders
    assert [o.order.order_no for o in orders] == [long_no, "A2", "A3"]
    assert [len(o.order.items) for o in orders] == [2, 2, 1]
    assert [o.customer for o in orders] == [new_ref(0), new_ref(1), None]
    assert orders[0].order.total_cents == 2000
    assert orders[0].order.status is OrderStatus.COMPLETED
    assert [i.field for i in result.rows[3].issues] == ["order.ordered_at"]
    assert (result.customers_created, len(result.plan.new_customers)) == (2, 2)


def test_an_order_already_in_the_shop_is_never_duplicated() -> None:
    stored = Order(id=3, order_no="A1", channel="jd", customer_id=7, status=OrderStatus.PAID,
                   ordered_at="2025-01-01", total_cents=500)
    shop = MemoryShop([STORED], orders=[stored])
    skip = plan([order_row(2, "A1", "x", status="completed")], target=ImportTarget.ORDERS,
                policy=MatchPolicy.SKIP, shop=shop)
    assert actions(skip) == [(2, RowAction.SKIP, None)] and skip.plan.new_orders == []
    overwrite = plan([order_row(2, "A1", "x", status="completed")],
                     target=ImportTarget.ORDERS, policy=MatchPolicy.OVERWRITE, shop=shop)
    assert actions(overwrite) == [(2, RowAction.UPDATE, None)]
    (change,) = overwrite.plan.order_changes
    assert dict(change.after) == {"status": "completed"}


def test_a_stored_orders_row_says_what_fill_empty_keeps_and_fills() -> None:
    """Real stored item lines are kept under "fill empty" (only "overwrite" replaces them),
    and the dry run says so, with the buyer it links an order without a customer to."""
    stored = Order(id=3, order_no="A1", channel="", customer_id=None, status=OrderStatus.PAID,
                   ordered_at="2025-01-01", total_cents=1000,
                   items=(OrderItem("茶叶", 1, 1000),))
    shop = MemoryShop([STORED], orders=[stored])
    result = plan([order_row(2, "A1", "茶杯", status="completed")], target=ImportTarget.ORDERS,
                  shop=shop)
    assert actions(result) == [(2, RowAction.UPDATE, None)]
    assert [(i.field, i.reason) for i in result.rows[0].issues] == [
        ("", ORDER_BUYER_SET), ("order.status", FIELD_KEPT), ("", ORDER_ITEMS_KEPT)]
    (change,) = result.plan.order_changes
    assert (dict(change.after), change.items_after) == ({"customer_id": 7}, None)


# ---------------------------------------------------------------- feedback


def feedback_row(row: int, content: str, *, phone: str | None = PHONE_A,
                 order_no: str | None = None, received_at: str | None = "2025-03-01") -> ParsedRow:
    return ParsedRow(
        row, RowKind.DATA,
        customer=CustomerFields(phone=phone) if phone else None,
        feedback=FeedbackFields(kind="review", content=content, rating=5,
                                received_at=received_at, order_no=order_no),
    )


def test_feedback_links_customer_and_order_and_is_not_repeated() -> None:
    stored_order = Order(id=3, order_no="A1", channel="", customer_id=7,
                         status=OrderStatus.PAID, ordered_at="2025-01-01", total_cents=1)
    stored_feedback = Feedback(id=1, kind=FeedbackKind.REVIEW, content="旧的",
                               received_at="2025-02-01", customer_id=7)
    shop = MemoryShop([STORED], orders=[stored_order], feedback=[stored_feedback])
    result = plan([
        feedback_row(2, "很好"),
        feedback_row(3, "很好"),
        feedback_row(4, "包装破了", phone=None, order_no="A1"),
        feedback_row(5, "旧的", received_at="2025-02-01"),
        feedback_row(6, "没人认识", phone=None, order_no="NOPE"),
    ], target=ImportTarget.FEEDBACK, shop=shop)
    assert actions(result) == [
        (2, RowAction.CREATE, None), (3, RowAction.DUPLICATE, 2), (4, RowAction.CREATE, None),
        (5, RowAction.SKIP, None), (6, RowAction.ERROR, None),
    ]
    assert [(f.customer, f.order) for f in result.plan.new_feedback] == [(7, None), (7, 3)]
    assert errors(result) == {6: [p.NO_FEEDBACK_LINK]}


def test_an_account_and_resident_id_a_later_row_adds_go_to_the_new_customer() -> None:
    result = plan([
        person(2, name="张三", phone=PHONE_A),
        person(3, phone=PHONE_A, platform="taobao", platform_account="zs_nick"),
        person(4, phone=PHONE_A, id_number="11010119900307002X"),
        person(5, name="李四", phone=PHONE_B),
    ])
    assert [v.action for v in result.rows] == [
        RowAction.CREATE, RowAction.DUPLICATE, RowAction.DUPLICATE, RowAction.CREATE]
    assert [(a.customer, a.platform, a.account) for a in result.plan.new_accounts] == [
        (new_ref(0), "taobao", "zs_nick")]
    assert result.plan.resident_ids == [(new_ref(0), "11010119900307002X")]
    first = result.plan.new_customers[0]
    assert (first.name, first.platform_account, first.id_number) == (
        "张三", "zs_nick", "11010119900307002X")
