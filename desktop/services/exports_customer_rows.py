"""Rows of the customer report, built a batch at a time and a column at a time.

An export of 100,000 customers makes 1.6 million cells, so this avoids a Python call per
cell where it can: each column is one list comprehension over the batch's stored values,
and the columns whose values repeat across customers (regions, levels, tags, notes,
birthdays) remember each distinct value's masked text, so a repeated value is a dict lookup.
Every value still goes through :class:`Masker` — the rule table of DESIGN §4 and its fast
paths proven equal to it — the memo only avoids asking twice for the same value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from desktop.core.masking import HIDDEN
from desktop.exchange.export_cells import CellValue, ColumnarRows, Row
from desktop.services.exports_bulk import BULK, bulk_cells, masked_birthdays, memo_cells
from desktop.services.exports_columns import ColumnDef
from desktop.services.exports_rows import (
    CustomerRecord,
    LocalTimes,
    Masker,
    Pseudonym,
    birthday_cell,
)
from desktop.store.customers import TAG_SEPARATOR, CustomerRepository
from desktop.store.export_columns import TAGS

RESIDENT_ID_AT: Final = len(CustomerRepository.columns) + 1
"""Where a record carries the resident ID as shown (after the tags)."""
MEMO_LIMIT: Final = 16_384
"""Distinct values a column remembers before it starts afresh (bounded memory)."""

Values = Sequence[object]
ColumnCells = Callable[[Values], list[CellValue]]


def _memo(shown: Callable[[object], CellValue]) -> ColumnCells:
    """``shown`` of each value, computed once per distinct value (``shown`` is pure)."""
    return memo_cells(shown, MEMO_LIMIT)  # type: ignore[return-value]


def _each(mask: Masker, rule_name: str) -> ColumnCells:
    """For values nearly unique per customer (phones, e-mails, member numbers, names): a
    memo would only fill up. The fast path and the rule inlined: the fast path answers for
    a non-empty str (never with ""), the rule for anything else; where the fast path has a
    whole-column form (``exports_bulk.BULK``), that first."""
    fast, rule = mask.parts(rule_name)
    if fast is None:
        return lambda values: [rule(v) for v in values]  # type: ignore[arg-type]
    path = fast
    bulk = BULK.get(rule_name)
    if bulk is not None:
        def one(v: object) -> CellValue:
            return (path(v) or rule(v)) if v.__class__ is str and v else rule(v)  # type: ignore[arg-type]

        whole = bulk
        return lambda values: bulk_cells(values, whole, one)  # type: ignore[return-value]

    def cells(values: Values) -> list[CellValue]:
        return [
            (path(v) or rule(v)) if v.__class__ is str and v else rule(v)  # type: ignore[arg-type]
            for v in values
        ]
    return cells


def _text(values: Values) -> list[CellValue]:
    if set(map(type, values)) == {str}:
        return list(values)  # type: ignore[arg-type]
    return [v if v.__class__ is str else ("" if v is None else str(v)) for v in values]


def _number(values: Values) -> list[CellValue]:
    if set(map(type, values)) == {int}:
        return list(values)  # type: ignore[arg-type]
    return [v if isinstance(v, int) else None for v in values]


def _street(mask: Masker) -> ColumnCells:
    if not mask.masked:
        return _text

    def cells(values: Values) -> list[CellValue]:
        if set(map(type, values)) == {str} and all(map(str.strip, values)):  # type: ignore[arg-type]
            return [HIDDEN] * len(values)
        return [HIDDEN if v is not None and str(v).strip() else "" for v in values]
    return cells


def _tags(mask: Masker) -> Callable[[object], CellValue]:
    def shown(joined: object) -> CellValue:
        text = "" if joined is None else str(joined)
        return "、".join(mask.vocabulary(tag) for tag in text.split(TAG_SEPARATOR) if tag)
    return shown


def _birthday(mask: Masker) -> Callable[[object], CellValue]:
    return lambda v: birthday_cell(None if v is None else str(v), mask)


def _birthdays(mask: Masker) -> ColumnCells:
    one = _birthday(mask)
    memo = _memo(one)
    if not mask.masked:
        return memo
    return lambda values: masked_birthdays(values, one) or memo(values)  # type: ignore[return-value]


def _relabelled(cells: ColumnCells, labels: Mapping[str, str]) -> ColumnCells:
    """``cells`` with code values (str) shown as ``labels`` say (unknown values as they are)."""
    lookup = labels.get

    def relabelled(values: Values) -> list[CellValue]:
        shown = cells(values)
        if set(map(type, shown)) == {str}:
            return list(map(lookup, shown, shown))  # type: ignore[arg-type]
        return [lookup(v, v) if isinstance(v, str) else v for v in shown]
    return relabelled


def customer_rows(columns: Sequence[ColumnDef], mask: Masker, local: LocalTimes,
                  pseudonym: Pseudonym | None,
                  labels: Mapping[str, Mapping[str, str]] | None = None) -> CustomerRows:
    """A function from a batch of stored customer rows (``CustomerRepository.records``) to
    report rows, one cell per column of ``columns`` (the pseudonymous key first if asked).
    ``labels``: per column key, words to show for code values (e.g. gender codes)."""
    at = {name: index for index, name in enumerate(CustomerRepository.columns)}
    unique = {"member_no", "name", "phone", "email", "wechat_id"}

    def masked(name: str, rule: str | None = None) -> tuple[int, ColumnCells]:
        # (not "field": the translation extractor reads a "field" argument as an error text)
        if name in unique:
            return at[name], _each(mask, rule or name)
        shown: Callable[[object], CellValue] = mask.rule(rule or name)  # type: ignore[assignment]
        return at[name], _memo(shown)

    table: dict[str, tuple[int, ColumnCells]] = {
        "customer.member_no": masked("member_no"),
        "customer.name": masked("name"),
        "customer.gender": (at["gender"], _text),
        "customer.birthday": (at["birthday"], _birthdays(mask)),
        "customer.phone": masked("phone"),
        "customer.email": masked("email"),
        "customer.wechat_id": masked("wechat_id"),
        "customer.province": masked("province"),
        "customer.city": masked("city"),
        "customer.district": masked("district"),
        "customer.address_detail": (at["address_detail"], _street(mask)),
        "customer.level": masked("level", "tags"),
        "customer.points": (at["points"], _number),
        "customer.balance": (at["balance_cents"], _number),
        "customer.tags": (len(CustomerRepository.columns), _memo(_tags(mask))),
        # Appended to each record by the report (exports_reports): the masked form, or for
        # the owner's unmasked report the opened ID; a record without it shows "".
        "customer.resident_id": (RESIDENT_ID_AT, _text),
        "customer.notes": masked("notes"),
        "customer.source": masked("source", "tags"),
        "customer.created_at": (at["created_at"], local.column),
        "customer.updated_at": (at["updated_at"], local.column),
    }
    plan = [table[column.key] for column in columns]
    for position, column in enumerate(columns):
        words = (labels or {}).get(column.key)
        if words is not None:
            index, cells = plan[position]
            plan[position] = (index, _relabelled(cells, words))
    if pseudonym is not None:
        token = pseudonym
        plan.insert(0, (at["id"], lambda values: [
            token(v if isinstance(v, int) else None) for v in values]))

    return CustomerRows(plan)


class CustomerRows:
    """Report rows from a batch of stored customer rows (see :func:`customer_rows`)."""

    def __init__(self, plan: Sequence[tuple[int, ColumnCells]]) -> None:
        self._plan = list(plan)
        self.reads: frozenset[int] = frozenset(index for index, _ in self._plan)
        """Positions in a stored row (``CustomerRepository.records``) the rows are made of."""

    def stored_columns(self) -> tuple[frozenset[str], bool]:
        """The :attr:`reads` as ``CustomerRepository.columns`` names, and whether the tags
        (the position after them) are read."""
        names = CustomerRepository.columns
        return (frozenset(names[i] for i in self.reads if i < len(names)),
                len(names) in self.reads)

    def shows_null_as_empty(self) -> frozenset[str]:
        """The stored columns read (by name; ``export_columns.TAGS`` for the tags) whose NULL
        every report column made of them shows as it shows "". Each column's cells are made
        value by value, so asking each for one None and one "" tells."""
        names = CustomerRepository.columns
        same: set[str] = set()
        for index in self.reads:
            if index > len(names) or (index < len(names) and names[index] == "id"):
                continue  # the resident ID is appended, never read; an id is never NULL
            made = [cells for at, cells in self._plan if at == index]
            if all(cells([None]) == cells([""]) for cells in made):
                same.add(names[index] if index < len(names) else TAGS)
        return frozenset(same)

    def __call__(self, records: Sequence[CustomerRecord]) -> Sequence[Row]:
        if not self._plan or not records:
            return [() for _ in records]
        if RESIDENT_ID_AT in self.reads:  # appended only when the report shows the ID
            records = [r if len(r) > RESIDENT_ID_AT else (*r, None) for r in records]
        return self.from_columns(list(zip(*records, strict=True)))  # transposed in C

    def from_columns(self, stored: Sequence[Sequence[object]]) -> Sequence[Row]:
        """The rows of the records whose columns are ``stored`` (one sequence per position
        of a record, as ``desktop.store.export_columns`` reads them; every position in
        :attr:`reads` present), the same as :meth:`__call__` of those records."""
        if not self._plan or not stored or not stored[0]:
            return [() for _ in (stored[0] if stored else ())]
        cells = [column(stored[index]) for index, column in self._plan]
        return ColumnarRows.from_columns(cells)
