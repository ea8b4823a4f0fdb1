"""Creating and unlocking a shop: password, recovery code, wrong secrets, damaged files, and
no key material or personal data in plain text on disk."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest

from desktop.core.errors import (
    DamagedFileError,
    KeyUnavailableError,
    MissingFileError,
    ShopExistsError,
    ShopNotFoundError,
    WrongKeyError,
    WrongSecretError,
)
from desktop.services.paths import ShopPaths
from desktop.services.workspace import (
    default_keyring,
    new_workspace,
    open_with_keyring,
    open_with_password,
    open_with_recovery_code,
)
from tests.support.shops import OWNER_PASSWORD, ShopFixture

PHONE = "+8613812345678"
NAME = "欧阳娜娜"


def _insert_customer(shop: ShopFixture) -> None:
    conn = shop.workspace.shop.db.conn
    conn.execute(
        "INSERT INTO customers (name, phone, created_at, updated_at) VALUES (?, ?, 'x', 'x')",
        (NAME, PHONE),
    )


def _forms(secret: bytes) -> list[bytes]:
    return [secret, secret.hex().encode(), secret.hex().upper().encode(),
            base64.b64encode(secret), base64.urlsafe_b64encode(secret)]


def _all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_plaintext_never_reaches_the_database_files(shop: ShopFixture) -> None:
    _insert_customer(shop)
    paths = shop.paths
    # While open, the WAL holds the change: it must be encrypted too.
    files = [paths.db, *paths.sidecars()]
    assert paths.sidecars()[0].exists()
    for path in files:
        data = path.read_bytes()
        for needle in (PHONE, PHONE[3:], NAME, "13812345678", "CREATE TABLE", "customers"):
            assert needle.encode("utf-8") not in data, (path.name, needle)
            assert needle.encode("utf-16-le") not in data
        assert b"SQLite format 3" not in data[:16]


def test_keys_are_never_written_in_plain_text(shop: ShopFixture) -> None:
    _insert_customer(shop)
    secrets = [shop.workspace.shop.db_key, shop.workspace.shop.vault_key]
    shop.workspace.close()
    for path in _all_files(shop.paths.home):
        data = path.read_bytes()
        for secret in secrets:
            for form in _forms(secret):
                assert form not in data, path.name


def test_unlock_with_password_and_with_recovery_code(shop: ShopFixture) -> None:
    shop_id = shop.workspace.shop.shop_id
    shop.workspace.close()
    keyring = default_keyring()
    with pytest.raises(KeyUnavailableError):
        open_with_keyring(shop.paths, keyring)
    by_password = open_with_password(shop.paths, OWNER_PASSWORD, keyring)
    assert by_password.shop.shop_id == shop_id and by_password.shop_name == "老王杂货店"
    by_password.close()
    by_code = open_with_recovery_code(shop.paths, shop.recovery_code.lower(), keyring)
    assert by_code.shop.unlocked_by == "recovery code"
    by_code.close()


def test_wrong_password_and_wrong_code_are_refused(shop: ShopFixture) -> None:
    shop.workspace.close()
    with pytest.raises(WrongSecretError):
        open_with_password(shop.paths, "Correct-horse-43", default_keyring())
    with pytest.raises(WrongSecretError):
        open_with_recovery_code(shop.paths, "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA",
                                default_keyring())


def test_missing_shop_missing_db_and_existing_shop(shop: ShopFixture, tmp_path: Path) -> None:
    with pytest.raises(ShopNotFoundError):
        open_with_password(ShopPaths(tmp_path / "nowhere"), OWNER_PASSWORD, default_keyring())
    with pytest.raises(ShopExistsError):
        new_workspace(shop.paths, "x", "owner2", OWNER_PASSWORD, keyring=default_keyring())
    shop.workspace.close()
    shop.paths.db.unlink()
    with pytest.raises(MissingFileError):
        open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())


def test_damaged_database_is_told_apart_from_a_replaced_one(
    shop: ShopFixture, tmp_path: Path
) -> None:
    shop.workspace.close()
    original = shop.paths.db.read_bytes()
    damaged = bytearray(original)
    damaged[100:200] = bytes(100)  # inside page 1, whose HMAC then fails
    shop.paths.db.write_bytes(bytes(damaged))
    with pytest.raises(DamagedFileError):
        open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())
    assert shop.paths.db.read_bytes() == bytes(damaged), "a damaged file is never overwritten"

    other = ShopPaths(tmp_path / "other")
    ws, _, _ = new_workspace(other, "另一家", "li", OWNER_PASSWORD, keyring=default_keyring(),
                             remember=False)
    ws.close()
    shutil.copyfile(other.db, shop.paths.db)
    with pytest.raises(WrongKeyError):
        open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())


def test_truncated_database_is_damaged(shop: ShopFixture) -> None:
    shop.workspace.close()
    data = shop.paths.db.read_bytes()
    shop.paths.db.write_bytes(data[: len(data) // 2 + 7])
    with pytest.raises(DamagedFileError):
        open_with_password(shop.paths, OWNER_PASSWORD, default_keyring())


def test_weak_owner_password_is_refused_before_anything_is_written(
    tmp_path: Path, no_keyring: None
) -> None:
    from desktop.core.errors import InvalidInputError

    paths = ShopPaths(tmp_path / "weak")
    with pytest.raises(InvalidInputError):
        new_workspace(paths, "店", "wang", "12345678", keyring=default_keyring())
    assert not paths.exists()
