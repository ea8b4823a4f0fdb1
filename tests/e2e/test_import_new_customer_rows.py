"""The rows an import writes for its new customers straight from their CustomerFields (no
Customer made per row, None written as a new Customer's default by the statement) are the
rows a Customer made from the same fields writes — in a real SQLCipher shop, on random fields
(hypothesis), also through the bulk load that drops and rebuilds the indexes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.import_records import ImportPlan
from desktop.core.import_types import CustomerFields
from desktop.core.models import Customer, Gender
from desktop.core.packed_customers import PackedCustomers
from desktop.exchange.plan import Planner
from desktop.store.customers import CustomerRepository, customer_row
from desktop.store.import_lookup import ImportLookup
from desktop.store.imports import PlanWriter
from desktop.store.search_keys import name_keys
from tests.support.shops import ShopFixture

NOW = "2026-11-29T12:00:00.000000+00:00"
_TEXT = st.one_of(st.none(), st.sampled_from(["", "张三", "Lily", "x"]), st.text(max_size=8))
_FIELDS = st.builds(
    CustomerFields,
    member_no=st.one_of(st.none(), st.from_regex(r"M[0-9]{1,6}", fullmatch=True)),
    name=_TEXT, gender=st.sampled_from([None, *(gender.value for gender in Gender)]),
    birthday=st.sampled_from([None, "1990-01-02", "--03-04"]),
    phone=st.one_of(st.none(), st.from_regex(r"\+861[3-9][0-9]{9}", fullmatch=True)),
    email=st.sampled_from([None, "a@example.com"]), wechat_id=_TEXT, province=_TEXT,
    city=_TEXT, district=_TEXT, address_detail=_TEXT, level=_TEXT,
    points=st.one_of(st.none(), st.integers(0, 10**6)),
    balance_cents=st.one_of(st.none(), st.integers(-10**6, 10**9)),
    tags=st.lists(st.sampled_from(["VIP", "老客", " a "]), max_size=3, unique=True).map(tuple),
    notes=_TEXT, source=_TEXT,
)


class _Rollback(Exception):
    pass


def _as_customer(fields: CustomerFields) -> Customer:
    """What the planner made of a new customer's fields before this change."""
    return Customer(
        id=None, name=fields.name or "", member_no=fields.member_no,
        gender=Gender(fields.gender or ""), birthday=fields.birthday, phone=fields.phone,
        email=fields.email, wechat_id=fields.wechat_id, province=fields.province or "",
        city=fields.city or "", district=fields.district or "",
        address_detail=fields.address_detail or "", level=fields.level or "",
        points=fields.points or 0, balance_cents=fields.balance_cents or 0, tags=fields.tags,
        notes=fields.notes or "", source=fields.source or "",
    )


@pytest.mark.parametrize(("bulk_from", "chunk", "parameters"), [
    (1, 1_500, 32_766), (10_000, 1_500, 32_766),
    # Chunks of 3, each statement of 2 rows or fewer: columns that are one value in one
    # chunk or statement and several in the next (bound once, or row by row).
    (1, 3, 45),
])
@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(_FIELDS, min_size=1, max_size=12,
                       unique_by=(lambda f: f.member_no or id(f), lambda f: f.phone or id(f))))
def test_new_customers_are_written_as_a_customer_of_the_same_fields(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch, bulk_from: int, chunk: int,
    parameters: int, people: list[CustomerFields],
) -> None:
    monkeypatch.setattr("desktop.store.imports.BULK_LOAD_FROM", bulk_from)
    monkeypatch.setattr("desktop.store.imports.INSERT_CHUNK", chunk)
    monkeypatch.setattr("desktop.store.import_writer.MAX_PARAMETERS", parameters)
    db = shop.workspace.shop.db
    columns = ", ".join(CustomerRepository.columns + CustomerRepository.search_columns)
    with pytest.raises(_Rollback), db.transaction():
        writer = PlanWriter(db.conn, NOW)
        batch = writer.start_batch("f.xlsx", "s", "customers", "wang")
        writer.write(batch, ImportPlan(new_customers=PackedCustomers(people)))
        stored = db.conn.execute(
            f"SELECT {columns} FROM customers WHERE id >= ? ORDER BY id",
            (writer.first_customer,),
        ).fetchall()
        tags = db.conn.execute(
            "SELECT customer_id, tag FROM customer_tags WHERE customer_id >= ?"
            " ORDER BY customer_id, tag", (writer.first_customer,),
        ).fetchall()
        raise _Rollback
    expected = []
    expected_tags = []
    for number, fields in enumerate(people, writer.first_customer):
        customer = _as_customer(fields)
        row = customer_row(customer)
        expected.append((number, *row[1:-2], NOW, NOW, *name_keys(customer.name)))
        expected_tags += [(number, tag) for tag in sorted({t.strip() for t in fields.tags})]
    assert [tuple(row) for row in stored] == expected
    assert [tuple(row) for row in tags] == expected_tags


def test_a_gender_that_is_no_gender_is_refused_while_planning(shop: ShopFixture) -> None:
    from desktop.core.import_types import ImportTarget, MatchPolicy, ParsedRow, RowKind

    planner = Planner(ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY,
                      ImportLookup(shop.workspace.shop.db.reader()))
    row = ParsedRow(2, RowKind.DATA, customer=CustomerFields(phone="+8613800138000",
                                                             gender="robot"))
    with pytest.raises(ValueError):
        planner.plan([row])
