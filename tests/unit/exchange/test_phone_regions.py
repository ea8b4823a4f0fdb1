"""Phones read in the country a row names (WooCommerce / Shopify country-code columns)."""

from __future__ import annotations

import pytest

from desktop.exchange import cells
from desktop.exchange.phone_regions import regional_phone, row_region


@pytest.mark.parametrize(("cell", "region"), [
    ("CA", "CA"), (" us ", "US"), ("CN", None), ("cn", None), ("Canada", None), ("", None),
    (None, None), (86, None),
])
def test_row_region_takes_two_letter_codes_other_than_china(cell: object, region: str) -> None:
    assert row_region(cell) == region  # type: ignore[arg-type]


@pytest.mark.parametrize(("cell", "region", "e164"), [
    ("(613) 555-0123", "CA", "+16135550123"),
    ("13125551219", "US", "+13125551219"),  # the trunk 1, not a Chinese mobile
    (6135550123, "CA", "+16135550123"),
    ("020 7946 0958", "GB", "+442079460958"),
    ("13812345678", "CA", "+8613812345678"),  # not a Canadian number: a Chinese mobile
    ("+44 20 7946 0958", "US", "+442079460958"),  # written internationally: as written
    ("(613) 555-0123", "ZZ", None),  # no such country: read the usual way (and refused)
])
def test_regional_phone(cell: object, region: str, e164: str | None) -> None:
    converted = regional_phone(cell, region)  # type: ignore[arg-type]
    assert converted.value == e164
    if e164 is None:
        assert [note.warning for note in converted.notes] == [False]


def test_a_masked_phone_stays_a_warning() -> None:
    converted = regional_phone("613****123", "CA")
    assert converted.value is None
    assert [(note.reason, note.warning) for note in converted.notes] == [
        (cells.MASKED_VALUE, True)]
