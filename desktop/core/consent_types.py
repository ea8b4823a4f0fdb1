"""The vocabulary of the consent register: what a customer agreed to, and how it was given.

A consent's purpose is stored as its code (``marketing_sms``); an "other" purpose keeps the
shop's own words after the code (``other:生日礼券短信``), so the single ``purpose`` column of
the ``consents`` table holds both.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class ConsentPurpose(StrEnum):
    MARKETING_SMS = "marketing_sms"
    MARKETING_EMAIL = "marketing_email"
    MARKETING_WECHAT = "marketing_wechat"
    DELIVERY_PARTNER = "delivery_partner"
    """Sharing name, phone and address with a delivery partner (PIPL Art. 23)."""
    MEMBERSHIP = "membership"
    SENSITIVE_DATA = "sensitive_data"
    """Processing sensitive personal information (PIPL Art. 29: separate consent)."""
    CROSS_BORDER = "cross_border"
    """Transfer outside mainland China (PIPL Art. 39: separate consent)."""
    OTHER = "other"


class ConsentChannel(StrEnum):
    COUNTER = "counter"
    """At the counter, on a paper form."""
    ONLINE = "online"
    PHONE = "phone"
    WECHAT_MINI_PROGRAM = "wechat_mini_program"
    IMPORT = "import"


OTHER_PREFIX: Final = "other:"


def stored_purpose(purpose: ConsentPurpose, other_text: str = "") -> str:
    """The ``purpose`` column for ``purpose``; ``other_text`` is kept only for OTHER."""
    if purpose is ConsentPurpose.OTHER:
        return OTHER_PREFIX + other_text
    return purpose.value


def parse_purpose(stored: str) -> tuple[ConsentPurpose, str]:
    """The purpose and, for OTHER, the shop's own words. A code this version does not know
    (written by a newer one) reads as OTHER with the code as its words."""
    if stored.startswith(OTHER_PREFIX):
        return ConsentPurpose.OTHER, stored.removeprefix(OTHER_PREFIX)
    try:
        return ConsentPurpose(stored), ""
    except ValueError:
        return ConsentPurpose.OTHER, stored
