"""How a stored phone number (E.164) is shown to someone allowed to see it in full.

A Chinese shop reads mainland numbers the national way — ``138 1234 5678``,
``010 1234 5678`` — and any other country's number in international format
(``+44 7700 900123``). The stored value stays E.164; this is display only, and every
spelling it produces is accepted back by :func:`desktop.core.validation.normalise_phone`.
Masked values are never passed here: masking (DESIGN §4) has its own rules.
"""

from __future__ import annotations

import re

import phonenumbers

from desktop.core.validation import clean_text

_CN_MOBILE_E164 = re.compile(r"\+86(1[3-9][0-9])([0-9]{4})([0-9]{4})")
_E164 = re.compile(r"\+[1-9][0-9]{6,14}")


def display_phone(value: str | None) -> str:
    """``+8613812345678`` → ``138 1234 5678``; ``+861012345678`` → ``010 1234 5678``;
    ``+447700900123`` → ``+44 7700 900123``. Anything that is not E.164 (a legacy value
    kept as it was typed) is returned as it is, trimmed; ``None`` gives ``""``."""
    text = clean_text(value)
    mobile = _CN_MOBILE_E164.fullmatch(text)
    if mobile:
        # Checked by shape, not by the carrier tables, so newly opened ranges format too.
        return " ".join(mobile.groups())
    if not _E164.fullmatch(text):
        return text
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return text
    if number.country_code == 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


PHONE_FIELDS = frozenset({"phone", "ship_phone"})


def display_field(field: str, value: str | None) -> str:
    """``value`` of ``field`` as shown in full: phone fields formatted, others unchanged."""
    if field in PHONE_FIELDS:
        return display_phone(value)
    return value or ""
