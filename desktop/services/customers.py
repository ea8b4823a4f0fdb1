"""The customer use cases behind the Customers screen (contract: customer_api.py).

Every call checks the session's permission first. Values leave this module masked for the
role (DESIGN §4): the owner (VIEW_UNMASKED) sees them clear; a manager or staff member sees the
masked form of every personal field, in rows and profiles alike (notes and tags through the
free-text masker); the auditor may not read customers at all. Searching still finds a customer
by the full phone number a staff member is told, while it is shown masked — and, for a role
that may neither see nor reveal personal fields (staff), by the whole e-mail, WeChat ID or
phone-like member number only, never by a part of one (``searches_exactly``).

Reads go through the calling thread's own connection (``ShopDatabase.reader``); writes go
through the shop's writer connection with their audit entry in the same transaction.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from desktop.core.errors import FieldErrors, InvalidInputError, ShopVaultError
from desktop.core.masking import mask_free_text
from desktop.core.masking_fields import keep_region, masked_value
from desktop.core.models import Customer
from desktop.core.phone_display import display_field, display_phone
from desktop.core.roles import Permission
from desktop.core.validation import DATE_INVALID, clean_text, parse_date
from desktop.services.customer_forms import (
    MEMBER_NO_TAKEN,
    changed_fields,
    unmasked,
    validated,
)
from desktop.services.customer_sensitive import (
    ResidentIdEdit,
    form_problem,
    may_remove,
    search_lookup,
    shown_resident_id,
    stored_masked,
    write_resident_id,
)
from desktop.services.customer_views import (
    REVEALABLE_FIELDS,
    CustomerDraft,
    CustomerFilter,
    CustomerProfile,
    CustomerRow,
    CustomerSort,
    FilterChoices,
    HistoryEntry,
    IdPage,
)
from desktop.services.field_keys import RESIDENT_ID
from desktop.services.session import Session
from desktop.services.workspace import Workspace
from desktop.store.audit import AuditRepository
from desktop.store.connection import IntegrityError
from desktop.store.customer_search import CustomerSearch, ListRow, SearchFilter, SortKey
from desktop.store.customers import CustomerRepository
from desktop.store.database import ShopDatabase
from desktop.store.search_keys import is_han

REASON_REQUIRED: Final = "Give the reason for revealing this field."
NOT_REVEALABLE: Final = "This field cannot be revealed."
MAX_REASON: Final = 200
HISTORY_LIMIT: Final = 200


class CustomerNotFoundError(ShopVaultError):
    message = "This customer no longer exists; it may have been deleted."


def customer_target(customer_id: int) -> str:
    """How a customer is named in the audit log (its history is the entries with it)."""
    return f"customer:{customer_id}"


class CustomerService:
    """Implements :class:`desktop.services.customer_api.CustomerServiceApi`."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    # ------------------------------------------------------------------ list

    def ids(
        self, session: Session, flt: CustomerFilter, sort: CustomerSort, limit: int
    ) -> IdPage:
        session.require(Permission.VIEW_CUSTOMERS)
        page = self._search().page(self._filter(flt, session), SortKey(sort.value), limit)
        return IdPage(page.ids, complete=not page.more)

    def iter_ids(
        self, session: Session, flt: CustomerFilter, sort: CustomerSort, chunk: int = 50_000,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[list[int]]:
        """Checks the permission and the filter now; reads when iterated, through the scan
        reader of the thread that iterates (a background task)."""
        session.require(Permission.VIEW_CUSTOMERS)
        return self._iter_ids(self._filter(flt, session), SortKey(sort.value), chunk, cancelled)

    def _iter_ids(self, flt: SearchFilter, sort: SortKey, chunk: int,
                  cancelled: Callable[[], bool] | None) -> Iterator[list[int]]:
        with self._db().scanning() as reader:
            yield from CustomerSearch(reader).iter_ids(flt, sort, chunk, cancelled)

    def count(self, session: Session, flt: CustomerFilter) -> int:
        session.require(Permission.VIEW_CUSTOMERS)
        return self._search().count(self._filter(flt, session))

    def rows(self, session: Session, ids: Sequence[int]) -> list[CustomerRow]:
        session.require(Permission.VIEW_CUSTOMERS)
        masked = _masked(session)
        return [_row(row, masked) for row in self._search().rows_by_ids(ids)]

    def filter_choices(self, session: Session) -> FilterChoices:
        """Tags, levels and cities in use. A masked role is not offered a tag or level that
        would show personal data (a tag holding a phone number, say)."""
        session.require(Permission.VIEW_CUSTOMERS)
        search = self._search()
        tags, levels = search.distinct_values("tag"), search.distinct_values("level")
        if _masked(session):
            tags = [tag for tag in tags if _mask_vocabulary(tag) == tag]
            levels = [level for level in levels if _mask_vocabulary(level) == level]
        return FilterChoices(tags, levels, search.distinct_values("city"))

    # ------------------------------------------------------------------ one customer

    def profile(self, session: Session, customer_id: int) -> CustomerProfile:
        session.require(Permission.VIEW_CUSTOMERS)
        customer = self._read(customer_id)
        masked = _masked(session)
        shown = _profile_text(customer, masked)
        resident, resident_masked = shown_resident_id(
            self._workspace, session, self._db().reader(), customer_id
        )
        hidden = frozenset(
            field for field in REVEALABLE_FIELDS
            if masked and (customer.address_detail if field == "address"
                           else _clear_value(customer, field))
        )
        return CustomerProfile(
            id=customer_id, member_no=shown["member_no"], name=shown["name"],
            gender=customer.gender.value, birthday=shown["birthday"], phone=shown["phone"],
            email=shown["email"], wechat_id=shown["wechat_id"], province=shown["province"],
            city=shown["city"], district=shown["district"],
            address_detail=shown["address_detail"],
            level=_mask_vocabulary(customer.level) if masked else customer.level,
            points=customer.points, balance_cents=customer.balance_cents,
            tags=tuple(_mask_vocabulary(tag) for tag in customer.tags) if masked
            else customer.tags,
            notes=shown["notes"], source=shown["source"], created_at=customer.created_at,
            updated_at=customer.updated_at, masked=hidden,
            resident_id=resident, resident_id_masked=resident_masked,
            can_reveal=session.allows(Permission.REVEAL_FIELD),
            can_edit=session.allows(Permission.EDIT_RECORDS),
            can_delete=session.allows(Permission.DELETE_RECORDS),
        )

    def history(self, session: Session, customer_id: int) -> list[HistoryEntry]:
        """The audit entries about this customer, newest first (details name fields and
        reasons, never values)."""
        session.require(Permission.VIEW_CUSTOMERS)
        audit = AuditRepository(self._db().reader())
        return [
            HistoryEntry(record.at, record.actor, record.action, _details(record.details))
            for record in audit.for_target(customer_target(customer_id), HISTORY_LIMIT)
        ]

    def reveal(self, session: Session, customer_id: int, field: str, reason: str) -> str:
        session.require(Permission.REVEAL_FIELD)
        if field not in REVEALABLE_FIELDS:
            raise InvalidInputError(field="field", problem=NOT_REVEALABLE)
        stated = clean_text(reason)
        if not stated:
            raise InvalidInputError(field="reason", problem=REASON_REQUIRED)
        db = self._db()
        with db.transaction():
            customer = db.customers.get(customer_id)
            if customer is None:
                raise CustomerNotFoundError()
            # The reason is free text: whatever personal data it holds is masked in the log.
            self._workspace.trail.append(
                session.actor, "customer.revealed", customer_target(customer_id),
                {"field": field, "reason": mask_free_text(stated)[:MAX_REASON]},
            )
        self._workspace.trail.anchor()
        return display_field(field, _clear_value(customer, field))

    # ------------------------------------------------------------------ changes

    def add(self, session: Session, draft: CustomerDraft) -> int:
        session.require(Permission.ADD_RECORDS)
        db = self._db()
        with db.transaction():
            customer, resident = self._checked(db, draft, None, True)
            try:
                new_id = db.customers.add(customer)
            except IntegrityError:
                raise FieldErrors({"member_no": MEMBER_NO_TAKEN}) from None
            filled = changed_fields(Customer(id=None, name=""), customer)
            if self._write_resident_id(db, new_id, resident):
                filled.append(RESIDENT_ID)
            self._workspace.trail.append(
                session.actor, "customer.added", customer_target(new_id),
                {"fields": ",".join(filled)},
            )
        self._workspace.trail.anchor()
        return new_id

    def update(self, session: Session, customer_id: int, draft: CustomerDraft) -> None:
        """Save an edit form. For a masked role, fields still showing their masked value are
        kept as stored (see customer_forms.unmasked)."""
        session.require(Permission.EDIT_RECORDS)
        db = self._db()
        with db.transaction():
            current = db.customers.get(customer_id)
            if current is None:
                raise CustomerNotFoundError()
            if _masked(session):
                draft = unmasked(draft, current)
            checked, resident = self._checked(db, draft, customer_id, may_remove(session))
            customer = dataclasses.replace(
                checked, id=customer_id,
                created_at=current.created_at, updated_at=current.updated_at,
            )
            changed = changed_fields(current, customer)
            if self._write_resident_id(db, customer_id, resident):
                changed.append(RESIDENT_ID)
            if not changed:
                return
            try:
                db.customers.update(customer)
            except IntegrityError:
                raise FieldErrors({"member_no": MEMBER_NO_TAKEN}) from None
            self._workspace.trail.append(
                session.actor, "customer.updated", customer_target(customer_id),
                {"fields": ",".join(changed)},
            )
        self._workspace.trail.anchor()

    def delete(self, session: Session, customer_id: int) -> None:
        session.require(Permission.DELETE_RECORDS)
        db = self._db()
        with db.transaction():
            if not db.customers.delete(customer_id):
                raise CustomerNotFoundError()
            self._workspace.trail.append(
                session.actor, "customer.deleted", customer_target(customer_id)
            )
        self._workspace.trail.anchor()

    # ------------------------------------------------------------------ helpers

    def _db(self) -> ShopDatabase:
        return self._workspace.shop.db

    def _filter(self, flt: CustomerFilter, session: Session) -> SearchFilter:
        found = search_filter(flt, searches_exactly(session))
        lookup = search_lookup(self._db().reader(), flt.text) if flt.text else None
        return dataclasses.replace(found, resident_lookup=lookup) if lookup else found

    def _search(self) -> CustomerSearch:
        return CustomerSearch(self._db().reader())

    def _read(self, customer_id: int) -> Customer:
        customer = CustomerRepository(self._db().reader()).get(customer_id)
        if customer is None:
            raise CustomerNotFoundError()
        return customer

    def _write_resident_id(self, db: ShopDatabase, customer_id: int,
                           edit: ResidentIdEdit) -> bool:
        try:
            return write_resident_id(self._workspace, db.conn, customer_id, edit)
        except InvalidInputError as exc:
            raise FieldErrors({RESIDENT_ID: str(exc.params.get("problem", ""))}) from None

    @staticmethod
    def _checked(db: ShopDatabase, draft: CustomerDraft, customer_id: int | None,
                 removable: bool) -> tuple[Customer, ResidentIdEdit]:
        """The validated customer and what to do with its resident ID; FieldErrors lists
        every bad field, a taken member number included."""
        errors: dict[str, str] = {}
        try:
            customer = validated(draft)
        except FieldErrors as exc:
            errors = dict(exc.errors)
            customer = None
        resident, problem = form_problem(
            draft.resident_id, stored_masked(db.conn, customer_id), may_remove=removable
        )
        if problem is not None:
            errors[RESIDENT_ID] = problem
        member_no = clean_text(draft.member_no)
        if member_no and "member_no" not in errors:
            holder = db.customers.find_by_member_no(member_no)
            if holder is not None and holder.id != customer_id:
                errors["member_no"] = MEMBER_NO_TAKEN
        if errors or customer is None:
            raise FieldErrors(errors)
        return customer, resident


def searches_exactly(session: Session) -> bool:
    """The role sees e-mail and WeChat ID masked and may not reveal them (staff): its search
    finds those, and phone-like member numbers, by the whole value only — a substring search
    would let it probe a hidden value letter by letter. A manager, who may reveal any field
    with a reason, and the owner keep substring search."""
    return not (
        session.allows(Permission.VIEW_UNMASKED) or session.allows(Permission.REVEAL_FIELD)
    )


def search_filter(flt: CustomerFilter, exact_private: bool = False) -> SearchFilter:
    """The store's filter: blank parts dropped, dates as the UTC instants that start and
    end those days on this computer's clock; ``exact_private`` see ``searches_exactly``."""
    return SearchFilter(
        text=flt.text,
        tag=clean_text(flt.tag) or None,
        level=clean_text(flt.level) or None,
        city=clean_text(flt.city) or None,
        created_from=_day_start(flt.added_from, "added_from", 0),
        created_before=_day_start(flt.added_to, "added_to", 1),
        exact_private=exact_private,
    )


def _day_start(raw: str | None, field: str, days_after: int) -> str | None:
    if not clean_text(raw):
        return None
    iso = parse_date(raw, field=field)
    if iso.startswith("--"):
        raise InvalidInputError(field=field, problem=DATE_INVALID)
    day = date.fromisoformat(iso) + timedelta(days=days_after)
    local_midnight = datetime.combine(day, time()).astimezone()
    return local_midnight.astimezone(UTC).isoformat(timespec="microseconds")


def _masked(session: Session) -> bool:
    return not session.allows(Permission.VIEW_UNMASKED)


@functools.lru_cache(maxsize=4_096)
def _mask_vocabulary(value: str) -> str:
    """Tags and levels repeat across customers; the free-text masker (which runs a phone
    number matcher, ~0.2 ms a value) is paid once per distinct value."""
    return masked_value("tags", value)


def _row(row: ListRow, masked: bool) -> CustomerRow:
    if not masked:
        return CustomerRow(
            row.id, row.member_no or "", row.name, display_phone(row.phone), row.email or "",
            row.wechat_id or "", row.city, row.level, row.points, row.balance_cents, row.tags,
            row.created_at,
        )
    return CustomerRow(
        id=row.id,
        member_no=masked_value("member_no", row.member_no),
        name=masked_value("name", row.name),
        phone=masked_value("phone", row.phone),
        email=masked_value("email", row.email),
        wechat_id=masked_value("wechat_id", row.wechat_id),
        city=keep_region(row.city),
        level=_mask_vocabulary(row.level),
        points=row.points,
        balance_cents=row.balance_cents,
        tags=tuple(_mask_vocabulary(tag) for tag in row.tags),
        created_at=row.created_at,
    )


_PROFILE_TEXT: Final = (
    "member_no", "name", "birthday", "phone", "email", "wechat_id", "province", "city",
    "district", "address_detail", "notes", "source",
)


def _profile_text(customer: Customer, masked: bool) -> dict[str, str]:
    """The text fields of the basics tab, masked for a masked role (regions stay readable,
    the street detail is hidden, notes and source go through the free-text masker)."""
    if not masked:
        return {field: display_field(field, getattr(customer, field)) for field in _PROFILE_TEXT}
    shown = {field: masked_value(field, getattr(customer, field)) for field in _PROFILE_TEXT}
    for region in ("province", "city", "district"):
        shown[region] = keep_region(getattr(customer, region))
    return shown


def _clear_value(customer: Customer, field: str) -> str:
    if field == "address":
        regions: list[str] = []
        for part in (customer.province, customer.city, customer.district):
            if part and (not regions or regions[-1] != part):
                regions.append(part)
        if any(is_han(ch) for ch in "".join(regions) + customer.address_detail):
            return "".join(regions) + customer.address_detail
        return ", ".join(part for part in (customer.address_detail, *regions[::-1]) if part)
    value = getattr(customer, field)
    return "" if value is None else str(value)


def _details(text: str) -> dict[str, str | int | bool | None]:
    try:
        loaded = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {
        str(key): value if isinstance(value, str | int | bool) or value is None else str(value)
        for key, value in loaded.items()
    }
