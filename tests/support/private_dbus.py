"""A throw-away D-Bus daemon for the session-lock tests: one connection that listens (as the
app's watcher would) and one that owns the lock services' names and emits their signals."""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

LOCK_SERVICES = ("org.freedesktop.login1", "org.gnome.ScreenSaver", "org.freedesktop.ScreenSaver")

_bus_names = itertools.count()


@pytest.fixture
def private_bus(qapp) -> Iterator[tuple[QDBusConnection, QDBusConnection]]:
    """(connection for the watcher, connection that owns LOCK_SERVICES and emits)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    names = [f"shopvault-test-{next(_bus_names)}" for _ in range(2)]
    try:
        listen, emit = (QDBusConnection.connectToBus(address, name) for name in names)
        assert listen.isConnected() and emit.isConnected()
        for service in LOCK_SERVICES:
            assert emit.registerService(service)
        yield listen, emit
    finally:
        for name in names:
            QDBusConnection.disconnectFromBus(name)
        daemon.terminate()
        daemon.wait(5)


def send_signal(bus: QDBusConnection, path: str, interface: str, member: str,
                *args: object) -> None:
    message = QDBusMessage.createSignal(path, interface, member)
    if args:
        message.setArguments(list(args))
    assert bus.send(message)
