"""The last sheet calamine loaded, kept for the next step of the same import.

calamine cannot stream a sheet: ``get_sheet_by_name`` parses all of it (for a 100,000-row
sheet ~0.8 s and ~97 MiB) even when only the first 30 rows are wanted. An import looks at a
file several times — what it holds (header search on every sheet), the preview, the dry run,
the run — so without this each step parsed the whole sheet again. The owner (the import
service) keeps one cache; it holds at most one sheet, keyed by the file's identity (device,
inode, size, modification time) and the sheet's name, so a file changed in between is parsed
anew. The owner clears it when the import is done.

It also remembers the last workbook that passed the safety checks (``files_safety``: every
part decompressed to its end, ~0.1 s for a 100,000-row sheet) under the same identity and
the limits it was checked against, with its sheets' row counts, so the later steps of the
same import do not decompress the unchanged file again. A changed file is checked anew.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Mapping
from typing import Any

SheetKey = tuple[int, int, int, int, str]
"""(device, inode, size, mtime in ns, sheet name)."""


class SheetCache:
    """At most one parsed calamine sheet; safe to share between threads. A cache made with
    ``keep=False`` hands its sheet out once and keeps nothing it is given."""

    def __init__(self, *, keep: bool = True) -> None:
        self._lock = threading.Lock()
        self._keep = keep
        self._key: SheetKey | None = None
        self._sheet: Any = None
        self._checked: tuple[Hashable, dict[str, int]] | None = None

    def get(self, key: SheetKey) -> Any:
        """The sheet stored under ``key``, or None."""
        with self._lock:
            if self._key != key:
                return None
            sheet = self._sheet
            if not self._keep:
                self._key, self._sheet = None, None
            return sheet

    def put(self, key: SheetKey, sheet: Any) -> None:
        if self._keep:
            with self._lock:
                self._key, self._sheet = key, sheet

    def checked(self, key: Hashable) -> dict[str, int] | None:
        """The sheets' row counts of the file that passed the safety checks under ``key``
        (its identity and the limits), or None: check it."""
        with self._lock:
            if self._checked is None or self._checked[0] != key:
                return None
            return dict(self._checked[1])

    def remember_checked(self, key: Hashable, rows: Mapping[str, int]) -> None:
        with self._lock:
            self._checked = (key, dict(rows))

    def hand_over(self) -> SheetCache:
        """For the last read of a file (the run): a one-shot cache holding this one's sheet,
        which this one forgets. The rows being read then hold the only reference, so the
        sheet is freed as soon as the last row is read, not kept through the writing."""
        with self._lock:
            once = SheetCache(keep=False)
            once._key, once._sheet, once._checked = self._key, self._sheet, self._checked
            self._key, self._sheet = None, None
            return once

    def clear(self) -> None:
        with self._lock:
            self._key, self._sheet, self._checked = None, None, None
