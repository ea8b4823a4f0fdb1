"""ConsentService on a real shop: who may list, record and withdraw; masking per role; every
change in the customer's history."""

from __future__ import annotations

import json

import pytest

from desktop.core.errors import FieldErrors, PermissionDeniedError
from desktop.core.roles import Role
from desktop.services.consents import (
    EVIDENCE_REQUIRED,
    NOTE_REQUIRED,
    PURPOSE_TEXT_REQUIRED,
    ConsentDraft,
    ConsentNotFoundError,
    ConsentNotInForceError,
    ConsentService,
    ConsentState,
)
from desktop.services.customer_views import CustomerDraft
from desktop.services.customers import CustomerNotFoundError, CustomerService
from desktop.services.session import Session

PHONE_IN_EVIDENCE = "13900001111"


@pytest.fixture
def consents(shop) -> ConsentService:
    return ConsentService(shop.workspace)


@pytest.fixture
def sessions(shop) -> dict[Role, Session]:
    accounts = shop.workspace.accounts
    made = {Role.OWNER: shop.owner}
    for role in (Role.MANAGER, Role.STAFF, Role.AUDITOR):
        made[role] = Session(accounts.add_user(shop.owner, f"{role.value}1", role,
                                               "Staff-pass-77"))
    return made


@pytest.fixture
def customer_id(shop) -> int:
    return CustomerService(shop.workspace).add(
        shop.owner, CustomerDraft(name="王小明", phone="138 1234 5678"))


def sms(evidence: str = "纸质同意书 123号", **changes) -> ConsentDraft:
    values = {"purpose": "marketing_sms", "channel": "counter", "evidence": evidence,
              **changes}
    return ConsentDraft(**values)


def audit_for(shop, customer_id: int) -> list[tuple[str, str, dict]]:
    records = shop.workspace.shop.db.audit.for_target(f"customer:{customer_id}")
    return [(r.actor, r.action, json.loads(r.details)) for r in records]


@pytest.mark.parametrize("role", [Role.OWNER, Role.MANAGER, Role.STAFF])
def test_counter_roles_record_and_withdraw_and_both_show_in_history(
    shop, consents, sessions, customer_id, role
):
    session = sessions[role]
    consent_id = consents.record(session, customer_id, sms())
    [view] = consents.list_for_customer(session, customer_id)
    assert (view.id, view.purpose, view.state, view.channel) == (
        consent_id, "marketing_sms", ConsentState.GRANTED, "counter")
    assert view.evidence == "纸质同意书 123号"
    assert view.recorded_by == session.user.username
    assert view.can_withdraw and view.withdrawn_at is None

    consents.withdraw(session, consent_id, "顾客来电撤回")
    [after] = consents.list_for_customer(session, customer_id)
    assert after.state is ConsentState.WITHDRAWN and after.withdrawn_at is not None
    assert after.recorded_at == view.recorded_at and not after.can_withdraw

    history = CustomerService(shop.workspace).history(sessions[Role.OWNER], customer_id)
    assert [h.action for h in history[:2]] == ["consent.withdrawn", "consent.recorded"]
    assert history[1].details == {"consent": consent_id, "purpose": "marketing_sms",
                                  "granted": True, "channel": "counter"}
    assert history[0].details == {"consent": consent_id, "purpose": "marketing_sms",
                                  "note": "顾客来电撤回"}
    assert all(h.actor == session.actor for h in history[:2])
    assert shop.workspace.verify_audit(sessions[Role.OWNER]).ok


def test_auditor_lists_the_register_without_personal_data_and_may_not_change_it(
    consents, sessions, customer_id
):
    consent_id = consents.record(sessions[Role.STAFF], customer_id,
                                 sms(f"电话确认 {PHONE_IN_EVIDENCE}"))
    auditor = sessions[Role.AUDITOR]
    [view] = consents.list_for_customer(auditor, customer_id)
    assert view.evidence == "" and view.evidence_withheld and not view.can_withdraw
    assert view.purpose == "marketing_sms" and view.state is ConsentState.GRANTED
    [in_register] = consents.register(auditor)
    assert in_register.id == consent_id and in_register.evidence == ""
    with pytest.raises(PermissionDeniedError):
        consents.record(auditor, customer_id, sms())
    with pytest.raises(PermissionDeniedError):
        consents.withdraw(auditor, consent_id, "note")
    assert consents.list_for_customer(auditor, customer_id)[0].state is ConsentState.GRANTED


def test_staff_may_not_read_the_whole_register(consents, sessions):
    with pytest.raises(PermissionDeniedError):
        consents.register(sessions[Role.STAFF])
    assert consents.register(sessions[Role.MANAGER]) == []


@pytest.mark.parametrize("role", [Role.MANAGER, Role.STAFF])
def test_masked_roles_see_evidence_and_other_purpose_through_the_free_text_mask(
    consents, sessions, customer_id, role
):
    consents.record(sessions[Role.OWNER], customer_id, sms(
        f"电话确认 {PHONE_IN_EVIDENCE}", purpose="other",
        purpose_text=f"回访 {PHONE_IN_EVIDENCE}"))
    [view] = consents.list_for_customer(sessions[role], customer_id)
    assert view.evidence == "电话确认 139****1111"
    assert view.purpose == "other" and view.purpose_text == "回访 139****1111"
    [clear] = consents.list_for_customer(sessions[Role.OWNER], customer_id)
    assert clear.evidence == f"电话确认 {PHONE_IN_EVIDENCE}"
    assert clear.purpose_text == f"回访 {PHONE_IN_EVIDENCE}"


def test_withdrawal_note_is_masked_in_the_audit_log(shop, consents, sessions, customer_id):
    consent_id = consents.record(sessions[Role.STAFF], customer_id, sms())
    consents.withdraw(sessions[Role.STAFF], consent_id, f"来电 {PHONE_IN_EVIDENCE} 撤回")
    raw = [r.details for r in shop.workspace.shop.db.audit.iter_all()]
    assert not any(PHONE_IN_EVIDENCE in text for text in raw)
    assert audit_for(shop, customer_id)[0][2]["note"] == "来电 139****1111 撤回"


def test_a_refusal_is_recorded_and_cannot_be_withdrawn(consents, sessions, customer_id):
    staff = sessions[Role.STAFF]
    consent_id = consents.record(staff, customer_id, sms(granted=False))
    [view] = consents.list_for_customer(staff, customer_id)
    assert view.state is ConsentState.REFUSED and not view.can_withdraw
    with pytest.raises(ConsentNotInForceError):
        consents.withdraw(staff, consent_id, "来电")


def test_withdrawing_twice_or_a_missing_consent_is_refused_and_changes_nothing(
    shop, consents, sessions, customer_id
):
    staff = sessions[Role.STAFF]
    consent_id = consents.record(staff, customer_id, sms())
    consents.withdraw(staff, consent_id, "来电")
    entries = shop.workspace.shop.db.audit.count()
    with pytest.raises(ConsentNotInForceError):
        consents.withdraw(staff, consent_id, "again")
    with pytest.raises(ConsentNotFoundError):
        consents.withdraw(staff, 9999, "来电")
    assert shop.workspace.shop.db.audit.count() == entries


def test_every_bad_field_is_named_and_nothing_is_written(shop, consents, sessions, customer_id):
    staff = sessions[Role.STAFF]
    entries = shop.workspace.shop.db.audit.count()
    with pytest.raises(FieldErrors) as caught:
        consents.record(staff, customer_id, ConsentDraft(
            purpose="other", channel="carrier pigeon", evidence="  "))
    assert caught.value.errors == {
        "purpose_text": PURPOSE_TEXT_REQUIRED,
        "channel": "Choose how the consent was given.",
        "evidence": EVIDENCE_REQUIRED,
    }
    with pytest.raises(FieldErrors) as caught:
        consents.record(staff, customer_id, sms(purpose="spam_everyone", evidence="x" * 301))
    assert set(caught.value.errors) == {"purpose", "evidence"}
    with pytest.raises(FieldErrors) as caught:
        consents.withdraw(staff, 1, "   ")
    assert caught.value.errors == {"note": NOTE_REQUIRED}
    assert consents.list_for_customer(staff, customer_id) == []
    assert shop.workspace.shop.db.audit.count() == entries


def test_recording_for_a_deleted_customer_is_refused(consents, sessions):
    with pytest.raises(CustomerNotFoundError):
        consents.record(sessions[Role.STAFF], 424242, sms())


def test_consents_of_a_deleted_customer_go_with_it(shop, consents, sessions, customer_id):
    consents.record(sessions[Role.STAFF], customer_id, sms())
    CustomerService(shop.workspace).delete(sessions[Role.MANAGER], customer_id)
    assert consents.list_for_customer(sessions[Role.OWNER], customer_id) == []
    assert consents.register(sessions[Role.OWNER]) == []
