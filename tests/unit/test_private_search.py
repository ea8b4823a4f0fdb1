"""Search for roles that see e-mail, WeChat ID and number-like member numbers masked
(``exact_private``): those are found by the whole value only, never by a part, so a staff member
cannot probe a hidden value letter by letter; names and ordinary member numbers are still found
by part, and the owner's search is unchanged."""

from __future__ import annotations

import dataclasses
import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.demo_data import generate_customers
from desktop.core.masking import mask_member_no
from desktop.core.models import Customer
from desktop.core.validation import clean_text
from desktop.store.connection import create_database, open_database, transaction
from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
from desktop.store.database import ShopDatabase
from desktop.store.migrations import available_migrations, migrate
from desktop.store.search_keys import (
    TEXT_COLUMNS_SQL,
    member_number_like,
    member_number_like_sql,
    text_columns,
)

T0 = "2024-05-01T08:00:00.000000+00:00"
PEOPLE = {
    "wang": Customer(None, "王小明", member_no="VIP-0001", phone="+8613812345678",
                     email="xiao.ming@example.com", wechat_id="wxid_wang01", created_at=T0),
    "phone_member": Customer(None, "李雷", member_no="13900112233", phone="+8618600004444",
                             email="lilei@163.com", created_at=T0),
    "id_member": Customer(None, "韩梅梅", member_no="11010119900307123X",
                          phone="+8615000003333", created_at=T0),
    "smith": Customer(None, "John Smith", member_no="M100", phone="+447700900123",
                      email="john.smith@gmail.com", wechat_id="jsmith_uk", created_at=T0),
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = ShopDatabase.create(tmp_path_factory.mktemp("private") / "shop.db", os.urandom(32))
    db.bulk_load(generate_customers(1_500, seed=11, start=70_000))
    ids = {key: db.customers.add(customer) for key, customer in PEOPLE.items()}
    yield db, ids
    db.close()


def found(db: ShopDatabase, text: str, exact_private: bool) -> set[int]:
    search = CustomerSearch(db.reader())
    flt = SearchFilter(text=text, exact_private=exact_private)
    hits = {i for chunk in search.iter_ids(flt, SortKey.NEWEST, 1_000) for i in chunk}
    assert search.count(flt) == len(hits)
    return hits


@pytest.mark.parametrize("fragment", [
    "xiao", "xiao.ming", "ming@", "@example.com", "example", "x", "xi", "wxid", "wang01",
    "d_wa", "lei@163", "163.com", "@163", "smith@", "gmail", "jsmith", "smith_uk",
    "1390011", "0011 2233", "139", "1390", "22334", "110101", "1101011990", "0307123X",
    "123X",
])
def test_a_masked_role_finds_nothing_by_part_of_a_hidden_value(seeded, fragment):
    db, ids = seeded
    hits = found(db, fragment, exact_private=True)
    assert not set(ids.values()) & hits, fragment


@pytest.mark.parametrize(("text", "key"), [
    ("xiao.ming@example.com", "wang"),
    ("Xiao.Ming@EXAMPLE.com", "wang"),
    ("wxid_wang01", "wang"),
    ("WXID_WANG01", "wang"),
    ("lilei@163.com", "phone_member"),
    ("139 0011 2233", "phone_member"),
    ("13900112233", "phone_member"),
    ("11010119900307123X", "id_member"),
    ("11010119900307123x", "id_member"),
    ("john.smith@gmail.com", "smith"),
    ("jsmith_uk", "smith"),
])
def test_a_masked_role_finds_a_hidden_value_by_the_whole_of_it(seeded, text, key):
    db, ids = seeded
    assert ids[key] in found(db, text, exact_private=True)


@pytest.mark.parametrize(("text", "key"), [
    ("VIP-0001", "wang"), ("IP-00", "wang"), ("VIP", "wang"), ("vip-0001", "wang"),
    ("Smith", "smith"), ("mith", "smith"), ("john", "smith"), ("M10", "smith"),
    ("小明", "wang"), ("王小明", "wang"), ("wxm", "wang"), ("韩梅梅", "id_member"),
    ("5678", "wang"), ("13812345678", "wang"),
])
def test_names_ordinary_member_numbers_and_the_phone_stay_searchable(seeded, text, key):
    db, ids = seeded
    assert ids[key] in found(db, text, exact_private=True)


@pytest.mark.parametrize(("fragment", "key"), [
    ("xiao.ming", "wang"), ("@example.com", "wang"), ("xi", "wang"), ("wang01", "wang"),
    ("wx", "wang"), ("163.com", "phone_member"), ("0011 2233", "phone_member"),
    ("1390", "phone_member"), ("0307123X", "id_member"), ("gmail", "smith"),
])
def test_the_owner_still_finds_by_part(seeded, fragment, key):
    db, ids = seeded
    assert ids[key] in found(db, fragment, exact_private=False)


def test_masked_search_plans_read_indexes_not_the_table(seeded):
    db, _ids = seeded
    search = CustomerSearch(db.reader())
    for text, index in (("xiao.ming@example.com", "ix_customers_email"),
                        ("wxid_wang01", "ix_customers_wechat"),
                        ("mith", "customer_text_fts VIRTUAL TABLE INDEX"),
                        ("VI", "ix_customers_member_no")):
        _kind, plan = search.explain(SearchFilter(text=text, exact_private=True),
                                     SortKey.NEWEST, 200)
        lines = "\n".join(plan) + "\n"
        assert index in lines.replace("\n", " "), (text, lines)
        assert not re.search(r"SCAN (c|customers)\n", lines), (text, lines)


# ------------------------------------------------------------- the number-like member rule

MEMBER_TEXT = st.text(alphabet="0123456789 -+Xx会VIP", max_size=22)


@settings(max_examples=400, deadline=None)
@given(MEMBER_TEXT)
def test_every_member_number_the_masking_hides_is_searched_exactly(member_no):
    """The index's rule covers the masking rule: what a staff member sees masked is never in
    the part-searchable column."""
    cleaned = clean_text(member_no)
    if mask_member_no(cleaned) != cleaned:
        assert member_number_like(cleaned)


@pytest.fixture(scope="module")
def memory_conn(tmp_path_factory):
    conn = create_database(tmp_path_factory.mktemp("rule") / "rule.db", os.urandom(32))
    yield conn
    conn.close()


@settings(max_examples=300, deadline=None)
@given(MEMBER_TEXT)
def test_the_sql_and_python_rules_agree(memory_conn, member_no):
    sql = f"SELECT coalesce({member_number_like_sql('?1')}, 0)"
    assert bool(memory_conn.execute(sql, (member_no,)).fetchone()[0]) is \
        member_number_like(member_no)


def test_index_columns_in_sql_and_python_agree_and_the_migration_uses_them(seeded):
    db, _ids = seeded
    rows = db.conn.execute(
        f"SELECT c.name, c.email, c.wechat_id, c.member_no, {', '.join(TEXT_COLUMNS_SQL)}"
        " FROM customers c"
    ).fetchall()
    assert any(member_number_like(row[3]) for row in rows)
    for name, email, wechat, member_no, *columns in rows:
        assert tuple(columns) == text_columns(name, email, wechat, member_no)
    migration = dict(available_migrations())[5]
    assert " ".join(", ".join(TEXT_COLUMNS_SQL).split()) in " ".join(migration.split())


def test_a_shop_indexed_before_migration_5_is_reindexed_and_stays_consistent(tmp_path):
    path, key = tmp_path / "old.db", os.urandom(32)
    conn = create_database(path, key)
    migrate(conn, up_to=4)
    with transaction(conn):  # what the repository wrote before migration 5
        for customer_id, person in enumerate(PEOPLE.values(), start=1):
            conn.execute(
                "INSERT INTO customers (id, name, member_no, phone, email, wechat_id,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (customer_id, person.name, person.member_no, person.phone, person.email,
                 person.wechat_id, T0, T0))
            body = "\n".join((person.name, person.email or "", person.wechat_id or "",
                              person.member_no or ""))
            conn.execute("INSERT INTO customer_text_fts (rowid, body) VALUES (?, ?)",
                         (customer_id, body))
    conn.close()
    db = ShopDatabase.open(path, key)
    try:
        assert found(db, "0011 2233", exact_private=True) == set()
        assert found(db, "0011 2233", exact_private=False) == {2}
        assert found(db, "IP-00", exact_private=True) == {1}
        db.customers.update(dataclasses.replace(db.customers.get(2), member_no="VIP-0777"))
        assert found(db, "0011 2233", exact_private=False) == set()  # no stale posting
        assert found(db, "IP-07", exact_private=True) == {2}
        assert db.customers.delete(1)
        assert found(db, "xiao.ming", exact_private=False) == set()
        db.conn.execute(
            "INSERT INTO customer_text_fts (customer_text_fts) VALUES ('integrity-check')")
    finally:
        db.close()
    reopened = open_database(path, key)
    try:
        assert migrate(reopened) == len(available_migrations())
    finally:
        reopened.close()
