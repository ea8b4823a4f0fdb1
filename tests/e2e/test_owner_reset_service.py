"""The owner's password reset with the recovery code, at the service: the login back-off
that a forgotten password runs into ends with the reset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.errors import LoginFailedError, LoginThrottledError, WrongSecretError
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture

NEW_PASSWORD = "Fresh-start-2026"


def _fail_until_throttled(shop: ShopFixture) -> None:
    """Real failed logins until the back-off starts, then a long wait ahead (as after many
    more tries), so the few seconds the reset takes do not end it."""
    accounts = shop.workspace.accounts
    for _attempt in range(10):
        try:
            accounts.login(OWNER, "Not-the-password-1")
        except LoginThrottledError:
            break
        except LoginFailedError:
            continue
    else:
        pytest.fail("the login back-off never started")
    db = shop.workspace.shop.db
    now = datetime.now(UTC)
    with db.transaction():
        db.login_throttle.record_failure(OWNER, now.isoformat(),
                                         (now + timedelta(hours=1)).isoformat())


def test_the_reset_ends_the_owner_login_back_off(shop: ShopFixture) -> None:
    _fail_until_throttled(shop)
    accounts = shop.workspace.accounts
    with pytest.raises(LoginThrottledError):
        accounts.login(OWNER, OWNER_PASSWORD)
    accounts.reset_owner_password(shop.recovery_code, NEW_PASSWORD)
    assert accounts.login(OWNER, NEW_PASSWORD).user.username == OWNER


def test_a_wrong_code_leaves_the_back_off_in_place(shop: ShopFixture) -> None:
    _fail_until_throttled(shop)
    accounts = shop.workspace.accounts
    with pytest.raises(WrongSecretError):
        accounts.reset_owner_password("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", NEW_PASSWORD)
    with pytest.raises(LoginThrottledError):
        accounts.login(OWNER, OWNER_PASSWORD)
