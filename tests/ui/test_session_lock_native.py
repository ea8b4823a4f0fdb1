"""The Windows session-lock filter reads a real Win32 MSG layout (built here with ctypes, as
Qt hands it over on Windows); the hooks themselves need Windows or macOS to run."""

from __future__ import annotations

import ctypes
import sys

import pytest
from PySide6.QtCore import QByteArray

from desktop.ui.session_lock_native import (
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WindowsMessage,
    WindowsSessionLockFilter,
    install_native_hook,
)

WTS_SESSION_UNLOCK = 0x8
WTS_CONSOLE_DISCONNECT = 0x2
WM_KEYDOWN = 0x0100


def filtered(event_type: bytes, message: int, w_param: int) -> tuple[list[int], object]:
    locks: list[int] = []
    native_filter = WindowsSessionLockFilter(lambda: locks.append(1))
    msg = WindowsMessage(hwnd=None, message=message, wParam=w_param, lParam=0)
    answer = native_filter.nativeEventFilter(QByteArray(event_type), ctypes.addressof(msg))
    return locks, answer


@pytest.mark.parametrize("event_type", [b"windows_generic_MSG", b"windows_dispatcher_MSG"])
def test_a_session_lock_message_calls_back_and_is_passed_on(event_type):
    locks, answer = filtered(event_type, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)
    assert locks == [1]
    assert answer == (False, 0)  # Qt still handles the message


@pytest.mark.parametrize(
    ("event_type", "message", "w_param"),
    [
        (b"windows_generic_MSG", WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK),
        (b"windows_generic_MSG", WM_WTSSESSION_CHANGE, WTS_CONSOLE_DISCONNECT),
        (b"windows_generic_MSG", WM_KEYDOWN, WTS_SESSION_LOCK),
        (b"xcb_generic_event_t", WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK),
    ],
)
def test_other_messages_do_not_lock(event_type, message, w_param):
    locks, answer = filtered(event_type, message, w_param)
    assert locks == []
    assert answer == (False, 0)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux uses D-Bus")
def test_no_native_hook_on_linux(qapp):
    assert install_native_hook(lambda: None) is None
