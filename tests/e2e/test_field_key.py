"""The owner-only field key on real shops: resident IDs sealed for every writer, readable in
full by the owner alone, surviving password changes and a recovery-code reset, found by the
whole ID only, and created lazily for a shop made before the field key existed."""

from __future__ import annotations

import dataclasses
import json
import os

import pytest

from desktop.core.errors import FieldErrors, PermissionDeniedError, WrongSecretError
from desktop.core.roles import Role
from desktop.core.validation import ID_CHECKSUM
from desktop.security.field_crypto import (
    FieldOpener,
    FieldSealer,
    SealedValueError,
    new_key_pair,
)
from desktop.services.customer_sensitive import LEGACY_ID, NO_FIELD_KEY
from desktop.services.customer_views import CustomerDraft, CustomerFilter, CustomerSort
from desktop.services.customers import CustomerService
from desktop.services.session import Session
from desktop.services.workspace import default_keyring, open_with_password
from desktop.store.database import ShopDatabase
from desktop.store.field_keys import FieldKeyRepository
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, run_cli

RESIDENT_ID = "11010119900307002X"
OTHER_ID = "110101199003071233"
MASKED = "110101********002X"
STAFF_PASSWORD = "Staff-pass-77"


def add_user(shop: ShopFixture, role: Role) -> Session:
    user = shop.workspace.accounts.add_user(shop.owner, f"{role.value}1", role, STAFF_PASSWORD)
    return Session(user)


def owner_with_key(shop: ShopFixture) -> Session:
    shop.workspace.field_keys.open_for_owner(shop.owner, OWNER_PASSWORD)
    return shop.owner


def add_customer(shop: ShopFixture, session: Session, resident_id: str, **more: str) -> int:
    service = CustomerService(shop.workspace)
    return service.add(session, CustomerDraft(name="王小明", resident_id=resident_id, **more))


def stored(shop: ShopFixture, customer_id: int):
    found = FieldKeyRepository(shop.workspace.shop.db.conn).resident_id(customer_id)
    assert found is not None
    return found


def test_sealing_round_trip_and_no_clear_value_stored(shop: ShopFixture) -> None:
    owner = owner_with_key(shop)
    customer_id = add_customer(shop, owner, "110101 19900307 002x")
    columns = stored(shop, customer_id)
    assert RESIDENT_ID.encode() not in columns.sealed
    assert columns.masked == MASKED
    profile = CustomerService(shop.workspace).profile(owner, customer_id)
    assert (profile.resident_id, profile.resident_id_masked) == (RESIDENT_ID, False)


def test_staff_stores_an_id_manager_and_staff_see_it_masked_only(shop: ShopFixture) -> None:
    staff, manager = add_user(shop, Role.STAFF), add_user(shop, Role.MANAGER)
    service = CustomerService(shop.workspace)
    customer_id = add_customer(shop, staff, RESIDENT_ID)
    for session in (staff, manager):
        profile = service.profile(session, customer_id)
        assert (profile.resident_id, profile.resident_id_masked) == (MASKED, True)
        assert "resident_id" not in profile.masked, "not offered for reveal"
        assert shop.workspace.field_keys.opener(session) is None
        with pytest.raises(PermissionDeniedError):
            shop.workspace.field_keys.open_for_owner(session, OWNER_PASSWORD)
    # The owner's key, once open, is still not handed to another role's session.
    owner_with_key(shop)
    assert shop.workspace.field_keys.opener(manager) is None
    assert service.profile(manager, customer_id).resident_id == MASKED
    assert service.profile(shop.owner, customer_id).resident_id == RESIDENT_ID


def test_owner_without_open_key_sees_masked_until_opened_and_after_forget(
    shop: ShopFixture,
) -> None:
    service = CustomerService(shop.workspace)
    customer_id = add_customer(shop, shop.owner, RESIDENT_ID)
    assert service.profile(shop.owner, customer_id).resident_id == RESIDENT_ID, (
        "the owner who just set the shop up holds the key")
    shop.workspace.field_keys.forget()
    assert service.profile(shop.owner, customer_id).resident_id == MASKED
    assert shop.workspace.field_keys.open_for_owner(shop.owner, OWNER_PASSWORD, create=False)
    shop.workspace.field_keys.forget()
    with pytest.raises(WrongSecretError):
        shop.workspace.field_keys.open_for_owner(shop.owner, "Wrong-horse-42")
    owner_with_key(shop)
    assert service.profile(shop.owner, customer_id).resident_id == RESIDENT_ID
    shop.workspace.field_keys.forget()
    assert service.profile(shop.owner, customer_id).resident_id == MASKED


def test_sealed_value_moved_to_another_row_does_not_open(shop: ShopFixture) -> None:
    owner = owner_with_key(shop)
    first = add_customer(shop, owner, RESIDENT_ID)
    second = add_customer(shop, owner, OTHER_ID, phone="13900002222")
    repo = FieldKeyRepository(shop.workspace.shop.db.conn)
    with shop.workspace.shop.db.transaction():
        repo.set_resident_id(second, stored(shop, first))
    opener = shop.workspace.field_keys.opener(owner)
    assert opener is not None
    with pytest.raises(SealedValueError):
        shop.workspace.field_keys.open_resident_id(opener, second, stored(shop, second).sealed)
    profile = CustomerService(shop.workspace).profile(owner, second)
    assert (profile.resident_id, profile.resident_id_masked) == (MASKED, True)


def test_sealer_and_opener_of_another_key_do_not_mix(shop: ShopFixture) -> None:
    public = FieldKeyRepository(shop.workspace.shop.db.conn).public_key()
    assert public is not None
    sealed = FieldSealer(public).seal(RESIDENT_ID, "ctx")
    with pytest.raises(SealedValueError):
        FieldOpener(new_key_pair().private).open(sealed, "ctx")


def test_form_problems_are_named_at_the_field(shop: ShopFixture) -> None:
    owner = owner_with_key(shop)
    service = CustomerService(shop.workspace)
    bad = RESIDENT_ID[:-1] + "1"
    with pytest.raises(FieldErrors) as caught:
        service.add(owner, CustomerDraft(name="", resident_id=bad))
    assert caught.value.errors["resident_id"] == ID_CHECKSUM
    assert "name" in caught.value.errors
    assert bad not in str(caught.value)
    with pytest.raises(FieldErrors) as caught:
        service.add(owner, CustomerDraft(name="王", resident_id="110101900307123"))
    assert caught.value.errors == {"resident_id": LEGACY_ID}


def test_manager_edit_keeps_masked_id_and_replaces_with_a_new_whole_id(
    shop: ShopFixture,
) -> None:
    manager = add_user(shop, Role.MANAGER)
    service = CustomerService(shop.workspace)
    customer_id = add_customer(shop, manager, RESIDENT_ID)
    before = stored(shop, customer_id)
    profile = service.profile(manager, customer_id)
    form = CustomerDraft(name=profile.name, resident_id=profile.resident_id, notes="new note")
    service.update(manager, customer_id, form)
    assert stored(shop, customer_id).sealed == before.sealed
    service.update(manager, customer_id, dataclasses.replace(form, resident_id=""))
    assert stored(shop, customer_id).sealed == before.sealed, "empty = not touched"
    service.update(manager, customer_id, dataclasses.replace(form, resident_id=OTHER_ID))
    owner = owner_with_key(shop)
    assert service.profile(owner, customer_id).resident_id == OTHER_ID
    history = [entry.details.get("fields", "") for entry in service.history(owner, customer_id)]
    assert any("resident_id" in str(fields) for fields in history)
    assert not any(OTHER_ID in str(entry) for entry in service.history(owner, customer_id))
    service.update(owner, customer_id, dataclasses.replace(form, resident_id=""))
    assert FieldKeyRepository(shop.workspace.shop.db.conn).resident_id(customer_id) is None


def test_search_finds_the_whole_id_only(shop: ShopFixture) -> None:
    staff = add_user(shop, Role.STAFF)
    service = CustomerService(shop.workspace)
    customer_id = add_customer(shop, staff, RESIDENT_ID)
    add_customer(shop, staff, OTHER_ID, phone="13900002222")

    def found(text: str) -> list[int]:
        return service.ids(staff, CustomerFilter(text=text), CustomerSort.NEWEST, 50).ids

    assert found(RESIDENT_ID) == [customer_id]
    assert found(RESIDENT_ID.lower()) == [customer_id]
    assert found("110101 19900307 002X") == [customer_id]
    assert found(RESIDENT_ID[:17]) == []
    assert found("19900307") == []
    assert service.count(staff, CustomerFilter(text=RESIDENT_ID)) == 1


def test_owner_password_change_keeps_ids_readable(shop: ShopFixture) -> None:
    customer_id = add_customer(shop, shop.owner, RESIDENT_ID)
    shop.workspace.accounts.change_password(shop.owner, OWNER_PASSWORD, "New-owner-pass-8")
    shop.workspace.close()
    reopened = open_with_password(shop.paths, "New-owner-pass-8", default_keyring())
    shop.workspace = reopened
    owner = reopened.accounts.login(OWNER, "New-owner-pass-8")
    with pytest.raises(WrongSecretError):
        reopened.field_keys.open_for_owner(owner, OWNER_PASSWORD)
    reopened.field_keys.open_for_owner(owner, "New-owner-pass-8")
    assert CustomerService(reopened).profile(owner, customer_id).resident_id == RESIDENT_ID
    wraps = FieldKeyRepository(reopened.shop.db.conn).wraps("password")
    assert [w.stamp for w in wraps] == [reopened.shop.keyfile.password_stamp]


def test_recovery_code_reset_keeps_ids_readable(shop: ShopFixture) -> None:
    customer_id = add_customer(shop, shop.owner, RESIDENT_ID)
    accounts = shop.workspace.accounts
    with pytest.raises(WrongSecretError):
        accounts.reset_owner_password("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", "New-owner-pass-8")
    accounts.reset_owner_password(shop.recovery_code.lower(), "New-owner-pass-8")
    shop.workspace.close()
    reopened = open_with_password(shop.paths, "New-owner-pass-8", default_keyring())
    shop.workspace = reopened
    owner = reopened.accounts.login(OWNER, "New-owner-pass-8")
    reopened.field_keys.open_for_owner(owner, "New-owner-pass-8")
    assert CustomerService(reopened).profile(owner, customer_id).resident_id == RESIDENT_ID


def back_to_schema_6(db: ShopDatabase) -> None:
    """A shop from before the field key: no field key tables, no key pair (and not the later
    migrations' objects either)."""
    with db.transaction():
        db.conn.execute("ALTER TABLE order_items DROP COLUMN summary")  # migration 0009
        db.conn.execute("DROP INDEX ix_customers_created_search")  # migration 0008
        db.conn.execute("DROP TABLE field_key_wraps")
        db.conn.execute("DROP TABLE field_keys")
        db.conn.execute("PRAGMA user_version = 6")


def test_shop_from_before_the_field_key_gets_it_at_the_owner_login(shop: ShopFixture) -> None:
    db = shop.workspace.shop.db
    back_to_schema_6(db)
    shop.workspace.close()
    reopened = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    shop.workspace = reopened
    staff = Session(reopened.accounts.add_user(
        reopened.accounts.login(OWNER, OWNER_PASSWORD), "li", Role.STAFF, STAFF_PASSWORD))
    service = CustomerService(reopened)
    assert not reopened.field_keys.has_key_pair()
    with pytest.raises(FieldErrors) as caught:
        service.add(staff, CustomerDraft(name="王小明", resident_id=RESIDENT_ID))
    assert caught.value.errors == {"resident_id": NO_FIELD_KEY}
    owner = reopened.accounts.login(OWNER, OWNER_PASSWORD)
    assert not reopened.field_keys.open_for_owner(owner, OWNER_PASSWORD, create=False)
    assert not reopened.field_keys.has_key_pair()
    assert reopened.field_keys.open_for_owner(owner, OWNER_PASSWORD)
    assert reopened.field_keys.has_key_pair()
    customer_id = service.add(staff, CustomerDraft(name="王小明", resident_id=RESIDENT_ID))
    assert service.profile(owner, customer_id).resident_id == RESIDENT_ID
    created = [r for r in reopened.shop.db.audit.iter_all() if r.action == "field_key.created"]
    assert [r.details for r in created] == ['{"recovery": true}', '{"recovery": false}']


def test_cli_owner_login_makes_the_key_pair_and_subject_copy_holds_the_id(
    shop: ShopFixture, tmp_path
) -> None:
    db = shop.workspace.shop.db
    back_to_schema_6(db)
    shop.workspace.close()
    env = dict(os.environ, SHOPVAULT_KEYRING="none")
    env.pop("SHOPVAULT_KILL_AT", None)
    listed = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                     "users", "list", stdin=OWNER_PASSWORD + "\n", env=env)
    assert listed.returncode == 0, listed.stderr
    reopened = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    shop.workspace = reopened
    assert reopened.field_keys.has_key_pair()
    owner = reopened.accounts.login(OWNER, OWNER_PASSWORD)
    customer_id = CustomerService(reopened).add(
        owner, CustomerDraft(name="王小明", resident_id=RESIDENT_ID))
    reopened.close()
    out = tmp_path / "copy"
    copied = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                     "export", "subject", str(customer_id), "--out", str(out),
                     stdin=OWNER_PASSWORD + "\n", env=env)
    assert copied.returncode == 0, copied.stderr
    assert RESIDENT_ID not in copied.stdout + copied.stderr
    document = json.loads((tmp_path / "copy.json").read_text(encoding="utf-8"))
    assert document["customer"]["resident_id"] == RESIDENT_ID
    shop.workspace = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
