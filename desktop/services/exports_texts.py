"""The English words an export writes for stored codes, and every English source text a file
may hold, so that the texts can be translated (``tools/update_translations.py`` collects
:func:`export_source_texts` plus every literal ``tr("…")`` of the export modules into one
translation context; the UI passes ``ExportRequest.translate`` for it).

A code column (gender, order status, feedback kind and status, consent purpose and channel,
yes/no) is written as its English label, translated; the JSON of a data-subject copy keeps
the codes, which are machine-readable. A value this version does not know is written as it
is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, TypeVar

from desktop.core.audit_words import ACTOR_FORMAT, AUDIT_ACTION_LABELS, ROLE_LABELS
from desktop.core.consent_types import ConsentChannel, ConsentPurpose
from desktop.core.models import FeedbackKind, FeedbackStatus, Gender, OrderStatus
from desktop.exchange.export_cells import CellValue

R = TypeVar("R")

GENDER_LABELS: Final[Mapping[str, str]] = {
    Gender.UNKNOWN.value: "",
    Gender.FEMALE.value: "Female",
    Gender.MALE.value: "Male",
    Gender.OTHER.value: "Other",
}
ORDER_STATUS_LABELS: Final[Mapping[str, str]] = {
    OrderStatus.PENDING.value: "Pending",
    OrderStatus.PAID.value: "Paid",
    OrderStatus.SHIPPED.value: "Shipped",
    OrderStatus.COMPLETED.value: "Completed",
    OrderStatus.CANCELLED.value: "Cancelled",
    OrderStatus.REFUNDED.value: "Refunded",
}
FEEDBACK_KIND_LABELS: Final[Mapping[str, str]] = {
    FeedbackKind.REVIEW.value: "Review",
    FeedbackKind.COMPLAINT.value: "Complaint",
    FeedbackKind.INQUIRY.value: "Inquiry",
    FeedbackKind.SUGGESTION.value: "Suggestion",
}
FEEDBACK_STATUS_LABELS: Final[Mapping[str, str]] = {
    FeedbackStatus.OPEN.value: "Open",
    FeedbackStatus.IN_PROGRESS.value: "In progress",
    FeedbackStatus.RESOLVED.value: "Resolved",
}
CONSENT_PURPOSE_LABELS: Final[Mapping[str, str]] = {
    ConsentPurpose.MARKETING_SMS.value: "Marketing SMS",
    ConsentPurpose.MARKETING_EMAIL.value: "Marketing e-mail",
    ConsentPurpose.MARKETING_WECHAT.value: "Marketing WeChat messages",
    ConsentPurpose.DELIVERY_PARTNER.value: "Sharing with a delivery partner",
    ConsentPurpose.MEMBERSHIP.value: "Membership programme",
    ConsentPurpose.SENSITIVE_DATA.value: "Processing sensitive data (PIPL Art. 29)",
    ConsentPurpose.CROSS_BORDER.value: "Transfer abroad",
    ConsentPurpose.OTHER.value: "Other purpose",
}
CONSENT_CHANNEL_LABELS: Final[Mapping[str, str]] = {
    ConsentChannel.COUNTER.value: "Counter (paper form)",
    ConsentChannel.ONLINE.value: "Online",
    ConsentChannel.PHONE.value: "Phone",
    ConsentChannel.WECHAT_MINI_PROGRAM.value: "WeChat mini-program",
    ConsentChannel.IMPORT.value: "Import",
}
YES_NO_LABELS: Final[Mapping[str, str]] = {"yes": "Yes", "no": "No", "": ""}

CODE_COLUMN_LABELS: Final[Mapping[str, Mapping[str, str]]] = {
    "customer.gender": GENDER_LABELS,
    "order.status": ORDER_STATUS_LABELS,
    "feedback.kind": FEEDBACK_KIND_LABELS,
    "feedback.status": FEEDBACK_STATUS_LABELS,
    "feedback.overdue": YES_NO_LABELS,
}
"""Report columns (ExportColumn keys) whose cells are codes."""

SHEET_NAMES: Final = (
    "Cover", "Customers", "Orders", "Order items", "Feedback", "Profile", "Consents",
    "Access history",
)
FILTER_FIELDS: Final = ("tag", "level", "city")
"""Customer filters named on the cover ("city: 北京")."""


def code_labels(labels: Mapping[str, str], tr: Callable[[str], str]) -> dict[str, str]:
    """Each code's translated label, computed once per export (a cell costs a dict look-up)."""
    return {code: tr(label) if label else "" for code, label in labels.items()}


def labelled(get: Callable[[R], CellValue], labels: Mapping[str, str]
             ) -> Callable[[R], CellValue]:
    """``get`` with its code values replaced by ``labels`` (unknown values as they are)."""
    lookup = labels.get

    def label_of(record: R) -> CellValue:
        value = get(record)
        return lookup(value, value) if isinstance(value, str) else value

    return label_of


def export_source_texts() -> frozenset[str]:
    """Every English text an export may write that is not a literal ``tr("…")`` in the export
    modules (those the translation tool finds itself): column labels, sheet names, report
    titles, policies, code labels, filter words, role names and audit action labels (the
    same English words the UI shows, from ``desktop.core.audit_words``)."""
    from desktop.services.customer_views import CustomerSort
    from desktop.services.exports_columns import CATALOGUE, ITEM_LEAD, PSEUDONYM
    from desktop.services.exports_cover import (
        MASKED_POLICY,
        NO_FILTER,
        PSEUDONYM_NOTE,
        REPORT_TITLES,
        UNMASKED_POLICY,
    )

    columns = [PSEUDONYM, *ITEM_LEAD, *(c for kind in CATALOGUE.values() for c in kind)]
    texts = {c.column.label for c in columns}
    texts.update(REPORT_TITLES.values())
    texts.update((MASKED_POLICY, UNMASKED_POLICY, PSEUDONYM_NOTE, NO_FILTER))
    texts.update(SHEET_NAMES, FILTER_FIELDS, (sort.value for sort in CustomerSort))
    texts.update(ROLE_LABELS.values(), AUDIT_ACTION_LABELS.values(), (ACTOR_FORMAT,))
    for labels in (GENDER_LABELS, ORDER_STATUS_LABELS, FEEDBACK_KIND_LABELS,
                   FEEDBACK_STATUS_LABELS, CONSENT_PURPOSE_LABELS, CONSENT_CHANNEL_LABELS,
                   YES_NO_LABELS):
        texts.update(label for label in labels.values() if label)
    return frozenset(texts)
