"""The customers table's columns and how each cell is written: titles, the text of a
``CustomerRow`` per column, the SQL sort orders a header click may ask for, and the money,
date and tag formats shared with the profile panel and the dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt

from desktop.services.customer_views import CustomerRow, CustomerSort


def format_cents(cents: int) -> str:
    """Integer cents as ``¥1,234.50`` (``-¥3.00`` when negative)."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def local_date(iso_utc: str) -> str:
    """``2024-03-07T02:10:00+00:00`` as the local calendar date; unparsable text as is."""
    try:
        moment = datetime.fromisoformat(iso_utc)
    except ValueError:
        return iso_utc
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.date().isoformat()


def local_time(iso_utc: str) -> str:
    """An ISO-8601 UTC time as local ``YYYY-MM-DD HH:MM``; unparsable text as is."""
    try:
        moment = datetime.fromisoformat(iso_utc)
    except ValueError:
        return iso_utc
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def join_tags(tags: Sequence[str]) -> str:
    return QCoreApplication.translate("CustomersModel", ", ").join(tags)


# ------------------------------------------------------------------------------ columns


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: Callable[[], str]
    text: Callable[[CustomerRow], str]
    numeric: bool = False
    sort: dict[Qt.SortOrder, CustomerSort] = field(default_factory=dict)
    """The SQL orders this column offers; one entry for one-way sorts (e.g. points:
    highest first)."""


def _tr(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("CustomersModel", text)


_ASC = Qt.SortOrder.AscendingOrder
_DESC = Qt.SortOrder.DescendingOrder

COLUMNS: tuple[Column, ...] = (
    Column("member_no", _tr("Member no."), lambda r: r.member_no,
           sort={_ASC: CustomerSort.MEMBER_NO}),
    Column("name", _tr("Name"), lambda r: r.name, sort={_ASC: CustomerSort.NAME}),
    Column("phone", _tr("Phone"), lambda r: r.phone),
    Column("city", _tr("City"), lambda r: r.city),
    Column("level", _tr("Level"), lambda r: r.level),
    Column("points", _tr("Points"), lambda r: f"{r.points:,}", numeric=True,
           sort={_DESC: CustomerSort.POINTS}),
    Column("balance", _tr("Balance"), lambda r: format_cents(r.balance_cents), numeric=True,
           sort={_DESC: CustomerSort.BALANCE}),
    Column("created_at", _tr("Added"), lambda r: local_date(r.created_at),
           sort={_DESC: CustomerSort.NEWEST, _ASC: CustomerSort.OLDEST}),
    Column("tags", _tr("Tags"), lambda r: join_tags(r.tags)),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)


def row_texts(row: CustomerRow) -> tuple[str, ...]:
    """Every cell of ``row`` as the table shows it, in column order."""
    return tuple(column.text(row) for column in COLUMNS)


def column_of(key: str) -> int:
    return COLUMN_KEYS.index(key)


def sort_for(column: int, order: Qt.SortOrder) -> tuple[CustomerSort, Qt.SortOrder] | None:
    """The SQL sort a click on ``column`` asks for and the order it really gives; None when
    the column is not sortable. A one-way column gives its one order whatever was asked."""
    if not 0 <= column < len(COLUMNS):
        return None
    sorts = COLUMNS[column].sort
    if not sorts:
        return None
    if order in sorts:
        return sorts[order], order
    only_order, only_sort = next(iter(sorts.items()))
    return only_sort, only_order


def column_for(sort: CustomerSort) -> tuple[int, Qt.SortOrder]:
    for number, column in enumerate(COLUMNS):
        for order, candidate in column.sort.items():
            if candidate is sort:
                return number, order
    raise ValueError(sort)
