"""The export's fast masking paths give exactly what the rule table gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.demo_data import generate_customers
from desktop.core.masking_fields import masked_value
from desktop.services.exports_rows import Masker

FIELDS = ("name", "phone", "email", "wechat_id", "member_no", "birthday", "notes", "city")


def test_fast_paths_agree_with_the_rule_table_on_demo_customers() -> None:
    mask = Masker(masked=True)
    checked = 0
    for customer in generate_customers(3_000):
        for field in FIELDS:
            value = getattr(customer, field)
            if value:
                assert mask(field, value) == masked_value(field, value), (field, value)
                checked += 1
    assert checked > 15_000


EDGE_CASES = [
    ("name", "张先生"), ("name", "欧阳娜"), ("name", "司马"), ("name", "張三"), ("name", "J"),
    ("name", "John Smith"), ("phone", "+8613812345678"), ("phone", "+447700900123"),
    ("phone", "+12025550123"), ("phone", "+8201012345678"), ("phone", "13812345678"),
    ("phone", "+35312345"), ("email", "a@x.cn"), ("email", "'=a@x.cn"), ("wechat_id", "abc"),
    ("wechat_id", "a"), ("member_no", "11010119900307123X"), ("member_no", "X"),
    ("member_no", "13812345678"), ("member_no", "6222021234567890"), ("member_no", "M-01"),
    ("birthday", "1990-02-30"), ("birthday", "--03-07"), ("birthday", "1990-03-07"),
]


def test_fast_paths_agree_on_edge_cases() -> None:
    mask = Masker(masked=True)
    for field, value in EDGE_CASES:
        assert mask(field, value) == masked_value(field, value), (field, value)


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(FIELDS), value=st.text(
    alphabet=st.sampled_from("+0123456789-@.abcXM张三欧阳先生 _"), max_size=20))
def test_fast_paths_agree_on_anything(field: str, value: str) -> None:
    assert Masker(masked=True)(field, value) == masked_value(field, value)


def test_unmasked_is_the_stored_value() -> None:
    mask = Masker(masked=False)
    assert mask("phone", "+8613812345678") == "+8613812345678"
    assert mask.street("建国路88号") == "建国路88号" and mask("notes", None) == ""


@settings(max_examples=500, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=6, max_size=15))
def test_fast_phone_path_agrees_on_any_international_number(digits: str) -> None:
    value = "+" + digits
    assert Masker(masked=True)("phone", value) == masked_value("phone", value)


@settings(max_examples=800, deadline=None)
@given(code=st.sampled_from(["1", "7", "33", "39", "44", "49", "52", "54", "61", "81", "82",
                             "852", "886", "971"]),
       rest=st.text(alphabet="0123456789", min_size=4, max_size=12))
def test_fast_phone_path_agrees_for_common_country_codes(code: str, rest: str) -> None:
    value = f"+{code}{rest}"
    assert Masker(masked=True)("phone", value) == masked_value("phone", value)
