"""The cover sheet of every workbook, and the filters of a report in words (also what the
audit entry records). Texts are English sources passed through the request's ``translate``;
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


def _range(tr: Translate, start: object, end: object) -> list[str]:
    parts = []
    if start:
        parts.append(tr("from {date}").format(date=start))
    if end:
        parts.append(tr("to {date}").format(date=end))
    return parts


def customer_filter_words(
    flt: CustomerFilter | None, sort: CustomerSort | None, masked: bool, tr: Translate
) -> str:
    flt = flt or CustomerFilter()
    parts: list[str] = []
    if flt.text.strip():
        parts.append(tr("search “{text}”").format(text=masked_words(flt.text.strip(), masked)))
    for label, value in (("tag", flt.tag), ("level", flt.level), ("city", flt.city)):
        if value:
            parts.append(f"{tr(label)}: {masked_words(value, masked)}")
    added = _range(tr, flt.added_from, flt.added_to)
    if added:
        parts.append(tr("added") + " " + " ".join(added))
    words = "; ".join(parts) or tr(NO_FILTER)
    return f"{words} · {tr('sorted by')} {tr((sort or CustomerSort.NEWEST).value)}"


def order_filter_words(flt: OrderFilter | None, tr: Translate) -> str:
    flt = flt or OrderFilter()
    parts = [tr("ordered") + " " + " ".join(r)
             for r in [_range(tr, flt.date_from, flt.date_to)] if r]
    if flt.status:
        parts.append(f"{tr('status')}: {_code_word(tr, ORDER_STATUS_LABELS, flt.status)}")
    if flt.channel:
        parts.append(f"{tr('channel')}: {flt.channel}")
    if flt.customer_id is not None:
        parts.append(tr("customer record #{id}").format(id=flt.customer_id))
    return "; ".join(parts) or tr(NO_FILTER)


def feedback_filter_words(flt: FeedbackFilter | None, tr: Translate) -> str:
    flt = flt or FeedbackFilter()
    parts = [tr("received") + " " + " ".join(r)
             for r in [_range(tr, flt.date_from, flt.date_to)] if r]
    if flt.kind:
        parts.append(f"{tr('kind')}: {_code_word(tr, FEEDBACK_KIND_LABELS, flt.kind)}")
    if flt.status:
        parts.append(f"{tr('status')}: {_code_word(tr, FEEDBACK_STATUS_LABELS, flt.status)}")
    if flt.mine_open:
        parts.append(tr("only my open items"))
    if flt.overdue_only:
        parts.append(tr("only overdue complaints"))
    if flt.customer_id is not None:
        parts.append(tr("customer record #{id}").format(id=flt.customer_id))
    return "; ".join(parts) or tr(NO_FILTER)


def report_filter_words(request: ExportRequest, masked: bool, tr: Translate) -> str:
    """The filters of ``request`` in words (the cover's in the file's language; the audit
    log's in English, whatever the window's language)."""
    if request.kind is ReportKind.CUSTOMERS:
        return customer_filter_words(request.customers, request.customer_sort, masked, tr)
    if request.kind is ReportKind.ORDERS:
        return order_filter_words(request.orders, tr)
    return feedback_filter_words(request.feedback, tr)
