"""Undoing an import puts stored customers' resident IDs back as they were before it: an ID
the import filled into an empty field is removed again, one it overwrote comes back (sealed,
masked, and findable by its HMAC), and an ID changed since the import is kept."""

from __future__ import annotations

from pathlib import Path

from desktop.core.import_types import MatchPolicy
from desktop.services.customer_views import CustomerDraft, CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.import_api import ImportCounts
from desktop.services.imports import ImportService
from desktop.store.field_keys import FieldKeyRepository, SealedColumns
from tests.e2e.test_import_resident_ids import FIRST_ID, SECOND_ID, id_sheet, request_for
from tests.support.shops import ShopFixture

THIRD_ID = "110101199003074119"


def stored_id(shop: ShopFixture, customer_id: int) -> SealedColumns | None:
    return FieldKeyRepository(shop.workspace.shop.db.conn).resident_id(customer_id)


def found_by(shop: ShopFixture, text: str) -> list[int]:
    customers = CustomerService(shop.workspace)
    return customers.ids(shop.owner, CustomerFilter(text=text), CustomerSort.NEWEST, 10).ids


def test_undo_removes_ids_filled_into_empty_fields(shop: ShopFixture, tmp_path: Path) -> None:
    customers = CustomerService(shop.workspace)
    existing = customers.add(shop.owner, CustomerDraft(name="李四", phone="13800000002"))
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "ids.xlsx", [
        ["张三", "13800000001", FIRST_ID],
        ["李四", "13800000002", SECOND_ID],
    ])
    result = service.run(shop.owner, request_for(service, shop.owner, path))
    assert result.counts == ImportCounts(created=1, updated=1, customers_created=1,
                                         customers_updated=1)
    assert customers.profile(shop.owner, existing).resident_id == SECOND_ID

    undone = service.undo(shop.owner, result.batch_id)

    assert undone == ImportCounts(customers_created=1, customers_updated=1)
    assert stored_id(shop, existing) is None
    assert customers.profile(shop.owner, existing).resident_id == ""
    assert found_by(shop, SECOND_ID) == []
    assert found_by(shop, FIRST_ID) == []
    assert customers.profile(shop.owner, existing).name == "李四"


def test_undo_brings_back_an_overwritten_id_with_the_other_fields(
    shop: ShopFixture, tmp_path: Path
) -> None:
    customers = CustomerService(shop.workspace)
    customer_id = customers.add(shop.owner, CustomerDraft(
        name="李四", phone="13800000002", resident_id=FIRST_ID))
    before = stored_id(shop, customer_id)
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "ids.xlsx", [["李四四", "13800000002", SECOND_ID]])
    result = service.run(shop.owner,
                         request_for(service, shop.owner, path, MatchPolicy.OVERWRITE))
    assert customers.profile(shop.owner, customer_id).resident_id == SECOND_ID
    assert customers.profile(shop.owner, customer_id).name == "李四四"

    undone = service.undo(shop.owner, result.batch_id)

    assert undone == ImportCounts(customers_updated=1)
    assert stored_id(shop, customer_id) == before
    profile = customers.profile(shop.owner, customer_id)
    assert (profile.name, profile.resident_id) == ("李四", FIRST_ID)
    assert found_by(shop, FIRST_ID) == [customer_id]
    assert found_by(shop, SECOND_ID) == []


def test_undo_keeps_an_id_changed_since_the_import(shop: ShopFixture, tmp_path: Path) -> None:
    customers = CustomerService(shop.workspace)
    customer_id = customers.add(shop.owner, CustomerDraft(name="李四", phone="13800000002"))
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "ids.xlsx", [["李四", "13800000002", SECOND_ID]])
    result = service.run(shop.owner, request_for(service, shop.owner, path))
    customers.update(shop.owner, customer_id, CustomerDraft(
        name="李四", phone="13800000002", resident_id=THIRD_ID))

    undone = service.undo(shop.owner, result.batch_id)

    assert undone == ImportCounts(skipped=1)
    assert customers.profile(shop.owner, customer_id).resident_id == THIRD_ID
    assert found_by(shop, THIRD_ID) == [customer_id]
