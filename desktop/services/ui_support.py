"""Use cases shaped for the desktop window's start-up flow: each is one background step.

The window runs every function here on a worker thread (they derive keys, open the database
or talk to the OS keyring, all of which may take a noticeable moment) and never touches the
workspace from two threads at once. Nothing here imports Qt.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.errors import InvalidInputError, KeyUnavailableError
from desktop.core.roles import Role
from desktop.security.keyring_vault import KeyringVault
from desktop.services.demo import load_demo_data
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.settings import ShopSettings
from desktop.services.workspace import (
    Workspace,
    default_keyring,
    new_workspace,
    open_with_keyring,
    open_with_password,
    open_with_recovery_code,
)

Keyring = KeyringVault
"""The keyring type front ends hold (they may not import the security layer themselves)."""

MAX_SHOP_NAME_LENGTH = 80
DEMO_OWNER = "demo"


class OffTheRecordKeyring(KeyringVault):
    """A keyring that is never there: for a throw-away demo shop that must leave nothing
    behind on this PC (no vault key, no audit anchor)."""

    def available(self) -> bool:
        return False

    def get_vault_key(self, shop_id: str) -> bytes | None:
        return None

    def set_vault_key(self, shop_id: str, key: bytes) -> bool:
        return False

    def delete_vault_key(self, shop_id: str) -> None:
        return None

    def get_text(self, shop_id: str, name: str) -> str | None:
        return None

    def set_text(self, shop_id: str, name: str, value: str) -> bool:
        return False

    def delete_text(self, shop_id: str, name: str) -> None:
        return None


def this_pc_keyring() -> Keyring:
    return default_keyring()


def keyring_available(keyring: Keyring) -> bool:
    """Whether "remember on this PC" can work. May block briefly (D-Bus): call off the UI."""
    return keyring.available()


def clean_shop_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name or len(name) > MAX_SHOP_NAME_LENGTH:
        raise InvalidInputError(field="shop name", problem="Use 1 to 80 characters.")
    return name


@dataclass(frozen=True, slots=True)
class StartupState:
    """What opening the shop with this PC's keyring found."""

    workspace: Workspace | None
    """Open when the keyring held the key; None when the shop must be unlocked."""
    can_remember: bool


def open_for_startup(paths: ShopPaths, keyring: Keyring) -> StartupState:
    """Open the shop with the key remembered on this PC, if any. Other problems (damaged or
    missing files, a wrong key) raise their ShopVaultError."""
    try:
        workspace = open_with_keyring(paths, keyring)
    except KeyUnavailableError:
        return StartupState(None, keyring.available())
    return StartupState(workspace, True)


@dataclass(frozen=True, slots=True)
class Unlocked:
    workspace: Workspace
    remembered: bool


def unlock(
    paths: ShopPaths,
    keyring: Keyring,
    *,
    password: str | None = None,
    recovery_code: str | None = None,
    remember: bool = False,
) -> Unlocked:
    """Unlock with the owner password or the recovery code (exactly one); optionally remember
    the key on this PC. Raises WrongSecretError, DamagedFileError, WrongKeyError, …"""
    if (password is None) == (recovery_code is None):
        raise ValueError("give exactly one of password and recovery_code")
    if password is not None:
        workspace = open_with_password(paths, password, keyring)
    else:
        assert recovery_code is not None
        workspace = open_with_recovery_code(paths, recovery_code, keyring)
    remembered = False
    if remember:
        try:
            remembered = workspace.remember_on_this_pc()
        except BaseException:
            workspace.close()
            raise
    return Unlocked(workspace, remembered)


@dataclass(frozen=True, slots=True)
class CreatedShop:
    workspace: Workspace
    owner: Session
    recovery_code: str
    remembered: bool


def create_shop(
    paths: ShopPaths,
    keyring: Keyring,
    *,
    shop_name: str,
    owner: str,
    password: str,
    remember: bool,
) -> CreatedShop:
    workspace, session, code = new_workspace(
        paths, clean_shop_name(shop_name), owner, password, keyring=keyring, remember=remember
    )
    return CreatedShop(workspace, session, code, remember and workspace.is_remembered())


def create_demo_shop(paths: ShopPaths, shop_name: str) -> tuple[Workspace, Session]:
    """A throw-away shop: random owner password nobody sees, nothing stored in the keyring."""
    password = secrets.token_urlsafe(24)
    workspace, session, _code = new_workspace(
        paths, shop_name, DEMO_OWNER, password, keyring=OffTheRecordKeyring(), remember=False
    )
    return workspace, session


def load_demo_customers(
    workspace: Workspace,
    session: Session,
    customers: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Load demo customers (with orders and feedback); returns the customers added."""
    return load_demo_data(workspace, session, customers, progress).customers


@dataclass(frozen=True, slots=True)
class LoggedIn:
    session: Session
    auto_lock_minutes: int


def log_in(workspace: Workspace, username: str, secret: str) -> LoggedIn:
    """Log in (LoginFailedError / LoginThrottledError) and read the auto-lock setting."""
    session = workspace.accounts.login(username, secret)
    return LoggedIn(session, ShopSettings(workspace).auto_lock_minutes())


def owns_field_key(session: Session) -> bool:
    """The session is the owner's: the one whose password opens the field key."""
    return session.user.role is Role.OWNER


def open_field_key(workspace: Workspace, session: Session, password: str, *,
                   create: bool = True) -> bool:
    """Open the owner's field key for ``session`` (Argon2id: a background task). False when
    the shop has no key pair yet and ``create`` is False."""
    return workspace.field_keys.open_for_owner(session, password, create=create)


def auto_lock_minutes(workspace: Workspace) -> int:
    return ShopSettings(workspace).auto_lock_minutes()


def record_session_event(
    workspace: Workspace, session: Session, action: str, reason: str = ""
) -> None:
    """Audit a lock or logout ("session.locked", "logout") of ``session``'s user."""
    details = {"reason": reason} if reason else None
    workspace.trail.record(session.actor, action, f"user:{session.user.id}", details)
