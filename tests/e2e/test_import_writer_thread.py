"""New customers' rows made on a second thread while the import's thread inserts
(desktop.store.import_writer), in a real SQLCipher shop: the search entries filled chunk by
chunk are those of the one-statement fill, a failure on either thread surfaces on the import's
thread as the same error, and a failure or cancel leaves the shop as it was, no thread behind
and Python's switch interval restored."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
import sqlcipher3

from desktop.core.import_types import CustomerFields, ImportTarget, MatchPolicy, ParsedRow, RowKind
from desktop.services.imports_run import ImportClashError, RowSource, run_rows
from desktop.store import import_writer
from desktop.store.import_rows import NewCustomerRows
from desktop.store.import_search import NewNameGrams
from desktop.store.search_keys import fill_after_bulk_load
from tests.support.shops import ShopFixture

INTERVAL = sys.getswitchinterval()
TABLES = ("customers", "customer_tags", "customer_name_grams", "import_batches")


def rows(count: int, start: int = 0) -> list[ParsedRow]:
    return [
        ParsedRow(number + 2, RowKind.DATA, customer=CustomerFields(
            name=f"客户{number}号", phone=f"+86139{number:08d}", member_no=f"M{number:05d}",
            email=f"c{number}@example.com" if number % 3 == 0 else None,
            tags=("会员",) if number % 2 else ()))
        for number in range(start, start + count)
    ]


def run(shop: ShopFixture, parsed: list[ParsedRow], progress: Any = None) -> Any:
    return run_rows(shop.workspace, shop.owner, RowSource("会员.xlsx", "Sheet1", parsed,
                                                          len(parsed)),
                    ImportTarget.CUSTOMERS, MatchPolicy.FILL_EMPTY, progress)


def tables(shop: ShopFixture) -> dict[str, list[tuple[object, ...]]]:
    conn = shop.workspace.shop.db.conn
    return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in TABLES}


def trigrams(shop: ShopFixture) -> list[tuple[object, ...]]:
    """The trigram index, term by term and occurrence by occurrence."""
    conn = shop.workspace.shop.db.conn
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms"
                  " USING fts5vocab(main, customer_text_fts, 'instance')")
    return conn.execute("SELECT * FROM temp.fts_terms ORDER BY 1, 2, 3, 4").fetchall()


def no_writer_thread() -> bool:
    """No thread left behind, and Python's switch interval back to what it was."""
    return sys.getswitchinterval() == INTERVAL and not any(
        thread.name == "import-rows" for thread in threading.enumerate())


@pytest.mark.parametrize("bulk_from", [5, 10_000])  # the index-rebuilding load, and not
def test_chunk_by_chunk_search_entries_equal_the_one_statement_fill(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    monkeypatch.setattr("desktop.store.imports.INSERT_CHUNK", 4)
    monkeypatch.setattr("desktop.store.imports.BULK_LOAD_FROM", bulk_from)
    run(shop, rows(3))  # stored before: the import's ids do not start at 1
    assert run(shop, rows(11, start=3)).counts.customers_created == 11
    conn = shop.workspace.shop.db.conn
    assert conn.execute("SELECT count(*), min(id), max(id) FROM customers").fetchone() == (
        14, 1, 14)
    assert no_writer_thread()
    chunked = trigrams(shop)
    assert len(chunked) > 14 * 10
    conn.execute("BEGIN")
    conn.execute("INSERT INTO customer_text_fts (customer_text_fts) VALUES ('delete-all')")
    fill_after_bulk_load(conn, 1)
    assert trigrams(shop) == chunked
    conn.execute("ROLLBACK")
    tags = conn.execute("SELECT customer_id FROM customer_tags ORDER BY 1").fetchall()
    assert [row[0] for row in tags] == [number + 1 for number in range(14) if number % 2]


# Member numbers the trigram index hides (phone, ID or card like, spaces and hyphens aside)
# and ones it shows, with and without e-mail and WeChat ID: the entries bound from Python must
# be exactly those the SQL fill derives from the stored rows.
MEMBER_NUMBERS = ("M90001", "138 0013 8000", "+44-20-7946", "44010619900101123X", "12345",
                  "VIP-8", "+1", "x" * 12, None)


def mixed_rows() -> list[ParsedRow]:
    return [
        ParsedRow(number + 2, RowKind.DATA, customer=CustomerFields(
            name=("张三丰", "Lily Green", "欧阳·娜娜", "李")[number % 4],
            phone=f"+86137{number:08d}", member_no=member_no,
            email=f"m{number}@example.com" if number % 2 else None,
            wechat_id=f"wx_{number}_abc" if number % 3 else None))
        for number, member_no in enumerate(MEMBER_NUMBERS)
    ]


@pytest.mark.parametrize("bulk_from", [5, 10_000])
def test_search_entries_bound_from_python_equal_the_sql_fill_for_every_kind_of_number(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch, bulk_from: int
) -> None:
    monkeypatch.setattr("desktop.store.imports.INSERT_CHUNK", 4)
    monkeypatch.setattr("desktop.store.imports.BULK_LOAD_FROM", bulk_from)
    run(shop, rows(2))
    assert run(shop, mixed_rows()).counts.customers_created == len(MEMBER_NUMBERS)
    conn = shop.workspace.shop.db.conn
    imported = trigrams(shop)
    assert any(term == "013" and column == "private" for term, _, column, _ in imported)
    assert any(term == "vip" and column == "member" for term, _, column, _ in imported)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO customer_text_fts (customer_text_fts) VALUES ('delete-all')")
    fill_after_bulk_load(conn, 1)
    assert trigrams(shop) == imported
    conn.execute("ROLLBACK")


@pytest.mark.parametrize("failing", ["rows", "sql", "grams"])
def test_an_error_on_either_thread_surfaces_and_leaves_the_shop_as_it_was(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    made: list[int] = []
    make_rows = NewCustomerRows.rows
    insert_chunk = import_writer.insert_chunk

    def broken_rows(self: NewCustomerRows, *args: Any) -> Any:
        made.append(1)
        if len(made) == 3:
            raise MemoryError
        return make_rows(self, *args)

    def full(conn: Any, chunk: import_writer.Chunk) -> None:
        made.append(1)
        if len(made) == 3:
            raise sqlcipher3.OperationalError("database or disk is full")
        insert_chunk(conn, chunk)

    def no_id_lists(self: NewNameGrams) -> Any:
        raise MemoryError

    if failing == "rows":
        monkeypatch.setattr(NewCustomerRows, "rows", broken_rows)
    elif failing == "sql":
        monkeypatch.setattr("desktop.store.imports.insert_chunk", full)
    else:  # made on the second thread after the last chunk, raised on the import's
        monkeypatch.setattr(NewNameGrams, "id_lists", no_id_lists)
    monkeypatch.setattr("desktop.store.imports.INSERT_CHUNK", 3)
    before = tables(shop)
    with pytest.raises(sqlcipher3.OperationalError if failing == "sql" else MemoryError):
        run(shop, rows(20))
    assert tables(shop) == before
    assert no_writer_thread()
    monkeypatch.undo()
    assert run(shop, rows(20)).counts.customers_created == 20  # the connection works on


def test_a_clash_met_while_inserting_is_still_an_import_clash(shop: ShopFixture) -> None:
    """Member numbers differing only in case are two people to the planner; a unique index
    that ignores case refuses the second — an ImportClashError, nothing written."""
    conn = shop.workspace.shop.db.conn
    conn.execute("CREATE UNIQUE INDEX test_member_nocase ON customers(member_no COLLATE NOCASE)")
    before = tables(shop)
    parsed = rows(2)
    second = parsed[1].customer
    assert second is not None
    parsed[1] = ParsedRow(3, RowKind.DATA, customer=CustomerFields(
        name=second.name, phone=second.phone, member_no="m00000"))
    with pytest.raises(ImportClashError):
        run(shop, parsed)
    assert tables(shop) == before
    assert no_writer_thread()


def test_cancel_while_inserting_stops_the_second_thread_and_writes_nothing(
    shop: ShopFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.store.imports.INSERT_CHUNK", 50)
    before = tables(shop)
    seen: list[int] = []

    def cancel(done: int, total: int) -> None:
        seen.append(done)
        if done > 800:  # a good part of the customers handed to the thread
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(shop, rows(3_000), cancel)
    assert 800 < max(seen) < 1_000
    assert tables(shop) == before
    assert no_writer_thread()
