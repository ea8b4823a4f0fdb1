"""Turning a submitted customer form (:class:`CustomerDraft`) into a :class:`Customer`.

Every field is checked and normalised at once; all problems come back together in one
:class:`FieldErrors` (field → English source text, translated by the UI under "errors").
Problem texts never echo the value typed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from typing import Final

from desktop.core.errors import FieldErrors, InvalidInputError
from desktop.core.masking_fields import masked_value
from desktop.core.models import Customer, Gender
from desktop.core.validation import (
    clean_text,
    normalise_email,
    normalise_phone,
    parse_amount_cents,
    parse_date,
)
from desktop.services.customer_views import CustomerDraft

NAME_REQUIRED: Final = "Enter the customer's name."
TOO_LONG: Final = "This is too long; shorten it."
GENDER_INVALID: Final = "Choose female, male, other, or leave it empty."
BIRTHDAY_FUTURE: Final = "The birthday cannot be in the future."
POINTS_INVALID: Final = "Enter the points as a whole number, 0 or more."
MEMBER_NO_TAKEN: Final = "Another customer already has this member number."
MEMBER_NO_INVALID: Final = "Use letters, digits and - _ . / only, without spaces."
WECHAT_INVALID: Final = "Enter the WeChat ID without spaces."
TAG_INVALID: Final = "Each tag may have up to 32 characters; use at most 20 tags."
CONTROL_CHARACTERS: Final = "Remove the invisible control characters."

MAX_LENGTHS: Final = {
    "name": 100, "member_no": 32, "wechat_id": 64, "province": 50, "city": 50,
    "district": 50, "address_detail": 200, "level": 30, "notes": 2_000, "source": 50,
}
MAX_TAGS: Final = 20
MAX_TAG_LENGTH: Final = 32

_GENDERS: Final = {
    "": Gender.UNKNOWN, "female": Gender.FEMALE, "f": Gender.FEMALE, "女": Gender.FEMALE,
    "male": Gender.MALE, "m": Gender.MALE, "男": Gender.MALE, "other": Gender.OTHER,
    "其他": Gender.OTHER, "unknown": Gender.UNKNOWN, "未知": Gender.UNKNOWN,
}
_TAG_SEPARATORS = re.compile(r"[,，、;；]+")
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_MEMBER_NO = re.compile(r"[0-9A-Za-z\-_./]+")
_POINTS = re.compile(r"[+]?[0-9][0-9,]*")

FIELDS: Final = (
    "name", "member_no", "gender", "birthday", "phone", "email", "wechat_id", "province",
    "city", "district", "address_detail", "level", "points", "balance_cents", "tags", "notes",
    "source",
)
"""Customer fields a form sets, as named in audit details ("fields" changed)."""


def split_tags(text: str) -> tuple[str, ...]:
    """Tags as typed, split on , ， 、 ; ； — or, when the text has none of these, on
    whitespace ("VIP 老客户"), so that "gift buyer, VIP" keeps its two-word tag. Whitespace
    inside a tag is collapsed; duplicates are dropped, order kept."""
    cleaned = clean_text(text)
    parts = _TAG_SEPARATORS.split(cleaned) if _TAG_SEPARATORS.search(cleaned) else (
        _WHITESPACE.split(cleaned)
    )
    tags = (_WHITESPACE.sub(" ", part).strip() for part in parts)
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def validated(draft: CustomerDraft, today: date | None = None) -> Customer:
    """The customer a draft describes (no id, no times), or FieldErrors naming every bad field."""
    errors: dict[str, str] = {}

    def text(field: str, raw: str) -> str:
        value = clean_text(raw).replace("\r\n", "\n").replace("\r", "\n")
        if field not in ("notes", "address_detail"):
            value = _WHITESPACE.sub(" ", value)  # one line
        if _CONTROL.search(value):
            errors[field] = CONTROL_CHARACTERS
        elif len(value) > MAX_LENGTHS[field]:
            errors[field] = TOO_LONG
        return value

    def checked(field: str, parse: Callable[[], str]) -> str | None:
        try:
            return parse()
        except InvalidInputError as exc:
            errors[field] = str(exc.params.get("problem", exc.message))
            return None

    name = text("name", draft.name)
    if not name and "name" not in errors:
        errors["name"] = NAME_REQUIRED
    member_no = text("member_no", draft.member_no)
    if member_no and "member_no" not in errors and not _MEMBER_NO.fullmatch(member_no):
        errors["member_no"] = MEMBER_NO_INVALID
    wechat_id = text("wechat_id", draft.wechat_id)
    if wechat_id and any(ch.isspace() for ch in wechat_id):
        errors["wechat_id"] = WECHAT_INVALID
    gender = _GENDERS.get(clean_text(draft.gender).lower())
    if gender is None:
        errors["gender"] = GENDER_INVALID
    phone = email = birthday = None
    if clean_text(draft.phone):
        phone = checked("phone", lambda: normalise_phone(draft.phone, "CN"))
    if clean_text(draft.email):
        email = checked("email", lambda: normalise_email(draft.email))
    if clean_text(draft.birthday):
        birthday = checked("birthday", lambda: parse_date(draft.birthday, field="birthday"))
        year_known = birthday is not None and not birthday.startswith("--")
        if year_known and date.fromisoformat(birthday or "") > (today or date.today()):
            errors["birthday"] = BIRTHDAY_FUTURE
    points = _points(draft.points)
    if points is None:
        errors["points"] = POINTS_INVALID
    balance = 0
    if clean_text(draft.balance):
        try:
            balance = parse_amount_cents(draft.balance, field="balance")
        except InvalidInputError as exc:
            errors["balance"] = str(exc.params.get("problem", exc.message))
    tags = split_tags(draft.tags)
    if len(tags) > MAX_TAGS or any(len(tag) > MAX_TAG_LENGTH for tag in tags):
        errors["tags"] = TAG_INVALID
    elif any(_CONTROL.search(tag) for tag in tags):
        errors["tags"] = CONTROL_CHARACTERS
    fields = {
        key: text(key, getattr(draft, key))
        for key in ("province", "city", "district", "address_detail", "level", "notes", "source")
    }
    if errors:
        raise FieldErrors(errors)
    return Customer(
        id=None, name=name, member_no=member_no or None, gender=gender or Gender.UNKNOWN,
        birthday=birthday, phone=phone, email=email, wechat_id=wechat_id or None,
        points=points or 0, balance_cents=balance, tags=tags, **fields,
    )


def _points(raw: str) -> int | None:
    text = clean_text(raw) or "0"
    if not _POINTS.fullmatch(text) or ("," in text and not re.fullmatch(
        r"[+]?[0-9]{1,3}(,[0-9]{3})+", text
    )):
        return None
    value = int(text.replace(",", "").lstrip("+"))
    return value if value < 2**62 else None


def changed_fields(old: Customer, new: Customer) -> list[str]:
    """Names of the form fields whose stored value differs (for audit: names, never values)."""
    return [field for field in FIELDS if getattr(old, field) != getattr(new, field)]


def shown_values(customer: Customer) -> dict[str, str]:
    """What a masked form shows for each text field of ``customer`` (see :func:`unmasked`)."""
    shown = {
        field: masked_value(field, getattr(customer, field))
        for field in ("name", "member_no", "birthday", "phone", "email", "wechat_id", "notes")
    }
    shown["source"] = masked_value("source", customer.source)
    shown["address_detail"] = masked_value("address_detail", customer.address_detail)
    return shown


def unmasked(draft: CustomerDraft, current: Customer) -> CustomerDraft:
    """A draft edited from a *masked* profile, with every field still showing its masked
    value (the user did not touch it) set back to the stored value, so that saving a form
    never writes ``138****5678`` over the real number. Tags are matched one by one."""
    shown = shown_values(current)
    stored = {
        "name": current.name, "member_no": current.member_no or "",
        "birthday": current.birthday or "", "phone": current.phone or "",
        "email": current.email or "", "wechat_id": current.wechat_id or "",
        "notes": current.notes, "source": current.source,
        "address_detail": current.address_detail,
    }
    changes: dict[str, str] = {}
    for field, masked in shown.items():
        typed = getattr(draft, field)
        if masked and clean_text(typed) == clean_text(masked) and masked != stored[field]:
            changes[field] = stored[field]
    masked_tags = {masked_value("tags", tag): tag for tag in current.tags}
    typed_tags = split_tags(draft.tags)
    if any(tag in masked_tags and masked_tags[tag] != tag for tag in typed_tags):
        changes["tags"] = ", ".join(masked_tags.get(tag, tag) for tag in typed_tags)
    return dataclasses.replace(draft, **changes) if changes else draft
