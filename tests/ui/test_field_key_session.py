"""The owner's field key in the running app: opened in the background after the owner logs
in (not before the first screen), never for another role, and forgotten at lock and log-out."""

from __future__ import annotations

import pytest

from desktop.ui.shell.controller import State
from tests.ui.shell_support import (
    MANAGER,
    MANAGER_PASSWORD,
    OWNER,
    OWNER_PASSWORD,
    WAIT_MS,
    create_shared_shop,
    log_in,
    wait_for_state,
)


@pytest.fixture
def shared(tmp_path):
    return create_shared_shop(tmp_path / "shop")


def field_keys(controller):
    assert controller.workspace is not None
    return controller.workspace.field_keys


def test_owner_key_opens_after_login_and_is_dropped_at_lock_and_logout(
    qtbot, shared, new_controller
):
    controller = new_controller(shared.paths, keyring=shared.keyring)
    controller.start()
    wait_for_state(qtbot, controller, State.LOGIN)
    log_in(qtbot, controller, MANAGER, MANAGER_PASSWORD)
    controller.tasks.wait_until_idle(WAIT_MS)
    assert field_keys(controller).opener(controller.session) is None
    controller.logout()

    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    owner = controller.session
    qtbot.waitUntil(lambda: field_keys(controller).is_open_for(owner), timeout=WAIT_MS)
    controller.lock("test")
    assert not field_keys(controller).is_open_for(owner)
    log_in(qtbot, controller, OWNER, OWNER_PASSWORD)
    qtbot.waitUntil(lambda: field_keys(controller).is_open_for(controller.session),
                    timeout=WAIT_MS)
    controller.logout()
    assert not field_keys(controller).is_open_for(owner)
