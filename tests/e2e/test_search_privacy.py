"""Search through CustomerService per role: staff, who see e-mail, WeChat ID and phone-like
member numbers masked and may not reveal them, find those by the whole value only; the owner
and the manager (who may reveal, with a reason) keep substring search."""

from __future__ import annotations

import pytest

from desktop.core.roles import Role
from desktop.services.customer_views import CustomerDraft, CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService, searches_exactly
from desktop.services.session import Session


@pytest.fixture
def service(shop) -> CustomerService:
    return CustomerService(shop.workspace)


@pytest.fixture
def sessions(shop) -> dict[Role, Session]:
    accounts = shop.workspace.accounts
    made = {Role.OWNER: shop.owner}
    for role in (Role.MANAGER, Role.STAFF):
        made[role] = Session(accounts.add_user(shop.owner, f"{role.value}1", role,
                                               "Staff-pass-77"))
    return made


@pytest.fixture
def customers(service, shop) -> dict[str, int]:
    add = service.add
    return {
        "mail": add(shop.owner, CustomerDraft(
            name="王小明", phone="138 1234 5678", email="xiaoming.wang@example.com",
            wechat_id="wxid_abc123xyz", member_no="VIP-0001")),
        "phone_member": add(shop.owner, CustomerDraft(
            name="李雷", phone="186 0000 4444", member_no="13900112233")),
    }


def ids(service, session, text) -> set[int]:
    return set(service.ids(session, CustomerFilter(text=text), CustomerSort.NEWEST, 100).ids)


def test_only_staff_search_exactly(sessions):
    assert searches_exactly(sessions[Role.STAFF])
    assert not searches_exactly(sessions[Role.MANAGER])
    assert not searches_exactly(sessions[Role.OWNER])


FRAGMENTS = ("xiaoming", "ming.wang@", "@example.com", "example.com", "abc123", "wxid_abc",
             "139001", "1390", "0011223")
WHOLE_VALUES = (
    ("xiaoming.wang@example.com", "mail"), ("XiaoMing.Wang@Example.com", "mail"),
    ("wxid_abc123xyz", "mail"), ("13900112233", "phone_member"),
    ("138 1234 5678", "mail"), ("5678", "mail"), ("VIP-00", "mail"), ("小明", "mail"),
    ("lilei", "phone_member"),
)


def test_staff_find_nobody_by_part_of_an_email_wechat_id_or_phone_like_member_no(
    service, sessions, customers
):
    for fragment in FRAGMENTS:
        assert ids(service, sessions[Role.STAFF], fragment) == set(), fragment
        owner_hits = ids(service, sessions[Role.OWNER], fragment)
        assert owner_hits & set(customers.values()), fragment
        assert ids(service, sessions[Role.MANAGER], fragment) == owner_hits, fragment


def test_staff_find_a_customer_by_the_whole_value_they_are_told(service, sessions, customers):
    staff = sessions[Role.STAFF]
    for text, key in WHOLE_VALUES:
        hits = ids(service, staff, text)
        assert customers[key] in hits, text
        assert service.count(staff, CustomerFilter(text=text)) == len(hits), text
        streamed = {i for chunk in service.iter_ids(staff, CustomerFilter(text=text),
                                                    CustomerSort.NAME) for i in chunk}
        assert streamed == hits, text
