"""Copying to the clipboard without leaving revealed personal data behind.

A sensitive copy (a value the user revealed) is marked as a secret for clipboard
managers and history (where the platform has a convention for it) and taken back off
after a while — but only if the clipboard still holds exactly what we put there: what
the user copied since is theirs, and is never clobbered.

What was copied is remembered only as a keyed hash (a random key per guard), so the
guard itself keeps no readable copy of the value.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct
import sys

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

DEFAULT_CLEAR_AFTER_S = 30.0

# Conventions clipboard managers honour (as KeePassXC, CopyQ, Klipper use them). On
# Windows, Qt registers a clipboard format named after each MIME type.
_WINDOWS_DWORD_0 = struct.pack("<I", 0)
_SECRET_HINTS: dict[str, dict[str, bytes]] = {
    "win32": {
        "ExcludeClipboardContentFromMonitorProcessing": struct.pack("<I", 1),
        "CanIncludeInClipboardHistory": _WINDOWS_DWORD_0,
        "CanUploadToCloudClipboard": _WINDOWS_DWORD_0,
    },
    "darwin": {"application/x-nspasteboard-concealed-type": b"secret"},
}
_UNIX_HINTS = {"x-kde-passwordManagerHint": b"secret"}


def secret_hints(platform: str = sys.platform) -> dict[str, bytes]:
    """MIME type → data marking clipboard content as a secret on ``platform``."""
    return dict(_SECRET_HINTS.get(platform, _UNIX_HINTS))


def sensitive_mime_data(text: str, platform: str = sys.platform) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    for mime_type, data in secret_hints(platform).items():
        mime.setData(mime_type, data)
    return mime


class ClipboardGuard(QObject):
    """Puts text on the system clipboard; takes revealed values back off in time.

    Also clears on application quit. Emits ``sensitive_cleared`` after taking a value back
    off (e.g. for a status-bar note).
    """

    sensitive_cleared = Signal()

    def __init__(
        self,
        clear_after_seconds: float = DEFAULT_CLEAR_AFTER_S,
        parent: QObject | None = None,
        *,
        clipboard: QClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard if clipboard is not None else QGuiApplication.clipboard()
        self._key = secrets.token_bytes(32)
        self._digest: bytes | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Qt's default coarse timer may fire up to 5 % early (1.5 s of the 30 s promised).
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.clear_now)
        self.clear_after_seconds = clear_after_seconds
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_now)

    @property
    def clear_after_seconds(self) -> float:
        return self._timer.interval() / 1000

    @clear_after_seconds.setter
    def clear_after_seconds(self, seconds: float) -> None:
        """A clear already pending restarts with the new delay."""
        if seconds <= 0:
            raise ValueError("clear_after_seconds must be > 0")
        self._timer.setInterval(round(seconds * 1000))

    @property
    def holds_sensitive(self) -> bool:
        """True while a sensitive copy is waiting to be taken back off."""
        return self._digest is not None

    def copy(self, text: str, *, sensitive: bool) -> None:
        """Put ``text`` on the clipboard; if ``sensitive``, mark it and clear it later."""
        if sensitive:
            self._clipboard.setMimeData(sensitive_mime_data(text), QClipboard.Mode.Clipboard)
            self._digest = self._hash(text)
            self._timer.start()
        else:
            self._forget()  # whatever sensitive text was there has just been replaced
            self._clipboard.setText(text, QClipboard.Mode.Clipboard)

    @Slot(result=bool)
    def clear_now(self) -> bool:
        """Clear the clipboard if it still holds our sensitive copy; for lock and logout.

        Returns whether it cleared anything.
        """
        digest = self._digest
        self._forget()
        if digest is None or not hmac.compare_digest(digest, self._hash(self._current_text())):
            return False
        self._clipboard.clear(QClipboard.Mode.Clipboard)
        self.sensitive_cleared.emit()
        return True

    def _current_text(self) -> str:
        return self._clipboard.text(QClipboard.Mode.Clipboard)

    def _hash(self, text: str) -> bytes:
        return hmac.new(self._key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def _forget(self) -> None:
        self._digest = None
        self._timer.stop()
