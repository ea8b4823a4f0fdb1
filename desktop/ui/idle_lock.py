"""Auto-lock support: tell the app when the user has gone (DESIGN §2).

:class:`IdleWatcher` emits ``idle()`` after ``timeout_seconds`` without user input, and at
once when the OS session locks or the machine is about to sleep, where that can be seen:

* Linux: logind ``Session.Lock`` and ``Manager.PrepareForSleep(true)`` on the system bus;
  ``ActiveChanged(true)`` of ``org.gnome.ScreenSaver`` / ``org.freedesktop.ScreenSaver``
  on the session bus. Best effort: a missing bus or service is silently skipped.
* Everywhere: ``QGuiApplication.applicationStateChanged`` to ``ApplicationSuspended``
  (mobile-style suspend; desktop Windows and macOS rarely send it).
* Windows: ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK``; macOS: the
  ``com.apple.screenIsLocked`` notification (both through ctypes, see
  ``session_lock_native``).

``idle()`` is emitted once per absence: not again until new input or :meth:`reset`.
The watcher keeps only timestamps, never anything the user typed.
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import SLOT, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QGuiApplication

from desktop.ui.session_lock_native import SessionLockHook, install_native_hook

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 300.0

LOGIN1_SERVICE = "org.freedesktop.login1"
LOGIN1_MANAGER_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER_INTERFACE = "org.freedesktop.login1.Manager"
LOGIN1_SESSION_INTERFACE = "org.freedesktop.login1.Session"
LOGIN1_SESSION_PREFIX = "/org/freedesktop/login1/session/"
# (service, path, interface); an empty path matches any (KDE uses two paths).
SCREENSAVERS = (
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "", "org.freedesktop.ScreenSaver"),
)

_MIN_CHECK_MS = 50
_MAX_CHECK_MS = 1000

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


def login1_session_path(session_id: str) -> str:
    """logind's object path for a session id, escaped as sd-bus does (``"2"`` → ``_32``)."""
    label = "".join(
        char
        if char.isascii() and (char.isalpha() or (index > 0 and char.isdigit()))
        else "".join(f"_{byte:02x}" for byte in char.encode())
        for index, char in enumerate(session_id)
    )
    return LOGIN1_SESSION_PREFIX + (label or "_")


class IdleWatcher(QObject):
    """Application-wide input watcher that says when to lock.

    Input only stamps a monotonic time (O(1), no timer restart per mouse move); a coarse
    timer compares it with the timeout. ``timeout_seconds == 0`` disables the idle timeout;
    session lock and suspend still emit ``idle()``.
    """

    idle = Signal()

    def __init__(
        self, timeout_seconds: float = DEFAULT_TIMEOUT_S, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._timeout_s = 0.0
        self._last_input = time.monotonic()
        self._is_idle = False
        self._app: QCoreApplication | None = None
        self._native_hook: SessionLockHook | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._check)
        self.set_timeout_seconds(timeout_seconds)

    # ------------------------------------------------------------------ lifecycle

    def start(self, *, watch_os_session: bool = True) -> None:
        """Watch the application's input and the OS session lock (D-Bus on Linux, native
        hooks on Windows and macOS); until then it stays quiet."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("IdleWatcher.start needs a QApplication")
        if self._app is None:
            self._app = app
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.connect(self._on_application_state)
            if watch_os_session and sys.platform.startswith("linux"):
                self.watch_dbus()
            elif watch_os_session:
                self._native_hook = install_native_hook(self.notify_session_locked)
        self.reset()
        self._apply_timer()

    def stop(self) -> None:
        """Stop watching input; D-Bus listeners end with the watcher itself."""
        app, self._app = self._app, None
        hook, self._native_hook = self._native_hook, None
        if hook is not None:
            hook.remove()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.disconnect(self._on_application_state)
        self._timer.stop()

    # -------------------------------------------------------------------- settings

    @property
    def timeout_seconds(self) -> float:
        return self._timeout_s

    def set_timeout_seconds(self, seconds: float) -> None:
        """Change the idle timeout at runtime; 0 disables it. Time already idle counts."""
        if seconds < 0:
            raise ValueError("timeout_seconds must be >= 0")
        self._timeout_s = float(seconds)
        self._apply_timer()

    # ---------------------------------------------------------------------- state

    @property
    def is_idle(self) -> bool:
        """True from ``idle()`` until the next input or :meth:`reset`."""
        return self._is_idle

    @property
    def seconds_since_input(self) -> float:
        return time.monotonic() - self._last_input

    def reset(self) -> None:
        """Count from now, as if the user had just touched the keyboard."""
        self._last_input = time.monotonic()
        self._is_idle = False

    def notify_session_locked(self) -> None:
        """The OS session locked or the system is suspending: emit ``idle()`` now."""
        self._go_idle()

    # ------------------------------------------------------------------- internals

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self._last_input = time.monotonic()
            self._is_idle = False
        return False

    def _apply_timer(self) -> None:
        if self._app is None or self._timeout_s == 0:
            self._timer.stop()
            return
        interval = min(_MAX_CHECK_MS, max(_MIN_CHECK_MS, self._timeout_s * 1000 / 10))
        self._timer.setInterval(int(interval))
        if not self._timer.isActive():
            self._timer.start()

    def _check(self) -> None:
        if self._timeout_s > 0 and time.monotonic() - self._last_input >= self._timeout_s:
            self._go_idle()

    def _go_idle(self) -> None:
        if not self._is_idle:
            self._is_idle = True
            self.idle.emit()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._go_idle()

    # ---------------------------------------------------------------------- D-Bus

    def watch_dbus(
        self,
        *,
        system_bus: QDBusConnection | None = None,
        session_bus: QDBusConnection | None = None,
        session_id: str | None = None,
    ) -> list[str]:
        """Listen for session lock, sleep and screen saver; return the hooks connected.

        Defaults: the real system and session buses and ``$XDG_SESSION_ID``. Without a
        session id, a ``Lock`` of any logind session counts (locking is the safe side).
        """
        system = QDBusConnection.systemBus() if system_bus is None else system_bus
        session = QDBusConnection.sessionBus() if session_bus is None else session_bus
        if session_id is None:
            session_id = os.environ.get("XDG_SESSION_ID", "")
        session_path = login1_session_path(session_id) if session_id else ""
        # (bus, service, path, interface, signal, slot)
        wanted = [
            (
                system,
                LOGIN1_SERVICE,
                session_path,
                LOGIN1_SESSION_INTERFACE,
                "Lock",
                "_on_login1_lock()",
            ),
            (
                system,
                LOGIN1_SERVICE,
                LOGIN1_MANAGER_PATH,
                LOGIN1_MANAGER_INTERFACE,
                "PrepareForSleep",
                "_on_prepare_for_sleep(bool)",
            ),
        ] + [
            (session, service, path, interface, "ActiveChanged", "_on_screensaver_active(bool)")
            for service, path, interface in SCREENSAVERS
        ]
        hooks: list[str] = []
        for bus, service, path, interface, signal, slot in wanted:
            # The stub wants bytes for the slot; PySide 6.11 accepts only SLOT()'s str.
            if bus.isConnected() and bus.connect(  # type: ignore[call-overload]
                service, path, interface, signal, self, SLOT(slot)
            ):
                hooks.append(f"{interface}.{signal}")
        log.debug("Session lock hooks: %s", ", ".join(hooks) or "none")
        return hooks

    @Slot()
    def _on_login1_lock(self) -> None:
        self._go_idle()

    @Slot(bool)
    def _on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self._go_idle()

    @Slot(bool)
    def _on_screensaver_active(self, active: bool) -> None:
        if active:
            self._go_idle()
