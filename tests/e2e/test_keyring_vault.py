"""KeyringVault against a real gnome-keyring Secret Service on a private D-Bus (no mocks)."""

from __future__ import annotations

import base64
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest

from desktop.security.keyring_vault import SERVICE_NAME, KeyringVault
from tests.support.secret_service import SecretService

pytestmark = pytest.mark.keyring

# gnome-keyring's binary, encrypted keyring format starts with this; an unencrypted keyring
# (what an empty unlock password gives) is an INI-style text file instead.
ENCRYPTED_KEYRING_MAGIC = b"GnomeKeyring\n\r\x00\n"
AES_CRYPTO_ID = 0


def new_key() -> bytes:
    return os.urandom(32)


def encodings_of(key: bytes) -> dict[str, bytes]:
    """Every textual form in which a leaked key could show up in a file."""
    b64 = base64.b64encode(key)
    urlsafe = base64.urlsafe_b64encode(key)
    return {
        "raw": key,
        "hex": key.hex().encode(),
        "HEX": key.hex().upper().encode(),
        "base64": b64,
        "base64 unpadded": b64.rstrip(b"="),
        "urlsafe base64": urlsafe.rstrip(b"="),
    }


def test_vault_key_round_trip_and_delete(keyring_vault: KeyringVault, secret_service):
    key = new_key()
    assert keyring_vault.available()
    assert keyring_vault.get_vault_key("shop-1") is None

    assert keyring_vault.set_vault_key("shop-1", key) is True
    assert keyring_vault.get_vault_key("shop-1") == key
    assert secret_service.usernames(keyring_vault.service) == ["shop-1"]
    # Stored base64-encoded under username = shop id (other tools read it the same way).
    stored = keyring.get_password(keyring_vault.service, "shop-1")
    assert stored == base64.b64encode(key).decode("ascii")

    keyring_vault.delete_vault_key("shop-1")
    assert keyring_vault.get_vault_key("shop-1") is None
    assert secret_service.item_count(keyring_vault.service) == 0
    keyring_vault.delete_vault_key("shop-1")  # idempotent


def test_set_replaces_the_previous_key(keyring_vault: KeyringVault, secret_service):
    first, second = new_key(), new_key()
    assert keyring_vault.set_vault_key("shop-1", first)
    assert keyring_vault.set_vault_key("shop-1", second)
    assert keyring_vault.get_vault_key("shop-1") == second
    assert secret_service.item_count(keyring_vault.service) == 1


def test_keys_are_separate_per_shop_and_per_service(keyring_vault: KeyringVault, secret_service):
    key_a, key_b = new_key(), new_key()
    assert keyring_vault.set_vault_key("shop-a", key_a)
    assert keyring_vault.set_vault_key("shop-b", key_b)
    assert keyring_vault.get_vault_key("shop-a") == key_a
    assert keyring_vault.get_vault_key("shop-b") == key_b

    other = KeyringVault(f"{keyring_vault.service}-other")
    try:
        assert other.get_vault_key("shop-a") is None
        assert other.set_vault_key("shop-a", new_key())
        assert keyring_vault.get_vault_key("shop-a") == key_a
    finally:
        secret_service.delete_items(other.service)

    keyring_vault.delete_vault_key("shop-a")
    assert keyring_vault.get_vault_key("shop-a") is None
    assert keyring_vault.get_vault_key("shop-b") == key_b


def test_text_entries_live_beside_the_key(keyring_vault: KeyringVault, secret_service):
    key = new_key()
    anchor = "seq=42;head=9f86d081884c7d65;审计锚点"
    assert keyring_vault.set_vault_key("shop-1", key)
    assert keyring_vault.get_text("shop-1", "audit-anchor") is None

    assert keyring_vault.set_text("shop-1", "audit-anchor", anchor) is True
    assert keyring_vault.get_text("shop-1", "audit-anchor") == anchor
    assert keyring_vault.get_text("shop-2", "audit-anchor") is None
    assert keyring_vault.get_text("shop-1", "other-name") is None
    assert secret_service.usernames(keyring_vault.service) == ["shop-1", "shop-1/audit-anchor"]

    assert keyring_vault.set_text("shop-1", "audit-anchor", "seq=43")
    assert keyring_vault.get_text("shop-1", "audit-anchor") == "seq=43"

    keyring_vault.delete_text("shop-1", "audit-anchor")
    keyring_vault.delete_text("shop-1", "audit-anchor")  # idempotent
    assert keyring_vault.get_text("shop-1", "audit-anchor") is None
    assert keyring_vault.get_vault_key("shop-1") == key


def test_invalid_arguments_are_refused_without_raising(keyring_vault: KeyringVault, secret_service):
    assert keyring_vault.set_vault_key("", new_key()) is False
    assert keyring_vault.set_vault_key("a/b", new_key()) is False
    assert keyring_vault.set_vault_key("shop-1", b"") is False
    assert keyring_vault.set_text("shop-1", "", "x") is False
    assert keyring_vault.set_text("shop-1", "a/b", "x") is False
    assert keyring_vault.get_vault_key("") is None
    assert keyring_vault.get_text("shop-1", "") is None
    keyring_vault.delete_vault_key("")
    keyring_vault.delete_text("", "x")
    assert secret_service.item_count(keyring_vault.service) == 0


def test_corrupt_entry_reads_as_absent(keyring_vault: KeyringVault):
    keyring.set_password(keyring_vault.service, "shop-1", "not base64 at all!")
    assert keyring_vault.get_vault_key("shop-1") is None


def test_env_none_disables_the_keyring(
    keyring_vault: KeyringVault, secret_service, monkeypatch: pytest.MonkeyPatch
):
    key = new_key()
    assert keyring_vault.set_vault_key("shop-1", key)
    assert keyring_vault.set_text("shop-1", "audit-anchor", "seq=1")

    monkeypatch.setenv("SHOPVAULT_KEYRING", "none")
    assert keyring_vault.available() is False
    assert keyring_vault.get_vault_key("shop-1") is None
    assert keyring_vault.get_text("shop-1", "audit-anchor") is None
    assert keyring_vault.set_vault_key("shop-1", new_key()) is False
    assert keyring_vault.set_text("shop-1", "audit-anchor", "seq=2") is False
    keyring_vault.delete_vault_key("shop-1")
    keyring_vault.delete_text("shop-1", "audit-anchor")

    # Nothing was read, written or deleted behind the switch.
    monkeypatch.delenv("SHOPVAULT_KEYRING")
    assert keyring_vault.available() is True
    assert keyring_vault.get_vault_key("shop-1") == key
    assert keyring_vault.get_text("shop-1", "audit-anchor") == "seq=1"


def test_no_keyring_fixture_stores_nothing(no_keyring, keyring_vault: KeyringVault, secret_service):
    default_vault = KeyringVault()
    assert default_vault.service == SERVICE_NAME
    assert default_vault.available() is False
    assert keyring_vault.set_vault_key("shop-1", new_key()) is False
    assert keyring_vault.get_vault_key("shop-1") is None
    assert secret_service.item_count(keyring_vault.service) == 0


def test_locked_keyring_reads_as_absent_and_never_raises(
    keyring_vault: KeyringVault, secret_service: SecretService, caplog: pytest.LogCaptureFixture
):
    key = new_key()
    assert keyring_vault.set_vault_key("shop-1", key)
    caplog.set_level(logging.DEBUG)
    secret_service.lock_default()
    try:
        assert secret_service.default_collection_locked()
        # No prompter can answer on the private bus, so the unlock prompt is dismissed.
        assert keyring_vault.available() is True
        assert keyring_vault.get_vault_key("shop-1") is None
        assert keyring_vault.set_vault_key("shop-2", new_key()) is False
        assert keyring_vault.get_text("shop-1", "audit-anchor") is None
        keyring_vault.delete_vault_key("shop-1")
    finally:
        secret_service.unlock_default()
    assert keyring_vault.get_vault_key("shop-1") == key
    assert keyring_vault.get_vault_key("shop-2") is None
    assert caplog.records, "failures should be logged"
    for form in encodings_of(key).values():
        assert form.decode("latin-1") not in caplog.text


def test_unreachable_bus_never_raises(keyring_vault: KeyringVault, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-such-bus'}")
    assert keyring_vault.get_vault_key("shop-1") is None
    assert keyring_vault.set_vault_key("shop-1", new_key()) is False
    assert keyring_vault.set_text("shop-1", "audit-anchor", "x") is False
    keyring_vault.delete_vault_key("shop-1")
    keyring_vault.delete_text("shop-1", "audit-anchor")


@pytest.fixture
def restore_backend() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_no_backend_is_unavailable(restore_backend, backend):
    keyring.set_keyring(backend())
    vault = KeyringVault(SERVICE_NAME)
    assert vault.available() is False
    assert vault.get_vault_key("shop-1") is None
    assert vault.set_vault_key("shop-1", new_key()) is False
    assert vault.get_text("shop-1", "audit-anchor") is None
    assert vault.set_text("shop-1", "audit-anchor", "x") is False
    vault.delete_vault_key("shop-1")
    vault.delete_text("shop-1", "audit-anchor")


def read_keyring_files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def test_keyring_file_on_disk_is_encrypted(keyring_vault: KeyringVault, secret_service):
    before = read_keyring_files(secret_service.keyrings_dir)
    key = new_key()
    assert keyring_vault.set_vault_key("shop-1", key)

    # The item must have reached the disk, or the check below would prove nothing.
    deadline = time.monotonic() + 5
    after = read_keyring_files(secret_service.keyrings_dir)
    while after == before and time.monotonic() < deadline:
        time.sleep(0.05)
        after = read_keyring_files(secret_service.keyrings_dir)
    changed = [name for name, data in after.items() if before.get(name) != data]
    assert changed, f"no keyring file changed under {secret_service.keyrings_dir}"
    assert any(name.endswith(".keyring") for name in changed)

    for name, data in after.items():
        for form_name, form in encodings_of(key).items():
            assert form not in data, f"{name} contains the key ({form_name})"
        if name.endswith(".keyring"):
            assert data.startswith(ENCRYPTED_KEYRING_MAGIC), f"{name} is not an encrypted keyring"
            assert data[len(ENCRYPTED_KEYRING_MAGIC) + 2] == AES_CRYPTO_ID
