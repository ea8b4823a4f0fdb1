"""Cell values of each report row, masked here (the service layer) unless the export is an
owner's unmasked one: every personal column goes through the one rule table of DESIGN §4
(``desktop.core.masking``), free text (notes, what a customer said, tags) through the
free-text masker that also finds phones, IDs, e-mails and street addresses inside it."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import Final

from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    PhoneMetadata,
    region_code_for_country_code,
)

from desktop.core.masking import COMPOUND_SURNAMES, HIDDEN, HONORIFICS, mask_free_text
from desktop.core.masking_fields import FIELD_MASKS, masked_value
from desktop.core.masking_numerals import may_spell_mobile
from desktop.exchange.export_cells import CellValue
from desktop.services.exports_columns import ColumnDef
from desktop.store.export_queries import ExportOrder
from desktop.store.feedback_queries import FeedbackListRow

Pseudonym = Callable[[int | None], str]
CustomerRecord = Sequence[object]
Getter = Callable[[object], CellValue]

_CACHE: Final = 16_384

FastPath = Callable[[str], str | None]


class Masker:
    """The masked (or clear) text of a field, by the rule table of ``desktop.core.masking``.

    Exports mask 100,000 rows at a time, so the shapes stored values nearly always have get a
    direct path that gives exactly what the rule gives (an E.164 Chinese mobile, a plain
    e-mail, a WeChat ID, a letters-and-digits member number, a 2–3 character Chinese name
    without a compound surname or honorific, an ISO birthday); anything else goes to the rule
    itself. Values that repeat across rows — other names, tags, levels, notes, regions — are
    masked once each (the free-text masker runs a phone-number matcher, ~0.2 ms a value).
    """

    def __init__(self, masked: bool) -> None:
        self.masked = masked
        self._rules: dict[str, Callable[[str | None], str]] = {}

    def __call__(self, field: str, value: str | None) -> str:
        return self.rule(field)(value)

    def rule(self, field: str) -> Callable[[str | None], str]:
        """The masking of ``field`` as one function (bound once per column: it runs for
        every cell)."""
        found = self._rules.get(field)
        if found is None:
            found = self._rules[field] = self._build(field)
        return found

    def parts(self, field: str) -> tuple[FastPath | None, Callable[[str | None], str]]:
        """The two halves of :meth:`rule`, for a caller that inlines them over a column: the
        fast path (a str in, the rule's result or None when it cannot tell), and the rule
        (``None``/empty → ""). Unmasked: no fast path, the value as it is."""
        if not self.masked:
            return None, _as_is
        fast = _FAST.get(field)
        if fast is None and FIELD_MASKS.get(field, mask_free_text) is mask_free_text:
            fast = _fast_free_text
        rule: Callable[[str | None], str] = functools.partial(masked_value, field)
        if field not in _UNIQUE:
            rule = functools.lru_cache(maxsize=_CACHE)(rule)
        cached = rule
        return fast, lambda value: cached(value) if value else ""

    def _build(self, field: str) -> Callable[[str | None], str]:
        fast, rule = self.parts(field)
        if fast is None:
            return rule
        chosen = fast

        def fast_or_rule(value: str | None) -> str:
            if not value:
                return ""
            shown = chosen(value)
            return shown if shown is not None else rule(value)
        return fast_or_rule

    def free(self, value: str | None) -> str:
        return self("notes", value)

    def vocabulary(self, value: str) -> str:
        """Tags, levels and sources: shown as they are unless they hold personal data."""
        return self("tags", value)

    def region(self, value: str) -> str:
        return self("province", value)

    def street(self, detail: str) -> str:
        """The street part of a structured address: hidden whole (DESIGN §4, as
        ``mask_customer`` does)."""
        if not self.masked:
            return detail
        return HIDDEN if detail.strip() else ""


_UNIQUE: Final = frozenset(("phone", "ship_phone", "email", "member_no", "wechat_id"))
"""Unique per customer: a cache would only fill up."""


def _as_is(value: str | None) -> str:
    return value or ""
_E164_CN_MOBILE: Final = re.compile(r"\+861[3-9][0-9]{9}")
_E164: Final = re.compile(r"\+[1-9][0-9]{6,14}")
_PLAIN_EMAIL: Final = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+")
_PLAIN_HANDLE: Final = re.compile(r"[A-Za-z0-9_\-]+")
_PLAIN_MEMBER_NO: Final = re.compile(r"[A-Za-z0-9]+")
_SHORT_HAN_NAME: Final = re.compile(r"[\u4e00-\u9fff]{2,3}")
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _fast_phone(value: str) -> str | None:
    if _E164_CN_MOBILE.fullmatch(value):
        return value[3:6] + "****" + value[-4:]
    if _E164.fullmatch(value):  # as stored (normalised): +<country code><national number>
        country = _country(value[1:4])
        if country is None:
            return None
        code, prefix = country
        national = value[1 + len(code) :]
        if national.startswith("0") or (prefix is not None and prefix.match(national)):
            return None  # the rule's parser may strip a trunk prefix: ask it
        if len(national) < 7:
            return f"+{code} {'*' * len(national)}"
        return f"+{code} {'*' * (len(national) - 4)}{national[-4:]}"
    return None


@functools.lru_cache(maxsize=1024)
def _country(first_digits: str) -> tuple[str, re.Pattern[str] | None] | None:
    """The country code a number starting with these three digits has (the shortest of
    them that is one), and its trunk prefix (:func:`_trunk_prefix`); None when none is."""
    for length in (1, 2, 3):
        if int(first_digits[:length]) in COUNTRY_CODE_TO_REGION_CODE:
            code = first_digits[:length]
            return code, _trunk_prefix(int(code))
    return None


@functools.lru_cache(maxsize=512)
def _trunk_prefix(country_code: int) -> re.Pattern[str] | None:
    """The pattern of a national (trunk) prefix the phone parser would try to strip after
    this country code; None when there is none."""
    region = region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    pattern = None if metadata is None else metadata.national_prefix_for_parsing
    return re.compile(pattern) if pattern else None


def _fast_email(value: str) -> str | None:
    if _PLAIN_EMAIL.fullmatch(value):
        local, _, domain = value.rpartition("@")
        return local[0] + "*" * max(len(local) - 1, 1) + "@" + domain
    return None


def _fast_wechat(value: str) -> str | None:
    if _PLAIN_HANDLE.fullmatch(value):
        keep = 2 if len(value) >= 4 else (1 if len(value) >= 2 else 0)
        return value[:keep] + "********"
    return None


def _fast_member_no(value: str) -> str | None:
    # Letters in it (not just an ID's final X): not a phone, ID or card number.
    if _PLAIN_MEMBER_NO.fullmatch(value) and not value[:-1].isdigit():
        return value
    return None


def _fast_name(value: str) -> str | None:
    if not _SHORT_HAN_NAME.fullmatch(value) or value.endswith(HONORIFICS):
        return None
    if len(value) == 2:
        return value[0] + "*"
    if value[:2] in COMPOUND_SURNAMES:
        return None
    return value[0] + "*" + value[2]


def _fast_birthday(value: str) -> str | None:
    if _ISO_DAY.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return None
        return value[:4] + "-**-**"
    return None


_PLAIN_TEXT: Final = re.compile(
    "[\t\n\r\x20-\x2f\x3a-\x3f\x41-\x7e\u4e00-\u9fff\u3001-\u3003\u300a-\u3011"
    "\uff01-\uff0f\uff1a-\uff1f]*"
)
"""Characters none of the free-text detectors can start from: no digit of any script (every
phone, ID, card and street-number pattern needs one), no @ or a form of it, no full-width
letters; Han ideographs, ASCII letters and punctuation, CJK brackets and punctuation — all of
which NFKC leaves as they are or folds to ASCII punctuation. (Han includes the Chinese
numerals: a mobile spelled in them is tested for apart, ``may_spell_mobile``.)"""


def _fast_free_text(value: str) -> str | None:
    """Most notes, tags and levels: text in which the free-text masker can find nothing is
    returned as written (what the rule returns then), skipping its regexes and the phone
    matcher. The WeChat detector's words (wxid, 微信, wechat), eleven Chinese numerals in a
    row (a mobile spelled out) and text the rule would clean to nothing (blank, a leading '
    or =) go to the rule."""
    stripped = value.strip()
    if not stripped or stripped[0] in "'=\uff07\uff1d" or not _PLAIN_TEXT.fullmatch(value):
        return None
    if "\u5fae\u4fe1" in value:  # 微信
        return None
    lowered = value.lower()
    if "wxid" in lowered or "wechat" in lowered or may_spell_mobile(value):
        return None
    return value


_FAST: Final[dict[str, FastPath]] = {
    "phone": _fast_phone, "ship_phone": _fast_phone, "email": _fast_email,
    "wechat_id": _fast_wechat, "member_no": _fast_member_no, "name": _fast_name,
    "birthday": _fast_birthday,
}


_EXACT_STAMP: Final = 2.0**31
_TZINFO: Final = operator.attrgetter("tzinfo")


class LocalTimes:
    """Stored UTC instants as naive local datetimes (what a spreadsheet shows)."""

    def __init__(self, tz: tzinfo | None) -> None:
        self._tz = tz

    def __call__(self, iso: str | None) -> datetime | None:
        if not iso:
            return None
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(self._tz).replace(tzinfo=None)

    def column(self, values: Sequence[object]) -> list[CellValue]:
        """:meth:`__call__` of each value (``str`` of it; None stays None), with the common
        case — a stored ISO instant with its offset — inline, a Python call fewer per cell."""
        tz, parse, fallback = self._tz, datetime.fromisoformat, self.__call__
        local_wall = datetime.fromtimestamp  # naive, in the system's zone
        if tz is None and set(map(type, values)) == {str}:
            whole = _wall_times(values)  # type: ignore[arg-type]
            if whole is not None:
                return whole  # type: ignore[return-value]
        out: list[CellValue] = []
        append = out.append
        for value in values:
            if value.__class__ is str and value:
                try:
                    moment = parse(value)
                except ValueError:
                    append(None)
                    continue
                if moment.tzinfo is not None:
                    if tz is None:
                        # The wall time astimezone(None) gives, without its fixed-offset
                        # tzinfo and the replace() after it (a third of the cost). Within
                        # ±2**31 s of 1970 a float timestamp keeps the microseconds exact.
                        stamp = moment.timestamp()
                        if -_EXACT_STAMP < stamp < _EXACT_STAMP:
                            append(local_wall(stamp))
                            continue
                    append(moment.astimezone(tz).replace(tzinfo=None))
                    continue
            append(fallback(None if value is None else str(value)))
        return out


def _wall_times(values: Sequence[str]) -> list[datetime] | None:
    """The loop of :meth:`LocalTimes.column` (no explicit zone) for a column of stored
    instants that all parse, all carry their offset and all lie within ±2**31 s of 1970, in
    C (``map``); None when one does not."""
    try:
        moments = list(map(datetime.fromisoformat, values))
    except ValueError:
        return None
    if None in map(_TZINFO, moments):
        return None
    stamps = list(map(datetime.timestamp, moments))
    if not stamps or min(stamps) <= -_EXACT_STAMP or max(stamps) >= _EXACT_STAMP:
        return None
    return list(map(datetime.fromtimestamp, stamps))


def birthday_cell(value: str | None, mask: Masker) -> CellValue:
    if not value:
        return None
    if mask.masked:
        return mask("birthday", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value  # --03-07: no year, shown as text


def order_getters(
    columns: Sequence[ColumnDef], mask: Masker, local: LocalTimes, pseudonym: Pseudonym | None
) -> list[Callable[[ExportOrder], CellValue]]:
    table: dict[str, Callable[[ExportOrder], CellValue]] = {
        "order.order_no": lambda e: e.order.order_no,
        "order.ordered_at": lambda e: local(e.order.ordered_at),
        "order.channel": lambda e: e.order.channel,
        "order.status": lambda e: e.order.status.value,
        "order.customer_name": lambda e: mask("name", e.customer_name),
        "order.customer_member_no": lambda e: mask("member_no", e.customer_member_no),
        "order.ship_name": lambda e: mask("ship_name", e.order.ship_name),
        "order.ship_phone": lambda e: mask("ship_phone", e.order.ship_phone),
        "order.ship_address": lambda e: mask("ship_address", e.order.ship_address),
        "order.notes": lambda e: mask.free(e.order.notes),
        "order.item_count": lambda e: len(e.order.items),
        "order.total": lambda e: e.order.total_cents,
        "order.discount": lambda e: e.order.discount_cents,
        "order.shipping": lambda e: e.order.shipping_cents,
        "order.payable": lambda e: (
            e.order.total_cents - e.order.discount_cents + e.order.shipping_cents),
        "order.paid": lambda e: e.order.paid_cents,
    }
    getters = [table[column.key] for column in columns]
    if pseudonym is not None:
        getters.insert(0, lambda e: pseudonym(e.order.customer_id))
    return getters


ITEM_FIELDS: Final[dict[str, Callable[[object], CellValue]]] = {
    "item.sku": lambda i: getattr(i, "sku", ""),
    "item.product_name": lambda i: getattr(i, "product_name", ""),
    "item.quantity": lambda i: getattr(i, "quantity", None),
    "item.unit_price": lambda i: getattr(i, "unit_price_cents", None),
    "item.amount": lambda i: getattr(i, "amount_cents", None),
}


def feedback_getters(
    columns: Sequence[ColumnDef], mask: Masker, local: LocalTimes, pseudonym: Pseudonym | None
) -> list[Callable[[FeedbackListRow], CellValue]]:
    table: dict[str, Callable[[FeedbackListRow], CellValue]] = {
        "feedback.received_at": lambda f: local(f.received_at),
        "feedback.kind": lambda f: f.kind.value,
        "feedback.status": lambda f: f.status.value,
        "feedback.rating": lambda f: f.rating,
        "feedback.channel": lambda f: f.channel,
        "feedback.customer_name": lambda f: mask("name", f.customer_name),
        "feedback.order_no": lambda f: f.order_no or "",
        "feedback.content": lambda f: mask("content", f.content),
        "feedback.resolution": lambda f: mask("resolution", f.resolution),
        "feedback.assignee": lambda f: f.assignee_username or "",
        "feedback.resolved_at": lambda f: local(f.resolved_at),
        "feedback.overdue": lambda f: "yes" if f.overdue else "",
    }
    getters = [table[column.key] for column in columns]
    if pseudonym is not None:
        getters.insert(0, lambda f: pseudonym(f.customer_id))
    return getters


def masked_words(text: str, masked: bool) -> str:
    """Free text the user typed (a search, a purpose) as a masked file may show it."""
    return mask_free_text(text) if masked else text
