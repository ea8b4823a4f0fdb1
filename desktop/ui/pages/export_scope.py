"""What an export covers, in the user's words: the report kind, the filter the page had on
screen, how many rows match, the columns, a purpose and a file name.

The list pages describe their current view as an :class:`ExportScope`; the export dialog
turns it into an ``ExportRequest`` and says it in a sentence ("The 1,234 customers matching
‘张’, in 北京.").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.export_api import ExportColumn, ReportKind
from desktop.services.order_views import FeedbackFilter, OrderFilter
from desktop.ui.models.feedback_model import feedback_status_text, kind_text
from desktop.ui.models.orders_model import order_status_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportScope", text)


@dataclass(frozen=True)
class ExportScope:
    """One report as the page shows it. ``count`` (run off the UI thread) says how many
    rows the filter matches; None when the page cannot tell."""

    kind: ReportKind
    customers: CustomerFilter | None = None
    customer_sort: CustomerSort | None = None
    orders: OrderFilter | None = None
    feedback: FeedbackFilter | None = None
    count: Callable[[], int] | None = None


# ------------------------------------------------------------------------------- words


def kind_title(kind: ReportKind) -> str:
    return {
        ReportKind.CUSTOMERS: _tr("Export customers"),
        ReportKind.ORDERS: _tr("Export orders"),
        ReportKind.FEEDBACK: _tr("Export feedback"),
    }[kind]


def counted(kind: ReportKind, count: int) -> str:
    """"1,234 customers" / "1 order" in the UI language."""
    number = f"{count:,}"
    if kind is ReportKind.CUSTOMERS:
        one, many = _tr("1 customer"), _tr("{count} customers")
    elif kind is ReportKind.ORDERS:
        one, many = _tr("1 order (with its items)"), _tr("{count} orders (with their items)")
    else:
        one, many = _tr("1 feedback item"), _tr("{count} feedback items")
    return one if count == 1 else many.format(count=number)


def uncounted(kind: ReportKind) -> str:
    return {
        ReportKind.CUSTOMERS: _tr("customers"),
        ReportKind.ORDERS: _tr("orders (with their items)"),
        ReportKind.FEEDBACK: _tr("feedback items"),
    }[kind]


def conditions(scope: ExportScope) -> list[str]:
    """The filter as short phrases ("matching ‘张’", "in 北京"); empty = everything."""
    parts: list[str] = []
    flt = scope.customers
    if scope.kind is ReportKind.CUSTOMERS and flt is not None:
        if flt.text:
            parts.append(_tr("matching ‘{text}’").format(text=flt.text))
        if flt.city:
            parts.append(_tr("in {city}").format(city=flt.city))
        if flt.tag:
            parts.append(_tr("tagged ‘{tag}’").format(tag=flt.tag))
        if flt.level:
            parts.append(_tr("at level {level}").format(level=flt.level))
        parts += _date_range(flt.added_from, flt.added_to, _tr("added from {start}"),
                             _tr("added until {end}"))
    orders = scope.orders
    if scope.kind is ReportKind.ORDERS and orders is not None:
        parts += _date_range(_iso(orders.date_from), _iso(orders.date_to),
                             _tr("ordered from {start}"), _tr("ordered until {end}"))
        if orders.status:
            parts.append(_tr("with status {status}").format(
                status=order_status_text(orders.status)))
        if orders.channel:
            parts.append(_tr("from channel {channel}").format(channel=orders.channel))
    feedback = scope.feedback
    if scope.kind is ReportKind.FEEDBACK and feedback is not None:
        if feedback.kind:
            parts.append(_tr("of kind {kind}").format(kind=kind_text(feedback.kind)))
        if feedback.status:
            parts.append(_tr("with status {status}").format(
                status=feedback_status_text(feedback.status)))
        if feedback.mine_open:
            parts.append(_tr("open and assigned to you"))
        if feedback.overdue_only:
            parts.append(_tr("overdue complaints only"))
    return parts


def scope_sentence(scope: ExportScope, count: int | None) -> str:
    """What will be exported, as one sentence."""
    what = uncounted(scope.kind) if count is None else counted(scope.kind, count)
    parts = conditions(scope)
    if not parts:
        return _tr("All {what}.").format(what=what)
    return _tr("The {what} {conditions}.").format(
        what=what, conditions=_tr(", ").join(parts))


def _date_range(start: str | None, end: str | None, start_text: str,
                end_text: str) -> list[str]:
    parts = []
    if start:
        parts.append(start_text.format(start=start))
    if end:
        parts.append(end_text.format(end=end))
    return parts


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


# ---------------------------------------------------------------------------- columns


COLUMN_LABELS = (
    # The export service's English column labels, listed so that lupdate collects them
    # (tests/ui/test_export_translations.py checks that the service offers no other).
    QT_TRANSLATE_NOOP("ExportColumns", "Member no."),
    QT_TRANSLATE_NOOP("ExportColumns", "Name"),
    QT_TRANSLATE_NOOP("ExportColumns", "Gender"),
    QT_TRANSLATE_NOOP("ExportColumns", "Birthday"),
    QT_TRANSLATE_NOOP("ExportColumns", "Resident ID"),
    QT_TRANSLATE_NOOP("ExportColumns", "Phone"),
    QT_TRANSLATE_NOOP("ExportColumns", "E-mail"),
    QT_TRANSLATE_NOOP("ExportColumns", "WeChat ID"),
    QT_TRANSLATE_NOOP("ExportColumns", "Province"),
    QT_TRANSLATE_NOOP("ExportColumns", "City"),
    QT_TRANSLATE_NOOP("ExportColumns", "District"),
    QT_TRANSLATE_NOOP("ExportColumns", "Street address"),
    QT_TRANSLATE_NOOP("ExportColumns", "Level"),
    QT_TRANSLATE_NOOP("ExportColumns", "Points"),
    QT_TRANSLATE_NOOP("ExportColumns", "Balance"),
    QT_TRANSLATE_NOOP("ExportColumns", "Tags"),
    QT_TRANSLATE_NOOP("ExportColumns", "Notes"),
    QT_TRANSLATE_NOOP("ExportColumns", "Source"),
    QT_TRANSLATE_NOOP("ExportColumns", "Added"),
    QT_TRANSLATE_NOOP("ExportColumns", "Last changed"),
    QT_TRANSLATE_NOOP("ExportColumns", "Customer key"),
    QT_TRANSLATE_NOOP("ExportColumns", "Order no."),
    QT_TRANSLATE_NOOP("ExportColumns", "Ordered"),
    QT_TRANSLATE_NOOP("ExportColumns", "Channel"),
    QT_TRANSLATE_NOOP("ExportColumns", "Status"),
    QT_TRANSLATE_NOOP("ExportColumns", "Customer"),
    QT_TRANSLATE_NOOP("ExportColumns", "Recipient"),
    QT_TRANSLATE_NOOP("ExportColumns", "Recipient phone"),
    QT_TRANSLATE_NOOP("ExportColumns", "Shipping address"),
    QT_TRANSLATE_NOOP("ExportColumns", "Order notes"),
    QT_TRANSLATE_NOOP("ExportColumns", "Items"),
    QT_TRANSLATE_NOOP("ExportColumns", "Goods total"),
    QT_TRANSLATE_NOOP("ExportColumns", "Discount"),
    QT_TRANSLATE_NOOP("ExportColumns", "Shipping"),
    QT_TRANSLATE_NOOP("ExportColumns", "Payable"),
    QT_TRANSLATE_NOOP("ExportColumns", "Amount paid"),
    QT_TRANSLATE_NOOP("ExportColumns", "SKU"),
    QT_TRANSLATE_NOOP("ExportColumns", "Product"),
    QT_TRANSLATE_NOOP("ExportColumns", "Quantity"),
    QT_TRANSLATE_NOOP("ExportColumns", "Unit price"),
    QT_TRANSLATE_NOOP("ExportColumns", "Amount"),
    QT_TRANSLATE_NOOP("ExportColumns", "Received"),
    QT_TRANSLATE_NOOP("ExportColumns", "Kind"),
    QT_TRANSLATE_NOOP("ExportColumns", "Rating"),
    QT_TRANSLATE_NOOP("ExportColumns", "What the customer said"),
    QT_TRANSLATE_NOOP("ExportColumns", "Resolution"),
    QT_TRANSLATE_NOOP("ExportColumns", "Assigned to"),
    QT_TRANSLATE_NOOP("ExportColumns", "Resolved at"),
    QT_TRANSLATE_NOOP("ExportColumns", "Overdue"),
)


def column_label(column: ExportColumn) -> str:
    """A column's English label in the UI language (context ``ExportColumns``)."""
    return QCoreApplication.translate("ExportColumns", column.label)


def file_text(text: str) -> str:
    """A text written into an exported file (sheet name, header, cover line, the word for a
    code), in the UI language: ``ExportRequest.translate``. Context ``ExportFile``, whose
    texts tools/update_translations.py collects from the export service. Thread-safe (the
    export runs off the UI thread)."""
    return QCoreApplication.translate("ExportFile", text)


# ---------------------------------------------------------------------------- purposes


def purpose_presets() -> list[str]:
    """Common reasons data leaves the shop; "Other…" lets the user type one."""
    return [
        _tr("Accountant reconciliation"),
        _tr("Marketing campaign"),
        _tr("Shipping and delivery"),
        _tr("After-sales service"),
        _tr("Sharing with a business partner"),
        _tr("The shop's own records"),
    ]


# ---------------------------------------------------------------------------- file names


_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def file_stem(kind: ReportKind) -> str:
    return {
        ReportKind.CUSTOMERS: _tr("customers"),
        ReportKind.ORDERS: _tr("orders"),
        ReportKind.FEEDBACK: _tr("feedback"),
    }[kind]


def default_file_name(kind: ReportKind, suffix: str, today: date) -> str:
    """``customers-2026-11-29.xlsx`` / ``客户-2026-11-29.xlsx``."""
    stem = _UNSAFE_NAME.sub("", file_stem(kind)).strip() or kind.value
    return f"{stem}-{today.isoformat()}.{suffix}"


def subject_base_name(member_no: str, today: date) -> str:
    """``data-copy-M000123-2026-11-29`` / ``个人信息副本-M000123-2026-11-29``: no name, no
    phone — a file name is seen by anyone who looks in the folder."""
    stem = _UNSAFE_NAME.sub("", _tr("data-copy")).strip() or "data-copy"
    number = _UNSAFE_NAME.sub("", member_no).strip()
    middle = f"-{number}" if number else ""
    return f"{stem}{middle}-{today.isoformat()}"
