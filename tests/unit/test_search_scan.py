"""The ``scan`` plan (migration 0007's ``ix_customers_created_search``): a short Latin search
with many matches walks that index in created_at order and never reads the customers table.

Every check compares the scan with the ``walk`` plan, which tests the same predicates on the
table rows themselves: whatever was written through the repository, a bulk load, an import,
an import's undo or a migration, both must find the same customers in the same order."""

from __future__ import annotations

import dataclasses
import os
import re

import pytest

from desktop.core.demo_data import generate_customers
from desktop.core.import_types import CustomerFields, ImportTarget, MatchPolicy, ParsedRow, RowKind
from desktop.core.models import Customer
from desktop.store import search_costs
from desktop.store.connection import create_database, transaction
from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
from desktop.store.customers import CustomerRepository
from desktop.store.database import ShopDatabase
from desktop.store.migrations import available_migrations, migrate, schema_version
from desktop.store.search_terms import SCAN_INDEX

TEXTS = ("z", "zh", "zw", "l", "li", "wang", "j", "@", "gmail", "qq.com", "wx", "M0", "m",
         "VI", "xiao.ming", "nana_oy", "john")
TIE = "2024-06-01T00:00:00.000000+00:00"
PEOPLE = (
    Customer(None, "王小明", member_no="VIP-0001", phone="+8613812345678",
             email="Xiao.Ming@Example.com", wechat_id="wxid_wang01", created_at=TIE),
    Customer(None, "张伟", member_no="M100", created_at=TIE),
    Customer(None, "欧阳娜娜", email="nana@qq.com", wechat_id="nana_oy",
             created_at="2023-01-02T03:04:05.000000+00:00"),
    Customer(None, "John Smith", email="john.smith@gmail.com",
             created_at="2022-07-07T07:07:07.000000+00:00"),
)


def all_ids(search: CustomerSearch, flt: SearchFilter, sort: SortKey, kind: str) -> list[int]:
    """Every match, 23 at a time, through the plan ``kind``."""
    plan = dataclasses.replace(search.plan(flt, sort, 23), kind=kind)
    ids, after = [], None
    while True:
        page = search.page_with(plan, flt, 23, after)
        ids += page.ids
        if not page.more:
            return ids
        after = page.cursor


def assert_scan_agrees(db: ShopDatabase, texts: tuple[str, ...] = TEXTS) -> None:
    search = CustomerSearch(db.reader())
    for text in texts:
        for exact in (False, True):
            for sort in (SortKey.NEWEST, SortKey.OLDEST):
                flt = SearchFilter(text=text, exact_private=exact)
                walked = all_ids(search, flt, sort, "walk")
                assert all_ids(search, flt, sort, "scan") == walked, (text, exact, sort)
                assert len(walked) == search.count(flt)
    assert db.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


@pytest.fixture
def db(tmp_path):
    shop = ShopDatabase.create(tmp_path / "shop.db", os.urandom(32))
    yield shop
    shop.close()


def test_the_scan_reads_the_index_alone_in_list_order(db):
    db.bulk_load(generate_customers(300, seed=3))
    search = CustomerSearch(db.reader())
    for flt in (SearchFilter(text="z"), SearchFilter(text="li", exact_private=True),
                SearchFilter(text="gmail"), SearchFilter(text="wxid_x", exact_private=True),
                SearchFilter(text="l", created_from="2019-01-01", created_before="2023-01-01")):
        for sort in (SortKey.NEWEST, SortKey.OLDEST):
            plan = dataclasses.replace(search.plan(flt, sort, 200), kind="scan")
            for after in (None, ("2024-01-01", 10)):
                sql, params = search._sql(plan, flt, 201, after)
                lines = [str(row[-1]) for row in db.reader().execute(
                    "EXPLAIN QUERY PLAN " + sql, params)]
                assert re.fullmatch(
                    rf"(SCAN|SEARCH) c USING COVERING INDEX {SCAN_INDEX}( \(.*\))?", lines[0]
                ), lines
                assert len(lines) == 1, lines  # no temporary b-tree, no table row


def test_many_matches_are_scanned_and_few_are_not(db, monkeypatch):
    db.bulk_load(generate_customers(600, seed=4))
    search = CustomerSearch(db.reader())
    monkeypatch.setattr(search_costs, "SPARSE", 10)
    monkeypatch.setattr(search_costs, "SCAN_DENSE", 40)
    many = SearchFilter(text="l")
    assert search.plan(many, SortKey.NEWEST, 200).kind == "scan"
    assert search.plan(many, SortKey.NAME, 200).kind != "scan"  # not in list order
    assert search.plan(SearchFilter(text="l", tag="VIP"), SortKey.NEWEST, 200).kind != "scan"
    assert search.plan(SearchFilter(text="1234"), SortKey.NEWEST, 200).kind != "scan"  # phone
    scanned = [i for chunk in search.iter_ids(many, SortKey.NEWEST, 50) for i in chunk]
    assert scanned == all_ids(search, many, SortKey.NEWEST, "walk") and len(scanned) > 40
    rare = search.plan(SearchFilter(text="xiao.ming@"), SortKey.NEWEST, 200)
    assert rare.kind != "scan"


def test_the_index_follows_adds_updates_and_deletes(db):
    db.bulk_load(generate_customers(200, seed=5))
    repo = db.customers
    ids = [repo.add(person) for person in PEOPLE]
    assert_scan_agrees(db)
    search = CustomerSearch(db.reader())
    assert ids[0] in all_ids(search, SearchFilter(text="wxm"), SortKey.NEWEST, "scan")
    repo.update(dataclasses.replace(repo.get(ids[0]), name="李大山", wechat_id="wx_new_1",
                                    email=None, created_at="2020-01-01T00:00:00.000000+00:00"))
    assert ids[0] not in all_ids(search, SearchFilter(text="wxm"), SortKey.NEWEST, "scan")
    for text in ("lds", "lidashan", "wx_new_1"):
        assert ids[0] in all_ids(search, SearchFilter(text=text), SortKey.NEWEST, "scan")
    assert repo.delete(ids[2])
    assert ids[2] not in all_ids(search, SearchFilter(text="oy"), SortKey.NEWEST, "scan")
    assert_scan_agrees(db, (*TEXTS, "lds", "wx_new", "oy"))


def test_the_index_follows_an_import_and_its_undo(tmp_path, shop):
    from desktop.services.imports_run import RowSource, run_rows, undo

    rows = [ParsedRow(row, RowKind.DATA, customer=CustomerFields(
        name=name, member_no=member, email=email)) for row, (name, member, email) in
        enumerate((("张小龙", "M9001", "zxl@qq.com"), ("Zoe Lin", "M9002", None)), start=2)]
    source = RowSource("会员.csv", "Sheet1", rows, len(rows))
    created = run_rows(shop.workspace, shop.owner, source, ImportTarget.CUSTOMERS,
                       MatchPolicy.OVERWRITE)
    db = shop.workspace.shop.db
    search = CustomerSearch(db.reader())
    found = all_ids(search, SearchFilter(text="zhangxiao"), SortKey.NEWEST, "scan")
    assert len(found) == 1
    assert rows[0].customer is not None
    renamed = [rows[0]._replace(customer=rows[0].customer._replace(name="周大为"))]
    updated = run_rows(shop.workspace, shop.owner, RowSource("会员.csv", "Sheet1", renamed, 1),
                       ImportTarget.CUSTOMERS, MatchPolicy.OVERWRITE)
    assert all_ids(search, SearchFilter(text="zhangxiao"), SortKey.NEWEST, "scan") == []
    assert all_ids(search, SearchFilter(text="zhouda"), SortKey.NEWEST, "scan") == found
    assert_scan_agrees(db, ("z", "zdw", "zxl", "zl", "zhangxiao", "M9", "qq.com"))
    undo(shop.workspace, shop.owner, updated.batch_id)
    assert all_ids(search, SearchFilter(text="zhangxiao"), SortKey.NEWEST, "scan") == found
    undo(shop.workspace, shop.owner, created.batch_id)
    assert all_ids(search, SearchFilter(text="z"), SortKey.NEWEST, "scan") == []
    assert_scan_agrees(db, ("z", "zdw", "M9", "qq.com"))


def test_a_shop_from_before_the_index_gets_it_on_open(tmp_path):
    path, key = tmp_path / "old.db", os.urandom(32)
    conn = create_database(path, key)
    with_index = [number for number, sql in available_migrations() if SCAN_INDEX in sql]
    assert len(with_index) == 1
    migrate(conn, up_to=with_index[0] - 1)  # the schema before that migration
    with transaction(conn):
        for person in PEOPLE:
            CustomerRepository(conn).add(person)
    conn.close()
    db = ShopDatabase.open(path, key)
    try:
        assert schema_version(db.conn) == len(available_migrations())
        assert db.conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?",
            (SCAN_INDEX,)).fetchone()[0] == 1
        search = CustomerSearch(db.reader())
        assert all_ids(search, SearchFilter(text="wxm"), SortKey.NEWEST, "scan") == [1]
        assert_scan_agrees(db)
    finally:
        db.close()


def test_counting_stops_where_the_scan_becomes_the_cheapest_plan():
    first_screen = search_costs.scan_count_cap(64, 1_000_000, like=False)
    chunk = search_costs.scan_count_cap(250, 1_000_000, like=False)
    assert search_costs.SPARSE < first_screen < chunk < search_costs.SCAN_DENSE
    # A substring test makes each scanned entry dearer: the scan wins later.
    assert search_costs.scan_count_cap(64, 1_000_000, like=True) > first_screen
    # At the cap the scan of one page costs what reading every match for it would.
    walked = 65 * 1_000_000 / first_screen
    assert walked * search_costs.COST_SCAN == pytest.approx(
        first_screen * search_costs.COST_COVERING, rel=0.01)
    # Never below the count that decides the cheap plans of a few matches, never above the cap.
    assert search_costs.scan_count_cap(64, 500, like=False) == search_costs.SPARSE
    assert search_costs.scan_count_cap(10_000, 10**9, like=True) == search_costs.SCAN_DENSE
