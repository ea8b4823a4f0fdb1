"""CustomerRepository against a real SQLCipher file."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.models import Customer, Gender
from desktop.store.connection import IntegrityError, transaction
from desktop.store.customers import CustomerRepository


@pytest.fixture
def repo(conn):
    return CustomerRepository(conn)


def zhang(**changes) -> Customer:
    base = Customer(
        id=None,
        name="欧阳娜娜",
        member_no="M000001",
        gender=Gender.FEMALE,
        birthday="1990-03-07",
        phone="+8613812345678",
        email="Nana.OuYang@Example.com",
        wechat_id="wxid_abc123",
        province="北京市",
        city="北京市",
        district="朝阳区",
        address_detail="建国路88号",
        level="金卡",
        points=12_345,
        balance_cents=9_999_999_999,
        tags=("老客户", "VIP"),
        notes="只用顺丰",
        source="门店",
    )
    return dataclasses.replace(base, **changes)


def plan_of(conn, call) -> str:
    """The query plan of the customers query that ``call`` runs."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    selects = [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1
    rows = conn.execute("EXPLAIN QUERY PLAN " + selects[0]).fetchall()
    return "\n".join(str(row[-1]) for row in rows)


def test_add_then_get_round_trips_every_field(repo):
    new_id = repo.add(zhang())
    got = repo.get(new_id)
    assert got is not None
    assert got.id == new_id
    assert got.created_at and got.updated_at == got.created_at
    assert got.tags == ("VIP", "老客户")
    expected = dataclasses.replace(
        zhang(), id=new_id, tags=("VIP", "老客户"),
        created_at=got.created_at, updated_at=got.updated_at,
    )
    assert got == expected
    assert isinstance(got.balance_cents, int)


def test_add_keeps_given_times_ignores_given_id_and_cleans_tags(repo):
    new_id = repo.add(zhang(id=999, created_at="2020-01-01T00:00:00+00:00",
                            tags=(" VIP ", "VIP", "", "b")))
    got = repo.get(new_id)
    assert new_id != 999 and repo.get(999) is None
    assert got.created_at == got.updated_at == "2020-01-01T00:00:00+00:00"
    assert got.tags == ("VIP", "b")


def test_add_rejects_separator_in_tag_and_writes_nothing(repo):
    with pytest.raises(ValueError):
        repo.add(zhang(tags=("a\x1fb",)))
    assert repo.count() == 0


def test_failed_add_leaves_nothing_and_an_outer_transaction_usable(conn, repo):
    repo.add(zhang())
    with pytest.raises(IntegrityError):
        repo.add(zhang(phone="+8613900000000"))  # same member number
    assert repo.count() == 1
    with transaction(conn):
        kept = repo.add(zhang(member_no="M2", tags=("x",)))
        with pytest.raises(IntegrityError):
            repo.add(zhang(member_no="M2"))
    assert repo.get(kept).tags == ("x",)
    assert conn.execute("SELECT count(*) FROM customer_tags").fetchone()[0] == 3


def test_add_inside_rolled_back_transaction_is_undone(conn, repo):
    with pytest.raises(RuntimeError), transaction(conn):
        repo.add(zhang())
        raise RuntimeError("cancel")
    assert repo.count() == 0


def test_update_replaces_fields_and_tags_and_stamps_updated(repo):
    new_id = repo.add(zhang(created_at="2020-01-01T00:00:00+00:00"))
    before = repo.get(new_id)
    changed = dataclasses.replace(before, name="张三", tags=("新",), email=None, points=0)
    repo.update(changed)
    after = repo.get(new_id)
    assert after.name == "张三" and after.tags == ("新",) and after.email is None
    assert after.created_at == before.created_at
    assert after.updated_at > before.updated_at


def test_update_of_missing_or_unsaved_customer_fails(repo):
    with pytest.raises(ValueError):
        repo.update(zhang())
    with pytest.raises(LookupError):
        repo.update(zhang(id=42))


def test_delete_removes_customer_and_tags(conn, repo):
    new_id = repo.add(zhang())
    assert repo.delete(new_id) is True
    assert repo.delete(new_id) is False
    assert repo.get(new_id) is None
    assert conn.execute("SELECT count(*) FROM customer_tags").fetchone()[0] == 0


def test_count(repo):
    assert repo.count() == 0
    for n in range(3):
        repo.add(zhang(member_no=f"M{n}"))
    assert repo.count() == 3


def test_find_by_phone_returns_all_holders_in_id_order(repo):
    first = repo.add(zhang(member_no="A"))
    second = repo.add(zhang(member_no="B", name="Household"))
    repo.add(zhang(member_no="C", phone="+447700900123"))
    assert [c.id for c in repo.find_by_phone("+8613812345678")] == [first, second]
    assert repo.find_by_phone("+8613800000000") == []


def test_find_by_phone_last4_matches_ending_and_honours_limit(repo):
    ids = [repo.add(zhang(member_no=f"M{n}", phone=f"+86138000{n:01d}5678")) for n in range(5)]
    repo.add(zhang(member_no="other", phone="+8613800001234"))
    repo.add(zhang(member_no="nophone", phone=None))
    assert [c.id for c in repo.find_by_phone_last4("5678")] == ids
    assert [c.id for c in repo.find_by_phone_last4("5678", limit=2)] == ids[:2]
    assert repo.find_by_phone_last4("0000") == []
    for bad in ("567", "56789", "12a4", "１２３４"):
        with pytest.raises(ValueError):
            repo.find_by_phone_last4(bad)
    for bad_limit in (0, -1, 2.5, "5"):
        with pytest.raises(ValueError):
            repo.find_by_phone_last4("5678", limit=bad_limit)


def test_ids_by_phone_last4_reads_only_the_index_and_matches_find(repo):
    ids = [repo.add(zhang(member_no=f"M{n}", phone=f"+86138000{n:01d}5678")) for n in range(5)]
    repo.add(zhang(member_no="other", phone="+8613800001234"))
    repo.add(zhang(member_no="nophone", phone=None))
    assert repo.ids_by_phone_last4("5678") == ids
    assert repo.ids_by_phone_last4("5678", limit=3) == ids[:3]
    assert repo.ids_by_phone_last4("0000") == []
    plan = " ".join(str(row) for row in repo._conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM customers INDEXED BY ix_customers_phone_last4"
        " WHERE substr(phone, -4) = ? AND phone IS NOT NULL ORDER BY id LIMIT 50", ("5678",)))
    assert "ix_customers_phone_last4" in plan and "TEMP B-TREE" not in plan
    for bad in ("567", "１２３４"):
        with pytest.raises(ValueError):
            repo.ids_by_phone_last4(bad)


def test_find_by_member_no(repo):
    new_id = repo.add(zhang())
    assert repo.find_by_member_no("M000001").id == new_id
    assert repo.find_by_member_no("M000002") is None


def test_find_by_email_ignores_case(repo):
    new_id = repo.add(zhang())
    repo.add(zhang(member_no="x", email=None))
    assert [c.id for c in repo.find_by_email("nana.ouyang@example.COM")] == [new_id]
    assert repo.find_by_email("someone@example.com") == []


def test_lookups_use_their_indexes(conn, repo):
    for n in range(50):
        repo.add(zhang(member_no=f"M{n}", phone=f"+86138{n:08d}", email=f"u{n}@example.com"))
    last4 = plan_of(conn, lambda: repo.find_by_phone_last4("0007"))
    assert "USING INDEX ix_customers_phone_last4" in last4
    assert "SCAN c" not in last4 and "SCAN customers" not in last4
    assert "USING INDEX ix_customers_phone " in plan_of(
        conn, lambda: repo.find_by_phone("+8613800000007")
    ) + " "
    assert "USING INDEX ix_customers_email" in plan_of(
        conn, lambda: repo.find_by_email("U7@example.com")
    )
    assert "ix_customers_member_no" in plan_of(conn, lambda: repo.find_by_member_no("M7"))
