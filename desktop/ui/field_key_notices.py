"""Word that the owner's field key has just been opened (desktop.services.field_keys).

The key opens in the background a moment after the owner logs in, so a profile or an edit
form opened in that first moment shows the resident ID masked. The controller announces the
opening here; whatever shows a masked ID to the owner listens and asks its own service again
(which answers with the whole ID only if the key is open for *its* session and shop).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class FieldKeyNotices(QObject):
    opened = Signal()
    """A field key was opened (on the GUI thread; listeners check their own session)."""


_notices: FieldKeyNotices | None = None


def field_key_notices() -> FieldKeyNotices:
    """The application's one notice board (made on first use, on the GUI thread)."""
    global _notices
    if _notices is None:
        _notices = FieldKeyNotices()
    return _notices


def announce_field_key_opened() -> None:
    field_key_notices().opened.emit()
