"""The customer report read a column at a time (desktop.store.export_columns) and masked on
the writer thread writes the very file the records path writes: every byte of the CSV, every
cell of the workbook — for the fixture customers with nasty notes, demo customers across
several batches, and customers whose values the column form leaves to the records."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from desktop.core.demo_data import generate_customers
from desktop.core.models import Customer
from desktop.services import exports_reports
from desktop.services.export_api import CsvEncoding, ExportFormat, ExportRequest, ReportKind
from desktop.services.exports import ExportService
from desktop.services.exports_columns import CATALOGUE
from desktop.store.export_columns import SEPARATOR, CustomerColumns
from tests.e2e.export_support import open_workbook, seed, workbook_cells

ALL_COLUMNS = tuple(c.column.key for c in CATALOGUE[ReportKind.CUSTOMERS]
                    if c.column.key != "customer.resident_id")


@pytest.fixture
def filled(shop, monkeypatch: pytest.MonkeyPatch):
    seed(shop.workspace)
    db = shop.workspace.shop.db
    people = list(generate_customers(2_300))
    people[5] = dataclasses.replace(people[5], notes=f"a{SEPARATOR}b")  # left to the records
    people[7] = dataclasses.replace(people[7], tags=(), email=None, phone=None, member_no=None)
    with db.transaction():
        for person in people:
            db.customers.add(person)
        db.customers.add(Customer(id=None, name="=HYPERLINK(1)", notes="-1", level="+x"))
    monkeypatch.setattr(exports_reports, "BATCH", 700)  # several batches, a short last one
    return shop


def _export(shop, out: Path, *, by_columns: bool, monkeypatch: pytest.MonkeyPatch,
            **request: object) -> bytes:
    read = CustomerColumns.read
    calls: list[bool] = []

    def counted(self: CustomerColumns, ids):
        found = read(self, ids)
        calls.append(found is not None)
        return found

    with monkeypatch.context() as patch:
        patch.setattr(CustomerColumns, "read",
                      counted if by_columns else lambda self, ids: None)
        ExportService(shop.workspace).export(shop.owner, ExportRequest(
            ReportKind.CUSTOMERS, out, purpose="check", **request))  # type: ignore[arg-type]
    if by_columns:  # most batches went the column way, one (the separator) did not
        assert calls.count(True) >= 2 and calls.count(False) == 1
    return out.read_bytes()


@pytest.mark.parametrize("encoding", list(CsvEncoding))
@pytest.mark.parametrize("columns", [(), ALL_COLUMNS])
@pytest.mark.parametrize("pseudonym", [False, True])
def test_the_csv_is_byte_for_byte_the_records_paths(filled, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    encoding: CsvEncoding,
                                                    columns: tuple[str, ...],
                                                    pseudonym: bool) -> None:
    options = {"fmt": ExportFormat.CSV, "csv_encoding": encoding, "columns": columns,
               "pseudonymous_key": pseudonym}
    fast = _export(filled, tmp_path / "fast.csv", by_columns=True,
                   monkeypatch=monkeypatch, **options)
    slow = _export(filled, tmp_path / "slow.csv", by_columns=False,
                   monkeypatch=monkeypatch, **options)
    assert fast == slow
    assert fast.count(b"\r\n") == 2_300 + 5 + 1 + 1  # demo, fixture, odd one, header


def test_the_workbook_has_the_records_paths_cells(filled, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for by_columns in (True, False):
        _export(filled, tmp_path / f"{by_columns}.xlsx", by_columns=by_columns,
                monkeypatch=monkeypatch, columns=ALL_COLUMNS)
    fast, slow = (
        [cell for cell in workbook_cells(open_workbook(tmp_path / f"{by_columns}.xlsx"))
         if cell.sheet != "Cover"]
        for by_columns in (True, False))
    assert fast == slow and len(fast) > 2_300 * 10
