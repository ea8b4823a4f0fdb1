"""The data-subject copy: everything the shop holds about one person (PIPL Art. 45, GDPR
Art. 15/20), unmasked — it is their own data — as a workbook (cover + one sheet per section)
and as machine-readable JSON. Owner only; audited on the customer (it shows in their history).
The workbook is written in the UI's language (sheet names, headers, codes as words); the JSON
keeps English keys and codes.

JSON (UTF-8, keys stable; times ISO-8601 UTC; money ``{"amount": "12.50", "currency": "CNY"}``):

``format``            "shopvault.subject-copy"; ``version``: 1
``generated_at``      when the copy was made; ``shop``: the shop's name; ``audit_seq``: the
                      audit entry of this copy
``customer``          the profile: ``id member_no name gender birthday resident_id phone email
                      wechat_id province city district address_detail level points balance
                      tags notes source created_at updated_at`` (``resident_id``: the whole
                      ID, or null)
``orders``            ``order_no channel status ordered_at ship_name ship_phone ship_address
                      notes total discount shipping payable paid items[sku product_name
                      quantity unit_price amount]``
``feedback``          ``kind status rating channel received_at resolved_at order_no content
                      resolution``
``consents``          ``purpose`` (a code: marketing_sms, delivery_partner, …, other)
                      ``purpose_text`` (the shop's words for "other") ``granted channel
                      evidence recorded_at recorded_by withdrawn_at`` (withdrawn ones
                      included; newest first)
``access_history``    who read, changed, revealed or exported their data: ``at actor action
                      action_label details`` (newest first; ``action`` is the audit code,
                      ``action_label`` its words in the copy's language; details name fields
                      and reasons, never values; the workbook writes them as words:
                      exports_subject_history)
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Final

from desktop.core.audit_words import action_words, actor_words
from desktop.core.consent_types import parse_purpose
from desktop.core.errors import ShopVaultError
from desktop.core.models import Customer
from desktop.exchange.export_cells import CellKind, Column, Sheet, yuan_text
from desktop.exchange.export_xlsx import XlsxReport
from desktop.services.customers import CustomerNotFoundError, CustomerService, customer_target
from desktop.services.export_api import ExportResult, ProgressCallback
from desktop.services.exports_columns import CUSTOMER_COLUMNS
from desktop.services.exports_cover import UNMASKED_POLICY, Translate
from desktop.services.exports_files import (
    check_target,
    final_file,
    private_folder,
    sha256_of,
    write_error,
)
from desktop.services.exports_rows import LocalTimes
from desktop.services.exports_sensitive import subject_resident_id
from desktop.services.exports_subject_history import HistoryDetails
from desktop.services.exports_texts import (
    CONSENT_CHANNEL_LABELS,
    CONSENT_PURPOSE_LABELS,
    FEEDBACK_KIND_LABELS,
    FEEDBACK_STATUS_LABELS,
    GENDER_LABELS,
    ORDER_STATUS_LABELS,
    YES_NO_LABELS,
    code_labels,
)
from desktop.services.order_views import Clock
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.consents import ConsentRecord, ConsentRepository
from desktop.store.customers import CustomerRepository
from desktop.store.export_queries import ExportOrder, ExportQueries
from desktop.store.feedback_queries import FeedbackListRow, FeedbackQuery
from desktop.store.order_queries import OrderQuery

FORMAT: Final = "shopvault.subject-copy"
VERSION: Final = 1
CURRENCY: Final = "CNY"
MAX_CONSENTS: Final = 10_000
_T, _N, _M, _DT = CellKind.TEXT, CellKind.INTEGER, CellKind.MONEY, CellKind.DATETIME
_PROFILE_FIELDS: Final = (
    "member_no", "name", "gender", "birthday", "resident_id", "phone", "email", "wechat_id",
    "province", "city", "district", "address_detail", "level", "points", "balance", "tags", "notes",
    "source", "created_at", "updated_at",
)


class SameFileError(ShopVaultError):
    message = "Choose two different files for the workbook and the JSON copy."


def money(cents: int) -> Mapping[str, str]:
    return {"amount": yuan_text(cents), "currency": CURRENCY}


def _profile(customer: Customer, resident_id: str) -> dict[str, Any]:
    return {
        "id": customer.id, "member_no": customer.member_no, "name": customer.name,
        "gender": customer.gender.value, "birthday": customer.birthday,
        "resident_id": resident_id or None,
        "phone": customer.phone, "email": customer.email, "wechat_id": customer.wechat_id,
        "province": customer.province, "city": customer.city, "district": customer.district,
        "address_detail": customer.address_detail, "level": customer.level,
        "points": customer.points, "balance": money(customer.balance_cents),
        "tags": list(customer.tags), "notes": customer.notes, "source": customer.source,
        "created_at": customer.created_at, "updated_at": customer.updated_at,
    }


def _order(entry: ExportOrder) -> dict[str, Any]:
    o = entry.order
    return {
        "order_no": o.order_no, "channel": o.channel, "status": o.status.value,
        "ordered_at": o.ordered_at, "ship_name": o.ship_name, "ship_phone": o.ship_phone,
        "ship_address": o.ship_address, "notes": o.notes, "total": money(o.total_cents),
        "discount": money(o.discount_cents), "shipping": money(o.shipping_cents),
        "payable": money(o.total_cents - o.discount_cents + o.shipping_cents),
        "paid": money(o.paid_cents),
        "items": [
            {"sku": i.sku, "product_name": i.product_name, "quantity": i.quantity,
             "unit_price": money(i.unit_price_cents), "amount": money(i.amount_cents)}
            for i in o.items
        ],
    }


def _feedback(f: FeedbackListRow) -> dict[str, Any]:
    return {
        "kind": f.kind.value, "status": f.status.value, "rating": f.rating,
        "channel": f.channel, "received_at": f.received_at, "resolved_at": f.resolved_at,
        "order_no": f.order_no, "content": f.content, "resolution": f.resolution,
    }


def _consent(record: ConsentRecord) -> dict[str, Any]:
    c = record.consent
    purpose, words = parse_purpose(c.purpose)
    return {
        "purpose": purpose.value, "purpose_text": words, "granted": c.granted, "channel": c.channel,
        "evidence": c.evidence, "recorded_at": c.recorded_at, "recorded_by": record.recorded_by,
        "withdrawn_at": c.withdrawn_at,
    }


class SubjectCopyWriter:
    def __init__(self, workspace: Workspace, session: Session, tz: tzinfo | None,
                 clock: Clock, tr: Translate) -> None:
        self._workspace = workspace
        self._session = session
        self._tz = tz
        self._clock = clock
        self._tr = tr

    def write(self, customer_id: int, out_xlsx: Path, out_json: Path,
              progress: ProgressCallback | None) -> ExportResult:
        if out_xlsx.resolve() == out_json.resolve():
            raise SameFileError()
        check_target(out_xlsx)
        check_target(out_json)
        reader = self._workspace.shop.db.reader()
        customer = CustomerRepository(reader).get(customer_id)
        if customer is None:
            raise CustomerNotFoundError()
        resident_id = subject_resident_id(self._workspace, self._session, reader, customer_id)
        history = CustomerService(self._workspace).history(self._session, customer_id)
        queries = ExportQueries(reader)
        orders = [o for batch in queries.order_batches(OrderQuery(customer_id=customer_id), 500)
                  for o in batch]
        feedback = [f for batch in queries.feedback_batches(
            FeedbackQuery(customer_id=customer_id), "", 500) for f in batch]
        consents = ConsentRepository(reader).list_for_customer(customer_id, MAX_CONSENTS)
        trail = self._workspace.trail
        target = customer_target(customer_id)
        started = trail.record(self._session.actor, "export.subject_copy", target,
                               {"orders": len(orders), "feedback": len(feedback),
                                "consents": len(consents)})
        now = self._clock()
        document = {
            "format": FORMAT, "version": VERSION, "generated_at": now.isoformat(),
            "shop": self._workspace.shop_name, "audit_seq": started.seq,
            "customer": _profile(customer, resident_id), "orders": [_order(o) for o in orders],
            "feedback": [_feedback(f) for f in feedback],
            "consents": [_consent(c) for c in consents],
            "access_history": [
                {"at": h.at, "actor": h.actor, "action": h.action,
                 "action_label": action_words(h.action, self._tr), "details": h.details}
                for h in history
            ],
        }
        if progress is not None:
            progress(0, 2)
        try:
            sheets = self._workbook(out_xlsx, document, now)
            if progress is not None:
                progress(1, 2)
            with final_file(out_json) as handle:
                handle.write(json.dumps(document, ensure_ascii=False, indent=2).encode())
            digest = sha256_of(out_xlsx)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                out_xlsx.unlink(missing_ok=True)
            trail.record(self._session.actor, "export.failed", target,
                         {"export_seq": started.seq})
            if isinstance(exc, OSError):
                raise write_error(exc, out_xlsx) from None
            raise
        if progress is not None:
            progress(2, 2)
        trail.record(self._session.actor, "export.finished", target,
                     {"export_seq": started.seq, "sha256": digest,
                      "json_sha256": sha256_of(out_json)})
        return ExportResult(out_xlsx, sum(n for _, n in sheets), started.seq, False, None,
                            tuple(sheets), digest)

    def _workbook(self, out: Path, doc: dict[str, Any], now: datetime) -> list[tuple[str, int]]:
        local, tr = LocalTimes(self._tz), self._tr
        with private_folder(self._workspace.shop.paths.home) as scratch, \
                final_file(out) as handle:
            report = XlsxReport(handle, scratch, tr("Cover"))
            try:
                counts = []
                for name, columns, rows in _sections(doc, local, tr):
                    writer = report.sheet(Sheet(name, columns))
                    for row in rows:
                        writer.write(row)
                    counts.append((writer.name, report.rows[writer.name]))
                lines = [
                    (tr("Shop"), str(doc["shop"])),
                    (tr("Report"), tr("Copy of the personal data held about one customer")),
                    (tr("Exported by"), actor_words(self._session.actor, tr)),
                    (tr("Exported at"), f"{now.astimezone(self._tz):%Y-%m-%d %H:%M:%S %z} · "
                                        f"{now:%Y-%m-%d %H:%M:%S} UTC"),
                    (tr("Purpose"),
                     tr("Data-subject access request (PIPL Art. 45, GDPR Art. 15/20)")),
                    *[(tr("Rows: {sheet}").format(sheet=name), f"{count:,}")
                      for name, count in counts],
                    (tr("Masking"), tr(UNMASKED_POLICY)),
                    (tr("Audit entry"), f"#{doc['audit_seq']}"),
                ]
                report.finish(tr("Personal data copy"), lines)
            except BaseException:
                report.abandon()
                raise
        return counts


Section = tuple[str, tuple[Column, ...], list[list[Any]]]


def _columns(width: float, *specs: tuple[str, CellKind]) -> tuple[Column, ...]:
    return tuple(Column(label, kind, width) for label, kind in specs)


def _sections(doc: dict[str, Any], local: LocalTimes, tr: Translate) -> Iterator[Section]:
    """The workbook's sheets: the JSON's sections, codes written as translated words."""
    def cents(value: Mapping[str, str]) -> int:
        return round(float(value["amount"]) * 100)

    def words(labels: Mapping[str, str]) -> Callable[[str], str]:
        translated = code_labels(labels, tr)
        return lambda code: translated.get(code, code)

    gender, order_status = words(GENDER_LABELS), words(ORDER_STATUS_LABELS)
    kind, status = words(FEEDBACK_KIND_LABELS), words(FEEDBACK_STATUS_LABELS)
    purpose, channel = words(CONSENT_PURPOSE_LABELS), words(CONSENT_CHANNEL_LABELS)
    yes_no = words(YES_NO_LABELS)
    field_labels = {c.key.removeprefix("customer."): c.column.label for c in CUSTOMER_COLUMNS}

    profile = doc["customer"]
    rows: list[list[Any]] = []
    for field in _PROFILE_FIELDS:
        value = profile[field]
        if isinstance(value, dict):
            value = value["amount"]
        elif isinstance(value, list):
            value = "、".join(value)
        elif field == "gender":
            value = gender(value)
        rows.append([tr(field_labels[field]), "" if value is None else str(value)])
    yield tr("Profile"), _columns(16, (tr("Field"), _T), (tr("Value"), _T)), rows
    order_cols = _columns(16, (tr("Order no."), _T), (tr("Ordered"), _DT), (tr("Channel"), _T),
                          (tr("Status"), _T), (tr("Recipient"), _T), (tr("Recipient phone"), _T),
                          (tr("Shipping address"), _T), (tr("Notes"), _T), (tr("Payable"), _M),
                          (tr("Amount paid"), _M))
    yield tr("Orders"), order_cols, [
        [o["order_no"], local(o["ordered_at"]), o["channel"], order_status(o["status"]),
         o["ship_name"], o["ship_phone"], o["ship_address"], o["notes"], cents(o["payable"]),
         cents(o["paid"])] for o in doc["orders"]]
    item_cols = _columns(16, (tr("Order no."), _T), (tr("SKU"), _T), (tr("Product"), _T),
                         (tr("Quantity"), _N), (tr("Unit price"), _M), (tr("Amount"), _M))
    yield tr("Order items"), item_cols, [
        [o["order_no"], i["sku"], i["product_name"], i["quantity"], cents(i["unit_price"]),
         cents(i["amount"])] for o in doc["orders"] for i in o["items"]]
    feedback_cols = _columns(16, (tr("Received"), _DT), (tr("Kind"), _T), (tr("Status"), _T),
                             (tr("Rating"), _N), (tr("Channel"), _T), (tr("Order no."), _T),
                             (tr("What the customer said"), _T), (tr("Resolution"), _T))
    yield tr("Feedback"), feedback_cols, [
        [local(f["received_at"]), kind(f["kind"]), status(f["status"]), f["rating"],
         f["channel"], f["order_no"] or "", f["content"], f["resolution"]]
        for f in doc["feedback"]]
    consent_cols = _columns(16, (tr("Purpose"), _T), (tr("Granted"), _T), (tr("Channel"), _T),
                            (tr("Evidence"), _T), (tr("Recorded"), _DT), (tr("Recorded by"), _T),
                            (tr("Withdrawn"), _DT))
    yield tr("Consents"), consent_cols, [
        [" ".join(filter(None, (purpose(c["purpose"]), c["purpose_text"]))),
         yes_no("yes" if c["granted"] else "no"), channel(c["channel"]), c["evidence"],
         local(c["recorded_at"]), c["recorded_by"], local(c["withdrawn_at"])]
        for c in doc["consents"]]
    history_cols = (Column(tr("When"), _DT, 18), Column(tr("Who"), _T, 24),
                    Column(tr("Action"), _T, 26), Column(tr("Details"), _T, 60))
    details = HistoryDetails(tr)
    yield tr("Access history"), history_cols, [
        [local(h["at"]), actor_words(h["actor"], tr), h["action_label"],
         details.text(h["action"], h["details"])] for h in doc["access_history"]]
