"""Clipboard guard: revealed values leave the clipboard in time, the user's copies never."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop.ui.clipboard_guard import ClipboardGuard, secret_hints, sensitive_mime_data

PHONE = "13812345678"
DELAY = 0.2


@pytest.fixture
def clipboard(qapp) -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    board.clear()
    yield board
    board.clear()


@pytest.fixture
def make_guard(clipboard) -> Callable[..., tuple[ClipboardGuard, list[float]]]:
    def make(delay: float = DELAY) -> tuple[ClipboardGuard, list[float]]:
        guard = ClipboardGuard(delay)
        cleared: list[float] = []
        guard.sensitive_cleared.connect(lambda: cleared.append(time.monotonic()))
        return guard, cleared

    return make


def test_plain_copy_just_sets_the_text(qtbot, clipboard, make_guard):
    guard, cleared = make_guard()

    guard.copy("A-1001", sensitive=False)
    qtbot.wait(int(DELAY * 1000) + 150)

    assert clipboard.text() == "A-1001"
    assert not guard.holds_sensitive
    assert cleared == []


def test_sensitive_copy_is_cleared_after_the_delay(qtbot, clipboard, make_guard):
    guard, cleared = make_guard()
    copied_at = time.monotonic()

    guard.copy(PHONE, sensitive=True)
    assert clipboard.text() == PHONE
    assert guard.holds_sensitive

    qtbot.waitUntil(lambda: bool(cleared), timeout=2000)
    assert clipboard.text() == ""
    assert cleared[0] - copied_at >= DELAY - 0.01  # a coarse timer may fire a hair early
    assert not guard.holds_sensitive


def test_what_the_user_copied_since_is_never_cleared(qtbot, clipboard, make_guard):
    guard, cleared = make_guard()

    guard.copy(PHONE, sensitive=True)
    clipboard.setText("the user's own note")
    qtbot.wait(int(DELAY * 1000) + 150)

    assert clipboard.text() == "the user's own note"
    assert cleared == []
    assert not guard.holds_sensitive


def test_a_new_sensitive_copy_restarts_the_delay(qtbot, clipboard, make_guard):
    guard, cleared = make_guard(0.3)

    guard.copy(PHONE, sensitive=True)
    qtbot.wait(200)
    guard.copy("110101199003071234", sensitive=True)
    qtbot.wait(200)  # 0.4 s after the first copy, 0.2 s after the second

    assert clipboard.text() == "110101199003071234"
    qtbot.waitUntil(lambda: bool(cleared), timeout=2000)
    assert clipboard.text() == ""


def test_plain_copy_replaces_a_pending_sensitive_one(clipboard, make_guard):
    guard, _ = make_guard()

    guard.copy(PHONE, sensitive=True)
    guard.copy(PHONE, sensitive=False)  # the user chose to copy it as ordinary text

    assert not guard.holds_sensitive
    assert guard.clear_now() is False
    assert clipboard.text() == PHONE


def test_clear_now_clears_only_our_sensitive_copy(clipboard, make_guard):
    guard, cleared = make_guard(30)

    guard.copy(PHONE, sensitive=True)
    assert guard.clear_now() is True
    assert clipboard.text() == ""
    assert len(cleared) == 1
    assert guard.clear_now() is False

    guard.copy(PHONE, sensitive=True)
    clipboard.setText("copied elsewhere")
    assert guard.clear_now() is False
    assert clipboard.text() == "copied elsewhere"
    assert len(cleared) == 1


def test_quitting_clears_a_pending_sensitive_copy(qapp, clipboard, make_guard):
    guard, cleared = make_guard(30)

    guard.copy(PHONE, sensitive=True)
    qapp.aboutToQuit.emit()

    assert clipboard.text() == ""
    assert len(cleared) == 1


def test_guard_keeps_no_readable_copy_of_the_value(make_guard):
    guard, _ = make_guard(30)

    guard.copy(PHONE, sensitive=True)

    assert all(PHONE not in repr(value) for value in vars(guard).values())
    assert all(PHONE.encode() not in bytes(v) for v in vars(guard).values() if isinstance(v, bytes))


def test_delay_must_be_positive(make_guard):
    guard, _ = make_guard()
    with pytest.raises(ValueError):
        guard.clear_after_seconds = 0
    assert guard.clear_after_seconds == DELAY


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="KDE hint is for X11/Wayland")
def test_sensitive_copy_is_marked_for_clipboard_managers(clipboard, make_guard):
    guard, _ = make_guard(30)

    guard.copy(PHONE, sensitive=True)
    mime = clipboard.mimeData()

    assert mime.text() == PHONE
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"

    guard.copy("A-1001", sensitive=False)
    assert not clipboard.mimeData().hasFormat("x-kde-passwordManagerHint")


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", {"x-kde-passwordManagerHint": b"secret"}),
        ("freebsd14", {"x-kde-passwordManagerHint": b"secret"}),
        ("darwin", {"application/x-nspasteboard-concealed-type": b"secret"}),
        (
            "win32",
            {
                "ExcludeClipboardContentFromMonitorProcessing": b"\x01\0\0\0",
                "CanIncludeInClipboardHistory": b"\0\0\0\0",
                "CanUploadToCloudClipboard": b"\0\0\0\0",
            },
        ),
    ],
)
def test_secret_hints_per_platform(qapp, platform, expected):
    assert secret_hints(platform) == expected
    mime = sensitive_mime_data(PHONE, platform)
    assert mime.text() == PHONE
    for mime_type, data in expected.items():
        assert bytes(mime.data(mime_type).data()) == data
