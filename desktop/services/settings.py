"""Shop-wide settings kept in the encrypted database (per-PC preferences such as the UI
language live with the UI, in QSettings)."""

from __future__ import annotations

from desktop.core.errors import InvalidInputError
from desktop.core.roles import Permission
from desktop.services.session import Session
from desktop.services.workspace import Workspace

AUTO_LOCK_KEY = "security.auto_lock_minutes"
DEFAULT_AUTO_LOCK_MINUTES = 5
MAX_AUTO_LOCK_MINUTES = 240


class ShopSettings:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def auto_lock_minutes(self) -> int:
        """Minutes of inactivity before the window locks; 0 means never."""
        stored = self._workspace.shop.db.settings.get(AUTO_LOCK_KEY)
        try:
            return int(stored) if stored is not None else DEFAULT_AUTO_LOCK_MINUTES
        except ValueError:
            return DEFAULT_AUTO_LOCK_MINUTES

    def set_auto_lock_minutes(self, session: Session, minutes: int) -> None:
        session.require(Permission.MANAGE_SETTINGS)
        if not 0 <= minutes <= MAX_AUTO_LOCK_MINUTES:
            raise InvalidInputError(
                field="auto-lock", problem="Choose between 0 (never) and 240 minutes."
            )
        db = self._workspace.shop.db
        with db.transaction():
            before = self.auto_lock_minutes()
            db.settings.set(AUTO_LOCK_KEY, str(minutes))
            self._workspace.trail.append(
                session.actor, "settings.changed", AUTO_LOCK_KEY,
                {"from": before, "to": minutes},
            )
        self._workspace.trail.anchor()
