"""Encrypted backup and restore, including on a "new PC" (another folder, empty keyring)."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from desktop.core.errors import (
    BackupError,
    MissingFileError,
    PermissionDeniedError,
    WrongSecretError,
)
from desktop.core.roles import Role
from desktop.services.backup import create_backup, restore_backup
from desktop.services.paths import ShopPaths
from desktop.services.workspace import default_keyring, open_with_password
from tests.support.shops import OWNER, OWNER_PASSWORD, ShopFixture

PHONE = "+8613912345678"


def _add_customer(shop: ShopFixture, name: str) -> None:
    shop.workspace.shop.db.conn.execute(
        "INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, 'x', 'x')",
        (name, PHONE),
    )


def _names(paths: ShopPaths, password: str = OWNER_PASSWORD) -> list[str]:
    ws = open_with_password(paths, password, default_keyring())
    try:
        return [r[0] for r in ws.shop.db.conn.execute("SELECT name FROM customers ORDER BY id")]
    finally:
        ws.close()


def test_backup_restores_on_a_new_pc_with_password_and_code(
    shop: ShopFixture, tmp_path: Path
) -> None:
    _add_customer(shop, "张三丰")
    info = create_backup(shop.workspace, shop.owner, tmp_path)
    assert info.path.parent == tmp_path and info.path.suffix == ".svbackup"
    data = info.path.read_bytes()
    assert PHONE.encode() not in data and "张三丰".encode() not in data
    assert not list(tmp_path.glob(".*.partial"))

    new_pc = ShopPaths(tmp_path / "new-pc")
    restored = restore_backup(new_pc, info.path, keyring=default_keyring(),
                              password=OWNER_PASSWORD)
    assert restored.accounts.login(OWNER, OWNER_PASSWORD)
    assert restored.trail.verify().ok
    restored.close()
    assert _names(new_pc) == ["张三丰"]

    other_pc = ShopPaths(tmp_path / "other-pc")
    by_code = restore_backup(other_pc, info.path, keyring=default_keyring(),
                             recovery_code=shop.recovery_code)
    by_code.close()
    assert _names(other_pc) == ["张三丰"]


def test_restore_over_an_existing_shop_keeps_the_old_files_aside(
    shop: ShopFixture, tmp_path: Path
) -> None:
    _add_customer(shop, "李四")
    info = create_backup(shop.workspace, shop.owner, tmp_path / "b.svbackup")
    _add_customer(shop, "后来的客户")
    shop.workspace.close()
    restored = restore_backup(shop.paths, info.path, keyring=default_keyring(),
                              password=OWNER_PASSWORD)
    restored.close()
    assert _names(shop.paths) == ["李四"]
    aside = list(shop.paths.home.glob("before-restore-*"))
    assert len(aside) == 1 and (aside[0] / "shop.db").exists() and (aside[0] / "shop.key").exists()
    entries = [r.action for r in _audit(shop.paths)]
    assert "backup.restored" in entries


def _audit(paths: ShopPaths) -> list:
    ws = open_with_password(paths, OWNER_PASSWORD, default_keyring())
    try:
        return list(ws.shop.db.audit.iter_all())
    finally:
        ws.close()


def test_wrong_password_or_damaged_archive_leaves_the_shop_untouched(
    shop: ShopFixture, tmp_path: Path
) -> None:
    _add_customer(shop, "王五")
    info = create_backup(shop.workspace, shop.owner, tmp_path / "b.svbackup")
    shop.workspace.close()
    before = {p.name: p.read_bytes() for p in shop.paths.home.iterdir() if p.is_file()}

    with pytest.raises(WrongSecretError):
        restore_backup(shop.paths, info.path, keyring=default_keyring(), password="Wrong-pass-1")

    damaged = tmp_path / "damaged.svbackup"
    raw = bytearray(info.path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    damaged.write_bytes(bytes(raw))
    with pytest.raises(BackupError):
        restore_backup(shop.paths, damaged, keyring=default_keyring(), password=OWNER_PASSWORD)

    truncated = tmp_path / "truncated.svbackup"
    truncated.write_bytes(info.path.read_bytes()[:4000])
    with pytest.raises(BackupError):
        restore_backup(shop.paths, truncated, keyring=default_keyring(), password=OWNER_PASSWORD)

    not_a_backup = tmp_path / "photo.svbackup"
    not_a_backup.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(600))
    with pytest.raises(BackupError):
        restore_backup(shop.paths, not_a_backup, keyring=default_keyring(),
                       password=OWNER_PASSWORD)

    with pytest.raises(MissingFileError):
        restore_backup(shop.paths, tmp_path / "nope.svbackup", keyring=default_keyring(),
                       password=OWNER_PASSWORD)

    after = {p.name: p.read_bytes() for p in shop.paths.home.iterdir() if p.is_file()}
    assert after == before
    assert not list(shop.paths.home.glob("before-restore-*"))


def test_archive_contents_and_permissions(shop: ShopFixture, tmp_path: Path) -> None:
    info = create_backup(shop.workspace, shop.owner, tmp_path / "b.svbackup")
    with tarfile.open(info.path) as archive:
        assert sorted(archive.getnames()) == ["manifest.json", "shop.db", "shop.key"]
    shop.workspace.accounts.add_user(shop.owner, "zhao", Role.MANAGER, "Manager-pass-7")
    manager = shop.workspace.accounts.login("zhao", "Manager-pass-7")
    with pytest.raises(PermissionDeniedError):
        create_backup(shop.workspace, manager, tmp_path / "c.svbackup")
    actions = [r.action for r in shop.workspace.shop.db.audit.iter_all()]
    assert "backup.created" in actions
