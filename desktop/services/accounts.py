"""Role accounts: the owner at set-up, login with back-off, adding and disabling users, and
changing passwords (the owner's also re-wraps the vault key)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.core.crash_points import crash_point
from desktop.core.errors import (
    InvalidInputError,
    LoginFailedError,
    LoginThrottledError,
    WrongSecretError,
)
from desktop.core.models import User
from desktop.core.password_policy import password_problems, pin_problems
from desktop.core.roles import Permission, Role
from desktop.security.envelope import canonical_recovery_code
from desktop.security.passwords import (
    burn_verify_time,
    delay_after_failures,
    hash_secret,
    verify_secret,
)
from desktop.services.audit import SYSTEM_ACTOR, AuditTrail
from desktop.services.field_keys import FieldKeys
from desktop.services.session import Session
from desktop.services.vault import (
    UnlockedShop,
    install_password_slot,
    new_password_stamp,
    new_secret_slot,
    open_slot,
)

MAX_USERNAME_LENGTH = 64


def _utc_now() -> datetime:
    return datetime.now(UTC)


def clean_username(raw: str) -> str:
    name = unicodedata.normalize("NFC", raw).strip()
    if not name or len(name) > MAX_USERNAME_LENGTH or any(ch.isspace() for ch in name):
        raise InvalidInputError(
            field="user name", problem="Use 1 to 64 characters without spaces."
        )
    return name


def check_secret(secret: str, *, pin: bool) -> None:
    problems = pin_problems(secret) if pin else password_problems(secret)
    if problems:
        raise InvalidInputError(field="PIN" if pin else "password", problem=" ".join(problems))


class AccountService:
    def __init__(
        self,
        shop: UnlockedShop,
        trail: AuditTrail,
        clock: Callable[[], datetime] = _utc_now,
        field_keys: FieldKeys | None = None,
    ) -> None:
        self._shop = shop
        self._trail = trail
        self._clock = clock
        self._field_keys = field_keys or FieldKeys(shop, trail)

    def create_owner(self, username: str, password: str) -> User:
        """The first account of a new shop; its password is the one the key file uses."""
        name = clean_username(username)
        check_secret(password, pin=False)
        with self._shop.db.transaction():
            if self._shop.db.users.owners():
                raise InvalidInputError(field="owner", problem="This shop already has an owner.")
            user = self._shop.db.users.add(
                name, Role.OWNER, hash_secret(password),
                password_stamp=self._shop.keyfile.password_stamp,
            )
            self._trail.append(SYSTEM_ACTOR, "shop.created", f"user:{user.id}", {"owner": name})
        self._trail.anchor()
        return user

    def login(self, username: str, secret: str) -> Session:
        """Log in, or raise LoginFailedError / LoginThrottledError. An unknown name and a wrong
        password take the same time and give the same answer."""
        name = unicodedata.normalize("NFC", username).strip()
        db = self._shop.db
        now = self._clock()
        state = db.login_throttle.state(name)
        if state.blocked_until is not None:
            until = datetime.fromisoformat(state.blocked_until)
            if until > now:
                wait = math.ceil((until - now).total_seconds())
                raise LoginThrottledError(seconds=max(1, wait))
        creds = db.users.credentials(name)
        ok = False
        if creds is None:
            burn_verify_time(secret)
        elif not creds.user.disabled:
            ok = self._secret_matches(creds.user, creds.secret_hash, creds.password_stamp, secret)
        else:
            burn_verify_time(secret)
        if not ok:
            self._record_failure(name, creds.user if creds else None, now, state.failures + 1)
            raise LoginFailedError()
        assert creds is not None
        with db.transaction():
            db.login_throttle.clear(name)
            self._trail.append(
                f"{creds.user.username} ({creds.user.role.value})", "login.ok",
                f"user:{creds.user.id}",
            )
        self._trail.anchor()
        return Session(creds.user)

    def _secret_matches(self, user: User, stored_hash: str, stamp: str, secret: str) -> bool:
        if user.role is Role.OWNER and stamp != self._shop.keyfile.password_stamp:
            return self._heal_owner_password(user, secret)
        return verify_secret(stored_hash, secret)

    def _heal_owner_password(self, user: User, secret: str) -> bool:
        """The key file's password changed but the account did not follow (a crash between the
        two writes): the key file decides, and the account is brought in line."""
        try:
            open_slot(self._shop.keyfile.password_slot, secret)
        except WrongSecretError:
            return False
        with self._shop.db.transaction():
            self._shop.db.users.set_secret(
                user.id, hash_secret(secret), uses_pin=False,
                password_stamp=self._shop.keyfile.password_stamp,
            )
        return True

    def _record_failure(self, name: str, user: User | None, now: datetime, failures: int) -> None:
        delay = delay_after_failures(failures)
        blocked = (now + timedelta(seconds=delay)).isoformat() if delay else None
        with self._shop.db.transaction():
            self._shop.db.login_throttle.record_failure(name, now.isoformat(), blocked)
            self._trail.append(
                SYSTEM_ACTOR, "login.failed", f"user:{user.id}" if user else "user:unknown",
                {"failures": failures, "delay_seconds": delay},
            )
        self._trail.anchor()

    def add_user(
        self, session: Session, username: str, role: Role, secret: str, *, pin: bool = False
    ) -> User:
        session.require(Permission.MANAGE_USERS)
        name = clean_username(username)
        if role is Role.OWNER:
            raise InvalidInputError(field="role", problem="A shop has one owner.")
        if pin and role is not Role.STAFF:
            raise InvalidInputError(field="PIN", problem="Only staff accounts may use a PIN.")
        check_secret(secret, pin=pin)
        with self._shop.db.transaction():
            if self._shop.db.users.by_name(name) is not None:
                raise InvalidInputError(field="user name", problem="This name is already taken.")
            user = self._shop.db.users.add(name, role, hash_secret(secret), uses_pin=pin)
            self._trail.append(
                session.actor, "user.added", f"user:{user.id}",
                {"username": name, "role": role.value, "pin": pin},
            )
        self._trail.anchor()
        return user

    def list_users(self, session: Session) -> list[User]:
        session.require(Permission.MANAGE_USERS)
        return self._shop.db.users.all()

    def disable_user(self, session: Session, username: str) -> User:
        session.require(Permission.MANAGE_USERS)
        user = self._shop.db.users.by_name(clean_username(username))
        if user is None:
            raise InvalidInputError(field="user name", problem="No such user.")
        if user.role is Role.OWNER:
            raise InvalidInputError(field="user name", problem="The owner cannot be disabled.")
        with self._shop.db.transaction():
            self._shop.db.users.set_disabled(user.id, True)
            self._trail.append(
                session.actor, "user.disabled", f"user:{user.id}", {"username": user.username}
            )
        self._trail.anchor()
        disabled = self._shop.db.users.get(user.id)
        assert disabled is not None
        return disabled

    def change_password(self, session: Session, current: str, new: str) -> None:
        """Change the logged-in user's own password (or PIN). For the owner the key file's
        password slot is re-wrapped first; the account follows (healed at login if a crash
        comes between the two)."""
        user = session.user
        creds = self._shop.db.users.credentials(user.username)
        assert creds is not None
        if not self._secret_matches(user, creds.secret_hash, creds.password_stamp, current):
            raise WrongSecretError()
        check_secret(new, pin=user.uses_pin)
        stamp = ""
        if user.role is Role.OWNER:
            stamp = new_password_stamp()
            slot, kek = new_secret_slot(self._shop.vault_key, new,
                                        self._shop.keyfile.password_slot.kdf)
            self._field_keys.prepare_password_change(current, slot, kek, stamp)
            crash_point("password:field-key-wrapped")
            install_password_slot(self._shop, slot, stamp)
            crash_point("password:keyfile-saved")
        with self._shop.db.transaction():
            self._shop.db.users.set_secret(
                user.id, hash_secret(new), uses_pin=user.uses_pin, password_stamp=stamp
            )
            if user.role is Role.OWNER:
                self._field_keys.settle_password(stamp)
            action = "key.password_changed" if user.role is Role.OWNER else "user.password_changed"
            self._trail.append(session.actor, action, f"user:{user.id}")
        self._trail.anchor()

    def reset_owner_password(self, recovery_code: str, new: str) -> User:
        """A forgotten owner password: the recovery code sets a new one (key file slot, the
        owner's account and the field key's wrap). WrongSecretError for a wrong code."""
        open_slot(self._shop.keyfile.recovery_slot, canonical_recovery_code(recovery_code))
        check_secret(new, pin=False)
        owners = self._shop.db.users.owners()
        if not owners:
            raise InvalidInputError(field="owner", problem="This shop has no owner yet.")
        owner = owners[0]
        stamp = new_password_stamp()
        slot, kek = new_secret_slot(self._shop.vault_key, new,
                                    self._shop.keyfile.password_slot.kdf)
        kept = self._field_keys.prepare_recovery_reset(recovery_code, slot, kek, stamp)
        install_password_slot(self._shop, slot, stamp)
        with self._shop.db.transaction():
            self._shop.db.users.set_secret(
                owner.id, hash_secret(new), uses_pin=False, password_stamp=stamp
            )
            if kept:
                self._field_keys.settle_password(stamp)
            # The owner who forgot the password has usually run into the login back-off;
            # the recovery code proves more than a password would, so the wait ends here.
            self._shop.db.login_throttle.clear(owner.username)
            self._trail.append(SYSTEM_ACTOR, "key.password_reset", f"user:{owner.id}",
                               {"field_key_kept": kept})
        self._trail.anchor()
        return owner
