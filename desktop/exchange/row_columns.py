"""A customers sheet's rows a batch at a time, each mapped column converted as a whole.

:func:`desktop.exchange.rows.parse_rows` reads a customers sheet through here when every
mapped field has one column and is a plain customer attribute (the usual membership sheet).
The result is exactly what the row-at-a-time path (:class:`~desktop.exchange.row_values.RowReader`
row by row, then ``rows._customer``) gives — ``tests/unit/exchange/test_row_columns.py``
checks it, with hypothesis over mixed cells — only cheaper:

* a batch's column is joined into lines and one ``findall`` (C) picks the values of the
  shapes the converters' own fast paths answer for at once: plain member numbers, plain
  text, 11-digit CN mobiles (text or number cells), ``+`` and digits (the quick
  international rules), ISO birthdays (checked with one
  ``map(date.fromisoformat, …)``), ``¥1,234.50`` amounts, whole-number points; every other
  cell goes through the converter as before, with the column's memo of repeated values;
* the total-row check is one regex over each joined column: only the rows with a cell that
  may begin a total's label (or begins with a blank) are looked at closer;
* a row without issues and with some value becomes its :class:`CustomerFields` by
  position (``map``), without a dict per row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from functools import partial
from itertools import compress, count, islice, repeat, zip_longest
from operator import not_
from typing import Any, Final

from desktop.core.import_types import Cell, CustomerFields, ParsedRow, RowIssue, RowKind
from desktop.core.phone_rules import international_e164
from desktop.exchange import cells
from desktop.exchange.cells import Converted
from desktop.exchange.header import BLANK_CHARS, HeaderTexts, has_summary_label
from desktop.exchange.row_values import (
    ATTRIBUTE_OF_KEY,
    Converter,
    RowReader,
    issues_of,
    remembered,
)

BATCH: Final = 1_000
"""Rows converted together: large enough that the per-column work is C, small enough to
keep a batch's columns small and the rows flowing to the planner."""

_NAME_KEY: Final = "customer.name"
_TAGS_KEY: Final = "customer.tags"
_FIELD_ORDER: Final = CustomerFields._fields
_EMPTY: Final = CustomerFields()  # the value of a field the sheet does not map


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_NOT_PLACEHOLDER = rf"(?!(?i:{_alternatives(sorted(cells.PLACEHOLDERS))})\n)"
_NOT_SCIENTIFIC = rf"(?!(?i:{cells.SCIENTIFIC.pattern.removeprefix('(?i)')})\n)"

# Text that ``cells.text`` returns as it is (see ``cells._NEEDS_CLEANING``): printable ASCII
# and basic ideographs, not starting with a blank, ' or =, not ending with a blank; at most
# the plain-text limit long. ``personal``: also no "*" and not starting with ~, $ or # (a
# masked value is told by those; such cells take the per-value way).
_TEXT_CHAR = r"\x20-\x7e\u4e00-\u9fff"
_TEXT_FIRST = r"\x21-\x26\x28-\x3c\x3e-\x7e\u4e00-\u9fff"
_TEXT_LAST = r"\x21-\x7e\u4e00-\u9fff"
_LIMIT = cells.MAX_TEXT - 2


def _text_line(first: str, middle: str, last: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_NOT_PLACEHOLDER}([{first}](?:[{middle}]{{0,{_LIMIT}}}[{last}])?)\n|[^\n]*\n"
    )


_PLAIN_TEXT_LINE = _text_line(_TEXT_FIRST, _TEXT_CHAR, _TEXT_LAST)
_PERSONAL_LINE = _text_line(  # no ' = ~ $ # * first, no * anywhere
    r"\x21\x22\x25\x26\x28\x29\x2b-\x3c\x3e-\x7d\u4e00-\u9fff",
    r"\x20-\x29\x2b-\x7e\u4e00-\u9fff",
    r"\x21-\x29\x2b-\x7e\u4e00-\u9fff",
)
_IDENTIFIER_LINE = re.compile(
    rf"{_NOT_PLACEHOLDER}{_NOT_SCIENTIFIC}({cells.PLAIN_IDENTIFIER.pattern})\n|[^\n]*\n"
)
# A CN mobile, or a number written internationally with nothing but digits after the "+"
# (what ``cells.phone`` hands to ``phone_rules.international_e164`` as it is).
_PHONE_LINE = re.compile(
    rf"({cells.PLAIN_CN_MOBILE.pattern})\n|(\+[1-9][0-9]{{3,17}})\n|[^\n]*\n"
)
_ISO_DAY_LINE = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})\n|[^\n]*\n")
_CENTS_LINE = re.compile(rf"{cells.PLAIN_CENTS.pattern}\n|[^\n]*\n")

_STR_ONLY: Final[frozenset[type]] = frozenset({str, type(None)})
_STR_OR_INT: Final[frozenset[type]] = frozenset({str, int, type(None)})
_INT_ONLY: Final[frozenset[type]] = frozenset({int, type(None)})

# A column's fast path: from its joined lines, each cell's value ("" or None: not decided
# here, the converter decides).
_Shape = Callable[[str], list[Any]]


def _phones(joined: str) -> list[Any]:
    """CN mobiles, and international numbers the quick rules find valid (None: the
    converter decides, as it does for every other spelling)."""
    return [
        "+86" + mobile if mobile else (international_e164(written) if written else None)
        for mobile, written in _PHONE_LINE.findall(joined)
    ]


def _iso_days(joined: str) -> list[Any]:
    found = _ISO_DAY_LINE.findall(joined)
    try:
        list(map(date.fromisoformat, filter(None, found)))
    except ValueError:  # an impossible day among them: the converter tells which
        return [None] * len(found)
    return found


def _amounts(joined: str) -> list[Any]:
    return [
        int(whole.replace(",", "") + hundredths) if whole else None
        for whole, hundredths in _CENTS_LINE.findall(joined)
    ]


_SHAPES: Final[dict[object, tuple[frozenset[type], _Shape]]] = {
    cells.identifier: (_STR_ONLY, _IDENTIFIER_LINE.findall),
    cells.plain_text: (_STR_ONLY, _PLAIN_TEXT_LINE.findall),
    cells.personal_text: (_STR_ONLY, _PERSONAL_LINE.findall),
    cells.phone: (_STR_OR_INT, _phones),
    cells.cents: (_STR_ONLY, _amounts),
}


def _shape_of(convert: Converter) -> tuple[frozenset[type], _Shape] | None:
    """The fast path of a converter and the cell types it may be given, if it has one."""
    if isinstance(convert, partial):
        return (_STR_ONLY, _iso_days) if convert.func is cells.birthday else None
    return _SHAPES.get(convert)


def _joined(column: Sequence[Cell]) -> str:
    return "\n".join(map(str, column)) + "\n"


class ColumnReader:
    """Converts a customers sheet a batch of rows at a time (see the module's doc)."""

    def __init__(self, reader: RowReader, platform: str | None, headers: HeaderTexts = ()) -> None:
        self._reader = reader
        self._platform = platform or None
        self._headers = headers
        self._positions = {key: _FIELD_ORDER.index(_attribute(key)) for key, *_ in reader.steps}

    @staticmethod
    def handles(reader: RowReader) -> bool:
        """True when every mapped field has one column and is a customer attribute."""
        return reader.mapped and not reader.regional and all(
            several is None and _attribute(key) in _FIELD_ORDER
            for key, _column, _convert, several, *_ in reader.steps
        )

    def parse(self, rows: Iterator[Sequence[Cell]], first_row_number: int) -> Iterator[ParsedRow]:
        number = first_row_number
        while batch := list(islice(rows, BATCH)):
            yield from self._batch(batch, number)
            number += len(batch)

    def _batch(self, batch: list[Sequence[Cell]], first: int) -> list[ParsedRow]:
        width = max(map(len, batch))
        columns = list(zip_longest(*batch)) if width else []
        joined: dict[int, str] = {}
        summary = self._summary_rows(batch, columns, joined)
        headers = self._header_rows(columns, joined)
        values: list[Iterable[Any]] = list(map(repeat, _EMPTY))  # in _FIELD_ORDER
        values[_FIELD_ORDER.index("platform")] = repeat(self._platform)
        mapped: list[tuple[str, list[Any]]] = []
        issues: dict[int, list[RowIssue]] = {}
        size = len(batch)
        for key, column, convert, _several, seen_text, seen in self._reader.steps:
            cells_of = columns[column] if column < width else (None,) * size
            converted = self._column(cells_of, convert, seen_text, seen, joined.get(column))
            found = converted[0]
            for index, notes in converted[1]:
                issues.setdefault(index, []).extend(issues_of(first + index, key, notes))
            mapped.append((key, found))
            values[self._positions[key]] = (
                [tags or () for tags in found] if key == _TAGS_KEY else found
            )
        empty = len(mapped)
        blank = {
            index for index, nones in enumerate(
                map(tuple.count, zip(*(found for _, found in mapped), strict=True), repeat(None))
            ) if nones == empty
        }
        parsed = list(map(
            ParsedRow, count(first), repeat(RowKind.DATA), map(CustomerFields, *values)
        ))
        for index in sorted({*summary, *headers, *issues, *blank}):
            number = first + index
            if index in summary:
                parsed[index] = ParsedRow(row=number, kind=RowKind.SUMMARY)
            elif index in headers:
                parsed[index] = ParsedRow(row=number, kind=RowKind.HEADER)
            elif index in issues:
                row = {key: found[index] for key, found in mapped if found[index] is not None}
                member = self._customer(row)
                parsed[index] = ParsedRow(
                    number, RowKind.DATA, customer=member, issues=tuple(issues[index])
                )
            else:
                parsed[index] = ParsedRow(row=number, kind=RowKind.BLANK)
        return parsed

    def _customer(self, found: dict[str, Any]) -> CustomerFields:
        """What ``rows._customer`` makes of a row's values (or an empty record)."""
        values = {_attribute(key): value for key, value in found.items()}
        if not values:
            return CustomerFields()
        if self._platform:
            values["platform"] = self._platform
        return CustomerFields(**values)

    def _header_rows(self, columns: list[tuple[Cell, ...]], joined: dict[int, str]) -> set[int]:
        """The batch's rows that repeat the header (``header.repeats_header``); a column is
        looked at cell by cell only when its joined text holds its name."""
        found: dict[int, int] = {}
        for column, name in self._headers:
            if column >= len(columns):
                continue
            if column not in joined:  # the total rows' look may have stopped before it
                joined[column] = _joined(columns[column])
            if name not in joined[column]:
                continue
            for index, cell in enumerate(columns[column]):
                if isinstance(cell, str) and cell.strip() == name:
                    found[index] = found.get(index, 0) + 1
        return {index for index, same in found.items() if same >= 2}

    @staticmethod
    def _summary_rows(
        batch: list[Sequence[Cell]], columns: list[tuple[Cell, ...]], joined: dict[int, str]
    ) -> set[int]:
        """The batch's total rows. A row is looked at (``has_summary_label``) only when one
        of its cells may begin a total's label (``_MAY_BEGIN_TOTAL``); a column in which a
        value holds a line break has every row looked at."""
        candidates: set[int] = set()
        size = len(batch)
        for index, column in enumerate(columns):
            text = joined[index] = _joined(column)
            starts = [found.start() for found in _MAY_BEGIN_TOTAL.finditer(text)]
            if not starts:
                continue
            if text.count("\n") != size:
                candidates = set(range(size))
                break
            line = position = 0
            for start in starts:  # ascending: count the line breaks between them
                line += text.count("\n", position, start)
                position = start
                candidates.add(line)
        return {index for index in candidates if has_summary_label(batch[index])}

    @staticmethod
    def _column(
        column: Sequence[Cell], convert: Converter, seen_text: dict[str, Converted[Any]],
        seen: dict[tuple[type, Cell], Converted[Any]], joined: str | None,
    ) -> tuple[list[Any], list[tuple[int, Any]]]:
        """The column's values (None: no usable value) and its notes by row index."""
        size = len(column)
        found: list[Any] | None = None
        shape = _shape_of(convert)
        if shape is not None and joined is not None and joined.count("\n") == size:
            types, fast = shape
            if set(map(type, column)) <= types:
                found = fast(joined)
        elif convert is cells.whole_number and set(map(type, column)) <= _INT_ONLY:
            found = list(column)  # a whole number cell is its own value
        if found is None:
            found = [None] * size
        notes: list[tuple[int, Any]] = []
        # Undecided (None or ""), and zeros (taken again, through the memo)
        for index in list(compress(count(), map(not_, found))):
            cell = column[index]
            if cell is None or cell == "":
                found[index] = None
                continue
            value, problems = remembered(cell, convert, seen_text, seen)
            found[index] = value
            if problems:
                notes.append((index, problems))
        return found, notes


def _attribute(key: str) -> str:
    return "name" if key == _NAME_KEY else ATTRIBUTE_OF_KEY.get(key, "")


def _may_begin_total() -> re.Pattern[str]:
    """Lines (cells) that may begin a 合计/Total label: a blank first; a total's first
    character followed by what may continue the label (any character NFKC or lower-casing
    may change, or a blank); a full-width letter. A cell beginning otherwise is no total's
    label (``tests/unit/exchange/test_row_columns.py`` checks this against the label test)."""
    blanks = "".join(re.escape(char) for char in sorted(BLANK_CHARS - {"\n"}))
    return re.compile(
        rf"(?m)^(?:[{blanks}]|[tTsSgG](?=[oOuUrR]|[^\x21-\x7e])"
        r"|[合总小汇共本](?=[计合总页]|[^\u4e00-\u9fff])|[ｔＴｓＳｇＧ])"
    )


_MAY_BEGIN_TOTAL: Final = _may_begin_total()
