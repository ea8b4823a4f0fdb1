"""Regression: PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` per void call.

Every call of a C++ method returning ``void`` (``QObject.setObjectName``, …) decremented
``None``'s reference count; after a few thousand calls it reached zero and the interpreter
aborted in ``none_dealloc``. The project pins ``PySide6-Essentials<6.12`` for this reason
(pyproject.toml); this test fails fast if an upgrade brings the bug back, long before an app
session would crash. From CPython 3.12 on ``None`` is immortal: its count never moves, and
the test passes trivially (nor can the bug abort there).

No QApplication is needed: a bare QObject works without one.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

CALLS = 1_000
TOLERANCE = 5  # unrelated interpreter activity; the bug shows as a drop of ~CALLS


def _none_refs_across_void_calls(obj: QObject, calls: int) -> int:
    name = "refcount-probe"
    set_object_name = obj.setObjectName
    before = sys.getrefcount(None)
    for _ in range(calls):
        set_object_name(name)
    return sys.getrefcount(None) - before


def test_void_calls_do_not_drop_references_to_none() -> None:
    obj = QObject()
    _none_refs_across_void_calls(obj, 10)  # warm up caches, signatures, method lookup

    change = _none_refs_across_void_calls(obj, CALLS)

    assert change >= -TOLERANCE, (
        f"sys.getrefcount(None) fell by {-change} across {CALLS} void PySide6 calls: this "
        "PySide6 leaks references to None and will abort the app (none_dealloc). "
        "Keep PySide6 below 6.12 (see pyproject.toml)."
    )
