"""Who is who: when two customer records (two rows of a file, or a row and a stored customer)
are the same person.

The same customer is the one with an equal mobile number (E.164), else an equal member
number, else an equal e-mail address (case-insensitive), else an equal platform account
(platform + account, e.g. a Taobao buyer nick). Names never identify anyone: the same name
with another phone is another person. Two records whose phones differ, or whose member
numbers differ, are never the same, whatever else they share — with one exception the owner
asks for: a customers sheet imported with "overwrite" may give a stored customer, found by
member number or platform account, a phone nobody in the shop has (``find``'s ``new_phone``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final, Generic, Protocol, TypeVar

from desktop.core.import_records import ShopMatches
from desktop.core.import_types import CustomerFields

Key = tuple[str, ...]
"""("phone", e164) · ("member", no) · ("email", lower-cased) · ("account", platform, name)."""

UNIQUE_KINDS: Final = frozenset({"member", "account"})
"""Identifiers the shop holds at most once: a record may not take one another record has."""


class Identified(Protocol):
    @property
    def phone(self) -> str | None: ...

    @property
    def member_no(self) -> str | None: ...

    @property
    def email(self) -> str | None: ...


class Identifiers(Identified, Protocol):
    """Every identifier of a record (a ``CustomerFields`` has them)."""

    @property
    def platform(self) -> str | None: ...

    @property
    def platform_account(self) -> str | None: ...


def identity_keys(fields: CustomerFields) -> tuple[Key, ...]:
    """The record's identifiers, strongest first."""
    keys: list[Key] = []
    if fields.phone:
        keys.append(("phone", fields.phone))
    if fields.member_no:
        keys.append(("member", fields.member_no))
    if fields.email:
        keys.append(("email", fields.email.lower()))
    if fields.platform_account:
        keys.append(("account", fields.platform or "", fields.platform_account))
    return tuple(keys)


def contradicts(a: Identified, b: Identified) -> bool:
    """Both have a phone and the phones differ, or both a member number and they differ."""
    return bool(
        (a.phone and b.phone and a.phone != b.phone)
        or (a.member_no and b.member_no and a.member_no != b.member_no)
    )


class Verdict(Enum):
    NEW = "new"  # no record shares an identifier
    SAME = "same"  # the same person as ``found``
    CONFLICT = "conflict"  # identifiers point at a different person or at two people


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    verdict: Verdict
    found: T | None = None
    other: T | None = None  # CONFLICT: the second record involved, if any
    clash: str = ""  # CONFLICT: "email" (the e-mail is ``other``'s), "phone" (``found`` has
    # another phone), "" (a member number or platform account)


_NEW: Final[Match[Any]] = Match(Verdict.NEW)  # immutable: one for every new record


class IdentityIndex(Generic[T]):
    """Records of type ``T`` by their identifiers (the first record to claim a key keeps
    it).

    One dict per kind of identifier, keyed by the value itself (the record's own string,
    no key tuple per identifier): a 100,000-row file puts ~200,000 keys here, and a tuple
    each was ~15 MB of the import's peak."""

    def __init__(self) -> None:
        self._phone: dict[str, T] = {}
        self._member: dict[str, T] = {}
        self._email: dict[str, T] = {}
        self._account: dict[tuple[str, str], T] = {}

    def add(self, fields: CustomerFields, record: T) -> None:
        if fields.phone:
            self._phone.setdefault(fields.phone, record)
        if fields.member_no:
            self._member.setdefault(fields.member_no, record)
        if fields.email:
            self._email.setdefault(fields.email.lower(), record)
        if fields.platform_account:
            self._account.setdefault((fields.platform or "", fields.platform_account), record)

    def release(self) -> None:
        """Empty the index key by key: freeing a few hundred thousand keys in one C call
        holds the GIL long enough to stall a UI thread."""
        for table in (self._phone, self._member, self._email):
            _empty_slowly(table)
        _empty_slowly(self._account)

    def keys(self) -> Collection[Key]:
        """Every key held, as a view: what the shop is asked about, without a key tuple
        kept per identifier."""
        return _IndexKeys(self._phone, self._member, self._email, self._account)

    def _values(self, kind: str) -> dict[str, T]:
        if kind == "phone":
            return self._phone
        return self._member if kind == "member" else self._email

    def put(self, key: Key, record: T) -> None:
        if key[0] == "account":
            self._account.setdefault((key[1], key[2]), record)
        else:
            self._values(key[0]).setdefault(key[1], record)

    def get(self, key: Key) -> T | None:
        if key[0] == "account":
            return self._account.get((key[1], key[2]))
        return self._values(key[0]).get(key[1])

    def find(
        self, fields: Identifiers, identity_of: Callable[[T], Identified], *,
        new_phone: bool = False,
    ) -> Match[T]:
        """The record ``fields`` belongs to, by the precedence of :func:`identity_keys`.

        CONFLICT when the strongest match contradicts ``fields`` (another phone or member
        number), or when a unique identifier (member number, platform account) of
        ``fields`` belongs to a different record than the match, or its e-mail does (and
        the match has not the same e-mail already): the file would give one person's
        e-mail to another, and e-mail alone would no longer tell them apart.

        ``new_phone``: a match by member number or platform account whose phone is another
        is the same record after all (the person changed phone, and the owner asked for
        the file's values) — the file's phone is held by nobody, or the phone would have
        been the match. Not by e-mail: a family may share one."""
        phone, member_no = fields.phone, fields.member_no
        by_member = self._member.get(member_no) if member_no else None
        account = (
            (fields.platform or "", fields.platform_account) if fields.platform_account
            else None
        )
        by_account = self._account.get(account) if account is not None else None
        found = self._phone.get(phone) if phone else None
        if found is None:
            found = by_member
        by_email = False
        if found is None and fields.email:
            found = self._email.get(fields.email.lower())
            by_email = found is not None
        if found is None:
            found = by_account
        if found is None:
            return _NEW
        stored = identity_of(found)
        if contradicts(fields, stored):
            other_phone = bool(phone and stored.phone not in (None, phone))
            other_member = bool(member_no and stored.member_no not in (None, member_no))
            if not (new_phone and other_phone and not other_member and not by_email):
                return Match(Verdict.CONFLICT, found, clash="phone" if other_phone else "")
        for holder in (by_member, by_account):  # the unique kinds, in key order
            if holder is not None and holder != found:
                return Match(Verdict.CONFLICT, found, holder)
        email = fields.email
        if email and (holder := self._email.get(email.lower())) is not None and holder != found:
            own = identity_of(found).email
            if not own or own.lower() != email.lower():
                return Match(Verdict.CONFLICT, found, holder, clash="email")
        return Match(Verdict.SAME, found)


class _IndexKeys(Collection[Key]):
    def __init__(
        self, phone: Collection[str], member: Collection[str], email: Collection[str],
        account: Collection[tuple[str, str]],
    ) -> None:
        self._phone, self._member, self._email, self._account = phone, member, email, account

    def __len__(self) -> int:
        return len(self._phone) + len(self._member) + len(self._email) + len(self._account)

    def __iter__(self) -> Iterator[Key]:
        yield from (("phone", phone) for phone in self._phone)
        yield from (("member", member_no) for member_no in self._member)
        yield from (("email", email) for email in self._email)
        yield from (("account", platform, name) for platform, name in self._account)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) < 2:
            return False
        kind = key[0]
        if kind == "account":
            return len(key) == 3 and (key[1], key[2]) in self._account
        values = {"phone": self._phone, "member": self._member, "email": self._email}
        return len(key) == 2 and key[1] in values.get(kind, ())


K = TypeVar("K")
V = TypeVar("V")


def _empty_slowly(table: dict[K, V]) -> None:
    keys = list(table)
    while keys:
        del table[keys.pop()]  # the key's last reference may go here, one at a time


def filled(first: CustomerFields, later: CustomerFields) -> CustomerFields:
    """``first`` with its empty fields taken from ``later`` (a duplicate row of the same
    customer merges into the first row that named them); tags are united."""
    changes: dict[str, Any] = {}
    for name in CustomerFields._fields:
        if name == "tags":
            extra = tuple(tag for tag in later.tags if tag not in first.tags)
            if extra:
                changes["tags"] = first.tags + extra
            continue
        mine = getattr(first, name)
        if (mine is None or mine == "") and getattr(later, name) not in (None, ""):
            changes[name] = getattr(later, name)
    return first._replace(**changes) if changes else first


def identity_index_of(matches: ShopMatches) -> IdentityIndex[int]:
    """The stored customers ``matches`` found, by their identifiers (ids as records)."""
    index: IdentityIndex[int] = IdentityIndex()
    for phone, customer_id in matches.by_phone.items():
        index.put(("phone", phone), customer_id)
    for member_no, customer_id in matches.by_member_no.items():
        index.put(("member", member_no), customer_id)
    for email, customer_id in matches.by_email.items():
        index.put(("email", email.lower()), customer_id)
    for (platform, account), customer_id in matches.by_account.items():
        index.put(("account", platform, account), customer_id)
    return index
