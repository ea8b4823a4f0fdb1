"""A list streamed id by id (the Customers table after its first screen) reads through a
reader with a small page cache, and the reader has its usual cache again afterwards, however
the stream ends."""

from __future__ import annotations

from desktop.core.models import Customer
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.store.database import READER_CACHE_MIB, SCAN_CACHE_MIB


def cache_kib(db) -> int:
    return -int(db.reader().execute("PRAGMA cache_size").fetchone()[0])


def add_customers(db, count: int) -> None:
    with db.transaction():
        for number in range(count):
            db.customers.add(Customer(id=None, name=f"顾客{number}",
                                      phone=f"+86138{number:08d}"))


def test_scanning_shrinks_the_cache_for_its_span(shop) -> None:
    db = shop.workspace.shop.db
    assert cache_kib(db) == READER_CACHE_MIB * 1024
    with db.scanning():
        assert cache_kib(db) == SCAN_CACHE_MIB * 1024
    assert cache_kib(db) == READER_CACHE_MIB * 1024


def test_streamed_ids_read_with_the_small_cache(shop) -> None:
    db = shop.workspace.shop.db
    add_customers(db, 7)
    service = CustomerService(shop.workspace)
    seen: list[int] = []
    sizes: set[int] = set()
    for chunk in service.iter_ids(shop.owner, CustomerFilter(), CustomerSort.NEWEST, 2):
        seen += chunk
        sizes.add(cache_kib(db))
    assert len(seen) == 7
    assert sizes == {SCAN_CACHE_MIB * 1024}
    assert cache_kib(db) == READER_CACHE_MIB * 1024


def test_a_stream_left_early_restores_the_cache(shop) -> None:
    db = shop.workspace.shop.db
    add_customers(db, 5)
    stream = CustomerService(shop.workspace).iter_ids(
        shop.owner, CustomerFilter(), CustomerSort.NEWEST, 2)
    assert len(next(stream)) == 2
    assert cache_kib(db) == SCAN_CACHE_MIB * 1024
    stream.close()  # what a cancelled task's dropped generator does
    assert cache_kib(db) == READER_CACHE_MIB * 1024
