"""Users and the login throttle."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.models import User, utc_now_iso
from desktop.core.roles import Role
from desktop.store.connection import Connection

_USER_COLUMNS = "id, username, role, display_name, uses_pin, disabled, created_at"


@dataclass(frozen=True, slots=True)
class StoredCredentials:
    user: User
    secret_hash: str
    password_stamp: str


def _user(row: tuple[object, ...]) -> User:
    user_id, username, role, display_name, uses_pin, disabled, created_at = row
    return User(
        id=int(str(user_id)),
        username=str(username),
        role=Role(str(role)),
        display_name=str(display_name),
        uses_pin=bool(uses_pin),
        disabled=bool(disabled),
        created_at=str(created_at),
    )


class UserRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(
        self,
        username: str,
        role: Role,
        secret_hash: str,
        *,
        uses_pin: bool = False,
        display_name: str = "",
        password_stamp: str = "",
    ) -> User:
        now = utc_now_iso()
        cursor = self._conn.execute(
            "INSERT INTO users (username, display_name, role, secret_hash, uses_pin,"
            " password_stamp, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (username, display_name, role.value, secret_hash, int(uses_pin), password_stamp,
             now, now),
        )
        user = self.get(int(cursor.lastrowid))
        assert user is not None
        return user

    def get(self, user_id: int) -> User | None:
        row = self._conn.execute(
            f"SELECT {_USER_COLUMNS} FROM users WHERE id = ?", (user_id,)
        ).fetchone()
        return _user(row) if row else None

    def by_name(self, username: str) -> User | None:
        row = self._conn.execute(
            f"SELECT {_USER_COLUMNS} FROM users WHERE username = ?", (username,)
        ).fetchone()
        return _user(row) if row else None

    def credentials(self, username: str) -> StoredCredentials | None:
        row = self._conn.execute(
            f"SELECT {_USER_COLUMNS}, secret_hash, password_stamp FROM users WHERE username = ?",
            (username,),
        ).fetchone()
        if row is None:
            return None
        return StoredCredentials(_user(row[:7]), str(row[7]), str(row[8]))

    def all(self) -> list[User]:
        rows = self._conn.execute(f"SELECT {_USER_COLUMNS} FROM users ORDER BY id").fetchall()
        return [_user(row) for row in rows]

    def owners(self) -> list[User]:
        rows = self._conn.execute(
            f"SELECT {_USER_COLUMNS} FROM users WHERE role = 'owner' AND disabled = 0 ORDER BY id"
        ).fetchall()
        return [_user(row) for row in rows]

    def set_secret(
        self, user_id: int, secret_hash: str, *, uses_pin: bool, password_stamp: str = ""
    ) -> None:
        self._conn.execute(
            "UPDATE users SET secret_hash = ?, uses_pin = ?, password_stamp = ?, updated_at = ?"
            " WHERE id = ?",
            (secret_hash, int(uses_pin), password_stamp, utc_now_iso(), user_id),
        )

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        self._conn.execute(
            "UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?",
            (int(disabled), utc_now_iso(), user_id),
        )


@dataclass(frozen=True, slots=True)
class ThrottleState:
    failures: int
    blocked_until: str | None


class LoginThrottleRepository:
    """Failed-login counters, keyed by the name typed (existing or not)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def state(self, username: str) -> ThrottleState:
        row = self._conn.execute(
            "SELECT failures, blocked_until FROM login_throttle WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return ThrottleState(0, None)
        return ThrottleState(int(row[0]), row[1])

    def record_failure(self, username: str, at: str, blocked_until: str | None) -> None:
        self._conn.execute(
            "INSERT INTO login_throttle (username, failures, last_failure_at, blocked_until)"
            " VALUES (?, 1, ?, ?) ON CONFLICT(username) DO UPDATE SET"
            " failures = failures + 1, last_failure_at = excluded.last_failure_at,"
            " blocked_until = excluded.blocked_until",
            (username, at, blocked_until),
        )

    def clear(self, username: str) -> None:
        self._conn.execute("DELETE FROM login_throttle WHERE username = ?", (username,))
