"""The list's id stream stops inside a chunk's query when its caller cancels it (a newer
search waits behind the stream's current chunk otherwise), and only then: a stream nobody
cancels, or one read without a ``cancelled`` (the export), reads every id."""

from __future__ import annotations

import os

import pytest

from desktop.core.demo_data import generate_customers
from desktop.store import customer_search
from desktop.store.customer_search import CustomerSearch, SearchFilter, SortKey
from desktop.store.database import ShopDatabase

CUSTOMERS = 2_000


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    shop = ShopDatabase.create(tmp_path_factory.mktemp("stop") / "shop.db", os.urandom(32))
    shop.bulk_load(generate_customers(CUSTOMERS, seed=11))
    yield shop
    shop.close()


def every_id(search: CustomerSearch, flt: SearchFilter, chunk: int, **kwargs) -> list[int]:
    return [i for part in search.iter_ids(flt, SortKey.NEWEST, chunk, **kwargs) for i in part]


@pytest.mark.parametrize("text", ["", "z", "li"])
def test_a_stream_not_cancelled_reads_every_id(db, text):
    search = CustomerSearch(db.reader())
    flt = SearchFilter(text=text)
    everything = every_id(search, flt, 97)
    assert everything and len(everything) == search.count(flt)
    assert every_id(search, flt, 97, cancelled=lambda: False) == everything


def test_cancelled_between_chunks_ends_the_stream_there(db):
    search = CustomerSearch(db.reader())
    stream = search.iter_ids(SearchFilter(), SortKey.NEWEST, 100, cancelled=lambda: cancel)
    cancel = False
    assert len(next(stream)) == 100
    cancel = True
    assert list(stream) == []


def test_cancelled_inside_a_query_stops_that_query(db, monkeypatch):
    monkeypatch.setattr(customer_search, "STOP_CHECK_STEPS", 50)
    search = CustomerSearch(db.reader())
    looks = 0

    def cancelled() -> bool:
        nonlocal looks
        looks += 1
        return looks > 3  # true while SQLite reads the first chunk, not before it

    # One chunk would hold every customer: only a stop inside the query can end it early.
    assert every_id(search, SearchFilter(), CUSTOMERS + 1, cancelled=cancelled) == []
    assert looks > 3
    # The connection is usable, with no stop left behind for the next query.
    assert len(every_id(search, SearchFilter(), CUSTOMERS + 1)) == CUSTOMERS


def test_a_query_error_that_is_not_a_cancel_still_raises(db, monkeypatch):
    search = CustomerSearch(db.reader())
    real = search.page_with

    def broken(*args, **kwargs):
        search._conn.execute("SELECT * FROM no_such_table")
        return real(*args, **kwargs)

    monkeypatch.setattr(search, "page_with", broken)
    with pytest.raises(Exception, match="no_such_table"):
        every_id(search, SearchFilter(), 100, cancelled=lambda: False)
