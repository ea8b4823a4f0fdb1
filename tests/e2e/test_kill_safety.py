"""A real process, killed with SIGKILL at each step of a key rotation or an owner password
change, leaves a shop that opens with exactly one valid key and loses nothing."""

from __future__ import annotations

import os
import signal

import pytest

from desktop.core.errors import LoginFailedError, WrongSecretError
from desktop.security import keyfile as kf
from desktop.services.vault import open_slot, unwrap_db_key
from desktop.services.workspace import default_keyring, open_with_password
from desktop.store.connection import key_opens
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture, run_cli

NEW_PASSWORD = "Brand-new-pass-9"


def _env(kill_at: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"SHOPVAULT_KEYRING": "none", "SHOPVAULT_KILL_AT": kill_at})
    return env


def _seed(shop: ShopFixture) -> None:
    conn = shop.workspace.shop.db.conn
    for i in range(200):
        conn.execute(
            "INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, 'x', 'x')",
            (f"客户{i}", f"+86138{i:08d}"),
        )
    shop.workspace.close()


def _candidate_keys(shop: ShopFixture, password: str) -> list[bytes]:
    keyfile = kf.load(shop.paths.keyfile)
    vault_key = open_slot(keyfile.password_slot, password)
    wrapped = [keyfile.db_key] + ([keyfile.pending_db_key] if keyfile.pending_db_key else [])
    return [unwrap_db_key(vault_key, keyfile.shop_id, w) for w in wrapped]


def _assert_sound(shop: ShopFixture, password: str) -> None:
    opening = [k for k in _candidate_keys(shop, password) if key_opens(shop.paths.db, k)]
    assert len(opening) == 1, "exactly one key in the key file opens the database"
    workspace = open_with_password(shop.paths, password, default_keyring())
    try:
        assert workspace.shop.keyfile.pending_db_key is None, "opening settles the rotation"
        assert workspace.shop.db.integrity_problems() == []
        count = workspace.shop.db.conn.execute("SELECT count(*) FROM customers").fetchone()[0]
        assert count == 200
        assert workspace.trail.verify().ok
    finally:
        workspace.close()
    assert not shop.paths.rotating_db.exists()


ROTATION_POINTS = ["rotate:pending-saved", "rotate:copy-written", "rotate:file-switched",
                   "rotate:keyfile-updated"]


@pytest.mark.slow
@pytest.mark.parametrize("point", ROTATION_POINTS)
def test_kill_during_key_rotation(shop: ShopFixture, point: str) -> None:
    _seed(shop)
    old_key = _candidate_keys(shop, OWNER_PASSWORD)[0]
    result = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                     "key", "rotate", stdin=OWNER_PASSWORD + "\n", env=_env(point))
    assert result.returncode == -signal.SIGKILL, result.stderr
    _assert_sound(shop, OWNER_PASSWORD)
    current = _candidate_keys(shop, OWNER_PASSWORD)[0]
    switched = point in ("rotate:file-switched", "rotate:keyfile-updated")
    assert (current != old_key) is switched


def test_rotation_without_kill_changes_the_key(shop: ShopFixture) -> None:
    _seed(shop)
    old_key = _candidate_keys(shop, OWNER_PASSWORD)[0]
    result = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                     "key", "rotate", stdin=OWNER_PASSWORD + "\n", env=_env(""))
    assert result.returncode == 0, result.stderr
    assert not key_opens(shop.paths.db, old_key)
    _assert_sound(shop, OWNER_PASSWORD)


@pytest.mark.slow
def test_kill_during_owner_password_change(shop: ShopFixture) -> None:
    _seed(shop)
    result = run_cli("--home", str(shop.paths.home), "--user", OWNER, "--password-stdin",
                     "password", "change", stdin=f"{OWNER_PASSWORD}\n{NEW_PASSWORD}\n",
                     env=_env("password:keyfile-saved"))
    assert result.returncode == -signal.SIGKILL, result.stderr
    with pytest.raises(WrongSecretError):
        open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    _assert_sound(shop, NEW_PASSWORD)
    workspace = open_with_password(shop.paths, NEW_PASSWORD, default_keyring())
    try:
        with pytest.raises(LoginFailedError):
            workspace.accounts.login(OWNER, OWNER_PASSWORD)
        assert workspace.accounts.login(OWNER, NEW_PASSWORD).user.username == OWNER
        # healed: the account now carries the new password on the normal path too
        workspace.accounts.login(OWNER, NEW_PASSWORD)
    finally:
        workspace.close()
