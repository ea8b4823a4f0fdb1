"""Find the header row of a sheet and tell data rows from blank and total rows.

Shop sheets often start with a title (``2024年会员登记表``, merged across the columns), a
date line or blank rows; the header is the first row with at least two cells that name known
columns. Inside the data, blank rows, 合计/总计/小计/汇总/Total rows and the header row repeated
are skipped — neither imported nor rejected.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from desktop.core.import_types import Cell, ColumnMapping, RowKind
from desktop.exchange.cells import text
from desktop.exchange.layouts_catalog import LAYOUTS
from desktop.exchange.synonyms import header_key, known_headers

_KNOWN = known_headers(header for layout in LAYOUTS for header, _ in layout.columns)
_SUMMARY_CHINESE = ("合计", "总计", "小计", "汇总", "共计", "总合计", "本页合计")
_SUMMARY_ENGLISH = frozenset({"total", "totals", "subtotal", "subtotals", "grandtotal", "sum"})
_SUMMARY_FIRST_CHARS = frozenset("合总小汇共本tTsSgGｔＴｓＳｇＧ")
# Every character str.isspace() accepts (tests/unit/exchange/test_header.py checks it): a
# text cell is looked at closer only when it begins with one of these or a first character
# of a total's label — a set test instead of a method call per text cell.
BLANK_CHARS = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SUMMARY_OR_BLANK_FIRST = _SUMMARY_FIRST_CHARS | BLANK_CHARS
_SUMMARY_CELLS = 3  # a total's label sits in one of the first non-empty cells
_SPACES = re.compile(r"[\s\u3000]+")


def known_column_count(cells: Sequence[Cell]) -> int:
    return sum(1 for cell in cells if isinstance(cell, str) and header_key(cell) in _KNOWN)


def find_header_row(rows: Sequence[Sequence[Cell]], max_scan: int = 30) -> int | None:
    """0-based index of the first row (among the first ``max_scan``) with at least two
    known column names, or None."""
    for index, cells in enumerate(rows[:max_scan]):
        if known_column_count(cells) >= 2:
            return index
    return None


def _is_summary_label(cell: Cell) -> bool:
    if not isinstance(cell, str) or cell.strip()[:1] not in _SUMMARY_FIRST_CHARS:
        return False
    label = _SPACES.sub("", unicodedata.normalize("NFKC", cell)).lower()
    label = label.strip(":：-—()（）[]【】*#")
    if label.startswith(_SUMMARY_CHINESE):
        return True
    word = re.split(r"[:：(（]", label, maxsplit=1)[0]
    return word in _SUMMARY_ENGLISH


def _may_hold_summary(cells: Sequence[Cell]) -> bool:
    """False when no text cell begins (blanks aside) the way a total's label does: the
    common case, told without cleaning any cell."""
    first_chars, worth_a_look = _SUMMARY_FIRST_CHARS, _SUMMARY_OR_BLANK_FIRST
    for cell in cells:
        if (
            isinstance(cell, str) and cell and cell[0] in worth_a_look
            and (cell[0] in first_chars or cell.strip()[:1] in first_chars)
        ):
            return True
    return False


def has_summary_label(cells: Sequence[Cell]) -> bool:
    """True when one of the first non-empty cells is a 合计/总计/小计/汇总/Total label."""
    if not _may_hold_summary(cells):
        return False
    seen = 0
    for cell in cells:
        if cell is None or cell == "":
            continue
        if isinstance(cell, str):
            stripped = cell.strip()
            if not stripped:
                continue
            if stripped[0] in _SUMMARY_FIRST_CHARS and _is_summary_label(cell):
                return True
            if len(stripped) <= 4 and text(cell) is None:  # "-", "无", "N/A" …
                continue
        seen += 1
        if seen == _SUMMARY_CELLS:
            return False
    return False


HeaderTexts = tuple[tuple[int, str], ...]
"""(column, the header cell's text) of each mapped column."""


def header_texts(mapping: Sequence[ColumnMapping]) -> HeaderTexts:
    return tuple(
        (entry.column, entry.header.strip()) for entry in mapping
        if entry.field and entry.header.strip()
    )


def repeats_header(cells: Sequence[Cell], headers: HeaderTexts) -> bool:
    """True when at least two mapped cells hold their own column's name: the header row
    again, as in a sheet made of monthly tables pasted one under another."""
    same = 0
    for column, name in headers:
        cell = cells[column] if column < len(cells) else None
        if isinstance(cell, str) and cell.strip() == name:
            same += 1
            if same == 2:
                return True
    return False


def row_kind(cells: Sequence[Cell], mapping: Sequence[ColumnMapping] | None = None) -> RowKind:
    """BLANK when no cell holds anything; SUMMARY when one of the first non-empty cells is a
    合计/总计/小计/汇总/Total label (full-width or spaced forms too, e.g. ``合 计：``);
    otherwise DATA. ``mapping`` limits "blank" to the mapped columns when given: a row
    whose mapped cells are all empty carries nothing to import."""
    if all(text(cell) is None for cell in cells):
        return RowKind.BLANK
    if has_summary_label(cells):
        return RowKind.SUMMARY
    if mapping is not None and any(entry.field for entry in mapping):
        mapped = [
            cells[entry.column] for entry in mapping
            if entry.field and entry.column < len(cells)
        ]
        if all(text(cell) is None for cell in mapped):
            return RowKind.BLANK
    return RowKind.DATA
