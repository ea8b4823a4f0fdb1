"""The OS keyring (Secret Service / Windows Credential Manager / macOS Keychain), for silent unlock.

DESIGN §2: the vault key is kept in the OS keyring so this PC can unlock without asking. Having
no backend, a locked keyring or a broken D-Bus is normal (new PC, headless box, user dismissed
the prompt): every method here then answers "absent" / "not stored" and never raises, and the
caller falls back to the owner password or the recovery code. Nothing is ever stored elsewhere.

Entries, all under the service name (``ShopVault``):

* username ``shop_id``: the vault key, base64-encoded (backends store text);
* username ``f"{shop_id}/{name}"``: small auxiliary text entries (e.g. ``"audit-anchor"``).

Setting the environment variable ``SHOPVAULT_KEYRING=none`` pretends there is no keyring at all
(to simulate a PC without one); it is read on every call.

Secrets never appear in a log line or an exception message: failures are logged by exception
type only.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import os

import keyring
import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null

SERVICE_NAME = "ShopVault"
DISABLE_ENV = "SHOPVAULT_KEYRING"
"""Environment variable; the value ``none`` disables the keyring (case-insensitive)."""

_SEPARATOR = "/"
_MAX_DELETE_ROUNDS = 3

log = logging.getLogger(__name__)


def _disabled_by_env() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() == "none"


def _is_usable(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        return False
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        chained: list[keyring.backend.KeyringBackend] = list(backend.backends)
        return bool(chained)
    return True


class KeyringVault:
    """Reads and writes ShopVault's entries in the OS keyring. Thread-agnostic, holds no secret.

    Calls may block (a Secret Service unlock prompt, a slow D-Bus): call them off the UI thread.
    """

    def __init__(self, service: str = SERVICE_NAME) -> None:
        if not service:
            raise ValueError("the keyring service name must not be empty")
        self._service = service

    @property
    def service(self) -> str:
        return self._service

    # -- backend ---------------------------------------------------------------------------

    def _backend(self) -> keyring.backend.KeyringBackend | None:
        """The usable backend, or None (disabled by env, none found, or detection failed)."""
        if _disabled_by_env():
            return None
        try:
            backend: keyring.backend.KeyringBackend = keyring.get_keyring()
            return backend if _is_usable(backend) else None
        # Backend detection imports and probes platform backends (D-Bus, Win32, Security
        # framework) that raise many unrelated exception types; any of them means "no keyring".
        except Exception as exc:  # noqa: BLE001 - contract: never raises, see comment above
            log.warning("keyring backend detection failed (%s)", type(exc).__name__)
            return None

    def available(self) -> bool:
        """True when a usable keyring backend exists. A locked keyring still counts as available."""
        return self._backend() is not None

    # -- raw entry access (all failures swallowed here) ------------------------------------

    def _read(self, username: str) -> str | None:
        backend = self._backend()
        if backend is None:
            return None
        try:
            value: object = backend.get_password(self._service, username)
        # keyring.errors.KeyringError (locked, init, no backend) plus whatever the backend's
        # transport raises (jeepney/secretstorage D-Bus errors, OSError, pywin32 errors...).
        except Exception as exc:  # noqa: BLE001 - contract: never raises, see comment above
            log.warning("keyring read failed (%s)", type(exc).__name__)
            return None
        return value if isinstance(value, str) else None

    def _write(self, username: str, value: str) -> bool:
        """Store ``value`` and read it back; True only when the keyring returns it unchanged."""
        backend = self._backend()
        if backend is None:
            return False
        try:
            backend.set_password(self._service, username, value)
        # Same reasoning as in _read: backends raise many unrelated exception types.
        except Exception as exc:  # noqa: BLE001 - contract: never raises, see comment above
            log.warning("keyring write failed (%s)", type(exc).__name__)
            return False
        stored = self._read(username)
        if stored is not None and hmac.compare_digest(stored.encode(), value.encode()):
            return True
        log.warning("keyring entry did not read back as written; removing it")
        self._delete(username)
        return False

    def _delete(self, username: str) -> None:
        backend = self._backend()
        if backend is None:
            return
        # Some backends delete only the first match; loop (bounded) until nothing is left.
        for _ in range(_MAX_DELETE_ROUNDS):
            try:
                backend.delete_password(self._service, username)
            # PasswordDeleteError when absent (idempotent), and transport errors as in _read.
            except Exception:  # noqa: BLE001 - contract: never raises, see comment above
                return
            if self._read(username) is None:
                return

    # -- vault key -------------------------------------------------------------------------

    def get_vault_key(self, shop_id: str) -> bytes | None:
        """The shop's vault key, or None when absent, unavailable, locked or unreadable."""
        if not _valid_part(shop_id):
            return None
        encoded = self._read(shop_id)
        if encoded is None:
            return None
        try:
            key = base64.b64decode(encoded.encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            log.warning("keyring entry for the vault key is not valid base64; ignoring it")
            return None
        return key or None

    def set_vault_key(self, shop_id: str, key: bytes) -> bool:
        """Store the vault key; True when stored and read back equal, False on any failure."""
        if not _valid_part(shop_id) or not isinstance(key, bytes) or not key:
            log.warning("refusing to store a vault key: empty key or invalid shop id")
            return False
        return self._write(shop_id, base64.b64encode(key).decode("ascii"))

    def delete_vault_key(self, shop_id: str) -> None:
        """Remove the shop's vault key; nothing happens when it is absent or unreachable."""
        if _valid_part(shop_id):
            self._delete(shop_id)

    # -- small text entries ----------------------------------------------------------------

    def get_text(self, shop_id: str, name: str) -> str | None:
        username = _text_username(shop_id, name)
        return None if username is None else self._read(username)

    def set_text(self, shop_id: str, name: str, value: str) -> bool:
        username = _text_username(shop_id, name)
        if username is None or not isinstance(value, str):
            log.warning("refusing to store a keyring text entry: invalid shop id, name or value")
            return False
        return self._write(username, value)

    def delete_text(self, shop_id: str, name: str) -> None:
        username = _text_username(shop_id, name)
        if username is not None:
            self._delete(username)


def _valid_part(part: str) -> bool:
    """A shop id or entry name: non-empty text without the separator (keeps usernames unique)."""
    return isinstance(part, str) and bool(part) and _SEPARATOR not in part


def _text_username(shop_id: str, name: str) -> str | None:
    if not (_valid_part(shop_id) and _valid_part(name)):
        return None
    return f"{shop_id}{_SEPARATOR}{name}"
