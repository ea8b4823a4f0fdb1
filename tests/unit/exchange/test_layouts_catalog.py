"""The field list, synonyms and layout tables agree with each other."""

from __future__ import annotations

import pytest

from desktop.core.import_types import ImportTarget
from desktop.exchange.fields import FIELDS, field_info, fields_for
from desktop.exchange.layouts_catalog import LAYOUTS
from desktop.exchange.row_values import converters
from desktop.exchange.synonyms import SYNONYMS, TARGET_SYNONYMS, header_key
from tests.unit.exchange.layout_support import CST


def test_field_keys_are_unique_and_looked_up() -> None:
    keys = [info.key for info in FIELDS]
    assert len(keys) == len(set(keys))
    assert field_info("customer.phone").identifier
    assert field_info("order.order_no").target is ImportTarget.ORDERS
    with pytest.raises(KeyError):
        field_info("customer.no_such_field")


def test_identifiers_are_the_customer_identifiers() -> None:
    assert {info.key for info in FIELDS if info.identifier} == {
        "customer.member_no", "customer.phone", "customer.email", "customer.platform_account",
    }


def test_every_field_has_a_converter() -> None:
    assert set(converters(month_first=False, zone=CST)) == {info.key for info in FIELDS}


def test_synonyms_and_layouts_name_real_fields() -> None:
    known = {info.key for info in FIELDS}
    assert set(SYNONYMS.values()) <= known
    for table in TARGET_SYNONYMS.values():
        assert set(table.values()) <= known
    for layout in LAYOUTS:
        fields = {key for _, key in layout.columns if key is not None}
        assert fields <= {info.key for info in fields_for(layout.target)}, layout.layout_id
        headers = {header_key(header) for header, _ in layout.columns}
        for signature in layout.signatures:
            assert {header_key(header) for header in signature} <= headers, layout.layout_id


def test_layout_ids_and_names_are_unique() -> None:
    assert len({layout.layout_id for layout in LAYOUTS}) == len(LAYOUTS)
    assert len({layout.name for layout in LAYOUTS}) == len(LAYOUTS)


def test_customer_sheets_map_only_customer_fields() -> None:
    assert all(info.target is ImportTarget.CUSTOMERS for info in fields_for(ImportTarget.CUSTOMERS))
    order_fields = {info.target for info in fields_for(ImportTarget.ORDERS)}
    assert order_fields == {ImportTarget.CUSTOMERS, ImportTarget.ORDERS}
