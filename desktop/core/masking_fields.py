"""Which masking rule of :mod:`desktop.core.masking` applies to which field (DESIGN §4):
the one table the services use for screens, clipboard, print and export."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from desktop.core.masking import (
    HIDDEN,
    mask_address,
    mask_address_text,
    mask_bank_card,
    mask_birthday,
    mask_email,
    mask_free_text,
    mask_member_no,
    mask_name,
    mask_phone,
    mask_resident_id,
    mask_wechat,
)
from desktop.core.models import Customer
from desktop.core.validation import clean_text


def keep_region(value: str | None) -> str:
    """Province, city and district are shown as they are (DESIGN §4: kept to district)."""
    return clean_text(value)


FIELD_MASKS: Mapping[str, Callable[[str | None], str]] = MappingProxyType(
    {
        **dict.fromkeys(("name", "ship_name"), mask_name),
        **dict.fromkeys(("phone", "ship_phone"), mask_phone),
        "email": mask_email,
        "wechat_id": mask_wechat,
        "birthday": mask_birthday,
        **dict.fromkeys(("province", "city", "district"), keep_region),
        **dict.fromkeys(("address_detail", "address", "ship_address"), mask_address_text),
        **dict.fromkeys(("id_number", "resident_id"), mask_resident_id),
        "bank_card": mask_bank_card,
        "member_no": mask_member_no,
        **dict.fromkeys(
            ("notes", "content", "resolution", "evidence", "requester", "tags"),
            mask_free_text,
        ),
    }
)
"""Customer (and order/feedback) field name → its masking rule. A field not listed here is
scanned with :func:`mask_free_text`, so an unknown field never shows a phone or ID in clear."""


def masked_value(field: str, value: str | None) -> str:
    """The masked form of ``value`` for ``field`` (``None`` → ``""``)."""
    return FIELD_MASKS.get(field, mask_free_text)(value)


def mask_customer(customer: Customer) -> dict[str, str]:
    """Masked text of a customer's personal fields, plus ``address`` (regions + ****)."""
    fields = ("name", "member_no", "birthday", "phone", "email", "wechat_id", "notes")
    masked = {f: masked_value(f, getattr(customer, f)) for f in fields}
    for region in ("province", "city", "district"):
        masked[region] = keep_region(getattr(customer, region))
    masked["address_detail"] = HIDDEN if clean_text(customer.address_detail) else ""
    masked["address"] = mask_address(
        customer.province, customer.city, customer.district, customer.address_detail
    )
    masked["tags"] = "、".join(mask_free_text(tag) for tag in customer.tags)
    return masked
