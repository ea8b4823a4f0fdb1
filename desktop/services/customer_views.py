"""What the customer screens receive: values already masked for the viewer's role.

The UI never gets an unmasked value its role may not see: not for display, sorting, tooltips
or the clipboard. Revealing one field is a separate, audited call (``CustomerService.reveal``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CustomerSort(StrEnum):
    NEWEST = "newest"
    """created_at descending (the default)."""
    OLDEST = "oldest"
    NAME = "name"
    """By pinyin of the name, so 张/章 sort together as a Chinese reader expects."""
    MEMBER_NO = "member_no"
    POINTS = "points"
    """Highest first."""
    BALANCE = "balance"
    """Highest stored-value balance first."""


REVEALABLE_FIELDS = ("phone", "email", "wechat_id", "birthday", "address", "name")


@dataclass(frozen=True, slots=True)
class CustomerFilter:
    """Narrowing of the customer list; every part optional. Applied in SQL."""

    text: str = ""
    """The search box: full phone (any spelling), last 4 digits, name substring (中文, 1+
    characters), pinyin or initials, member number, e-mail, WeChat ID."""
    tag: str | None = None
    level: str | None = None
    city: str | None = None
    added_from: str | None = None
    """ISO date, inclusive."""
    added_to: str | None = None
    """ISO date, inclusive."""


@dataclass(frozen=True, slots=True)
class CustomerRow:
    """One line of the customers table, masked per role."""

    id: int
    member_no: str
    name: str
    phone: str
    email: str
    wechat_id: str
    city: str
    level: str
    points: int
    balance_cents: int
    tags: tuple[str, ...]
    created_at: str
    """ISO-8601 UTC."""


@dataclass(frozen=True, slots=True)
class IdPage:
    """Ids of matching customers in the requested order."""

    ids: list[int]
    complete: bool
    """False when more match than were returned (``limit`` reached)."""


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    """The basics tab. ``masked`` names the fields shown masked (may be revealed, with a
    reason, by a role that has the permission: ``can_reveal``)."""

    id: int
    member_no: str
    name: str
    gender: str
    birthday: str
    phone: str
    email: str
    wechat_id: str
    province: str
    city: str
    district: str
    address_detail: str
    level: str
    points: int
    balance_cents: int
    tags: tuple[str, ...]
    notes: str
    source: str
    created_at: str
    updated_at: str
    masked: frozenset[str] = field(default_factory=frozenset)
    resident_id: str = ""
    """The whole ID for the owner whose field key is open; the masked form otherwise (it is
    never revealed to another role)."""
    resident_id_masked: bool = False
    can_reveal: bool = False
    can_edit: bool = False
    can_delete: bool = False


@dataclass(frozen=True, slots=True)
class CustomerDraft:
    """What an add/edit form submits, as typed. The service validates and normalises it and
    raises ``FieldErrors`` naming each bad field."""

    name: str
    phone: str = ""
    member_no: str = ""
    gender: str = ""
    birthday: str = ""
    email: str = ""
    wechat_id: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    address_detail: str = ""
    level: str = ""
    points: str = "0"
    balance: str = "0"
    """Yuan as typed, e.g. "¥1,234.50"."""
    tags: str = ""
    """Comma/、/space separated."""
    notes: str = ""
    source: str = ""
    resident_id: str = ""
    """As typed; a masked form left as shown keeps the stored ID."""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One audit entry about a customer, for the profile's history tab."""

    at: str
    actor: str
    action: str
    details: dict[str, str | int | bool | None]


@dataclass(frozen=True, slots=True)
class FilterChoices:
    tags: list[str]
    levels: list[str]
    cities: list[str]
