"""From parsed rows to an :class:`ImportPlan` and a verdict for every row — no SQL: what the
shop already holds comes through a :class:`ShopLookup` (the store implements it).

Three steps: (1) read the rows once, merging rows of the same customer (see
``desktop.exchange.identity``) and of the same order number; (2) look the file's identifiers,
order numbers and feedback up in the shop, in bulk; (3) decide per customer, order and
feedback what happens under the chosen :class:`MatchPolicy`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from operator import attrgetter
from typing import Final, Protocol

from desktop.core.import_records import (
    ImportPlan,
    NewAccount,
    NewFeedback,
    NewOrder,
    Ref,
    ShopMatches,
    new_ref,
)
from desktop.core.import_types import (
    CustomerFields,
    ImportTarget,
    MatchPolicy,
    ParsedRow,
    RowAction,
    RowIssue,
    RowKind,
)
from desktop.core.models import Customer, Feedback, Order
from desktop.core.packed_customers import pack
from desktop.exchange import plan_notes
from desktop.exchange.identity import IdentityIndex, Key, Verdict, filled, identity_index_of
from desktop.exchange.plan_changes import (
    check_new_customer,
    customer_change,
    new_feedback,
    new_order,
    order_change,
    order_lines,
)
from desktop.exchange.plan_reasons import (
    BUYER_UNMATCHED,
    CONFLICT_EMAIL_FILE,
    CONFLICT_FILE,
    CONFLICT_SHOP,
    DUPLICATE_FEEDBACK,
    DUPLICATE_ROW,
    FEEDBACK_IN_SHOP,
    IN_SHOP_KEPT,
    IN_SHOP_SKIPPED,
    IN_SHOP_UNCHANGED,
    NO_FEEDBACK,
    NO_FEEDBACK_LINK,
    NO_IDENTIFIER,
    NO_ORDER_NO,
    ORDER_CONTINUED,
    ORDER_IN_SHOP,
    ORDER_KEPT,
    ORDER_UNCHANGED,
    SAME_AS_BAD_ROW,
    SHOP_CONFLICTS,
    SKIPPED_ROWS,
)
from desktop.exchange.plan_records import (
    FeedbackRow,
    OrderGroup,
    Person,
    PlanResult,
    RowVerdict,
    StoredFeedback,
    has_extras,
)

PROGRESS_EVERY: Final = 2_000


class ShopLookup(Protocol):
    """What the planner asks the shop. Each call gets every key at once (the store answers in
    chunks)."""

    def customers_matching(self, keys: Collection[Key]) -> ShopMatches: ...

    def orders_numbered(self, order_nos: Collection[str]) -> Mapping[str, Order]: ...

    def feedback_linked(
        self, customer_ids: Collection[int], order_ids: Collection[int]
    ) -> Sequence[Feedback]: ...


Labeler = Callable[[ParsedRow], str]
"""Who or what a row is, as the importing user may see it (masked per role)."""


# A person's identifiers are all a match in the file looks at (cheaper than their fields).
_identifiers_of = attrgetter("identifiers")
_RELEASED: Final = b""
"""What a decided person's packed fields are replaced with (the values live on in the
plan)."""


class Planner:
    """One import's planning; :meth:`plan` is the entry point."""

    def __init__(
        self, target: ImportTarget, policy: MatchPolicy, shop: ShopLookup,
        labeler: Labeler | None = None, now: str = "", explain: bool = True,
    ) -> None:
        self._target = target
        self._policy = policy
        self._shop = shop
        self._labeler = labeler
        self._now = now
        self._explain = explain  # per-field notes on stored records (a dry run shows them)
        self._rows: list[RowVerdict] = []
        self._people: list[Person] = []
        self._file_index: IdentityIndex[Person] = IdentityIndex()
        self._orders: dict[str, OrderGroup] = {}
        self._feedback: list[FeedbackRow] = []
        self._plan = ImportPlan()

    def plan(
        self, rows: Iterable[ParsedRow], progress: Callable[[int], None] | None = None
    ) -> PlanResult:
        for count, row in enumerate(rows, 1):
            self._read(row)
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
        result = PlanResult(self._plan, self._rows)
        self._resolve_people(result)
        if self._target is ImportTarget.ORDERS:
            self._resolve_orders()
        elif self._target is ImportTarget.FEEDBACK:
            self._resolve_feedback()
        return result

    # ------------------------------------------------------------------ step 1: read

    def _read(self, row: ParsedRow) -> None:
        verdict = RowVerdict(row.row, RowAction.CREATE, issues=row.issues)
        self._rows.append(verdict)
        if row.kind is not RowKind.DATA:  # counted with the blank or the total rows
            verdict.action, verdict.blank = RowAction.SKIP, row.kind is RowKind.BLANK
            verdict.summary = not verdict.blank
            verdict.note(RowIssue(row.row, "", SKIPPED_ROWS[row.kind], warning=True))
            return
        if self._labeler is not None:
            verdict.label = self._labeler(row)
        if row.has_errors:
            verdict.action = RowAction.ERROR
            return
        if self._target is ImportTarget.CUSTOMERS:
            self._read_customer(row, verdict)
        elif self._target is ImportTarget.ORDERS:
            self._read_order(row, verdict)
        else:
            self._read_feedback(row, verdict)

    def _error(self, verdict: RowVerdict, reason: str, **params: str) -> None:
        verdict.action = RowAction.ERROR
        verdict.note(RowIssue(verdict.row, "", reason, params))

    def _person(self, fields: CustomerFields, verdict: RowVerdict) -> Person | None:
        """The file's person for ``fields`` (merging into an earlier one), or None after
        marking the row as an error (contradiction)."""
        match = self._file_index.find(fields, _identifiers_of)
        if match.verdict is Verdict.NEW:
            return self._new_person(verdict, fields)
        found = match.found
        assert found is not None
        if match.verdict is Verdict.CONFLICT:
            other = match.other or found
            self._error(verdict, CONFLICT_EMAIL_FILE if match.clash == "email" else CONFLICT_FILE,
                        row=str(other.first.row))
            return None
        self._merge(found, fields)
        found.merge_row(verdict)
        return found

    def _new_person(self, verdict: RowVerdict, fields: CustomerFields) -> Person:
        check_new_customer(fields)
        person = Person(verdict, pack(fields), has_extras(fields))
        self._people.append(person)
        self._file_index.add(fields, person)
        return person

    def _merge(self, person: Person, fields: CustomerFields) -> None:
        merged = person.fields = filled(person.fields, fields)
        self._file_index.add(merged, person)

    def _read_customer(self, row: ParsedRow, verdict: RowVerdict) -> None:
        fields = row.customer
        if fields is None or not fields.has_identifier():
            self._error(verdict, NO_IDENTIFIER)
            return
        person = self._person(fields, verdict)
        if person is not None and person.first is not verdict:
            verdict.action, verdict.same_as_row = RowAction.DUPLICATE, person.first.row
            self._note_duplicate(verdict, person, fields)

    def _note_duplicate(self, verdict: RowVerdict, person: Person,
                        fields: CustomerFields) -> None:
        """A customers row merged into ``person``'s first row, and its values not used."""
        if self._target is ImportTarget.CUSTOMERS:
            first = {"row": str(person.first.row)}
            verdict.note(RowIssue(verdict.row, "", DUPLICATE_ROW, first, True))
            if self._explain:
                verdict.note_all(plan_notes.values_not_used(verdict.row, person, fields))

    def _read_order(self, row: ParsedRow, verdict: RowVerdict) -> None:
        order = row.order
        if order is None or not order.order_no:
            self._error(verdict, NO_ORDER_NO)
            return
        group = self._orders.get(order.order_no)
        if group is not None:
            verdict.action, verdict.same_as_row = RowAction.DUPLICATE, group.first.row
            verdict.note(
                RowIssue(row.row, "", ORDER_CONTINUED, {"row": str(group.first.row)}, True)
            )
            group.add_row(order)
            if group.buyer is None:
                group.buyer = self._buyer(row, verdict)
            return
        group = OrderGroup(verdict, order, self._buyer(row, verdict), list(order.items))
        self._orders[order.order_no] = group

    def _buyer(self, row: ParsedRow, verdict: RowVerdict) -> Person | None:
        fields = row.customer
        if fields is None or not fields.has_identifier():
            return None
        match = self._file_index.find(fields, _identifiers_of)
        if match.verdict is Verdict.CONFLICT:
            verdict.note(RowIssue(row.row, "", BUYER_UNMATCHED, warning=True))
            return None
        if match.verdict is Verdict.NEW:
            return self._new_person(verdict, fields)
        found = match.found
        assert found is not None
        self._merge(found, fields)
        return found

    def _read_feedback(self, row: ParsedRow, verdict: RowVerdict) -> None:
        if row.feedback is None:
            self._error(verdict, NO_FEEDBACK)
            return
        person: Person | None = None
        if row.customer is not None and row.customer.has_identifier():
            person = self._person(row.customer, verdict)
            if person is None:
                return
        self._feedback.append(FeedbackRow(verdict, person, row))

    # ------------------------------------------------------------------ step 3: decide

    def _resolve_people(self, result: PlanResult) -> None:
        """Match every person of the file against the shop, then decide. A person matching
        a stored customer an earlier person matched is merged into that earlier one."""
        # The file's index holds every identifier of every person: asked as it is, then
        # freed (reading is done) before the new customers are made.
        matches = self._shop.customers_matching(self._file_index.keys())
        self._file_index.release()
        people, self._people = self._people, []
        merged = self._match_shop(matches, people)
        # Each person is let go once decided (a new customer's packed fields move to the
        # plan): one at a time, not 100,000 in one C call holding the GIL (a UI stall).
        people.reverse()
        while people:
            person = people.pop()
            if person.conflict or person.merged_into is not None:
                continue
            customer_id = person.ref
            if customer_id is None:
                person.ref = self._create_customer(person)
                result.customers_created += 1
                action = RowAction.CREATE
            else:
                action = self._update_customer(
                    person, matches.customers[customer_id],
                    matches.accounts.get(customer_id, frozenset()),
                    customer_id in matches.with_resident_id,
                )
                if action is RowAction.UPDATE:
                    result.customers_updated += 1
            if self._target is ImportTarget.CUSTOMERS:
                person.first.action = action
            # Decided: only the person's ref and rows are read from here on (orders and
            # feedback keep their buyer).
            person.packed = _RELEASED
        for person in merged:
            earlier = person.merged_into
            assert earlier is not None
            person.ref = earlier.ref
            if self._target is ImportTarget.CUSTOMERS:
                person.first.action = RowAction.DUPLICATE
                for verdict in (person.first, *person.merged_rows()):
                    verdict.same_as_row = earlier.first.row

    def _match_shop(self, matches: ShopMatches, people: list[Person]) -> list[Person]:
        """Sets each person's ``ref`` to the stored customer it is (left None: a new one),
        marks conflicts, and merges a person matching the stored customer an earlier one
        matched into that one; returns the persons so merged. Only identifiers are
        unpacked here: a re-import's people all match, and all their fields unpacked at
        once raised its peak by ~17 MiB."""
        shop_index = identity_index_of(matches)
        if not len(shop_index.keys()):  # nobody in the shop shares an identifier
            return []
        claimed: dict[int, Person] = {}
        merged: list[Person] = []
        # Only a customers sheet under "overwrite" gives a customer a new phone (an order's
        # phone may be a gift's recipient).
        new_phone = self._target is ImportTarget.CUSTOMERS and self._policy is MatchPolicy.OVERWRITE
        customer_of = matches.customers.__getitem__
        for person in people:
            match = shop_index.find(person.identifiers, customer_of, new_phone=new_phone)
            if match.verdict is Verdict.CONFLICT:
                self._conflict(person, SHOP_CONFLICTS[match.clash])
                continue
            customer_id = match.found
            if customer_id is None:
                continue
            earlier = claimed.get(customer_id)
            if earlier is not None:
                earlier.fields = filled(earlier.fields, person.fields)
                self._note_duplicate(person.first, earlier, person.fields)
                person.merged_into = earlier
                merged.append(person)
                continue
            claimed[customer_id] = person
            person.ref = customer_id
        return merged

    def _conflict(self, person: Person, reason: str) -> None:
        person.conflict = True
        if self._target is ImportTarget.CUSTOMERS:
            self._error(person.first, reason)
            self._mark_rows(person, RowAction.ERROR, SAME_AS_BAD_ROW)
        else:
            person.first.note(
                RowIssue(person.first.row, "", BUYER_UNMATCHED, warning=True)
            )

    def _note_stored(
        self, person: Person, reason: str | None, notes: Callable[[], Sequence[RowIssue]]
    ) -> None:
        """A customers row's stored customer: why it is skipped, what changes or is kept."""
        if self._target is not ImportTarget.CUSTOMERS:
            return
        first = person.first
        if reason is not None:
            first.note(RowIssue(first.row, "", reason, warning=True))
        if self._explain:
            first.note_all(notes())

    @staticmethod
    def _mark_rows(person: Person, action: RowAction, reason: str) -> None:
        for verdict in person.merged_rows():
            verdict.action = action
            verdict.note(RowIssue(verdict.row, "", reason, {"row": str(person.first.row)}))

    def _create_customer(self, person: Person) -> Ref:
        """A new customer of the person's fields (checked when the person was made)."""
        plan = self._plan
        ref = new_ref(len(plan.new_customers))
        plan.new_customers.append_packed(person.packed)
        if person.extras:
            fields = person.fields
            if fields.platform_account:
                plan.new_accounts.append(
                    NewAccount(ref, fields.platform or "", fields.platform_account)
                )
            if fields.id_number:
                plan.resident_ids.append((ref, fields.id_number))
        return ref

    def _update_customer(
        self, person: Person, stored: Customer, accounts: frozenset[tuple[str, str]],
        has_resident_id: bool,
    ) -> RowAction:
        """A resident ID fills an empty one; with "overwrite" it also replaces a stored one
        on a row that updates the customer anyway (a sealed ID cannot be compared here)."""
        if self._policy is MatchPolicy.SKIP:
            self._note_stored(person, IN_SHOP_SKIPPED, tuple)
            return RowAction.SKIP
        fields = person.fields  # unpacked once
        change, new_accounts, kept = customer_change(fields, stored, accounts, self._policy)
        resident_id = fields.id_number
        fills_id = bool(resident_id) and not has_resident_id
        updates = change is not None or bool(new_accounts) or fills_id
        self._note_stored(
            person, None if updates else IN_SHOP_KEPT if kept else IN_SHOP_UNCHANGED,
            lambda: plan_notes.customer_notes(person.first.row, change, kept,
                                              bool(new_accounts), fills_id),
        )
        if not updates:
            return RowAction.SKIP
        if resident_id and (fills_id or self._policy is MatchPolicy.OVERWRITE):
            assert stored.id is not None
            self._plan.resident_ids.append((stored.id, resident_id))
        if change is not None:
            self._plan.customer_changes.append(change)
        self._plan.new_accounts.extend(new_accounts)
        return RowAction.UPDATE

    def _resolve_orders(self) -> None:
        stored = self._shop.orders_numbered(list(self._orders))
        for order_no, group in self._orders.items():
            buyer = group.buyer.ref if group.buyer is not None else None
            existing = stored.get(order_no)
            verdict = group.first
            if existing is None:
                order, warnings = new_order(group.fields, group.items, self._now, verdict.row)
                verdict.note_all(warnings)
                self._plan.new_orders.append(NewOrder(order, buyer))
                verdict.action = RowAction.CREATE
                continue
            if self._policy is MatchPolicy.SKIP:
                verdict.action = RowAction.SKIP
                verdict.note(RowIssue(verdict.row, "", ORDER_IN_SHOP, warning=True))
                continue
            self._update_order(group, existing, buyer)

    def _update_order(self, group: OrderGroup, existing: Order, buyer: Ref | None) -> None:
        """A stored order the file names: its columns per the policy, and its items when the
        file's replace them (``plan_changes.replaces_items``)."""
        verdict = group.first
        warnings: list[RowIssue] = []
        lines = order_lines(group.items, verdict.row, warnings)
        change, kept = order_change(group.fields, existing, buyer, self._policy, lines)
        notes = plan_notes.order_notes(verdict.row, change, kept) if self._explain else ()
        if change is None:
            verdict.action = RowAction.SKIP
            verdict.note(RowIssue(verdict.row, "", ORDER_KEPT if kept else ORDER_UNCHANGED,
                                  warning=True))
            verdict.note_all(notes)
            return
        verdict.action = RowAction.UPDATE
        verdict.note_all(notes)
        self._plan.order_changes.append(change)
        if change.items_after is not None:
            verdict.note_all(warnings)
            verdict.note(RowIssue(
                verdict.row, "", plan_notes.items_reason(existing.items),
                {"count": str(len(change.items_after))}, warning=True,
            ))

    def _resolve_feedback(self) -> None:
        order_nos = {
            entry.fields.feedback.order_no for entry in self._feedback
            if entry.fields.feedback is not None and entry.fields.feedback.order_no
        }
        orders = self._shop.orders_numbered(order_nos) if order_nos else {}
        linked: list[tuple[FeedbackRow, Ref | None, Ref | None]] = []
        for entry in self._feedback:
            fields = entry.fields.feedback
            assert fields is not None
            order = orders.get(fields.order_no or "")
            person = entry.person
            customer: Ref | None = None
            if person is not None:
                if person.conflict:
                    self._error(entry.verdict, CONFLICT_SHOP)
                    continue
                customer = person.ref
            if customer is None and order is not None:
                customer = order.customer_id
            if customer is None and order is None:
                self._error(entry.verdict, NO_FEEDBACK_LINK)
                continue
            linked.append((entry, customer, order.id if order is not None else None))
        stored = self._shop.feedback_linked(
            {ref for _, ref, _ in linked if ref is not None and ref > 0},
            {ref for _, _, ref in linked if ref is not None},
        )
        held = StoredFeedback(stored)
        seen: dict[tuple[object, ...], int] = {}
        for entry, customer, order_id in linked:
            fields = entry.fields.feedback
            assert fields is not None
            key = (customer, order_id, fields.content, fields.received_at)
            verdict = entry.verdict
            if key in seen:
                verdict.action, verdict.same_as_row = RowAction.DUPLICATE, seen[key]
                verdict.note(
                    RowIssue(verdict.row, "", DUPLICATE_FEEDBACK, {"row": str(seen[key])}, True)
                )
                continue
            seen[key] = verdict.row
            if held.holds(customer, order_id, fields.content, fields.received_at):
                verdict.action = RowAction.SKIP
                verdict.note(RowIssue(verdict.row, "", FEEDBACK_IN_SHOP, warning=True))
                continue
            item, warnings = new_feedback(fields, self._now, verdict.row)
            verdict.note_all(warnings)
            self._plan.new_feedback.append(NewFeedback(item, customer, order_id))
            verdict.action = RowAction.CREATE
