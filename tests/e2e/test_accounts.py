"""Role accounts against a real shop database: login, back-off that survives a restart,
unknown users answered like wrong passwords, PINs, disabling, password changes."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.errors import (
    InvalidInputError,
    LoginFailedError,
    LoginThrottledError,
    PermissionDeniedError,
    WrongSecretError,
)
from desktop.core.roles import Role
from desktop.security.passwords import MAX_DELAY_SECONDS
from desktop.services.accounts import AccountService
from desktop.services.workspace import default_keyring, open_with_password
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _accounts(shop: ShopFixture, clock: Clock) -> AccountService:
    return AccountService(shop.workspace.shop, shop.workspace.trail, clock=clock)


def test_owner_logs_in_and_wrong_password_fails(shop: ShopFixture) -> None:
    session = shop.workspace.accounts.login(OWNER, OWNER_PASSWORD)
    assert session.user.role is Role.OWNER
    with pytest.raises(LoginFailedError) as wrong:
        shop.workspace.accounts.login(OWNER, "Correct-horse-43")
    with pytest.raises(LoginFailedError) as unknown:
        shop.workspace.accounts.login("nobody", OWNER_PASSWORD)
    assert str(wrong.value) == str(unknown.value)


def test_unknown_user_takes_as_long_as_a_wrong_password(shop: ShopFixture) -> None:
    accounts = shop.workspace.accounts

    def timed(name: str) -> float:
        start = time.perf_counter()
        with pytest.raises(LoginFailedError):
            accounts.login(name, "wrong-password-1")
        return time.perf_counter() - start

    timed("warm-up")
    known = min(timed(OWNER) for _ in range(2))
    unknown = min(timed(f"ghost{i}") for i in range(2))
    assert unknown > known * 0.5, (known, unknown)


def test_backoff_grows_survives_restart_and_is_capped(shop: ShopFixture) -> None:
    clock = Clock()
    accounts = _accounts(shop, clock)
    for _ in range(3):
        with pytest.raises(LoginFailedError):
            accounts.login(OWNER, "bad-password")
    with pytest.raises(LoginThrottledError) as blocked:
        accounts.login(OWNER, OWNER_PASSWORD)  # even the right password waits
    assert blocked.value.retry_after == 1

    shop.workspace.close()
    reopened = open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    shop.workspace = reopened
    accounts = _accounts(shop, clock)
    with pytest.raises(LoginThrottledError):
        accounts.login(OWNER, OWNER_PASSWORD)
    delays = []
    for _ in range(15):
        clock.advance(MAX_DELAY_SECONDS + 1)
        with pytest.raises(LoginFailedError):
            accounts.login(OWNER, "bad-password")
        with pytest.raises(LoginThrottledError) as waiting:
            accounts.login(OWNER, OWNER_PASSWORD)
        delays.append(waiting.value.retry_after)
    assert delays[:4] == [2, 4, 8, 16]
    assert max(delays) == MAX_DELAY_SECONDS, "the owner is never locked out for good"
    clock.advance(MAX_DELAY_SECONDS)
    assert accounts.login(OWNER, OWNER_PASSWORD).user.username == OWNER
    clock.advance(0)
    with pytest.raises(LoginFailedError):  # success reset the counter: no delay yet
        accounts.login(OWNER, "bad-password")


def test_unknown_names_are_throttled_like_real_ones(shop: ShopFixture) -> None:
    clock = Clock()
    accounts = _accounts(shop, clock)
    for _ in range(3):
        with pytest.raises(LoginFailedError):
            accounts.login("ghost", "bad-password")
    with pytest.raises(LoginThrottledError):
        accounts.login("ghost", "bad-password")


def test_users_roles_pin_and_disable(shop: ShopFixture) -> None:
    accounts = shop.workspace.accounts
    owner = shop.owner
    accounts.add_user(owner, "li", Role.STAFF, "2580", pin=True)
    accounts.add_user(owner, "zhao", Role.MANAGER, "Manager-pass-7")
    staff = accounts.login("li", "2580")
    assert staff.user.role is Role.STAFF and staff.user.uses_pin
    with pytest.raises(PermissionDeniedError):
        accounts.add_user(staff, "x", Role.STAFF, "Another-pass-1")
    manager = accounts.login("zhao", "Manager-pass-7")
    with pytest.raises(PermissionDeniedError):
        accounts.list_users(manager)
    with pytest.raises(InvalidInputError):
        accounts.add_user(owner, "Li", Role.STAFF, "Another-pass-1")  # names ignore case
    with pytest.raises(InvalidInputError):
        accounts.add_user(owner, "wu", Role.MANAGER, "2580", pin=True)  # PINs are for staff
    with pytest.raises(InvalidInputError):
        accounts.add_user(owner, "wu", Role.STAFF, "1111", pin=True)
    with pytest.raises(InvalidInputError):
        accounts.add_user(owner, "wu", Role.OWNER, "Owner-two-22")
    accounts.disable_user(owner, "li")
    with pytest.raises(LoginFailedError):
        accounts.login("li", "2580")
    with pytest.raises(InvalidInputError):
        accounts.disable_user(owner, OWNER)
    names = [(u.username, u.role, u.disabled) for u in accounts.list_users(owner)]
    assert names == [(OWNER, Role.OWNER, False), ("li", Role.STAFF, True),
                     ("zhao", Role.MANAGER, False)]


def test_owner_password_change_rewraps_the_key(shop: ShopFixture) -> None:
    accounts = shop.workspace.accounts
    db_key = shop.workspace.shop.db_key
    with pytest.raises(WrongSecretError):
        accounts.change_password(shop.owner, "not-the-password", "New-owner-pass-8")
    accounts.change_password(shop.owner, OWNER_PASSWORD, "New-owner-pass-8")
    shop.workspace.close()
    with pytest.raises(WrongSecretError):
        open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    reopened = open_with_password(shop.paths, "New-owner-pass-8", default_keyring())
    shop.workspace = reopened
    assert reopened.shop.db_key == db_key, "a password change re-wraps; it does not rekey"
    assert reopened.accounts.login(OWNER, "New-owner-pass-8")
    with pytest.raises(LoginFailedError):
        reopened.accounts.login(OWNER, OWNER_PASSWORD)


def test_staff_changes_own_pin(shop: ShopFixture) -> None:
    accounts = shop.workspace.accounts
    accounts.add_user(shop.owner, "li", Role.STAFF, "2580", pin=True)
    staff = accounts.login("li", "2580")
    with pytest.raises(InvalidInputError):
        accounts.change_password(staff, "2580", "not-a-pin")
    accounts.change_password(staff, "2580", "7391")
    assert accounts.login("li", "7391").user.username == "li"
