"""Unlocking through a real Secret Service (gnome-keyring in a private D-Bus session)."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from desktop.core.errors import KeyUnavailableError
from desktop.core.roles import Role
from desktop.security.keyring_vault import KeyringVault
from desktop.services.paths import ShopPaths
from desktop.services.workspace import (
    new_workspace,
    open_with_keyring,
    open_with_password,
    open_with_recovery_code,
)
from tests.support.shops import OWNER, OWNER_PASSWORD, run_cli

pytestmark = pytest.mark.keyring


def _new_shop(tmp_path: Path, keyring: KeyringVault, *, remember: bool = True):
    paths = ShopPaths(tmp_path / "shop")
    workspace, owner, code = new_workspace(paths, "老王杂货", OWNER, OWNER_PASSWORD,
                                           keyring=keyring, remember=remember)
    return paths, workspace, owner, code


def test_remembered_key_unlocks_silently_for_any_role(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    paths, workspace, owner, _ = _new_shop(tmp_path, keyring_vault)
    workspace.accounts.add_user(owner, "li", Role.STAFF, "2580", pin=True)
    workspace.close()
    reopened = open_with_keyring(paths, keyring_vault)
    try:
        assert reopened.shop.unlocked_by == "keyring"
        assert reopened.accounts.login("li", "2580").user.role is Role.STAFF
    finally:
        reopened.close()


def test_new_pc_asks_for_the_password_then_remembers(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    paths, workspace, _, code = _new_shop(tmp_path, keyring_vault, remember=False)
    workspace.close()
    with pytest.raises(KeyUnavailableError):
        open_with_keyring(paths, keyring_vault)
    by_code = open_with_recovery_code(paths, code, keyring_vault)
    assert by_code.remember_on_this_pc()
    by_code.close()
    silent = open_with_keyring(paths, keyring_vault)
    silent.close()
    actions = [r.action for r in _audit(paths)]
    assert "key.remembered_on_pc" in actions and actions.count("shop.unlocked") >= 2


def _audit(paths: ShopPaths) -> list:
    ws = open_with_password(paths, OWNER_PASSWORD, KeyringVault("unused-in-this-test"))
    try:
        return list(ws.shop.db.audit.iter_all())
    finally:
        ws.close()


def test_a_stale_key_in_the_keyring_falls_back_to_asking(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    paths, workspace, _, _ = _new_shop(tmp_path, keyring_vault)
    keyring_vault.set_vault_key(workspace.shop.shop_id, os.urandom(32))
    workspace.close()
    with pytest.raises(KeyUnavailableError):
        open_with_keyring(paths, keyring_vault)


def test_no_key_material_in_the_shop_or_keyring_files(
    tmp_path: Path, keyring_vault: KeyringVault, secret_service
) -> None:
    paths, workspace, _, _ = _new_shop(tmp_path, keyring_vault)
    keys = [workspace.shop.vault_key, workspace.shop.db_key]
    workspace.close()
    files = [p for root in (paths.home, secret_service.keyrings_dir) for p in root.rglob("*")
             if p.is_file()]
    assert any(p.parent == secret_service.keyrings_dir for p in files)
    for path in files:
        data = path.read_bytes()
        for key in keys:
            for form in (key, key.hex().encode(), base64.b64encode(key)):
                assert form not in data, path


def test_cli_uses_the_keyring_and_remember_flag(tmp_path: Path, secret_service) -> None:
    env = dict(os.environ)
    env.pop("SHOPVAULT_KEYRING", None)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"
    home = tmp_path / "cli-shop"
    init = run_cli("--home", str(home), "--password-stdin", "init", "--shop", "店", "--owner",
                   OWNER, stdin=OWNER_PASSWORD + "\n", env=env)
    assert init.returncode == 0, init.stderr
    assert "does not hold the key" not in init.stdout
    added = run_cli("--home", str(home), "--user", OWNER, "--password-stdin", "users", "add",
                    "li", "--role", "staff", stdin=f"{OWNER_PASSWORD}\nStaff-pass-77\n", env=env)
    assert added.returncode == 0, added.stderr
    # with the key in the keyring, a staff member's own password is enough to act
    staff = run_cli("--home", str(home), "--user", "li", "--password-stdin", "check",
                    stdin="Staff-pass-77\n", env=env)
    assert staff.returncode == 3 and "may not" in staff.stderr  # check needs VIEW_AUDIT
    staff_denied_backup = run_cli("--home", str(home), "--user", "li", "--password-stdin",
                                  "backup", str(tmp_path), stdin="Staff-pass-77\n", env=env)
    assert staff_denied_backup.returncode == 3
    owner_check = run_cli("--home", str(home), "--user", OWNER, "--password-stdin", "check",
                          stdin=OWNER_PASSWORD + "\n", env=env)
    assert owner_check.returncode == 0, owner_check.stderr


def test_keyring_anchor_catches_a_truncation_hidden_by_an_old_key_file(
    tmp_path: Path, keyring_vault: KeyringVault
) -> None:
    paths, workspace, owner, _ = _new_shop(tmp_path, keyring_vault)
    old_keyfile = paths.keyfile.read_bytes()
    cut_after = workspace.shop.db.audit.count()
    for name in ("li", "zhao"):
        workspace.accounts.add_user(owner, name, Role.STAFF, "Staff-pass-77")
    workspace.shop.db.conn.execute("DELETE FROM audit_log WHERE seq > ?", (cut_after,))
    workspace.close()
    paths.keyfile.write_bytes(old_keyfile)  # an attacker also rolls the key file back
    reopened = open_with_keyring(paths, keyring_vault)
    try:
        report = reopened.trail.verify()
        # reopening appended its unlock entry where the first removed one was, so the gap is
        # reported at the next one
        assert not report.ok and report.first_bad_seq == cut_after + 2
        assert "removed" in report.problem
    finally:
        reopened.close()
