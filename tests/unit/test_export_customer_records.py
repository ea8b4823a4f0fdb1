"""ExportQueries.customer_records against a real SQLCipher file: the layout of
CustomerRepository.records, with only the asked-for columns (and tags) read."""

from __future__ import annotations

import dataclasses

from desktop.core.demo_data import generate_customers
from desktop.services.export_api import ReportKind
from desktop.services.exports_columns import CATALOGUE
from desktop.services.exports_customer_rows import customer_rows
from desktop.services.exports_rows import LocalTimes, Masker
from desktop.store.connection import Connection
from desktop.store.customers import CustomerRepository
from desktop.store.export_queries import CUSTOMER_CHUNK, ExportQueries


def test_customer_records_read_only_what_is_asked(conn: Connection) -> None:
    repo = CustomerRepository(conn)
    ids = [repo.add(dataclasses.replace(c, tags=c.tags or ("VIP",)))
           for c in generate_customers(CUSTOMER_CHUNK + 30)]
    order = [*reversed(ids), 999_999, ids[1]]  # over one IN list, a missing id, a repeat
    full = repo.records(order)
    assert len(full) == len(ids)
    queries = ExportQueries(conn)
    assert queries.customer_records(order, set(CustomerRepository.columns), True) == full
    wanted = {"name", "phone", "created_at"}
    part = queries.customer_records(order, wanted, False)
    at = {name: index for index, name in enumerate(CustomerRepository.columns)}
    read = {at["id"], *(at[name] for name in wanted)}
    assert len(part) == len(full)
    for got, stored in zip(part, full, strict=True):
        assert len(got) == len(stored)
        assert [v for i, v in enumerate(got) if i in read] == \
            [v for i, v in enumerate(stored) if i in read]
        assert all(v is None for i, v in enumerate(got) if i not in read)
        assert stored[-1] is not None  # tags were there to be read


def test_report_rows_from_the_columns_they_name_equal_rows_from_full_records(
        conn: Connection) -> None:
    repo = CustomerRepository(conn)
    ids = [repo.add(c) for c in generate_customers(200)]
    columns = CATALOGUE[ReportKind.CUSTOMERS]
    for chosen in (columns, columns[:3], [c for c in columns if c.key == "customer.tags"]):
        build = customer_rows(chosen, Masker(masked=True), LocalTimes(None), None)
        wanted, tags = build.stored_columns()
        assert tags == any(c.key == "customer.tags" for c in chosen)
        narrow = ExportQueries(conn).customer_records(ids, wanted, tags)
        assert build(narrow) == build(repo.records(ids))
