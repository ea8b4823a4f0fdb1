"""Customer search, filters, sort orders and keyset paging on a real SQLCipher file."""

from __future__ import annotations

import dataclasses
import os
import re
import threading

import pytest

from desktop.core.demo_data import generate_customers
from desktop.core.models import Customer
from desktop.store.bulk import search_index_names
from desktop.store.connection import create_database, transaction
from desktop.store.customer_search import (
    _ORDERS,
    CustomerSearch,
    SearchFilter,
    SortKey,
)
from desktop.store.customers import CustomerRepository
from desktop.store.database import ShopDatabase
from desktop.store.migrations import available_migrations, migrate, schema_version
from desktop.store.search_keys import latin_key, name_grams, name_keys

T0 = "2024-05-01T08:00:00.000000+00:00"
TIE = "2024-06-01T00:00:00.000000+00:00"

PEOPLE = {
    "wang": Customer(None, "王小明", member_no="VIP-0001", phone="+8613812345678",
                     email="Xiao.Ming@Example.com", wechat_id="wxid_wang01", city="北京市",
                     level="金卡", tags=("老客户", "VIP"), created_at=TIE, points=50),
    "zhangwei": Customer(None, "张伟", member_no="M100", phone="+8613900001111", city="上海市",
                         level="普通", tags=("VIP",), created_at=TIE, points=50),
    "zhangweiqiang": Customer(None, "张伟强", phone="+8613700002222", city="上海市",
                              level="银卡", created_at=TIE, points=10),
    "ouyang": Customer(None, "欧阳娜娜", phone="+8615000003333", email="nana@qq.com",
                       wechat_id="nana_oy", city="北京市", level="金卡",
                       created_at="2023-01-02T03:04:05.000000+00:00"),
    "zhangwei2": Customer(None, "章伟", phone="+8618600004444", city="广州市", level="普通",
                          created_at="2025-02-03T00:00:00.000000+00:00"),
    "smith": Customer(None, "John Smith", phone="+447700900123", email="john.smith@gmail.com",
                      city="London", level="普通", tags=("gift buyer",),
                      created_at="2022-07-07T07:07:07.000000+00:00", balance_cents=500),
    "wangfang": Customer(None, "王芳", phone="+8613512340000", city="北京市", level="钻石",
                         created_at=TIE, points=50),
    "liwei": Customer(None, "李·伟", phone="+8613612345000", level="普通",
                      created_at="2021-01-01T00:00:00.000000+00:00"),
}


def _seed(db: ShopDatabase) -> dict[str, int]:
    db.bulk_load(generate_customers(3_000, seed=5, start=50_000))
    return {key: db.customers.add(customer) for key, customer in PEOPLE.items()}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = ShopDatabase.create(tmp_path_factory.mktemp("search") / "shop.db", os.urandom(32))
    ids = _seed(db)
    yield db, ids
    db.close()


@pytest.fixture
def search(seeded):
    return CustomerSearch(seeded[0].reader())


@pytest.fixture
def ids(seeded):
    return seeded[1]


def found(search, text, **filters) -> set[int]:
    return {i for chunk in search.iter_ids(SearchFilter(text=text, **filters), SortKey.NEWEST,
                                           1_000) for i in chunk}


def who(ids, *keys) -> set[int]:
    return {ids[key] for key in keys}


@pytest.mark.parametrize(("text", "expected"), [
    ("王", ("wang", "wangfang")),
    ("伟", ("zhangwei", "zhangweiqiang", "zhangwei2", "liwei")),
    ("张伟", ("zhangwei", "zhangweiqiang")),
    ("张 伟", ("zhangwei", "zhangweiqiang")),
    ("李伟", ("liwei",)),
    ("李·伟", ("liwei",)),
    ("欧阳娜", ("ouyang",)),
    ("张伟强", ("zhangweiqiang",)),
    ("王小明", ("wang",)),
])
def test_chinese_name_substrings_of_any_length(search, ids, text, expected):
    hits = found(search, text)
    assert who(ids, *expected) <= hits
    names = {c.name for c in _customers(search, hits)}
    wanted = re.sub(r"[\s·]", "", text)
    assert all(wanted in re.sub(r"[\s·]", "", name) for name in names)


def _customers(search, id_set):
    return search.rows_by_ids(sorted(id_set))


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("zhangwei", ("zhangwei", "zhangwei2", "zhangweiqiang"), ("wang",)),
    ("Zhang Wei", ("zhangwei", "zhangwei2", "zhangweiqiang"), ()),
    ("zhangweiq", ("zhangweiqiang",), ("zhangwei", "zhangwei2")),
    ("zw", ("zhangwei", "zhangwei2", "zhangweiqiang"), ("wang",)),
    ("zwq", ("zhangweiqiang",), ("zhangwei",)),
    ("wxm", ("wang",), ()),
    ("oynn", ("ouyang",), ()),
    ("ouyang", ("ouyang",), ()),
    ("john", ("smith",), ()),
    ("Smith", ("smith",), ()),
    ("js", ("smith",), ()),
])
def test_pinyin_full_and_initials_and_latin_names(search, ids, text, expected, not_expected):
    hits = found(search, text)
    assert who(ids, *expected) <= hits
    assert not who(ids, *not_expected) & hits


@pytest.mark.parametrize("spelling", [
    "138 1234 5678", "+86-138-1234-5678", "8613812345678", "13812345678", "+8613812345678",
    "0086 138 1234 5678", "(+86) 138-1234-5678", "１３８１２３４５６７８",
])
def test_full_phone_in_any_spelling_is_an_exact_match(search, ids, spelling):
    assert found(search, spelling) == who(ids, "wang")


def test_last_four_digits_member_number_email_and_wechat(search, ids):
    assert who(ids, "wang") <= found(search, "5678")
    last4 = _customers(search, found(search, "5678"))
    assert all(
        (c.phone or "").endswith("5678") or (c.member_no or "").startswith("5678") for c in last4
    )
    assert found(search, "VIP-0001") == who(ids, "wang")
    assert found(search, "vip-0001") == who(ids, "wang")
    assert who(ids, "zhangwei") <= found(search, "M1")
    assert found(search, "XIAO.MING@example.COM") == who(ids, "wang")
    assert found(search, "nana@QQ.com") == who(ids, "ouyang")
    assert found(search, "john.smith@") == who(ids, "smith")
    assert found(search, "wxid_wang01") == who(ids, "wang")
    assert found(search, "WXID_WANG") == who(ids, "wang")
    assert found(search, "nana_oy") == who(ids, "ouyang")
    assert found(search, "不存在的人") == set()
    assert found(search, "张a") == set() and search.count(SearchFilter(text="张a")) == 0
    assert found(search, "!!!") == set() and found(search, "@") == set()
    assert found(search, "1234567") == set()  # part of a phone is not searchable


def test_filters_alone_and_with_text(search, ids):
    def check(expected, text="", **filters):
        hits = found(search, text, **filters)
        assert who(ids, *expected) <= hits
        for row in _customers(search, hits):
            assert filters.get("tag", row.tags[0] if row.tags else None) in (row.tags or (None,))
            assert filters.get("level", row.level) == row.level
            assert filters.get("city", row.city) == row.city
            assert filters.get("created_from", "") <= row.created_at
            assert row.created_at < filters.get("created_before", "9999")
            assert re.sub(r"\s", "", text) in re.sub(r"[\s·]", "", row.name) or not text.strip()
        return hits

    check(("wang", "zhangwei"), tag="VIP")
    assert check(("wang",), "王", tag="VIP") == who(ids, "wang")
    check(("zhangwei", "zhangweiqiang"), "张伟", city="上海市")
    check(("zhangwei", "zhangwei2", "liwei"), "伟", level="普通")
    check(("wangfang",), "王", level="钻石")
    check(("zhangwei", "zhangweiqiang"), "伟", created_from="2024-01-01",
          created_before="2025-01-01")
    check(("smith",), tag="gift buyer", city="London")
    tie = check(("wang", "zhangwei", "zhangweiqiang", "wangfang"), created_from=TIE,
                created_before=TIE + "x")
    assert tie == who(ids, "wang", "zhangwei", "zhangweiqiang", "wangfang")


FILTERS = [
    SearchFilter(),
    SearchFilter(text="王"),
    SearchFilter(text="张伟"),
    SearchFilter(text="zw"),
    SearchFilter(text="zh"),
    SearchFilter(text="z"),
    SearchFilter(text="gmail"),
    SearchFilter(text="M00"),
    SearchFilter(text="5678"),
    SearchFilter(tag="VIP"),
    SearchFilter(level="金卡"),
    SearchFilter(city="北京市", tag="老客户"),
    SearchFilter(level="钻石", tag="VIP"),
    SearchFilter(text="伟", level="普通"),
    SearchFilter(created_from="2020-01-01", created_before="2022-01-01"),
    SearchFilter(text="l", created_from="2019-01-01", created_before="2023-01-01"),
]


def _expected_order(conn, sort: SortKey, id_set: set[int]) -> list[int]:
    order = _ORDERS[sort]
    direction = " DESC" if order.descending else ""
    rows = conn.execute(
        f"SELECT c.id FROM customers c NOT INDEXED"
        f" ORDER BY {', '.join(key + direction for key in order.keys)}"
    ).fetchall()
    return [row[0] for row in rows if row[0] in id_set]


@pytest.mark.parametrize("sort", list(SortKey))
@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f)[12:60])
def test_keyset_pages_follow_a_plain_order_by_in_every_plan(seeded, search, sort, flt):
    conn = seeded[0].reader()
    base = search.plan(flt, sort, 37)
    everything = {i for chunk in search.iter_ids(flt, sort, 100_000) for i in chunk}
    assert len(everything) == search.count(flt)
    expected = _expected_order(conn, sort, everything)
    kinds = {"lookup", "probe", "walk", base.kind}
    by_time = sort in (SortKey.NEWEST, SortKey.OLDEST)
    if by_time and len(base.groups) == 1:
        kinds.add("covering")
        if all(source.scannable for source in base.groups[0].sources):
            kinds.add("scan")
    if not base.groups:
        kinds = {"walk"}
    for kind in sorted(kinds):
        plan = dataclasses.replace(base, kind=kind)
        pages, after = [], None
        while True:
            page = search.page_with(plan, flt, 37, after)
            pages += page.ids
            if not page.more:
                break
            after = page.cursor
        assert pages == expected, kind


def test_plans_never_scan_the_customers_table(seeded, search):
    cases = {
        "王": ("ordered", "customer_name_grams USING PRIMARY KEY (gram=?)"),
        "张伟": ("ordered", "customer_name_grams USING PRIMARY KEY (gram=?)"),
        "13812345678": (None, "ix_customers_phone "),
        "5678": (None, "ix_customers_phone_last4"),
        "zhangwei": (None, "ix_customers_pinyin"),
        "zw": (None, "ix_customers_initials"),
        "欧阳娜娜": (None, "customer_text_fts VIRTUAL TABLE INDEX 0:M"),
        "nana@qq.com": (None, "customer_text_fts VIRTUAL TABLE INDEX 0:M"),
    }
    for text, (kind, index) in cases.items():
        got_kind, plan = search.explain(SearchFilter(text=text), SortKey.NEWEST, 200)
        lines = "\n".join(plan) + "\n"
        assert kind is None or got_kind == kind, text
        assert index in lines.replace("\n", " "), (text, lines)
        assert not re.search(r"SCAN (c|customers)\n", lines), (text, lines)
    for sort in SortKey:
        _, plan = search.explain(SearchFilter(), sort, 200)
        assert re.fullmatch(rf"SCAN c USING (COVERING )?INDEX {_ORDERS[sort].index}", plan[0])
    for flt in (SearchFilter(level="金卡"), SearchFilter(city="北京市")):
        kind, plan = search.explain(flt, SortKey.NEWEST, 200)
        assert kind == "ordered" and "USING COVERING INDEX ix_customers_" in plan[0]
        assert "TEMP B-TREE" not in " ".join(plan)
    base = search.plan(SearchFilter(level="钻石", tag="VIP"), SortKey.NEWEST, 200)
    for kind in ("probe", "walk"):
        plan = dataclasses.replace(base, kind=kind)
        sql, params = search._sql(plan, SearchFilter(level="钻石", tag="VIP"), 201, None)
        lines = [row[-1] for row in seeded[0].reader().execute(
            "EXPLAIN QUERY PLAN " + sql, params)]
        assert "INDEX ix_customers_level (level=?" in lines[0], lines
        assert not any("TEMP B-TREE FOR ORDER BY" in line for line in lines), lines


def test_first_page_reports_whether_more_follow(search):
    page = search.page(SearchFilter(), SortKey.NEWEST, 10)
    assert len(page.ids) == 10 and page.more
    small = search.page(SearchFilter(text="欧阳娜娜"), SortKey.NEWEST, 10)
    assert not small.more and len(small.ids) >= 1


def test_rows_keep_the_order_asked_and_skip_missing(search, ids):
    rows = search.rows_by_ids([ids["smith"], 10_000_000, ids["wang"]])
    assert [r.id for r in rows] == [ids["smith"], ids["wang"]]
    assert rows[1].tags == ("VIP", "老客户") and rows[1].phone == "+8613812345678"


def test_distinct_tags_levels_cities(search):
    assert {"VIP", "老客户", "gift buyer"} <= set(search.distinct_values("tag"))
    assert search.distinct_values("level") == sorted({"普通", "银卡", "金卡", "钻石"})
    cities = search.distinct_values("city")
    assert cities == sorted(set(cities)) and "London" in cities and "" not in cities


def test_count_matches_every_filter(search):
    assert search.count(SearchFilter()) == 3_000 + len(PEOPLE)
    for flt in FILTERS:
        assert search.count(flt) == len(
            {i for chunk in search.iter_ids(flt, SortKey.POINTS, 500) for i in chunk}
        )


# ---------------------------------------------------------------- keeping the tables in step


@pytest.fixture
def fresh(tmp_path):
    db = ShopDatabase.create(tmp_path / "shop.db", os.urandom(32))
    yield db
    db.close()


def _fts_ids(conn, phrase):
    return {row[0] for row in conn.execute(
        "SELECT rowid FROM customer_text_fts WHERE customer_text_fts MATCH ?",
        ('"' + phrase + '"',),
    )}


def _fts_ok(conn):
    conn.execute("INSERT INTO customer_text_fts (customer_text_fts) VALUES ('integrity-check')")


def test_update_and_delete_keep_every_search_table_in_step(fresh):
    repo, search = fresh.customers, CustomerSearch(fresh.reader())
    new_id = repo.add(PEOPLE["wang"])
    assert found(search, "王小明") == {new_id} == found(search, "wxm")
    repo.update(dataclasses.replace(repo.get(new_id), name="李大山", wechat_id="wx_new_1"))
    assert found(search, "王小明") == set() == found(search, "wxid_wang01")
    assert found(search, "大山") == {new_id} == found(search, "lidashan") == found(
        search, "wx_new_1")
    _fts_ok(fresh.conn)
    assert repo.delete(new_id)
    for text in ("李大山", "大山", "李", "lds", "lidashan", "wx_new_1", "5678",
                 "13812345678", "VIP-0001"):
        assert found(search, text) == set(), text
    assert fresh.conn.execute("SELECT count(*) FROM customer_name_grams").fetchone()[0] == 0
    assert _fts_ids(fresh.conn, "wx_new_1") == set()
    _fts_ok(fresh.conn)


def test_failed_add_in_a_transaction_leaves_no_search_entries(fresh):
    with pytest.raises(RuntimeError), transaction(fresh.conn):
        fresh.customers.add(PEOPLE["ouyang"])
        raise RuntimeError("cancel")
    assert fresh.conn.execute("SELECT count(*) FROM customer_name_grams").fetchone()[0] == 0
    assert _fts_ids(fresh.conn, "nana") == set()


def test_bulk_load_writes_what_the_repository_writes(tmp_path):
    bulk = ShopDatabase.create(tmp_path / "bulk.db", os.urandom(32))
    one_by_one = ShopDatabase.create(tmp_path / "single.db", os.urandom(32))
    try:
        people = [*generate_customers(400, seed=9), *PEOPLE.values()]
        bulk.bulk_load(people)
        for customer in people:
            one_by_one.customers.add(customer)
        for table, key in (("customer_name_grams", "gram, created_at, customer_id"),
                           ("customers", "id")):
            columns = key if table != "customers" else "id, name_pinyin, name_initials"
            sql = f"SELECT {columns} FROM {table} ORDER BY {key}"
            assert bulk.conn.execute(sql).fetchall() == one_by_one.conn.execute(sql).fetchall()
        for phrase in ("qq.com", "M0001", "nana_oy", "Smith", "欧阳娜", "wxid_"):
            assert _fts_ids(bulk.conn, phrase) == _fts_ids(one_by_one.conn, phrase) != set()
        _fts_ok(bulk.conn)
        names = {row[0] for row in bulk.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert set(search_index_names()) <= names
    finally:
        bulk.close()
        one_by_one.close()


def test_customers_stored_before_migration_3_get_search_keys_on_open(tmp_path):
    path, key = tmp_path / "old.db", os.urandom(32)
    conn = create_database(path, key)
    migrate(conn, up_to=2)  # the schema before search existed
    columns = [c for c in CustomerRepository.columns if c != "id"]
    with transaction(conn):
        for customer in (PEOPLE["wang"], PEOPLE["ouyang"]):
            values = {**dataclasses.asdict(customer), "gender": ""}
            conn.execute(
                f"INSERT INTO customers ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                [values[c] for c in columns],
            )
    conn.close()
    db = ShopDatabase.open(path, key)
    try:
        assert schema_version(db.conn) == len(available_migrations())
        search = CustomerSearch(db.reader())
        assert found(search, "王") == {1} and found(search, "oynn") == {2}
        assert found(search, "wxid_wang01") == {1}
        assert db.conn.execute("SELECT count(*) FROM customer_search_stale").fetchone()[0] == 0
        db.customers.update(dataclasses.replace(db.customers.get(1), name="王大明"))
        assert found(search, "大明") == {1}
        _fts_ok(db.conn)
    finally:
        db.close()


def test_search_keys_of_names():
    assert name_grams("张三丰") == {"张", "三", "丰", "张三", "三丰"}
    assert name_grams("李·伟") == {"李", "伟", "李伟"}
    assert name_grams("John Smith") == frozenset()
    assert name_keys("欧阳娜娜") == ("ouyangnana", "oynn")
    for name in ("John Smith", "José O'Brien", "Zoë Ng", "ｊｏｈｎ", "Anne-Marie 2"):
        assert latin_key(name) == name_keys(name)[0]


def test_each_thread_reads_through_its_own_read_only_connection(fresh):
    main = fresh.reader()
    assert fresh.reader() is main
    seen = []
    worker = threading.Thread(target=lambda: seen.append(fresh.reader()))
    worker.start()
    worker.join()
    assert seen[0] is not main and seen[0] is not fresh.conn
    with pytest.raises(Exception, match=r"readonly|read-only|query_only"):
        main.execute("DELETE FROM customers")
    new_id = fresh.customers.add(PEOPLE["smith"])
    assert found(CustomerSearch(seen[0]), "smith") == {new_id}  # sees the writer's commit


def test_close_closes_every_reader(tmp_path):
    db = ShopDatabase.create(tmp_path / "shop.db", os.urandom(32))
    reader = db.reader()
    db.close()
    with pytest.raises(Exception, match="closed"):
        reader.execute("SELECT 1")
    with pytest.raises(RuntimeError):
        db.reader()
