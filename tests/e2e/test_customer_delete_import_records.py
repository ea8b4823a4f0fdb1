"""Deleting a customer also deletes what imports recorded about them for undo: an update's
record holds the customer's values before and after the import, which must not outlive the
customer. Undoing such an import afterwards still works and leaves the others as they were."""

from __future__ import annotations

from pathlib import Path

from desktop.core.import_types import MatchPolicy
from desktop.services.customer_views import CustomerDraft, CustomerFilter
from desktop.services.customers import CustomerService
from desktop.services.import_api import ImportCounts
from desktop.services.imports import ImportService
from tests.e2e.test_import_resident_ids import id_sheet, request_for
from tests.support.shops import ShopFixture

KEPT_ID = "11010119900307301X"


def change_records(shop: ShopFixture) -> list[tuple[str, int, str, str]]:
    rows = shop.workspace.shop.db.conn.execute(
        "SELECT entity, entity_id, coalesce(before, ''), coalesce(after, '')"
        " FROM import_changes ORDER BY entity, entity_id"
    ).fetchall()
    return [(str(a), int(b), str(c), str(d)) for a, b, c, d in rows]


def test_deleting_an_updated_customer_deletes_the_import_record_of_their_values(
    shop: ShopFixture, tmp_path: Path
) -> None:
    customers = CustomerService(shop.workspace)
    updated = customers.add(shop.owner, CustomerDraft(name="李四", phone="13800000002"))
    kept = customers.add(shop.owner, CustomerDraft(name="王五", phone="13800000003"))
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "members.xlsx", [
        ["李四四", "13800000002", ""],
        ["王五五", "13800000003", KEPT_ID],
        ["赵六", "13800000004", ""],
    ])
    result = service.run(shop.owner, request_for(service, shop.owner, path,
                                                 MatchPolicy.OVERWRITE))
    assert result.counts.customers_updated == 2
    assert any("李四" in before for _, _, before, _ in change_records(shop))
    recorded = [entity_id for entity, entity_id, _, _ in change_records(shop)
                if entity == "customer"]
    assert updated in recorded and kept in recorded and len(recorded) == 3

    customers.delete(shop.owner, updated)

    records = change_records(shop)
    assert [entity_id for entity, entity_id, _, _ in records if entity == "customer"
            ] == [i for i in recorded if i != updated]
    assert not any("李四" in before + after for _, _, before, after in records)
    assert not any("13800000002" in before + after for _, _, before, after in records)

    undone = service.undo(shop.owner, result.batch_id)

    assert undone == ImportCounts(customers_created=1, customers_updated=1)
    assert customers.profile(shop.owner, kept).name == "王五"
    assert customers.profile(shop.owner, kept).resident_id == ""


def test_deleting_a_customer_an_import_created_leaves_the_rest_undoable(
    shop: ShopFixture, tmp_path: Path
) -> None:
    customers = CustomerService(shop.workspace)
    service = ImportService(shop.workspace)
    path = id_sheet(tmp_path / "members.xlsx", [
        ["张三", "13800000001", ""],
        ["赵六", "13800000004", ""],
    ])
    result = service.run(shop.owner, request_for(service, shop.owner, path))
    assert result.counts.customers_created == 2
    created = [entity_id for entity, entity_id, _, _ in change_records(shop)
               if entity == "customer"]
    deleted, other = created

    customers.delete(shop.owner, deleted)

    assert [entity_id for entity, entity_id, _, _ in change_records(shop)
            if entity == "customer"] == [other]
    assert service.undo(shop.owner, result.batch_id) == ImportCounts(customers_created=1)
    assert customers.count(shop.owner, CustomerFilter()) == 0
