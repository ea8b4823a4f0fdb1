"""The shop's side of an import's identity matching: which stored customers, orders and
feedback share an identifier with the file (``desktop.exchange.plan.ShopLookup``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from desktop.core.import_records import ShopMatches
from desktop.core.models import Feedback, Order
from desktop.store.connection import Connection
from desktop.store.customers import IN_CHUNK, CustomerRepository, int_column
from desktop.store.feedback import FeedbackRepository
from desktop.store.field_keys import FieldKeyRepository
from desktop.store.orders import OrderRepository


class ImportLookup:
    """Implements ``desktop.exchange.plan.ShopLookup`` over one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _rows(self, sql: str, values: Sequence[object],
              before: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """``sql`` with ``{marks}`` standing for the placeholders of ``values``, run
        ``IN_CHUNK`` values at a time; ``before`` binds the placeholders ahead of them."""
        found: list[tuple[object, ...]] = []
        for start in range(0, len(values), IN_CHUNK):
            chunk = values[start:start + IN_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            found += self._conn.execute(sql.format(marks=marks), (*before, *chunk)).fetchall()
        return found

    def customers_matching(self, keys: Collection[tuple[str, ...]]) -> ShopMatches:
        # Lists, not sorted: a sort of 100,000 keys is one C call holding the GIL (a UI stall).
        # One pass: ``keys`` may be a view that makes each key as it is read.
        kinds: dict[str, set[str]] = {"phone": set(), "member": set(), "email": set()}
        platforms: dict[str, list[str]] = {}
        # The first import into a new shop: nothing to ask (nor to gather the keys for).
        for key in keys if self._any_row("customers") else ():
            if key[0] == "account":
                platforms.setdefault(key[1], []).append(key[2])
            elif key[0] in kinds:
                kinds[key[0]].add(key[1])
        phones, members, emails = (list(kinds.pop(kind)) for kind in ("phone", "member", "email"))
        by_phone = _lowest(self._rows(
            "SELECT phone, id FROM customers WHERE phone IN ({marks})", phones))
        by_member = _lowest(self._rows(
            "SELECT member_no, id FROM customers WHERE member_no IN ({marks})", members))
        by_email = _lowest(
            (str(email).lower(), cid) for email, cid in self._rows(
                "SELECT email, id FROM customers WHERE email COLLATE NOCASE IN ({marks})",
                emails)
        )
        by_account: dict[tuple[str, str], int] = {}
        for platform, accounts in platforms.items():
            for account, cid in self._rows(
                "SELECT account, customer_id FROM customer_accounts"
                " WHERE platform = ? AND account IN ({marks})",
                sorted(set(accounts)), (platform,),
            ):
                by_account[(platform, str(account))] = int_column(cid)
        ids = sorted({*by_phone.values(), *by_member.values(), *by_email.values(),
                      *by_account.values()})
        customers = {
            customer.id: customer
            for customer in CustomerRepository(self._conn).get_many(ids)
            if customer.id is not None
        }
        accounts_of: dict[int, set[tuple[str, str]]] = {}
        for cid, on_platform, account in self._rows(
            "SELECT customer_id, platform, account FROM customer_accounts"
            " WHERE customer_id IN ({marks})", ids,
        ):
            accounts_of.setdefault(int_column(cid), set()).add((str(on_platform), str(account)))
        return ShopMatches(
            customers, by_phone, by_member, by_email, by_account,
            {cid: frozenset(found) for cid, found in accounts_of.items()},
            FieldKeyRepository(self._conn).having_resident_id(ids),
        )

    def _any_row(self, table: str) -> bool:
        return bool(self._conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0])

    def orders_numbered(self, order_nos: Collection[str]) -> Mapping[str, Order]:
        found: dict[str, Order] = {}
        for order in OrderRepository(self._conn).find_by_numbers(sorted(order_nos)):
            found.setdefault(order.order_no, order)
        return found

    def feedback_linked(
        self, customer_ids: Collection[int], order_ids: Collection[int]
    ) -> Sequence[Feedback]:
        return FeedbackRepository(self._conn).list_linked(
            sorted(customer_ids), sorted(order_ids)
        )


def _lowest(pairs: Iterable[tuple[object, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for value, cid in pairs:
        key, number = str(value), int_column(cid)
        if key not in found or number < found[key]:
            found[key] = number
    return found
