"""The deterministic demo-data generator."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import islice

import phonenumbers
import pytest

from desktop.core import demo_data
from desktop.core.demo_data import (
    cn_mobile,
    generate_customers,
    generate_feedback,
    generate_orders,
    uk_mobile,
    us_phone,
)
from desktop.core.models import FeedbackKind, Gender, OrderStatus

MANY = 100_000
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "司徒", "慕容", "令狐", "皇甫", "尉迟")
E164 = re.compile(r"^\+(861[3-9]\d{9}|447\d{9}|1[2-9]\d{2}[2-9]\d{6})$")


@pytest.fixture(scope="module")
def many():
    return list(generate_customers(MANY))


def test_same_seed_same_records_other_seed_other_records():
    first = list(generate_customers(300))
    assert first == list(generate_customers(300))
    assert first[:100] == list(generate_customers(100))
    other = list(generate_customers(300, seed=7))
    assert [c.name for c in other] != [c.name for c in first]
    assert [c.member_no for c in other] == [c.member_no for c in first]
    for index, (mine, theirs) in enumerate(zip(first, other, strict=True)):
        if mine.phone.startswith("+86") and theirs.phone.startswith("+86"):
            assert mine.phone == theirs.phone == cn_mobile(index)  # phones follow the index


def test_phones_and_member_numbers_unique_over_many(many):
    assert len({c.phone for c in many}) == MANY
    assert len({c.member_no for c in many}) == MANY
    assert many[0].member_no == "M000001" and many[-1].member_no == f"M{MANY:06d}"


def test_phone_spaces_are_injective_far_beyond_a_million():
    sample = list(islice(range(0, demo_data.MAX_INDEX, 199), 500_000))
    assert len({cn_mobile(i) for i in sample}) == len(sample)
    assert len({uk_mobile(i) for i in sample[:200_000]}) == 200_000
    assert len({us_phone(i)[0] for i in sample[:200_000]}) == 200_000


def test_last_four_digits_are_evenly_spread_even_for_small_sets():
    small = Counter(c.phone[-4:] for c in generate_customers(20_000))
    assert len(small) > 8_000 and max(small.values()) < 12  # Poisson(2): ~8,650 distinct
    assert len({cn_mobile(i)[3:6] for i in range(2_000)}) == len(demo_data._CN_PREFIXES)


def test_a_later_index_range_never_repeats_an_earlier_one():
    head = list(generate_customers(1_000))
    tail = list(generate_customers(1_000, seed=99, start=1_000))
    assert tail[0].member_no == "M001001"
    assert not {c.phone for c in head} & {c.phone for c in tail}
    with pytest.raises(ValueError):
        next(generate_customers(2, start=demo_data.MAX_INDEX - 1))


def test_phones_are_valid_e164(many):
    assert all(E164.match(c.phone) for c in many)
    for customer in many[::100]:
        number = phonenumbers.parse(customer.phone)
        assert phonenumbers.is_valid_number(number), customer.phone
        assert phonenumbers.format_number(
            number, phonenumbers.PhoneNumberFormat.E164
        ) == customer.phone


def test_mix_of_chinese_and_english_customers(many):
    chinese = [c for c in many if c.phone.startswith("+86")]
    english = [c for c in many if not c.phone.startswith("+86")]
    assert 0.83 < len(chinese) / MANY < 0.87
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", c.name) for c in chinese)
    assert all(re.fullmatch(r"[A-Z][a-z']+ [A-Z][A-Za-z']+", c.name) for c in english)
    assert all(c.email and "@" in c.email for c in english)
    surnames = Counter(c.name[:2] for c in chinese if c.name[:2] in COMPOUND)
    assert len(surnames) >= 8 and sum(surnames.values()) > 0.01 * len(chinese)
    assert {len(c.name) for c in chinese} >= {2, 3, 4}
    uk = [c for c in english if c.phone.startswith("+44")]
    assert uk and all(c.province in ("England", "Scotland", "Wales") for c in uk)


def test_places_belong_together(many):
    allowed = {(p, c, d) for p, c, districts in demo_data._CN_PLACES for d in districts}
    for customer in many[:20_000]:
        if customer.phone.startswith("+86"):
            assert (customer.province, customer.city, customer.district) in allowed
            assert customer.address_detail
        elif customer.phone.startswith("+1"):
            area = customer.phone[2:5]
            assert any(place[1] == customer.city and place[3] == area
                       for place in demo_data._US_PLACES)


def test_amounts_are_integers_and_fields_are_sane(many):
    levels = Counter(c.level for c in many)
    assert set(levels) == {"普通", "银卡", "金卡", "钻石"}
    assert levels["普通"] > levels["银卡"] > levels["金卡"] > levels["钻石"]
    for customer in many[:20_000]:
        assert type(customer.points) is int and customer.points >= 0
        assert type(customer.balance_cents) is int and customer.balance_cents >= 0
        created = datetime.fromisoformat(customer.created_at)
        assert created.utcoffset() == timedelta(0)
        assert datetime.fromisoformat(customer.updated_at) >= created
        if customer.birthday and not customer.birthday.startswith("--"):
            assert date(1955, 1, 1) <= date.fromisoformat(customer.birthday) <= date(2006, 12, 31)
        assert customer.gender in tuple(Gender)
        assert list(customer.tags) == sorted(set(customer.tags))
    assert any(c.wechat_id and c.wechat_id.startswith("wxid_") for c in many[:1000])
    assert any(c.notes for c in many[:1000]) and any(c.tags for c in many[:1000])


def test_orders_are_consistent_and_order_numbers_unique():
    ids = range(1, 10_001)
    orders = list(generate_orders(ids, seed=5))
    assert orders == list(generate_orders(ids, seed=5))
    assert 1.3 < len(orders) / len(ids) < 1.7
    keys = [(o.channel, o.order_no) for o in orders]
    assert len(set(keys)) == len(keys)
    channels = {o.channel for o in orders}
    assert {"淘宝", "京东", "拼多多", "门店", "Shopify"} <= channels
    for o in orders:
        assert re.fullmatch(r"[1-9]\d{18}", o.order_no)
        assert 1 <= len(o.items) <= 3
        assert all(type(v) is int for v in
                   (o.total_cents, o.discount_cents, o.shipping_cents, o.paid_cents))
        assert o.total_cents == sum(i.amount_cents for i in o.items)
        expected_paid = o.total_cents - o.discount_cents + o.shipping_cents
        unpaid = o.status in (OrderStatus.PENDING, OrderStatus.CANCELLED)
        assert o.paid_cents == (0 if unpaid else expected_paid)
        assert datetime.fromisoformat(o.ordered_at).utcoffset() == timedelta(0)


def test_feedback_kinds_ratings_languages_and_links():
    ids = list(range(1, 5_001))
    orders = [dataclasses.replace(o, id=n) for n, o in enumerate(generate_orders(ids), 1)]
    by_id = {o.id: o for o in orders}
    items = list(generate_feedback(ids, orders=orders, per_customer_mean=1.0))
    assert items == list(generate_feedback(ids, orders=orders, per_customer_mean=1.0))
    assert {f.kind for f in items} == set(FeedbackKind)
    assert any(re.search(r"[\u4e00-\u9fff]", f.content) for f in items)
    assert any(re.fullmatch(r"[ -~]+", f.content) for f in items)
    linked = [f for f in items if f.order_id is not None]
    assert linked
    for f in items:
        assert f.rating is None or 1 <= f.rating <= 5
        if f.kind in (FeedbackKind.INQUIRY, FeedbackKind.SUGGESTION):
            assert f.rating is None and f.order_id is None
        if f.resolved_at is not None:
            assert f.resolved_at > f.received_at and f.resolution
    for f in linked:
        assert by_id[f.order_id].customer_id == f.customer_id
        assert f.received_at > by_id[f.order_id].ordered_at


def test_generators_stream():
    customers = generate_customers(10**7)
    assert next(customers).member_no == "M000001"
    assert list(generate_orders([])) == [] and list(generate_feedback([])) == []
