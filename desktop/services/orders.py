"""Orders: list, detail, add and edit — permission-checked, masked per role, audited.

Permissions: reading needs ``VIEW_CUSTOMERS``; adding ``ADD_RECORDS`` (staff too); editing
``EDIT_RECORDS`` (owner, manager). Ship name, phone, address and notes are masked for any
role without ``VIEW_UNMASKED``. A masked value submitted back unchanged keeps what is stored,
so editing an order's status never overwrites its address with ``北京市朝阳区****``.

Audit: ``order.added`` / ``order.updated`` with target ``customer:{id}`` (so it shows in the
customer's history) or ``order:{id}`` without a customer; details hold ids, channel, status
and the names of changed fields — never personal values.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import tzinfo
from typing import Final

from desktop.core.errors import FieldErrors, InvalidInputError
from desktop.core.masking_fields import masked_value
from desktop.core.models import Order, OrderItem, OrderStatus
from desktop.core.phone_display import display_field
from desktop.core.roles import Permission
from desktop.core.validation import clean_text, normalise_phone, parse_amount_cents
from desktop.services.order_views import (
    Clock,
    CustomerRef,
    LocalTime,
    OrderCursor,
    OrderDetail,
    OrderDraft,
    OrderFilter,
    OrderItemDraft,
    OrderItemView,
    OrderPage,
    OrderRow,
    utc_clock,
)
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.order_queries import (
    DuplicateOrderNoError,
    OrderKey,
    OrderListRow,
    OrderQueries,
    OrderQuery,
)

PAGE_SIZE: Final = 200
MAX_PAGE: Final = 1_000
LOOKUP_LIMIT: Final = 20

ORDER_NO_REQUIRED = "Enter the order number."
ORDER_NO_TAKEN = "This channel already has an order with this number."
ORDER_NO_INVALID = "The order number cannot contain line breaks or control characters."
TEXT_TOO_LONG = "This text is too long; shorten it."
STATUS_INVALID = "Choose a status from the list."
CUSTOMER_MISSING = "This customer no longer exists; choose another."
ITEMS_REQUIRED = "Add at least one item."
PRODUCT_REQUIRED = "Enter the product name."
QUANTITY_INVALID = "Enter a whole number of 1 or more."
AMOUNT_NEGATIVE = "The amount cannot be negative."
DISCOUNT_TOO_LARGE = "The discount cannot be more than the goods total."
ORDER_MISSING = "This order no longer exists."

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_QUANTITY = 1_000_000
_UNPAID = frozenset({OrderStatus.PENDING, OrderStatus.CANCELLED})


# ----------------------------------------------------------------- shared with feedback


def sees_unmasked(session: Session) -> bool:
    return session.allows(Permission.VIEW_UNMASKED)


def shown(session: Session, field: str, value: str | None) -> str:
    """``value`` as the session's role may see it."""
    if sees_unmasked(session):
        return display_field(field, value)
    return masked_value(field, value)


def kept_or_typed(session: Session, field: str, typed: str, stored: str | None) -> str:
    """What to store for a personal field of an edit form: the stored value when the form
    sent back exactly what it was shown (its masked form), else what was typed."""
    if stored is not None and not sees_unmasked(session) and typed == shown(
        session, field, stored
    ):
        return stored
    return typed


def free_text(raw: str) -> str:
    """Notes and what customers said: trimmed, invisible characters dropped, otherwise as
    written (``clean_text``'s NFKC would turn the full-width ，：（） of Chinese text into
    ASCII, and then a masked note sent back unchanged would no longer match)."""
    return unicodedata.normalize("NFC", raw).translate(_INVISIBLE).replace("\r\n", "\n").strip()


def checked_text(
    errors: dict[str, str], field: str, raw: str, limit: int, *, free: bool = False
) -> str:
    text = free_text(raw) if free else clean_text(raw)
    if len(text) > limit:
        errors[field] = TEXT_TOO_LONG
    return text


def customer_ref(
    session: Session, customer_id: int, name: str, phone: str | None = None,
    member_no: str | None = None,
) -> CustomerRef:
    return CustomerRef(
        id=customer_id,
        name=shown(session, "name", name),
        phone=shown(session, "phone", phone),
        member_no=shown(session, "member_no", member_no),
    )


def lookup_customers(workspace: Workspace, session: Session, text: str) -> list[CustomerRef]:
    """Customers matching a member number, a full phone number (any spelling), its last four
    digits or an e-mail address exactly — masked, so staff can pick the customer they were
    told about without seeing the number."""
    session.require(Permission.VIEW_CUSTOMERS)
    query = clean_text(text)
    if not query:
        return []
    repo = workspace.shop.db.customers
    found = []
    member = repo.find_by_member_no(query)
    if member is not None:
        found.append(member)
    digits = re.sub(r"[\s\-()]", "", query)
    if len(digits) == 4 and digits.isdigit():
        found += repo.find_by_phone_last4(digits, LOOKUP_LIMIT)
    else:
        with contextlib.suppress(InvalidInputError):
            found += repo.find_by_phone(normalise_phone(query))
    if "@" in query:
        found += repo.find_by_email(query)
    seen: set[int] = set()
    refs = []
    for customer in found:
        if customer.id is not None and customer.id not in seen:
            seen.add(customer.id)
            refs.append(customer_ref(session, customer.id, customer.name, customer.phone,
                                     customer.member_no))
    return refs[:LOOKUP_LIMIT]


def audit_targets(*customer_ids: int | None, fallback: str) -> list[str]:
    """``customer:{id}`` for each distinct customer involved, else ``fallback``."""
    targets = [f"customer:{cid}" for cid in dict.fromkeys(customer_ids) if cid is not None]
    return targets or [fallback]


# ----------------------------------------------------------------------------- orders


def _money(errors: dict[str, str], field: str, raw: str, *, empty: int | None = 0) -> int:
    text = clean_text(raw)
    if not text and empty is not None:
        return empty
    try:
        cents = parse_amount_cents(text, field=field)
    except InvalidInputError as exc:
        errors[field] = str(exc.params["problem"])
        return 0
    if cents < 0:
        errors[field] = AMOUNT_NEGATIVE
    return cents


def _item_is_blank(item: OrderItemDraft) -> bool:
    parts = (item.product_name, item.unit_price, item.sku)
    return not any(clean_text(p) for p in parts) and clean_text(item.quantity) in ("", "1")


def _items(errors: dict[str, str], drafts: Sequence[OrderItemDraft]) -> tuple[OrderItem, ...]:
    items: list[OrderItem] = []
    for row, draft in enumerate(drafts):
        if _item_is_blank(draft):
            continue
        prefix = f"item.{row}."
        name = checked_text(errors, prefix + "product_name", draft.product_name, 200)
        if not name:
            errors[prefix + "product_name"] = PRODUCT_REQUIRED
        sku = checked_text(errors, prefix + "sku", draft.sku, 64)
        quantity_text = clean_text(draft.quantity)
        quantity = int(quantity_text) if quantity_text.isascii() and quantity_text.isdigit() else 0
        if not 0 < quantity <= _MAX_QUANTITY:
            errors[prefix + "quantity"] = QUANTITY_INVALID
        price = _money(errors, prefix + "unit_price", draft.unit_price, empty=None)
        items.append(OrderItem(name, max(quantity, 1), price, sku=sku))
    if not items and "items" not in errors:
        errors["items"] = ITEMS_REQUIRED
    return tuple(items)


def _changed_fields(old: Order, new: Order) -> list[str]:
    names = ("order_no", "channel", "customer_id", "status", "ordered_at", "discount_cents",
             "shipping_cents", "paid_cents", "ship_name", "ship_phone", "ship_address", "notes")
    changed = [name for name in names if getattr(old, name) != getattr(new, name)]
    old_items = [(i.sku, i.product_name, i.quantity, i.unit_price_cents) for i in old.items]
    new_items = [(i.sku, i.product_name, i.quantity, i.unit_price_cents) for i in new.items]
    return [*changed, "items"] if old_items != new_items else changed


class OrderService:
    def __init__(
        self, workspace: Workspace, *, tz: tzinfo | None = None, clock: Clock = utc_clock
    ) -> None:
        self._workspace = workspace
        self._time = LocalTime(tz, clock)

    @property
    def _queries(self) -> OrderQueries:
        return OrderQueries(self._workspace.shop.db.conn)

    # ---------------------------------------------------------------- reading

    def page(
        self, session: Session, flt: OrderFilter, after: OrderCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> OrderPage:
        """Orders matching ``flt``, newest first, starting after ``after`` (keyset)."""
        session.require(Permission.VIEW_CUSTOMERS)
        limit = max(1, min(limit, MAX_PAGE))
        key = None if after is None else OrderKey(after.ordered_at, after.id)
        found = self._queries.page(self._query(flt), key, limit + 1)
        rows = [self._row(session, row) for row in found[:limit]]
        last = found[limit - 1] if len(found) > limit else None
        return OrderPage(rows, None if last is None else OrderCursor(last.ordered_at, last.id))

    def rows(self, session: Session, ids: Sequence[int]) -> list[OrderRow]:
        session.require(Permission.VIEW_CUSTOMERS)
        return [self._row(session, row) for row in self._queries.rows(list(ids)[:MAX_PAGE])]

    def count(self, session: Session, flt: OrderFilter) -> int:
        session.require(Permission.VIEW_CUSTOMERS)
        return self._queries.count(self._query(flt))

    def channels(self, session: Session) -> list[str]:
        session.require(Permission.VIEW_CUSTOMERS)
        return self._queries.channels()

    def statuses(self) -> list[str]:
        return [status.value for status in OrderStatus]

    def detail(self, session: Session, order_id: int) -> OrderDetail:
        session.require(Permission.VIEW_CUSTOMERS)
        order = self._get(order_id)
        customer = None
        if order.customer_id is not None:
            name = self._queries.customer_name(order.customer_id)
            if name is not None:
                customer = customer_ref(session, order.customer_id, name)
        masked = frozenset() if sees_unmasked(session) else frozenset(
            f for f in ("ship_name", "ship_phone", "ship_address", "notes", "customer")
            if (f == "customer" and customer) or (f != "customer" and getattr(order, f))
        )
        return OrderDetail(
            id=order_id, order_no=order.order_no, channel=order.channel,
            status=order.status.value, ordered_at=order.ordered_at, customer=customer,
            ship_name=shown(session, "ship_name", order.ship_name),
            ship_phone=shown(session, "ship_phone", order.ship_phone),
            ship_address=shown(session, "ship_address", order.ship_address),
            notes=shown(session, "notes", order.notes),
            items=tuple(
                OrderItemView(i.sku, i.product_name, i.quantity, i.unit_price_cents,
                              i.amount_cents, i.summary)
                for i in order.items
            ),
            total_cents=order.total_cents, discount_cents=order.discount_cents,
            shipping_cents=order.shipping_cents,
            payable_cents=order.total_cents - order.discount_cents + order.shipping_cents,
            paid_cents=order.paid_cents, masked=masked,
            can_edit=session.allows(Permission.EDIT_RECORDS),
        )

    def draft_for_edit(self, session: Session, order_id: int) -> OrderDraft:
        """The edit form's starting values (personal fields masked per role)."""
        session.require(Permission.EDIT_RECORDS)
        detail = self.detail(session, order_id)
        return OrderDraft(
            order_no=detail.order_no, channel=detail.channel, status=detail.status,
            ordered_at=self._time.text(detail.ordered_at),
            customer_id=None if detail.customer is None else detail.customer.id,
            ship_name=detail.ship_name, ship_phone=detail.ship_phone,
            ship_address=detail.ship_address, notes=detail.notes,
            discount=_yuan(detail.discount_cents), shipping=_yuan(detail.shipping_cents),
            paid=_yuan(detail.paid_cents),
            items=tuple(
                OrderItemDraft(i.product_name, str(i.quantity), _yuan(i.unit_price_cents), i.sku)
                for i in detail.items
            ),
        )

    def lookup_customers(self, session: Session, text: str) -> list[CustomerRef]:
        return lookup_customers(self._workspace, session, text)

    def customer_ref(self, session: Session, customer_id: int) -> CustomerRef:
        session.require(Permission.VIEW_CUSTOMERS)
        customer = self._workspace.shop.db.customers.get(customer_id)
        if customer is None:
            raise InvalidInputError(field="customer", problem=CUSTOMER_MISSING)
        return customer_ref(session, customer_id, customer.name, customer.phone,
                            customer.member_no)

    # ---------------------------------------------------------------- writing

    def add(self, session: Session, draft: OrderDraft) -> int:
        """Validate, store with its items, audit. FieldErrors names every bad field."""
        session.require(Permission.ADD_RECORDS)
        order = self._validated(session, draft, None)
        db = self._workspace.shop.db
        with db.transaction():
            order_id = self._store(lambda: self._queries.add(order))
            for target in audit_targets(order.customer_id, fallback=f"order:{order_id}"):
                self._workspace.trail.append(
                    session.actor, "order.added", target,
                    {"order_id": order_id, "channel": order.channel,
                     "status": order.status.value, "items": len(order.items)},
                )
        self._workspace.trail.anchor()
        return order_id

    def update(self, session: Session, order_id: int, draft: OrderDraft) -> None:
        """Replace the order and all its items; audited with the names of changed fields."""
        session.require(Permission.EDIT_RECORDS)
        old = self._get(order_id)
        order = replace(self._validated(session, draft, old), id=order_id)
        changed = _changed_fields(old, order)
        if not changed:
            return
        db = self._workspace.shop.db
        with db.transaction():
            self._store(lambda: self._queries.update(order))
            targets = audit_targets(old.customer_id, order.customer_id,
                                    fallback=f"order:{order_id}")
            for target in targets:
                self._workspace.trail.append(
                    session.actor, "order.updated", target,
                    {"order_id": order_id, "fields": ",".join(changed),
                     "status": order.status.value},
                )
        self._workspace.trail.anchor()

    # ---------------------------------------------------------------- internals

    def _query(self, flt: OrderFilter) -> OrderQuery:
        start, before = self._time.range(flt.date_from, flt.date_to)
        try:
            status = None if not flt.status else OrderStatus(flt.status)
        except ValueError:
            raise FieldErrors({"status": STATUS_INVALID}) from None
        return OrderQuery(start, before, status, flt.channel or None, flt.customer_id)

    def _row(self, session: Session, row: OrderListRow) -> OrderRow:
        return OrderRow(
            id=row.id, order_no=row.order_no, channel=row.channel, status=row.status.value,
            ordered_at=row.ordered_at, customer_id=row.customer_id,
            customer_name=shown(session, "name", row.customer_name),
            ship_name=shown(session, "ship_name", row.ship_name),
            ship_phone=shown(session, "ship_phone", row.ship_phone),
            item_count=row.item_count, total_cents=row.total_cents,
            payable_cents=row.total_cents - row.discount_cents + row.shipping_cents,
            paid_cents=row.paid_cents,
        )

    def _get(self, order_id: int) -> Order:
        order = self._queries.get(order_id)
        if order is None:
            raise InvalidInputError(field="order", problem=ORDER_MISSING)
        return order

    @staticmethod
    def _store(write: Callable[[], int | None]) -> int:
        try:
            return write() or 0
        except DuplicateOrderNoError:
            raise FieldErrors({"order_no": ORDER_NO_TAKEN}) from None

    def _validated(self, session: Session, draft: OrderDraft, old: Order | None) -> Order:
        errors: dict[str, str] = {}
        order_no = checked_text(errors, "order_no", draft.order_no, 64)
        if not order_no:
            errors["order_no"] = ORDER_NO_REQUIRED
        elif _CONTROL.search(order_no):
            errors["order_no"] = ORDER_NO_INVALID
        channel = checked_text(errors, "channel", draft.channel, 40)
        try:
            status = OrderStatus(clean_text(draft.status))
        except ValueError:
            errors["status"], status = STATUS_INVALID, OrderStatus.PENDING
        ordered_at = ""
        try:
            ordered_at = self._time.parse(draft.ordered_at, "ordered_at",
                                          old.ordered_at if old else None)
        except InvalidInputError as exc:
            errors["ordered_at"] = str(exc.params["problem"])
        if draft.customer_id is not None and not self._queries.customer_exists(draft.customer_id):
            errors["customer"] = CUSTOMER_MISSING

        def personal(field: str, limit: int) -> str:
            typed = checked_text(errors, field, getattr(draft, field), limit,
                                 free=field == "notes")
            return kept_or_typed(session, field, typed, getattr(old, field) if old else None)

        ship_name = personal("ship_name", 100)
        ship_phone = personal("ship_phone", 40)
        if ship_phone and (old is None or ship_phone != old.ship_phone):
            try:
                ship_phone = normalise_phone(ship_phone, field="ship_phone")
            except InvalidInputError as exc:
                errors["ship_phone"] = str(exc.params["problem"])
        ship_address = personal("ship_address", 300)
        notes = personal("notes", 2000)
        items = _items(errors, draft.items)
        total = sum(item.amount_cents for item in items)
        discount = _money(errors, "discount", draft.discount)
        shipping = _money(errors, "shipping", draft.shipping)
        if "discount" not in errors and discount > total and items:
            errors["discount"] = DISCOUNT_TOO_LARGE
        payable = 0 if status in _UNPAID else total - discount + shipping
        paid = _money(errors, "paid", draft.paid, empty=payable)
        if errors:
            raise FieldErrors(errors)
        return Order(
            id=None, order_no=order_no, channel=channel, customer_id=draft.customer_id,
            status=status, ordered_at=ordered_at, total_cents=total, discount_cents=discount,
            shipping_cents=shipping, paid_cents=paid, ship_name=ship_name,
            ship_phone=ship_phone, ship_address=ship_address, notes=notes, items=items,
        )


def _yuan(cents: int) -> str:
    """Cents as a form shows them: 123450 → "1234.50" (no grouping, so it parses back)."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
