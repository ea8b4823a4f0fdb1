"""The cover sheet of every workbook, and the filters of a report: as codes (what the audit
entry records) and in words. Texts are English sources passed through the request's ``translate``;
anything the user typed (a search, a purpose) is masked in a masked export."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Final

from desktop.core.audit_words import actor_words
from desktop.services.customer_views import CustomerFilter, CustomerSort
from desktop.services.export_api import ExportRequest, ReportKind
from desktop.services.exports_rows import masked_words
from desktop.services.exports_texts import (
    FEEDBACK_KIND_LABELS,
    FEEDBACK_STATUS_LABELS,
    ORDER_STATUS_LABELS,
)
from desktop.services.order_views import FeedbackFilter, OrderFilter

Translate = Callable[[str], str]

REPORT_TITLES: Final = {
    ReportKind.CUSTOMERS: "Customer list",
    ReportKind.ORDERS: "Orders with items",
    ReportKind.FEEDBACK: "Feedback",
}
MASKED_POLICY: Final = (
    "Masked per the shop's masking rules (DESIGN §4): names, phones, e-mails, WeChat IDs, "
    "birthdays and street addresses are shortened; phones, ID numbers, e-mails and street "
    "addresses written inside notes and feedback are masked too."
)
UNMASKED_POLICY: Final = (
    "NOT MASKED: this file holds personal data in clear. It is password-protected; keep the "
    "password apart from the file and delete the file when the purpose is served."
)
PSEUDONYM_NOTE: Final = (
    "Customer key: a pseudonym (keyed HMAC-SHA256 of the customer's record number, stable for "
    "this shop, not reversible without the shop's key) for joining this shop's reports."
)
NO_FILTER: Final = "none (all records)"


@dataclass(frozen=True, slots=True)
class CoverFacts:
    shop: str
    actor: str
    at: datetime
    """UTC."""
    purpose: str
    kind_title: str
    filters: str
    sheet_rows: Sequence[tuple[str, int]]
    columns: Sequence[str]
    masked: bool
    pseudonym: bool
    audit_seq: int


def cover_lines(facts: CoverFacts, tz: tzinfo | None, tr: Translate) -> list[tuple[str, str]]:
    local = facts.at.astimezone(tz)
    when = (
        f"{local:%Y-%m-%d %H:%M:%S} ({tr('local time')}, UTC{local:%z}) · "
        f"{facts.at.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC"
    )
    lines = [
        (tr("Shop"), facts.shop),
        (tr("Report"), tr(facts.kind_title)),
        (tr("Exported by"), actor_words(facts.actor, tr)),
        (tr("Exported at"), when),
        (tr("Purpose"), facts.purpose or tr("(not stated)")),
        (tr("Filters"), facts.filters),
    ]
    lines += [(tr("Rows: {sheet}").format(sheet=name), f"{count:,}")
              for name, count in facts.sheet_rows]
    lines += [
        (tr("Columns"), ", ".join(facts.columns)),
        (tr("Masking"), tr(MASKED_POLICY if facts.masked else UNMASKED_POLICY)),
    ]
    if facts.pseudonym:
        lines.append((tr("Customer key"), tr(PSEUDONYM_NOTE)))
    lines.append((tr("Audit entry"), f"#{facts.audit_seq}"))
    return lines


def _code_word(tr: Translate, labels: Mapping[str, str], code: str) -> str:
    label = labels.get(code)
    return tr(label) if label else code


_STATUS_LABELS: Final = {**ORDER_STATUS_LABELS, **FEEDBACK_STATUS_LABELS}
"""An order's and a feedback item's status codes never coincide."""

FilterDetails = dict[str, str | int | bool]
"""A report's filters as flat codes and values (``filter_status: "paid"``): what the audit
entry records, and what :func:`filter_words` turns into words in any language later."""

FILTER_KEYS: Final = frozenset({
    "filter_search", "filter_tag", "filter_level", "filter_city", "filter_added_from",
    "filter_added_to", "filter_ordered_from", "filter_ordered_to", "filter_received_from",
    "filter_received_to", "filter_status", "filter_channel", "filter_kind", "filter_mine_open",
    "filter_overdue_only", "filter_customer", "sort",
})


def _put_range(details: FilterDetails, name: str, start: object, end: object) -> None:
    if start:
        details[f"filter_{name}_from"] = str(start)
    if end:
        details[f"filter_{name}_to"] = str(end)


def customer_filter_details(
    flt: CustomerFilter | None, sort: CustomerSort | None, masked: bool
) -> FilterDetails:
    flt = flt or CustomerFilter()
    details: FilterDetails = {}
    if flt.text.strip():
        details["filter_search"] = masked_words(flt.text.strip(), masked)
    for key, value in (("tag", flt.tag), ("level", flt.level), ("city", flt.city)):
        if value:
            details[f"filter_{key}"] = masked_words(value, masked)
    _put_range(details, "added", flt.added_from, flt.added_to)
    details["sort"] = (sort or CustomerSort.NEWEST).value
    return details


def order_filter_details(flt: OrderFilter | None) -> FilterDetails:
    flt = flt or OrderFilter()
    details: FilterDetails = {}
    _put_range(details, "ordered", flt.date_from, flt.date_to)
    if flt.status:
        details["filter_status"] = flt.status
    if flt.channel:
        details["filter_channel"] = flt.channel
    if flt.customer_id is not None:
        details["filter_customer"] = flt.customer_id
    return details


def feedback_filter_details(flt: FeedbackFilter | None) -> FilterDetails:
    flt = flt or FeedbackFilter()
    details: FilterDetails = {}
    _put_range(details, "received", flt.date_from, flt.date_to)
    if flt.kind:
        details["filter_kind"] = flt.kind
    if flt.status:
        details["filter_status"] = flt.status
    if flt.mine_open:
        details["filter_mine_open"] = True
    if flt.overdue_only:
        details["filter_overdue_only"] = True
    if flt.customer_id is not None:
        details["filter_customer"] = flt.customer_id
    return details


def report_filter_details(request: ExportRequest, masked: bool) -> FilterDetails:
    if request.kind is ReportKind.CUSTOMERS:
        return customer_filter_details(request.customers, request.customer_sort, masked)
    if request.kind is ReportKind.ORDERS:
        return order_filter_details(request.orders)
    return feedback_filter_details(request.feedback)


def filter_words(details: Mapping[str, object], tr: Translate, separator: str = "; ") -> str:
    """A report's filters (:data:`FilterDetails`, or an audit entry's details holding them)
    in words: the cover's in the file's language, a history's in the reader's. ``separator``
    (translated) goes between two filters."""
    parts: list[str] = []
    pair = tr("{label}: {value}")
    if details.get("filter_search"):
        parts.append(tr("search “{text}”").format(text=details["filter_search"]))
    for label in ("tag", "level", "city"):
        if details.get(f"filter_{label}"):
            parts.append(pair.format(label=tr(label), value=details[f"filter_{label}"]))
    for name, word in (("added", tr("added")), ("ordered", tr("ordered")),
                       ("received", tr("received"))):
        dates = _range(tr, details.get(f"filter_{name}_from"), details.get(f"filter_{name}_to"))
        if dates:
            parts.append(word + " " + " ".join(dates))
    kind, status = details.get("filter_kind"), details.get("filter_status")
    if kind:
        parts.append(pair.format(label=tr("kind"),
                                 value=_code_word(tr, FEEDBACK_KIND_LABELS, str(kind))))
    if status:
        parts.append(pair.format(label=tr("status"),
                                 value=_code_word(tr, _STATUS_LABELS, str(status))))
    if details.get("filter_channel"):
        parts.append(pair.format(label=tr("channel"), value=details["filter_channel"]))
    if details.get("filter_mine_open"):
        parts.append(tr("only my open items"))
    if details.get("filter_overdue_only"):
        parts.append(tr("only overdue complaints"))
    if details.get("filter_customer") is not None:
        parts.append(tr("customer record #{id}").format(id=details["filter_customer"]))
    words = tr(separator).join(parts) or tr(NO_FILTER)
    if details.get("sort"):
        words = f"{words} · {tr('sorted by')} {tr(str(details['sort']))}"
    return words


def customer_filter_words(
    flt: CustomerFilter | None, sort: CustomerSort | None, masked: bool, tr: Translate
) -> str:
    return filter_words(customer_filter_details(flt, sort, masked), tr)


def order_filter_words(flt: OrderFilter | None, tr: Translate) -> str:
    return filter_words(order_filter_details(flt), tr)


def feedback_filter_words(flt: FeedbackFilter | None, tr: Translate) -> str:
    return filter_words(feedback_filter_details(flt), tr)


def _range(tr: Translate, start: object, end: object) -> list[str]:
    parts = []
    if start:
        parts.append(tr("from {date}").format(date=start))
    if end:
        parts.append(tr("to {date}").format(date=end))
    return parts
