"""Creating a shop and unlocking it: keyring, owner password or recovery code (DESIGN §2)."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from desktop.core.atomic_files import atomic_replace
from desktop.core.crash_points import crash_point
from desktop.core.errors import (
    DamagedFileError,
    KeyUnavailableError,
    MissingFileError,
    ShopExistsError,
    ShopNotFoundError,
    WrongKeyError,
    WrongSecretError,
)
from desktop.security import keyfile as kf
from desktop.security.envelope import (
    KdfParams,
    canonical_recovery_code,
    derive_kek,
    key_check_value,
    new_key,
    new_recovery_code,
    new_salt,
    seal,
    unseal,
)
from desktop.security.keyring_vault import KeyringVault
from desktop.services.paths import ShopPaths
from desktop.store import connection as sqlc
from desktop.store.database import ShopDatabase

VAULT_KEY_PURPOSE = "shopvault vault key"


def db_key_purpose(shop_id: str) -> str:
    return f"shopvault db key {shop_id}"


def password_slot(vault_key: bytes, secret: str, kdf: KdfParams) -> kf.SecretSlot:
    return new_secret_slot(vault_key, secret, kdf)[0]


def new_secret_slot(
    vault_key: bytes, secret: str, kdf: KdfParams
) -> tuple[kf.SecretSlot, bytes]:
    """A slot for ``secret`` and its Argon2id key (which also wraps the field key)."""
    salt = new_salt()
    kek = derive_kek(secret, salt, kdf)
    return kf.SecretSlot(salt, kdf, seal(kek, vault_key, VAULT_KEY_PURPOSE)), kek


def slot_kek(slot: kf.SecretSlot, secret: str) -> bytes:
    """The Argon2id key of ``secret`` for ``slot``; WrongSecretError unless it opens it."""
    kek = derive_kek(secret, slot.salt, slot.kdf)
    unseal(kek, slot.sealed, VAULT_KEY_PURPOSE)
    return kek


def open_slot(slot: kf.SecretSlot, secret: str) -> bytes:
    """The vault key, or WrongSecretError."""
    return unseal(derive_kek(secret, slot.salt, slot.kdf), slot.sealed, VAULT_KEY_PURPOSE)


def wrap_db_key(vault_key: bytes, shop_id: str, db_key: bytes, db_salt: bytes) -> kf.WrappedDbKey:
    return kf.WrappedDbKey(
        seal(vault_key, db_key, db_key_purpose(shop_id)), key_check_value(db_key, shop_id), db_salt
    )


def unwrap_db_key(vault_key: bytes, shop_id: str, wrapped: kf.WrappedDbKey) -> bytes:
    db_key = unseal(vault_key, wrapped.sealed, db_key_purpose(shop_id))
    if not hmac.compare_digest(key_check_value(db_key, shop_id), wrapped.check):
        raise WrongSecretError()
    return db_key


def audit_anchor_key(vault_key: bytes) -> bytes:
    return hmac.new(vault_key, b"shopvault audit anchor", hashlib.sha256).digest()


@dataclass
class UnlockedShop:
    """An open shop: its files, key file, vault key and database. No user is logged in yet."""

    paths: ShopPaths
    keyfile: kf.KeyFile
    vault_key: bytes = field(repr=False)
    db_key: bytes = field(repr=False)
    db: ShopDatabase
    keyring: KeyringVault
    unlocked_by: str
    """"keyring", "password" or "recovery code" — for the audit entry of the unlock."""

    @property
    def shop_id(self) -> str:
        return self.keyfile.shop_id

    def save_keyfile(self, new: kf.KeyFile) -> None:
        kf.save(self.paths.keyfile, new)
        self.keyfile = new

    def remember_on_this_pc(self) -> bool:
        """Store the vault key in the OS keyring for silent unlock; False when there is none."""
        return self.keyring.set_vault_key(self.shop_id, self.vault_key)

    def forget_on_this_pc(self) -> None:
        self.keyring.delete_vault_key(self.shop_id)

    def close(self) -> None:
        self.db.close()


@dataclass(frozen=True, slots=True)
class NewShop:
    shop: UnlockedShop
    recovery_code: str
    """Shown once to the owner, never stored."""
    remembered: bool
    password_kek: bytes = field(default=b"", repr=False)
    recovery_kek: bytes = field(default=b"", repr=False)
    """The Argon2id keys of the two slots, so the field key is wrapped without running
    Argon2id again (security.field_crypto)."""


def create_shop(
    paths: ShopPaths,
    owner_password: str,
    *,
    keyring: KeyringVault,
    remember: bool = True,
    kdf: KdfParams | None = None,
) -> NewShop:
    """Create the key file and an empty, migrated database. Users come after (accounts)."""
    if paths.exists():
        raise ShopExistsError(home=str(paths.home))
    paths.ensure_home()
    kdf = kdf or KdfParams()
    shop_id = secrets.token_hex(16)
    vault_key, db_key = new_key(), new_key()
    recovery_code = new_recovery_code()
    db = ShopDatabase.create(paths.db, db_key)
    try:
        owner_slot, password_kek = new_secret_slot(vault_key, owner_password, kdf)
        recovery_slot, recovery_kek = new_secret_slot(
            vault_key, canonical_recovery_code(recovery_code), kdf
        )
        keyfile = kf.KeyFile(
            shop_id=shop_id,
            password_slot=owner_slot,
            recovery_slot=recovery_slot,
            password_stamp=secrets.token_hex(8),
            db_key=wrap_db_key(vault_key, shop_id, db_key, sqlc.database_salt(paths.db)),
        )
        kf.save(paths.keyfile, keyfile)
    except BaseException:
        db.close()
        for leftover in [paths.db, *paths.sidecars()]:
            leftover.unlink(missing_ok=True)
        raise
    shop = UnlockedShop(paths, keyfile, vault_key, db_key, db, keyring, "password")
    remembered = shop.remember_on_this_pc() if remember else False
    return NewShop(shop, recovery_code, remembered, password_kek, recovery_kek)


def load_keyfile(paths: ShopPaths) -> kf.KeyFile:
    finish_interrupted_restore(paths)
    if not paths.keyfile.exists():
        if paths.db.exists():
            raise MissingFileError(path=paths.keyfile.name)
        raise ShopNotFoundError(home=str(paths.home))
    return kf.load(paths.keyfile)


def unlock_from_keyring(paths: ShopPaths, keyring: KeyringVault) -> UnlockedShop:
    keyfile = load_keyfile(paths)
    vault_key = keyring.get_vault_key(keyfile.shop_id)
    if vault_key is None:
        raise KeyUnavailableError()
    try:
        return _open(paths, keyfile, vault_key, keyring, "keyring")
    except WrongSecretError as exc:  # the keyring holds a key of another shop with this id
        raise KeyUnavailableError() from exc


def unlock_with_password(paths: ShopPaths, password: str, keyring: KeyringVault) -> UnlockedShop:
    keyfile = load_keyfile(paths)
    vault_key = open_slot(keyfile.password_slot, password)
    return _open(paths, keyfile, vault_key, keyring, "password")


def unlock_with_recovery_code(paths: ShopPaths, code: str, keyring: KeyringVault) -> UnlockedShop:
    keyfile = load_keyfile(paths)
    vault_key = open_slot(keyfile.recovery_slot, canonical_recovery_code(code))
    return _open(paths, keyfile, vault_key, keyring, "recovery code")


def _open(
    paths: ShopPaths, keyfile: kf.KeyFile, vault_key: bytes, keyring: KeyringVault, how: str
) -> UnlockedShop:
    db_key = unwrap_db_key(vault_key, keyfile.shop_id, keyfile.db_key)
    if keyfile.pending_db_key is not None:
        keyfile, db_key = _settle_rotation(paths, keyfile, vault_key, db_key)
    paths.rotating_db.unlink(missing_ok=True)
    if not paths.db.exists():
        raise MissingFileError(path=paths.db.name)
    if keyfile.db_key.db_salt and sqlc.database_salt(paths.db) != keyfile.db_key.db_salt:
        raise WrongKeyError(path=paths.db.name)
    db = ShopDatabase.open(paths.db, db_key)
    return UnlockedShop(paths, keyfile, vault_key, db_key, db, keyring, how)


def _settle_rotation(
    paths: ShopPaths, keyfile: kf.KeyFile, vault_key: bytes, current_key: bytes
) -> tuple[kf.KeyFile, bytes]:
    """Finish or undo a key rotation that a crash interrupted: whichever key opens the
    database becomes the only one in the key file."""
    pending = keyfile.pending_db_key
    assert pending is not None
    pending_key = unwrap_db_key(vault_key, keyfile.shop_id, pending)
    if sqlc.key_opens(paths.db, current_key):
        settled = keyfile.with_changes(pending_db_key=None)
        key = current_key
    elif sqlc.key_opens(paths.db, pending_key):
        promoted = kf.WrappedDbKey(pending.sealed, pending.check, sqlc.database_salt(paths.db))
        settled = keyfile.with_changes(db_key=promoted, pending_db_key=None)
        key = pending_key
    else:
        raise DamagedFileError(path=paths.db.name)
    kf.save(paths.keyfile, settled)
    return settled, key


def rotate_db_key(shop: UnlockedShop) -> None:
    """Re-encrypt the whole database under a fresh key. Safe against a kill at any point: the
    key file names the new key as pending before the switch, and opening settles it."""
    paths = shop.paths
    new_db_key = new_key()
    pending = wrap_db_key(shop.vault_key, shop.shop_id, new_db_key, b"")
    shop.save_keyfile(shop.keyfile.with_changes(pending_db_key=pending))
    crash_point("rotate:pending-saved")
    shop.db.export_copy(paths.rotating_db, new_db_key)
    crash_point("rotate:copy-written")
    if not sqlc.key_opens(paths.rotating_db, new_db_key):
        paths.rotating_db.unlink(missing_ok=True)
        shop.save_keyfile(shop.keyfile.with_changes(pending_db_key=None))
        raise DamagedFileError(path=paths.rotating_db.name)
    shop.db.close()
    for sidecar in paths.sidecars():
        sidecar.unlink(missing_ok=True)
    atomic_replace(paths.rotating_db, paths.db)
    crash_point("rotate:file-switched")
    promoted = kf.WrappedDbKey(pending.sealed, pending.check, sqlc.database_salt(paths.db))
    shop.save_keyfile(shop.keyfile.with_changes(db_key=promoted, pending_db_key=None))
    crash_point("rotate:keyfile-updated")
    shop.db = ShopDatabase.open(paths.db, new_db_key)
    shop.db_key = new_db_key


def change_owner_secret(shop: UnlockedShop, new_password: str) -> str:
    """Re-wrap the vault key under a new owner password (instant; nothing is re-encrypted).
    Returns the new password stamp that the owner's account must carry."""
    stamp = new_password_stamp()
    slot = password_slot(shop.vault_key, new_password, shop.keyfile.password_slot.kdf)
    install_password_slot(shop, slot, stamp)
    return stamp


def new_password_stamp() -> str:
    return secrets.token_hex(8)


def install_password_slot(shop: UnlockedShop, slot: kf.SecretSlot, stamp: str) -> None:
    shop.save_keyfile(shop.keyfile.with_changes(password_slot=slot, password_stamp=stamp))


def finish_interrupted_restore(paths: ShopPaths) -> None:
    """A restore writes ``shop.db.restoring`` completely, then ``shop.key.restoring``; once the
    latter exists, the restore is decided and is carried through here after a crash."""
    if not paths.restoring_keyfile.exists():
        with contextlib.suppress(FileNotFoundError):
            paths.restoring_db.unlink()
        return
    if paths.restoring_db.exists():
        for sidecar in paths.sidecars():
            sidecar.unlink(missing_ok=True)
        atomic_replace(paths.restoring_db, paths.db)
    atomic_replace(paths.restoring_keyfile, paths.keyfile)
