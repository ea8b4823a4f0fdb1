"""Customers' fields held packed (``desktop.core.packed_customers``) read back exactly."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.import_types import CustomerFields
from desktop.core.packed_customers import (
    FIELD_ORDER,
    PackedCustomers,
    identifiers_of,
    pack,
    unpack,
    values_of,
)

_TEXT = st.one_of(st.none(), st.text(max_size=12))
_FIELDS = st.builds(
    CustomerFields,
    **{name: _TEXT for name in FIELD_ORDER if name not in {"points", "balance_cents", "tags"}},
    points=st.one_of(st.none(), st.integers(-(2**70), 2**70)),
    balance_cents=st.one_of(st.none(), st.integers(-(10**12), 10**12)),
    tags=st.lists(st.text(max_size=6), max_size=4).map(tuple),
)


@given(_FIELDS)
def test_a_customer_reads_back_as_it_was_packed(fields: CustomerFields) -> None:
    packed = pack(fields)
    assert unpack(packed) == fields
    assert values_of(packed) == tuple(fields)
    assert identifiers_of(packed) == (fields.phone, fields.member_no, fields.email,
                                      fields.platform, fields.platform_account)
    assert identifiers_of(packed).platform_account == fields.platform_account
    assert all(type(a) is type(b) for a, b in zip(values_of(packed), tuple(fields),
                                                  strict=True))


@given(st.lists(_FIELDS, max_size=30), st.integers(1, 7))
def test_values_are_taken_from_the_front_in_order(
    customers: list[CustomerFields], size: int
) -> None:
    packed = PackedCustomers(customers)
    assert len(packed) == len(customers) and bool(packed) == bool(customers)
    assert list(packed) == customers
    taken: list[tuple[object, ...]] = []
    while packed:
        before = len(packed)
        chunk = packed.take_values(size)
        assert len(chunk) == min(size, before) and len(packed) == before - len(chunk)
        taken.extend(chunk)
    assert taken == [tuple(fields) for fields in customers]


def test_appended_customers_are_read_back_by_index_and_released() -> None:
    first = CustomerFields(name="张三", phone="+8613800000001", points=120, tags=("VIP",))
    second = CustomerFields(member_no="M7", balance_cents=-5)
    packed = PackedCustomers([first])
    packed.append_packed(pack(second))
    assert (packed[0], packed[1], packed[-1]) == (first, second, second)
    packed.release(1)
    assert not packed and len(packed) == 0


def test_a_packed_customer_is_smaller_than_its_fields_and_values() -> None:
    fields = CustomerFields(
        member_no="M000123", name="王小明", gender="female", birthday="1990-01-02",
        phone="+8613812345678", wechat_id="wxid_abc123", points=1234,
        balance_cents=123450, notes="老客户，喜欢红色",
    )
    unpacked = sys.getsizeof(fields) + sum(
        sys.getsizeof(value) for value in tuple(fields) if value is not None)
    assert sys.getsizeof(pack(fields)) < unpacked / 3
