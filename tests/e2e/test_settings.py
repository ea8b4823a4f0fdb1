from __future__ import annotations

import pytest

from desktop.core.errors import InvalidInputError, PermissionDeniedError
from desktop.core.roles import Role
from desktop.services.settings import DEFAULT_AUTO_LOCK_MINUTES, ShopSettings
from tests.support.shops import ShopFixture


def test_auto_lock_setting_is_validated_owner_only_and_audited(shop: ShopFixture) -> None:
    settings = ShopSettings(shop.workspace)
    assert settings.auto_lock_minutes() == DEFAULT_AUTO_LOCK_MINUTES
    settings.set_auto_lock_minutes(shop.owner, 15)
    assert settings.auto_lock_minutes() == 15
    with pytest.raises(InvalidInputError):
        settings.set_auto_lock_minutes(shop.owner, -1)
    shop.workspace.accounts.add_user(shop.owner, "zhao", Role.MANAGER, "Manager-pass-7")
    manager = shop.workspace.accounts.login("zhao", "Manager-pass-7")
    with pytest.raises(PermissionDeniedError):
        settings.set_auto_lock_minutes(manager, 0)
    actions = [r.action for r in shop.workspace.shop.db.audit.iter_all()]
    assert actions.count("settings.changed") == 1
