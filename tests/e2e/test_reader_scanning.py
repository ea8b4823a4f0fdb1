"""A list streamed id by id (the Customers table after its first screen) reads through a
second reader of the thread with a small page cache, so the reader that the searches use
keeps its cache — its size and its pages — however the stream ends."""

from __future__ import annotations

from desktop.core.models import Customer
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.store.database import READER_CACHE_MIB, SCAN_CACHE_MIB


def cache_kib(conn) -> int:
    return -int(conn.execute("PRAGMA cache_size").fetchone()[0])


def add_customers(db, count: int) -> None:
    with db.transaction():
        for number in range(count):
            db.customers.add(Customer(id=None, name=f"顾客{number}",
                                      phone=f"+86138{number:08d}"))


def test_scanning_reads_through_its_own_small_cache(shop) -> None:
    db = shop.workspace.shop.db
    reader = db.reader()
    with db.scanning() as scanner:
        assert scanner is not reader
        assert cache_kib(scanner) == SCAN_CACHE_MIB * 1024
        assert cache_kib(reader) == READER_CACHE_MIB * 1024
        assert scanner.execute("PRAGMA query_only").fetchone()[0] == 1
    with db.scanning() as again:
        assert again is scanner  # one per thread, kept
    assert db.reader() is reader
    assert cache_kib(reader) == READER_CACHE_MIB * 1024


def test_streamed_ids_leave_the_search_reader_alone(shop) -> None:
    db = shop.workspace.shop.db
    add_customers(db, 7)
    service = CustomerService(shop.workspace)
    reader = db.reader()
    reader.execute("SELECT count(*) FROM customers").fetchone()
    seen: list[int] = []
    sizes: set[int] = set()
    for chunk in service.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST, 2):
        seen += chunk
        sizes.add(cache_kib(reader))
    assert len(seen) == 7
    assert seen == service.ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST, 10).ids
    assert sizes == {READER_CACHE_MIB * 1024}
    assert db.reader() is reader


def test_a_stream_left_early_leaves_both_readers_usable(shop) -> None:
    db = shop.workspace.shop.db
    add_customers(db, 5)
    service = CustomerService(shop.workspace)
    stream = service.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST, 2)
    assert len(next(stream)) == 2
    stream.close()  # what a cancelled task's dropped generator does
    assert cache_kib(db.reader()) == READER_CACHE_MIB * 1024
    again = service.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST, 2)
    assert sum(len(chunk) for chunk in again) == 5


def test_closing_the_database_closes_the_scan_reader(shop) -> None:
    db = shop.workspace.shop.db
    with db.scanning() as scanner:
        scanner.execute("SELECT 1").fetchone()
    db.close()
    try:
        scanner.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 — any "closed" error of the driver
        assert "closed" in str(exc).lower()
    else:
        raise AssertionError("the scan reader is still open")
