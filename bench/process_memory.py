"""Where a benchmark process's memory is, at named moments: resident set and its peak
(``/proc/self/status``), split into anonymous memory and mapped files, plus the bytes SQLite
(SQLCipher) has allocated — mostly page caches — and the number of imported modules.

Linux only (as the benchmarks); every figure in MiB.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

STATUS_FIELDS = {"VmRSS": "rss", "VmHWM": "peak", "RssAnon": "anon", "RssFile": "files"}


def status_mib() -> dict[str, float]:
    """VmRSS, VmHWM (the high-water mark), RssAnon and RssFile of this process."""
    out: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in STATUS_FIELDS:
            out[STATUS_FIELDS[name]] = int(value.split()[0]) / 1024
    return out


def peak_rss_mib() -> float:
    return status_mib()["peak"]


def rss_mib() -> float:
    return status_mib()["rss"]


_sqlite_memory_used: Any = None


def sqlite_mib() -> float | None:
    """``sqlite3_memory_used()`` of the SQLite inside sqlcipher3, if it is loaded."""
    global _sqlite_memory_used
    if _sqlite_memory_used is None:
        module = sys.modules.get("sqlcipher3._sqlite3")
        if module is None or not getattr(module, "__file__", None):
            return None
        function = ctypes.CDLL(module.__file__).sqlite3_memory_used
        function.restype = ctypes.c_int64
        _sqlite_memory_used = function
    return float(_sqlite_memory_used()) / 2**20


def snapshot() -> dict[str, float]:
    """Everything above, now."""
    out = status_mib()
    sqlite = sqlite_mib()
    if sqlite is not None:
        out["sqlite"] = sqlite
    out["modules"] = float(len(sys.modules))
    return out


class MemoryMarks:
    """Named snapshots in the order taken."""

    def __init__(self) -> None:
        self.marks: dict[str, dict[str, float]] = {}

    def mark(self, name: str) -> None:
        self.marks[name] = snapshot()


def breakdown_line(marks: dict[str, dict[str, float]]) -> str:
    """``name rss (peak) MiB`` for each mark; the peak only where it exceeds the RSS."""
    parts = []
    for name, values in marks.items():
        text = f"{name} {values['rss']:.0f}"
        if values["peak"] > values["rss"] + 0.5:
            text += f" (peak {values['peak']:.0f})"
        if "sqlite" in values and values["sqlite"] >= 0.5:
            text += f" [SQLite {values['sqlite']:.0f}]"
        parts.append(text)
    return " · ".join(parts)
