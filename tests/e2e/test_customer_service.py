"""CustomerService on a real shop: masking per role, reveal with audit, validation, search."""

from __future__ import annotations

import dataclasses
import json
import threading

import pytest

from desktop.core.errors import FieldErrors, InvalidInputError, PermissionDeniedError
from desktop.core.roles import Role
from desktop.services.customer_api import CustomerServiceApi
from desktop.services.customer_views import (
    CustomerDraft,
    CustomerFilter,
    CustomerSort,
)
from desktop.services.customers import CustomerNotFoundError, CustomerService
from desktop.services.session import Session

PASSWORD = "Staff-pass-77"
CLEAR = {
    "phone": "+8613812345678",
    "phone_national": "13812345678",
    "email": "XiaoMing.Wang@example.com",
    "wechat": "wxid_abc123xyz",
    "street": "建国路88号阳光花园3栋",
    "birthday": "1990-03-07",
    "id_in_notes": "11010119900307123X",
    "note_phone": "13900001111",
}
SECRETS = (
    CLEAR["phone"], CLEAR["phone_national"], "8613812345678", CLEAR["email"],
    "xiaoming.wang", CLEAR["wechat"], "abc123xyz", "建国路", "88号", "阳光花园", "03-07",
    CLEAR["id_in_notes"], CLEAR["note_phone"], "王小明", "小明",
)


def draft(**changes) -> CustomerDraft:
    base = CustomerDraft(
        name="王小明", phone="138 1234 5678", member_no="VIP001", gender="男",
        birthday="1990年3月7日", email="XiaoMing.Wang@Example.com", wechat_id=CLEAR["wechat"],
        province="北京市", city="北京市", district="朝阳区", address_detail=CLEAR["street"],
        level="金卡", points="1,200", balance="¥1,234.50", tags="老客户、VIP, 复购",
        notes=f"身份证 {CLEAR['id_in_notes']}，备用电话 {CLEAR['note_phone']}", source="门店",
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def service(shop) -> CustomerService:
    return CustomerService(shop.workspace)


@pytest.fixture
def sessions(shop) -> dict[Role, Session]:
    accounts = shop.workspace.accounts
    made = {Role.OWNER: shop.owner}
    for role in (Role.MANAGER, Role.STAFF, Role.AUDITOR):
        made[role] = Session(accounts.add_user(shop.owner, f"{role.value}1", role, PASSWORD))
    return made


@pytest.fixture
def customer_id(service, sessions) -> int:
    new_id = service.add(sessions[Role.OWNER], draft())
    service.add(sessions[Role.OWNER], draft(
        name="张伟", phone="+86 139 0000 2222", member_no="VIP002", email="", wechat_id="",
        notes="", tags="新客户"))
    return new_id


def strings_in(value) -> list[str]:
    """Every string inside a returned object (dataclasses, tuples, lists, dicts)."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) for s in strings_in(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(k) + strings_in(v)]
    if isinstance(value, list | tuple | set | frozenset):
        return [s for item in value for s in strings_in(item)]
    return []


def assert_no_clear_data(*objects) -> None:
    for text in (s for obj in objects for s in strings_in(obj)):
        compact = text.replace(" ", "").replace("-", "")
        for secret in SECRETS:
            assert secret.lower() not in compact.lower(), (secret, text)


def test_service_implements_the_contract(service):
    api: CustomerServiceApi = service
    assert api is service


@pytest.mark.parametrize("role", [Role.MANAGER, Role.STAFF])
def test_masked_roles_never_receive_clear_personal_data(service, sessions, customer_id, role):
    session = sessions[role]
    page = service.ids(session, CustomerFilter(), CustomerSort.NEWEST, 50)
    rows = service.rows(session, page.ids)
    profile = service.profile(session, customer_id)
    assert_no_clear_data(rows, profile, service.history(session, customer_id),
                         service.filter_choices(session))
    row = next(r for r in rows if r.id == customer_id)
    assert row.phone == "138****5678" and row.name == "王*明"
    assert row.email == "X" + "*" * 12 + "@example.com" and row.wechat_id == "wx********"
    assert profile.birthday == "1990-**-**" and profile.address_detail == "****"
    assert profile.province == "北京市" and profile.district == "朝阳区"
    assert "110101********123X" in profile.notes
    assert profile.masked == {"name", "phone", "email", "wechat_id", "birthday", "address"}
    assert profile.can_reveal is (role is Role.MANAGER)
    assert profile.can_edit is (role is Role.MANAGER)
    assert profile.can_delete is (role is Role.MANAGER)
    assert profile.points == 1_200 and profile.balance_cents == 123_450
    assert profile.tags == ("VIP", "复购", "老客户")


def test_owner_sees_clear_values(service, sessions, customer_id):
    owner = sessions[Role.OWNER]
    profile = service.profile(owner, customer_id)
    assert profile.phone == "138 1234 5678" and profile.email == CLEAR["email"]
    assert profile.wechat_id == CLEAR["wechat"] and profile.birthday == CLEAR["birthday"]
    assert profile.address_detail == CLEAR["street"] and profile.gender == "male"
    assert CLEAR["id_in_notes"] in profile.notes and profile.masked == frozenset()
    assert profile.can_edit and profile.can_delete and profile.can_reveal
    [row] = service.rows(owner, [customer_id])
    assert (row.phone, row.name, row.member_no) == ("138 1234 5678", "王小明", "VIP001")


def test_owner_sees_phones_as_a_shop_reads_them_and_saves_the_shown_form_back(
    shop, service, sessions, customer_id
):
    """CN mobiles in national groups, other countries international; the stored value stays
    E.164, the edit form's formatted value is accepted back unchanged, and the shown
    spelling finds the customer."""
    owner = sessions[Role.OWNER]
    foreign = service.add(owner, draft(name="Ann Lee", phone="+44 20 7946 0958",
                                       member_no="UK1", email="", wechat_id=""))
    assert service.profile(owner, foreign).phone == "+44 20 7946 0958"
    [row] = service.rows(owner, [foreign])
    assert row.phone == "+44 20 7946 0958"
    assert service.rows(sessions[Role.STAFF], [foreign])[0].phone == "+44 ******0958"
    profile = service.profile(owner, customer_id)
    service.update(owner, customer_id, draft(phone=profile.phone))
    stored = shop.workspace.shop.db.customers.get(customer_id)
    assert stored is not None and stored.phone == CLEAR["phone"]
    history = service.history(owner, customer_id)
    assert "phone" not in history[0].details.get("fields", "")
    for spelling in (profile.phone, row.phone):
        page = service.ids(owner, CustomerFilter(text=spelling), CustomerSort.NEWEST, 10)
        assert page.ids and page.ids[0] in (customer_id, foreign)


def test_auditor_reads_no_customers(service, sessions, customer_id):
    auditor = sessions[Role.AUDITOR]
    calls = [
        lambda: service.ids(auditor, CustomerFilter(), CustomerSort.NEWEST, 10),
        lambda: service.iter_ids(auditor, CustomerFilter(), CustomerSort.NEWEST),  # eagerly
        lambda: service.count(auditor, CustomerFilter()),
        lambda: service.rows(auditor, [customer_id]),
        lambda: service.profile(auditor, customer_id),
        lambda: service.history(auditor, customer_id),
        lambda: service.filter_choices(auditor),
        lambda: service.reveal(auditor, customer_id, "phone", "check"),
        lambda: service.add(auditor, draft(member_no="X1")),
        lambda: service.update(auditor, customer_id, draft()),
        lambda: service.delete(auditor, customer_id),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError):
            call()


def test_staff_finds_a_customer_by_the_full_phone_while_seeing_it_masked(
    service, sessions, customer_id
):
    staff = sessions[Role.STAFF]
    for spelling in ("138 1234 5678", "+86-138-1234-5678", "8613812345678", "13812345678"):
        page = service.ids(staff, CustomerFilter(text=spelling), CustomerSort.NEWEST, 10)
        assert page.ids == [customer_id] and page.complete
        [row] = service.rows(staff, page.ids)
        assert row.phone == "138****5678"
    assert service.ids(staff, CustomerFilter(text="1381234"), CustomerSort.NEWEST, 10).ids == []
    assert service.ids(staff, CustomerFilter(text="5678"), CustomerSort.NEWEST, 10).ids == [
        customer_id]
    assert service.count(staff, CustomerFilter(text="王")) == 1
    assert service.ids(staff, CustomerFilter(text="wxm"), CustomerSort.NAME, 10).ids == [
        customer_id]


def test_manager_reveals_with_a_reason_audited_in_history(shop, service, sessions, customer_id):
    manager = sessions[Role.MANAGER]
    with pytest.raises(InvalidInputError):
        service.reveal(manager, customer_id, "phone", "   ")
    with pytest.raises(InvalidInputError):
        service.reveal(manager, customer_id, "notes", "want to see")
    reason = f"客户来电核对，号码 {CLEAR['note_phone']}"
    assert service.reveal(manager, customer_id, "phone", reason) == "138 1234 5678"
    assert service.reveal(manager, customer_id, "address", "快递") == (
        "北京市朝阳区" + CLEAR["street"]
    )
    history = service.history(manager, customer_id)
    revealed = [h for h in history if h.action == "customer.revealed"]
    assert [h.details["field"] for h in revealed] == ["address", "phone"]
    assert revealed[1].details["reason"].startswith("客户来电核对")
    assert revealed[1].actor == manager.actor
    assert history[-1].action == "customer.added"
    assert_no_clear_data(history)  # the phone typed into the reason was masked
    rows = shop.workspace.shop.db.conn.execute("SELECT details FROM audit_log").fetchall()
    assert_no_clear_data([json.loads(r[0]) for r in rows])
    with pytest.raises(PermissionDeniedError):
        service.reveal(sessions[Role.STAFF], customer_id, "phone", "customer asked")
    with pytest.raises(CustomerNotFoundError):
        service.reveal(manager, 999_999, "phone", "check")


def test_add_reports_every_bad_field_at_once(service, sessions, customer_id):
    staff = sessions[Role.STAFF]
    bad = CustomerDraft(
        name="  ", phone="138-1234-abcd", email="not-an-email", birthday="2999-01-01",
        points="12.5", balance="1,23,4", member_no="VIP001", gender="?", tags="x" * 40,
    )
    with pytest.raises(FieldErrors) as caught:
        service.add(staff, bad)
    assert set(caught.value.errors) == {
        "name", "phone", "email", "birthday", "points", "balance", "member_no", "gender", "tags",
    }
    assert all(isinstance(problem, str) and problem for problem in caught.value.errors.values())
    assert_no_clear_data(caught.value.errors)
    assert service.count(staff, CustomerFilter()) == 2


def test_add_normalises_and_audits_field_names_only(shop, service, sessions):
    staff = sessions[Role.STAFF]
    new_id = service.add(staff, draft(member_no="N1", tags="a b  c"))
    stored = shop.workspace.shop.db.customers.get(new_id)
    assert stored.phone == "+8613812345678" and stored.email == CLEAR["email"]
    assert stored.birthday == "1990-03-07" and stored.balance_cents == 123_450
    assert stored.points == 1_200 and stored.tags == ("a", "b", "c")
    [entry] = [h for h in service.history(sessions[Role.MANAGER], new_id)]
    assert entry.action == "customer.added" and entry.actor == staff.actor
    assert "phone" in entry.details["fields"].split(",")
    assert_no_clear_data(entry)
    with pytest.raises(PermissionDeniedError):
        service.update(staff, new_id, draft(member_no="N1"))
    with pytest.raises(PermissionDeniedError):
        service.delete(staff, new_id)


def test_edit_validates_every_field_and_keeps_masked_values_untouched(
    shop, service, sessions, customer_id
):
    manager = sessions[Role.MANAGER]
    with pytest.raises(FieldErrors) as caught:
        service.update(manager, customer_id, draft(name="", email="a@", member_no="VIP002",
                                                    birthday="2024-02-30", balance="abc"))
    assert set(caught.value.errors) == {"name", "email", "member_no", "birthday", "balance"}
    shown = service.profile(manager, customer_id)
    form = CustomerDraft(
        name=shown.name, phone=shown.phone, member_no=shown.member_no, gender=shown.gender,
        birthday=shown.birthday, email=shown.email, wechat_id=shown.wechat_id,
        province=shown.province, city=shown.city, district=shown.district,
        address_detail=shown.address_detail, level="钻石", points=str(shown.points),
        balance="1234.50", tags="、".join(shown.tags), notes=shown.notes, source=shown.source,
    )
    service.update(manager, customer_id, form)
    stored = shop.workspace.shop.db.customers.get(customer_id)
    assert stored.level == "钻石"
    assert stored.phone == CLEAR["phone"] and stored.email == CLEAR["email"]
    assert stored.name == "王小明" and stored.address_detail == CLEAR["street"]
    assert stored.birthday == CLEAR["birthday"] and stored.wechat_id == CLEAR["wechat"]
    assert CLEAR["id_in_notes"] in stored.notes
    history = service.history(manager, customer_id)
    assert history[0].action == "customer.updated" and history[0].details == {"fields": "level"}
    service.update(manager, customer_id, dataclasses.replace(form, phone="13900009999"))
    assert shop.workspace.shop.db.customers.get(customer_id).phone == "+8613900009999"
    count = len(service.history(manager, customer_id))
    service.update(manager, customer_id, dataclasses.replace(
        form, phone="139 0000 9999"))  # nothing changed: nothing written
    assert len(service.history(manager, customer_id)) == count


def test_delete_removes_the_customer_from_every_search(service, sessions, customer_id):
    manager = sessions[Role.MANAGER]
    texts = ("王小明", "王", "小明", "wxm", "wangxiaoming", "13812345678", "5678", "VIP001",
             "xiaoming.wang@example.com", CLEAR["wechat"])
    for text in texts:
        assert customer_id in service.ids(manager, CustomerFilter(text=text),
                                          CustomerSort.NEWEST, 50).ids, text
    service.delete(manager, customer_id)
    for text in texts:
        assert customer_id not in service.ids(manager, CustomerFilter(text=text),
                                              CustomerSort.NEWEST, 50).ids, text
    assert service.rows(manager, [customer_id]) == []
    with pytest.raises(CustomerNotFoundError):
        service.profile(manager, customer_id)
    with pytest.raises(CustomerNotFoundError):
        service.delete(manager, customer_id)
    assert service.history(manager, customer_id)[0].action == "customer.deleted"


def test_filters_sorting_paging_and_choices(service, sessions, customer_id):
    owner = sessions[Role.OWNER]
    for n in range(30):
        service.add(owner, draft(name=f"客户{n}", phone=f"+86 137 0000 {n:04d}",
                                 member_no=f"B{n:03d}", points=str(n), email="", wechat_id="",
                                 tags="批发" if n % 3 == 0 else "", city="上海市"))
    everyone = CustomerFilter()
    for sort in CustomerSort:
        first = service.ids(owner, everyone, sort, 7)
        assert len(first.ids) == 7 and not first.complete
        whole = [i for chunk in service.iter_ids(owner, everyone, sort, chunk=5) for i in chunk]
        assert whole[:7] == first.ids and len(whole) == len(set(whole)) == 32
    by_points = service.rows(owner, service.ids(owner, everyone, CustomerSort.POINTS, 3).ids)
    assert [r.points for r in by_points] == [1_200, 1_200, 29]
    wholesale = CustomerFilter(tag="批发", city="上海市")
    assert service.count(owner, wholesale) == 10
    assert len(service.ids(owner, wholesale, CustomerSort.MEMBER_NO, 100).ids) == 10
    choices = service.filter_choices(owner)
    assert {"批发", "VIP", "老客户", "新客户"} <= set(choices.tags)
    assert choices.levels == ["金卡"] and set(choices.cities) == {"北京市", "上海市"}
    today = CustomerFilter(added_from="2000-01-01", added_to="2999-12-31")
    assert service.count(owner, today) == 32
    assert service.count(owner, CustomerFilter(added_to="2000-01-01")) == 0
    with pytest.raises(InvalidInputError):
        service.count(owner, CustomerFilter(added_from="someday"))


def test_ui_thread_and_a_background_thread_read_at_once(service, sessions, customer_id):
    staff = sessions[Role.STAFF]
    errors: list[BaseException] = []

    def background() -> None:
        try:
            for _ in range(50):
                list(service.iter_ids(staff, CustomerFilter(), CustomerSort.NAME, chunk=1))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=background)
    worker.start()
    for _ in range(50):
        assert service.rows(staff, [customer_id])[0].phone == "138****5678"
    worker.join()
    assert errors == []
