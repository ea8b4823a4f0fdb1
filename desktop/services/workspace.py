"""Everything a front end (GUI or CLI) needs for one open shop, wired together."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import ShopVaultError
from desktop.core.roles import Permission
from desktop.security.audit_chain import VerifyReport
from desktop.security.keyring_vault import KeyringVault
from desktop.services.accounts import AccountService, check_secret, clean_username
from desktop.services.audit import SYSTEM_ACTOR, AuditTrail
from desktop.services.field_keys import FieldKeys
from desktop.services.paths import ShopPaths
from desktop.services.session import Session
from desktop.services.vault import (
    UnlockedShop,
    create_shop,
    rotate_db_key,
    unlock_from_keyring,
    unlock_with_password,
    unlock_with_recovery_code,
)


@dataclass(frozen=True, slots=True)
class CheckReport:
    integrity_problems: list[str]
    audit: VerifyReport

    @property
    def ok(self) -> bool:
        return not self.integrity_problems and self.audit.ok


def default_keyring() -> KeyringVault:
    """This PC's keyring (Secret Service, Windows Credential Manager, macOS Keychain)."""
    return KeyringVault()


class Workspace:
    """An unlocked shop with its services. Create through the ``open_*`` functions below."""

    def __init__(self, shop: UnlockedShop) -> None:
        self.shop = shop
        self.trail = AuditTrail(shop)
        self.field_keys = FieldKeys(shop, self.trail)
        self.accounts = AccountService(shop, self.trail, field_keys=self.field_keys)

    @property
    def shop_name(self) -> str:
        return self.shop.db.settings.get("shop.name", "") or ""

    def record_unlock(self) -> None:
        self.trail.record(SYSTEM_ACTOR, "shop.unlocked", "", {"method": self.shop.unlocked_by})

    def can_remember(self) -> bool:
        """This PC has a usable keyring."""
        return self.shop.keyring.available()

    def is_remembered(self) -> bool:
        return self.shop.keyring.get_vault_key(self.shop.shop_id) == self.shop.vault_key

    def remember_on_this_pc(self) -> bool:
        remembered = self.shop.remember_on_this_pc()
        if remembered:
            self.trail.record(SYSTEM_ACTOR, "key.remembered_on_pc")
        return remembered

    def check(self, session: Session) -> CheckReport:
        session.require(Permission.VIEW_AUDIT)
        report = CheckReport(self.shop.db.integrity_problems(), self.trail.verify())
        self.trail.record(session.actor, "shop.checked", "", {"ok": report.ok})
        return report

    def verify_audit(self, session: Session) -> VerifyReport:
        session.require(Permission.VIEW_AUDIT)
        report = self.trail.verify()
        self.trail.record(
            session.actor, "audit.verified", "",
            {"ok": report.ok, "entries": report.entries, "first_bad_seq": report.first_bad_seq},
        )
        return report

    def rotate_key(self, session: Session) -> None:
        session.require(Permission.MANAGE_KEYS)
        rotate_db_key(self.shop)
        self.trail.record(session.actor, "key.rotated")

    def close(self) -> None:
        self.field_keys.forget()
        self.shop.close()


def new_workspace(
    paths: ShopPaths,
    shop_name: str,
    owner: str,
    password: str,
    *,
    keyring: KeyringVault,
    remember: bool = True,
) -> tuple[Workspace, Session, str]:
    """Create a shop; returns the workspace, the owner's session and the recovery code."""
    clean_username(owner)
    check_secret(password, pin=False)
    created = create_shop(paths, password, keyring=keyring, remember=remember)
    workspace = Workspace(created.shop)
    try:
        with created.shop.db.transaction():
            created.shop.db.settings.set("shop.name", shop_name.strip())
        user = workspace.accounts.create_owner(owner, password)
        workspace.field_keys.create_for_new_shop(
            created.password_kek, created.recovery_kek, Session(user)
        )
        if created.remembered:
            workspace.trail.record(SYSTEM_ACTOR, "key.remembered_on_pc")
    except ShopVaultError:
        workspace.close()
        raise
    return workspace, Session(user), created.recovery_code


def open_with_keyring(paths: ShopPaths, keyring: KeyringVault) -> Workspace:
    return _opened(unlock_from_keyring(paths, keyring))


def open_with_password(paths: ShopPaths, password: str, keyring: KeyringVault) -> Workspace:
    return _opened(unlock_with_password(paths, password, keyring))


def open_with_recovery_code(paths: ShopPaths, code: str, keyring: KeyringVault) -> Workspace:
    return _opened(unlock_with_recovery_code(paths, code, keyring))


def _opened(shop: UnlockedShop) -> Workspace:
    workspace = Workspace(shop)
    workspace.record_unlock()
    return workspace
