"""A logged-in user and the permission check every service call makes."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import PermissionDeniedError
from desktop.core.models import User
from desktop.core.roles import Permission, can


@dataclass(frozen=True, slots=True)
class Session:
    user: User

    @property
    def actor(self) -> str:
        """How the user appears in the audit log."""
        return f"{self.user.username} ({self.user.role.value})"

    def allows(self, permission: Permission) -> bool:
        return can(self.user.role, permission)

    def require(self, permission: Permission) -> None:
        if not self.allows(permission):
            raise PermissionDeniedError(role=self.user.role.value, action=permission.value)
