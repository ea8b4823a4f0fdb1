"""Phones of a row whose country the sheet names (WooCommerce's ``billing_country``, Shopify's
``Country Code``): a number written without its country code is read as a number of that
country first, and only then the usual way (China by default).

Without this a WooCommerce order from Canada with the billing phone ``(613) 555-0123`` was
rejected as an invalid Chinese number, and ``13125551219`` (Chicago, with the trunk 1) was
taken for a Chinese mobile.
"""

from __future__ import annotations

import re

from desktop.core.errors import InvalidInputError
from desktop.core.import_types import Cell
from desktop.core.validation import normalise_phone
from desktop.exchange import cells
from desktop.exchange.cells import Converted

PHONE_KEYS = frozenset({"customer.phone", "order.ship_phone"})
_COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


def row_region(cell: Cell) -> str | None:
    """The ISO country code in a country column (``CA``, ``us``), None for China, for an
    empty cell or for anything else (a country's name is not looked up)."""
    value = cells.text(cell)
    if value is None or _COUNTRY_CODE.fullmatch(value) is None:
        return None
    region = value.upper()
    return None if region == "CN" else region


def regional_phone(cell: Cell, region: str) -> Converted[str]:
    """``cells.phone``, but a national number that is valid in ``region`` is that country's."""
    written: str | None = None
    if type(cell) is int:
        written = str(cell)
    elif isinstance(cell, str):
        written = cells.text(cell)
    if written and not written.startswith(("+", "00")) and not cells.is_masked(written):
        try:
            return Converted(normalise_phone(written, region))
        except InvalidInputError:
            pass  # not a number of that country (or not a country phonenumbers knows)
    return cells.phone(cell)
