"""When a change of the search box's text becomes a search.

A person types a key every ~100–300 ms; each key is searched at once, so the rows follow the
key in the time the search and the paint take (no fixed wait in front of every search). A
burst — keys closer together than any hand types them: a barcode scanner, key auto-repeat,
a test's key clicks — is searched once, when it has been quiet for ``SEARCH_DELAY_MS``. A
search still running when the next key comes is cancelled by the model (the newest wins).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

SEARCH_DELAY_MS = 150
"""How long a burst must be quiet before it is searched."""
BURST_GAP_MS = 40
"""Changes closer together than this are a burst (hands rarely manage 60 ms between keys)."""


class SearchPacer(QObject):
    due = Signal()
    """Search now, with the text as it is."""

    def __init__(self, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_change = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.due)

    @Slot()
    def changed(self) -> None:
        now = self._clock()
        gap_ms = (now - self._last_change) * 1000
        self._last_change = now
        # 0 ms: after the events already queued (a burst delivered at once becomes one search).
        self._timer.start(SEARCH_DELAY_MS if gap_ms < BURST_GAP_MS else 0)

    def stop(self) -> None:
        self._timer.stop()

    def pending(self) -> bool:
        return self._timer.isActive()
