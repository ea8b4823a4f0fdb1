"""What every reader of the file layer hands over: its sheets and their rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from desktop.core.import_types import Cell


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    rows: int | None  # the row count if cheaply known (a hint: the workbook's own figure)
    hidden: bool = False


class SheetReader(Protocol):
    kind: str
    encoding: str | None
    sheets: tuple[SheetInfo, ...]

    def rows(self, sheet: str) -> Iterator[tuple[Cell, ...]]: ...

    def close(self) -> None: ...
