"""Importing a sheet with a 身份证号 column into a real shop: the IDs are stored sealed (with
their masked form and search HMAC), readable only by the owner, filled into customers that
had none, and a re-import changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from desktop.core.import_types import MatchPolicy
from desktop.core.roles import Role
from desktop.services.customer_views import CustomerDraft, CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.import_api import ImportCounts, ImportRequest
from desktop.services.imports import ImportService
from desktop.services.imports_sensitive import ImportNeedsFieldKeyError
from desktop.services.session import Session
from desktop.store.field_keys import FieldKeyRepository
from tests.support.shops import ShopFixture

FIRST_ID = "11010119900307002X"
SECOND_ID = "110101199003071233"
LEGACY_ID = "110105491231002"  # 15 digits: converted to 11010519491231002X, with a warning


def id_sheet(path: Path, rows: list[list[object]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("会员")
    sheet.write_row(0, 0, ["姓名", "手机号", "身份证号"])
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            sheet.write_string(offset, column, str(value))
    book.close()
    return path


def request_for(service: ImportService, session: Session, path: Path,
                policy: MatchPolicy = MatchPolicy.FILL_EMPTY) -> ImportRequest:
    overview = service.inspect(session, path)
    preview = service.preview(session, path, overview.suggested_sheet)
    assert {m.header: m.field for m in preview.mapping}["身份证号"] == "customer.id_number"
    return ImportRequest(path, preview.sheet, preview.header_row, preview.target,
                         preview.mapping, policy, preview.layout)


def ids_by_phone(shop: ShopFixture) -> dict[str, int]:
    conn = shop.workspace.shop.db.conn
    return {str(phone): int(cid) for cid, phone in conn.execute("SELECT id, phone FROM customers")}


def test_import_stores_sealed_ids_fills_empty_ones_and_reimport_changes_nothing(
    shop: ShopFixture, tmp_path: Path
) -> None:
    manager = Session(shop.workspace.accounts.add_user(
        shop.owner, "li", Role.MANAGER, "Manager-pass-99"))
    customers = CustomerService(shop.workspace)
    existing = customers.add(manager, CustomerDraft(name="李四", phone="13800000002"))
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "会员身份证.xlsx", [
        ["张三", "13800000001", FIRST_ID],
        ["李四", "13800000002", SECOND_ID],
        ["王五", "13800000003", LEGACY_ID],
    ])
    request = request_for(service, manager, path)
    result = service.run(manager, request)
    assert result.counts == ImportCounts(created=2, updated=1, customers_created=2,
                                         customers_updated=1)
    phones = ids_by_phone(shop)
    repo = FieldKeyRepository(shop.workspace.shop.db.conn)
    for phone, expected in (("+8613800000001", FIRST_ID), ("+8613800000002", SECOND_ID),
                            ("+8613800000003", "11010519491231002X")):
        stored = repo.resident_id(phones[phone])
        assert stored is not None and expected.encode() not in stored.sealed
        assert stored.masked == expected[:6] + "********" + expected[-4:]
        assert customers.profile(manager, phones[phone]).resident_id == stored.masked
        assert customers.profile(shop.owner, phones[phone]).resident_id == expected
    assert phones["+8613800000002"] == existing
    found = customers.ids(manager, CustomerFilter(text=SECOND_ID), CustomerSort.NEWEST, 10)
    assert found.ids == [existing]

    before = {cid: repo.resident_id(cid) for cid in phones.values()}
    again = service.run(manager, request)
    assert again.counts == ImportCounts(skipped=3)
    assert {cid: repo.resident_id(cid) for cid in phones.values()} == before


def test_fill_empty_keeps_a_stored_id_and_overwrite_replaces_it(
    shop: ShopFixture, tmp_path: Path
) -> None:
    customers = CustomerService(shop.workspace)
    customer_id = customers.add(shop.owner, CustomerDraft(
        name="李四", phone="13800000002", resident_id=FIRST_ID))
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "ids.xlsx", [["李四", "13800000002", SECOND_ID]])
    service.run(shop.owner, request_for(service, shop.owner, path))
    assert customers.profile(shop.owner, customer_id).resident_id == FIRST_ID
    path = id_sheet(tmp_path / "ids2.xlsx", [["李四四", "13800000002", SECOND_ID]])
    service.run(shop.owner, request_for(service, shop.owner, path, MatchPolicy.OVERWRITE))
    assert customers.profile(shop.owner, customer_id).resident_id == SECOND_ID


def test_a_shop_without_a_field_key_refuses_the_id_column_clearly(
    shop: ShopFixture, tmp_path: Path
) -> None:
    db = shop.workspace.shop.db
    with db.transaction():  # as a shop from before the field key, until the owner logs in
        db.conn.execute("DELETE FROM field_key_wraps")
        db.conn.execute("DELETE FROM field_keys")
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "ids.xlsx", [["张三", "13800000001", FIRST_ID]])
    with pytest.raises(ImportNeedsFieldKeyError):
        service.dry_run(shop.owner, request_for(service, shop.owner, path))
    assert db.conn.execute("SELECT count(*) FROM customers").fetchone() == (0,)
