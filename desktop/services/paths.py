"""Where a shop's files live. Resolved explicitly (no work at import time)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

HOME_ENV = "SHOPVAULT_HOME"


def resolve_home(explicit: Path | None = None) -> Path:
    """``--home`` wins, then ``SHOPVAULT_HOME``, then the platform's per-user data folder."""
    if explicit is not None:
        return explicit.expanduser().resolve()
    from_env = os.environ.get(HOME_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser().resolve()
    return platformdirs.user_data_path("ShopVault", "ShopVault", roaming=True)


@dataclass(frozen=True, slots=True)
class ShopPaths:
    home: Path

    @property
    def db(self) -> Path:
        return self.home / "shop.db"

    @property
    def keyfile(self) -> Path:
        return self.home / "shop.key"

    @property
    def rotating_db(self) -> Path:
        """The re-encrypted copy written during a key rotation, before it replaces ``db``."""
        return self.home / "shop.db.rotating"

    @property
    def restoring_db(self) -> Path:
        return self.home / "shop.db.restoring"

    @property
    def restoring_keyfile(self) -> Path:
        return self.home / "shop.key.restoring"

    def sidecars(self, db: Path | None = None) -> list[Path]:
        base = db or self.db
        return [base.with_name(base.name + "-wal"), base.with_name(base.name + "-shm")]

    def exists(self) -> bool:
        return self.keyfile.exists() or self.db.exists()

    def ensure_home(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
