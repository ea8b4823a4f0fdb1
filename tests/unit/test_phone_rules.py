"""The quick way to E.164 for internationally written numbers (desktop.core.phone_rules)
gives exactly what phonenumbers gives, and normalise_phone with it exactly what it gave
without it."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from desktop.core.demo_data import generate_customers
from desktop.core.errors import InvalidInputError
from desktop.core.phone_rules import international_e164
from desktop.core.validation import normalise_phone


def by_phonenumbers(compact: str) -> str | None:
    """What phonenumbers makes of ``compact`` (None: unparsable or invalid)."""
    try:
        number = phonenumbers.parse(compact, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _examples() -> list[str]:
    found: set[str] = set()
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
                     PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
                     PhoneNumberType.VOIP, PhoneNumberType.PERSONAL_NUMBER,
                     PhoneNumberType.UAN, PhoneNumberType.PAGER):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                found.add(phonenumbers.format_number(number, PhoneNumberFormat.E164))
    return sorted(found)


EXAMPLES = _examples()
COUNTRY_CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


@st.composite
def near_examples(draw: st.DrawFn) -> str:
    """A real example number of some region and type, then maybe a few digits changed,
    dropped or added: valid and invalid numbers near the edges of the patterns."""
    digits = list(draw(st.sampled_from(EXAMPLES))[1:])
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(1, len(digits)))
        digit = draw(st.sampled_from("0123456789"))
        action = draw(st.sampled_from(("replace", "insert", "drop")))
        if action == "replace" and where < len(digits):
            digits[where] = digit
        elif action == "insert":
            digits.insert(where, digit)
        elif len(digits) > 2:
            del digits[where - 1 if where == len(digits) else where]
    return "+" + "".join(digits)


@st.composite
def random_international(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(COUNTRY_CODES))
    national = draw(st.text("0123456789", min_size=1, max_size=17))
    return f"+{country}{national}"


def old_normalise(compact: str) -> str | None:
    """normalise_phone before the quick way, for a ``+`` and digits input: CN mobiles by
    rule, everything else through phonenumbers."""
    if re.fullmatch(r"\+861[3-9][0-9]{9}", compact):
        return compact
    return by_phonenumbers(compact)


def checked(compact: str) -> str | None:
    try:
        return normalise_phone(compact)
    except InvalidInputError:
        return None


@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(near_examples(), random_international()))
def test_quick_way_agrees_with_phonenumbers(compact: str) -> None:
    quick = international_e164(compact)
    if quick is not None:
        assert quick == by_phonenumbers(compact) == compact
    assert checked(compact) == old_normalise(compact)


@pytest.mark.parametrize("compact", EXAMPLES)
def test_every_example_number_of_every_region(compact: str) -> None:
    quick = international_e164(compact)
    assert quick is None or quick == by_phonenumbers(compact)
    assert checked(compact) == old_normalise(compact)


def test_it_answers_for_the_usual_foreign_mobiles_and_landlines() -> None:
    """The UK and US numbers of the demo data (the import benchmark's) never need the long
    way, and neither do the example numbers of the big countries."""
    phones = [c.phone for c in generate_customers(3_000)
              if c.phone and not c.phone.startswith("+86")]
    assert len(phones) > 300
    for compact in phones:
        assert international_e164(compact) == by_phonenumbers(compact) == compact
    for region in ("GB", "US", "CA", "DE", "FR", "JP", "AU", "CN", "HK", "TW", "SG"):
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(region, kind)
            assert number is not None
            compact = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            assert international_e164(compact) == compact, region


def test_the_long_way_still_decides_what_the_quick_way_leaves() -> None:
    assert international_e164("+44 20 7946 0958") is None  # not compact: not this path's
    assert international_e164("+390612345678") is None  # a leading zero (Italy) is kept
    assert international_e164("+80012345678") is None  # non-geographic
    assert international_e164("+4412") is None  # too short to tell here
    assert checked("+390612345678") == by_phonenumbers("+390612345678")
