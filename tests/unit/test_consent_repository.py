"""ConsentRepository against a real SQLCipher file, and the purpose vocabulary."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.consent_types import ConsentPurpose, parse_purpose, stored_purpose
from desktop.core.models import Consent, Customer
from desktop.store.connection import IntegrityError
from desktop.store.consents import ConsentRepository
from desktop.store.customers import CustomerRepository


@pytest.fixture
def customer_id(conn):
    return CustomerRepository(conn).add(Customer(id=None, name="王芳", phone="+8613812345678"))


def consent(customer_id: int, at: str, purpose: str = "marketing_sms", granted: bool = True,
            user_id: int | None = None) -> Consent:
    return Consent(id=None, customer_id=customer_id, purpose=purpose, granted=granted,
                   channel="counter", recorded_at=at, evidence="纸质同意书 123号",
                   recorded_by_user_id=user_id)


def add_user(conn, username: str) -> int:
    cursor = conn.execute(
        "INSERT INTO users (username, role, secret_hash, created_at, updated_at)"
        " VALUES (?, 'staff', 'x', '2026-01-01', '2026-01-01')", (username,))
    return int(cursor.lastrowid)


def test_consents_round_trip_newest_first_with_who_recorded_them(conn, customer_id):
    repo = ConsentRepository(conn)
    user = add_user(conn, "li")
    first = repo.add(consent(customer_id, "2026-01-01T08:00:00+00:00", user_id=user))
    second = repo.add(consent(customer_id, "2026-02-01T08:00:00+00:00", "other:生日券短信",
                              granted=False))
    other_customer = CustomerRepository(conn).add(Customer(id=None, name="张伟"))
    repo.add(consent(other_customer, "2026-03-01T08:00:00+00:00"))

    listed = repo.list_for_customer(customer_id)
    assert [r.consent.id for r in listed] == [second, first]
    assert listed[1].recorded_by == "li" and listed[0].recorded_by == ""
    got = repo.get(first)
    assert got is not None
    assert got.consent == dataclasses.replace(
        consent(customer_id, "2026-01-01T08:00:00+00:00", user_id=user), id=first)
    assert got.consent.granted is True and got.consent.evidence == "纸质同意书 123号"
    assert listed[0].consent.granted is False and listed[0].consent.purpose == "other:生日券短信"
    assert [r.consent.customer_id for r in repo.latest()] == [other_customer, customer_id,
                                                              customer_id]
    assert repo.get(999) is None


def test_withdrawing_stamps_the_row_once_and_only_a_granted_one(conn, customer_id):
    repo = ConsentRepository(conn)
    granted = repo.add(consent(customer_id, "2026-01-01T08:00:00+00:00"))
    refused = repo.add(consent(customer_id, "2026-01-02T08:00:00+00:00", granted=False))
    assert repo.mark_withdrawn(granted, "2026-03-01T00:00:00+00:00")
    assert not repo.mark_withdrawn(granted, "2026-04-01T00:00:00+00:00")
    assert not repo.mark_withdrawn(refused, "2026-04-01T00:00:00+00:00")
    assert not repo.mark_withdrawn(12345, "2026-04-01T00:00:00+00:00")
    kept = repo.get(granted)
    assert kept is not None and kept.consent.withdrawn_at == "2026-03-01T00:00:00+00:00"
    assert len(repo.list_for_customer(customer_id)) == 2  # history stays


def test_deleted_recorder_leaves_the_consent_and_a_deleted_customer_takes_it(conn, customer_id):
    repo = ConsentRepository(conn)
    user = add_user(conn, "zhao")
    consent_id = repo.add(consent(customer_id, "2026-01-01T08:00:00+00:00", user_id=user))
    conn.execute("DELETE FROM users WHERE id = ?", (user,))
    kept = repo.get(consent_id)
    assert kept is not None and kept.recorded_by == "" and kept.consent.recorded_by_user_id is None
    CustomerRepository(conn).delete(customer_id)
    assert repo.get(consent_id) is None


def test_a_consent_needs_an_existing_customer(conn):
    with pytest.raises(IntegrityError):
        ConsentRepository(conn).add(consent(4242, "2026-01-01T08:00:00+00:00"))


@pytest.mark.parametrize("purpose", [p for p in ConsentPurpose if p is not ConsentPurpose.OTHER])
def test_known_purposes_are_stored_as_their_code(purpose):
    assert stored_purpose(purpose, "ignored") == purpose.value
    assert parse_purpose(purpose.value) == (purpose, "")


def test_other_purpose_keeps_the_shops_words_and_unknown_codes_read_as_other():
    assert stored_purpose(ConsentPurpose.OTHER, "会员生日礼") == "other:会员生日礼"
    assert parse_purpose("other:会员生日礼") == (ConsentPurpose.OTHER, "会员生日礼")
    assert parse_purpose("loyalty_v2") == (ConsentPurpose.OTHER, "loyalty_v2")
