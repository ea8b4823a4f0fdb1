"""OS session-lock hooks that need the platform's own API, through ctypes (no extra
dependency). Linux's hooks are D-Bus signals and live in ``idle_lock``.

* Windows: ``WTSRegisterSessionNotification`` on a hidden, never-shown Qt window, and a
  :class:`QAbstractNativeEventFilter` that sees its ``WM_WTSSESSION_CHANGE`` with
  ``WTS_SESSION_LOCK`` (Win+L, Ctrl+Alt+Del → Lock, the screen saver's lock, fast user
  switching).
* macOS: the distributed notification ``com.apple.screenIsLocked`` through CoreFoundation's
  ``CFNotificationCenterGetDistributedCenter`` (what ``NSDistributedNotificationCenter``
  wraps); Qt's Cocoa event loop runs the main run loop that delivers it.

Each hook calls ``on_lock()`` on the GUI thread. A hook that cannot be set up logs why and
is skipped: the idle timeout still locks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication
from PySide6.QtGui import QWindow

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0
WINDOWS_MESSAGE_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")

MAC_SCREEN_LOCKED = b"com.apple.screenIsLocked"
CF_STRING_ENCODING_UTF8 = 0x08000100
CF_DELIVER_IMMEDIATELY = 4


class SessionLockHook(Protocol):
    name: str

    def remove(self) -> None: ...


class WindowsMessage(ctypes.Structure):
    """The start of Win32 ``MSG`` (all this filter reads)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),  # WPARAM = UINT_PTR
        ("lParam", ctypes.c_ssize_t),  # LPARAM = LONG_PTR
    ]


class WindowsSessionLockFilter(QAbstractNativeEventFilter):
    """Calls ``on_lock`` for ``WM_WTSSESSION_CHANGE`` / ``WTS_SESSION_LOCK``; lets every
    message through."""

    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, eventType: QByteArray | bytes, message: Any) -> Any:
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if kind in WINDOWS_MESSAGE_TYPES and message:
            msg = WindowsMessage.from_address(int(message))
            if msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0


class WindowsSessionHook:
    """The registration of a hidden window for session notifications, plus its filter."""

    name = "WTSRegisterSessionNotification"

    def __init__(self, on_lock: Callable[[], None]) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the session hook needs a QApplication")
        self._app = app
        wtsapi = ctypes.WinDLL("wtsapi32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        wtsapi.WTSRegisterSessionNotification.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
        wtsapi.WTSUnRegisterSessionNotification.argtypes = [ctypes.c_void_p]
        self._wtsapi = wtsapi
        self._window = QWindow()  # never shown; created only for its HWND
        self._window.create()
        self._hwnd = ctypes.c_void_p(int(self._window.winId()))
        self.filter = WindowsSessionLockFilter(on_lock)
        app.installNativeEventFilter(self.filter)
        if not self._wtsapi.WTSRegisterSessionNotification(self._hwnd, NOTIFY_FOR_THIS_SESSION):
            app.removeNativeEventFilter(self.filter)
            self._window.destroy()
            raise OSError(ctypes.get_last_error(), "WTSRegisterSessionNotification failed")

    def remove(self) -> None:
        self._wtsapi.WTSUnRegisterSessionNotification(self._hwnd)
        self._app.removeNativeEventFilter(self.filter)
        self._window.destroy()


_CF_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p,
                                ctypes.c_void_p, ctypes.c_void_p)


class MacScreenLockHook:
    """An observer of ``com.apple.screenIsLocked`` on the distributed notification center."""

    name = "com.apple.screenIsLocked"

    def __init__(self, on_lock: Callable[[], None]) -> None:
        path = ctypes.util.find_library("CoreFoundation")
        if path is None:
            raise OSError("CoreFoundation not found")
        cf = ctypes.CDLL(path)
        cf.CFNotificationCenterGetDistributedCenter.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                                 ctypes.c_uint32]
        cf.CFNotificationCenterAddObserver.argtypes = [
            ctypes.c_void_p, ctypes.c_void_p, _CF_CALLBACK, ctypes.c_void_p, ctypes.c_void_p,
            ctypes.c_long]
        cf.CFNotificationCenterRemoveEveryObserver.argtypes = [ctypes.c_void_p,
                                                               ctypes.c_void_p]
        cf.CFRelease.argtypes = [ctypes.c_void_p]
        self._cf = cf
        self._center = cf.CFNotificationCenterGetDistributedCenter()
        self._name = cf.CFStringCreateWithCString(None, MAC_SCREEN_LOCKED,
                                                  CF_STRING_ENCODING_UTF8)
        self._token = ctypes.c_int(0)  # any unique address identifies the observer
        self._callback = _CF_CALLBACK(lambda *_args: on_lock())  # kept alive with self
        cf.CFNotificationCenterAddObserver(
            self._center, ctypes.addressof(self._token), self._callback, self._name, None,
            CF_DELIVER_IMMEDIATELY)

    def remove(self) -> None:
        self._cf.CFNotificationCenterRemoveEveryObserver(self._center,
                                                         ctypes.addressof(self._token))
        self._cf.CFRelease(self._name)


def install_native_hook(on_lock: Callable[[], None]) -> SessionLockHook | None:
    """This platform's native session-lock hook, or None (Linux: see idle_lock's D-Bus
    hooks; or the hook could not be set up, which is logged)."""
    try:
        if sys.platform == "win32":
            return WindowsSessionHook(on_lock)
        if sys.platform == "darwin":
            return MacScreenLockHook(on_lock)
    except (OSError, AttributeError, RuntimeError) as exc:
        log.warning("Session lock hook not installed: %s", exc)
    return None
