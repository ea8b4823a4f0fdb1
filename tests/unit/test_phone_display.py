"""Full phone numbers as a Chinese shop reads them; every shown spelling parses back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.phone_display import display_field, display_phone
from desktop.core.validation import normalise_phone


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+8613812345678", "138 1234 5678"),
        ("+8619912345678", "199 1234 5678"),
        ("+861012345678", "010 1234 5678"),
        ("+8675512345678", "0755 1234 5678"),
        ("+442079460958", "+44 20 7946 0958"),
        ("+447700900123", "+44 7700 900123"),
        ("+12025550123", "+1 202-555-0123"),
        ("+85291234567", "+852 9123 4567"),
        ("13812345678", "13812345678"),  # not E.164: a legacy value stays as it was
        ("ask at counter", "ask at counter"),
        ("", ""),
        (None, ""),
    ],
)
def test_display_phone(stored, shown):
    assert display_phone(stored) == shown


@pytest.mark.parametrize(
    "stored", ["+8613812345678", "+861012345678", "+8675512345678", "+442079460958",
               "+12025550123", "+85291234567", "+886912345678"],
)
def test_shown_spelling_is_accepted_back_as_the_stored_value(stored):
    assert normalise_phone(display_phone(stored)) == stored


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_cn_mobile_groups_3_4_4_and_round_trips(national):
    shown = display_phone("+86" + national)
    assert shown.replace(" ", "") == national and [len(p) for p in shown.split()] == [3, 4, 4]
    assert normalise_phone(shown) == "+86" + national


def test_display_field_formats_only_phone_fields():
    assert display_field("ship_phone", "+8613812345678") == "138 1234 5678"
    assert display_field("email", "+8613812345678") == "+8613812345678"
    assert display_field("notes", None) == ""
