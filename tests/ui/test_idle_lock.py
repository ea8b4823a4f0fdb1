"""Auto-lock watcher: input keeps it quiet, absence and session lock make it say idle."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QLineEdit

from desktop.ui.idle_lock import IdleWatcher, login1_session_path
from tests.support.private_dbus import send_signal

SHORT = 0.3


@dataclass
class Watched:
    watcher: IdleWatcher
    emitted: list[float]


@pytest.fixture
def make_watcher(qapp) -> Iterator[Callable[..., Watched]]:
    made: list[IdleWatcher] = []

    def make(timeout: float = SHORT, *, start: bool = True) -> Watched:
        watcher = IdleWatcher(timeout)
        emitted: list[float] = []
        watcher.idle.connect(lambda: emitted.append(time.monotonic()))
        if start:
            watcher.start(watch_os_session=False)
        made.append(watcher)
        return Watched(watcher, emitted)

    yield make
    for watcher in made:
        watcher.stop()


@pytest.fixture
def line_edit(qtbot) -> QLineEdit:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_idle_once_after_the_timeout(qtbot, make_watcher):
    started = time.monotonic()
    watched = make_watcher()

    qtbot.waitUntil(lambda: bool(watched.emitted), timeout=2000)
    qtbot.wait(200)  # the check runs every 50 ms: a repeat would show

    assert len(watched.emitted) == 1
    assert watched.emitted[0] - started >= SHORT
    assert watched.watcher.is_idle


INPUTS = {
    "key": lambda qtbot, widget, step: qtbot.keyClick(widget, Qt.Key.Key_A),
    "click": lambda qtbot, widget, step: qtbot.mouseClick(
        widget, Qt.MouseButton.LeftButton, pos=QPoint(5, 5)
    ),
    "move": lambda qtbot, widget, step: qtbot.mouseMove(widget, QPoint(5 + 3 * step, 5)),
}


@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_user_input_keeps_it_awake(qtbot, make_watcher, line_edit, kind):
    watched = make_watcher()

    for step in range(12):  # 0.6 s of input, twice the 0.3 s timeout
        qtbot.wait(50)
        INPUTS[kind](qtbot, line_edit, step)

    assert watched.emitted == []
    qtbot.waitUntil(lambda: bool(watched.emitted), timeout=2000)


def test_input_after_idle_rearms_it(qtbot, make_watcher, line_edit):
    watched = make_watcher()
    qtbot.waitUntil(lambda: len(watched.emitted) == 1, timeout=2000)

    qtbot.keyClick(line_edit, Qt.Key.Key_B)
    assert not watched.watcher.is_idle

    qtbot.waitUntil(lambda: len(watched.emitted) == 2, timeout=2000)
    assert watched.emitted[1] - watched.emitted[0] >= SHORT


def test_reset_counts_from_now(qtbot, make_watcher):
    watched = make_watcher()
    qtbot.wait(200)
    watched.watcher.reset()
    qtbot.wait(200)  # 0.4 s since start, 0.2 s since reset

    assert watched.emitted == []
    assert watched.watcher.seconds_since_input < SHORT


def test_zero_disables_the_timeout_until_set_again(qtbot, make_watcher):
    watched = make_watcher(0)
    qtbot.wait(400)
    assert watched.emitted == []

    watched.watcher.set_timeout_seconds(SHORT)
    assert watched.watcher.seconds_since_input > 0.2  # time already idle counts
    qtbot.waitUntil(lambda: bool(watched.emitted), timeout=2000)
    assert watched.watcher.timeout_seconds == SHORT


def test_negative_timeout_is_refused(make_watcher):
    watched = make_watcher()
    with pytest.raises(ValueError):
        watched.watcher.set_timeout_seconds(-1)
    assert watched.watcher.timeout_seconds == SHORT


def test_only_a_started_watcher_speaks(qtbot, make_watcher):
    unstarted = make_watcher(start=False)
    stopped = make_watcher()
    stopped.watcher.stop()
    qtbot.wait(400)
    assert unstarted.emitted == [] and stopped.emitted == []

    stopped.watcher.start(watch_os_session=False)
    qtbot.waitUntil(lambda: bool(stopped.emitted), timeout=2000)


def test_session_lock_emits_at_once_even_with_timeout_disabled(qtbot, make_watcher, line_edit):
    watched = make_watcher(0)

    watched.watcher.notify_session_locked()
    watched.watcher.notify_session_locked()
    assert len(watched.emitted) == 1  # once per absence

    qtbot.keyClick(line_edit, Qt.Key.Key_C)
    watched.watcher.notify_session_locked()
    assert len(watched.emitted) == 2


def test_application_suspended_emits(qapp, make_watcher):
    watched = make_watcher(0)

    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert watched.emitted == []
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert len(watched.emitted) == 1


@pytest.mark.parametrize(
    ("session_id", "path_label"),
    [("2", "_32"), ("c1", "c1"), ("12", "_312"), ("a-b", "a_2db"), ("s_1", "s_5f1")],
)
def test_login1_session_paths_are_escaped_like_sd_bus(session_id, path_label):
    assert login1_session_path(session_id) == f"/org/freedesktop/login1/session/{path_label}"


# ----------------------------------------------------------------- D-Bus (private bus)


def test_dbus_session_lock_sleep_and_screensaver(qtbot, make_watcher, private_bus):
    listen, emit = private_bus
    watched = make_watcher(0)

    hooks = watched.watcher.watch_dbus(system_bus=listen, session_bus=listen, session_id="2")
    assert len(hooks) == 4

    login1 = "/org/freedesktop/login1"
    session, manager = "org.freedesktop.login1.Session", "org.freedesktop.login1.Manager"
    gnome = ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged")
    # (a signal that must not lock, the one that must)
    pairs = [
        ((f"{login1}/session/_33", session, "Lock"), (f"{login1}/session/_32", session, "Lock")),
        ((login1, manager, "PrepareForSleep", False), (login1, manager, "PrepareForSleep", True)),
        ((*gnome, False), (*gnome, True)),
        (("/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", False),
         ("/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", True)),
    ]
    for ignored, locking in pairs:
        watched.watcher.reset()
        send_signal(emit, *ignored)
        qtbot.wait(150)
        assert watched.emitted == [], ignored
        send_signal(emit, *locking)
        qtbot.waitUntil(lambda: bool(watched.emitted), timeout=2000)
        watched.emitted.clear()


def test_dbus_hooks_are_skipped_without_a_bus(make_watcher):
    watched = make_watcher(0)
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "shopvault-no-bus")
    try:
        assert watched.watcher.watch_dbus(system_bus=nowhere, session_bus=nowhere) == []
    finally:
        QDBusConnection.disconnectFromBus("shopvault-no-bus")
